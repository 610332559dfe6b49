/*
 * rulepattern: the pattern language of rule files -- token tests,
 * elements, sequences and regexes -- read into struct rule_seq (see
 * ruleload.h; the language itself is described in ruleset.h and
 * rules/README.md).
 */
#include "engine/ruleload.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "engine/pattern.h"
#include "engine/patternmemo.h"
#include "text/lexicon.h"
#include "text/segment.h"
#include "util/buf.h"
#include "util/xalloc.h"

static void keep_pattern(struct ruleset *rs, struct pattern *p)
{
	rs->patterns = xgrow(rs->patterns, &rs->alloc_patterns,
			     rs->n_patterns + 1, sizeof(*rs->patterns));
	rs->patterns[rs->n_patterns++] = p;
}

struct pattern *ruleload_regex(struct ruleload *L, yaml_node_t *n,
			       unsigned flags)
{
	const char *s = ruleload_scalar(L, n);
	char msg[256];
	int off, groups;
	struct pattern *p;

	if (!s) {
		node_error(L, n, "regex must be a string");
		return NULL;
	}
	groups = pattern_memo_groups(L->memo, s, flags);
	if (groups >= 0) {
		keep_pattern(L->rs, p = pattern_defer(s, flags, groups));
		return p;
	}
	p = pattern_compile(s, flags, msg, sizeof(msg), &off);
	if (!p) {
		if (off >= 0)
			node_error(L, n, "%s (at character %d of the pattern)",
				   msg, off + 1);
		else
			node_error(L, n, "%s", msg);
		return NULL;
	}
	pattern_memo_add(L->memo, s, flags, pattern_groups(p));
	keep_pattern(L->rs, p);
	return p;
}

static const struct {
	const char *name;
	enum token_kind kind;
} kinds[] = {
	{ "word", TOK_WORD },	{ "number", TOK_NUMBER },
	{ "punct", TOK_PUNCT }, { "symbol", TOK_SYMBOL },
	{ "url", TOK_URL },	{ "email", TOK_EMAIL },
};

/* Class names: the lexicon's, the file's own `classes:`, or its folder's
 * classes.yml. */
static int add_classes(struct ruleload *L, yaml_node_t *n, struct token_test *t,
		       int negative)
{
	size_t nn;
	const char **names = ruleload_strings(L, n, &nn, "class", 0);
	struct buf words = BUF_INIT;
	size_t n_words = 0;

	if (!names)
		return -1;
	for (size_t i = 0; i < nn; i++) {
		uint32_t bit = lexicon_class_by_name(names[i]);
		const struct wordclass *c;

		if (bit) {
			if (negative)
				t->not_classes |= bit;
			else
				t->classes |= bit;
			continue;
		}
		c = ruleload_class(L, names[i]);
		if (!c) {
			node_error(L, n,
				   "unknown class '%s' (lexicon classes: %s; "
				   "or one defined under classes: in this "
				   "file or in its folder's classes.yml)",
				   names[i], lexicon_class_names());
			buf_release(&words);
			return -1;
		}
		/* file classes are word lists: append them */
		for (size_t w = 0; w < c->n; w++) {
			buf_add(&words, &c->words[w], sizeof(const char *));
			n_words++;
		}
	}
	if (n_words && negative) {
		t->not_class_words = arena_memdup(&L->rs->arena, words.buf,
						  n_words *
							  sizeof(const char *));
		t->n_not_class_words = n_words;
		t->not_class_words_id = (int)L->rs->n_word_lists++;
	} else if (n_words) {
		t->class_words = arena_memdup(&L->rs->arena, words.buf,
					      n_words * sizeof(const char *));
		t->n_class_words = n_words;
		t->class_words_id = (int)L->rs->n_word_lists++;
	}
	buf_release(&words);
	if (!negative)
		t->has_class = 1;
	return 0;
}

