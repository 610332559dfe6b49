/*
 * utf8: counting and stepping in text already known to be valid UTF-8
 * (a document's text, a JSON string): the measures other protocols use
 * for positions.  Nothing here validates: give it valid UTF-8.
 *
 * Depends on nothing but libc.
 */
#ifndef MT_UTF8_H
#define MT_UTF8_H

#include <stddef.h>

/* UTF-16 code units in s[0, len): one per code point, two above U+FFFF
 * (what JavaScript's String.length counts). */
size_t utf8_units16(const char *s, size_t len);

/* The offset `n` code points after `off` (at most len). */
size_t utf8_forward(const char *s, size_t len, size_t off, size_t n);

/* The offset `n` code points before `off` (at least 0). */
size_t utf8_backward(const char *s, size_t off, size_t n);

#endif /* MT_UTF8_H */
