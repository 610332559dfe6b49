/*
 * document: read, decode, normalise and map back (see document.h).
 *
 * The two maps (source -> original, text -> source) are lists of anchors,
 * pairs of offsets known to correspond.  Between two anchors the bytes
 * either correspond one to one (same length on both sides: a linear run) or
 * form one character whose encoding changed (an opaque run), which maps as
 * a whole.  Pure UTF-8 input already in NFC -- nearly everything -- needs
 * two anchors and no copy of the text.
 */
#include "text/document.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "util/buf.h"
#include "util/xalloc.h"

struct anchor {
	uint32_t to, from;
};

struct doc_map {
	struct anchor *v;
	size_t n, alloc;
};

/*
 * Anchors are built with plain heap arrays (they grow) and copied into the
 * document's arena when loading ends.
 */
static void map_add(struct doc_map *m, uint32_t to, uint32_t from)
{
	if (m->n && m->v[m->n - 1].to == to) {
		m->v[m->n - 1].from = from;
		return;
	}
	m->v = xgrow(m->v, &m->alloc, m->n + 1, sizeof(*m->v));
	m->v[m->n].to = to;
	m->v[m->n].from = from;
	m->n++;
}

/* Record one character: `to_len` bytes at `to` came from `from_len` at
 * `from`.  Equal lengths continue a linear run and cost nothing. */
static void map_char(struct doc_map *m, uint32_t to, uint32_t to_len,
		     uint32_t from, uint32_t from_len)
{
	if (to_len == from_len)
		return;
	map_add(m, to, from);
	map_add(m, to + to_len, from + from_len);
}

static struct doc_map *map_finish(struct arena *a, struct doc_map *m,
				  uint32_t to_len, uint32_t from_len)
{
	struct doc_map *out = arena_alloc(a, sizeof(*out));

	map_add(m, to_len, from_len);
	out->n = m->n;
	out->alloc = m->n;
	out->v = arena_memdup(a, m->v, m->n * sizeof(*m->v));
	free(m->v);
	m->v = NULL;
	m->n = m->alloc = 0;
	return out;
}

static uint32_t map_lookup(const struct doc_map *m, uint32_t pos, int is_end)
{
	size_t lo = 0, hi = m->n;

	/* largest i with v[i].to <= pos */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].to <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct anchor *a = &m->v[lo];

	if (pos <= a->to || lo + 1 >= m->n)
		return a->from + (pos > a->to ? pos - a->to : 0);
	const struct anchor *b = &m->v[lo + 1];

	if (b->to - a->to == b->from - a->from)
		return a->from + (pos - a->to);
	return is_end ? b->from : a->from;
}

static uint32_t map_lookup_inverse(const struct doc_map *m, uint32_t pos)
{
	size_t lo = 0, hi = m->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].from <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct anchor *a = &m->v[lo];

	if (pos <= a->from || lo + 1 >= m->n)
		return a->to + (pos > a->from ? pos - a->from : 0);
	const struct anchor *b = &m->v[lo + 1];

	if (b->to - a->to == b->from - a->from)
		return a->to + (pos - a->from);
	return a->to;
}

/* Line and column of a raw byte offset, for decoding errors. */
static uint32_t raw_line(const unsigned char *p, size_t off)
{
	uint32_t line = 1;

	for (size_t i = 0; i < off; i++) {
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= off ||
						       p[i + 1] != '\n')))
			line++;
	}
	return line;
}

