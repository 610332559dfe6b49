/*
 * fuzz_spelling: libFuzzer target for the spelling pass on arbitrary text.
 *
 * Reaches: document_load_mem, segmenter_run and the spelling pass: word filters
 * (URLs, acronyms, numbers, backticks), Hunspell checks through the
 * caches, case and possessive handling, hyphenated parts, suggestions
 * ranked (with their per-document time cap), names and dialect variants.
 * The shipped rules (fuzz_check's) and the other passes are off: the
 * spelling pass does not read their findings, and small inputs run fast.
 * Invariants: fuzz_check_diags().  Seeds: the fixture articles.
 * Dictionary: fuzz_check.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "run/checker.h"
#include "text/document.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_check_text(FUZZ_SPELLING, data, size);
}
