/*
 * Unit tests of the editorial gate's modules: xml, config (parsing, errors,
 * globs, references, ignore), suppress, markdown, baseline, fix and
 * atomicfile, batch, walk.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "baseline.h"
#include "batch.h"
#include "buf.h"
#include "config.h"
#include "fix.h"
#include "gate.h"
#include "helpers.h"
#include "markdown.h"
#include "segment.h"
#include "walk.h"
#include "xml.h"

/* --- xml ------------------------------------------------------------------ */

Test(xml, escapes_markup_quotes_and_controls)
{
	struct buf b = BUF_INIT;

	xml_escape(&b, "a<b>&\"c\" 'd'\n\te\r\x01\x1f\xef\xbf\xbe z\xc3\xa9");
	cr_assert_str_eq(b.buf, "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;"
				"&#10;&#9;e&#13;\xef\xbf\xbd\xef\xbf\xbd"
				"\xef\xbf\xbd z\xc3\xa9");
	buf_reset(&b);
	xml_attr(&b, "m", "x\"y");
	xml_attr_u(&b, "n", 42);
	cr_assert_str_eq(b.buf, " m=\"x&quot;y\" n=\"42\"");
	buf_release(&b);
}

/* --- config --------------------------------------------------------------- */

static struct config *parse_ok(const char *text)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(config_parse("proj/.mtlint.yml", text, strlen(text), &cfg,
				  &err),
		     MT_ERR_OK, "%s", err.msg);
	return cfg;
}

static void parse_fails(const char *text, const char *msg)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(config_parse("proj/.mtlint.yml", text, strlen(text), &cfg,
				  &err),
		     MT_ERR_CONFIG, "accepted: %s", text);
	cr_assert_null(cfg);
	cr_assert(strstr(err.msg, msg), "'%s' lacks '%s'", err.msg, msg);
}

Test(config, every_key)
{
	struct config *cfg = parse_ok(
		"language: en_GB\n"
		"input: markdown\n"
		"accept: [words/ok.txt, /abs/list.txt]\n"
		"reject: bad.txt\n"
		"dictionary-path: dicts\n"
		"rules:\n"
		"  grammar.repeated-word: warning\n"
		"  fluency/spelling: off\n"
		"  style: on\n"
		"references:\n"
		"  'articles/*.txt': 'references/*.txt'\n"
		"fail-on: error\n"
		"max-warnings: 7\n"
		"ignore: ['drafts/', '*.bak.txt']\n");

	cr_assert_str_eq(cfg->lang, "en_GB");
	cr_assert_eq(cfg->input, CONFIG_INPUT_MARKDOWN);
	cr_assert_eq(cfg->n_accept, 2);
	cr_assert_str_eq(cfg->accept[0], "proj/words/ok.txt");
	cr_assert_str_eq(cfg->accept[1], "/abs/list.txt");
	cr_assert_str_eq(cfg->reject[0], "proj/bad.txt");
	cr_assert_str_eq(cfg->dict_path, "proj/dicts");
	cr_assert_eq(cfg->n_rules, 3);
	cr_assert_eq(cfg->rules[0].severity, MT_SEV_WARNING);
	cr_assert_eq(cfg->rules[0].enable, 1);
	cr_assert_eq(cfg->rules[1].enable, 0);
	cr_assert_eq(cfg->rules[2].severity, MT_SEV_NONE);
	cr_assert(cfg->has_fail_on);
	cr_assert_eq(cfg->fail_on, MT_SEV_ERROR);
	cr_assert_eq(cfg->max_warnings, 7);
	cr_assert_eq(cfg->n_ignore, 2);
	config_free(cfg);
}

Test(config, empty_file_is_empty_config)
{
	struct config *cfg = parse_ok("");

	cr_assert_null(cfg->lang);
	cr_assert_eq(cfg->max_warnings, -1);
	config_free(cfg);
	cfg = parse_ok("# only a comment\n");
	config_free(cfg);
}

