/*
 * config: `.mtlint.yml` -- parsing with libyaml's document API (node marks
 * give every error its line and column), the list of errors, and globs
 * (see config.h).  The per-run cache is configcache.c.
 */
#include "run/config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/paths.h"
#include "util/limits.h"
#include "util/wildmatch.h"
#include "util/xalloc.h"
#include "util/yamlfile.h"

/* Limit on the size of a configuration file: it is a few lines. */

/* Globs longer than this are refused (matching costs glob x path bits). */
#define CONFIG_MAX_GLOB 1024

struct parse {
	struct yamlfile y; /* the file, its nodes and its errors */
	struct config *cfg;
	unsigned flags; /* enum config_flag */
};

static enum mt_err at(struct parse *p, const yaml_node_t *n, const char *fmt,
		      ...) MT_PRINTF(3, 4);

/*
 * Record an error at node n.  Parsing goes on with the next key or entry,
 * so a file with three mistakes reports three.
 */
static enum mt_err at(struct parse *p, const yaml_node_t *n, const char *fmt,
		      ...)
{
	va_list ap;

	va_start(ap, fmt);
	yamlfile_verror(&p->y, n, fmt, ap);
	va_end(ap);
	return MT_ERR_CONFIG;
}

/* --- parsing ------------------------------------------------------------ */

static const char *scalar(const yaml_node_t *n)
{
	return yamlfile_scalar(n);
}

static enum mt_err want_scalar(struct parse *p, const yaml_node_t *n,
			       const char *key)
{
	if (n->type != YAML_SCALAR_NODE)
		return at(p, n, "'%s' takes a single value", key);
	return MT_ERR_OK;
}

/* --- the project root ----------------------------------------------- */

/*
 * Absolute `path` as the system will open it: its longest existing
 * ancestor through realpath(3) (symbolic links and ".." resolved as open()
 * does), then the rest as written.  NULL when that rest holds a ".."
 * (never resolved lexically: "link/.." is not where "link" is).  A new
 * string.
 */
static char *real_path_of(const char *path)
{
	char *head = xstrdup(path), *real;
	size_t n = strlen(head);
	const char *rest;
	struct buf b = BUF_INIT;

	while (!(real = realpath(head, NULL)) && n > 1) {
		while (n > 1 && head[n - 1] != '/')
			n--;
		n = n > 1 ? n - 1 : 1; /* "/a/b" -> "/a"; "/a" -> "/" */
		head[n] = '\0';
	}
	free(head);
	if (!real)
		return NULL;
	rest = path + n;
	while (*rest == '/')
		rest++;
	if (!strcmp(rest, "..") || !strncmp(rest, "../", 3) ||
	    strstr(rest, "/../") ||
	    (strlen(rest) >= 3 && !strcmp(rest + strlen(rest) - 3, "/.."))) {
		free(real);
		return NULL;
	}
	buf_adds(&b, real);
	if (*rest)
		buf_addf(&b, "%s%s", strcmp(real, "/") ? "/" : "", rest);
	free(real);
	return buf_detach(&b, NULL);
}

/*
 * The project root of a configuration (see config.h): the nearest
 * directory at or above its own that holds a ".git" (a work tree; a file
 * for linked work trees and submodules), else its own directory.  Real
 * path, computed once.
 */
static const char *project_root(struct config *cfg)
{
	char *abs, *dir;
	struct stat st;

	if (cfg->root)
		return cfg->root;
	abs = mt_path_absolute(cfg->dir);
	dir = real_path_of(abs ? abs : "/");
	free(abs);
	if (!dir)
		dir = xstrdup("/");
	for (char *probe = xstrdup(dir);;) {
		struct buf git = BUF_INIT;
		char *slash;
		int found;

		buf_addf(&git, "%s/.git", strcmp(probe, "/") ? probe : "");
		found = lstat(git.buf, &st) == 0;
		buf_release(&git);
		if (found) {
			free(dir);
			dir = probe;
			break;
		}
		slash = strrchr(probe, '/');
		if (!slash || slash == probe) {
			free(probe);
			break;
		}
		*slash = '\0';
	}
	cfg->root = dir;
	return dir;
}

int config_inside_root(const struct config *cfg, const char *path)
{
	const char *root = project_root((struct config *)cfg);
	struct buf abs = BUF_INIT;
	char *real, cwd[4096];
	size_t n = strlen(root);
	int inside;

	if (path[0] != '/') {
		if (!getcwd(cwd, sizeof(cwd)))
			return 0;
		buf_addf(&abs, "%s/", cwd);
	}
	buf_adds(&abs, path);
	real = real_path_of(abs.buf);
	buf_release(&abs);
	inside = real && (!strcmp(root, "/") ||
			  (!strncmp(real, root, n) &&
			   (!real[n] || real[n] == '/')));
	free(real);
	return inside;
}

