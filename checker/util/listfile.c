/*
 * listfile: line-based data files (see listfile.h).
 */
#include "util/listfile.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <unicode/utf8.h>

#include "util/buf.h"

/* Is s[0..len) UTF-8 without a NUL byte?  (ASCII, nearly all of a word
 * list, is passed over a byte at a time without decoding.) */
static int utf8_text(const char *s, int32_t len)
{
	int32_t i = 0;
	UChar32 c;

	while (i < len) {
		if ((unsigned char)s[i] - 1u < 0x7fu) {
			i++;
			continue;
		}
		U8_NEXT(s, i, len, c);
		if (c <= 0)
			return 0;
	}
	return 1;
}

enum mt_err listfile_read(const char *path, size_t limit, const char *what,
			  listfile_fn fn, void *arg, struct mt_error *err)
{
	struct buf b = BUF_INIT;
	int r = buf_read_file(&b, path, limit);
	enum mt_err rc = MT_ERR_OK;
	size_t lineno = 0;
	char *p;

	if (r == -2) {
		buf_release(&b);
		return mt_error(err, MT_ERR_TOO_LARGE,
				"%s '%s' is too large (the limit is %zu bytes)",
				what, path, limit);
	}
	if (r < 0) {
		int e = errno;

		buf_release(&b);
		return mt_error(err, MT_ERR_IO, "cannot read %s '%s': %s", what,
				path, strerror(e));
	}
	for (p = b.buf; rc == MT_ERR_OK && p < b.buf + b.len;) {
		char *nl = memchr(p, '\n', (size_t)(b.buf + b.len - p));
		char *e = nl ? nl : b.buf + b.len, *s = p;

		p = nl ? nl + 1 : b.buf + b.len;
		lineno++;
		while (e > s && strchr("\r \t", e[-1]) && e[-1])
			e--;
		*e = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		if (e - s > INT32_MAX || !utf8_text(s, (int32_t)(e - s))) {
			rc = mt_error(err, MT_ERR_ENCODING,
				      "%s:%zu: line is not valid UTF-8 text",
				      path, lineno);
			break;
		}
		if (!*s || *s == '#')
			continue;
		if (fn(arg, s, lineno) < 0)
			rc = mt_error(err, MT_ERR_IO, "%s:%zu: invalid line",
				      path, lineno);
	}
	buf_release(&b);
	return rc;
}
