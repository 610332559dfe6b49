/*
 * fuzz_gate: libFuzzer target for the editorial gate on arbitrary bytes.
 *
 * Reaches: document_load_mem, then checker_check() twice -- as plain text and
 * as Markdown -- with unused suppressions reported: suppress_scan and
 * suppress_scan_in (directive parsing, ranges, next-line and line kinds),
 * markdown_parse (cmark with source positions, masking, raw HTML ranges,
 * front matter), the checker's passes on the masked copy, and
 * suppress_apply; then fix_apply and fix_diff on the result, and every
 * machine reporter (SARIF, GitHub, rdjsonl, checkstyle, JUnit) writing to
 * a memory stream.  The checker has the rules only (the other passes have
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

static void report_all(const struct document *doc,
		       const struct diag_list *l)
{
	static const char *const formats[] = { "sarif", "github", "rdjsonl",
					       "checkstyle", "junit" };

	for (size_t i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
		const struct reporter *rep = reporter_find(formats[i]);
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
}

static void run(struct document *doc, enum document_kind kind)
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
		if (fix_apply(doc, &l, &fixed, &fixed_len, &n_applied,
			      &err) == MT_ERR_OK)
			free(fixed);
		(void)fix_diff(doc, &l, &diff);
		buf_release(&diff);
		report_all(doc, &l);
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
	run(doc, DOCUMENT_TEXT);
	run(doc, DOCUMENT_MARKDOWN);
	document_free(doc);
	return 0;
}
