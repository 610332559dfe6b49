/*
 * regexwords: a regular expression that names a finite set of words, read
 * as that set, so that a token test matches plain ASCII tokens without
 * running ICU's regex engine (the engine's set-up dominates on one short
 * token: about half a microsecond a call, on every distinct word form of a
 * document, for each such rule).
 *
 * The shape understood is a subset of ICU's syntax whose meaning is plain:
 * literal characters (ASCII punctuation may be escaped: "\."), groups
 * "(?:...)" and "(...)", alternation "|", "?" after a character, class or
 * group, classes of literal characters ("['’]", no ranges, negation or
 * escapes), and ".*" at the start or the end of a top-level alternative
 * (any prefix, any suffix: ".*n['’]t", "(?:hour|heir).*").  The pattern
 * may be wrapped in one group.  Anything else (other quantifiers, "\p",
 * anchors, look-arounds, inline flags, ".") makes regex_words_parse()
 * return NULL, and the caller keeps using ICU.  At most 256 words of at
 * most 64 bytes.
 *
 * The answer is ICU's whole-token match exactly, for tokens of ASCII bytes
 * (the only ones regex_words_match() takes): case-insensitive matching of
 * an ASCII token folds ASCII letters only, and a word holding a non-ASCII
 * character can only match a non-ASCII token, unless case folding could
 * turn it into ASCII -- a pattern with such a character ("ß", "ſ", the
 * Kelvin sign) is not read as words when case-insensitive.
 * tests/test_pattern.c compares both on every rule's patterns.
 */
#ifndef MT_REGEXWORDS_H
#define MT_REGEXWORDS_H

#include <stddef.h>

struct regex_words;

/* The words of `re` (UTF-8, NUL-terminated), or NULL when re is not of
 * the shape above.  icase: matched ignoring case (PATTERN_ICASE). */
struct regex_words *regex_words_parse(const char *re, int icase);
void regex_words_free(struct regex_words *w); /* NULL is a no-op */

/* Can regex_words_match() judge s[0..len): ASCII bytes only? */
int regex_words_takes(const char *s, size_t len);

/* Does the whole of s[0..len) (regex_words_takes() true) match? */
int regex_words_match(const struct regex_words *w, const char *s, size_t len);

/*
 * The set's words, when it is finite (no ".*" part): the number of them,
 * each in turn from regex_words_at() (NUL-terminated; lower case when
 * case-insensitive).  0 when some word takes any prefix or suffix.
 */
size_t regex_words_count_whole(const struct regex_words *w);
const char *regex_words_at(const struct regex_words *w, size_t i);

#endif /* MT_REGEXWORDS_H */
