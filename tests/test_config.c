/*
 * config: .mtlint.yml parsing and errors, globs, reference mapping, ignore globs, the upward search.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/limits.h"
#include "run/config.h"
#include "run/configcache.h"
#include "util/wildmatch.h"
#include "util/yamlfile.h"
#include <glob.h>
#include "helpers.h"
#include "util/xalloc.h"

static struct config *parse_ok(const char *text)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(config_parse("proj/.mtlint.yml", text, strlen(text), &cfg,
				  NULL, &err),
		     MT_ERR_OK, "%s", err.msg);
	return cfg;
}

static void parse_fails(const char *text, const char *msg)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(config_parse("proj/.mtlint.yml", text, strlen(text), &cfg,
				  NULL, &err),
		     MT_ERR_CONFIG, "accepted: %s", text);
	cr_assert_null(cfg);
	cr_assert(strstr(err.msg, msg), "'%s' lacks '%s'", err.msg, msg);
}

Test(config, every_key)
{
	struct config *cfg = parse_ok(
		"language: en_GB\n"
		"input: markdown\n"
		"accept: [words/ok.txt, more/list.txt]\n"
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
	cr_assert_str_eq(cfg->accept[1], "proj/more/list.txt");
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
	struct yamlfile_errors e = { 0 };
	struct mt_error err = { 0 };
	const char *text = "fail_on: error\nrules:\n  grammar: loud\n"
			   "max-warnings: -1\n";
	char *s;

	cr_assert_eq(config_parse("c.yml", text, strlen(text), &cfg, &e, &err),
		     MT_ERR_CONFIG);
	cr_assert_eq(e.n, 3);
	s = yamlfile_errors_format(&e);
	cr_assert(strstr(s, "c.yml:1:1: error: unknown key 'fail_on'"));
	cr_assert(strstr(s, "c.yml:3:12: error: bad value 'loud'"));
	cr_assert(strstr(s, "\n      grammar: loud\n"
			    "               ^\n"),
		  "%s", s);
	cr_assert(strstr(s, "c.yml:4:15: error: bad max-warnings"));
	free(s);
	yamlfile_errors_release(&e);
	/* without a list, err holds the first and the count of the rest */
	cr_assert_eq(config_parse("c.yml", text, strlen(text), &cfg, NULL,
				  &err),
		     MT_ERR_CONFIG);
	cr_assert_str_eq(err.msg, "c.yml:1:1: unknown key 'fail_on' (known: "
				  "language, input, accept, reject, "
				  "dictionary-path, rules, references, "
				  "fail-on, max-warnings, ignore, packs, names, "
				  "extends) (and 2 more)");
}

/* Parse text expecting errors; returns them (release). */
static struct yamlfile_errors parse_errors(const char *text, size_t len)
{
	struct config *cfg = NULL;
	struct yamlfile_errors e = { 0 };
	struct mt_error err = { 0 };

	cr_assert_eq(config_parse("c.yml", text, len, &cfg, &e, &err),
		     MT_ERR_CONFIG, "accepted: %s", text);
	cr_assert_null(cfg);
	cr_assert_gt(e.n, 0);
	return e;
}

/*
 * A file with many mistakes reports every one, in full: the whole list is
 * far longer than the 1 KiB an mt_error message holds.
 */
