/*
 * fix: safe fixes, applied or shown as a diff (see fix.h).
 */
#include "run/fix.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "util/atomicfile.h"
#include "util/xalloc.h"

/* Is d's fix safe to apply unattended? */
static int fix_is_safe(const struct diag *d)
{
	return (d->flags & DIAGF_SAFE_FIX) && d->n_suggestions == 1 &&
	       d->span.end > d->span.start;
}

size_t fix_pick(const struct diag_list *diags, size_t *idx)
{
	size_t n = 0;
	uint32_t last_end = 0;

	/* diags are sorted by start */
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];

		if (!fix_is_safe(d))
			continue;
		if (n && d->span.start < last_end)
			continue;
		idx[n++] = i;
		last_end = d->span.end;
	}
	return n;
}

/* Convert UTF-8 s to `enc`; NULL when it cannot be represented. */
static char *encode(iconv_t cd, const char *s, size_t *len)
{
	size_t in_left = strlen(s), cap = in_left * 4 + 8, out_left = cap;
	char *out = xmalloc(cap), *op = out;
	char *ip = (char *)s;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &in_left, &op, &out_left) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &out_left) == (size_t)-1) {
		free(out);
		return NULL;
	}
	*len = (size_t)(op - out);
	return out;
}

/*
 * Do the new bytes of a file that is not UTF-8 decode to the old text with
 * exactly the fixes made?  Replacements are encoded on their own and
 * spliced between original bytes, which is exact for every stateless
 * encoding; in a stateful one (UTF-7, ISO-2022-*) a splice can land inside
 * a shift sequence and change the meaning of the bytes after it.  So the
 * result is decoded again and compared with the text the fixes should give;
 * a difference means the file is not written.  `idx` lists the fixes
 * applied, in order.
 */
static int reads_back(const struct document *doc,
		      const struct diag_list *diags, const size_t *idx,
		      size_t n, const struct buf *bytes)
{
	struct document_options o = { .encoding = doc->encoding };
	struct document *again = NULL;
	struct mt_error e2 = { 0 };
	struct buf want = BUF_INIT;
	uint32_t pos = 0;
	int same;

	for (size_t k = 0; k < n; k++) {
		const struct diag *d = &diags->v[idx[k]];

		buf_add(&want, doc->text + pos, d->span.start - pos);
		buf_adds(&want, d->suggestions[0]);
		pos = d->span.end;
	}
	buf_add(&want, doc->text + pos, doc->len - pos);
	if (document_load_mem(doc->path, bytes->buf, bytes->len, &o, &again,
			      &e2) != MT_ERR_OK) {
		buf_release(&want);
		return 0;
	}
	same = again->len == want.len &&
	       memcmp(again->text, want.buf, want.len) == 0;
	document_free(again);
	buf_release(&want);
	return same;
}

/*
 * fix_apply(), also giving the indexes of the fixes applied, in order, in
 * *applied (free(); room for diags->n + 1).
 */
static enum mt_err apply(const struct document *doc,
			 const struct diag_list *diags, unsigned char **out,
			 size_t *out_len, size_t **applied, size_t *n_applied,
			 struct mt_error *err)
{
	size_t orig_len, *idx = xmalloc((diags->n + 1) * sizeof(*idx));
	const unsigned char *orig = document_original(doc, &orig_len);
	size_t n = fix_pick(diags, idx), pos = 0;
	iconv_t cd = (iconv_t)-1;
	struct buf b = BUF_INIT;

