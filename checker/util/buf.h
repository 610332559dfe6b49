/*
 * buf: a growable, always NUL-terminated byte buffer (after Git's strbuf).
 *
 * Lives on the caller's stack; use the functions, not the fields, except to
 * read `buf` and `len`.  Out of memory exits through xalloc.  After
 * buf_detach() the caller owns the bytes (free()) and the buf is empty.
 */
#ifndef MT_BUF_H
#define MT_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util/common.h"

struct buf {
	char *buf;	 /* NUL-terminated; never NULL after buf_init */
	size_t len;
	size_t alloc;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_reset(struct buf *b); /* len = 0, keeps memory */
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) MT_PRINTF(2, 3);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) MT_PRINTF(2, 0);
/*
 * Append the whole file at `path`.  Returns 0; -1 when it cannot be opened
 * or read, or is a directory (errno says why: EISDIR); -2 when it holds
 * more than `limit` bytes (0: no limit), found before reading for a
 * regular file and after limit + 1 bytes for anything else (a device such
 * as /dev/zero, a pipe).  On failure b keeps what was read so far.
 */
int buf_read_file(struct buf *b, const char *path, size_t limit);
/* As buf_read_file(), from an open descriptor to its end (not closed). */
int buf_read_fd(struct buf *b, int fd, size_t limit);
/* Hand the bytes to the caller (free() them); *len gets the length. */
char *buf_detach(struct buf *b, size_t *len);

#endif /* MT_BUF_H */
