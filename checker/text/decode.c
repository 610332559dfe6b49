/*
 * decode: a document's bytes made into NFC UTF-8 with maps back (see
 * decode.h).
 */
#include "text/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "util/buf.h"
#include "util/xalloc.h"

/* Line and column of a raw byte offset, for decoding errors. */
static uint32_t raw_line(const unsigned char *p, size_t off)
{
	uint32_t line = 1;

	for (size_t i = 0; i < off; i++) {
		if (p[i] == '\n' ||
		    (p[i] == '\r' && (i + 1 >= off || p[i + 1] != '\n')))
			line++;
	}
	return line;
}

/* Where a step of iconv_steps() failed. */
struct iconv_fail {
	size_t at;  /* offset into the input */
	int at_end; /* an incomplete sequence at the end */
};

/*
 * Convert `in` to UTF-8 into *out one character at a time, recording in `m`
 * which input bytes (offset by `base`) each output character came from:
 * iconv is fed 1, 2, ... bytes until it completes a character.  Slower
 * than one bulk call, but only legacy input comes here.  Returns 1 on
 * success; 0 with *fail set on bytes iconv rejects; -1 when the text
 * would pass UINT32_MAX / 2 bytes.  *held is set when some bytes produced
 * no output when consumed.
 *
 * Stateful encodings (UTF-7, ISO-2022-*) consume bytes that produce no
 * output at once: a shift sequence ("+" of UTF-7, ESC $ B), base64 digits
 * iconv holds back until a whole character is ready, a closing "-".
 * Such bytes are not mapped on their own (the map cannot hold a run of
 * original bytes with no text): they stay pending and belong to the next
 * character iconv produces -- "+APw" is the "ü" of "+APw-" -- except that
 * bytes right after a character that was itself converted (a shift
 * sequence closing it, the "-") belong to that character.  So "It was was
 * +APw-ber." maps "ü" to "+APw-" and every ASCII byte to itself.
 *
 * Some converters lag instead: CP1258 holds each letter back until it
 * knows no combining accent follows.  With `flush_each` the converter is
 * flushed after every character, which undoes the lag, but also the shift
 * state of a stateful encoding: the caller compares the two results.
 */
static int iconv_steps(iconv_t cd, const unsigned char *in, size_t len,
		       size_t base, int flush_each, struct buf *out,
		       struct doc_map *m, int *held, struct iconv_fail *fail)
{
	size_t pos = 0, pending = 0; /* bytes [pending, pos) await output */
	int prev_opaque = 0;	     /* the last character changed length */

	*held = 0;
	iconv(cd, NULL, NULL, NULL, NULL);
	doc_map_add(m, 0, (uint32_t)base);
	for (;;) {
		char tmp[64], *op = tmp;
		size_t k = 0, produced, ol = sizeof(tmp);
		int ok = 0;

		for (k = 1; pos < len && pos + k <= len && k <= 8; k++) {
			char *ip = (char *)(in + pos);
			size_t il = k;

			op = tmp;
			ol = sizeof(tmp);
			if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1) {
				k -= il;
				ok = 1;
				break;
			}
			/* EINVAL: an incomplete character, nothing consumed;
			 * the shift state stays (no reset: SO/SI of EBCDIC) */
			if (errno != EINVAL)
				break;
		}
		if (pos >= len)
			k = 0; /* the end: whatever the converter holds */
		if (pos >= len || flush_each)
			ok = (pos < len ? ok : 1) &&
			     iconv(cd, NULL, NULL, &op, &ol) != (size_t)-1;
		if (!ok) {
			fail->at = pos < len ? pos : pending;
			fail->at_end = pos >= len || pos + k > len;
			return 0;
		}
		produced = sizeof(tmp) - ol;
		if (out->len + produced > UINT32_MAX / 2)
			return -1;
		pos += k;
		if (!produced) {
			*held |= k > 0;
			if (pending == pos - k && prev_opaque) {
				/* closes the character before: extend it */
				doc_map_add(m, (uint32_t)out->len,
					    (uint32_t)(base + pos));
				pending = pos;
			}
			if (!k)
				return 1;
			continue;
		}
		doc_map_char(m, (uint32_t)out->len, (uint32_t)produced,
			     (uint32_t)(base + pending),
			     (uint32_t)(pos - pending));
		/* doc_map_char() anchored it: what follows may extend it */
		prev_opaque = produced != pos - pending;
		buf_add(out, tmp, produced);
		pending = pos;
		if (!k)
			return 1;
	}
}

