/*
 * selftest: `mtlint rules --test` on toy rule files -- that a fix must
 * bring no finding of any rule the example did not have
 * (check/examples.h).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/checker.h"
#include "run/selftest.h"

/* A rule "toy.avoid-to" on "to write" whose fix is `fix`, and its
 * examples, the bad ones expecting `fix`. */
static const char toy_rule[] =
	"rules:\n"
	"  - id: toy.avoid-to\n"
	"    category: fluency/grammar\n"
	"    severity: warning\n"
	"    precision: \"a test rule\"\n"
	"    message: \"'avoid' takes the -ing form\"\n"
	"    description: \"'avoided to write'\"\n"
	"    pattern:\n"
	"      - {word: avoided}\n"
	"      - {word: to, report: true}\n"
	"      - {word: write, report: true}\n"
	"    suggest: \"%s\"\n"
	"    examples:\n"
	"      bad:\n"
	"        - \"He avoided [to write] the letter. -> %s\"\n"
	"        - \"She avoided [to write] at first. -> %s\"\n"
	/* a finding before the edit and one after it, moved by it */
	"        - \"Their colour avoided [to write] about the colour. -> "
	"%s\"\n"
	"      good:\n"
	"        - \"He avoided writing the letter.\"\n"
	"        - \"She wanted to write.\"\n"
	"        - \"They chose to reply.\"\n";

/* Run the examples of the toy rule with `fix`: the failures, and what
 * was printed in *out (free()). */
static size_t run_toy(const char *fix, char **out)
{
	char path[] = "/tmp/mtlint-selftest-XXXXXX";
	const char *files[1] = { path };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct selftest_result res;
	struct mt_error err = { 0 };
	size_t len = 0;
	int fd = mkstemp(path);
	FILE *f, *mem;

	cr_assert_geq(fd, 0);
	f = fdopen(fd, "w");
	cr_assert_not_null(f);
	fprintf(f, toy_rule, fix, fix, fix, fix);
	fclose(f);
	mem = open_memstream(out, &len);
	cr_assert_eq(selftest_run(&o, files, 1, mem, &res, &err), MT_ERR_OK,
		     "%s", err.msg);
	fclose(mem);
	unlink(path);
	cr_expect_eq(res.rules, 1);
	cr_expect_eq(res.examples, 6);
	return res.failures;
}

/* "avoided [to write]" -> "avoided writing" writes "avoided" twice: each
 * bad example fails, saying which rule found what in which text. */
Test(selftest, a_fix_that_doubles_a_word_fails_saying_what_it_found)
{
	char *out = NULL;
	size_t fails = run_toy("avoided writing", &out);

	cr_expect_eq(fails, 3, "%s", out);
	cr_expect(strstr(out, ": toy.avoid-to: the fix 'avoided writing' "
			      "gives a new finding: He avoided avoided "
			      "writing the letter.\n"
			      "    new grammar.repeated-word [avoided avoided] "
			      "-> avoided: repeated word 'avoided'\n"),
		  "%s", out);
	cr_expect(strstr(out, "gives a new finding: Their colour avoided "
			      "avoided writing about the colour.\n"),
		  "%s", out);
	/* the findings the example had ('colour', twice) are not new */
	cr_expect(!strstr(out, "new spelling."), "%s", out);
	free(out);
}

/* The right fix passes, though the text keeps findings of other rules
 * (the British 'colour' before the edit and, moved, after it). */
Test(selftest, a_clean_fix_passes)
{
	char *out = NULL;
	size_t fails = run_toy("writing", &out);

	cr_expect_eq(fails, 0, "%s", out);
	cr_expect_eq(strlen(out), 0, "%s", out);
	free(out);
}
