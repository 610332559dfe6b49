/*
 * fuzz_report: libFuzzer target for the reporters on arbitrary documents
 * and findings.
 *
 * The input is split in two at the first "\n===\n" (none: no reference):
 * the document and its reference, both loaded and segmented.  The
 * findings are made from the document's own words (at most MAX_MADE; the
 * first byte of a word decides), without checking: on the word, empty at its
 * start, or running over the next word and the line end between; any
 * rule of the checker's or one it does not know; a message copied from
 * the rest of the line (quotes, markup, terminal escapes and all); up to
 * three suggestions, the empty one (a deletion) and one over two lines
 * among them; evidence in the reference with its positions; and a
 * summary of the reference comparison.  Then one
 * reporter, picked by the input's length (text with and without colour,
 * JSON, SARIF, GitHub, rdjsonl, checkstyle, JUnit, HTML with the
 * reference), writes the list to a memory stream: all of them an input
 * cost four times the time.  Invariants: the reporter ends without a
 * write error and writes something; the JSON, SARIF and rdjsonl reports
 * parse as JSON.
 * The findings of the shipped rules on real text are fuzz_gate's and
 * fuzz_check's; made here, the findings cost nothing to find, and the
 * reporters (over a third of fuzz_gate's time when it had them, under
 * perf) run on far more of them.  Seeds: the fixture articles and pairs.
 * Dictionary: fuzz_report.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check/pass.h"
#include "report/report.h"
#include "text/segment.h"
#include "fuzz.h"

#define MAX_MADE 24
#define MAX_RULES 256

static const char *rule_ids[MAX_RULES], *rule_cats[MAX_RULES];
static size_t n_rules;

static void add_rule(const struct rule_info *r, void *arg)
{
	(void)arg;
	if (n_rules < MAX_RULES) {
		rule_ids[n_rules] = r->id;
		rule_cats[n_rules++] = r->category;
	}
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The word at or after *at in s[0..len), as a span; 0 when none. */
static int next_word(const char *s, uint32_t len, uint32_t *at, struct span *w)
{
	uint32_t i = *at;

	while (i < len && blank(s[i]))
		i++;
	if (i >= len)
		return 0;
	w->start = i;
	while (i < len && !blank(s[i]))
		i++;
	w->end = i;
	*at = i;
	return 1;
}

/* Evidence: the n-th word of the reference (counted round), its line as
 * the context. */
static void add_evidence(struct diag_list *l, struct diag *d,
			 const struct document *ref, uint32_t n)
{
	struct evidence ev = { 0 };
	struct span w = { 0, 0 }, any;
	uint32_t at = 0, k = 0, ls, le;
	struct doc_pos p0, p1;

	while (next_word(ref->text, ref->len, &at, &any) && k++ <= n % 64)
		w = any;
	p0 = document_position(ref, w.start, 0);
	p1 = document_position(ref, w.end, 1);
	for (ls = w.start; ls && ref->text[ls - 1] != '\n'; ls--)
		;
	for (le = w.end; le < ref->len && ref->text[le] != '\n'; le++)
		;
	ev.path = ref->path;
	ev.line = p0.line;
	ev.column = p0.column;
	ev.end_line = p1.line;
	ev.end_column = p1.column;
	ev.offset = p0.offset;
	ev.length = p1.offset - p0.offset;
	ev.text = arena_strndup(l->arena, ref->text + w.start, w.end - w.start);
	ev.context = arena_strndup(l->arena, ref->text + ls, le - ls);
	ev.score = (n % 3) ? (double)(n % 101) / 100 : -1;
	diag_set_evidence(l, d, &ev);
}