/*
 * Decode bytes in any encoding iconv knows (see iconv_steps()); a
 * converter that held bytes back is tried again with a flush after every
 * character, whose map is kept when it gives the same text.
 */
static enum mt_err decode_iconv(struct doc_loader *L, const char *enc,
				const unsigned char *in, size_t len,
				size_t base)
{
	struct document *doc = L->doc;
	iconv_t cd = iconv_open("UTF-8", enc);
	struct buf out = BUF_INIT;
	struct iconv_fail fail;
	int held, r;

	if (cd == (iconv_t)-1)
		return mt_error(L->err, MT_ERR_USAGE, "unknown encoding '%s'",
				enc);
	buf_grow(&out, len + len / 2);
	r = iconv_steps(cd, in, len, base, 0, &out, &L->src_map, &held, &fail);
	if (r == 1 && held) {
		struct buf again = BUF_INIT;
		struct doc_map m2 = { 0 };
		int held2;

		if (iconv_steps(cd, in, len, base, 1, &again, &m2, &held2,
				&fail) == 1 &&
		    again.len == out.len &&
		    memcmp(again.buf, out.buf, out.len) == 0) {
			free(L->src_map.v);
			L->src_map = m2;
		} else {
			free(m2.v);
		}
		buf_release(&again);
	}
	iconv_close(cd);
	if (r != 1) {
		/* the line counted in the decoded text: in UTF-16BE the
		 * byte 0x0A of U+0A00 is no line end */
		size_t at = base + fail.at;
		unsigned line = raw_line((const unsigned char *)out.buf,
					 out.len);
		const char *how = doc->encoding_detected
					  ? " (detected; name the file's "
					    "encoding with --encoding)"
					  : "";

		buf_release(&out);
		if (r < 0)
			return mt_error(L->err, MT_ERR_TOO_LARGE,
					"%s: input too large", doc->name);
		if (fail.at_end)
			return mt_error(L->err, MT_ERR_ENCODING,
					"%s: incomplete %s sequence at the end "
					"(line %u, byte offset %zu)%s",
					doc->name, enc, line, at, how);
		return mt_error(L->err, MT_ERR_ENCODING,
				"%s: cannot decode byte 0x%02X as %s at line "
				"%u, byte offset %zu%s",
				doc->name, doc->orig[at], enc, line, at, how);
	}
	doc->src_len = (uint32_t)out.len;
	doc->src = arena_memdup(&doc->arena, out.buf, out.len + 1);
	buf_release(&out);
	doc->src_map = doc_map_finish(&doc->arena, &L->src_map, doc->src_len,
				      (uint32_t)doc->orig_len);
	/* decoded text may contain U+0000 (UTF-16 input): still binary */
	const char *nul = memchr(doc->src, '\0', doc->src_len);

	if (nul) {
		uint32_t at = doc_map_lookup(doc->src_map,
					     (uint32_t)(nul - doc->src), 0);

		return mt_error(L->err, MT_ERR_BINARY,
				"%s: binary file (NUL character at byte "
				"offset %u); not checked",
				doc->name, at);
	}
	return MT_ERR_OK;
}

/*
 * Find the first invalid UTF-8 sequence; returns its offset or len when the
 * input is valid.  *multibyte gets the offset of the first valid
 * multi-byte sequence anywhere in the input, before or after the invalid
 * one (evidence that the input is meant to be UTF-8), or len when there is
 * none: "\xE9t\xE9 caf\xC3\xA9" is broken UTF-8, not Latin-1.
 */
static size_t utf8_scan(const unsigned char *s, size_t len, size_t *multibyte)
{
	size_t i = 0, bad = len;

	*multibyte = len;
	while (i < len && (bad == len || *multibyte == len)) {
		UChar32 c;
		size_t at = i;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		/* ICU's U8_NEXT works on int32_t lengths: step in windows */
		int32_t j = 0, n = (int32_t)(len - i > 8 ? 8 : len - i);

		U8_NEXT(s + i, j, n, c);
		if (c < 0) {
			if (bad == len)
				bad = at;
		} else if (*multibyte == len) {
			*multibyte = at;
		}
		i += (size_t)j;
	}
	return bad;
}

enum mt_err decode_source(struct doc_loader *L, const char *forced)
{
	struct document *doc = L->doc;
	const unsigned char *p = doc->orig;
	size_t len = doc->orig_len, skip = 0;
	const char *enc = NULL;

