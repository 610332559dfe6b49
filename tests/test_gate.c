/*
 * End-to-end tests of the editorial gate through the built binary: every
 * output format on the fixtures and on hostile names, configuration
 * discovery and errors, the baseline flow, suppressions in text and
 * Markdown, --fix and --fix-dry-run on a copy of the fixture article,
 * parallel runs in stable order, thresholds.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "helpers.h"
#include "util/xalloc.h"

/* "the" -> "the the" at its first lower-case occurrence in each of the
 * first n lines holding one: a fixture with known safe fixes. */
static char *double_words(const char *text, int n, int *made)
{
	struct buf b = BUF_INIT;
	const char *p = text;

	*made = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		const char *hit = memmem(p, len, " the ", 5);

		if (hit && *made < n) {
			buf_add(&b, p, (size_t)(hit - p) + 4);
			buf_adds(&b, " the");
			buf_add(&b, hit + 4, len - (size_t)(hit - p) - 4);
			(*made)++;
		} else {
			buf_add(&b, p, len);
		}
		p += len;
	}
	return buf_detach(&b, NULL);
}

static json_t *parse_json(const struct run_result *r)
{
	json_error_t je;
	json_t *j = json_loadb(r->out, r->out_len, 0, &je);

	cr_assert(j, "not JSON (%s at %d): %s", je.text, je.line, r->out);
	return j;
}

static size_t count_str(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* --- formats --------------------------------------------------------------- */

Test(gate_formats, all_formats_on_the_fixture_pair)
{
	static const char *const formats[] = { "sarif", "github", "rdjsonl",
					       "checkstyle", "junit" };

	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		struct run_result r;
		struct buf args = BUF_INIT;

		buf_addf(&args,
			 "--no-config -f %s --reference "
			 "fixtures/reference-article.txt fixtures/mt-article.txt",
			 formats[i]);
		run_mtlint(args.buf, NULL, 0, &r);
		cr_assert(r.status == 0 || r.status == 1, "%s: exit %d: %s",
			  formats[i], r.status, r.err);
		if (!strcmp(formats[i], "sarif")) {
			json_t *j = parse_json(&r);

			cr_assert_str_eq(json_string_value(json_object_get(j, "version")),
					 "2.1.0");
			json_decref(j);
		}
		if (!strcmp(formats[i], "checkstyle") ||
		    !strcmp(formats[i], "junit"))
			cr_assert(strstr(r.out, "mt-article.txt"));
		run_result_release(&r);
		buf_release(&args);
	}
}

/* A file name with every character the formats must escape. */
#define NASTY "q\"<&>,:%\x01 \xc3\xa9.txt"

Test(gate_formats, escaping_in_every_format)
{
	char *d = tmpdir();
	char *p = path_in(d, NASTY);
	struct buf args = BUF_INIT;
	struct run_result r;
	json_t *j, *res, *loc;

	put(d, NASTY, "Caf\xc3\xa9 was the the \"end\" <b> & more.\n");
	/* sarif: a JSON string holding the exact bytes */
	buf_addf(&args, "--no-config -f sarif '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	j = parse_json(&r);
	res = json_array_get(json_object_get(json_array_get(json_object_get(j,
									 "runs"),
							    0),
					     "results"),
			     0);
	cr_assert_str_eq(json_string_value(json_object_get(res, "ruleId")),
			 "grammar.repeated-word");
	loc = json_object_get(json_object_get(json_array_get(json_object_get(res,
									   "locations"),
							     0),
					      "physicalLocation"),
			      "region");
	cr_assert_eq(json_integer_value(json_object_get(loc, "startLine")), 1);
	cr_assert_eq(json_integer_value(json_object_get(loc, "startColumn")), 10);
	cr_assert_eq(json_integer_value(json_object_get(loc, "endColumn")), 17);
	cr_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(loc, "snippet"), "text")),
			 "the the");
	cr_assert(strstr(r.out, "%22%3C%26%3E%2C%3A%25%01%20%C3%A9.txt"),
		  "the URI is percent-encoded: %s", r.out);
	cr_assert(json_object_get(res, "fixes"));
	json_decref(j);
	run_result_release(&r);

	/* rdjsonl: one object a line, byte columns, exact path */
	buf_reset(&args);
	buf_addf(&args, "--no-config -f rdjsonl '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(count_str(r.out, "\n"), 1, "%s", r.out);
	j = parse_json(&r);
	cr_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(j, "location"), "path")),
			 p);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(
			     json_object_get(json_object_get(j, "location"),
					     "range"),
			     "start"),
						   "column")),
		     11, "bytes: the é counts 2");
	cr_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(json_object_get(j, "suggestions"),
						0),
				 "text")),
			 "the");
	json_decref(j);
	run_result_release(&r);

	/* github: properties escape , : %; control characters show as their
	 * Control Pictures (U+2401 for \x01), CR/LF as %0D/%0A */
	buf_reset(&args);
	buf_addf(&args, "--no-config -f github '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(strstr(r.out, "::error file="), "%s", r.out);
	cr_assert(strstr(r.out, "q\"<&>%2C%3A%25\xe2\x90\x81 \xc3\xa9.txt,line=1,col=10,"
				"endLine=1,endColumn=16,title=grammar.repeated-"
				"word::repeated word 'the'"),
		  "%s", r.out);
	cr_assert_eq(count_str(r.out, "\n"), 1);
	run_result_release(&r);

	/* checkstyle and junit: entities, and U+FFFD for the control */
	buf_reset(&args);
	buf_addf(&args, "--no-config -f checkstyle '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(strstr(r.out, "name=\"" "%s" "\"") ||
		  strstr(r.out, "q&quot;&lt;&amp;&gt;,:%\xef\xbf\xbd \xc3\xa9.txt"),
		  "%s", r.out);
	cr_assert(strstr(r.out, "q&quot;&lt;&amp;&gt;,:%\xef\xbf\xbd \xc3\xa9.txt"),
		  "%s", r.out);
	cr_assert(strstr(r.out, "message=\"repeated word &apos;the&apos; "
				"(suggestion: the)\""),
		  "%s", r.out);
	run_result_release(&r);
	buf_reset(&args);
	buf_addf(&args, "--no-config -f junit '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(strstr(r.out, "tests=\"1\" failures=\"1\" errors=\"0\""),
		  "%s", r.out);
	cr_assert(strstr(r.out, "&#10;suggestion: the</failure>"), "%s", r.out);
	cr_assert(strstr(r.out, "q&quot;&lt;&amp;&gt;,:%\xef\xbf\xbd \xc3\xa9.txt"));
	run_result_release(&r);
	buf_release(&args);
	free(p);
	rmdir_all(d);
}

