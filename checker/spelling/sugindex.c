/*
 * sugindex: the symmetric-delete suggestion index (see sugindex.h).
 *
 * Layout of the block (native byte order; a file from another machine
 * fails the magic/version check and is rebuilt):
 *
 *   struct header
 *   uint32_t bucket[n_buckets + 1]   postings of bucket b: post[bucket[b]
 *                                    .. bucket[b + 1]), word ids ascending
 *   uint32_t post[n_post]
 *   uint32_t word[n_words + 1]       word i: words + word[i], NUL-terminated
 *   char     words[word_bytes]       sorted by bytes, distinct
 *
 * A variant's bucket is its hash masked to n_buckets (a power of two):
 * buckets mix variants, which costs a few extra candidates and nothing
 * else, since every candidate's distance is checked.
 */
#include "spelling/sugindex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "util/atomicfile.h"
#include "util/editdist.h"
#include "util/hash.h"
#include "util/xalloc.h"

#define MAGIC "MTSUGIX"
#define VERSION 1u

struct header {
	char magic[8];
	uint32_t version, prefix, max_dist, n_buckets;
	uint64_t hash, size;
	uint32_t n_words, n_post, word_bytes, pad;
};

struct sugindex {
	unsigned char *base;
	size_t size;
	int mapped;
	const struct header *h;
	const uint32_t *bucket, *post, *word;
	const char *words;
};

/* The most variants of one prefix: 1 + 7 + 21. */
#define MAX_VARIANTS 29

