/*
 * engine: matching rules against documents (see engine.h).
 */
#include "engine/engine.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "run/checker.h"
#include "text/lexicon.h"
#include "util/paths.h"
#include "engine/packs.h"
#include "engine/pattern.h"
#include "engine/template.h"
#include "text/segment.h"
#include "util/limits.h"
#include "util/xalloc.h"
#include "util/strtab.h"

/* The rules that start on one word (ASCII case ignored). */
struct word_index {
	uint32_t *rules;
	size_t n, alloc;
};

struct class_rule {
	uint32_t rule;
	uint32_t classes;
};

/*
 * Token regexes are the engine's main cost, and running text repeats its
 * words: each distinct word form (exact bytes) gets a record of which
 * token regexes it was tested against and with what result, 2 bits per
 * pattern (tested, matched), kept across documents.  The records live in
 * memo_arena; the table is emptied between sentences once it holds
 * MEMO_MAX_WORDS forms, so a record stays valid for a whole sentence.
 */
#define MEMO_MAX_WORDS (1u << 20)

struct engine {
	struct ruleset *rs;
	struct strtab memo;	   /* word form -> id */
	uint64_t **memo_bits;	   /* by id, in memo_arena */
	size_t alloc_memo_bits;
	struct arena memo_arena;
	size_t memo_words; /* uint64_t per record */
	struct lexicon *lex;
	struct strtab words;	  /* first word (case folded) -> id */
	struct word_index *index; /* by id */
	size_t alloc_index;
	struct class_rule *by_class;
	size_t n_by_class, alloc_by_class;
	uint32_t *anywhere; /* rules tried at every token */
	size_t n_anywhere, alloc_anywhere;
	uint32_t *at_start; /* also tried at each sentence's first word */
	size_t n_at_start, alloc_at_start;
	uint32_t *regex_rules;
	size_t n_regex, alloc_regex;
	unsigned char *enabled; /* scratch for the pass */
	struct rule_work *work;	/* per rule, for the document being checked */
	struct rule_info *infos; /* the ruleset's rules, then the engine's */
	size_t n_infos;
};

/*
 * The regex work of one rule on the current document (see pattern.h): once
 * its budget is spent the rule stops for the rest of the document, and an
 * info finding at `at` says so.
 */
struct rule_work {
	struct pattern_budget budget;
	struct span at; /* where it ran out; start UINT32_MAX: not yet */
};

#define RULE_REGEX_WORK "limits.regex-work"

static const struct rule_info engine_rules[] = {
	{ RULE_REGEX_WORK, "other/limits", MT_SEV_INFO,
	  "a rule's regular expressions used up their work budget on the "
	  "document (MT_LIMIT_REGEX_WORK units): that rule did not check the "
	  "rest of it",
	  NULL,
	  "exact by construction: a note that the bound was reached, not a "
	  "finding about the text (info)",
	  NULL, NULL, NULL, NULL },
};

/* What a token offers the tests; computed once per token. */
struct tok_info {
	uint32_t classes;
	int first; /* first word of its sentence */
	uint64_t *memo; /* the word form's record; NULL: none (too long) */
};

struct match_ctx {
	struct engine *e;
	const struct document *doc;
	const struct token *t; /* the sentence's tokens */
	struct tok_info *info;
	uint32_t n;	  /* tokens in the sentence */
	uint32_t content; /* first token that is not punctuation */
	uint32_t tail;	  /* just past the last token that is not */
	struct rule_work *work; /* of the rule being matched */
	int real_start;	  /* 0: the "sentence" continues a wrapped line */
	int complete;	  /* ends in . ! ? (closing quotes aside) */
	/* results */
	uint32_t mark[10];   /* token index + 1; 0 unset */
	uint32_t first, last; /* consumed token range [first, last] */
	uint32_t rep_first, rep_last; /* reported range, UINT32_MAX: none */
};

static void memo_clear(struct engine *e);

/* The index entry of a word, made when new. */
static struct word_index *word_slot(struct engine *e, const char *w)
{
	int is_new;
	uint32_t id = strtab_intern(&e->words, w, strlen(w), &is_new);

	if (is_new) {
		e->index = xgrow(e->index, &e->alloc_index, id + 1,
				 sizeof(*e->index));
		memset(&e->index[id], 0, sizeof(e->index[id]));
	}
	return &e->index[id];
}