Test(config, many_errors_all_reported_in_full)
{
	char *path = xstrdup("fixtures/gate/config/many-errors.yml");
	struct config *cfg = NULL;
	struct yamlfile_errors e = { 0 };
	struct mt_error err = { 0 };
	char *all;
	static const char *const want[] = {
		":4:1: error: unknown key 'fail_on'",
		":5:8: error: bad input 'html'",
		":7:26: error: bad value 'loud'",
		":8:13: error: rule 'spelling' takes",
		":10:3: error: a rule name must be a string",
		":11:15: error: bad value 'maybe'",
		":13:21: error: 'references/*/*.txt' has more wildcards",
		":14:14: error: the reference for 'a/*.txt'",
		":15:21: error: 'accept' takes a list of strings",
		":15:29: error: empty entry in 'accept'",
		":16:15: error: bad max-warnings '-4'",
		":17:10: error: bad fail-on 'sometimes'",
		":18:21: error: 'ignore' takes a list of strings",
		":19:1: error: 'language' is set twice (first on line 3)",
		":20:18: error: 'dictionary-path' takes a single value",
		":21:1: error: unknown key 'colour'",
		":22:1: error: unknown key 'unknown-key-with-a-rather-long",
	};

	cr_assert_eq(config_load(path, 0, &cfg, &e, &err), MT_ERR_CONFIG);
	cr_assert_eq(e.n, ARRAY_SIZE(want));
	all = yamlfile_errors_format(&e);
	cr_assert_gt(strlen(all), sizeof(err.msg));
	for (size_t i = 0; i < ARRAY_SIZE(want); i++)
		cr_assert(strstr(all, want[i]), "lacks %s in\n%s", want[i],
			  all);
	/* each with its line and a caret under the column */
	cr_assert(strstr(all, "bad max-warnings '-4': expected a number >= 0\n"
			      "    max-warnings: -4\n"
			      "                  ^\n"),
		  "%s", all);
	/* the short message: the first error and how many more */
	cr_assert(strstr(err.msg, "many-errors.yml:4:1: unknown key 'fail_on'"),
		  "%s", err.msg);
	cr_assert(strstr(err.msg, "(and 16 more)"), "%s", err.msg);
	free(all);
	yamlfile_errors_release(&e);
	cr_assert_eq(e.n, 0);
	free(path);
}

/* libyaml counts columns in characters: the caret must land under the
 * value even after non-ASCII text, and tabs stay tabs. */
Test(config, caret_under_the_column_after_non_ascii)
{
	const char *text = "rules:\n  \"caf\xc3\xa9.r\xc3\xa8gle\": loud\n";
	struct yamlfile_errors e = parse_errors(text, strlen(text));
	char *s = yamlfile_errors_format(&e);

	cr_assert_eq(e.n, 1);
	cr_assert_eq(e.v[0].line, 2);
	cr_assert_eq(e.v[0].column, 17);
	cr_assert_str_eq(s, "c.yml:2:17: error: bad value 'loud': expected "
			    "on, off, error, warning or info\n"
			    "      \"caf\xc3\xa9.r\xc3\xa8gle\": loud\n"
			    "                    ^\n");
	free(s);
	yamlfile_errors_release(&e);
}

/* Bytes libyaml's reader rejects are reported where they are, and never
 * copied into the message. */
Test(config, bad_bytes_reported_at_their_position)
{
	const char bad[] = "language: en_US\nfail-on: err\xffor\n";
	const char nul[] = "language: en_US\nignore: [a\0b]\n";
	const char bom[] = "\xef\xbb\xbfinput: html\n";
	struct yamlfile_errors e = parse_errors(bad, sizeof(bad) - 1);
	char *s = yamlfile_errors_format(&e);

	cr_assert_eq(e.n, 1);
	cr_assert_eq(e.v[0].line, 2);
	cr_assert_eq(e.v[0].column, 13);
	cr_assert(strstr(s, "c.yml:2:13: error: invalid leading UTF-8"), "%s",
		  s);
	cr_assert(strstr(s, "\n    fail-on: err\n                ^\n"), "%s", s);
	cr_assert_null(strchr(s, '\xff'));
	free(s);
	yamlfile_errors_release(&e);

	e = parse_errors(nul, sizeof(nul) - 1);
	cr_assert_eq(e.v[0].line, 2);
	cr_assert_eq(e.v[0].column, 11);
	cr_assert(strstr(e.v[0].message, "binary"));
	yamlfile_errors_release(&e);

	/* the BOM is not part of line 1's columns */
	e = parse_errors(bom, sizeof(bom) - 1);
	cr_assert_eq(e.v[0].column, 8);
	cr_assert_str_eq(e.v[0].source, "input: html");
	cr_assert_eq(e.v[0].caret, 7);
	yamlfile_errors_release(&e);
}

