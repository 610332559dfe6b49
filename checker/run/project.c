/*
 * project: accept a word, disable a rule -- edits of a project's word list
 * and `.mtlint.yml` as text, checked by parsing before they are written
 * (see project.h).
 */
#include "run/project.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/atomicfile.h"
#include "util/buf.h"
#include "util/limits.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* dir/name, or name when dir is NULL or empty. */
static char *join(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	if (dir && *dir)
		buf_addf(&b, "%s/", dir);
	buf_adds(&b, name);
	return buf_detach(&b, NULL);
}

/* The file's bytes (at most `limit`) as a NUL-terminated buffer; a
 * missing file is empty. */
static enum mt_err read_text(const char *path, size_t limit, struct buf *out,
			     struct mt_error *err)
{
	int r;

	buf_init(out);
	r = buf_read_file(out, path, limit);
	if (r == 0)
		return MT_ERR_OK;
	buf_reset(out);
	if (r == -2)
		return mt_error(err, MT_ERR_TOO_LARGE,
				"'%s' is over the limit of %zu bytes", path,
				limit);
	if (errno == ENOENT)
		return MT_ERR_OK;
	return mt_error(err, MT_ERR_IO, "cannot read '%s': %s", path,
			strerror(errno));
}

/* The line of `s` starting at `p`: its length without the line end. */
static size_t line_len(const char *p)
{
	return strcspn(p, "\r\n");
}

/* Past the line end at p (LF, CRLF or CR). */
static const char *next_line(const char *p)
{
	p += line_len(p);
	if (*p == '\r' && p[1] == '\n')
		return p + 2;
	return *p ? p + 1 : p;
}

/* Does the line at p hold the key `key:` at column 0, and what follows? */
static const char *key_line(const char *p, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(p, key, n) || p[n] != ':')
		return NULL;
	p += n + 1;
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static int line_is_empty_value(const char *v)
{
	return *v == '\0' || *v == '\r' || *v == '\n' || *v == '#';
}

/* Parse `text` as the configuration at `path`; MT_ERR_CONFIG naming the
 * first mistake when it does not parse. */
static enum mt_err parse_new(const char *path, const struct buf *text,
			     struct config **out, struct mt_error *err)
{
	struct yamlfile_errors errs = { 0 };
	enum mt_err rc = config_parse(path, text->buf, text->len, out, &errs,
				      err);

	yamlfile_errors_release(&errs);
	if (rc != MT_ERR_OK)
		return mt_error(err, MT_ERR_CONFIG,
				"the edit would break '%s': %s", path,
				err->msg);
	return MT_ERR_OK;
}

/* --- word lists ---------------------------------------------------------- */

static int word_ok(const char *w)
{
	size_t n = strlen(w);

	return n && n < 256 && !strpbrk(w, "\r\n") && w[0] != '#' &&
	       w[0] != ' ' && w[0] != '\t' && w[n - 1] != ' ' &&
	       w[n - 1] != '\t';
}

/* The first field of a word-list line ("word model" lists the model). */
static size_t field_len(const char *p)
{
	size_t n = line_len(p), k = strcspn(p, " \t");

	return k < n ? k : n;
}

/*
 * The list with `word` added: before the first word line that sorts after
 * it (byte order), so a sorted list stays sorted and nothing else moves;
 * leading comments stay on top.  *added is 0 when the word is there.
 */
static void add_to_list(const char *old, const char *word, struct buf *out,
			int *added)
{
	const char *p = old, *at = NULL;
	size_t wl = strlen(word);

	*added = 1;
	for (; *p; p = next_line(p)) {
		const char *s = p;
		size_t n;

		while (*s == ' ' || *s == '\t')
			s++;
		n = field_len(s);
		if (!n || *s == '#')
			continue;
		if (n == wl && !memcmp(s, word, wl)) {
			*added = 0;
			buf_adds(out, old);
			return;
		}
		if (!at) {
			int c = memcmp(s, word, n < wl ? n : wl);

			if (c > 0 || (c == 0 && n > wl))
				at = p;
		}
	}
	if (!at)
		at = p; /* the end */
	buf_add(out, old, (size_t)(at - old));
	if (at > old && at[-1] != '\n' && at[-1] != '\r')
		buf_addc(out, '\n');
	buf_addf(out, "%s\n", word);
	buf_adds(out, at);
}

