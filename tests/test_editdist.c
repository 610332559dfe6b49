/*
 * editdist: the optimal string alignment distance, on hand-computed cases.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "util/editdist.h"

static unsigned bytes(const char *a, const char *b, unsigned max)
{
	return editdist_osa_bytes(a, strlen(a), b, strlen(b), max);
}

Test(editdist, hand_computed_distances)
{
	cr_expect_eq(bytes("peskov", "pskov", 2), 1);
	cr_expect_eq(bytes("abcd", "abdc", 2), 1); /* one transposition */
	cr_expect_eq(bytes("kitten", "sitting", 5), 3);
	cr_expect_eq(bytes("", "abc", 3), 3);
	cr_expect_eq(bytes("abc", "", 3), 3);
	cr_expect_eq(bytes("same", "same", 0), 0);
	/* optimal string alignment, not full Damerau-Levenshtein: the
	 * transposed pair is not edited again */
	cr_expect_eq(bytes("ca", "abc", 3), 3);
}

Test(editdist, stops_past_max)
{
	cr_expect_eq(bytes("kitten", "sitting", 1), 2);
	cr_expect_eq(bytes("kitten", "sitting", 2), 3);
	cr_expect_eq(bytes("a", "abcdef", 2), 3); /* lengths alone */
	cr_expect_eq(bytes("abcdef", "uvwxyz", 2), 3);
}

Test(editdist, code_points_and_long_words)
{
	const int32_t a[] = { 0x41f, 0x435, 0x441, 0x43a, 0x43e, 0x432 };
	const int32_t b[] = { 0x41f, 0x441, 0x435, 0x43a, 0x43e, 0x432 };
	char x[400], y[400];

	cr_expect_eq(editdist_osa(a, 6, b, 6, 2), 1);
	cr_expect_eq(editdist_osa(a, 6, b, 3, 2), 3);
	/* longer than the rows kept on the stack */
	memset(x, 'a', sizeof(x) - 1);
	x[sizeof(x) - 1] = '\0';
	memcpy(y, x, sizeof(x));
	y[200] = 'b';
	y[300] = 'c';
	cr_expect_eq(bytes(x, y, 5), 2);
	cr_expect_eq(bytes(x, y, 1), 2);
}
