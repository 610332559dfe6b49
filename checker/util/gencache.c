/*
 * gencache: a byte-bounded cache in two generations (see gencache.h).
 */
#include "util/gencache.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void gen_init(struct gencache_gen *g)
{
	memset(g, 0, sizeof(*g));
	strtab_init(&g->tab);
	arena_init(&g->arena, 0);
}

static void gen_release(struct gencache_gen *g)
{
	strtab_release(&g->tab);
	arena_release(&g->arena);
	free(g->val);
	free(g->len);
	gen_init(g);
}

static size_t gen_bytes(const struct gencache_gen *g)
{
	return arena_used(&g->arena) + strtab_bytes(&g->tab) +
	       g->alloc_val * sizeof(*g->val) + g->alloc_len * sizeof(*g->len);
}

void gencache_init(struct gencache *c, size_t budget)
{
	memset(c, 0, sizeof(*c));
	gen_init(&c->gen[0]);
	gen_init(&c->gen[1]);
	c->budget = budget;
}

void gencache_release(struct gencache *c)
{
	gen_release(&c->gen[0]);
	gen_release(&c->gen[1]);
}

static int gen_empty(const struct gencache_gen *g)
{
	return strtab_count(&g->tab) == 0 && arena_used(&g->arena) == 0;
}

void gencache_clear(struct gencache *c)
{
	/* cheap when there is nothing to forget: the speller clears its
	 * caches for each of the 70,000 words it adds at start-up */
	if (!gen_empty(&c->gen[0]) || !gen_empty(&c->gen[1]))
		gencache_release(c);
	c->young = 0;
}

/* The young generation is full: drop the old one, and the young one
 * becomes old. */
static void turn(struct gencache *c)
{
	c->young = !c->young;
	gen_release(&c->gen[c->young]);
	c->turns++;
}

/* Arena bytes of an allocation of n (arena.c rounds to max_align_t). */
static size_t arena_size(size_t n)
{
	const size_t a = _Alignof(max_align_t);

	return (n + a - 1) / a * a;
}

/* How much gen_bytes(g) grows when the key (new there or not) is stored
 * with a value of vlen bytes. */
static size_t entry_bytes(const struct gencache_gen *g, int is_new, size_t klen,
			  size_t vlen)
{
	size_t n = strtab_count(&g->tab) + 1, b = arena_size(vlen ? vlen : 1);

	if (is_new)
		b += arena_size(klen + 1) + strtab_grow_bytes(&g->tab, 1) +
		     (xgrow_capacity(g->alloc_val, n) - g->alloc_val) *
			     sizeof(*g->val) +
		     (xgrow_capacity(g->alloc_len, n) - g->alloc_len) *
			     sizeof(*g->len);
	return b;
}

/*
 * Store into the young generation, turning first when the entry would
 * take it over half the budget.  `val` may be the old generation's copy
 * (a promotion): it is copied out before a turn frees it.
 */
static void *store(struct gencache *c, const char *key, size_t klen,
		   const void *val, size_t vlen)
{
	struct gencache_gen *g = &c->gen[c->young];
	struct gencache_gen empty;
	void *tmp = NULL, *copy;
	uint32_t id;
	int is_new;

	gen_init(&empty);
	if (vlen > UINT32_MAX || klen > UINT32_MAX ||
	    entry_bytes(&empty, 1, klen, vlen) > c->budget / 2)
		return NULL;
	is_new = strtab_find(&g->tab, key, klen) == STRTAB_NONE;
	if (gen_bytes(g) + entry_bytes(g, is_new, klen, vlen) > c->budget / 2) {
		tmp = xmalloc(vlen ? vlen : 1);
		memcpy(tmp, val, vlen);
		val = tmp;
		turn(c);
		g = &c->gen[c->young];
	}
	id = strtab_intern_copy(&g->tab, &g->arena, key, klen, &is_new);
	if (is_new) {
		g->val = xgrow(g->val, &g->alloc_val, id + 1, sizeof(*g->val));
		g->len = xgrow(g->len, &g->alloc_len, id + 1, sizeof(*g->len));
	}
	copy = arena_memdup(&g->arena, val, vlen ? vlen : 1);
	g->val[id] = copy;
	g->len[id] = (uint32_t)vlen;
	free(tmp);
	return copy;
}

void *gencache_get(struct gencache *c, const char *key, size_t klen,
		   size_t *vlen)
{
	struct gencache_gen *g = &c->gen[c->young], *old = &c->gen[!c->young];
	uint32_t id = strtab_find(&g->tab, key, klen);

	if (id != STRTAB_NONE) {
		*vlen = g->len[id];
		return g->val[id];
	}
	id = strtab_find(&old->tab, key, klen);
	if (id == STRTAB_NONE) {
		*vlen = 0;
		return NULL;
	}
	*vlen = old->len[id];
	/* still in use: into the young generation */
	return store(c, key, klen, old->val[id], old->len[id]);
}

void *gencache_put(struct gencache *c, const char *key, size_t klen,
		   const void *val, size_t vlen)
{
	return store(c, key, klen, val, vlen);
}

void gencache_each(struct gencache *c,
		   void (*fn)(void *val, size_t vlen, void *arg), void *arg)
{
	for (int k = 0; k < 2; k++) {
		struct gencache_gen *g = &c->gen[k ? !c->young : c->young];

		for (uint32_t id = 0; id < strtab_count(&g->tab); id++)
			fn(g->val[id], g->len[id], arg);
	}
}

size_t gencache_bytes(const struct gencache *c)
{
	return gen_bytes(&c->gen[0]) + gen_bytes(&c->gen[1]);
}

size_t gencache_count(const struct gencache *c)
{
	return strtab_count(&c->gen[0].tab) + strtab_count(&c->gen[1].tab);
}
