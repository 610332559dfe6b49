/*
 * ruledoc: a rule explained in Markdown, from what the checker knows of it
 * -- its id, category, default severity and description (the passes' rule
 * tables and the rule files) and its own examples (a bad one with the
 * flagged text in bold and the expected fix, a good one).  The same text
 * serves the generated pages (`mtlint rules --docs DIR`, one DIR/<id>.md
 * per rule and an index) and the editor's hover, so the two cannot differ.
 *
 * Ownership: everything is appended to the caller's buffer.
 */
#ifndef MT_RULEDOC_H
#define MT_RULEDOC_H

#include "check/pass.h"
#include "run/checker.h"
#include "util/buf.h"

/*
 * The short form for a hover: facts and description, one bad and one good
 * example, a link to the page.
 */
void ruledoc_hover(struct buf *b, const struct checker *c,
		   const struct rule_info *r);

/*
 * Write DIR/<id>.md for every rule checker_each_rule() lists and
 * DIR/README.md, an index (DIR is created).  Fails with MT_ERR_IO naming
 * the file.
 */
MT_NODISCARD enum mt_err ruledoc_write_all(const struct checker *c,
					   const char *dir,
					   struct mt_error *err);

#endif /* MT_RULEDOC_H */
