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

#include "util/arena.h"
#include "util/buf.h"
#include "util/paths.h"
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

struct document *segment_str(const char *s)
{
	struct document *doc = load_str(s);
	struct mt_error err = { 0 };

	cr_assert_eq(checker_segment(test_checker(), doc, &err), MT_ERR_OK,
		     "segmenting failed: %s", err.msg);
	return doc;
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

void check_text(struct checker *c, const char *text, const char *ref_text,
		struct checked *out)
{
	struct mt_error err = { 0 };

	out->doc = load_str(text);
	out->ref = ref_text ? load_str(ref_text) : NULL;
	diag_list_init(&out->l, &out->doc->arena);
	if (checker_check(c ? c : test_checker(), out->doc, out->ref, &out->l,
			  &err) != MT_ERR_OK)
		cr_assert_fail("check failed: %s", err.msg);
	assert_diags_sane(out->doc, &out->l);
}

void checked_release(struct checked *k)
{
	diag_list_release(&k->l);
	document_free(k->doc);
	document_free(k->ref);
	k->doc = k->ref = NULL;
}

static int selected(const struct diag *d, const char *rule)
{
	size_t n;

	if (!rule)
		return 1;
	n = strlen(rule);
	if (n && rule[n - 1] == '.')
		return strncmp(d->rule, rule, n) == 0;
	return strcmp(d->rule, rule) == 0;
}

size_t count_findings(const struct diag_list *l, const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += selected(&l->v[i], rule);
	return n;
}

const char *finding_text(struct document *doc, const struct diag *d)
{
	return arena_strndup(&doc->arena,
			     doc->text + d->span.start,
			     d->span.end - d->span.start);
}

const char *findings_dump(struct document *doc, const struct diag_list *l)
{
	struct buf b = BUF_INIT;
	const char *s;

	if (!l->n)
		buf_adds(&b, "  (none)\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];
		struct doc_pos p = document_position(doc, d->span.start, 0);

		buf_addf(&b, "  %u:%u %s '%.*s'", p.line, p.column, d->rule,
			 (int)(d->span.end - d->span.start),
			 doc->text + d->span.start);
		for (size_t k = 0; k < d->n_suggestions; k++)
			buf_addf(&b, "%s%s", k ? ", " : " -> ",
				 d->suggestions[k]);
		buf_addc(&b, '\n');
	}
	s = arena_strdup(&doc->arena, b.buf);
	buf_release(&b);
	return s;
}

static int suggests(const struct diag *d, const char *suggestion)
{
	if (!suggestion)
		return 1;
	if (!*suggestion)
		return d->n_suggestions == 0;
	return d->n_suggestions && strcmp(d->suggestions[0], suggestion) == 0;
}

static int covers(const struct document *doc, const struct diag *d,
		  const char *text)
{
	return !text || (d->span.end - d->span.start == strlen(text) &&
			 memcmp(doc->text + d->span.start, text,
				strlen(text)) == 0);
}

const struct diag *expect_finding_at(const char *file, int line,
				     struct document *doc,
				     const struct diag_list *l,
				     const char *rule, const char *text,
				     const char *suggestion)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		if (strcmp(d->rule, rule) == 0 && covers(doc, d, text) &&
		    suggests(d, suggestion))
			return d;
	}
	cr_assert_fail("%s:%d: expected %s%s%s%s%s%s%s in\n  %s\nfound:\n%s",
		       file, line, rule, text ? " on '" : "",
		       text ? text : "", text ? "'" : "",
		       suggestion ? (*suggestion ? " suggesting '"
						 : " without suggestion")
				  : "",
		       suggestion && *suggestion ? suggestion : "",
		       suggestion && *suggestion ? "'" : "", doc->text,
		       findings_dump(doc, l));
	return NULL;
}

void expect_no_finding_at(const char *file, int line, struct document *doc,
			  const struct diag_list *l, const char *rule,
			  const char *text)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		if (selected(d, rule) && covers(doc, d, text)) {
			cr_expect_fail("%s:%d: expected no %s%s%s%s in\n  %s\n"
				       "found:\n%s",
				       file, line, rule ? rule : "finding",
				       text ? " on '" : "", text ? text : "",
				       text ? "'" : "", doc->text,
				       findings_dump(doc, l));
			return;
		}
	}
}

char *read_file(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;

	if (buf_read_file(&b, path, 0) < 0)
		cr_assert_fail("cannot read %s", path);
	return buf_detach(&b, len);
}

char *read_data_file(const char *rel, size_t *len)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", mt_data_dir(), rel);
	return read_file(path, len);
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
