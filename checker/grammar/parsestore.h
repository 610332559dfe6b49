/*
 * parsestore: parse results shared between processes through a file of
 * the cache directory, for corpus-scale runs (`mtlint batch` under GNU
 * parallel) where every process would otherwise parse the sentences the
 * others already parsed.
 *
 * The store is a log: records of (sentence text, result bytes) appended
 * by every process that parses, each record checked by a digest of its
 * bytes.  A process reads the whole log when it opens the store and
 * looks sentences up there when its own cache (linkgrammar.c) misses; the
 * results it parses itself are appended in batches (one write(2) with
 * O_APPEND per batch, so concurrent writers never interleave within one)
 * and at parse_store_close().  A reader stops at the first damaged record
 * (a write cut short by a full disk or a killed process): what comes
 * before it is used, what comes after it is not.  A text logged more
 * than once is answered by its last record.
 *
 * The file is named after a digest of `key` (the caller's description of
 * everything a result depends on: link-grammar's and its dictionary's
 * versions, the parser's options, the record layout), so results from
 * another parser set-up are never read.  A log over PARSE_STORE_MAX_BYTES
 * is removed and started again.  Opening a store marks its log as used;
 * opening one with no log yet (a new set-up) removes the logs of other
 * set-ups unused for a month (mt_cache_prune()).  A cached result is the
 * one a fresh parse gives, so the store never changes what is reported --
 * only how much is parsed.
 *
 * Not thread-safe: the parser calls it under its own lock.
 */
#ifndef MT_PARSESTORE_H
#define MT_PARSESTORE_H

#include <stddef.h>

#define PARSE_STORE_MAX_BYTES ((size_t)64 << 20)

struct parse_store;

/* The store for `key` in the cache directory, or NULL when there is no
 * cache directory. */
struct parse_store *parse_store_open(const char *key);

/* The store in the file at `path` (for tests). */
struct parse_store *parse_store_open_file(const char *path);

/* The result bytes stored for text[0..len), or NULL; *vlen gets their
 * length.  Valid until parse_store_close(). */
const void *parse_store_get(struct parse_store *s, const char *text, size_t len,
			    size_t *vlen);

/* Append a result for text[0..len) (written at the next batch). */
void parse_store_put(struct parse_store *s, const char *text, size_t len,
		     const void *v, size_t vlen);

/* Write the results put since the last write, and free the store (NULL is
 * a no-op).  Write errors are ignored: the store is a cache. */
void parse_store_close(struct parse_store *s);

#endif /* MT_PARSESTORE_H */
