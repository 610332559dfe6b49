/*
 * fuzz_decode: libFuzzer target for decoding and the map back to the
 * user's bytes.
 *
 * The first byte picks how the rest is read: detected (BOM, UTF-8, ICU's
 * charset detector), or forced to one of the encodings below -- stateful
 * (UTF-7, ISO-2022-JP/KR, IBM930 with SO/SI), lagging (CP1258, which holds
 * letters back for accents), multi-byte (UTF-16/32, GB18030, Shift_JIS,
 * Big5) and single-byte ones.  Reaches: document_load_mem (iconv_steps with
 * and without a flush per character, NFC and its map), document_position()
 * at every character boundary (offsets inside the file and never going
 * back), and fix_apply() of a replacement of the first word, whose result
 * must decode to the old text with that word replaced -- or be refused.
 * No checker: thousands of executions a second.  Seeds: the fixture
 * articles in a few encodings.  Dictionary: fuzz_decode.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/diag.h"
#include "run/fix.h"
#include "text/document.h"
#include "fuzz.h"

static const char *const encodings[] = {
	"UTF-7",    "ISO-2022-JP", "ISO-2022-KR", "IBM930",	"CP1258",
	"UTF-16LE", "UTF-16BE",	   "UTF-32",	  "GB18030",	"SHIFT_JIS",
	"BIG5",	    "KOI8-R",	   "CP1252",	  "ISO-8859-7", "UTF-8",
};

/*
 * Offsets never go back, sampled at some 64 character boundaries (each
 * document_position() counts the line up to the position: every boundary
 * would make the check quadratic and the target slow).
 */
static void check_map(const struct document *doc, size_t orig_len)
{
	uint32_t last = 0, step = doc->len / 64 + 1;

	for (uint32_t i = 0; i <= doc->len; i += step) {
		struct doc_pos p;

		while (i < doc->len && (doc->text[i] & 0xC0) == 0x80)
			i++;
		p = document_position(doc, i, 0);
		if (p.offset > orig_len || p.offset < last || !p.line)
			abort();
		last = p.offset;
	}
}

/* Replace the first run of ASCII letters by "Xy": read back or refused. */
static void check_fix(struct document *doc)
{
	static const struct document_options utf8 = { .encoding = "UTF-8" };
	struct diag_list l;
	struct mt_error err = { 0 };
	struct span sp = { 0, 0 };
	unsigned char *out = NULL;
	size_t out_len, n;
	struct document *back = NULL, *want = NULL;

	while (sp.start < doc->len && !((doc->text[sp.start] | 0x20) >= 'a' &&
					(doc->text[sp.start] | 0x20) <= 'z'))
		sp.start++;
	for (sp.end = sp.start;
	     sp.end < doc->len && ((doc->text[sp.end] | 0x20) >= 'a' &&
				   (doc->text[sp.end] | 0x20) <= 'z');
	     sp.end++)
		;
	if (sp.end == sp.start)
		return;
	diag_list_init(&l, &doc->arena);
	diag_suggest(&l, diag_add(&l, "x.y", "c", MT_SEV_ERROR, sp, "m"), "Xy");
	l.v[0].flags |= DIAGF_SAFE_FIX;
	if (fix_apply(doc, &l, &out, &out_len, &n, &err) != MT_ERR_OK) {
		if (err.code != MT_ERR_ENCODING)
			abort();
	} else if (n == 1 && strcmp(doc->encoding, "UTF-8") == 0 &&
		   document_load_mem("fuzz", out, out_len, &utf8, &back,
				     &err) == MT_ERR_OK) {
		/* UTF-8: the new text reads as the old one with "Xy" in
		 * place, normalised the same way (a combining mark after the
		 * span joins the "y": "J\u0300" fixed is "X\u1EF3"); read
		 * after a BOM, so that a U+FEFF the text starts with stays
		 * text, as it did in the file */
		size_t e_len = 3 + doc->len - (sp.end - sp.start) + 2;
		char *e = malloc(e_len);

		if (!e)
			abort();
		memcpy(e, "\xEF\xBB\xBF", 3);
		memcpy(e + 3, doc->text, sp.start);
		memcpy(e + 3 + sp.start, "Xy", 2);
		memcpy(e + 3 + sp.start + 2, doc->text + sp.end,
		       doc->len - sp.end);
		if (document_load_mem("fuzz", e, e_len, &utf8, &want, &err) !=
			    MT_ERR_OK ||
		    want->len != back->len ||
		    memcmp(want->text, back->text, back->len) != 0)
			abort();
		free(e);
	}
	document_free(want);
	document_free(back);
	free(out);
	diag_list_release(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document_options o = { 0 };
	struct document *doc = NULL;
	struct mt_error err = { 0 };
	size_t pick;

	if (size < 1)
		return 0;
	pick = data[0] % (ARRAY_SIZE(encodings) + 1);
	o.encoding = pick < ARRAY_SIZE(encodings) ? encodings[pick] : NULL;
	if (document_load_mem("fuzz", data + 1, size - 1, &o, &doc, &err) !=
	    MT_ERR_OK)
		return 0;
	check_map(doc, size - 1);
	check_fix(doc);
	document_free(doc);
	return 0;
}
