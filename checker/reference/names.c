/*
 * names: extraction and matching of proper names (see names.h).
 */
#include "reference/names.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "text/segment.h"
#include "util/namesim.h"
#include "util/strtab.h"
#include "util/xalloc.h"

struct names_normaliser {
	UTransliterator *trans; /* opened on the first non-ASCII word */
	int failed;		/* ICU could not open it: lower case only */
};

#define TRANSLIT_ID "Any-Latin; Latin-ASCII; Any-Lower"

/*
 * Opening the transliterator costs ICU about 30 ms (it builds its whole
 * registry), which most documents -- all-ASCII names -- never need: it is
 * opened on the first non-ASCII word.
 */
static UTransliterator *translit_open(UErrorCode *status)
{
	UChar uid[64];
	UParseError pe;

	u_uastrcpy(uid, TRANSLIT_ID);
	return utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, &pe, status);
}

enum mt_err names_normaliser_open(struct names_normaliser **out,
				  struct mt_error *err)
{
	(void)err;
	*out = xcalloc(1, sizeof(**out));
	return MT_ERR_OK;
}

void names_normaliser_close(struct names_normaliser *nn)
{
	if (!nn)
		return;
	if (nn->trans)
		utrans_close(nn->trans);
	free(nn);
}

/*
 * ASCII words (nearly all) are lower-cased directly; others go through
 * ICU.  A word ICU fails on keeps its bytes, lower-cased where ASCII.
 */
const char *names_normalise(struct names_normaliser *nn, const char *s,
			    size_t len, struct arena *a)
{
	char *out;
	int ascii = 1;

	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
	if (!ascii && !nn->trans && !nn->failed) {
		UErrorCode st = U_ZERO_ERROR;

		nn->trans = translit_open(&st);
		if (U_FAILURE(st)) {
			nn->trans = NULL;
			nn->failed = 1;
		}
	}
	if (!ascii && nn->trans && len < 256) {
		UChar u[1024];
		int32_t ulen = 0, limit, cap = (int32_t)ARRAY_SIZE(u);
		UErrorCode status = U_ZERO_ERROR;
		char o[2048];
		int32_t olen = 0;

		u_strFromUTF8(u, cap, &ulen, s, (int32_t)len, &status);
		if (U_SUCCESS(status)) {
			limit = ulen;
			utrans_transUChars(nn->trans, u, &ulen, cap, 0, &limit,
					   &status);
		}
		if (U_SUCCESS(status))
			u_strToUTF8(o, (int32_t)sizeof(o), &olen, u, ulen,
				    &status);
		if (U_SUCCESS(status) && olen < (int32_t)sizeof(o))
			return arena_strndup(a, o, (size_t)olen);
	}
	out = arena_strndup(a, s, len);
	for (size_t i = 0; i < len; i++)
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] = (char)(out[i] + 32);
	return out;
}

/* --- extraction --------------------------------------------------------- */

static const char *const function_words[] = {
	"the",	 "and",	  "for",   "but",   "nor",   "with",  "from",
	"into",	 "onto",  "that",  "this",  "these", "those", "which",
	"who",	 "whom",  "whose", "what",  "was",   "were",  "are",
	"has",	 "have",  "had",   "will",  "would", "shall", "should",
	"can",	 "could", "may",   "might", "must",  "been",  "being",
	"its",	 "their", "his",   "her",   "our",   "your",  "they",
	"them",	 "she",	  "him",   "also",  "than",  "then",  "there",
	"here",	 "when",  "where", "while", "about", "after", "before",
	"over",	 "under", "said",  "says",  "say",   "not",   "all",
	"any",	 "some",  "such",  "very",  "more",  "most",  "other",
	"into",	 "upon",  "out",   "off",   "did",   "does",  "just",
	"only",	 "even",  "because", "although", "however", "between",
	"through", "during", "against", "among", "within", "without",
};

