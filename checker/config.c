/*
 * config: `.mtlint.yml` -- parsing with libyaml's document API (node marks
 * give every error its line and column), globs, and the per-run cache (see
 * config.h).
 */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "buf.h"
#include "paths.h"
#include "xalloc.h"

/* Limit on the size of a configuration file: it is a few lines. */
#define CONFIG_MAX_BYTES (1u << 20)

struct parse {
	const char *path;
	yaml_document_t *doc;
	struct config *cfg;
	struct mt_error *err;
	const char *text; /* the file, for quoting the offending line */
	size_t len;
	struct buf msgs;  /* every error so far */
	int n_errors;
};

static enum mt_err at(struct parse *p, const yaml_node_t *n, const char *fmt,
		      const char *arg) MT_PRINTF(3, 0);

/*
 * Record an error at a mark: "FILE:LINE:COL: message", then the line and
 * a caret under the column.  Parsing goes on with the next key, so a file
 * with three mistakes reports three.
 */
static enum mt_err at_mark(struct parse *p, yaml_mark_t m, const char *msg)
{
	const char *ls = p->text, *le;

	if (p->msgs.len)
		buf_addc(&p->msgs, '\n');
	buf_addf(&p->msgs, "%s:%zu:%zu: %s", p->path, m.line + 1,
		 m.column + 1, msg);
	/* the offending line, when it is short enough to be useful */
	if (m.index <= p->len) {
		ls = p->text + m.index;
		while (ls > p->text && ls[-1] != '\n')
			ls--;
		le = memchr(ls, '\n', p->len - (size_t)(ls - p->text));
		if (!le)
			le = p->text + p->len;
		if (le - ls < 200 && (size_t)(p->text + m.index - ls) < 200) {
			buf_addf(&p->msgs, "\n    %.*s\n    %*s^",
				 (int)(le - ls), ls,
				 (int)(p->text + m.index - ls), "");
		}
	}
	p->n_errors++;
	return MT_ERR_CONFIG;
}

static enum mt_err at(struct parse *p, const yaml_node_t *n, const char *fmt,
		      const char *arg)
{
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, arg);
	return at_mark(p, n->start_mark, msg);
}

static const char *scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static enum mt_err want_scalar(struct parse *p, const yaml_node_t *n,
			       const char *key)
{
	if (n->type != YAML_SCALAR_NODE)
		return at(p, n, "'%s' takes a single value", key);
	return MT_ERR_OK;
}

/* A path relative to the config's directory; absolute ones as they are. */
static char *resolve(const struct config *cfg, const char *rel)
{
	struct buf b = BUF_INIT;

	if (rel[0] == '/' || !strcmp(cfg->dir, "."))
		return xstrdup(rel);
	buf_addf(&b, "%s/%s", cfg->dir, rel);
	return buf_detach(&b, NULL);
}

/* A scalar or a sequence of scalars, as a new array of strings. */
static enum mt_err string_list(struct parse *p, const yaml_node_t *n,
			       const char *key, int paths, char ***out,
			       size_t *n_out)
{
	size_t alloc = 0;

	if (n->type == YAML_SCALAR_NODE) {
		*out = xgrow(*out, &alloc, *n_out + 1, sizeof(**out));
		(*out)[(*n_out)++] = paths ? resolve(p->cfg, scalar(n))
					   : xstrdup(scalar(n));
		return MT_ERR_OK;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return at(p, n, "'%s' takes a list of strings", key);
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		yaml_node_t *v = yaml_document_get_node(p->doc, *it);

		if (!v || v->type != YAML_SCALAR_NODE)
			return at(p, v ? v : n, "'%s' takes a list of strings",
				  key);
		if (!*scalar(v))
			return at(p, v, "empty entry in '%s'", key);
		*out = xgrow(*out, &alloc, *n_out + 1, sizeof(**out));
		(*out)[(*n_out)++] = paths ? resolve(p->cfg, scalar(v))
					   : xstrdup(scalar(v));
	}
	return MT_ERR_OK;
}

static enum mt_err parse_rules(struct parse *p, const yaml_node_t *n)
{
	size_t alloc = 0;