static void push(uint32_t **v, size_t *n, size_t *alloc, uint32_t x)
{
	*v = xgrow(*v, alloc, *n + 1, sizeof(**v));
	(*v)[(*n)++] = x;
}

/* The first element that consumes a token, or NULL. */
static const struct rule_elem *first_consuming(const struct rule_seq *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].kind == EL_START)
			continue;
		if (s->v[i].kind != EL_TOKEN || s->v[i].optional ||
		    s->v[i].at_start)
			return NULL;
		return &s->v[i];
	}
	return NULL;
}

static void index_word(struct engine *e, const char *w, uint32_t r)
{
	struct word_index *wi = word_slot(e, w);

	push(&wi->rules, &wi->n, &wi->alloc, r);
}

static void build_index(struct engine *e)
{
	const struct ruleset *rs = e->rs;

	strtab_init_nocase(&e->words);
	for (size_t r = 0; r < rs->n_rules; r++) {
		const struct rule *rule = &rs->rules[r];
		const struct rule_elem *f = first_consuming(&rule->pattern);
		const struct token_test *t = f ? &f->test : NULL;

		if (rule->regex) {
			push(&e->regex_rules, &e->n_regex, &e->alloc_regex,
			     (uint32_t)r);
			continue;
		}
		/* "{class: clause-opener, at-start: true}": starts on one of
		 * those words, or at the sentence's first word */
		if (rule->pattern.n && rule->pattern.v[0].kind == EL_TOKEN &&
		    rule->pattern.v[0].at_start && !rule->pattern.v[0].optional) {
			const struct token_test *a = &rule->pattern.v[0].test;

			if (!a->negate && !a->case_sens && !a->classes &&
			    !a->regex && (a->n_words || a->n_class_words)) {
				for (size_t i = 0; i < a->n_words; i++)
					index_word(e, a->words[i], (uint32_t)r);
				for (size_t i = 0; i < a->n_class_words; i++)
					index_word(e, a->class_words[i],
						   (uint32_t)r);
				push(&e->at_start, &e->n_at_start,
				     &e->alloc_at_start, (uint32_t)r);
				continue;
			}
		}
		/* a test with words (and no class) starts only on them */
		if (t && !t->negate && !t->case_sens && t->n_words &&
		    !t->has_class) {
			for (size_t i = 0; i < t->n_words; i++)
				index_word(e, t->words[i], (uint32_t)r);
		} else if (t && !t->negate && t->has_class && !t->n_words &&
			   !t->n_class_words && t->classes) {
			e->by_class = xgrow(e->by_class, &e->alloc_by_class,
					    e->n_by_class + 1,
					    sizeof(*e->by_class));
			e->by_class[e->n_by_class++] =
				(struct class_rule){ (uint32_t)r, t->classes };
		} else if (t && !t->negate && t->has_class && !t->n_words &&
			   t->n_class_words && !t->classes && !t->case_sens) {
			for (size_t i = 0; i < t->n_class_words; i++)
				index_word(e, t->class_words[i],
					   (uint32_t)r);
		} else {
			push(&e->anywhere, &e->n_anywhere, &e->alloc_anywhere,
			     (uint32_t)r);
		}
	}
}

/* Load the rules of dir (or files) and the lexicon of lexicon_dir. */
static enum mt_err engine_open(const char *dir, const char *const *files,
			       size_t n_files, const char *lexicon_dir,
			       struct engine **out, struct mt_error *err)
{
	struct engine *e = xcalloc(1, sizeof(*e));
	enum mt_err rc;

	*out = NULL;
	rc = lexicon_open(lexicon_dir, &e->lex, err);
	if (rc == MT_ERR_OK && !dir && !n_files)
		rc = ruleset_load_mem("(no rule files)", "rules: []\n", 10,
				      &e->rs, err);
	else if (rc == MT_ERR_OK)
		rc = ruleset_load(dir, files, n_files, &e->rs, err);
	if (rc != MT_ERR_OK) {
		engine_close(e);
		return rc;
	}
	build_index(e);
	e->enabled = xcalloc(e->rs->n_rules + 1, 1);
	e->work = xcalloc(e->rs->n_rules + 1, sizeof(*e->work));
	e->n_infos = e->rs->n_rules + ARRAY_SIZE(engine_rules);
	e->infos = xmalloc(e->n_infos * sizeof(*e->infos));
	memcpy(e->infos, e->rs->infos, e->rs->n_rules * sizeof(*e->infos));
	memcpy(e->infos + e->rs->n_rules, engine_rules, sizeof(engine_rules));
	e->memo_words = ((e->rs->n_patterns + e->rs->n_word_lists) * 2 + 63) /
			64;
	arena_init(&e->memo_arena, 0);
	*out = e;
	return MT_ERR_OK;
}

