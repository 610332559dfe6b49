/*
 * config: .mtlint.yml parsing and errors, globs, reference mapping, ignore globs, the upward search.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "helpers.h"

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
