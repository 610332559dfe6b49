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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text/lexicon.h"
#include "engine/pattern.h"
#include "engine/patternmemo.h"
#include "engine/ruleload.h"
#include "engine/template.h"
#include "text/segment.h"
#include "util/limits.h"
#include "util/xalloc.h"
#include "util/yamlfile.h"

/* The file of a folder whose classes every rule file of it sees. */
#define CLASSES_FILE "classes.yml"

/*
 * A template uses {N} or {N:fn}.  N must be a mark (token rules) or a
 * group (regex rules), or 0: the reported text; fn one of
 * template_function_names (template.h).
 */
static int check_template(struct ruleload *L, yaml_node_t *n, const char *t,
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
static int example(struct ruleload *L, yaml_node_t *n, struct rule_example *ex,
		   int bad_ex)
{
	const char *s = ruleload_scalar(L, n);
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

static int examples(struct ruleload *L, yaml_node_t *n, struct rule *r)
{
	static const char *const keys[] = { "bad", "good", NULL };
	yaml_node_t *lists[2];
	int bad = 0;

	if (!n || n->type != YAML_MAPPING_NODE) {
		node_error(L, n,
			   "examples must be a mapping with bad and "
			   "good lists");
		return -1;
	}
	if (!ruleload_check_keys(L, n, keys, "examples"))
		return -1;
	lists[0] = ruleload_get(L, n, "bad");
	lists[1] = ruleload_get(L, n, "good");
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
			if (example(L, ruleload_node(L, *it), &v[i++], !k) < 0)
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

/* The rule's id: valid, new, recorded.  -1 without one (the rule is
 * dropped), else 1 when it is bad. */
static int rule_id(struct ruleload *L, yaml_node_t *n, struct rule *r)
{
	struct ruleset *rs = L->rs;
	yaml_node_t *v = ruleload_get(L, n, "id");
	int bad = 0;

	if (!v) {
		node_error(L, n, "rule without id");
		return -1;
	}
	r->info.id = ruleload_str(L, v, "id");
	if (r->info.id && !valid_id(r->info.id)) {
		node_error(L, v,
			   "rule id '%s' must be dotted lower case "
			   "(grammar.a-an)",
			   r->info.id);
		bad = 1;
	}
	for (size_t i = 0; r->info.id && i < rs->n_ids; i++)
		if (strcmp(rs->ids[i], r->info.id) == 0) {
			node_error(L, v, "duplicate rule id '%s'", r->info.id);
			bad = 1;
		}
	if (r->info.id) {
		rs->ids = xgrow(rs->ids, &rs->alloc_ids, rs->n_ids + 1,
				sizeof(*rs->ids));
		rs->ids[rs->n_ids++] = r->info.id;
	}
	return bad;
}

/* Can the rule search runs of non-blank characters (within: word)?  Only
 * with texts to look for, none holding a blank. */
static int word_needs(const struct rule *r)
{
	for (size_t k = 0; k < r->needs.n; k++)
		for (const char *c = r->needs.text[k]; *c; c++)
			if (needs_blank(*c))
				return 0;
	return r->needs.n > 0;
}

/* `needs:` or `document-needs:` (key; v): a string, each of whose
 * characters is one text a match (or the document) holds, or a list of
 * such texts, into *nd.  1 when bad. */
static int rule_needs(struct ruleload *L, yaml_node_t *v, const char *key,
		      struct needles *nd)
{
	struct arena *a = &L->rs->arena;
	const char **texts;
	size_t n = 0;

	if (v->type == YAML_SCALAR_NODE) {
		const char *s = ruleload_str(L, v, key);
		size_t len = s ? strlen(s) : 0;

		if (!len) {
			node_error(L, v, "%s must not be empty", key);
			return 1;
		}
		texts = arena_alloc(a, len * sizeof(*texts));
		for (size_t i = 0; i < len;) {
			size_t cl = 1;

			while (i + cl < len && (s[i + cl] & 0xC0) == 0x80)
				cl++;
			texts[n++] = arena_strndup(a, s + i, cl);
			i += cl;
		}
	} else {
		texts = ruleload_strings(L, v, &n, key, 0);
		if (!texts)
			return 1;
		for (size_t i = 0; i < n; i++)
			if (!texts[i][0]) {
				node_error(L, v,
					   "%s: an empty text matches "
					   "everywhere",
					   key);
				return 1;
			}
	}
	needles_init(nd, texts, n, a);
	return 0;
}

/* What the rule matches: a token pattern or a regex (with case, needs
 * and group); sets L->max_mark.  1 when bad. */
static int rule_matcher(struct ruleload *L, yaml_node_t *n, struct rule *r,
			yaml_node_t *pat, yaml_node_t *rex)
{
	yaml_node_t *v;
	int bad = 0, cs = 1;

	if (!!pat == !!rex) {
		node_error(L, n,
			   "rule '%s' needs exactly one of pattern and "
			   "regex",
			   r->info.id);
		return 1;
	}
	if (pat && (v = ruleload_get(L, n, "document-needs"))) {
		node_error(L, v, "document-needs is for regex rules");
		bad = 1;
	}
	if (pat)
		return ruleload_sequence(L, pat, &r->pattern, "pattern") < 0 ||
		       bad;
	if ((v = ruleload_get(L, n, "case")))
		bad |= ruleload_boolean(L, v, "case", &cs) < 0;
	r->regex = ruleload_regex(L, rex, cs ? 0 : PATTERN_ICASE);
	bad |= !r->regex;
	if (r->regex)
		L->max_mark = pattern_groups(r->regex);
	if ((v = ruleload_get(L, n, "needs")))
		bad |= rule_needs(L, v, "needs", &r->needs);
	if ((v = ruleload_get(L, n, "document-needs")))
		bad |= rule_needs(L, v, "document-needs", &r->doc_needs);
	if ((v = ruleload_get(L, n, "within"))) {
		const char *w = ruleload_scalar(L, v);

		if (w && !strcmp(w, "sentence"))
			r->within = WITHIN_SENTENCE;
		else if (w && !strcmp(w, "word") && word_needs(r))
			r->within = WITHIN_WORD;
		else if (w && !strcmp(w, "word")) {
			node_error(L, v,
				   "within: word needs a `needs:` list of "
				   "texts without blanks");
			bad = 1;
		} else if (!w || strcmp(w, "paragraph")) {
			node_error(L, v,
				   "within must be word, sentence or "
				   "paragraph");
			bad = 1;
		}
	}
	if ((v = ruleload_get(L, n, "group")))
		bad |= ruleload_integer(L, v, "group", 0, L->max_mark,
					&r->regex_group) < 0;
	return bad;
}

/* `antipatterns:` (v): token patterns for a token rule (`pat` set),
 * regexes for a regex rule.  1 when bad. */
static int rule_antipatterns(struct ruleload *L, yaml_node_t *v, struct rule *r,
			     yaml_node_t *pat)
{
	struct ruleset *rs = L->rs;
	size_t total;
	int saved = L->max_mark, bad = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		node_error(L, v, "antipatterns must be a list");
		return 1;
	}
	total = (size_t)(v->data.sequence.items.top -
			 v->data.sequence.items.start);
	if (pat)
		r->antipatterns = arena_zalloc(
			&rs->arena, total * sizeof(*r->antipatterns));
	else
		r->regex_not = arena_zalloc(&rs->arena,
					    total * sizeof(*r->regex_not));
	for (yaml_node_item_t *it = v->data.sequence.items.start;
	     it < v->data.sequence.items.top; it++) {
		yaml_node_t *a = ruleload_node(L, *it);
		struct pattern *p;

		if (pat) {
			L->max_mark = 0;
			bad |= ruleload_sequence(
				       L, a,
				       &r->antipatterns[r->n_antipatterns++],
				       "an antipattern") < 0;
			continue;
		}
		p = ruleload_regex(L, a, 0);
		bad |= !p;
		if (p)
			r->regex_not[r->n_regex_not++] = p;
	}
	L->max_mark = saved;
	return bad;
}

/* One rule of a file: every key validated in turn, errors reported at the
 * key. */
static void rule(struct ruleload *L, yaml_node_t *n)
{
	/* a table of keys, laid out by hand */
	/* clang-format off */
	static const char *const keys[] = {
		"id", "category", "severity", "message", "description",
		"pattern", "regex", "group", "antipatterns", "suggest", "url",
		"examples", "safe-fix", "case", "needs", "within",
		"precision", "sentences-only", "document-needs", "requires",
		"outside-quotes", NULL,
	};
	/* clang-format on */
	struct ruleset *rs = L->rs;
	struct rule r = { 0 };
	yaml_node_t *v, *pat;
	int bad;
	size_t errors_before = yamlfile_n_errors(&L->y);
	const char *sev;

	if (n->type != YAML_MAPPING_NODE) {
		node_error(L, n, "a rule must be a mapping");
		return;
	}
	L->cur = n;
	ruleload_check_keys(L, n, keys, "rule");
	r.file = arena_strdup(&rs->arena, L->y.path);
	r.line = (uint32_t)n->start_mark.line + 1;
	L->max_mark = 0;
	bad = rule_id(L, n, &r);
	if (bad < 0)
		return;
	v = ruleload_get(L, n, "category");
	r.info.category = v ? ruleload_str(L, v, "category") : NULL;
	if (!v)
		node_error(L, n, "rule '%s' has no category", r.info.id);
	v = ruleload_get(L, n, "severity");
	sev = v ? ruleload_scalar(L, v) : NULL;
	if (!v)
		node_error(L, n, "rule '%s' has no severity", r.info.id);
	else if (!sev || mt_severity_parse(sev, 0, &r.info.severity) < 0)
		node_error(L, v, "severity must be error, warning or info");
	pat = ruleload_get(L, n, "pattern");
	bad |= rule_matcher(L, n, &r, pat, ruleload_get(L, n, "regex"));
	v = ruleload_get(L, n, "message");
	r.message = v ? ruleload_str(L, v, "message") : NULL;
	if (!v)
		node_error(L, n, "rule '%s' has no message", r.info.id);
	else if (r.message)
		bad |= check_template(L, v, r.message, L->max_mark) < 0;
	v = ruleload_get(L, n, "description");
	r.info.description = v ? ruleload_str(L, v, "description") : r.message;
	v = ruleload_get(L, n, "url");
	r.info.url = v ? ruleload_str(L, v, "url") : NULL;
	v = ruleload_get(L, n, "precision");
	r.info.precision = v ? ruleload_str(L, v, "precision") : NULL;
	if ((v = ruleload_get(L, n, "safe-fix")))
		bad |= ruleload_boolean(L, v, "safe-fix", &r.safe_fix) < 0;
	if ((v = ruleload_get(L, n, "sentences-only")))
		bad |= ruleload_boolean(L, v, "sentences-only",
					&r.sentences_only) < 0;
	if ((v = ruleload_get(L, n, "outside-quotes")))
		bad |= ruleload_boolean(L, v, "outside-quotes",
					&r.outside_quotes) < 0;
	if ((v = ruleload_get(L, n, "suggest"))) {
		r.suggest = ruleload_strings(L, v, &r.n_suggest, "suggest", 0);
		for (size_t i = 0; r.suggest && i < r.n_suggest; i++)
			bad |= check_template(L, v, r.suggest[i], L->max_mark) <
			       0;
	}
	if ((v = ruleload_get(L, n, "requires"))) {
		r.requires = ruleload_strings(L, v, &r.n_requires, "requires",
					      0);
		for (size_t i = 0; r.requires && i < r.n_requires; i++)
			bad |= check_template(L, v, r.requires[i],
					      L -> max_mark) < 0;
	}
	if ((v = ruleload_get(L, n, "antipatterns")))
		bad |= rule_antipatterns(L, v, &r, pat);
	bad |= examples(L, ruleload_get(L, n, "examples"), &r) < 0;
	if (bad || yamlfile_n_errors(&L->y) > errors_before)
		return;
	rs->rules = xgrow(rs->rules, &rs->alloc_rules, rs->n_rules + 1,
			  sizeof(*rs->rules));
	rs->rules[rs->n_rules++] = r;
}

/* `classes:` (n): named word lists, into L->classes.  A name may be
 * neither a lexicon class nor one the file or its folder's classes.yml
 * (L->shared) defines already. */
static void classes(struct ruleload *L, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE) {
		node_error(L, n, "classes must map names to word lists");
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = ruleload_node(L, p->key);
		const char *name = ruleload_scalar(L, kn);
		const struct wordclass *old;
		struct wordclass c;

		if (!name) {
			node_error(L, kn, "a class name must be a string");
			continue;
		}
		if (lexicon_class_by_name(name)) {
			node_error(L, kn, "class '%s' is a lexicon class",
				   name);
			continue;
		}
		if ((old = ruleload_class(L, name))) {
			node_error(L, kn,
				   "duplicate class '%s' (already defined "
				   "at %s:%u%s)",
				   name, old->file, old->line,
				   old >= L->classes &&
						   old < L->classes +
								   L->n_classes
					   ? ""
					   : ", which every file of the "
					     "folder sees");
			continue;
		}
		c.name = arena_strdup(&L->rs->arena, name);
		c.file = L->file;
		c.line = (uint32_t)kn->start_mark.line + 1;
		c.words = ruleload_strings(L, ruleload_node(L, p->value), &c.n,
					   "a class", 1);
		if (!c.words)
			continue;
		L->classes = xgrow(L->classes, &L->alloc_classes,
				   L->n_classes + 1, sizeof(*L->classes));
		L->classes[L->n_classes++] = c;
	}
}

/* Is path's last component classes.yml (the folder's shared classes)? */
static int is_classes_file(const char *path)
{
	const char *base = strrchr(path, '/');

	return strcmp(base ? base + 1 : path, CLASSES_FILE) == 0;
}

/*
 * Parse one file's text (`path` names it in messages, and must live as
 * long as the ruleset).  A rule file sees the classes of `sh` (NULL:
 * none); a classes.yml (`sh` set, is_classes_file(path)) holds only
 * `classes:`, which go into sh.
 */
static void load_text(struct ruleset *rs, struct pattern_memo *memo,
		      const char *path, const char *text, size_t len,
		      struct shared_classes *sh)
{
	struct ruleload L = { .rs = rs, .memo = memo };
	int shared_file = sh && is_classes_file(path);
	yaml_node_t *root;
	char *msgs;

	L.shared = shared_file ? NULL : sh;
	L.file = arena_strdup(&rs->arena, path);
	if (yamlfile_load(&L.y, path, text, len) < 0) {
		/* libyaml's error, already recorded */
	} else if (!(root = yamlfile_root(&L.y))) {
		yamlfile_error(&L.y, NULL, "empty rule file");
	} else if (root->type != YAML_MAPPING_NODE) {
		node_error(&L, root,
			   shared_file ? "a " CLASSES_FILE " is a mapping "
					 "with 'classes:'"
				       : "a rule file is a mapping with "
					 "'rules:' (and optionally "
					 "'classes:')");
	} else if (shared_file) {
		static const char *const keys[] = { "classes", NULL };
		yaml_node_t *c = ruleload_get(&L, root, "classes");

		if (ruleload_check_keys(&L, root, keys,
					CLASSES_FILE " (it holds the classes "
						     "every rule file of its "
						     "folder sees; rules go "
						     "in the other files)") &&
		    !c)
			node_error(&L, root,
				   "a " CLASSES_FILE " needs 'classes:'");
		if (c)
			classes(&L, c);
		/* the folder's files see them from now on */
		sh->v = L.classes;
		sh->n = L.n_classes;
		sh->alloc = L.alloc_classes;
		L.classes = NULL;
	} else {
		static const char *const keys[] = { "classes", "rules", NULL };
		yaml_node_t *c = ruleload_get(&L, root, "classes");
		yaml_node_t *r = ruleload_get(&L, root, "rules");

		ruleload_check_keys(&L, root, keys, "rule file");
		if (c)
			classes(&L, c);
		if (!r || r->type != YAML_SEQUENCE_NODE)
			node_error(&L, r ? r : root,
				   "'rules:' must be a list of rules");
		else
			for (yaml_node_item_t *it =
				     r->data.sequence.items.start;
			     it < r->data.sequence.items.top; it++)
				rule(&L, ruleload_node(&L, *it));
	}
	rs->n_errors += yamlfile_n_errors(&L.y);
	msgs = yamlfile_errors_format(&L.y.errs);
	buf_adds(&rs->errors, msgs);
	free(msgs);
	yamlfile_release(&L.y);
	free(L.classes);
}

static void load_file(struct ruleset *rs, struct pattern_memo *memo,
		      const char *path, struct shared_classes *sh)
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
		load_text(rs, memo, path, b.buf, b.len, sh);
	rs->n_errors += r < 0;
	buf_release(&b);
}