struct loader {
	struct document *doc;
	struct mt_error *err;
	struct doc_map src_map;
	struct doc_map text_map;
};

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
	map_add(m, 0, (uint32_t)base);
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
				map_add(m, (uint32_t)out->len,
					(uint32_t)(base + pos));
				pending = pos;
			}
			if (!k)
				return 1;
			continue;
		}
		map_char(m, (uint32_t)out->len, (uint32_t)produced,
			 (uint32_t)(base + pending), (uint32_t)(pos - pending));
		/* map_char() anchored it: bytes that follow may extend it */
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
static enum mt_err decode_iconv(struct loader *L, const char *enc,
				const unsigned char *in, size_t len,
				size_t base)
{
	struct document *doc = L->doc;
	iconv_t cd = iconv_open("UTF-8", enc);
	struct buf out = BUF_INIT;
	struct iconv_fail fail;
	int held, r;

	if (cd == (iconv_t)-1)
		return mt_error(L->err, MT_ERR_USAGE,
				"unknown encoding '%s'", enc);
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
	doc->src_map = map_finish(&doc->arena, &L->src_map, doc->src_len,
				  (uint32_t)doc->orig_len);
	/* decoded text may contain U+0000 (UTF-16 input): still binary */
	const char *nul = memchr(doc->src, '\0', doc->src_len);

	if (nul) {
		uint32_t at = map_lookup(doc->src_map,
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

static enum mt_err decode(struct loader *L, const char *forced)
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
		map_add(&L->src_map, 0, (uint32_t)skip);
		doc->src_map = map_finish(&doc->arena, &L->src_map,
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
static enum mt_err normalise(struct loader *L)
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
	map_add(&L->text_map, 0, 0);
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
		u_strFromUTF8(line16, u16cap, &ulen, s + pos,
			      (int32_t)line_len, &st);
		if (U_SUCCESS(st) && unorm2_isNormalized(nfc, line16, ulen,
							 &st)) {
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
			if (i == end || (i > piece &&
					 unorm2_hasBoundaryBefore(nfc, c))) {
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
				map_char(&L->text_map, to,
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
	doc->text_map = map_finish(&doc->arena, &L->text_map, doc->len,
				   doc->src_len);
	return MT_ERR_OK;
}

#define DOC_CHECKPOINT 1024u

/* Code points and UTF-16 units in src[from, to). */
static void count_units(const char *s, uint32_t from, uint32_t to,
			uint32_t *cps, uint32_t *u16)
{
	for (uint32_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80) {
			(*cps)++;
			*u16 += c >= 0xF0 ? 2 : 1;
		}
	}
}

static void build_checkpoints(struct document *doc)
{
	uint32_t n = doc->src_len / DOC_CHECKPOINT + 1, cps = 0, u16 = 0;

	doc->cp_before = arena_alloc(&doc->arena, n * sizeof(uint32_t));
	doc->u16_before = arena_alloc(&doc->arena, n * sizeof(uint32_t));
	for (uint32_t k = 0; k < n; k++) {
		uint32_t from = k * DOC_CHECKPOINT;

		doc->cp_before[k] = cps;
		doc->u16_before[k] = u16;
		if (k + 1 < n)
			count_units(doc->src, from, from + DOC_CHECKPOINT, &cps,
				    &u16);
	}
}

/* Code points and UTF-16 units in src before off. */
static void units_before(const struct document *doc, uint32_t off,
			 uint32_t *cps, uint32_t *u16)
{
	uint32_t k = off / DOC_CHECKPOINT;

	*cps = doc->cp_before[k];
	*u16 = doc->u16_before[k];
	count_units(doc->src, k * DOC_CHECKPOINT, off, cps, u16);
}

static void build_lines(struct document *doc)
{
	const char *s = doc->src;
	uint32_t n = doc->src_len, count = 1;

	for (uint32_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n ||
						       s[i + 1] != '\n')))
			count++;
	doc->line_starts = arena_alloc(&doc->arena, count * sizeof(uint32_t));
	doc->line_starts[0] = 0;
	doc->n_lines = 1;
	for (uint32_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n ||
						       s[i + 1] != '\n')))
			doc->line_starts[doc->n_lines++] = i + 1;
	/* a final line end does not start another line */
	if (doc->n_lines > 1 && doc->line_starts[doc->n_lines - 1] == n)
		doc->n_lines--;
	build_checkpoints(doc);
}

enum mt_err document_load_mem(const char *path, const void *bytes, size_t len,
			      const struct document_options *opts,
			      struct document **out, struct mt_error *err)
{
	struct document *doc = xcalloc(1, sizeof(*doc));
	size_t max = opts && opts->max_bytes &&
				     opts->max_bytes < DOCUMENT_MAX_BYTES
			     ? opts->max_bytes
			     : DOCUMENT_MAX_BYTES;
	struct loader L = { .doc = doc, .err = err };
	enum mt_err rc;

	*out = NULL;
	arena_init(&doc->arena, 0);
	doc->path = arena_strdup(&doc->arena, path);
	doc->name = strcmp(path, "-") == 0 ? "<stdin>" : doc->path;
	doc->kind = opts && opts->kind != DOCUMENT_AUTO ? opts->kind
							   : document_kind_of_path(path);
	if (len > max) {
		rc = mt_error(err, MT_ERR_TOO_LARGE,
			      "%s: file too large (%zu bytes; the limit is %zu)",
			      doc->name, len, max);
		document_free(doc);
		return rc;
	}
	/* one spare NUL so that UTF-8 input can be used in place */
	unsigned char *copy = arena_alloc(&doc->arena, len + 1);

	if (len)
		memcpy(copy, bytes, len);
	copy[len] = '\0';
	doc->orig = copy;
	doc->orig_len = len;
	rc = decode(&L, opts ? opts->encoding : NULL);
	if (rc == MT_ERR_OK)
		rc = normalise(&L);
	free(L.src_map.v);
	free(L.text_map.v);
	if (rc != MT_ERR_OK) {
		document_free(doc);
		return rc;
	}
	build_lines(doc);
	*out = doc;
	return MT_ERR_OK;
}

/* Read all of fd; the limit keeps a hostile pipe from exhausting memory. */
/*
 * Does the start of an input show it is binary: a NUL byte, and no UTF-16
 * or UTF-32 BOM (whose text has NULs)?  Then reading stops there and
 * decode() reports it, so /dev/zero or a pipe of binary data costs one
 * read, not the whole size limit.
 */
static int binary_start(const struct buf *b, const struct document_options *o)
{
	const unsigned char *p = (const unsigned char *)b->buf;

	if ((o && o->encoding) || b->len < 4 || !memchr(p, '\0', b->len))
		return 0;
	return !((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) ||
		 (!p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF));
}

enum mt_err document_load_file(const char *path,
			       const struct document_options *opts,
			       struct document **out, struct mt_error *err)
{
	size_t max = opts && opts->max_bytes &&
				     opts->max_bytes < DOCUMENT_MAX_BYTES
			     ? opts->max_bytes
			     : DOCUMENT_MAX_BYTES;
	struct buf b = BUF_INIT;
	struct stat st;
	enum mt_err rc;
	int fd, r, e, is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;

	*out = NULL;
	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mt_error(err, MT_ERR_IO, "cannot open '%s': %s", path,
				strerror(errno));
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			if (!is_stdin)
				close(fd);
			return mt_error(err, MT_ERR_IO,
					"cannot read '%s': is a directory",
					path);
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
			if (!is_stdin)
				close(fd);
			return mt_error(err, MT_ERR_TOO_LARGE,
					"%s: file too large (%lld bytes; the "
					"limit is %zu)",
					name, (long long)st.st_size, max);
		}
		if (S_ISREG(st.st_mode))
			buf_grow(&b, (size_t)st.st_size);
	}
	/* a first look, then the rest */
	r = buf_read_fd(&b, fd, 65536);
	if (r == -2 && !binary_start(&b, opts))
		r = buf_read_fd(&b, fd, max - b.len);
	else if (r == -2)
		r = 0; /* binary: decode() says where, no need for more */
	e = errno;
	if (!is_stdin)
		close(fd);
	if (r == -1)
		rc = mt_error(err, MT_ERR_IO, "cannot read '%s': %s", name,
			      strerror(e));
	else if (r == -2)
		rc = mt_error(err, MT_ERR_TOO_LARGE,
			      "%s: file too large (the limit is %zu bytes)",
			      name, max);
	else
		rc = document_load_mem(path, b.buf, b.len, opts, out, err);
	buf_release(&b);
	return rc;
}