const char *names_context_stem(const char *w, size_t len, struct arena *a)
{
	char b[6];
	size_t n = 0;

	if (len < 3 || len > 40)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(function_words); i++)
		if (function_words[i][0] == (w[0] | 0x20) &&
		    strlen(function_words[i]) == len &&
		    strncasecmp(function_words[i], w, len) == 0)
			return NULL;
	for (size_t i = 0; i < len && n < 5; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (c == '\'' || c >= 0x80)
			break;
		b[n++] = (char)c;
	}
	if (n < 3)
		return NULL;
	return arena_strndup(a, b, n);
}

/* Length of t's text without a possessive ending ('s, ’s, or a final
 * apostrophe after s). */
static uint32_t without_possessive(const struct document *doc,
				   const struct token *t)
{
	const char *s = doc->text + t->span.start;
	uint32_t n = token_len(t);

	if (!(t->flags & TOKF_APOS))
		return n;
	if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'')
		return n - 2;
	if (n > 4 && s[n - 1] == 's' &&
	    memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0)
		return n - 4;
	if (n > 1 && s[n - 1] == '\'')
		return n - 1;
	if (n > 3 && memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0)
		return n - 3;
	return n;
}

static int is_opening(const struct document *doc, const struct token *t)
{
	static const char *const open[] = { "\"", "\xe2\x80\x9c",
					    "\xe2\x80\x98", "'", ":", "(",
					    "\xc2\xab", "-", "\xe2\x80\x93",
					    "\xe2\x80\x94" };
	const char *s = doc->text + t->span.start;
	size_t n = token_len(t);

	if (t->kind != TOK_PUNCT)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(open); i++)
		if (strlen(open[i]) == n && memcmp(open[i], s, n) == 0)
			return 1;
	return 0;
}

/* Capitalised function words ("The", "In", "Every") are never names. */
static const char *const cap_function_words[] = {
	"a",	 "an",	  "the",   "in",    "on",   "at",    "of",   "to",
	"by",	 "as",	  "is",	   "it",    "or",   "and",   "but",  "for",
	"if",	 "so",	  "no",	   "not",   "we",   "he",    "she",  "they",
	"you",	 "my",	  "his",   "her",   "its",  "our",   "their", "this",
	"that",	 "these", "those", "every", "all",  "each",  "both", "some",
	"any",	 "there", "here",  "when",  "while", "after", "before",
	"with",	 "from",  "also",  "then",  "yet",  "meanwhile", "however",
};

static int is_name_token(const struct document *doc, const struct token *t)
{
	const char *s = doc->text + t->span.start;
	size_t n = token_len(t);

	if (t->kind != TOK_WORD || !(t->flags & (TOKF_CAP | TOKF_ALLCAPS)))
		return 0;
	/* "I" is a pronoun; one-letter capitals are initials at best */
	if (n < 2)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(cap_function_words); i++)
		if (strlen(cap_function_words[i]) == n &&
		    strncasecmp(cap_function_words[i], s, n) == 0)
			return 0;
	/* contractions: "I'll", "We’re", "Don't" */
	if (t->flags & TOKF_APOS) {
		static const char *const ends[] = { "ll", "re", "ve", "d",
						    "m",  "t" };

		for (size_t i = 0; i < ARRAY_SIZE(ends); i++) {
			size_t k = strlen(ends[i]);

			if (n > k + 1 && strncasecmp(s + n - k, ends[i], k) == 0 &&
			    (s[n - k - 1] == '\'' ||
			     (n > k + 3 &&
			      memcmp(s + n - k - 3, "\xe2\x80\x99", 3) == 0)))
				return 0;
		}
	}
	return 1;
}

struct cand {
	uint32_t tok;
	uint32_t len; /* without possessive */
	const char *key;
	int initial;
};

/*
 * Record candidates [first, j) of sentence si as one entity: its words,
 * their keys and the entity's context (three words before, five after).
 * `weak`: a sentence-initial word nothing vouches for.
 */
