/*
 * report_text: compiler-style output for people.
 *
 *   article.txt:4:120: error: agreement: 'Moscow' takes 'believes' [grammar.agreement]
 *       4 | ... and that Moscow believe the latest move ...
 *         |                     ^~~~~~~~~~~~~~
 *         = suggestion: Moscow believes
 *         = reference: ref.txt:12:3: Dmitry Peskov
 *
 * Columns count code points; tabs in the source line are kept under the
 * caret line so that it stays aligned.  Colour only when asked (the CLI
 * asks on a TTY unless NO_COLOR is set).  Whatever comes from the user's
 * files -- names, lines, messages quoting them, suggestions, evidence --
 * goes through report_visible(): a document cannot send escape sequences
 * to the terminal that shows the report.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xalloc.h"

struct text_state {
	struct report_options o;
	size_t counts[4];
	size_t files;
	int failed;
	struct buf vis;	  /* scratch for visible() */
	struct buf words; /* scratch for a suggestion in words */
};

/* s[0..len) made safe for a terminal; valid until the next call. */
static const char *visible_n(struct text_state *s, const char *str,
			     size_t len)
{
	buf_reset(&s->vis);
	report_visible(&s->vis, str, len);
	return s->vis.buf;
}

static const char *visible(struct text_state *s, const char *str)
{
	return visible_n(s, str ? str : "", str ? strlen(str) : 0);
}

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_YELLOW "\033[1;33m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[32m"
#define C_BLUE "\033[34m"

static const char *col(const struct text_state *s, const char *c)
{
	return s->o.color ? c : "";
}

static const char *sev_color(enum mt_severity sev)
{
	return sev == MT_SEV_ERROR ? C_RED
	       : sev == MT_SEV_WARNING ? C_YELLOW
				       : C_CYAN;
}

static void *text_begin(const struct report_options *o)
{
	struct text_state *s = xcalloc(1, sizeof(*s));

	s->o = *o;
	buf_init(&s->vis);
	buf_init(&s->words);
	return s;
}

#define SHOW_CONTEXT 50 /* code points shown either side of the span */
#define SHOW_SPAN 80	/* at most this many code points of the span */

static int is_lead(char c)
{
	return ((unsigned char)c & 0xC0) != 0x80;
}

/* Step back (n < 0) or forward over |n| code points from byte i. */
static size_t step(const char *line, size_t len, size_t i, int n)
{
	for (; n < 0 && i > 0; n++)
		while (i > 0 && !is_lead(line[--i]))
			;
	for (; n > 0 && i < len; n--)
		while (++i < len && !is_lead(line[i]))
			;
	return i;
}

/*
 * Print `line` and, under it, carets under bytes [b0, b1) (b1 clamped to
 * the line), keeping tabs as tabs.  A long line (a whole paragraph in most
 * articles) is cut to a window around the span, marked with "...".  Costs
 * O(window), not O(line): a one-line document with thousands of findings
 * stays fast.
 */
static void show_line(struct text_state *s, uint32_t lineno, const char *line,
		      size_t len, size_t b0, size_t b1)
{
	FILE *f = s->o.out;
	size_t from, to, i;
	int width = fprintf(f, "%5u", lineno);

	if (b0 > len)
		b0 = len;
	if (b1 > len || b1 < b0)
		b1 = len;
	if (step(line, len, b0, SHOW_SPAN) < b1)
		b1 = step(line, len, b0, SHOW_SPAN);
	from = step(line, len, b0, -SHOW_CONTEXT);
	to = step(line, len, b1, SHOW_CONTEXT);
	fprintf(f, " | %s%s%s\n", from ? "..." : "",
		visible_n(s, line + from, to - from), to < len ? "..." : "");
	fprintf(f, "%*s | %s", width, "", from ? "   " : "");
	fputs(col(s, C_GREEN), f);
	for (i = from; i < b0; i++)
		if (is_lead(line[i]))
			fputc(line[i] == '\t' ? '\t' : ' ', f);
	fputc('^', f);
	for (i = step(line, len, b0, 1); i < b1; i++)
		if (is_lead(line[i]))
			fputc('~', f);
	fputs(col(s, C_RESET), f);
	fputc('\n', f);
}

