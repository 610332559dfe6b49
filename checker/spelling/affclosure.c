/*
 * affclosure: is a dictionary's expanded word list all Hunspell accepts
 * of plain words?  (See affclosure.h.)  The .aff and .dic formats are
 * Hunspell's (hunspell(5)); only single-character flags are read (any
 * other FLAG syntax makes the answer "not closed").
 */
#include "spelling/affclosure.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define MAX_TOKS 6
#define MAX_PLAIN 100 /* longer words always go to Hunspell */

struct danger {
	char *stem; /* lower case, less what its affixes may strip */
	size_t len;
	int anywhere; /* the stem takes a prefix: look inside the word */
};

/* The strip strings of one flag's affix rules ("y" of "SFX S y ies"). */
struct strips {
	char **v;
	size_t n, alloc;
};

struct aff_closure {
	struct danger *d;
	size_t n, alloc;
	int hyphen_breaks; /* BREAK's default, or a BREAK - line */
};

/* What the .aff file says, per flag character. */
struct aff {
	int closed;
	unsigned char sfx[256], pfx[256];
	struct strips strip[256]; /* per flag (a flag is SFX or PFX) */
	unsigned char letters_add[256]; /* an affix adds letters or nothing */
	unsigned char rule_flag[256];	/* used by a COMPOUNDRULE */
	int nosuggest;			/* flag character, or -1 */
	int breaks, hyphen_breaks;	/* BREAK lines; one is "-" */
};

struct tok {
	const char *s;
	size_t n;
};

static int is(const struct tok *t, const char *word)
{
	return t->n == strlen(word) && memcmp(t->s, word, t->n) == 0;
}

static int all_digits(const struct tok *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (!isdigit((unsigned char)t->s[i]))
			return 0;
	return t->n > 0;
}

static int plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

static int has_letter(const struct tok *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (isalpha((unsigned char)t->s[i]) &&
		    !((unsigned char)t->s[i] & 0x80))
			return 1;
	return 0;
}

/* Split line [s, e) at blanks into at most MAX_TOKS tokens. */
static size_t split(const char *s, const char *e, struct tok *t)
{
	size_t n = 0;

	while (s < e && n < MAX_TOKS) {
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if (s >= e)
			break;
		t[n].s = s;
		while (s < e && *s != ' ' && *s != '\t' && *s != '\r')
			s++;
		t[n].n = (size_t)(s - t[n].s);
		n++;
	}
	return n;
}

/* One affix rule line "SFX F strip add cond" (not the header). */
static void affix_rule(struct aff *a, const struct tok *t, int suffix)
{
	unsigned char f = (unsigned char)t[1].s[0];
	size_t strip = is(&t[2], "0") ? 0 : t[2].n;
	int empty = is(&t[3], "0");
	struct strips *st = &a->strip[f];

	if (t[1].n != 1 || memchr(t[3].s, '/', t[3].n)) {
		a->closed = 0; /* a continuation class: affixes on affixes */
		return;
	}
	(suffix ? a->sfx : a->pfx)[f] = 1;
	if (strip) {
		st->v = xgrow(st->v, &st->alloc, st->n + 1, sizeof(*st->v));
		st->v[st->n] = xmalloc(strip + 1);
		memcpy(st->v[st->n], t[2].s, strip);
		st->v[st->n++][strip] = '\0';
	}
	if (empty || plain(t[3].s, t[3].n))
		a->letters_add[f] = 1;
}

static void aff_line(struct aff *a, const struct tok *t, size_t n)
{
	static const char *const open[] = {
		"FLAG",		  "AF",		    "COMPOUNDFLAG",
		"COMPOUNDBEGIN",  "COMPOUNDMIDDLE", "COMPOUNDEND",
		"COMPOUNDLAST",	  "COMPOUNDROOT",   "CIRCUMFIX",
		"COMPLEXPREFIXES", "LANG",	    "SUBSTANDARD",
	};

	if (n == 0 || t[0].s[0] == '#')
		return;
	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++)
		if (is(&t[0], open[i]))
			a->closed = 0;
	if (is(&t[0], "IGNORE") && n > 1 && has_letter(&t[1]))
		a->closed = 0;
	if (is(&t[0], "BREAK") && n > 1 && !all_digits(&t[1])) {
		a->breaks = 1;
		a->hyphen_breaks |= is(&t[1], "-");
	}
	if ((is(&t[0], "ICONV") || is(&t[0], "BREAK")) && n > 1 &&
	    !all_digits(&t[1]) && has_letter(&t[1]))
		a->closed = 0;
	if (is(&t[0], "NOSUGGEST") && n > 1 && t[1].n == 1)
		a->nosuggest = (unsigned char)t[1].s[0];
	else if (is(&t[0], "NOSUGGEST"))
		a->closed = 0;
	if (is(&t[0], "COMPOUNDRULE") && n > 1 && !all_digits(&t[1]))
		for (size_t i = 0; i < t[1].n; i++)
			if (!strchr("*?()", t[1].s[i]))
				a->rule_flag[(unsigned char)t[1].s[i]] = 1;
	if ((is(&t[0], "SFX") || is(&t[0], "PFX")) && n >= 4) {
		/* the header "SFX F Y 3" */
		if ((is(&t[2], "Y") || is(&t[2], "N")) && all_digits(&t[3]))
			return;
		if (n >= 5)
			affix_rule(a, t, t[0].s[0] == 'S');
	}
}

