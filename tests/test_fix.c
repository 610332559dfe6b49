/*
 * fix and atomicfile: safe fixes on the original bytes, the unified diff, and
 * atomic replacement that loses nothing on failure.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "util/atomicfile.h"
#include "util/buf.h"
#include "run/fix.h"
#include "helpers.h"
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

/* The whole file at path (free()); *len its length. */
static unsigned char *slurp(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;

	cr_assert_eq(buf_read_file(&b, path, 0), 0, "cannot read %s", path);
	return (unsigned char *)buf_detach(&b, len);
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
				      0, 0, &err),
		     MT_ERR_IO);
	atomicfile_set_write_hook(NULL);
	cr_assert(strstr(err.msg, "No space left"), "%s", err.msg);
	back = slurp(path, &len);
	cr_assert_eq(len, 15);
	cr_assert(!memcmp(back, "original bytes\n", 15));
	free(back);
	cr_assert_eq(dir_entries(dir), 1, "the temporary file is gone");
	/* and a working write keeps the permissions */
	cr_assert_eq(atomicfile_write(path, "new\n", 4, NULL, 0, 0, &err),
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
				      0, &err),
		     MT_ERR_IO);
	cr_assert(strstr(err.msg, "changed while being checked"), "%s",
		  err.msg);
	back = slurp(path, &len);
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
	cr_assert_eq(atomicfile_write(path, "x\n", 2, NULL, 0, 0, &err),
		     MT_ERR_IO);
	chmod(dir, 0755);
	cr_assert(strstr(err.msg, "temporary file"), "%s", err.msg);
	back = slurp(path, &len);
	cr_assert_eq(len, 8);
	free(back);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	cr_assert_eq(system(path), 0);
}

/* --- identity: what a rename would lose ---------------------------------- */

static char *file_with(const char *dir, const char *name, mode_t mode)
{
	char *p = path_in(dir, name);
	FILE *f = fopen(p, "w");

	cr_assert_not_null(f, "%s", p);
	fputs("old text\n", f);
	fclose(f);
	cr_assert_eq(chmod(p, mode), 0);
	return p;
}

static void expect_text(const char *path, const char *want)
{
	size_t len;
	unsigned char *got = slurp(path, &len);

	cr_expect(len == strlen(want) && !memcmp(got, want, len),
		  "%s holds '%.*s', not '%s'", path, (int)len, got, want);
	free(got);
}

Test(atomicfile, hard_links_are_kept_or_the_file_is_left_alone)
{
	char *d = tmpdir(), *a = file_with(d, "a.txt", 0644);
	char *b = path_in(d, "b.txt");
	struct mt_error err = { 0 };
	struct stat before, after;

	cr_assert_eq(link(a, b), 0);
	cr_assert_eq(stat(a, &before), 0);
	/* a rename would leave b.txt with the old text: refused */
	cr_expect_eq(atomicfile_write(a, "new text\n", 9, NULL, 0, 0, &err),
		     MT_ERR_IO);
	cr_expect(strstr(err.msg, "2 hard links") &&
			  strstr(err.msg, "--fix-force"),
		  "%s", err.msg);
	expect_text(a, "old text\n");
	/* forced: written in place, both names see it */
	cr_expect_eq(atomicfile_write(a, "new text\n", 9,
				      (const unsigned char *)"old text\n", 9,
				      ATOMICFILE_FORCE, &err),
		     MT_ERR_OK, "%s", err.msg);
	cr_assert_eq(stat(a, &after), 0);
	cr_expect_eq(after.st_ino, before.st_ino);
	cr_expect_eq(after.st_nlink, 2);
	expect_text(b, "new text\n");
	free(a);
	free(b);
	rmdir_all(d);
}

