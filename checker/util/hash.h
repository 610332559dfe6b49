/*
 * hash: the one hash function of mtlint, 64-bit FNV-1a over bytes.
 *
 * Used by the hash table (strtab.h) and wherever a stable digest of text is
 * wanted (baseline fingerprints, cache keys). FNV-1a is not a secure hash:
 * never use it where an adversary choosing the input could matter beyond
 * making a table slower. Its values are the same on every machine and
 * every run (no seed), which the baseline file format relies on:
 * changing the function changes every recorded fingerprint.
 *
 * Chain calls to hash several pieces as one:
 *
 *	uint64_t h = HASH_INIT;
 *	h = hash_bytes(h, rule, strlen(rule));
 *	h = hash_bytes(h, text, len);
 *
 * Depends on nothing but libc.
 */
#ifndef MT_HASH_H
#define MT_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT UINT64_C(14695981039346656037) /* FNV offset basis */
#define HASH_PRIME UINT64_C(1099511628211)	   /* FNV prime */

/* h extended by one byte. */
static inline uint64_t hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * HASH_PRIME;
}

/* h extended by n bytes at p (p may be NULL when n is 0). */
static inline uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		h = hash_byte(h, s[i]);
	return h;
}

#endif /* MT_HASH_H */
