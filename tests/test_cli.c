/*
 * cli: the binary end to end -- exit codes, formats, standard input and
 * bad input.  Runs $MTLINT_BIN (set by the Makefile).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "util/buf.h"
#include "util/xalloc.h"

static const char repeated[] = "It was the the end of the story.\n";

Test(cli, help_and_version)
{
	struct run_result r;

	run_mtlint("--help", NULL, 0, &r);
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "usage: mtlint"));
	cr_assert(strstr(r.out, "--fail-on"));
	run_result_release(&r);
	run_mtlint("--version", NULL, 0, &r);
	cr_assert_eq(r.status, 0);
	cr_assert(strncmp(r.out, "mtlint ", 7) == 0);
	run_result_release(&r);
}

Test(cli, usage_errors_exit_2)
{
	static const char *const bad[] = {
		"--no-such-option x.txt",
		"",
		"--format nonsense -",
		"--fail-on sometimes -",
		"--color maybe -",
		"--reference",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct run_result r;

		run_mtlint(bad[i], "x", 1, &r);
		cr_expect_eq(r.status, 2, "'%s' exited %d", bad[i], r.status);
		cr_expect(strstr(r.err, "mtlint:"), "'%s': no message", bad[i]);
		run_result_release(&r);
	}
}

Test(cli, a_subcommand_after_an_option_is_named_as_one)
{
	struct run_result r;

	run_mtlint("--no-config check -", "x", 1, &r);
	cr_assert_eq(r.status, 2, "exited %d", r.status);
	cr_assert(strstr(r.err, "'check' is a subcommand: write it first"),
		  "%s", r.err);
	run_result_release(&r);
	run_mtlint("--format json score", NULL, 0, &r);
	cr_assert_eq(r.status, 2, "exited %d", r.status);
	cr_assert(strstr(r.err, "'score' is a subcommand"), "%s", r.err);
	run_result_release(&r);
	/* a file named like a subcommand is still a file: the tests run in
	 * the project's folder, which has one named rules/ */
	run_mtlint("--no-config --format json rules/README.md rules", NULL, 0,
		   &r);
	cr_assert_neq(r.status, 2, "exited %d: %s", r.status, r.err);
	run_result_release(&r);
}

Test(cli, findings_exit_1_and_text_format)
{
	struct run_result r;

	run_mtlint("-", repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_assert(strstr(r.out, "<stdin>:1:8: error: repeated word 'the' "
				"[grammar.repeated-word]"),
		  "%s", r.out);
	cr_assert(strstr(r.out, "    1 | It was the the end"), "%s", r.out);
	cr_assert(strstr(r.out, "      |        ^~~~~~~\n"), "%s", r.out);
	cr_assert(strstr(r.out, "= suggestion: the"), "%s", r.out);
	cr_assert_null(strstr(r.out, "\033["), "colour without a TTY");
	run_result_release(&r);
}

/* A suggestion the eye cannot see is put in words (report.h): a deletion
 * says what it removes, a replacement by spaces says how many; in the text
 * report and in the formats that carry a suggestion in a message. */
Test(cli, invisible_suggestions_in_words)
{
	static const char text[] = "The plan  works , he said: “It does. ”\n";
	struct run_result r;

	run_mtlint("--enable typography -", text, strlen(text), &r);
	cr_assert_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.out, "= suggestion: one space\n"), "%s", r.out);
	cr_expect(strstr(r.out, "= suggestion: ,\n"), "%s", r.out);
	cr_expect(strstr(r.out, "= suggestion: remove the space\n"), "%s",
		  r.out);
	cr_expect_null(strstr(r.out, "= suggestion: \n"), "%s", r.out);
	cr_expect_null(strstr(r.out, "= suggestion:  \n"), "%s", r.out);
	run_result_release(&r);
	run_mtlint("--format github -", text, strlen(text), &r);
	cr_expect(strstr(r.out, "(suggestion: remove the space)"), "%s", r.out);
	cr_expect_null(strstr(r.out, "(suggestion: )"), "%s", r.out);
	run_result_release(&r);
}

