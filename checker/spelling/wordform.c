/*
 * wordform: a word's make-up and lookup forms (see wordform.h).
 */
#include "spelling/wordform.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "spelling/hunspell.h"
#include "util/common.h"

char *wordform_lower(struct arena *a, const char *w, size_t len,
		     size_t *out_len)
{
	char *out = arena_alloc(a, len * 2 + 8);
	int32_t i = 0, o = 0, cap = (int32_t)(len * 2 + 8);

	while (i < (int32_t)len) {
		UChar32 c;
		UBool bad = 0;

		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0)
			c = 0xFFFD;
		if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
			c = '\'';
		U8_APPEND((uint8_t *)out, o, cap - 1, u_tolower(c), bad);
		if (bad)
			break;
	}
	out[o] = '\0';
	if (out_len)
		*out_len = (size_t)o;
	return out;
}

size_t wordform_base(const char *w, size_t len, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < cap; i++) {
		const unsigned char *u = (const unsigned char *)w + i;

		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 &&
		    (u[2] == 0x98 || u[2] == 0x99)) {
			out[o++] = '\'';
			i += 2;
		} else {
			out[o++] = w[i];
		}
	}
	if (o > 2 && out[o - 2] == '\'' && out[o - 1] == 's')
		o -= 2;
	else if (o > 2 && out[o - 1] == '\'' && out[o - 2] == 's')
		o -= 1;
	out[o] = '\0';
	return o;
}

/* w points into the document, which goes on after the word: never print
 * it with "%s". */
size_t wordform_possessive_len(const char *w, size_t n)
{
	if (n > 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0)
		return 4;
	if (n > 4 && memcmp(w + n - 4, "s\xe2\x80\x99", 4) == 0)
		return 3;
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		return 2;
	if (n > 2 && w[n - 1] == '\'' && w[n - 2] == 's')
		return 1;
	return 0;
}

size_t wordform_strip_accents(const char *w, size_t n, char *out, size_t cap)
{
	UChar u[2 * SPELLER_MAX_WORD + 8], d[4 * SPELLER_MAX_WORD + 16];
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	int32_t ul = 0, dl, o = 0, len = 0;

	if (U_FAILURE(st) || n > SPELLER_MAX_WORD)
		return 0;
	u_strFromUTF8(u, (int32_t)ARRAY_SIZE(u), &ul, w, (int32_t)n, &st);
	dl = unorm2_normalize(nfd, u, ul, d, (int32_t)ARRAY_SIZE(d), &st);
	if (U_FAILURE(st))
		return 0;
	for (int32_t i = 0; i < dl; i++)
		if (!(U_GET_GC_MASK(d[i]) & U_GC_MN_MASK))
			d[o++] = d[i];
	if (o == dl)
		return 0;
	u_strToUTF8(out, (int32_t)cap, &len, d, o, &st);
	if (U_FAILURE(st) || len <= 0 || (size_t)len >= cap)
		return 0;
	return (size_t)len;
}

void wordform_scan(const char *w, size_t len, struct wordform *wi)
{
	int32_t i = 0;

	memset(wi, 0, sizeof(*wi));
	while (i < (int32_t)len) {
		UChar32 c;
		UErrorCode st = U_ZERO_ERROR;
		unsigned char b = (unsigned char)w[i];

		/* ASCII, nearly every byte of English text, without ICU */
		if (b < 0x80) {
			int up = b >= 'A' && b <= 'Z';

			i++;
			if (b >= '0' && b <= '9') {
				wi->digits++;
			} else if (up || (b >= 'a' && b <= 'z')) {
				if (wi->letters == 0)
					wi->first_upper = up;
				wi->letters++;
				wi->upper += up;
			} else if (b != '\'' && b != '.') {
				wi->other++;
			}
			continue;
		}
		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0)
			continue;
		wi->nonascii++;
		if (u_isdigit(c)) {
			wi->digits++;
		} else if (!u_isalpha(c) && !(U_GET_GC_MASK(c) & U_GC_M_MASK) &&
			   c != '\'' && c != 0x2019 && c != 0x2018 &&
			   c != 0x02BC && c != '.') {
			wi->other++;
		} else if (u_isalpha(c)) {
			UScriptCode sc = uscript_getScript(c, &st);

			if (U_SUCCESS(st) && sc != USCRIPT_LATIN &&
			    sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
				wi->nonlatin++;
			if (wi->letters == 0)
				wi->first_upper = u_isupper(c) != 0;
			wi->letters++;
			if (u_isupper(c))
				wi->upper++;
		}
	}
}

size_t wordform_codepoints(const char *w, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)w[i] & 0xC0) != 0x80;
	return n;
}
