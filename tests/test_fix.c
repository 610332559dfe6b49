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

/*
 * fix_run()'s check for these tests: a pass's text read as the original
 * was (arg), checked as gate_str() checks.
 */
static enum mt_err recheck(void *arg, const void *bytes, size_t len,
			   struct document **doc, struct diag_list *diags,
			   struct mt_error *err)
{
	enum mt_err rc = fix_check_as(test_checker(), NULL, arg, NULL, bytes,
				      len, doc, diags, err);

	cr_assert_eq(rc, MT_ERR_OK, "%s", err->msg);
	assert_diags_sane(*doc, diags);
	return rc;
}

/* Every pass of fix_run() on gate_str(src)'s findings, into *fr. */
static struct document *fix_str(const char *src, struct diag_list *l,
				struct fix_result *fr)
{
	struct document *doc;
	struct mt_error err = { 0 };

	gate_str(src, 0, 0, &doc, l);
	cr_assert_eq(fix_run(doc, l, recheck, doc, fr, &err), MT_ERR_OK, "%s",
		     err.msg);
	return doc;
}

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
	struct fix_result fr;
	struct buf b = BUF_INIT;

	doc = fix_str("l1\nl2 the the x\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\n"
		      "l12 an an\nl13\n",
		      &l, &fr);
	cr_assert_eq(fix_diff(doc, fr.edits, fr.n_edits, &b), 2);
	cr_assert_str_eq(b.buf, "--- test.txt\n+++ test.txt\n"
				"@@ -1,5 +1,5 @@\n l1\n-l2 the the x\n+l2 the x\n"
				" l3\n l4\n l5\n"
				"@@ -9,5 +9,5 @@\n l9\n l10\n l11\n-l12 an an\n"
				"+l12 an\n l13\n",
		     "got:\n%s", b.buf);
	buf_release(&b);
	fix_result_release(&fr);
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
	struct fix_result fr;
	struct buf b = BUF_INIT;

	doc = fix_str("One the the end.\rTwo a a.\rThree.\r", &l, &fr);
	cr_assert_eq(fix_diff(doc, fr.edits, fr.n_edits, &b), 2);
	cr_assert_str_eq(b.buf, "--- test.txt\n+++ test.txt\n"
				"@@ -1,3 +1,3 @@\n"
				"-One the the end.\r+One the end.\r"
				"-Two a a.\r+Two a.\r Three.\r",
		     "got:\n%s", b.buf);
	buf_release(&b);
	fix_result_release(&fr);
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

/* --- passes (fix_run) ------------------------------------------------------ */

/*
 * Of overlapping fixes one pass applies the first (" ," -> ","); the
 * second pass finds what is left of the other (", ," -> ",") and applies
 * it.
 */
Test(fix, overlapping_fixes_take_two_passes)
{
	const char *src = "They met in London , , then left.\n";
	const char *want = "They met in London, then left.\n";
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;
	struct buf b = BUF_INIT;
	unsigned char *out;
	size_t len, n;
	struct mt_error err = { 0 };

	doc = fix_str(src, &l, &fr);
	cr_assert_eq(count_rule(&l, "typography.space-before-punct"), 1);
	cr_assert_eq(count_rule(&l, "typography.doubled-punct"), 1);
	cr_assert_eq(fix_apply(doc, &l, &out, &len, &n, &err), MT_ERR_OK);
	cr_assert_eq(n, 1, "one pass applies one of the two");
	free(out);
	cr_assert_eq(fr.n_applied, 2);
	cr_assert_eq(fr.n_passes, 2);
	cr_assert_eq(fr.stop, FIX_STOP_CLEAN);
	cr_assert_str_eq(fr.doc->text, want);
	cr_assert_eq(fr.len, strlen(want));
	cr_assert(!memcmp(fr.bytes, want, fr.len));
	cr_assert_eq(count_rule(&fr.diags, "typography.doubled-punct"), 0);
	/* one edit on the original: the diff shows the original against the
	 * final text */
	cr_assert_eq(fr.n_edits, 1);
	cr_assert_eq(fix_diff(doc, fr.edits, fr.n_edits, &b), 1);
	cr_assert_str_eq(b.buf,
			 "--- test.txt\n+++ test.txt\n@@ -1,1 +1,1 @@\n"
			 "-They met in London , , then left.\n"
			 "+They met in London, then left.\n",
			 "got:\n%s", b.buf);
	buf_release(&b);
	fix_result_release(&fr);
	diag_list_release(&l);
	document_free(doc);
}

/*
 * A fix can make a finding the original did not have: ",," becomes ","
 * after a space, which the second pass closes up; "the the the" loses
 * one "the", and the second pass sees the pair left.
 */
