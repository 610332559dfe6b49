/*
 * namesim: how alike two names are (see namesim.h).
 */
#include "util/namesim.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/editdist.h"
#include "util/xalloc.h"

/* --- Jaro-Winkler and the near miss ------------------------------------ */

double namesim_jaro_winkler(const char *a, size_t n, const char *b, size_t m)
{
	size_t range, matches = 0, t = 0, prefix = 0;
	char *ma, *mb;
	double jaro;

	if (!n && !m)
		return 1.0;
	if (!n || !m)
		return 0.0;
	range = (n > m ? n : m) / 2;
	range = range ? range - 1 : 0;
	ma = xcalloc(n + m, 1);
	mb = ma + n;
	for (size_t i = 0; i < n; i++) {
		size_t lo = i > range ? i - range : 0;
		size_t hi = i + range + 1 < m ? i + range + 1 : m;

		for (size_t j = lo; j < hi; j++) {
			if (mb[j] || a[i] != b[j])
				continue;
			ma[i] = mb[j] = 1;
			matches++;
			break;
		}
	}
	if (!matches) {
		free(ma);
		return 0.0;
	}
	for (size_t i = 0, j = 0; i < n; i++) {
		if (!ma[i])
			continue;
		while (!mb[j])
			j++;
		if (a[i] != b[j])
			t++;
		j++;
	}
	free(ma);
	jaro = ((double)matches / (double)n + (double)matches / (double)m +
		((double)matches - (double)t / 2.0) / (double)matches) /
	       3.0;
	while (prefix < 4 && prefix < n && prefix < m && a[prefix] == b[prefix])
		prefix++;
	return jaro + (double)prefix * 0.1 * (1.0 - jaro);
}

/* The length of w without one of the endings that make a word of a
 * doctrine, its follower or its adjective from one stem (communism,
 * communist, communistic; Darwinism, Darwinian): two words of one stem
 * with two such endings are one word derived two ways, not one name spelt
 * two ways. */
static size_t derivation_stem(const char *w, size_t n)
{
	static const char *const endings[] = {
		"istic", "isms", "ists", "ians", "ism", "ist", "ian",
	};

	for (size_t i = 0; i < sizeof(endings) / sizeof(endings[0]); i++) {
		size_t e = strlen(endings[i]);

		if (n > e + 3 && !memcmp(w + n - e, endings[i], e))
			return n - e;
	}
	return n;
}

int namesim_near_miss(const char *a, const char *b, int *distance,
		    double *score)
{
	size_t n = strlen(a), m = strlen(b);
	size_t shorter = n < m ? n : m, longer = n < m ? m : n;
	int max = longer >= 9 ? 2 : 1, d;
	double jw;

	if (shorter < 4 || strcmp(a, b) == 0)
		return 0;
	/* one is the other plus an ending: inflection or derivation
	 * ("russian"/"russians", "america"/"american"), unless the ending
	 * only doubles the last letter ("debiann") */
	if (strncmp(a, b, shorter) == 0) {
		const char *l = n > m ? a : b;

		if (!(longer == shorter + 1 && l[shorter] == l[shorter - 1] &&
		      l[shorter] != 's'))
			return 0;
	}
	/* one stem, two derivations ("platonism"/"platonist") */
	{
		size_t sa = derivation_stem(a, n), sb = derivation_stem(b, m);

		if ((sa < n || sb < m) && sa == sb && !memcmp(a, b, sa))
			return 0;
	}
	/* one is a part of the other's compound ("windows"/"x-windows") */
	if (strchr(a, '-') || strchr(b, '-')) {
		const char *l = n > m ? a : b, *sh = n > m ? b : a;
		const char *p = strstr(l, sh);

		if (p && ((p > l && p[-1] == '-') || p[shorter] == '-'))
			return 0;
	}
	d = (int)editdist_osa_bytes(a, n, b, m, (unsigned)max);
	if (d > max)
		return 0;
	jw = namesim_jaro_winkler(a, n, b, m);
	if (jw < 0.85)
		return 0;
	*distance = d;
	*score = jw;
	return 1;
}