Test(cli, fail_on_thresholds)
{
	struct run_result r;

	run_mtlint("--fail-on never -", repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 0);
	run_result_release(&r);
	run_mtlint("--fail-on error -", repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 1);
	run_result_release(&r);
	/* the grammar parser would report the doubled word too */
	run_mtlint("--grammar-parser off --disable grammar.repeated-word -",
		   repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 0, "%s", r.out);
	run_result_release(&r);
	run_mtlint("--disable fluency -", repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 0, "%s", r.out);
	run_result_release(&r);
	run_mtlint("--disable fluency --enable grammar.repeated-word -",
		   repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 1, "%s", r.out);
	run_result_release(&r);
}

Test(cli, colour_only_when_asked)
{
	struct run_result r;

	run_mtlint("--color always -", repeated, strlen(repeated), &r);
	cr_assert(strstr(r.out, "\033["));
	run_result_release(&r);
}

Test(cli, json_format_is_valid_and_complete)
{
	struct run_result r;
	json_error_t jerr;
	json_t *root, *d;

	run_mtlint("--format json -", repeated, strlen(repeated), &r);
	cr_assert_eq(r.status, 1);
	root = json_loads(r.out, 0, &jerr);
	cr_assert_not_null(root, "invalid JSON: %s", jerr.text);
	cr_assert_eq(json_integer_value(json_object_get(root, "version")), 1);
	d = json_array_get(json_object_get(json_array_get(
				   json_object_get(root, "files"), 0),
					   "diagnostics"),
			   0);
	cr_assert_not_null(d);
	cr_assert_str_eq(json_string_value(json_object_get(d, "rule")),
			 "grammar.repeated-word");
	cr_assert_str_eq(json_string_value(json_object_get(d, "severity")),
			 "error");
	cr_assert_eq(json_integer_value(json_object_get(d, "offset")), 7);
	cr_assert_eq(json_integer_value(json_object_get(d, "length")), 7);
	cr_assert_eq(json_integer_value(json_object_get(d, "line")), 1);
	cr_assert_eq(json_integer_value(json_object_get(d, "column")), 8);
	cr_assert_eq(json_integer_value(json_object_get(d, "end_column")), 15);
	cr_assert_str_eq(json_string_value(json_object_get(d, "text")),
			 "the the");
	cr_assert_str_eq(json_string_value(json_array_get(
				 json_object_get(d, "suggestions"), 0)),
			 "the");
	json_decref(root);
	run_result_release(&r);
}

Test(cli, json_offsets_are_original_bytes)
{
	/* UTF-16LE with BOM: "é the the" -> 'the the' at original byte 6 */
	static const char in[] = "\xFF\xFE\xE9\0 \0t\0h\0e\0 \0t\0h\0e\0";
	struct run_result r;
	json_t *root, *d;

	run_mtlint("--format json -", in, sizeof(in) - 1, &r);
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root, "%s %s", r.out, r.err);
	d = json_array_get(json_object_get(json_array_get(
				   json_object_get(root, "files"), 0),
					   "diagnostics"),
			   0);
	cr_assert_eq(json_integer_value(json_object_get(d, "offset")), 6);
	cr_assert_eq(json_integer_value(json_object_get(d, "length")), 14);
	cr_assert_eq(json_integer_value(json_object_get(d, "column")), 3);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(
				 json_object_get(root, "files"), 0),
							   "encoding")),
			 "UTF-16LE");
	json_decref(root);
	run_result_release(&r);
}

Test(cli, json_escapes_strings)
{
	static const char in[] = "He said \"quote\" \\ and \xE2\x80\x9Cthe the\xE2\x80\x9D\t.\n";
	struct run_result r;
	json_t *root;

	run_mtlint("--format json -", in, sizeof(in) - 1, &r);
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root, "%s", r.out);
	json_decref(root);
	run_result_release(&r);
}

