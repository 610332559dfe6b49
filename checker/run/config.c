/*
 * config: `.mtlint.yml` -- parsing with libyaml's document API (node marks
 * give every error its line and column), the list of errors, globs, and
 * the per-run cache (see config.h).
 */
#include "run/config.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "util/buf.h"
#include "util/paths.h"
#include "util/limits.h"
#include "util/xalloc.h"
#include "util/yamlload.h"

/* Limit on the size of a configuration file: it is a few lines. */

/* Globs longer than this are refused (matching costs glob x path bits). */
#define CONFIG_MAX_GLOB 1024

/* How much of a long offending line is quoted around the column. */
#define QUOTE_BEFORE 60
#define QUOTE_MAX 160

struct parse {
	const char *path;
	yaml_document_t *doc;
	struct config *cfg;
	const char *text; /* the file, for quoting the offending line */
	size_t len;
	size_t bom;	  /* bytes of a UTF-8 BOM, which libyaml skips */
	int utf8;	  /* 0: UTF-16 (libyaml's marks are not bytes of it) */
	unsigned flags;	  /* enum config_flag */
	struct config_errors errs; /* every error so far */
};

/* --- errors ------------------------------------------------------------- */

void config_errors_release(struct config_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].path);
		free(e->v[i].message);
		free(e->v[i].source);
	}
	free(e->v);
	memset(e, 0, sizeof(*e));
}

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static void format_one(struct buf *b, const struct config_error *e)
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

char *config_errors_format(const struct config_errors *e)
{
	struct buf b = BUF_INIT;

	buf_grow(&b, 1);
	for (size_t i = 0; i < e->n; i++)
		format_one(&b, &e->v[i]);
	return buf_detach(&b, NULL);
}

void config_errors_print(const struct config_errors *e, FILE *f)
{
	char *s = config_errors_format(e);

	fputs(s, f);
	free(s);
}

