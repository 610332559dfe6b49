/*
 * walk: turn command-line inputs into the list of files to check.
 *
 * An input is
 *   - "-" (standard input) or an existing file: itself, as given (an
 *     explicitly named file is checked even if an ignore glob matches it);
 *   - a directory: every prose file below it (.txt, .text and the
 *     Markdown extensions of document_kind_of_path()), recursively, in
 *     name order, skipping
 *     hidden files and directories (".git", ".mtlint.yml"...) and whatever
 *     the ignore callback rejects (directories are pruned whole).
 *     Symbolic links are followed, but each directory (device and inode)
 *     is walked once: a link to "." or to a parent ends the loop, a second
 *     link to a directory adds nothing;
 *   - otherwise, a glob: `*`, `?` and `[...]` as in the shell (glob(3)),
 *     and `**` for any number of directories; matches go through the
 *     ignore callback, directories matched are walked as above.  A glob
 *     that matches nothing is an error (MT_ERR_IO, naming it).
 * Directories and globs give regular files only: a named pipe would block
 * the run, a device (/dev/zero) never ends.  Named explicitly, either is
 * read as the user asked (`mtlint <(cmd)`).
 * A path that is neither is passed through, so that loading it reports
 * the real error ("cannot open ...").  Paths lose a leading "./": the
 * files of "." and "./a.txt" are reported as "a.txt".
 *
 * Ownership: the list owns its strings; walk_list_release() frees them.
 */
#ifndef MT_WALK_H
#define MT_WALK_H

#include <stddef.h>

#include "util/common.h"

struct walk_list {
	char **v;
	size_t n, alloc;
};

/* Should `path` (a directory when is_dir) be skipped?  Non-zero: skip. */
typedef int (*walk_ignore_fn)(void *arg, const char *path, int is_dir);

MT_NODISCARD enum mt_err walk_input(const char *input, walk_ignore_fn ignore,
				    void *arg, struct walk_list *out,
				    struct mt_error *err);

void walk_list_release(struct walk_list *l);

#endif /* MT_WALK_H */
