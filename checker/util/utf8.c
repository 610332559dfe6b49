/*
 * utf8: counting and stepping in valid UTF-8 (see utf8.h).
 */
#include "util/utf8.h"

static int is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

size_t utf8_units16(const char *s, size_t len)
{
	size_t u = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!is_cont((char)c))
			u += c >= 0xF0 ? 2 : 1;
	}
	return u;
}

size_t utf8_forward(const char *s, size_t len, size_t off, size_t n)
{
	while (off < len && n--) {
		off++;
		while (off < len && is_cont(s[off]))
			off++;
	}
	return off;
}

size_t utf8_backward(const char *s, size_t off, size_t n)
{
	while (off > 0 && n--) {
		off--;
		while (off > 0 && is_cont(s[off]))
			off--;
	}
	return off;
}
