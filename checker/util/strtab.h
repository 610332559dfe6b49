/*
 * strtab: the hash table of mtlint -- byte strings to dense ids.
 *
 * strtab_intern() gives each distinct string an id 0, 1, 2, ... in order of
 * first appearance, so callers keep whatever they want to know about a
 * string in arrays of their own indexed by that id (counts, positions,
 * word classes, cached results). Lookups cost one hash (hash.h) and, on
 * average, about one comparison: this is the index that keeps the
 * reference comparison, the caches of the speller, the rule engine and the
 * parser, and the lexicon linear in the size of their input. Iterating
 * over ids 0 .. strtab_count() - 1 visits the strings in the order they
 * were first interned, the same on every machine and every run.
 *
 * A table made with strtab_init_nocase() folds ASCII letters: "The" and
 * "the" are one key, whose stored bytes are those first interned.
 *
 * Keys: strtab_intern() borrows them (the bytes must stay unchanged while
 * the table lives: normally they point into a document's text or arena);
 * strtab_intern_copy() copies a new key into an arena the caller owns. The
 * table's own arrays are on the heap; strtab_release() frees them and
 * leaves an empty table that can be used again. Out of memory exits
 * through xalloc. Not thread-safe: callers sharing a table lock around it.
 * Use the functions; the fields are private.
 *
 * Adding a table: embed a struct strtab, keep the values in an array
 * indexed by id and grown with xgrow() when strtab_intern() says the key
 * is new. Do not write another hash table.
 */
#ifndef MT_STRTAB_H
#define MT_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
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
	uint64_t *slots; /* hash << 32 | (id + 1); 0 = empty */
	uint32_t mask;
	int nocase;
};

#define STRTAB_INIT { NULL, 0, 0, NULL, 0, 0 }
#define STRTAB_NONE UINT32_MAX

/* An empty table, exact (init) or folding ASCII case; allocates nothing. */
void strtab_init(struct strtab *t);
void strtab_init_nocase(struct strtab *t);
/* Free the table's arrays; the table is empty (same kind) afterwards. */
void strtab_release(struct strtab *t);
/* Forget every key but keep the arrays, for a table filled again and
 * again (no allocation until it grows past its largest size so far). */
void strtab_clear(struct strtab *t);

/*
 * The id of s[0..len); a new id when unseen (*is_new set, may be NULL).
 * strtab_intern borrows s; strtab_intern_copy stores a NUL-terminated copy
 * of a new key in `a` (valid until arena_release(a)).
 */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t len,
		       int *is_new);
uint32_t strtab_intern_copy(struct strtab *t, struct arena *a, const char *s,
			    size_t len, int *is_new);
/* The id of s[0..len), or STRTAB_NONE. */
uint32_t strtab_find(const struct strtab *t, const char *s, size_t len);
/*
 * As strtab_find() and strtab_intern_copy(), with the key's hash h
 * computed by the caller: any function of the key's bytes (equal keys,
 * equal hashes; its low bits used as they come, so well mixed), for keys
 * whose hashes come cheaper from one another than from their bytes (the
 * deletion variants of a name in reference/names.c).  A table is used
 * either only so or never so (exact tables: h is not folded).
 */
uint32_t strtab_find_hashed(const struct strtab *t, const char *s, size_t len,
			    uint32_t h);
uint32_t strtab_intern_hashed(struct strtab *t, struct arena *a, const char *s,
			      size_t len, uint32_t h, int *is_new);
/* Room for n keys in all, made at once: a table about to be filled with
 * a known number of keys (read back from a cache) skips the rehashes of
 * growing. */
void strtab_reserve(struct strtab *t, size_t n);
/* Bytes of the table's own arrays (keys index and slots; not the keys'
 * bytes, which the caller or its arena holds). */
size_t strtab_bytes(const struct strtab *t);
/* How much strtab_bytes() grows when n new keys are interned next. */
size_t strtab_grow_bytes(const struct strtab *t, size_t n);
/* Number of distinct strings. */
static inline uint32_t strtab_count(const struct strtab *t)
{
	return t->n;
}
/* The string behind an id (borrowed; NUL-terminated only when it was
 * interned with strtab_intern_copy() or the caller's bytes were). */
static inline const char *strtab_str(const struct strtab *t, uint32_t id,
				     uint32_t *len)
{
	*len = t->keys[id].len;
	return t->keys[id].s;
}

#endif /* MT_STRTAB_H */
