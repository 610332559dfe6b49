/*
 * markdown: mask everything but prose (see markdown.h).
 *
 * cmark-gfm gives reliable source positions for blocks only, so prose is
 * found like this: inside each paragraph, heading or table block, the
 * literal of every text node is looked for in the source, in order, from
 * where the previous one ended; what is found is copied back into an
 * all-blank copy.  Inline HTML advances the cursor past its literal
 * without copying it, link destinations likewise; a code span gets the
 * placeholder word.  Anything not found (text that came from an entity,
 * say) simply stays blank: a miss hides prose, it never exposes markup.
 */
#include "text/markdown.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "util/limits.h"
#include "util/xalloc.h"

struct mask {
	const char *src; /* doc->text */
	char *out;	 /* the copy being built */
	uint32_t len;
	uint32_t *line_start; /* cmark lines (LF, CRLF, CR), 1-based */
	uint32_t n_lines;
	struct span *html;    /* raw HTML found so far (malloc'd) */
	size_t n_html, alloc_html;
	struct span *ph;      /* placeholders (malloc'd) */
	size_t n_ph, alloc_ph;
};

/* Record raw HTML at [a, b); nodes come in source order. */
static void add_html(struct mask *m, uint32_t a, uint32_t b)
{
	if (a == UINT32_MAX || a >= b)
		return;
	if (m->n_html && m->html[m->n_html - 1].end > a) {
		if (m->html[m->n_html - 1].end < b)
			m->html[m->n_html - 1].end = b;
		return;
	}
	m->html = xgrow(m->html, &m->alloc_html, m->n_html + 1,
			sizeof(*m->html));
	m->html[m->n_html++] = (struct span){ a, b };
}

static void blank(char *out, const char *src, uint32_t a, uint32_t b)
{
	for (uint32_t i = a; i < b; i++)
		out[i] = (src[i] == '\n' || src[i] == '\r') ? src[i] : ' ';
}

static uint32_t offset_of(const struct mask *m, int line, int col)
{
	uint32_t ls, le;

	if (line < 1)
		return 0;
	if ((uint32_t)line > m->n_lines)
		return m->len;
	ls = m->line_start[line - 1];
	le = (uint32_t)line < m->n_lines ? m->line_start[line] : m->len;
	if (col < 1)
		col = 1;
	return ls + (uint32_t)col - 1 < le ? ls + (uint32_t)col - 1 : le;
}

/* The end of line `line` (before the next line's start). */
static uint32_t line_end(const struct mask *m, int line)
{
	if (line < 1)
		return 0;
	if ((uint32_t)line >= m->n_lines)
		return m->len;
	return m->line_start[line];
}

/* Find lit in [*cur, end); on success move *cur past it and return its
 * start, else return UINT32_MAX. */
static uint32_t find(const struct mask *m, uint32_t *cur, uint32_t end,
		     const char *lit)
{
	size_t n = lit ? strlen(lit) : 0;
	const char *hit;

	if (!n || *cur >= end || end - *cur < n)
		return UINT32_MAX;
	hit = memmem(m->src + *cur, end - *cur, lit, n);
	if (!hit)
		return UINT32_MAX;
	*cur = (uint32_t)(hit - m->src) + (uint32_t)n;
	return (uint32_t)(hit - m->src);
}

/* A link whose text is its destination: <https://...>, a bare
 * https://... or an e-mail address, or www.... (whose URL gains http://). */
static int is_autolink(cmark_node *link)
{
	cmark_node *c = cmark_node_first_child(link);
	const char *url = cmark_node_get_url(link), *lit;

	if (!c || cmark_node_next(c) || cmark_node_get_type(c) != CMARK_NODE_TEXT)
		return 0;
	lit = cmark_node_get_literal(c);
	if (!url || !lit)
		return 0;
	return !strcmp(url, lit) ||
	       (!strncmp(url, "mailto:", 7) && !strcmp(url + 7, lit)) ||
	       (!strncmp(url, "http://", 7) && !strcmp(url + 7, lit));
}

/*
 * A code span whose literal starts at `at` and ends at *cur: the span runs
 * over its backticks (and the one space cmark strips at either end); the
 * placeholder goes at its end, the rest stays blank.  *cur moves past the
 * closing backticks.
 */
