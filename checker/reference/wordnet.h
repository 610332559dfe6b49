/*
 * wordnet: synonyms and base forms from Princeton WordNet 3.0, read from
 * the database files Debian's wordnet-base installs (/usr/share/wordnet).
 *
 * What is read: the four index files (index.noun, index.verb, index.adj,
 * index.adv: one line per lemma with the offsets of its synsets, most
 * frequent sense first) and the four exception lists (noun.exc, ...:
 * irregular inflected form -> base forms, "went" -> "go", "children" ->
 * "child").  The data.* files (glosses, relations) are not needed: two
 * words are synonyms when a lemma of each lies in one synset, and the
 * index files say which synsets hold a lemma.
 *
 * Lemmas: a word's lemmas are those of its lower-case form that WordNet
 * lists: the form itself, its exception-list bases, and the bases WordNet's
 * own "morphy" detachment rules give ("horses" -> "horse", "stopped" ->
 * "stop", "bigger" -> "big").  Multi-word lemmas ("ice_cream") are loaded
 * but are reached only by their underscore form.
 *
 * Ownership: a struct wordnet is long-lived (open once, share read-only;
 * safe between threads).  It keeps the index files in memory (about 6 MB)
 * and borrows its keys from them.  Opening costs some tens of
 * milliseconds, so callers open it only when they need it.
 *
 * Errors: wordnet_open() fails with MT_ERR_DICT naming the directory and
 * the file when an index file cannot be read (the Debian package
 * wordnet-base is missing); a malformed line is skipped.
 */
#ifndef MT_WORDNET_H
#define MT_WORDNET_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

struct wordnet;

/* Parts of speech, as bits (a lemma may have several). */
enum wordnet_pos {
	WN_NOUN = 1,
	WN_VERB = 2,
	WN_ADJ = 4,
	WN_ADV = 8,
};

/*
 * Read the database in `dir` (NULL: $MTLINT_WORDNET_DIR, else
 * /usr/share/wordnet).  On success *out owns it (wordnet_close()).
 */
MT_NODISCARD enum mt_err wordnet_open(const char *dir, struct wordnet **out,
				      struct mt_error *err);
void wordnet_close(struct wordnet *wn); /* NULL is a no-op */

/* Number of lemmas loaded (all parts of speech together). */
size_t wordnet_size(const struct wordnet *wn);

#define WORDNET_NONE UINT32_MAX

/* The id of a lemma (lower case, exactly as listed), or WORDNET_NONE. */
uint32_t wordnet_find(const struct wordnet *wn, const char *lemma,
		      size_t len);

/* The parts of speech (enum wordnet_pos bits) of a lemma id. */
unsigned wordnet_pos(const struct wordnet *wn, uint32_t id);

/*
 * Lemma ids of a word form (UTF-8; lower-cased here, ASCII letters only):
 * see "Lemmas" above.  At most `max` into ids, the form itself first;
 * returns their number (0: WordNet does not know the word).
 */
size_t wordnet_lemmas(const struct wordnet *wn, const char *word, size_t len,
		      uint32_t *ids, size_t max);

/*
 * Do lemma ids a and b share a synset (in any part of speech)?  Senses
 * beyond the first `senses` of each lemma are ignored (0: all of them):
 * rare senses make remote words synonyms ("lead" and "star").
 */
int wordnet_synonyms(const struct wordnet *wn, uint32_t a, uint32_t b,
		     unsigned senses);

#endif /* MT_WORDNET_H */