Test(atomicfile, read_only_and_setuid_files_are_left_alone)
{
	char *d = tmpdir(), *ro = file_with(d, "ro.txt", 0444);
	char *su = file_with(d, "su.txt", 04755);
	char *sg = file_with(d, "sg.txt", 02755);
	struct mt_error err = { 0 };
	struct stat st;

	cr_expect_eq(atomicfile_write(ro, "new\n", 4, NULL, 0, 0, &err),
		     MT_ERR_IO);
	cr_expect(strstr(err.msg, "read-only"), "%s", err.msg);
	expect_text(ro, "old text\n");
	cr_expect_eq(atomicfile_write(ro, "new\n", 4, NULL, 0,
				      ATOMICFILE_FORCE, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_text(ro, "new\n");
	cr_assert_eq(stat(ro, &st), 0);
	cr_expect_eq(st.st_mode & 07777, 0444, "mode %o", st.st_mode);
	/* setuid and setgid: never, forced or not */
	for (int force = 0; force <= 1; force++) {
		cr_expect_eq(atomicfile_write(su, "new\n", 4, NULL, 0,
					      force ? ATOMICFILE_FORCE : 0,
					      &err),
			     MT_ERR_IO);
		cr_expect(strstr(err.msg, "setuid or setgid"), "%s", err.msg);
		cr_expect_eq(atomicfile_write(sg, "new\n", 4, NULL, 0,
					      force ? ATOMICFILE_FORCE : 0,
					      &err),
			     MT_ERR_IO);
	}
	expect_text(su, "old text\n");
	expect_text(sg, "old text\n");
	free(ro);
	free(su);
	free(sg);
	rmdir_all(d);
}

Test(atomicfile, mode_owner_xattrs_and_acls_survive)
{
	char *d = tmpdir(), *p = file_with(d, "a.txt", 0640);
	struct mt_error err = { 0 };
	char value[64];
	ssize_t n;
	struct stat st;
	acl_t acl;

	if (setxattr(p, "user.mtlint-test", "kept", 4, 0) != 0)
		cr_skip_test("no user extended attributes here: %s",
			     strerror(errno));
	acl = acl_from_text("u::rw-,u:65534:rw-,g::r--,m::rw-,o::---");
	cr_assert_not_null(acl);
	cr_assert_eq(acl_set_file(p, ACL_TYPE_ACCESS, acl), 0, "%s",
		     strerror(errno));
	acl_free(acl);
	cr_assert_eq(atomicfile_write(p, "new\n", 4, NULL, 0, 0, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_text(p, "new\n");
	n = getxattr(p, "user.mtlint-test", value, sizeof(value));
	cr_expect(n == 4 && !memcmp(value, "kept", 4), "xattr lost");
	acl = acl_get_file(p, ACL_TYPE_ACCESS);
	cr_assert_not_null(acl);
	{
		char *text = acl_to_text(acl, NULL);

		cr_expect(strstr(text, "user:65534:rw-") ||
				  strstr(text, "user:nobody:rw-"),
			  "ACL lost: %s", text);
		acl_free(text);
	}
	acl_free(acl);
	cr_assert_eq(stat(p, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0660, "mode %o (the ACL mask)",
		     st.st_mode & 0777);
	free(p);
	rmdir_all(d);
}

/* --- every encoding iconv offers ----------------------------------------- */

/* s (UTF-8) in `enc`, or NULL when iconv cannot write it exactly. */
static char *encode_as(const char *enc, const char *s, size_t *len)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	size_t il = strlen(s), cap = il * 8 + 64, ol = cap;
	char *out, *ip = (char *)s, *op;

	if (cd == (iconv_t)-1)
		return NULL;
	out = op = malloc(cap);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	*len = out ? (size_t)(op - out) : 0;
	return out;
}

/*
 * Load `text` encoded in `enc`, fix "was was" -> "was" by hand (no checker:
 * this is about bytes), and decode the result: it must read `want`, or the
 * fix must be refused with the bytes untouched.  Returns 1 when tried.
 */
static int fix_in_encoding(const char *enc, const char *text,
			   const char *want, size_t *n_refused)
{
	struct document_options o = { .encoding = enc };
	struct document *doc = NULL, *back = NULL;
	struct mt_error err = { 0 };
	struct diag_list l;
	size_t len, out_len, n;
	unsigned char *out;
	char *bytes = encode_as(enc, text, &len);
	const char *p;
	enum mt_err rc;

	if (!bytes)
		return 0;
	if (document_load_mem("e.txt", bytes, len, &o, &doc, &err) !=
	    MT_ERR_OK) {
		/* iconv wrote it but cannot read it back (lossy): skip */
		free(bytes);
		return 0;
	}
	if (strcmp(doc->text, text) != 0) {
		document_free(doc);
		free(bytes);
		return 0;
	}
	p = strstr(doc->text, "was was");
	diag_list_init(&l, &doc->arena);
	{
		struct span sp = { (uint32_t)(p - doc->text),
				   (uint32_t)(p - doc->text + 7) };
		struct diag *d = diag_add(&l, "grammar.repeated-word",
					  "fluency/grammar", MT_SEV_ERROR, sp,
					  "repeated word");

		diag_suggest(&l, d, "was");
		l.v[0].flags |= DIAGF_SAFE_FIX;
	}
	rc = fix_apply(doc, &l, &out, &out_len, &n, &err);
	if (rc != MT_ERR_OK) {
		cr_expect_eq(rc, MT_ERR_ENCODING, "%s: %s", enc, err.msg);
		(*n_refused)++;
	} else {
		cr_expect_eq(n, 1, "%s: fix not applied", enc);
		cr_assert_eq(document_load_mem("e.txt", out, out_len, &o,
					       &back, &err),
			     MT_ERR_OK, "%s: the fixed file does not decode: %s",
			     enc, err.msg);
		cr_expect_str_eq(back->text, want, "%s", enc);
		document_free(back);
		free(out);
	}
	diag_list_release(&l);
	document_free(doc);
	free(bytes);
	return 1;
}

Test(fix, every_iconv_encoding_keeps_the_bytes_around_a_fix)
{
	static const char *const cases[][2] = {
		{ "It was was the end, said Zo\xC3\xAB.",
		  "It was the end, said Zo\xC3\xAB." },
		{ "Zo\xC3\xAB said it was was \xC3\xBC" "ber.",
		  "Zo\xC3\xAB said it was \xC3\xBC" "ber." },
		{ "\xE6\x9D\xB1\xE4\xBA\xAC was was \xE6\x9D\xB1\xE4\xBA\xAC.",
		  "\xE6\x9D\xB1\xE4\xBA\xAC was \xE6\x9D\xB1\xE4\xBA\xAC." },
		{ "\xD0\x9E\xD0\xBD was was \xD0\xB4\xD0\xB0.",
		  "\xD0\x9E\xD0\xBD was \xD0\xB4\xD0\xB0." },
	};
	FILE *f = popen("iconv -l", "r");
	char line[4096];
	size_t tried = 0, refused = 0, names = 0;

	cr_assert_not_null(f);
	/* glibc lists "NAME//" or "NAME, ALIAS//": aliases are the same
	 * converter, the first name of each line suffices */
	while (fgets(line, sizeof(line), f)) {
		char *name = line + strspn(line, " \t");

		name[strcspn(name, ",/ \n")] = '\0';
		if (!*name)
			continue;
		names++;
		for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
			tried += (size_t)fix_in_encoding(name, cases[i][0],
							 cases[i][1], &refused);
	}
	pclose(f);
	cr_assert_gt(names, 100, "iconv -l listed %zu encodings", names);
	cr_expect_gt(tried, 400, "%zu cases tried", tried);
	cr_expect_eq(refused, 0, "%zu of %zu fixes refused", refused, tried);
}
