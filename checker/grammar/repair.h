/*
 * repair: evidence about a sentence the parser cannot link -- re-parse
 * variants of it and see which one links completely.
 *
 * A failed linkage alone is weak evidence: link-grammar's dictionary lacks
 * many good constructions ("It was the first day of the week" has no
 * complete linkage in 5.12), so on edited prose it fails about one
 * sentence in five.  Two questions sort the failures:
 *
 *   - Does a small repair at the unconnected word make the sentence link?
 *     A function word inserted right before or after it (an article, "of",
 *     "is", "are", "to" before a verb), or the word changed for its
 *     closed-class partner (is/are, a/an, this/these...).  Machine
 *     translation drops exactly such words; the repair is then also the
 *     suggestion.  On good sentences that fail, such a repair is rare (the
 *     failure is the dictionary's, and one function word does not fix it).
 *
 *   - Does the sentence link when the unconnected word is replaced by a
 *     plain word of the same part of speech ("thing" for a noun, "good" for
 *     an adjective, "really" for an adverb)?  Then the word's own
 *     dictionary entry is what fails, not the sentence: a gap of the
 *     dictionary ("day" after an ordinal), not an error.
 *
 * Both run the parser in its cheap mode (parse_job.complete_only: only
 * whether a complete linkage exists, at the normal cost), all variants of
 * one question in one batch.
 *
 * repair_try() answers for any list of edits whether each makes the word
 * list link completely; repair_find() asks it the two questions above.
 *
 * Lifetimes: words are borrowed for the call; the strings in a struct
 * repair found by repair_find() are static.  Nothing here fails but
 * memory, which exits.
 */
#ifndef MT_REPAIR_H
#define MT_REPAIR_H

#include <stddef.h>
#include <stdint.h>

#include "grammar/linkgrammar.h"

/* A sentence as the parser sees it (see struct parse_job). */
struct repair_text {
	const char *const *words;
	const uint8_t *glue; /* may be NULL */
	uint32_t n;
};

enum repair_kind {
	REPAIR_INSERT,	/* insert `word` before word `at` (at == n: at the end) */
	REPAIR_REPLACE, /* replace word `at` by `word` */
	REPAIR_DELETE,	/* delete word `at` */
};

struct repair {
	enum repair_kind kind;
	uint32_t at;
	const char *word; /* REPAIR_INSERT, REPAIR_REPLACE */
};

/*
 * For each of n edits of t, one at a time: does the edited text link
 * completely?  ok[i] gets 1 or 0, cost[i] (when cost is not NULL) the
 * disjunct cost of its best linkage.  The edits are parsed as one batch.
 */
void repair_try(struct parser *p, const struct repair_text *t,
		const struct repair *edits, size_t n, uint8_t *ok,
		double *cost);

/*
 * A repair counts only when its linkage is a plain one: link-grammar
 * links almost any word sequence at a high enough cost ("the fourth to
 * day of action" links at 2.8), while the sentence a dropped word leaves
 * behind links with rare constructions costing little.
 */
#define REPAIR_MAX_COST 1.5

/* What the variants say about the unconnected words from..to. */
struct repair_verdict {
	int repaired;	   /* a repair links the sentence; see `fix` */
	struct repair fix; /* the first such repair in order of preference */
	double fix_cost;   /* the disjunct cost of its linkage */
	int dictionary_gap; /* a stand-in for word `from` (a single word)
			     * links the sentence */
};

/*
 * Ask both questions about the unconnected words t->words[from..to]
 * (inclusive): insertions right before `from` and right after `to`, the
 * closed-class partner of a single word, and the stand-in.  Preference
 * among repairs: replacements, then insertions in the order of the
 * function-word list (articles first), before before after.
 */
void repair_find(struct parser *p, const struct repair_text *t,
		 uint32_t from, uint32_t to, struct repair_verdict *out);

#endif /* MT_REPAIR_H */
