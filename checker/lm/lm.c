/*
 * lm: the mapped n-gram model (see lm.h; the file layout is lm_format.h).
 */
#include "lm/lm.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lm/lm_format.h"
#include "util/hash.h"
#include "util/xalloc.h"

struct lm {
	const unsigned char *map;
	size_t size;
	const struct lm_header *h;
	const char (*tag_names)[LM_TAG_NAME];
	const uint64_t *word_hash;
	const struct lm_word_rec *word_rec;
	const uint32_t *tag1, *tag2, *tag3;
	const uint64_t *bigram_hash;
	const uint32_t *bigram_count;
};

/* The hashes the model uses (dictionaries/build-lm.py computes the same):
 * FNV-1a 64 (util/hash.h) over the lower-cased bytes; a bigram hashes
 * "w1 w2". */
static uint64_t hash_lower(uint64_t h, const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = hash_byte(h, (unsigned char)tolower((unsigned char)w[i]));
	return h;
}

static uint64_t lm_hash_word(const char *w, size_t len)
{
	return hash_lower(HASH_INIT, w, len);
}

static uint64_t lm_hash_bigram(const char *w1, size_t n1, const char *w2,
			       size_t n2)
{
	return hash_lower(hash_byte(lm_hash_word(w1, n1), ' '), w2, n2);
}

/* Does the table [off, off + n * size) lie inside the file? */
static int inside(const struct lm *lm, uint64_t off, uint64_t n,
		  uint64_t size)
{
	return off % 8 == 0 && off <= lm->size && n <= (lm->size - off) / size;
}

