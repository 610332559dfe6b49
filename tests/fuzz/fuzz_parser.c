/*
 * fuzz_parser: libFuzzer target for the grammar parser on arbitrary text.
 *
 * Reaches: document_load_mem, segmenter_run and the grammar pass: parse units
 * (placeholders for names, numbers, quotes), link-grammar on each within
 * its limits, and the unconnected words turned into findings.
 * The rules stay on (they cost little; the passes look at their findings);
 * the other passes are off, so that small inputs run fast.  Invariants:
 * fuzz_check_diags().  Seeds: the fixture articles.  Dictionary:
 * fuzz_check.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "run/checker.h"
#include "text/document.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checker *checker = fuzz_checker(FUZZ_PARSER, 0);
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
