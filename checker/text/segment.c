/*
 * segment: ICU word and sentence boundaries, joined into the tokens an
 * editor sees (see segment.h).
 *
 * The work runs in passes over the whole text, each linear:
 *   1. URL and e-mail spans with ICU regular expressions;
 *   2. ICU word boundaries -> raw pieces (whitespace remembered as flags);
 *   3. joins: protected spans, handles, numbers, hyphens, abbreviations;
 *   4. ICU sentence boundaries, minus those inside a token or right after a
 *      known abbreviation, then paragraphs at blank lines.
 */
#include "text/segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/uregex.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "util/xalloc.h"

struct segmenter {
	UBreakIterator *words;
	UBreakIterator *sentences;
	URegularExpression *url;
	URegularExpression *email;
	char **abbrevs; /* sorted; from ICU's sentence-break exceptions */
	size_t n_abbrevs;
};

static const char url_pattern[] =
	"(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s<>\"“”‘’«»]+";
static const char email_pattern[] =
	"\\b[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*"
	"\\.\\p{L}{2,}\\b";

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Abbreviations come from ICU's own data (brkitr/<lang> exceptions), the
 * list ICU's filtered sentence iterator uses in C++: "Mr.", "U.S.", ...
 * A locale without the list simply has none.
 */
static void load_abbrevs(struct segmenter *s, const char *locale)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *r = ures_open(U_ICUDATA_NAME "-brkitr", locale, &st);
	UResourceBundle *e = ures_getByKey(r, "exceptions", NULL, &st);
	UResourceBundle *sb = ures_getByKey(e, "SentenceBreak", NULL, &st);

	if (U_SUCCESS(st)) {
		int32_t n = ures_getSize(sb);

		s->abbrevs = xcalloc((size_t)n + 1, sizeof(char *));
		for (int32_t i = 0; i < n; i++) {
			int32_t len = 0;
			UErrorCode st2 = U_ZERO_ERROR;
			const UChar *u = ures_getStringByIndex(sb, i, &len,
							       &st2);
			char tmp[64];
			int32_t blen = 0;

			if (U_FAILURE(st2))
				continue;
			u_strToUTF8(tmp, sizeof(tmp), &blen, u, len, &st2);
			if (U_FAILURE(st2) || blen <= 0 ||
			    blen >= (int32_t)sizeof(tmp))
				continue;
			s->abbrevs[s->n_abbrevs++] = xstrndup(tmp,
							      (size_t)blen);
		}
		if (s->n_abbrevs > 1)
			qsort(s->abbrevs, s->n_abbrevs, sizeof(char *),
			      cmp_str);
	}
	ures_close(sb);
	ures_close(e);
	ures_close(r);
}

/*
 * Titles written before a name that ICU's list lacks (it leaves out "Dr."
 * because it also abbreviates "Drive", which may end a sentence).  In news
 * text a title before a capitalised word is far more common.
 */
static const char *const extra_titles[] = {
	"Adm.", "Brig.", "Cmdr.", "Dr.",   "Fr.",  "Gen.", "Gov.",
	"Hon.", "Jr.",	 "Mme.",  "Pres.", "Sen.", "Sr.",  "St.",
};

static int is_known_abbrev(const struct segmenter *s, const char *p, size_t n)
{
	char tmp[64];
	const char *key = tmp;

	if (n >= sizeof(tmp))
		return 0;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(extra_titles); i++)
		if (strcmp(tmp, extra_titles[i]) == 0)
			return 1;
	return s->n_abbrevs && bsearch(&key, s->abbrevs, s->n_abbrevs,
				       sizeof(char *), cmp_str) != NULL;
}

enum mt_err segmenter_open(const char *locale, struct segmenter **out,
			   struct mt_error *err)
{
	struct segmenter *s = xcalloc(1, sizeof(*s));
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	char sloc[64];

	*out = NULL;
	if (!locale)
		locale = "en";
	snprintf(sloc, sizeof(sloc), "%s@ss=standard", locale);
	s->words = ubrk_open(UBRK_WORD, locale, NULL, 0, &st);
	s->sentences = ubrk_open(UBRK_SENTENCE, sloc, NULL, 0, &st);
	s->url = uregex_openC(url_pattern, UREGEX_CASE_INSENSITIVE, &pe, &st);
	s->email = uregex_openC(email_pattern, 0, &pe, &st);
	if (U_FAILURE(st)) {
		segmenter_close(s);
		return mt_error(err, MT_ERR_UNICODE,
				"cannot open ICU break iterators for '%s': %s",
				locale, u_errorName(st));
	}
	load_abbrevs(s, locale);
	*out = s;
	return MT_ERR_OK;
}