static void add_entity(const struct document *doc, const struct cand *c,
		       size_t first, size_t j, uint32_t si, int weak,
		       struct arena *a, struct names *out, size_t *w_alloc,
		       size_t *e_alloc)
{
	struct entity *e;
	uint32_t t0 = c[first].tok, t1 = c[j - 1].tok;
	const struct sentence *se = &doc->sentences[si];
	uint32_t lo = se->first_token, hi = lo + se->n_tokens;

	out->entities = xgrow(out->entities, e_alloc,
			      out->n_entities + 1,
			      sizeof(*out->entities));
	e = &out->entities[out->n_entities];
	memset(e, 0, sizeof(*e));
	e->span.start = doc->tokens[t0].span.start;
	e->span.end = doc->tokens[t1].span.start + c[j - 1].len;
	e->first_word = out->n_words;
	e->n_words = (uint32_t)(j - first);
	e->sentence = si;
	/* context: three words before, five after */
	e->context = arena_alloc(a, 8 * sizeof(*e->context));
	for (uint32_t x = t0 > lo + 3 ? t0 - 3 : lo;
	     x < hi && x < t1 + 6; x++) {
		const struct token *t = &doc->tokens[x];
		const char *st;

		if (x >= t0 && x <= t1)
			continue;
		if (t->kind != TOK_WORD)
			continue;
		st = names_context_stem(doc->text + t->span.start,
					without_possessive(doc, t),
					a);
		if (st && e->n_context < 8)
			e->context[e->n_context++] = st;
	}
	for (size_t k = first; k < j; k++) {
		struct name_word *w;

		out->words = xgrow(out->words, w_alloc,
				   out->n_words + 1,
				   sizeof(*out->words));
		w = &out->words[out->n_words++];
		w->span.start = doc->tokens[c[k].tok].span.start;
		w->span.end = w->span.start + c[k].len;
		w->key = c[k].key;
		w->entity = out->n_entities;
		w->sentence = si;
		w->initial = weak;
	}
	out->n_entities++;
}

/* Is the candidate's word seen in lower case in the document ("The")? */
static int seen_lowered(const struct document *doc, const struct cand *c,
			const struct strtab *lower)
{
	const char *s = doc->text + doc->tokens[c->tok].span.start;
	char lw[64];
	size_t n = c->len < sizeof(lw) ? c->len : 0;

	for (size_t x = 0; x < n; x++)
		lw[x] = (s[x] >= 'A' && s[x] <= 'Z') ? (char)(s[x] + 32) : s[x];
	return n && strtab_find(lower, lw, n) != STRTAB_NONE;
}

/* Move a heap array of n elements of `size` bytes into the arena. */
static void *to_arena(struct arena *a, void *v, size_t n, size_t size)
{
	void *r = n ? arena_memdup(a, v, n * size) : NULL;

	free(v);
	return r;
}

void names_extract(struct names_normaliser *nn, const struct document *doc,
		   const struct names *other, struct arena *a,
		   struct names *out)
{
	struct strtab forms = STRTAB_INIT; /* surface -> key cache */
	struct strtab midcap = STRTAB_INIT, lower = STRTAB_INIT;
	const char **form_key = NULL;
	size_t form_alloc = 0;
	struct cand *c = NULL;
	size_t n_c = 0, c_alloc = 0;
	size_t w_alloc = 0, e_alloc = 0;

