/*
 * match: token patterns against a sentence, and the memo of token tests
 * (see match.h).
 */
#include "engine/match.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/segment.h"
#include "util/xalloc.h"

/*
 * The table is emptied between sentences when the next sentence could
 * take it over its budget, so a record stays valid for a whole sentence.
 */
size_t match_memo_bytes(const struct match_memo *mm)
{
	return arena_used(&mm->arena) + strtab_bytes(&mm->forms) +
	       mm->alloc_bits * sizeof(*mm->bits);
}

/* The most that n new forms add: each a key of at most 64 bytes and a
 * record in the arena (aligned), and the arrays' growth. */
static size_t forms_bytes(const struct match_memo *mm, size_t n)
{
	const size_t a = _Alignof(max_align_t);
	size_t count = strtab_count(&mm->forms);
	size_t rec = (mm->words * sizeof(uint64_t) + a - 1) / a * a;

	return n * ((65 + a - 1) / a * a + rec) +
	       strtab_grow_bytes(&mm->forms, n) +
	       (xgrow_capacity(mm->alloc_bits, count + n) - mm->alloc_bits) *
		       sizeof(*mm->bits);
}

void match_memo_init(struct match_memo *mm, size_t slots, size_t budget)
{
	memset(mm, 0, sizeof(*mm));
	mm->budget = budget;
	mm->words = (slots * 2 + 63) / 64;
	arena_init(&mm->arena, 0);
}

void match_memo_release(struct match_memo *mm)
{
	strtab_release(&mm->forms);
	free(mm->bits);
	arena_release(&mm->arena);
}

static void memo_clear(struct match_memo *mm)
{
	strtab_release(&mm->forms);
	arena_release(&mm->arena);
}

void match_memo_make_room(struct match_memo *mm, size_t n)
{
	if (match_memo_bytes(mm) + forms_bytes(mm, n) > mm->budget)
		memo_clear(mm);
}

/* The record of a word form (exact bytes), made on first sight. */
uint64_t *match_memo_get(struct match_memo *mm, const char *w, size_t n)
{
	int is_new;
	uint32_t id;

	if (n > 64 || !mm->words)
		return NULL;
	id = strtab_intern_copy(&mm->forms, &mm->arena, w, n, &is_new);
	if (is_new) {
		mm->bits = xgrow(mm->bits, &mm->alloc_bits, id + 1,
				 sizeof(*mm->bits));
		mm->bits[id] = arena_zalloc(&mm->arena,
					    mm->words * sizeof(uint64_t));
	}
	return mm->bits[id];
}

static int word_in(const char *s, size_t n, const char *const *v, size_t nv,
		   int case_sens)
{
	for (size_t i = 0; i < nv; i++)
		if ((case_sens ? v[i][0] == s[0]
			       : (unsigned char)v[i][0] ==
					 tolower((unsigned char)s[0])) &&
		    strlen(v[i]) == n &&
		    (case_sens ? memcmp(v[i], s, n) == 0
			       : strncasecmp(v[i], s, n) == 0))
			return 1;
	return 0;
}

/* Memo slot `slot` of token i: -1 unknown, else the stored result. */
static int memo_read(struct match_ctx *m, uint32_t i, size_t slot)
{
	uint64_t *bits = m->info[i].memo;
	size_t bit = slot * 2;
	uint64_t w;

	if (!bits)
		return -1;
	w = bits[bit / 64];
	if (!(w & (1ull << (bit % 64))))
		return -1;
	return (int)((w >> (bit % 64 + 1)) & 1);
}

static int memo_write(struct match_ctx *m, uint32_t i, size_t slot, int r)
{
	uint64_t *bits = m->info[i].memo;
	size_t bit = slot * 2;

	if (bits)
		bits[bit / 64] |= (1ull << (bit % 64)) |
				  ((uint64_t) !!r << (bit % 64 + 1));
	return r;
}