/*
 * A path the configuration names (a word list, a dictionary directory, a
 * reference pattern, its wildcards taken as one name each) must lie in
 * the project root unless the caller allows more: a pull request must not
 * make CI read /etc or ../secrets and quote it as evidence.
 */
static enum mt_err check_inside(struct parse *p, const yaml_node_t *n,
				const char *path)
{
	char *probe;
	int ok;

	if (p->flags & CONFIG_ALLOW_OUTSIDE_ROOT)
		return MT_ERR_OK;
	probe = xstrdup(path);
	for (char *c = probe; *c; c++)
		if (*c == '*' || *c == '?')
			*c = 'x';
	ok = config_inside_root(p->cfg, probe);
	free(probe);
	if (ok)
		return MT_ERR_OK;
	return at(p, n,
		  "'%s' lies outside the project root '%s' (allow it with "
		  "--allow-outside-root)",
		  scalar(n), project_root(p->cfg));
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
	enum mt_err rc = MT_ERR_OK;

	if (n->type == YAML_SCALAR_NODE) {
		if (!*scalar(n))
			return at(p, n, "'%s' has an empty value", key);
		if (!paths && strlen(scalar(n)) > CONFIG_MAX_GLOB)
			return at(p, n, "glob in '%s' longer than %d bytes",
				  key, CONFIG_MAX_GLOB);
		*out = xgrow(*out, &alloc, *n_out + 1, sizeof(**out));
		(*out)[(*n_out)++] = paths ? resolve(p->cfg, scalar(n))
					   : xstrdup(scalar(n));
		return paths ? check_inside(p, n, (*out)[*n_out - 1])
			     : MT_ERR_OK;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return at(p, n, "'%s' takes a list of strings", key);
	/* a bad entry is reported and the next one checked */
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		yaml_node_t *v = yamlfile_node(&p->y, *it);

		if (!v || v->type != YAML_SCALAR_NODE) {
			rc = at(p, v ? v : n, "'%s' takes a list of strings",
				key);
			continue;
		}
		if (!*scalar(v)) {
			rc = at(p, v, "empty entry in '%s'", key);
			continue;
		}
		if (!paths && strlen(scalar(v)) > CONFIG_MAX_GLOB) {
			rc = at(p, v, "glob in '%s' longer than %d bytes", key,
				CONFIG_MAX_GLOB);
			continue;
		}
		*out = xgrow(*out, &alloc, *n_out + 1, sizeof(**out));
		(*out)[(*n_out)++] = paths ? resolve(p->cfg, scalar(v))
					   : xstrdup(scalar(v));
		if (paths && check_inside(p, v, (*out)[*n_out - 1]))
			rc = MT_ERR_CONFIG;
	}
	return rc;
}

static enum mt_err parse_rules(struct parse *p, const yaml_node_t *n)
{
	size_t alloc = 0;
	enum mt_err rc = MT_ERR_OK;

	if (n->type != YAML_MAPPING_NODE)
		return at(p, n, "'%s' takes a mapping of rule or category to "
				"on, off, error, warning or info",
			  "rules");
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
	     pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yamlfile_node(&p->y, pr->key);
		yaml_node_t *v = yamlfile_node(&p->y, pr->value);
		struct config_rule r = { 0 };
		const char *s;