	if (n->type != YAML_MAPPING_NODE)
		return at(p, n, "'%s' takes a mapping of rule or category to "
				"on, off, error, warning or info",
			  "rules");
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
	     pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);
		struct config_rule r = { 0 };
		const char *s;

		if (k->type != YAML_SCALAR_NODE || !*scalar(k))
			return at(p, k, "%s", "a rule name must be a string");
		if (v->type != YAML_SCALAR_NODE)
			return at(p, v, "rule '%s' takes on, off, error, "
					"warning or info",
				  scalar(k));
		s = scalar(v);
		r.enable = 1;
		if (!strcmp(s, "off") || !strcmp(s, "false")) {
			r.enable = 0;
		} else if (!strcmp(s, "on") || !strcmp(s, "true")) {
			r.enable = 1;
		} else if (mt_severity_parse(s, 0, &r.severity) < 0) {
			return at(p, v, "bad value '%s': expected on, off, "
					"error, warning or info",
				  s);
		}
		r.name = xstrdup(scalar(k));
		p->cfg->rules = xgrow(p->cfg->rules, &alloc,
				      p->cfg->n_rules + 1,
				      sizeof(*p->cfg->rules));
		p->cfg->rules[p->cfg->n_rules++] = r;
	}
	return MT_ERR_OK;
}

/* Count the wildcards (`*` runs and `?`) of a glob. */
static size_t count_wild(const char *g)
{
	size_t n = 0;

	for (; *g; g++) {
		if (*g == '*') {
			n++;
			while (g[1] == '*')
				g++;
		} else if (*g == '?') {
			n++;
		}
	}
	return n;
}

static enum mt_err parse_refs(struct parse *p, const yaml_node_t *n)
{
	size_t alloc = 0;

	if (n->type != YAML_MAPPING_NODE)
		return at(p, n, "'%s' takes a mapping of article glob to "
				"reference pattern",
			  "references");
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
	     pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);

		if (k->type != YAML_SCALAR_NODE || !*scalar(k))
			return at(p, k, "%s",
				  "an article glob must be a string");
		if (v->type != YAML_SCALAR_NODE || !*scalar(v))
			return at(p, v, "the reference for '%s' must be a "
					"path or pattern",
				  scalar(k));
		if (count_wild(scalar(v)) > count_wild(scalar(k)))
			return at(p, v, "'%s' has more wildcards than its "
					"article glob",
				  scalar(v));
		p->cfg->refs = xgrow(p->cfg->refs, &alloc, p->cfg->n_refs + 1,
				     sizeof(*p->cfg->refs));
		p->cfg->refs[p->cfg->n_refs].from = xstrdup(scalar(k));
		p->cfg->refs[p->cfg->n_refs].to = xstrdup(scalar(v));
		p->cfg->n_refs++;
	}
	return MT_ERR_OK;
}

static const char *const known_keys =
	"language, input, accept, reject, dictionary-path, rules, "
	"references, fail-on, max-warnings, ignore";

