/*
 * strtab: an interning hash table from byte strings to dense ids.
 *
 * strtab_intern() gives each distinct string an id 0, 1, 2, ... in order of
 * first appearance, so callers keep whatever they want to know about a
 * string in arrays of their own indexed by that id (counts, positions,
 * normalised forms).  Lookups cost one hash and, on average, about one
 * comparison: this is the index that keeps the reference comparison and the
 * scores linear in the size of the documents.
 *
 * Keys are borrowed, not copied: the bytes must stay unchanged while the
 * table lives (normally they point into a document's text or arena).  The
 * table's own arrays are on the heap; strtab_release() frees them.  Out of
 * memory exits through xalloc.  Use the functions; the fields are private.
 */
#ifndef MT_STRTAB_H
#define MT_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

struct strtab_key {
	const char *s;
	uint32_t len;
	uint32_t hash;
};

struct strtab {
	struct strtab_key *keys; /* by id */
	uint32_t n;
	size_t keys_alloc;
	uint32_t *slots; /* id + 1; 0 = empty */
	uint32_t mask;
};

#define STRTAB_INIT { NULL, 0, 0, NULL, 0 }
#define STRTAB_NONE UINT32_MAX

void strtab_init(struct strtab *t);
void strtab_release(struct strtab *t);

/* The id of s[0..len); a new id when unseen (*is_new set, may be NULL). */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t len,
		       int *is_new);
/* The id of s[0..len), or STRTAB_NONE. */
uint32_t strtab_find(const struct strtab *t, const char *s, size_t len);
/* Number of distinct strings. */
static inline uint32_t strtab_count(const struct strtab *t)
{
	return t->n;
}
/* The string behind an id (borrowed; not NUL-terminated in general). */
static inline const char *strtab_str(const struct strtab *t, uint32_t id,
				     uint32_t *len)
{
	*len = t->keys[id].len;
	return t->keys[id].s;
}

/* FNV-1a over the bytes; exposed for callers that hash n-grams. */
uint32_t strtab_hash(const char *s, size_t len);

#endif /* MT_STRTAB_H */
