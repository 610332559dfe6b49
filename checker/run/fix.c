/*
 * fix: safe fixes, applied or shown as a diff (see fix.h).
 */
#include "run/fix.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

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

enum mt_err fix_apply(const struct document *doc,
		      const struct diag_list *diags, unsigned char **out,
		      size_t *out_len, size_t *n_applied, struct mt_error *err)
{
	size_t orig_len, *idx = xmalloc((diags->n + 1) * sizeof(*idx));
	const unsigned char *orig = document_original(doc, &orig_len);
	size_t n = fix_pick(diags, idx), pos = 0;
	iconv_t cd = (iconv_t)-1;
	struct buf b = BUF_INIT;

	*out = NULL;
	*out_len = 0;
	*n_applied = 0;
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
	free(idx);
	*out = (unsigned char *)buf_detach(&b, out_len);
	return MT_ERR_OK;
}

enum mt_err fix_file(const struct document *doc,
		     const struct diag_list *diags, int force,
		     size_t *n_applied, struct mt_error *err)
{
	unsigned char *bytes;
	size_t len, orig_len;
	const unsigned char *orig = document_original(doc, &orig_len);
	enum mt_err rc = fix_apply(doc, diags, &bytes, &len, n_applied, err);

	if (rc != MT_ERR_OK)
		return rc;
	if (*n_applied) {
		if (!strcmp(doc->path, "-"))
			rc = mt_error(err, MT_ERR_USAGE,
				      "cannot fix standard input in place");
		else
			rc = atomicfile_write(doc->path, bytes, len, orig,
					      orig_len,
					      force ? ATOMICFILE_FORCE : 0,
					      err);
		if (rc != MT_ERR_OK)
			*n_applied = 0;
	}
	free(bytes);
	return rc;
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

size_t fix_diff(const struct document *doc, const struct diag_list *diags,
		struct buf *out)
{
	size_t *idx = xmalloc((diags->n + 1) * sizeof(*idx));
	size_t n = fix_pick(diags, idx), n_ch = 0, alloc = 0;
	struct change *ch = NULL;
	uint32_t n_lines = document_line_count(doc);
	long delta = 0;

	/* group edits into changes of whole lines */
	for (size_t k = 0; k < n;) {
		const struct diag *d = &diags->v[idx[k]];
		struct lpos a = lpos_of(doc, d->span.start, 0);
		struct lpos e = lpos_of(doc, d->span.end, 1);
		struct change c = { a.line, e.line, BUF_INIT, 0 };

		add_line_part(&c.text, doc, a.line, 0, a.byte);
		for (;;) {
			buf_adds(&c.text, d->suggestions[0]);
			k++;
			if (k >= n)
				break;
			d = &diags->v[idx[k]];
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
	free(idx);
	return n;
}
