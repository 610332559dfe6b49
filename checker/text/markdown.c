/*
 * markdown: mask everything but prose (see markdown.h).
 *
 * cmark gives reliable source positions for blocks only, so prose is found
 * like this: inside each paragraph or heading block, the literal of every
 * text node is looked for in the source, in order, from where the previous
 * one ended; what is found is copied back into an all-blank copy.  Code
 * spans and inline HTML advance the cursor past their literal without
 * copying it, link destinations likewise.  Anything not found (text that
 * came from an entity, say) simply stays blank: a miss hides prose, it never
 * exposes markup.
 */
#include "text/markdown.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "util/xalloc.h"

struct mask {
	const char *src; /* doc->text */
	char *out;	 /* the copy being built */
	uint32_t len;
	uint32_t *line_start; /* cmark lines (LF, CRLF, CR), 1-based */
	uint32_t n_lines;
	struct span *html;    /* raw HTML found so far (malloc'd) */
	size_t n_html, alloc_html;
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

/* A link whose text is its destination: <https://...> or a bare URL. */
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
	       (!strncmp(url, "mailto:", 7) && !strcmp(url + 7, lit));
}

/* Copy the prose of one paragraph or heading block. */
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
			find(m, &cur, end, cmark_node_get_literal(n));
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

void markdown_parse(struct document *doc, struct markdown *out)
{
	struct mask m = { doc->text, NULL, doc->len, NULL, 0, NULL, 0, 0 };
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
	root = cmark_parse_document(parse_src, m.len, CMARK_OPT_SOURCEPOS);
	free(parse_src);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER &&
		    (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING))
			unmask_block(&m, n);
		else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_HTML_BLOCK)
			add_html_block(&m, n);
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	free(m.line_start);
	out->prose = m.out;
	out->n_html = m.n_html;
	out->html = NULL;
	if (m.n_html) {
		struct span *h = arena_alloc(&doc->arena,
					     m.n_html * sizeof(*h));

		memcpy(h, m.html, m.n_html * sizeof(*h));
		out->html = h;
	}
	free(m.html);
}

const char *markdown_prose(struct document *doc)
{
	struct markdown md;

	markdown_parse(doc, &md);
	return md.prose;
}
