/*
 * affclosure: when does a word missing from a dictionary's expanded word
 * list (unmunch.h, the suggestion index) mean that Hunspell rejects it
 * too?  Then the speller can say "unknown" without loading Hunspell (tens
 * of milliseconds, and its look-ups), as it says "known" from the index.
 *
 * Hunspell accepts more than the expanded forms only through features an
 * .aff file names: compounding, BREAK points, IGNOREd or ICONV-converted
 * characters, affixes on affixes (continuation classes, CIRCUMFIX,
 * COMPLEXPREFIXES), flag aliases, and NOSUGGEST stems (accepted, but
 * left out of the index).  aff_closure_open() reads the .aff and .dic
 * texts and answers for *plain* words -- ASCII letters only, so none of
 * BREAK, ICONV or a digit-only compound rule can reach them:
 *
 *   - not closed at all (every "no" goes to Hunspell) when the .aff has
 *     FLAG (other flag syntaxes), AF, COMPOUNDFLAG/BEGIN/MIDDLE/END/LAST/
 *     ROOT, CIRCUMFIX, COMPLEXPREFIXES, LANG (case rules of its own),
 *     IGNORE or ICONV or BREAK touching an ASCII letter, an affix with a
 *     continuation class, a COMPOUNDRULE flag on a plain stem, or when a
 *     model word (the words added at run time take its affixes) has an
 *     affix that adds only letters (or nothing) to a plain word;
 *   - else closed, except for words that may be forms of a NOSUGGEST stem
 *     (they start with the stem less the longest end its suffix rules may
 *     strip from it, or contain it, less what prefix rules may strip from
 *     its start too, when it takes a prefix): those go to Hunspell.
 *
 * Case is the caller's (hunspell.c: capitalised forms are known with
 * their lower-case form unless KEEPCASE and the like).  The answer is
 * exact for the dictionaries it calls closed: tests/test_speller.c checks
 * it against Hunspell on en_US and en_GB.
 */
#ifndef MT_AFFCLOSURE_H
#define MT_AFFCLOSURE_H

#include <stddef.h>

struct aff_closure;

/*
 * Read the .aff and .dic texts (aff_len/dic_len bytes, any encoding
 * compatible with ASCII) and the model words of run-time additions
 * (models[0..n_models), NULL entries ignored).  Never fails: returns NULL
 * when the dictionary is not closed.  Free with aff_closure_free().
 */
struct aff_closure *aff_closure_open(const char *aff, size_t aff_len,
				     const char *dic, size_t dic_len,
				     const char *const *models,
				     size_t n_models);
void aff_closure_free(struct aff_closure *c); /* NULL: no-op */

/*
 * May Hunspell accept `word` (len bytes) although the expanded list lacks
 * it?  0 only for plain words (ASCII letters, in any case) that no
 * NOSUGGEST stem can produce; 1 for everything else, and always when c
 * is NULL.
 */
int aff_closure_open_to(const struct aff_closure *c, const char *word,
			size_t len);

/*
 * Does Hunspell accept two words it accepts joined by a hyphen ("well" and
 * "known": "well-known")?  Yes when the .aff has no BREAK (the default
 * breaks at '-') or a "BREAK -"; 0 when c is NULL.
 */
int aff_closure_hyphen_breaks(const struct aff_closure *c);

#endif /* MT_AFFCLOSURE_H */