Test(cli, clean_input_exit_0)
{
	struct run_result r;

	run_mtlint("-", "A clean sentence.\n", 18, &r);
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	cr_assert_eq(r.out_len, 0, "%s", r.out);
	run_result_release(&r);
}

Test(cli, empty_file_is_fine)
{
	struct run_result r;
	char *p = write_temp("", 0, ".txt");
	char args[300];

	snprintf(args, sizeof(args), "--format json '%s'", p);
	run_mtlint(args, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"diagnostics\": []"), "%s", r.out);
	run_result_release(&r);
	unlink(p);
	free(p);
}

Test(cli, missing_file_exit_2_names_it)
{
	struct run_result r;

	run_mtlint("/nonexistent/article.txt", NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "/nonexistent/article.txt"), "%s", r.err);
	cr_assert(strstr(r.err, "No such file"), "%s", r.err);
	run_result_release(&r);
}

Test(cli, other_files_still_checked_after_a_bad_one)
{
	struct run_result r;
	char *p = write_temp(repeated, strlen(repeated), ".txt");
	char args[300];
	json_t *root, *files;

	snprintf(args, sizeof(args), "--format json /nonexistent/a.txt '%s'",
		 p);
	run_mtlint(args, NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root);
	files = json_object_get(root, "files");
	cr_assert_eq(json_array_size(files), 2);
	cr_assert_not_null(json_object_get(json_array_get(files, 0), "error"));
	cr_assert_eq(json_array_size(json_object_get(json_array_get(files, 1),
						     "diagnostics")),
		     1);
	json_decref(root);
	run_result_release(&r);
	unlink(p);
	free(p);
}

Test(cli, binary_input_refused)
{
	static const char in[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0";
	struct run_result r;

	run_mtlint("-", in, sizeof(in) - 1, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "binary"), "%s", r.err);
	cr_assert(strstr(r.err, "<stdin>"), "%s", r.err);
	run_result_release(&r);
}

Test(cli, invalid_utf8_exit_2_with_position)
{
	static const char in[] = "Caf\xC3\xA9 one.\nTwo \xC3( three.\n";
	struct run_result r;

	run_mtlint("-", in, sizeof(in) - 1, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "invalid UTF-8"), "%s", r.err);
	cr_assert(strstr(r.err, "line 2"), "%s", r.err);
	cr_assert(strstr(r.err, "byte offset 15"), "%s", r.err);
	run_result_release(&r);
	/* ... unless --encoding says what it is (then "Ã(" is text, whose
	 * unpaired bracket may be reported: no error, findings allowed) */
	run_mtlint("--encoding windows-1252 -", in, sizeof(in) - 1, &r);
	cr_assert_lt(r.status, 2, "%s", r.err);
	run_result_release(&r);
}

Test(cli, legacy_encoding_detected_with_note)
{
	static const char in[] = "The caf\xE9 is open and the the fianc\xE9\x65 "
				 "is happy.\n";
	struct run_result r;

	run_mtlint("--format json -", in, sizeof(in) - 1, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "not UTF-8"), "%s", r.err);
	cr_assert(strstr(r.out, "\"text\": \"the the\""), "%s", r.out);
	run_result_release(&r);
}

Test(cli, crlf_positions)
{
	static const char in[] = "First line.\r\nIt was the the end.\r\n";
	struct run_result r;

	run_mtlint("-", in, sizeof(in) - 1, &r);
	cr_assert(strstr(r.out, "<stdin>:2:8:"), "%s", r.out);
	cr_assert_null(strstr(r.out, "\r"), "CR leaked into the output");
	run_result_release(&r);
}

Test(cli, huge_file_50mb, .timeout = 240)
{
	static const char para[] =
		"The White House announced the expulsion of 35 diplomats "
		"within 72 hours, and Moscow said it would respond.\n\n";
	size_t n = 50u * 1024 * 1024 / (sizeof(para) - 1) + 1;
	char path[] = "/tmp/mtlint-big-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct run_result r;
	char args[300];

	for (size_t i = 0; i < n; i++)
		fputs(para, f);
	fputs("And the the end.\n", f);
	fclose(f);
	snprintf(args, sizeof(args), "--fail-on error '%s'", path);
	run_mtlint(args, NULL, 0, &r);
	unlink(path);
	cr_assert_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_assert(strstr(r.out, "repeated word 'the'"), "%.200s", r.out);
	run_result_release(&r);
}

