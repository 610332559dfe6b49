/*
 * report: reporters turn checked documents into output (text, json, ...).
 *
 * Adding a new format:
 *   1. write checker/report/<name>.c defining `const struct reporter
 *      report_<name>` (only that file knows the format);
 *   2. add it to `reporters[]` in report.c;
 *   3. add end-to-end tests on the fixtures (escaping included) and the
 *      format list in docs/ci.md.
 *
 * A run calls begin once, then `file` or `file_error` once per input in
 * input order, then end.  Reporters may buffer (JSON prints at end).  All
 * output goes to opts->out; errors in writing are reported by end()
 * returning -1.
 */
#ifndef MT_REPORT_H
#define MT_REPORT_H

#include <stdio.h>

#include "run/checker.h"
#include "util/buf.h"
#include "check/diag.h"
#include "text/document.h"

struct report_options {
	FILE *out;
	int color; /* ANSI colours (text only) */
	const struct checker *checker; /* for rule metadata; may be NULL */
	/* SARIF: artifact URIs are relative to this directory (%SRCROOT%);
	 * NULL: the working directory (issue 6, --sarif-root) */
	const char *sarif_root;
};

struct reporter {
	const char *name;
	const char *description;
	void *(*begin)(const struct report_options *opts);
	void (*file)(void *st, const struct document *doc,
		     const struct diag_list *diags);
	/* optional: as `file`, with the reference the document was checked
	 * against (NULL: none), for a format that shows it (html); the run
	 * then calls this instead of `file` */
	void (*file_with_reference)(void *st, const struct document *doc,
				    const struct document *ref,
				    const struct diag_list *diags);
	/* an input that could not be read or decoded */
	void (*file_error)(void *st, const char *path,
			   const struct mt_error *err);
	int (*end)(void *st); /* frees st; 0, or -1 on a write error */
};

/* The reporter called `name`, or NULL. */
const struct reporter *reporter_find(const char *name);

/* All reporters, for --help. */
const struct reporter *const *reporter_list(size_t *n);

extern const struct reporter report_text;
extern const struct reporter report_json;
extern const struct reporter report_sarif;
extern const struct reporter report_github;
extern const struct reporter report_rdjsonl;
extern const struct reporter report_checkstyle;
extern const struct reporter report_junit;
extern const struct reporter report_html;

/*
 * One finding as the JSON report writes it (an object of its "diagnostics"
 * array: rule, category, severity, message, offset, length, line, column,
 * end_line, end_column, text, suggestions, evidence?), for front ends that
 * write JSON of their own (the server, the JSON Lines stream).  A new
 * jansson reference (the caller decrefs); the type is jansson's json_t,
 * named without its header.
 */
struct json_t *report_json_diag(const struct document *doc,
				const struct diag *d);

/* Shared by reporters: the flagged text of d, copied into doc's arena. */
const char *report_span_text(const struct document *doc, const struct diag *d);

/* Shared by the reporters that print a suggestion for people to read:
 * append sugg (a suggestion of d) to b, in words where the replacement
 * itself would not show -- "one space" for " ", and for an empty one what
 * it removes ("remove the space", "remove 'the'", a long text cut to 40
 * bytes with "..."; the LSP's quick fixes read the same).  Unescaped: the
 * caller escapes b for its format. */
void report_suggestion_words(struct buf *b, const struct document *doc,
			     const struct diag *d, const char *sugg);

/*
 * Shared by reporters: `path` as a URI reference -- relative paths stay
 * relative ("./" dropped), absolute ones become file:// URIs, "-" becomes
 * "stdin"; bytes outside RFC 3986's unreserved set and '/' are
 * percent-encoded.  A new string (free()).
 */
char *report_uri(const char *path);

/*
 * Shared by reporters meant for terminals and logs (text, github): append
 * s[0..len) to b with nothing a terminal would act on.  C0 controls but
 * the tab, and DEL, become their Control Pictures ("\x1b" shows as U+241B
 * SYMBOL FOR ESCAPE); C1 controls (U+0080-U+009F: U+009B is a CSI to some
 * terminals) and the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069, which reorder what is shown) become
 * U+FFFD.  Each replaces one code point by one, so columns and carets
 * stay aligned.  Bytes that are not UTF-8 also become U+FFFD.
 */
void report_visible(struct buf *b, const char *s, size_t len);

#endif /* MT_REPORT_H */
