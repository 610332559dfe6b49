/*
 * packs: house-style rule folders added to the built-in rules
 * (engine/packs.h), through checker_options.packs.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/engine.h"
#include "engine/packs.h"
#include "engine/ruleset.h"
#include "helpers.h"
#include "run/checker.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* A pack rule, written fresh: "harbor" is spelt "harbour" here. */
static const char house_rule[] =
	"rules:\n"
	"  - id: %s\n"
	"    category: style/house\n"
	"    severity: warning\n"
	"    message: \"house style: 'harbour'\"\n"
	"    description: \"the house spelling of harbour\"\n"
	"    pattern: [{word: harbor, report: true}]\n"
	"    suggest: \"harbour\"\n"
	"    examples:\n"
	"      bad:\n"
	"        - \"The [harbor] froze. -> harbour\"\n"
	"        - \"Ships left the [harbor] early. -> harbour\"\n"
	"        - \"A [harbor] wall fell. -> harbour\"\n"
	"      good:\n"
	"        - \"The harbour froze.\"\n"
	"        - \"Ships left the port early.\"\n"
	"        - \"They harbour doubts.\"\n";

/* A temporary folder holding `pack`/house.yml with a rule of `id` (no
 * file when id is NULL); returns the folder's path (free it). */
static char *make_pack(const char *pack, const char *id, char **root)
{
	char tmpl[] = "/tmp/mtlint-packs-XXXXXX";
	struct buf b = BUF_INIT;
	char *dir, *path;
	FILE *f;

	cr_assert(mkdtemp(tmpl));
	*root = xstrdup(tmpl);
	buf_addf(&b, "%s/%s", tmpl, pack);
	dir = buf_detach(&b, NULL);
	cr_assert_eq(mkdir(dir, 0700), 0);
	if (id) {
		buf_addf(&b, "%s/house.yml", dir);
		path = buf_detach(&b, NULL);
		f = fopen(path, "w");
		cr_assert(f);
		fprintf(f, house_rule, id);
		fclose(f);
		free(path);
	}
	return dir;
}

static void remove_tree(char *root)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "rm -rf '%s'", root);
	cr_expect_eq(system(b.buf), 0);
	buf_release(&b);
	free(root);
}

static enum mt_err open_with(const char *const *packs, size_t n,
			     int no_builtin, struct checker **c,
			     struct mt_error *err)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;

	o.packs = packs;
	o.n_packs = n;
	o.no_builtin_rules = no_builtin;
	return checker_new(&o, c, err);
}

static void count_rule(const struct rule_info *r, void *arg)
{
	(void)r;
	(*(size_t *)arg)++;
}