/* JUnit: an info finding is a note, not a failed test case. */
Test(gate_formats, junit_info_is_a_passed_case)
{
	static const char text[] = "Zorblattin said the the talks ended.\n";
	char *p = write_temp(text, sizeof(text) - 1, ".txt");
	struct buf args = BUF_INIT;
	struct run_result r;

	buf_addf(&args, "--no-config -f junit '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(strstr(r.out, "tests=\"2\" failures=\"1\" errors=\"0\""),
		  "%s", r.out);
	cr_assert_eq(count_str(r.out, "<failure "), 1, "%s", r.out);
	cr_assert(strstr(r.out, "name=\"spelling.unknown-name at 1:1\">\n"
				"      <system-out>"),
		  "%s", r.out);
	cr_assert(strstr(r.out, "info: unknown name &apos;Zorblattin&apos;"),
		  "%s", r.out);
	run_result_release(&r);
	buf_release(&args);
	remove(p);
	free(p);
}

/* The artifactLocation of the first result (of every result, checked
 * to agree) as uri and uriBaseId (NULL when none). */
static void sarif_location(json_t *log, const char **uri, const char **base)
{
	json_t *run = json_array_get(json_object_get(log, "runs"), 0);
	json_t *results = json_object_get(run, "results");
	size_t i;
	json_t *res;

	cr_assert_gt(json_array_size(results), 0);
	*uri = *base = NULL;
	json_array_foreach(results, i, res) {
		json_t *loc = json_object_get(
			json_object_get(json_array_get(json_object_get(res,
								       "locations"),
						       0),
					"physicalLocation"),
			"artifactLocation");
		const char *u = json_string_value(json_object_get(loc, "uri"));
		const char *b = json_string_value(
			json_object_get(loc, "uriBaseId"));

		cr_assert(u);
		if (i == 0) {
			*uri = u;
			*base = b;
		}
	}
}

/*
 * SARIF for code scanning: a file below the working directory (or
 * --sarif-root) is a relative URI on %SRCROOT%, which the run says is
 * that directory; a file outside keeps an absolute file:// URI; spaces,
 * '%' and non-ASCII are percent-encoded.
 */
/*
 * A document, or its name, could send escape sequences to the terminal
 * showing the report (colours, a new window title, "clear screen", bidi
 * overrides that reorder the line): text and github output show them as
 * visible symbols instead, one per character so the carets stay aligned.
 */
Test(gate_formats, no_terminal_escapes_reach_text_or_github_output)
{
	static const char *const fmts[] = { "text", "github" };
	char *d = tmpdir();
	const char *name = "esc\033[2J.txt";
	char *p = path_in(d, name);
	struct run_result r;

	put(d, name,
	    "It was was \033[31mred\033]0;title\007 and \xc2\x9b" "2J, "
	    "\xe2\x80\xaeodd\xe2\x80\xac, the the end.\n");
	for (size_t i = 0; i < sizeof(fmts) / sizeof(*fmts); i++) {
		struct buf args = BUF_INIT;

		buf_addf(&args, "--no-config --grammar-parser off -f %s '%s'",
			 fmts[i], p);
		run_mtlint(args.buf, NULL, 0, &r);
		cr_expect_eq(r.status, 1, "%s: %s", fmts[i], r.err);
		cr_expect(!memchr(r.out, '\033', r.out_len) &&
				  !memchr(r.out, '\007', r.out_len),
			  "%s: escape in output: %s", fmts[i], r.out);
		cr_expect(!strstr(r.out, "\xc2\x9b") &&
				  !strstr(r.out, "\xe2\x80\xae"),
			  "%s: C1 or bidi control in output", fmts[i]);
		/* U+241B SYMBOL FOR ESCAPE stands for it */
		cr_expect(strstr(r.out, "esc\xe2\x90\x9b[2J.txt"), "%s: %s",
			  fmts[i], r.out);
		cr_expect(i > 0 || strstr(r.out, "\xe2\x90\x9b[31mred"), "%s",
			  r.out);
		run_result_release(&r);
		buf_release(&args);
	}
	/* the caret stays under "the the" */
	{
		struct buf args = BUF_INIT;
		const char *caret;

		buf_addf(&args, "--no-config --grammar-parser off '%s'", p);
		run_mtlint(args.buf, NULL, 0, &r);
		caret = strstr(r.out, "the the end.\n");
		cr_assert_not_null(caret, "%s", r.out);
		cr_expect(strstr(r.out, ":1:47: error: repeated word 'the'"),
			  "%s", r.out);
		run_result_release(&r);
		buf_release(&args);
	}
	free(p);
	rmdir_all(d);
}

