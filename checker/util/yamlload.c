/*
 * yamlload: the event pass before yaml_parser_load() (see yamlload.h).
 *
 * Alias expansion is counted without expanding: `total` counts the nodes
 * a reader walking the tree would visit, an alias adding the size of its
 * anchor's node -- the total when that node ended minus the total when it
 * began, recorded with the anchor's name.
 */
#include "util/yamlload.h"

#include <stdlib.h>
#include <string.h>

#include "util/limits.h"
#include "util/xalloc.h"

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

/* Copy a failed pre-pass's error into the caller's parser. */
static void take_error(yaml_parser_t *to, const yaml_parser_t *from)
{
	to->error = from->error;
	to->problem = from->problem;
	to->problem_offset = from->problem_offset;
	to->problem_value = from->problem_value;
	to->problem_mark = from->problem_mark;
	to->context = from->context;
	to->context_mark = from->context_mark;
}

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
 * yaml_parser_load reports it). */
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
		return "more than " STR(MT_LIMIT_YAML_NODES) " nodes (aliases "
		       "counted as what they stand for)";
	return NULL;
}

/* 1 when the events stay within the bounds; else 0, the error in *to. */
static int within_bounds(yaml_parser_t *to, const char *text, size_t len)
{
	struct pass s = { 0 };
	yaml_parser_t p;
	yaml_event_t ev;
	int ok = 1, done = 0;

	if (!yaml_parser_initialize(&p))
		return 1; /* yaml_parser_load will fail the same way */
	yaml_parser_set_encoding(&p, to->encoding);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (ok && !done) {
		const char *why;

		if (!yaml_parser_parse(&p, &ev)) {
			take_error(to, &p);
			ok = 0;
			break;
		}
		why = step(&s, &ev);
		if (why) {
			bound_error(to, why, ev.start_mark);
			ok = 0;
		}
		done = ev.type == YAML_DOCUMENT_END_EVENT ||
		       ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	while (s.depth > 0)
		free(s.name[--s.depth]);
	for (size_t i = 0; i < s.n_anchors; i++)
		free(s.anchors[i].name);
	free(s.anchors);
	yaml_parser_delete(&p);
	return ok;
}

int yamlload_bounded(yaml_parser_t *parser, const char *text, size_t len,
		     yaml_document_t *doc)
{
	if (!within_bounds(parser, text, len))
		return 0;
	return yaml_parser_load(parser, doc);
}