/* Findings made from the words of doc (see the top of the file). */
static void make_findings(const struct document *doc,
			  const struct document *ref, struct diag_list *l)
{
	const char *s = doc->text;
	uint32_t at = 0, i = 0, eol;
	struct span w, next;

	while (l->n < MAX_MADE && next_word(s, doc->len, &at, &w)) {
		uint8_t b = (uint8_t)s[w.start];
		uint32_t after = at;
		int has_next = next_word(s, doc->len, &after, &next);
		struct span sp = w;
		struct diag *d;
		size_t r = (b + i++ * 7) % (n_rules + 1);

		if (b % 3)
			continue;
		if (b & 0x10)
			sp.end = sp.start;
		else if ((b & 0x20) && has_next)
			sp.end = next.end;
		for (eol = w.end; eol < doc->len && s[eol] != '\n'; eol++)
			;
		d = diag_add(l, r < n_rules ? rule_ids[r] : "fuzz.unknown-rule",
			     r < n_rules ? rule_cats[r] : "fuzz/unknown",
			     (enum mt_severity)(MT_SEV_INFO + b % 3), sp,
			     "%.*s", (int)(eol - w.end), s + w.end);
		if ((b & 1) && has_next)
			diag_suggestn(l, d, s + next.start,
				      next.end - next.start);
		if (b & 2)
			diag_suggestn(l, d, "", 0);
		if ((b & 4) && has_next)
			diag_suggestn(l, d, s + w.start, next.end - w.start);
		if (b & 0x40)
			d->flags |= DIAGF_SAFE_FIX;
		if ((b & 8) && ref)
			add_evidence(l, d, ref, i);
	}
	diag_list_sort(l);
	if (ref) {
		l->summary.reference_kind = at % 2 ? "parallel" : "comparable";
		l->summary.of = doc->n_sentences;
		l->summary.aligned = doc->n_sentences
					     ? at % (doc->n_sentences + 1)
					     : 0;
	}
}

/* JSON (one document, or one a line): parses. */
static void check_json(const char *name, const char *out, size_t len)
{
	json_error_t je;
	json_t *j;

	if (!strcmp(name, "json") || !strcmp(name, "sarif")) {
		j = json_loadb(out, len, 0, &je);
		if (!j)
			abort();
		json_decref(j);
	} else if (!strcmp(name, "rdjsonl")) {
		for (const char *p = out, *e; p < out + len; p = e + 1) {
			e = memchr(p, '\n', (size_t)(out + len - p));
			if (!e)
				abort();
			j = json_loadb(p, (size_t)(e - p), 0, &je);
			if (!j)
				abort();
			json_decref(j);
		}
	}
}

/* The reporter `rep` on the list: ends, writes, and its JSON parses. */
static void report_one(const struct reporter *rep, struct checker *c,
		       const struct document *doc, const struct document *ref,
		       const struct diag_list *l, int color)
{
	struct report_options ro = { 0 };
	char *mem = NULL;
	size_t len = 0;
	void *st;

	ro.out = open_memstream(&mem, &len);
	if (!ro.out)
		abort();
	ro.checker = c;
	ro.color = color;
	st = rep->begin(&ro);
	if (rep->file_with_reference)
		rep->file_with_reference(st, doc, ref, l);
	else
		rep->file(st, doc, l);
	if (rep->end(st) != 0 || fclose(ro.out) != 0)
		abort();
	if (!len && l->n)
		abort();
	check_json(rep->name, mem, len);
	free(mem);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the checker: the rules reporters describe (none is checked) */
	struct checker *c = fuzz_checker(0, 0);
	static struct segmenter *seg;
	struct document *doc = NULL, *ref = NULL;
	struct mt_error err = { 0 };
	struct diag_list l;
	const uint8_t *sep = memmem(data, size, "\n===\n", 5);
	size_t a_len = sep ? (size_t)(sep - data) : size, n;
	const struct reporter *const *reps = reporter_list(&n);

	if (!seg && (segmenter_open("en", &seg, &err) != MT_ERR_OK))
		abort();
	if (!n_rules)
		checker_each_rule(c, add_rule, NULL);
	fuzz_load("article.txt", data, a_len, &doc);
	if (doc && sep)
		fuzz_load("reference.txt", sep + 5, size - a_len - 5, &ref);
	if (!doc || (sep && !ref) ||
	    segmenter_run(seg, doc, &err) != MT_ERR_OK ||
	    (ref && segmenter_run(seg, ref, &err) != MT_ERR_OK))
		goto out;
	diag_list_init(&l, &doc->arena);
	make_findings(doc, ref, &l);
	fuzz_check_diags(doc, &l);
	/* the input's length picks the reporter (and colour), so that a
	 * mutation tries another */
	report_one(reps[size % n], c, doc, ref, &l, (int)(size / n & 1));
	diag_list_release(&l);
out:
	document_free(doc);
	document_free(ref);
	return 0;
}