/* --- spelling variants and typing slips ---------------------------------- */

/*
 * A key under which transliterations of one name meet: the consonant
 * skeleton after the usual romanisation alternatives (y/j/i, w/v, kh/k,
 * zh/z, final ff/v), vowels after the first letter dropped and doubled
 * letters collapsed.  Dmitry/Dmitri, Zelenskyy/Zelensky, Smirnoff/Smirnov,
 * Mohammed/Muhammad, Peskov/Pskov share one: names that differ only so are
 * spelling variants, and an unknown name is not called a misspelling of a
 * known one on that ground.
 */
size_t namesim_variant_key(const char *w, size_t len, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 2 < cap; i++) {
		char c = w[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == 'y' || c == 'j')
			c = 'i';
		else if (c == 'w')
			c = 'v';
		else if (c == 'z')
			c = 's';
		else if (c == 'c' || c == 'q')
			c = 'k';
		else if (c == 'h' && o > 0 && strchr("kstp", out[o - 1]))
			continue; /* kh, zh, sh, th, ph */
		else if (c == 'h' && i + 1 == len)
			continue; /* Yahweh, Yahwe */
		else if (c == 'f' && i + 1 < len && w[i + 1] == 'f' &&
			 i + 2 == len)
			c = 'v', i++;
		if (o > 0 && strchr("aeiou", c))
			continue;
		if (o > 0 && out[o - 1] == c)
			continue; /* doubled letters */
		out[o++] = c;
	}
	out[o] = '\0';
	return o;
}

/*
 * Is b the word a with one letter left out, one added, or two neighbours
 * swapped (ignoring case)?  The typing slips that make a known name
 * unknown; a changed letter is as often another name (Anson, Anton).
 */
int namesim_one_slip(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0;

	if (an + 1 == bn || bn + 1 == an) {
		const char *s = an < bn ? a : b, *l = an < bn ? b : a;
		size_t sn = an < bn ? an : bn;

		/* a plural or demonym of the other: Aristides, Kansan (but
		 * not a doubled last letter: Putinn, Joness) */
		if (strncasecmp(s, l, sn) == 0 &&
		    (l[sn] == 's' || l[sn] == 'n') &&
		    (l[sn] | 0x20) != (s[sn - 1] | 0x20))
			return 0;

		while (i < sn && (s[i] | 0x20) == (l[i] | 0x20))
			i++;
		return strncasecmp(s + i, l + i + 1, sn - i) == 0;
	}
	if (an != bn)
		return 0;
	while (i < an && (a[i] | 0x20) == (b[i] | 0x20))
		i++;
	return i + 1 < an && (a[i] | 0x20) == (b[i + 1] | 0x20) &&
	       (a[i + 1] | 0x20) == (b[i] | 0x20) &&
	       strncasecmp(a + i + 2, b + i + 2, an - i - 2) == 0;
}

int namesim_slip_is_typo_shape(const char *a, size_t an, const char *b,
			       size_t bn)
{
	const char *s = an < bn ? a : b, *l = an < bn ? b : a;
	size_t sn = an < bn ? an : bn, i = 0;
	char c;

	if (an == bn)
		return 1; /* a swap: one_slip() allows no other equal length */
	while (i < sn && (s[i] | 0x20) == (l[i] | 0x20))
		i++;
	/* l[i] is the added letter: the same as a neighbour? */
	c = (char)(l[i] | 0x20);
	return (i > 0 && (l[i - 1] | 0x20) == c) ||
	       (i < sn && (l[i + 1] | 0x20) == c);
}

int namesim_slip_is_keyboard_only(const char *w, size_t n, const char *name,
				  size_t nn)
{
	if (n == nn)
		return 1; /* one_slip() allows no other slip of equal length */
	return n == nn + 1 && n >= 2 &&
	       (w[n - 1] | 0x20) == (w[n - 2] | 0x20) &&
	       strncasecmp(w, name, nn) == 0;
}
