/*
 * examples: rule examples as tests (see examples.h).
 */
#include "check/examples.h"

#include <string.h>

const char *example_parse_bad(const char *s, struct arena *a,
			      struct example *ex)
{
	const char *arrow = strstr(s, " -> ");
	size_t len = arrow ? (size_t)(arrow - s) : strlen(s);
	const char *open = memchr(s, '[', len);
	const char *close =
		open ? memchr(open, ']', len - (size_t)(open - s)) : NULL;
	char *t;

	memset(ex, 0, sizeof(*ex));
	if (!open || !close)
		return "a bad example must mark its span with [brackets]";
	t = arena_alloc(a, len + 1);
	memcpy(t, s, (size_t)(open - s));
	memcpy(t + (open - s), open + 1, (size_t)(close - open - 1));
	memcpy(t + (close - s) - 1, close + 1, len - (size_t)(close - s) - 1);
	t[len - 2] = '\0';
	ex->text = t;
	ex->span.start = (uint32_t)(open - s);
	ex->span.end = (uint32_t)(close - s - 1);
	if (arrow)
		ex->suggestion = arena_strdup(a, arrow + 4);
	return NULL;
}

/* Check text through the runner; -1 (printed) when it cannot. */
static int run_check(const struct example_run *r, const char *text,
		     struct document **doc, struct diag_list *l)
{
	struct mt_error err = { 0 };

	*doc = NULL;
	if (r->check(r->arg, text, doc, l, &err) != MT_ERR_OK) {
		fprintf(r->out, "%s: %s: example cannot be checked: %s\n",
			r->where, r->rule, err.msg);
		document_free(*doc);
		*doc = NULL;
		return -1;
	}
	return 0;
}

static void print_findings(const struct example_run *r,
			   const struct document *doc,
			   const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		fprintf(r->out, "    found [%.*s]%s%s\n",
			(int)(l->v[i].span.end - l->v[i].span.start),
			doc->text + l->v[i].span.start,
			l->v[i].n_suggestions ? " -> " : "",
			l->v[i].n_suggestions ? l->v[i].suggestions[0] : "");
}

/* The marked span and suggestion of a bad example's one finding. */
static int finding_matches(const struct example_run *r,
			   const struct document *doc, const struct diag *d,
			   const struct example *ex)
{
	if (d->span.start != ex->span.start || d->span.end != ex->span.end) {
		fprintf(r->out, "%s: %s: finding at [%.*s], not at the marked "
				"[%.*s]\n",
			r->where, r->rule, (int)(d->span.end - d->span.start),
			doc->text + d->span.start,
			(int)(ex->span.end - ex->span.start),
			ex->text + ex->span.start);
		return 0;
	}
	if (ex->suggestion &&
	    (!d->n_suggestions || strcmp(d->suggestions[0], ex->suggestion))) {
		fprintf(r->out, "%s: %s: suggestion is '%s', expected '%s'\n",
			r->where, r->rule,
			d->n_suggestions ? d->suggestions[0] : "(none)",
			ex->suggestion);
		return 0;
	}
	if (!ex->suggestion && d->n_suggestions) {
		fprintf(r->out, "%s: %s: example lists no suggestion but the "
				"rule gives '%s'\n",
			r->where, r->rule, d->suggestions[0]);
		return 0;
	}
	return 1;
}

/* The text with the expected suggestion applied must be clean. */
static size_t fixed_is_clean(const struct example_run *r,
			     struct document *doc, const struct example *ex)
{
	struct document *doc2;
	struct diag_list l2;
	size_t fails = 0;
	char *fixed = arena_printf(&doc->arena, "%.*s%s%s",
				   (int)ex->span.start, ex->text,
				   ex->suggestion, ex->text + ex->span.end);

	if (run_check(r, fixed, &doc2, &l2))
		return 1;
	if (l2.n) {
		fprintf(r->out, "%s: %s: the fixed text still gives a finding: "
				"%s\n",
			r->where, r->rule, fixed);
		print_findings(r, doc2, &l2);
		fails = 1;
	}
	diag_list_release(&l2);
	document_free(doc2);
	return fails;
}

/* Does [s, e) overlap the edit, now at [at, at_end)?  An edit that
 * deleted text, at one point, is overlapped from both sides of it. */
static int on_edit(uint32_t s, uint32_t e, uint32_t at, uint32_t at_end)
{
	return at_end > at ? s < at_end && e > at : s < at && e > at;
}

/* What a fix changes: the example's [at, at + old_len) became
 * [at, at + new_len) of the fixed text. */
struct edit {
	uint32_t at, old_len, new_len;
};

static int continuation(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) == 0x80;
}

/*
 * The edit that replacing the example's span sp with `sug` makes: the
 * span less what the suggestion keeps at either end ("harbour The" ->
 * "harbour. The" inserts '.'), in whole characters.
 */
static struct edit edit_of(const char *text, struct span sp, const char *sug)
{
	const char *old = text + sp.start;
	size_t ol = sp.end - sp.start, nl = strlen(sug), p = 0, q = 0;
	struct edit ed;

