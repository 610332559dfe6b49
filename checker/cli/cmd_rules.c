/*
 * cmd_rules: `mtlint rules` lists every rule checker_check() can report;
 * `mtlint rules --test [RULEFILE...]` runs the examples of the rule files
 * (the installed ones, or RULEFILE...) and reports each miss.
 */
#include "cli/commands.h"

#include <stdio.h>

#include "cli/cli.h"
#include "engine/engine.h"
#include "engine/ruleset.h"

static void print_rule(const struct rule_info *r, void *arg)
{
	(void)arg;
	printf("%-34s %-24s %-8s %s\n", r->id, r->category,
	       mt_severity_name(r->severity), r->description);
}

/* Every example of the rule files; exit 1 on any miss. */
static int test_rules(struct cli_opts *o, const struct checker_options *co,
		      struct checker *checker)
{
	struct engine *e = NULL;
	struct mt_error err = { 0 };
	size_t n = 0, fails;

	if (engine_open_opts(co, o->files.v, o->files.n, &e, &err) !=
	    MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		return CLI_EXIT_ERROR;
	}
	fails = engine_test_examples(e, checker, 3, stdout, &n);
	printf("%zu rules, %zu examples, %zu failure%s\n",
	       engine_ruleset(e)->n_rules, n, fails, fails == 1 ? "" : "s");
	engine_close(e);
	return fails ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
}

/* Every error of broken rule files (err->msg holds only the first). */
static int show_rule_errors(struct cli_opts *o,
			    const struct checker_options *co)
{
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };
	char buf[4096];
	const char *dir = engine_rules_dir(co, buf, sizeof(buf));

	if (ruleset_load(dir, o->files.v, o->files.n, &rs, &err) ==
		    MT_ERR_RULES &&
	    rs) {
		fprintf(stderr, "%s", ruleset_errors(rs));
		ruleset_free(rs);
		return 1;
	}
	ruleset_free(rs);
	return 0;
}

int cmd_rules(struct cli_opts *o)
{
	struct checker_options co = cli_checker_options(o);
	struct checker *checker = NULL;
	struct mt_error err = { 0 };
	int rc;

	if (o->files.n && !o->test)
		return cli_bad_usage("%s", "rules takes files only with --test");
	if (o->test && show_rule_errors(o, &co))
		return CLI_EXIT_ERROR;
	if (checker_new(&co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		return CLI_EXIT_ERROR;
	}
	if (o->test) {
		rc = test_rules(o, &co, checker);
	} else {
		checker_each_rule(checker, print_rule, NULL);
		rc = CLI_EXIT_CLEAN;
	}
	checker_free(checker);
	return rc;
}
