/*
 * wildmatch: the glob matcher of .mtlint.yml and of `**` inputs.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <unistd.h>

#include "util/wildmatch.h"

Test(wildmatch, stars_stay_in_a_component)
{
	cr_assert(wildmatch("*.txt", "a.txt", NULL, 0, NULL));
	cr_assert_not(wildmatch("*.txt", "d/a.txt", NULL, 0, NULL));
	cr_assert(wildmatch("a?c", "abc", NULL, 0, NULL));
	cr_assert_not(wildmatch("a?c", "a/c", NULL, 0, NULL));
	cr_assert_not(wildmatch("a?c", "ac", NULL, 0, NULL));
}

Test(wildmatch, double_star_crosses_components)
{
	cr_assert(wildmatch("**/a.txt", "a.txt", NULL, 0, NULL));
	cr_assert(wildmatch("**/a.txt", "x/y/a.txt", NULL, 0, NULL));
	cr_assert(wildmatch("x/**", "x/y/z", NULL, 0, NULL));
	cr_assert_not(wildmatch("x/**/b", "y/b", NULL, 0, NULL));
}

Test(wildmatch, backslash_escapes_and_brackets_are_literal)
{
	cr_assert(wildmatch("a\\*b", "a*b", NULL, 0, NULL));
	cr_assert_not(wildmatch("a\\*b", "axb", NULL, 0, NULL));
	cr_assert(wildmatch("[ab].txt", "[ab].txt", NULL, 0, NULL));
	cr_assert_not(wildmatch("[ab].txt", "a.txt", NULL, 0, NULL));
}

Test(wildmatch, captures_one_per_wildcard)
{
	size_t caps[4][2], n = 0;

	cr_assert(wildmatch("articles/*-*.txt", "articles/12-moscow.txt", caps,
			    4, &n));
	cr_assert_eq(n, 2);
	cr_assert_eq(caps[0][0], 9);
	cr_assert_eq(caps[0][1], 11);
	cr_assert_eq(caps[1][0], 12);
	cr_assert_eq(caps[1][1], 18);
	/* "**" then "/" matching no directory captures the empty string */
	cr_assert(wildmatch("**/*.md", "a.md", caps, 4, &n));
	cr_assert_eq(n, 2);
	cr_assert_eq(caps[0][0], caps[0][1]);
	cr_assert_eq(caps[1][0], 0);
	cr_assert_eq(caps[1][1], 1);
}

/* A glob of many stars against a long name must not backtrack
 * exponentially: each failed (glob, name) position is tried once.
 * alarm() rather than Criterion's .timeout, whose bookkeeping
 * LeakSanitizer flags. */
Test(wildmatch, many_stars_stay_fast)
{
	char name[300];

	alarm(10); /* SIGALRM fails the test: it would run for years */
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	cr_assert_not(wildmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", name,
				NULL, 0, NULL));
	cr_assert(wildmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*", name, NULL, 0,
			    NULL));
}