void engine_close(struct engine *e)
{
	if (!e)
		return;
	for (uint32_t i = 0; i < strtab_count(&e->words); i++)
		free(e->index[i].rules);
	free(e->index);
	strtab_release(&e->words);
	free(e->by_class);
	free(e->anywhere);
	free(e->at_start);
	free(e->regex_rules);
	free(e->enabled);
	free(e->work);
	free(e->infos);
	strtab_release(&e->memo);
	free(e->memo_bits);
	arena_release(&e->memo_arena);
	ruleset_free(e->rs);
	lexicon_close(e->lex);
	free(e);
}

const struct ruleset *engine_ruleset(const struct engine *e)
{
	return e->rs;
}

/* --- token tests ------------------------------------------------------- */

static void memo_clear(struct engine *e)
{
	strtab_release(&e->memo);
	arena_release(&e->memo_arena);
}

/* The record of a word form (exact bytes), made on first sight. */
static uint64_t *memo_get(struct engine *e, const char *w, size_t n)
{
	int is_new;
	uint32_t id;

	if (n > 64 || !e->memo_words)
		return NULL;
	id = strtab_intern_copy(&e->memo, &e->memo_arena, w, n, &is_new);
	if (is_new) {
		e->memo_bits = xgrow(e->memo_bits, &e->alloc_memo_bits, id + 1,
				     sizeof(*e->memo_bits));
		e->memo_bits[id] = arena_zalloc(
			&e->memo_arena, e->memo_words * sizeof(uint64_t));
	}
	return e->memo_bits[id];
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
				  ((uint64_t)!!r << (bit % 64 + 1));
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
	size_t slot = m->e->rs->n_patterns + (size_t)id;
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

static int match_from(struct match_ctx *m, const struct rule_seq *seq,
		      size_t k, uint32_t i);

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

static int match_from(struct match_ctx *m, const struct rule_seq *seq,
		      size_t k, uint32_t i)
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
		    (!el->same_as || (m->mark[el->same_as] &&
				      same_text(m, m->mark[el->same_as] - 1,
						i))) &&
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

static int try_at(struct match_ctx *m, const struct rule_seq *seq, uint32_t i)
{
	memset(m->mark, 0, sizeof(m->mark));
	m->first = m->last = UINT32_MAX;
	m->rep_first = m->rep_last = UINT32_MAX;
	return match_from(m, seq, 0, i) && m->first != UINT32_MAX;
}

static void report(struct engine *e, const struct document *doc,
		   const struct rule *r, struct span sp,
		   const struct template_groups *g, struct diag_list *out)
{
	struct arena *a = out->arena;
	char *msg = template_expand(e->lex, a, doc->text, r->message, g);
	struct diag *d = diag_add(out, r->info.id, r->info.category,
				  r->info.severity, sp, "%s",
				  msg ? msg : r->message);

	for (size_t i = 0; i < r->n_suggest; i++) {
		char *s = template_expand(e->lex, a, doc->text, r->suggest[i], g);

		if (!s)
			continue;
		template_preserve_case(doc->text + sp.start, s);
		if (strlen(s) == sp.end - sp.start &&
		    memcmp(s, doc->text + sp.start, strlen(s)) == 0)
			continue; /* the same text is no fix */
		diag_suggest(out, d, s);
	}
	if (r->safe_fix && d->n_suggestions)
		d->flags |= DIAGF_SAFE_FIX;
}

/* --- the passes over a document ---------------------------------------- */

static int overlaps(struct span a, struct span b)
{
	return a.start < b.end && b.start < a.end;
}

/*
 * Does any antipattern of r match over sp (tokens first..last)?  Only
 * starts that can reach the match are tried, so the cost does not grow
 * with the sentence.
 */
static int excused(struct match_ctx *m, const struct rule *r, struct span sp,
		   uint32_t first, uint32_t last)
{
	struct match_ctx save = *m;
	int hit = 0;

	for (size_t k = 0; k < r->n_antipatterns && !hit; k++) {
		uint32_t reach = r->antipatterns[k].max_len;
		uint32_t from = first > reach ? first - reach : 0;

		for (uint32_t i = from; i <= last && i < m->n && !hit; i++)
			if (try_at(m, &r->antipatterns[k], i)) {
				struct span as = { m->t[m->first].span.start,
						   m->t[m->last].span.end };

				hit = overlaps(as, sp);
			}
	}
	*m = save;
	return hit;
}

static void run_rule_at(struct match_ctx *m, uint32_t r, uint32_t i,
			uint32_t *last_end, struct diag_list *out)
{
	const struct rule *rule = &m->e->rs->rules[r];
	struct template_groups g;
	struct span sp;
	uint32_t a, b;

	if (rule->sentences_only && !m->complete)
		return;
	m->work = &m->e->work[r];
	if (pattern_budget_spent(&m->work->budget))
		return; /* out of regex work on this document */
	if (!try_at(m, &rule->pattern, i) ||
	    pattern_budget_spent(&m->work->budget))
		return;
	a = m->rep_first != UINT32_MAX ? m->rep_first : m->first;
	b = m->rep_first != UINT32_MAX ? m->rep_last : m->last;
	sp.start = m->t[a].span.start;
	sp.end = m->t[b].span.end;
	if (last_end[r] > sp.start)
		return; /* overlaps this rule's previous finding */
	for (int k = 0; k < 10; k++) {
		g.len[k] = UINT32_MAX;
		if (m->mark[k]) {
			g.start[k] = m->t[m->mark[k] - 1].span.start;
			g.len[k] = token_len(&m->t[m->mark[k] - 1]);
		}
	}
	g.start[0] = sp.start;
	g.len[0] = sp.end - sp.start;
	{
		struct match_ctx save = *m;

		/* antipatterns are tested against the whole match, context
		 * included ("demand [that Moscow withdraw]") */
		struct span whole = { m->t[m->first].span.start,
				      m->t[m->last].span.end };

		if (rule->n_antipatterns &&
		    (excused(m, rule, whole, m->first, m->last) ||
		     pattern_budget_spent(&m->work->budget))) {
			*m = save;
			return;
		}
		*m = save;
	}
	last_end[r] = sp.end;
	report(m->e, m->doc, rule, sp, &g, out);
}

/*
 * Hard-wrapped text ("...report that B was\ncreated") reaches us as two
 * sentences, since a line break always ends one.  A sentence whose
 * predecessor in the paragraph does not end in . ! ? : ; or a closing
 * quote or bracket continues it: the engine matches the two as one
 * sentence, so "Many web\nbrowsers" is one noun phrase.
 */
static int starts_sentence(const struct document *doc,
			   const struct sentence *s)
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
	       strncmp(p, "\xe2\x80\x9d", 3) == 0 ||  /* ” */
	       strncmp(p, "\xe2\x80\x99", 3) == 0 ||  /* ’ */
	       strncmp(p, "\xe2\x80\xa6", 3) == 0;    /* … */
}

