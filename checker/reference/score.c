/*
 * score: chrF and BLEU (see score.h for the definitions).
 *
 * Both count n-grams with a strtab per order: the n-gram is a slice of a
 * buffer holding the text without whitespace (chrF) or the tokenised text
 * (BLEU), so counting is linear in the length of the documents.
 */
#include "reference/score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/strtab.h"
#include "util/xalloc.h"

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static size_t u8len(unsigned char c)
{
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/*
 * Is the character at s (n bytes) whitespace as Python's str.split() sees
 * it?  ASCII blanks and separators, NEL, NBSP, U+1680, U+2000..U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000.
 */
static int is_space(const unsigned char *s, size_t n)
{
	if (n == 1)
		return s[0] == ' ' || (s[0] >= 0x09 && s[0] <= 0x0d) ||
		       (s[0] >= 0x1c && s[0] <= 0x1f);
	if (n == 2)
		return s[0] == 0xc2 && (s[1] == 0x85 || s[1] == 0xa0);
	if (n == 3) {
		if (s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80)
			return 1;
		if (s[0] == 0xe2 && s[1] == 0x80)
			return s[2] <= 0x8a || s[2] == 0xa8 || s[2] == 0xa9 ||
			       s[2] == 0xaf;
		if (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f)
			return 1;
		if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
			return 1;
	}
	return 0;
}

/* Text without whitespace, and the byte offset of each code point (plus
 * one past the end). */
struct chars {
	char *s;
	size_t *off;
	size_t n; /* code points */
};

static void chars_init(struct chars *c, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t o = 0;

	c->s = xmalloc(len + 1);
	c->off = xmalloc((len + 1) * sizeof(*c->off));
	c->n = 0;
	for (size_t i = 0; i < len;) {
		size_t k = u8len(p[i]);

		if (i + k > len)
			k = len - i;
		if (!is_space(p + i, k)) {
			c->off[c->n++] = o;
			memcpy(c->s + o, p + i, k);
			o += k;
		}
		i += k;
	}
	c->off[c->n] = o;
}

static void chars_release(struct chars *c)
{
	free(c->s);
	free(c->off);
}

/*
 * Count the n-grams of side 0 (hypothesis) and side 1 (reference) and the
 * clipped matches.  gram(i) of side k is a slice of that side's buffer.
 */
struct grams {
	const char *s;
	const size_t *start, *end; /* n-gram i is s[start[i], end[i]) */
	size_t n;
};

/* The table and counts count_matches() fills, kept from one order to the
 * next (cleared, not freed) so that a score allocates them once. */
struct counter {
	struct strtab t;
	size_t *c_hyp, *c_ref, alloc_h, alloc_r;
};

static void counter_release(struct counter *k)
{
	strtab_release(&k->t);
	free(k->c_hyp);
	free(k->c_ref);
}

static size_t count_matches(struct counter *k, const struct grams *hyp,
			    const struct grams *ref)
{
	size_t match = 0;

	strtab_clear(&k->t);
	/* room for as many distinct n-grams as there are */
	k->c_hyp = xgrow(k->c_hyp, &k->alloc_h, hyp->n + ref->n,
			 sizeof(*k->c_hyp));
	k->c_ref = xgrow(k->c_ref, &k->alloc_r, hyp->n + ref->n,
			 sizeof(*k->c_ref));
	for (size_t side = 0; side < 2; side++) {
		const struct grams *g = side ? ref : hyp;

		for (size_t i = 0; i < g->n; i++) {
			int is_new;
			uint32_t id = strtab_intern(&k->t, g->s + g->start[i],
						    g->end[i] - g->start[i],
						    &is_new);

			if (is_new)
				k->c_hyp[id] = k->c_ref[id] = 0;
			if (side)
				k->c_ref[id]++;
			else
				k->c_hyp[id]++;
		}
	}
	for (uint32_t id = 0; id < strtab_count(&k->t); id++)
		match += k->c_hyp[id] < k->c_ref[id] ? k->c_hyp[id]
						     : k->c_ref[id];
	return match;
}

/* The character n-grams of c as slices: start[i] = off[i], end[i] =
 * off[i + n]. */
static void char_grams(const struct chars *c, size_t n, struct grams *g)
{
	g->s = c->s;
	g->n = c->n >= n ? c->n - n + 1 : 0;
	g->start = c->off;
	g->end = c->off + n;
}

/*
 * Add one segment's n-gram counts (and, for BLEU, lengths) to acc (zeroed
 * by the caller before the first segment); then compute the averages and
 * the score from the totals with *_finish(), which returns it.
 */
static void chrf_add(struct chrf_stats *acc, const char *hyp, size_t hyp_len,
		     const char *ref, size_t ref_len)
{
	struct chars h, r;
	struct counter k = { 0 };

	chars_init(&h, hyp, hyp_len);
	chars_init(&r, ref, ref_len);
	for (size_t n = 1; n <= SCORE_CHRF_ORDER; n++) {
		struct grams gh, gr;

		char_grams(&h, n, &gh);
		char_grams(&r, n, &gr);
		acc->hyp[n - 1] += gh.n;
		acc->ref[n - 1] += gr.n;
		acc->match[n - 1] += gh.n && gr.n ? count_matches(&k, &gh, &gr)
						  : 0;
	}
	counter_release(&k);
	chars_release(&h);
	chars_release(&r);
}

static double chrf_finish(struct chrf_stats *acc)
{
	const double b2 = SCORE_CHRF_BETA * SCORE_CHRF_BETA;
	double p = 0, rc = 0;
	int eff = 0;

	acc->precision = acc->recall = acc->score = 0;
	for (size_t n = 0; n < SCORE_CHRF_ORDER; n++) {
		if (!acc->hyp[n] || !acc->ref[n])
			continue;
		p += (double)acc->match[n] / (double)acc->hyp[n];
		rc += (double)acc->match[n] / (double)acc->ref[n];
		eff++;
	}
	if (eff) {
		acc->precision = p / eff;
		acc->recall = rc / eff;
	}
	if (acc->precision + acc->recall > 0)
		acc->score = 100.0 * (1 + b2) * acc->precision * acc->recall /
			     (b2 * acc->precision + acc->recall);
	return acc->score;
}

double score_chrf(const char *hyp, size_t hyp_len, const char *ref,
		  size_t ref_len, struct chrf_stats *out)
{
	memset(out, 0, sizeof(*out));
	chrf_add(out, hyp, hyp_len, ref, ref_len);
	return chrf_finish(out);
}

/* --- 13a tokenisation --------------------------------------------------- */

/* mteval-v13a's first rule: the ASCII punctuation split off everywhere
 * ([{-~[-` -&(-+:-@/] in its regex: all of it but ' , - .). */
static int is_13a_punct(unsigned char c)
{
	return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') ||
	       (c >= ' ' && c <= '&') || (c >= '(' && c <= '+') ||
	       (c >= ':' && c <= '@') || c == '/';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/*
 * One regex substitution pass of the form "(A)(B)" -> replacement, applied
 * left to right without overlap as Python's re.sub does.  `rule` 2: a
 * non-digit then '.' or ',' -> "\1 \2 "; rule 3: '.' or ',' then a
 * non-digit -> " \1 \2"; rule 4: a digit then '-' -> "\1 \2 ".  Bytes stand
 * for characters: every class here is ASCII, and a byte of a multi-byte
 * character is a non-digit like the character.
 */
static void pass2(const struct buf *in, struct buf *out, int rule)
{
	const unsigned char *s = (const unsigned char *)in->buf;
	size_t n = in->len;

	buf_reset(out);
	for (size_t i = 0; i < n;) {
		int m = 0;

		if (i + 1 < n) {
			unsigned char a = s[i], b = s[i + 1];

			if (rule == 2)
				m = !is_digit(a) && (b == '.' || b == ',');
			else if (rule == 3)
				m = (a == '.' || a == ',') && !is_digit(b);
			else
				m = is_digit(a) && b == '-';
		}
		if (!m) {
			buf_addc(out, (char)s[i++]);
			continue;
		}
		if (rule == 3)
			buf_addc(out, ' ');
		buf_addc(out, (char)s[i]);
		buf_addc(out, ' ');
		buf_addc(out, (char)s[i + 1]);
		if (rule != 3)
			buf_addc(out, ' ');
		i += 2;
	}
}

/* Does s[i..n) start with the ASCII string lit? */
static int at(const char *s, size_t i, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return i + k <= n && memcmp(s + i, lit, k) == 0;
}

char *score_tokenize_13a(const char *s, size_t len, size_t *out_len)
{
	struct buf a = BUF_INIT, b = BUF_INIT, o = BUF_INIT;
	const unsigned char *p;

	/* the language-independent part: <skipped>, "-\n", "\n", entities */
	buf_addc(&a, ' ');
	for (size_t i = 0; i < len;) {
		if (at(s, i, len, "<skipped>")) {
			i += 9;
		} else if (at(s, i, len, "-\n")) {
			i += 2;
		} else if (s[i] == '\n') {
			buf_addc(&a, ' ');
			i++;
		} else {
			buf_addc(&a, s[i]);
			i++;
		}
	}
	buf_addc(&a, ' ');
	/* entities are replaced one kind after the other, as str.replace */
	static const char *const ent[][2] = { { "&quot;", "\"" },
					      { "&amp;", "&" },
					      { "&lt;", "<" },
					      { "&gt;", ">" } };
	for (size_t e = 0; e < ARRAY_SIZE(ent); e++) {
		if (!memchr(a.buf, '&', a.len))
			break;
		buf_reset(&b);
		for (size_t i = 0; i < a.len;) {
			if (at(a.buf, i, a.len, ent[e][0])) {
				buf_adds(&b, ent[e][1]);
				i += strlen(ent[e][0]);
			} else {
				buf_addc(&b, a.buf[i++]);
			}
		}
		buf_reset(&a);
		buf_add(&a, b.buf, b.len);
	}
	/* rule 1: punctuation */
	buf_reset(&b);
	for (size_t i = 0; i < a.len; i++) {
		unsigned char c = (unsigned char)a.buf[i];

		if (is_13a_punct(c) && c != ' ') {
			buf_addc(&b, ' ');
			buf_addc(&b, (char)c);
			buf_addc(&b, ' ');
		} else {
			buf_addc(&b, (char)c);
		}
	}
	pass2(&b, &a, 2);
	pass2(&a, &b, 3);
	pass2(&b, &a, 4);
	/* split on whitespace and join with single spaces */
	p = (const unsigned char *)a.buf;
	for (size_t i = 0; i < a.len;) {
		size_t k = u8len(p[i]);

		if (i + k > a.len)
			k = a.len - i;
		if (is_space(p + i, k)) {
			i += k;
			continue;
		}
		if (o.len)
			buf_addc(&o, ' ');
		while (i < a.len) {
			k = u8len(p[i]);
			if (i + k > a.len)
				k = a.len - i;
			if (is_space(p + i, k))
				break;
			buf_add(&o, p + i, k);
			i += k;
		}
	}
	buf_release(&a);
	buf_release(&b);
	return buf_detach(&o, out_len);
}

/* Token boundaries of a tokenised string (tokens split by single spaces). */
struct toks {
	char *s;
	size_t len;
	size_t *start, *end;
	size_t n;
};

static void toks_init(struct toks *t, const char *text, size_t len)
{
	t->s = score_tokenize_13a(text, len, &t->len);
	t->start = xmalloc((t->len / 2 + 2) * sizeof(*t->start));
	t->end = xmalloc((t->len / 2 + 2) * sizeof(*t->end));
	t->n = 0;
	for (size_t i = 0; i < t->len;) {
		size_t j = i;

		while (j < t->len && t->s[j] != ' ')
			j++;
		t->start[t->n] = i;
		t->end[t->n++] = j;
		i = j + 1;
	}
}

static void toks_release(struct toks *t)
{
	free(t->s);
	free(t->start);
	free(t->end);
}

static void word_grams(const struct toks *t, size_t n, struct grams *g)
{
	g->s = t->s;
	g->n = t->n >= n ? t->n - n + 1 : 0;
	g->start = t->start;
	g->end = t->end + n - 1;
}

static void bleu_add(struct bleu_stats *acc, const char *hyp, size_t hyp_len,
		     const char *ref, size_t ref_len)
{
	struct toks h, r;
	struct counter k = { 0 };

	toks_init(&h, hyp, hyp_len);
	toks_init(&r, ref, ref_len);
	acc->sys_len += h.n;
	acc->ref_len += r.n;
	for (size_t n = 1; n <= SCORE_BLEU_ORDER; n++) {
		struct grams gh, gr;

		word_grams(&h, n, &gh);
		word_grams(&r, n, &gr);
		acc->totals[n - 1] += gh.n;
		acc->counts[n - 1] += gh.n && gr.n ? count_matches(&k, &gh, &gr)
						   : 0;
	}
	counter_release(&k);
	toks_release(&h);
	toks_release(&r);
}

static double bleu_finish(struct bleu_stats *acc)
{
	double smooth = 1, logsum = 0;

	memset(acc->precisions, 0, sizeof(acc->precisions));
	acc->score = 0;
	for (size_t n = 1; n <= SCORE_BLEU_ORDER; n++) {
		size_t tot = acc->totals[n - 1], cnt = acc->counts[n - 1];

		if (!tot)
			break;
		if (!cnt) {
			smooth *= 2;
			acc->precisions[n - 1] = 100.0 / (smooth * (double)tot);
		} else {
			acc->precisions[n - 1] = 100.0 * (double)cnt /
						 (double)tot;
		}
	}
	if (acc->sys_len < acc->ref_len)
		acc->bp = acc->sys_len ? exp(1.0 - (double)acc->ref_len /
						       (double)acc->sys_len)
				       : 0.0;
	else
		acc->bp = 1.0;
	for (size_t n = 0; n < SCORE_BLEU_ORDER; n++) {
		if (acc->precisions[n] <= 0)
			return 0;
		logsum += log(acc->precisions[n]);
	}
	acc->score = acc->bp * exp(logsum / SCORE_BLEU_ORDER);
	return acc->score;
}

double score_bleu(const char *hyp, size_t hyp_len, const char *ref,
		  size_t ref_len, struct bleu_stats *out)
{
	memset(out, 0, sizeof(*out));
	bleu_add(out, hyp, hyp_len, ref, ref_len);
	return bleu_finish(out);
}

/* --- corpus level -------------------------------------------------------- */

size_t score_count_lines(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n + (len > 0 && s[len - 1] != '\n');
}

/* The next line of s[*pos..len) (without its '\n'); advances *pos. */
static void next_line(const char *s, size_t len, size_t *pos,
		      const char **line, size_t *n)
{
	const char *nl = memchr(s + *pos, '\n', len - *pos);
	size_t end = nl ? (size_t)(nl - s) : len;

	*line = s + *pos;
	*n = end - *pos;
	*pos = nl ? end + 1 : len;
}

int score_corpus(const char *hyp, size_t hyp_len, const char *ref,
		 size_t ref_len, struct chrf_stats *cs, struct bleu_stats *bs)
{
	size_t lines = score_count_lines(hyp, hyp_len), hp = 0, rp = 0;

	memset(cs, 0, sizeof(*cs));
	memset(bs, 0, sizeof(*bs));
	if (lines != score_count_lines(ref, ref_len))
		return -1;
	for (size_t i = 0; i < lines; i++) {
		const char *h, *r;
		size_t hn, rn;

		next_line(hyp, hyp_len, &hp, &h, &hn);
		next_line(ref, ref_len, &rp, &r, &rn);
		chrf_add(cs, h, hn, r, rn);
		bleu_add(bs, h, hn, r, rn);
	}
	chrf_finish(cs);
	bleu_finish(bs);
	return 0;
}