static enum mt_err write_buf(const char *path, const struct buf *b,
			     struct mt_error *err)
{
	return atomicfile_write(path, b->buf, b->len, NULL, 0, 0, err);
}

/* Add `accept: [PROJECT_WORDS_FILE]` to the configuration text. */
static void add_accept_key(const char *old, struct buf *out)
{
	const char *p;

	for (p = old; *p; p = next_line(p)) {
		const char *v = key_line(p, "accept");

		/* "accept: []" or "accept:" with nothing: fill it in */
		if (v && (line_is_empty_value(v) || !strncmp(v, "[]", 2))) {
			buf_add(out, old, (size_t)(p - old));
			buf_adds(out, "accept: [" PROJECT_WORDS_FILE "]\n");
			buf_adds(out, next_line(p));
			return;
		}
	}
	buf_adds(out, old);
	if (out->len && out->buf[out->len - 1] != '\n')
		buf_addc(out, '\n');
	buf_adds(out, "accept: [" PROJECT_WORDS_FILE "]\n");
}

enum mt_err project_accept_word(const struct config *cfg, const char *dir,
				const char *word, char **changed,
				struct mt_error *err)
{
	char *cfg_path = cfg ? xstrdup(cfg->path)
			     : join(dir, CONFIG_FILE_NAME);
	char *list = NULL;
	struct buf old_list, new_list = BUF_INIT, old_cfg = BUF_INIT,
				 new_cfg = BUF_INIT;
	struct config *parsed = NULL;
	int added;
	enum mt_err rc;

	buf_init(&old_list);
	if (changed)
		*changed = NULL;
	if (!word_ok(word)) {
		rc = mt_error(err, MT_ERR_CONFIG,
			      "'%s' cannot be a line of a word list", word);
		goto out;
	}
	if (cfg && cfg->n_accept) {
		list = xstrdup(cfg->accept[0]);
	} else {
		char *d = mt_path_dir(cfg_path);

		list = join(d, PROJECT_WORDS_FILE);
		free(d);
		rc = read_text(cfg_path, MT_LIMIT_CONFIG, &old_cfg, err);
		if (rc != MT_ERR_OK)
			goto out;
		add_accept_key(old_cfg.buf, &new_cfg);
		rc = parse_new(cfg_path, &new_cfg, &parsed, err);
		if (rc != MT_ERR_OK)
			goto out;
		if (!parsed->n_accept) {
			rc = mt_error(err, MT_ERR_CONFIG,
				      "cannot add an accept list to '%s'",
				      cfg_path);
			goto out;
		}
	}
	rc = read_text(list, MT_LIMIT_WORD_LIST, &old_list, err);
	if (rc != MT_ERR_OK)
		goto out;
	add_to_list(old_list.buf, word, &new_list, &added);
	if (added)
		rc = write_buf(list, &new_list, err);
	if (rc == MT_ERR_OK && new_cfg.len)
		rc = write_buf(cfg_path, &new_cfg, err);
	if (rc == MT_ERR_OK && changed) {
		*changed = list;
		list = NULL;
	}
out:
	config_free(parsed);
	buf_release(&old_list);
	buf_release(&new_list);
	buf_release(&old_cfg);
	buf_release(&new_cfg);
	free(list);
	free(cfg_path);
	return rc;
}

/* --- rules ---------------------------------------------------------------- */