	memset(out, 0, sizeof(*out));
	/* pass 1: candidates, keys, and which keys are capitalised
	 * mid-sentence or appear in lower case */
	for (uint32_t si = 0; si < doc->n_sentences; si++) {
		const struct sentence *se = &doc->sentences[si];
		int initial = 1;

		for (uint32_t k = 0; k < se->n_tokens; k++) {
			uint32_t ti = se->first_token + k;
			const struct token *t = &doc->tokens[ti];
			uint32_t len;
			int is_new;
			uint32_t id;

			if (is_opening(doc, t)) {
				initial = 1;
				continue;
			}
			if (t->kind != TOK_WORD) {
				initial = 0;
				continue;
			}
			if (!is_name_token(doc, t)) {
				if (!(t->flags & (TOKF_CAP | TOKF_ALLCAPS)))
					strtab_intern(&lower,
						      doc->text + t->span.start,
						      token_len(t), NULL);
				initial = 0;
				continue;
			}
			len = without_possessive(doc, t);
			id = strtab_intern(&forms, doc->text + t->span.start,
					   len, &is_new);
			if (is_new) {
				form_key = xgrow(form_key, &form_alloc, id + 1,
						 sizeof(*form_key));
				form_key[id] = names_normalise(
					nn, doc->text + t->span.start, len, a);
			}
			c = xgrow(c, &c_alloc, n_c + 1, sizeof(*c));
			c[n_c++] = (struct cand){ ti, len, form_key[id],
						  initial };
			if (!initial)
				strtab_intern(&midcap, form_key[id],
					      strlen(form_key[id]), NULL);
			initial = 0;
		}
	}
	if (other)
		for (uint32_t i = 0; i < other->n_words; i++)
			if (!other->words[i].initial)
				strtab_intern(&midcap, other->words[i].key,
					      strlen(other->words[i].key),
					      NULL);

	/* pass 2: runs of adjacent candidates in one sentence */
	for (size_t i = 0; i < n_c;) {
		size_t j = i + 1;
		uint32_t si = document_sentence_at(doc,
						   doc->tokens[c[i].tok].span.start);

		while (j < n_c && c[j].tok == c[j - 1].tok + 1 &&
		       c[j - 1].len == token_len(&doc->tokens[c[j - 1].tok]) &&
		       document_sentence_at(doc, doc->tokens[c[j].tok].span.start) ==
			       si)
			j++;
		/* a sentence-initial word is a name only if vouched for */
		size_t first = i;
		int weak = 0;
		if (c[i].initial) {
			const char *key = c[i].key;
			int vouched = strtab_find(&midcap, key, strlen(key)) !=
				      STRTAB_NONE;

			/* lower-case form seen: "The", "Meanwhile" */
			if (seen_lowered(doc, &c[i], &lower))
				first = i + 1;
			else if (!vouched && j - i < 2)
				weak = 1;
		}
		if (first < j)
			add_entity(doc, c, first, j, si, weak, a, out, &w_alloc,
				   &e_alloc);
		i = j;
	}
	out->words = to_arena(a, out->words, out->n_words,
			      sizeof(*out->words));
	out->entities = to_arena(a, out->entities, out->n_entities,
				 sizeof(*out->entities));
	free(c);
	free(form_key);
	strtab_release(&forms);
	strtab_release(&midcap);
	strtab_release(&lower);
}

/* --- name_index ---------------------------------------------------------- */

struct name_index {
	struct strtab keys;	/* key -> id */
	struct strtab variants; /* deletion variant -> variant id */
	struct arena arena;	/* variant strings */
	/* postings: variant id -> key ids, as linked lists */
	uint32_t *var_head;	/* by variant id; UINT32_MAX: empty */
	size_t var_alloc;
	uint32_t *post_key, *post_next;
	size_t n_post, post_alloc, post_next_alloc;
};

struct name_index *name_index_new(void)
{
	struct name_index *ix = xcalloc(1, sizeof(*ix));

	strtab_init(&ix->keys);
	strtab_init(&ix->variants);
	arena_init(&ix->arena, 0);
	return ix;
}

void name_index_free(struct name_index *ix)
{
	if (!ix)
		return;
	strtab_release(&ix->keys);
	strtab_release(&ix->variants);
	arena_release(&ix->arena);
	free(ix->var_head);
	free(ix->post_key);
	free(ix->post_next);
	free(ix);
}