Test(cli, options_after_files_and_double_dash)
{
	struct run_result r;
	char *p = write_temp(repeated, strlen(repeated), ".txt");
	char *dash = NULL;
	struct buf cmd = BUF_INIT;

	/* as GNU tools: options may follow the files */
	buf_addf(&cmd, "'%s' --format json --fail-on never", p);
	run_mtlint(cmd.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
	cr_assert(strstr(r.out, "\"rule\": \"grammar.repeated-word\""), "%s",
		  r.out);
	run_result_release(&r);
	/* "--" ends the options: a file may start with '-' */
	dash = xstrdup("-mtlint-dash-XXXXXX.txt");
	{
		int fd = mkstemps(dash, 4);

		cr_assert(fd >= 0);
		cr_assert(write(fd, repeated, strlen(repeated)) ==
			  (ssize_t)strlen(repeated));
		close(fd);
	}
	buf_reset(&cmd);
	buf_addf(&cmd, "--no-config --format json -- '%s'", dash);
	run_mtlint(cmd.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.out, dash), "%s", r.out);
	run_result_release(&r);
	unlink(dash);
	unlink(p);
	free(dash);
	free(p);
	buf_release(&cmd);
}

Test(cli, each_subcommand_takes_its_own_options)
{
	static const char *const bad[] = {
		"rules --fix", "score --fix -r x x", "lsp --jobs 2",
		"segment --baseline b.json x", "check --test x",
		"help --lang en_GB",
	};

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct run_result r;

		run_mtlint(bad[i], NULL, 0, &r);
		cr_expect_eq(r.status, 2, "'%s' exited %d", bad[i], r.status);
		cr_expect(strstr(r.err, "does not take"), "'%s': %s", bad[i],
			  r.err);
		run_result_release(&r);
	}
}

Test(cli, help_of_one_subcommand)
{
	struct run_result r;

	run_mtlint("rules --help", NULL, 0, &r);
	cr_assert_eq(r.status, 0);
	cr_expect(strstr(r.out, "usage: mtlint rules"), "%s", r.out);
	cr_expect(strstr(r.out, "--test"), "%s", r.out);
	cr_expect_null(strstr(r.out, "--baseline"), "%s", r.out);
	run_result_release(&r);
	run_mtlint("help score", NULL, 0, &r);
	cr_assert_eq(r.status, 0);
	cr_expect(strstr(r.out, "usage: mtlint score --reference"), "%s",
		  r.out);
	run_result_release(&r);
	run_mtlint("help nonsense", NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	run_result_release(&r);
	/* the man page's sections come from the same tables */
	run_mtlint("help --man options", NULL, 0, &r);
	cr_assert_eq(r.status, 0);
	cr_expect(strstr(r.out, ".TP\n\\fB\\-\\-fail\\-on\\fR \\fIerror|"),
		  "%s", r.out);
	run_result_release(&r);
}

/* Every list, rule directory and baseline read has a limit and a reason:
 * /dev/zero used to be read until memory ran out, a directory gave an
 * empty list. */
Test(cli, inputs_over_their_limit_or_not_files_fail_with_the_reason)
{
	static const char *const cases[][2] = {
		{ "--words /dev/zero -", "word list '/dev/zero' is too large" },
		{ "--words /tmp -", "cannot read word list '/tmp'" },
		{ "--reject /dev/zero -", "reject list '/dev/zero' is too large" },
		{ "--baseline /dev/zero -", "baseline '/dev/zero' is too large" },
		{ "--config /dev/zero -", "too large for a configuration file" },
		{ "--rules-dir /dev -", "yields no rule" },
		{ "/dev/zero", "/dev/zero: binary file (NUL byte at byte offset 0)" },
		{ "--reference /dev/zero -", "/dev/zero: binary file" },
	};
	struct run_result r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		run_mtlint(cases[i][0], "It was fine.\n", 13, &r);
		cr_expect_eq(r.status, 2, "%s: status %d", cases[i][0],
			     r.status);
		cr_expect(strstr(r.err, cases[i][1]), "%s: %s", cases[i][0],
			  r.err);
		run_result_release(&r);
	}
}

