/*
 * report: the table of reporters (see report.h).
 */
#include "report.h"

#include <string.h>

static const struct reporter *const reporters[] = {
	&report_text,
	&report_json,
};

const struct reporter *reporter_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(reporters); i++)
		if (strcmp(reporters[i]->name, name) == 0)
			return reporters[i];
	return NULL;
}

const struct reporter *const *reporter_list(size_t *n)
{
	*n = ARRAY_SIZE(reporters);
	return reporters;
}

const char *report_span_text(const struct document *doc, const struct diag *d)
{
	struct arena *a = (struct arena *)&doc->arena;

	return arena_strndup(a, doc->text + d->span.start,
			     d->span.end - d->span.start);
}
