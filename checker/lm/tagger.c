/*
 * tagger: Viterbi over the model's tag bigrams (see tagger.h).
 */
#include "lm/tagger.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "lm/lm.h"

#define NEG_INF (-1e30)

/* Candidate tags of a word, with their log emission scores: a known
 * word has at most LM_MAX_WORD_TAGS, a guessed one at most five. */
#define MAX_CANDS 8

struct cands {
	int n;
	uint8_t tag[MAX_CANDS];
	double score[MAX_CANDS];
};

static void add(const struct lm *lm, struct cands *c, const char *name,
		double weight)
{
	int t = lm_tag_by_name(lm, name);
	uint32_t ct;

	if (t < 0 || c->n >= MAX_CANDS)
		return;
	ct = lm_tag1(lm, (uint32_t)t);
	/* P(w | t) is proportional to P(t | w) / P(t): a rare word of a
	 * common tag should not beat the tag's own distribution */
	c->tag[c->n] = (uint8_t)t;
	c->score[c->n++] = log(weight) - log(ct + 1.0);
}

static int ends(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n > k + 1 && strncasecmp(s + n - k, suf, k) == 0;
}

/* Punctuation as the Brown corpus writes it. */
static const char *punct_tag(const char *s, size_t n)
{
	if (n == 1 && strchr(".?!", s[0]))
		return ".";
	if (n == 1 && strchr(",;:()", s[0]))
		return s[0] == ';' ? "." : s[0] == ',' ? "," :
		       s[0] == ':' ? ":" : s[0] == '(' ? "(" : ")";
	if ((n == 3 && !memcmp(s, "\xe2\x80\x9c", 3)) ||
	    (n == 3 && !memcmp(s, "\xe2\x80\x98", 3)))
		return "``";
	if ((n == 3 && !memcmp(s, "\xe2\x80\x9d", 3)) ||
	    (n == 3 && !memcmp(s, "\xe2\x80\x99", 3)) ||
	    (n == 1 && (s[0] == '"' || s[0] == '\'')))
		return "''";
	if ((n == 3 && !memcmp(s, "\xe2\x80\x94", 3)) ||
	    (n == 3 && !memcmp(s, "\xe2\x80\x93", 3)) ||
	    (n == 2 && !memcmp(s, "--", 2)) || (n == 1 && s[0] == '-'))
		return "--";
	return NULL;
}

/*
 * Tags of a word the corpus lacks, by its shape.  The weights are rough
 * shares of the open classes among rare words of each shape in the
 * corpus; only their order matters much, since transitions decide.
 */
static void guess(const struct lm *lm, const struct tagger_word *w,
		  struct cands *c)
{
	const char *s = w->s;
	size_t n = w->len;
	const char *p = punct_tag(s, n);

	if (p) {
		add(lm, c, p, 1.0);
		if (c->n)
			return;
	}
	if (isdigit((unsigned char)s[0])) {
		add(lm, c, "cd", 0.9);
		add(lm, c, "od", 0.1);
		return;
	}
	if (isupper((unsigned char)s[0]) && !w->first) {
		add(lm, c, "np", 0.8);
		add(lm, c, "nn", 0.1);
		add(lm, c, "jj", 0.1);
		return;
	}
	if (ends(s, n, "ing")) {
		add(lm, c, "vbg", 0.7);
		add(lm, c, "nn", 0.3);
	} else if (ends(s, n, "ed")) {
		add(lm, c, "vbn", 0.5);
		add(lm, c, "vbd", 0.3);
		add(lm, c, "jj", 0.2);
	} else if (ends(s, n, "ly")) {
		add(lm, c, "rb", 0.8);
		add(lm, c, "jj", 0.2);
	} else if (ends(s, n, "tion") || ends(s, n, "ment") ||
		   ends(s, n, "ness") || ends(s, n, "ity") ||
		   ends(s, n, "ism") || ends(s, n, "ship")) {
		add(lm, c, "nn", 1.0);
	} else if (ends(s, n, "ous") || ends(s, n, "ive") ||
		   ends(s, n, "able") || ends(s, n, "ible") ||
		   ends(s, n, "ful") || ends(s, n, "less") ||
		   ends(s, n, "ical") || ends(s, n, "ic") ||
		   ends(s, n, "al")) {
		add(lm, c, "jj", 0.8);
		add(lm, c, "nn", 0.2);
	} else if (ends(s, n, "s") && !ends(s, n, "ss")) {
		add(lm, c, "nns", 0.7);
		add(lm, c, "vbz", 0.2);
		add(lm, c, "np", 0.1);
	} else {
		add(lm, c, "nn", 0.5);
		add(lm, c, "jj", 0.2);
		add(lm, c, "np", 0.15);
		add(lm, c, "vb", 0.15);
	}
	if (isupper((unsigned char)s[0]))
		add(lm, c, "np", 0.3);
	if (!c->n)
		add(lm, c, "x", 1.0);
}

