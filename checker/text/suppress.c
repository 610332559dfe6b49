/*
 * suppress: find mtlint-disable comments and filter findings (see
 * suppress.h).
 */
#include "text/suppress.h"

#include <string.h>


static const struct rule_info rules[] = {
	{ "mtlint.unused-disable", "mtlint/suppression", MT_SEV_WARNING,
	  "an mtlint-disable comment that suppresses nothing", NULL,
	  "exact by construction: the comment suppressed nothing",
	  .bad = RULE_EXAMPLES("It rained. [<!-- mtlint-disable-line "
			       "grammar.repeated-word -->]"),
	  .good = RULE_EXAMPLES("It was the the end. <!-- mtlint-disable-line "
				"grammar.repeated-word -->") },
};

size_t suppress_rules(const struct rule_info **out)
{
	*out = rules;
	return ARRAY_SIZE(rules);
}

enum kind { K_DISABLE, K_ENABLE, K_NEXT_LINE, K_LINE };

/* One rule name of one directive: the unit that can be unused. */
struct entry {
	const char *name; /* NULL: every rule */
	enum kind kind;
	struct span comment;	/* the whole comment */
	uint32_t from, to;	/* suppressed text range [from, to) */
	uint32_t line;		/* for line kinds: the line suppressed */
	size_t used;
};

struct suppressions {
	struct entry *v;
	size_t n, alloc;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does `name` select the rule, as --disable would? */
static int selects(const char *name, const char *id, const char *category)
{
	size_t n = strlen(name);

	if (!strcmp(name, id) || (!strncmp(name, id, n) && id[n] == '.'))
		return 1;
	return category && (!strcmp(name, category) ||
			    (!strncmp(name, category, n) &&
			     category[n] == '/'));
}

static void add(struct document *doc, struct suppressions *s,
		struct entry e)
{
	/* entries live in the arena: doubling keeps copying linear */
	if (s->n == s->alloc) {
		size_t na = s->alloc ? 2 * s->alloc : 8;
		struct entry *v = arena_alloc(&doc->arena, na * sizeof(*v));

		if (s->n)
			memcpy(v, s->v, s->n * sizeof(*v));
		s->v = v;
		s->alloc = na;
	}
	s->v[s->n++] = e;
}

/*
 * Parse "<!-- mtlint-KIND RULES -->" at p (after "<!--"); fills the entries.
 * Anything else is an ordinary comment and ignored.
 */
static void parse_directive(struct document *doc, struct suppressions *s,
			    uint32_t start, uint32_t body, uint32_t close)
{
	static const struct {
		const char *word;
		enum kind kind;
	} kinds[] = {
		/* longest first: "disable" is a prefix of the others */
		{ "mtlint-disable-next-line", K_NEXT_LINE },
		{ "mtlint-disable-line", K_LINE },
		{ "mtlint-disable", K_DISABLE },
		{ "mtlint-enable", K_ENABLE },
	};
	const char *t = doc->text;
	uint32_t p = body, end = close;
	struct entry e = { 0 };
	size_t k, before = s->n;

	while (p < end && is_space(t[p]))
		p++;
	for (k = 0; k < ARRAY_SIZE(kinds); k++) {
		size_t n = strlen(kinds[k].word);

		if (end - p >= n && !memcmp(t + p, kinds[k].word, n) &&
		    (p + n == end || is_space(t[p + n]))) {
			p += (uint32_t)n;
			break;
		}
	}
	if (k == ARRAY_SIZE(kinds))
		return;
	e.kind = kinds[k].kind;
	e.comment = (struct span){ start, close + 3 };
	e.from = close + 3;
	e.to = doc->len;
	/* the line after the comment's end: a directive may span lines */
	if (e.kind == K_NEXT_LINE)
		e.line = document_position(doc, close, 0).line + 1;
	else if (e.kind == K_LINE)
		e.line = document_position(doc, start, 0).line;
	/* rule names, separated by spaces or commas; "--" starts a note */
	while (p < end) {
		uint32_t q;

		while (p < end && (is_space(t[p]) || t[p] == ','))
			p++;
		if (p >= end || (end - p >= 2 && t[p] == '-' && t[p + 1] == '-'))
			break;
		q = p;
		while (q < end && !is_space(t[q]) && t[q] != ',')
			q++;
		e.name = arena_strndup(&doc->arena, t + p, q - p);
		add(doc, s, e);
		p = q;
	}
	if (s->n == before) {
		e.name = NULL;
		add(doc, s, e);
	}
}

/* Close the open disable ranges an enable directive names. */
static void close_ranges(struct suppressions *s, size_t first_new)
{
	const struct entry *en = &s->v[s->n - 1];

	if (en->kind != K_ENABLE)
		return;
	/* every entry of this enable comment, in turn */
	for (size_t j = first_new; j < s->n; j++) {
		const struct entry *x = &s->v[j];

		for (size_t i = 0; i < first_new; i++) {
			struct entry *d = &s->v[i];

			if (d->kind != K_DISABLE || d->to != (uint32_t)-1)
				continue;
			if (!x->name || (d->name && !strcmp(d->name, x->name)))
				d->to = x->comment.start;
		}
	}
}

/* where == NULL: every comment counts */
static struct suppressions *scan(struct document *doc,
				 const struct span *where, size_t n_where)
{
	struct suppressions *s;
	const char *t = doc->text;
	const char *p = t;
	size_t w = 0;

	if (!strstr(t, "mtlint-"))
		return NULL;
	s = arena_zalloc(&doc->arena, sizeof(*s));
	while ((p = strstr(p, "<!--")) != NULL) {
		const char *c = strstr(p + 4, "-->");
		size_t first = s->n;
		uint32_t start = (uint32_t)(p - t);

		if (!c)
			break;
		if (where) {
			/* comments come in order: so do the spans */
			while (w < n_where && where[w].end <= start)
				w++;
			if (w == n_where)
				break;
			if (start < where[w].start ||
			    (uint32_t)(c + 3 - t) > where[w].end) {
				/* text, not a comment: "<!--" in a code span
				 * is not a comment opener either */
				p += 4;
				continue;
			}
		}
		parse_directive(doc, s, start, (uint32_t)(p + 4 - t),
				(uint32_t)(c - t));
		/* open disables run to the end until an enable closes them */
		for (size_t i = first; i < s->n; i++)
			if (s->v[i].kind == K_DISABLE)
				s->v[i].to = (uint32_t)-1;
		if (s->n > first)
			close_ranges(s, first);
		p = c + 3;
	}
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].kind == K_DISABLE && s->v[i].to == (uint32_t)-1)
			s->v[i].to = doc->len;
	if (!s->n)
		return NULL;
	return s;
}

