/*
 * strtab: interning hash table (see strtab.h).  Open addressing with linear
 * probing; the slot array doubles when it is half full, so probe runs stay
 * short.
 */
#include "util/strtab.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void strtab_init(struct strtab *t)
{
	memset(t, 0, sizeof(*t));
}

void strtab_release(struct strtab *t)
{
	free(t->keys);
	free(t->slots);
	strtab_init(t);
}

uint32_t strtab_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static void rehash(struct strtab *t)
{
	uint32_t size = t->mask ? (t->mask + 1) * 2 : 64;

	free(t->slots);
	t->slots = xcalloc(size, sizeof(*t->slots));
	t->mask = size - 1;
	for (uint32_t id = 0; id < t->n; id++) {
		uint32_t i = t->keys[id].hash & t->mask;

		while (t->slots[i])
			i = (i + 1) & t->mask;
		t->slots[i] = id + 1;
	}
}

static uint32_t *probe(const struct strtab *t, const char *s, size_t len,
		       uint32_t h)
{
	uint32_t i = h & t->mask;

	for (;;) {
		uint32_t v = t->slots[i];
		const struct strtab_key *k;

		if (!v)
			return &t->slots[i];
		k = &t->keys[v - 1];
		if (k->hash == h && k->len == len && memcmp(k->s, s, len) == 0)
			return &t->slots[i];
		i = (i + 1) & t->mask;
	}
}

uint32_t strtab_find(const struct strtab *t, const char *s, size_t len)
{
	uint32_t *slot;

	if (!t->mask)
		return STRTAB_NONE;
	slot = probe(t, s, len, strtab_hash(s, len));
	return *slot ? *slot - 1 : STRTAB_NONE;
}

uint32_t strtab_intern(struct strtab *t, const char *s, size_t len,
		       int *is_new)
{
	uint32_t h = strtab_hash(s, len);
	uint32_t *slot;

	if (!t->mask || (t->n + 1) * 2 > t->mask + 1)
		rehash(t);
	slot = probe(t, s, len, h);
	if (*slot) {
		if (is_new)
			*is_new = 0;
		return *slot - 1;
	}
	if (len > UINT32_MAX)
		MT_BUG("strtab key too long");
	t->keys = xgrow(t->keys, &t->keys_alloc, t->n + 1, sizeof(*t->keys));
	t->keys[t->n] = (struct strtab_key){ s, (uint32_t)len, h };
	*slot = ++t->n;
	if (is_new)
		*is_new = 1;
	return t->n - 1;
}