void segmenter_close(struct segmenter *s)
{
	if (!s)
		return;
	ubrk_close(s->words);
	ubrk_close(s->sentences);
	uregex_close(s->url);
	uregex_close(s->email);
	for (size_t i = 0; i < s->n_abbrevs; i++)
		free(s->abbrevs[i]);
	free(s->abbrevs);
	free(s);
}

struct tokvec {
	struct token *v;
	size_t n, alloc;
};

static struct token *tok_push(struct tokvec *tv)
{
	tv->v = xgrow(tv->v, &tv->alloc, tv->n + 1, sizeof(*tv->v));
	memset(&tv->v[tv->n], 0, sizeof(tv->v[0]));
	return &tv->v[tv->n++];
}

/* Protected spans (URLs, e-mail addresses): sorted, not overlapping. */
struct prot {
	struct span span;
	uint16_t kind;
};

struct protvec {
	struct prot *v;
	size_t n, alloc;
};

static const char trail_punct[] = ".,;:!?)]}'\"";

static void find_protected(URegularExpression *re, UText *ut, const char *text,
			   uint16_t kind, struct protvec *pv)
{
	UErrorCode st = U_ZERO_ERROR;

	uregex_setUText(re, ut, &st);
	/* bounded work per match; a pathological input cannot hang us */
	uregex_setTimeLimit(re, 1000, &st);
	while (U_SUCCESS(st) && uregex_findNext(re, &st)) {
		int64_t a = uregex_start64(re, 0, &st);
		int64_t b = uregex_end64(re, 0, &st);

		if (U_FAILURE(st))
			break;
		/* a URL does not end with sentence punctuation */
		while (b > a && strchr(trail_punct, text[b - 1]))
			b--;
		if (b <= a)
			continue;
		pv->v = xgrow(pv->v, &pv->alloc, pv->n + 1, sizeof(*pv->v));
		pv->v[pv->n].span.start = (uint32_t)a;
		pv->v[pv->n].span.end = (uint32_t)b;
		pv->v[pv->n].kind = kind;
		pv->n++;
	}
}

static int cmp_prot(const void *a, const void *b)
{
	const struct prot *x = a, *y = b;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	return x->span.end > y->span.end ? -1 : x->span.end < y->span.end;
}

/* Sort and drop spans inside earlier ones (an e-mail inside a URL). */
static void prot_normalise(struct protvec *pv)
{
	size_t o = 0;

	if (pv->n > 1)
		qsort(pv->v, pv->n, sizeof(*pv->v), cmp_prot);
	for (size_t i = 0; i < pv->n; i++) {
		if (o && pv->v[i].span.start < pv->v[o - 1].span.end)
			continue;
		pv->v[o++] = pv->v[i];
	}
	pv->n = o;
}

static void set_flags(const char *text, struct token *t)
{
	int32_t i = (int32_t)t->span.start, end = (int32_t)t->span.end;
	int letters = 0, upper = 0, first = 1;

	while (i < end) {
		UChar32 c;

		U8_NEXT(text, i, end, c);
		if (c >= 0x80)
			t->flags |= TOKF_NONASCII;
		if (c == '\'' || c == 0x2019)
			t->flags |= TOKF_APOS;
		if (u_isalpha(c)) {
			letters++;
			if (u_isupper(c) || u_istitle(c)) {
				upper++;
				if (first)
					t->flags |= TOKF_CAP;
			}
			first = 0;
		}
	}
	if (letters >= 2 && upper == letters)
		t->flags |= TOKF_ALLCAPS;
}

static int is_char(const char *text, const struct token *t, const char *set)
{
	return token_len(t) == 1 && strchr(set, text[t->span.start]) != NULL;
}

/* Is there whitespace between tokens a and b? */
static int adjacent(const struct token *a, const struct token *b)
{
	return a->span.end == b->span.start && !(b->flags & TOKF_SPACE_BEFORE);
}