/* A very long line is quoted around the column only. */
Test(config, long_line_quoted_around_the_column)
{
	struct buf b = BUF_INIT;
	struct yamlfile_errors e;

	buf_adds(&b, "ignore: [");
	for (int i = 0; i < 100; i++)
		buf_addf(&b, "\"d%03d/\", ", i);
	buf_adds(&b, "[oops]]\n");
	e = parse_errors(b.buf, b.len);
	cr_assert_eq(e.n, 1);
	cr_assert_eq(e.v[0].column, 910);
	cr_assert_lt(strlen(e.v[0].source), 200);
	cr_assert(!strncmp(e.v[0].source, "...", 3), "%s", e.v[0].source);
	cr_assert(!strncmp(e.v[0].source + e.v[0].caret, "[oops]]", 7), "%s",
		  e.v[0].source + e.v[0].caret);
	yamlfile_errors_release(&e);
	buf_release(&b);
}

/* libyaml's scanner is quadratic in the nesting (100,000 brackets took
 * minutes) and a walk over the tree expands every alias: both stop at
 * their bound, at the place that went over it, at once. */
Test(config, deep_nesting_and_alias_bombs_stop_at_their_bound)
{
	struct buf b = BUF_INIT;
	struct yamlfile_errors e;
	time_t t0 = time(NULL);
	char prev = 'a';

	buf_adds(&b, "ignore: ");
	for (int i = 0; i < 100000; i++)
		buf_addc(&b, '[');
	for (int i = 0; i < 100000; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '\n');
	e = parse_errors(b.buf, b.len);
	cr_assert_eq(e.n, 1);
	cr_assert_eq(e.v[0].line, 1);
	cr_assert_eq(e.v[0].column, 9 + MT_LIMIT_YAML_DEPTH - 1);
	cr_assert(strstr(e.v[0].message, "nested deeper than 64"), "%s",
		  e.v[0].message);
	yamlfile_errors_release(&e);

	buf_reset(&b);
	buf_adds(&b, "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
	for (const char *n = "bcdefghij"; *n; n++) {
		buf_addf(&b, "%c: &%c [", *n, *n);
		for (int i = 0; i < 10; i++)
			buf_addf(&b, "%s*%c", i ? ", " : "", prev);
		buf_adds(&b, "]\n");
		prev = *n;
	}
	buf_adds(&b, "ignore: *j\n");
	e = parse_errors(b.buf, b.len);
	cr_assert(strstr(e.v[0].message, "nodes (aliases"), "%s",
		  e.v[0].message);
	yamlfile_errors_release(&e);
	cr_assert_lt(time(NULL) - t0, 5);
	buf_release(&b);
}

/* Nodes i of a and j of b are alike: type, tag, style, marks, value and
 * children (node ids compared as they are: the same order of nodes). */
static void expect_same_node(yaml_document_t *a, yaml_document_t *b, int i,
			     const char *what)
{
	yaml_node_t *x = yaml_document_get_node(a, i);
	yaml_node_t *y = yaml_document_get_node(b, i);

	cr_assert(x && y, "%s: node %d", what, i);
	cr_expect_eq(x->type, y->type, "%s: node %d type", what, i);
	cr_expect_str_eq((char *)x->tag, (char *)y->tag, "%s: node %d tag",
			 what, i);
	cr_expect_eq(x->start_mark.index, y->start_mark.index,
		     "%s: node %d start", what, i);
	cr_expect_eq(x->end_mark.index, y->end_mark.index, "%s: node %d end",
		     what, i);
	if (x->type == YAML_SCALAR_NODE) {
		cr_expect_eq(x->data.scalar.length, y->data.scalar.length);
		cr_expect_eq(x->data.scalar.style, y->data.scalar.style);
		cr_expect(!memcmp(x->data.scalar.value, y->data.scalar.value,
				  x->data.scalar.length),
			  "%s: node %d value '%s' / '%s'", what, i,
			  x->data.scalar.value, y->data.scalar.value);
	} else if (x->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *p = x->data.sequence.items.start;
		yaml_node_item_t *q = y->data.sequence.items.start;

		cr_assert_eq(x->data.sequence.items.top - p,
			     y->data.sequence.items.top - q, "%s: node %d",
			     what, i);
		for (; p < x->data.sequence.items.top; p++, q++)
			cr_expect_eq(*p, *q, "%s: node %d item", what, i);
	} else if (x->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p = x->data.mapping.pairs.start;
		yaml_node_pair_t *q = y->data.mapping.pairs.start;

		cr_assert_eq(x->data.mapping.pairs.top - p,
			     y->data.mapping.pairs.top - q, "%s: node %d", what,
			     i);
		for (; p < x->data.mapping.pairs.top; p++, q++)
			cr_expect(p->key == q->key && p->value == q->value,
				  "%s: node %d pair", what, i);
	}
}

/* yamlfile_load() builds the tree libyaml's yaml_parser_load() builds. */
static void expect_same_as_libyaml(const char *what, const char *text,
				   size_t len)
{
	struct yamlfile y;
	yaml_parser_t p;
	yaml_document_t doc;
	int ours, theirs, n;

	ours = yamlfile_load(&y, what, text, len);
	cr_assert(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	theirs = yaml_parser_load(&p, &doc) ? 0 : -1;
	yaml_parser_delete(&p);
	cr_assert_eq(ours, theirs, "%s: loaded %d, libyaml %d", what, ours,
		     theirs);
	if (ours == 0) {
		n = (int)(doc.nodes.top - doc.nodes.start);
		cr_assert_eq(y.doc.nodes.top - y.doc.nodes.start, n,
			     "%s: node count", what);
		for (int i = 1; i <= n; i++)
			expect_same_node(&y.doc, &doc, i, what);
		yaml_document_delete(&doc);
	}
	yamlfile_release(&y);
}

/* One pass composes the tree (yamlfile.h): node for node what libyaml's
 * loader gives, on the shipped rule files and on the odd corners. */
Test(config, composed_tree_is_libyamls)
{
	static const char *const odd[] = {
		"",
		"# only a comment\n",
		"a: 1\n",
		"- x\n- [y, {z: 1}]\n- !!str 3\n- ! 4\n",
		"base: &b {k: v, l: [1, 2]}\nuse: *b\nagain: *b\n",
		"s: &s scalar\nt: *s\n",
		"first\n---\nsecond\n",
		"--- |\n  block\n  text\n...\n",
		"? complex key\n: value\n",
		"a: *nowhere\n",
		"a: &x 1\nb: &x 2\n",
		"a: [1, 2\n",
		"%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !e!foo bar\n",
	};
	glob_t g;

	for (size_t i = 0; i < sizeof(odd) / sizeof(*odd); i++)
		expect_same_as_libyaml(odd[i], odd[i], strlen(odd[i]));
	cr_assert_eq(glob("rules/en/*.yml", 0, NULL, &g), 0);
	cr_assert_gt(g.gl_pathc, 5);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		size_t len;
		char *text = read_file(g.gl_pathv[i], &len);

		expect_same_as_libyaml(g.gl_pathv[i], text, len);
		free(text);
	}
	globfree(&g);
}

/* Found by fuzz_config: a long run of UTF-8 continuation bytes made the
 * quoting window end before it started. */
Test(config, long_run_of_stray_bytes)
{
	char text[400];
	struct yamlfile_errors e;

	memcpy(text, "a: ", 3);
	memset(text + 3, 0x8e, sizeof(text) - 4);
	text[sizeof(text) - 1] = '\n';
	e = parse_errors(text, sizeof(text));
	cr_assert_eq(e.n, 1);
	cr_assert_eq(e.v[0].line, 1);
	cr_assert_eq(e.v[0].column, 4);
	cr_assert(strstr(e.v[0].message, "UTF-8"), "%s", e.v[0].message);
	cr_assert_str_eq(e.v[0].source, "a: ...");
	yamlfile_errors_release(&e);
}

/* Globs with many stars against long names must not take exponential
 * time (each failed glob/name position is tried once).  alarm() rather
 * than Criterion's .timeout, whose bookkeeping LeakSanitizer flags. */
Test(config, many_star_globs_stay_fast)
{
	char name[300];
	const char *text = "ignore: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b']\n"
			   "references:\n"
			   "  '**a**a**a**a**a**a**a**a**a**a**a**b': 'r/*'\n";
	struct config *cfg;
	char *ref;

	alarm(10); /* SIGALRM fails the test: it would run for years */
	cfg = parse_ok(text);
	/* proj/aaa...a/aaa...a: inside the configuration's directory */
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	memcpy(name, "proj/", 5);
	name[150] = '/';
	cr_assert_not(config_ignored(cfg, name, 0));
	ref = config_reference(cfg, name);
	cr_assert_null(ref);
	cr_assert_not(wildmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
					name + 151, NULL, 0, NULL));
	cr_assert(wildmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*",
				    name + 151, NULL, 0, NULL));
	config_free(cfg);
}

