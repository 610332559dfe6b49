/*
 * arena: a bump allocator that frees everything at once.
 *
 * Everything derived from one document (decoded text, line map, sentences,
 * tokens, diagnostics and their strings) lives in that document's arena;
 * pointers stay valid until arena_release().  Long-lived state (rule sets,
 * dictionaries) has arenas of its own.
 *
 * Out of memory exits through xalloc.  An arena may carry a byte limit
 * (0 = none): past it, allocation returns NULL and arena_over_limit() turns
 * true, so a caller handling hostile input can report MT_ERR_TOO_LARGE.
 * Use the functions; the fields are private.
 */
#ifndef MT_ARENA_H
#define MT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "util/common.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;  /* bytes handed out, for the limit */
	size_t limit; /* 0: unlimited */
	int over;
};

#define ARENA_INIT { NULL, 0, 0, 0 }

/* Start an empty arena; allocates nothing. */
void arena_init(struct arena *a, size_t limit);
/* Free every block; the arena can be used again afterwards. */
void arena_release(struct arena *a);

/* n bytes aligned for any type, uninitialised (zeroed for arena_zalloc). */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
/* Copies; the result is NUL-terminated.  NULL in gives NULL out. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) MT_PRINTF(2, 3);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	MT_PRINTF(2, 0);
/* Copy n bytes. */
void *arena_memdup(struct arena *a, const void *p, size_t n);

/* Bytes handed out since arena_init()/arena_release() (each allocation
 * rounded up to the alignment; the blocks' unused tails not counted). */
size_t arena_used(const struct arena *a);

/* True once an allocation was refused because of the limit. */
int arena_over_limit(const struct arena *a);

#endif /* MT_ARENA_H */