/* The entry's key at p (after indentation), quoted or not, is `rule`? */
static int entry_is(const char *p, const char *rule)
{
	size_t n = strlen(rule);

	if ((*p == '"' || *p == '\'') && !strncmp(p + 1, rule, n) &&
	    p[n + 1] == *p)
		p += n + 2;
	else if (!strncmp(p, rule, n))
		p += n;
	else
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == ':';
}

/*
 * The configuration text with `rule: off` under `rules:` (see project.h).
 * Fails with MT_ERR_CONFIG when `rules:` is written in flow style.
 */
static enum mt_err set_rule_off(const char *path, const char *old,
				const char *rule, struct buf *out,
				struct mt_error *err)
{
	const char *p, *v = NULL;

	for (p = old; *p; p = next_line(p)) {
		v = key_line(p, "rules");
		if (v)
			break;
	}
	if (!v) {
		buf_adds(out, old);
		if (out->len && out->buf[out->len - 1] != '\n')
			buf_addc(out, '\n');
		buf_addf(out, "rules:\n  %s: off\n", rule);
		return MT_ERR_OK;
	}
	if (!line_is_empty_value(v))
		return mt_error(err, MT_ERR_CONFIG,
				"'%s' writes rules: on one line; add '%s: off' "
				"to it by hand",
				path, rule);
	{
		const char *rules_line = p, *q, *first = NULL;
		int indent = 2;

		for (q = next_line(rules_line); *q; q = next_line(q)) {
			const char *s = q;

			while (*s == ' ' || *s == '\t')
				s++;
			if (s == q && line_len(q))
				break; /* the next key at column 0 */
			if (!line_len(s) || *s == '#')
				continue;
			if (!first) {
				first = q;
				indent = (int)(s - q);
			}
			if (entry_is(s, rule)) {
				buf_add(out, old, (size_t)(q - old));
				buf_addf(out, "%.*s%s: off\n", (int)(s - q), q,
					 rule);
				buf_adds(out, next_line(q));
				return MT_ERR_OK;
			}
		}
		q = next_line(rules_line);
		buf_add(out, old, (size_t)(q - old));
		if (q > old && q[-1] != '\n' && q[-1] != '\r')
			buf_addc(out, '\n');
		buf_addf(out, "%*s%s: off\n", indent, "", rule);
		buf_adds(out, q);
	}
	return MT_ERR_OK;
}

enum mt_err project_disable_rule(const struct config *cfg, const char *dir,
				 const char *rule, char **changed,
				 struct mt_error *err)
{
	char *path = cfg ? xstrdup(cfg->path) : join(dir, CONFIG_FILE_NAME);
	struct buf old, new = BUF_INIT;
	struct config *parsed = NULL;
	enum mt_err rc;
	int off = 0;

	if (changed)
		*changed = NULL;
	rc = read_text(path, MT_LIMIT_CONFIG, &old, err);
	if (rc == MT_ERR_OK && (!*rule || strpbrk(rule, " \t\r\n:#'\"{}[],")))
		rc = mt_error(err, MT_ERR_CONFIG, "'%s' is not a rule name",
			      rule);
	if (rc == MT_ERR_OK)
		rc = set_rule_off(path, old.buf, rule, &new, err);
	if (rc == MT_ERR_OK)
		rc = parse_new(path, &new, &parsed, err);
	for (size_t i = 0; rc == MT_ERR_OK && i < parsed->n_rules; i++)
		if (!strcmp(parsed->rules[i].name, rule))
			off = !parsed->rules[i].enable;
	if (rc == MT_ERR_OK && !off)
		rc = mt_error(err, MT_ERR_CONFIG,
			      "cannot switch '%s' off in '%s'", rule, path);
	if (rc == MT_ERR_OK)
		rc = write_buf(path, &new, err);
	if (rc == MT_ERR_OK && changed) {
		*changed = path;
		path = NULL;
	}
	config_free(parsed);
	buf_release(&old);
	buf_release(&new);
	free(path);
	return rc;
}