Test(config, errors_name_file_line_and_column)
{
	parse_fails("language: en_US\nrulez: {}\n",
		    "proj/.mtlint.yml:2:1: unknown key 'rulez'");
	parse_fails("rules:\n  grammar: loud\n",
		    "proj/.mtlint.yml:2:12: bad value 'loud'");
	parse_fails("fail-on: sometimes\n", "1:10: bad fail-on 'sometimes'");
	parse_fails("max-warnings: -3\n", "1:15: bad max-warnings '-3'");
	parse_fails("max-warnings: lots\n", "bad max-warnings 'lots'");
	parse_fails("input: html\n", "bad input 'html'");
	parse_fails("language: [en]\n", "'language' takes a single value");
	parse_fails("accept: {a: b}\n", "'accept' takes a list of strings");
	parse_fails("rules: [a]\n", "1:8: 'rules' takes a mapping");
	parse_fails("references:\n  'a/*.txt': 'b/*/*.txt'\n",
		    "more wildcards");
	parse_fails("- just\n- a list\n", "expected a mapping");
	parse_fails("rules: {\n", "proj/.mtlint.yml:2:1:");
	parse_fails("language:\n", "'language' has no value");
}

Test(config, every_error_reported_with_line_and_caret)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };
	const char *text = "fail_on: error\nrules:\n  grammar: loud\n"
			   "max-warnings: -1\n";

	cr_assert_eq(config_parse("c.yml", text, strlen(text), &cfg, &err),
		     MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, "c.yml:1:1: unknown key 'fail_on'"));
	cr_assert(strstr(err.msg, "c.yml:3:12: bad value 'loud'"));
	cr_assert(strstr(err.msg, "\n      grammar: loud\n"
				  "               ^"),
		  "%s", err.msg);
	cr_assert(strstr(err.msg, "c.yml:4:15: bad max-warnings"));
}

Test(config, load_reports_missing_and_binary_files)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };
	char *bin = write_temp("a: \0b", 5, ".yml");

	cr_assert_eq(config_load("/nonexistent/.mtlint.yml", &cfg, &err),
		     MT_ERR_IO);
	cr_assert(strstr(err.msg, "/nonexistent/.mtlint.yml"));
	cr_assert_eq(config_load(bin, &cfg, &err), MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, "binary"));
	unlink(bin);
	free(bin);
}

Test(config, glob_matching_and_captures)
{
	size_t caps[4][2], n = 0;

	cr_assert(config_glob_match("*.txt", "a.txt", NULL, 0, NULL));
	cr_assert_not(config_glob_match("*.txt", "d/a.txt", NULL, 0, NULL));
	cr_assert(config_glob_match("**/a.txt", "a.txt", NULL, 0, NULL));
	cr_assert(config_glob_match("**/a.txt", "x/y/a.txt", NULL, 0, NULL));
	cr_assert(config_glob_match("x/**", "x/y/z", NULL, 0, NULL));
	cr_assert(config_glob_match("a?c", "abc", NULL, 0, NULL));
	cr_assert_not(config_glob_match("a?c", "a/c", NULL, 0, NULL));
	cr_assert(config_glob_match("articles/*-*.txt", "articles/12-moscow.txt",
				    caps, 4, &n));
	cr_assert_eq(n, 2);
	cr_assert_eq(caps[0][0], 9);
	cr_assert_eq(caps[0][1], 11);
	cr_assert_eq(caps[1][0], 12);
	cr_assert_eq(caps[1][1], 18);
}

Test(config, reference_mapping)
{
	struct config *cfg = parse_ok(
		"references:\n"
		"  'articles/**/*.txt': 'refs/**/*.ref.txt'\n"
		"  'one.md': 'the-reference.txt'\n");
	char *r = config_reference(cfg, "proj/articles/2024/may/a.txt");

	cr_assert_str_eq(r, "proj/refs/2024/may/a.ref.txt");
	free(r);
	r = config_reference(cfg, "proj/one.md");
	cr_assert_str_eq(r, "proj/the-reference.txt");
	free(r);
	cr_assert_null(config_reference(cfg, "proj/other.txt"));
	cr_assert_null(config_reference(cfg, "elsewhere/articles/a.txt"));
	config_free(cfg);
}