	if (len >= 4 && p[0] == 0xFF && p[1] == 0xFE && !p[2] && !p[3])
		enc = "UTF-32LE", skip = 4;
	else if (len >= 4 && !p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF)
		enc = "UTF-32BE", skip = 4;
	else if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		enc = "UTF-8", skip = 3;
	else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		enc = "UTF-16LE", skip = 2;
	else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		enc = "UTF-16BE", skip = 2;

	if (forced && (!enc || strcmp(enc, "UTF-8") == 0)) {
		/* --encoding wins over detection, not over a UTF-16 BOM */
		if (strcasecmp(forced, "UTF-8") && strcasecmp(forced, "UTF8")) {
			doc->encoding = arena_strdup(&doc->arena, forced);
			return decode_iconv(L, forced, p + skip, len - skip,
					    skip);
		}
		enc = "UTF-8";
	}
	if (enc && strcmp(enc, "UTF-8") != 0) {
		doc->encoding = enc;
		return decode_iconv(L, enc, p + skip, len - skip, skip);
	}

	const unsigned char *nul = memchr(p, '\0', len);

	if (nul)
		return mt_error(L->err, MT_ERR_BINARY,
				"%s: binary file (NUL byte at byte offset %zu); "
				"not checked",
				doc->name, (size_t)(nul - p));

	size_t multibyte;
	size_t bad = utf8_scan(p + skip, len - skip, &multibyte);

	if (bad == len - skip) {
		doc->encoding = "UTF-8";
		doc->src = (const char *)p + skip;
		doc->src_len = (uint32_t)(len - skip);
		doc_map_add(&L->src_map, 0, (uint32_t)skip);
		doc->src_map = doc_map_finish(&doc->arena, &L->src_map,
					      doc->src_len, (uint32_t)len);
		return MT_ERR_OK;
	}
	bad += skip;
	if (!forced && multibyte == len - skip && !skip) {
		/* no sign of UTF-8 at all: a legacy 8-bit encoding? */
		UErrorCode st = U_ZERO_ERROR;
		UCharsetDetector *det = ucsdet_open(&st);
		const UCharsetMatch *m;
		const char *name = NULL;
		int32_t conf = 0;

		ucsdet_setText(det, (const char *)p,
			       (int32_t)(len > INT32_MAX ? INT32_MAX : len),
			       &st);
		m = ucsdet_detect(det, &st);
		if (U_SUCCESS(st) && m) {
			name = ucsdet_getName(m, &st);
			conf = ucsdet_getConfidence(m, &st);
		}
		if (U_SUCCESS(st) && name && conf >= 10 &&
		    strncmp(name, "UTF", 3) != 0) {
			doc->encoding = arena_strdup(&doc->arena, name);
			doc->encoding_detected = 1;
			ucsdet_close(det);
			return decode_iconv(L, doc->encoding, p, len, 0);
		}
		ucsdet_close(det);
	}
	if (multibyte != len - skip) {
		size_t good = multibyte + skip;

		return mt_error(L->err, MT_ERR_ENCODING,
				"%s: invalid UTF-8 (byte 0x%02X) at line %u, "
				"byte offset %zu, in a file with valid UTF-8 "
				"at line %u, byte offset %zu: mixed "
				"encodings; convert the file to UTF-8",
				doc->name, p[bad], raw_line(p, bad), bad,
				raw_line(p, good), good);
	}
	return mt_error(L->err, MT_ERR_ENCODING,
			"%s: invalid UTF-8 (byte 0x%02X) at line %u, byte "
			"offset %zu; name the file's encoding with --encoding",
			doc->name, p[bad], raw_line(p, bad), bad);
}

static int all_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* NFC of one UTF-8 chunk appended to out; returns 0 or -1 on ICU error. */
static int nfc_chunk(const UNormalizer2 *nfc, const char *s, int32_t n,
		     struct buf *out, UChar **u16, int32_t *u16cap)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t ulen = 0, nlen, blen;

	if (*u16cap < 2 * n + 16) {
		*u16cap = 2 * n + 16;
		*u16 = xrealloc(*u16, (size_t)*u16cap * 2 * sizeof(UChar));
	}
	UChar *src = *u16, *dst = *u16 + *u16cap;

	u_strFromUTF8(src, *u16cap, &ulen, s, n, &st);
	nlen = unorm2_normalize(nfc, src, ulen, dst, *u16cap, &st);
	if (U_FAILURE(st))
		return -1;
	st = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &blen, dst, nlen, &st);
	st = U_ZERO_ERROR;
	buf_grow(out, (size_t)blen);
	u_strToUTF8(out->buf + out->len, blen + 1, &blen, dst, nlen, &st);
	if (U_FAILURE(st))
		return -1;
	out->len += (size_t)blen;
	out->buf[out->len] = '\0';
	return 0;
}