	*out = NULL;
	*out_len = 0;
	*n_applied = 0;
	*applied = NULL;
	if (n && strcmp(doc->encoding, "UTF-8") != 0) {
		cd = iconv_open(doc->encoding, "UTF-8");
		if (cd == (iconv_t)-1) {
			free(idx);
			return mt_error(err, MT_ERR_ENCODING,
					"cannot fix '%s': no converter to %s",
					doc->name, doc->encoding);
		}
	}
	for (size_t k = 0; k < n; k++) {
		const struct diag *d = &diags->v[idx[k]];
		uint32_t a = document_position(doc, d->span.start, 0).offset;
		uint32_t e = document_position(doc, d->span.end, 1).offset;
		const char *rep = d->suggestions[0];
		char *conv = NULL;
		size_t rep_len = strlen(rep);

		if (a < pos || e < a || e > orig_len)
			continue;
		if (cd != (iconv_t)-1) {
			conv = encode(cd, rep, &rep_len);
			if (!conv)
				continue;
			rep = conv;
		}
		buf_add(&b, orig + pos, a - pos);
		buf_add(&b, rep, rep_len);
		pos = e;
		free(conv);
		idx[(*n_applied)++] = idx[k]; /* the applied ones, in order */
	}
	buf_add(&b, orig + pos, orig_len - pos);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (cd != (iconv_t)-1 && *n_applied &&
	    !reads_back(doc, diags, idx, *n_applied, &b)) {
		free(idx);
		buf_release(&b);
		*n_applied = 0;
		return mt_error(err, MT_ERR_ENCODING,
				"cannot fix '%s': in %s the fixes would change "
				"other text (a stateful encoding); convert the "
				"file to UTF-8 first",
				doc->name, doc->encoding);
	}
	*applied = idx;
	*out = (unsigned char *)buf_detach(&b, out_len);
	return MT_ERR_OK;
}

enum mt_err fix_apply(const struct document *doc, const struct diag_list *diags,
		      unsigned char **out, size_t *out_len, size_t *n_applied,
		      struct mt_error *err)
{
	size_t *idx;
	enum mt_err rc = apply(doc, diags, out, out_len, &idx, n_applied, err);

	free(idx);
	return rc;
}

/* --- passes -------------------------------------------------------------- */

struct edits {
	struct fix_edit *v;
	size_t n, alloc;
};

static void edits_release(struct edits *E)
{
	for (size_t i = 0; i < E->n; i++)
		free(E->v[i].text);
	free(E->v);
	memset(E, 0, sizeof(*E));
}

/*
 * Where edit e of the original lands in the current text (the original
 * with the edits made): from *ca to *cl (exclusive), `shift` being the
 * growth of the edits before it.
 */
static void cur_range(const struct fix_edit *e, long shift, long *ca, long *cl)
{
	*ca = (long)e->span.start + shift;
	*cl = *ca + (long)strlen(e->text);
}

static long growth(const struct fix_edit *e)
{
	return (long)strlen(e->text) - (long)(e->span.end - e->span.start);
}

/* Does edit e (at [ca, cl) of the current text) overlap [gs, ge)?  An
 * edit that deleted text, at one point, overlaps when strictly inside;
 * an edit that ends where another starts does not overlap it. */
static int overlaps(long ca, long cl, long gs, long ge)
{
	return cl > ca ? ca < ge && cl > gs : ca > gs && ca < ge;
}

/* One pass's fixes, in the current text: l->v[idx[0..n)], sorted. */
struct pass {
	const struct diag_list *l;
	const size_t *idx;
	size_t n;
};

static struct span pass_span(const struct pass *p, size_t k)
{
	return p->l->v[p->idx[k]].span;
}

/*
 * The text the current text [gs, ge) becomes: the pass's fixes k0..k1-1
 * where they are, else the current text, which is the replacement of an
 * edit E->v[i0..] where one lies, else the original's text (`shift`: the
 * growth of the edits before i0).
 */
static void group_text(struct buf *out, const struct document *doc,
		       const struct edits *E, size_t i0, long shift,
		       const struct pass *ps, size_t k0, size_t k1, long gs,
		       long ge)
{
	size_t i = i0, k = k0;
	long p = gs;

	while (p < ge) {
		long next = k < k1 ? (long)pass_span(ps, k).start : ge;

		if (k < k1 && p == next) {
			buf_adds(out, ps->l->v[ps->idx[k]].suggestions[0]);
			p = pass_span(ps, k).end;
			k++;
			continue;
		}
		while (p < next) {
			long ca, cl, q;

			if (i >= E->n) {
				buf_add(out, doc->text + (p - shift),
					(size_t)(next - p));
				p = next;
				break;
			}
			cur_range(&E->v[i], shift, &ca, &cl);
			if (p >= cl) {
				shift += growth(&E->v[i]);
				i++;
			} else if (p >= ca) {
				q = next < cl ? next : cl;
				buf_add(out, E->v[i].text + (p - ca),
					(size_t)(q - p));
				p = q;
			} else {
				q = next < ca ? next : ca;
				buf_add(out, doc->text + (p - shift),
					(size_t)(q - p));
				p = q;
			}
		}
	}
}