Test(gate_formats, sarif_uris_relative_to_the_source_root)
{
	char *d = tmpdir();
	char *sub = path_in(d, "sub dir");
	struct buf args = BUF_INIT;
	struct run_result r;
	const char *uri, *base;
	char cwd[4096];
	json_t *j, *bases;

	cr_assert(getcwd(cwd, sizeof(cwd)));
	cr_assert_eq(mkdir(sub, 0755), 0);
	put(d, "sub dir/\xc3\xa9t\xc3\xa9 100%.txt", "It was the the end.\n");

	/* under the working directory: relative, on %SRCROOT% */
	buf_addf(&args, "--no-config -f sarif --jobs 1 ./fixtures/golden/../golden/"
			"repeated-crlf-utf16/article.txt");
	run_mtlint(args.buf, NULL, 0, &r);
	j = parse_json(&r);
	sarif_location(j, &uri, &base);
	cr_assert_str_eq(uri, "fixtures/golden/repeated-crlf-utf16/article.txt");
	cr_assert_str_eq(base, "%SRCROOT%");
	bases = json_object_get(json_array_get(json_object_get(j, "runs"), 0),
				"originalUriBaseIds");
	{
		struct buf want = BUF_INIT;

		buf_addf(&want, "file://%s/", cwd);
		cr_assert_str_eq(json_string_value(json_object_get(
					 json_object_get(bases, "%SRCROOT%"),
					 "uri")),
				 want.buf);
		buf_release(&want);
	}
	json_decref(j);
	run_result_release(&r);

	/* outside it: an absolute file:// URI, percent-encoded */
	buf_reset(&args);
	buf_addf(&args, "--no-config -f sarif '%s/\xc3\xa9t\xc3\xa9 100%%.txt'",
		 sub);
	run_mtlint(args.buf, NULL, 0, &r);
	j = parse_json(&r);
	sarif_location(j, &uri, &base);
	cr_assert_null(base);
	cr_assert(!strncmp(uri, "file:///tmp/", 12), "%s", uri);
	cr_assert(strstr(uri, "/sub%20dir/%C3%A9t%C3%A9%20100%25.txt"), "%s",
		  uri);
	json_decref(j);
	run_result_release(&r);

	/* --sarif-root: relative to it, however the input was named */
	buf_reset(&args);
	buf_addf(&args,
		 "--no-config -f sarif --sarif-root '%s' "
		 "'%s/../%s/sub dir/\xc3\xa9t\xc3\xa9 100%%.txt'",
		 d, d, strrchr(d, '/') + 1);
	run_mtlint(args.buf, NULL, 0, &r);
	j = parse_json(&r);
	sarif_location(j, &uri, &base);
	cr_assert_str_eq(uri, "sub%20dir/%C3%A9t%C3%A9%20100%25.txt");
	cr_assert_str_eq(base, "%SRCROOT%");
	bases = json_object_get(json_array_get(json_object_get(j, "runs"), 0),
				"originalUriBaseIds");
	{
		struct buf want = BUF_INIT;

		buf_addf(&want, "file://%s/", d);
		cr_assert_str_eq(json_string_value(json_object_get(
					 json_object_get(bases, "%SRCROOT%"),
					 "uri")),
				 want.buf);
		buf_release(&want);
	}
	json_decref(j);
	run_result_release(&r);

	/* a root that is not a directory is a usage error */
	run_mtlint("--sarif-root /nonexistent/dir -f sarif fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "--sarif-root '/nonexistent/dir'"), "%s",
		  r.err);
	run_result_release(&r);
	buf_release(&args);
	free(sub);
	rmdir_all(d);
}

Test(gate_formats, unreadable_input_in_machine_formats)
{
	static const char *const formats[] = { "sarif", "github", "rdjsonl",
					       "checkstyle", "junit" };

	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		struct run_result r;
		struct buf args = BUF_INIT;

		buf_addf(&args, "--no-config -f %s /nonexistent/x.txt",
			 formats[i]);
		run_mtlint(args.buf, NULL, 0, &r);
		cr_assert_eq(r.status, 2, "%s", formats[i]);
		cr_assert(strstr(r.out, "nonexistent"), "%s: %s", formats[i],
			  r.out);
		cr_assert(strstr(r.err, "cannot open"));
		run_result_release(&r);
		buf_release(&args);
	}
}

/* --- configuration ------------------------------------------------------- */