static void add_danger(struct aff_closure *c, const char *w, size_t n,
		       size_t strip, int anywhere)
{
	size_t keep = n > strip ? n - strip : 1;
	struct danger *d;

	c->d = xgrow(c->d, &c->alloc, c->n + 1, sizeof(*c->d));
	d = &c->d[c->n++];
	d->stem = xmalloc(keep + 1);
	for (size_t i = 0; i < keep; i++)
		d->stem[i] = (char)tolower((unsigned char)w[i]);
	d->stem[keep] = '\0';
	d->len = keep;
	d->anywhere = anywhere;
}

/* The longest strip of flag x's rules that applies to stem w (a suffix
 * rule strips the stem's end, a prefix rule its start). */
static size_t longest_strip(const struct aff *a, unsigned char x,
			    const char *w, size_t wn)
{
	size_t best = 0;

	for (size_t i = 0; i < a->strip[x].n; i++) {
		const char *s = a->strip[x].v[i];
		size_t n = strlen(s);

		if (n <= wn && n > best &&
		    memcmp(a->sfx[x] ? w + wn - n : w, s, n) == 0)
			best = n;
	}
	return best;
}

/* One .dic entry "word/FLAGS ..." with its flags [f, fe). */
static void dic_entry(struct aff *a, struct aff_closure *c, const char *w,
		      size_t wn, const char *f, const char *fe,
		      const char *const *models, size_t n_models)
{
	size_t back = 0, front = 0;
	int nosug = 0, pfx = 0, rule = 0, letters = 0;

	for (const char *p = f; p < fe; p++) {
		unsigned char x = (unsigned char)*p;

		nosug |= (int)x == a->nosuggest;
		pfx |= a->pfx[x];
		rule |= a->rule_flag[x];
		letters |= a->letters_add[x];
	}
	if (rule && plain(w, wn))
		a->closed = 0; /* compounds of plain words */
	for (const char *p = f; nosug && p < fe; p++) {
		unsigned char x = (unsigned char)*p;
		size_t k = longest_strip(a, x, w, wn);

		if (a->sfx[x] && k > back)
			back = k;
		if (a->pfx[x] && k > front)
			front = k;
	}
	if (nosug)
		add_danger(c, w + (front < wn ? front : 0),
			   wn - (front < wn ? front : 0), back, pfx);
	for (size_t i = 0; i < n_models && letters; i++)
		if (models[i] && strlen(models[i]) == wn &&
		    memcmp(models[i], w, wn) == 0)
			a->closed = 0; /* added words take plain affixes */
}

static void read_dic(struct aff *a, struct aff_closure *c, const char *s,
		     size_t len, const char *const *models, size_t n_models)
{
	const char *end = s + len, *nl = memchr(s, '\n', len);

	/* the first line is the entry count */
	for (s = nl ? nl + 1 : end; s < end && a->closed; s = nl + 1) {
		const char *slash, *f, *fe;

		nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			nl = end;
		slash = memchr(s, '/', (size_t)(nl - s));
		/* "\/" is a slash in the word */
		while (slash && slash > s && slash[-1] == '\\')
			slash = memchr(slash + 1, '/', (size_t)(nl - slash - 1));
		if (!slash)
			continue;
		f = slash + 1;
		for (fe = f; fe < nl && *fe != ' ' && *fe != '\t' &&
			     *fe != '\r';
		     fe++)
			;
		dic_entry(a, c, s, (size_t)(slash - s), f, fe, models,
			  n_models);
	}
}

struct aff_closure *aff_closure_open(const char *aff, size_t aff_len,
				     const char *dic, size_t dic_len,
				     const char *const *models,
				     size_t n_models)
{
	struct aff *a = xcalloc(1, sizeof(*a));
	struct aff_closure *c = xcalloc(1, sizeof(*c));
	const char *s = aff, *end = aff + aff_len;
	const char **distinct = NULL;
	size_t n_distinct = 0, alloc_distinct = 0;

	a->closed = 1;
	a->nosuggest = -1;
	while (s < end && a->closed) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		struct tok t[MAX_TOKS];

		if (!nl)
			nl = end;
		aff_line(a, t, split(s, nl, t));
		s = nl + 1;
	}
	/* thousands of added words share a handful of models */
	for (size_t i = 0; i < n_models; i++) {
		size_t k = 0;

		while (models[i] && k < n_distinct &&
		       strcmp(distinct[k], models[i]) != 0)
			k++;
		if (!models[i] || k < n_distinct)
			continue;
		distinct = xgrow(distinct, &alloc_distinct, n_distinct + 1,
				 sizeof(*distinct));
		distinct[n_distinct++] = models[i];
	}
	if (a->closed)
		read_dic(a, c, dic, dic_len, distinct, n_distinct);
	free(distinct);
	for (size_t x = 0; x < 256; x++) {
		for (size_t i = 0; i < a->strip[x].n; i++)
			free(a->strip[x].v[i]);
		free(a->strip[x].v);
	}
	if (!a->closed) {
		aff_closure_free(c);
		c = NULL;
	} else {
		c->hyphen_breaks = !a->breaks || a->hyphen_breaks;
	}
	free(a);
	return c;
}

void aff_closure_free(struct aff_closure *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->d[i].stem);
	free(c->d);
	free(c);
}

int aff_closure_open_to(const struct aff_closure *c, const char *word,
			size_t len)
{
	char low[MAX_PLAIN + 1];

	if (!c || len == 0 || len > MAX_PLAIN || !plain(word, len))
		return 1;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)word[i]);
	low[len] = '\0';
	for (size_t i = 0; i < c->n; i++) {
		const struct danger *d = &c->d[i];

		if (d->anywhere ? strstr(low, d->stem) != NULL
				: (d->len <= len &&
				   memcmp(low, d->stem, d->len) == 0))
			return 1;
	}
	return 0;
}

int aff_closure_hyphen_breaks(const struct aff_closure *c)
{
	return c && c->hyphen_breaks;
}
