/*
 * document: decoding, BOMs, line ends, NFC and the map back to the user's
 * bytes, lines and columns.
 */
#include <criterion/criterion.h>
#include <iconv.h>
#include <string.h>

#include "text/document.h"
#include "helpers.h"

static struct document *load_bytes(const char *s, size_t n,
				   const char *encoding, enum mt_err *rc,
				   struct mt_error *err)
{
	struct document_options o = { .encoding = encoding };
	struct document *doc = NULL;

	*rc = document_load_mem("t.txt", s, n, &o, &doc, err);
	return doc;
}

Test(document, utf8_plain_is_used_in_place)
{
	struct document *doc = load_str("Hello world.\nSecond line.");
	struct doc_pos p = document_position(doc, 13, 0);

	cr_assert_str_eq(doc->encoding, "UTF-8");
	cr_assert_eq(doc->len, 25);
	cr_assert_eq(p.line, 2);
	cr_assert_eq(p.column, 1);
	cr_assert_eq(p.offset, 13);
	cr_assert_eq(document_line_count(doc), 2);
	document_free(doc);
}

Test(document, utf8_bom_skipped_offsets_kept)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes("\xEF\xBB\xBFHi there", 11, NULL, &rc,
					  &err);

	cr_assert_eq(rc, MT_ERR_OK);
	cr_assert_str_eq(doc->text, "Hi there");
	struct doc_pos p = document_position(doc, 3, 0);

	cr_assert_eq(p.offset, 6, "offset %u", p.offset);
	cr_assert_eq(p.column, 4);
	document_free(doc);
}

Test(document, utf16le_bom)
{
	/* "Aé\nB" in UTF-16LE with BOM */
	static const char in[] = "\xFF\xFE" "A\0" "\xE9\0" "\n\0" "B\0";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, NULL, &rc, &err);

	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(doc->encoding, "UTF-16LE");
	cr_assert_str_eq(doc->text, "A\xC3\xA9\nB");
	/* 'B' is text offset 4, original offset 2 + 3*2 = 8, line 2 */
	struct doc_pos p = document_position(doc, 4, 0);

	cr_assert_eq(p.offset, 8, "offset %u", p.offset);
	cr_assert_eq(p.line, 2);
	cr_assert_eq(p.column, 1);
	/* the end of 'é' (text 3) is original 6 */
	cr_assert_eq(document_position(doc, 3, 1).offset, 6);
	document_free(doc);
}

Test(document, utf16be_bom)
{
	static const char in[] = "\xFE\xFF" "\0H" "\0i";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, NULL, &rc, &err);

	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(doc->text, "Hi");
	cr_assert_str_eq(doc->encoding, "UTF-16BE");
	document_free(doc);
}

Test(document, crlf_and_cr_line_ends)
{
	struct document *doc = load_str("one\r\ntwo\rthree\nfour");
	size_t len;
	const char *l;

	cr_assert_eq(document_line_count(doc), 4);
	l = document_line(doc, 2, &len);
	cr_assert_eq(len, 3);
	cr_assert(strncmp(l, "two", 3) == 0);
	cr_assert_eq(document_position(doc, 9, 0).line, 3); /* 't' of three */
	cr_assert_eq(document_position(doc, 15, 0).line, 4);
	cr_assert_eq(document_position(doc, 15, 0).column, 1);
	document_free(doc);
}

Test(document, invalid_utf8_names_line_and_offset)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	/* valid é on line 1, a stray 0xFF on line 2 */
	struct document *doc = load_bytes("caf\xC3\xA9\nbad \xFF here", 15, NULL,
					  &rc, &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_ENCODING);
	cr_assert(strstr(err.msg, "line 2"), "%s", err.msg);
	cr_assert(strstr(err.msg, "byte offset 10"), "%s", err.msg);
	cr_assert(strstr(err.msg, "t.txt"), "%s", err.msg);
}

Test(document, truncated_utf8_at_end)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes("na\xC3\xAFve \xE2\x80", 9, NULL, &rc,
					  &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_ENCODING);
}

Test(document, nul_byte_is_binary)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes("abc\0def", 7, NULL, &rc, &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_BINARY);
	cr_assert(strstr(err.msg, "offset 3"), "%s", err.msg);
}