static enum mt_err parse_key(struct parse *p, const yaml_node_t *k,
			     const yaml_node_t *v)
{
	struct config *cfg = p->cfg;
	const char *key = scalar(k);
	enum mt_err rc = MT_ERR_OK;

	if (v->type == YAML_SCALAR_NODE && !*scalar(v) &&
	    v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		return at(p, v, "'%s' has no value", key);
	if (!strcmp(key, "language")) {
		if ((rc = want_scalar(p, v, key)))
			return rc;
		for (const char *c = scalar(v); *c; c++)
			if (!(*c == '_' || *c == '-' ||
			      (*c >= 'a' && *c <= 'z') ||
			      (*c >= 'A' && *c <= 'Z')))
				return at(p, v, "bad language '%s' "
						"(expected e.g. en_US)",
					  scalar(v));
		free(cfg->lang);
		cfg->lang = xstrdup(scalar(v));
	} else if (!strcmp(key, "input")) {
		const char *s;

		if ((rc = want_scalar(p, v, key)))
			return rc;
		s = scalar(v);
		if (!strcmp(s, "auto"))
			cfg->input = CONFIG_INPUT_AUTO;
		else if (!strcmp(s, "text"))
			cfg->input = CONFIG_INPUT_TEXT;
		else if (!strcmp(s, "markdown"))
			cfg->input = CONFIG_INPUT_MARKDOWN;
		else
			return at(p, v, "bad input '%s': expected auto, text "
					"or markdown",
				  s);
	} else if (!strcmp(key, "accept")) {
		rc = string_list(p, v, key, 1, &cfg->accept, &cfg->n_accept);
	} else if (!strcmp(key, "reject")) {
		rc = string_list(p, v, key, 1, &cfg->reject, &cfg->n_reject);
	} else if (!strcmp(key, "dictionary-path")) {
		if ((rc = want_scalar(p, v, key)))
			return rc;
		free(cfg->dict_path);
		cfg->dict_path = resolve(cfg, scalar(v));
	} else if (!strcmp(key, "rules")) {
		rc = parse_rules(p, v);
	} else if (!strcmp(key, "references")) {
		rc = parse_refs(p, v);
	} else if (!strcmp(key, "fail-on")) {
		if ((rc = want_scalar(p, v, key)))
			return rc;
		if (mt_severity_parse(scalar(v), 1, &cfg->fail_on) < 0)
			return at(p, v, "bad fail-on '%s': expected error, "
					"warning, info or never",
				  scalar(v));
		cfg->has_fail_on = 1;
	} else if (!strcmp(key, "max-warnings")) {
		char *end;
		long m;

		if ((rc = want_scalar(p, v, key)))
			return rc;
		errno = 0;
		m = strtol(scalar(v), &end, 10);
		if (errno || end == scalar(v) || *end || m < 0)
			return at(p, v, "bad max-warnings '%s': expected a "
					"number >= 0",
				  scalar(v));
		cfg->max_warnings = m;
	} else if (!strcmp(key, "ignore")) {
		rc = string_list(p, v, key, 0, &cfg->ignore, &cfg->n_ignore);
	} else {
		char msg[400];

		snprintf(msg, sizeof(msg), "unknown key '%s' (known: %s)", key,
			 known_keys);
		return at(p, k, "%s", msg);
	}
	return rc;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

enum mt_err config_parse(const char *path, const char *text, size_t len,
			 struct config **out, struct mt_error *err)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;
	struct config *cfg = xcalloc(1, sizeof(*cfg));
	struct parse p = { path, &ydoc, cfg, err, text, len, BUF_INIT, 0 };
	enum mt_err rc = MT_ERR_OK;
	yaml_node_t *root;

	*out = NULL;
	cfg->path = xstrdup(path);
	cfg->dir = dir_of(path);
	cfg->max_warnings = -1;
	if (!yaml_parser_initialize(&parser)) {
		config_free(cfg);
		return mt_error(err, MT_ERR_INTERNAL, "cannot start libyaml");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &ydoc)) {
		char msg[512];

		snprintf(msg, sizeof(msg), "%s%s%s",
			 parser.problem ? parser.problem : "YAML error",
			 parser.context ? " " : "",
			 parser.context ? parser.context : "");
		at_mark(&p, parser.problem_mark, msg);
		rc = mt_error(err, MT_ERR_CONFIG, "%s", p.msgs.buf);
		buf_release(&p.msgs);
		yaml_parser_delete(&parser);
		config_free(cfg);
		return rc;
	}
	root = yaml_document_get_root_node(&ydoc);
	if (!root) {
		/* an empty file is an empty configuration */
	} else if (root->type != YAML_MAPPING_NODE) {
		if (!(root->type == YAML_SCALAR_NODE && !*scalar(root)))
			rc = at(&p, root, "%s",
				"expected a mapping of keys to values");
	} else {
		for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
		     pr < root->data.mapping.pairs.top; pr++) {
			yaml_node_t *k = yaml_document_get_node(&ydoc, pr->key);
			yaml_node_t *v = yaml_document_get_node(&ydoc,
								pr->value);

			if (k->type != YAML_SCALAR_NODE)
				at(&p, k, "%s", "keys must be strings");
			else
				parse_key(&p, k, v);
		}
	}
	if (p.n_errors)
		rc = mt_error(err, MT_ERR_CONFIG, "%s", p.msgs.buf);
	buf_release(&p.msgs);
	yaml_document_delete(&ydoc);
	yaml_parser_delete(&parser);
	if (rc != MT_ERR_OK) {
		config_free(cfg);
		return rc;
	}
	*out = cfg;
	return MT_ERR_OK;
}

enum mt_err config_load(const char *path, struct config **out,
			struct mt_error *err)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;
	enum mt_err rc;

	*out = NULL;
	if (!f)
		return mt_error(err, MT_ERR_IO, "cannot open '%s': %s", path,
				strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_add(&b, chunk, n);
		if (b.len > CONFIG_MAX_BYTES)
			break;
	}
	if (ferror(f) || b.len > CONFIG_MAX_BYTES) {
		rc = ferror(f) ? mt_error(err, MT_ERR_IO, "cannot read '%s'",
					  path)
			       : mt_error(err, MT_ERR_TOO_LARGE,
					  "'%s' is too large for a "
					  "configuration file",
					  path);
		fclose(f);
		buf_release(&b);
		return rc;
	}
	fclose(f);
	if (memchr(b.buf, '\0', b.len)) {
		buf_release(&b);
		return mt_error(err, MT_ERR_CONFIG,
				"%s: binary file, not YAML", path);
	}
	rc = config_parse(path, b.buf, b.len, out, err);
	buf_release(&b);
	return rc;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->dir);
	free(cfg->lang);
	free_list(cfg->accept, cfg->n_accept);
	free_list(cfg->reject, cfg->n_reject);
	free(cfg->dict_path);
	for (size_t i = 0; i < cfg->n_rules; i++)
		free(cfg->rules[i].name);
	free(cfg->rules);
	for (size_t i = 0; i < cfg->n_refs; i++) {
		free(cfg->refs[i].from);
		free(cfg->refs[i].to);
	}
	free(cfg->refs);
	free_list(cfg->ignore, cfg->n_ignore);
	free(cfg);
}

