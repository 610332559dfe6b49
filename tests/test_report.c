/*
 * report: the machine reporters called directly on a diagnostic list
 * (the end-to-end formats are in test_gate.c): SARIF's table of rules.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/diag.h"
#include "report/report.h"
#include "run/checker.h"
#include "helpers.h"

/* The SARIF log of `l` on `doc`, with the rules of `checker` (may be
 * NULL), as written (free() it). */
static char *sarif_text(const struct checker *checker,
			const struct document *doc, const struct diag_list *l,
			size_t *len)
{
	const struct reporter *rep = reporter_find("sarif");
	struct report_options ro = { 0 };
	char *mem = NULL;
	void *st;

	cr_assert_not_null(rep);
	ro.out = open_memstream(&mem, len);
	ro.checker = checker;
	st = rep->begin(&ro);
	rep->file(st, doc, l);
	cr_assert_eq(rep->end(st), 0);
	fclose(ro.out);
	return mem;
}

/* The same, parsed. */
static json_t *sarif_of(const struct checker *checker,
			const struct document *doc, const struct diag_list *l)
{
	size_t len = 0;
	char *mem = sarif_text(checker, doc, l, &len);
	json_error_t je;
	json_t *j;

	j = json_loadb(mem, len, 0, &je);
	cr_assert_not_null(j, "not JSON (%s): %s", je.text, mem);
	free(mem);
	return j;
}

static json_t *driver_rules(json_t *log)
{
	return json_object_get(
		json_object_get(
			json_object_get(
				json_array_get(json_object_get(log, "runs"), 0),
				"tool"),
			"driver"),
		"rules");
}

static json_t *results(json_t *log)
{
	return json_object_get(json_array_get(json_object_get(log, "runs"), 0),
			       "results");
}

/* Each result's ruleIndex points at the driver rule of its ruleId. */
static void indexes_match(json_t *log)
{
	json_t *rules = driver_rules(log), *r;
	size_t i;

	json_array_foreach(results(log), i, r)
	{
		const char *id = json_string_value(
			json_object_get(r, "ruleId"));
		size_t k = (size_t)json_integer_value(
			json_object_get(r, "ruleIndex"));
		json_t *rule = json_array_get(rules, k);

		cr_assert_not_null(rule, "result %zu: ruleIndex %zu of %zu", i,
				   k, json_array_size(rules));
		cr_assert_str_eq(json_string_value(json_object_get(rule, "id")),
				 id, "result %zu: ruleIndex %zu", i, k);
	}
}

Test(report, sarif_lists_a_rule_unknown_to_the_checker_once)
{
	struct document *doc = load_str("One two three four.");
	struct diag_list l;
	json_t *log, *rules;

	diag_list_init(&l, &doc->arena);
	diag_add(&l, "made.up", "style", MT_SEV_WARNING, (struct span){ 0, 3 },
		 "first");
	diag_add(&l, "other.one", NULL, MT_SEV_ERROR, (struct span){ 4, 7 },
		 "second");
	diag_add(&l, "made.up", "style", MT_SEV_WARNING, (struct span){ 8, 13 },
		 "third");
	log = sarif_of(NULL, doc, &l);
	rules = driver_rules(log);
	cr_assert_eq(json_array_size(rules), 2, "%zu rules",
		     json_array_size(rules));
	cr_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(rules, 0), "id")),
			 "made.up");
	cr_assert_eq(json_array_size(results(log)), 3);
	indexes_match(log);
	json_decref(log);
	diag_list_release(&l);
	document_free(doc);
}

static void last_rule(const struct rule_info *r, void *arg)
{
	*(const char **)arg = r->id;
}