/* Does the whole token match the test's regex?  Memoised per word form. */
static int token_regex(struct match_ctx *m, const struct token_test *t,
		       uint32_t i, const char *s, size_t n)
{
	int r = memo_read(m, i, (size_t)t->regex_id);

	if (r >= 0)
		return r;
	pattern_set_budget(t->regex, &m->work->budget);
	r = pattern_matches(t->regex, s, n);
	pattern_set_budget(t->regex, NULL);
	if (pattern_budget_spent(&m->work->budget)) {
		/* gave up: no answer to remember; the rule stops here */
		if (m->work->at.start == UINT32_MAX)
			m->work->at = m->t[i].span;
		return 0;
	}
	return memo_write(m, i, (size_t)t->regex_id, r);
}

/* Is the token in a file-class word list?  Memoised per word form too. */
static int token_in_list(struct match_ctx *m, uint32_t i, int id,
			 const char *const *v, size_t nv, int case_sens,
			 const char *s, size_t n)
{
	size_t slot = m->list_slot0 + (size_t)id;
	int r = memo_read(m, i, slot);

	if (r >= 0)
		return r;
	return memo_write(m, i, slot, word_in(s, n, v, nv, case_sens));
}

static int test_token(struct match_ctx *m, const struct token_test *t,
		      uint32_t i)
{
	const struct token *tok = &m->t[i];
	const char *s = m->doc->text + tok->span.start;
	size_t n = token_len(tok);
	int ok = 1;

	if (t->kinds && !(t->kinds & (1u << tok->kind)))
		ok = 0;
	if (ok && t->cap >= 0 && !!(tok->flags & TOKF_CAP) != t->cap)
		ok = 0;
	if (ok && t->first >= 0 && m->info[i].first != t->first)
		ok = 0;
	if (ok && t->line_start >= 0) {
		int at = tok == m->doc->tokens ||
			 (tok->flags & TOKF_LINE_BEFORE) != 0;

		if (at != t->line_start)
			ok = 0;
	}
	if (ok && t->n_words) {
		size_t k;

		for (k = 0; k < t->n_words; k++)
			if (t->word_lens[k] == n &&
			    (t->case_sens
				     ? memcmp(t->words[k], s, n) == 0
				     : (tolower((unsigned char)s[0]) ==
						(unsigned char)t->words[k][0] &&
					strncasecmp(t->words[k], s, n) == 0)))
				break;
		ok = k < t->n_words;
	}
	if (ok && t->has_class) {
		int any = (m->info[i].classes & t->classes) != 0;

		if (!any && t->n_class_words)
			any = token_in_list(m, i, t->class_words_id,
					    t->class_words, t->n_class_words,
					    t->case_sens, s, n);
		ok = any;
	}
	if (ok && t->not_classes && (m->info[i].classes & t->not_classes))
		ok = 0;
	if (ok && t->n_not_class_words &&
	    token_in_list(m, i, t->not_class_words_id, t->not_class_words,
			  t->n_not_class_words, t->case_sens, s, n))
		ok = 0;
	if (ok && t->regex && !token_regex(m, t, i, s, n))
		ok = 0;
	return t->negate ? !ok : ok;
}

/* Punctuation that closes a clause for skip: , ; : ( ) [ ] dashes ? ! */
static int clause_break(const struct match_ctx *m, uint32_t i)
{
	const struct token *t = &m->t[i];
	const char *s = m->doc->text + t->span.start;

	if (t->kind != TOK_PUNCT)
		return 0;
	return strchr(",;:()[]?!.", s[0]) != NULL ||
	       strncmp(s, "\xe2\x80\x93", 3) == 0 || /* – */
	       strncmp(s, "\xe2\x80\x94", 3) == 0;   /* — */
}

static int match_from(struct match_ctx *m, const struct rule_seq *seq, size_t k,
		      uint32_t i);

