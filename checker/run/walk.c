/*
 * walk: files, directories and globs (see walk.h).
 */
#include "run/walk.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdint.h>
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
 * The directories a walk has entered, by device and inode: a directory is
 * walked once, whatever the number of ways to reach it.  Without this, a
 * symbolic link to "." or to a parent loops (two such links make the walk
 * exponential), and two links to one directory check its files twice.
 */
struct seen {
	struct { dev_t dev; ino_t ino; } *v; /* open addressing; ino 0 free */
	size_t n, cap;
};

static size_t seen_slot(const struct seen *s, dev_t dev, ino_t ino)
{
	uint64_t h = ((uint64_t)dev * 0x9E3779B97F4A7C15ull) ^ (uint64_t)ino;
	size_t i = (size_t)(h * 0xBF58476D1CE4E5B9ull >> 7) & (s->cap - 1);

	while (s->v[i].ino && !(s->v[i].dev == dev && s->v[i].ino == ino))
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Record st's directory; 0 when it was already there. */
static int seen_add(struct seen *s, const struct stat *st)
{
	size_t i;

	if (!st->st_ino)
		return 1; /* no identity to compare: trust the depth limit */
	if ((s->n + 1) * 2 > s->cap) {
		struct seen bigger = { NULL, 0, s->cap ? s->cap * 2 : 64 };

		bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
		for (size_t k = 0; k < s->cap; k++)
			if (s->v[k].ino)
				bigger.v[seen_slot(&bigger, s->v[k].dev,
						   s->v[k].ino)] = s->v[k];
		bigger.n = s->n;
		free(s->v);
		*s = bigger;
	}
	i = seen_slot(s, st->st_dev, st->st_ino);
	if (s->v[i].ino)
		return 0;
	s->v[i].dev = st->st_dev;
	s->v[i].ino = st->st_ino;
	s->n++;
	return 1;
}

struct walker {
	const char *glob; /* NULL: prose files */
	walk_ignore_fn ignore;
	void *arg;
	struct walk_list *out;
	struct mt_error *err;
	struct seen seen;
};

/*
 * Walk dir in name order.  With `glob` set, every regular file whose path
 * matches it is taken (whatever its extension); otherwise prose files.
 * Only regular files are taken: a named pipe would block the run for
 * ever, a device (/dev/zero) never ends.
 */
static enum mt_err walk_dir(struct walker *w, const char *dir, int depth)
{
	struct dirent **names;
	struct stat st;
	int n;
	enum mt_err rc = MT_ERR_OK;

	if (stat(dir, &st) == 0 && !seen_add(&w->seen, &st))
		return MT_ERR_OK; /* walked already: a link loop or a twin */
	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0)
		return mt_error(w->err, MT_ERR_IO,
				"cannot read directory '%s': %s", dir,
				strerror(errno));
	if (depth > 64) {
		rc = mt_error(w->err, MT_ERR_IO,
			      "directory '%s' is nested too deeply", dir);
		n = -n; /* free below, walk nothing */
	}
	for (int i = 0; i < (n < 0 ? -n : n); i++) {
		const char *name = names[i]->d_name;
		char *path;

		if (n < 0 || rc != MT_ERR_OK || name[0] == '.') {
			free(names[i]);
			continue;
		}
		path = join(dir, name);
		/* stat, not lstat: symlinks to files and directories count;
		 * loops are cut by `seen` */
		if (stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (!w->ignore || !w->ignore(w->arg, path, 1))
					rc = walk_dir(w, path, depth + 1);
			} else if (S_ISREG(st.st_mode) &&
				   (w->glob ? wildmatch(w->glob, path,
								NULL, 0, NULL)
					    : walk_is_prose_name(name)) &&
				   (!w->ignore || !w->ignore(w->arg, path, 0))) {
				add(w->out, path);
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
	struct walker w = { NULL, ignore, arg, out, err, { NULL, 0, 0 } };

	if (!strcmp(input, "-") || (stat(input, &st) == 0 &&
				    !S_ISDIR(st.st_mode))) {
		add(out, input);
		return MT_ERR_OK;
	}
	if (stat(input, &st) == 0) {
		rc = walk_dir(&w, input, 0);
		free(w.seen.v);
		return rc;
	}
	if (!has_wild(input)) {
		add(out, input); /* loading it reports why it is missing */
		return MT_ERR_OK;
	}
	if (strstr(input, "**")) {
		/* walk from the directory before the first wildcard */
		const char *slash = strpbrk(input, "*?[");
		char *root;

		while (slash > input && slash[-1] != '/')
			slash--;
		root = slash > input ? xstrndup(input, (size_t)(slash - input))
				     : xstrdup(".");
		if (stat(root, &st) == 0 && S_ISDIR(st.st_mode)) {
			/* paths from "." come out as "./x": match likewise */
			char *g = slash > input ? xstrdup(input)
						: join(".", input);

			w.glob = g;
			rc = walk_dir(&w, root, 0);
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
						rc = walk_dir(&w, p, 0);
				} else if (S_ISREG(st.st_mode) &&
					   (!ignore || !ignore(arg, p, 0))) {
					/* not a pipe or a device: a glob
					 * must not block on a FIFO */
					add(out, p);
				}
			}
		}
		if (grc != GLOB_NOMATCH)
			globfree(&g);
	}
	free(w.seen.v);
	if (rc == MT_ERR_OK && out->n == before)
		rc = mt_error(err, MT_ERR_IO, "no files match '%s'", input);
	return rc;
}