Test(fix, a_new_finding_a_fix_makes_is_fixed_too)
{
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;

	doc = fix_str("He said it ,, then left.\nA line.\n", &l, &fr);
	cr_assert_eq(count_rule(&l, "typography.space-before-punct"), 0);
	cr_assert_eq(fr.n_applied, 2);
	cr_assert_eq(fr.n_passes, 2);
	cr_assert_eq(fr.stop, FIX_STOP_CLEAN);
	cr_assert_str_eq(fr.doc->text, "He said it, then left.\nA line.\n");
	fix_result_release(&fr);
	diag_list_release(&l);
	document_free(doc);

	doc = fix_str("It was the the the end.\n", &l, &fr);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 1);
	cr_assert_eq(fr.n_applied, 2);
	cr_assert_eq(fr.n_passes, 2);
	cr_assert_str_eq(fr.doc->text, "It was the end.\n");
	cr_assert_eq(fr.n_edits, 1);
	fix_result_release(&fr);
	diag_list_release(&l);
	document_free(doc);
}

/* Nothing to fix: no pass, the original is final. */
Test(fix, no_fix_no_pass)
{
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;

	doc = fix_str("It was the end.\n", &l, &fr);
	cr_assert_null(fr.doc);
	cr_assert_null(fr.bytes);
	cr_assert_eq(fr.n_applied, 0);
	cr_assert_eq(fr.n_passes, 0);
	cr_assert_eq(fr.n_edits, 0);
	cr_assert_eq(fr.stop, FIX_STOP_CLEAN);
	fix_result_release(&fr);
	diag_list_release(&l);
	document_free(doc);
}

/*
 * A scripted checker, for what no rule does (yet): every occurrence of a
 * `from` string is a finding whose safe fix is its `to`.
 */
struct swap {
	const char *from, *to;
};

struct script {
	const struct swap *v;
	size_t n;
	unsigned calls;
};

static enum mt_err scripted(void *arg, const void *bytes, size_t len,
			    struct document **doc, struct diag_list *diags,
			    struct mt_error *err)
{
	struct script *sc = arg;
	enum mt_err rc = document_load_mem("s.txt", bytes, len, NULL, doc, err);

	cr_assert_eq(rc, MT_ERR_OK, "%s", err->msg);
	sc->calls++;
	diag_list_init(diags, &(*doc)->arena);
	for (uint32_t p = 0; p < (*doc)->len; p++)
		for (size_t i = 0; i < sc->n; i++) {
			uint32_t n = (uint32_t)strlen(sc->v[i].from);
			struct span sp = { p, p + n };
			struct diag *d;

			if (strncmp((*doc)->text + p, sc->v[i].from, n))
				continue;
			d = diag_add(diags, "test.swap", "test", MT_SEV_WARNING,
				     sp, "swap");
			d->flags |= DIAGF_SAFE_FIX;
			diag_suggest(diags, d, sc->v[i].to);
		}
	diag_list_sort(diags);
	return MT_ERR_OK;
}

/* fix_run() of `src` under the script, into *fr; *doc is the original. */
static void fix_scripted(struct script *sc, const char *src,
			 struct document **doc, struct diag_list *l,
			 struct fix_result *fr)
{
	struct mt_error err = { 0 };

	cr_assert_eq(scripted(sc, src, strlen(src), doc, l, &err), MT_ERR_OK);
	cr_assert_eq(fix_run(*doc, l, scripted, sc, fr, &err), MT_ERR_OK, "%s",
		     err.msg);
}

static void release_scripted(struct document *doc, struct diag_list *l,
			     struct fix_result *fr)
{
	fix_result_release(fr);
	diag_list_release(l);
	document_free(doc);
}

/* The original's text with fr's edits made, which must be the final text. */
static void assert_edits_make_final(const struct document *doc,
				    const struct fix_result *fr)
{
	struct buf b = BUF_INIT;
	uint32_t pos = 0;

	for (size_t i = 0; i < fr->n_edits; i++) {
		const struct fix_edit *e = &fr->edits[i];

		cr_assert(e->span.start >= pos &&
			  e->span.end >= e->span.start &&
			  e->span.end <= doc->len);
		buf_add(&b, doc->text + pos, e->span.start - pos);
		buf_adds(&b, e->text);
		pos = e->span.end;
	}
	buf_add(&b, doc->text + pos, doc->len - pos);
	cr_assert_str_eq(b.buf, fr->doc->text);
	buf_release(&b);
}