		/* a bad row is reported and the next one checked */
		if (k->type != YAML_SCALAR_NODE || !*scalar(k)) {
			rc = at(p, k, "%s", "a rule name must be a string");
			continue;
		}
		if (v->type != YAML_SCALAR_NODE) {
			rc = at(p, v, "rule '%s' takes on, off, error, "
				      "warning or info",
				scalar(k));
			continue;
		}
		s = scalar(v);
		r.enable = 1;
		if (!strcmp(s, "off") || !strcmp(s, "false")) {
			r.enable = 0;
		} else if (!strcmp(s, "on") || !strcmp(s, "true")) {
			r.enable = 1;
		} else if (mt_severity_parse(s, 0, &r.severity) < 0) {
			rc = at(p, v, "bad value '%s': expected on, off, "
				      "error, warning or info",
				s);
			continue;
		}
		r.name = xstrdup(scalar(k));
		p->cfg->rules = xgrow(p->cfg->rules, &alloc,
				      p->cfg->n_rules + 1,
				      sizeof(*p->cfg->rules));
		p->cfg->rules[p->cfg->n_rules++] = r;
	}
	return rc;
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
	enum mt_err rc = MT_ERR_OK;

	if (n->type != YAML_MAPPING_NODE)
		return at(p, n, "'%s' takes a mapping of article glob to "
				"reference pattern",
			  "references");
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
	     pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yamlfile_node(&p->y, pr->key);
		yaml_node_t *v = yamlfile_node(&p->y, pr->value);

		/* a bad row is reported and the next one checked */
		if (k->type != YAML_SCALAR_NODE || !*scalar(k)) {
			rc = at(p, k, "%s",
				"an article glob must be a string");
			continue;
		}
		if (strlen(scalar(k)) > CONFIG_MAX_GLOB) {
			rc = at(p, k, "article glob longer than %d bytes",
				CONFIG_MAX_GLOB);
			continue;
		}
		if (v->type != YAML_SCALAR_NODE || !*scalar(v)) {
			rc = at(p, v, "the reference for '%s' must be a "
				      "path or pattern",
				scalar(k));
			continue;
		}
		if (count_wild(scalar(v)) > count_wild(scalar(k))) {
			rc = at(p, v, "'%s' has more wildcards than its "
				      "article glob",
				scalar(v));
			continue;
		}
		{
			char *target = resolve(p->cfg, scalar(v));

			if (check_inside(p, v, target))
				rc = MT_ERR_CONFIG;
			free(target);
		}
		p->cfg->refs = xgrow(p->cfg->refs, &alloc, p->cfg->n_refs + 1,
				     sizeof(*p->cfg->refs));
		p->cfg->refs[p->cfg->n_refs].from = xstrdup(scalar(k));
		p->cfg->refs[p->cfg->n_refs].to = xstrdup(scalar(v));
		p->cfg->n_refs++;
	}
	return rc;
}

/* names: a list of names; an entry of several words gives each word. */
static enum mt_err parse_names(struct parse *p, const yaml_node_t *v)
{
	struct config *cfg = p->cfg;
	char **entries = NULL;
	size_t n = 0, alloc = cfg->n_names;
	enum mt_err rc = string_list(p, v, "names", 0, &entries, &n);

	for (size_t i = 0; i < n; i++) {
		char *save = NULL;

		for (char *w = strtok_r(entries[i], " \t", &save); w;
		     w = strtok_r(NULL, " \t", &save)) {
			cfg->names = xgrow(cfg->names, &alloc,
					   cfg->n_names + 1,
					   sizeof(*cfg->names));
			cfg->names[cfg->n_names++] = xstrdup(w);
		}
		free(entries[i]);
	}
	free(entries);
	return rc;
}

static const char *const known_keys =
	"language, input, accept, reject, dictionary-path, rules, "
	"references, fail-on, max-warnings, ignore, packs, names, extends";

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
		if (!mt_lang_valid(scalar(v)))
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
		rc = check_inside(p, v, cfg->dict_path);
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
	} else if (!strcmp(key, "packs")) {
		rc = string_list(p, v, key, 1, &cfg->packs, &cfg->n_packs);
	} else if (!strcmp(key, "names")) {
		rc = parse_names(p, v);
	} else if (!strcmp(key, "extends")) {
		if ((rc = want_scalar(p, v, key)))
			return rc;
		cfg->extends = resolve(cfg, scalar(v));
		rc = check_inside(p, v, cfg->extends);
	} else {
		return at(p, k, "unknown key '%s' (known: %s)", key,
			  known_keys);
	}
	return rc;
}

/* Has an earlier key of the root mapping the same name as pr's? */
static const yaml_node_t *earlier_key(struct yamlfile *y,
				      const yaml_node_t *root,
				      const yaml_node_pair_t *pr)
{
	const char *key = scalar(yamlfile_node(y, pr->key));

	for (const yaml_node_pair_t *q = root->data.mapping.pairs.start;
	     q < pr; q++) {
		const yaml_node_t *k = yamlfile_node(y, q->key);

		if (k->type == YAML_SCALAR_NODE && !strcmp(scalar(k), key))
			return k;
	}
	return NULL;
}

static void parse_root(struct parse *p, yaml_node_t *root)
{
	if (!root)
		return; /* an empty file is an empty configuration */
	if (root->type != YAML_MAPPING_NODE) {
		if (!(root->type == YAML_SCALAR_NODE && !*scalar(root)))
			at(p, root, "%s",
			   "expected a mapping of keys to values");
		return;
	}
	for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
	     pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yamlfile_node(&p->y, pr->key);
		yaml_node_t *v = yamlfile_node(&p->y, pr->value);
		const yaml_node_t *prev;

		if (k->type != YAML_SCALAR_NODE) {
			at(p, k, "%s", "keys must be strings");
			continue;
		}
		prev = earlier_key(&p->y, root, pr);
		if (prev) {
			at(p, k, "'%s' is set twice (first on line %lu)",
			   scalar(k), (unsigned long)prev->start_mark.line + 1);
			continue;
		}
		parse_key(p, k, v);
	}
}