/*
 * The edits of the original that make what the edits E and then the
 * pass's fixes make, in one sweep.  Edits and fixes that overlap
 * (transitively) become one group, one edit: from where the first starts
 * to where the last ends, mapped back to the original, with the text the
 * group's stretch of the current text becomes.  The rest of E is kept.
 */
static void fold_pass(const struct edits *E, const struct pass *ps,
		      const struct document *doc, struct edits *out)
{
	size_t i = 0, k = 0;
	long shift = 0; /* growth of E->v[0..i) */

	memset(out, 0, sizeof(*out));
	while (i < E->n || k < ps->n) {
		long ca = 0, cl = 0, gs, ge, shift0;
		size_t i0, k0;
		struct buf text = BUF_INIT;
		struct fix_edit m;

		if (i < E->n)
			cur_range(&E->v[i], shift, &ca, &cl);
		if (i < E->n && (k == ps->n || cl <= pass_span(ps, k).start)) {
			/* before the next fix, untouched */
			out->v = xgrow(out->v, &out->alloc, out->n + 1,
				       sizeof(*out->v));
			out->v[out->n].span = E->v[i].span;
			out->v[out->n++].text = xstrdup(E->v[i].text);
			shift += growth(&E->v[i]);
			i++;
			continue;
		}
		gs = pass_span(ps, k).start;
		ge = pass_span(ps, k).end;
		i0 = i;
		k0 = k++;
		shift0 = shift;
		for (;;) {
			if (i < E->n) {
				cur_range(&E->v[i], shift, &ca, &cl);
				if (overlaps(ca, cl, gs, ge)) {
					gs = ca < gs ? ca : gs;
					ge = cl > ge ? cl : ge;
					shift += growth(&E->v[i]);
					i++;
					continue;
				}
			}
			if (k < ps->n && (long)pass_span(ps, k).start < ge) {
				long t = pass_span(ps, k).end;

				ge = t > ge ? t : ge;
				k++;
				continue;
			}
			break;
		}
		group_text(&text, doc, E, i0, shift0, ps, k0, k, gs, ge);
		m.span.start = (uint32_t)(gs - shift0);
		m.span.end = (uint32_t)(ge - shift);
		m.text = buf_detach(&text, NULL);
		out->v = xgrow(out->v, &out->alloc, out->n + 1,
			       sizeof(*out->v));
		out->v[out->n++] = m;
	}
}

/*
 * Drop edits that change nothing any more (a later pass put the original
 * text back): the diff would show a line replaced by itself.
 */
static void drop_noops(struct edits *E, const struct document *doc)
{
	size_t o = 0;

	for (size_t i = 0; i < E->n; i++) {
		struct fix_edit *e = &E->v[i];
		size_t len = e->span.end - e->span.start;

		if (strlen(e->text) == len &&
		    !memcmp(doc->text + e->span.start, e->text, len))
			free(e->text);
		else
			E->v[o++] = *e;
	}
	E->n = o;
}

/*
 * Is the original's text with the edits made the final text?  It is
 * unless NFC joined a replacement to the text beside it (a combining mark
 * after a fix), which the offsets do not follow; then the edits may not
 * even fit the original, which is checked first.
 */
static int edits_make(const struct edits *E, const struct document *doc,
		      const struct document *final)
{
	struct buf b = BUF_INIT;
	uint32_t pos = 0;
	int same;

	for (size_t i = 0; i < E->n; i++) {
		struct span sp = E->v[i].span;

		if (sp.start < pos || sp.end < sp.start || sp.end > doc->len) {
			buf_release(&b);
			return 0;
		}
		buf_add(&b, doc->text + pos, sp.start - pos);
		buf_adds(&b, E->v[i].text);
		pos = sp.end;
	}
	buf_add(&b, doc->text + pos, doc->len - pos);
	same = b.len == final->len && !memcmp(b.buf, final->text, b.len);
	buf_release(&b);
	return same;
}

/*
 * One edit from the first byte that differs to the last: correct whatever
 * the passes did, if less precise.  Its ends are moved back to the start
 * of their characters.
 */
