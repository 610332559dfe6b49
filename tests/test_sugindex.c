/*
 * sugindex: the symmetric-delete suggestion index -- look-ups against a
 * brute-force scan of the same words, the file round trip, and stale or
 * damaged files refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "spelling/sugindex.h"

static const char *const words[] = {
	"receive", "received", "receiver", "deceive", "relieve", "believe",
	"accommodation", "accommodations", "address", "dress", "Paris",
	"parish", "government", "Government", "café", "cafe", "a", "I", "an",
	"at", "it", "receive", /* a repeat */
};

Test(sugindex, finds_words_within_two_edits_nearest_first)
{
	struct sugindex *ix = sugindex_build(words, ARRAY_SIZE(words), 1);
	struct sugindex_hit h[32];
	size_t n;

	cr_expect_eq(sugindex_size(ix), ARRAY_SIZE(words) - 1);
	/* a swap is one edit */
	n = sugindex_lookup(ix, "recieved", 8, 2, h, 32);
	cr_assert(n >= 1);
	cr_expect_str_eq(h[0].word, "received");
	cr_expect_eq(h[0].dist, 1);
	for (size_t i = 1; i < n; i++)
		cr_expect_geq(h[i].dist, h[i - 1].dist);
	/* an edit beyond the prefix: still found */
	n = sugindex_lookup(ix, "acommodation", 12, 2, h, 32);
	cr_assert(n >= 1);
	cr_expect_str_eq(h[0].word, "accommodation");
	/* case ignored: another case of the word is a candidate at distance
	 * 0 ("PARIS" wants "Paris"), the word as written is not */
	n = sugindex_lookup(ix, "PARIS", 5, 1, h, 32);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(h[0].word, "Paris");
	cr_expect_eq(h[0].dist, 0);
	cr_expect_str_eq(h[1].word, "parish");
	n = sugindex_lookup(ix, "Paris", 5, 1, h, 32);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(h[0].word, "parish");
	/* code points, not bytes: "cafx" is one edit from "café" */
	n = sugindex_lookup(ix, "cafx", 4, 1, h, 32);
	cr_expect_eq(n, 2);
	cr_expect(sugindex_has(ix, "café", strlen("café")));
	cr_expect(!sugindex_has(ix, "paris", 5));
	sugindex_close(ix);
}

/* Levenshtein with swaps (optimal string alignment), bytes, ASCII case
 * folded: the brute-force answer the index must agree with. */
static int osa_ref(const char *a, const char *b)
{
	int n = (int)strlen(a), m = (int)strlen(b), d[40][40];

	for (int i = 0; i <= n; i++)
		for (int j = 0; j <= m; j++) {
			int c;

			if (!i || !j) {
				d[i][j] = i + j;
				continue;
			}
			c = d[i - 1][j - 1] + ((a[i - 1] | 32) != (b[j - 1] | 32));
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && (a[i - 1] | 32) == (b[j - 2] | 32) &&
			    (a[i - 2] | 32) == (b[j - 1] | 32) &&
			    d[i - 2][j - 2] + 1 < c)
				c = d[i - 2][j - 2] + 1;
			d[i][j] = c;
		}
	return d[n][m];
}

Test(sugindex, agrees_with_a_brute_force_scan)
{
	enum { N = 3000 };
	char *w[N];
	char dup[N];
	struct sugindex *ix;
	unsigned seed = 7;

	/* pseudo-random words over a small alphabet: many near neighbours */
	for (int i = 0; i < N; i++) {
		int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;

		w[i] = malloc(16);
		for (int k = 0; k < len; k++)
			w[i][k] = "abcde"[((seed = seed * 1103515245u + 12345u) >> 16) % 5];
		w[i][len] = '\0';
	}
	/* distinct words: each counts once */
	for (int i = 0; i < N; i++) {
		dup[i] = 0;
		for (int k = 0; k < i && !dup[i]; k++)
			dup[i] = strcmp(w[k], w[i]) == 0;
	}
	ix = sugindex_build((const char *const *)w, N, 2);
	for (int q = 0; q < 200; q++) {
		const char *query = w[(q * 37) % N];
		struct sugindex_hit h[N];
		size_t n = sugindex_lookup(ix, query, strlen(query), 2, h, N);
		size_t expect = 0;

		for (size_t i = 0; i < N; i++)
			if (!dup[i] && strcmp(query, w[i]) != 0 &&
			    osa_ref(query, w[i]) <= 2)
				expect++;
		cr_expect_eq(n, expect, "'%s': %zu found, %zu expected", query,
			     n, expect);
		for (size_t i = 0; i < n; i++)
			cr_expect_eq((int)h[i].dist, osa_ref(query, h[i].word));
	}
	sugindex_close(ix);
	for (int i = 0; i < N; i++)
		free(w[i]);
}

Test(sugindex, file_round_trip_and_stale_or_damaged_files_refused)
{
	struct sugindex *ix = sugindex_build(words, ARRAY_SIZE(words), 42), *m;
	struct sugindex_hit a[8], b[8];
	struct mt_error err = { 0 };
	char *path = write_temp("", 0, ".sugidx");
	size_t na, nb;
	FILE *f;

	cr_assert_eq(sugindex_write(ix, path, &err), MT_ERR_OK, "%s", err.msg);
	cr_assert_eq(sugindex_map(path, 42, &m, &err), MT_ERR_OK, "%s",
		     err.msg);
	na = sugindex_lookup(ix, "beleive", 7, 2, a, 8);
	nb = sugindex_lookup(m, "beleive", 7, 2, b, 8);
	cr_assert_eq(na, nb);
	for (size_t i = 0; i < na; i++)
		cr_expect_str_eq(a[i].word, b[i].word);
	sugindex_close(m);
	/* other sources */
	cr_expect_eq(sugindex_map(path, 43, &m, &err), MT_ERR_IO);
	cr_expect(strstr(err.msg, "other sources"), "%s", err.msg);
	cr_expect_null(m);
	/* cut short */
	cr_assert_eq(truncate(path, 100), 0);
	cr_expect_eq(sugindex_map(path, 42, &m, &err), MT_ERR_IO);
	cr_expect_null(m);
	/* not an index */
	f = fopen(path, "w");
	cr_assert(f);
	fputs("hello\n", f);
	fclose(f);
	cr_expect_eq(sugindex_map(path, 42, &m, &err), MT_ERR_IO);
	remove(path);
	cr_expect_eq(sugindex_map(path, 42, &m, &err), MT_ERR_IO);
	cr_expect(strstr(err.msg, path), "%s", err.msg);
	free(path);
	sugindex_close(ix);
}
