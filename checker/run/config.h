/*
 * config: the project configuration file, `.mtlint.yml` (issue 6).
 *
 * A configuration applies to the files under the directory that holds it.
 * For each input, mtlint uses the nearest `.mtlint.yml` found by searching
 * upward from the input's directory (configcache.h), or the one
 * file given with --config, or none with --no-config.  Keys (all optional):
 *
 *   language: en_GB                  # language and dialect
 *   input: auto | text | markdown    # how to read inputs (auto: extension)
 *   accept: [words/ours.txt]         # extra accepted words (word lists)
 *   reject: [words/banned.txt]       # words to flag, 'bad -> good'
 *   dictionary-path: dicts           # extra Hunspell dictionary directory
 *   rules:                           # rule id, id prefix or category
 *     grammar.repeated-word: warning #   error | warning | info: severity
 *     fluency/spelling: off          #   on | off
 *   references:                      # article glob -> reference pattern
 *     "articles/(star).txt": "references/(star).txt"   (see below)
 *   fail-on: error                   # error | warning | info | never
 *   max-warnings: 10                 # exit 1 above this many warnings
 *   ignore: ["drafts/", "(star).bak.txt", "old/(star)(star)"]
 *   packs: [styleguide/house]        # house-style rule folders (packs.h)
 *   names: [Kwarteleigh, Tamsworthy] # house spellings of names, inline
 *   extends: ../.mtlint.yml          # a base configuration, see below
 *
 * ("(star)" stands for an asterisk, which a C comment cannot hold after a
 * slash.)  Relative paths and globs are relative to the file's directory.  Globs:
 * `*` and `?` stay within one path component, `**` crosses components; a
 * glob without a '/' matches a file or directory name at any depth.  In a
 * reference mapping, each `*` or `**` of the target takes the text the
 * corresponding one of the source matched.
 *
 * `extends:` names a base configuration (relative to this file's folder),
 * loaded first by config_load(); this file's settings then go over it
 * (config_inherit()): its scalars win, its lists (accept, reject, ignore,
 * packs, names) follow the base's, its `rules:` replace the base's rows of
 * the same name and its `references:` are tried before the base's.  A
 * chain deeper than CONFIG_MAX_EXTENDS (a cycle) is an error.
 *
 * Errors: unknown keys, keys set twice, values of the wrong type and bad
 * values fail with MT_ERR_CONFIG.  Parsing goes on after each, so every
 * mistake of the file is collected in a struct yamlfile_errors, each with
 * its position (the offending key or value) and the source line to quote;
 * a YAML syntax error or a byte that is not UTF-8 (or a NUL) stops libyaml
 * and is the one error.  err->msg holds only the first, as
 * "FILE:LINE:COL: message (and N more)"; print the list with
 * yamlfile_errors_print() (util/yamlfile.h).
 *
 * Ownership: a struct config owns all its strings; config_free() frees it.
 * A config_cache owns every config it loaded.  Neither is thread-safe:
 * look configurations up before handing work to threads.
 */
#ifndef MT_CONFIG_H
#define MT_CONFIG_H

#include <stddef.h>

#include "util/common.h"
#include "util/yamlfile.h"

#define CONFIG_FILE_NAME ".mtlint.yml"

enum config_input {
	CONFIG_INPUT_AUTO = 0, /* Markdown by extension, else text */
	CONFIG_INPUT_TEXT,
	CONFIG_INPUT_MARKDOWN,
};

/* One row of `rules:`. */
struct config_rule {
	char *name;		   /* rule id, id prefix or category */
	int enable;		   /* 1 on, 0 off */
	enum mt_severity severity; /* MT_SEV_NONE: not overridden */
};

struct config_ref_map {
	char *from, *to; /* globs, relative to the config's directory */
};

struct config {
	char *path; /* the file, as found */
	char *dir;  /* its directory */
	char *root; /* the project root (below); NULL until needed */
	char *lang; /* NULL: not set */
	enum config_input input;
	char **accept, **reject; /* paths resolved against dir */
	size_t n_accept, n_reject;
	char *dict_path;
	struct config_rule *rules;
	size_t n_rules;
	struct config_ref_map *refs;
	size_t n_refs;
	int has_fail_on;
	enum mt_severity fail_on;
	long max_warnings; /* -1: not set */
	char **ignore;
	size_t n_ignore;
	char **packs; /* folders, resolved against dir */
	size_t n_packs;
	char **names; /* single words ("Ursula von der Leyen": four) */
	size_t n_names;
	char *extends; /* the base's path, resolved against dir; NULL none */
};

#define CONFIG_MAX_EXTENDS 8

/*
 * The project root.  Every path the file names -- accept, reject,
 * dictionary-path, the targets of references -- must lie inside it, after
 * symbolic links are resolved: it is the nearest directory at or above the
 * file's own that holds ".git" (the git work tree), else the file's own
 * directory.  A path outside is an error at its position ("'../secrets'
 * lies outside the project root '/src/site' (allow it with
 * --allow-outside-root)"), unless the caller allows it.  Configuration
 * files come with pull requests: without this a change to .mtlint.yml
 * could make CI read any file and quote it in a log as evidence.
 */
enum config_flag {
	CONFIG_ALLOW_OUTSIDE_ROOT = 1 << 0,
};

/*
 * Parse the file at `path` (paths kept inside the project root unless
 * `flags`, enum config_flag, allow more), then its `extends:`.  On
 * success *out owns a new config.  On MT_ERR_CONFIG, the errors are
 * appended to errs (may be NULL); other failures (MT_ERR_IO,
 * MT_ERR_TOO_LARGE over MT_LIMIT_CONFIG) add nothing to it.
 */
MT_NODISCARD enum mt_err config_load(const char *path, unsigned flags,
				     struct config **out,
				     struct yamlfile_errors *errs,
				     struct mt_error *err);

/*
 * Merge `base` into cfg: cfg keeps what it sets, takes the rest from base
 * (see `extends:` above).  base is left empty (its strings move to cfg);
 * free it with config_free().
 */
void config_inherit(struct config *cfg, struct config *base);

/* Parse from memory; `path` names the file in messages and sets dir.
 * `extends:` is recorded, not followed (config_load() follows it).
 * Fails as config_load(). */
MT_NODISCARD enum mt_err config_parse(const char *path, const char *text,
				      size_t len, struct config **out,
				      struct yamlfile_errors *errs,
				      struct mt_error *err);

/*
 * Does `path` (relative to the working directory, or absolute) lie in the
 * project root of cfg, as the system would open it (symbolic links
 * followed)?  A path whose part that does not exist yet holds ".." does
 * not.
 */
int config_inside_root(const struct config *cfg, const char *path);

void config_free(struct config *cfg);

/*
 * Is `path` (a file or, with is_dir, a directory) excluded by the config's
 * ignore globs?  `path` may be relative to the working directory; it is
 * matched relative to the config's directory.  0 when it lies outside.
 */
int config_ignored(const struct config *cfg, const char *path, int is_dir);

/*
 * The reference article the config maps `path` to: a new string (free()),
 * or NULL when no mapping matches.  The result is not checked for
 * existence.
 */
char *config_reference(const struct config *cfg, const char *path);

/* The cache that finds each input's configuration: configcache.h. */

#endif /* MT_CONFIG_H */
