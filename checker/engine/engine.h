/*
 * engine: the rule engine -- a ruleset (ruleset.h) applied to a segmented
 * document, giving diagnostics; and the pass (`engine_pass`) that puts it
 * in the checker.
 *
 * Token rules are matched sentence by sentence, in one pass: at each token
 * only the rules that can start there are tried (rules are indexed by the
 * literal words or the lexicon classes of their first element; the rest
 * are tried everywhere).  A match is a backtracking walk over the pattern
 * (optional elements, bounded skips), so its cost is bounded by the rule,
 * not the document.  Character-level rules run their ICU regex once over
 * each paragraph.
 *
 * Ownership: the engine owns its ruleset and lexicon (loaded once by
 * engine_open()); diagnostics go into the caller's diag_list, their rule
 * ids pointing into the ruleset (valid until engine_close()).
 */
#ifndef MT_ENGINE_H
#define MT_ENGINE_H

#include <stddef.h>
#include <stdio.h>

#include "check/pass.h"
#include "util/common.h"
#include "check/diag.h"
#include "text/document.h"
#include "engine/ruleset.h"

struct checker_options;
struct engine;
struct lexicon;

/* The checker pass ("rules"): loads <data_dir>/rules/<lang>/ (or
 * --rules-dir) and the lexicon, and runs every enabled rule. */
extern const struct check_pass engine_pass;

/* The rule directory for opts (into buf when computed):
 * opts->rules_dir, else <data_dir>/rules/<first two letters of lang>
 * (data_dir NULL: mt_data_dir()). */
const char *engine_rules_dir(const struct checker_options *opts, char *buf,
			     size_t size);

/*
 * Load the rules of the directory above, or of `files` when n_files > 0,
 * and the lexicon (see lexicon.h).  Broken rule files fail with
 * MT_ERR_RULES, err->msg listing as many errors as it holds (callers
 * wanting every one call ruleset_load() and ruleset_errors()); a missing
 * lexicon fails with MT_ERR_DICT.  The pass runs the engine; engine_test()
 * runs its examples.
 */
MT_NODISCARD enum mt_err engine_open_opts(const struct checker_options *opts,
					  const char *const *files,
					  size_t n_files, struct engine **out,
					  struct mt_error *err);
void engine_close(struct engine *e); /* NULL is a no-op */

const struct ruleset *engine_ruleset(const struct engine *e);

/*
 * Run every example of every rule (`mtlint rules --test`): each bad example
 * must give exactly one diagnostic of its rule, at the marked span, with
 * the listed suggestion first, and the text with that fix applied must give
 * none, nor, with `fixes` (NULL: not tested), a finding of any rule the
 * example did not have (check/examples.h); each good example must give
 * none; each rule needs at least `min_examples` bad and good examples.  Sentences are segmented with
 * `c`.  Failures are printed to `out` as "file:line: rule: what"; returns
 * their number (0: all passed).  *n_checked gets the number of examples.
 */
size_t engine_test_examples(struct engine *e, struct checker *c,
			    size_t min_examples,
			    const struct example_fixes *fixes, FILE *out,
			    size_t *n_checked);

#endif /* MT_ENGINE_H */