enum mt_err lm_open(const char *path, struct lm **out, struct mt_error *err)
{
	struct lm *lm = xcalloc(1, sizeof(*lm));
	const struct lm_header *h;
	struct stat st;
	uint64_t t;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*out = NULL;
	if (fd < 0) {
		free(lm);
		return mt_error(err, MT_ERR_IO, "cannot open '%s': %s", path,
				strerror(errno));
	}
	if (fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(*h)) {
		close(fd);
		free(lm);
		return mt_error(err, MT_ERR_DICT,
				"'%s' is not a language model (too short)",
				path);
	}
	lm->size = (size_t)st.st_size;
	lm->map = mmap(NULL, lm->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (lm->map == MAP_FAILED) {
		free(lm);
		return mt_error(err, MT_ERR_IO, "cannot map '%s': %s", path,
				strerror(errno));
	}
	h = lm->h = (const struct lm_header *)lm->map;
	t = h->n_tags;
	if (memcmp(h->magic, LM_MAGIC, sizeof(h->magic)) ||
	    h->version != LM_VERSION || h->file_size != lm->size ||
	    t < 2 || t > LM_MAX_TAGS ||
	    !inside(lm, h->off_tag_names, t, LM_TAG_NAME) ||
	    !inside(lm, h->off_word_hash, h->n_words, 8) ||
	    !inside(lm, h->off_word_rec, h->n_words,
		    sizeof(struct lm_word_rec)) ||
	    !inside(lm, h->off_tag1, t, 4) ||
	    !inside(lm, h->off_tag2, t * t, 4) ||
	    !inside(lm, h->off_tag3, t * t * t, 4) ||
	    !inside(lm, h->off_bigram_hash, h->n_bigrams, 8) ||
	    !inside(lm, h->off_bigram_count, h->n_bigrams, 4)) {
		lm_close(lm);
		return mt_error(err, MT_ERR_DICT,
				"'%s' is not a language model of version %d "
				"(rebuild it: make lm)",
				path, LM_VERSION);
	}
	lm->tag_names = (const void *)(lm->map + h->off_tag_names);
	lm->word_hash = (const void *)(lm->map + h->off_word_hash);
	lm->word_rec = (const void *)(lm->map + h->off_word_rec);
	lm->tag1 = (const void *)(lm->map + h->off_tag1);
	lm->tag2 = (const void *)(lm->map + h->off_tag2);
	lm->tag3 = (const void *)(lm->map + h->off_tag3);
	lm->bigram_hash = (const void *)(lm->map + h->off_bigram_hash);
	lm->bigram_count = (const void *)(lm->map + h->off_bigram_count);
	for (uint32_t i = 0; i < h->n_words; i++)
		if (lm->word_rec[i].n_tags > LM_MAX_WORD_TAGS) {
			lm_close(lm);
			return mt_error(err, MT_ERR_DICT,
					"'%s': word record %u is damaged",
					path, i);
		}
	*out = lm;
	return MT_ERR_OK;
}

void lm_close(struct lm *lm)
{
	if (!lm)
		return;
	if (lm->map && lm->map != MAP_FAILED)
		munmap((void *)lm->map, lm->size);
	free(lm);
}

void lm_stats(const struct lm *lm, struct lm_stats *out)
{
	out->tokens = lm->h->tokens;
	out->n_tags = lm->h->n_tags;
	out->n_words = lm->h->n_words;
	out->n_word_bigrams = lm->h->n_bigrams;
}

uint32_t lm_n_tags(const struct lm *lm)
{
	return lm->h->n_tags;
}

const char *lm_tag_name(const struct lm *lm, uint32_t tag)
{
	return tag < lm->h->n_tags ? lm->tag_names[tag] : "?";
}

int lm_tag_by_name(const struct lm *lm, const char *name)
{
	for (uint32_t t = 0; t < lm->h->n_tags; t++)
		if (!strncmp(lm->tag_names[t], name, LM_TAG_NAME))
			return (int)t;
	return -1;
}

/* Index of `h` in the sorted array v[0..n), or -1. */
static long bisect(const uint64_t *v, uint64_t n, uint64_t h)
{
	uint64_t lo = 0, hi = n;

	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (v[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == h ? (long)lo : -1;
}

uint32_t lm_word(const struct lm *lm, const char *w, size_t len,
		 struct lm_word *out)
{
	long i = bisect(lm->word_hash, lm->h->n_words, lm_hash_word(w, len));
	const struct lm_word_rec *r;

	memset(out, 0, sizeof(*out));
	if (i < 0)
		return 0;
	r = &lm->word_rec[i];
	out->count = r->count;
	out->n_tags = r->n_tags;
	for (uint32_t k = 0; k < r->n_tags; k++) {
		out->tags[k] = r->tags[k] < lm->h->n_tags ? r->tags[k] : 0;
		out->tag_counts[k] = r->tag_counts[k];
	}
	return r->count;
}

uint32_t lm_tag1(const struct lm *lm, uint32_t t)
{
	return t < lm->h->n_tags ? lm->tag1[t] : 0;
}

uint32_t lm_tag2(const struct lm *lm, uint32_t t1, uint32_t t2)
{
	uint32_t n = lm->h->n_tags;

	return t1 < n && t2 < n ? lm->tag2[t1 * n + t2] : 0;
}

static uint32_t lm_tag3(const struct lm *lm, uint32_t t1, uint32_t t2,
		       uint32_t t3)
{
	uint32_t n = lm->h->n_tags;

	return t1 < n && t2 < n && t3 < n
		       ? lm->tag3[((size_t)t1 * n + t2) * n + t3]
		       : 0;
}

uint32_t lm_bigram(const struct lm *lm, const char *w1, size_t n1,
		   const char *w2, size_t n2)
{
	long i = bisect(lm->bigram_hash, lm->h->n_bigrams,
			lm_hash_bigram(w1, n1, w2, n2));

	return i < 0 ? 0 : lm->bigram_count[i];
}

/*
 * Jelinek-Mercer interpolation of the maximum-likelihood trigram, bigram
 * and unigram estimates.  The weights are the usual ones for a tag model
 * of a million tokens (most mass on the trigram, a floor from the
 * unigram); the floor keeps log finite for any tag triple.
 */
double lm_tag_logprob(const struct lm *lm, uint32_t t1, uint32_t t2,
		      uint32_t t3)
{
	const double l3 = 0.70, l2 = 0.25, l1 = 0.05;
	double c12 = lm_tag2(lm, t1, t2), c2 = lm_tag1(lm, t2);
	double p3 = c12 > 0 ? lm_tag3(lm, t1, t2, t3) / c12 : 0;
	double p2 = c2 > 0 ? lm_tag2(lm, t2, t3) / c2 : 0;
	double p1 = (lm_tag1(lm, t3) + 1.0) / ((double)lm->h->tokens + 1.0);

	return log(l3 * p3 + l2 * p2 + l1 * p1);
}