/*
 * Does the sentence end in . ! ? (or … ), closing quotes and brackets
 * aside?  Headlines, captions and list items do not, and rules marked
 * sentences-only (which expect full grammar, articles included) leave
 * them alone: "Farm union rejects new water plan" is a headline.
 */
static int ends_sentence(const struct document *doc, const struct token *t,
			 uint32_t n)
{
	while (n > 0) {
		const char *p = doc->text + t[n - 1].span.start;

		if (t[n - 1].kind != TOK_PUNCT)
			return 0;
		if (strchr(".!?", p[0]) || !strncmp(p, "\xe2\x80\xa6", 3))
			return 1;
		if (!strchr("\"')]", p[0]) && strncmp(p, "\xe2\x80\x9d", 3) &&
		    strncmp(p, "\xe2\x80\x99", 3))
			return 0;
		n--;
	}
	return 0;
}

/* Tokens [first, first + n) form one sentence, its start a real one. */
static void check_sentence(struct engine *e, const struct document *doc,
			   uint32_t first, uint32_t n, int real_start,
			   const unsigned char *enabled, uint32_t *last_end,
			   struct tok_info *info, struct diag_list *out)
{
	struct match_ctx m = { 0 };

	m.e = e;
	m.doc = doc;
	m.t = doc->tokens + first;
	m.n = n;
	m.info = info;
	m.content = 0;
	while (m.content < m.n && m.t[m.content].kind == TOK_PUNCT)
		m.content++;
	m.tail = m.content == m.n ? 0 : m.n;
	while (m.tail > m.content && m.t[m.tail - 1].kind == TOK_PUNCT)
		m.tail--;
	m.real_start = real_start;
	m.complete = ends_sentence(doc, m.t, m.n);
	/* records must outlive the sentence: empty a full memo before it */
	if (strtab_count(&e->memo) + (size_t)m.n > MEMO_MAX_WORDS)
		memo_clear(e);
	for (uint32_t i = 0; i < m.n; i++) {
		const struct token *t = &m.t[i];
		uint32_t c = 0;

		if (t->kind == TOK_WORD) {
			c = lexicon_lookup(e->lex, doc->text + t->span.start,
					   token_len(t));
			/* a capitalised word inside the sentence, or one the
			 * lexicon lists as a name, is a proper noun; at the
			 * start of a line (a heading, a list) a capital says
			 * nothing about a common word ("See", "Use") */
			if ((t->flags & TOKF_CAP) &&
			    ((i != m.content &&
			      (!(t->flags & TOKF_LINE_BEFORE) ||
			       !(c & (LEX_VERB | LEX_DET | LEX_PREP |
				      LEX_ADV | LEX_MODAL | LEX_ADJ)))) ||
			     (c & LEX_PROPER)))
				c |= LEX_PROPER;
			else
				c &= ~(uint32_t)LEX_PROPER;
		}
		info[i].classes = c;
		info[i].first = i == m.content && m.real_start;
		info[i].memo = memo_get(e, doc->text + t->span.start,
					token_len(t));
	}
	for (uint32_t i = 0; i < m.n; i++) {
		const struct token *t = &m.t[i];

		{
			/* punctuation too: a rule may start at "," */
			uint32_t id = strtab_find(&e->words,
						  doc->text + t->span.start,
						  token_len(t));
			const struct word_index *wi =
				id == STRTAB_NONE ? NULL : &e->index[id];

			for (size_t k = 0; wi && k < wi->n; k++)
				if (!enabled || enabled[wi->rules[k]])
					run_rule_at(&m, wi->rules[k], i,
						    last_end, out);
		}
		for (size_t k = 0; k < e->n_by_class; k++)
			if ((info[i].classes & e->by_class[k].classes) &&
			    (!enabled || enabled[e->by_class[k].rule]))
				run_rule_at(&m, e->by_class[k].rule, i,
					    last_end, out);
		for (size_t k = 0; k < e->n_anywhere; k++)
			if (!enabled || enabled[e->anywhere[k]])
				run_rule_at(&m, e->anywhere[k], i, last_end,
					    out);
		for (size_t k = 0; i == m.content && k < e->n_at_start; k++)
			if (!enabled || enabled[e->at_start[k]])
				run_rule_at(&m, e->at_start[k], i, last_end,
					    out);
	}
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * A character-level rule over one paragraph, prepared once for all rules
 * (`pt`).  Matches an antipattern overlaps are dropped.
 */
static void check_regex_rule(struct engine *e, const struct document *doc,
			     const struct rule *r, struct span ps,
			     struct pattern_text *pt, struct diag_list *out)
{
	size_t len = ps.end - ps.start, from = 0;
	struct pattern_match pm;
	struct span *nots = NULL;
	size_t n_not = 0, alloc_not = 0, n_not_seen = 0;