/* Word lengths, so matching needs no strlen. */
static void set_lens(struct ruleload *L, struct token_test *t)
{
	if (!t->n_words)
		return;
	t->word_lens = arena_alloc(&L->rs->arena,
				   t->n_words * sizeof(*t->word_lens));
	for (size_t i = 0; i < t->n_words; i++)
		t->word_lens[i] = (uint32_t)strlen(t->words[i]);
}

static const char *const test_keys[] = { "word",       "regex", "class",
					 "not-class",  "kind",	"cap",
					 "case",       "not",	"first",
					 "line-start", NULL };

/* The token-test keys of mapping n into *t.  Returns -1 on error. */
static int token_test(struct ruleload *L, yaml_node_t *n, struct token_test *t)
{
	yaml_node_t *v;
	int bad = 0;

	t->cap = -1;
	t->first = -1;
	t->line_start = -1;
	v = ruleload_get(L, n, "line-start");
	if (v) {
		int f;

		if (ruleload_boolean(L, v, "line-start", &f) < 0)
			bad = 1;
		else
			t->line_start = f;
	}
	v = ruleload_get(L, n, "first");
	if (v) {
		int f;

		if (ruleload_boolean(L, v, "first", &f) < 0)
			bad = 1;
		else
			t->first = f;
	}
	v = ruleload_get(L, n, "case");
	if (v && ruleload_boolean(L, v, "case", &t->case_sens) < 0)
		bad = 1;
	v = ruleload_get(L, n, "word");
	if (v && !(t->words = ruleload_strings(L, v, &t->n_words, "word",
					       !t->case_sens)))
		bad = 1;
	set_lens(L, t);
	v = ruleload_get(L, n, "regex");
	if (v && !(t->regex = ruleload_regex(L, v,
					     t->case_sens ? 0 : PATTERN_ICASE)))
		bad = 1;
	if (t->regex)
		t->regex_id = (int)L->rs->n_patterns - 1;
	v = ruleload_get(L, n, "class");
	if (v && add_classes(L, v, t, 0) < 0)
		bad = 1;
	v = ruleload_get(L, n, "not-class");
	if (v && add_classes(L, v, t, 1) < 0)
		bad = 1;
	v = ruleload_get(L, n, "kind");
	if (v) {
		size_t nk;
		const char **k = ruleload_strings(L, v, &nk, "kind", 1);

		for (size_t i = 0; k && i < nk; i++) {
			size_t j;

			for (j = 0; j < ARRAY_SIZE(kinds); j++)
				if (strcmp(k[i], kinds[j].name) == 0)
					break;
			if (j == ARRAY_SIZE(kinds)) {
				node_error(L, v, "unknown token kind '%s'",
					   k[i]);
				bad = 1;
			} else {
				t->kinds |= 1u << kinds[j].kind;
			}
		}
		if (!k)
			bad = 1;
	}
	v = ruleload_get(L, n, "cap");
	if (v) {
		int c;

		if (ruleload_boolean(L, v, "cap", &c) < 0)
			bad = 1;
		else
			t->cap = c;
	}
	v = ruleload_get(L, n, "not");
	if (v && ruleload_boolean(L, v, "not", &t->negate) < 0)
		bad = 1;
	return bad ? -1 : 0;
}

