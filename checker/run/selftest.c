/*
 * selftest: every rule's examples (see selftest.h).
 */
#include "run/selftest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/examples.h"
#include "engine/engine.h"
#include "engine/ruleset.h"
#include "run/fix.h"
#include "util/arena.h"
#include "util/xalloc.h"

/* The built-in rules, collected from the checker's passes. */
struct rule_list {
	const struct rule_info **v;
	size_t n, alloc;
};

static void collect(const struct rule_info *r, void *arg)
{
	struct rule_list *l = arg;

	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = r;
}

/* Is `id` one of the YAML rules (tested by the engine)? */
static int is_yaml_rule(const struct ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->n_rules; i++)
		if (!strcmp(rs->rules[i].info.id, id))
			return 1;
	return 0;
}

/* Checking one built-in rule's example: the whole checker, against the
 * rule's reference, keeping that rule's findings only. */
struct builtin_arg {
	struct checker *c;
	const char *rule;     /* NULL: every rule's findings */
	struct document *ref; /* NULL: none */
};

static enum mt_err check_builtin(void *arg, const char *text,
				 struct document **doc, struct diag_list *l,
				 struct mt_error *err)
{
	struct builtin_arg *a = arg;
	enum mt_err rc = document_load_mem("<example>", text, strlen(text),
					   NULL, doc, err);
	size_t k = 0;

	if (rc != MT_ERR_OK)
		return rc;
	diag_list_init(l, &(*doc)->arena);
	rc = checker_check(a->c, *doc, a->ref, l, err);
	if (rc != MT_ERR_OK) {
		diag_list_release(l);
		return rc;
	}
	if (!a->rule)
		return MT_ERR_OK;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].rule, a->rule))
			l->v[k++] = l->v[i];
	l->n = k;
	return MT_ERR_OK;
}

/*
 * The test that a fix brings nothing new (check/examples.h): every rule of
 * the checker `c`, against the rule's reference `ref` (NULL: none).  `c`
 * is the examples' checker without the grammar parser (selftest_run()).
 */
struct fixes_arg {
	struct checker *c;
	struct document *ref;
};

static enum mt_err check_all(void *arg, const char *text, struct document **doc,
			     struct diag_list *l, struct mt_error *err)
{
	struct fixes_arg *a = arg;
	struct builtin_arg all = { a->c, NULL, a->ref };

	return check_builtin(&all, text, doc, l, err);
}

/* Suggestion k of d applied to doc as --fix applies a safe fix (run/fix.h),
 * the new text checked as check_all() checks. */
static enum mt_err fix_one(void *arg, const struct document *doc,
			   const struct diag *d, size_t k,
			   struct document **fixed, struct diag_list *l,
			   struct mt_error *err)
{
	struct fixes_arg *a = arg;
	struct diag one = *d;
	struct diag_list dl = { .v = &one, .n = 1, .alloc = 1 };
	unsigned char *bytes;
	size_t len, n;
	enum mt_err rc;

	*fixed = NULL;
	one.suggestions = &d->suggestions[k];
	one.n_suggestions = 1;
	one.flags |= DIAGF_SAFE_FIX;
	rc = fix_apply(doc, &dl, &bytes, &len, &n, err);
	if (rc != MT_ERR_OK)
		return rc;
	if (n != 1)
		rc = mt_error(err, MT_ERR_RULES,
			      "--fix does not apply a suggestion for an empty "
			      "span");
	else
		rc = fix_check_as(a->c, a->ref, doc, NULL, bytes, len, fixed, l,
				  err);
	free(bytes);
	return rc;
}

/*
 * A checker with the rule's --reject list (written to a temporary file,
 * removed at once: the list is read when the checker is made).
 */
static enum mt_err reject_checker(const struct checker_options *co,
				  const char *list, struct checker **out,
				  struct mt_error *err)
{
	char path[] = "/tmp/mtlint-reject-XXXXXX";
	const char *files[1] = { path };
	struct checker_options o = *co;
	int fd = mkstemp(path);
	size_t len = strlen(list);
	enum mt_err rc;

	if (fd < 0)
		return mt_error(err, MT_ERR_IO, "cannot create '%s': %s", path,
				strerror(errno));
	if (write(fd, list, len) != (ssize_t)len) {
		rc = mt_error(err, MT_ERR_IO, "cannot write '%s': %s", path,
			      strerror(errno));
		close(fd);
		unlink(path);
		return rc;
	}
	close(fd);
	o.reject_files = files;
	o.n_reject_files = 1;
	rc = checker_new(&o, out, err);
	unlink(path);
	return rc;
}