static enum mt_err finish(struct ruleset *rs, struct ruleset **out,
			  struct mt_error *err);

/* The shared classes of path's folder in dirs[0..*n), loading its
 * classes.yml (when there is one) the first time the folder is seen. */
static struct shared_classes *
folder_classes(struct ruleset *rs, struct pattern_memo *memo, const char *path,
	       struct shared_classes **dirs, size_t *n, size_t *alloc)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? arena_strndup(&rs->arena, path,
					  (size_t)(slash - path))
			  : arena_strdup(&rs->arena, ".");
	struct shared_classes *sh;
	struct stat st;
	char *cpath;

	for (size_t k = 0; k < *n; k++)
		if (strcmp((*dirs)[k].dir, dir) == 0)
			return &(*dirs)[k];
	*dirs = xgrow(*dirs, alloc, *n + 1, sizeof(**dirs));
	sh = &(*dirs)[(*n)++];
	memset(sh, 0, sizeof(*sh));
	sh->dir = dir;
	cpath = slash ? arena_printf(&rs->arena, "%s/%s", dir, CLASSES_FILE)
		      : arena_strdup(&rs->arena, CLASSES_FILE);
	if (stat(cpath, &st) == 0 && S_ISREG(st.st_mode))
		load_file(rs, memo, cpath, sh);
	return sh;
}

