/*
 * walk: files, directories and globs (see walk.h).
 */
#include "run/walk.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "run/config.h"
#include "text/document.h"
#include "util/wildmatch.h"
#include "util/xalloc.h"

/* Paths are reported as found, without a leading "./" ("./a.txt" and
 * the files of "." are "a.txt"), in every output format. */
static void add(struct walk_list *l, const char *path)
{
	while (path[0] == '.' && path[1] == '/' && path[2]) {
		path += 2;
		while (*path == '/' && path[1])
			path++;
	}
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrdup(path);
}

void walk_list_release(struct walk_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

/* Is `name` one of the prose extensions? */
static int walk_is_prose_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (!dot)
		return 0;
	return !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".text") ||
	       document_kind_of_path(name) == DOCUMENT_MARKDOWN;
}

static char *join(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;
	size_t n = strlen(dir);

	buf_adds(&b, dir);
	if (n && dir[n - 1] != '/')
		buf_addc(&b, '/');
	buf_adds(&b, name);
	return buf_detach(&b, NULL);
}

/*
 * Walk dir in name order.  With `glob` set, every regular file whose path
 * matches it is taken (whatever its extension); otherwise prose files.
 */
static enum mt_err walk_dir(const char *dir, const char *glob,
			    walk_ignore_fn ignore, void *arg,
			    struct walk_list *out, struct mt_error *err,
			    int depth)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	enum mt_err rc = MT_ERR_OK;

	if (n < 0)
		return mt_error(err, MT_ERR_IO, "cannot read directory '%s': %s",
				dir, strerror(errno));
	if (depth > 64) {
		rc = mt_error(err, MT_ERR_IO,
			      "directory '%s' is nested too deeply", dir);
		n = -n; /* free below, walk nothing */
	}
	for (int i = 0; i < (n < 0 ? -n : n); i++) {
		const char *name = names[i]->d_name;
		char *path;
		struct stat st;

		if (n < 0 || rc != MT_ERR_OK || name[0] == '.') {
			free(names[i]);
			continue;
		}
		path = join(dir, name);
		/* stat, not lstat: symlinks to files count; loops are cut by
		 * the depth limit */
		if (stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (!ignore || !ignore(arg, path, 1))
					rc = walk_dir(path, glob, ignore, arg,
						      out, err, depth + 1);
			} else if (S_ISREG(st.st_mode) &&
				   (glob ? wildmatch(glob, path, NULL, 0, NULL)
					 : walk_is_prose_name(name)) &&
				   (!ignore || !ignore(arg, path, 0))) {
				add(out, path);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int has_wild(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

enum mt_err walk_input(const char *input, walk_ignore_fn ignore, void *arg,
		       struct walk_list *out, struct mt_error *err)
{
	struct stat st;
	size_t before = out->n;
	enum mt_err rc = MT_ERR_OK;

	if (!strcmp(input, "-") || (stat(input, &st) == 0 &&
				    !S_ISDIR(st.st_mode))) {
		add(out, input);
		return MT_ERR_OK;
	}
	if (stat(input, &st) == 0)
		return walk_dir(input, NULL, ignore, arg, out, err, 0);
	if (!has_wild(input)) {
		add(out, input); /* loading it reports why it is missing */
		return MT_ERR_OK;
	}
	if (strstr(input, "**")) {
		/* walk from the directory before the first wildcard */
		const char *w = strpbrk(input, "*?[");
		const char *slash = w;
		char *root;

		while (slash > input && slash[-1] != '/')
			slash--;
		root = slash > input ? xstrndup(input, (size_t)(slash - input))
				     : xstrdup(".");
		if (stat(root, &st) == 0 && S_ISDIR(st.st_mode)) {
			/* paths from "." come out as "./x": match likewise */
			char *g = slash > input ? xstrdup(input)
						: join(".", input);

			rc = walk_dir(root, g, ignore, arg, out, err, 0);
			free(g);
		}
		free(root);
	} else {
		glob_t g;
		int grc = glob(input, 0, NULL, &g);

		if (grc == 0) {
			for (size_t i = 0; rc == MT_ERR_OK && i < g.gl_pathc;
			     i++) {
				const char *p = g.gl_pathv[i];

				if (stat(p, &st) != 0)
					continue;
				if (S_ISDIR(st.st_mode)) {
					if (!ignore || !ignore(arg, p, 1))
						rc = walk_dir(p, NULL, ignore,
							      arg, out, err, 0);
				} else if (!ignore || !ignore(arg, p, 0)) {
					add(out, p);
				}
			}
		}
		if (grc != GLOB_NOMATCH)
			globfree(&g);
	}
	if (rc == MT_ERR_OK && out->n == before)
		rc = mt_error(err, MT_ERR_IO, "no files match '%s'", input);
	return rc;
}
