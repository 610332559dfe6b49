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
	return fuzz_check_text(FUZZ_RULES, data, size);
}
