/*
 * listfile: line-based data files -- word lists (--words, --reject), the
 * newsroom name and phrase lists, frequency lists.  UTF-8 text, one entry a
 * line; blanks around a line are trimmed, and blank lines and lines that
 * start with '#' are skipped.
 *
 * The whole file is read first, within a size limit (util/limits.h): a
 * file over it, a directory or a device fails with a message naming the
 * file, never as a silently empty or shortened list.
 */
#ifndef MT_LISTFILE_H
#define MT_LISTFILE_H

#include <stddef.h>

#include "util/common.h"

/* Called with each entry (NUL-terminated, the caller may modify it) and its
 * 1-based line number; returning < 0 rejects the line. */
typedef int (*listfile_fn)(void *arg, char *line, size_t lineno);

/*
 * Call fn for each entry of the file at `path`, of at most `limit` bytes.
 * Fails with MT_ERR_IO (cannot open or read it, a directory, a line fn
 * rejects: "FILE:LINE: invalid line"), MT_ERR_TOO_LARGE (over the limit) or
 * MT_ERR_ENCODING (a line that is not UTF-8, or holds a NUL byte), naming
 * `what` ("word list") and the file.  Entries before a failing line have
 * been handed to fn.
 */
MT_NODISCARD enum mt_err listfile_read(const char *path, size_t limit,
				       const char *what, listfile_fn fn,
				       void *arg, struct mt_error *err);

#endif /* MT_LISTFILE_H */