static void candidates(const struct lm *lm, const struct tagger_word *w,
		       struct cands *c)
{
	struct lm_word e;
	const char *p = punct_tag(w->s, w->len);

	c->n = 0;
	if (!p && lm_word(lm, w->s, w->len, &e) && e.n_tags) {
		for (int k = 0; k < e.n_tags; k++) {
			c->tag[c->n] = e.tags[k];
			c->score[c->n++] = log(e.tag_counts[k] + 0.5) -
					   log(lm_tag1(lm, e.tags[k]) + 1.0);
		}
		return;
	}
	guess(lm, w, c);
}

/* log P(t | prev), add-lambda smoothed over the tag set. */
static double trans(const struct lm *lm, uint32_t prev, uint32_t t)
{
	double n = lm_n_tags(lm);

	return log((lm_tag2(lm, prev, t) + 0.1) / (lm_tag1(lm, prev) + 0.1 * n));
}

void tagger_tag(const struct lm *lm, const struct tagger_word *words,
		size_t n, uint8_t *tags)
{
	size_t m = n < TAGGER_MAX_WORDS ? n : TAGGER_MAX_WORDS;
	uint8_t ctag[TAGGER_MAX_WORDS][MAX_CANDS]; /* candidates of word i */
	uint8_t back[TAGGER_MAX_WORDS][MAX_CANDS]; /* best predecessor */
	double best[2][MAX_CANDS];
	struct cands cur, prev;
	double top = NEG_INF;
	int arg = 0;

	memset(tags, 0, n);
	if (!m)
		return;
	candidates(lm, &words[0], &prev);
	memcpy(ctag[0], prev.tag, sizeof(prev.tag));
	for (int k = 0; k < prev.n; k++)
		best[0][k] = trans(lm, 0, prev.tag[k]) + prev.score[k];
	for (size_t i = 1; i < m; i++) {
		const double *pb = best[(i - 1) & 1];
		double *cb = best[i & 1];

		candidates(lm, &words[i], &cur);
		memcpy(ctag[i], cur.tag, sizeof(cur.tag));
		for (int k = 0; k < cur.n; k++) {
			double t = NEG_INF;
			int a = 0;

			for (int j = 0; j < prev.n; j++) {
				double v = pb[j] +
					   trans(lm, prev.tag[j], cur.tag[k]);

				if (v > t) {
					t = v;
					a = j;
				}
			}
			cb[k] = t + cur.score[k];
			back[i][k] = (uint8_t)a;
		}
		prev = cur;
	}
	for (int k = 0; k < prev.n; k++) {
		double v = best[(m - 1) & 1][k] + trans(lm, prev.tag[k], 0);

		if (v > top) {
			top = v;
			arg = k;
		}
	}
	for (size_t i = m; i-- > 0;) {
		tags[i] = ctag[i][arg];
		if (i)
			arg = back[i][arg];
	}
}
