/*
 * ruleindex: which token rules of a ruleset can start at a token, so that
 * the engine tries at each token only those (engine.c).
 *
 * A rule is indexed by the words of one of its elements, ASCII case
 * ignored: its first consuming element's, or, when that one names no
 * words, the first later element's that does, provided every element
 * before it takes exactly one token (no skip, nothing optional): the rule
 * is then tried `offset` tokens before each token holding one of those
 * words.  An element names words by a word list, a file-defined class's
 * words, or a regular expression naming a finite set of words
 * (regexwords.h) -- the last also tried on every token that set cannot
 * judge (non-ASCII: "Å¿o" matches "so" ignoring case).  Otherwise a
 * rule whose first element is a lexicon class alone is tried on tokens of
 * that class; a rule anchored at the sentence start by a word list
 * ("at-start") is indexed by its words and also tried at each sentence's
 * first word; character-level (regex) rules are listed apart; every other
 * rule is tried everywhere.  Rules are indexes into the ruleset's rules,
 * in ruleset order within each list.  An index only narrows: the engine
 * still tests the whole pattern where it tries a rule.
 *
 * The index owns its arrays; rule_index_release() frees them.  Read-only
 * after rule_index_build(), so lookups may share it.
 */
#ifndef MT_RULEINDEX_H
#define MT_RULEINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "engine/ruleset.h"
#include "util/strtab.h"

/* A rule tried `offset` tokens before a token it is indexed by. */
struct indexed_rule {
	uint32_t rule;
	uint32_t offset;
};

/* The rules indexed by one word (ASCII case ignored). */
struct word_index {
	struct indexed_rule *v;
	size_t n, alloc;
};

struct class_rule {
	uint32_t rule;
	uint32_t classes; /* LEX_* bits: a token with any of them */
};

struct rule_index {
	struct strtab words;	  /* first word (case folded) -> id */
	struct word_index *index; /* by id */
	size_t alloc_index;
	struct class_rule *by_class;
	size_t n_by_class, alloc_by_class;
	uint32_t *anywhere; /* rules tried at every token */
	size_t n_anywhere, alloc_anywhere;
	/* indexed by the words of a regex, and tried at every token that
	 * regex_words_takes() refuses */
	struct indexed_rule *unjudged;
	size_t n_unjudged, alloc_unjudged;
	uint32_t *at_start; /* also tried at each sentence's first word */
	size_t n_at_start, alloc_at_start;
	uint32_t *regex_rules; /* character-level rules */
	size_t n_regex, alloc_regex;
};

/* Index every rule of rs into a zeroed *ix. */
void rule_index_build(struct rule_index *ix, const struct ruleset *rs);
void rule_index_release(struct rule_index *ix);

/* The rules indexed by the token w[0, n) (punctuation too: a rule may
 * start at ","), or NULL. */
const struct word_index *rule_index_word(const struct rule_index *ix,
					 const char *w, size_t n);

#endif /* MT_RULEINDEX_H */