Test(document, legacy_8bit_detected_and_mapped)
{
	/* windows-1252/latin-1 text: no valid UTF-8 multi-byte sequence */
	static const char in[] = "The caf\xE9 served cr\xE8me br\xFBl\xE9\x65 "
				 "to the fianc\xE9\x65 every evening.";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, NULL, &rc, &err);

	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert(doc->encoding_detected);
	cr_assert(strstr(doc->text, "caf\xC3\xA9"), "%s", doc->text);
	/* "served" starts at original byte 9, text byte 10 */
	const char *p = strstr(doc->text, "served");

	cr_assert_eq(document_position(doc, (uint32_t)(p - doc->text), 0).offset,
		     9);
	document_free(doc);
}

Test(document, forced_encoding)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	/* KOI8-R "мир" */
	struct document *doc = load_bytes("\xCD\xC9\xD2", 3, "KOI8-R", &rc, &err);

	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(doc->text, "\xD0\xBC\xD0\xB8\xD1\x80");
	cr_assert_str_eq(doc->encoding, "KOI8-R");
	cr_assert_eq(document_position(doc, 2, 0).offset, 1);
	cr_assert_eq(document_position(doc, 2, 0).column, 2);
	document_free(doc);
}

Test(document, unknown_encoding_is_an_error)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes("abc", 3, "NO-SUCH-ENC", &rc, &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_USAGE);
	cr_assert(strstr(err.msg, "NO-SUCH-ENC"));
}

Test(document, forced_utf8_rejects_bad_bytes)
{
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes("caf\xE9", 4, "UTF-8", &rc, &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_ENCODING);
}

Test(document, nfc_map_points_at_decomposed_original)
{
	/* "e" + combining acute (3 bytes) becomes "é" (2 bytes) */
	struct document *doc = load_str("Cafe\xCC\x81 x\nnext");
	const char *x = strchr(doc->text, 'x');
	uint32_t off = (uint32_t)(x - doc->text);
	struct doc_pos p = document_position(doc, off, 0);

	cr_assert_str_eq(doc->text, "Caf\xC3\xA9 x\nnext");
	cr_assert_eq(p.offset, 7, "offset %u", p.offset); /* after 'e'+U+0301 */
	cr_assert_eq(p.column, 7, "column %u", p.column); /* 6 code points before */
	/* the composed character maps to the whole decomposed pair */
	cr_assert_eq(document_position(doc, 3, 0).offset, 3);
	cr_assert_eq(document_position(doc, 5, 1).offset, 6);
	/* lines after a normalised one are unaffected */
	cr_assert_eq(document_position(doc, off + 2, 0).line, 2);
	document_free(doc);
}

Test(document, utf16_columns_for_lsp)
{
	/* U+1F600 is 4 bytes, 2 UTF-16 units, 1 code point */
	struct document *doc = load_str("a\xF0\x9F\x98\x80" "b");
	struct doc_pos p = document_position(doc, 5, 0);

	cr_assert_eq(p.column, 3);
	cr_assert_eq(p.column16, 3);
	cr_assert_eq(document_offset_at(doc, 1, 3), 5);
	cr_assert_eq(document_offset_at(doc, 1, 99), 6);
	document_free(doc);
}

Test(document, empty_input)
{
	struct document *doc = load_str("");

	cr_assert_eq(doc->len, 0);
	cr_assert_eq(document_line_count(doc), 0);
	cr_assert_eq(document_position(doc, 0, 0).line, 1);
	document_free(doc);
}

Test(document, too_large)
{
	struct document_options o = { .max_bytes = 4 };
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(document_load_mem("big", "12345", 5, &o, &doc, &err),
		     MT_ERR_TOO_LARGE);
	cr_assert_null(doc);
}

Test(document, missing_file)
{
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(document_load_file("/nonexistent/x.txt", NULL, &doc, &err),
		     MT_ERR_IO);
	cr_assert(strstr(err.msg, "/nonexistent/x.txt"));
	cr_assert(strstr(err.msg, "No such file"));
}

