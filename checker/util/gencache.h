/*
 * gencache: a cache from byte-string keys to byte-string values, bounded
 * by bytes -- for what a long-lived checker remembers between documents
 * (the parser's result per sentence), so that an editor session or a
 * server runs in flat memory however long it lives.
 *
 * Two generations, each a strtab (util/strtab.h) and an arena holding
 * copies of the keys and values: entries go into the young generation;
 * when it holds more than half the budget, the old generation is freed
 * whole and the young one becomes the old one.  A hit in the old
 * generation copies the entry into the young one, so what is still in use
 * (the sentences of the open documents) survives every turn, while what
 * was not asked for during a whole generation is dropped.  Lookups and
 * insertions cost one hash; a turn frees one arena and one table.
 *
 * Budget: gencache_bytes() counts the keys and values as stored (arena
 * bytes, aligned), the tables' arrays and the value index; by that count
 * the cache never holds more than `budget` bytes (an entry too large for
 * half of it is not kept).  On top, the arenas' unfilled last blocks (64
 * KB each) and malloc's own overhead.
 *
 * Determinism: what the cache holds depends only on the sequence of calls
 * (no clock, no addresses).  Callers keep only answers that a fresh
 * computation gives again, so that what a checker reports never depends
 * on what its cache holds (tests/test_util.c checks eviction by bytes).
 *
 * Ownership: the cache owns its copies.  A value pointer returned by
 * gencache_get() or gencache_put() stays valid until the next call of
 * either (a promotion or a turn may free it), or gencache_clear()/
 * gencache_release(); values may be changed in place through it.  Not
 * thread-safe: callers sharing a cache lock around it.
 */
#ifndef MT_GENCACHE_H
#define MT_GENCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/strtab.h"

struct gencache_gen {
	struct strtab tab;
	struct arena arena; /* keys and values */
	void **val;	    /* by id */
	uint32_t *len;	    /* by id: value bytes */
	size_t alloc_val, alloc_len;
};

struct gencache {
	struct gencache_gen gen[2]; /* gen[young] and gen[!young] */
	int young;
	size_t budget;
	uint64_t turns; /* generations dropped, for tests and stats */
};

/* An empty cache of at most `budget` bytes (see above); allocates
 * nothing.  gencache_release() frees everything; the cache can be used
 * again after gencache_init(). */
void gencache_init(struct gencache *c, size_t budget);
void gencache_release(struct gencache *c);
/* Forget every entry (keeps the budget). */
void gencache_clear(struct gencache *c);

/*
 * The value stored for key[0..klen), or NULL; *vlen gets its length.  A
 * hit in the old generation is moved to the young one first.
 */
void *gencache_get(struct gencache *c, const char *key, size_t klen,
		   size_t *vlen);

/*
 * Store a copy of val[0..vlen) for the key (replacing what was stored),
 * and return the copy; NULL when the entry alone exceeds half the budget
 * (nothing is stored).  May drop the old generation first.
 */
void *gencache_put(struct gencache *c, const char *key, size_t klen,
		   const void *val, size_t vlen);

/* Call fn on every stored value (young generation first, each in
 * insertion order); fn may change the value in place. */
void gencache_each(struct gencache *c,
		   void (*fn)(void *val, size_t vlen, void *arg), void *arg);

/* Bytes held by the count above; entries held. */
size_t gencache_bytes(const struct gencache *c);
size_t gencache_count(const struct gencache *c);

#endif /* MT_GENCACHE_H */
