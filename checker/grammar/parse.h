/*
 * grammar_parser: the whole-sentence grammar check -- a check pass that
 * parses every sentence with link-grammar and reports, as evidence
 * weighed rather than as a verdict, what the parse says about it.
 *
 * Rules:
 *   grammar.parse          warning  the sentence has no complete parse, and
 *                                   a one-word repair at the unconnected
 *                                   word(s) gives one (repair.h); the
 *                                   repair is the suggestion.  Also:
 *                                   its only parse splits a noun phrase
 *                                   between the opening phrase and the
 *                                   subject ("In a chemical reaction
 *                                   observed by X showed..." read as "In a
 *                                   chemical, reaction ... showed"); the
 *                                   span is the two nouns
 *   grammar.parse-clause   warning  no complete parse of a short sentence
 *                                   of plain dictionary words (at most 12,
 *                                   no figures or quotations), no
 *                                   stand-in explains it, and it is a
 *                                   complete clause whose rest links
 *                                   plainly (findings.h)
 *   grammar.parse-short    info     the same for the other such sentences
 *                                   without names
 *   grammar.parse-unconfirmed info  no complete parse and no repair (or
 *                                   only an inserted word next to a
 *                                   function word or a capitalised word):
 *                                   often the dictionary's gap; a stand-in
 *                                   word of the same part of speech that
 *                                   links the sentence drops it altogether
 *   grammar.parse-skipped  info     the sentence was not checked (too long,
 *                                   link-grammar's time limit, or the
 *                                   document's sentence budget ran out)
 *
 * The pass in three steps, one file each:
 *   unit.h      the sentences that are prose (layout.h: not headlines,
 *               lists, datelines...) as lists of words the parser knows,
 *               each mapped to its span of the text (quotes.h: quoted
 *               sentences parsed apart, quoted fragments never blamed);
 *   linkgrammar.h  all units parsed in one batch, on all processors;
 *   findings.h  each failed parse weighed: the false-positive shapes
 *               dropped, the rest re-parsed with repairs (repair.h).
 *
 * Which sentences.  Every unit the parser can take (UNIT_MAX_WORDS) by
 * default.  checker_options.grammar_parser_max_words (--grammar-max-words)
 * parses only units of at most that many words the parser may blame
 * (punctuation and quoted fragments not counted); a longer one is left
 * to the other passes, without a note.  The parser's evidence is
 * trustworthy on short sentences: on the real MT of the MQM development
 * sets its warnings on sentences of at most 15 words landed on a marked
 * error 15 times in 23, on longer ones once in 5, while sentences over 16
 * words take some 90 % of the parse time (Brown corpus) -- but its info
 * notes on long sentences do point at real defects, so the default keeps
 * them.
 *
 * Cost.  Loading the dictionary takes about 0.15 s once per process;
 * parsing takes 2-30 ms of CPU per sentence (longer sentences cost more),
 * and a failed one about 25 cheap re-parses.  Every unit within the word
 * limit is parsed, on all processors, unless the document has a budget
 * (checker_options.grammar_parser_max_sentences): then the sentences
 * after the first that many are skipped with one info note.  The budget
 * counts sentences, never time, so what is reported does not depend on
 * the machine.  link-grammar's own per-sentence time limit
 * (linkgrammar.h) is a backstop for pathological sentences only (none of
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