/* One element of a pattern: a mapping, or a plain word. */
static int element(struct ruleload *L, yaml_node_t *n, struct rule_elem *e)
{
	static const char *const keys[] = {
		"word",	    "regex",  "class",	    "not-class", "kind",
		"cap",	    "case",   "not",	    "optional",	 "mark",
		"same-as",  "report", "skip",	    "stop",	 "anchor",
		"at-start", "first",  "line-start", NULL,
	};
	yaml_node_t *v;
	int bad = 0;

	memset(e, 0, sizeof(*e));
	e->kind = EL_TOKEN;
	e->test.cap = -1;
	e->test.first = -1;
	e->test.line_start = -1;
	if (n->type == YAML_SCALAR_NODE) {
		e->test.words = arena_alloc(&L->rs->arena, sizeof(char *));
		e->test.words[0] = arena_strdup(&L->rs->arena,
						ruleload_scalar(L, n));
		for (char *c = (char *)e->test.words[0]; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		e->test.n_words = 1;
		set_lens(L, &e->test);
		return 0;
	}
	if (n->type != YAML_MAPPING_NODE) {
		node_error(L, n,
			   "a pattern element must be a word or a "
			   "mapping");
		return -1;
	}
	if (!ruleload_check_keys(L, n, keys, "pattern element"))
		return -1;
	if ((v = ruleload_get(L, n, "anchor"))) {
		const char *s = ruleload_scalar(L, v);

		if (s && !strcmp(s, "start"))
			e->kind = EL_START;
		else if (s && !strcmp(s, "end"))
			e->kind = EL_END;
		else {
			node_error(L, v, "anchor must be start or end");
			return -1;
		}
		return 0;
	}
	if ((v = ruleload_get(L, n, "skip"))) {
		e->kind = EL_SKIP;
		if (ruleload_integer(L, v, "skip", 1, 20, &e->skip) < 0)
			bad = 1;
		if ((v = ruleload_get(L, n, "stop"))) {
			e->stop = arena_zalloc(&L->rs->arena, sizeof(*e->stop));
			if (v->type != YAML_MAPPING_NODE) {
				node_error(L, v, "stop must be a token test");
				bad = 1;
			} else if (!ruleload_check_keys(L, v, test_keys,
							"stop") ||
				   token_test(L, v, e->stop) < 0) {
				bad = 1;
			}
		}
		return bad ? -1 : 0;
	}
	if (ruleload_get(L, n, "stop")) {
		node_error(L, ruleload_get(L, n, "stop"),
			   "stop is only for skip");
		bad = 1;
	}
	if (token_test(L, n, &e->test) < 0)
		bad = 1;
	if ((v = ruleload_get(L, n, "optional")) &&
	    ruleload_boolean(L, v, "optional", &e->optional) < 0)
		bad = 1;
	if ((v = ruleload_get(L, n, "at-start")) &&
	    ruleload_boolean(L, v, "at-start", &e->at_start) < 0)
		bad = 1;
	if ((v = ruleload_get(L, n, "report")) &&
	    ruleload_boolean(L, v, "report", &e->report) < 0)
		bad = 1;
	if ((v = ruleload_get(L, n, "mark"))) {
		if (ruleload_integer(L, v, "mark", 1, 9, &e->mark) < 0)
			bad = 1;
		else if (e->mark > L->max_mark)
			L->max_mark = e->mark;
	}
	if ((v = ruleload_get(L, n, "same-as"))) {
		if (ruleload_integer(L, v, "same-as", 1, 9, &e->same_as) < 0)
			bad = 1;
		else if (e->same_as > L->max_mark) {
			node_error(L, v, "same-as %d names no earlier mark",
				   e->same_as);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

int ruleload_sequence(struct ruleload *L, yaml_node_t *n, struct rule_seq *out,
		      const char *what)
{
	size_t k = 0, total;
	int bad = 0;

	if (!n || n->type != YAML_SEQUENCE_NODE ||
	    n->data.sequence.items.top == n->data.sequence.items.start) {
		node_error(L, n,
			   "%s must be a non-empty list of pattern "
			   "elements",
			   what);
		return -1;
	}
	total = (size_t)(n->data.sequence.items.top -
			 n->data.sequence.items.start);
	out->v = arena_zalloc(&L->rs->arena, total * sizeof(*out->v));
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++)
		if (element(L, ruleload_node(L, *it), &out->v[k++]) < 0)
			bad = 1;
	out->n = k;
	out->max_len = 0;
	for (size_t i = 0; i < k; i++)
		out->max_len += out->v[i].kind == EL_SKIP
					? (uint32_t)out->v[i].skip
				: out->v[i].kind == EL_TOKEN ? 1
							     : 0;
	return bad ? -1 : 0;
}