struct suppressions *suppress_scan(struct document *doc)
{
	return scan(doc, NULL, 0);
}

struct suppressions *suppress_scan_in(struct document *doc,
				      const struct span *where, size_t n_where)
{
	static const struct span none = { 0, 0 };

	return scan(doc, where ? where : &none, where ? n_where : 0);
}

static int suppressed_by(struct entry *e, const struct document *doc,
			 const struct diag *d, uint32_t *line_cache)
{
	if (e->kind == K_ENABLE)
		return 0;
	if (e->name && !selects(e->name, d->rule, d->category))
		return 0;
	if (e->kind == K_DISABLE)
		return d->span.start >= e->from && d->span.start < e->to;
	if (!*line_cache)
		*line_cache = document_position(doc, d->span.start, 0).line;
	return *line_cache == e->line;
}

void suppress_apply(struct suppressions *s, const struct document *doc,
		    struct diag_list *diags, int report_unused)
{
	size_t o = 0;

	if (!s)
		return;
	for (size_t i = 0; i < diags->n; i++) {
		uint32_t line = 0;
		int hit = 0;

		for (size_t k = 0; k < s->n; k++)
			if (suppressed_by(&s->v[k], doc, &diags->v[i], &line)) {
				s->v[k].used++;
				hit = 1;
			}
		if (!hit)
			diags->v[o++] = diags->v[i];
	}
	diags->n = o;
	if (report_unused) {
		for (size_t k = 0; k < s->n; k++) {
			const struct entry *e = &s->v[k];
			struct diag *d;

			if (e->kind == K_ENABLE || e->used)
				continue;
			d = diag_add(diags, rules[0].id, rules[0].category,
				     rules[0].severity, e->comment,
				     "this suppression of %s%s%s is unused",
				     e->name ? "'" : "",
				     e->name ? e->name : "every rule",
				     e->name ? "'" : "");
			(void)d;
		}
		diag_list_sort(diags);
	}
}