Test(config, ignore_globs)
{
	struct config *cfg = parse_ok(
		"ignore: ['drafts/', '*.bak.txt', 'old/**/x.txt']\n");

	cr_assert(config_ignored(cfg, "proj/drafts", 1));
	cr_assert_not(config_ignored(cfg, "proj/drafts", 0));
	cr_assert(config_ignored(cfg, "proj/a/b/c.bak.txt", 0));
	cr_assert_not(config_ignored(cfg, "proj/a/b/c.txt", 0));
	cr_assert(config_ignored(cfg, "proj/old/1/2/x.txt", 0));
	cr_assert(config_ignored(cfg, "proj/./old/x.txt", 0));
	cr_assert_not(config_ignored(cfg, "other/c.bak.txt", 0));
	config_free(cfg);
}

Test(config, cache_finds_nearest_file_upward)
{
	char dir[] = "/tmp/mtlint-cfg-XXXXXX";
	char p[512];
	struct config_cache *cc;
	const struct config *a, *b, *c;
	struct mt_error err = { 0 };
	FILE *f;

	cr_assert(mkdtemp(dir));
	snprintf(p, sizeof(p), "%s/sub", dir);
	cr_assert_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/sub/deeper", dir);
	cr_assert_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/.mtlint.yml", dir);
	f = fopen(p, "w");
	fputs("language: en_GB\n", f);
	fclose(f);
	snprintf(p, sizeof(p), "%s/sub/deeper/.mtlint.yml", dir);
	f = fopen(p, "w");
	fputs("language: en_US\n", f);
	fclose(f);
	cr_assert_eq(config_cache_new(NULL, 0, &cc, &err), MT_ERR_OK);
	snprintf(p, sizeof(p), "%s/sub/a.txt", dir);
	cr_assert_eq(config_cache_lookup(cc, p, &a, &err), MT_ERR_OK);
	cr_assert_str_eq(a->lang, "en_GB");
	snprintf(p, sizeof(p), "%s/sub/deeper/b.txt", dir);
	cr_assert_eq(config_cache_lookup(cc, p, &b, &err), MT_ERR_OK);
	cr_assert_str_eq(b->lang, "en_US");
	snprintf(p, sizeof(p), "%s/c.txt", dir);
	cr_assert_eq(config_cache_lookup(cc, p, &c, &err), MT_ERR_OK);
	cr_assert_eq(a, c, "one load per file");
	config_cache_free(cc);
	cr_assert_eq(config_cache_new(NULL, 1, &cc, &err), MT_ERR_OK);
	cr_assert_eq(config_cache_lookup(cc, p, &c, &err), MT_ERR_OK);
	cr_assert_null(c, "--no-config");
	config_cache_free(cc);
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	cr_assert_eq(system(p), 0);
}

/* --- suppress (through gate_check) --------------------------------------- */

static void gate_str(const char *s, int markdown, int unused,
		     struct document **doc, struct diag_list *l)
{
	struct gate_options go = { markdown ? CONFIG_INPUT_MARKDOWN
					    : CONFIG_INPUT_TEXT,
				   unused };
	struct mt_error err = { 0 };

	*doc = load_str(s);
	diag_list_init(l, &(*doc)->arena);
	cr_assert_eq(gate_check(test_checker(), *doc, NULL, &go, l, &err),
		     MT_ERR_OK, "%s", err.msg);
	assert_diags_sane(*doc, l);
}

static size_t count_rule(const struct diag_list *l, const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += !strcmp(l->v[i].rule, rule);
	return n;
}

Test(suppress, ranges_next_line_and_line)
{
	struct document *doc;
	struct diag_list l;

	gate_str("One the the.\n"
		 "<!-- mtlint-disable grammar.repeated-word -->\n"
		 "Two a a.\n"
		 "<!-- mtlint-enable grammar.repeated-word -->\n"
		 "Three an an.\n"
		 "<!-- mtlint-disable-next-line grammar -->\n"
		 "Four to to.\n"
		 "Five in in. <!-- mtlint-disable-line fluency/grammar -->\n"
		 "Six of of.\n",
		 0, 0, &doc, &l);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(document_position(doc, l.v[0].span.start, 0).line, 1);
	cr_assert_eq(document_position(doc, l.v[1].span.start, 0).line, 5);
	cr_assert_eq(document_position(doc, l.v[2].span.start, 0).line, 9);
	diag_list_release(&l);
	document_free(doc);
}