/* Merge tokens [i, j] of v into v[i] (kind kept unless given). */
static void merge(struct token *v, size_t i, size_t j)
{
	v[i].span.end = v[j].span.end;
}

/*
 * Pass 3: joins.  Reads raw pieces from `in` and writes editor tokens to
 * `out`; `pv` holds the protected spans in order.
 */
static void join_tokens(const struct segmenter *s, const char *text,
			struct tokvec *in, struct protvec *pv,
			struct tokvec *out)
{
	struct token *v = in->v;
	size_t n = in->n, pi = 0;

	for (size_t i = 0; i < n;) {
		struct token t = v[i];
		size_t j = i;

		while (pi < pv->n && pv->v[pi].span.end <= t.span.start)
			pi++;
		if (pi < pv->n && pv->v[pi].span.start <= t.span.start) {
			/* a URL or e-mail address: one token */
			uint32_t end = pv->v[pi].span.end;

			while (j + 1 < n && v[j + 1].span.start < end)
				j++;
			t.kind = pv->v[pi].kind;
			t.span.end = v[j].span.end > end ? v[j].span.end : end;
			t.flags &= TOKF_SPACE_BEFORE | TOKF_LINE_BEFORE;
			*tok_push(out) = t;
			i = j + 1;
			continue;
		}
		if ((is_char(text, &t, "@#")) && j + 1 < n &&
		    adjacent(&v[j], &v[j + 1]) && (v[j + 1].kind == TOK_WORD) &&
		    (i == 0 || !adjacent(&v[i - 1], &t) ||
		     v[i - 1].kind == TOK_PUNCT)) {
			t.kind = text[t.span.start] == '@' ? TOK_HANDLE
							   : TOK_HASHTAG;
			t.span.end = v[j + 1].span.end;
			*tok_push(out) = t;
			i = j + 2;
			continue;
		}
		if (t.kind == TOK_NUMBER) {
			/* 2016-12-29, 10:30, 1/2 */
			while (j + 2 < n && is_char(text, &v[j + 1], "-/:.") &&
			       v[j + 2].kind == TOK_NUMBER &&
			       adjacent(&v[j], &v[j + 1]) &&
			       adjacent(&v[j + 1], &v[j + 2]))
				j += 2;
			merge(v, i, j);
			t.span.end = v[i].span.end;
		}
		if (t.kind == TOK_WORD || t.kind == TOK_NUMBER) {
			/* hyphenated compounds: President-elect, 72-hour */
			size_t k = j;
			int words = t.kind == TOK_WORD;

			while (k + 2 < n &&
			       (is_char(text, &v[k + 1], "-") ||
				(token_len(&v[k + 1]) == 3 &&
				 memcmp(text + v[k + 1].span.start,
					"\xe2\x80\x90", 3) == 0)) &&
			       (v[k + 2].kind == TOK_WORD ||
				v[k + 2].kind == TOK_NUMBER) &&
			       adjacent(&v[k], &v[k + 1]) &&
			       adjacent(&v[k + 1], &v[k + 2])) {
				words |= v[k + 2].kind == TOK_WORD;
				k += 2;
			}
			if (k > j && words) {
				t.kind = TOK_WORD;
				t.flags |= TOKF_HYPHEN;
				t.span.end = v[k].span.end;
				j = k;
			}
		}
		if (t.kind == TOK_WORD && !(t.flags & TOKF_HYPHEN) &&
		    j + 1 < n && is_char(text, &v[j + 1], ".") &&
		    adjacent(&v[j], &v[j + 1])) {
			/* U.S. (inner dots), Mr., Adm. when ICU lists it, and
			 * single-letter initials (J. Smith) */
			const char *p = text + t.span.start;
			size_t len = token_len(&t);
			int inner = memchr(p, '.', len) != NULL;
			int initial = len == 1 && p[0] >= 'A' && p[0] <= 'Z';

			if (inner || initial ||
			    is_known_abbrev(s, p, len + 1)) {
				t.flags |= TOKF_ABBREV;
				t.span.end = v[j + 1].span.end;
				j++;
			}
		}
		t.flags &= TOKF_SPACE_BEFORE | TOKF_LINE_BEFORE | TOKF_ABBREV |
			   TOKF_HYPHEN | TOKF_IDEO;
		set_flags(text, &t);
		*tok_push(out) = t;
		i = j + 1;
	}
}

