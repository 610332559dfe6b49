/*
 * fuzz_rules: libFuzzer target for rule files.
 *
 * Reaches: ruleset_load_mem (libyaml parsing, every key of the schema,
 * templates, example marks, class lists, error reporting with the quoted
 * source line and caret) and pattern_compile (ICU regex syntax in rules).
 * Matching is fuzz_check's.  Seeds: the .yml files of rules/en/ and
 * fixtures/rulefile-errors/ (copy them into the corpus directory).
 * Dictionary: fuzz_rules.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
