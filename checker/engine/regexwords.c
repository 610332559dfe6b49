/*
 * regexwords: a finite regular expression read as its words (see
 * regexwords.h).  A recursive descent over the pattern's bytes builds the
 * set of strings each part can match (a sequence is the product of its
 * items' sets); any construct outside the shape stops it.
 */
#include "engine/regexwords.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "util/xalloc.h"

#define MAX_WORDS 256
#define MAX_LEN 64

enum anchor {
	WHOLE,	     /* the word */
	ENDS_WITH,   /* ".*" then the word */
	STARTS_WITH, /* the word then ".*" */
};

struct rw_word {
	char s[MAX_LEN + 1];
	uint8_t len;
	uint8_t anchor;
};

struct regex_words {
	struct rw_word *v;
	size_t n;
	int icase;
};

/* A set of strings being built. */
struct set {
	char (*s)[MAX_LEN + 1];
	size_t n;
};

struct parser {
	const char *re;
	size_t i, end;
	int icase;
	int bad;
};

static void set_free(struct set *s)
{
	free(s->s);
	s->s = NULL;
	s->n = 0;
}

static void set_add(struct parser *P, struct set *s, const char *w, size_t n)
{
	if (n > MAX_LEN || s->n >= MAX_WORDS) {
		P->bad = 1;
		return;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->s[i]) == n && memcmp(s->s[i], w, n) == 0)
			return;
	if (!s->s)
		s->s = xmalloc(MAX_WORDS * sizeof(*s->s));
	memcpy(s->s[s->n], w, n);
	s->s[s->n++][n] = '\0';
}

/* a x b: every word of a followed by every word of b, into a */
static void set_product(struct parser *P, struct set *a, const struct set *b)
{
	struct set r = { 0 };

	for (size_t i = 0; i < a->n && !P->bad; i++)
		for (size_t j = 0; j < b->n && !P->bad; j++) {
			size_t la = strlen(a->s[i]), lb = strlen(b->s[j]);
			char w[2 * MAX_LEN + 1];

			memcpy(w, a->s[i], la);
			memcpy(w + la, b->s[j], lb);
			set_add(P, &r, w, la + lb);
		}
	set_free(a);
	*a = r;
}

/* May this code point stand for itself, matched with the pattern's case
 * rule?  Under case folding, a character that folding changes could
 * match ASCII ("ſ" is "s"): refused. */
static int plain_char(const struct parser *P, UChar32 c)
{
	if (c < 0 || c == '\n' || c == '\r' || c == '\v' || c == '\f')
		return 0;
	if (c >= 0x80)
		return !P->icase ||
		       !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED);
	return 1;
}

static int special(char c)
{
	return strchr(".*+?{}()[]|^$\\", c) != NULL;
}

/* One literal character at P->i (maybe escaped) into out; its length, or
 * 0 when it is not a literal. */
static size_t literal(struct parser *P, char *out)
{
	const char *re = P->re;
	size_t i = P->i;
	UChar32 c;

	if (re[i] == '\\') {
		/* an escaped ASCII punctuation mark stands for itself */
		if (i + 1 >= P->end || (unsigned char)re[i + 1] >= 0x80 ||
		    !special(re[i + 1]))
			return 0;
		out[0] = re[i + 1];
		P->i += 2;
		return 1;
	}
	if (special(re[i]))
		return 0;
	U8_NEXT((const uint8_t *)re, i, P->end, c);
	if (!plain_char(P, c))
		return 0;
	memcpy(out, re + P->i, i - P->i);
	c = (UChar32)(i - P->i);
	P->i = i;
	return (size_t)c;
}

static void parse_alt(struct parser *P, struct set *out);

/* "[...]": literal characters only */
static void parse_class(struct parser *P, struct set *out)
{
	P->i++;
	if (P->i < P->end && (P->re[P->i] == '^' || P->re[P->i] == ']'))
		P->bad = 1;
	while (!P->bad && P->i < P->end && P->re[P->i] != ']') {
		char ch[4];
		size_t n;

		if (P->re[P->i] == '-' || P->re[P->i] == '[' ||
		    P->re[P->i] == '&' || P->re[P->i] == '\\') {
			P->bad = 1; /* ranges, nested sets, escapes */
			break;
		}
		n = literal(P, ch);
		if (!n)
			P->bad = 1;
		else
			set_add(P, out, ch, n);
	}
	if (P->i >= P->end)
		P->bad = 1;
	P->i++;
}

/* One item of a sequence: literal, class or group, maybe with "?". */
static void parse_item(struct parser *P, struct set *out)
{
	const char *re = P->re;
	char ch[4];
	size_t n;

	if (re[P->i] == '(') {
		P->i++;
		if (P->i + 1 < P->end && re[P->i] == '?') {
			if (re[P->i + 1] != ':') {
				P->bad = 1; /* look-around, flags */
				return;
			}
			P->i += 2;
		}
		parse_alt(P, out);
		if (P->i >= P->end || re[P->i] != ')')
			P->bad = 1;
		P->i++;
	} else if (re[P->i] == '[') {
		parse_class(P, out);
	} else if ((n = literal(P, ch)) > 0) {
		set_add(P, out, ch, n);
	} else {
		P->bad = 1;
		return;
	}
	if (P->i < P->end && re[P->i] == '?') {
		P->i++;
		set_add(P, out, "", 0);
	}
	if (P->i < P->end && strchr("?*+{", re[P->i]))
		P->bad = 1; /* lazy, possessive or other quantifiers */
}