/* Pass 2: raw pieces from ICU's word iterator. */
static enum mt_err raw_words(struct segmenter *s, UText *ut, const char *text,
			     uint32_t len, struct tokvec *raw,
			     struct mt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t prev, cur;
	uint16_t pending = 0;

	ubrk_setUText(s->words, ut, &st);
	if (U_FAILURE(st))
		return mt_error(err, MT_ERR_UNICODE,
				"cannot segment text into words: %s",
				u_errorName(st));
	prev = ubrk_first(s->words);
	while ((cur = ubrk_next(s->words)) != UBRK_DONE) {
		int32_t status = ubrk_getRuleStatus(s->words);
		int32_t i = prev;
		UChar32 c;
		int space = 1, line = 0;

		if ((uint32_t)cur > len)
			cur = (int32_t)len;
		while (i < cur) {
			U8_NEXT(text, i, cur, c);
			if (c == '\n' || c == '\r' || c == 0x2028 ||
			    c == 0x2029)
				line = 1;
			if (!u_isUWhiteSpace(c)) {
				space = 0;
				break;
			}
		}
		if (space) {
			pending |= TOKF_SPACE_BEFORE;
			if (line)
				pending |= TOKF_LINE_BEFORE;
			prev = cur;
			continue;
		}
		if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
			/* ICU gives a run of punctuation as one piece at
			 * times ("..."): one token per character */
			int32_t k = prev;

			while (k < cur) {
				struct token *t = tok_push(raw);
				int32_t start = k;

				U8_NEXT(text, k, cur, c);
				t->span.start = (uint32_t)start;
				t->span.end = (uint32_t)k;
				t->kind = u_ispunct(c) ? TOK_PUNCT : TOK_SYMBOL;
				t->flags = pending;
				pending = 0;
				if (u_isUWhiteSpace(c)) {
					/* a space inside ("\n\n  \u00AD": ICU
					 * joins spaces and a format character
					 * after them): skip it, keeping the
					 * line break before it */
					raw->n--;
					pending = t->flags | TOKF_SPACE_BEFORE;
				}
			}
			prev = cur;
			continue;
		}
		struct token *t = tok_push(raw);

		t->span.start = (uint32_t)prev;
		t->span.end = (uint32_t)cur;
		t->flags = pending;
		pending = 0;
		i = prev;
		U8_NEXT(text, i, cur, c);
		if (status >= UBRK_WORD_NUMBER &&
		    status < UBRK_WORD_NUMBER_LIMIT)
			t->kind = TOK_NUMBER;
		else if (u_isdigit(c))
			t->kind = TOK_NUMBER; /* 72nd, 1990s */
		else if (c == '@' && cur - prev > 1)
			t->kind = TOK_HANDLE; /* ICU keeps "@name" whole */
		else if (c == '#' && cur - prev > 1)
			t->kind = TOK_HASHTAG;
		else
			t->kind = TOK_WORD;
		if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT)
			t->flags |= TOKF_IDEO;
		prev = cur;
	}
	return MT_ERR_OK;
}

struct spanvec {
	struct span *v;
	size_t n, alloc;
};

static void span_push(struct spanvec *sv, uint32_t a, uint32_t b)
{
	sv->v = xgrow(sv->v, &sv->alloc, sv->n + 1, sizeof(*sv->v));
	sv->v[sv->n].start = a;
	sv->v[sv->n].end = b;
	sv->n++;
}

/* Paragraphs: runs of lines separated by blank (whitespace-only) lines. */
static void find_paragraphs(const char *text, uint32_t len, struct spanvec *out)
{
	uint32_t pos = 0, start = UINT32_MAX, last_end = 0;

	while (pos < len) {
		uint32_t e = pos, content_end = pos;
		int blank = 1;

		while (e < len && text[e] != '\n' && text[e] != '\r')
			e++;
		for (uint32_t k = pos; k < e; k++) {
			unsigned char c = (unsigned char)text[k];

			if (c != ' ' && c != '\t' && c != '\f' && c != '\v') {
				blank = 0;
				content_end = k + 1;
			}
		}
		if (!blank) {
			if (start == UINT32_MAX)
				start = pos;
			last_end = content_end;
		} else if (start != UINT32_MAX) {
			span_push(out, start, last_end);
			start = UINT32_MAX;
		}
		if (e < len && text[e] == '\r' && e + 1 < len &&
		    text[e + 1] == '\n')
			e++;
		pos = e + 1;
	}
	if (start != UINT32_MAX)
		span_push(out, start, last_end);
}

