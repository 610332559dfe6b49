/*
 * common: types and macros every module of mtlint shares.
 *
 * - struct span: a half-open byte range [start, end) into a document's
 *   normalised text (see document.h).  All positions inside mtlint are such
 *   byte offsets; lines and columns are computed only when reporting.
 * - enum mt_err: environment failures (missing file, bad encoding, broken
 *   rule file...).  Problems in the user's prose are diagnostics, never
 *   errors.  The codes come from one X-macro list that also gives
 *   mt_strerror().
 * - struct mt_error: a code plus a formatted message, filled by mt_error();
 *   call sites read `return mt_error(err, MT_ERR_IO, "cannot open '%s'", p);`
 * - enum mt_severity: info < warning < error.
 *
 * Depends on nothing but libc.
 */
#ifndef MT_COMMON_H
#define MT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#define MT_VERSION "0.1.0"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define MT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define MT_NODISCARD __attribute__((warn_unused_result))
#define MT_NORETURN __attribute__((noreturn))
#define MT_UNUSED __attribute__((unused))
#else
#define MT_PRINTF(f, a)
#define MT_NODISCARD
#define MT_NORETURN
#define MT_UNUSED
#endif

/* Programmer errors: print the location and abort. */
#define MT_BUG(...) mt_bug(__FILE__, __LINE__, __VA_ARGS__)
MT_NORETURN void mt_bug(const char *file, int line, const char *fmt, ...)
	MT_PRINTF(3, 4);

/* A half-open byte range [start, end) in a document's text. */
struct span {
	uint32_t start, end;
};

#define MT_ERR_MAP(X)                                                 \
	X(OK, "success")                                              \
	X(IO, "input/output error")                                   \
	X(ENCODING, "cannot decode input")                            \
	X(BINARY, "binary input")                                     \
	X(TOO_LARGE, "input too large")                               \
	X(USAGE, "usage error")                                       \
	X(CONFIG, "invalid configuration")                            \
	X(RULES, "invalid rule file")                                 \
	X(DICT, "dictionary error")                                   \
	X(UNICODE, "unicode library error")                           \
	X(PROTOCOL, "protocol error")                                 \
	X(INTERNAL, "internal error")

enum mt_err {
#define MT_ERR_ENUM(name, str) MT_ERR_##name,
	MT_ERR_MAP(MT_ERR_ENUM)
#undef MT_ERR_ENUM
};

/* Static description of a code; never NULL. */
const char *mt_strerror(enum mt_err code);

/*
 * An error report: the code and a message that says what went wrong first,
 * lower case, no full stop, naming the file (and position when known).
 * Zero-initialise before use; msg is always NUL-terminated.
 */
struct mt_error {
	enum mt_err code;
	char msg[1024];
};

/* Record code and message in err (err may be NULL) and return code. */
enum mt_err mt_error(struct mt_error *err, enum mt_err code, const char *fmt,
		     ...) MT_PRINTF(3, 4);

enum mt_severity {
	MT_SEV_NONE = 0, /* only as a threshold: "never" */
	MT_SEV_INFO = 1,
	MT_SEV_WARNING = 2,
	MT_SEV_ERROR = 3,
};

/* "error", "warning", "info"; "never" for MT_SEV_NONE. */
const char *mt_severity_name(enum mt_severity sev);

/* Parse a severity name; returns 0 and sets *out, or -1 when unknown.
 * Accepts "never" (MT_SEV_NONE) only when allow_never is set. */
int mt_severity_parse(const char *name, int allow_never,
		      enum mt_severity *out);

#endif /* MT_COMMON_H */