/*
 * How many of the n bytes at s libyaml's reader accepts (valid UTF-8, no
 * control characters): the offending line is quoted up to there only, so
 * an error message never carries bytes the terminal cannot show.  The
 * reader decodes its whole input before the scanner looks at it, so any
 * reader error is the first error.
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
static size_t char_to_byte(const struct parse *p, size_t index)
{
	size_t i = p->bom;

	while (index > 0 && i < p->len) {
		i++;
		while (i < p->len && is_cont((unsigned char)p->text[i]))
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
static void quote_line(const struct parse *p, size_t off,
		       struct config_error *e)
{
	const char *t = p->text;
	size_t ls = off, le = off, ws, we, ok;
	struct buf b = BUF_INIT;

	if (!p->utf8 || off > p->len)
		return;
	while (ls > p->bom && t[ls - 1] != '\n' && t[ls - 1] != '\r')
		ls--;
	while (le < p->len && t[le] != '\n' && t[le] != '\r')
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

/* Record an error at line/column (1-based) and byte offset `off`. */
static enum mt_err add_error(struct parse *p, size_t line, size_t column,
			     size_t off, char *msg)
{
	struct config_error *e;

	p->errs.v = xgrow(p->errs.v, &p->errs.alloc, p->errs.n + 1,
			  sizeof(*p->errs.v));
	e = &p->errs.v[p->errs.n++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(p->path);
	e->line = line;
	e->column = column;
	e->message = msg;
	quote_line(p, off, e);
	return MT_ERR_CONFIG;
}

static enum mt_err at_mark(struct parse *p, yaml_mark_t m, const char *fmt,
			   ...) MT_PRINTF(3, 4);

/*
 * Record an error at a libyaml mark.  Parsing goes on with the next key
 * or entry, so a file with three mistakes reports three.
 */
static enum mt_err at_mark(struct parse *p, yaml_mark_t m, const char *fmt,
			   ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	buf_grow(&b, 1);
	return add_error(p, m.line + 1, m.column + 1,
			 char_to_byte(p, m.index), buf_detach(&b, NULL));
}

#define at(p, n, ...) at_mark((p), (n)->start_mark, __VA_ARGS__)

/*
 * libyaml's reader errors (bad UTF-8, control characters) carry a byte
 * offset rather than a mark: count the line and column from it.
 */
static void reader_error(struct parse *p, size_t off, const char *msg)
{
	size_t line = 1, col = 1, i;
	struct buf b = BUF_INIT;

	if (off > p->len)
		off = p->len;
	for (i = p->bom; p->utf8 && i < off; i++) {
		if (p->text[i] == '\n' ||
		    (p->text[i] == '\r' && (i + 1 >= p->len ||
					    p->text[i + 1] != '\n'))) {
			line++;
			col = 1;
		} else if (!is_cont((unsigned char)p->text[i])) {
			col++;
		}
	}
	buf_adds(&b, msg);
	add_error(p, line, p->utf8 ? col : 1, p->utf8 ? off : SIZE_MAX,
		  buf_detach(&b, NULL));
}

/* --- parsing ------------------------------------------------------------ */

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
		yaml_node_t *v = yaml_document_get_node(p->doc, *it);

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
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);
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
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);

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
	} else {
		return at(p, k, "unknown key '%s' (known: %s)", key,
			  known_keys);
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

/* Has an earlier key of the root mapping the same name as pr's? */
static const yaml_node_t *earlier_key(yaml_document_t *d,
				      const yaml_node_t *root,
				      const yaml_node_pair_t *pr)
{
	const char *key = scalar(yaml_document_get_node(d, pr->key));

	for (const yaml_node_pair_t *q = root->data.mapping.pairs.start;
	     q < pr; q++) {
		const yaml_node_t *k = yaml_document_get_node(d, q->key);

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
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);
		const yaml_node_t *prev;

		if (k->type != YAML_SCALAR_NODE) {
			at(p, k, "%s", "keys must be strings");
			continue;
		}
		prev = earlier_key(p->doc, root, pr);
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
			      struct config_errors *errs, struct mt_error *err)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;
	struct config *cfg = xcalloc(1, sizeof(*cfg));
	struct parse p = { 0 };
	const char *nul = memchr(text, '\0', len);

	*out = NULL;
	p.path = path;
	p.flags = flags;
	p.doc = &ydoc;
	p.cfg = cfg;
	p.text = text;
	p.len = len;
	p.utf8 = !(len >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
				(text[0] == '\xFE' && text[1] == '\xFF')));
	p.bom = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	cfg->path = xstrdup(path);
	cfg->dir = dir_of(path);
	cfg->max_warnings = -1;
	if (!yaml_parser_initialize(&parser)) {
		config_free(cfg);
		return mt_error(err, MT_ERR_INTERNAL, "cannot start libyaml");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (nul && p.utf8) {
		reader_error(&p, (size_t)(nul - text),
			     "binary file (a NUL byte), not YAML");
	} else if (!yamlload_bounded(&parser, text, len, &ydoc)) {
		const char *what = parser.problem ? parser.problem
						  : "YAML error";

		if (parser.error == YAML_READER_ERROR)
			reader_error(&p, parser.problem_offset, what);
		else if (parser.context)
			at_mark(&p, parser.problem_mark, "%s %s", what,
				parser.context);
		else
			at_mark(&p, parser.problem_mark, "%s", what);
	} else {
		parse_root(&p, yaml_document_get_root_node(&ydoc));
		yaml_document_delete(&ydoc);
	}
	yaml_parser_delete(&parser);
	if (!p.errs.n) {
		*out = cfg;
		return MT_ERR_OK;
	}
	config_free(cfg);
	/* the first error, for callers that print one line */
	if (p.errs.n > 1)
		mt_error(err, MT_ERR_CONFIG, "%s:%lu:%lu: %s (and %zu more)",
			 path, p.errs.v[0].line, p.errs.v[0].column,
			 p.errs.v[0].message, p.errs.n - 1);
	else
		mt_error(err, MT_ERR_CONFIG, "%s:%lu:%lu: %s", path,
			 p.errs.v[0].line, p.errs.v[0].column,
			 p.errs.v[0].message);
	if (errs) {
		for (size_t i = 0; i < p.errs.n; i++) {
			errs->v = xgrow(errs->v, &errs->alloc, errs->n + 1,
					sizeof(*errs->v));
			errs->v[errs->n++] = p.errs.v[i];
		}
		free(p.errs.v);
	} else {
		config_errors_release(&p.errs);
	}
	return MT_ERR_CONFIG;
}

enum mt_err config_parse(const char *path, const char *text, size_t len,
			 struct config **out, struct config_errors *errs,
			 struct mt_error *err)
{
	return parse_with(path, text, len, 0, out, errs, err);
}

static enum mt_err load_with(const char *path, unsigned flags,
			     struct config **out, struct config_errors *errs,
			     struct mt_error *err)
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
	return rc;
}

enum mt_err config_load(const char *path, struct config **out,
			struct config_errors *errs, struct mt_error *err)
{
	return load_with(path, 0, out, errs, err);
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
	free(cfg);
}

/* --- globs ------------------------------------------------------------ */

/*
 * Backtracking matcher for *, ** and ?; other characters match themselves
 * (a backslash escapes the next one).  Whether the rest of the glob from
 * g matches the rest of the string from s depends on (g, s) alone, so the
 * pairs that failed are remembered in a bitmap: "a*a*a*a*a*b" against a
 * long name costs glob x string steps, not an exponential number.
 * Captures are written only on the way back from a match.  Recursion
 * depth is bounded by the glob's length.
 */
