/*
 * configcache: the configurations of one run (see configcache.h): the
 * nearest `.mtlint.yml` above each input, each file loaded once.
 */
#include "run/configcache.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/paths.h"
#include "util/xalloc.h"

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
			     struct yamlfile_errors *errs, struct mt_error *err)
{
	struct config_cache *cc = xcalloc(1, sizeof(*cc));
	enum mt_err rc;

	*out = NULL;
	cc->none = none;
	cc->flags = flags;
	if (fixed && !none) {
		rc = config_load(fixed, flags, &cc->fixed, errs, err);
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
			      struct yamlfile_errors *errs,
			      struct mt_error *err)
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

		rc = config_load(shown && *shown ? shown : probe.buf, cc->flags,
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
		char *parent = mt_path_dir(dir);

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
				struct yamlfile_errors *errs,
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
	dir = mt_path_dir(abs);
	rc = lookup_dir(cc, dir, cfg, errs, err);
	free(dir);
	free(abs);
	return rc;
}