Test(document, directory_is_an_error)
{
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(document_load_file("/tmp", NULL, &doc, &err), MT_ERR_IO);
	cr_assert(strstr(err.msg, "directory"), "%s", err.msg);
}

Test(document, original_bytes_kept)
{
	static const char in[] = "\xEF\xBB\xBFx";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, 4, NULL, &rc, &err);
	size_t len;
	const unsigned char *o = document_original(doc, &len);

	cr_assert_eq(len, 4);
	cr_assert(memcmp(o, in, 4) == 0);
	document_free(doc);
}

Test(document, columns_on_a_very_long_line)
{
	/* 3000 × "é x " (5 bytes, 4 code points): columns must be exact far
	 * past the checkpoints, and before the line too */
	size_t n = 3000, len = 5 * n;
	char *s = malloc(len + 16);
	struct document *doc;

	memcpy(s, "ab\n", 3);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 3 + 5 * i, "\xC3\xA9 x ", 5);
	s[3 + len] = '\0';
	doc = load_str(s);
	for (size_t i = 0; i < n; i += 997) {
		struct doc_pos p = document_position(doc,
						     (uint32_t)(3 + 5 * i + 3),
						     0);

		cr_assert_eq(p.line, 2);
		cr_assert_eq(p.column, 4 * i + 3, "i=%zu column %u", i,
			     p.column);
		cr_assert_eq(p.column16, 4 * i + 2);
	}
	cr_assert_eq(document_position(doc, 1, 0).column, 2);
	document_free(doc);
	free(s);
}

Test(document, columns_count_every_width_of_character)
{
	/* characters of 1 to 4 bytes in a rotating order over several
	 * checkpoints, on two lines: column, column16 and offset16 at every
	 * character agree with counting them one by one */
	static const char *const ch[] = { "a", "\xC3\xA9", "\xE2\x82\xAC",
					  "\xF0\x9F\x98\x80", " " };
	size_t len = 0, n_ch = 0, cap = 4 * 2600 + 8;
	uint32_t cps = 0, u16 = 0, line_cps = 0, line_u16 = 0, line = 1;
	char *s = malloc(cap);
	struct document *doc;

	for (size_t i = 0; i < 2600; i++, n_ch++) {
		const char *c = i == 1300 ? "\n" : ch[(i * 7 + i / 5) % 5];

		memcpy(s + len, c, strlen(c));
		len += strlen(c);
	}
	s[len] = '\0';
	doc = load_str(s);
	cr_assert_eq(doc->len, len);
	for (size_t off = 0; off <= len;) {
		struct doc_pos p = document_position(doc, (uint32_t)off, 0);
		size_t k;

		cr_assert_eq(p.line, line, "offset %zu: line %u", off, p.line);
		cr_assert_eq(p.column, cps - line_cps + 1,
			     "offset %zu: column %u, counted %u", off, p.column,
			     cps - line_cps + 1);
		cr_assert_eq(p.column16, u16 - line_u16,
			     "offset %zu: column16 %u, counted %u", off,
			     p.column16, u16 - line_u16);
		cr_assert_eq(p.offset16, u16,
			     "offset %zu: offset16 %u, counted %u", off,
			     p.offset16, u16);
		if (off == len)
			break;
		k = (unsigned char)s[off] >= 0xF0   ? 4
		    : (unsigned char)s[off] >= 0xE0 ? 3
		    : (unsigned char)s[off] >= 0xC0 ? 2
						    : 1;
		cps++;
		u16 += k == 4 ? 2 : 1;
		if (s[off] == '\n') {
			line++;
			line_cps = cps;
			line_u16 = u16;
		}
		off += k;
	}
	cr_assert_eq(n_ch, 2600);
	document_free(doc);
	free(s);
}

/* Original byte range [start, end) of the text span of `needle`. */
static void orig_range(const struct document *doc, const char *needle,
		       uint32_t *start, uint32_t *end)
{
	const char *p = strstr(doc->text, needle);

	cr_assert_not_null(p, "'%s' not in '%s'", needle, doc->text);
	*start = document_position(doc, (uint32_t)(p - doc->text), 0).offset;
	*end = document_position(doc, (uint32_t)(p - doc->text + strlen(needle)),
				 1).offset;
}

