/*
 * run: one run of the reference pass, shared by its files (internal to
 * checker/reference/; nothing outside includes it).  reference.c holds the
 * pass, the rule table, the checks on names and the word rules' entry;
 * quantities.c the checks on numbers and dates.
 *
 * Everything a run allocates is in the article's arena (r->a), valid
 * until document_free().
 */
#ifndef MT_REFERENCE_RUN_H
#define MT_REFERENCE_RUN_H

#include <stdint.h>

#include "check/pass.h"
#include "reference/align.h"
#include "reference/names.h"

enum {
	R_NAME,
	R_NUMBER,
	R_DATE,
	R_INCONSISTENT,
	R_CHOICE,
	R_OMISSION,
	R_ADDITION,
	R_COUNT,
};

/* The pass's rules, indexed by the enum above. */
extern const struct rule_info reference_rules[R_COUNT];

/* Everything one run needs. */
struct run {
	struct check_ctx *ctx;
	struct document *doc;
	const struct document *ref;
	struct arena *a;
	struct names an, rn;
	struct align_match *al;
	enum align_kind kind;
	/* sentence stems, computed on demand: [0] article, [1] reference */
	const char ***stems[2];
	uint32_t *n_stems[2];
};

/* Evidence for d: span sp of src with its sentence and a score (< 0:
 * none). */
void reference_evidence(struct run *r, struct diag *d,
			const struct document *src, struct span sp,
			uint32_t sentence, double score);

/*
 * Is reference sentence rs a counterpart of article sentence as: its best
 * match, or the runner-up (with a parallel reference, only when next to
 * the best: one sentence translated as two)?
 */
int reference_aligned(const struct run *r, uint32_t as, uint32_t rs);

/* How many strings of a (other than `skip`, which may be NULL) are in b. */
uint32_t reference_shared_stems(const char *const *a, uint32_t na,
				const char *const *b, uint32_t nb,
				const char *skip);

/* The number and date checks (quantities.c; the name checks are
 * reference.c's own): append to r->ctx->diags. */
void reference_check_numbers(struct run *r, int want_num, int want_date);

#endif /* MT_REFERENCE_RUN_H */
