/*
 * wordalign: word alignment within an aligned sentence pair (see
 * wordalign.h).
 *
 * Forms are analysed once per distinct surface form and run (Hunspell's
 * stemmer costs microseconds a call; a long article repeats its words), so
 * a sentence costs one hash lookup per word.  A pair costs at most
 * (article words x reference words) tests per round; sentences are short.
 */
#include "reference/wordalign.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reference/names.h"
#include "reference/numbers.h"
#include "reference/wordnet.h"
#include "spelling/hunspell.h"
#include "spelling/rank.h"
#include "text/segment.h"
#include "util/namesim.h"
#include "util/xalloc.h"

/*
 * English function words: determiners, pronouns, prepositions,
 * conjunctions, auxiliaries and modals, negation, and the degree and
 * discourse adverbs that translations add or drop freely.  A difference in
 * these is grammar, not word choice.
 */
static const char *const function_words[] = {
	"a", "about", "above", "across", "actually", "after", "again",
	"against", "all", "almost", "along", "already", "also", "although",
	"always", "am", "among", "an", "and", "another", "any", "anybody",
	"anyone", "anything", "are", "around", "as", "at", "be", "because",
	"been", "before", "behind", "being", "below", "between", "beyond",
	"both", "but", "by", "can", "cannot", "could", "did", "do", "does",
	"doing", "done", "down", "during", "each", "either", "else", "enough",
	"even", "ever", "every", "everybody", "everyone", "everything", "few",
	"for", "from", "get", "gets", "getting", "got", "had", "has", "have",
	"having", "he", "her", "here", "hers", "herself", "him", "himself",
	"his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
	"itself", "just", "least", "less", "let", "lets", "like", "little",
	"many", "may", "me", "might", "mine", "more", "most", "much", "must",
	"my", "myself", "neither", "never", "no", "nobody", "none", "nor",
	"not", "nothing", "now", "of", "off", "often", "on", "once", "one",
	"ones", "only", "onto", "or", "other", "others", "our", "ours",
	"ourselves", "out", "over", "own", "per", "quite", "rather", "really",
	"same", "shall", "she", "should", "since", "so", "some", "somebody",
	"someone", "something", "still", "such", "than", "that", "the",
	"their", "theirs", "them", "themselves", "then", "there", "these",
	"they", "this", "those", "though", "through", "thus", "to", "too",
	"toward", "towards", "under", "unless", "until", "up", "upon", "us",
	"very", "was", "we", "well", "were", "what", "whatever", "when",
	"where", "whether", "which", "whichever", "while", "who", "whoever",
	"whom", "whose", "why", "will", "with", "within", "without", "would",
	"yet", "you", "your", "yours", "yourself",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int wordalign_function_word(const char *w, size_t len)
{
	char b[16];
	const char *k = b;

	if (len == 0 || len >= sizeof(b))
		return 0;
	memcpy(b, w, len);
	b[len] = '\0';
	/* the list is sorted: a binary search */
	return bsearch(&k, function_words, ARRAY_SIZE(function_words),
		       sizeof(*function_words), cmp_str) != NULL;
}

void wordalign_init(struct wa_lex *lx, struct speller *sp,
		    const struct wordnet *wn, struct names_normaliser *nn,
		    struct arena *a)
{
	memset(lx, 0, sizeof(*lx));
	lx->sp = sp;
	lx->wn = wn;
	lx->nn = nn;
	lx->a = a;
	strtab_init(&lx->forms);
}

void wordalign_release(struct wa_lex *lx)
{
	strtab_release(&lx->forms);
	free(lx->form);
	lx->form = NULL;
}

/* Length of w without a clitic ending: "doesn't" -> "does", "it's" ->
 * "it", "Putin's" -> "Putin" (straight or curly apostrophe). */
static size_t without_clitic(const char *w, size_t len)
{
	static const char *const ends[] = { "n't", "s", "re", "ve", "ll", "d",
					    "m", "" };

	for (size_t i = 0; i < len; i++) {
		size_t al = 0;

		if (w[i] == '\'')
			al = 1;
		else if (i + 3 <= len && memcmp(w + i, "\xe2\x80\x99", 3) == 0)
			al = 3;
		if (!al)
			continue;
		/* "n't": the n is before the apostrophe */
		if (i > 0 && (w[i - 1] | 0x20) == 'n' && i + al + 1 == len &&
		    (w[len - 1] | 0x20) == 't')
			return i - 1;
		for (size_t e = 0; e < ARRAY_SIZE(ends); e++)
			if (strlen(ends[e]) == len - i - al &&
			    strncasecmp(w + i + al, ends[e], len - i - al) == 0)
				return i;
	}
	return len;
}

static char *lower_ascii(struct arena *a, const char *s, size_t n)
{
	char *o = arena_strndup(a, s, n);

	for (size_t i = 0; i < n; i++)
		if (o[i] >= 'A' && o[i] <= 'Z')
			o[i] = (char)(o[i] + 32);
	return o;
}

/* Analyse one surface form (see struct wa_form). */
const struct wa_form *wordalign_form(struct wa_lex *lx, const char *s,
				     size_t n)
{
	int is_new;
	uint32_t id = strtab_intern(&lx->forms, s, n, &is_new);
	struct wa_form *f;
	size_t base = without_clitic(s, n), letters = 0;

	if (!is_new)
		return lx->form[id];
	lx->form = xgrow(lx->form, &lx->form_alloc, (size_t)id + 1,
			 sizeof(*lx->form));
	f = arena_zalloc(lx->a, sizeof(*f));
	lx->form[id] = f;
	for (size_t i = 0; i < base; i++)
		letters += (unsigned char)s[i] >= 0x80 ||
			   ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
	f->key = lx->nn ? names_normalise(lx->nn, s, base, lx->a)
			: lower_ascii(lx->a, s, base);
	f->content = letters >= 2 && letters + 2 >= base &&
		     !wordalign_function_word(f->key, strlen(f->key)) &&
		     numbers_word_value(f->key, strlen(f->key)) < 0;
	if (!f->content)
		return f;
	if (lx->sp) {
		const char *st[WA_MAX_STEMS];
		size_t k = speller_stems(lx->sp, s, base, lx->a, st,
					 WA_MAX_STEMS);

		for (size_t i = 0; i < k; i++)
			f->stems[f->n_stems++] =
				lower_ascii(lx->a, st[i], strlen(st[i]));
		f->known = k > 0;
	}
	if (lx->wn) {
		f->n_lemmas = (uint8_t)wordnet_lemmas(lx->wn, f->key,
						      strlen(f->key), f->lemmas,
						      WA_MAX_LEMMAS);
		/* the stems' lemmas too: Hunspell knows inflections
		 * WordNet's rules miss */
		for (uint8_t i = 0; i < f->n_stems && f->n_lemmas < WA_MAX_LEMMAS;
		     i++) {
			uint32_t id2 = wordnet_find(lx->wn, f->stems[i],
						    strlen(f->stems[i]));
			int dup = 0;

			for (uint8_t k = 0; k < f->n_lemmas; k++)
				dup |= f->lemmas[k] == id2;
			if (id2 != WORDNET_NONE && !dup)
				f->lemmas[f->n_lemmas++] = id2;
		}
		for (uint8_t i = 0; i < f->n_lemmas; i++)
			f->pos |= wordnet_pos(lx->wn, f->lemmas[i]);
		f->known |= f->n_lemmas > 0;
	}
	return f;
}

void wordalign_side(struct wa_lex *lx, const struct document *d,
		    uint32_t first, uint32_t n, struct wa_side *out)
{
	uint32_t t0, t1, k = 0;

	out->w = NULL;
	out->n = 0;
	if (!n || first >= d->n_sentences)
		return;
	if (first + n > d->n_sentences)
		n = d->n_sentences - first;
	t0 = d->sentences[first].first_token;
	t1 = d->sentences[first + n - 1].first_token +
	     d->sentences[first + n - 1].n_tokens;
	out->w = arena_alloc(lx->a, (t1 - t0 + 1) * sizeof(*out->w));
	for (uint32_t s = first; s < first + n; s++) {
		const struct sentence *se = &d->sentences[s];
		int initial = 1;

		int counted = 0; /* the previous word was a number */

		for (uint32_t i = 0; i < se->n_tokens; i++) {
			uint32_t ti = se->first_token + i;
			const struct token *t = &d->tokens[ti];
			const struct wa_form *f;
			struct wa_word *w;
			int after_number = counted;

			if (t->kind != TOK_WORD || token_len(t) > 64) {
				counted = t->kind == TOK_NUMBER;
				initial &= t->kind != TOK_NUMBER;
				continue;
			}
			f = wordalign_form(lx, d->text + t->span.start, token_len(t));
			counted = numbers_word_value(f->key, strlen(f->key)) >= 0;
			/* the noun of a quantity ("72 hours") is the number
			 * rules' business */
			if (!f->content || after_number) {
				initial = 0;
				continue;
			}
			w = &out->w[k++];
			w->span = t->span;
			w->token = ti;
			w->form = f;
			w->initial = (uint8_t)initial;
			/* a capital at the sentence start says nothing,
			 * unless WordNet has no common word of that form */
			w->name = (t->flags & TOKF_CAP) &&
				  (!initial || !f->n_lemmas);
			w->how = WA_UNMATCHED;
			w->match = WA_NONE;
			initial = 0;
		}
	}
	out->n = k;
}

/* Length of the common beginning of two keys. */
static size_t common_prefix(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	return i;
}

/* Do two keys differ only in hyphens ("super-massive" / "supermassive")? */
static int same_but_hyphens(const char *a, const char *b)
{
	while (*a || *b) {
		if (*a == '-') {
			a++;
			continue;
		}
		if (*b == '-') {
			b++;
			continue;
		}
		if (*a != *b)
			return 0;
		a++;
		b++;
	}
	return 1;
}

/* Is `whole` a hyphenated compound with `part` as one of its parts? */
static int compound_of(const char *whole, const char *part)
{
	size_t wl = strlen(whole), pl = strlen(part);

	if (pl < 3 || wl <= pl + 1 || strchr(part, '-'))
		return 0;
	return (whole[wl - pl - 1] == '-' && !strcmp(whole + wl - pl, part)) ||
	       (whole[pl] == '-' && !strncmp(whole, part, pl));
}

static int related(const struct wa_lex *lx, const struct wa_word *x,
		   const struct wa_word *y, int how)
{
	const struct wa_form *a = x->form, *b = y->form;

	switch (how) {
	case WA_EXACT:
		return strcmp(a->key, b->key) == 0 ||
		       same_but_hyphens(a->key, b->key);
	case WA_STEM: {
		size_t la = strlen(a->key), lb = strlen(b->key);
		size_t p = common_prefix(a->key, b->key);

		for (uint8_t i = 0; i < a->n_stems; i++)
			for (uint8_t k = 0; k < b->n_stems; k++)
				if (strcmp(a->stems[i], b->stems[k]) == 0)
					return 1;
		for (uint8_t i = 0; i < a->n_lemmas; i++)
			for (uint8_t k = 0; k < b->n_lemmas; k++)
				if (a->lemmas[i] == b->lemmas[k])
					return 1;
		/* a compound and its head: "free-falling" / "falling" */
		if (compound_of(a->key, b->key) || compound_of(b->key, a->key))
			return 1;
		/* an abbreviation: "incl" / "including" */
		if (p == (la < lb ? la : lb) && p >= 4)
			return 1;
		/* derivation: "decided" / "decision" */
		return p >= 5 && 3 * p >= 2 * (la > lb ? la : lb);
	}
	case WA_SYNONYM:
		if (!lx->wn)
			return 0;
		for (uint8_t i = 0; i < a->n_lemmas; i++)
			for (uint8_t k = 0; k < b->n_lemmas; k++)
				if (wordnet_synonyms(lx->wn, a->lemmas[i],
						     b->lemmas[k], WA_SENSES))
					return 1;
		return 0;
	case WA_NAME: {
		int dist;
		double score;

		return (x->name || y->name) &&
		       namesim_near_miss(a->key, b->key, &dist, &score);
	}
	}
	return 0;
}

void wordalign_pair(struct wa_lex *lx, struct wa_side *art,
		    struct wa_side *ref)
{
	for (uint32_t i = 0; i < art->n; i++)
		art->w[i].match = WA_NONE, art->w[i].how = WA_UNMATCHED;
	for (uint32_t j = 0; j < ref->n; j++)
		ref->w[j].match = WA_NONE, ref->w[j].how = WA_UNMATCHED;
	for (int how = WA_EXACT; how <= WA_NAME; how++)
		for (uint32_t i = 0; i < art->n; i++) {
			struct wa_word *x = &art->w[i];
			uint32_t best = WA_NONE;
			double best_d = 2, pos = art->n > 1
					      ? (double)i / (art->n - 1)
					      : 0.5;

			if (x->match != WA_NONE)
				continue;
			for (uint32_t j = 0; j < ref->n; j++) {
				double d = (ref->n > 1 ? (double)j / (ref->n - 1)
						       : 0.5) -
					   pos;

				d = d < 0 ? -d : d;
				if (ref->w[j].match != WA_NONE || d >= best_d ||
				    !related(lx, x, &ref->w[j], how))
					continue;
				best = j;
				best_d = d;
			}
			if (best == WA_NONE)
				continue;
			x->match = best;
			x->how = (uint8_t)how;
			ref->w[best].match = i;
			ref->w[best].how = (uint8_t)how;
		}
}

int wordalign_gap(const struct wa_side *art, const struct wa_side *ref,
		  uint32_t i, uint32_t *afrom, uint32_t *ato, uint32_t *rfrom,
		  uint32_t *rto)
{
	uint32_t l = i, r = i + 1;

	while (l > 0 && art->w[l - 1].match == WA_NONE)
		l--;
	while (r < art->n && art->w[r].match == WA_NONE)
		r++;
	*afrom = l;
	*ato = r;
	*rfrom = l > 0 ? art->w[l - 1].match + 1 : 0;
	*rto = r < art->n ? art->w[r].match : ref->n;
	if (*rfrom > *rto)
		return 0;
	/* a reference word matched elsewhere inside the gap: crossing */
	for (uint32_t j = *rfrom; j < *rto; j++)
		if (ref->w[j].match != WA_NONE)
			return 0;
	return 1;
}

int wordalign_lookalike(const char *a, size_t alen, const char *b,
			size_t blen)
{
	size_t m = alen > blen ? alen : blen;

	if (alen < WA_LOOKALIKE_MIN || blen < WA_LOOKALIKE_MIN ||
	    (a[0] | 0x20) != (b[0] | 0x20))
		return 0;
	return 4 * rank_distance(a, alen, b, blen) <= (double)m;
}
