/*
 * packs: house-style rule folders added to the built-in rules (as Vale's
 * BasedOnStyles).  A pack is a folder of rule files in the format of
 * rules/en/ (rules/README.md); its name is the folder's last component,
 * and every rule id it holds must start with that name and a dot
 * ("newsroom.house-spelling" in rules/examples/newsroom/), so that a
 * pack's ids can collide neither with the built-in ones nor with another
 * pack's.
 *
 * rule_sources_collect() lists the files to load -- the built-in folder's
 * *.yml (unless checker_options.no_builtin_rules) then each pack's, in the
 * order given -- and rule_sources_check() checks the loaded ruleset
 * against the packs.  Both fail with MT_ERR_RULES and a message naming
 * the folder or the file and line:
 *   - a pack folder that does not exist or is not a folder;
 *   - a pack that yields no rule (no *.yml, or files without rules: a
 *     folder given one level too high is the usual cause);
 *   - a pack whose name is taken: by the built-in rules' prefixes
 *     (`grammar`, `spelling`, ...: PACKS_RESERVED and the built-in
 *     folder's ids) or by an earlier pack;
 *   - a rule id of a pack without the pack's prefix.
 *
 * Depends on the ruleset (engine/ruleset.h) and checker_options only.
 */
#ifndef MT_PACKS_H
#define MT_PACKS_H

#include <stddef.h>

#include "util/common.h"

struct checker_options;
struct ruleset;

/* Rule-id prefixes of the passes that are not rule files: no pack may be
 * named so (tests/test_packs.c checks that the list is complete). */
#define PACKS_RESERVED                                                \
	"spelling", "reference", "names", "abbreviations", "grammar", \
		"fluency", "mtlint", "limits"

struct rule_pack {
	char *dir;  /* as given */
	char *name; /* its last component: the id prefix */
	size_t first_file, n_files; /* its files in rule_sources.files */
};

/* The files to load, in order, and the packs they come from.  Use the
 * functions; rule_sources_release() frees everything. */
struct rule_sources {
	char **files;
	size_t n_files, alloc_files;
	size_t n_builtin; /* files[0 .. n_builtin) are the built-in ones */
	struct rule_pack *packs;
	size_t n_packs, alloc_packs;
};

/*
 * Fill *src for opts: the built-in folder `builtin_dir` (skipped when
 * opts->no_builtin_rules) and opts->packs.  *src must be zeroed; release
 * it in any case.
 */
MT_NODISCARD enum mt_err rule_sources_collect(const struct checker_options *opts,
					      const char *builtin_dir,
					      struct rule_sources *src,
					      struct mt_error *err);

/* Check a ruleset loaded from src->files against the packs (see above). */
MT_NODISCARD enum mt_err rule_sources_check(const struct rule_sources *src,
					    const struct ruleset *rs,
					    struct mt_error *err);

void rule_sources_release(struct rule_sources *src);

#endif /* MT_PACKS_H */