static void edits_whole(struct edits *E, const struct document *doc,
			const struct document *final)
{
	size_t p = 0, q = 0, n = doc->len < final->len ? doc->len : final->len;
	struct fix_edit m;

	edits_release(E);
	while (p < n && doc->text[p] == final->text[p])
		p++;
	while (p > 0 && ((unsigned char)doc->text[p] & 0xC0) == 0x80)
		p--;
	while (q < n - p &&
	       doc->text[doc->len - 1 - q] == final->text[final->len - 1 - q])
		q++;
	while (q > 0 && ((unsigned char)doc->text[doc->len - q] & 0xC0) == 0x80)
		q--;
	m.span.start = (uint32_t)p;
	m.span.end = (uint32_t)(doc->len - q);
	m.text = xstrndup(final->text + p, final->len - q - p);
	E->v = xgrow(NULL, &E->alloc, 1, sizeof(*E->v));
	E->v[0] = m;
	E->n = 1;
}

struct seen {
	unsigned char **v; /* texts of the passes, owned */
	size_t *len, n;
};

static int seen_has(const struct seen *S, const struct document *doc,
		    const unsigned char *b, size_t len)
{
	size_t orig_len;
	const unsigned char *orig = document_original(doc, &orig_len);

	if (len == orig_len && !memcmp(b, orig, len))
		return 1;
	for (size_t i = 0; i < S->n; i++)
		if (S->len[i] == len && !memcmp(S->v[i], b, len))
			return 1;
	return 0;
}

static void drop_pass(struct document **doc, struct diag_list *diags)
{
	if (*doc) {
		diag_list_release(diags);
		document_free(*doc);
	}
	*doc = NULL;
}

enum mt_err fix_check_as(struct checker *c, struct document *ref,
			 const struct document *orig,
			 const struct document_options *opts, const void *bytes,
			 size_t len, struct document **doc,
			 struct diag_list *diags, struct mt_error *err)
{
	struct document_options o = { 0 };
	enum mt_err rc;

	if (opts)
		o = *opts;
	o.kind = orig->kind;
	if (orig->encoding_detected || !opts)
		o.encoding = orig->encoding;
	rc = document_load_mem(orig->path, bytes, len, &o, doc, err);
	if (rc != MT_ERR_OK)
		return rc;
	(*doc)->encoding_detected = orig->encoding_detected;
	diag_list_init(diags, &(*doc)->arena);
	rc = checker_check(c, *doc, ref, diags, err);
	if (rc != MT_ERR_OK) {
		diag_list_release(diags);
		document_free(*doc);
		*doc = NULL;
	}
	return rc;
}

enum mt_err fix_run(const struct document *doc, const struct diag_list *diags,
		    fix_check_fn check, void *arg, struct fix_result *res,
		    struct mt_error *err)
{
	struct seen S = { 0 };
	struct edits E = { 0 };
	struct document *cur = NULL; /* NULL: the original */
	struct diag_list cur_diags = { 0 };
	enum mt_err rc = MT_ERR_OK;

	memset(res, 0, sizeof(*res));
	S.v = xcalloc(FIX_MAX_PASSES + 1, sizeof(*S.v));
	S.len = xcalloc(FIX_MAX_PASSES + 1, sizeof(*S.len));
	for (;;) {
		const struct document *d = cur ? cur : doc;
		const struct diag_list *l = cur ? &cur_diags : diags;
		struct document *next = NULL;
		struct diag_list next_diags;
		struct edits tried;
		unsigned char *bytes;
		size_t len, *idx, n;

		rc = apply(d, l, &bytes, &len, &idx, &n, err);
		if (rc != MT_ERR_OK)
			break;
		if (!n)
			res->stop = FIX_STOP_CLEAN;
		else if (seen_has(&S, doc, bytes, len))
			res->stop = FIX_STOP_CYCLE;
		else if (res->n_passes == FIX_MAX_PASSES)
			res->stop = FIX_STOP_PASSES;
		if (!n || res->stop != FIX_STOP_CLEAN) {
			free(bytes);
			free(idx);
			break;
		}
		{
			struct pass ps = { l, idx, n };

			fold_pass(&E, &ps, doc, &tried);
		}
		free(idx);
		rc = check(arg, bytes, len, &next, &next_diags, err);
		if (rc != MT_ERR_OK) {
			free(bytes);
			edits_release(&tried);
			break;
		}
		edits_release(&E);
		E = tried;
		S.v[S.n] = bytes;
		S.len[S.n++] = len;
		res->n_applied += n;
		res->n_passes++;
		drop_pass(&cur, &cur_diags);
		cur = next;
		cur_diags = next_diags;
	}
	if (rc == MT_ERR_OK && cur) {
		if (!edits_make(&E, doc, cur))
			edits_whole(&E, doc, cur);
		drop_noops(&E, doc);
		res->doc = cur;
		res->diags = cur_diags;
		res->bytes = S.v[S.n - 1];
		res->len = S.len[S.n - 1];
		S.v[--S.n] = NULL;
		res->edits = E.v;
		res->n_edits = E.n;
	} else {
		drop_pass(&cur, &cur_diags);
		edits_release(&E);
		res->n_applied = 0;
		res->n_passes = 0;
	}
	for (size_t i = 0; i < S.n; i++)
		free(S.v[i]);
	free(S.v);
	free(S.len);
	return rc;
}

