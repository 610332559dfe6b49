/*
 * helpers: shared by the Criterion suites. Write a helper here, not in
 * the test file, as soon as a second file wants it.
 *
 * - load_str(): a document from a C string (fails the test on error).
 * - segment_str(): the same, segmented by the shared checker.
 * - check_text(): load, segment and check a text (and its reference) into
 *   a struct checked.
 * - read_file(), read_data_file(), write_temp(), tmpdir(): files.
 * - expect_finding() / expect_no_finding(): what a test asserts about the
 *   findings. On failure they print the test's file and line, what was
 *   expected, and every finding there was, so a failing test says what
 *   it found instead of "the expression d is false".
 * - assert_diags_sane(): invariants every diagnostic list must keep:
 *   sorted, inside the document, on UTF-8 boundaries, rule ids non-empty.
 * - run_mtlint(): run the built binary ($MTLINT_BIN) through /bin/sh with
 *   the given arguments and standard input; capture stdout, stderr and the
 *   exit status.  Strings returned are heap-allocated: free with
 *   run_result_release().
 */
#ifndef MT_TEST_HELPERS_H
#define MT_TEST_HELPERS_H

#include <stddef.h>

#include "run/checker.h"
#include "check/diag.h"
#include "text/document.h"

struct document *load_str(const char *s);
struct document *segment_str(const char *s);
struct checker *test_checker(void); /* shared; opened on first use */
void assert_diags_sane(const struct document *doc,
		       const struct diag_list *l);
/* Index of the first diagnostic of `rule`, or -1. */
int find_diag(const struct diag_list *l, const char *rule);

/* A checked text: the document, its reference (or NULL), the findings
 * (in doc's arena). */
struct checked {
	struct document *doc, *ref;
	struct diag_list l;
};

/*
 * Check `text` against `ref_text` (NULL: none) with checker c (NULL: the
 * shared test_checker()). Fails the test if the check fails; asserts
 * assert_diags_sane(). Release with checked_release().
 */
void check_text(struct checker *c, const char *text, const char *ref_text,
		struct checked *out);
void checked_release(struct checked *k);

/*
 * Rule selectors: an id ("spelling.unknown-word"), an id prefix ending in
 * a dot ("spelling."), or NULL for every rule.
 */

/* The number of findings of the selected rules. */
size_t count_findings(const struct diag_list *l, const char *rule);
/* The text a finding covers (in doc's arena). */
const char *finding_text(struct document *doc, const struct diag *d);
/* Every finding, one a line: "LINE:COL RULE 'TEXT' -> SUGGESTION, ..."
 * (in doc's arena); "(none)" when there is none. */
const char *findings_dump(struct document *doc, const struct diag_list *l);

/*
 * The finding of `rule` (an id) on exactly `text` (NULL: any span) whose
 * first suggestion is `suggestion` (NULL: any; "": none). Fatal: the test
 * stops, printing every finding, when there is none; the result is
 * never NULL.
 */
#define expect_finding(k, rule, text, suggestion)                       \
	expect_finding_at(__FILE__, __LINE__, (k)->doc, &(k)->l, (rule), \
			  (text), (suggestion))
/*
 * No finding of the selected rules on exactly `text` (NULL: anywhere).
 * Not fatal: the test goes on, and fails at the end, printing every
 * finding.
 */
#define expect_no_finding(k, rule, text)                                \
	expect_no_finding_at(__FILE__, __LINE__, (k)->doc, &(k)->l, (rule), \
			     (text))
const struct diag *expect_finding_at(const char *file, int line,
				     struct document *doc,
				     const struct diag_list *l,
				     const char *rule, const char *text,
				     const char *suggestion);
void expect_no_finding_at(const char *file, int line, struct document *doc,
			  const struct diag_list *l, const char *rule,
			  const char *text);

/* A file whole, as a new NUL-terminated string (free()); *len (may be
 * NULL) gets its length. Fails the test when it cannot be read.
 * read_data_file() takes a path in the source tree ($MTLINT_DATA_DIR). */
char *read_file(const char *path, size_t *len);
char *read_data_file(const char *rel, size_t *len);

struct run_result {
	int status; /* exit status, or 128+signal */
	char *out, *err;
	size_t out_len, err_len;
};

/* args is a shell fragment: "--format json fixtures/mt-article.txt" */
void run_mtlint(const char *args, const char *input, size_t input_len,
		struct run_result *r);
void run_result_release(struct run_result *r);

/* Write data to a new temporary file; returns its path (free it). */
char *write_temp(const void *data, size_t len, const char *suffix);

/*
 * Temporary directories: tmpdir() makes one (free the path with
 * rmdir_all(), which also removes everything in it); path_in() joins a
 * directory and a name (free it); put() writes a file there.
 */
char *tmpdir(void);
void rmdir_all(char *d);
char *path_in(const char *dir, const char *name);
void put(const char *dir, const char *name, const char *text);

#endif /* MT_TEST_HELPERS_H */
