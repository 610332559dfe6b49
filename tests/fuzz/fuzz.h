/*
 * fuzz: what the libFuzzer targets of tests/fuzz share (header only).
 *
 * A target checks one thing fast: each opens its checker once, with only
 * the passes it fuzzes switched on (fuzz_checker()), so that a small input
 * costs well under a millisecond -- a target below 1,000 executions a
 * second finds little in the time `make fuzz` gives it.  The invariants
 * every target asserts on a diagnostic list are in fuzz_check_diags().
 */
#ifndef MT_FUZZ_H
#define MT_FUZZ_H

#include <stdint.h>
#include <stdlib.h>

#include "check/diag.h"
#include "run/checker.h"
#include "text/document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What a target's checker runs besides the rule engine's built-in checks
 * (always on): the shipped rules, and the passes. */
enum fuzz_pass {
	/* the shipped rule files: fuzz_check's subject, and the findings the
	 * parser skips; off for the spelling and reference passes, which do
	 * not read them (on, the rules cost 29 % of fuzz_spelling's time and
	 * 13 % of fuzz_reference's, under perf) */
	FUZZ_RULES = 1 << 0,
	FUZZ_SPELLING = 1 << 1,	 /* Hunspell and the spelling pass */
	FUZZ_REFERENCE = 1 << 2, /* the reference comparison */
	FUZZ_PARSER = 1 << 3,	 /* link-grammar */
};

/*
 * A checker, opened on the first call, with the passes of `passes` on and
 * the others off.  Aborts when it cannot be opened (MTLINT_DATA_DIR must
 * point at the tree: `make fuzz` sets it).
 */
static inline struct checker *fuzz_checker(unsigned passes, int report_unused)
{
	static struct checker *c;
	static const char *off[4];
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	size_t n = 0;

	if (c)
		return c;
	if (!(passes & FUZZ_SPELLING))
		off[n++] = "spelling";
	if (!(passes & FUZZ_REFERENCE)) {
		off[n++] = "reference";
		off[n++] = "names";
	}
	o.disable = off;
	o.n_disable = n;
	o.no_builtin_rules = !(passes & FUZZ_RULES);
	o.grammar_parser = (passes & FUZZ_PARSER) ? 1 : 0;
	o.report_unused = report_unused;
	if (checker_new(&o, &c, &err) != MT_ERR_OK)
		abort();
	return c;
}

/*
 * Does s hold a UTF-8 multi-byte sequence (a lead byte and a continuation
 * byte after it)?  document_load_mem() refuses input that does and is
 * not UTF-8, without asking the charset detector.
 */
static inline int fuzz_has_multibyte(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] >= 0xC2 && s[i] <= 0xF4 && (s[i + 1] & 0xC0) == 0x80)
			return 1;
	return 0;
}

/*
 * The input as a document (*out; NULL when it cannot be one), as
 * document_load_mem() reads it -- UTF-8, UTF-16/32 by a BOM, refused when
 * not UTF-8 but with UTF-8 sequences in it -- but for the input it would
 * hand to ICU's charset detector (no UTF-8 multi-byte sequence at all),
 * which is read as ISO-8859-1, every byte a character.  Detection is
 * fuzz_decode's subject; in the targets that check text it took 4 to 8 %
 * of the time (under perf) to pick among 8-bit charsets for mutated
 * bytes.  ISO-8859-1 still goes through iconv and the byte map, and puts
 * Latin-1 letters and C1 controls in the text.
 */
static inline void fuzz_load(const char *path, const uint8_t *data, size_t size,
			     struct document **out)
{
	struct document_options o = { 0 };
	struct mt_error err = { 0 };

	*out = NULL;
	o.encoding = "UTF-8";
	if (document_load_mem(path, data, size, &o, out, &err) == MT_ERR_OK ||
	    err.code != MT_ERR_ENCODING || fuzz_has_multibyte(data, size))
		return;
	o.encoding = "ISO-8859-1";
	if (document_load_mem(path, data, size, &o, out, &err) != MT_ERR_OK)
		*out = NULL;
}

/* Sorted, inside the document, on character boundaries, fixes sane. */
static inline void fuzz_check_diags(const struct document *doc,
				    const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];
		struct doc_pos a, b;

		if (d->span.start > d->span.end || d->span.end > doc->len)
			abort();
		if (i && d->span.start < l->v[i - 1].span.start)
			abort();
		if ((doc->text[d->span.start] & 0xC0) == 0x80 ||
		    (d->span.end < doc->len &&
		     (doc->text[d->span.end] & 0xC0) == 0x80))
			abort();
		a = document_position(doc, d->span.start, 0);
		b = document_position(doc, d->span.end, 1);
		if (a.offset > b.offset || a.line > b.line || !a.line)
			abort();
	}
}

/* The input as a document (fuzz_load()) through the checker of `passes`, then the
 * invariants of fuzz_check_diags() (the whole of the text targets). */
static inline int fuzz_check_text(unsigned passes, const uint8_t *data,
				  size_t size)
{
	struct checker *checker = fuzz_checker(passes, 0);
	struct document *doc;
	struct mt_error err = { 0 };
	struct diag_list l;

	fuzz_load("fuzz", data, size, &doc);
	if (!doc)
		return 0;
	diag_list_init(&l, &doc->arena);
	if (checker_check(checker, doc, NULL, &l, &err) == MT_ERR_OK)
		fuzz_check_diags(doc, &l);
	diag_list_release(&l);
	document_free(doc);
	return 0;
}

#endif /* MT_FUZZ_H */