void fix_result_release(struct fix_result *res)
{
	struct edits E = { res->edits, res->n_edits, res->n_edits };

	drop_pass(&res->doc, &res->diags);
	free(res->bytes);
	edits_release(&E);
	memset(res, 0, sizeof(*res));
}

enum mt_err fix_file(const struct document *doc, const struct fix_result *res,
		     int force, struct mt_error *err)
{
	size_t orig_len;
	const unsigned char *orig = document_original(doc, &orig_len);

	if (!res->n_applied)
		return MT_ERR_OK;
	if (!strcmp(doc->path, "-"))
		return mt_error(err, MT_ERR_USAGE,
				"cannot fix standard input in place");
	return atomicfile_write(doc->path, res->bytes, res->len, orig, orig_len,
				force ? ATOMICFILE_FORCE : 0, err);
}

/* --- the diff, on the UTF-8 view of the file ----------------------------- */

struct lpos {
	uint32_t line; /* 1-based */
	size_t byte;   /* byte offset in that line's UTF-8 */
};

/* Code point column (1-based) to byte offset in a UTF-8 line. */
static size_t col_to_byte(const char *s, size_t len, uint32_t col)
{
	size_t i = 0;

	while (col > 1 && i < len) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		col--;
	}
	return i;
}

static struct lpos lpos_of(const struct document *doc, uint32_t off,
			   int is_end)
{
	struct doc_pos p = document_position(doc, off, is_end);
	size_t len;
	const char *line = document_line(doc, p.line, &len);
	struct lpos r = { p.line, line ? col_to_byte(line, len, p.column) : 0 };

	return r;
}

struct change {
	uint32_t from, to; /* old lines [from, to], 1-based */
	struct buf text;   /* the new lines, each with its line end */
	int no_eol;	   /* the last one has no line end in the file */
};

static void add_line_part(struct buf *b, const struct document *doc,
			  uint32_t line, size_t a, size_t e)
{
	size_t len;
	const char *s = document_line(doc, line, &len);

	if (!s)
		return;
	if (e > len)
		e = len;
	if (a < e)
		buf_add(b, s + a, e - a);
}

/*
 * The line end of `line` as the file has it ("\r\n", "\r" or "\n"), so
 * that the diff applies to the file byte for byte; "" for a last line
 * without one.  document_line() points into the decoded text, where the
 * line end follows the line.
 */
static const char *line_end(const struct document *doc, uint32_t line)
{
	size_t len;
	const char *s = document_line(doc, line, &len);

	if (!s || !s[len])
		return "";
	if (s[len] == '\r')
		return s[len + 1] == '\n' ? "\r\n" : "\r";
	return "\n";
}

/* Append the line end; a missing one gets diff's marker line. */
static void add_end(struct buf *out, const char *end)
{
	if (*end)
		buf_adds(out, end);
	else
		buf_adds(out, "\n\\ No newline at end of file\n");
}

static void emit_line(struct buf *out, char mark, const struct document *doc,
		      uint32_t line)
{
	buf_addc(out, mark);
	add_line_part(out, doc, line, 0, (size_t)-1);
	add_end(out, line_end(doc, line));
}

