/*
 * xalloc: report and exit on out-of-memory (see xalloc.h).
 */
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static void oom(void)
{
	fputs("mtlint: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		oom();
	return q;
}

size_t xgrow_capacity(size_t alloc, size_t need)
{
	size_t n = alloc;

	if (need <= n)
		return n;
	if (n < 8)
		n = 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			oom();
		n *= 2;
	}
	return n;
}

void *xgrow(void *p, size_t *alloc, size_t need, size_t size)
{
	size_t n = xgrow_capacity(*alloc, need);

	if (n == *alloc)
		return p;
	if (n > SIZE_MAX / size)
		oom();
	p = xrealloc(p, n * size);
	*alloc = n;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void xalloc_long_running(void)
{
#ifdef __GLIBC__
	/* a fixed threshold also turns off glibc's dynamic one */
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

void xalloc_trim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}
