/*
 * spelling: the spelling pass -- Hunspell through speller.h, the project's
 * newsroom word lists, the user's accept and reject lists.
 *
 * What is checked: word tokens (segment.h), hyphenated compounds part by
 * part ("President-elect" is "President" and "elect"; a full stop inside a
 * token splits it too: "interest.One"), with typographic apostrophes
 * looked up as "'".  Never checked: URLs, e-mail addresses, @handles,
 * #hashtags, numbers and ordinals (not word tokens), text between backticks
 * (code spans) and HTML comments (suppression comments among them),
 * abbreviations with their full stop ("U.S."), single letters, words
 * holding digits ("G7") or symbols, words in another script than Latin
 * (the typography checks' business), all-caps acronyms up to
 * checker_options.acronym_max letters ("FSB"; default
 * SPELLING_ACRONYM_MAX) and their plurals ("MPs"), and words that occur in
 * the reference article.  Also accepted: a word whose accent-free form the
 * dictionary knows ("café"), words of a listed multi-word expression
 * occurring together ("deja vu"), and words only the other dialect's
 * dictionary knows when they have no regular counterpart in ours.
 *
 * What is reported (rule ids; all category fluency/spelling):
 *   spelling.unknown-word     warning  a lower-case word no dictionary knows;
 *                                      suggestions ranked by speller.h
 *   spelling.misspelled-name  warning  a capitalised unknown word close to a
 *                                      name known from the reference, the
 *                                      project's name lists or a spelling
 *                                      the same document uses more often
 *   spelling.unknown-term     info     a lower-case unknown word that looks
 *                                      deliberate (deliberate.h), or that
 *                                      no known word is one edit from
 *   spelling.unknown-name     info     any other capitalised unknown word:
 *                                      most are names; no suggestion
 *   spelling.rejected-word    warning  a word of a --reject list, with its
 *                                      preferred form ("Kiev -> Kyiv")
 *   spelling.dialect-variant  info     a word only the other English
 *                                      dialect's dictionary knows
 *                                      ("behaviour" in en_US text)
 * A capitalised word that opens a sentence is treated as lower case when
 * its best suggestion is a common lower-case word ("Teh" -> "The").
 *
 * Data, loaded once per checker in open (nothing when every spelling rule
 * is disabled): the Hunspell dictionary for
 * checker_options.lang (see speller_open(), with dict_path), every
 * <data_dir>/dictionaries/<language>/ *.words list (names and news
 * vocabulary; their capitalised entries are the names that
 * spelling.misspelled-name compares unknown words with) and *.accept list
 * (big gazetteers: accepted only; see dictionaries/README.md), frequency.tsv for ranking,
 * phrases.txt (multi-word loans such as "deja vu" whose parts are accepted
 * only together), then the --words and --reject files.  A missing
 * dictionary fails with MT_ERR_DICT, an unreadable list with MT_ERR_IO.
 *
 * Suggestions come from the speller's index (speller.h: microseconds a
 * word, no budget), so every unknown word with a dictionary word within
 * two edits (or two words run together) gets them.  Hunspell's own
 * suggestion search is never used here: it costs tens of milliseconds a
 * word and stops after a quarter of a second of process time, so its
 * answers would depend on the machine.
 */
#ifndef MT_SPELLING_H
#define MT_SPELLING_H

#include "check/pass.h"

#define SPELLING_ACRONYM_MAX 5

extern const struct check_pass spelling_pass;

#endif /* MT_SPELLING_H */
