/*
 * project: the editor's "add to dictionary" and "disable this rule" as
 * edits of the project's files -- sorted word lists, `.mtlint.yml` edited
 * as text with its comments kept, new files when there are none, and
 * refusals that write nothing.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "run/project.h"
#include "util/buf.h"
#include "util/xalloc.h"

static char *read_in(const char *dir, const char *name)
{
	char *p = path_in(dir, name);
	struct buf b = BUF_INIT;

	buf_read_file(&b, p, 0);
	free(p);
	return buf_detach(&b, NULL);
}

static struct config *load_in(const char *dir)
{
	char *p = path_in(dir, ".mtlint.yml");
	struct config *cfg = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(config_load(p, 0, &cfg, NULL, &err), MT_ERR_OK, "%s",
		     err.msg);
	free(p);
	return cfg;
}

static void expect_file(const char *dir, const char *name, const char *want)
{
	char *got = read_in(dir, name);

	cr_expect_str_eq(got, want, "%s is\n%s", name, got);
	free(got);
}

Test(project, a_word_goes_into_the_sorted_accept_list)
{
	char *d = tmpdir(), *changed = NULL;
	struct config *cfg;
	struct mt_error err = { 0 };

	put(d, ".mtlint.yml", "# house style\naccept: [words.txt]\n");
	put(d, "words.txt", "# our names\nAlpha\nGamma model\nzeta\n");
	cfg = load_in(d);
	cr_assert_eq(project_accept_word(cfg, d, "Delta", &changed, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_file(d, "words.txt", "# our names\nAlpha\nDelta\nGamma model\n"
				    "zeta\n");
	cr_expect(strstr(changed, "words.txt"));
	free(changed);
	/* a word already there changes nothing; one at the end is appended */
	cr_assert_eq(project_accept_word(cfg, d, "Gamma", NULL, &err),
		     MT_ERR_OK);
	cr_assert_eq(project_accept_word(cfg, d, "zz", NULL, &err), MT_ERR_OK);
	expect_file(d, "words.txt", "# our names\nAlpha\nDelta\nGamma model\n"
				    "zeta\nzz\n");
	expect_file(d, ".mtlint.yml", "# house style\naccept: [words.txt]\n");
	cr_expect_eq(project_accept_word(cfg, d, "two\nlines", NULL, &err),
		     MT_ERR_CONFIG);
	config_free(cfg);
	rmdir_all(d);
}

Test(project, an_accept_list_is_made_when_there_is_none)
{
	char *d = tmpdir();
	struct config *cfg;
	struct mt_error err = { 0 };

	/* no configuration at all: both files are created */
	cr_assert_eq(project_accept_word(NULL, d, "Qorvath", NULL, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_file(d, ".mtlint.yml", "accept: [" PROJECT_WORDS_FILE "]\n");
	expect_file(d, PROJECT_WORDS_FILE, "Qorvath\n");
	rmdir_all(d);

	/* a configuration without accept: gets the key, comments stay */
	d = tmpdir();
	put(d, ".mtlint.yml", "language: en_GB # ours\nrules:\n  grammar: off");
	cfg = load_in(d);
	cr_assert_eq(project_accept_word(cfg, d, "Qorvath", NULL, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_file(d, ".mtlint.yml",
		    "language: en_GB # ours\nrules:\n  grammar: off\n"
		    "accept: [" PROJECT_WORDS_FILE "]\n");
	config_free(cfg);
	rmdir_all(d);
}

Test(project, a_rule_is_switched_off_in_place)
{
	char *d = tmpdir();
	struct config *cfg;
	struct mt_error err = { 0 };

	put(d, ".mtlint.yml",
	    "rules:\n"
	    "    # severities\n"
	    "    grammar.repeated-word: warning\n"
	    "    typography: on\n"
	    "fail-on: error\n");
	cfg = load_in(d);
	cr_assert_eq(project_disable_rule(cfg, d, "typography", NULL, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_file(d, ".mtlint.yml",
		    "rules:\n"
		    "    # severities\n"
		    "    grammar.repeated-word: warning\n"
		    "    typography: off\n"
		    "fail-on: error\n");
	config_free(cfg);
	cfg = load_in(d);
	cr_assert_eq(project_disable_rule(cfg, d, "spelling.unknown-name",
					  NULL, &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_file(d, ".mtlint.yml",
		    "rules:\n"
		    "    spelling.unknown-name: off\n"
		    "    # severities\n"
		    "    grammar.repeated-word: warning\n"
		    "    typography: off\n"
		    "fail-on: error\n");
	config_free(cfg);
	rmdir_all(d);
}

Test(project, rules_added_or_refused_without_writing)
{
	char *d = tmpdir();
	struct config *cfg;
	struct mt_error err = { 0 };

	cr_assert_eq(project_disable_rule(NULL, d, "grammar.parse", NULL,
					  &err),
		     MT_ERR_OK, "%s", err.msg);
	expect_file(d, ".mtlint.yml", "rules:\n  grammar.parse: off\n");
	/* flow style cannot be edited as text: refused, file untouched */
	put(d, ".mtlint.yml", "rules: {grammar: warning}\n");
	cfg = load_in(d);
	cr_expect_eq(project_disable_rule(cfg, d, "typography", NULL, &err),
		     MT_ERR_CONFIG);
	cr_expect(strstr(err.msg, "by hand"), "%s", err.msg);
	expect_file(d, ".mtlint.yml", "rules: {grammar: warning}\n");
	config_free(cfg);
	rmdir_all(d);
}
