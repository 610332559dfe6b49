/*
 * report: the table of reporters (see report.h).
 */
#include "report/report.h"

#include <string.h>

#include <unicode/utf8.h>

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

/* How much of a removed text a suggestion quotes: 40 bytes, cut on a
 * character boundary. */
static size_t shown_len(const char *text)
{
	size_t n = strlen(text), cut = n > 40 ? 40 : n;

	while (cut < n && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

void report_suggestion_words(struct buf *b, const struct document *doc,
			     const struct diag *d, const char *sugg)
{
	size_t n = strlen(sugg);
	const char *flagged;

	if (n && !sugg[strspn(sugg, " ")]) {
		buf_addf(b, n > 1 ? "%zu spaces" : "one space", n);
	} else if (n || d->span.end == d->span.start) {
		buf_adds(b, sugg);
	} else {
		flagged = report_span_text(doc, d);
		if (!flagged[strspn(flagged, " \t")])
			buf_addf(b, "remove the space%s",
				 strlen(flagged) > 1 ? "s" : "");
		else
			buf_addf(b, "remove '%.*s%s'", (int)shown_len(flagged),
				 flagged,
				 flagged[shown_len(flagged)] ? "..." : "");
	}
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

void report_visible(struct buf *b, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t at = i, run;
		UChar32 c;

		/* plain printable ASCII and ordinary UTF-8 pass in runs */
		for (run = i; run < len && (unsigned char)s[run] >= 0x20 &&
			      (unsigned char)s[run] < 0x7F;
		     run++)
			;
		if (run > i) {
			buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] == '\t') {
			buf_addc(b, '\t');
			i++;
			continue;
		}
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) {
			/* U+2400 + c; DEL is U+2421 */
			unsigned cp = s[i] == 0x7F ? 0x2421
						   : 0x2400 + (unsigned char)s[i];

			buf_addc(b, (char)(0xE0 | (cp >> 12)));
			buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
			buf_addc(b, (char)(0x80 | (cp & 0x3F)));
			i++;
			continue;
		}
		{
			int32_t j = 0, n = (int32_t)(len - i > 4 ? 4 : len - i);

			U8_NEXT(s + i, j, n, c);
			i += (size_t)j;
		}
		if (c < 0 || (c >= 0x80 && c <= 0x9F) ||
		    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
			buf_adds(b, "\xEF\xBF\xBD"); /* U+FFFD */
		else
			buf_add(b, s + at, i - at);
	}
}
