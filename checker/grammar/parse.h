/*
 * grammar_parser: the whole-sentence grammar check -- a check pass that
 * parses every sentence with link-grammar (through parser.h) and reports
 * the words the best parse cannot connect.
 *
 * Rules:
 *   grammar.parse          warning  the sentence has no complete parse; the
 *                                   span is the unconnected word(s).  Also:
 *                                   its only parse splits a noun phrase
 *                                   between the opening phrase and the
 *                                   subject ("In a chemical reaction
 *                                   observed by X showed..." read as "In a
 *                                   chemical, reaction ... showed"); the
 *                                   span is the two nouns
 *   grammar.parse-skipped  info     the sentence was not checked (too long,
 *                                   link-grammar's time limit, or the
 *                                   document's sentence budget ran out)
 *
 * What the parser sees.  Each sentence (doc->sentences) is turned into a
 * list of words, each mapped to the byte span of its token, so that every
 * finding points at the user's text:
 *   - quotation marks (curly and straight, single and double, guillemets)
 *     are dropped; a quoted span that is a sentence of its own (capitalised,
 *     four words or more) is parsed on its own, and stands in the sentence
 *     around it as the clause "it is so"; a quoted fragment stays in place,
 *     but its words are never blamed (quoted speech may be a fragment),
 *     except for a short quoted term (two or three lower-case words right
 *     after a word of the sentence: 'called the plan "serious mistake"'),
 *     which is part of the sentence's syntax;
 *   - abbreviations the dictionary does not know become placeholders the
 *     dictionary does know: a title before a name ("Adm. Smith") becomes
 *     "Mr.", any other abbreviation a proper noun; numbers other than plain
 *     digits (dates, times, 1,000.5) become "35"; URLs, e-mail addresses,
 *     handles and hashtags become a proper noun; curly apostrophes become
 *     straight ones;
 *   - a leading dateline ("MOSCOW (Reuters) -", "date 2016-12-29") and a
 *     list bullet are left out;
 *   - sentences longer than the parser's limit are split at semicolons, and
 *     parts still too long are skipped with an info note.
 * Skipped without a note: headlines (a line without final punctuation whose
 * words are mostly capitalised), list items (lines without final
 * punctuation in a paragraph of several lines), sentences of fewer than
 * four words, sentences with an ellipsis (elided text), and sentences in
 * another script or in another language (most of their words
 * unconnected).
 *
 * Precision.  A finding is dropped when the unconnected words are only
 * punctuation, only unknown capitalised words or abbreviations (names the
 * dictionary lacks), or inside a quoted fragment; and when an earlier pass
 * already reported a fluency/grammar problem on the same span or the word
 * next to it (the rule engine runs first; the same defect is reported
 * once).
 *
 * Cost.  Loading the dictionary takes about 0.15 s once per process;
 * parsing takes 2-30 ms of CPU per sentence (longer sentences cost more).
 * Every sentence is parsed, on all processors (parser.h), unless the
 * document has a budget (checker_options.grammar_parser_max_sentences):
 * then the sentences after the first that many are skipped with one info
 * note.  The budget counts sentences, never time, so what is reported
 * does not depend on the machine.  link-grammar's own per-sentence time
 * limit (parser.h) is a backstop for pathological sentences only (none of
 * the Brown corpus's reaches it); a sentence that does gets its own note.
 * Results are cached per sentence text for the life of the checker.
 *
 * The pass runs when checker_options.grammar_parser is 1; -1 (the library
 * default) and 0 leave it off -- the run (run/session.h) turns it on for
 * every front end unless told --grammar-parser off.
 */
#ifndef MT_PARSE_H
#define MT_PARSE_H

#include "check/pass.h"

extern const struct check_pass grammar_parser_pass;


#endif /* MT_PARSE_H */
