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
 * Depends on nothing but libc (glibc's <endian.h>).
 */
#ifndef MT_HASH_H
#define MT_HASH_H

#include <endian.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/*
 * h extended by n bytes at p, eight at a time (read little-endian, so the
 * same value on every machine): a digest of megabytes -- the dictionary
 * files that name a cached index -- in a tenth of hash_bytes()'s time,
 * whose one multiplication per byte waits on the one before.  Its values
 * differ from hash_bytes()'s: use it for cache keys, never for recorded
 * fingerprints.
 */
static inline uint64_t hash_block(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, sizeof(w));
		h = (h ^ le64toh(w)) * HASH_PRIME;
		h ^= h >> 32;
	}
	return hash_bytes(h, s + i, n - i);
}

#endif /* MT_HASH_H */