	while (p < ol && p < nl && old[p] == sug[p])
		p++;
	while (p > 0 && p < ol && continuation(old, p))
		p--;
	while (q < ol - p && q < nl - p && old[ol - 1 - q] == sug[nl - 1 - q])
		q++;
	while (q > 0 && continuation(old, ol - q))
		q--;
	ed.at = sp.start + (uint32_t)p;
	ed.old_len = (uint32_t)(ol - p - q);
	ed.new_len = (uint32_t)(nl - p - q);
	return ed;
}

/*
 * Did the example have f, a finding on the fixed text?  It did when
 * `before` holds the same rule at the same place, moved by the edit; a
 * finding on the edited text is new.
 */
static int had_before(const struct diag *f, const struct diag_list *before,
		      struct edit ed)
{
	uint32_t s = f->span.start, e = f->span.end, at = ed.at,
		 old_len = ed.old_len, new_len = ed.new_len;

	if (on_edit(s, e, at, at + new_len))
		return 0;
	if (s >= at + new_len) {
		s = s - new_len + old_len;
		e = e - new_len + old_len;
	}
	for (size_t i = 0; i < before->n; i++)
		if (before->v[i].span.start == s &&
		    before->v[i].span.end == e &&
		    !strcmp(before->v[i].rule, f->rule))
			return 1;
	return 0;
}

/*
 * Suggestion k of d, the example's finding on doc, applied: does the new
 * text give a finding (of any rule) that `before`, the example's findings
 * of every rule, does not hold?  1 (printed) when it does or cannot be
 * checked.
 */
static size_t fix_brings_nothing(const struct example_run *r,
				 const struct document *doc,
				 const struct diag *d, size_t k,
				 const struct diag_list *before)
{
	const struct example_fixes *fx = r->fixes;
	const char *sug = d->suggestions[k];
	struct edit ed = edit_of(doc->text, d->span, sug);
	struct document *fixed = NULL;
	struct diag_list l;
	struct mt_error err = { 0 };
	size_t fails = 0;

	if (fx->fix(fx->arg, doc, d, k, &fixed, &l, &err) != MT_ERR_OK) {
		fprintf(r->out, "%s: %s: the fix '%s' cannot be checked: %s\n",
			r->where, r->rule, sug, err.msg);
		return 1;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct diag *f = &l.v[i];

		if (had_before(f, before, ed))
			continue;
		if (!fails++)
			fprintf(r->out,
				"%s: %s: the fix '%s' gives a new "
				"finding: %s\n",
				r->where, r->rule, sug, fixed->text);
		fprintf(r->out, "    new %s [%.*s]%s%s: %s\n", f->rule,
			(int)(f->span.end - f->span.start),
			fixed->text + f->span.start,
			f->n_suggestions ? " -> " : "",
			f->n_suggestions ? f->suggestions[0] : "", f->message);
	}
	diag_list_release(&l);
	document_free(fixed);
	return fails ? 1 : 0;
}

/* Each suggestion of d, the finding of bad example ex (checked into doc),
 * brings nothing new (struct example_fixes): the number that do. */
static size_t fixes_bring_nothing(const struct example_run *r,
				  const struct example *ex,
				  const struct document *doc,
				  const struct diag *d)
{
	const struct example_fixes *fx = r->fixes;
	struct document *all = NULL;
	struct diag_list before;
	struct mt_error err = { 0 };
	size_t fails = 0;

	if (fx->check_all(fx->arg, ex->text, &all, &before, &err) !=
	    MT_ERR_OK) {
		fprintf(r->out,
			"%s: %s: example cannot be checked with every "
			"rule: %s\n",
			r->where, r->rule, err.msg);
		document_free(all);
		return 1;
	}
	for (size_t k = 0; k < d->n_suggestions && !(k && r->first_fix_only);
	     k++)
		fails += fix_brings_nothing(r, doc, d, k, &before);
	diag_list_release(&before);
	document_free(all);
	return fails;
}

size_t example_test_bad(const struct example_run *r, const struct example *ex)
{
	struct document *doc;
	struct diag_list l;
	size_t fails = 0;

	if (run_check(r, ex->text, &doc, &l))
		return 1;
	if (l.n != 1) {
		fprintf(r->out, "%s: %s: bad example gives %zu findings, not 1: "
				"%s\n",
			r->where, r->rule, l.n, ex->text);
		print_findings(r, doc, &l);
		fails = 1;
	} else if (!finding_matches(r, doc, &l.v[0], ex)) {
		fails = 1;
	} else {
		if (ex->suggestion)
			fails = fixed_is_clean(r, doc, ex);
		if (!fails && r->fixes)
			fails = fixes_bring_nothing(r, ex, doc, &l.v[0]) ? 1
									 : 0;
	}
	diag_list_release(&l);
	document_free(doc);
	return fails;
}

size_t example_test_good(const struct example_run *r, const char *text)
{
	struct document *doc;
	struct diag_list l;
	size_t fails = 0;

	if (run_check(r, text, &doc, &l))
		return 1;
	if (l.n) {
		fprintf(r->out, "%s: %s: good example flagged: %s\n", r->where,
			r->rule, text);
		print_findings(r, doc, &l);
		fails = 1;
	}
	diag_list_release(&l);
	document_free(doc);
	return fails;
}
