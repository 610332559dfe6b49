/*
 * wildmatch: glob matching with `**` and captures (see wildmatch.h).
 */
#include "util/wildmatch.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/*
 * Backtracking matcher for *, ** and ?; other characters match themselves
 * (a backslash escapes the next one).  Whether the rest of the glob from
 * g matches the rest of the string from s depends on (g, s) alone, so the
 * pairs that failed are remembered in a bitmap: "a*a*a*a*a*b" against a
 * long name costs glob x string steps, not an exponential number.
 * Captures are written only on the way back from a match.  Recursion
 * depth is bounded by the glob's length.
 */
struct glob_memo {
	const char *g0, *s0;
	size_t s_len;
	unsigned char *failed; /* (g - g0) * (s_len + 1) + (s - s0) */
};

static int glob_failed(const struct glob_memo *m, const char *g,
		       const char *s)
{
	size_t bit = (size_t)(g - m->g0) * (m->s_len + 1) + (size_t)(s - m->s0);

	return m->failed[bit / 8] >> (bit % 8) & 1;
}

static int glob_fail(struct glob_memo *m, const char *g, const char *s)
{
	size_t bit = (size_t)(g - m->g0) * (m->s_len + 1) + (size_t)(s - m->s0);

	m->failed[bit / 8] |= (unsigned char)(1u << (bit % 8));
	return 0;
}

static int glob_rec(struct glob_memo *m, const char *g, const char *s,
		    size_t (*caps)[2], size_t max_caps, size_t ncap,
		    size_t *n_caps);

/*
 * A wildcard at s that may take anything up to `end` (a `*`: up to the
 * next '/'; a `**`: everything): the longest take after which the rest of
 * the glob, `rest`, matches wins, and is capture number ncap.
 */
static int star(struct glob_memo *m, const char *rest, const char *s,
		const char *end, size_t (*caps)[2], size_t max_caps,
		size_t ncap, size_t *n_caps)
{
	for (const char *t = end;; t--) {
		if (glob_rec(m, rest, t, caps, max_caps, ncap + 1, n_caps)) {
			if (caps && ncap < max_caps) {
				caps[ncap][0] = (size_t)(s - m->s0);
				caps[ncap][1] = (size_t)(t - m->s0);
			}
			return 1;
		}
		if (t == s)
			return 0;
	}
}

static int glob_rec(struct glob_memo *m, const char *g, const char *s,
		    size_t (*caps)[2], size_t max_caps, size_t ncap,
		    size_t *n_caps)
{
	const char *g_in = g, *s_in = s;
	const char *s0 = m->s0;

	if (glob_failed(m, g, s))
		return 0;
	while (*g) {
		if (g[0] == '*' && g[1] == '*') {
			const char *rest = g + 2;

			while (*rest == '*')
				rest++;
			/* "**" followed by "/" also matches zero directories */
			if (*rest == '/' &&
			    glob_rec(m, rest + 1, s, caps, max_caps, ncap + 1,
				     n_caps)) {
				if (caps && ncap < max_caps)
					caps[ncap][0] = caps[ncap][1] =
						(size_t)(s - s0);
				return 1;
			}
			if (star(m, rest, s, s + strlen(s), caps, max_caps, ncap,
				 n_caps))
				return 1;
			return glob_fail(m, g_in, s_in);
		}
		if (*g == '*') {
			const char *t = s;

			while (*t && *t != '/')
				t++;
			if (star(m, g + 1, s, t, caps, max_caps, ncap, n_caps))
				return 1;
			return glob_fail(m, g_in, s_in);
		}
		if (*g == '?') {
			if (!*s || *s == '/')
				return glob_fail(m, g_in, s_in);
			if (caps && ncap < max_caps) {
				caps[ncap][0] = (size_t)(s - s0);
				caps[ncap][1] = (size_t)(s - s0) + 1;
			}
			ncap++;
			g++;
			s++;
			continue;
		}
		if (*g == '\\' && g[1])
			g++;
		if (*g != *s)
			return glob_fail(m, g_in, s_in);
		g++;
		s++;
	}
	if (*s)
		return glob_fail(m, g_in, s_in);
	if (n_caps)
		*n_caps = ncap < max_caps ? ncap : max_caps;
	return 1;
}

int wildmatch(const char *glob, const char *str, size_t (*caps)[2],
	      size_t max_caps, size_t *n_caps)
{
	size_t dummy, g_len = strlen(glob), s_len = strlen(str);
	size_t bytes = ((g_len + 1) * (s_len + 1) + 7) / 8;
	unsigned char small[512];
	struct glob_memo m = { glob, str, s_len, small };
	int hit;

	if (bytes > sizeof(small))
		m.failed = xcalloc(bytes, 1);
	else
		memset(small, 0, bytes);
	hit = glob_rec(&m, glob, str, caps, max_caps, 0,
		       n_caps ? n_caps : &dummy);
	if (m.failed != small)
		free(m.failed);
	return hit;
}