/* Load the files in order, with one memo of compiled regexes for all;
 * each folder's classes.yml first, before the files that use it. */
static void load_files(struct ruleset *rs, const char *const *paths, size_t n)
{
	struct pattern_memo *memo = pattern_memo_open();
	struct shared_classes *dirs = NULL;
	size_t n_dirs = 0, alloc_dirs = 0;

	for (size_t i = 0; i < n; i++) {
		struct shared_classes *sh = folder_classes(rs, memo, paths[i],
							   &dirs, &n_dirs,
							   &alloc_dirs);

		if (!is_classes_file(paths[i])) /* loaded just above */
			load_file(rs, memo, paths[i], sh);
	}
	for (size_t k = 0; k < n_dirs; k++)
		free(dirs[k].v);
	free(dirs);
	pattern_memo_close(memo);
}

enum mt_err ruleset_load_mem(const char *name, const char *text, size_t len,
			     struct ruleset **out, struct mt_error *err)
{
	struct ruleset *rs = xcalloc(1, sizeof(*rs));
	struct pattern_memo *memo = pattern_memo_open();

	arena_init(&rs->arena, 0);
	buf_init(&rs->errors);
	load_text(rs, memo, arena_strdup(&rs->arena, name), text, len, NULL);
	pattern_memo_close(memo);
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
		load_files(rs, files, n_files);
	} else {
		DIR *d = opendir(dir);
		struct dirent *de;

		if (!d) {
			enum mt_err rc =
				mt_error(err, MT_ERR_RULES,
					 "cannot open rule directory '%s': %s",
					 dir, strerror(errno));
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

			free(names[i]);
			names[i] = path; /* in the arena from now on */
		}
		load_files(rs, (const char *const *)names, n_names);
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
		return mt_error(err, MT_ERR_RULES,
				"%zu error%s in rule files:\n%.*s%s",
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