static enum mt_err parse_with(const char *path, const char *text, size_t len,
			      unsigned flags, struct config **out,
			      struct yamlfile_errors *errs,
			      struct mt_error *err)
{
	struct config *cfg = xcalloc(1, sizeof(*cfg));
	struct parse p = { .cfg = cfg };
	const struct yamlfile_error *first;

	*out = NULL;
	p.flags = flags;
	cfg->path = xstrdup(path);
	cfg->dir = mt_path_dir(path);
	cfg->max_warnings = -1;
	if (yamlfile_load(&p.y, path, text, len) == 0)
		parse_root(&p, yamlfile_root(&p.y));
	if (!yamlfile_n_errors(&p.y)) {
		yamlfile_release(&p.y);
		*out = cfg;
		return MT_ERR_OK;
	}
	config_free(cfg);
	/* the first error, for callers that print one line */
	first = &p.y.errs.v[0];
	if (p.y.errs.n > 1)
		mt_error(err, MT_ERR_CONFIG, "%s:%lu:%lu: %s (and %zu more)",
			 path, first->line, first->column, first->message,
			 p.y.errs.n - 1);
	else
		mt_error(err, MT_ERR_CONFIG, "%s:%lu:%lu: %s", path,
			 first->line, first->column, first->message);
	if (errs)
		yamlfile_errors_move(errs, &p.y.errs);
	yamlfile_release(&p.y);
	return MT_ERR_CONFIG;
}

enum mt_err config_parse(const char *path, const char *text, size_t len,
			 struct config **out, struct yamlfile_errors *errs,
			 struct mt_error *err)
{
	return parse_with(path, text, len, 0, out, errs, err);
}

static enum mt_err load_chain(const char *path, unsigned flags,
			      struct config **out,
			      struct yamlfile_errors *errs, struct mt_error *err,
			      int depth);

enum mt_err config_load(const char *path, unsigned flags,
			struct config **out, struct yamlfile_errors *errs,
			struct mt_error *err)
{
	return load_chain(path, flags, out, errs, err, 0);
}

/* Load path, then the chain of extends: under it (each within the
 * project root of the file that names it, unless flags allow more). */
static enum mt_err load_chain(const char *path, unsigned flags,
			      struct config **out,
			      struct yamlfile_errors *errs, struct mt_error *err,
			      int depth)
{
	struct buf b = BUF_INIT;
	int r = buf_read_file(&b, path, MT_LIMIT_CONFIG);
	enum mt_err rc;

	*out = NULL;
	if (r < 0) {
		rc = r == -2 ? mt_error(err, MT_ERR_TOO_LARGE,
					"'%s' is too large for a "
					"configuration file (the limit is %u "
					"bytes)",
					path, MT_LIMIT_CONFIG)
			     : mt_error(err, MT_ERR_IO, "cannot open '%s': %s",
					path, strerror(errno));
		buf_release(&b);
		return rc;
	}
	rc = parse_with(path, b.buf, b.len, flags, out, errs, err);
	buf_release(&b);
	if (rc == MT_ERR_OK && (*out)->extends) {
		struct config *base = NULL;

		if (depth >= CONFIG_MAX_EXTENDS)
			rc = mt_error(err, MT_ERR_CONFIG,
				      "%s: extends: more than %d configurations "
				      "deep (a cycle?)",
				      path, CONFIG_MAX_EXTENDS);
		else
			rc = load_chain((*out)->extends, flags, &base, errs,
					err, depth + 1);
		if (rc == MT_ERR_IO || rc == MT_ERR_TOO_LARGE) {
			char why[sizeof(err->msg)];

			snprintf(why, sizeof(why), "%s", err->msg);
			rc = mt_error(err, MT_ERR_CONFIG, "%s: extends: %s",
				      path, why);
		}
		if (rc == MT_ERR_OK)
			config_inherit(*out, base);
		config_free(base);
		if (rc != MT_ERR_OK) {
			config_free(*out);
			*out = NULL;
		}
	}
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
	free(cfg->root);
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
	free_list(cfg->packs, cfg->n_packs);
	free_list(cfg->names, cfg->n_names);
	free(cfg->extends);
	free(cfg);
}

/* --- globs ------------------------------------------------------------ */

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
			hit = wildmatch(g, base, NULL, 0, NULL);
		else
			hit = wildmatch(g[0] == '/' ? g + 1 : g, rel,
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

		if (!wildmatch(cfg->refs[i].from, rel, caps, 16,
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
