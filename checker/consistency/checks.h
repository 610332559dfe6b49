/*
 * checks: the consistency pass's checks, one file each (internal to
 * checker/consistency/; nothing outside includes it).  Each appends its
 * findings to ctx->diags as rule `ri`; what it allocates for the
 * document is in the document's arena.
 */
#ifndef MT_CONSISTENCY_CHECKS_H
#define MT_CONSISTENCY_CHECKS_H

#include "check/pass.h"

/* An abbreviation written with and without full stops in the article
 * (abbrevs.c), by the usage of `lang` ("en_GB": no full stops). */
void consistency_check_abbrevs(struct check_ctx *ctx,
			       const struct rule_info *ri, const char *lang);

/* A reporting verb in the present ("officials say") in an article that
 * reports with "said" (reporting.c). */
void consistency_check_reporting(struct check_ctx *ctx,
				 const struct rule_info *ri);

#endif /* MT_CONSISTENCY_CHECKS_H */