struct glob_memo {
	const char *g0, *s0;
	size_t s_len;
	unsigned char *failed; /* (g - g0) * (s_len + 1) + (s - s0) */
};

static int glob_failed(const struct glob_memo *m, const char *g,
		       const char *s)
{
	size_t bit = (size_t)(g - m->g0) * (m->s_len + 1) + (size_t)(s - m->s0);

	return m->failed[bit / 8] >> (bit % 8) & 1;
}

static int glob_fail(struct glob_memo *m, const char *g, const char *s)
{
	size_t bit = (size_t)(g - m->g0) * (m->s_len + 1) + (size_t)(s - m->s0);

	m->failed[bit / 8] |= (unsigned char)(1u << (bit % 8));
	return 0;
}

static int glob_rec(struct glob_memo *m, const char *g, const char *s,
		    size_t (*caps)[2], size_t max_caps, size_t ncap,
		    size_t *n_caps)
{
	const char *g_in = g, *s_in = s;
	const char *s0 = m->s0;

	if (glob_failed(m, g, s))
		return 0;
	while (*g) {
		if (g[0] == '*' && g[1] == '*') {
			const char *rest = g + 2;
			const char *t;

			while (*rest == '*')
				rest++;
			/* "**" followed by "/" also matches zero directories */
			if (*rest == '/' &&
			    glob_rec(m, rest + 1, s, caps, max_caps, ncap + 1,
				     n_caps)) {
				if (caps && ncap < max_caps)
					caps[ncap][0] = caps[ncap][1] =
						(size_t)(s - s0);
				return 1;
			}
			for (t = s + strlen(s);; t--) {
				if (glob_rec(m, rest, t, caps, max_caps,
					     ncap + 1, n_caps)) {
					if (caps && ncap < max_caps) {
						caps[ncap][0] = (size_t)(s - s0);
						caps[ncap][1] = (size_t)(t - s0);
					}
					return 1;
				}
				if (t == s)
					return glob_fail(m, g_in, s_in);
			}
		}
		if (*g == '*') {
			const char *t = s;

			while (*t && *t != '/')
				t++;
			for (;; t--) {
				if (glob_rec(m, g + 1, t, caps, max_caps,
					     ncap + 1, n_caps)) {
					if (caps && ncap < max_caps) {
						caps[ncap][0] = (size_t)(s - s0);
						caps[ncap][1] = (size_t)(t - s0);
					}
					return 1;
				}
				if (t == s)
					return glob_fail(m, g_in, s_in);
			}
		}
		if (*g == '?') {
			if (!*s || *s == '/')
				return glob_fail(m, g_in, s_in);
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
			return glob_fail(m, g_in, s_in);
		g++;
		s++;
	}
	if (*s)
		return glob_fail(m, g_in, s_in);
	if (n_caps)
		*n_caps = ncap < max_caps ? ncap : max_caps;
	return 1;
}

int config_glob_match(const char *glob, const char *str, size_t (*caps)[2],
		      size_t max_caps, size_t *n_caps)
{
	size_t dummy, g_len = strlen(glob), s_len = strlen(str);
	size_t bytes = ((g_len + 1) * (s_len + 1) + 7) / 8;
	unsigned char small[512];
	struct glob_memo m = { glob, str, s_len, small };
	int hit;

	if (bytes > sizeof(small))
		m.failed = xcalloc(bytes, 1);
	else
		memset(small, 0, bytes);
	hit = glob_rec(&m, glob, str, caps, max_caps, 0,
		       n_caps ? n_caps : &dummy);
	if (m.failed != small)
		free(m.failed);
	return hit;
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
	unsigned flags;
	struct config **loaded;
	size_t n_loaded, alloc_loaded;
	struct cache_dir *dirs;
	size_t n_dirs, alloc_dirs;
};

enum mt_err config_cache_new(const char *fixed, int none, unsigned flags,
			     struct config_cache **out,
			     struct config_errors *errs, struct mt_error *err)
{
	struct config_cache *cc = xcalloc(1, sizeof(*cc));
	enum mt_err rc;

	*out = NULL;
	cc->none = none;
	cc->flags = flags;
	if (fixed && !none) {
		rc = load_with(fixed, flags, &cc->fixed, errs, err);
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
			      const struct config **cfg,
			      struct config_errors *errs, struct mt_error *err)
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
		/* named as the user would: relative to the working directory
		 * when below it, like the inputs */
		char *shown = mt_path_relative(".", probe.buf);

		rc = load_with(shown && *shown ? shown : probe.buf, cc->flags,
			       &c, errs, err);
		free(shown);
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

		rc = lookup_dir(cc, parent, cfg, errs, err);
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
				struct config_errors *errs,
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
	rc = lookup_dir(cc, dir, cfg, errs, err);
	free(dir);
	free(abs);
	return rc;
}
