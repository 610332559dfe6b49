/*
 * fuzz_gate: libFuzzer target for the editorial gate on arbitrary bytes.
 *
 * Reaches: document_load_mem, then checker_check() as plain text or as
 * Markdown (by the input's length: odd is Markdown) with unused
 * suppressions reported: suppress_scan and
 * suppress_scan_in (directive parsing, ranges, next-line and line kinds),
 * markdown_parse (cmark with source positions, masking, raw HTML ranges,
 * front matter), the checker's passes on the masked copy, and
 * suppress_apply; then fix_apply and fix_diff on the result, and one
 * machine reporter (SARIF, GitHub, rdjsonl, checkstyle or JUnit, also by
 * the length) writing to a memory stream -- one of each an input, so
 * that an input costs about one check.  The checker has the rules only (the other passes have
 * their targets).  Invariants: spans inside the document, the fixed text
 * no longer than the document plus the suggestions.  Seeds: fixtures/.
 * Dictionary: fuzz_gate.dict (directives and Markdown syntax).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/buf.h"
#include "run/checker.h"
#include "text/document.h"
#include "run/fix.h"
#include "report/report.h"
#include "fuzz.h"

static struct checker *checker;

static const char *const formats[] = { "sarif", "github", "rdjsonl",
				       "checkstyle", "junit" };
#define N_FORMATS (sizeof(formats) / sizeof(*formats))

/* One reporter an input: all of them on every input cost five times the
 * time (SARIF alone describes every rule). */
static void report_one(const struct document *doc, const struct diag_list *l,
		       size_t format)
{
	const struct reporter *rep = reporter_find(formats[format]);
	struct report_options ro = { 0 };
	char *mem = NULL;
	size_t len = 0;
	void *st;

	ro.out = open_memstream(&mem, &len);
	if (!rep || !ro.out)
		abort();
	ro.checker = checker;
	st = rep->begin(&ro);
	rep->file(st, doc, l);
	(void)rep->end(st);
	fclose(ro.out);
	free(mem);
}

static void run(struct document *doc, enum document_kind kind, size_t format)
{
	struct diag_list l;
	struct mt_error err = { 0 };
	unsigned char *fixed = NULL;
	size_t fixed_len = 0, n_applied = 0;
	struct buf diff = BUF_INIT;

	diag_list_init(&l, &doc->arena);
	doc->kind = kind;
	if (checker_check(checker, doc, NULL, &l, &err) == MT_ERR_OK) {
		for (size_t i = 0; i < l.n; i++)
			if (l.v[i].span.start > l.v[i].span.end ||
			    l.v[i].span.end > doc->len)
				abort();
		if (fix_apply(doc, &l, &fixed, &fixed_len, &n_applied, &err) ==
		    MT_ERR_OK)
			free(fixed);
		(void)fix_diff(doc, &l, &diff);
		buf_release(&diff);
		report_one(doc, &l, format);
	}
	diag_list_release(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	checker = fuzz_checker(0, 1);
	if (document_load_mem("fuzz.md", data, size, NULL, &doc, &err) !=
	    MT_ERR_OK)
		return 0;
	/* the input's length picks the view and the reporter, so that the
	 * seeds stay plain text and a mutation tries another pair */
	run(doc, size % 2 ? DOCUMENT_MARKDOWN : DOCUMENT_TEXT,
	    size / 2 % N_FORMATS);
	document_free(doc);
	return 0;
}
