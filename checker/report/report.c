/*
 * report: the table of reporters (see report.h).
 */
#include "report/report.h"

#include <string.h>

#include "util/buf.h"
#include "util/xalloc.h"

static const struct reporter *const reporters[] = {
	&report_text,
	&report_json,
	&report_sarif,
	&report_github,
	&report_rdjsonl,
	&report_checkstyle,
	&report_junit,
	&report_html,
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

char *report_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)path;

	if (!strcmp(path, "-"))
		return xstrdup("stdin");
	if (*p == '/')
		buf_adds(&b, "file://");
	while (p[0] == '.' && p[1] == '/')
		for (p += 2; *p == '/'; p++)
			;
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			buf_addc(&b, (char)*p);
		} else {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*p >> 4]);
			buf_addc(&b, hex[*p & 15]);
		}
	}
	return buf_detach(&b, NULL);
}

unsigned report_byte_column(const struct document *doc,
			    const struct doc_pos *p)
{
	size_t len, i = 0;
	const char *line = document_line(doc, p->line, &len);
	uint32_t col = p->column;

	if (!line)
		return p->column;
	while (col > 1 && i < len) {
		i++;
		while (i < len && ((unsigned char)line[i] & 0xC0) == 0x80)
			i++;
		col--;
	}
	return (unsigned)i + 1 + col - 1;
}