Test(config, load_reports_missing_and_binary_files)
{
	struct config *cfg = NULL;
	struct mt_error err = { 0 };
	char *bin = write_temp("a: \0b", 5, ".yml");

	cr_assert_eq(config_load("/nonexistent/.mtlint.yml", 0, &cfg, NULL, &err),
		     MT_ERR_IO);
	cr_assert(strstr(err.msg, "/nonexistent/.mtlint.yml"));
	cr_assert_eq(config_load(bin, 0, &cfg, NULL, &err), MT_ERR_CONFIG);
	cr_assert(strstr(err.msg, "binary"));
	unlink(bin);
	free(bin);
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
	cr_assert_eq(config_cache_new(NULL, 0, 0, &cc, NULL, &err), MT_ERR_OK);
	snprintf(p, sizeof(p), "%s/sub/a.txt", dir);
	cr_assert_eq(config_cache_lookup(cc, p, &a, NULL, &err), MT_ERR_OK);
	cr_assert_str_eq(a->lang, "en_GB");
	snprintf(p, sizeof(p), "%s/sub/deeper/b.txt", dir);
	cr_assert_eq(config_cache_lookup(cc, p, &b, NULL, &err), MT_ERR_OK);
	cr_assert_str_eq(b->lang, "en_US");
	snprintf(p, sizeof(p), "%s/c.txt", dir);
	cr_assert_eq(config_cache_lookup(cc, p, &c, NULL, &err), MT_ERR_OK);
	cr_assert_eq(a, c, "one load per file");
	config_cache_free(cc);
	cr_assert_eq(config_cache_new(NULL, 1, 0, &cc, NULL, &err), MT_ERR_OK);
	cr_assert_eq(config_cache_lookup(cc, p, &c, NULL, &err), MT_ERR_OK);
	cr_assert_null(c, "--no-config");
	config_cache_free(cc);
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	cr_assert_eq(system(p), 0);
}

