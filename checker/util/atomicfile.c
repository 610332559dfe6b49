/*
 * atomicfile: temp file, fsync, rename (see atomicfile.h).
 */
#include "util/atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/xalloc.h"

static atomicfile_write_fn write_hook;

void atomicfile_set_write_hook(atomicfile_write_fn fn)
{
	write_hook = fn;
}

unsigned char *atomicfile_slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct buf b = BUF_INIT;
	char chunk[65536];
	ssize_t n;

	if (fd < 0)
		return NULL;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			close(fd);
			buf_release(&b);
			errno = e;
			return NULL;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	return (unsigned char *)buf_detach(&b, len);
}

static int write_all(int fd, const void *data, size_t len)
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

enum mt_err atomicfile_write(const char *path, const void *data, size_t len,
			     const unsigned char *expect, size_t expect_len,
			     struct mt_error *err)
{
	char real[PATH_MAX];
	const char *target = path;
	struct buf tmp = BUF_INIT;
	struct stat st;
	int have_st, fd = -1, dfd;
	const char *slash;
	enum mt_err rc = MT_ERR_OK;

	/* follow a symbolic link: replace the file, keep the link */
	if (realpath(path, real))
		target = real;
	have_st = stat(target, &st) == 0;
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
		return rc;
	}
	if (write_all(fd, data, len) < 0) {
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
		goto fail;
	}
	if (have_st) {
		if (fchmod(fd, st.st_mode & 07777) < 0) {
			rc = mt_error(err, MT_ERR_IO,
				      "cannot write '%s': cannot keep its "
				      "permissions: %s",
				      path, strerror(errno));
			goto fail;
		}
		/* keeping the owner needs privileges; not having them is
		 * not an error (the file is ours then) */
		if (fchown(fd, st.st_uid, st.st_gid) < 0) {
		}
	} else {
		mode_t um = umask(0);

		umask(um);
		if (fchmod(fd, 0666 & ~um) < 0) {
		}
	}
	if (fsync(fd) < 0) {
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
		goto fail;
	}
	fd = -1;
	if (expect) {
		size_t now_len = 0;
		unsigned char *now = atomicfile_slurp(target, &now_len);
		int same = now && now_len == expect_len &&
			   !memcmp(now, expect, expect_len);

		free(now);
		if (!same) {
			rc = mt_error(err, MT_ERR_IO,
				      "'%s' changed while being checked; not "
				      "modified",
				      path);
			goto fail;
		}
	}
	if (rename(tmp.buf, target) < 0) {
		rc = mt_error(err, MT_ERR_IO, "cannot replace '%s': %s", path,
			      strerror(errno));
		goto fail;
	}
	/* make the rename itself durable */
	if (slash) {
		char *dir = xstrndup(target, (size_t)(slash - target) + 1);

		dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		free(dir);
	} else {
		dfd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	buf_release(&tmp);
	return MT_ERR_OK;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	buf_release(&tmp);
	return rc;
}
