/*
 * ruleset: every shipped rule file loads; broken files report every error
 * with file:line:col (fixtures/rulefile-errors/<case>.yml, each ending with
 * "# expect: LINE:COL: MESSAGE" lines: every expected error must be
 * reported, and nothing else).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "util/paths.h"
#include "engine/ruleset.h"

static char *rules_dir(void)
{
	static char dir[4096];

	snprintf(dir, sizeof(dir), "%s/rules/en", mt_data_dir());
	return dir;
}

Test(ruleset, shipped_rules_load)
{
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(ruleset_load(rules_dir(), NULL, 0, &rs, &err), MT_ERR_OK,
		     "%s", err.msg);
	cr_assert_gt(rs->n_rules, 20);
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct rule *r = &rs->rules[i];

		cr_expect(strchr(r->info.id, '.'), "id %s", r->info.id);
		cr_expect(r->info.category && *r->info.category);
		cr_expect(r->n_bad >= 3 && r->n_good >= 3,
			  "%s: %zu bad, %zu good examples", r->info.id,
			  r->n_bad, r->n_good);
		for (size_t k = 0; k < i; k++)
			cr_expect_str_neq(rs->rules[k].info.id, r->info.id);
	}
	ruleset_free(rs);
}

/*
 * Rule files and .mtlint.yml share one error printer (util/yamlfile.c):
 * columns count characters, the caret lands under the column after
 * non-ASCII text, and every error of the file is reported.
 */
Test(ruleset, errors_located_like_config_errors)
{
	static const char yml[] = "rules:\n"
				  "  - {id: \"caf\xc3\xa9\", category: x}\n"
				  "  - {id: t.x, sévérité: loud}\n";
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(ruleset_load_mem("r.yml", yml, sizeof(yml) - 1, &rs,
				      &err),
		     MT_ERR_RULES);
	cr_assert(strstr(ruleset_errors(rs),
			 "r.yml:2:10: error: rule id 'caf\xc3\xa9' must be "
			 "dotted lower case"),
		  "%s", ruleset_errors(rs));
	cr_assert(strstr(ruleset_errors(rs),
			 "r.yml:3:15: error: unknown key 's\xc3\xa9v\xc3\xa9rit"
			 "\xc3\xa9' in rule\n"
			 "      - {id: t.x, s\xc3\xa9v\xc3\xa9rit\xc3\xa9: loud}\n"
			 "                  ^\n"),
		  "%s", ruleset_errors(rs));
	ruleset_free(rs);
}

Test(ruleset, example_marks_give_span_and_fix)
{
	static const char yml[] =
		"rules:\n"
		"  - id: test.x\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"x\"\n"
		"    pattern: [{word: teh, mark: 1}]\n"
		"    suggest: \"the\"\n"
		"    examples:\n"
		"      bad: [\"It is [teh] end. -> the\"]\n"
		"      good: [\"It is the end.\"]\n";
	char *path = write_temp(yml, sizeof(yml) - 1, ".yml");
	const char *files[] = { path };
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(ruleset_load(NULL, files, 1, &rs, &err), MT_ERR_OK,
		     "%s", err.msg);
	cr_assert_eq(rs->n_rules, 1);
	cr_assert_str_eq(rs->rules[0].bad[0].ex.text, "It is teh end.");
	cr_assert_eq(rs->rules[0].bad[0].ex.span.start, 6);
	cr_assert_eq(rs->rules[0].bad[0].ex.span.end, 9);
	cr_assert_str_eq(rs->rules[0].bad[0].ex.suggestion, "the");
	cr_assert_eq(rs->rules[0].bad[0].line, 9);
	ruleset_free(rs);
	remove(path);
	free(path);
}

Test(ruleset, missing_directory_fails)
{
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(ruleset_load("/nonexistent/rules", NULL, 0, &rs, &err),
		     MT_ERR_RULES);
	cr_assert_null(rs);
	cr_assert(strstr(err.msg, "/nonexistent/rules"), "%s", err.msg);
}

/* Check one fixture: every "# expect:" line reported, and no other. */
static void check_error_fixture(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	size_t expected = 0;
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };
	const char *files[] = { path };
	const char *all;

	cr_assert(f, "cannot open %s", path);
	cr_assert_eq(ruleset_load(NULL, files, 1, &rs, &err), MT_ERR_RULES,
		     "%s loaded without error", path);
	all = ruleset_errors(rs);
	while (fgets(line, sizeof(line), f)) {
		char want[10000];
		const char *e = strstr(line, "# expect: ");
		char *colon;

		if (!e)
			continue;
		e += strlen("# expect: ");
		line[strcspn(line, "\n")] = '\0';
		/* "LINE:COL: MESSAGE" -> "path:LINE:COL: error: MESSAGE" */
		colon = strchr(strchr(e, ':') + 1, ':');
		snprintf(want, sizeof(want), "%s:%.*s: error: %s", path,
			 (int)(colon - e), e, colon + 2);
		cr_expect(strstr(all, want), "%s: missing\n  %s\ngot:\n%s", path,
			  want, all);
		expected++;
	}
	fclose(f);
	cr_expect_eq(rs->n_errors, expected, "%s: %zu errors, %zu expected:\n%s",
		     path, rs->n_errors, expected, all);
	ruleset_free(rs);
}