	if (r->needs) {
		/* a paragraph without any of the characters cannot match */
		const char *base = doc->text + ps.start, *c = r->needs;
		int found = 0;

		while (*c && !found) {
			size_t cl = 1;

			while ((c[cl] & 0xC0) == 0x80)
				cl++;
			found = memmem(base, len, c, cl) != NULL;
			c += cl;
		}
		if (!found)
			return;
	}

	/* every antipattern match of the paragraph, sorted by start */
	for (size_t k = 0; k < r->n_regex_not; k++) {
		struct pattern_match am;
		size_t f = 0;

		while (f <= len &&
		       pattern_find_text(r->regex_not[k], pt, f, &am)) {
			nots = xgrow(nots, &alloc_not, n_not + 1,
				     sizeof(*nots));
			nots[n_not++] = (struct span){ ps.start + am.start[0],
						       ps.start + am.end[0] };
			f = am.end[0] > am.start[0] ? am.end[0]
						    : am.start[0] + 1;
		}
	}
	if (pattern_budget_spent(&e->work[r - e->rs->rules].budget)) {
		/* without all the antipatterns nothing can be reported */
		free(nots);
		return;
	}
	if (n_not > 1)
		qsort(nots, n_not, sizeof(*nots), cmp_span);
	while (from <= len && pattern_find_text(r->regex, pt, from, &pm)) {
		int g = r->regex_group;
		struct span sp;
		struct template_groups gr;
		int skip = 0;

		from = pm.end[0] > pm.start[0] ? pm.end[0] : pm.start[0] + 1;
		if (pm.start[g] == UINT32_MAX)
			continue;
		sp.start = ps.start + pm.start[g];
		sp.end = ps.start + pm.end[g];
		/* antipattern matches come in order, as do ours: walk them */
		while (n_not_seen < n_not && nots[n_not_seen].end <= sp.start &&
		       !(sp.start == sp.end &&
			 nots[n_not_seen].end == sp.start))
			n_not_seen++;
		for (size_t k = n_not_seen; k < n_not && !skip; k++) {
			if (nots[k].start > sp.end)
				break;
			skip = overlaps(nots[k], sp) ||
			       (sp.start == sp.end &&
				nots[k].start <= sp.start &&
				sp.start < nots[k].end);
		}
		if (skip)
			continue;
		for (int k = 0; k < 10; k++) {
			gr.len[k] = UINT32_MAX;
			if (k < PATTERN_MAX_GROUPS && pm.start[k] != UINT32_MAX) {
				gr.start[k] = ps.start + pm.start[k];
				gr.len[k] = pm.end[k] - pm.start[k];
			} else if (k <= pattern_groups(r->regex)) {
				/* a group of an alternative not taken is
				 * empty, as in every regex engine */
				gr.start[k] = sp.start;
				gr.len[k] = 0;
			}
		}
		report(e, doc, r, sp, &gr, out);
	}
	free(nots);
}

/*
 * A gap of three or more blanks inside a line is no word space: table
 * columns, aligned text, or the blanks that stand for hidden markup when
 * a Markdown document is checked ("a `Buffer` object" reaches us as "a
 * ... object").  Words across such a gap are not neighbours, so the
 * sentence is matched piece by piece; only the first piece starts it.
 */
static int wide_gap(const struct document *doc, const struct token *a,
		    const struct token *b)
{
	uint32_t run = 0;

	for (uint32_t i = a->span.end; i < b->span.start; i++) {
		char c = doc->text[i];

		if (c == ' ' || c == '\t')
			run++;
		else
			run = 0;
		if (run >= 3)
			return 1;
	}
	return 0;
}

static void check_pieces(struct engine *e, const struct document *doc,
			 uint32_t first, uint32_t n,
			 const unsigned char *enabled, uint32_t *last_end,
			 struct tok_info *info, struct diag_list *out)
{
	uint32_t start = first, end = first + n;