Test(gate_config, found_upward_and_applied)
{
	char *d = tmpdir();
	char *a;
	struct buf args = BUF_INIT;
	struct run_result r;

	cr_assert_eq(mkdir((a = path_in(d, "articles")), 0755), 0);
	free(a);
	cr_assert_eq(mkdir((a = path_in(d, "drafts")), 0755), 0);
	free(a);
	put(d, ".mtlint.yml",
	    "rules:\n  grammar.repeated-word: warning\n"
	    "ignore: ['drafts/']\nfail-on: error\n");
	put(d, "articles/a.txt", "It was the the end.\n");
	put(d, "drafts/b.txt", "It was the the end.\n");
	buf_addf(&args, "-f json '%s'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "a warning under fail-on: error: %s", r.out);
	cr_assert_eq(count_str(r.out, "\"severity\": \"warning\""), 1, "%s",
		     r.out);
	cr_assert_null(strstr(r.out, "drafts"), "ignored");
	run_result_release(&r);
	/* --max-warnings 0 turns the warning into a failure */
	buf_reset(&args);
	buf_addf(&args, "--max-warnings 0 '%s'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "more than --max-warnings 0"), "%s", r.err);
	run_result_release(&r);
	/* the command line wins; --no-config drops the file */
	buf_reset(&args);
	buf_addf(&args, "--no-config -f json '%s/articles/a.txt'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "\"severity\": \"error\""));
	run_result_release(&r);
	buf_reset(&args);
	buf_addf(&args, "--enable grammar.repeated-word -f json "
			"--config /dev/null '%s/drafts/b.txt'",
		 d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1, "an explicit file is checked: %s", r.err);
	run_result_release(&r);
	/* rules: off */
	put(d, ".mtlint.yml", "rules:\n  fluency/grammar: off\n");
	buf_reset(&args);
	buf_addf(&args, "'%s/articles/a.txt'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.out);
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

Test(gate_config, errors_exit_2_with_position)
{
	char *d = tmpdir();
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, ".mtlint.yml", "language: en_US\nfail_on: error\n");
	put(d, "a.txt", "Fine.\n");
	buf_addf(&args, "'%s/a.txt'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, ".mtlint.yml:2:1: error: unknown key 'fail_on'"), "%s",
		  r.err);
	cr_assert_eq(r.out_len, 0);
	run_result_release(&r);
	/* found below the working directory: named relative to it */
	buf_reset(&args);
	buf_addf(&args, "--version >/dev/null; cd '%s' && \"$MTLINT_BIN\" a.txt",
		 d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(!strncmp(r.err, ".mtlint.yml:2:1: error: unknown key", 35),
		  "%s", r.err);
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

/* Every mistake of a configuration, in full, on stderr; nothing on
 * stdout; exit 2.  (The list is longer than any fixed-size message.) */
Test(gate_config, every_error_printed_in_full)
{
	struct run_result r;
	size_t n = 0;

	run_mtlint("--config fixtures/gate/config/many-errors.yml "
		   "fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	cr_assert_eq(r.out_len, 0);
	for (const char *p = r.err; (p = strstr(p, ": error: ")); p++)
		n++;
	cr_assert_eq(n, 17 + 1, "%s", r.err); /* and the summary line */
	cr_assert(strstr(r.err, "many-errors.yml:22:1: error: unknown key "
				"'unknown-key-with-a-rather-long-name-that-"
				"goes-on-and-on-and-on-and-on' (known: "),
		  "%s", r.err);
	cr_assert(strstr(r.err, "\n    colour: yes\n    ^\n"), "%s", r.err);
	cr_assert(strstr(r.err, "mtlint: error: 17 errors in configuration "
				"'fixtures/gate/config/many-errors.yml'\n"),
		  "%s", r.err);
	run_result_release(&r);
}

Test(gate_config, reference_mapping_by_glob)
{
	char *d = tmpdir(), *a;
	struct buf args = BUF_INIT;
	struct run_result r;

	cr_assert_eq(mkdir((a = path_in(d, "articles")), 0755), 0);
	free(a);
	put(d, ".mtlint.yml",
	    "references:\n  'articles/*.txt': 'references/*.txt'\n");
	put(d, "articles/x.txt", "Fine text.\n");
	buf_addf(&args, "'%s/articles/x.txt'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 2, "the mapped reference is missing");
	cr_assert(strstr(r.err, "reference for"), "%s", r.err);
	cr_assert(strstr(r.err, "references/x.txt"), "%s", r.err);
	run_result_release(&r);
	cr_assert_eq(mkdir((a = path_in(d, "references")), 0755), 0);
	free(a);
	put(d, "references/x.txt", "Fine text.\n");
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

/* --- baseline -------------------------------------------------------------- */

Test(gate_baseline, write_edit_elsewhere_then_new_error_fails)
{
	char *d = tmpdir();
	char *art, *base, *doubled, *edited, *worse;
	size_t len;
	int made;
	char *text = read_data_file("fixtures/mt-article.txt", &len);
	struct buf args = BUF_INIT, b = BUF_INIT;
	struct run_result r;

	doubled = double_words(text, 2, &made);
	cr_assert_eq(made, 2);
	put(d, "article.txt", doubled);
	art = path_in(d, "article.txt");
	base = path_in(d, "mtlint-baseline.json");
	buf_addf(&args, "--no-config --write-baseline '%s' '%s'", base, art);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_release(&r);
	{
		size_t bl;
		char *bj = read_file(base, &bl);

		cr_assert(count_str(bj, "\"rule\": \"grammar.repeated-word\"") >= 2,
			  "%s", bj);
		cr_assert(strstr(bj, "\"file\": \"article.txt\""), "%s", bj);
		free(bj);
	}
	/* edit elsewhere: a paragraph added on top, the last line changed */
	buf_adds(&b, "An editor's note added on top of the article.\n\n");
	buf_adds(&b, doubled);
	buf_adds(&b, "One more closing sentence.\n");
	edited = buf_detach(&b, NULL);
	put(d, "article.txt", edited);
	buf_reset(&args);
	buf_addf(&args, "--no-config -f json --fail-on error --baseline '%s' '%s'",
		 base, art);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "no new error: %s", r.out);
	cr_assert_eq(count_str(r.out, "grammar.repeated-word"), 0, "%s", r.out);
	run_result_release(&r);
	/* a new error fails, and only it is reported */
	buf_adds(&b, edited);
	buf_adds(&b, "This is is a new new mistake.\n");
	worse = buf_detach(&b, NULL);
	put(d, "article.txt", worse);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1, "%s", r.out);
	cr_assert_eq(count_str(r.out, "\"rule\": \"grammar.repeated-word\""), 1,
		     "%s", r.out);
	cr_assert(strstr(r.out, "\"text\": \"new new\""), "%s", r.out);
	run_result_release(&r);
	/* the baseline works from another working directory too */
	buf_reset(&args);
	buf_addf(&args, "--version >/dev/null; (cd / && '%s' --no-config "
			"--baseline '%s' -f json '%s')",
		 getenv("MTLINT_BIN"), base, art);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(count_str(r.out, "\"rule\": \"grammar.repeated-word\""), 1,
		     "%s", r.out);
	run_result_release(&r);
	free(worse);
	free(edited);
	free(doubled);
	free(text);
	free(art);
	free(base);
	buf_release(&args);
	rmdir_all(d);
}

/* --- suppressions ------------------------------------------------------ */

Test(gate_suppress, text_and_markdown_with_unused_report)
{
	char *d = tmpdir();
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "a.txt",
	    "One the the.\n"
	    "<!-- mtlint-disable grammar.repeated-word -->\n"
	    "Two a a.\n"
	    "<!-- mtlint-enable grammar.repeated-word -->\n"
	    "<!-- mtlint-disable-next-line grammar.repeated-word -->\n"
	    "Three an an.\n"
	    "<!-- mtlint-disable-next-line spelling -->\n"
	    "Clean line.\n");
	put(d, "b.md",
	    "# Title\n\n"
	    "Some `code code` and the the prose.\n\n"
	    "<!-- mtlint-disable-next-line -->\n"
	    "Four to to.\n");
	buf_addf(&args, "--no-config -f json --report-unused-disables '%s/a.txt' "
			"'%s/b.md'",
		 d, d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_eq(count_str(r.out, "\"rule\": \"grammar.repeated-word\""), 2,
		     "%s", r.out);
	cr_assert(strstr(r.out, "\"text\": \"the the\""));
	cr_assert_eq(count_str(r.out, "\"rule\": \"mtlint.unused-disable\""), 1);
	cr_assert(strstr(r.out, "\"line\": 7"), "%s", r.out);
	cr_assert_null(strstr(r.out, "code code"));
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

/* --- fixes ------------------------------------------------------------- */

static size_t findings(const char *file)
{
	struct buf args = BUF_INIT;
	struct run_result r;
	size_t n;

	buf_addf(&args, "--no-config -f json '%s'", file);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(r.status <= 1, "%s", r.err);
	n = count_str(r.out, "\"rule\":");
	run_result_release(&r);
	buf_release(&args);
	return n;
}

Test(gate_fix, fixes_the_fixture_article_and_nothing_else)
{
	char *d = tmpdir();
	size_t len, l0, l1, n_before;
	int made;
	char *text = read_data_file("fixtures/mt-article.txt", &len);
	char *doubled = double_words(text, 3, &made);
	char *pristine = path_in(d, "pristine.txt");
	char *art = path_in(d, "article.txt");
	char *fixed0, *fixed1;
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "pristine.txt", text);
	put(d, "article.txt", doubled);
	chmod(art, 0604);
	n_before = findings(art);
	buf_addf(&args, "--no-config --fix '%s' '%s'", pristine, art);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(r.status <= 1, "%s", r.err);
	cr_assert(strstr(r.err, "fixed 3 findings in"), "%s", r.err);
	run_result_release(&r);
	cr_assert_lt(findings(art), n_before);
	/* the fixes of the doubled copy are exactly the doubled words: both
	 * copies end up the same */
	fixed0 = read_file(pristine, &l0);
	fixed1 = read_file(art, &l1);
	cr_assert_eq(l0, l1);
	cr_assert(!memcmp(fixed0, fixed1, l0));
	{
		struct stat st;

		cr_assert_eq(stat(art, &st), 0);
		cr_assert_eq(st.st_mode & 0777, 0604, "permissions kept");
	}
	free(fixed0);
	free(fixed1);
	free(text);
	free(doubled);
	free(pristine);
	free(art);
	buf_release(&args);
	rmdir_all(d);
}

Test(gate_fix, dry_run_prints_a_diff_and_touches_nothing)
{
	char *d = tmpdir();
	char *p = path_in(d, "a.txt");
	char *back;
	size_t len;
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "a.txt", "Line one.\nIt was the the end.\nLine three.\n");
	buf_addf(&args, "--no-config --fix-dry-run '%s'", p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "@@ -1,3 +1,3 @@\n Line one.\n-It was the the "
				"end.\n+It was the end.\n Line three.\n"),
		  "%s", r.out);
	run_result_release(&r);
	back = read_file(p, &len);
	cr_assert_str_eq(back, "Line one.\nIt was the the end.\nLine three.\n");
	free(back);
	/* patch(1) applies it */
	buf_reset(&args);
	buf_addf(&args, "--version >/dev/null; (cd '%s' && '%s' --no-config "
			"--fix-dry-run a.txt | patch -s -p0)",
		 d, getenv("MTLINT_BIN"));
	run_mtlint(args.buf, NULL, 0, &r);
	run_result_release(&r);
	back = read_file(p, &len);
	cr_assert_str_eq(back, "Line one.\nIt was the end.\nLine three.\n");
	free(back);
	free(p);
	buf_release(&args);
	rmdir_all(d);
}

/* Run mtlint --fix on dir/a.txt, expecting failure and an intact file with
 * no temporary file left.  `prefix` wraps the command (e.g. to drop root
 * privileges). */
static void fix_must_fail(const char *dir, const char *prefix,
			  const char *why)
{
	struct buf args = BUF_INIT;
	struct run_result r;
	char *p = path_in(dir, "a.txt"), *back;
	size_t len;

	buf_addf(&args, "--version >/dev/null; %s '%s' --no-config --fix '%s'",
		 prefix, getenv("MTLINT_BIN"), p);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 2, "%s: exit %d: %s", why, r.status, r.err);
	cr_assert(strstr(r.err, "a.txt") &&
			  strstr(r.err, "cannot create a temporary file"),
		  "%s: %s", why, r.err);
	run_result_release(&r);
	back = read_file(p, &len);
	cr_assert_str_eq(back, "It was the the end.\n", "%s: file changed", why);
	free(back);
	buf_reset(&args);
	buf_addf(&args, "test \"$(ls -A '%s' | wc -l)\" -eq 1", dir);
	cr_assert_eq(system(args.buf), 0, "%s: a temporary file is left", why);
	buf_release(&args);
	free(p);
}

Test(gate_fix, read_only_directory_loses_nothing)
{
	char *d = tmpdir();

	put(d, "a.txt", "It was the the end.\n");
	chmod(d, 0555);
	if (geteuid() == 0) {
		/* root ignores permissions: run as nobody */
		char *p = path_in(d, "a.txt");

		chmod(d, 0755);
		chmod(p, 0666);
		chmod(d, 0555);
		free(p);
		if (system("setpriv --reuid=65534 --regid=65534 --clear-groups "
			   "true 2>/dev/null") != 0) {
			rmdir_all(d);
			cr_skip_test("cannot drop root privileges here");
		}
		fix_must_fail(d, "setpriv --reuid=65534 --regid=65534 "
				 "--clear-groups",
			      "read-only directory");
	} else {
		fix_must_fail(d, "", "read-only directory");
	}
	rmdir_all(d);
}

Test(gate_fix, full_disk_loses_nothing)
{
	char *d = tmpdir();
	struct buf cmd = BUF_INIT;

	/* a file system of two pages: the article takes one, filler the
	 * other, so the temporary file cannot be written */
	buf_addf(&cmd, "mount -t tmpfs -o size=8k tmpfs '%s' 2>/dev/null", d);
	if (geteuid() != 0 || system(cmd.buf) != 0) {
		buf_release(&cmd);
		rmdir_all(d);
		cr_skip_test("cannot mount a small tmpfs here");
	}
	put(d, "a.txt", "It was the the end.\n");
	buf_reset(&cmd);
	buf_addf(&cmd, "head -c 1000000 /dev/zero > '%s/filler' 2>/dev/null; "
		       "test -s '%s/filler'",
		 d, d);
	cr_assert_eq(system(cmd.buf), 0);
	{
		/* the filler counts as the one other entry */
		struct buf args = BUF_INIT;
		struct run_result r;
		char *p = path_in(d, "a.txt"), *back;
		size_t len;

		buf_addf(&args, "--no-config --fix '%s'", p);
		run_mtlint(args.buf, NULL, 0, &r);
		cr_expect_eq(r.status, 2, "exit %d: %s", r.status, r.err);
		cr_expect(strstr(r.err, "No space left"), "%s", r.err);
		run_result_release(&r);
		back = read_file(p, &len);
		cr_expect_str_eq(back, "It was the the end.\n");
		free(back);
		free(p);
		buf_reset(&args);
		buf_addf(&args, "test \"$(ls -A '%s' | wc -l)\" -eq 2", d);
		cr_expect_eq(system(args.buf), 0, "a temporary file is left");
		buf_release(&args);
	}
	buf_reset(&cmd);
	buf_addf(&cmd, "umount '%s'", d);
	cr_assert_eq(system(cmd.buf), 0);
	buf_release(&cmd);
	rmdir_all(d);
}

/* Apply `mtlint --fix-dry-run NAME` to NAME in folder d with patch(1). */
static void patch_with_dry_run(const char *d, const char *name)
{
	struct buf args = BUF_INIT;
	struct run_result r;

	buf_addf(&args,
		 "--version >/dev/null; (cd '%s' && '%s' --no-config "
		 "--fix-dry-run '%s' | patch -s -p0)",
		 d, getenv("MTLINT_BIN"), name);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "patch failed: %s%s", r.out, r.err);
	run_result_release(&r);
	buf_release(&args);
}

Test(gate_fix, dry_run_diff_applies_like_fix_with_crlf_and_no_final_eol)
{
	char *d = tmpdir();
	char *p1 = path_in(d, "a.txt"), *p2 = path_in(d, "b.txt");
	char *x1, *x2;
	size_t l1, l2;
	const char *text = "Line one.\r\nIt was the the end.\r\nLine 3.\r\n"
			   "Line 4.\r\nLine 5.\r\nLine 6.\r\nLine 7.\r\n"
			   "Line 8.\r\nLast of of";
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "a.txt", text);
	put(d, "b.txt", text);
	patch_with_dry_run(d, "a.txt");
	buf_addf(&args, "--no-config --fix '%s'", p2);
	run_mtlint(args.buf, NULL, 0, &r);
	run_result_release(&r);
	x1 = read_file(p1, &l1);
	x2 = read_file(p2, &l2);
	cr_assert_str_eq(x1, x2);
	cr_assert(strstr(x2, "the end.\r\n") && strstr(x2, "Last of") &&
		  !strstr(x2, "of of"));
	free(x1);
	free(x2);
	free(p1);
	free(p2);
	buf_release(&args);
	rmdir_all(d);
}

