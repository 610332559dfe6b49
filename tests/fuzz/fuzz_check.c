/*
 * fuzz_check: libFuzzer target for the whole pipeline on arbitrary bytes.
 *
 * Reaches: document_load_mem (BOM sniffing, UTF-8 validation, charset
 * detection, iconv decoding, NFC with its map), segmenter_run (ICU breaks
 * and token joins), every check pass, and document_position() for every
 * diagnostic.  Seeds: the fixture articles.  Dictionary: fuzz_check.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "run/checker.h"
#include "text/document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct checker *checker;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	struct mt_error err = { 0 };
	struct diag_list l;

	if (!checker && checker_new(NULL, &checker, &err) != MT_ERR_OK)
		abort();
	if (document_load_mem("fuzz", data, size, NULL, &doc, &err) !=
	    MT_ERR_OK)
		return 0;
	diag_list_init(&l, &doc->arena);
	if (checker_check(checker, doc, NULL, &l, &err) == MT_ERR_OK) {
		for (size_t i = 0; i < l.n; i++) {
			struct doc_pos a = document_position(doc,
							     l.v[i].span.start,
							     0);
			struct doc_pos b = document_position(doc,
							     l.v[i].span.end, 1);

			if (a.offset > b.offset || b.offset > size)
				abort();
		}
	}
	diag_list_release(&l);
	document_free(doc);
	return 0;
}
