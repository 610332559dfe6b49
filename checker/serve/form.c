/*
 * form: request parameters by name (see form.h).
 */
#include "serve/form.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void form_init(struct form *f)
{
	memset(f, 0, sizeof(*f));
}

void form_release(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].name);
		buf_release(&f->v[i].value);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

static struct form_field *find(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].name, name))
			return &f->v[i];
	return NULL;
}

int form_append(struct form *f, const char *name, size_t offset,
		const char *data, size_t len)
{
	struct form_field *fld = find(f, name);

	if (!fld) {
		if (f->n >= FORM_MAX_FIELDS)
			return -1;
		f->v = xgrow(f->v, &f->alloc, f->n + 1, sizeof(*f->v));
		fld = &f->v[f->n++];
		fld->name = xstrdup(name);
		buf_init(&fld->value);
	}
	if (offset == 0)
		buf_reset(&fld->value);
	buf_add(&fld->value, data, len);
	return 0;
}

const char *form_get(const struct form *f, const char *name, size_t *len)
{
	const struct form_field *fld = find(f, name);

	if (!fld)
		return NULL;
	if (len)
		*len = fld->value.len;
	return fld->value.buf;
}