/*
 * --fix applies fixes pass after pass: " , ," needs two (the fixes
 * overlap), "the the the" two (the first leaves a pair).  The file is
 * written once with the final text, the report is of that text at its
 * positions, and --fix-dry-run's diff is the original against it.
 */
Test(gate_fix, passes_until_nothing_is_left_to_fix)
{
	char *d = tmpdir();
	char *p1 = path_in(d, "a.txt"), *p2 = path_in(d, "b.txt");
	char *x1, *x2;
	size_t l1, l2;
	const char *text = "They met in London , , then left.\n"
			   "It was the the the end of Zqxwvb.\n";
	const char *want = "They met in London, then left.\n"
			   "It was the end of Zqxwvb.\n";
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "a.txt", text);
	put(d, "b.txt", text);
	buf_addf(&args, "--no-config --fix-dry-run '%s'", p1);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "@@ -1,2 +1,2 @@\n"
				"-They met in London , , then left.\n"
				"+They met in London, then left.\n"
				"-It was the the the end of Zqxwvb.\n"
				"+It was the end of Zqxwvb.\n"),
		  "%s", r.out);
	run_result_release(&r);
	buf_reset(&args);
	patch_with_dry_run(d, "a.txt");
	buf_addf(&args, "--no-config --fail-on info --fix '%s'", p2);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "fixed 4 findings in"), "%s", r.err);
	/* what is left, where it is in the final text */
	cr_assert(strstr(r.out, "b.txt:2:19: ") &&
			  !strstr(r.out, "repeated-word") &&
			  !strstr(r.out, "doubled-punct") &&
			  !strstr(r.out, "space-before-punct"),
		  "%s", r.out);
	run_result_release(&r);
	x1 = read_file(p1, &l1);
	x2 = read_file(p2, &l2);
	cr_assert_str_eq(x2, want);
	cr_assert_str_eq(x1, x2, "the diff applies as --fix writes");
	free(x1);
	free(x2);
	free(p1);
	free(p2);
	buf_release(&args);
	rmdir_all(d);
}

