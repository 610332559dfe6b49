/*
 * suppress: inline suppressions written in the checked text itself, as
 * HTML comments (invisible in Markdown and in most CMSs):
 *
 *   <!-- mtlint-disable RULE[, RULE...] -->   from here on (no RULE: all)
 *   <!-- mtlint-enable RULE[, RULE...] -->    ends those (no RULE: all)
 *   <!-- mtlint-disable-next-line RULE... --> the line after the comment
 *   <!-- mtlint-disable-line RULE... -->      the comment's own line
 *
 * RULE is a rule id, an id prefix ("grammar") or a category
 * ("fluency/grammar", "fluency"), as for --disable.  A finding is
 * suppressed when its span starts inside a disabled range.
 *
 * With report_unused, each directive (and each RULE of it) that suppressed
 * nothing is reported as `mtlint.unused-disable` (a warning) at the
 * comment, so stale suppressions do not pile up.
 *
 * Ownership: the scan result lives in the document's arena (valid until
 * document_free()).  The scan reads doc->text, which must still hold the
 * comments (scan before Markdown masking).
 */
#ifndef MT_SUPPRESS_H
#define MT_SUPPRESS_H

#include <stddef.h>

#include "check.h"
#include "diag.h"
#include "document.h"

struct suppressions;

/* Find the directives in doc->text; NULL when there are none. */
struct suppressions *suppress_scan(struct document *doc);

/*
 * Drop the findings of `diags` that a directive suppresses; with
 * report_unused, add mtlint.unused-disable findings.  Keeps the list
 * sorted.  s may be NULL (nothing to do).
 */
void suppress_apply(struct suppressions *s, const struct document *doc,
		    struct diag_list *diags, int report_unused);

/* The rules this module reports (mtlint.unused-disable). */
size_t suppress_rules(const struct rule_info **out);

#endif /* MT_SUPPRESS_H */
