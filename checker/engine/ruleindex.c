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

static void index_word(struct rule_index *ix, const char *w, uint32_t r)
{
	struct word_index *wi = word_slot(ix, w);

	push(&wi->rules, &wi->n, &wi->alloc, r);
}

/* A first test that holds only on the words of its regex: indexed by
 * them.  Other conditions of the test only narrow it further. */
static int index_regex_words(struct rule_index *ix, const struct token_test *t,
			     uint32_t r)
{
	const struct regex_words *w;
	size_t n;

	if (!t || t->negate || !t->regex || t->n_words)
		return 0;
	w = pattern_words(t->regex);
	n = w ? regex_words_count_whole(w) : 0;
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		index_word(ix, regex_words_at(w, i), r);
	push(&ix->unjudged, &ix->n_unjudged, &ix->alloc_unjudged, r);
	return 1;
}

void rule_index_build(struct rule_index *ix, const struct ruleset *rs)
{
	strtab_init_nocase(&ix->words);
	for (size_t r = 0; r < rs->n_rules; r++) {
		const struct rule *rule = &rs->rules[r];
		const struct rule_elem *f = first_consuming(&rule->pattern);
		const struct token_test *t = f ? &f->test : NULL;

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
			const struct token_test *a = &rule->pattern.v[0].test;

			if (!a->negate && !a->case_sens && !a->classes &&
			    !a->regex && (a->n_words || a->n_class_words)) {
				for (size_t i = 0; i < a->n_words; i++)
					index_word(ix, a->words[i],
						   (uint32_t)r);
				for (size_t i = 0; i < a->n_class_words; i++)
					index_word(ix, a->class_words[i],
						   (uint32_t)r);
				push(&ix->at_start, &ix->n_at_start,
				     &ix->alloc_at_start, (uint32_t)r);
				continue;
			}
		}
		/* a test with words (and no class) starts only on them */
		if (t && !t->negate && !t->case_sens && t->n_words &&
		    !t->has_class) {
			for (size_t i = 0; i < t->n_words; i++)
				index_word(ix, t->words[i], (uint32_t)r);
		} else if (t && !t->negate && t->has_class && !t->n_words &&
			   !t->n_class_words && t->classes) {
			ix->by_class = xgrow(ix->by_class, &ix->alloc_by_class,
					     ix->n_by_class + 1,
					     sizeof(*ix->by_class));
			ix->by_class[ix->n_by_class++] =
				(struct class_rule){ (uint32_t)r, t->classes };
		} else if (t && !t->negate && t->has_class && !t->n_words &&
			   t->n_class_words && !t->classes && !t->case_sens) {
			for (size_t i = 0; i < t->n_class_words; i++)
				index_word(ix, t->class_words[i], (uint32_t)r);
		} else if (!index_regex_words(ix, t, (uint32_t)r)) {
			push(&ix->anywhere, &ix->n_anywhere,
			     &ix->alloc_anywhere, (uint32_t)r);
		}
	}
}

void rule_index_release(struct rule_index *ix)
{
	for (uint32_t i = 0; i < strtab_count(&ix->words); i++)
		free(ix->index[i].rules);
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