static void add_placeholder(struct mask *m, uint32_t at, uint32_t *cur)
{
	const char *ph = MARKDOWN_PLACEHOLDER;
	uint32_t a = at, b = *cur, n = (uint32_t)strlen(ph), w;

	if (a && m->src[a - 1] == ' ' && a > 1 && m->src[a - 2] == '`')
		a--;
	while (a && m->src[a - 1] == '`')
		a--;
	if (b < m->len && m->src[b] == ' ' && b + 1 < m->len &&
	    m->src[b + 1] == '`')
		b++;
	while (b < m->len && m->src[b] == '`')
		b++;
	*cur = b;
	if (b - a < n)
		return;
	/* "an `apt` call": the parser wants a vowel after "an" */
	for (w = a; w && (m->src[w - 1] == ' ' || m->src[w - 1] == '\t'); w--)
		;
	if (w >= 2 && !strncasecmp(m->src + w - 2, "an", 2) &&
	    (w == 2 || !isalpha((unsigned char)m->src[w - 3])))
		ph = MARKDOWN_PLACEHOLDER_AN;
	memcpy(m->out + b - n, ph, n);
	m->ph = xgrow(m->ph, &m->alloc_ph, m->n_ph + 1, sizeof(*m->ph));
	m->ph[m->n_ph++] = (struct span){ b - n, b };
}

