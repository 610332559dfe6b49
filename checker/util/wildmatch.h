/*
 * wildmatch: the glob matcher of `.mtlint.yml` (ignore:, references:) and
 * of command-line inputs with `**` (after Git's wildmatch.c).
 *
 *   *    any run of characters within one path component (no '/')
 *   ?    one character other than '/'
 *   **   any run of characters, '/' included; followed by a '/', it
 *        also matches no directory at all (so `**` then `/a.txt` matches
 *        "a.txt" as well as "x/y/a.txt")
 *   \c   the character c itself
 *
 * Anything else matches itself, byte for byte. Bracket expressions
 * ("[abc]") are not supported: they match literally. libc's fnmatch()
 * and glob() have neither `**` nor captures, which the reference mapping
 * needs (what a star matched in an article's path names its reference).
 *
 * Cost: time and memory grow with glob length x string length (the
 * (glob, string) positions that failed are remembered), never
 * exponentially, however many stars the glob has; recursion depth is
 * bounded by the glob's length, so callers bound the glob's length (a
 * configuration's globs are at most 1024 bytes).
 */
#ifndef MT_WILDMATCH_H
#define MT_WILDMATCH_H

#include <stddef.h>

/*
 * Does the whole of str match glob? 1 or 0. caps (may be NULL) receives
 * up to max_caps captured texts, one per wildcard (`*`, `**` or `?`) in
 * glob order, as [start, end) byte offsets into str; *n_caps (may be NULL)
 * is set to their number on a match.
 */
int wildmatch(const char *glob, const char *str, size_t (*caps)[2],
	      size_t max_caps, size_t *n_caps);

#endif /* MT_WILDMATCH_H */