/*
 * NFC, line by line.  A line that ICU says is already normalised is copied
 * as it is; any other is cut at normalisation boundaries and each piece
 * normalised on its own, so the map knows which piece each output byte came
 * from.  Nothing is copied at all when every line is already NFC.
 */
enum mt_err decode_normalise(struct doc_loader *L)
{
	struct document *doc = L->doc;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	const char *s = doc->src;
	uint32_t n = doc->src_len, pos = 0;
	struct buf out = BUF_INIT;
	UChar *u16 = NULL;
	int32_t u16cap = 0;
	int changed = 0;

	if (U_FAILURE(st))
		return mt_error(L->err, MT_ERR_UNICODE,
				"cannot load ICU normalisation data: %s",
				u_errorName(st));
	doc_map_add(&L->text_map, 0, 0);
	while (pos < n) {
		const char *nl = memchr(s + pos, '\n', n - pos);
		uint32_t end = nl ? (uint32_t)(nl - s) + 1 : n;
		uint32_t line_len = end - pos;

		if (all_ascii(s + pos, line_len)) {
			if (changed)
				buf_add(&out, s + pos, line_len);
			pos = end;
			continue;
		}
		/* Is the line already NFC? */
		int32_t ulen = 0;
		UChar *line16;

		st = U_ZERO_ERROR;
		if (u16cap < 2 * (int32_t)line_len + 16) {
			u16cap = 2 * (int32_t)line_len + 16;
			u16 = xrealloc(u16, (size_t)u16cap * 2 * sizeof(UChar));
		}
		line16 = u16;
		u_strFromUTF8(line16, u16cap, &ulen, s + pos, (int32_t)line_len,
			      &st);
		if (U_SUCCESS(st) &&
		    unorm2_isNormalized(nfc, line16, ulen, &st)) {
			if (changed)
				buf_add(&out, s + pos, line_len);
			pos = end;
			continue;
		}
		if (!changed) {
			changed = 1;
			buf_grow(&out, n + n / 8);
			buf_add(&out, s, pos);
		}
		/* piece by piece, cut where a character has a boundary */
		uint32_t i = pos, piece = pos;

		while (i <= end) {
			UChar32 c = 0;
			uint32_t next = i;

			if (i < end) {
				int32_t j = 0;

				U8_NEXT(s + i, j, (int32_t)(end - i), c);
				next = i + (uint32_t)j;
			}
			if (i == end ||
			    (i > piece && unorm2_hasBoundaryBefore(nfc, c))) {
				uint32_t to = (uint32_t)out.len;

				if (nfc_chunk(nfc, s + piece,
					      (int32_t)(i - piece), &out, &u16,
					      &u16cap) < 0) {
					free(u16);
					buf_release(&out);
					return mt_error(L->err, MT_ERR_UNICODE,
							"%s: cannot normalise "
							"line text",
							doc->name);
				}
				doc_map_char(&L->text_map, to,
					     (uint32_t)out.len - to, piece,
					     i - piece);
				piece = i;
			}
			if (i == end)
				break;
			i = next;
		}
		pos = end;
	}
	free(u16);
	if (changed) {
		if (out.len >= UINT32_MAX / 2) {
			buf_release(&out);
			return mt_error(L->err, MT_ERR_TOO_LARGE,
					"%s: input too large", doc->name);
		}
		doc->len = (uint32_t)out.len;
		doc->text = arena_memdup(&doc->arena, out.buf, out.len + 1);
		buf_release(&out);
	} else {
		/* the text is the source: make sure it is NUL-terminated */
		if (doc->src[doc->src_len] != '\0')
			doc->src = arena_strndup(&doc->arena, doc->src,
						 doc->src_len);
		doc->text = doc->src;
		doc->len = doc->src_len;
	}
	doc->text_map = doc_map_finish(&doc->arena, &L->text_map, doc->len,
				       doc->src_len);
	return MT_ERR_OK;
}