	for (uint32_t i = first + 1; i <= end; i++) {
		if (i < end &&
		    !wide_gap(doc, &doc->tokens[i - 1], &doc->tokens[i]))
			continue;
		check_sentence(e, doc, start, i - start, start == first,
			       enabled, last_end, info, out);
		start = i;
	}
}

/* A character-level rule on one paragraph, charged to its budget. */
static void regex_rule_in(struct engine *e, const struct document *doc,
			  uint32_t ri, struct span ps, struct pattern_text *pt,
			  struct diag_list *out)
{
	const struct rule *r = &e->rs->rules[ri];
	struct rule_work *w = &e->work[ri];

	if (pattern_budget_spent(&w->budget))
		return;
	pattern_set_budget(r->regex, &w->budget);
	for (size_t k = 0; k < r->n_regex_not; k++)
		pattern_set_budget(r->regex_not[k], &w->budget);
	check_regex_rule(e, doc, r, ps, pt, out);
	pattern_set_budget(r->regex, NULL);
	for (size_t k = 0; k < r->n_regex_not; k++)
		pattern_set_budget(r->regex_not[k], NULL);
	if (pattern_budget_spent(&w->budget) && w->at.start == UINT32_MAX)
		w->at = ps;
}

/* Run the rules over a segmented document, appending to `out`.  `enabled`
 * has one flag per rule of the ruleset (NULL: all enabled). */
static void engine_check(struct engine *e, const struct document *doc,
			 const unsigned char *enabled, struct diag_list *out)
{
	const struct ruleset *rs = e->rs;
	uint32_t *last_end = xcalloc(rs->n_rules + 1, sizeof(*last_end));
	struct tok_info *info = NULL;
	size_t info_alloc = 0;

	for (size_t r = 0; r < rs->n_rules; r++) {
		e->work[r].budget.used = 0;
		e->work[r].budget.limit = MT_LIMIT_REGEX_WORK;
		e->work[r].at.start = e->work[r].at.end = UINT32_MAX;
	}

	for (uint32_t s = 0; s < doc->n_sentences;) {
		const struct sentence *se = &doc->sentences[s];
		uint32_t first = se->first_token, n = se->n_tokens;

		/* join the continuations of a wrapped line */
		for (s++; s < doc->n_sentences &&
			  !starts_sentence(doc, &doc->sentences[s]);
		     s++)
			n = doc->sentences[s].first_token +
			    doc->sentences[s].n_tokens - first;
		info = xgrow(info, &info_alloc, n + 1, sizeof(*info));
		check_pieces(e, doc, first, n, enabled, last_end, info, out);
	}
	for (uint32_t p = 0; e->n_regex && p < doc->n_paragraphs; p++) {
		struct span ps = doc->paragraphs[p].span;
		struct pattern_text *pt =
			pattern_text_new(doc->text + ps.start, ps.end - ps.start);

		for (size_t k = 0; k < e->n_regex; k++)
			if (!enabled || enabled[e->regex_rules[k]])
				regex_rule_in(e, doc, e->regex_rules[k], ps,
					      pt, out);
		pattern_text_free(pt);
	}
	for (size_t r = 0; r < rs->n_rules; r++)
		if (e->work[r].at.start != UINT32_MAX)
			diag_add(out, RULE_REGEX_WORK, engine_rules[0].category,
				 MT_SEV_INFO, e->work[r].at,
				 "rule '%s' used up its regular-expression "
				 "work budget here (%u units): it did not "
				 "check the rest of the document",
				 rs->rules[r].info.id, MT_LIMIT_REGEX_WORK);
	free(info);
	free(last_end);
}

/* --- examples ----------------------------------------------------------- */

/* Examples run one rule alone: the engine with only that rule enabled. */
struct example_arg {
	struct engine *e;
	struct checker *c;
	const unsigned char *enabled;
};

static enum mt_err check_example(void *arg, const char *text,
				 struct document **doc, struct diag_list *l,
				 struct mt_error *err)
{
	struct example_arg *a = arg;
	enum mt_err rc = document_load_mem("<example>", text, strlen(text),
					   NULL, doc, err);

