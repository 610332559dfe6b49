/*
 * fuzz_reference: libFuzzer target for the reference comparison on
 * arbitrary bytes.
 *
 * The input is split in two at the first "\n===\n" (or in the middle):
 * article and reference.  Reaches: both documents' loading and
 * segmentation, names_extract() (ICU transliteration of non-ASCII words),
 * numbers_extract(), align_sentences(), every check of the reference pass
 * and names.inconsistent, and the evidence positions in the reference.
 * The shipped rules, spelling and the parser are off (fuzz_check,
 * fuzz_spelling, fuzz_parser), and the chrF and BLEU scores have their
 * own target (fuzz_score).  Seeds: the fixture pairs.  Dictionary:
 * fuzz_reference.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "text/document.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checker *checker = fuzz_checker(FUZZ_REFERENCE, 0);
	struct document *doc = NULL, *ref = NULL;
	struct mt_error err = { 0 };
	struct diag_list l;
	const uint8_t *sep = memmem(data, size, "\n===\n", 5);
	size_t a_len = sep ? (size_t)(sep - data) : size / 2;
	size_t r_off = sep ? a_len + 5 : a_len;

	fuzz_load("article", data, a_len, &doc);
	if (doc)
		fuzz_load("reference", data + r_off, size - r_off, &ref);
	if (!doc || !ref)
		goto out;
	diag_list_init(&l, &doc->arena);
	if (checker_check(checker, doc, ref, &l, &err) == MT_ERR_OK) {
		for (size_t i = 0; i < l.n; i++) {
			const struct evidence *ev = l.v[i].evidence;

			if (l.v[i].span.start > l.v[i].span.end ||
			    l.v[i].span.end > doc->len)
				abort();
			if (ev && ev->path &&
			    strcmp(ev->path, "reference") == 0 &&
			    (size_t)ev->offset + ev->length > size - r_off)
				abort();
		}
	}
	diag_list_release(&l);
out:
	document_free(doc);
	document_free(ref);
	return 0;
}
