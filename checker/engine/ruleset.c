/*
 * ruleset: YAML rule files -> struct ruleset (see ruleset.h).
 *
 * libyaml builds a node tree per file (yaml_parser_load), each node with
 * its line and column; we walk it and report anything unexpected at the
 * node that holds it.  Unknown keys are errors: a typo ("sugest") must not
 * silently drop a rule's fix.
 */
#include "engine/ruleset.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text/lexicon.h"
#include "engine/pattern.h"
#include "engine/template.h"
#include "text/segment.h"
#include "util/limits.h"
#include "util/xalloc.h"
#include "util/yamlfile.h"

struct wordclass {
	const char *name;
	const char **words;
	size_t n;
};

struct load {
	struct ruleset *rs;
	struct yamlfile y; /* the file, its nodes and its errors */
	struct wordclass *classes;
	size_t n_classes, alloc_classes;
	int max_mark; /* of the rule being read */
	yaml_node_t *cur; /* the rule being read, for errors without a node */
};

/* At `node`, or at the rule being read when a key is missing (NULL). */
#define node_error(L, node, ...) \
	yamlfile_error(&(L)->y, where(L, node), __VA_ARGS__)

static yaml_node_t *where(struct load *L, yaml_node_t *n)
{
	return n ? n : L->cur; /* NULL: line 1, column 1 */
}

static yaml_node_t *node(struct load *L, int i)
{
	return yamlfile_node(&L->y, i);
}

static const char *scalar(struct load *L, yaml_node_t *n)
{
	(void)L;
	return yamlfile_scalar(n);
}

/* The value for `key` in mapping n, or NULL. */
static yaml_node_t *get(struct load *L, yaml_node_t *n, const char *key)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const char *k = scalar(L, node(L, p->key));

		if (k && strcmp(k, key) == 0)
			return node(L, p->value);
	}
	return NULL;
}

/* Every key of mapping n must be one of `allowed` (NULL-terminated). */
static int check_keys(struct load *L, yaml_node_t *n,
		      const char *const *allowed, const char *what)
{
	int ok = 1;

	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = node(L, p->key);
		const char *k = scalar(L, kn);
		size_t i;

		for (i = 0; k && allowed[i]; i++)
			if (strcmp(k, allowed[i]) == 0)
				break;
		if (!k || !allowed[i]) {
			node_error(L, kn, "unknown key '%s' in %s",
				   k ? k : "?", what);
			ok = 0;
		}
	}
	return ok;
}

static const char *str(struct load *L, yaml_node_t *n, const char *what)
{
	const char *s = scalar(L, n);

	if (!s)
		node_error(L, n, "%s must be a string", what);
	return s ? arena_strdup(&L->rs->arena, s) : NULL;
}

static int boolean(struct load *L, yaml_node_t *n, const char *what,
		   int *out)
{
	const char *s = scalar(L, n);

	if (s && (!strcmp(s, "true") || !strcmp(s, "yes"))) {
		*out = 1;
		return 0;
	}
	if (s && (!strcmp(s, "false") || !strcmp(s, "no"))) {
		*out = 0;
		return 0;
	}
	node_error(L, n, "%s must be true or false", what);
	return -1;
}

static int integer(struct load *L, yaml_node_t *n, const char *what, int lo,
		   int hi, int *out)
{
	const char *s = scalar(L, n);
	char *end;
	long v;

	if (s) {
		errno = 0;
		v = strtol(s, &end, 10);
		if (!errno && end != s && !*end && v >= lo && v <= hi) {
			*out = (int)v;
			return 0;
		}
	}
	node_error(L, n, "%s must be a number from %d to %d", what, lo, hi);
	return -1;
}

/* A scalar or a sequence of scalars, as an array of strings. */
static const char **strings(struct load *L, yaml_node_t *n, size_t *count,
			    const char *what, int lower)
{
	const char **v;
	size_t k = 0;

	*count = 0;
	if (n->type == YAML_SCALAR_NODE) {
		v = arena_alloc(&L->rs->arena, sizeof(*v));
		v[0] = arena_strdup(&L->rs->arena, scalar(L, n));
		k = 1;
	} else if (n->type == YAML_SEQUENCE_NODE) {
		size_t total = (size_t)(n->data.sequence.items.top -
					n->data.sequence.items.start);

		v = arena_alloc(&L->rs->arena, (total + 1) * sizeof(*v));
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++) {
			yaml_node_t *e = node(L, *it);
			const char *s = scalar(L, e);

			if (!s) {
				node_error(L, e, "%s must be a list of strings",
					   what);
				return NULL;
			}
			v[k++] = arena_strdup(&L->rs->arena, s);
		}
	} else {
		node_error(L, n, "%s must be a string or a list of strings",
			   what);
		return NULL;
	}
	if (lower)
		for (size_t i = 0; i < k; i++)
			for (char *c = (char *)v[i]; *c; c++)
				*c = (char)tolower((unsigned char)*c);
	*count = k;
	return v;
}