/*
 * The variants' hashes come from one another: a polynomial hash (mod 2^64)
 * of a string with bytes cut out is its pieces' hashes, shifted and
 * added, in constant time a variant -- hashing each variant's bytes cost
 * as much as all the rest of the index (a key of n bytes has n^2/2
 * variants of n bytes).  Mixed at the end (the table probes with the low
 * bits).
 */
#define VAR_BASE UINT64_C(0x9E3779B97F4A7C15)
#define VAR_MAX 128 /* keys are shorter */

struct var_hash {
	uint64_t pre[VAR_MAX + 1]; /* pre[i]: hash of s[0..i) */
	uint64_t pow[VAR_MAX + 1]; /* VAR_BASE^i */
	size_t n;
};

static void var_hash_init(struct var_hash *vh, const char *s, size_t n)
{
	vh->n = n;
	vh->pre[0] = 0;
	vh->pow[0] = 1;
	for (size_t i = 0; i < n; i++) {
		vh->pre[i + 1] = vh->pre[i] * VAR_BASE + (unsigned char)s[i] + 1;
		vh->pow[i + 1] = vh->pow[i] * VAR_BASE;
	}
}

/* The hash of s[a..b). */
static uint64_t var_piece(const struct var_hash *vh, size_t a, size_t b)
{
	return vh->pre[b] - vh->pre[a] * vh->pow[b - a];
}

static uint32_t var_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xFF51AFD7ED558CCD);
	h ^= h >> 33;
	h *= UINT64_C(0xC4CEB9FE1A85EC53);
	h ^= h >> 33;
	return (uint32_t)h;
}

/* The hash of s without byte i; and without bytes i and k (i < k). */
static uint32_t var_hash1(const struct var_hash *vh, size_t i)
{
	return var_mix(vh->pre[i] * vh->pow[vh->n - i - 1] +
		       var_piece(vh, i + 1, vh->n));
}

static uint32_t var_hash2(const struct var_hash *vh, size_t i, size_t k)
{
	uint64_t h = vh->pre[i] * vh->pow[k - i - 1] + var_piece(vh, i + 1, k);

	return var_mix(h * vh->pow[vh->n - k - 1] + var_piece(vh, k + 1, vh->n));
}

/* Call fn for s and each variant of s with one or two bytes deleted
 * (keys are ASCII after normalisation, nearly always), with its hash for
 * strtab_*_hashed().  n < VAR_MAX. */
static void each_variant(const char *s, size_t n, char *buf,
			 void (*fn)(const char *v, size_t len, uint32_t h,
				    void *arg),
			 void *arg)
{
	struct var_hash vh;

	var_hash_init(&vh, s, n);
	fn(s, n, var_mix(vh.pre[n]), arg);
	for (size_t i = 0; i < n; i++) {
		memcpy(buf, s, i);
		memcpy(buf + i, s + i + 1, n - i - 1);
		fn(buf, n - 1, var_hash1(&vh, i), arg);
		if (n < 9)
			continue; /* two deletions only for long keys */
		for (size_t j = i; j + 1 < n; j++) {
			char b2[VAR_MAX];

			memcpy(b2, buf, j);
			memcpy(b2 + j, buf + j + 1, n - 2 - j);
			/* byte j of buf is byte j + 1 of s */
			fn(b2, n - 2, var_hash2(&vh, i, j + 1), arg);
		}
	}
}

struct add_arg {
	struct name_index *ix;
	uint32_t key;
};