/*
 * The end of the line starting at p, past its line end: "\r\n", "\r" or
 * "\n" as the file has them (a file with old Mac line ends has no '\n'
 * at all); the terminating NUL when the text has none.
 */
static const char *next_line(const char *p)
{
	p += strcspn(p, "\r\n");
	if (*p == '\r' && p[1] == '\n')
		return p + 2;
	return *p ? p + 1 : p;
}

static size_t count_lines(const struct buf *b)
{
	size_t n = 0;

	for (const char *p = b->buf; p && *p; p = next_line(p))
		n++;
	return n;
}

size_t fix_diff(const struct document *doc, const struct fix_edit *edits,
		size_t n, struct buf *out)
{
	size_t n_ch = 0, alloc = 0;
	struct change *ch = NULL;
	uint32_t n_lines = document_line_count(doc);
	long delta = 0;

	/* group edits into changes of whole lines */
	for (size_t k = 0; k < n;) {
		const struct fix_edit *d = &edits[k];
		struct lpos a = lpos_of(doc, d->span.start, 0);
		struct lpos e = lpos_of(doc, d->span.end, 1);
		struct change c = { a.line, e.line, BUF_INIT, 0 };

		add_line_part(&c.text, doc, a.line, 0, a.byte);
		for (;;) {
			buf_adds(&c.text, d->text);
			k++;
			if (k >= n)
				break;
			d = &edits[k];
			a = lpos_of(doc, d->span.start, 0);
			if (a.line > c.to)
				break;
			/* same line: the text between the two edits */
			add_line_part(&c.text, doc, a.line, e.byte, a.byte);
			e = lpos_of(doc, d->span.end, 1);
			c.to = e.line;
		}
		add_line_part(&c.text, doc, c.to, e.byte, (size_t)-1);
		/* the replaced lines keep the last one's line end; a "\n"
		 * stands for a missing one (marked when emitted) */
		c.no_eol = !*line_end(doc, c.to);
		buf_adds(&c.text, c.no_eol ? "\n" : line_end(doc, c.to));
		ch = xgrow(ch, &alloc, n_ch + 1, sizeof(*ch));
		ch[n_ch++] = c;
	}
	if (n_ch)
		buf_addf(out, "--- %s\n+++ %s\n", doc->name, doc->name);
	/* hunks: changes whose 3-line contexts touch are merged */
	for (size_t i = 0; i < n_ch;) {
		size_t j = i;
		uint32_t from = ch[i].from > 3 ? ch[i].from - 3 : 1;
		uint32_t to;
		size_t old_n, new_n = 0;
		long hunk_delta = 0;

		while (j + 1 < n_ch && ch[j + 1].from <= ch[j].to + 7)
			j++;
		to = ch[j].to + 3 <= n_lines ? ch[j].to + 3 : n_lines;
		old_n = to - from + 1;
		for (size_t k = i; k <= j; k++) {
			size_t nl = count_lines(&ch[k].text);

			hunk_delta += (long)nl - (long)(ch[k].to - ch[k].from + 1);
		}
		new_n = (size_t)((long)old_n + hunk_delta);
		buf_addf(out, "@@ -%u,%zu +%ld,%zu @@\n", from, old_n,
			 (long)from + delta, new_n);
		for (uint32_t l = from, k = (uint32_t)i; l <= to;) {
			if (k <= j && l == ch[k].from) {
				const char *p = ch[k].text.buf;

				for (uint32_t x = ch[k].from; x <= ch[k].to; x++)
					emit_line(out, '-', doc, x);
				while (*p) {
					const char *nl = next_line(p);

					buf_addc(out, '+');
					buf_add(out, p, (size_t)(nl - p));
					p = nl;
					if (!*p && ch[k].no_eol)
						buf_adds(out, "\\ No newline "
							      "at end of file\n");
				}
				l = ch[k].to + 1;
				k++;
				continue;
			}
			emit_line(out, ' ', doc, l);
			l++;
		}
		delta += hunk_delta;
		i = j + 1;
	}
	for (size_t i = 0; i < n_ch; i++)
		buf_release(&ch[i].text);
	free(ch);
	return n;
}
