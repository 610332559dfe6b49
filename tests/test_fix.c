/*
 * fix and atomicfile: safe fixes on the original bytes, the unified diff, and
 * atomic replacement that loses nothing on failure.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomicfile.h"
#include "util/buf.h"
#include "run/fix.h"
#include "gate_test.h"

Test(fix, applies_safe_fixes_only_and_keeps_everything_else)
{
	const char *src = "A the the b.\r\nC an an d \xc3\xa9t\xc3\xa9.\r\n";
	struct document *doc;
	struct diag_list l;
	unsigned char *out;
	size_t len, n;
	struct mt_error err = { 0 };

	gate_str(src, 0, 0, &doc, &l);
	/* two safe fixes; spelling also flags "été" (no safe fix) */
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 2);
	cr_assert_eq(fix_apply(doc, &l, &out, &len, &n, &err), MT_ERR_OK);
	cr_assert_eq(n, 2);
	cr_assert_eq(len, strlen("A the b.\r\nC an d \xc3\xa9t\xc3\xa9.\r\n"));
	cr_assert(!memcmp(out, "A the b.\r\nC an d \xc3\xa9t\xc3\xa9.\r\n", len));
	free(out);
	/* an unsafe finding is not applied */
	l.v[0].flags &= ~(uint32_t)DIAGF_SAFE_FIX;
	cr_assert_eq(fix_apply(doc, &l, &out, &len, &n, &err), MT_ERR_OK);
	cr_assert_eq(n, 1);
	cr_assert(!memcmp(out, "A the the b.\r\nC an d", 20));
	free(out);
	diag_list_release(&l);
	document_free(doc);
}