/* Output that does not reach its file fails the run, whatever the
 * command: a --fix-dry-run diff to a full disk used to exit 0. */
Test(cli, output_to_a_full_disk_exits_2)
{
	static const char *const cmds[] = {
		"--no-config --fix-dry-run fixtures/mt-article.txt",
		"--no-config fixtures/mt-article.txt", "rules",
		"segment fixtures/mt-article.txt", "--help",
	};
	const char *bin = getenv("MTLINT_BIN");

	cr_assert_not_null(bin);
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		struct buf cmd = BUF_INIT;
		int st;

		buf_addf(&cmd, "cd '%s' && '%s' %s >/dev/full 2>/dev/null",
			 getenv("MTLINT_DATA_DIR"), bin, cmds[i]);
		st = system(cmd.buf);
		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 2,
			  "%s: status %d", cmds[i], st);
		buf_release(&cmd);
	}
}

Test(cli, a_language_is_a_tag_not_a_path)
{
	static const char *const bad[] = { "../../etc/passwd", "en_", "e",
					   "english", "en/US", "" };
	struct run_result r;

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct buf args = BUF_INIT;

		buf_addf(&args, "--no-config --lang '%s' -", bad[i]);
		run_mtlint(args.buf, "It was fine.\n", 13, &r);
		cr_expect_eq(r.status, 2, "'%s': status %d", bad[i], r.status);
		cr_expect(strstr(r.err, "bad language"), "'%s': %s", bad[i],
			  r.err);
		run_result_release(&r);
		buf_release(&args);
	}
	run_mtlint("--no-config --lang en_GB -", "It was fine.\n", 13, &r);
	cr_expect_eq(r.status, 0, "%s", r.err);
	run_result_release(&r);
}

/* Every job slot loads its own dictionaries: -j 1024 used to open a
 * checker per file and run out of memory. */
Test(cli, many_jobs_use_at_most_the_processors)
{
	struct run_result r;
	char *d = tmpdir();
	struct buf args = BUF_INIT;

	for (int i = 0; i < 6; i++) {
		char name[32];

		snprintf(name, sizeof(name), "a%d.txt", i);
		put(d, name, repeated);
	}
	buf_addf(&args, "--no-config -j 1024 '%s'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.out, "6 errors"), "%s", r.out);
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

/* mtlint init: a starter .mtlint.yml that parses, never overwritten. */
Test(cli, init_writes_a_starter_config_once)
{
	char tmpl[] = "/tmp/mtlint-init-XXXXXX";
	char *dir = mkdtemp(tmpl);
	char args[512];
	struct run_result r;

	cr_assert(dir);
	snprintf(args, sizeof(args), "init '%s'", dir);
	run_mtlint(args, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "/.mtlint.yml"), "%s", r.out);
	run_result_release(&r);

	/* it parses, and its one active key works: fail-on warning */
	snprintf(args, sizeof(args), "--config '%s/.mtlint.yml' -", dir);
	run_mtlint(args, "The the end.\n", 13, &r);
	cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
	run_result_release(&r);
	run_mtlint(args, "The end.\n", 9, &r);
	cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
	run_result_release(&r);

	snprintf(args, sizeof(args), "init '%s'", dir);
	run_mtlint(args, NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "exists; not overwritten"), "%s", r.err);
	run_result_release(&r);
	snprintf(args, sizeof(args), "rm -rf '%s'", dir);
	cr_expect_eq(system(args), 0);
}

