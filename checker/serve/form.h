/*
 * form: the parameters of one HTTP request -- its query string and its
 * form body (application/x-www-form-urlencoded or multipart/form-data),
 * already decoded by libmicrohttpd -- as names mapped to bytes.
 *
 * A value may arrive in pieces (the form parser hands over large values
 * in chunks): form_append() adds to the field of that name, creating it.
 * A name given twice keeps the later value (LanguageTool's servlet takes
 * one value per name as well); form_append() with offset 0 starts it
 * anew.  Values are NUL-terminated and may contain NUL bytes (len tells).
 *
 * Bounds: at most FORM_MAX_FIELDS names; the total size of the values is
 * the caller's to bound (the server refuses bodies over its limit before
 * they reach the form).
 *
 * Ownership: the form owns names and values until form_release().
 * Depends on util/ only.
 */
#ifndef MT_FORM_H
#define MT_FORM_H

#include <stddef.h>

#include "util/buf.h"

#define FORM_MAX_FIELDS 64

struct form_field {
	char *name;
	struct buf value;
};

struct form {
	struct form_field *v;
	size_t n, alloc;
};

void form_init(struct form *f);
void form_release(struct form *f);

/*
 * Add `len` bytes at `offset` of the value of `name` (offset 0: the value
 * starts anew).  Returns 0, or -1 when the form already holds
 * FORM_MAX_FIELDS other names.
 */
int form_append(struct form *f, const char *name, size_t offset,
		const char *data, size_t len);

/* The value of `name` (NUL-terminated; *len, if not NULL, gets its length),
 * or NULL when absent.  Points into the form; valid until form_release(). */
const char *form_get(const struct form *f, const char *name, size_t *len);

#endif /* MT_FORM_H */