size_t sugindex_fold(const char *w, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	while (i < len) {
		UChar32 c;
		UBool bad = 0;
		unsigned char b = (unsigned char)w[i];

		if (b < 0x80) { /* nearly every letter of English text */
			if (o + 1 >= cap)
				return (size_t)-1;
			out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		U8_NEXT(w, i, len, c);
		if (c < 0)
			return (size_t)-1;
		c = (c == 0x2019 || c == 0x2018 || c == 0x02BC) ? '\''
								 : u_tolower(c);
		if (o + 4 >= cap)
			return (size_t)-1;
		U8_APPEND((uint8_t *)out, o, cap, c, bad);
		if (bad)
			return (size_t)-1;
	}
	out[o] = '\0';
	return o;
}

/*
 * The buckets of the delete variants of key[0..n) (n <= SUGINDEX_PREFIX),
 * up to max_dist deletions, sorted and distinct, into b; returns how many.
 */
static size_t variants(const char *key, size_t n, unsigned max_dist,
		       uint32_t mask, uint32_t *b)
{
	char v[SUGINDEX_PREFIX];
	size_t k = 0, o;

	b[k++] = (uint32_t)hash_bytes(HASH_INIT, key, n) & mask;
	for (size_t i = 0; max_dist >= 1 && i < n; i++) {
		o = 0;
		for (size_t x = 0; x < n; x++)
			if (x != i)
				v[o++] = key[x];
		b[k++] = (uint32_t)hash_bytes(HASH_INIT, v, o) &
			 mask;
		for (size_t j = i + 1; max_dist >= 2 && j < n; j++) {
			o = 0;
			for (size_t x = 0; x < n; x++)
				if (x != i && x != j)
					v[o++] = key[x];
			b[k++] = (uint32_t)hash_bytes(HASH_INIT,
							 v, o) &
				 mask;
		}
	}
	/* insertion sort, then drop repeats ("aab" loses either a) */
	for (size_t i = 1; i < k; i++)
		for (size_t j = i; j > 0 && b[j - 1] > b[j]; j--) {
			uint32_t t = b[j];

			b[j] = b[j - 1];
			b[j - 1] = t;
		}
	o = 0;
	for (size_t i = 0; i < k; i++)
		if (!o || b[o - 1] != b[i])
			b[o++] = b[i];
	return o;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static struct sugindex *wrap(unsigned char *base, size_t size, int mapped)
{
	struct sugindex *ix = xcalloc(1, sizeof(*ix));
	const struct header *h = (const struct header *)base;

	ix->base = base;
	ix->size = size;
	ix->mapped = mapped;
	ix->h = h;
	ix->bucket = (const uint32_t *)(base + sizeof(*h));
	ix->post = ix->bucket + h->n_buckets + 1;
	ix->word = ix->post + h->n_post;
	ix->words = (const char *)(ix->word + h->n_words + 1);
	return ix;
}

/* A word's folded prefix, for building: up to SUGINDEX_PREFIX bytes. */
struct pkey {
	char k[SUGINDEX_PREFIX];
	uint8_t n;
};

struct sugindex *sugindex_build(const char *const *words, size_t n,
				uint64_t hash)
{
	const char **v = xmalloc((n ? n : 1) * sizeof(*v));
	size_t nw = 0, bytes = 0, n_post = 0, size;
	uint32_t n_buckets = 1024, mask, *count, *bucket, *post, *word;
	struct pkey *pk;
	struct header *h;
	unsigned char *base;
	char *wb;

	for (size_t i = 0; i < n; i++)
		if (words[i][0] && strlen(words[i]) <= SUGINDEX_MAX_WORD)
			v[nw++] = words[i];
	qsort(v, nw, sizeof(*v), cmp_str);
	n = nw;
	nw = 0;
	for (size_t i = 0; i < n; i++)
		if (!nw || strcmp(v[nw - 1], v[i]) != 0)
			v[nw++] = v[i];
	pk = xcalloc(nw ? nw : 1, sizeof(*pk));
	for (size_t i = 0; i < nw; i++) {
		char f[4 * SUGINDEX_MAX_WORD + 8];
		size_t fl = sugindex_fold(v[i], strlen(v[i]), f, sizeof(f));

		if (fl == (size_t)-1)
			fl = 0; /* not UTF-8: only under the empty variant */
		pk[i].n = (uint8_t)(fl < SUGINDEX_PREFIX ? fl : SUGINDEX_PREFIX);
		memcpy(pk[i].k, f, pk[i].n);
		bytes += strlen(v[i]) + 1;
	}
	/* about 25 variants a word, 4 postings a bucket */
	while (n_buckets < nw * 6 && n_buckets < (1u << 30))
		n_buckets <<= 1;
	mask = n_buckets - 1;
	count = xcalloc((size_t)n_buckets + 1, sizeof(*count));
	for (size_t i = 0; i < nw; i++) {
		uint32_t b[MAX_VARIANTS];
		size_t k = variants(pk[i].k, pk[i].n, SUGINDEX_MAX_DIST, mask, b);

		for (size_t j = 0; j < k; j++)
			count[b[j] + 1]++;
		n_post += k;
	}
	size = sizeof(*h) + ((size_t)n_buckets + 1 + n_post + nw + 1) * 4 +
	       bytes;
	base = xcalloc(1, size);
	h = (struct header *)base;
	memcpy(h->magic, MAGIC, sizeof(MAGIC));
	h->version = VERSION;
	h->prefix = SUGINDEX_PREFIX;
	h->max_dist = SUGINDEX_MAX_DIST;
	h->n_buckets = n_buckets;
	h->hash = hash;
	h->size = size;
	h->n_words = (uint32_t)nw;
	h->n_post = (uint32_t)n_post;
	h->word_bytes = (uint32_t)bytes;
	bucket = (uint32_t *)(base + sizeof(*h));
	post = bucket + n_buckets + 1;
	word = post + n_post;
	wb = (char *)(word + nw + 1);
	for (uint32_t b = 0; b < n_buckets; b++)
		count[b + 1] += count[b];
	memcpy(bucket, count, ((size_t)n_buckets + 1) * sizeof(*bucket));
	/* count[b] is now the next free posting of bucket b; words in id
	 * order, so each bucket's ids ascend */
	for (size_t i = 0; i < nw; i++) {
		uint32_t b[MAX_VARIANTS];
		size_t k = variants(pk[i].k, pk[i].n, SUGINDEX_MAX_DIST, mask, b);

		for (size_t j = 0; j < k; j++)
			post[count[b[j]]++] = (uint32_t)i;
	}
	bytes = 0;
	for (size_t i = 0; i < nw; i++) {
		size_t l = strlen(v[i]) + 1;

		word[i] = (uint32_t)bytes;
		memcpy(wb + bytes, v[i], l);
		bytes += l;
	}
	word[nw] = (uint32_t)bytes;
	free(count);
	free(pk);
	free(v);
	return wrap(base, size, 0);
}

enum mt_err sugindex_write(const struct sugindex *ix, const char *path,
			   struct mt_error *err)
{
	return atomicfile_write(path, ix->base, ix->size, NULL, 0, 0, err);
}

/* Is the block a complete index of this version for `hash`? */
static const char *damaged(const unsigned char *base, size_t size,
			   uint64_t hash)
{
	const struct header *h = (const struct header *)base;
	uint64_t need;

	if (size < sizeof(*h) || memcmp(h->magic, MAGIC, sizeof(MAGIC)) != 0 ||
	    h->version != VERSION || h->prefix != SUGINDEX_PREFIX ||
	    h->max_dist != SUGINDEX_MAX_DIST)
		return "not an index of this version";
	if (h->hash != hash)
		return "made from other sources";
	need = sizeof(*h) + ((uint64_t)h->n_buckets + 1 + h->n_post +
			     h->n_words + 1) * 4 + h->word_bytes;
	if (h->size != size || need != size || !h->n_buckets ||
	    (h->n_buckets & (h->n_buckets - 1)))
		return "damaged";
	return NULL;
}

enum mt_err sugindex_map(const char *path, uint64_t hash,
			 struct sugindex **out, struct mt_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *base;
	const char *why;
	struct sugindex *ix;

	*out = NULL;
	if (fd < 0)
		return mt_error(err, MT_ERR_IO, "cannot open '%s': %s", path,
				strerror(errno));
	if (fstat(fd, &st) != 0 || st.st_size <= 0) {
		close(fd);
		return mt_error(err, MT_ERR_IO, "'%s': empty or unreadable",
				path);
	}
	base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return mt_error(err, MT_ERR_IO, "cannot map '%s': %s", path,
				strerror(errno));
	why = damaged(base, (size_t)st.st_size, hash);
	if (why) {
		munmap(base, (size_t)st.st_size);
		return mt_error(err, MT_ERR_IO, "'%s': %s", path, why);
	}
	ix = wrap(base, (size_t)st.st_size, 1);
	/* the last check needs the arrays: offsets inside the block */
	if (ix->bucket[ix->h->n_buckets] != ix->h->n_post ||
	    ix->word[ix->h->n_words] != ix->h->word_bytes) {
		sugindex_close(ix);
		return mt_error(err, MT_ERR_IO, "'%s': damaged", path);
	}
	*out = ix;
	return MT_ERR_OK;
}

void sugindex_close(struct sugindex *ix)
{
	if (!ix)
		return;
	if (ix->mapped)
		munmap(ix->base, ix->size);
	else
		free(ix->base);
	free(ix);
}

size_t sugindex_size(const struct sugindex *ix)
{
	return ix->h->n_words;
}

int sugindex_has(const struct sugindex *ix, const char *word, size_t len)
{
	char f[4 * SUGINDEX_MAX_WORD + 8];
	size_t fl = sugindex_fold(word, len, f, sizeof(f));
	uint32_t b;

	if (fl == (size_t)-1 || len > SUGINDEX_MAX_WORD)
		return 0;
	b = (uint32_t)hash_bytes(HASH_INIT, f,
				    fl < SUGINDEX_PREFIX ? fl
							 : SUGINDEX_PREFIX) &
	    (ix->h->n_buckets - 1);
	for (uint32_t p = ix->bucket[b]; p < ix->bucket[b + 1]; p++) {
		const char *w = ix->words + ix->word[ix->post[p]];

		if (strlen(w) == len && memcmp(w, word, len) == 0)
			return 1;
	}
	return 0;
}

/* Code points of a folded word; -1 when over cap. */
static int code_points(const char *s, size_t n, UChar32 *out, int cap)
{
	int32_t i = 0, k = 0;

	while (i < (int32_t)n) {
		UChar32 c;

		U8_NEXT(s, i, (int32_t)n, c);
		if (k >= cap)
			return -1;
		out[k++] = c;
	}
	return k;
}

static int cmp_hit(const void *pa, const void *pb)
{
	const struct sugindex_hit *a = pa, *b = pb;

	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	return a->word < b->word ? -1 : a->word > b->word; /* index order */
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

size_t sugindex_lookup(const struct sugindex *ix, const char *word,
		       size_t len, unsigned max_dist,
		       struct sugindex_hit *hits, size_t max)
{
	char q[4 * SUGINDEX_MAX_WORD + 8];
	UChar32 qc[SUGINDEX_MAX_WORD + 1];
	uint32_t b[MAX_VARIANTS], *ids = NULL;
	size_t ql, k, n_ids = 0, alloc = 0, n_hits = 0;
	struct sugindex_hit *all = NULL;
	int qn;

	if (max_dist > SUGINDEX_MAX_DIST)
		max_dist = SUGINDEX_MAX_DIST;
	if (len > SUGINDEX_MAX_WORD)
		return 0;
	ql = sugindex_fold(word, len, q, sizeof(q));
	if (ql == (size_t)-1)
		return 0;
	qn = code_points(q, ql, qc, SUGINDEX_MAX_WORD + 1);
	if (qn < 0)
		return 0;
	k = variants(q, ql < SUGINDEX_PREFIX ? ql : SUGINDEX_PREFIX, max_dist,
		     ix->h->n_buckets - 1, b);
	for (size_t i = 0; i < k; i++) {
		uint32_t lo = ix->bucket[b[i]], hi = ix->bucket[b[i] + 1];

		if (hi == lo)
			continue;
		ids = xgrow(ids, &alloc, n_ids + (hi - lo), sizeof(*ids));
		memcpy(ids + n_ids, ix->post + lo, (hi - lo) * sizeof(*ids));
		n_ids += hi - lo;
	}
	if (n_ids)
		qsort(ids, n_ids, sizeof(*ids), cmp_u32);
	all = xmalloc((n_ids ? n_ids : 1) * sizeof(*all));
	for (size_t i = 0; i < n_ids; i++) {
		const char *w;
		char f[4 * SUGINDEX_MAX_WORD + 8];
		UChar32 wc[SUGINDEX_MAX_WORD + 1];
		size_t wl, fl;
		int wn;
		unsigned d;

		if (i && ids[i] == ids[i - 1])
			continue;
		w = ix->words + ix->word[ids[i]];
		wl = strlen(w);
		fl = sugindex_fold(w, wl, f, sizeof(f));
		if (fl == (size_t)-1)
			continue;
		wn = code_points(f, fl, wc, SUGINDEX_MAX_WORD + 1);
		if (wn < 0)
			continue;
		d = editdist_osa(qc, (size_t)qn, wc, (size_t)wn, max_dist);
		if (d > max_dist || (wl == len && memcmp(w, word, len) == 0))
			continue;
		all[n_hits++] = (struct sugindex_hit){ w, (uint32_t)wl, d };
	}
	qsort(all, n_hits, sizeof(*all), cmp_hit);
	if (n_hits > max)
		n_hits = max;
	memcpy(hits, all, n_hits * sizeof(*hits));
	free(all);
	free(ids);
	return n_hits;
}