/* Run one built-in rule's examples; the number of failures. */
static size_t test_builtin(struct checker *c, const struct checker_options *co,
			   struct checker *fc, const struct rule_info *r,
			   FILE *out, size_t *n_examples)
{
	struct builtin_arg arg = { c, r->id, NULL };
	struct fixes_arg fa = { fc, NULL };
	struct example_fixes fixes = { check_all, fix_one, &fa };
	struct example_run run = { .check = check_builtin,
				   .arg = &arg,
				   .fixes = &fixes,
				   .first_fix_only = r->guesses,
				   .rule = r->id,
				   .where = r->id,
				   .out = out };
	struct arena a = ARENA_INIT;
	struct mt_error err = { 0 };
	size_t fails = 0;

	/* a note that a bound was reached (limits.*) has no examples: no
	 * built-in rule reaches a bound on a short text; the unit suites
	 * and tests/hostile test them */
	if (!r->bad && !r->good && !strcmp(r->category, "other/limits"))
		return 0;
	if (!r->bad || !r->good || !r->bad[0] || !r->good[0]) {
		fprintf(out, "%s: %s: needs bad and good examples in its "
			     "rule_info row\n",
			r->id, r->id);
		return 1;
	}
	if ((r->reject && reject_checker(co, r->reject, &arg.c, &err)) ||
	    (r->reference &&
	     document_load_mem("<reference>", r->reference,
			       strlen(r->reference), NULL, &arg.ref, &err))) {
		fprintf(out, "%s: %s: examples cannot be set up: %s\n", r->id,
			r->id, err.msg);
		if (arg.c != c)
			checker_free(arg.c);
		return 1;
	}
	fa.ref = arg.ref;
	for (const char *const *s = r->bad; *s; s++, (*n_examples)++) {
		struct example ex;
		const char *why = example_parse_bad(*s, &a, &ex);

		if (why) {
			fprintf(out, "%s: %s: %s: %s\n", r->id, r->id, why, *s);
			fails++;
			continue;
		}
		fails += example_test_bad(&run, &ex);
	}
	for (const char *const *s = r->good; *s; s++, (*n_examples)++)
		fails += example_test_good(&run, *s);
	document_free(arg.ref);
	if (arg.c != c)
		checker_free(arg.c);
	arena_release(&a);
	return fails;
}

enum mt_err selftest_run(const struct checker_options *opts,
			 const char *const *files, size_t n_files, FILE *out,
			 struct selftest_result *res, struct mt_error *err)
{
	struct checker_options co = *opts, fo;
	struct checker *c = NULL;
	struct engine *e = NULL;
	struct rule_list rl = { 0 };
	struct fixes_arg fa = { NULL, NULL };
	struct example_fixes fixes = { check_all, fix_one, &fa };
	enum mt_err rc;

	memset(res, 0, sizeof(*res));
	co.report_unused = 1;
	/* a fix's new findings: without the parser (the rule files' examples
	 * run on their rules alone; on an example sentence the parser mostly
	 * judges the rest of the sentence, at four times the time of the
	 * whole test; a parser rule's own fix is still checked with it), and
	 * without house-style packs (a pack may want what the built-in
	 * rules' examples do not: "five", curly quotes; a pack's fixes are
	 * checked against the built-in rules) */
	fo = co;
	fo.grammar_parser = 0;
	fo.packs = NULL;
	fo.n_packs = 0;
	fo.no_builtin_rules = 0;
	rc = checker_new(&fo, &fa.c, err);
	/* every built-in rule can fire: the parser and the report of unused
	 * suppressions are options */
	co.grammar_parser = 1;
	if (rc == MT_ERR_OK)
		rc = checker_new(&co, &c, err);
	if (rc == MT_ERR_OK)
		rc = engine_open_opts(&co, files, n_files, &e, err);
	if (rc != MT_ERR_OK)
		goto done;
	res->failures = engine_test_examples(e, c, 3, &fixes, out,
					     &res->examples);
	res->rules = engine_ruleset(e)->n_rules;
	if (n_files)
		goto done; /* rule files named: those alone */
	checker_each_rule(c, collect, &rl);
	for (size_t i = 0; i < rl.n; i++) {
		if (is_yaml_rule(engine_ruleset(e), rl.v[i]->id))
			continue;
		res->failures += test_builtin(c, &co, fa.c, rl.v[i], out,
					      &res->examples);
		res->rules++;
	}
done:
	free(rl.v);
	engine_close(e);
	checker_free(c);
	checker_free(fa.c);
	return rc;
}
