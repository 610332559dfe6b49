/*
 * docmap: a map between two versions of a document's text -- the decoded
 * source and the original bytes, the NFC text and the source -- so that
 * every position reported points into the user's file.
 *
 * A map is a list of anchors, pairs of offsets known to correspond.
 * Between two anchors the bytes either correspond one to one (same length
 * on both sides: a linear run) or form one character whose encoding
 * changed (an opaque run), which maps as a whole.  Pure UTF-8 input
 * already in NFC -- nearly everything -- needs two anchors and no copy of
 * the text.
 *
 * Building: doc_map_add() and doc_map_char() grow a map on the heap (start
 * from a zeroed struct doc_map); doc_map_finish() copies it into the
 * document's arena and frees the heap array.  Lookups never fail.  Only
 * document.c and decode.c use it.
 */
#ifndef MT_DOCMAP_H
#define MT_DOCMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct anchor {
	uint32_t to, from;
};

struct doc_map {
	struct anchor *v;
	size_t n, alloc;
};

/* Anchor `to` (this text) to `from` (the other); the same `to` twice
 * keeps the last `from`. */
void doc_map_add(struct doc_map *m, uint32_t to, uint32_t from);

/* Record one character: `to_len` bytes at `to` came from `from_len` at
 * `from`.  Equal lengths continue a linear run and cost nothing. */
void doc_map_char(struct doc_map *m, uint32_t to, uint32_t to_len,
		  uint32_t from, uint32_t from_len);

/* Close the map at (to_len, from_len) and move it into arena `a`: the
 * result lives as long as the arena; *m is left empty. */
struct doc_map *doc_map_finish(struct arena *a, struct doc_map *m,
			       uint32_t to_len, uint32_t from_len);

/* The other text's offset of `pos`; inside an opaque run, its start (or
 * with is_end, its end). */
uint32_t doc_map_lookup(const struct doc_map *m, uint32_t pos, int is_end);

/* This text's offset of the other's `pos` (the start of an opaque run). */
uint32_t doc_map_lookup_inverse(const struct doc_map *m, uint32_t pos);

#endif /* MT_DOCMAP_H */
