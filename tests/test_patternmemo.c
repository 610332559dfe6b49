/*
 * patternmemo: the regexes known to compile, kept between runs.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/pattern.h"
#include "engine/patternmemo.h"
#include "helpers.h"

static char *memo_path(char **dir)
{
	*dir = tmpdir();
	return path_in(*dir, "patterns.memo");
}

static void write_bytes(const char *path, const void *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	cr_assert(f);
	cr_assert_eq(fwrite(s, 1, n, f), n);
	fclose(f);
}

static void done(char *dir, char *path)
{
	free(path);
	rmdir_all(dir);
}

Test(patternmemo, what_compiled_is_known_in_the_next_run)
{
	char *dir, *path = memo_path(&dir);
	struct pattern_memo *m = pattern_memo_open_file(path);
	const char *nl = "a\nb(c)"; /* a newline inside is kept */

	cr_expect_eq(pattern_memo_groups(m, "(x)y", 0), -1, "empty at first");
	pattern_memo_add(m, "(x)y", 0, 1);
	pattern_memo_add(m, nl, PATTERN_ICASE, 1);
	cr_expect_eq(pattern_memo_groups(m, "(x)y", 0), 1);
	pattern_memo_close(m);

	m = pattern_memo_open_file(path);
	cr_expect_eq(pattern_memo_groups(m, "(x)y", 0), 1);
	cr_expect_eq(pattern_memo_groups(m, "(x)y", PATTERN_ICASE), -1,
		     "the flag is part of the key");
	cr_expect_eq(pattern_memo_groups(m, nl, PATTERN_ICASE), 1);
	cr_expect_eq(pattern_memo_groups(m, nl,
					 PATTERN_ICASE | PATTERN_ICU_ONLY),
		     1, "only the case flag matters to ICU");
	cr_expect_eq(pattern_memo_groups(m, "a", 0), -1);
	pattern_memo_close(m);
	done(dir, path);
}

Test(patternmemo, a_damaged_or_foreign_file_keeps_only_whole_records)
{
	char *dir, *path = memo_path(&dir);
	struct pattern_memo *m = pattern_memo_open_file(path);
	char *b;
	size_t len;
	const char *cut[] = { "1 0 99\nab\n", "7 0 2\nab\n", "0 12 2\nab\n",
			      "0 0 2\nabc",   "0 0\n",	     "0 0 3\na\0b\n" };

	pattern_memo_add(m, "one", 0, 0);
	pattern_memo_close(m);
	cr_assert(b = read_file(path, &len));
	for (size_t i = 0; i < sizeof(cut) / sizeof(*cut); i++) {
		size_t n = i == 5 ? 10 : strlen(cut[i]);
		char *d = malloc(len + n);

		memcpy(d, b, len);
		memcpy(d + len, cut[i], n);
		write_bytes(path, d, len + n);
		m = pattern_memo_open_file(path);
		cr_expect_eq(pattern_memo_groups(m, "one", 0), 0,
			     "case %zu: the record before the damage", i);
		cr_expect_eq(pattern_memo_groups(m, "ab", 0), -1, "case %zu",
			     i);
		pattern_memo_close(m);
		free(d);
	}
	write_bytes(path, "mtlint pattern memo 0, ICU 1.0\n0 0 3\none\n", 42);
	m = pattern_memo_open_file(path);
	cr_expect_eq(pattern_memo_groups(m, "one", 0), -1,
		     "another format or ICU: nothing known");
	pattern_memo_close(m);
	free(b);
	done(dir, path);
}

Test(patternmemo, the_file_stays_within_its_bound)
{
	char *dir, *path = memo_path(&dir);
	struct pattern_memo *m = pattern_memo_open_file(path);
	size_t n = 4096, count = PATTERN_MEMO_MAX_BYTES / n * 2;
	char *re = malloc(n + 1), *b;
	size_t len;

	for (size_t i = 0; i < count; i++) {
		snprintf(re, n + 1, "%0*zu", (int)n, i);
		pattern_memo_add(m, re, 0, 0);
	}
	pattern_memo_close(m);
	cr_assert(b = read_file(path, &len));
	cr_expect_leq(len, PATTERN_MEMO_MAX_BYTES);
	m = pattern_memo_open_file(path);
	snprintf(re, n + 1, "%0*zu", (int)n, (size_t)0);
	cr_expect_eq(pattern_memo_groups(m, re, 0), 0, "the first are kept");
	snprintf(re, n + 1, "%0*zu", (int)n, count - 1);
	cr_expect_eq(pattern_memo_groups(m, re, 0), -1, "the last are not");
	pattern_memo_close(m);
	free(b);
	free(re);
	done(dir, path);
}
