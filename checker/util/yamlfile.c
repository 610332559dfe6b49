/*
 * yamlfile: libyaml's document API with located errors (see yamlfile.h).
 */
#include "util/yamlfile.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/limits.h"
#include "util/xalloc.h"

/* How much of a long offending line is quoted around the column. */
#define QUOTE_BEFORE 60
#define QUOTE_MAX 160

/* --- the list of errors ------------------------------------------------ */

void yamlfile_errors_release(struct yamlfile_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].path);
		free(e->v[i].message);
		free(e->v[i].source);
	}
	free(e->v);
	memset(e, 0, sizeof(*e));
}

void yamlfile_errors_move(struct yamlfile_errors *dst,
			  struct yamlfile_errors *src)
{
	dst->v = xgrow(dst->v, &dst->alloc, dst->n + src->n, sizeof(*dst->v));
	if (src->n)
		memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
	dst->n += src->n;
	free(src->v);
	memset(src, 0, sizeof(*src));
}

static struct yamlfile_error *new_error(struct yamlfile_errors *e)
{
	struct yamlfile_error *r;

	e->v = xgrow(e->v, &e->alloc, e->n + 1, sizeof(*e->v));
	r = &e->v[e->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static void format_one(struct buf *b, const struct yamlfile_error *e)
{
	buf_addf(b, "%s:%lu:%lu: error: %s\n", e->path, e->line, e->column,
		 e->message);
	if (!e->source)
		return;
	buf_addf(b, "    %s\n    ", e->source);
	/* one space per character before the column; tabs kept as tabs */
	for (size_t i = 0; i < e->caret; i++)
		if (e->source[i] == '\t')
			buf_addc(b, '\t');
		else if (!is_cont((unsigned char)e->source[i]))
			buf_addc(b, ' ');
	buf_adds(b, "^\n");
}

char *yamlfile_errors_format(const struct yamlfile_errors *e)
{
	struct buf b = BUF_INIT;

	buf_grow(&b, 1);
	for (size_t i = 0; i < e->n; i++)
		format_one(&b, &e->v[i]);
	return buf_detach(&b, NULL);
}

void yamlfile_errors_print(const struct yamlfile_errors *e, FILE *f)
{
	char *s = yamlfile_errors_format(e);

	fputs(s, f);
	free(s);
}

/* --- quoting the offending line ----------------------------------------- */

/*
 * How many of the n bytes at s libyaml's reader accepts (valid UTF-8, no
 * control characters): the offending line is quoted up to there only.
 * The reader decodes its whole input before the scanner looks at it, so
 * any reader error is the first error.
 */
static size_t readable_prefix(const char *s, size_t n)
{
	yaml_parser_t p;
	yaml_token_t t;
	size_t ok = n;

	if (!n || !yaml_parser_initialize(&p))
		return 0;
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
	if (!yaml_parser_scan(&p, &t))
		ok = p.error == YAML_READER_ERROR && p.problem_offset < n
			     ? p.problem_offset
			     : (p.error == YAML_READER_ERROR ? 0 : n);
	else
		yaml_token_delete(&t);
	yaml_parser_delete(&p);
	return ok;
}

/* The byte offset of libyaml's character index `index` (marks count
 * characters, after the BOM); len when beyond the text. */
static size_t char_to_byte(const struct yamlfile *y, size_t index)
{
	size_t i = y->bom;

	while (index > 0 && i < y->len) {
		i++;
		while (i < y->len && is_cont((unsigned char)y->text[i]))
			i++;
		index--;
	}
	return i;
}

/*
 * Quote the line around byte `off` into e: at most QUOTE_MAX bytes, cut
 * on character boundaries with "..." where shortened, and the caret's
 * offset into it.
 */
static void quote_line(const struct yamlfile *y, size_t off,
		       struct yamlfile_error *e)
{
	const char *t = y->text;
	size_t ls = off, le = off, ws, we, ok;
	struct buf b = BUF_INIT;

	if (!y->utf8 || off > y->len)
		return;
	while (ls > y->bom && t[ls - 1] != '\n' && t[ls - 1] != '\r')
		ls--;
	while (le < y->len && t[le] != '\n' && t[le] != '\r')
		le++;
	ws = off - ls > QUOTE_BEFORE ? off - QUOTE_BEFORE : ls;
	while (ws > ls && is_cont((unsigned char)t[ws]))
		ws--;
	we = le - ws > QUOTE_MAX ? ws + QUOTE_MAX : le;
	while (we > ws && we < le && is_cont((unsigned char)t[we]))
		we--;
	if (we < off && off <= le)
		we = off; /* the text before the column is always shown */
	ok = readable_prefix(t + ws, we - ws);
	if (ws > ls)
		buf_adds(&b, "...");
	buf_add(&b, t + ws, ok);
	e->caret = b.len - ok + (off < ws + ok ? off - ws : ok);
	if (ok == we - ws && we < le)
		buf_adds(&b, "...");
	buf_grow(&b, 1);
	e->source = buf_detach(&b, NULL);
}

/* Record an error at line/column (1-based) and byte offset `off` (beyond
 * the text: not quoted); takes msg. */
static void add_error(struct yamlfile *y, size_t line, size_t column,
		      size_t off, char *msg)
{
	struct yamlfile_error *e = new_error(&y->errs);

	e->path = xstrdup(y->path);
	e->line = line;
	e->column = column;
	e->message = msg;
	quote_line(y, off, e);
}

static void at_mark(struct yamlfile *y, yaml_mark_t m, const char *fmt,
		    va_list ap) MT_PRINTF(3, 0);

static void at_mark(struct yamlfile *y, yaml_mark_t m, const char *fmt,
		    va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vaddf(&b, fmt, ap);
	buf_grow(&b, 1);
	add_error(y, m.line + 1, m.column + 1, char_to_byte(y, m.index),
		  buf_detach(&b, NULL));
}

static void at_markf(struct yamlfile *y, yaml_mark_t m, const char *fmt, ...)
	MT_PRINTF(3, 4);

static void at_markf(struct yamlfile *y, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	at_mark(y, m, fmt, ap);
	va_end(ap);
}

int yamlfile_verror(struct yamlfile *y, const yaml_node_t *n, const char *fmt,
		    va_list ap)
{
	yaml_mark_t top = { 0, 0, 0 };

	at_mark(y, n ? n->start_mark : top, fmt, ap);
	return -1;
}

int yamlfile_error(struct yamlfile *y, const yaml_node_t *n, const char *fmt,
		   ...)
{
	va_list ap;

	va_start(ap, fmt);
	yamlfile_verror(y, n, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * libyaml's reader errors (bad UTF-8, control characters) carry a byte
 * offset rather than a mark: count the line and column from it.
 */
static void reader_error(struct yamlfile *y, size_t off, const char *msg)
{
	size_t line = 1, col = 1, i;

	if (off > y->len)
		off = y->len;
	for (i = y->bom; y->utf8 && i < off; i++) {
		if (y->text[i] == '\n' ||
		    (y->text[i] == '\r' &&
		     (i + 1 >= y->len || y->text[i + 1] != '\n'))) {
			line++;
			col = 1;
		} else if (!is_cont((unsigned char)y->text[i])) {
			col++;
		}
	}
	add_error(y, line, y->utf8 ? col : 1, y->utf8 ? off : SIZE_MAX,
		  xstrdup(msg));
}

/* --- bounds ------------------------------------------------------------- */

/*
 * The pass over the events (see yamlfile.h) keeps the bounds as it
 * composes the tree.  Alias expansion is counted without expanding: `total`
 * counts the nodes a reader walking the tree would visit, an alias adding
 * the size of its anchor's node -- the total when that node ended minus
 * the total when it began, recorded with the anchor's name.
 */
#define STR_(x) #x
#define STR(x) STR_(x)

struct anchor {
	char *name;
	size_t size;
};

struct pass {
	/* open collections: the total when each began, and its anchor */
	size_t start[MT_LIMIT_YAML_DEPTH + 1];
	char *name[MT_LIMIT_YAML_DEPTH + 1];
	unsigned depth;
	size_t total;
	struct anchor *anchors;
	size_t n_anchors;
};

static void bound_error(yaml_parser_t *to, const char *problem,
			yaml_mark_t mark)
{
	to->error = YAML_PARSER_ERROR;
	to->problem = problem;
	to->problem_mark = mark;
	to->problem_offset = mark.index;
	to->context = NULL;
}

/* Record an anchor's size (name: taken over); 0 when there are too many. */
static int anchor_add(struct pass *s, char *name, size_t size)
{
	if (s->n_anchors >= MT_LIMIT_YAML_ANCHORS) {
		free(name);
		return 0;
	}
	s->anchors = xrealloc(s->anchors,
			      (s->n_anchors + 1) * sizeof(*s->anchors));
	s->anchors[s->n_anchors].name = name;
	s->anchors[s->n_anchors++].size = size;
	return 1;
}

/* The size of the latest node anchored `name` (an unknown one: 1, and
 * compose() reports it). */
static size_t anchor_size(const struct pass *s, const unsigned char *name)
{
	for (size_t i = s->n_anchors; i-- > 0;)
		if (!strcmp(s->anchors[i].name, (const char *)name))
			return s->anchors[i].size;
	return 1;
}

static char *dup_anchor(const unsigned char *a)
{
	return a ? xstrdup((const char *)a) : NULL;
}

#define TOO_MANY_ANCHORS "more than " STR(MT_LIMIT_YAML_ANCHORS) " anchors"
#define TOO_MANY_NODES                                                      \
	"more than " STR(MT_LIMIT_YAML_NODES) " nodes (aliases counted as " \
					      "what they stand for)"

/* One event; NULL when within bounds, else the problem. */
static const char *step(struct pass *s, const yaml_event_t *ev)
{
	size_t size;

	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (s->depth >= MT_LIMIT_YAML_DEPTH)
			return "collections nested deeper than " STR(
				MT_LIMIT_YAML_DEPTH) " levels";
		s->start[s->depth] = s->total;
		s->name[s->depth++] = dup_anchor(
			ev->type == YAML_SEQUENCE_START_EVENT
				? ev->data.sequence_start.anchor
				: ev->data.mapping_start.anchor);
		size = 1;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (!s->depth)
			return NULL;
		s->depth--;
		if (s->name[s->depth] &&
		    !anchor_add(s, s->name[s->depth],
				s->total - s->start[s->depth])) {
			s->name[s->depth] = NULL;
			return TOO_MANY_ANCHORS;
		}
		s->name[s->depth] = NULL;
		return NULL;
	case YAML_SCALAR_EVENT:
		size = 1;
		if (ev->data.scalar.anchor &&
		    !anchor_add(s, dup_anchor(ev->data.scalar.anchor), 1))
			return TOO_MANY_ANCHORS;
		break;
	case YAML_ALIAS_EVENT:
		size = anchor_size(s, ev->data.alias.anchor);
		break;
	default:
		return NULL;
	}
	s->total += size;
	if (s->total > MT_LIMIT_YAML_NODES)
		return TOO_MANY_NODES;
	return NULL;
}

/* --- composing ------------------------------------------------------- */

/*
 * The node tree is built from the same pass over the events that keeps the
 * bounds, through libyaml's document API, as yaml_parser_load() builds it
 * (the text is scanned once, not twice): the same nodes in the same order,
 * with their marks, an alias standing for its anchor's node, libyaml's
 * default tags, and libyaml's errors for an undefined alias and a
 * duplicate anchor.
 */
struct composer {
	yaml_document_t *doc;
	/* open collections: node id, and a mapping's key awaiting its value
	 * (0: none) */
	int node[MT_LIMIT_YAML_DEPTH + 1];
	int key[MT_LIMIT_YAML_DEPTH + 1];
	unsigned depth;
	/* anchor names (owned) and their nodes */
	char **anchor;
	int *anchor_node;
	yaml_mark_t *anchor_mark;
	size_t n_anchors;
};

static void composer_error(yaml_parser_t *p, const char *context,
			   yaml_mark_t context_mark, const char *problem,
			   yaml_mark_t mark)
{
	p->error = YAML_COMPOSER_ERROR;
	p->context = context;
	p->context_mark = context_mark;
	p->problem = problem;
	p->problem_mark = mark;
	p->problem_offset = mark.index;
}

/* The node of anchor `name`, or 0. */
static int anchored(const struct composer *c, const unsigned char *name,
		    size_t *at)
{
	for (size_t i = 0; i < c->n_anchors; i++)
		if (!strcmp(c->anchor[i], (const char *)name)) {
			if (at)
				*at = i;
			return c->anchor_node[i];
		}
	return 0;
}

/* Give node `id` anchor `name` (when not NULL); 0 on a duplicate. */
static int anchor_node(yaml_parser_t *p, struct composer *c,
		       const unsigned char *name, int id, yaml_mark_t mark)
{
	size_t at;

	if (!name)
		return 1;
	if (anchored(c, name, &at)) {
		composer_error(p, "found duplicate anchor; first occurrence",
			       c->anchor_mark[at], "second occurrence", mark);
		return 0;
	}
	c->anchor = xrealloc(c->anchor, (c->n_anchors + 1) * sizeof(char *));
	c->anchor_node = xrealloc(c->anchor_node,
				  (c->n_anchors + 1) * sizeof(int));
	c->anchor_mark = xrealloc(c->anchor_mark,
				  (c->n_anchors + 1) * sizeof(yaml_mark_t));
	c->anchor[c->n_anchors] = xstrdup((const char *)name);
	c->anchor_node[c->n_anchors] = id;
	c->anchor_mark[c->n_anchors++] = mark;
	return 1;
}

/* Node `id` goes into the open collection, if any (the first node added
 * is the document's root). */
static int place(struct composer *c, int id)
{
	int parent;

	if (!c->depth)
		return 1;
	parent = c->node[c->depth - 1];
	if (yaml_document_get_node(c->doc, parent)->type == YAML_SEQUENCE_NODE)
		return yaml_document_append_sequence_item(c->doc, parent, id);
	if (!c->key[c->depth - 1]) {
		c->key[c->depth - 1] = id;
		return 1;
	}
	id = yaml_document_append_mapping_pair(c->doc, parent,
					       c->key[c->depth - 1], id);
	c->key[c->depth - 1] = 0;
	return id;
}

static const yaml_char_t *tag_of(const yaml_char_t *tag)
{
	return tag && strcmp((const char *)tag, "!") ? tag : NULL;
}

/* One event into the tree; 0 with the error in *p. */
static int compose(yaml_parser_t *p, struct composer *c, const yaml_event_t *ev)
{
	yaml_node_t *n;
	int id;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		return yaml_document_initialize(
			c->doc, NULL, NULL, NULL,
			ev->data.document_start.implicit, 1);
	case YAML_ALIAS_EVENT:
		id = anchored(c, ev->data.alias.anchor, NULL);
		if (!id) {
			composer_error(p, NULL, ev->start_mark,
				       "found undefined alias", ev->start_mark);
			return 0;
		}
		return place(c, id);
	case YAML_SCALAR_EVENT:
		id = yaml_document_add_scalar(c->doc,
					      tag_of(ev->data.scalar.tag),
					      ev->data.scalar.value,
					      (int)ev->data.scalar.length,
					      ev->data.scalar.style);
		if (!id)
			return 0;
		n = yaml_document_get_node(c->doc, id);
		n->start_mark = ev->start_mark;
		n->end_mark = ev->end_mark;
		return anchor_node(p, c, ev->data.scalar.anchor, id,
				   ev->start_mark) &&
		       place(c, id);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		id = ev->type == YAML_SEQUENCE_START_EVENT
			     ? yaml_document_add_sequence(
				       c->doc,
				       tag_of(ev->data.sequence_start.tag),
				       ev->data.sequence_start.style)
			     : yaml_document_add_mapping(
				       c->doc,
				       tag_of(ev->data.mapping_start.tag),
				       ev->data.mapping_start.style);
		if (!id || c->depth >= MT_LIMIT_YAML_DEPTH)
			return 0;
		yaml_document_get_node(c->doc, id)->start_mark = ev->start_mark;
		if (!anchor_node(p, c,
				 ev->type == YAML_SEQUENCE_START_EVENT
					 ? ev->data.sequence_start.anchor
					 : ev->data.mapping_start.anchor,
				 id, ev->start_mark) ||
		    !place(c, id))
			return 0;
		c->node[c->depth] = id;
		c->key[c->depth++] = 0;
		return 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (!c->depth)
			return 1;
		yaml_document_get_node(c->doc, c->node[--c->depth])->end_mark =
			ev->end_mark;
		return 1;
	default:
		return 1;
	}
}

/*
 * Parse the first document of the parser's input into *doc, keeping the
 * bounds; 1 when done, else 0 with the error in *p.  An empty stream gives
 * a document without nodes.
 */
static int load_document(yaml_parser_t *p, yaml_document_t *doc)
{
	struct pass s = { 0 };
	struct composer c = { .doc = doc };
	yaml_event_t ev;
	int ok = 1, done = 0, started = 0;

	while (ok && !done) {
		const char *why;

		if (!yaml_parser_parse(p, &ev)) {
			ok = 0;
			break;
		}
		why = step(&s, &ev);
		if (why) {
			bound_error(p, why, ev.start_mark);
			ok = 0;
		} else if (!compose(p, &c, &ev)) {
			if (!p->error)
				bound_error(p, "out of memory", ev.start_mark);
			ok = 0;
		}
		started |= ev.type == YAML_DOCUMENT_START_EVENT;
		done = ev.type == YAML_DOCUMENT_END_EVENT ||
		       ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	if (ok && !started)
		ok = yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1);
	else if (!ok && started)
		yaml_document_delete(doc);
	while (s.depth > 0)
		free(s.name[--s.depth]);
	for (size_t i = 0; i < s.n_anchors; i++)
		free(s.anchors[i].name);
	free(s.anchors);
	for (size_t i = 0; i < c.n_anchors; i++)
		free(c.anchor[i]);
	free(c.anchor);
	free(c.anchor_node);
	free(c.anchor_mark);
	return ok;
}

/* --- loading ------------------------------------------------------------ */

int yamlfile_load(struct yamlfile *y, const char *path, const char *text,
		  size_t len)
{
	yaml_parser_t parser;
	const char *nul = memchr(text, '\0', len);
	int ok = 0;

	memset(y, 0, sizeof(*y));
	y->path = path;
	y->text = text;
	y->len = len;
	y->utf8 = !(len >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
				 (text[0] == '\xFE' && text[1] == '\xFF')));
	y->bom = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	if (!yaml_parser_initialize(&parser))
		MT_BUG("cannot start libyaml (out of memory)");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (nul && y->utf8) {
		reader_error(y, (size_t)(nul - text),
			     "binary file (a NUL byte), not YAML");
	} else if (!load_document(&parser, &y->doc)) {
		const char *what = parser.problem ? parser.problem
						  : "YAML error";

		if (parser.error == YAML_READER_ERROR)
			reader_error(y, parser.problem_offset, what);
		else if (parser.context)
			at_markf(y, parser.problem_mark,
				 "%s %s (from line %zu, column %zu)", what,
				 parser.context, parser.context_mark.line + 1,
				 parser.context_mark.column + 1);
		else
			at_markf(y, parser.problem_mark, "%s", what);
	} else {
		y->loaded = 1;
		ok = 1;
	}
	yaml_parser_delete(&parser);
	return ok ? 0 : -1;
}

yaml_node_t *yamlfile_root(struct yamlfile *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *yamlfile_node(struct yamlfile *y, int i)
{
	return yaml_document_get_node(&y->doc, i);
}

const char *yamlfile_scalar(const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

void yamlfile_release(struct yamlfile *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
	yamlfile_errors_release(&y->errs);
}