/* Element k consumed token i (advance to i + 1). */
static int took(struct match_ctx *m, const struct rule_seq *seq, size_t k,
		uint32_t i)
{
	const struct rule_elem *el = &seq->v[k];
	uint32_t saved_mark = el->mark ? m->mark[el->mark] : 0;
	uint32_t rf = m->rep_first, rl = m->rep_last, f = m->first;

	if (m->first == UINT32_MAX)
		m->first = i;
	if (el->mark)
		m->mark[el->mark] = i + 1;
	if (el->report) {
		if (m->rep_first == UINT32_MAX)
			m->rep_first = i;
		m->rep_last = i;
	}
	if (match_from(m, seq, k + 1, i + 1)) {
		if (m->last == UINT32_MAX || i > m->last)
			m->last = i;
		return 1;
	}
	if (el->mark)
		m->mark[el->mark] = saved_mark;
	m->rep_first = rf;
	m->rep_last = rl;
	m->first = f;
	return 0;
}

static int same_text(struct match_ctx *m, uint32_t a, uint32_t b)
{
	const struct token *x = &m->t[a], *y = &m->t[b];

	return token_len(x) == token_len(y) &&
	       strncasecmp(m->doc->text + x->span.start,
			   m->doc->text + y->span.start, token_len(x)) == 0;
}

static int match_from(struct match_ctx *m, const struct rule_seq *seq, size_t k,
		      uint32_t i)
{
	const struct rule_elem *el;

	if (k == seq->n)
		return 1;
	el = &seq->v[k];
	switch (el->kind) {
	case EL_START:
		/* only punctuation before i: O(1), not a scan of the
		 * sentence, so a long run of punctuation stays linear */
		if (!m->real_start || i > m->content)
			return 0;
		return match_from(m, seq, k + 1, i);
	case EL_END:
		if (i < m->tail)
			return 0;
		return match_from(m, seq, k + 1, i);
	case EL_SKIP:
		/* shortest gap first: "no one ... not" pairs the nearest */
		for (uint32_t g = 0; g <= (uint32_t)el->skip && i + g <= m->n;
		     g++) {
			if (g > 0) {
				uint32_t j = i + g - 1;

				if (clause_break(m, j) ||
				    (el->stop && test_token(m, el->stop, j)))
					break;
			}
			if (match_from(m, seq, k + 1, i + g))
				return 1;
		}
		return 0;
	case EL_TOKEN:
		if (i < m->n && test_token(m, &el->test, i) &&
		    (!el->same_as ||
		     (m->mark[el->same_as] &&
		      same_text(m, m->mark[el->same_as] - 1, i))) &&
		    took(m, seq, k, i))
			return 1;
		if (el->optional)
			return match_from(m, seq, k + 1, i);
		if (el->at_start && m->real_start) {
			if (i > m->content)
				return 0;
			return match_from(m, seq, k + 1, i);
		}
		return 0;
	}
	return 0;
}

int match_try_at(struct match_ctx *m, const struct rule_seq *seq, uint32_t i)
{
	memset(m->mark, 0, sizeof(m->mark));
	m->first = m->last = UINT32_MAX;
	m->rep_first = m->rep_last = UINT32_MAX;
	return match_from(m, seq, 0, i) && m->first != UINT32_MAX;
}

/*
 * Does any antipattern of r match over sp (tokens first..last)?  Only
 * starts that can reach the match are tried, so the cost does not grow
 * with the sentence.
 */
int match_excused(struct match_ctx *m, const struct rule *r, struct span sp,
		  uint32_t first, uint32_t last)
{
	struct match_ctx save = *m;
	int hit = 0;

	for (size_t k = 0; k < r->n_antipatterns && !hit; k++) {
		uint32_t reach = r->antipatterns[k].max_len;
		uint32_t from = first > reach ? first - reach : 0;

		for (uint32_t i = from; i <= last && i < m->n && !hit; i++)
			if (match_try_at(m, &r->antipatterns[k], i)) {
				struct span as = { m->t[m->first].span.start,
						   m->t[m->last].span.end };

				hit = span_overlaps(as, sp);
			}
	}
	*m = save;
	return hit;
}