Test(report, sarif_rule_index_of_a_checker_rule_and_of_a_new_one)
{
	const char *known = NULL;
	struct checker *c = test_checker();
	struct document *doc = load_str("One two three four.");
	struct diag_list l;
	json_t *log, *rules, *r;
	size_t n_rules = 0, i;

	checker_each_rule(c, last_rule, &known);
	cr_assert_not_null(known);
	diag_list_init(&l, &doc->arena);
	diag_add(&l, "not.a.rule", NULL, MT_SEV_INFO, (struct span){ 0, 3 },
		 "unknown");
	diag_add(&l, known, NULL, MT_SEV_ERROR, (struct span){ 4, 7 }, "known");
	log = sarif_of(c, doc, &l);
	rules = driver_rules(log);
	/* every id once; the unknown one appended after the checker's */
	json_array_foreach(rules, i, r)
	{
		for (size_t k = 0; k < i; k++)
			cr_assert_str_neq(
				json_string_value(json_object_get(
					json_array_get(rules, k), "id")),
				json_string_value(json_object_get(r, "id")),
				"rule %zu repeats rule %zu", i, k);
		n_rules++;
	}
	cr_assert_gt(n_rules, 2);
	cr_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(rules, n_rules - 1), "id")),
			 "not.a.rule");
	indexes_match(log);
	json_decref(log);
	diag_list_release(&l);
	document_free(doc);
}

/* The log as written is what jansson writes for the whole tree (the
 * checker's rules are encoded once and spliced in) plus a line end. */
static void written_as_one_tree(const struct checker *c,
				const struct document *doc,
				const struct diag_list *l, const char *what)
{
	size_t len = 0;
	char *mem = sarif_text(c, doc, l, &len);
	json_error_t je;
	json_t *j = json_loadb(mem, len, 0, &je);
	char *whole;

	cr_assert_not_null(j, "%s: not JSON (%s)", what, je.text);
	whole = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	cr_assert_eq(len, strlen(whole) + 1, "%s: %zu bytes, the tree %zu",
		     what, len, strlen(whole) + 1);
	cr_assert(memcmp(mem, whole, len - 1) == 0 && mem[len - 1] == '\n',
		  "%s: not the bytes of the tree", what);
	free(whole);
	json_decref(j);
	free(mem);
}

Test(report, sarif_rules_written_as_jansson_writes_the_whole_log)
{
	const char *known = NULL;
	struct checker *c = test_checker();
	struct document *doc = load_str("One two three four.");
	struct diag_list none, some;
	size_t len1 = 0, len2 = 0;
	char *once, *twice;

	checker_each_rule(c, last_rule, &known);
	cr_assert_not_null(known);
	diag_list_init(&none, &doc->arena);
	diag_list_init(&some, &doc->arena);
	diag_add(&some, "not.a.rule", NULL, MT_SEV_INFO, (struct span){ 0, 3 },
		 "unknown");
	diag_add(&some, known, NULL, MT_SEV_ERROR, (struct span){ 4, 7 },
		 "known");
	written_as_one_tree(c, doc, &none, "the checker's rules alone");
	written_as_one_tree(c, doc, &some, "the checker's and another");
	written_as_one_tree(NULL, doc, &none, "no rule");
	written_as_one_tree(NULL, doc, &some, "no checker, two rules");
	/* the second report of a checker reuses its encoded rules */
	once = sarif_text(c, doc, &some, &len1);
	twice = sarif_text(c, doc, &some, &len2);
	cr_assert(len1 == len2 && memcmp(once, twice, len1) == 0,
		  "two reports of one checker differ");
	free(once);
	free(twice);
	diag_list_release(&none);
	diag_list_release(&some);
	document_free(doc);
}

static int n_made, n_released;

static void *make_one(const struct checker *c)
{
	(void)c;
	n_made++;
	return &n_made;
}

static void release_one(void *v)
{
	cr_assert_eq(v, &n_made);
	n_released++;
}

Test(checker, memo_made_once_a_key_and_released_with_the_checker)
{
	static const char *const off[] = { "spelling", "reference", "names" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c = NULL;
	int key1, key2;

	o.disable = off;
	o.n_disable = 3;
	o.grammar_parser = 0;
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	n_made = n_released = 0;
	cr_assert_eq(checker_memo(c, &key1, make_one, release_one), &n_made);
	cr_assert_eq(checker_memo(c, &key1, make_one, release_one), &n_made);
	cr_assert_eq(n_made, 1, "made %d times for one key", n_made);
	(void)checker_memo(c, &key2, make_one, release_one);
	cr_assert_eq(n_made, 2, "made %d times for two keys", n_made);
	cr_assert_eq(n_released, 0);
	checker_free(c);
	cr_assert_eq(n_released, 2, "released %d of 2", n_released);
}
