/*
 * pattern: ICU regexes on UTF-8, with byte offsets and a time limit.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/pattern.h"

static struct pattern *compile(const char *re, unsigned flags)
{
	char msg[256];
	int off;
	struct pattern *p = pattern_compile(re, flags, msg, sizeof(msg), &off);

	cr_assert(p, "%s: %s", re, msg);
	return p;
}

Test(pattern, whole_token_match_and_case)
{
	struct pattern *p = compile("colou?r", 0);
	struct pattern *q = compile("colou?r", PATTERN_ICASE);

	cr_expect(pattern_matches(p, "color", 5));
	cr_expect(pattern_matches(p, "colour", 6));
	cr_expect(!pattern_matches(p, "colours", 7), "whole token only");
	cr_expect(!pattern_matches(p, "Color", 5));
	cr_expect(pattern_matches(q, "COLOR", 5));
	pattern_free(p);
	pattern_free(q);
}

Test(pattern, offsets_are_bytes_of_utf8)
{
	/* "déjà" is 6 bytes: the match after it starts at byte 7 */
	const char *s = "déjà vu ”x”";
	struct pattern *p = compile("(v)u", 0);
	struct pattern *q = compile("”", 0);
	struct pattern_match m;
	struct pattern_text *t = pattern_text_new(s, strlen(s));

	cr_assert(pattern_find_window(p, t, 0, SIZE_MAX, &m));
	cr_expect_eq(m.start[0], 7);
	cr_expect_eq(m.end[0], 9);
	cr_expect_eq(m.start[1], 7);
	cr_expect_eq(m.end[1], 8);
	cr_assert(pattern_find_window(q, t, 0, SIZE_MAX, &m));
	cr_expect_eq(m.start[0], 10);
	cr_expect_eq(m.end[0], 13);
	cr_assert(pattern_find_window(q, t, 13, SIZE_MAX, &m));
	cr_expect_eq(m.start[0], 14);
	cr_expect(!pattern_find_window(q, t, 17, SIZE_MAX, &m));
	pattern_text_free(t);
	pattern_free(p);
	pattern_free(q);
}

Test(pattern, a_window_bounds_the_match_not_the_look_arounds)
{
	const char *s = "Dawn broke. Then rain. Then sun.";
	struct pattern *p = compile("(?<=broke\\. )Then", 0);
	struct pattern *q = compile("rain\\.$", 0);
	struct pattern *w = compile("Then \\p{L}+", 0);
	struct pattern_match m;
	struct pattern_text *t = pattern_text_new(s, strlen(s));

	/* the look-behind sees before the window */
	cr_assert(pattern_find_window(p, t, 12, 22, &m));
	cr_expect_eq(m.start[0], 12);
	/* $ is the text's end, not the window's */
	cr_expect(!pattern_find_window(q, t, 12, 22, &m));
	/* a match ends inside the window: "Then ra" is cut at 19 */
	cr_assert(pattern_find_window(w, t, 12, 19, &m));
	cr_expect_eq(m.end[0], 19);
	cr_expect(!pattern_find_window(w, t, 12, 16, &m));
	/* to the end of the text */
	cr_assert(pattern_find_window(w, t, 13, strlen(s), &m));
	cr_expect_eq(m.start[0], 23);
	pattern_text_free(t);
	pattern_free(p);
	pattern_free(q);
	pattern_free(w);
}

Test(pattern, script_properties)
{
	struct pattern *p = compile(".*\\p{Script=Cyrillic}.*", 0);

	cr_expect(pattern_matches(p, "Mos\xd1\x81ow", 7)); /* Cyrillic с */
	cr_expect(!pattern_matches(p, "Moscow", 6));
	pattern_free(p);
}

Test(pattern, compile_error_has_offset)
{
	char msg[256];
	int off;

	cr_assert_null(pattern_compile("ab(c", 0, msg, sizeof(msg), &off));
	cr_expect(strstr(msg, "invalid regular expression"), "%s", msg);
	cr_expect_geq(off, 0);
}

