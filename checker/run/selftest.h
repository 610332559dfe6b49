/*
 * selftest: `mtlint rules --test` -- every rule's examples, so that each
 * rule id proves itself on text it must flag and text it must leave
 * alone (check/examples.h says what passing means).
 *
 * The YAML rules' examples come from the rule files and run on the rule
 * engine alone, one rule at a time; the built-in passes' rules (spelling,
 * the reference comparison, the grammar parser, inline suppressions)
 * carry theirs in their struct rule_info rows and run through the whole
 * checker (the grammar parser and unused-suppression reports on), their
 * findings filtered to the rule under test. A built-in rule without
 * examples is a failure.
 *
 * That a fix brings nothing new (check/examples.h) is checked for both
 * with a second checker: every rule, the grammar parser off and no
 * house-style pack, against the rule's reference.
 */
#ifndef MT_SELFTEST_H
#define MT_SELFTEST_H

#include <stddef.h>
#include <stdio.h>

#include "run/checker.h"
#include "util/common.h"

struct selftest_result {
	size_t rules;	 /* rules tested */
	size_t examples; /* examples run */
	size_t failures; /* each printed to `out` as "WHERE: RULE: what" */
};

/*
 * Run the examples of the rule files of `opts` (or of `files` when
 * n_files > 0: then those alone, without the built-in rules), and of
 * every built-in rule. Fails (MT_ERR_RULES, MT_ERR_DICT...) only when the
 * rules or the checker cannot be loaded; failing examples are counted in
 * *res, not errors.
 */
MT_NODISCARD enum mt_err selftest_run(const struct checker_options *opts,
				      const char *const *files,
				      size_t n_files, FILE *out,
				      struct selftest_result *res,
				      struct mt_error *err);

#endif /* MT_SELFTEST_H */