Test(suppress, disable_all_until_end_and_other_rules_untouched)
{
	struct document *doc;
	struct diag_list l;

	gate_str("One the the.\n<!-- mtlint-disable -->\nTwo a a.\nThree an an.\n",
		 0, 0, &doc, &l);
	cr_assert_eq(l.n, 1);
	diag_list_release(&l);
	document_free(doc);
	gate_str("<!-- mtlint-disable spelling -->\nTwo a a.\n", 0, 0, &doc,
		 &l);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 1,
		     "a directive for another rule suppresses nothing here");
	diag_list_release(&l);
	document_free(doc);
}

Test(suppress, unused_disables_reported_on_request)
{
	struct document *doc;
	struct diag_list l;
	const char *s = "<!-- mtlint-disable grammar.repeated-word, spelling -->\n"
			"Two a a.\n"
			"<!-- mtlint-disable-next-line -->\n"
			"Clean.\n"
			"<!-- an ordinary comment -->\n";

	gate_str(s, 0, 1, &doc, &l);
	cr_assert_eq(count_rule(&l, "grammar.repeated-word"), 0);
	cr_assert_eq(count_rule(&l, "mtlint.unused-disable"), 2);
	cr_assert(strstr(l.v[0].message, "'spelling'"), "%s", l.v[0].message);
	cr_assert_eq(document_position(doc, l.v[1].span.start, 0).line, 3);
	diag_list_release(&l);
	document_free(doc);
	gate_str(s, 0, 0, &doc, &l);
	cr_assert_eq(l.n, 0);
	diag_list_release(&l);
	document_free(doc);
}

Test(suppress, in_markdown)
{
	struct document *doc;
	struct diag_list l;

	gate_str("# Title\n\n"
		 "<!-- mtlint-disable-next-line grammar.repeated-word -->\n"
		 "Two a a.\n\n"
		 "Three an an.\n",
		 1, 1, &doc, &l);
	cr_assert_eq(l.n, 1);
	cr_assert_eq(document_position(doc, l.v[0].span.start, 0).line, 6);
	diag_list_release(&l);
	document_free(doc);
}

/* --- markdown -------------------------------------------------------------- */

Test(markdown, masks_all_but_prose_keeping_offsets)
{
	const char *src = "---\ntitle: the the\n---\n"
			  "# Head line\n"
			  "\n"
			  "Use `the the` and [a link](http://x.org/the_the) or "
			  "<https://e.org/a> *b* \xc3\xa9t\xc3\xa9.\n"
			  "\n"
			  "```\ncode code\n```\n"
			  "\n"
			  "<div>html html</div>\n"
			  "\n"
			  "> quote\n";
	struct document *doc = load_str(src);
	const char *m = markdown_prose(doc);

	cr_assert_eq(strlen(m), doc->len);
	cr_assert_str_eq(doc->text, src, "the original is untouched");
	for (uint32_t i = 0; i < doc->len; i++)
		if (src[i] == '\n')
			cr_assert_eq(m[i], '\n', "line ends kept at %u", i);
	cr_assert_null(strstr(m, "title"));
	cr_assert_null(strstr(m, "`"));
	cr_assert_null(strstr(m, "the the"), "code span, front matter");
	cr_assert_null(strstr(m, "http"));
	cr_assert_null(strstr(m, "e.org"));
	cr_assert_null(strstr(m, "code"));
	cr_assert_null(strstr(m, "html"));
	cr_assert_null(strstr(m, "#"));
	cr_assert_null(strstr(m, ">"));
	cr_assert_null(strstr(m, "*"));
	cr_assert(strstr(m, "Head"));
	cr_assert(strstr(m, "Use "));
	cr_assert(strstr(m, "a link"));
	cr_assert(strstr(m, "\xc3\xa9t\xc3\xa9."));
	cr_assert(strstr(m, "quote"));
	/* prose sits at its original offsets */
	cr_assert_eq(strstr(m, "Use ") - m, strstr(src, "Use ") - src);
	document_free(doc);
}

