/*
 * gate: check one document the way the editorial gate does -- the
 * checker's passes plus what the text itself says about checking it:
 *
 *   1. find inline suppressions (suppress.h) in the text as written;
 *   2. for Markdown, check a copy with everything but prose blanked out
 *      (markdown.h), so positions still point at the file;
 *   3. run the checker (which applies enable/disable and severity
 *      overrides);
 *   4. drop suppressed findings and, if asked, report unused suppressions.
 *
 * The CLI runs every input through gate_check(); an editor integration can
 * do the same to honour suppressions.  doc->text is restored to the
 * document's own text before returning, so reporters print what the user
 * wrote.
 */
#ifndef MT_GATE_H
#define MT_GATE_H

#include <stddef.h>

#include "check/pass.h"
#include "run/checker.h"
#include "run/config.h"
#include "check/diag.h"
#include "text/document.h"

struct gate_options {
	enum config_input input; /* auto: Markdown by extension */
	int report_unused;	 /* report unused suppressions */
};

/*
 * Check doc (and its reference ref, may be NULL) into `out`, whose arena
 * must be doc's.  Fails as checker_check().
 */
MT_NODISCARD enum mt_err gate_check(struct checker *c, struct document *doc,
				    struct document *ref,
				    const struct gate_options *o,
				    struct diag_list *out,
				    struct mt_error *err);

/*
 * Call fn for every rule the checker's passes and the gate itself
 * (mtlint.unused-disable) can report.
 */
void gate_each_rule(const struct checker *c,
		    void (*fn)(const struct rule_info *r, void *arg),
		    void *arg);

#endif /* MT_GATE_H */