/* --- globs ------------------------------------------------------------ */

/*
 * Backtracking matcher for *, ** and ?; other characters match themselves
 * (a backslash escapes the next one).  Recursion depth is bounded by the
 * number of wildcards, which a configuration keeps small.
 */
static int glob_rec(const char *g, const char *s, const char *s0,
		    size_t (*caps)[2], size_t max_caps, size_t ncap,
		    size_t *n_caps)
{
	while (*g) {
		if (g[0] == '*' && g[1] == '*') {
			const char *rest = g + 2;
			const char *t;

			while (*rest == '*')
				rest++;
			/* "**" followed by "/" also matches zero directories */
			if (*rest == '/' &&
			    glob_rec(rest + 1, s, s0, caps, max_caps, ncap + 1,
				     n_caps)) {
				if (caps && ncap < max_caps)
					caps[ncap][0] = caps[ncap][1] =
						(size_t)(s - s0);
				return 1;
			}
			for (t = s + strlen(s);; t--) {
				if (glob_rec(rest, t, s0, caps, max_caps,
					     ncap + 1, n_caps)) {
					if (caps && ncap < max_caps) {
						caps[ncap][0] = (size_t)(s - s0);
						caps[ncap][1] = (size_t)(t - s0);
					}
					return 1;
				}
				if (t == s)
					return 0;
			}
		}
		if (*g == '*') {
			const char *t = s;

			while (*t && *t != '/')
				t++;
			for (;; t--) {
				if (glob_rec(g + 1, t, s0, caps, max_caps,
					     ncap + 1, n_caps)) {
					if (caps && ncap < max_caps) {
						caps[ncap][0] = (size_t)(s - s0);
						caps[ncap][1] = (size_t)(t - s0);
					}
					return 1;
				}
				if (t == s)
					return 0;
			}
		}
		if (*g == '?') {
			if (!*s || *s == '/')
				return 0;
			if (caps && ncap < max_caps) {
				caps[ncap][0] = (size_t)(s - s0);
				caps[ncap][1] = (size_t)(s - s0) + 1;
			}
			ncap++;
			g++;
			s++;
			continue;
		}
		if (*g == '\\' && g[1])
			g++;
		if (*g != *s)
			return 0;
		g++;
		s++;
	}
	if (*s)
		return 0;
	if (n_caps)
		*n_caps = ncap < max_caps ? ncap : max_caps;
	return 1;
}

int config_glob_match(const char *glob, const char *str, size_t (*caps)[2],
		      size_t max_caps, size_t *n_caps)
{
	size_t dummy;

	return glob_rec(glob, str, str, caps, max_caps, 0,
			n_caps ? n_caps : &dummy);
}

int config_ignored(const struct config *cfg, const char *path, int is_dir)
{
	char *rel;
	const char *base;
	int hit = 0;

	if (!cfg || !cfg->n_ignore)
		return 0;
	rel = mt_path_relative(cfg->dir, path);
	if (!rel || !*rel) {
		free(rel);
		return 0;
	}
	base = strrchr(rel, '/');
	base = base ? base + 1 : rel;
	for (size_t i = 0; !hit && i < cfg->n_ignore; i++) {
		const char *g = cfg->ignore[i];
		size_t gl = strlen(g);
		char *gd = NULL;

		/* "drafts/" names a directory */
		if (gl > 1 && g[gl - 1] == '/') {
			if (!is_dir)
				continue;
			gd = xstrndup(g, gl - 1);
			g = gd;
		}
		if (!strchr(g, '/'))
			hit = config_glob_match(g, base, NULL, 0, NULL);
		else
			hit = config_glob_match(g[0] == '/' ? g + 1 : g, rel,
						NULL, 0, NULL);
		free(gd);
	}
	free(rel);
	return hit;
}