	if (rc == MT_ERR_OK)
		rc = checker_segment(a->c, *doc, err);
	if (rc != MT_ERR_OK)
		return rc;
	diag_list_init(l, &(*doc)->arena);
	engine_check(a->e, *doc, a->enabled, l);
	diag_list_dedupe(l);
	return MT_ERR_OK;
}

size_t engine_test_examples(struct engine *e, struct checker *c,
			    size_t min_examples, FILE *out,
			    size_t *n_checked)
{
	const struct ruleset *rs = e->rs;
	unsigned char *enabled = xcalloc(rs->n_rules + 1, 1);
	struct example_arg arg = { e, c, enabled };
	size_t fails = 0, n = 0;
	char where[4200];

	for (size_t k = 0; k < rs->n_rules; k++) {
		const struct rule *r = &rs->rules[k];
		struct example_run run = { check_example, &arg, r->info.id,
					   where, out };

		if (r->n_bad < min_examples || r->n_good < min_examples) {
			fprintf(out, "%s:%u: %s: needs at least %zu bad and "
				     "%zu good examples (has %zu and %zu)\n",
				r->file, r->line, r->info.id, min_examples,
				min_examples, r->n_bad, r->n_good);
			fails++;
		}
		enabled[k] = 1;
		for (size_t i = 0; i < r->n_bad; i++, n++) {
			snprintf(where, sizeof(where), "%s:%u", r->file,
				 r->bad[i].line);
			fails += example_test_bad(&run, &r->bad[i].ex);
		}
		for (size_t i = 0; i < r->n_good; i++, n++) {
			snprintf(where, sizeof(where), "%s:%u", r->file,
				 r->good[i].line);
			fails += example_test_good(&run, r->good[i].ex.text);
		}
		enabled[k] = 0;
	}
	free(enabled);
	if (n_checked)
		*n_checked = n;
	return fails;
}

/* --- the pass ----------------------------------------------------------- */

const char *engine_rules_dir(const struct checker_options *opts, char *buf,
			     size_t size)
{
	const char *data;

	if (opts->rules_dir)
		return opts->rules_dir;
	data = opts->data_dir ? opts->data_dir : mt_data_dir();
	snprintf(buf, size, "%s/rules/%.2s", data,
		 opts->lang ? opts->lang : "en");
	return buf;
}

enum mt_err engine_open_opts(const struct checker_options *opts,
			     const char *const *files, size_t n_files,
			     struct engine **out, struct mt_error *err)
{
	char buf[4096];
	const char *dir = engine_rules_dir(opts, buf, sizeof(buf));
	struct rule_sources src = { 0 };
	enum mt_err rc;

