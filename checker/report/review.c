/*
 * review: the review page's markup (see review.h): one document's text
 * with its findings and the words that differ from the aligned reference
 * sentence, the reference beside it, the list of findings, and the page
 * around the sections.
 */
#include "report/review.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reference/align.h"
#include "reference/score.h"
#include "report/report.h"
#include "text/segment.h"
#include "util/xalloc.h"

/* Append s (n bytes) to b with &, <, >, " and ' escaped. */
static void review_escape(struct buf *b, const char *s, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		const char *e = NULL;

		switch (s[i]) {
		case '&':
			e = "&amp;";
			break;
		case '<':
			e = "&lt;";
			break;
		case '>':
			e = "&gt;";
			break;
		case '"':
			e = "&quot;";
			break;
		case '\'':
			e = "&#39;";
			break;
		default:
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, e);
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

static void esc(struct buf *b, const char *s)
{
	review_escape(b, s ? s : "", s ? strlen(s) : 0);
}

/* "fluency/grammar" -> "fluency-grammar": a class name */
static void category_class(struct buf *b, const char *cat)
{
	for (const char *p = cat ? cat : "other"; *p; p++)
		buf_addc(b, (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')
				    ? *p
				    : '-');
}

static const char *const sev_icon[] = {"", "\u2139", "\u25B2",
				       "\u2716"}; /* i, triangle, x */

/* --- the words that differ ----------------------------------------------- */

static int is_word(const struct token *t)
{
	return t->kind == TOK_WORD || t->kind == TOK_NUMBER;
}

/* Does sentence s of d hold a word equal to w (ASCII case folded)? */
static int sentence_has(const struct document *d, uint32_t s, const char *w,
			uint32_t n)
{
	const struct sentence *se = &d->sentences[s];

	for (uint32_t k = 0; k < se->n_tokens; k++) {
		const struct token *t = &d->tokens[se->first_token + k];

		if (is_word(t) && token_len(t) == n &&
		    !strncasecmp(d->text + t->span.start, w, n))
			return 1;
	}
	return 0;
}

/*
 * The spans of the words of d's sentences that none of their counterparts
 * in `other` hold: others(s, &n) lists the counterparts of sentence s.
 * Sorted; in d's arena; *n_out entries.
 */
struct counterparts {
	const uint32_t *v;
	uint32_t n;
};

static struct span *differing(const struct document *d,
			      const struct document *other,
			      const struct counterparts *cp, uint32_t *n_out)
{
	struct arena *a = (struct arena *)&d->arena;
	struct span *v = NULL;
	uint32_t n = 0, cap = 0;

	for (uint32_t s = 0; s < d->n_sentences; s++) {
		const struct sentence *se = &d->sentences[s];

		if (!cp[s].n)
			continue;
		for (uint32_t k = 0; k < se->n_tokens; k++) {
			const struct token *t = &d->tokens[se->first_token + k];
			int found = 0;

			if (!is_word(t))
				continue;
			for (uint32_t o = 0; o < cp[s].n && !found; o++)
				found = sentence_has(other, cp[s].v[o],
						     d->text + t->span.start,
						     token_len(t));
			if (found)
				continue;
			if (n == cap) {
				struct span *nv;

				cap = cap ? 2 * cap : 64;
				nv = arena_alloc(a, cap * sizeof(*nv));
				if (n)
					memcpy(nv, v, n * sizeof(*nv));
				v = nv;
			}
			v[n++] = t->span;
		}
	}
	*n_out = n;
	return v;
}

/* --- one text with its marks --------------------------------------------- */

struct marked {
	const struct document *d;
	const struct diag_list *diags; /* NULL: none (the reference) */
	const struct span *diff;
	uint32_t n_diff;
	const struct align_match *al;  /* the article: its counterparts */
	const struct counterparts *cp; /* the reference: its article's */
	const char *side;	       /* "a" or "r": ids */
	size_t index;
};

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return (a > b) - (a < b);
}

static void open_sentence(struct buf *b, const struct marked *m, uint32_t s)
{
	buf_addf(b, "<span class=\"s\" id=\"%s%zu-%u\" data-s=\"%u\"", m->side,
		 m->index, s, s);
	if (m->al && m->al[s].ref != ALIGN_NONE)
		buf_addf(b, " data-ref=\"%u\"", m->al[s].ref);
	if (m->cp && m->cp[s].n) {
		buf_adds(b, " data-art=\"");
		for (uint32_t k = 0; k < m->cp[s].n; k++)
			buf_addf(b, "%s%u", k ? " " : "", m->cp[s].v[k]);
		buf_addc(b, '"');
	}
	buf_adds(b, ">");
}

/* A mark for the findings `act` (n of them, ascending) over [a, z). */
static void add_mark(struct buf *b, const struct marked *m, const size_t *act,
		     size_t n, int diff, uint32_t a, uint32_t z)
{
	enum mt_severity sev = MT_SEV_NONE;
	const char *cat = NULL;

	for (size_t k = 0; k < n; k++) {
		const struct diag *g = &m->diags->v[act[k]];

		if (g->severity > sev || !cat) {
			sev = g->severity > sev ? g->severity : sev;
			cat = g->category;
		}
	}
	buf_addf(b, "<mark class=\"f sev-%s cat-", mt_severity_name(sev));
	category_class(b, cat);
	buf_adds(b, diff ? " d" : "");
	buf_adds(b, a == z ? " z\" data-f=\"" : "\" data-f=\"");
	for (size_t k = 0; k < n; k++)
		buf_addf(b, "%s%zu", k ? " " : "", act[k]);
	buf_adds(b, "\">");
	review_escape(b, m->d->text + a, z - a);
	buf_adds(b, "</mark>");
}

/*
 * The text of m->d, cut at every bound of a sentence, a finding and a
 * differing word: each piece is plain, a differing word (span.d) or a
 * mark of the findings covering it.  Linear in the text and the bounds,
 * times the findings covering one piece.
 */
static void render_text(struct buf *b, const struct marked *m)
{
	const struct document *d = m->d;
	size_t nd = m->diags ? m->diags->n : 0, na = 0, nb = 0;
	uint32_t *bound = xmalloc(
		(2 * nd + 2 * m->n_diff + 2 * (size_t)d->n_sentences + 2) *
		sizeof(*bound));
	size_t *act = xmalloc((nd + 1) * sizeof(*act));
	size_t *order = xmalloc((nd + 1) * sizeof(*order));
	size_t next = 0; /* next finding (in order of start) to open */
	uint32_t s = 0, w = 0, pos = 0;
	int in_sentence = 0;

	for (size_t k = 0; k < nd; k++) {
		bound[nb++] = m->diags->v[k].span.start;
		bound[nb++] = m->diags->v[k].span.end;
		order[k] = k;
	}
	/* findings by start (insertion sort: they come nearly sorted) */
	for (size_t k = 1; k < nd; k++)
		for (size_t j = k;
		     j > 0 && m->diags->v[order[j - 1]].span.start >
				      m->diags->v[order[j]].span.start;
		     j--) {
			size_t t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (uint32_t k = 0; k < m->n_diff; k++) {
		bound[nb++] = m->diff[k].start;
		bound[nb++] = m->diff[k].end;
	}
	for (uint32_t k = 0; k < d->n_sentences; k++) {
		bound[nb++] = d->sentences[k].span.start;
		bound[nb++] = d->sentences[k].span.end;
	}
	bound[nb++] = d->len;
	qsort(bound, nb, sizeof(*bound), cmp_u32);

	for (size_t i = 0; i < nb; i++) {
		uint32_t z = bound[i];

		if (i && z == bound[i - 1])
			continue;
		/* the piece [pos, z) */
		if (z > pos) {
			int diff = w < m->n_diff && m->diff[w].start <= pos &&
				   pos < m->diff[w].end;

			if (na)
				add_mark(b, m, act, na, diff, pos, z);
			else if (diff) {
				buf_adds(b, "<span class=\"d\">");
				review_escape(b, d->text + pos, z - pos);
				buf_adds(b, "</span>");
			} else {
				review_escape(b, d->text + pos, z - pos);
			}
		}
		pos = z;
		/* close what ends here, open what starts here */
		for (size_t k = 0; k < na;) {
			if (m->diags->v[act[k]].span.end <= pos)
				memmove(act + k, act + k + 1,
					(--na - k) * sizeof(*act));
			else
				k++;
		}
		while (w < m->n_diff && m->diff[w].end <= pos)
			w++;
		if (in_sentence && d->sentences[s].span.end <= pos) {
			buf_adds(b, "</span>");
			in_sentence = 0;
			s++;
		}
		while (next < nd &&
		       m->diags->v[order[next]].span.start <= pos) {
			size_t k = order[next++];
			size_t j = na;

			if (m->diags->v[k].span.end == pos) {
				size_t one = k;

				add_mark(b, m, &one, 1, 0, pos, pos);
				continue;
			}
			while (j > 0 && act[j - 1] > k) {
				act[j] = act[j - 1];
				j--;
			}
			act[j] = k;
			na++;
		}
		while (!in_sentence && s < d->n_sentences &&
		       d->sentences[s].span.end <= pos)
			s++; /* an empty sentence: nothing to wrap */
		if (!in_sentence && s < d->n_sentences &&
		    d->sentences[s].span.start <= pos &&
		    pos < d->sentences[s].span.end) {
			open_sentence(b, m, s);
			in_sentence = 1;
		}
	}
	if (in_sentence)
		buf_adds(b, "</span>");
	free(bound);
	free(act);
	free(order);
}

/* --- the list of findings ------------------------------------------------- */

static void render_finding(struct buf *b, const struct document *doc,
			   size_t index, size_t k, const struct diag *g)
{
	struct doc_pos a = document_position(doc, g->span.start, 0);
	struct doc_pos z = document_position(doc, g->span.end, 1);
	const char *sev = mt_severity_name(g->severity);
	struct buf words = BUF_INIT;

	buf_addf(b,
		 "<li id=\"f%zu-%zu\" tabindex=\"0\" data-f=\"%zu\" "
		 "data-severity=\"%s\" data-category=\"",
		 index, k, k, sev);
	esc(b, g->category);
	buf_adds(b, "\" data-rule=\"");
	esc(b, g->rule);
	buf_addf(b, "\" data-o16=\"%u\" data-l16=\"%u\" data-line=\"%u\">",
		 a.offset16, z.offset16 - a.offset16, a.line);
	buf_addf(b,
		 "<span class=\"sev sev-%s\"><span aria-hidden=\"true\">%s"
		 "</span> %s</span> ",
		 sev, sev_icon[g->severity], sev);
	buf_adds(b, "<span class=\"cat\">");
	esc(b, g->category);
	buf_adds(b, "</span> <code class=\"rule\">");
	esc(b, g->rule);
	buf_addf(b,
		 "</code> <span class=\"where\">line %u:%u</span>"
		 "<p class=\"msg\">",
		 a.line, a.column);
	esc(b, g->message);
	buf_adds(b, "</p><p class=\"span\"><q>");
	review_escape(b, doc->text + g->span.start,
		      g->span.end - g->span.start);
	buf_adds(b, "</q></p>");
	if (g->n_suggestions) {
		buf_adds(b, "<p class=\"suggs\">Suggestions: ");
		for (uint32_t j = 0; j < g->n_suggestions; j++) {
			buf_addf(b,
				 "<button type=\"button\" class=\"sugg\" "
				 "data-f=\"%zu\" data-v=\"",
				 k);
			esc(b, g->suggestions[j]);
			buf_adds(b, "\">");
			buf_reset(&words);
			report_suggestion_words(&words, doc, g,
						g->suggestions[j]);
			esc(b, words.buf);
			buf_adds(b, "</button> ");
		}
		buf_adds(b, "</p>");
		buf_release(&words);
	}
	if (g->evidence) {
		const struct evidence *e = g->evidence;

		buf_adds(b, "<p class=\"evidence\">Evidence: ");
		esc(b, e->path);
		if (e->line)
			buf_addf(b, " line %u", e->line);
		if (e->text) {
			buf_adds(b, ": <q>");
			esc(b, e->text);
			buf_adds(b, "</q>");
		}
		if (e->context) {
			buf_adds(b, "<br><span class=\"ctx\">");
			esc(b, e->context);
			buf_adds(b, "</span>");
		}
		buf_adds(b, "</p>");
	}
	buf_adds(b, "<button type=\"button\" class=\"dismiss\">Dismiss"
		    "</button></li>\n");
}

/* --- a section ------------------------------------------------------------ */

static void render_counts(struct buf *b, const struct diag_list *diags)
{
	size_t by[4] = {0};

	for (size_t k = 0; k < diags->n; k++)
		by[diags->v[k].severity & 3]++;
	buf_addf(b, "<p class=\"counts\"><strong>%zu finding%s</strong>",
		 diags->n, diags->n == 1 ? "" : "s");
	for (int s = MT_SEV_ERROR; s >= MT_SEV_INFO; s--)
		buf_addf(b,
			 " <span class=\"sev sev-%s\"><span "
			 "aria-hidden=\"true\">%s</span> %zu %s</span>",
			 mt_severity_name(s), sev_icon[s], by[s],
			 mt_severity_name(s));
	buf_adds(b, "</p>\n");
}

/*
 * For each reference sentence, the article sentences aligned with it at
 * a score of at least `min` (a counting sort of the alignment), in `a`.
 */
static struct counterparts *invert(const struct document *doc,
				   const struct document *ref,
				   const struct align_match *al, float min,
				   struct arena *a)
{
	struct counterparts *cp =
		arena_alloc(a, (ref->n_sentences + 1) * sizeof(*cp));
	uint32_t *heads =
		arena_alloc(a, (ref->n_sentences + 1) * sizeof(*heads));
	uint32_t *all = arena_alloc(a, (doc->n_sentences + 1) * sizeof(*all));

	memset(heads, 0, (ref->n_sentences + 1) * sizeof(*heads));
	for (uint32_t s = 0; s < doc->n_sentences; s++)
		if (al[s].ref != ALIGN_NONE && al[s].score >= min)
			heads[al[s].ref + 1]++;
	for (uint32_t j = 0; j < ref->n_sentences; j++)
		heads[j + 1] += heads[j];
	for (uint32_t j = 0; j < ref->n_sentences; j++) {
		cp[j].v = all + heads[j];
		cp[j].n = 0;
	}
	for (uint32_t s = 0; s < doc->n_sentences; s++)
		if (al[s].ref != ALIGN_NONE && al[s].score >= min)
			all[heads[al[s].ref] + cp[al[s].ref].n++] = s;
	return cp;
}

void review_section(struct buf *b, size_t index, const struct document *doc,
		    const struct document *ref, const struct diag_list *diags)
{
	struct arena *a = (struct arena *)&doc->arena;
	struct marked art = {
		.d = doc, .diags = diags, .side = "a", .index = index};
	struct marked rm = {.d = ref, .side = "r", .index = index};
	struct counterparts *acp = NULL, *rcp = NULL;

	buf_addf(b, "<section class=\"file\" id=\"file%zu\" data-path=\"",
		 index);
	esc(b, doc->path);
	buf_adds(b, "\"><h2>");
	esc(b, doc->name);
	buf_adds(b, "</h2>\n");
	render_counts(b, diags);
	if (ref) {
		struct chrf_stats cs;
		struct bleu_stats bs;
		uint32_t n = 0;

		art.al = align_sentences(doc, ref, a);
		/* every counterpart is linked; words are compared only
		 * between sentences that say much the same */
		acp = arena_alloc(a, (doc->n_sentences + 1) * sizeof(*acp));
		for (uint32_t s = 0; s < doc->n_sentences; s++) {
			acp[s].v = &art.al[s].ref;
			acp[s].n = art.al[s].ref != ALIGN_NONE &&
				   art.al[s].score >= REVIEW_DIFF_MIN_SCORE;
			n += art.al[s].ref != ALIGN_NONE;
		}
		rcp = invert(doc, ref, art.al, REVIEW_DIFF_MIN_SCORE, a);
		art.diff = differing(doc, ref, acp, &art.n_diff);
		rm.diff = differing(ref, doc, rcp, &rm.n_diff);
		rm.cp = invert(doc, ref, art.al, 0, a);
		score_chrf(doc->text, doc->len, ref->text, ref->len, &cs);
		score_bleu(doc->text, doc->len, ref->text, ref->len, &bs);
		buf_adds(b, "<p class=\"scores\">Against the reference <code>");
		esc(b, ref->name);
		buf_addf(b,
			 "</code>: chrF <strong>%.1f</strong>, BLEU "
			 "<strong>%.1f</strong>; %u of %u sentences aligned",
			 cs.score, bs.score,
			 diags->summary.reference_kind ? diags->summary.aligned
						       : n,
			 diags->summary.reference_kind ? diags->summary.of
						       : doc->n_sentences);
		if (diags->summary.reference_kind) {
			buf_adds(b, " (");
			esc(b, diags->summary.reference_kind);
			buf_adds(b, " reference)");
		}
		buf_adds(b, ".</p>\n");
	}
	buf_addf(b,
		 "<div class=\"panes%s\"><div class=\"pane\"><h3>Article"
		 "</h3><div class=\"text\" lang=\"en\">",
		 ref ? " two" : "");
	render_text(b, &art);
	buf_adds(b, "</div></div>\n");
	if (ref) {
		buf_adds(b, "<div class=\"pane\"><h3>Reference</h3>"
			    "<div class=\"ref\" lang=\"en\">");
		render_text(b, &rm);
		buf_adds(b, "</div></div>\n");
	}
	buf_adds(b, "</div>\n<aside class=\"side\"><h3>Findings</h3>"
		    "<div class=\"filters\"></div><ol class=\"findings\">\n");
	for (size_t k = 0; k < diags->n; k++)
		render_finding(b, doc, index, k, &diags->v[k]);
	buf_adds(b, "</ol></aside></section>\n");
}

void review_section_error(struct buf *b, size_t index, const char *path,
			  const char *msg)
{
	buf_addf(b,
		 "<section class=\"file error\" id=\"file%zu\" "
		 "data-path=\"",
		 index);
	esc(b, path);
	buf_adds(b, "\"><h2>");
	esc(b, path);
	buf_adds(b, "</h2><p class=\"failed\" role=\"alert\">Not checked: ");
	esc(b, msg);
	buf_adds(b, "</p></section>\n");
}

/* --- counts and the page ---------------------------------------------------
 */

void review_count(struct review_counts *c, const struct diag_list *diags)
{
	c->files++;
	for (size_t k = 0; k < diags->n; k++) {
		const char *cat =
			diags->v[k].category ? diags->v[k].category : "other";
		size_t j = 0;

		c->by_severity[diags->v[k].severity & 3]++;
		while (j < c->n_categories &&
		       strcmp(c->categories[j].name, cat))
			j++;
		if (j == c->n_categories) {
			c->categories =
				xrealloc(c->categories,
					 (j + 1) * sizeof(*c->categories));
			c->categories[j].name = xstrdup(cat);
			c->categories[j].n = 0;
			c->n_categories++;
		}
		c->categories[j].n++;
	}
}

void review_counts_release(struct review_counts *c)
{
	for (size_t j = 0; j < c->n_categories; j++)
		free(c->categories[j].name);
	free(c->categories);
	memset(c, 0, sizeof(*c));
}

static int cmp_category(const void *x, const void *y)
{
	return strcmp(((const struct review_category *)x)->name,
		      ((const struct review_category *)y)->name);
}

static void render_summary(struct buf *b, const struct review_counts *c)
{
	size_t total = 0;

	for (int s = 1; s < 4; s++)
		total += c->by_severity[s];
	buf_addf(b,
		 "<section class=\"summary\" aria-label=\"Summary\"><p>"
		 "%zu file%s, <strong>%zu finding%s</strong>",
		 c->files, c->files == 1 ? "" : "s", total,
		 total == 1 ? "" : "s");
	if (c->errors)
		buf_addf(b, ", %zu not checked", c->errors);
	buf_adds(b, ":");
	for (int s = MT_SEV_ERROR; s >= MT_SEV_INFO; s--)
		buf_addf(b,
			 " <span class=\"sev sev-%s\"><span "
			 "aria-hidden=\"true\">%s</span> %zu %s</span>",
			 mt_severity_name(s), sev_icon[s], c->by_severity[s],
			 mt_severity_name(s));
	buf_adds(b, "</p>");
	if (c->n_categories) {
		qsort(c->categories, c->n_categories, sizeof(*c->categories),
		      cmp_category);
		buf_adds(b, "<table><caption>Findings by category</caption>"
			    "<thead><tr><th scope=\"col\">Category</th>"
			    "<th scope=\"col\">Findings</th></tr></thead>"
			    "<tbody>");
		for (size_t j = 0; j < c->n_categories; j++) {
			buf_adds(b, "<tr><td><span class=\"swatch cat-");
			category_class(b, c->categories[j].name);
			buf_adds(b, "\"></span>");
			esc(b, c->categories[j].name);
			buf_addf(b, "</td><td>%zu</td></tr>",
				 c->categories[j].n);
		}
		buf_adds(b, "</tbody></table>");
	}
	buf_adds(b, "</section>\n");
}

void review_page(struct buf *b, const char *title,
		 const struct review_counts *c, const char *sections, size_t n,
		 int live)
{
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head>"
		    "<meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\">"
		    "<meta http-equiv=\"Content-Security-Policy\" "
		    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
		    "script-src 'unsafe-inline'; img-src data:");
	buf_adds(b, live ? "; connect-src 'self'\">" : "\">");
	buf_addf(b, "<meta name=\"generator\" content=\"mtlint %s\"><title>",
		 MT_VERSION);
	esc(b, title);
	buf_adds(b, "</title>\n<style>\n");
	buf_adds(b, review_css);
	buf_adds(b, "</style></head>\n<body><header><h1>");
	esc(b, title);
	buf_adds(b,
		 "</h1><p class=\"keys\">Keys: <kbd>n</kbd>/<kbd>p</kbd> "
		 "next/previous finding, <kbd>Enter</kbd> on a finding shows "
		 "it in the text.</p></header>\n<main>\n");
	if (live)
		buf_adds(b, review_live_html);
	if (c)
		render_summary(b, c);
	buf_adds(b, live ? "<div id=\"results\" aria-live=\"polite\">" : "");
	buf_add(b, sections, n);
	buf_adds(b, live ? "</div>" : "");
	buf_adds(b, "</main>\n<script>\n");
	buf_adds(b, review_js);
	buf_adds(b, "</script>\n</body></html>\n");
}