Test(pattern, pathological_regex_gives_up)
{
	/* catastrophic backtracking: ICU's time limit stops it */
	struct pattern *p = compile("(a+)+b", 0);
	char s[4096];
	struct pattern_match m;
	time_t t0 = time(NULL);

	struct pattern_text *t;

	memset(s, 'a', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	t = pattern_text_new(s, strlen(s));
	cr_expect(!pattern_find_window(p, t, 0, SIZE_MAX, &m));
	cr_expect_geq(pattern_timeouts(p), 1);
	cr_expect_lt(time(NULL) - t0, 10);
	pattern_text_free(t);
	pattern_free(p);
}

Test(pattern, a_budget_is_shared_and_spent_by_searches_that_give_up)
{
	struct pattern *p = compile("(a+)+b", 0), *q = compile("a", 0);
	struct pattern_budget b = { 0, 50 };
	char s[4096];
	struct pattern_text *t;
	struct pattern_match m;

	memset(s, 'a', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	t = pattern_text_new(s, strlen(s));
	pattern_set_budget(p, &b);
	pattern_set_budget(q, &b);
	cr_expect(pattern_find_window(q, t, 0, SIZE_MAX, &m),
		  "cheap: under budget");
	cr_expect(!pattern_budget_spent(&b));
	cr_expect(!pattern_find_window(p, t, 0, SIZE_MAX, &m));
	cr_expect(pattern_budget_spent(&b), "used %u of %u", b.used, b.limit);
	cr_expect_eq(pattern_timeouts(p), 0, "the budget stopped it first");
	/* spent: every pattern charged to it gives up at once */
	cr_expect(!pattern_find_window(q, t, 0, SIZE_MAX, &m));
	cr_expect(!pattern_matches(q, "a", 1));
	pattern_set_budget(q, NULL);
	cr_expect(pattern_matches(q, "a", 1));
	pattern_text_free(t);
	pattern_free(p);
	pattern_free(q);
}

Test(pattern, a_deferred_pattern_answers_as_a_compiled_one)
{
	const char *re = "(\\p{L}+)(?i:ing)";
	struct pattern *p = compile(re, PATTERN_ICASE);
	struct pattern *d = pattern_defer(re, PATTERN_ICASE, 1);
	const char *s = "Running, SINGING; ring";
	struct pattern_text *t = pattern_text_new(s, strlen(s));
	struct pattern_match mp, md;
	size_t from = 0;

	cr_expect_eq(pattern_groups(d), 1);
	cr_expect_eq(pattern_matches(d, "SINGING", 7),
		     pattern_matches(p, "SINGING", 7));
	cr_expect(!pattern_matches(d, "ing", 3));
	while (pattern_find_window(p, t, from, SIZE_MAX, &mp)) {
		cr_assert(pattern_find_window(d, t, from, SIZE_MAX, &md),
			  "deferred missed the match at %u", mp.start[0]);
		cr_expect_eq(md.start[1], mp.start[1]);
		cr_expect_eq(md.end[0], mp.end[0]);
		from = mp.end[0];
	}
	cr_expect(!pattern_find_window(d, t, from, SIZE_MAX, &md));
	pattern_text_free(t);
	pattern_free(p);
	pattern_free(d);
	/* never searched: freed without compiling */
	pattern_free(pattern_defer(re, 0, 1));
}

Test(pattern, a_deferred_pattern_that_does_not_compile_gives_up)
{
	/* what a damaged memo could claim: the searches give up, charging
	 * the budget as a search out of work does, and never crash */
	struct pattern *bad = pattern_defer("ab(c", 0, 0);
	struct pattern *wrong = pattern_defer("(a+)(b)", 0, 1);
	struct pattern_budget b = { 0, 50 };
	struct pattern_text *t = pattern_text_new("abc", 3);
	struct pattern_match m;

	pattern_set_budget(bad, &b);
	cr_expect(!pattern_find_window(bad, t, 0, SIZE_MAX, &m));
	cr_expect(pattern_budget_spent(&b), "used %u of %u", b.used, b.limit);
	cr_expect(!pattern_matches(wrong, "ab", 2),
		  "a group count other than claimed: not compiled");
	pattern_text_free(t);
	pattern_free(bad);
	pattern_free(wrong);
}
