/*
 * buf: growable byte buffer (see buf.h).
 */
#include "util/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

char buf_empty[1];

void buf_init(struct buf *b)
{
	b->buf = buf_empty;
	b->len = 0;
	b->alloc = 0;
}

void buf_release(struct buf *b)
{
	if (b->alloc)
		free(b->buf);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->alloc)
		b->buf[0] = '\0';
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->alloc)
		return;
	if (!b->alloc) {
		b->buf = NULL;
	}
	b->buf = xgrow(b->buf, &b->alloc, need, 1);
	if (b->len == 0)
		b->buf[0] = '\0';
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->buf + b->len, p, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

int buf_read_fd(struct buf *b, int fd, size_t limit)
{
	size_t start = b->len;

	for (;;) {
		/* never more than limit + 1 bytes: /dev/zero ends there */
		size_t want = 65536;
		ssize_t n;

		if (limit && want > limit + 1 - (b->len - start))
			want = limit + 1 - (b->len - start);
		buf_grow(b, want);
		n = read(fd, b->buf + b->len, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		b->len += (size_t)n;
		b->buf[b->len] = '\0';
		if (limit && b->len - start > limit)
			return -2;
	}
}

int buf_read_file(struct buf *b, const char *path, size_t limit)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st = { 0 };
	int rc, e;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR; /* read(2) would say so only on some systems */
		return -1;
	}
	if (S_ISREG(st.st_mode) && limit && (uint64_t)st.st_size > limit) {
		close(fd);
		return -2;
	}
	if (S_ISREG(st.st_mode))
		buf_grow(b, (size_t)st.st_size + 1);
	rc = buf_read_fd(b, fd, limit);
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p;

	if (!b->alloc)
		buf_grow(b, 0);
	p = b->buf;
	if (len)
		*len = b->len;
	buf_init(b);
	return p;
}
