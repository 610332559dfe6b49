/*
 * common: error codes, error messages and severities (see common.h).
 */
#include "util/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const err_strings[] = {
#define MT_ERR_STR(name, str) str,
	MT_ERR_MAP(MT_ERR_STR)
#undef MT_ERR_STR
};

const char *mt_strerror(enum mt_err code)
{
	if ((size_t)code >= ARRAY_SIZE(err_strings))
		return "unknown error";
	return err_strings[code];
}

enum mt_err mt_error(struct mt_error *err, enum mt_err code, const char *fmt,
		     ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void mt_bug(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static const char *const sev_names[] = { "never", "info", "warning",
					 "error" };

const char *mt_severity_name(enum mt_severity sev)
{
	if ((size_t)sev >= ARRAY_SIZE(sev_names))
		return "unknown";
	return sev_names[sev];
}

int mt_severity_parse(const char *name, int allow_never,
		      enum mt_severity *out)
{
	for (size_t i = allow_never ? 0 : 1; i < ARRAY_SIZE(sev_names); i++) {
		if (strcmp(name, sev_names[i]) == 0) {
			*out = (enum mt_severity)i;
			return 0;
		}
	}
	return -1;
}