/*
 * A pull request that edits .mtlint.yml must not make CI read files
 * outside the project and quote them: every path the file names stays in
 * its project root (its git work tree, else its folder) unless the run
 * allows more.
 */
Test(config, paths_stay_inside_the_project_root)
{
	char *d = tmpdir(), *proj = path_in(d, "proj");
	struct buf cmd = BUF_INIT, yml = BUF_INIT;
	static const char *const outside[] = {
		"accept: [/etc/passwd]\n", "reject: ../secret.txt\n",
		"dictionary-path: /usr/share/hunspell\n",
		"accept: [link/words.txt]\n", "accept: [link/../x.txt]\n",
		"references:\n  '*.txt': '../refs/*.txt'\n",
		"references:\n  '*.txt': '/tmp/*.txt'\n",
	};

	buf_addf(&cmd, "mkdir -p '%s/proj/sub' '%s/refs' && ln -s '%s/refs' "
		       "'%s/proj/link'",
		 d, d, d, d);
	cr_assert_eq(system(cmd.buf), 0);
	buf_addf(&yml, "%s/.mtlint.yml", proj);
	for (size_t i = 0; i < ARRAY_SIZE(outside); i++) {
		struct config *cfg = NULL;
		struct config_cache *cc = NULL;
		struct yamlfile_errors e = { 0 };
		struct mt_error err = { 0 };

		cr_expect_eq(config_parse(yml.buf, outside[i],
					  strlen(outside[i]), &cfg, &e, &err),
			     MT_ERR_CONFIG, "accepted: %s", outside[i]);
		cr_expect(e.n == 1 && strstr(e.v[0].message,
					     "lies outside the project root") &&
				  strstr(e.v[0].message, "--allow-outside-root"),
			  "%s: %s", outside[i], err.msg);
		cr_expect_eq(e.n ? e.v[0].line : 0,
			     strncmp(outside[i], "references", 10) ? 1 : 2);
		yamlfile_errors_release(&e);
		config_free(cfg);
		/* allowed: the same file loads */
		put(proj, ".mtlint.yml", outside[i]);
		cr_expect_eq(config_cache_new(yml.buf, 0,
					      CONFIG_ALLOW_OUTSIDE_ROOT, &cc,
					      NULL, &err),
			     MT_ERR_OK, "%s: %s", outside[i], err.msg);
		config_cache_free(cc);
	}
	/* a git work tree is the root: ../ within it is fine */
	{
		static const char text[] = "accept: [../shared.txt]\n";
		struct config *cfg = NULL;
		struct mt_error err = { 0 };
		struct buf sub = BUF_INIT;

		buf_addf(&sub, "%s/sub/.mtlint.yml", proj);
		cr_expect_eq(config_parse(sub.buf, text, strlen(text), &cfg,
					  NULL, &err),
			     MT_ERR_CONFIG, "no work tree yet: outside");
		buf_reset(&cmd);
		buf_addf(&cmd, "mkdir '%s/.git'", proj);
		cr_assert_eq(system(cmd.buf), 0);
		cr_expect_eq(config_parse(sub.buf, text, strlen(text), &cfg,
					  NULL, &err),
			     MT_ERR_OK, "%s", err.msg);
		cr_expect(cfg && config_inside_root(cfg, cfg->accept[0]));
		cr_expect(cfg && !config_inside_root(cfg, "/etc/passwd"));
		config_free(cfg);
		buf_release(&sub);
	}
	buf_release(&cmd);
	buf_release(&yml);
	free(proj);
	rmdir_all(d);
}

