/*
 * atomicfile: replace a file's contents so that, whatever happens, the
 * file holds either all of its old bytes or all of its new ones.
 *
 * The new bytes go to a temporary file in the same directory (so the final
 * rename(2) cannot cross file systems), which is written completely,
 * given the old file's permission bits (and owner, when allowed), fsync'd,
 * then renamed over the target; the directory is fsync'd last.  A symbolic
 * link is followed: the file it points at is replaced, the link stays.  On
 * any failure the temporary file is removed and the target is untouched.
 *
 * Used by --fix and --write-baseline.
 */
#ifndef MT_ATOMICFILE_H
#define MT_ATOMICFILE_H

#include <stddef.h>
#include <sys/types.h>

#include "util/common.h"

/*
 * Write `len` bytes to `path` atomically.  When `expect` is not NULL, the
 * file must still hold exactly those `expect_len` bytes just before it is
 * replaced (it is re-read), else nothing is written and the call fails with
 * MT_ERR_IO "'path' changed while being checked".  Fails with MT_ERR_IO and
 * a message naming the file and the system's reason.
 */
MT_NODISCARD enum mt_err atomicfile_write(const char *path, const void *data,
					  size_t len,
					  const unsigned char *expect,
					  size_t expect_len,
					  struct mt_error *err);

/* For tests: the write(2) used for the temporary file (NULL: write). */
typedef ssize_t (*atomicfile_write_fn)(int fd, const void *buf, size_t n);
void atomicfile_set_write_hook(atomicfile_write_fn fn);

/* Read a whole file into a new buffer (free()); NULL and errno on error. */
unsigned char *atomicfile_slurp(const char *path, size_t *len);

#endif /* MT_ATOMICFILE_H */