/* Each fix makes the next finding: "aaab" -> "aab" -> "ab" -> "b". */
Test(fix, each_pass_fixes_what_the_last_one_made)
{
	static const struct swap sw[] = { { "ab", "b" } };
	struct script sc = { sw, 1, 0 };
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;
	struct buf b = BUF_INIT;

	fix_scripted(&sc, "x\naaab\ny\n", &doc, &l, &fr);
	cr_assert_eq(fr.n_passes, 3);
	cr_assert_eq(fr.n_applied, 3);
	cr_assert_eq(fr.stop, FIX_STOP_CLEAN);
	cr_assert_str_eq(fr.doc->text, "x\nb\ny\n");
	cr_assert_eq(fr.diags.n, 0);
	cr_assert_eq(sc.calls, 4, "the original and three passes checked");
	/* the three edits fold into one on the original */
	cr_assert_eq(fr.n_edits, 1);
	cr_assert_eq(fr.edits[0].span.start, 2);
	cr_assert_eq(fr.edits[0].span.end, 6);
	cr_assert_str_eq(fr.edits[0].text, "b");
	fix_diff(doc, fr.edits, fr.n_edits, &b);
	cr_assert_str_eq(b.buf,
			 "--- s.txt\n+++ s.txt\n@@ -1,3 +1,3 @@\n"
			 " x\n-aaab\n+b\n y\n",
			 "got:\n%s", b.buf);
	buf_release(&b);
	release_scripted(doc, &l, &fr);
}

/*
 * Edits of several passes land on the original wherever they fall: inside
 * an earlier replacement, around it, beside it, and far from it.
 */
Test(fix, edits_of_several_passes_fold_onto_the_original)
{
	static const struct swap sw[] = {
		{ "AB", "xyz" }, /* pass 1 */
		{ "y", "Q" },	 /* pass 2: inside pass 1's "xyz" */
		{ "xQz", "<" },	 /* pass 3: all of it */
		{ "<-", "-" },	 /* pass 4: it and the text after it */
		{ "D", "dd" },	 /* pass 1, far away */
	};
	struct script sc = { sw, ARRAY_SIZE(sw), 0 };
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;

	fix_scripted(&sc, "1 AB-2 D 3\n", &doc, &l, &fr);
	cr_assert_str_eq(fr.doc->text, "1 -2 dd 3\n");
	cr_assert_eq(fr.n_passes, 4);
	cr_assert_eq(fr.n_applied, 5);
	cr_assert_eq(fr.n_edits, 2);
	cr_assert_eq(fr.edits[0].span.start, 2);
	cr_assert_eq(fr.edits[0].span.end, 5);
	cr_assert_str_eq(fr.edits[0].text, "-");
	cr_assert_eq(fr.edits[1].span.start, 7);
	cr_assert_eq(fr.edits[1].span.end, 8);
	cr_assert_str_eq(fr.edits[1].text, "dd");
	assert_edits_make_final(doc, &fr);
	release_scripted(doc, &l, &fr);
}

/*
 * A fix NFC joins to the text beside it ("x" -> "e" before a combining
 * acute makes "\u00e9") moves the offsets of the final text: the edits
 * become one, from the first difference to the last, still exact.
 */
Test(fix, edits_stay_exact_when_nfc_joins_a_fix_to_its_neighbour)
{
	static const struct swap sw[] = { { "x", "e" } };
	struct script sc = { sw, 1, 0 };
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;

	fix_scripted(&sc,
		     "ax\xcc\x81"
		     "b x\n",
		     &doc, &l, &fr);
	cr_assert_str_eq(fr.doc->text, "a\xc3\xa9"
				       "b e\n");
	cr_assert_eq(fr.n_passes, 1);
	cr_assert_eq(fr.n_edits, 1);
	assert_edits_make_final(doc, &fr);
	release_scripted(doc, &l, &fr);
}

/*
 * Fixes that undo each other (A -> B -> A) stop when a text comes back;
 * the last new text is kept, the same every time.
 */
Test(fix, a_cycle_stops_at_the_last_new_text)
{
	static const struct swap two[] = { { "A", "B" }, { "B", "A" } };
	static const struct swap three[] = { { "A", "B" },
					     { "B", "C" },
					     { "C", "A" } };
	struct script sc = { two, 2, 0 };
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;

	fix_scripted(&sc, "xAx\n", &doc, &l, &fr);
	cr_assert_eq(fr.stop, FIX_STOP_CYCLE);
	cr_assert_eq(fr.n_passes, 1);
	cr_assert_eq(fr.n_applied, 1);
	cr_assert_str_eq(fr.doc->text, "xBx\n");
	cr_assert(!memcmp(fr.bytes, "xBx\n", fr.len));
	cr_assert_eq(fr.diags.n, 1, "what is left is reported");
	release_scripted(doc, &l, &fr);

	sc = (struct script){ three, 3, 0 };
	fix_scripted(&sc, "A\n", &doc, &l, &fr);
	cr_assert_eq(fr.stop, FIX_STOP_CYCLE);
	cr_assert_eq(fr.n_passes, 2);
	cr_assert_str_eq(fr.doc->text, "C\n");
	cr_assert_eq(fr.n_edits, 1);
	cr_assert_str_eq(fr.edits[0].text, "C");
	release_scripted(doc, &l, &fr);
}

