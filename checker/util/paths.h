/*
 * paths: where mtlint finds its data (rules/ and dictionaries/).
 *
 * In order: $MTLINT_DATA_DIR; <exe>/../share/mtlint (an installed tree);
 * <exe>/.. when it holds rules/ (running from the build tree); the
 * directory compiled in as MT_DATADIR.  The result is a static string,
 * valid for the life of the process.
 */
#ifndef MT_PATHS_H
#define MT_PATHS_H

#include <stddef.h>
#include <stdint.h>

const char *mt_data_dir(void);

/*
 * Is `lang` a language tag mtlint can put in a path (dictionary and rule
 * file names): two or three letters, then "_" or "-" parts of letters and
 * digits ("en", "en_US", "en-GB"), at most 16 bytes?  "../x" is not.
 */
int mt_lang_valid(const char *lang);

/* Does path exist (any type)? */
int mt_path_exists(const char *path);

/*
 * Do a and b name the same file: the same device and inode, or, when
 * either does not exist, the same absolute path (mt_path_absolute())?
 */
int mt_same_file(const char *a, const char *b);

/*
 * `path` made absolute against the working directory and normalised
 * lexically ("." and ".." resolved, no symlinks followed: the file need not
 * exist).  A new string (free()), or NULL when the working directory is
 * unknown.  (Added for issue 6.)
 */
char *mt_path_absolute(const char *path);

/*
 * The cache directory for derived data (compiled indexes): $MTLINT_CACHE_DIR,
 * else $XDG_CACHE_HOME/mtlint, else $HOME/.cache/mtlint (each only when
 * set and absolute), created (mode 0755) when missing.  Written to out (cap
 * bytes); returns 0, or -1 when there is none that exists or can be made
 * writable (the caller then keeps what it built in memory).
 */
int mt_cache_dir(char *out, size_t cap);

/*
 * Keeping the cache directory from growing with every dictionary, word
 * list or version change, each of which names a new file (an index is
 * tens of megabytes):
 *
 * mt_cache_used() marks the cache file `path` as in use: its modification
 * time is set to now when it is older than a day (one write a day, not
 * one a run).  mt_cache_prune() removes the files of directory `dir`
 * named `prefix`*`suffix` other than `keep` that no run has used for
 * MT_CACHE_MAX_AGE_DAYS: files another set-up (another project's word
 * lists) uses are kept.  Both ignore every error: the cache is a cache.
 */
#define MT_CACHE_MAX_AGE_DAYS 30
void mt_cache_used(const char *path);
void mt_cache_prune(const char *dir, const char *prefix, const char *suffix,
		    const char *keep);

/*
 * A digest of the running checker's code, for naming caches of what that
 * code derives from data (the lexicon's word classes): a hash of the GNU
 * build ID of the object that holds mtlint (the program, or the shared
 * library it was linked into), which changes with any change of the code.
 * 0, or -1 when the object has no build ID (then such data is not cached).
 */
int mt_build_digest(uint64_t *out);

/* `path` relative to directory `dir` (both made absolute as above), in a
 * new string, or NULL when it lies outside `dir`. */
char *mt_path_relative(const char *dir, const char *path);

/* The directory part of path, as a new string (free()): "a/b.txt" -> "a",
 * "b.txt" -> ".", "/b.txt" -> "/". */
char *mt_path_dir(const char *path);

#endif /* MT_PATHS_H */
