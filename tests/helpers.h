/*
 * helpers: shared by the Criterion suites.
 *
 * - load_str(): a document from a C string (fails the test on error).
 * - check_str(): load, segment and check with a shared default checker.
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
struct checker *test_checker(void); /* shared; opened on first use */
/* Check s; *out_doc owns the diagnostics' strings. */
void check_str(const char *s, struct document **out_doc,
	       struct diag_list *out);
void assert_diags_sane(const struct document *doc,
		       const struct diag_list *l);
/* Index of the first diagnostic of `rule`, or -1. */
int find_diag(const struct diag_list *l, const char *rule);

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
