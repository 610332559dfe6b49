/*
 * fuzz_segment: libFuzzer target for sentences and tokens.
 *
 * Reaches: document_load_mem (UTF-8 and detection) and segmenter_run: ICU's
 * word and sentence break iterators, the joins into URLs, e-mail
 * addresses, handles, hashtags, numbers, hyphenated compounds and
 * abbreviations, paragraphs at blank lines.  Invariants: tokens in order,
 * not overlapping, inside their sentence, on character boundaries;
 * sentences inside their paragraph.  No checker.  Seeds: the fixture
 * articles.  Dictionary: fuzz_check.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "text/document.h"
#include "text/segment.h"
#include "fuzz.h"

static void check(const struct document *doc)
{
	uint32_t end = 0;

	for (uint32_t i = 0; i < doc->n_tokens; i++) {
		struct span s = doc->tokens[i].span;

		if (s.start >= s.end || s.start < end || s.end > doc->len ||
		    (doc->text[s.start] & 0xC0) == 0x80)
			abort();
		end = s.end;
	}
	for (uint32_t i = 0; i < doc->n_sentences; i++) {
		const struct sentence *se = &doc->sentences[i];
		const struct paragraph *p;

		if (se->paragraph >= doc->n_paragraphs ||
		    (uint64_t)se->first_token + se->n_tokens > doc->n_tokens)
			abort();
		p = &doc->paragraphs[se->paragraph];
		if (se->span.start < p->span.start ||
		    se->span.end > p->span.end)
			abort();
		for (uint32_t k = 0; k < se->n_tokens; k++) {
			struct span s = doc->tokens[se->first_token + k].span;

			if (s.start < se->span.start || s.end > se->span.end)
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct segmenter *seg;
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	if (!seg && segmenter_open("en", &seg, &err) != MT_ERR_OK)
		abort();
	if (document_load_mem("fuzz", data, size, NULL, &doc, &err) !=
	    MT_ERR_OK)
		return 0;
	if (segmenter_run(seg, doc, &err) == MT_ERR_OK)
		check(doc);
	document_free(doc);
	return 0;
}