Test(document, stateful_encoding_maps_each_character_to_its_bytes)
{
	/* UTF-7: "+APw-" is one "ü"; iconv consumes "+", "A", "P" with no
	 * output and the closing "-" too */
	static const char in[] = "It was was +APw-ber.";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, "UTF-7", &rc,
					  &err);
	uint32_t a, e;

	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(doc->text, "It was was \xC3\xBC" "ber.");
	orig_range(doc, "was was", &a, &e);
	cr_expect_eq(a, 3);
	cr_expect_eq(e, 10);
	orig_range(doc, "\xC3\xBC", &a, &e);
	cr_expect_eq(a, 11);
	cr_expect_eq(e, 16, "the closing '-' belongs to the character");
	orig_range(doc, "ber", &a, &e);
	cr_expect_eq(a, 16);
	cr_expect_eq(e, 19);
	cr_expect_eq(document_position(doc, (uint32_t)strlen("It was was "
							       "\xC3\xBC"),
					0).column, 13);
	document_free(doc);
}

Test(document, lagging_converter_maps_each_character_to_its_bytes)
{
	/* CP1258 holds every letter back until it knows no combining accent
	 * follows: output lags one byte behind the input */
	static const char in[] = "It was was the end.";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, "CP1258", &rc,
					  &err);
	uint32_t a, e;

	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(doc->text, in);
	orig_range(doc, "was was", &a, &e);
	cr_expect_eq(a, 3);
	cr_expect_eq(e, 10);
	orig_range(doc, "end", &a, &e);
	cr_expect_eq(a, 15);
	cr_expect_eq(e, 18);
	document_free(doc);
}

Test(document, shift_state_survives_an_incomplete_character)
{
	/* IBM930 (EBCDIC with SO/SI): after SO (0x0E) a double-byte
	 * character fed one byte at a time is incomplete, not a reason to
	 * forget the shift */
	static const char utf8[] = "\xE6\x9D\xB1\xE4\xBA\xAC x";
	char enc[64], *ip = (char *)utf8, *op = enc;
	size_t il = sizeof(utf8) - 1, ol = sizeof(enc);
	iconv_t cd = iconv_open("IBM930", "UTF-8");
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc;

	cr_assert_neq(cd, (iconv_t)-1);
	cr_assert_neq(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	cr_assert_neq(iconv(cd, NULL, NULL, &op, &ol), (size_t)-1);
	iconv_close(cd);
	doc = load_bytes(enc, (size_t)(op - enc), "IBM930", &rc, &err);
	cr_assert_eq(rc, MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(doc->text, utf8);
	document_free(doc);
}

Test(document, mixed_utf8_with_an_invalid_first_byte_is_refused)
{
	/* a Latin-1 "é" first, proper UTF-8 "é" later: not Latin-1 text */
	static const char in[] = "Caf\xE9 here.\nThe caf\xC3\xA9 there.";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, NULL, &rc, &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_ENCODING);
	cr_expect(strstr(err.msg, "byte 0xE9") && strstr(err.msg, "line 1") &&
			  strstr(err.msg, "byte offset 3"),
		  "%s", err.msg);
	cr_expect(strstr(err.msg, "valid UTF-8 at line 2"), "%s", err.msg);
	cr_expect(!strstr(err.msg, "ISO-8859"), "%s", err.msg);
}

Test(document, decoding_error_counts_lines_in_the_decoded_text)
{
	/* UTF-16BE: U+0A41 has a 0x0A byte, which is no line end; the lone
	 * surrogate D800 is on line 2 */
	static const char in[] = "\xFE\xFF\x0A\x41\x00\x0A\x00" "a"
				 "\xD8\x00\x00" "b";
	struct mt_error err = { 0 };
	enum mt_err rc;
	struct document *doc = load_bytes(in, sizeof(in) - 1, NULL, &rc, &err);

	cr_assert_null(doc);
	cr_assert_eq(rc, MT_ERR_ENCODING);
	cr_expect(strstr(err.msg, "line 2,") && strstr(err.msg, "UTF-16BE") &&
			  strstr(err.msg, "byte offset 8"),
		  "%s", err.msg);
}