enum document_kind document_kind_of_path(const char *path)
{
	static const char *const ext[] = { ".md",  ".markdown", ".mdown",
					   ".mkd", ".mkdn",	".mdx",
					   ".qmd" };
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return DOCUMENT_TEXT;
	for (size_t i = 0; i < ARRAY_SIZE(ext); i++)
		if (!strcasecmp(dot, ext[i]))
			return DOCUMENT_MARKDOWN;
	return DOCUMENT_TEXT;
}

void document_free(struct document *doc)
{
	if (!doc)
		return;
	arena_release(&doc->arena);
	free(doc);
}

static uint32_t line_of(const struct document *doc, uint32_t src_off)
{
	uint32_t lo = 0, hi = doc->n_lines;

	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (doc->line_starts[mid] <= src_off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

struct doc_pos document_position(const struct document *doc, uint32_t off,
				 int is_end)
{
	struct doc_pos p;
	uint32_t src_off, li;

	if (off > doc->len)
		off = doc->len;
	src_off = map_lookup(doc->text_map, off, is_end);
	if (src_off > doc->src_len)
		src_off = doc->src_len;
	p.offset = map_lookup(doc->src_map, src_off, is_end);
	li = line_of(doc, src_off);
	p.line = li + 1;
	{
		uint32_t c0, u0, c1, u1;

		units_before(doc, doc->line_starts[li], &c0, &u0);
		units_before(doc, src_off, &c1, &u1);
		p.column = 1 + (c1 - c0);
		p.column16 = u1 - u0;
		p.line_byte = src_off - doc->line_starts[li];
		p.offset16 = u1;
	}
	return p;
}

uint32_t document_offset_at(const struct document *doc, uint32_t line,
			    uint32_t column16)
{
	uint32_t i, end, units = 0;

	if (line < 1)
		return 0;
	if (line > doc->n_lines)
		return doc->len;
	i = doc->line_starts[line - 1];
	end = line < doc->n_lines ? doc->line_starts[line] : doc->src_len;
	while (i < end && units < column16) {
		unsigned char c = (unsigned char)doc->src[i];

		if (c == '\n' || c == '\r')
			break;
		units += c >= 0xF0 ? 2 : 1;
		i++;
		while (i < end && ((unsigned char)doc->src[i] & 0xC0) == 0x80)
			i++;
	}
	return map_lookup_inverse(doc->text_map, i);
}

const char *document_line(const struct document *doc, uint32_t line,
			  size_t *len)
{
	uint32_t start, end;

	if (line < 1 || line > doc->n_lines)
		return NULL;
	start = doc->line_starts[line - 1];
	end = line < doc->n_lines ? doc->line_starts[line] : doc->src_len;
	while (end > start && (doc->src[end - 1] == '\n' ||
			       doc->src[end - 1] == '\r'))
		end--;
	*len = end - start;
	return doc->src + start;
}

uint32_t document_line_count(const struct document *doc)
{
	return doc->src_len ? doc->n_lines : 0;
}

const unsigned char *document_original(const struct document *doc,
				       size_t *len)
{
	*len = doc->orig_len;
	return doc->orig;
}