Test(ruleset, broken_files_report_every_error)
{
	char dir[4096];
	DIR *d;
	struct dirent *de;
	size_t n = 0;

	snprintf(dir, sizeof(dir), "%s/fixtures/rulefile-errors",
		 mt_data_dir());
	d = opendir(dir);
	cr_assert(d, "no %s", dir);
	while ((de = readdir(d))) {
		char path[8192];
		size_t len = strlen(de->d_name);

		if (len < 5 || strcmp(de->d_name + len - 4, ".yml"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		check_error_fixture(path);
		n++;
	}
	closedir(d);
	cr_assert_geq(n, 4);
}

/* A rule of test file `id` whose pattern is one class (the words a/b). */
#define CLASS_RULE(id, cls)                                       \
	"  - id: t." id "\n"                                      \
	"    category: style\n"                                   \
	"    severity: warning\n"                                 \
	"    message: \"x\"\n"                                    \
	"    pattern: [{class: " cls "}]\n"                       \
	"    examples:\n"                                         \
	"      bad: [\"[alpha]\", \"a [alpha]\", \"[beta] b\"]\n" \
	"      good: [\"gamma\", \"a gamma\", \"b gamma\"]\n"

/*
 * A folder's classes.yml: every rule file of the folder sees its classes,
 * as a whole folder or as files named one by one (classes.yml among them
 * or not), and they add to the file's own.
 */
Test(ruleset, classes_yml_is_shared_by_the_folder)
{
	char *dir = tmpdir(), *a, *cl;
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };

	put(dir, "classes.yml", "classes:\n  greek: [alpha, beta]\n");
	put(dir, "a.yml",
	    "classes:\n  own: [beta]\nrules:\n" CLASS_RULE("a", "greek")
		    CLASS_RULE("b", "[own, greek]"));
	put(dir, "b.yml", "rules:\n" CLASS_RULE("c", "greek"));
	cr_assert_eq(ruleset_load(dir, NULL, 0, &rs, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect_eq(rs->n_rules, 3);
	cr_expect_eq(rs->rules[0].pattern.v[0].test.n_class_words, 2);
	cr_expect_eq(rs->rules[1].pattern.v[0].test.n_class_words, 3);
	ruleset_free(rs);

	a = path_in(dir, "b.yml");
	cl = path_in(dir, "classes.yml");
	{
		const char *one[] = { a }, *both[] = { cl, a };

		cr_assert_eq(ruleset_load(NULL, one, 1, &rs, &err), MT_ERR_OK,
			     "%s", err.msg);
		cr_expect_eq(rs->n_rules, 1);
		ruleset_free(rs);
		cr_assert_eq(ruleset_load(NULL, both, 2, &rs, &err), MT_ERR_OK,
			     "%s", err.msg);
		cr_expect_eq(rs->n_rules, 1);
		ruleset_free(rs);
	}
	free(a);
	free(cl);
	rmdir_all(dir);
}

/*
 * A class defined twice -- in classes.yml and a rule file, or twice in one
 * file -- and an unknown one are errors naming the file and line of both
 * places; classes.yml holds classes only.
 */
Test(ruleset, classes_yml_duplicates_and_unknowns_are_located)
{
	char *dir = tmpdir();
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };
	const char *all;
	char want[8192];

	put(dir, "classes.yml",
	    "classes:\n  greek: [alpha, beta]\n  greek: [gamma]\n"
	    "rules: []\n");
	put(dir, "a.yml",
	    "classes:\n  own: [beta]\n  greek: [delta]\nrules:\n" CLASS_RULE(
		    "a", "greak"));
	cr_assert_eq(ruleset_load(dir, NULL, 0, &rs, &err), MT_ERR_RULES);
	all = ruleset_errors(rs);
	snprintf(want, sizeof(want),
		 "%s/classes.yml:3:3: error: duplicate class 'greek' "
		 "(already defined at %s/classes.yml:2)",
		 dir, dir);
	cr_expect(strstr(all, want), "want %s\ngot:\n%s", want, all);
	snprintf(want, sizeof(want),
		 "%s/classes.yml:4:1: error: unknown key 'rules' in "
		 "classes.yml",
		 dir);
	cr_expect(strstr(all, want), "want %s\ngot:\n%s", want, all);
	snprintf(want, sizeof(want),
		 "%s/a.yml:3:3: error: duplicate class 'greek' (already "
		 "defined at %s/classes.yml:2, which every file of the folder "
		 "sees)",
		 dir, dir);
	cr_expect(strstr(all, want), "want %s\ngot:\n%s", want, all);
	snprintf(want, sizeof(want),
		 "%s/a.yml:9:23: error: unknown class 'greak'", dir);
	cr_expect(strstr(all, want), "want %s\ngot:\n%s", want, all);
	cr_expect_eq(rs->n_errors, 4, "%s", all);
	ruleset_free(rs);
	rmdir_all(dir);
}

/* The shipped classes.yml: each of its classes is used by two rule files
 * at least (a list one file uses belongs in that file). */
Test(ruleset, shipped_shared_classes_are_shared)
{
	char path[4200], line[1024];
	FILE *f;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/classes.yml", rules_dir());
	f = fopen(path, "r");
	cr_assert(f, "no %s", path);
	while (fgets(line, sizeof(line), f)) {
		char name[256], colon[2], cmd[8192], out[64] = "";
		FILE *p;

		/* "  name: [" opens a class; other lines continue one */
		if (strncmp(line, "  ", 2) || line[2] == ' ' ||
		    sscanf(line + 2, "%255[a-z-]%1[:]", name, colon) != 2)
			continue;
		n++;
		/* {class: NAME} or {class: [..., NAME, ...]}, not-class too */
		snprintf(cmd, sizeof(cmd),
			 "grep -l -E 'class: (\\[[^]]*)?%s[],} ]' %s/*.yml "
			 "| grep -v classes.yml | wc -l",
			 name, rules_dir());
		p = popen(cmd, "r");
		cr_assert(p);
		cr_assert(fgets(out, sizeof(out), p));
		pclose(p);
		cr_expect_geq(atoi(out), 2, "class %s used by %d file(s)", name,
			      atoi(out));
	}
	fclose(f);
	cr_expect_geq(n, 1);
}