/* mtlint rules --format json: every rule `rules` lists, as JSON. */
Test(cli, rules_format_json)
{
	struct run_result r, t;
	json_error_t je;
	json_t *v;
	size_t lines = 0;

	run_mtlint("rules --format json", NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	v = json_loads(r.out, 0, &je);
	cr_assert(v, "%s: %s", je.text, r.out);
	cr_assert(json_is_array(v));
	run_mtlint("rules", NULL, 0, &t);
	for (const char *p = t.out; *p; p++)
		lines += *p == '\n';
	cr_expect_eq(json_array_size(v), lines);
	/* in the same order: the first rule is the first line's */
	cr_expect_eq(strncmp(t.out,
			     json_string_value(json_object_get(
				     json_array_get(v, 0), "id")),
			     strcspn(t.out, " ")),
		     0, "first line: %.60s", t.out);
	cr_expect(json_is_string(json_object_get(json_array_get(v, 0),
						 "severity")));
	for (size_t i = 0; i < json_array_size(v); i++) {
		const char *url = json_string_value(
			json_object_get(json_array_get(v, i), "url"));

		cr_expect(url && strstr(url, "://"), "rule %zu: url %s", i,
			  url ? url : "(none)");
	}
	json_decref(v);
	run_result_release(&r);
	run_result_release(&t);
	run_mtlint("rules --format sarif", NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	run_result_release(&r);
}

/* No format shows a leading "./": "./a.txt" and the files of "." are
 * reported as "a.txt". */
Test(cli, paths_without_a_leading_dot_slash)
{
	static const char *const formats[] = { "text", "json", "github",
					       "rdjsonl", "checkstyle",
					       "junit", "sarif" };

	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		struct run_result r;
		char args[256];

		snprintf(args, sizeof(args),
			 "--no-config -f %s ./fixtures/mt-article.txt "
			 ".//fixtures/golden/readme-example",
			 formats[i]);
		run_mtlint(args, NULL, 0, &r);
		cr_expect_eq(r.status, 1, "%s: %d %s", formats[i], r.status,
			     r.err);
		cr_expect(strstr(r.out, "fixtures/mt-article.txt"), "%s",
			  formats[i]);
		cr_expect(strstr(r.out, "fixtures/golden/readme-example/"),
			  "%s", formats[i]);
		cr_expect_null(strstr(r.out, "./fixtures"), "%s: %s",
			       formats[i], r.out);
		run_result_release(&r);
	}
}

/* A progress line on a terminal for many files; none when stderr is a
 * pipe or a file.  The terminal comes from script(1) (util-linux). */
Test(cli, progress_line_only_on_a_terminal)
{
	char tmpl[] = "/tmp/mtlint-progress-XXXXXX";
	char *dir = mkdtemp(tmpl);
	struct buf cmd = BUF_INIT, out = BUF_INIT;
	struct run_result r;
	char line[4096];
	FILE *p;

	cr_assert(dir);
	for (int i = 0; i < 25; i++) {
		char path[256];
		FILE *f;

		snprintf(path, sizeof(path), "%s/f%02d.txt", dir, i);
		f = fopen(path, "w");
		cr_assert(f);
		fputs("The the end.\n", f);
		fclose(f);
	}
	buf_addf(&cmd, "--no-config '%s'", dir);
	run_mtlint(cmd.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 1);
	cr_expect_eq(r.err_len, 0, "%s", r.err);
	run_result_release(&r);

	buf_reset(&cmd);
	buf_addf(&cmd, "script -qec \"'%s' --no-config '%s' >/dev/null\" "
		       "/dev/null",
		 getenv("MTLINT_BIN"), dir);
	p = popen(cmd.buf, "r");
	cr_assert(p);
	while (fgets(line, sizeof(line), p))
		buf_adds(&out, line);
	pclose(p);
	cr_expect(strstr(out.buf ? out.buf : "", "mtlint: 25/25 files"),
		  "%s", out.buf ? out.buf : "(nothing)");
	buf_release(&out);
	buf_reset(&cmd);
	buf_addf(&cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd.buf), 0);
	buf_release(&cmd);
}
