/*
 * match: a token pattern of a rule (struct rule_seq, ruleset.h) matched
 * against the tokens of one sentence, for the rule engine (engine.c).
 *
 * A match is a backtracking walk over the pattern's elements (optional
 * elements, bounded skips that stop at clause punctuation, marks and
 * same-as references), so its cost is bounded by the rule, not the
 * document.  The engine fills a struct match_ctx for the sentence (tokens,
 * what the lexicon says of each, where the content starts and ends), then
 * tries rules at token positions; the context then holds the tokens the
 * match consumed and reported and its marks.
 *
 * Token regexes are the engine's main cost, and running text repeats its
 * words: each distinct word form (exact bytes) gets a record in a struct
 * match_memo of which token regexes and file-class word lists it was
 * tested against and with what result, 2 bits per slot (tested, matched),
 * kept across documents, up to a budget of bytes (then emptied: the memo
 * only saves work, it never changes an answer).  The records live in the
 * memo's arena; a record stays valid for the whole sentence it was got
 * for (match_memo_make_room() empties a full memo between sentences
 * only).
 *
 * Regex work is charged to the rule being matched (m->work, pattern.h): a
 * search that gives up answers "no match", remembers nothing, and records
 * where the rule ran out.  Not thread-safe: one engine, one thread.
 */
#ifndef MT_MATCH_H
#define MT_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "engine/pattern.h"
#include "engine/ruleset.h"
#include "text/document.h"
#include "util/arena.h"
#include "util/common.h"
#include "util/strtab.h"

struct engine;

/* --- the memo of token tests ------------------------------------------- */

/* The memo's budget (per engine: one per checker): ~20,000 word forms. */
#define MATCH_MEMO_BYTES ((size_t)4 << 20)

struct match_memo {
	struct strtab forms; /* word form -> id */
	uint64_t **bits;     /* by id, in arena */
	size_t alloc_bits;
	struct arena arena;
	size_t words;  /* uint64_t per record */
	size_t budget; /* bytes */
};

/* Room for `slots` results per word form (0: no memo at all), in at most
 * `budget` bytes (arena bytes, the table's arrays and the record index;
 * MATCH_MEMO_BYTES for an engine). */
void match_memo_init(struct match_memo *mm, size_t slots, size_t budget);
/* Bytes held, by the count above. */
size_t match_memo_bytes(const struct match_memo *mm);
void match_memo_release(struct match_memo *mm);

/* Before a sentence of n tokens: empty the memo if it could overflow. */
void match_memo_make_room(struct match_memo *mm, size_t n);

/* The record of a word form (exact bytes), made on first sight; NULL for
 * forms over 64 bytes, or with no slots.  Valid until the next
 * match_memo_make_room() or match_memo_release(). */
uint64_t *match_memo_get(struct match_memo *mm, const char *w, size_t n);

/* --- matching ---------------------------------------------------------- */

/*
 * The regex work of one rule on the current document (see pattern.h): once
 * its budget is spent the rule stops for the rest of the document, and an
 * info finding at `at` says so.
 */
struct rule_work {
	struct pattern_budget budget;
	struct span at; /* where it ran out; start UINT32_MAX: not yet */
};

/* What a token offers the tests; computed once per token. */
struct tok_info {
	uint32_t classes; /* LEX_* of lexicon.h, LEX_PROPER by context */
	int first;	  /* first word of its sentence */
	uint64_t *memo;	  /* the word form's record; NULL: none (too long) */
};

struct match_ctx {
	struct engine *e; /* the engine matching (not read here) */
	const struct document *doc;
	const struct token *t; /* the sentence's tokens */
	struct tok_info *info;
	uint32_t n;		/* tokens in the sentence */
	uint32_t content;	/* first token that is not punctuation */
	uint32_t tail;		/* just past the last token that is not */
	struct rule_work *work; /* of the rule being matched */
	int real_start;		/* 0: the "sentence" continues a wrapped line */
	int complete;		/* ends in . ! ? (closing quotes aside) */
	size_t list_slot0; /* memo slot of word list 0: after the regexes */
	/* results */
	uint32_t mark[10];	      /* token index + 1; 0 unset */
	uint32_t first, last;	      /* consumed token range [first, last] */
	uint32_t rep_first, rep_last; /* reported range, UINT32_MAX: none */
};

/*
 * Does `seq` match starting at token i?  On success m->first and m->last
 * hold the consumed range, m->rep_first/rep_last the reported one
 * (UINT32_MAX: the whole match) and m->mark the marks.  A pattern that
 * consumes nothing does not match.
 */
int match_try_at(struct match_ctx *m, const struct rule_seq *seq, uint32_t i);

/*
 * Does any antipattern of r match over sp (tokens first..last)?  Only
 * starts that can reach the match are tried, so the cost does not grow
 * with the sentence.  *m is left as it was.
 */
int match_excused(struct match_ctx *m, const struct rule *r, struct span sp,
		  uint32_t first, uint32_t last);

static inline int span_overlaps(struct span a, struct span b)
{
	return a.start < b.end && b.start < a.end;
}

#endif /* MT_MATCH_H */