Test(packs, one_rule_fires_alongside_every_builtin_rule)
{
	char *root, *dir = make_pack("desk", "desk.harbour", &root);
	const char *packs[] = { dir };
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc;
	struct diag_list l;
	size_t n_builtin = 0, n_with = 0;

	checker_each_rule(test_checker(), count_rule, &n_builtin);
	cr_assert_eq(open_with(packs, 1, 0, &c, &err), MT_ERR_OK, "%s",
		     err.msg);
	checker_each_rule(c, count_rule, &n_with);
	cr_expect_eq(n_with, n_builtin + 1, "%zu rules, %zu built in",
		     n_with, n_builtin);
	doc = load_str("The the harbor froze, and no ship did not leave.");
	diag_list_init(&l, &doc->arena);
	cr_assert_eq(checker_check(c, doc, NULL, &l, &err), MT_ERR_OK, "%s",
		     err.msg);
	assert_diags_sane(doc, &l);
	cr_expect_geq(find_diag(&l, "desk.harbour"), 0);
	cr_expect_geq(find_diag(&l, "grammar.repeated-word"), 0);
	cr_expect_geq(find_diag(&l, "negation.no-not"), 0);
	diag_list_release(&l);
	document_free(doc);
	checker_free(c);

	/* --no-builtin-rules: the pack's rule, none of the rule files' */
	cr_assert_eq(open_with(packs, 1, 1, &c, &err), MT_ERR_OK, "%s",
		     err.msg);
	doc = load_str("The the harbor froze.");
	diag_list_init(&l, &doc->arena);
	cr_assert_eq(checker_check(c, doc, NULL, &l, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect_geq(find_diag(&l, "desk.harbour"), 0);
	cr_expect_eq(find_diag(&l, "grammar.repeated-word"), -1);
	diag_list_release(&l);
	document_free(doc);
	checker_free(c);
	free(dir);
	remove_tree(root);
}

/* Each way a pack can be wrong: MT_ERR_RULES naming the folder. */
Test(packs, a_wrong_pack_is_an_error_naming_it)
{
	struct {
		const char *pack, *id, *want;
	} cases[] = {
		{ "empty", NULL, "yields no rule" },
		{ "desk", "house.harbour", "must start with 'desk.'" },
		{ "grammar", "grammar.harbour", "is taken by" },
		{ "spelling", "spelling.harbour", "is taken by" },
	};
	struct mt_error err = { 0 };
	struct checker *c = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *root, *dir = make_pack(cases[i].pack, cases[i].id, &root);
		const char *packs[] = { dir };

		cr_expect_eq(open_with(packs, 1, 0, &c, &err), MT_ERR_RULES,
			     "%s", cases[i].pack);
		cr_expect_null(c);
		cr_expect(strstr(err.msg, cases[i].want), "%s", err.msg);
		cr_expect(strstr(err.msg, dir), "%s does not name %s",
			  err.msg, dir);
		free(dir);
		remove_tree(root);
	}
}

Test(packs, the_folder_above_a_pack_or_none_is_an_error)
{
	char *root, *dir = make_pack("desk", "desk.harbour", &root);
	const char *above[] = { root }, *none[] = { "/nonexistent/desk" };
	const char *twice[] = { dir, dir };
	struct mt_error err = { 0 };
	struct checker *c = NULL;

	/* one level too high: no *.yml directly inside */
	cr_expect_eq(open_with(above, 1, 0, &c, &err), MT_ERR_RULES);
	cr_expect(strstr(err.msg, "yields no rule"), "%s", err.msg);
	cr_expect(strstr(err.msg, root), "%s", err.msg);
	cr_expect_eq(open_with(none, 1, 0, &c, &err), MT_ERR_RULES);
	cr_expect(strstr(err.msg, "/nonexistent/desk"), "%s", err.msg);
	/* the same name twice */
	cr_expect_eq(open_with(twice, 2, 0, &c, &err), MT_ERR_RULES);
	cr_expect(strstr(err.msg, "an earlier pack"), "%s", err.msg);
	free(dir);
	remove_tree(root);
}

Test(packs, the_example_pack_loads)
{
	const char *dir = getenv("MTLINT_DATA_DIR");
	char path[4096];
	const char *packs[] = { path };
	struct mt_error err = { 0 };
	struct checker *c;

	snprintf(path, sizeof(path), "%s/rules/examples/newsroom",
		 dir ? dir : ".");
	cr_assert_eq(open_with(packs, 1, 0, &c, &err), MT_ERR_OK, "%s",
		     err.msg);
	checker_free(c);
}

/* PACKS_RESERVED names every prefix of a rule that is not in a rule
 * file, so no pack can take a pass's name. */
static void collect_prefix(const struct rule_info *r, void *arg)
{
	struct buf *b = arg;
	const char *dot = strchr(r->id, '.');

	buf_addf(b, "%.*s\n", (int)(dot ? dot - r->id : 0), r->id);
}

Test(packs, reserved_names_cover_the_passes)
{
	static const char *const reserved[] = { PACKS_RESERVED };
	struct buf b = BUF_INIT;
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct engine *e;
	struct mt_error err = { 0 };
	const struct ruleset *rs;
	char *line, *save = NULL;

	checker_each_rule(test_checker(), collect_prefix, &b);
	cr_assert_eq(engine_open_opts(&o, NULL, 0, &e, &err), MT_ERR_OK,
		     "%s", err.msg);
	rs = engine_ruleset(e);
	for (line = strtok_r(b.buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		int found = 0;

		for (size_t i = 0; i < ARRAY_SIZE(reserved); i++)
			found |= strcmp(line, reserved[i]) == 0;
		for (size_t k = 0; k < rs->n_rules; k++)
			found |= strncmp(rs->rules[k].info.id, line,
					 strlen(line)) == 0 &&
				 rs->rules[k].info.id[strlen(line)] == '.';
		cr_expect(found, "rule prefix '%s' is neither in a rule file "
				 "nor in PACKS_RESERVED", line);
	}
	engine_close(e);
	buf_release(&b);
}

/* The command line: --rules-dir adds, a folder too high is exit 2. */
Test(packs, rules_dir_adds_a_pack_on_the_command_line)
{
	static const char text[] = "The the desk sent an e-mail.\n";
	struct run_result r;

	run_mtlint("--no-config --rules-dir rules/examples/newsroom -", text,
		   sizeof(text) - 1, &r);
	cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.out, "[newsroom.email]"), "%s", r.out);
	cr_expect(strstr(r.out, "[grammar.repeated-word]"), "%s", r.out);
	run_result_release(&r);

	run_mtlint("--no-config --rules-dir rules/examples -", text,
		   sizeof(text) - 1, &r);
	cr_expect_eq(r.status, 2, "status %d", r.status);
	cr_expect(strstr(r.err, "rule pack 'rules/examples' yields no rule"),
		  "%s", r.err);
	cr_expect_eq(r.out_len, 0, "%s", r.out);
	run_result_release(&r);

	run_mtlint("rules --test --rules-dir rules/examples/newsroom", NULL, 0,
		   &r);
	cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
	cr_expect(strstr(r.out, "0 failures"), "%s", r.out);
	run_result_release(&r);
}