char *config_reference(const struct config *cfg, const char *path)
{
	char *rel;
	char *result = NULL;

	if (!cfg || !cfg->n_refs)
		return NULL;
	rel = mt_path_relative(cfg->dir, path);
	if (!rel)
		return NULL;
	for (size_t i = 0; !result && i < cfg->n_refs; i++) {
		size_t caps[16][2], n_caps = 0, k = 0;
		struct buf b = BUF_INIT;
		const char *t;

		if (!config_glob_match(cfg->refs[i].from, rel, caps, 16,
				       &n_caps))
			continue;
		for (t = cfg->refs[i].to; *t; t++) {
			if (*t == '*' || *t == '?') {
				if (k < n_caps)
					buf_add(&b, rel + caps[k][0],
						caps[k][1] - caps[k][0]);
				k++;
				while (*t == '*' && t[1] == '*')
					t++;
				continue;
			}
			if (*t == '\\' && t[1])
				t++;
			buf_addc(&b, *t);
		}
		if (b.buf[0] == '/') {
			result = buf_detach(&b, NULL);
		} else {
			result = resolve(cfg, b.buf);
			buf_release(&b);
		}
	}
	free(rel);
	return result;
}

/* --- cache -------------------------------------------------------------- */

struct cache_dir {
	char *dir;
	const struct config *cfg;
};

struct config_cache {
	struct config *fixed;
	int none;
	struct config **loaded;
	size_t n_loaded, alloc_loaded;
	struct cache_dir *dirs;
	size_t n_dirs, alloc_dirs;
};

enum mt_err config_cache_new(const char *fixed, int none,
			     struct config_cache **out, struct mt_error *err)
{
	struct config_cache *cc = xcalloc(1, sizeof(*cc));
	enum mt_err rc;

	*out = NULL;
	cc->none = none;
	if (fixed && !none) {
		rc = config_load(fixed, &cc->fixed, err);
		if (rc != MT_ERR_OK) {
			free(cc);
			return rc;
		}
	}
	*out = cc;
	return MT_ERR_OK;
}

void config_cache_free(struct config_cache *cc)
{
	if (!cc)
		return;
	config_free(cc->fixed);
	for (size_t i = 0; i < cc->n_loaded; i++)
		config_free(cc->loaded[i]);
	free(cc->loaded);
	for (size_t i = 0; i < cc->n_dirs; i++)
		free(cc->dirs[i].dir);
	free(cc->dirs);
	free(cc);
}

/* The config for directory `dir` (absolute, normalised), searching upward
 * and remembering every directory on the way. */
static enum mt_err lookup_dir(struct config_cache *cc, const char *dir,
			      const struct config **cfg, struct mt_error *err)
{
	struct buf probe = BUF_INIT;
	struct stat st;
	enum mt_err rc = MT_ERR_OK;

	for (size_t i = 0; i < cc->n_dirs; i++)
		if (!strcmp(cc->dirs[i].dir, dir)) {
			*cfg = cc->dirs[i].cfg;
			return MT_ERR_OK;
		}
	buf_addf(&probe, "%s%s" CONFIG_FILE_NAME, dir,
		 strcmp(dir, "/") ? "/" : "");
	if (stat(probe.buf, &st) == 0 && !S_ISDIR(st.st_mode)) {
		struct config *c;

		rc = config_load(probe.buf, &c, err);
		if (rc == MT_ERR_OK) {
			cc->loaded = xgrow(cc->loaded, &cc->alloc_loaded,
					   cc->n_loaded + 1,
					   sizeof(*cc->loaded));
			cc->loaded[cc->n_loaded++] = c;
			*cfg = c;
		}
	} else if (!strcmp(dir, "/")) {
		*cfg = NULL;
	} else {
		char *parent = dir_of(dir);

		rc = lookup_dir(cc, parent, cfg, err);
		free(parent);
	}
	buf_release(&probe);
	if (rc != MT_ERR_OK)
		return rc;
	cc->dirs = xgrow(cc->dirs, &cc->alloc_dirs, cc->n_dirs + 1,
			 sizeof(*cc->dirs));
	cc->dirs[cc->n_dirs].dir = xstrdup(dir);
	cc->dirs[cc->n_dirs].cfg = *cfg;
	cc->n_dirs++;
	return MT_ERR_OK;
}

enum mt_err config_cache_lookup(struct config_cache *cc, const char *path,
				const struct config **cfg,
				struct mt_error *err)
{
	char *abs, *dir;
	enum mt_err rc;

	*cfg = NULL;
	if (cc->none)
		return MT_ERR_OK;
	if (cc->fixed) {
		*cfg = cc->fixed;
		return MT_ERR_OK;
	}
	abs = mt_path_absolute(strcmp(path, "-") ? path : "./-");
	if (!abs)
		return MT_ERR_OK;
	dir = dir_of(abs);
	rc = lookup_dir(cc, dir, cfg, err);
	free(dir);
	free(abs);
	return rc;
}
