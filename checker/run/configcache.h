/*
 * configcache: the configurations of one run.  For each input it finds the
 * nearest `.mtlint.yml` at or above the input's directory (see config.h
 * for the file itself), loading each file once and remembering every
 * directory on the way, so a run over many files reads each configuration
 * once; or it hands out the one --config file, or none (--no-config).
 *
 * Ownership: the cache owns every config it loaded; the pointers it hands
 * out stay valid until config_cache_free().  Not thread-safe: look
 * configurations up before handing work to threads.
 */
#ifndef MT_CONFIGCACHE_H
#define MT_CONFIGCACHE_H

#include "run/config.h"
#include "util/common.h"
#include "util/yamlfile.h"

/*
 * The cache of configurations for one run.
 *   config_cache_new(fixed, none, flags): `fixed` is a --config file
 *   (loaded once and used for every input) or NULL to search; `none`
 *   (--no-config) uses no configuration at all; `flags` (enum
 *   config_flag) apply to every file loaded.
 * Both functions append a broken file's errors to errs (may be NULL), as
 * config_load().
 */
struct config_cache;

MT_NODISCARD enum mt_err config_cache_new(const char *fixed, int none,
					  unsigned flags,
					  struct config_cache **out,
					  struct yamlfile_errors *errs,
					  struct mt_error *err);
void config_cache_free(struct config_cache *cc);

/*
 * The configuration that applies to `path` (a file, "-" for standard input:
 * searched from the working directory), in *cfg (NULL when none; owned by
 * the cache).  Fails only on a configuration file that cannot be read or
 * parsed.
 */
MT_NODISCARD enum mt_err config_cache_lookup(struct config_cache *cc,
					     const char *path,
					     const struct config **cfg,
					     struct yamlfile_errors *errs,
					     struct mt_error *err);

#endif /* MT_CONFIGCACHE_H */
