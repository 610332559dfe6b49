/*
 * editdist: the optimal string alignment distance (see editdist.h).
 */
#include "util/editdist.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Symbols kept on the stack; longer inputs allocate. */
#define STACK_SYMBOLS 128

/*
 * Three rotating rows of the dynamic programme (a transposition looks two
 * rows back). Once a row's least value is over max, so is every later
 * row's: a cell comes from the row above (plus 0 or 1), from its left
 * neighbour (plus 1) or from two rows above plus 1, and the row above
 * holds nothing below this row's least value minus one.
 */
static unsigned osa_rows(const int32_t *a, size_t n, const int32_t *b, size_t m,
			 unsigned max, unsigned *rows)
{
	unsigned *d[3] = { rows, rows + m + 1, rows + 2 * (m + 1) };

	for (size_t j = 0; j <= m; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		unsigned *cur = d[i % 3], *prev = d[(i - 1) % 3];
		unsigned *prev2 = d[(i + 1) % 3], low;

		cur[0] = (unsigned)i;
		low = cur[0];
		for (size_t j = 1; j <= m; j++) {
			unsigned c = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < c)
				c = prev2[j - 2] + 1;
			cur[j] = c;
			if (c < low)
				low = c;
		}
		if (low > max)
			return max + 1;
	}
	return d[n % 3][m] > max ? max + 1 : d[n % 3][m];
}

unsigned editdist_osa(const int32_t *a, size_t n, const int32_t *b, size_t m,
		      unsigned max)
{
	unsigned stack[3 * (STACK_SYMBOLS + 1)], *rows = stack, r;

	if ((n > m ? n - m : m - n) > max)
		return max + 1;
	if (m > STACK_SYMBOLS)
		rows = xmalloc(3 * (m + 1) * sizeof(*rows));
	r = osa_rows(a, n, b, m, max, rows);
	if (rows != stack)
		free(rows);
	return r;
}

unsigned editdist_osa_bytes(const char *a, size_t n, const char *b, size_t m,
			    unsigned max)
{
	int32_t sa[STACK_SYMBOLS], sb[STACK_SYMBOLS], *x = sa, *y = sb;
	unsigned r;

	if ((n > m ? n - m : m - n) > max)
		return max + 1;
	if (n > STACK_SYMBOLS)
		x = xmalloc(n * sizeof(*x));
	if (m > STACK_SYMBOLS)
		y = xmalloc(m * sizeof(*y));
	for (size_t i = 0; i < n; i++)
		x[i] = (unsigned char)a[i];
	for (size_t j = 0; j < m; j++)
		y[j] = (unsigned char)b[j];
	r = editdist_osa(x, n, y, m, max);
	if (x != sa)
		free(x);
	if (y != sb)
		free(y);
	return r;
}
