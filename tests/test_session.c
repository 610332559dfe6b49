/*
 * session: the run in the library -- configuration found and merged with
 * the caller's settings, checkers shared between equal profiles, the same
 * findings from a path and from text in memory, references mapped and
 * reloaded when they change, fix-then-recheck, reload after a change.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "run/session.h"
#include "util/buf.h"
#include "util/xalloc.h"

static const char article[] =
	"The minister said the the talks in Qorvath would resume.\n"
	"The zorbitron sorted the wires , and the colour was right.\n";

static struct session *open_session(struct session_options *o)
{
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };

	o->co.grammar_parser = 0; /* fast; the parser has its own tests */
	cr_assert_eq(session_new(o, &s, &cerrs, &err), MT_ERR_OK, "%s",
		     err.msg);
	return s;
}

/* Check `name` in dir (from the file, or from `text` when given). */
static void check(struct session *s, const char *dir, const char *name,
		  const char *text, struct session_result *res)
{
	char *p = path_in(dir, name);
	struct session_doc d = { .path = p };

	if (text) {
		d.text = text;
		d.len = strlen(text);
	}
	cr_assert_eq(session_check(s, 0, &d, res), MT_ERR_OK, "%s: %s", p,
		     res->err.msg);
	assert_diags_sane(res->doc, &res->diags);
	free(p);
}

static size_t count(const struct session_result *res, const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < res->diags.n; i++)
		n += !strcmp(res->diags.v[i].rule, rule);
	return n;
}

static enum mt_severity severity_of(const struct session_result *res,
				    const char *rule)
{
	int i = find_diag(&res->diags, rule);

	cr_assert(i >= 0, "no %s", rule);
	return res->diags.v[i].severity;
}

Test(session, configuration_applies_and_the_caller_wins)
{
	char *d = tmpdir();
	struct session_options o = { 0 };
	struct session *s;
	struct session_result res;
	static const char *const enable[] = { "typography.space-before-punct" };

	put(d, ".mtlint.yml",
	    "language: en_US\n"
	    "accept: [words.txt]\n"
	    "rules:\n"
	    "  typography.space-before-punct: off\n"
	    "  grammar.repeated-word: warning\n");
	put(d, "words.txt", "zorbitron\nQorvath\n");
	put(d, "a.txt", article);
	s = open_session(&o);
	check(s, d, "a.txt", NULL, &res);
	cr_expect_eq(count(&res, "typography.space-before-punct"), 0);
	cr_expect_eq(count(&res, "spelling.unknown-word"), 0,
		     "an accepted word is flagged");
	cr_expect_eq(severity_of(&res, "grammar.repeated-word"),
		     MT_SEV_WARNING);
	/* en_US from the file: "colour" is the British spelling */
	cr_expect_eq(count(&res, "spelling.dialect-variant"), 1);
	cr_expect_str_eq(res.profile->co.lang, "en_US");
	session_result_release(&res);
	session_free(s);

	/* the caller's language and a rule it names win */
	o = (struct session_options){ 0 };
	o.co.lang = "en_GB";
	o.co.enable = enable;
	o.co.n_enable = 1;
	s = open_session(&o);
	check(s, d, "a.txt", NULL, &res);
	cr_expect_eq(count(&res, "typography.space-before-punct"), 1);
	cr_expect_eq(count(&res, "spelling.dialect-variant"), 0);
	cr_expect_str_eq(res.profile->co.lang, "en_GB");
	session_result_release(&res);
	session_free(s);
	rmdir_all(d);
}