/* A sequence up to '|' or ')' or the end. */
static void parse_seq(struct parser *P, struct set *out)
{
	set_add(P, out, "", 0);
	while (!P->bad && P->i < P->end && P->re[P->i] != '|' &&
	       P->re[P->i] != ')') {
		struct set item = { 0 };

		parse_item(P, &item);
		if (!P->bad)
			set_product(P, out, &item);
		set_free(&item);
	}
}

static void parse_alt(struct parser *P, struct set *out)
{
	for (;;) {
		struct set seq = { 0 };

		parse_seq(P, &seq);
		for (size_t i = 0; i < seq.n && !P->bad; i++)
			set_add(P, out, seq.s[i], strlen(seq.s[i]));
		set_free(&seq);
		if (P->bad || P->i >= P->end || P->re[P->i] != '|')
			return;
		P->i++;
	}
}

/* Does the group opening at re[0] close at re[len - 1]? */
static int one_group(const char *re, size_t len)
{
	int depth = 0, in_class = 0;

	if (len < 2 || re[0] != '(' || re[len - 1] != ')')
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (re[i] == '\\') {
			i++;
		} else if (in_class) {
			in_class = re[i] != ']';
		} else if (re[i] == '[') {
			in_class = 1;
		} else if (re[i] == '(') {
			depth++;
		} else if (re[i] == ')' && --depth == 0) {
			return i == len - 1;
		}
	}
	return 0;
}

/* Add the words of one top-level alternative re[a..b). */
static void add_alternative(struct regex_words *w, struct parser *P, size_t a,
			    size_t b)
{
	struct set s = { 0 };
	enum anchor an = WHOLE;

	if (b - a >= 2 && memcmp(P->re + a, ".*", 2) == 0) {
		an = ENDS_WITH;
		a += 2;
	} else if (b - a >= 2 && memcmp(P->re + b - 2, ".*", 2) == 0 &&
		   (b - a < 3 || P->re[b - 3] != '\\')) {
		an = STARTS_WITH;
		b -= 2;
	}
	P->i = a;
	P->end = b;
	parse_seq(P, &s);
	if (P->i != b)
		P->bad = 1;
	for (size_t i = 0; i < s.n && !P->bad; i++) {
		size_t n = strlen(s.s[i]);
		struct rw_word *x;

		if (w->n >= MAX_WORDS) {
			P->bad = 1;
			break;
		}
		x = &w->v[w->n++];
		memcpy(x->s, s.s[i], n + 1);
		x->len = (uint8_t)n;
		x->anchor = (uint8_t)an;
		if (w->icase)
			for (size_t k = 0; k < n; k++)
				if (x->s[k] >= 'A' && x->s[k] <= 'Z')
					x->s[k] = (char)(x->s[k] | 0x20);
	}
	set_free(&s);
}

struct regex_words *regex_words_parse(const char *re, int icase)
{
	struct regex_words *w = xcalloc(1, sizeof(*w));
	struct parser P = { re, 0, strlen(re), icase, 0 };
	size_t a, len = P.end;
	int depth = 0, in_class = 0;

	w->icase = icase;
	w->v = xmalloc(MAX_WORDS * sizeof(*w->v));
	if (one_group(re, len)) {
		size_t skip = re[1] == '?' ? 3 : 1;

		if (re[1] == '?' && re[2] != ':')
			P.bad = 1;
		re += skip;
		len -= skip + 1;
		P.re = re;
	}
	/* split at the top level's '|' */
	a = 0;
	for (size_t i = 0; i <= len && !P.bad; i++) {
		if (i < len && re[i] == '\\') {
			i++;
			continue;
		}
		if (i < len && in_class) {
			in_class = re[i] != ']';
			continue;
		}
		if (i < len && re[i] == '[')
			in_class = 1;
		else if (i < len && re[i] == '(')
			depth++;
		else if (i < len && re[i] == ')')
			depth--;
		else if (i == len || (re[i] == '|' && depth == 0)) {
			add_alternative(w, &P, a, i);
			a = i + 1;
		}
	}
	if (P.bad || w->n == 0) {
		regex_words_free(w);
		return NULL;
	}
	return w;
}

void regex_words_free(struct regex_words *w)
{
	if (!w)
		return;
	free(w->v);
	free(w);
}

int regex_words_takes(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* non-ASCII; line ends, which ".*" does not cross */
		if (c >= 0x80 || c == '\n' || c == '\r' || c == '\v' ||
		    c == '\f')
			return 0;
	}
	return 1;
}

static int same(const struct regex_words *w, const char *word, const char *s,
		size_t n)
{
	if (!w->icase)
		return memcmp(word, s, n) == 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		if (c != word[i])
			return 0;
	}
	return 1;
}

int regex_words_match(const struct regex_words *w, const char *s, size_t len)
{
	for (size_t i = 0; i < w->n; i++) {
		const struct rw_word *x = &w->v[i];

		if (x->anchor == WHOLE ? len != x->len : len < x->len)
			continue;
		if (same(w, x->s, x->anchor == ENDS_WITH ? s + len - x->len : s,
			 x->len))
			return 1;
	}
	return 0;
}

size_t regex_words_count_whole(const struct regex_words *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].anchor != WHOLE)
			return 0;
	return w->n;
}

const char *regex_words_at(const struct regex_words *w, size_t i)
{
	return w->v[i].s;
}
