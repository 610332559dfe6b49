/*
 * helpers: see helpers.h.
 */
#include "helpers.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"
#include "text/segment.h"
#include "util/xalloc.h"

struct document *load_str(const char *s)
{
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	if (document_load_mem("test.txt", s, strlen(s), NULL, &doc, &err) !=
	    MT_ERR_OK)
		cr_assert_fail("load failed: %s", err.msg);
	return doc;
}

static struct checker *shared;

struct checker *test_checker(void)
{
	struct mt_error err = { 0 };

	if (!shared && checker_new(NULL, &shared, &err) != MT_ERR_OK)
		cr_assert_fail("checker_new failed: %s", err.msg);
	return shared;
}

void check_str(const char *s, struct document **out_doc,
	       struct diag_list *out)
{
	struct document *doc = load_str(s);
	struct mt_error err = { 0 };

	diag_list_init(out, &doc->arena);
	if (checker_check(test_checker(), doc, NULL, out, &err) != MT_ERR_OK)
		cr_assert_fail("check failed: %s", err.msg);
	assert_diags_sane(doc, out);
	*out_doc = doc;
}

static int on_boundary(const struct document *doc, uint32_t off)
{
	return off == doc->len || ((unsigned char)doc->text[off] & 0xC0) != 0x80;
}

void assert_diags_sane(const struct document *doc, const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		cr_assert(d->rule && *d->rule, "diagnostic without rule id");
		cr_assert(d->category && *d->category);
		cr_assert(d->message && *d->message);
		cr_assert(d->span.start <= d->span.end);
		cr_assert(d->span.end <= doc->len);
		cr_assert(on_boundary(doc, d->span.start) &&
			  on_boundary(doc, d->span.end),
			  "span of %s not on UTF-8 boundaries", d->rule);
		if (i)
			cr_assert(l->v[i - 1].span.start <= d->span.start,
				  "diagnostics not sorted");
	}
}

int find_diag(const struct diag_list *l, const char *rule)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].rule, rule) == 0)
			return (int)i;
	return -1;
}

static char *slurp(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;

	buf_read_file(&b, path, 0); /* a missing file reads as empty */
	return buf_detach(&b, len);
}

char *write_temp(const void *data, size_t len, const char *suffix)
{
	char *path = xmalloc(256);
	int fd;

	snprintf(path, 256, "/tmp/mtlint-test-XXXXXX%s", suffix ? suffix : "");
	fd = mkstemps(path, suffix ? (int)strlen(suffix) : 0);
	cr_assert(fd >= 0, "mkstemps failed");
	cr_assert(write(fd, data, len) == (ssize_t)len);
	close(fd);
	return path;
}

void run_mtlint(const char *args, const char *input, size_t input_len,
		struct run_result *r)
{
	const char *bin = getenv("MTLINT_BIN");
	char *in = write_temp(input ? input : "", input ? input_len : 0, NULL);
	char out_path[] = "/tmp/mtlint-out-XXXXXX";
	char err_path[] = "/tmp/mtlint-err-XXXXXX";
	int ofd = mkstemp(out_path), efd = mkstemp(err_path);
	struct buf cmd = BUF_INIT;
	int st;

	cr_assert(bin, "MTLINT_BIN is not set (run through make)");
	close(ofd);
	close(efd);
	buf_addf(&cmd, "'%s' %s <'%s' >'%s' 2>'%s'", bin, args, in, out_path,
		 err_path);
	st = system(cmd.buf);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r->out = slurp(out_path, &r->out_len);
	r->err = slurp(err_path, &r->err_len);
	unlink(in);
	unlink(out_path);
	unlink(err_path);
	free(in);
	buf_release(&cmd);
}

void run_result_release(struct run_result *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

char *tmpdir(void)
{
	char *d = xstrdup("/tmp/mtlint-e2e-XXXXXX");

	cr_assert(mkdtemp(d));
	return d;
}

void rmdir_all(char *d)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "chmod -R u+w '%s'; rm -rf '%s'", d, d);
	cr_assert_eq(system(b.buf), 0);
	buf_release(&b);
	free(d);
}

char *path_in(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

void put(const char *dir, const char *name, const char *text)
{
	char *p = path_in(dir, name);
	FILE *f = fopen(p, "wb");

	cr_assert(f, "cannot create %s", p);
	fwrite(text, 1, strlen(text), f);
	fclose(f);
	free(p);
}