/*
 * A house-style pack whose fixes undo each other ("zork" <-> "blip")
 * stops when a text comes back, keeping the last new one; one whose fix
 * never runs out (one more "q") stops after 10 passes.  Each says so.
 */
Test(gate_fix, a_cycle_and_the_pass_limit_stop_with_a_note)
{
	static const char pack[] = "rules:\n"
				   "  - id: loop.there\n"
				   "    category: style/house\n"
				   "    severity: warning\n"
				   "    message: \"house style: 'blip'\"\n"
				   "    regex: '\\bzork\\b'\n"
				   "    suggest: \"blip\"\n"
				   "    safe-fix: true\n"
				   "    examples:\n"
				   "      bad: [\"It was [zork]. -> blip\"]\n"
				   "      good: [\"It was blip.\"]\n"
				   "  - id: loop.back\n"
				   "    category: style/house\n"
				   "    severity: warning\n"
				   "    message: \"house style: 'zork'\"\n"
				   "    regex: '\\bblip\\b'\n"
				   "    suggest: \"zork\"\n"
				   "    safe-fix: true\n"
				   "    examples:\n"
				   "      bad: [\"It was [blip]. -> zork\"]\n"
				   "      good: [\"It was zork.\"]\n"
				   "  - id: loop.grow\n"
				   "    category: style/house\n"
				   "    severity: info\n"
				   "    message: \"one more q\"\n"
				   "    regex: '\\b(q+)\\b'\n"
				   "    suggest: \"{1}q\"\n"
				   "    safe-fix: true\n"
				   "    examples:\n"
				   "      bad: [\"It was [q]. -> qq\"]\n"
				   "      good: [\"It was.\"]\n";
	char *d = tmpdir();
	char *pk = path_in(d, "loop");
	char *p1 = path_in(d, "a.txt"), *p2 = path_in(d, "b.txt");
	char *x;
	size_t len;
	struct buf args = BUF_INIT;
	struct run_result r;

	cr_assert_eq(mkdir(pk, 0755), 0);
	put(pk, "loop.yml", pack);
	put(d, "a.txt", "It was zork.\n");
	put(d, "b.txt", "It was q.\n");
	buf_addf(&args, "--no-config --rules-dir '%s' --fix '%s' '%s'", pk, p1,
		 p2);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "fixed 1 finding in") &&
			  strstr(r.err, "a.txt undo each other; kept the "
					"text of pass 1") &&
			  strstr(r.err, "fixed 10 findings in") &&
			  strstr(r.err, "b.txt still has safe fixes after 10 "
					"passes"),
		  "%s", r.err);
	cr_assert(strstr(r.out, "a.txt:1:8: warning: house style: 'zork'") &&
			  strstr(r.out, "b.txt:1:8: info: one more q"),
		  "%s", r.out);
	run_result_release(&r);
	x = read_file(p1, &len);
	cr_assert_str_eq(x, "It was blip.\n");
	free(x);
	x = read_file(p2, &len);
	cr_assert_str_eq(x, "It was qqqqqqqqqqq.\n", "eleven q");
	free(x);
	/* the same again: a cycle is cut at the same place every time */
	put(d, "a.txt", "It was zork.\n");
	run_mtlint(args.buf, NULL, 0, &r);
	run_result_release(&r);
	x = read_file(p1, &len);
	cr_assert_str_eq(x, "It was blip.\n");
	free(x);
	free(pk);
	free(p1);
	free(p2);
	buf_release(&args);
	rmdir_all(d);
}