/* A fix that never runs out stops after FIX_MAX_PASSES passes. */
Test(fix, passes_stop_at_the_maximum)
{
	static const struct swap sw[] = { { "ab", "b" } };
	struct script sc = { sw, 1, 0 };
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;

	cr_assert_eq(FIX_MAX_PASSES, 10);
	fix_scripted(&sc, "aaaaaaaaaaaab\n", &doc, &l, &fr); /* 12 a */
	cr_assert_eq(fr.stop, FIX_STOP_PASSES);
	cr_assert_eq(fr.n_passes, FIX_MAX_PASSES);
	cr_assert_eq(fr.n_applied, FIX_MAX_PASSES);
	cr_assert_str_eq(fr.doc->text, "aab\n");
	cr_assert_eq(fr.diags.n, 1, "the fix left is reported");
	cr_assert_eq(sc.calls, 1 + FIX_MAX_PASSES);
	release_scripted(doc, &l, &fr);

	/* exactly as many passes as allowed: done, not cut short */
	sc.calls = 0;
	fix_scripted(&sc, "aaaaaaaaaab\n", &doc, &l, &fr); /* 10 a */
	cr_assert_eq(fr.stop, FIX_STOP_CLEAN);
	cr_assert_eq(fr.n_passes, FIX_MAX_PASSES);
	cr_assert_str_eq(fr.doc->text, "b\n");
	release_scripted(doc, &l, &fr);
}

/* In a file that is not UTF-8, every pass writes the file's encoding. */
Test(fix, passes_keep_the_encoding)
{
	const char bytes[] = "Caf\xe9 was the the the end.\n";
	struct document_options o = { .encoding = "ISO-8859-1" };
	struct document *doc;
	struct diag_list l;
	struct fix_result fr;
	struct mt_error err = { 0 };

	cr_assert_eq(document_load_mem("x.txt", bytes, sizeof(bytes) - 1, &o,
				       &doc, &err),
		     MT_ERR_OK, "%s", err.msg);
	diag_list_init(&l, &doc->arena);
	cr_assert_eq(checker_check(test_checker(), doc, NULL, &l, &err),
		     MT_ERR_OK);
	cr_assert_eq(fix_run(doc, &l, recheck, doc, &fr, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_assert_eq(fr.n_applied, 2);
	cr_assert_eq(fr.len, strlen("Caf\xe9 was the end.\n"));
	cr_assert(!memcmp(fr.bytes, "Caf\xe9 was the end.\n", fr.len));
	cr_assert_str_eq(fr.doc->text, "Caf\xc3\xa9 was the end.\n");
	fix_result_release(&fr);
	diag_list_release(&l);
	document_free(doc);
}

/*
 * Edits folded over many passes, on random texts and rules, always make
 * the final text from the original (the edits are checked against it).
 */
Test(fix, folded_edits_make_the_final_text_on_random_input)
{
	static const struct swap rules[][3] = {
		{ { "ab", "b" }, { "ca", "cc" }, { "bb", "b" } },
		{ { "a", "bc" }, { "cb", "" }, { "bcc", "a" } },
		{ { "aa", "a" }, { "b c", "bc" }, { "cc", "c b" } },
		{ { "abc", "c" }, { "c ", "a" }, { " a", "ba" } },
		{ { "a", "b" }, { "b", "a" }, { "c c", "cc" } }, /* cycles */
		{ { "ca", "cca" }, { "b", "a" }, { " ", "" } },	 /* grows */
	};
	unsigned seed = 12345, multi = 0, stops[3] = { 0 };

	for (int round = 0; round < 400; round++) {
		char src[48];
		struct script sc = { rules[round % ARRAY_SIZE(rules)], 3, 0 };
		struct document *doc;
		struct diag_list l;
		struct fix_result fr;

		for (size_t i = 0; i + 2 < sizeof(src); i++) {
			seed = seed * 1103515245u + 12345u;
			src[i] = "abc \n"[(seed >> 16) % 5];
		}
		src[sizeof(src) - 2] = '\n';
		src[sizeof(src) - 1] = '\0';
		fix_scripted(&sc, src, &doc, &l, &fr);
		if (fr.doc)
			assert_edits_make_final(doc, &fr);
		multi += fr.n_passes > 1;
		stops[fr.stop]++;
		release_scripted(doc, &l, &fr);
	}
	cr_log_info("%u of 400 took passes; stops %u clean, %u cycle, %u cap",
		    multi, stops[0], stops[1], stops[2]);
	cr_assert_gt(multi, 100, "%u texts took more than one pass", multi);
	cr_assert_gt(stops[FIX_STOP_CYCLE], 10);
	cr_assert_gt(stops[FIX_STOP_PASSES], 10);
}
