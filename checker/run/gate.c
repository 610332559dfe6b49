/*
 * gate: suppressions + Markdown masking around checker_check() (see
 * gate.h).
 */
#include "run/gate.h"

#include <string.h>

#include "text/markdown.h"
#include "text/suppress.h"

/* Should doc be read as Markdown under `input`? */
static int gate_is_markdown(enum config_input input, const char *path)
{
	if (input == CONFIG_INPUT_MARKDOWN)
		return 1;
	if (input == CONFIG_INPUT_TEXT)
		return 0;
	return path && markdown_path(path);
}

/*
 * Is a finding on the span (where prose and own differ) about the masking:
 * nothing but blanks, or blanks that all stand for hidden markup?
 */
static int masked_blanks(const char *prose, const char *own, size_t n)
{
	size_t blanks = 0;

	if (n && strspn(prose, " \t") >= n)
		return 1;

	for (size_t i = 0; i < n; i++) {
		if (prose[i] != ' ' && prose[i] != '\t')
			continue;
		if (own[i] == prose[i])
			return 0;
		blanks++;
	}
	return blanks > 0;
}

enum mt_err gate_check(struct checker *c, struct document *doc,
		       struct document *ref, const struct gate_options *o,
		       struct diag_list *out, struct mt_error *err)
{
	struct suppressions *sup;
	const char *own = doc->text, *prose = NULL;
	enum mt_err rc;

	/* in Markdown, only comments in raw HTML are directives */
	if (gate_is_markdown(o->input, doc->path)) {
		struct markdown md;

		markdown_parse(doc, &md);
		sup = suppress_scan_in(doc, md.html, md.n_html);
		prose = doc->text = md.prose;
	} else {
		sup = suppress_scan(doc);
	}
	rc = checker_check(c, doc, ref, out, err);
	doc->text = own;
	if (rc != MT_ERR_OK)
		return rc;
	/* a fix across hidden markup ("the *the*") would delete it: such a
	 * fix is no longer safe to apply blindly; a finding whose blanks all
	 * stand for hidden markup ("two spaces" where a code span was, "space
	 * before ':'" in "**deps**:") is about the masking, not the article:
	 * dropped */
	if (prose) {
		size_t kept = 0;

		for (size_t i = 0; i < out->n; i++) {
			struct diag *d = &out->v[i];
			size_t n = d->span.end - d->span.start;

			if (memcmp(prose + d->span.start, own + d->span.start,
				   n)) {
				if (masked_blanks(prose + d->span.start,
						  own + d->span.start, n))
					continue;
				d->flags &= ~(uint32_t)DIAGF_SAFE_FIX;
			}
			out->v[kept++] = *d;
		}
		out->n = kept;
	}
	suppress_apply(sup, doc, out,
		       o->report_unused &&
			       checker_rule_enabled(c, "mtlint.unused-disable",
						    "mtlint/suppression"));
	/* the gate's own findings take severity overrides too */
	for (size_t i = 0; o->report_unused && i < out->n; i++)
		if (!strcmp(out->v[i].rule, "mtlint.unused-disable"))
			out->v[i].severity = checker_rule_severity(
				c, out->v[i].rule, out->v[i].category,
				out->v[i].severity);
	return MT_ERR_OK;
}

void gate_each_rule(const struct checker *c,
		    void (*fn)(const struct rule_info *r, void *arg),
		    void *arg)
{
	const struct rule_info *v;
	size_t n = suppress_rules(&v);

	checker_each_rule(c, fn, arg);
	for (size_t i = 0; i < n; i++)
		fn(&v[i], arg);
}