Test(gate_fix, standard_input_cannot_be_fixed)
{
	struct run_result r;

	run_mtlint("--no-config --fix -", "It was the the end.\n", 20, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "standard input"), "%s", r.err);
	run_result_release(&r);
}

/* --- parallel -------------------------------------------------------------- */

Test(gate_parallel, output_order_is_stable)
{
	char *d = tmpdir();
	struct buf args = BUF_INIT;
	struct run_result r1, r4;

	for (int i = 0; i < 16; i++) {
		char name[32], text[128];

		snprintf(name, sizeof(name), "f%02d.txt", i);
		snprintf(text, sizeof(text), "File %d says the the thing%s.\n",
			 i, i % 3 ? "" : " and a a thing");
		put(d, name, text);
	}
	buf_addf(&args, "--no-config -j 1 -f json '%s'", d);
	run_mtlint(args.buf, NULL, 0, &r1);
	buf_reset(&args);
	buf_addf(&args, "--no-config -j 4 -f json '%s/*.txt'", d);
	run_mtlint(args.buf, NULL, 0, &r4);
	cr_assert_eq(r1.status, 1);
	cr_assert_eq(r4.status, 1);
	cr_assert_str_eq(r1.out, r4.out);
	cr_assert_eq(count_str(r1.out, "\"rule\":"), 16 + 6);
	cr_assert(strstr(r1.out, "f00.txt") < strstr(r1.out, "f15.txt"));
	run_result_release(&r1);
	run_result_release(&r4);
	buf_release(&args);
	rmdir_all(d);
}

Test(gate_markdown, standard_input_as_markdown)
{
	static const char md[] = "Use `the the` here.\n\n```\na a\n```\n\n"
				 "But an an error.\n";
	struct run_result r;

	run_mtlint("--no-config --input markdown -f json -", md,
		   sizeof(md) - 1, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count_str(r.out, "\"rule\":"), 1, "%s", r.out);
	cr_assert(strstr(r.out, "\"line\": 7"), "%s", r.out);
	cr_assert(strstr(r.out, "\"text\": \"an an\""));
	run_result_release(&r);
	run_mtlint("--no-config --input text -f json -", md, sizeof(md) - 1,
		   &r);
	cr_assert_eq(count_str(r.out, "\"rule\":"), 3, "as text: %s", r.out);
	run_result_release(&r);
}