Test(markdown, by_extension)
{
	cr_assert(markdown_path("a/b.md"));
	cr_assert(markdown_path("B.MARKDOWN"));
	cr_assert_not(markdown_path("a.txt"));
	cr_assert_not(markdown_path("md"));
	cr_assert_not(markdown_path("a.md/b"));
}

Test(markdown, findings_point_at_the_file_and_fixes_across_markup_unsafe)
{
	struct document *doc;
	struct diag_list l;

	const char *s = "Text with `the the` code and the the prose.\n\n"
			"Emphasis *the* the here.\n";

	gate_str(s, 1, 0, &doc, &l);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(l.v[0].span.start, strstr(s, "and the") + 4 - s);
	cr_assert(l.v[0].flags & DIAGF_SAFE_FIX);
	cr_assert_not(l.v[1].flags & DIAGF_SAFE_FIX,
		      "a fix over hidden '*' would delete it");
	diag_list_release(&l);
	document_free(doc);
}

/* --- baseline ------------------------------------------------------------- */

static void fp_of(const char *text, const char *needle, char *fp)
{
	struct document *doc;
	struct diag_list l;
	const char *at = strstr(text, needle);

	gate_str(text, 0, 0, &doc, &l);
	cr_assert(at);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].span.start == (uint32_t)(at - text)) {
			baseline_fingerprint(doc, &l.v[i], fp);
			diag_list_release(&l);
			document_free(doc);
			return;
		}
	cr_assert_fail("no finding at '%s'", needle);
}

Test(baseline, fingerprint_survives_edits_elsewhere)
{
	char a[17], b[17], c[17], d[17];

	fp_of("He said the the word. Next one.\n", "the the", a);
	fp_of("A new first line.\n\nHe  said the the word. Next changed.\n",
	      "the the", b);
	fp_of("He told the the word. Next one.\n", "the the", c);
	fp_of("He said the the words. Next one.\n", "the the", d);
	cr_assert_eq(strlen(a), BASELINE_FP_LEN);
	cr_assert_str_eq(a, b);
	cr_assert_str_neq(a, c, "a word next to it changed");
	cr_assert_str_neq(a, d);
}

Test(baseline, write_load_filter_counts_duplicates)
{
	char dir[] = "/tmp/mtlint-bl-XXXXXX";
	char path[256], file[256];
	struct baseline *b;
	struct document *doc;
	struct diag_list l;
	struct mt_error err = { 0 };
	const char *text = "He said the the word.\nHe said the the word.\n";

	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/baseline.json", dir);
	snprintf(file, sizeof(file), "%s/a.txt", dir);
	b = baseline_new(path);
	gate_str(text, 0, 0, &doc, &l);
	cr_assert_eq(l.n, 2);
	l.n = 1; /* accept only one of the two identical findings */
	baseline_add(b, file, doc, &l);
	diag_list_release(&l);
	document_free(doc);
	cr_assert_eq(baseline_write(b, &err), MT_ERR_OK, "%s", err.msg);
	baseline_free(b);

	cr_assert_eq(baseline_load(path, &b, &err), MT_ERR_OK, "%s", err.msg);
	gate_str(text, 0, 0, &doc, &l);
	cr_assert_eq(baseline_filter(b, file, doc, &l), 1);
	cr_assert_eq(l.n, 1, "the second copy is new");
	diag_list_release(&l);
	document_free(doc);
	baseline_free(b);

	cr_assert_eq(baseline_load(path, &b, &err), MT_ERR_OK);
	gate_str(text, 0, 0, &doc, &l);
	snprintf(file, sizeof(file), "%s/other.txt", dir);
	cr_assert_eq(baseline_filter(b, file, doc, &l), 0, "another file");
	diag_list_release(&l);
	document_free(doc);
	baseline_free(b);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	cr_assert_eq(system(path), 0);
}