/* Copy the prose of one paragraph, heading or table. */
static void unmask_block(struct mask *m, cmark_node *block)
{
	uint32_t cur = offset_of(m, cmark_node_get_start_line(block),
				 cmark_node_get_start_column(block));
	uint32_t end = line_end(m, cmark_node_get_end_line(block));
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	int skip = 0; /* depth inside images and autolinks */

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		uint32_t at;

		if (t == CMARK_NODE_IMAGE ||
		    (t == CMARK_NODE_LINK && is_autolink(n))) {
			if (ev == CMARK_EVENT_ENTER) {
				skip++;
			} else {
				skip--;
				find(m, &cur, end, cmark_node_get_url(n));
			}
			continue;
		}
		if (ev != CMARK_EVENT_ENTER && t == CMARK_NODE_LINK) {
			/* the destination follows the link text */
			find(m, &cur, end, cmark_node_get_url(n));
			continue;
		}
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (t) {
		case CMARK_NODE_TEXT:
			at = find(m, &cur, end, cmark_node_get_literal(n));
			if (!skip && at != UINT32_MAX)
				memcpy(m->out + at, m->src + at, cur - at);
			break;
		case CMARK_NODE_CODE:
			at = find(m, &cur, end, cmark_node_get_literal(n));
			if (!skip && at != UINT32_MAX)
				add_placeholder(m, at, &cur);
			break;
		case CMARK_NODE_HTML_INLINE:
			at = find(m, &cur, end, cmark_node_get_literal(n));
			add_html(m, at, cur);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/*
 * An HTML block: cmark's start position is right, its end position is not
 * (a one-line block can end "before" it starts), so the block runs from
 * its start over as many lines as its literal holds.
 */
static void add_html_block(struct mask *m, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	int line = cmark_node_get_start_line(n), last = line;
	size_t len = lit ? strlen(lit) : 0;

	for (size_t i = 0; i < len; i++)
		if (lit[i] == '\n' && i + 1 < len)
			last++;
	add_html(m, offset_of(m, line, cmark_node_get_start_column(n)),
		 line_end(m, last));
}

/*
 * Front matter: a first line of exactly "---" (YAML) or "+++" (TOML) up to
 * the next line holding the same fence (or "..." for YAML).  Returns the
 * offset just past it, 0 when there is none.
 */
static uint32_t front_matter(const char *t, uint32_t len)
{
	const char *fence;
	uint32_t p;

	if (len >= 3 && !memcmp(t, "---", 3))
		fence = "---";
	else if (len >= 3 && !memcmp(t, "+++", 3))
		fence = "+++";
	else
		return 0;
	p = 3;
	while (p < len && (t[p] == ' ' || t[p] == '\t'))
		p++;
	if (p < len && t[p] != '\n' && t[p] != '\r')
		return 0;
	while (p < len) {
		uint32_t ls, le;

		while (p < len && t[p] != '\n' && t[p] != '\r')
			p++;
		if (p < len && t[p] == '\r' && p + 1 < len && t[p + 1] == '\n')
			p++;
		if (p >= len)
			return 0;
		ls = ++p;
		le = ls;
		while (le < len && t[le] != '\n' && t[le] != '\r')
			le++;
		while (le > ls && (t[le - 1] == ' ' || t[le - 1] == '\t'))
			le--;
		if (le - ls == 3 && (!memcmp(t + ls, fence, 3) ||
				     (fence[0] == '-' && !memcmp(t + ls, "...", 3)))) {
			p = ls + 3;
			while (p < len && t[p] != '\n' && t[p] != '\r')
				p++;
			return p;
		}
	}
	return 0;
}

/*
 * The length of the container prefix of the line at t[i]: the blanks,
 * block-quote markers and list markers ("-", "+", "*", "1.", "1)" before a
 * blank) that open containers before its text.
 */
static size_t container_prefix(const char *t, size_t i, size_t len)
{
	size_t p = i;

	while (p < len) {
		size_t q = p;

		if (t[p] == ' ' || t[p] == '\t' || t[p] == '>') {
			p++;
			continue;
		}
		if (t[p] == '-' || t[p] == '+' || t[p] == '*') {
			q = p + 1;
		} else {
			while (q < len && q - p < 9 && t[q] >= '0' && t[q] <= '9')
				q++;
			if (q == p || q >= len || (t[q] != '.' && t[q] != ')'))
				break;
			q++;
		}
		if (q >= len || (t[q] != ' ' && t[q] != '\t'))
			break;
		p = q;
	}
	return p - i;
}

/*
 * cmark's work grows with the containers open times the length of a line
 * (100,000 nested block quotes over a line of emphasis took minutes): a
 * line whose container prefix is longer than MT_LIMIT_MARKDOWN_PREFIX is
 * blanked in cmark's input, so its text stays hidden -- no document nests
 * so deep -- and the lines after it start afresh.
 */
static void blank_deep_lines(char *src, uint32_t len)
{
	for (uint32_t i = 0; i < len;) {
		uint32_t e = i;

		while (e < len && src[e] != '\n' && src[e] != '\r')
			e++;
		if (container_prefix(src, i, e) > MT_LIMIT_MARKDOWN_PREFIX)
			memset(src + i, ' ', e - i);
		i = e + 1;
	}
}

static pthread_once_t gfm_once = PTHREAD_ONCE_INIT;

static void gfm_register(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

/* GitHub-flavoured Markdown: CommonMark with the GFM extensions. */
static cmark_node *parse_gfm(const char *text, size_t len)
{
	static const char *const ext[] = { "table", "strikethrough",
					   "autolink", "tasklist" };
	cmark_parser *p;
	cmark_node *root;

	pthread_once(&gfm_once, gfm_register);
	p = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	for (size_t i = 0; i < ARRAY_SIZE(ext); i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(ext[i]);

		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, text, len);
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	return root;
}

/* Copy n spans into doc's arena. */
static const struct span *keep_spans(struct document *doc,
				     const struct span *v, size_t n)
{
	struct span *h;

	if (!n)
		return NULL;
	h = arena_alloc(&doc->arena, n * sizeof(*h));
	memcpy(h, v, n * sizeof(*h));
	return h;
}

void markdown_parse(struct document *doc, struct markdown *out)
{
	struct mask m = { .src = doc->text, .len = doc->len };
	size_t alloc = 0;
	uint32_t fm;
	cmark_node *root;
	cmark_iter *it;
	cmark_event_type ev;
	char *parse_src;

	m.out = arena_alloc(&doc->arena, (size_t)doc->len + 1);
	blank(m.out, m.src, 0, m.len);
	m.out[m.len] = '\0';
	/* cmark's lines: LF, CRLF and CR all end one */
	m.line_start = xgrow(NULL, &alloc, 1, sizeof(*m.line_start));
	m.line_start[m.n_lines++] = 0;
	for (uint32_t i = 0; i < m.len; i++) {
		if (m.src[i] == '\r' && i + 1 < m.len && m.src[i + 1] == '\n')
			i++;
		if (m.src[i] == '\n' || m.src[i] == '\r') {
			m.line_start = xgrow(m.line_start, &alloc,
					     m.n_lines + 1,
					     sizeof(*m.line_start));
			m.line_start[m.n_lines++] = i + 1;
		}
	}
	/* cmark must not see the front matter; blank it in its input */
	fm = front_matter(m.src, m.len);
	parse_src = xmalloc((size_t)m.len + 1);
	memcpy(parse_src, m.src, m.len);
	blank(parse_src, m.src, 0, fm);
	blank_deep_lines(parse_src, m.len);
	root = parse_gfm(parse_src, m.len);
	free(parse_src);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER &&
		    (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
		     !strcmp(cmark_node_get_type_string(n), "table")))
			unmask_block(&m, n);
		else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_HTML_BLOCK)
			add_html_block(&m, n);
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	free(m.line_start);
	out->prose = m.out;
	out->n_html = m.n_html;
	out->html = keep_spans(doc, m.html, m.n_html);
	out->n_placeholders = m.n_ph;
	out->placeholders = keep_spans(doc, m.ph, m.n_ph);
	free(m.html);
	free(m.ph);
}

const char *markdown_prose(struct document *doc)
{
	struct markdown md;

	markdown_parse(doc, &md);
	return md.prose;
}
