/*
 * baseline: fingerprints that survive edits elsewhere; write, load, filter.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run/baseline.h"
#include "gate_test.h"

static void fp_of(const char *text, const char *needle, char *fp)
{
	struct document *doc;
	struct diag_list l;
	const char *at = strstr(text, needle);

	gate_str(text, 0, 0, &doc, &l);
	cr_assert(at);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].span.start == (uint32_t)(at - text)) {
			baseline_fingerprint(doc, &l.v[i], fp);
			diag_list_release(&l);
			document_free(doc);
			return;
		}
	cr_assert_fail("no finding at '%s'", needle);
}

Test(baseline, fingerprint_survives_edits_elsewhere)
{
	char a[17], b[17], c[17], d[17];

	fp_of("He said the the word. Next one.\n", "the the", a);
	fp_of("A new first line.\n\nHe  said the the word. Next changed.\n",
	      "the the", b);
	fp_of("He told the the word. Next one.\n", "the the", c);
	fp_of("He said the the words. Next one.\n", "the the", d);
	cr_assert_eq(strlen(a), BASELINE_FP_LEN);
	cr_assert_str_eq(a, b);
	cr_assert_str_neq(a, c, "a word next to it changed");
	cr_assert_str_neq(a, d);
}

Test(baseline, write_load_filter_counts_duplicates)
{
	char dir[] = "/tmp/mtlint-bl-XXXXXX";
	char path[256], file[256];
	struct baseline *b;
	struct document *doc;
	struct diag_list l;
	struct mt_error err = { 0 };
	const char *text = "He said the the word.\nHe said the the word.\n";

	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/baseline.json", dir);
	snprintf(file, sizeof(file), "%s/a.txt", dir);
	b = baseline_new(path);
	gate_str(text, 0, 0, &doc, &l);
	cr_assert_eq(l.n, 2);
	l.n = 1; /* accept only one of the two identical findings */
	baseline_add(b, file, doc, &l);
	diag_list_release(&l);
	document_free(doc);
	cr_assert_eq(baseline_write(b, &err), MT_ERR_OK, "%s", err.msg);
	baseline_free(b);

	cr_assert_eq(baseline_load(path, &b, &err), MT_ERR_OK, "%s", err.msg);
	gate_str(text, 0, 0, &doc, &l);
	cr_assert_eq(baseline_filter(b, file, doc, &l), 1);
	cr_assert_eq(l.n, 1, "the second copy is new");
	diag_list_release(&l);
	document_free(doc);
	baseline_free(b);

	cr_assert_eq(baseline_load(path, &b, &err), MT_ERR_OK);
	gate_str(text, 0, 0, &doc, &l);
	snprintf(file, sizeof(file), "%s/other.txt", dir);
	cr_assert_eq(baseline_filter(b, file, doc, &l), 0, "another file");
	diag_list_release(&l);
	document_free(doc);
	baseline_free(b);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	cr_assert_eq(system(path), 0);
}

Test(baseline, bad_files_are_errors)
{
	struct baseline *b;
	struct mt_error err = { 0 };
	char *p1 = write_temp("{\"version\": 1, \"findings\": [", 28, ".json");
	char *p2 = write_temp("{\"version\": 2, \"findings\": []}", 31, ".json");
	char *p3 = write_temp("{\"version\": 1, \"findings\": [{}]}", 32,
			      ".json");

	cr_assert_eq(baseline_load("/nonexistent.json", &b, &err), MT_ERR_IO);
	cr_assert_eq(baseline_load(p1, &b, &err), MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, p1) && strstr(err.msg, ":1:"), "%s", err.msg);
	cr_assert_eq(baseline_load(p2, &b, &err), MT_ERR_CONFIG);
	cr_assert_eq(baseline_load(p3, &b, &err), MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, "finding 1"), "%s", err.msg);
	unlink(p1);
	unlink(p2);
	unlink(p3);
	free(p1);
	free(p2);
	free(p3);
}