	if (n_files || (!opts->n_packs && !opts->no_builtin_rules))
		return engine_open(dir, files, n_files, NULL, out, err);
	rc = rule_sources_collect(opts, dir, &src, err);
	if (rc == MT_ERR_OK)
		rc = engine_open(src.n_files ? dir : NULL,
				 (const char *const *)src.files, src.n_files,
				 NULL, out, err);
	if (rc == MT_ERR_OK) {
		rc = rule_sources_check(&src, (*out)->rs, err);
		if (rc != MT_ERR_OK) {
			engine_close(*out);
			*out = NULL;
		}
	}
	rule_sources_release(&src);
	return rc;
}

static enum mt_err engine_pass_open(struct checker *c,
				    const struct checker_options *opts,
				    void **state, struct mt_error *err)
{
	(void)c;
	return engine_open_opts(opts, NULL, 0, (struct engine **)state, err);
}

static enum mt_err engine_pass_run(void *state, struct check_ctx *ctx,
				   struct mt_error *err)
{
	struct engine *e = state;
	const struct ruleset *rs = e->rs;

	(void)err;
	for (size_t k = 0; k < rs->n_rules; k++)
		e->enabled[k] = (unsigned char)checker_rule_enabled(
			ctx->checker, rs->rules[k].info.id,
			rs->rules[k].info.category);
	engine_check(e, ctx->doc, e->enabled, ctx->diags);
	return MT_ERR_OK;
}

static void engine_pass_close(void *state)
{
	engine_close(state);
}

static size_t engine_pass_rules(void *state, const struct rule_info **out)
{
	struct engine *e = state;

	*out = e->infos;
	return e->n_infos;
}

/* A rule file's examples, as its rule states them. */
static void engine_pass_examples(void *state, const char *id,
				 struct arena *a, struct rule_examples *out)
{
	const struct ruleset *rs = ((struct engine *)state)->rs;

	for (size_t k = 0; k < rs->n_rules; k++) {
		const struct rule *r = &rs->rules[k];
		struct example *bad;
		const char **good;

		if (strcmp(r->info.id, id))
			continue;
		bad = arena_alloc(a, (r->n_bad + 1) * sizeof(*bad));
		good = arena_alloc(a, (r->n_good + 1) * sizeof(*good));
		for (size_t i = 0; i < r->n_bad; i++)
			bad[i] = r->bad[i].ex;
		for (size_t i = 0; i < r->n_good; i++)
			good[i] = r->good[i].ex.text;
		out->bad = bad;
		out->n_bad = r->n_bad;
		out->good = good;
		out->n_good = r->n_good;
		return;
	}
}

const struct check_pass engine_pass = {
	.name = "rules",
	.open = engine_pass_open,
	.run = engine_pass_run,
	.close = engine_pass_close,
	.rules = engine_pass_rules,
	.examples = engine_pass_examples,
};
