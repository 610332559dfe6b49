/*
 * atomicfile: replace a file's contents so that, whatever happens, the
 * file holds either all of its old bytes or all of its new ones -- and
 * stays the same file to everyone else.
 *
 * The new bytes go to a temporary file in the same directory (so the final
 * rename(2) cannot cross file systems), which is written completely,
 * given the old file's permission bits, ACLs (libacl's perm_copy_fd),
 * extended attributes (libattr's attr_copy_fd) and owner, fsync'd, then
 * renamed over the target; the directory is fsync'd last.  A symbolic
 * link is followed: the file it points at is replaced, the link stays.  On
 * any failure the temporary file is removed and the target is untouched.
 *
 * What a rename cannot keep is refused rather than lost:
 *   - a setuid or setgid file, or one that is not a regular file, is never
 *     rewritten;
 *   - a file with other hard links (a rename would cut them off, leaving
 *     the other names with the old text), or whose owner cannot be kept
 *     (owned by another user), is rewritten only with ATOMICFILE_FORCE,
 *     and then in place: same inode, owner, mode and attributes, but not
 *     atomic (a crash half-way leaves a half-written file);
 *   - a read-only file (no write permission for us) is rewritten only
 *     with ATOMICFILE_FORCE;
 *   - attributes or ACLs that cannot be copied fail the write.
 *
 * Used by --fix (ATOMICFILE_FORCE with --fix-force) and --write-baseline.
 */
#ifndef MT_ATOMICFILE_H
#define MT_ATOMICFILE_H

#include <stddef.h>
#include <sys/types.h>

#include "util/common.h"

enum atomicfile_flag {
	/* rewrite hard-linked, foreign-owned (in place) and read-only
	 * files too */
	ATOMICFILE_FORCE = 1 << 0,
};

/*
 * Write `len` bytes to `path` as above.  When `expect` is not NULL, the
 * file must still hold exactly those `expect_len` bytes just before it is
 * replaced (it is re-read), else nothing is written and the call fails with
 * MT_ERR_IO "'path' changed while being checked".  Fails with MT_ERR_IO and
 * a message naming the file and the reason; a file refused above names
 * what to do ("use --fix-force to ...").
 */
MT_NODISCARD enum mt_err atomicfile_write(const char *path, const void *data,
					  size_t len,
					  const unsigned char *expect,
					  size_t expect_len, unsigned flags,
					  struct mt_error *err);

/*
 * Write data[0..len) to fd: short writes continued, EINTR retried.  0, or
 * -1 with errno (ENOSPC when a write wrote nothing).  Also for appends
 * that are not replacements (grammar/parsestore.c's log).
 */
int atomicfile_write_all(int fd, const void *data, size_t len);

/* For tests: the write(2) used for the new bytes (NULL: write). */
typedef ssize_t (*atomicfile_write_fn)(int fd, const void *buf, size_t n);
void atomicfile_set_write_hook(atomicfile_write_fn fn);

#endif /* MT_ATOMICFILE_H */