static void add_variant(const char *v, size_t len, uint32_t h, void *arg)
{
	struct add_arg *aa = arg;
	struct name_index *ix = aa->ix;
	uint32_t vid = strtab_find_hashed(&ix->variants, v, len, h);

	if (vid == STRTAB_NONE) {
		vid = strtab_intern_hashed(&ix->variants, &ix->arena, v, len,
					   h, NULL);
		ix->var_head = xgrow(ix->var_head, &ix->var_alloc, vid + 1,
				     sizeof(*ix->var_head));
		ix->var_head[vid] = UINT32_MAX;
	}
	/* the same key may reach a variant twice ("aab" minus either a) */
	if (ix->var_head[vid] != UINT32_MAX &&
	    ix->post_key[ix->var_head[vid]] == aa->key)
		return;
	ix->post_key = xgrow(ix->post_key, &ix->post_alloc, ix->n_post + 1,
			     sizeof(*ix->post_key));
	ix->post_next = xgrow(ix->post_next, &ix->post_next_alloc,
			      ix->n_post + 1, sizeof(*ix->post_next));
	ix->post_key[ix->n_post] = aa->key;
	ix->post_next[ix->n_post] = ix->var_head[vid];
	ix->var_head[vid] = (uint32_t)ix->n_post++;
}

uint32_t name_index_add(struct name_index *ix, const char *key)
{
	size_t n = strlen(key);
	int is_new;
	uint32_t id = strtab_intern(&ix->keys, key, n, &is_new);
	char buf[VAR_MAX];
	struct add_arg aa = { ix, id };

	if (is_new && n >= 4 && n < sizeof(buf))
		each_variant(key, n, buf, add_variant, &aa);
	return id;
}

uint32_t name_index_find(const struct name_index *ix, const char *key)
{
	uint32_t id = strtab_find(&ix->keys, key, strlen(key));

	return id == STRTAB_NONE ? UINT32_MAX : id;
}

const char *name_index_key(const struct name_index *ix, uint32_t id)
{
	uint32_t len;

	return strtab_str(&ix->keys, id, &len);
}

uint32_t name_index_count(const struct name_index *ix)
{
	return strtab_count(&ix->keys);
}

struct near_arg {
	const struct name_index *ix;
	const char *key;
	uint32_t *ids;
	int *dist;
	double *score;
	size_t n, max;
};

static void near_variant(const char *v, size_t len, uint32_t h, void *arg)
{
	struct near_arg *na = arg;
	const struct name_index *ix = na->ix;
	uint32_t vid = strtab_find_hashed(&ix->variants, v, len, h);

	if (vid == STRTAB_NONE)
		return;
	for (uint32_t p = ix->var_head[vid]; p != UINT32_MAX;
	     p = ix->post_next[p]) {
		uint32_t id = ix->post_key[p];
		int d, seen = 0;
		double sc;
		size_t k;

		for (k = 0; k < na->n; k++)
			if (na->ids[k] == id)
				seen = 1;
		if (seen ||
		    !namesim_near_miss(na->key, name_index_key(ix, id), &d, &sc))
			continue;
		/* insert by (distance, -score) */
		for (k = na->n; k > 0; k--) {
			if (na->dist[k - 1] < d ||
			    (na->dist[k - 1] == d && na->score[k - 1] >= sc))
				break;
		}
		if (k >= na->max)
			continue;
		size_t last = na->n < na->max ? na->n : na->max - 1;
		for (size_t m = last; m > k; m--) {
			na->ids[m] = na->ids[m - 1];
			na->dist[m] = na->dist[m - 1];
			na->score[m] = na->score[m - 1];
		}
		na->ids[k] = id;
		na->dist[k] = d;
		na->score[k] = sc;
		if (na->n < na->max)
			na->n++;
	}
}

size_t name_index_near(const struct name_index *ix, const char *key,
		       uint32_t *ids, size_t max)
{
	size_t n = strlen(key);
	char buf[VAR_MAX];
	int dist[16];
	double score[16];
	struct near_arg na = { ix, key, ids, dist, score, 0,
			       max < 16 ? max : 16 };

	if (n < 4 || n >= sizeof(buf) || !max)
		return 0;
	each_variant(key, n, buf, near_variant, &na);
	return na.n;
}