Test(config, packs_and_names)
{
	struct config *cfg = parse_ok("packs: [house, team/desk]\n"
				      "names: [Kwarteleigh, \"Ursula von "
				      "Tamsworthy\"]\n");

	cr_assert_eq(cfg->n_packs, 2);
	cr_expect_str_eq(cfg->packs[0], "proj/house");
	cr_expect_str_eq(cfg->packs[1], "proj/team/desk");
	cr_assert_eq(cfg->n_names, 4);
	cr_expect_str_eq(cfg->names[0], "Kwarteleigh");
	cr_expect_str_eq(cfg->names[1], "Ursula");
	cr_expect_str_eq(cfg->names[3], "Tamsworthy");
	config_free(cfg);
	parse_fails("names: {a: b}\n", "'names' takes a list of strings");
	parse_fails("extends: [a, b]\n", "extends");
	/* a pack is rule files, whose errors quote their lines: it stays
	 * in the project root like every path of the file */
	parse_fails("packs: [/abs/desk]\n", "outside the project root");
}

/* Write text to dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
	struct buf b = BUF_INIT;
	FILE *f;

	buf_addf(&b, "%s/%s", dir, name);
	f = fopen(b.buf, "w");
	cr_assert(f, "%s", b.buf);
	fputs(text, f);
	fclose(f);
	buf_release(&b);
}

/* extends: a newsroom-wide base, a desk's file over it. */
Test(config, extends_merges_a_base)
{
	char tmpl[] = "/tmp/mtlint-extends-XXXXXX";
	char *root = mkdtemp(tmpl);
	struct buf b = BUF_INIT;
	struct mt_error err = { 0 };
	struct yamlfile_errors errs = { 0 };
	struct config *cfg = NULL;

	cr_assert(root);
	/* a git work tree: the project root, where the base may lie */
	buf_addf(&b, "%s/.git", root);
	cr_assert_eq(mkdir(b.buf, 0700), 0);
	buf_reset(&b);
	buf_addf(&b, "%s/desk", root);
	cr_assert_eq(mkdir(b.buf, 0700), 0);
	put_file(root, "base.yml",
		 "language: en_GB\nfail-on: error\nmax-warnings: 5\n"
		 "accept: [words.txt]\nnames: [Kwarteleigh]\n"
		 "packs: [house]\nrules:\n  grammar.parse: off\n"
		 "  spelling: warning\n");
	put_file(b.buf, ".mtlint.yml",
		 "extends: ../base.yml\nfail-on: warning\n"
		 "accept: [desk-words.txt]\nnames: [Tamsworthy]\n"
		 "rules:\n  grammar.parse: on\n");
	buf_addf(&b, "/.mtlint.yml");
	cr_assert_eq(config_load(b.buf, 0, &cfg, &errs, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect_str_eq(cfg->lang, "en_GB");		/* from the base */
	cr_expect_eq(cfg->fail_on, MT_SEV_WARNING); /* the desk's */
	cr_expect_eq(cfg->max_warnings, 5);
	cr_assert_eq(cfg->n_accept, 2);
	/* relative to the base's folder: desk/../words.txt */
	cr_expect(strstr(cfg->accept[0], "desk/../words.txt"), "%s",
		  cfg->accept[0]);
	cr_expect(strstr(cfg->accept[1], "desk/desk-words.txt"), "%s",
		  cfg->accept[1]);
	cr_assert_eq(cfg->n_names, 2);
	cr_expect_str_eq(cfg->names[0], "Kwarteleigh");
	cr_assert_eq(cfg->n_packs, 1);
	/* the desk's grammar.parse row replaces the base's */
	cr_assert_eq(cfg->n_rules, 2);
	cr_expect_str_eq(cfg->rules[0].name, "spelling");
	cr_expect_str_eq(cfg->rules[1].name, "grammar.parse");
	cr_expect_eq(cfg->rules[1].enable, 1);
	config_free(cfg);

	/* a cycle, and a base that does not exist: errors naming the file */
	put_file(root, "a.yml", "extends: b.yml\n");
	put_file(root, "b.yml", "extends: a.yml\n");
	buf_reset(&b);
	buf_addf(&b, "%s/a.yml", root);
	cr_expect_eq(config_load(b.buf, 0, &cfg, &errs, &err), MT_ERR_CONFIG);
	cr_expect(strstr(err.msg, "a cycle"), "%s", err.msg);
	cr_expect_null(cfg);
	put_file(root, "c.yml", "extends: missing.yml\n");
	buf_reset(&b);
	buf_addf(&b, "%s/c.yml", root);
	cr_expect_eq(config_load(b.buf, 0, &cfg, &errs, &err), MT_ERR_CONFIG);
	cr_expect(strstr(err.msg, "c.yml: extends: cannot open"), "%s",
		  err.msg);
	/* a base outside the project root is refused where it is named */
	put_file(root, "d.yml", "extends: ../../etc/mtlint.yml\n");
	buf_reset(&b);
	buf_addf(&b, "%s/d.yml", root);
	cr_expect_eq(config_load(b.buf, 0, &cfg, &errs, &err), MT_ERR_CONFIG);
	cr_expect(strstr(err.msg, "d.yml:1:10: '../../etc/mtlint.yml' lies "
				  "outside the project root"),
		  "%s", err.msg);
	yamlfile_errors_release(&errs);
	buf_reset(&b);
	buf_addf(&b, "rm -rf '%s'", root);
	cr_expect_eq(system(b.buf), 0);
	buf_release(&b);
}