Test(fix, reencodes_to_the_original_encoding)
{
	/* Latin-1: "caf\xe9 the the end." */
	const char bytes[] = "Caf\xe9 and the the end.\n";
	struct document_options o = { .encoding = "ISO-8859-1" };
	struct document *doc;
	struct diag_list l;
	struct mt_error err = { 0 };
	unsigned char *out;
	size_t len, n;

	cr_assert_eq(document_load_mem("x.txt", bytes, sizeof(bytes) - 1, &o,
				       &doc, &err),
		     MT_ERR_OK, "%s", err.msg);
	diag_list_init(&l, &doc->arena);
	cr_assert_eq(checker_check(test_checker(), doc, NULL, &l, &err),
		     MT_ERR_OK);
	cr_assert_eq(l.n, 1);
	cr_assert_eq(fix_apply(doc, &l, &out, &len, &n, &err), MT_ERR_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(len, strlen("Caf\xe9 and the end.\n"));
	cr_assert(!memcmp(out, "Caf\xe9 and the end.\n", len));
	free(out);
	diag_list_release(&l);
	document_free(doc);
}

Test(fix, unified_diff)
{
	struct document *doc;
	struct diag_list l;
	struct buf b = BUF_INIT;

	gate_str("l1\nl2 the the x\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12 "
		 "an an\nl13\n",
		 0, 0, &doc, &l);
	cr_assert_eq(fix_diff(doc, &l, &b), 2);
	cr_assert_str_eq(b.buf, "--- test.txt\n+++ test.txt\n"
				"@@ -1,5 +1,5 @@\n l1\n-l2 the the x\n+l2 the x\n"
				" l3\n l4\n l5\n"
				"@@ -9,5 +9,5 @@\n l9\n l10\n l11\n-l12 an an\n"
				"+l12 an\n l13\n",
		     "got:\n%s", b.buf);
	buf_release(&b);
	diag_list_release(&l);
	document_free(doc);
}

/*
 * Found by fuzz_gate: a file with old Mac line ends ("\r" alone) has no
 * '\n' for the diff to split the new lines on; each line keeps its own
 * line end and the hunk counts its lines.
 */
Test(fix, unified_diff_with_cr_line_ends)
{
	struct document *doc;
	struct diag_list l;
	struct buf b = BUF_INIT;

	gate_str("One the the end.\rTwo a a.\rThree.\r", 0, 0, &doc, &l);
	cr_assert_eq(fix_diff(doc, &l, &b), 2);
	cr_assert_str_eq(b.buf, "--- test.txt\n+++ test.txt\n"
				"@@ -1,3 +1,3 @@\n"
				"-One the the end.\r+One the end.\r"
				"-Two a a.\r+Two a.\r Three.\r",
		     "got:\n%s", b.buf);
	buf_release(&b);
	diag_list_release(&l);
	document_free(doc);
}

static ssize_t full_disk(int fd, const void *p, size_t n)
{
	/* half of it goes through, then the disk is full */
	if (n > 4) {
		ssize_t w = write(fd, p, n / 2);

		(void)w;
		errno = ENOSPC;
		return -1;
	}
	errno = ENOSPC;
	return -1;
}

static int dir_entries(const char *dir)
{
	char cmd[300];
	FILE *f;
	int n = 0;
	char line[300];

	snprintf(cmd, sizeof(cmd), "ls -A '%s'", dir);
	f = popen(cmd, "r");
	while (fgets(line, sizeof(line), f))
		n++;
	pclose(f);
	return n;
}

Test(atomicfile, full_disk_loses_nothing)
{
	char dir[] = "/tmp/mtlint-af-XXXXXX", path[256];
	unsigned char *back;
	size_t len;
	struct mt_error err = { 0 };
	FILE *f;

	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	f = fopen(path, "w");
	fputs("original bytes\n", f);
	fclose(f);
	chmod(path, 0640);
	atomicfile_set_write_hook(full_disk);
	cr_assert_eq(atomicfile_write(path, "new contents, longer\n", 21, NULL,
				      0, &err),
		     MT_ERR_IO);
	atomicfile_set_write_hook(NULL);
	cr_assert(strstr(err.msg, "No space left"), "%s", err.msg);
	back = atomicfile_slurp(path, &len);
	cr_assert_eq(len, 15);
	cr_assert(!memcmp(back, "original bytes\n", 15));
	free(back);
	cr_assert_eq(dir_entries(dir), 1, "the temporary file is gone");
	/* and a working write keeps the permissions */
	cr_assert_eq(atomicfile_write(path, "new\n", 4, NULL, 0, &err),
		     MT_ERR_OK, "%s", err.msg);
	{
		struct stat st;

		cr_assert_eq(stat(path, &st), 0);
		cr_assert_eq(st.st_mode & 0777, 0640);
	}
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	cr_assert_eq(system(path), 0);
}

Test(atomicfile, changed_file_is_not_replaced)
{
	char *path = write_temp("changed by someone\n", 19, ".txt");
	unsigned char *back;
	size_t len;
	struct mt_error err = { 0 };

	cr_assert_eq(atomicfile_write(path, "fixed\n", 6,
				      (const unsigned char *)"as loaded\n", 10,
				      &err),
		     MT_ERR_IO);
	cr_assert(strstr(err.msg, "changed while being checked"), "%s",
		  err.msg);
	back = atomicfile_slurp(path, &len);
	cr_assert_eq(len, 19);
	free(back);
	unlink(path);
	free(path);
}

Test(atomicfile, read_only_directory)
{
	char dir[] = "/tmp/mtlint-ro-XXXXXX", path[256];
	unsigned char *back;
	size_t len;
	struct mt_error err = { 0 };
	FILE *f;

	if (geteuid() == 0)
		cr_skip_test("root writes into read-only directories; the "
			     "end-to-end test uses a read-only file system "
			     "instead when available");
	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	f = fopen(path, "w");
	fputs("keep me\n", f);
	fclose(f);
	chmod(dir, 0555);
	cr_assert_eq(atomicfile_write(path, "x\n", 2, NULL, 0, &err),
		     MT_ERR_IO);
	chmod(dir, 0755);
	cr_assert(strstr(err.msg, "temporary file"), "%s", err.msg);
	back = atomicfile_slurp(path, &len);
	cr_assert_eq(len, 8);
	free(back);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	cr_assert_eq(system(path), 0);
}
