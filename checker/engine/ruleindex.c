/*
 * ruleindex: which token rules can start where (see ruleindex.h).
 */
#include "engine/ruleindex.h"

#include <stdlib.h>
#include <string.h>

#include "engine/pattern.h"
#include "engine/regexwords.h"
#include "util/xalloc.h"

/* The index entry of a word, made when new. */
static struct word_index *word_slot(struct rule_index *ix, const char *w)
{
	int is_new;
	uint32_t id = strtab_intern(&ix->words, w, strlen(w), &is_new);

	if (is_new) {
		ix->index = xgrow(ix->index, &ix->alloc_index, id + 1,
				  sizeof(*ix->index));
		memset(&ix->index[id], 0, sizeof(ix->index[id]));
	}
	return &ix->index[id];
}

static void push(uint32_t **v, size_t *n, size_t *alloc, uint32_t x)
{
	*v = xgrow(*v, alloc, *n + 1, sizeof(**v));
	(*v)[(*n)++] = x;
}

static void push_indexed(struct indexed_rule **v, size_t *n, size_t *alloc,
			 uint32_t r, uint32_t offset)
{
	*v = xgrow(*v, alloc, *n + 1, sizeof(**v));
	(*v)[(*n)++] = (struct indexed_rule){ r, offset };
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

static void index_word(struct rule_index *ix, const char *w, uint32_t r,
		       uint32_t offset)
{
	struct word_index *wi = word_slot(ix, w);

	push_indexed(&wi->v, &wi->n, &wi->alloc, r, offset);
}

/* The finite words of t's regex, or NULL (count in *n). */
static const struct regex_words *finite_regex(const struct token_test *t,
					      size_t *n)
{
	const struct regex_words *w;

	*n = 0;
	if (!t->regex)
		return NULL;
	w = pattern_words(t->regex);
	*n = w ? regex_words_count_whole(w) : 0;
	return *n ? w : NULL;
}

/* Does test t hold only on words it names (and can rule r be indexed by
 * them)?  Its other conditions only narrow it further. */
static int names_words(const struct token_test *t)
{
	size_t n;

	if (t->negate)
		return 0;
	if (t->n_words && !t->has_class)
		return 1;
	if (t->has_class && !t->n_words && t->n_class_words && !t->classes)
		return 1;
	return !t->n_words && !t->has_class && finite_regex(t, &n);
}

static void index_by_words(struct rule_index *ix, const struct token_test *t,
			   uint32_t r, uint32_t offset)
{
	const struct regex_words *w;
	size_t n;

	if (t->n_words && !t->has_class) {
		for (size_t i = 0; i < t->n_words; i++)
			index_word(ix, t->words[i], r, offset);
	} else if (t->has_class && !t->n_words) {
		for (size_t i = 0; i < t->n_class_words; i++)
			index_word(ix, t->class_words[i], r, offset);
	} else if ((w = finite_regex(t, &n))) {
		for (size_t i = 0; i < n; i++)
			index_word(ix, regex_words_at(w, i), r, offset);
		push_indexed(&ix->unjudged, &ix->n_unjudged,
			     &ix->alloc_unjudged, r, offset);
	}
}

/* The element of seq that names words, at a fixed number of tokens from
 * the start (every element before it takes one token), or NULL. */
static const struct token_test *word_anchor(const struct rule_seq *seq,
					    uint32_t *offset)
{
	uint32_t k = 0;

	for (size_t i = 0; i < seq->n; i++) {
		const struct rule_elem *el = &seq->v[i];

		if (el->kind == EL_START)
			continue;
		if (el->kind != EL_TOKEN || el->optional || el->at_start)
			return NULL;
		if (names_words(&el->test)) {
			*offset = k;
			return &el->test;
		}
		k++;
	}
	return NULL;
}

void rule_index_build(struct rule_index *ix, const struct ruleset *rs)
{
	strtab_init_nocase(&ix->words);
	for (size_t r = 0; r < rs->n_rules; r++) {
		const struct rule *rule = &rs->rules[r];
		const struct rule_elem *f = first_consuming(&rule->pattern);
		const struct token_test *t = f ? &f->test : NULL, *a;
		uint32_t offset = 0;

		if (rule->regex) {
			push(&ix->regex_rules, &ix->n_regex, &ix->alloc_regex,
			     (uint32_t)r);
			continue;
		}
		/* "{class: clause-opener, at-start: true}": starts on one of
		 * those words, or at the sentence's first word */
		if (rule->pattern.n && rule->pattern.v[0].kind == EL_TOKEN &&
		    rule->pattern.v[0].at_start &&
		    !rule->pattern.v[0].optional) {
			const struct token_test *s = &rule->pattern.v[0].test;

			if (!s->negate && !s->classes && !s->regex &&
			    (s->n_words || s->n_class_words)) {
				for (size_t i = 0; i < s->n_words; i++)
					index_word(ix, s->words[i], (uint32_t)r,
						   0);
				for (size_t i = 0; i < s->n_class_words; i++)
					index_word(ix, s->class_words[i],
						   (uint32_t)r, 0);
				push(&ix->at_start, &ix->n_at_start,
				     &ix->alloc_at_start, (uint32_t)r);
				continue;
			}
		}
		if (t && names_words(t)) {
			index_by_words(ix, t, (uint32_t)r, 0);
		} else if (t && !t->negate && t->has_class && !t->n_words &&
			   !t->n_class_words && t->classes) {
			ix->by_class = xgrow(ix->by_class, &ix->alloc_by_class,
					     ix->n_by_class + 1,
					     sizeof(*ix->by_class));
			ix->by_class[ix->n_by_class++] =
				(struct class_rule){ (uint32_t)r, t->classes };
		} else if ((a = word_anchor(&rule->pattern, &offset))) {
			index_by_words(ix, a, (uint32_t)r, offset);
		} else {
			push(&ix->anywhere, &ix->n_anywhere,
			     &ix->alloc_anywhere, (uint32_t)r);
		}
	}
}

void rule_index_release(struct rule_index *ix)
{
	for (uint32_t i = 0; i < strtab_count(&ix->words); i++)
		free(ix->index[i].v);
	free(ix->index);
	strtab_release(&ix->words);
	free(ix->by_class);
	free(ix->anywhere);
	free(ix->unjudged);
	free(ix->at_start);
	free(ix->regex_rules);
}

const struct word_index *rule_index_word(const struct rule_index *ix,
					 const char *w, size_t n)
{
	uint32_t id = strtab_find(&ix->words, w, n);

	return id == STRTAB_NONE ? NULL : &ix->index[id];
}