Test(gate_suppress, unused_rule_takes_config_severity_and_disable)
{
	char *d = tmpdir();
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "a.txt", "<!-- mtlint-disable grammar -->\nClean.\n");
	put(d, ".mtlint.yml", "rules:\n  mtlint.unused-disable: error\n");
	buf_addf(&args, "-f json --report-unused-disables '%s/a.txt'", d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert(strstr(r.out, "\"severity\": \"error\""), "%s", r.out);
	run_result_release(&r);
	put(d, ".mtlint.yml", "rules:\n  mtlint: off\n");
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(r.status, 0, "%s", r.out);
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

Test(gate_parallel, an_input_named_twice_is_checked_once)
{
	char *d = tmpdir();
	struct buf args = BUF_INIT;
	struct run_result r;

	put(d, "a.txt", "It was the the end.\n");
	buf_addf(&args, "--no-config -j 2 -f json '%s/a.txt' '%s/./a.txt' '%s' "
			"'%s/*.txt'",
		 d, d, d, d);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_assert_eq(count_str(r.out, "\"path\":"), 1, "%s", r.out);
	run_result_release(&r);
	buf_release(&args);
	rmdir_all(d);
}

Test(gate_usage, bad_options)
{
	struct run_result r;

	run_mtlint("--jobs 0 x.txt", NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	run_result_release(&r);
	run_mtlint("--max-warnings many x.txt", NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	run_result_release(&r);
	run_mtlint("--input html x.txt", NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	run_result_release(&r);
	run_mtlint("--fix --fix-dry-run x.txt", NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	run_result_release(&r);
	run_mtlint("--no-config '/nonexistent/*.txt'", NULL, 0, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "no files match"), "%s", r.err);
	run_result_release(&r);
	run_mtlint("--no-config --baseline /nonexistent.json -", "x\n", 2, &r);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "baseline"), "%s", r.err);
	run_result_release(&r);
}

/*
 * `references:` used to accept ../ and absolute paths, and the evidence
 * printed lines of that file: a pull request could leak a secret into CI
 * logs.  A mapping that leaves the project root -- by its pattern or
 * through a symbolic link -- now stops the run, quoting nothing.
 */
Test(gate_config, references_outside_the_project_root_are_refused)
{
	char *d = tmpdir(), *proj = path_in(d, "proj");
	struct buf cmd = BUF_INIT, args = BUF_INIT;
	struct run_result r;

	buf_addf(&cmd,
		 "mkdir -p '%s/proj/.git' '%s/secret' && "
		 "ln -s '%s/secret' '%s/proj/refs'",
		 d, d, d, d);
	cr_assert_eq(system(cmd.buf), 0);
	put(d, "secret/a.txt", "Sergei Lavrov met TOPSECRET-TOKEN-42 today.\n");
	put(proj, "a.txt", "Sergey Lavrov met him today.\n");
	/* by the pattern: an error at its position */
	put(proj, ".mtlint.yml", "references:\n  'a.txt': '../secret/a.txt'\n");
	buf_addf(&args, "--format json '%s/a.txt'", proj);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 2, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, ".mtlint.yml:2:") &&
			  strstr(r.err, "lies outside the project root"),
		  "%s", r.err);
	cr_expect(!strstr(r.out, "TOPSECRET") && !strstr(r.err, "TOPSECRET"));
	run_result_release(&r);
	/* through a symbolic link inside the project */
	put(proj, ".mtlint.yml", "references:\n  'a.txt': 'refs/a.txt'\n");
	run_mtlint(args.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 2, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, "lies outside the project root"), "%s", r.err);
	cr_expect(!strstr(r.out, "TOPSECRET") && !strstr(r.err, "TOPSECRET"));
	run_result_release(&r);
	/* the run may allow it */
	buf_reset(&args);
	buf_addf(&args, "--allow-outside-root --format json '%s/a.txt'", proj);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_expect(r.status <= 1, "status %d: %s", r.status, r.err);
	run_result_release(&r);
	buf_release(&cmd);
	buf_release(&args);
	free(proj);
	rmdir_all(d);
}

/*
 * --fix used to break hard links, drop setuid bits and rewrite read-only
 * files without being asked: each is now left alone with the reason, and
 * --fix-force writes hard-linked and read-only files (never setuid ones).
 */
Test(gate_fix, hard_linked_read_only_and_setuid_files_need_force)
{
	char *d = tmpdir(), *a = path_in(d, "a.txt"), *b = path_in(d, "b.txt");
	char *ro = path_in(d, "ro.txt"), *su = path_in(d, "su.txt");
	static const char text[] = "It was was the end.\n";
	struct buf args = BUF_INIT;
	struct run_result r;
	struct stat st;

	put(d, "a.txt", text);
	put(d, "ro.txt", text);
	put(d, "su.txt", text);
	cr_assert_eq(link(a, b), 0);
	cr_assert_eq(chmod(ro, 0444), 0);
	cr_assert_eq(chmod(su, 04755), 0);
	buf_addf(&args, "--no-config --grammar-parser off --fix '%s' '%s' '%s'",
		 a, ro, su);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 2, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, "2 hard links") && strstr(r.err, "read-only") &&
			  strstr(r.err, "setuid"),
		  "%s", r.err);
	run_result_release(&r);
	{
		size_t len;
		char *got;

		got = read_file(b, &len);
		cr_expect_str_eq(got, text);
		free(got);
	}
	buf_reset(&args);
	buf_addf(&args,
		 "--no-config --grammar-parser off --fix-force '%s' '%s' '%s'",
		 a, ro, su);
	run_mtlint(args.buf, NULL, 0, &r);
	cr_expect_eq(r.status, 2, "the setuid file is still refused: %s",
		     r.err);
	cr_expect(strstr(r.err, "fixed 1 finding in") &&
			  strstr(r.err, "setuid"),
		  "%s", r.err);
	run_result_release(&r);
	{
		size_t len;
		char *got = read_file(b, &len);

		cr_expect_str_eq(got, "It was the end.\n", "the other link");
		free(got);
		got = read_file(ro, &len);
		cr_expect_str_eq(got, "It was the end.\n");
		free(got);
		got = read_file(su, &len);
		cr_expect_str_eq(got, text);
		free(got);
	}
	cr_assert_eq(stat(a, &st), 0);
	cr_expect_eq(st.st_nlink, 2);
	cr_assert_eq(stat(ro, &st), 0);
	cr_expect_eq(st.st_mode & 07777, 0444);
	cr_assert_eq(stat(su, &st), 0);
	cr_expect_eq(st.st_mode & 07777, 04755);
	buf_release(&args);
	free(a);
	free(b);
	free(ro);
	free(su);
	rmdir_all(d);
}
