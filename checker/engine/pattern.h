/*
 * pattern: compiled ICU regular expressions over UTF-8 text (the only
 * module that uses uregex).  Rules use them two ways: a token test (does
 * the whole token match?) and character-level rules (find every match in a
 * stretch of text, with capture groups).
 *
 * Positions are byte offsets into the UTF-8 text given (ICU works on a
 * UTF-8 UText, whose native indexes are bytes).
 *
 * Work is bounded twice, both counted in ICU's units of work (10,000
 * backtracking state saves each; no clock, so the same input gives the
 * same answer on any machine): every call carries ICU's limit
 * (uregex_setTimeLimit), so one pathological search gives up -- reported
 * as no match -- instead of hanging mtlint; and the searches of a pattern
 * can be charged to a budget (pattern_set_budget()), which the rule engine
 * gives each rule per document: once it is spent, every search of the
 * patterns charged to it gives up at once, and the caller says so.
 *
 * A pattern is not thread-safe (ICU keeps match state in it): use it from
 * one thread at a time.  The checker serialises checks, which suffices.
 */
#ifndef MT_PATTERN_H
#define MT_PATTERN_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

#define PATTERN_MAX_GROUPS 10

enum pattern_flag {
	PATTERN_ICASE = 1 << 0, /* case-insensitive */
	/* pattern_matches() always through ICU, with none of its shortcuts
	 * (the set of words, the first-character filter; for the tests that
	 * compare them with ICU) */
	PATTERN_ICU_ONLY = 1 << 1,
};

struct pattern;

/*
 * Compile `re` (UTF-8, ICU syntax).  On failure returns NULL and writes a
 * message ("unbalanced parenthesis at offset 7") into msg; *offset gets
 * the 0-based code-point offset of the error in `re`, or -1.
 */
struct pattern *pattern_compile(const char *re, unsigned flags, char *msg,
				size_t msg_size, int *offset);
/*
 * A pattern known to compile under `flags` with `groups` groups (the memo
 * of patternmemo.h says so), compiled by ICU when it is first searched:
 * the same answers as pattern_compile()'s, without the compile for a
 * pattern never searched.  Should it not compile then (as it was said to),
 * its searches give up as a search that runs out of work does.
 */
struct pattern *pattern_defer(const char *re, unsigned flags, int groups);
void pattern_free(struct pattern *p); /* NULL is a no-op */

/* Number of capture groups. */
int pattern_groups(const struct pattern *p);

/*
 * Does the whole of s[0..len) match?  A pattern that names a finite set
 * of words (regexwords.h) answers an ASCII s from that set, without ICU.
 * Others remember, for each ASCII character, whether a match can start
 * with it: ICU answers once on that character alone -- no match, and the
 * search never looked past it (uregex_hitEnd() false), means that no text
 * starting with it matches -- so that "[\p{Script=Han}].*" costs one look
 * at the first byte of an English word instead of a search.
 */
int pattern_matches(struct pattern *p, const char *s, size_t len);

/* The finite set of words p names (regexwords.h), or NULL: p is another
 * kind of expression, or compiled with PATTERN_ICU_ONLY. */
const struct regex_words *pattern_words(const struct pattern *p);

struct pattern_match {
	/* byte offsets into the text; group 0 is the whole match; a group
	 * that did not take part has start == end == UINT32_MAX */
	uint32_t start[PATTERN_MAX_GROUPS], end[PATTERN_MAX_GROUPS];
};

/*
 * A text prepared for many searches: ICU's regex engine is much faster on
 * UTF-16 than through a UTF-8 UText, so a paragraph that every character
 * rule searches is converted once.  The text must stay valid (it is not
 * copied into the UTF-16 buffer's map); free with pattern_text_free().
 */
struct pattern_text;

struct pattern_text *pattern_text_new(const char *s, size_t len);
void pattern_text_free(struct pattern_text *t); /* NULL is a no-op */

/*
 * Find the first match in the window [from, limit) of the prepared text
 * (byte offsets; a limit past the end: to the end).  Returns 1 and fills
 * *m (byte offsets of the text), or 0 when there is none (or the work
 * budget ran out).  The match lies inside the window, while look-behind,
 * look-ahead, ^ and $ still see the whole text (ICU's transparent,
 * non-anchoring bounds): a match that would run past `limit` is not found
 * there.
 */
int pattern_find_window(struct pattern *p, struct pattern_text *t, size_t from,
			size_t limit, struct pattern_match *m);

/* How many searches gave up on ICU's time limit (for tests). */
unsigned long pattern_timeouts(const struct pattern *p);

/*
 * A budget of work shared by the patterns charged to it (see above).  The
 * caller owns it and sets `limit`; `used` counts units spent.  A search
 * that exhausts it, or that hits the per-call limit, gives up and marks it
 * spent (used >= limit), so pattern_budget_spent() tells a real "no match"
 * from one that gave up.
 */
struct pattern_budget {
	uint32_t used, limit;
};

static inline int pattern_budget_spent(const struct pattern_budget *b)
{
	return b->used >= b->limit;
}

/* Charge p's searches to b from now on (NULL: to no budget). */
void pattern_set_budget(struct pattern *p, struct pattern_budget *b);

#endif /* MT_PATTERN_H */
