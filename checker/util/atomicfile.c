/*
 * atomicfile: temp file, fsync, rename; or, forced, in place (see
 * atomicfile.h).  The only user of libacl and libattr.
 */
#include "util/atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <acl/libacl.h>
#include <attr/error_context.h>
#include <attr/libattr.h>

#include "util/buf.h"
#include "util/xalloc.h"

static atomicfile_write_fn write_hook;

void atomicfile_set_write_hook(atomicfile_write_fn fn)
{
	write_hook = fn;
}

int atomicfile_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write_hook ? write_hook(fd, p, len)
				       : write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Does the open file still hold exactly expect[0..len)? */
static int still_holds(int fd, const unsigned char *expect, size_t len)
{
	struct buf now = BUF_INIT;
	int same;

	same = lseek(fd, 0, SEEK_SET) == 0 && buf_read_fd(&now, fd, len) == 0 &&
	       now.len == len && !memcmp(now.buf, expect, len);
	buf_release(&now);
	return same;
}

/* libacl and libattr report through an error_context: keep the first. */
struct copy_errors {
	struct error_context ctx; /* first: the libraries get its address */
	char msg[512];
};

static void copy_error(struct error_context *ctx, const char *fmt, ...)
{
	struct copy_errors *ce = (struct copy_errors *)ctx;
	va_list ap;

	if (ce->msg[0])
		return;
	va_start(ap, fmt);
	vsnprintf(ce->msg, sizeof(ce->msg), fmt, ap);
	va_end(ap);
}

/*
 * Give the temporary file everything of the old one that a rename would
 * lose: permission bits and ACLs, extended attributes, owner.  Returns
 * MT_ERR_OK; MT_ERR_IO when one cannot be kept, *owner_lost set when only
 * the owner could not (the caller may write in place instead).
 */
static enum mt_err copy_identity(const char *path, int src, const char *tmp,
				 int dst, const struct stat *st,
				 int *owner_lost, struct mt_error *err)
{
	struct copy_errors ce = { { copy_error, NULL, NULL }, "" };

	*owner_lost = 0;
	/* our own file with a group we are in: allowed; another user's
	 * needs privileges we usually lack */
	if (fchown(dst, st->st_uid, st->st_gid) < 0) {
		*owner_lost = 1;
		return mt_error(err, MT_ERR_IO, "cannot keep the owner of '%s'",
				path);
	}
	if (perm_copy_fd(path, src, tmp, dst, &ce.ctx) != 0)
		return mt_error(err, MT_ERR_IO,
				"cannot keep the permissions and ACLs of '%s': "
				"%s",
				path, ce.msg[0] ? ce.msg : strerror(errno));
	if (attr_copy_fd(path, src, tmp, dst, NULL, &ce.ctx) != 0)
		return mt_error(err, MT_ERR_IO,
				"cannot keep the extended attributes of '%s': "
				"%s",
				path, ce.msg[0] ? ce.msg : strerror(errno));
	return MT_ERR_OK;
}

/* The forced rewrite of a file whose identity a rename would change:
 * same inode, written over. */
static enum mt_err write_in_place(const char *path, const char *target,
				  const void *data, size_t len,
				  const unsigned char *expect,
				  size_t expect_len, struct mt_error *err)
{
	int fd = open(target, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	enum mt_err rc = MT_ERR_OK;

	if (fd < 0)
		return mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
				strerror(errno));
	if (expect && !still_holds(fd, expect, expect_len))
		rc = mt_error(err, MT_ERR_IO,
			      "'%s' changed while being checked; not modified",
			      path);
	else if (lseek(fd, 0, SEEK_SET) != 0 ||
		 atomicfile_write_all(fd, data, len) < 0 ||
		 ftruncate(fd, (off_t)len) < 0 || fsync(fd) < 0)
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s' in place: %s",
			      path, strerror(errno));
	if (close(fd) < 0 && rc == MT_ERR_OK)
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
	return rc;
}

/*
 * What may be done to the existing file `st`: 0 rename, 1 in place, or an
 * error.  Kept apart so the rules read in one place.
 */
static enum mt_err decide(const char *path, const char *target,
			  const struct stat *st, unsigned flags, int *in_place,
			  struct mt_error *err)
{
	int force = (flags & ATOMICFILE_FORCE) != 0;

