/*
 * cmd_rules: `mtlint rules` lists every rule checker_check() can report;
 * `mtlint rules --test [RULEFILE...]` runs the examples of the rule files
 * (the installed ones, or RULEFILE...) and reports each miss;
 * `mtlint rules --docs DIR` writes the rules' pages (report/ruledoc.h).
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "engine/engine.h"
#include "engine/ruleset.h"
#include "report/ruledoc.h"
#include "run/selftest.h"

static void print_rule(const struct rule_info *r, void *arg)
{
	(void)arg;
	printf("%-34s %-24s %-8s %s\n", r->id, r->category,
	       mt_severity_name(r->severity), r->description);
}

/* rules --format json: one object per rule, for editors and scripts;
 * "url" is where the rule is documented (its own, else its page). */
static void add_rule_json(const struct rule_info *r, void *arg)
{
	char url[512];

	json_array_append_new(
		arg, json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", r->id,
			       "category", r->category, "severity",
			       mt_severity_name(r->severity), "description",
			       r->description ? r->description : "", "url",
			       checker_rule_url(r, url, sizeof(url))));
}

static int print_rules_json(struct checker *checker)
{
	json_t *rules = json_array();
	int rc;

	checker_each_rule(checker, add_rule_json, rules);
	rc = json_dumpf(rules, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(rules);
	return rc || fflush(stdout) ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
}

/* Every example of every rule (run/selftest.h); exit 1 on any miss. */
static int test_rules(struct cli_opts *o, const struct checker_options *co)
{
	struct selftest_result res;
	struct mt_error err = { 0 };

	if (selftest_run(co, o->files.v, o->files.n, stdout, &res, &err) !=
	    MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		return CLI_EXIT_ERROR;
	}
	printf("%zu rules, %zu examples, %zu failure%s\n", res.rules,
	       res.examples, res.failures, res.failures == 1 ? "" : "s");
	return res.failures ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
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
	if (o->test && o->docs)
		return cli_bad_usage("%s", "--test and --docs exclude each "
					   "other");
	if (o->format && strcmp(o->format, "text") &&
	    (strcmp(o->format, "json") || o->test))
		return cli_bad_usage("rules --format takes text or json%s",
				     o->test ? " (and --test only text)" : "");
	if (o->test)
		return show_rule_errors(o, &co) ? CLI_EXIT_ERROR
						: test_rules(o, &co);
	if (checker_new(&co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		return CLI_EXIT_ERROR;
	}
	if (o->docs) {
		rc = CLI_EXIT_CLEAN;
		if (ruledoc_write_all(checker, o->docs, &err) != MT_ERR_OK) {
			fprintf(stderr, "mtlint: error: %s\n", err.msg);
			rc = CLI_EXIT_ERROR;
		}
	} else if (o->format && !strcmp(o->format, "json")) {
		rc = print_rules_json(checker);
	} else {
		checker_each_rule(checker, print_rule, NULL);
		rc = CLI_EXIT_CLEAN;
	}
	checker_free(checker);
	return rc;
}