Test(session, text_in_memory_gives_what_the_file_gives)
{
	char *d = tmpdir();
	struct session_options o = { 0 };
	struct session *s;
	struct session_result a, b;

	put(d, ".mtlint.yml", "rules:\n  spelling: off\n");
	put(d, "a.md", "# Title\n\nIt was the the end of `a a` it.\n");
	s = open_session(&o);
	check(s, d, "a.md", NULL, &a);
	check(s, d, "a.md", "# Title\n\nIt was the the end of `a a` it.\n",
	      &b);
	cr_assert_eq(a.diags.n, b.diags.n);
	cr_assert_gt(a.diags.n, 0);
	for (size_t i = 0; i < a.diags.n; i++) {
		cr_expect_str_eq(a.diags.v[i].rule, b.diags.v[i].rule);
		cr_expect_str_eq(a.diags.v[i].message, b.diags.v[i].message);
		cr_expect_eq(a.diags.v[i].span.start, b.diags.v[i].span.start);
		cr_expect_eq(a.diags.v[i].span.end, b.diags.v[i].span.end);
	}
	/* Markdown by extension: the code span is not prose */
	cr_expect_eq(count(&a, "grammar.repeated-word"), 1);
	cr_expect_eq(a.doc->kind, DOCUMENT_MARKDOWN);
	session_result_release(&a);
	session_result_release(&b);
	session_free(s);
	rmdir_all(d);
}

Test(session, the_callers_kind_wins_over_the_extension)
{
	char *d = tmpdir();
	struct session_options o = { .no_config = 1 };
	struct session *s;
	struct session_result res;
	char *p = path_in(d, "untitled");
	struct session_doc doc = { .path = p,
				   .text = "Run `the the` now.\n",
				   .len = strlen("Run `the the` now.\n"),
				   .kind = DOCUMENT_MARKDOWN };

	s = open_session(&o);
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 0);
	session_result_release(&res);
	doc.kind = DOCUMENT_AUTO;
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 1);
	session_result_release(&res);
	session_free(s);
	free(p);
	rmdir_all(d);
}

Test(session, equal_profiles_share_a_checker)
{
	char *d = tmpdir();
	struct session_options o = { 0 };
	struct session *s;
	const struct config *c1, *c2;
	struct checker *k1, *k2, *k3;
	struct mt_error err = { 0 };
	char *p1, *p2;

	cr_assert_eq(mkdir(p1 = path_in(d, "one"), 0755), 0);
	cr_assert_eq(mkdir(p2 = path_in(d, "two"), 0755), 0);
	put(p1, ".mtlint.yml", "fail-on: error\n");
	put(p2, ".mtlint.yml", "max-warnings: 3\n");
	put(d, ".mtlint.yml", "rules:\n  typography: off\n");
	s = open_session(&o);
	free(p1);
	free(p2);
	p1 = path_in(d, "one/x.txt");
	p2 = path_in(d, "two/x.txt");
	cr_assert_eq(session_config(s, p1, &c1, NULL, &err), MT_ERR_OK);
	cr_assert_eq(session_config(s, p2, &c2, NULL, &err), MT_ERR_OK);
	cr_assert(c1 && c2 && c1 != c2);
	cr_assert_eq(session_checker(s, session_profile(s, c1), 0, &k1, &err),
		     MT_ERR_OK);
	cr_assert_eq(session_checker(s, session_profile(s, c2), 0, &k2, &err),
		     MT_ERR_OK);
	cr_expect_eq(k1, k2, "same checker options, two checkers");
	cr_expect_eq(session_profile(s, c1)->fail_on, MT_SEV_ERROR);
	cr_expect_eq(session_profile(s, c2)->max_warnings, 3);
	/* a different rule setting is a different checker */
	free(p2);
	p2 = path_in(d, "x.txt");
	cr_assert_eq(session_config(s, p2, &c2, NULL, &err), MT_ERR_OK);
	cr_assert_eq(session_checker(s, session_profile(s, c2), 0, &k3, &err),
		     MT_ERR_OK);
	cr_expect_neq(k1, k3);
	session_free(s);
	free(p1);
	free(p2);
	rmdir_all(d);
}

