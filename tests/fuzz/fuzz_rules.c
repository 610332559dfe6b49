/*
 * fuzz_rules: libFuzzer target for rule files.
 *
 * Reaches: ruleset_load_mem (libyaml parsing, every key of the schema,
 * templates, example marks, class lists, error reporting with the quoted
 * source line and caret) and pattern_compile (ICU regex syntax in rules).
 * Matching is fuzz_check's.  Without a cache directory, so without the
 * memo of compiled regexes (engine/patternmemo.h): with it, every input
 * read the memo file and every input with a new regex wrote it again
 * (fsync included) -- 28 % of the time under perf, the fuzzer's regexes
 * in the memo the tests use, and a regex compiled once skipped ever
 * after.  Seeds: the .yml files of rules/en/ and
 * fixtures/rulefile-errors/ (copy them into the corpus directory).
 * Dictionary: fuzz_rules.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ruleset.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* no cache directory (paths.h): no pattern memo */
	unsetenv("MTLINT_CACHE_DIR");
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };
	enum mt_err rc;

	rc = ruleset_load_mem("fuzz.yml", (const char *)data, size, &rs, &err);
	if (rc != MT_ERR_OK && rc != MT_ERR_RULES)
		abort();
	if (rc == MT_ERR_RULES && (!rs || !rs->n_errors || !err.msg[0]))
		abort(); /* an error must be reported */
	ruleset_free(rs);
	return 0;
}
