/*
 * suppress: inline suppressions written in the checked text itself, as
 * HTML comments (invisible in Markdown and in most CMSs):
 *
 *   <!-- mtlint-disable RULE[, RULE...] -->   from here on (no RULE: all)
 *   <!-- mtlint-enable RULE[, RULE...] -->    ends those (no RULE: all)
 *   <!-- mtlint-disable-next-line RULE... --> the line after the comment
 *                                              (after its end, if it spans
 *                                              several lines)
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
 * Only real comments are directives.  In a plain text file that is every
 * `<!-- ... -->`.  In Markdown it is a comment in raw HTML as cmark parsed
 * it (an HTML block or inline HTML: markdown_parse()'s `html` ranges): the
 * same characters in a code span or a code block are text the article
 * shows -- an example of the syntax, say -- and suppress nothing.
 *
 * Ownership: the scan result lives in the document's arena (valid until
 * document_free()).  The scan reads doc->text, which must still hold the
 * comments (scan before Markdown masking).
 */
#ifndef MT_SUPPRESS_H
#define MT_SUPPRESS_H

#include <stddef.h>

#include "check/pass.h"
#include "check/diag.h"
#include "text/document.h"

struct suppressions;

/* Find the directives in doc->text (every comment counts); NULL when
 * there are none. */
struct suppressions *suppress_scan(struct document *doc);

/*
 * The same, counting only the comments that lie wholly inside one of the
 * n_where spans of doc->text (sorted, not overlapping; none: no
 * directive at all).
 */
struct suppressions *suppress_scan_in(struct document *doc,
				      const struct span *where,
				      size_t n_where);

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