static void text_file(void *st, const struct document *doc,
		      const struct diag_list *diags)
{
	struct text_state *s = st;
	FILE *f = s->o.out;

	s->files++;
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		struct doc_pos a = document_position(doc, d->span.start, 0);
		struct doc_pos b = document_position(doc, d->span.end, 1);
		size_t len = 0;
		const char *line = document_line(doc, a.line, &len);

		if (d->severity <= MT_SEV_ERROR)
			s->counts[d->severity]++;
		fprintf(f, "%s%s:%u:%u:%s %s%s:%s ", col(s, C_BOLD),
			visible(s, doc->name), a.line, a.column, col(s, C_RESET),
			col(s, sev_color(d->severity)),
			mt_severity_name(d->severity), col(s, C_RESET));
		fprintf(f, "%s%s%s [%s]\n", col(s, C_BOLD),
			visible(s, d->message), col(s, C_RESET), d->rule);
		if (line)
			show_line(s, a.line, line, len, a.line_byte,
				  b.line == a.line ? b.line_byte : len);
		if (d->n_suggestions) {
			fprintf(f, "      = %s: ",
				d->n_suggestions > 1 ? "suggestions"
						     : "suggestion");
			for (uint32_t k = 0; k < d->n_suggestions; k++) {
				fprintf(f, "%s%s", k ? ", " : "",
					col(s, C_GREEN));
				buf_reset(&s->words);
				report_suggestion_words(&s->words, doc, d,
							d->suggestions[k]);
				fputs(visible(s, s->words.buf), f);
				fputs(col(s, C_RESET), f);
			}
			fputc('\n', f);
		}
		if (d->evidence) {
			const struct evidence *e = d->evidence;

			/* evidence in the same file: another spelling there */
			int same = e->path && doc->path &&
				   strcmp(e->path, doc->path) == 0;

			fprintf(f, "      = %s: %s", same ? "see" : "reference",
				visible(s, e->path));
			if (e->line)
				fprintf(f, ":%u:%u", e->line, e->column);
			if (e->text)
				fprintf(f, ": %s", visible(s, e->text));
			if (e->score >= 0)
				fprintf(f, " (match %.2f)", e->score);
			fputc('\n', f);
			if (e->context)
				fprintf(f, "      = the reference says: %s\n",
					visible(s, e->context));
		}
	}
}

static void text_file_error(void *st, const char *path,
			    const struct mt_error *err)
{
	struct text_state *s = st;

	(void)path;
	s->failed++;
	/* the message already names the file */
	fflush(s->o.out);
	fprintf(stderr, "mtlint: error: %s\n", visible(s, err->msg));
}

static int text_end(void *st)
{
	struct text_state *s = st;
	FILE *f = s->o.out;
	size_t total = s->counts[1] + s->counts[2] + s->counts[3];
	int rc;

	if (total)
		fprintf(f, "%zu error%s, %zu warning%s, %zu info in %zu "
			   "file%s\n",
			s->counts[3], s->counts[3] == 1 ? "" : "s",
			s->counts[2], s->counts[2] == 1 ? "" : "s",
			s->counts[1], s->files, s->files == 1 ? "" : "s");
	rc = fflush(f) == 0 && !ferror(f) ? 0 : -1;
	buf_release(&s->vis);
	buf_release(&s->words);
	free(s);
	return rc;
}

const struct reporter report_text = {
	.name = "text",
	.description = "compiler-style messages with the source line",
	.begin = text_begin,
	.file = text_file,
	.file_error = text_file_error,
	.end = text_end,
};
