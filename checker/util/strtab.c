/*
 * strtab: the hash table (see strtab.h).  Open addressing with linear
 * probing over an array of ids, each slot holding its key's hash beside
 * the id, so that a probe past another key compares hashes in the slot
 * array and reads no key (the keys are a second, random memory access:
 * the lexicon and the speller's cache are large); the slot array doubles
 * when it is half full, so probe runs stay short.  Keys keep their hash,
 * so growing never rehashes a string.
 */
#include "util/strtab.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xalloc.h"

void strtab_init(struct strtab *t)
{
	memset(t, 0, sizeof(*t));
}

void strtab_init_nocase(struct strtab *t)
{
	strtab_init(t);
	t->nocase = 1;
}

void strtab_release(struct strtab *t)
{
	int nocase = t->nocase;

	free(t->keys);
	free(t->slots);
	strtab_init(t);
	t->nocase = nocase;
}

void strtab_clear(struct strtab *t)
{
	if (t->slots)
		memset(t->slots, 0, ((size_t)t->mask + 1) * sizeof(*t->slots));
	t->n = 0;
}

size_t strtab_bytes(const struct strtab *t)
{
	return t->keys_alloc * sizeof(*t->keys) +
	       (t->mask ? ((size_t)t->mask + 1) * sizeof(*t->slots) : 0);
}

size_t strtab_grow_bytes(const struct strtab *t, size_t n)
{
	size_t need = (size_t)t->n + n;
	size_t keys = xgrow_capacity(t->keys_alloc, need) - t->keys_alloc;
	size_t now = t->mask ? (size_t)t->mask + 1 : 0, size = now;

	/* as intern() and rehash(): 64 slots, doubled past half full */
	if (n && !size)
		size = 64;
	while (size && need * 2 > size)
		size *= 2;
	return keys * sizeof(*t->keys) + (size - now) * sizeof(*t->slots);
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static uint32_t key_hash(const struct strtab *t, const char *s, size_t len)
{
	uint64_t h = HASH_INIT;

	if (!t->nocase)
		h = hash_bytes(h, s, len);
	else
		for (size_t i = 0; i < len; i++)
			h = hash_byte(h, fold((unsigned char)s[i]));
	return (uint32_t)(h ^ (h >> 32));
}

static int key_equal(const struct strtab *t, const struct strtab_key *k,
		     const char *s, size_t len)
{
	if (k->len != len)
		return 0;
	if (!t->nocase)
		return memcmp(k->s, s, len) == 0;
	for (size_t i = 0; i < len; i++)
		if (fold((unsigned char)k->s[i]) != fold((unsigned char)s[i]))
			return 0;
	return 1;
}

static void rehash(struct strtab *t)
{
	uint32_t size = t->mask ? (t->mask + 1) * 2 : 64;

	free(t->slots);
	t->slots = xcalloc(size, sizeof(*t->slots));
	t->mask = size - 1;
	for (uint32_t id = 0; id < t->n; id++) {
		uint32_t h = t->keys[id].hash;
		uint32_t i = h & t->mask;

		while (t->slots[i])
			i = (i + 1) & t->mask;
		t->slots[i] = (uint64_t)h << 32 | (id + 1);
	}
}

void strtab_reserve(struct strtab *t, size_t n)
{
	t->keys = xgrow(t->keys, &t->keys_alloc, n, sizeof(*t->keys));
	while (!t->mask || n * 2 > (size_t)t->mask + 1)
		rehash(t);
}

/* The slot's id + 1 (0: empty). */
static uint32_t slot_id1(uint64_t v)
{
	return (uint32_t)v;
}

static uint64_t *probe(const struct strtab *t, const char *s, size_t len,
		       uint32_t h)
{
	uint32_t i = h & t->mask;

	for (;;) {
		uint64_t v = t->slots[i];

		if (!v)
			return &t->slots[i];
		if ((uint32_t)(v >> 32) == h &&
		    key_equal(t, &t->keys[slot_id1(v) - 1], s, len))
			return &t->slots[i];
		i = (i + 1) & t->mask;
	}
}

uint32_t strtab_find_hashed(const struct strtab *t, const char *s, size_t len,
			    uint32_t h)
{
	uint64_t *slot;

	if (!t->mask)
		return STRTAB_NONE;
	slot = probe(t, s, len, h);
	return *slot ? slot_id1(*slot) - 1 : STRTAB_NONE;
}

uint32_t strtab_find(const struct strtab *t, const char *s, size_t len)
{
	if (!t->mask)
		return STRTAB_NONE;
	return strtab_find_hashed(t, s, len, key_hash(t, s, len));
}

uint32_t strtab_intern_hashed(struct strtab *t, struct arena *a, const char *s,
			      size_t len, uint32_t h, int *is_new)
{
	uint64_t *slot;

	if (len > UINT32_MAX)
		MT_BUG("strtab key too long");
	if (!t->mask || (t->n + 1) * 2 > t->mask + 1)
		rehash(t);
	slot = probe(t, s, len, h);
	if (*slot) {
		if (is_new)
			*is_new = 0;
		return slot_id1(*slot) - 1;
	}
	if (a)
		s = arena_strndup(a, s, len);
	t->keys = xgrow(t->keys, &t->keys_alloc, t->n + 1, sizeof(*t->keys));
	t->keys[t->n] = (struct strtab_key){ s, (uint32_t)len, h };
	*slot = (uint64_t)h << 32 | ++t->n;
	if (is_new)
		*is_new = 1;
	return t->n - 1;
}

uint32_t strtab_intern(struct strtab *t, const char *s, size_t len,
		       int *is_new)
{
	return strtab_intern_hashed(t, NULL, s, len, key_hash(t, s, len),
				    is_new);
}

uint32_t strtab_intern_copy(struct strtab *t, struct arena *a, const char *s,
			    size_t len, int *is_new)
{
	return strtab_intern_hashed(t, a, s, len, key_hash(t, s, len), is_new);
}