static void keep_pattern(struct ruleset *rs, struct pattern *p)
{
	rs->patterns = xgrow(rs->patterns, &rs->alloc_patterns,
			     rs->n_patterns + 1, sizeof(*rs->patterns));
	rs->patterns[rs->n_patterns++] = p;
}

static struct pattern *regex(struct load *L, yaml_node_t *n, unsigned flags)
{
	const char *s = scalar(L, n);
	char msg[256];
	int off;
	struct pattern *p;

	if (!s) {
		node_error(L, n, "regex must be a string");
		return NULL;
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

/* Class names: the lexicon's, or the file's own `classes:`. */
static int add_classes(struct load *L, yaml_node_t *n, struct token_test *t,
		       int negative)
{
	size_t nn;
	const char **names = strings(L, n, &nn, "class", 0);
	struct buf words = BUF_INIT;
	size_t n_words = 0;

	if (!names)
		return -1;
	for (size_t i = 0; i < nn; i++) {
		uint32_t bit = lexicon_class_by_name(names[i]);
		size_t k;

		if (bit) {
			if (negative)
				t->not_classes |= bit;
			else
				t->classes |= bit;
			continue;
		}
		for (k = 0; k < L->n_classes; k++)
			if (strcmp(L->classes[k].name, names[i]) == 0)
				break;
		if (k == L->n_classes) {
			node_error(L, n,
				   "unknown class '%s' (lexicon classes: %s; "
				   "or one defined under classes:)",
				   names[i], lexicon_class_names());
			buf_release(&words);
			return -1;
		}
		/* file classes are word lists: append them */
		for (size_t w = 0; w < L->classes[k].n; w++) {
			buf_add(&words, &L->classes[k].words[w],
				sizeof(const char *));
			n_words++;
		}
	}
	if (n_words && negative) {
		t->not_class_words = arena_memdup(
			&L->rs->arena, words.buf, n_words * sizeof(const char *));
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
static void set_lens(struct load *L, struct token_test *t)
{
	if (!t->n_words)
		return;
	t->word_lens = arena_alloc(&L->rs->arena,
				   t->n_words * sizeof(*t->word_lens));
	for (size_t i = 0; i < t->n_words; i++)
		t->word_lens[i] = (uint32_t)strlen(t->words[i]);
}

static const char *const test_keys[] = { "word", "regex", "class",
					 "not-class", "kind", "cap", "case",
					 "not", "first", "line-start", NULL };

/* The token-test keys of mapping n into *t.  Returns -1 on error. */
static int token_test(struct load *L, yaml_node_t *n, struct token_test *t)
{
	yaml_node_t *v;
	int bad = 0;

	t->cap = -1;
	t->first = -1;
	t->line_start = -1;
	v = get(L, n, "line-start");
	if (v) {
		int f;

		if (boolean(L, v, "line-start", &f) < 0)
			bad = 1;
		else
			t->line_start = f;
	}
	v = get(L, n, "first");
	if (v) {
		int f;

		if (boolean(L, v, "first", &f) < 0)
			bad = 1;
		else
			t->first = f;
	}
	v = get(L, n, "case");
	if (v && boolean(L, v, "case", &t->case_sens) < 0)
		bad = 1;
	v = get(L, n, "word");
	if (v && !(t->words = strings(L, v, &t->n_words, "word",
				      !t->case_sens)))
		bad = 1;
	set_lens(L, t);
	v = get(L, n, "regex");
	if (v && !(t->regex = regex(L, v, t->case_sens ? 0 : PATTERN_ICASE)))
		bad = 1;
	if (t->regex)
		t->regex_id = (int)L->rs->n_patterns - 1;
	v = get(L, n, "class");
	if (v && add_classes(L, v, t, 0) < 0)
		bad = 1;
	v = get(L, n, "not-class");
	if (v && add_classes(L, v, t, 1) < 0)
		bad = 1;
	v = get(L, n, "kind");
	if (v) {
		size_t nk;
		const char **k = strings(L, v, &nk, "kind", 1);

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
	v = get(L, n, "cap");
	if (v) {
		int c;

		if (boolean(L, v, "cap", &c) < 0)
			bad = 1;
		else
			t->cap = c;
	}
	v = get(L, n, "not");
	if (v && boolean(L, v, "not", &t->negate) < 0)
		bad = 1;
	return bad ? -1 : 0;
}

/* One element of a pattern: a mapping, or a plain word. */
static int element(struct load *L, yaml_node_t *n, struct rule_elem *e)
{
	static const char *const keys[] = {
		"word",	    "regex", "class",  "not-class", "kind",
		"cap",	    "case",  "not",    "optional",  "mark",
		"same-as",  "report", "skip",  "stop",	    "anchor",
		"at-start", "first", "line-start", NULL,
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
		e->test.words[0] = arena_strdup(&L->rs->arena, scalar(L, n));
		for (char *c = (char *)e->test.words[0]; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		e->test.n_words = 1;
		set_lens(L, &e->test);
		return 0;
	}
	if (n->type != YAML_MAPPING_NODE) {
		node_error(L, n, "a pattern element must be a word or a "
				 "mapping");
		return -1;
	}
	if (!check_keys(L, n, keys, "pattern element"))
		return -1;
	if ((v = get(L, n, "anchor"))) {
		const char *s = scalar(L, v);

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
	if ((v = get(L, n, "skip"))) {
		e->kind = EL_SKIP;
		if (integer(L, v, "skip", 1, 20, &e->skip) < 0)
			bad = 1;
		if ((v = get(L, n, "stop"))) {
			e->stop = arena_zalloc(&L->rs->arena, sizeof(*e->stop));
			if (v->type != YAML_MAPPING_NODE) {
				node_error(L, v, "stop must be a token test");
				bad = 1;
			} else if (!check_keys(L, v, test_keys, "stop") ||
				   token_test(L, v, e->stop) < 0) {
				bad = 1;
			}
		}
		return bad ? -1 : 0;
	}
	if (get(L, n, "stop")) {
		node_error(L, get(L, n, "stop"), "stop is only for skip");
		bad = 1;
	}
	if (token_test(L, n, &e->test) < 0)
		bad = 1;
	if ((v = get(L, n, "optional")) &&
	    boolean(L, v, "optional", &e->optional) < 0)
		bad = 1;
	if ((v = get(L, n, "at-start")) &&
	    boolean(L, v, "at-start", &e->at_start) < 0)
		bad = 1;
	if ((v = get(L, n, "report")) &&
	    boolean(L, v, "report", &e->report) < 0)
		bad = 1;
	if ((v = get(L, n, "mark"))) {
		if (integer(L, v, "mark", 1, 9, &e->mark) < 0)
			bad = 1;
		else if (e->mark > L->max_mark)
			L->max_mark = e->mark;
	}
	if ((v = get(L, n, "same-as"))) {
		if (integer(L, v, "same-as", 1, 9, &e->same_as) < 0)
			bad = 1;
		else if (e->same_as > L->max_mark) {
			node_error(L, v, "same-as %d names no earlier mark",
				   e->same_as);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static int sequence(struct load *L, yaml_node_t *n, struct rule_seq *out,
		    const char *what)
{
	size_t k = 0, total;
	int bad = 0;

	if (!n || n->type != YAML_SEQUENCE_NODE ||
	    n->data.sequence.items.top == n->data.sequence.items.start) {
		node_error(L, n, "%s must be a non-empty list of pattern "
				 "elements",
			   what);
		return -1;
	}
	total = (size_t)(n->data.sequence.items.top -
			 n->data.sequence.items.start);
	out->v = arena_zalloc(&L->rs->arena, total * sizeof(*out->v));
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++)
		if (element(L, node(L, *it), &out->v[k++]) < 0)
			bad = 1;
	out->n = k;
	out->max_len = 0;
	for (size_t i = 0; i < k; i++)
		out->max_len += out->v[i].kind == EL_SKIP  ? (uint32_t)out->v[i].skip
				: out->v[i].kind == EL_TOKEN ? 1
							     : 0;
	return bad ? -1 : 0;
}

/*
 * A template uses {N} or {N:fn}.  N must be a mark (token rules) or a
 * group (regex rules), or 0: the reported text; fn one of
 * template_function_names (template.h).
 */
static int check_template(struct load *L, yaml_node_t *n, const char *t,
			  int max)
{
	for (const char *p = t; (p = strchr(p, '{')); p++) {
		const char *q = p + 1;
		int num = 0;

		if (!isdigit((unsigned char)*q))
			continue;
		while (isdigit((unsigned char)*q))
			num = num * 10 + (*q++ - '0');
		if (*q == ':') {
			const char *fn = ++q;
			size_t len;

			while (*q && *q != '}')
				q++;
			len = (size_t)(q - fn);
			if (!template_function_known(fn, len)) {
				node_error(L, n,
					   "unknown function '%.*s' in '%s' "
					   "(%s)",
					   (int)len, fn, t,
					   template_function_names);
				return -1;
			}
		}
		if (*q != '}') {
			node_error(L, n, "unclosed '{' in '%s'", t);
			return -1;
		}
		if (num > max) {
			node_error(L, n, "{%d} in '%s' names no mark%s", num, t,
				   max ? "" : " (the pattern marks nothing)");
			return -1;
		}
	}
	return 0;
}

/*
 * An example: "text with [the span] marked -> suggestion".  Good examples
 * have neither marks nor arrow.
 */
static int example(struct load *L, yaml_node_t *n, struct rule_example *ex,
		   int bad_ex)
{
	const char *s = scalar(L, n);
	const char *why;

	memset(ex, 0, sizeof(*ex));
	ex->line = (uint32_t)n->start_mark.line + 1;
	if (!s || !*s) {
		node_error(L, n, "an example must be a non-empty string");
		return -1;
	}
	if (!bad_ex) {
		ex->ex.text = arena_strdup(&L->rs->arena, s);
		return 0;
	}
	why = example_parse_bad(s, &L->rs->arena, &ex->ex);
	if (why) {
		node_error(L, n, "%s", why);
		return -1;
	}
	return 0;
}

static int examples(struct load *L, yaml_node_t *n, struct rule *r)
{
	static const char *const keys[] = { "bad", "good", NULL };
	yaml_node_t *lists[2];
	int bad = 0;

	if (!n || n->type != YAML_MAPPING_NODE) {
		node_error(L, n, "examples must be a mapping with bad and "
				 "good lists");
		return -1;
	}
	if (!check_keys(L, n, keys, "examples"))
		return -1;
	lists[0] = get(L, n, "bad");
	lists[1] = get(L, n, "good");
	for (int k = 0; k < 2; k++) {
		yaml_node_t *l = lists[k];
		struct rule_example *v;
		size_t total, i = 0;

		if (!l || l->type != YAML_SEQUENCE_NODE ||
		    l->data.sequence.items.top ==
			    l->data.sequence.items.start) {
			node_error(L, l ? l : n,
				   "examples need a non-empty '%s' list",
				   k ? "good" : "bad");
			bad = 1;
			continue;
		}
		total = (size_t)(l->data.sequence.items.top -
				 l->data.sequence.items.start);
		v = arena_zalloc(&L->rs->arena, total * sizeof(*v));
		for (yaml_node_item_t *it = l->data.sequence.items.start;
		     it < l->data.sequence.items.top; it++)
			if (example(L, node(L, *it), &v[i++], !k) < 0)
				bad = 1;
		if (k) {
			r->good = v;
			r->n_good = i;
		} else {
			r->bad = v;
			r->n_bad = i;
		}
	}
	return bad ? -1 : 0;
}

static int valid_id(const char *id)
{
	int dot = 0;

	if (!islower((unsigned char)*id))
		return 0;
	for (const char *p = id; *p; p++) {
		if (*p == '.') {
			if (p[1] == '.' || p[1] == '\0' || p[-1] == '-')
				return 0;
			dot = 1;
		} else if (!islower((unsigned char)*p) &&
			   !isdigit((unsigned char)*p) && *p != '-') {
			return 0;
		}
	}
	return dot;
}

/*
 * One rule of a file: every key validated in turn, errors reported at the
 * key.  Over 120 lines because it is that list of keys; to be split into
 * per-key helpers once the branches now editing this file (packs,
 * templates, hardening) have landed.
 */
static void rule(struct load *L, yaml_node_t *n)
{
	static const char *const keys[] = {
		"id",	   "category", "severity", "message", "description",
		"pattern", "regex",    "group",	   "antipatterns",
		"suggest", "url",      "examples", "safe-fix", "case",
		"needs",   "precision", "sentences-only", NULL,
	};
	struct ruleset *rs = L->rs;
	struct rule r = { 0 };
	yaml_node_t *v, *pat, *rex;
	int bad = 0;
	size_t errors_before = yamlfile_n_errors(&L->y);
	const char *sev;

	if (n->type != YAML_MAPPING_NODE) {
		node_error(L, n, "a rule must be a mapping");
		return;
	}
	L->cur = n;
	check_keys(L, n, keys, "rule");
	r.file = arena_strdup(&rs->arena, L->y.path);
	r.line = (uint32_t)n->start_mark.line + 1;
	L->max_mark = 0;
	v = get(L, n, "id");
	if (!v) {
		node_error(L, n, "rule without id");
		return;
	}
	r.info.id = str(L, v, "id");
	if (r.info.id && !valid_id(r.info.id)) {
		node_error(L, v,
			   "rule id '%s' must be dotted lower case "
			   "(grammar.a-an)",
			   r.info.id);
		bad = 1;
	}
	for (size_t i = 0; r.info.id && i < rs->n_ids; i++)
		if (strcmp(rs->ids[i], r.info.id) == 0) {
			node_error(L, v, "duplicate rule id '%s'", r.info.id);
			bad = 1;
		}
	if (r.info.id) {
		rs->ids = xgrow(rs->ids, &rs->alloc_ids, rs->n_ids + 1,
				sizeof(*rs->ids));
		rs->ids[rs->n_ids++] = r.info.id;
	}
	v = get(L, n, "category");
	r.info.category = v ? str(L, v, "category") : NULL;
	if (!v)
		node_error(L, n, "rule '%s' has no category", r.info.id);
	v = get(L, n, "severity");
	sev = v ? scalar(L, v) : NULL;
	if (!v)
		node_error(L, n, "rule '%s' has no severity", r.info.id);
	else if (!sev || mt_severity_parse(sev, 0, &r.info.severity) < 0)
		node_error(L, v, "severity must be error, warning or info");
	pat = get(L, n, "pattern");
	rex = get(L, n, "regex");
	if (!!pat == !!rex) {
		node_error(L, n, "rule '%s' needs exactly one of pattern and "
				 "regex",
			   r.info.id);
		bad = 1;
	} else if (pat) {
		bad |= sequence(L, pat, &r.pattern, "pattern") < 0;
	} else {
		int cs = 1;

		if ((v = get(L, n, "case")))
			bad |= boolean(L, v, "case", &cs) < 0;
		r.regex = regex(L, rex, cs ? 0 : PATTERN_ICASE);
		bad |= !r.regex;
		if (r.regex)
			L->max_mark = pattern_groups(r.regex);
		if ((v = get(L, n, "needs")))
			bad |= !(r.needs = str(L, v, "needs"));
		if ((v = get(L, n, "group")))
			bad |= integer(L, v, "group", 0, L->max_mark,
				       &r.regex_group) < 0;
	}
	v = get(L, n, "message");
	r.message = v ? str(L, v, "message") : NULL;
	if (!v)
		node_error(L, n, "rule '%s' has no message", r.info.id);
	else if (r.message)
		bad |= check_template(L, v, r.message, L->max_mark) < 0;
	v = get(L, n, "description");
	r.info.description = v ? str(L, v, "description") : r.message;
	v = get(L, n, "url");
	r.info.url = v ? str(L, v, "url") : NULL;
	v = get(L, n, "precision");
	r.info.precision = v ? str(L, v, "precision") : NULL;
	if ((v = get(L, n, "safe-fix")))
		bad |= boolean(L, v, "safe-fix", &r.safe_fix) < 0;
	if ((v = get(L, n, "sentences-only")))
		bad |= boolean(L, v, "sentences-only", &r.sentences_only) < 0;
	if ((v = get(L, n, "suggest"))) {
		r.suggest = strings(L, v, &r.n_suggest, "suggest", 0);
		for (size_t i = 0; r.suggest && i < r.n_suggest; i++)
			bad |= check_template(L, v, r.suggest[i],
					      L->max_mark) < 0;
	}
	if ((v = get(L, n, "antipatterns"))) {
		if (v->type != YAML_SEQUENCE_NODE) {
			node_error(L, v, "antipatterns must be a list");
			bad = 1;
		} else {
			size_t total = (size_t)(v->data.sequence.items.top -
						v->data.sequence.items.start);
			int saved = L->max_mark;

			if (pat)
				r.antipatterns = arena_zalloc(
					&rs->arena,
					total * sizeof(*r.antipatterns));
			else
				r.regex_not = arena_zalloc(
					&rs->arena,
					total * sizeof(*r.regex_not));
			for (yaml_node_item_t *it = v->data.sequence.items.start;
			     it < v->data.sequence.items.top; it++) {
				yaml_node_t *a = node(L, *it);

				if (pat) {
					L->max_mark = 0;
					bad |= sequence(L, a,
							&r.antipatterns
								 [r.n_antipatterns++],
							"an antipattern") < 0;
				} else {
					struct pattern *p = regex(L, a, 0);

					bad |= !p;
					if (p)
						r.regex_not[r.n_regex_not++] = p;
				}
			}
			L->max_mark = saved;
		}
	}
	bad |= examples(L, get(L, n, "examples"), &r) < 0;
	if (bad || yamlfile_n_errors(&L->y) > errors_before)
		return;
	rs->rules = xgrow(rs->rules, &rs->alloc_rules, rs->n_rules + 1,
			  sizeof(*rs->rules));
	rs->rules[rs->n_rules++] = r;
}

static void classes(struct load *L, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE) {
		node_error(L, n, "classes must map names to word lists");
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = node(L, p->key);
		const char *name = scalar(L, kn);
		struct wordclass c;

		if (!name) {
			node_error(L, kn, "a class name must be a string");
			continue;
		}
		if (lexicon_class_by_name(name)) {
			node_error(L, kn, "class '%s' is a lexicon class", name);
			continue;
		}
		c.name = arena_strdup(&L->rs->arena, name);
		c.words = strings(L, node(L, p->value), &c.n, "a class", 1);
		if (!c.words)
			continue;
		L->classes = xgrow(L->classes, &L->alloc_classes,
				   L->n_classes + 1, sizeof(*L->classes));
		L->classes[L->n_classes++] = c;
	}
}

/* Parse one file's text (`path` names it in messages). */
static void load_text(struct ruleset *rs, const char *path, const char *text,
		      size_t len)
{
	struct load L = { .rs = rs };
	yaml_node_t *root;
	char *msgs;

	if (yamlfile_load(&L.y, path, text, len) < 0) {
		/* libyaml's error, already recorded */
	} else if (!(root = yamlfile_root(&L.y))) {
		yamlfile_error(&L.y, NULL, "empty rule file");
	} else if (root->type != YAML_MAPPING_NODE) {
		node_error(&L, root, "a rule file is a mapping with 'rules:' "
				     "(and optionally 'classes:')");
	} else {
		static const char *const keys[] = { "classes", "rules", NULL };
		yaml_node_t *c = get(&L, root, "classes");
		yaml_node_t *r = get(&L, root, "rules");

		check_keys(&L, root, keys, "rule file");
		if (c)
			classes(&L, c);
		if (!r || r->type != YAML_SEQUENCE_NODE)
			node_error(&L, r ? r : root,
				   "'rules:' must be a list of rules");
		else
			for (yaml_node_item_t *it = r->data.sequence.items.start;
			     it < r->data.sequence.items.top; it++)
				rule(&L, node(&L, *it));
	}
	rs->n_errors += yamlfile_n_errors(&L.y);
	msgs = yamlfile_errors_format(&L.y.errs);
	buf_adds(&rs->errors, msgs);
	free(msgs);
	yamlfile_release(&L.y);
	free(L.classes);
}

static void load_file(struct ruleset *rs, const char *path)
{
	struct buf b = BUF_INIT;
	int r = buf_read_file(&b, path, MT_LIMIT_RULE_FILE);

	if (r == -2)
		buf_addf(&rs->errors,
			 "%s: error: rule file too large (the limit is %u "
			 "bytes)\n",
			 path, MT_LIMIT_RULE_FILE);
	else if (r < 0)
		buf_addf(&rs->errors, "%s: error: cannot read rule file: %s\n",
			 path, strerror(errno));
	else
		load_text(rs, path, b.buf, b.len);
	rs->n_errors += r < 0;
	buf_release(&b);
}

static enum mt_err finish(struct ruleset *rs, struct ruleset **out,
			  struct mt_error *err);

enum mt_err ruleset_load_mem(const char *name, const char *text, size_t len,
			     struct ruleset **out, struct mt_error *err)
{
	struct ruleset *rs = xcalloc(1, sizeof(*rs));

	arena_init(&rs->arena, 0);
	buf_init(&rs->errors);
	load_text(rs, arena_strdup(&rs->arena, name), text, len);
	return finish(rs, out, err);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum mt_err ruleset_load(const char *dir, const char *const *files,
			 size_t n_files, struct ruleset **out,
			 struct mt_error *err)
{
	struct ruleset *rs = xcalloc(1, sizeof(*rs));
	char **names = NULL;
	size_t n_names = 0, alloc = 0;

	*out = NULL;
	arena_init(&rs->arena, 0);
	buf_init(&rs->errors);
	if (n_files) {
		for (size_t i = 0; i < n_files; i++)
			load_file(rs, files[i]);
	} else {
		DIR *d = opendir(dir);
		struct dirent *de;

		if (!d) {
			enum mt_err rc = mt_error(
				err, MT_ERR_RULES,
				"cannot open rule directory '%s': %s", dir,
				strerror(errno));
			ruleset_free(rs);
			return rc;
		}
		while ((de = readdir(d))) {
			size_t n = strlen(de->d_name);
			struct stat st;
			char *path;

			if (n <= 4 || strcmp(de->d_name + n - 4, ".yml") ||
			    de->d_name[0] == '.')
				continue;
			/* regular files only: a pipe named x.yml would block */
			path = arena_printf(&rs->arena, "%s/%s", dir,
					    de->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				names = xgrow(names, &alloc, n_names + 1,
					      sizeof(*names));
				names[n_names++] = xstrdup(de->d_name);
			}
		}
		closedir(d);
		if (!n_names) {
			enum mt_err rc = mt_error(
				err, MT_ERR_RULES,
				"no rule files (*.yml) in rule directory '%s'",
				dir);

			ruleset_free(rs);
			return rc;
		}
		qsort(names, n_names, sizeof(*names), cmp_str);
		for (size_t i = 0; i < n_names; i++) {
			char *path = arena_printf(&rs->arena, "%s/%s", dir,
						  names[i]);

			load_file(rs, path);
			free(names[i]);
		}
		free(names);
	}
	return finish(rs, out, err);
}

/* Index the loaded rules; the error message when there were errors. */
static enum mt_err finish(struct ruleset *rs, struct ruleset **out,
			  struct mt_error *err)
{
	rs->infos = arena_zalloc(&rs->arena,
				 (rs->n_rules + 1) * sizeof(*rs->infos));
	for (size_t i = 0; i < rs->n_rules; i++)
		rs->infos[i] = rs->rules[i].info;
	*out = rs;
	if (rs->n_errors) {
		/* as many whole errors as the message holds */
		size_t room = sizeof(err->msg) - 120, cut = rs->errors.len;

		while (cut > room) {
			const char *nl = memrchr(rs->errors.buf, '\n', cut - 1);

			cut = nl ? (size_t)(nl - rs->errors.buf) + 1 : 0;
		}
		while (cut && rs->errors.buf[cut - 1] == '\n')
			cut--;
		return mt_error(err, MT_ERR_RULES, "%zu error%s in rule files:\n%.*s%s",
				rs->n_errors, rs->n_errors == 1 ? "" : "s",
				(int)cut, rs->errors.buf,
				cut < rs->errors.len - 1
					? "\n(more: run 'mtlint rules --test')"
					: "");
	}
	return MT_ERR_OK;
}

void ruleset_free(struct ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->n_patterns; i++)
		pattern_free(rs->patterns[i]);
	free(rs->patterns);
	free(rs->rules);
	free(rs->ids);
	buf_release(&rs->errors);
	arena_release(&rs->arena);
	free(rs);
}

const char *ruleset_errors(const struct ruleset *rs)
{
	return rs->errors.buf;
}