/*
 * Tokens to sentences.  A sentence boundary falling inside a token, or
 * right after an abbreviation ICU lists (ICU's C API does not apply its
 * own exceptions list) while the line goes on, is dropped.  *out (heap,
 * free()) gets *n_out sentences.
 */
static void tokens_to_sentences(const struct segmenter *s,
				const struct document *doc,
				const struct tokvec *toks,
				const struct spanvec *sents,
				struct sentence **out, size_t *n_out)
{
	struct sentence *sv = NULL;
	size_t n_sv = 0, a_sv = 0, si = 0;
	size_t ti = 0;

	while (ti < toks->n) {
		const struct token *t = &toks->v[ti];

		while (si < sents->n && sents->v[si].end <= t->span.start)
			si++;
		struct sentence cur = { .first_token = (uint32_t)ti };
		uint32_t end = si < sents->n ? sents->v[si].end : doc->len;

		cur.span.start = t->span.start;
		while (ti < toks->n) {
			const struct token *u = &toks->v[ti];

			if (u->span.start >= end) {
				const struct token *p = &toks->v[ti - 1];

				if (!(u->flags & TOKF_LINE_BEFORE) &&
				    (p->flags & TOKF_ABBREV) &&
				    (token_len(p) == 2 ||
				     is_known_abbrev(s,
						     doc->text + p->span.start,
						     token_len(p))) &&
				    si + 1 < sents->n) {
					si++;
					end = sents->v[si].end;
					continue;
				}
				break;
			}
			if (u->span.end > end) {
				while (si + 1 < sents->n &&
				       sents->v[si].end < u->span.end)
					si++;
				end = sents->v[si].end > u->span.end
					      ? sents->v[si].end
					      : u->span.end;
			}
			ti++;
		}
		cur.n_tokens = (uint32_t)ti - cur.first_token;
		cur.span.end = toks->v[ti - 1].span.end;
		/* "... the situation. ”": ICU ends the sentence before a
		 * closing quote set off by a space; it belongs to the
		 * sentence before, on the same line */
		int only_punct = 1;

		for (uint32_t k = cur.first_token; k < ti; k++)
			if (toks->v[k].kind != TOK_PUNCT)
				only_punct = 0;
		if (only_punct && n_sv &&
		    !(toks->v[cur.first_token].flags & TOKF_LINE_BEFORE)) {
			sv[n_sv - 1].n_tokens += cur.n_tokens;
			sv[n_sv - 1].span.end = cur.span.end;
			continue;
		}
		sv = xgrow(sv, &a_sv, n_sv + 1, sizeof(*sv));
		sv[n_sv++] = cur;
	}
	*out = sv;
	*n_out = n_sv;
}

/*
 * Sentences to paragraphs (in doc's arena); a sentence never crosses a
 * blank line, since ICU breaks at every line end.
 */
static struct paragraph *assign_paragraphs(struct document *doc,
					   const struct spanvec *paras,
					   struct sentence *sv, size_t n_sv)
{
	struct paragraph *pg = arena_zalloc(
		&doc->arena, (paras->n ? paras->n : 1) * sizeof(*pg));
	size_t pi = 0;

	for (size_t k = 0; k < paras->n; k++)
		pg[k].span = paras->v[k];
	for (size_t k = 0; k < n_sv; k++) {
		while (pi + 1 < paras->n &&
		       paras->v[pi].end <= sv[k].span.start)
			pi++;
		sv[k].paragraph = (uint32_t)pi;
		if (pg[pi].n_sentences == 0)
			pg[pi].first_sentence = (uint32_t)k;
		pg[pi].n_sentences++;
	}
	return pg;
}

