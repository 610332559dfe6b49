/*
 * xalloc: allocation that never returns NULL.  On exhaustion it prints
 * "mtlint: out of memory" to stderr and exits with status 2, so callers
 * never test for NULL.  Inputs are bounded elsewhere (arenas and buffers
 * carry limits), so hostile input yields MT_ERR_TOO_LARGE long before this.
 */
#ifndef MT_XALLOC_H
#define MT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of `size`-byte items to hold at least `need`; returns the
 * (possibly moved) array and updates *alloc.  Doubles, so appends are O(1)
 * amortised. */
void *xgrow(void *p, size_t *alloc, size_t need, size_t size);
/* The number of items xgrow() would make room for (alloc when need fits),
 * for a caller that counts its bytes before it grows. */
size_t xgrow_capacity(size_t alloc, size_t need);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * For a process that lives long and checks many documents (mtlint lsp,
 * mtlint serve): give large blocks (4 MiB and up: the parser's working
 * memory for one long sentence) back to the system when they are freed.
 * glibc's malloc otherwise raises its mmap threshold after the first such
 * block is freed and serves the next ones from its heaps, whose freed
 * space it keeps: the resident size then grows with every new long
 * sentence (bench_lsp: 145 -> 240 MB over 2,000 edits; with this 93 ->
 * 111 MB, the caches filling).  A no-op with other C libraries.
 */
void xalloc_long_running(void);

/*
 * Give the free pages inside malloc's heaps back to the system (glibc's
 * malloc_trim: every arena, not only the top of the main heap).  For a
 * long-lived process when it goes idle (mtlint lsp after a full check):
 * the parser's threads free their working memory in heaps of their own,
 * whose free pages glibc otherwise keeps.  About a millisecond.  A no-op
 * with other C libraries.
 */
void xalloc_trim(void);

#endif /* MT_XALLOC_H */