	*in_place = 0;
	if (!S_ISREG(st->st_mode))
		return mt_error(err, MT_ERR_IO,
				"'%s' is not a regular file; not modified",
				path);
	if (st->st_mode & (S_ISUID | S_ISGID))
		return mt_error(err, MT_ERR_IO,
				"'%s' is setuid or setgid; not modified", path);
	if (st->st_nlink > 1) {
		if (!force)
			return mt_error(err, MT_ERR_IO,
					"'%s' has %lu hard links: a new file "
					"would split them; not modified (use "
					"--fix-force to write it in place)",
					path, (unsigned long)st->st_nlink);
		*in_place = 1;
	}
	/* no write bit at all is read-only even to root, who may write
	 * anything */
	if (((st->st_mode & 0222) == 0 || access(target, W_OK) != 0) && !force)
		return mt_error(err, MT_ERR_IO,
				"'%s' is read-only; not modified (use "
				"--fix-force to rewrite it)",
				path);
	return MT_ERR_OK;
}

/* Make the rename durable: fsync the directory that holds target. */
static void sync_dir(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? xstrndup(target, (size_t)(slash - target) + 1)
			  : xstrdup(".");
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	free(dir);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
}

/*
 * The steps, in order: look at the old file and decide (refuse, rename or
 * in place); write the temporary file and give it the old file's
 * identity; check the old file did not change; rename.  Over 120 lines
 * with its error paths, but one sequence.
 */
enum mt_err atomicfile_write(const char *path, const void *data, size_t len,
			     const unsigned char *expect, size_t expect_len,
			     unsigned flags, struct mt_error *err)
{
	char real[PATH_MAX];
	const char *target = path, *slash;
	struct buf tmp = BUF_INIT;
	struct stat st;
	int src, fd = -1, in_place = 0, owner_lost = 0;
	enum mt_err rc = MT_ERR_OK;

	/* follow a symbolic link: replace the file, keep the link */
	if (realpath(path, real))
		target = real;
	src = open(target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (src >= 0 && fstat(src, &st) == 0)
		rc = decide(path, target, &st, flags, &in_place, err);
	else if (src >= 0 || errno != ENOENT)
		rc = mt_error(err, MT_ERR_IO, "cannot read '%s': %s", path,
			      strerror(errno));
	if (rc != MT_ERR_OK)
		goto out;
	if (in_place) {
		rc = write_in_place(path, target, data, len, expect, expect_len,
				    err);
		goto out;
	}
	slash = strrchr(target, '/');
	if (slash)
		buf_add(&tmp, target, (size_t)(slash - target) + 1);
	buf_addf(&tmp, ".%s.mtlint-XXXXXX", slash ? slash + 1 : target);
	fd = mkostemp(tmp.buf, O_CLOEXEC);
	if (fd < 0) {
		rc = mt_error(err, MT_ERR_IO,
			      "cannot write '%s': cannot create a temporary "
			      "file next to it: %s",
			      path, strerror(errno));
		buf_release(&tmp);
		goto out;
	}
	if (atomicfile_write_all(fd, data, len) < 0) {
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
		goto fail;
	}
	if (src >= 0) {
		rc = copy_identity(path, src, tmp.buf, fd, &st, &owner_lost,
				   err);
		if (rc != MT_ERR_OK && owner_lost &&
		    (flags & ATOMICFILE_FORCE)) {
			/* forced: another user's file is written in place */
			close(fd);
			unlink(tmp.buf);
			buf_release(&tmp);
			rc = write_in_place(path, target, data, len, expect,
					    expect_len, err);
			goto out;
		}
		if (rc != MT_ERR_OK) {
			if (owner_lost)
				rc = mt_error(err, MT_ERR_IO,
					      "cannot keep the owner of '%s'; "
					      "not modified (use --fix-force "
					      "to write it in place)",
					      path);
			goto fail;
		}
	} else {
		mode_t um = umask(0);

		umask(um);
		if (fchmod(fd, 0666 & ~um) < 0) {
		}
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (expect && (src < 0 || !still_holds(src, expect, expect_len))) {
		rc = mt_error(err, MT_ERR_IO,
			      "'%s' changed while being checked; not modified",
			      path);
		goto fail;
	}
	if (rename(tmp.buf, target) < 0) {
		rc = mt_error(err, MT_ERR_IO, "cannot replace '%s': %s", path,
			      strerror(errno));
		goto fail;
	}
	sync_dir(target);
	buf_release(&tmp);
	goto out;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	buf_release(&tmp);
out:
	if (src >= 0)
		close(src);
	return rc;
}
