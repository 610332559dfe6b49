/*
 * fuzz_check: libFuzzer target for the rule engine on arbitrary text.
 *
 * Reaches: document_load_mem, segmenter_run, the built-in checks and every
 * shipped rule (token patterns with skips, optional elements, antipatterns
 * and lexicon classes; character rules and their ICU regexes under the
 * per-rule work budget), suggestion templates, and document_position() for
 * every diagnostic (fuzz_check_diags()).  Spelling, the reference
 * comparison and the grammar parser have targets of their own
 * (fuzz_spelling, fuzz_reference, fuzz_parser): on a checker with only the
 * rules, a small input takes well under a millisecond.  Seeds: the fixture
 * articles.  Dictionary: fuzz_check.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "run/checker.h"
#include "text/document.h"
#include "fuzz.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checker *checker = fuzz_checker(0, 0);
	struct document *doc = NULL;
	struct mt_error err = { 0 };
	struct diag_list l;

	if (document_load_mem("fuzz", data, size, NULL, &doc, &err) !=
	    MT_ERR_OK)
		return 0;
	diag_list_init(&l, &doc->arena);
	if (checker_check(checker, doc, NULL, &l, &err) == MT_ERR_OK)
		fuzz_check_diags(doc, &l);
	diag_list_release(&l);
	document_free(doc);
	return 0;
}