Test(baseline, bad_files_are_errors)
{
	struct baseline *b;
	struct mt_error err = { 0 };
	char *p1 = write_temp("{\"version\": 1, \"findings\": [", 28, ".json");
	char *p2 = write_temp("{\"version\": 2, \"findings\": []}", 31, ".json");
	char *p3 = write_temp("{\"version\": 1, \"findings\": [{}]}", 32,
			      ".json");

	cr_assert_eq(baseline_load("/nonexistent.json", &b, &err), MT_ERR_IO);
	cr_assert_eq(baseline_load(p1, &b, &err), MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, p1) && strstr(err.msg, ":1:"), "%s", err.msg);
	cr_assert_eq(baseline_load(p2, &b, &err), MT_ERR_CONFIG);
	cr_assert_eq(baseline_load(p3, &b, &err), MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, "finding 1"), "%s", err.msg);
	unlink(p1);
	unlink(p2);
	unlink(p3);
	free(p1);
	free(p2);
	free(p3);
}

/* --- fix and atomicfile --------------------------------------------------- */

Test(fix, applies_safe_fixes_only_and_keeps_everything_else)
{
	const char *src = "A the the b.\r\nC an an d \xc3\xa9t\xc3\xa9.\r\n";
	struct document *doc;
	struct diag_list l;
	unsigned char *out;
	size_t len, n;
	struct mt_error err = { 0 };

	gate_str(src, 0, 0, &doc, &l);
	cr_assert_eq(l.n, 2);
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
	struct gate_options go = { CONFIG_INPUT_TEXT, 0 };
	unsigned char *out;
	size_t len, n;

	cr_assert_eq(document_load_mem("x.txt", bytes, sizeof(bytes) - 1, &o,
				       &doc, &err),
		     MT_ERR_OK, "%s", err.msg);
	diag_list_init(&l, &doc->arena);
	cr_assert_eq(gate_check(test_checker(), doc, NULL, &go, &l, &err),
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

/* --- batch and walk ------------------------------------------------------- */

struct order {
	size_t seen[64], n;
	int value[64];
};

static void work(void *ctx, size_t w, size_t job)
{
	struct order *o = ctx;

	(void)w;
	if (job % 3 == 0)
		usleep(2000); /* finish out of order */
	o->value[job] = (int)job * 2;
}

static void done(void *ctx, size_t job)
{
	struct order *o = ctx;

	cr_assert_eq(o->value[job], (int)job * 2, "done before work");
	o->seen[o->n++] = job;
}

Test(batch, results_in_job_order)
{
	for (size_t workers = 1; workers <= 4; workers++) {
		struct order o = { 0 };

		batch_run(40, workers, work, done, &o);
		cr_assert_eq(o.n, 40);
		for (size_t i = 0; i < 40; i++)
			cr_assert_eq(o.seen[i], i);
	}
	cr_assert(batch_cpus() >= 1);
}

static int ignore_b(void *arg, const char *path, int is_dir)
{
	(void)arg;
	(void)is_dir;
	return strstr(path, "/skip") != NULL;
}

Test(walk, directories_globs_and_ignores)
{
	char dir[] = "/tmp/mtlint-walk-XXXXXX", cmd[512];
	struct walk_list l = { 0 };
	struct mt_error err = { 0 };

	cr_assert(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && mkdir -p a/b skip .hidden && touch z.txt a/y.md "
		 "a/b/x.txt a/b/w.bin skip/v.txt .hidden/u.txt a/.t.txt",
		 dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(walk_input(dir, ignore_b, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 3);
	cr_assert(strstr(l.v[0], "/a/b/x.txt"), "%s", l.v[0]);
	cr_assert(strstr(l.v[1], "/a/y.md"));
	cr_assert(strstr(l.v[2], "/z.txt"));
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/a/**/*.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 1);
	cr_assert(strstr(l.v[0], "/a/b/x.txt"));
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/a/b/*", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 2, "an explicit glob takes any file");
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/nothing/*.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_IO);
	cr_assert(strstr(err.msg, "no files match"));
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}