enum mt_err segmenter_run(struct segmenter *s, struct document *doc,
			  struct mt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, doc->text, (int64_t)doc->len, &st);
	struct tokvec raw = { 0 }, toks = { 0 };
	struct protvec pv = { 0 };
	struct spanvec sents = { 0 }, paras = { 0 };
	struct sentence *sv;
	struct paragraph *pg;
	size_t n_sv;
	enum mt_err rc;

	if (U_FAILURE(st))
		return mt_error(err, MT_ERR_UNICODE, "%s: cannot open text: %s",
				doc->name, u_errorName(st));
	/* the regular expressions would try every position: run them only
	 * where their anchors occur at all */
	if (strstr(doc->text, "://") || strcasestr(doc->text, "www."))
		find_protected(s->url, ut, doc->text, TOK_URL, &pv);
	if (memchr(doc->text, '@', doc->len))
		find_protected(s->email, ut, doc->text, TOK_EMAIL, &pv);
	prot_normalise(&pv);
	rc = raw_words(s, ut, doc->text, doc->len, &raw, err);
	if (rc != MT_ERR_OK)
		goto out;
	join_tokens(s, doc->text, &raw, &pv, &toks);

	/* sentences from ICU, trimmed of whitespace */
	st = U_ZERO_ERROR;
	ubrk_setUText(s->sentences, ut, &st);
	if (U_FAILURE(st)) {
		rc = mt_error(err, MT_ERR_UNICODE,
			      "%s: cannot segment sentences: %s", doc->name,
			      u_errorName(st));
		goto out;
	}
	{
		int32_t prev = ubrk_first(s->sentences), cur;

		while ((cur = ubrk_next(s->sentences)) != UBRK_DONE) {
			span_push(&sents, (uint32_t)prev, (uint32_t)cur);
			prev = cur;
		}
	}
	find_paragraphs(doc->text, doc->len, &paras);

	tokens_to_sentences(s, doc, &toks, &sents, &sv, &n_sv);
	pg = assign_paragraphs(doc, &paras, sv, n_sv);
	doc->tokens = arena_memdup(&doc->arena, toks.v,
				   toks.n * sizeof(*toks.v));
	doc->n_tokens = (uint32_t)toks.n;
	doc->sentences = arena_memdup(&doc->arena, sv, n_sv * sizeof(*sv));
	doc->n_sentences = (uint32_t)n_sv;
	doc->paragraphs = pg;
	doc->n_paragraphs = (uint32_t)paras.n;
	free(sv);
	rc = MT_ERR_OK;
out:
	/* detach the iterators from the text before closing it */
	st = U_ZERO_ERROR;
	ubrk_setText(s->words, NULL, 0, &st);
	st = U_ZERO_ERROR;
	ubrk_setText(s->sentences, NULL, 0, &st);
	utext_close(ut);
	free(raw.v);
	free(toks.v);
	free(pv.v);
	free(sents.v);
	free(paras.v);
	return rc;
}

uint32_t document_sentence_after(const struct document *doc, uint32_t from,
				 uint32_t to, uint32_t off)
{
	while (from < to) {
		uint32_t mid = from + (to - from) / 2;

		if (doc->sentences[mid].span.end <= off)
			from = mid + 1;
		else
			to = mid;
	}
	return from;
}

int token_is(const struct document *doc, const struct token *t, const char *s)
{
	size_t n = strlen(s);

	return token_len(t) == n &&
	       memcmp(doc->text + t->span.start, s, n) == 0;
}

uint32_t document_sentence_at(const struct document *doc, uint32_t off)
{
	uint32_t lo = 0, hi = doc->n_sentences;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const struct sentence *s = &doc->sentences[mid];

		if (off < s->span.start)
			hi = mid;
		else if (off >= s->span.end)
			lo = mid + 1;
		else
			return mid;
	}
	return UINT32_MAX;
}

/* A sentence starts a real one unless it continues a hard-wrapped line
 * (segment.h). */
int document_starts_sentence(const struct document *doc, const struct sentence *s)
{
	const struct token *last;
	const char *p;

	if (s == doc->sentences || s[-1].paragraph != s->paragraph ||
	    !s[-1].n_tokens || !s->n_tokens)
		return 1;
	last = &doc->tokens[s[-1].first_token + s[-1].n_tokens - 1];
	p = doc->text + last->span.start;
	if (last->kind != TOK_PUNCT)
		return (last->flags & TOKF_ABBREV) != 0;
	return strchr(".!?:;)]\"'", p[0]) != NULL ||
	       strncmp(p, "\xe2\x80\x9d", 3) == 0 || /* ” */
	       strncmp(p, "\xe2\x80\x99", 3) == 0 || /* ’ */
	       strncmp(p, "\xe2\x80\xa6", 3) == 0;   /* … */
}

