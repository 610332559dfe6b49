/*
 * sugindex: a symmetric-delete index over a word list, for spelling
 * suggestions in microseconds (SymSpell's method, Wolf Garbe 2012).
 *
 * Every word is indexed under each variant of its first SUGINDEX_PREFIX
 * bytes (lower case) with up to SUGINDEX_MAX_DIST bytes deleted.  Two words
 * within that many edits (insertions, deletions, substitutions, swaps of
 * neighbours) of each other share a variant, so a look-up only visits the
 * words that share one with the query, then keeps those whose real
 * distance (editdist_osa() over code points, ignoring case) is
 * at most SUGINDEX_MAX_DIST.  No search, no time limit: the work per query
 * is bounded by the number of variants (at most 29) and the words under
 * them.
 *
 * The index is one flat block of memory (header, bucket offsets, postings,
 * word offsets, word bytes), the same in memory and on disk, so a file
 * written by sugindex_write() is used in place by sugindex_map() (mmap:
 * pages are read as look-ups touch them; opening costs microseconds).  A
 * file records a 64-bit hash of its sources, chosen by the caller; a file
 * with another hash, another format version or a damaged size is refused,
 * so a stale cache is never used.
 *
 * Ownership: a sugindex owns its block (malloc'd or mapped) and nothing
 * else; words returned by look-ups point into it and stay valid until
 * sugindex_close().  Read-only after building: any number of threads may
 * look up at once.
 *
 * Errors: sugindex_map() fails with MT_ERR_IO (missing, unreadable, stale
 * or damaged file; the message says which), sugindex_write() with MT_ERR_IO
 * naming the file.  Building never fails.
 */
#ifndef MT_SUGINDEX_H
#define MT_SUGINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

#define SUGINDEX_PREFIX 7
#define SUGINDEX_MAX_DIST 2
/* bytes of a word (longer words are left out of the index and get no
 * candidates) */
#define SUGINDEX_MAX_WORD 100

struct sugindex;

/*
 * Index n UTF-8 words (NUL-terminated; repeats and empty words ignored,
 * words over SUGINDEX_MAX_WORD bytes left out).  `hash` identifies the
 * sources, for sugindex_write().  Free with sugindex_close().
 */
struct sugindex *sugindex_build(const char *const *words, size_t n,
				uint64_t hash);

/* Write the index to `path` (atomically: see atomicfile.h). */
MT_NODISCARD enum mt_err sugindex_write(const struct sugindex *ix,
					const char *path,
					struct mt_error *err);

/* Map an index file made by sugindex_write() for sources hashing to
 * `hash`. */
MT_NODISCARD enum mt_err sugindex_map(const char *path, uint64_t hash,
				      struct sugindex **out,
				      struct mt_error *err);

/* Release the block.  sugindex_close(NULL) does nothing. */
void sugindex_close(struct sugindex *ix);

/* How many distinct words are indexed. */
size_t sugindex_size(const struct sugindex *ix);

/* Is the word indexed, exactly as written? */
int sugindex_has(const struct sugindex *ix, const char *word, size_t len);

/* One candidate of a look-up. */
struct sugindex_hit {
	const char *word; /* NUL-terminated, in the index */
	uint32_t len;
	uint32_t dist;	  /* optimal string alignment distance, ignoring case */
};

/*
 * Words within `max_dist` (at most SUGINDEX_MAX_DIST) edits of `word`
 * (len bytes of UTF-8), ignoring case, the word itself excluded (but not
 * its other cases: "english" finds "English" at distance 0), into
 * hits[0..max), nearest first, then in index order (sorted
 * by bytes); returns their number (at most max: the first ones in that
 * order when more qualify).  The same query always gives the same answer.
 */
size_t sugindex_lookup(const struct sugindex *ix, const char *word,
		       size_t len, unsigned max_dist,
		       struct sugindex_hit *hits, size_t max);

/*
 * Lower-case a UTF-8 word into out (cap bytes, NUL-terminated; ICU simple
 * case mapping, typographic apostrophes made "'"); returns the length, or
 * (size_t)-1 when it does not fit or is not UTF-8.
 */
size_t sugindex_fold(const char *w, size_t len, char *out, size_t cap);

#endif /* MT_SUGINDEX_H */