Test(session, a_configuration_the_caller_owns)
{
	char *d = tmpdir();
	struct session_options o = { .no_config = 1 };
	struct session *s;
	struct config *cfg = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	const struct session_profile *p;
	struct session_result res;
	char *yml = path_in(d, ".mtlint.yml"), *a = path_in(d, "a.txt");
	static const char text[] = "rules:\n  grammar.repeated-word: off\n";
	struct session_doc doc = { .path = a };

	put(d, "a.txt", article);
	cr_assert_eq(config_parse(yml, text, strlen(text), &cfg, &cerrs, &err),
		     MT_ERR_OK, "%s", err.msg);
	s = open_session(&o);
	p = session_profile(s, cfg);
	doc.profile = p;
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 0);
	session_result_release(&res);
	doc.profile = NULL; /* --no-config: none is found */
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 1);
	session_result_release(&res);
	session_profile_free(s, p);
	session_free(s);
	config_free(cfg);
	free(yml);
	free(a);
	rmdir_all(d);
}

static void touch_later(const char *dir, const char *name, const char *text)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	nanosleep(&ts, NULL); /* a new mtime even on coarse clocks */
	put(dir, name, text);
}

Test(session, references_mapped_and_reloaded_when_changed)
{
	char *d = tmpdir();
	struct session_options o = { 0 };
	struct session *s;
	struct session_result res;

	put(d, ".mtlint.yml", "references:\n  \"*.txt\": \"refs/*.txt\"\n");
	{
		char *r = path_in(d, "refs");

		cr_assert_eq(mkdir(r, 0755), 0);
		put(r, "a.txt", "On 4 March, 24 people were evacuated.\n");
		put(d, "a.txt", "On 3 March, 24 people were evacuated.\n");
		s = open_session(&o);
		check(s, d, "a.txt", NULL, &res);
		cr_expect_eq(count(&res, "reference.date-mismatch"), 1);
		session_result_release(&res);
		touch_later(r, "a.txt", "On 3 March, 24 people were "
					"evacuated.\n");
		check(s, d, "a.txt", NULL, &res);
		cr_expect_eq(count(&res, "reference.date-mismatch"), 0,
			     "the changed reference was not reloaded");
		session_result_release(&res);
		free(r);
	}
	/* a mapped reference that does not exist is an error */
	put(d, "b.txt", "On 3 March.\n");
	{
		char *b = path_in(d, "b.txt");
		struct session_doc doc = { .path = b };

		cr_expect_eq(session_check(s, 0, &doc, &res), MT_ERR_IO);
		cr_expect(strstr(res.err.msg, "reference for"), "%s",
			  res.err.msg);
		session_result_release(&res);
		free(b);
	}
	session_free(s);
	rmdir_all(d);
}

Test(session, fix_then_recheck_and_reload)
{
	char *d = tmpdir();
	struct session_options o = { 0 };
	struct session *s;
	struct session_result res;
	char *a = path_in(d, "a.txt");
	struct session_doc doc = { .path = a, .fix = SESSION_FIX_WRITE };
	struct buf b = BUF_INIT;

	put(d, "a.txt", "It was the the end.\n");
	s = open_session(&o);
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK, "%s",
		     res.err.msg);
	cr_expect_eq(res.n_fixed, 1);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 0);
	cr_expect_eq(res.doc->len, strlen("It was the end.\n"));
	session_result_release(&res);
	buf_read_file(&b, a, 0);
	cr_expect_str_eq(b.buf, "It was the end.\n");
	buf_release(&b);

	/* a configuration written later is read after session_reload() */
	put(d, "a.txt", "It was the the end.\n");
	doc.fix = SESSION_FIX_NONE;
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 1);
	session_result_release(&res);
	put(d, ".mtlint.yml", "rules:\n  grammar: off\n");
	session_reload(s);
	cr_assert_eq(session_check(s, 0, &doc, &res), MT_ERR_OK);
	cr_expect_eq(count(&res, "grammar.repeated-word"), 0);
	session_result_release(&res);
	/* a broken one is reported with its mistakes */
	put(d, ".mtlint.yml", "rules:\n  grammar: loud\n");
	session_reload(s);
	cr_expect_eq(session_check(s, 0, &doc, &res), MT_ERR_CONFIG);
	cr_expect_eq(res.cerrs.n, 1);
	session_result_release(&res);
	session_free(s);
	free(a);
	rmdir_all(d);
}
