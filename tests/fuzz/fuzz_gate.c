/*
 * fuzz_gate: libFuzzer target for the editorial gate on arbitrary bytes.
 *
 * Reaches: fuzz_load(), then checker_check() as plain text or as
 * Markdown (by the input's length: odd is Markdown) with unused
 * suppressions reported: suppress_scan and
 * suppress_scan_in (directive parsing, ranges, next-line and line kinds),
 * markdown_parse (cmark with source positions, masking, raw HTML ranges,
 * front matter), the checker's passes on the masked copy, and
 * suppress_apply; then fix_apply, and fix_run (passes re-checked the
 * same way) with fix_diff, on the result.  The
 * checker has the rules only (the other passes have their targets), and
 * the reporters have theirs (fuzz_report: one reporter an input here was
 * over a third of this target's time, under perf).  Invariants:
 * fuzz_check_diags().  Seeds: fixtures/.  Dictionary: fuzz_gate.dict
 * (directives and Markdown syntax).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/buf.h"
#include "run/checker.h"
#include "text/document.h"
#include "run/fix.h"
#include "fuzz.h"

static struct checker *checker;

/* fix_run()'s check: a pass's text read the way the input was. */
static enum mt_err recheck(void *arg, const void *bytes, size_t len,
			   struct document **doc, struct diag_list *diags,
			   struct mt_error *err)
{
	enum mt_err rc = fix_check_as(checker, NULL, arg, NULL, bytes, len, doc,
				      diags, err);

	if (rc == MT_ERR_OK)
		fuzz_check_diags(*doc, diags);
	return rc;
}

static void run(struct document *doc, enum document_kind kind)
{
	struct diag_list l;
	struct mt_error err = { 0 };
	unsigned char *fixed = NULL;
	size_t fixed_len = 0, n_applied = 0;
	struct buf diff = BUF_INIT;
	struct fix_result fr;

	diag_list_init(&l, &doc->arena);
	doc->kind = kind;
	if (checker_check(checker, doc, NULL, &l, &err) == MT_ERR_OK) {
		fuzz_check_diags(doc, &l);
		if (fix_apply(doc, &l, &fixed, &fixed_len, &n_applied, &err) ==
		    MT_ERR_OK)
			free(fixed);
		if (fix_run(doc, &l, recheck, doc, &fr, &err) == MT_ERR_OK)
			(void)fix_diff(doc, fr.edits, fr.n_edits, &diff);
		fix_result_release(&fr);
		buf_release(&diff);
	}
	diag_list_release(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc;

	checker = fuzz_checker(FUZZ_RULES, 1);
	fuzz_load("fuzz.md", data, size, &doc);
	if (!doc)
		return 0;
	/* the input's length picks the view, so that the seeds stay plain
	 * text and a mutation tries the other */
	run(doc, size % 2 ? DOCUMENT_MARKDOWN : DOCUMENT_TEXT);
	document_free(doc);
	return 0;
}
