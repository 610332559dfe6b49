/*
 * wordalign: which word of an aligned reference sentence each content word
 * of an article sentence stands for.
 *
 * Words.  Every word token of a sentence becomes a struct wa_word: its
 * lower-case transliterated key (names.h: "Peskóv" and "peskov" agree),
 * whether it is a content word (not a function word -- determiners,
 * pronouns, prepositions, conjunctions, auxiliaries, negation, degree
 * adverbs -- nor a number), whether it is a name (capitalised inside a
 * sentence), its Hunspell stems and its WordNet lemmas.
 *
 * Matching, in rounds, each round only among words still unmatched, each
 * article word taking the nearest candidate by relative position:
 *   WA_EXACT    the same key, hyphens aside ("super-massive");
 *   WA_STEM     a shared Hunspell stem or WordNet lemma ("tweeted" /
 *               "tweets"), a compound and its head ("free-falling" /
 *               "falling"), an abbreviation ("incl" / "including"), or a
 *               shared beginning of five letters or more
 *               that is most of both words ("free" / "freely" does not
 *               count; "decided" / "decision" does);
 *   WA_SYNONYM  a WordNet synset holding a lemma of each, among their
 *               WA_SENSES most frequent senses ("everyone" / "everybody");
 *   WA_NAME     two names that are near misses of each other (names.h):
 *               the name rules report those, not the word rules.
 * Only content words are matched.
 *
 * Gaps.  Matched words are anchors.  An unmatched article word lies in a
 * gap between its nearest anchors (or a sentence edge); when the anchors'
 * counterparts keep their order in the reference, the reference words
 * between them are the gap's counterpart.  A gap with one unmatched word on
 * each side is a substitution (a word choice); unmatched reference words
 * facing no article word are an omission; unmatched article words facing
 * none are an addition.
 *
 * Ownership: everything lives in the arena given (normally the article's);
 * struct wa_lex borrows long-lived resources opened by the caller.  Nothing
 * fails but memory, which exits.
 */
#ifndef MT_WORDALIGN_H
#define MT_WORDALIGN_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/strtab.h"
#include "text/document.h"

struct speller;
struct wordnet;
struct names_normaliser;

#define WA_NONE UINT32_MAX
#define WA_MAX_LEMMAS 4
#define WA_MAX_STEMS 3
#define WA_SENSES 8

enum wa_how {
	WA_UNMATCHED = 0,
	WA_EXACT,
	WA_STEM,
	WA_SYNONYM,
	WA_NAME,
};

/* What is known of one word form, computed once per distinct form. */
struct wa_form {
	const char *key;	/* lower case, transliterated */
	const char *stems[WA_MAX_STEMS]; /* Hunspell's, lower case */
	uint32_t lemmas[WA_MAX_LEMMAS];	 /* WordNet ids */
	uint8_t n_stems, n_lemmas;
	uint8_t content;  /* a content word */
	uint8_t known;	  /* Hunspell or WordNet knows the word */
	unsigned pos;	  /* enum wordnet_pos bits of its lemmas */
};

struct wa_word {
	struct span span; /* in its document's text */
	uint32_t token;	  /* index into the document's tokens */
	const struct wa_form *form;
	uint8_t name;	  /* capitalised, not at the sentence start */
	uint8_t initial;  /* the sentence's first word */
	uint8_t how;	  /* enum wa_how */
	uint32_t match;	  /* index on the other side, or WA_NONE */
};

/* The content words of one or more consecutive sentences. */
struct wa_side {
	struct wa_word *w;
	uint32_t n;
};

/*
 * Long-lived resources and a per-run cache of forms.  Initialise with
 * wordalign_init(), release with wordalign_release() (the forms live in
 * the arena; the table is on the heap).  speller, wordnet and names may
 * each be NULL: that kind of matching is then skipped.
 */
struct wa_lex {
	struct speller *sp;
	const struct wordnet *wn;
	struct names_normaliser *nn;
	struct arena *a;
	struct strtab forms; /* surface form -> index into form[] */
	struct wa_form **form;
	size_t form_alloc;
};

void wordalign_init(struct wa_lex *lx, struct speller *sp,
		    const struct wordnet *wn, struct names_normaliser *nn,
		    struct arena *a);
void wordalign_release(struct wa_lex *lx);

/* Is the lower-case word a function word (see above)? */
int wordalign_function_word(const char *w, size_t len);

/* What is known of a surface form (analysed once per run; in lx's
 * arena). */
const struct wa_form *wordalign_form(struct wa_lex *lx, const char *s,
				     size_t n);

/*
 * The content words of sentences [first, first + n) of d, with matches
 * cleared.  The array is in lx's arena.
 */
void wordalign_side(struct wa_lex *lx, const struct document *d,
		    uint32_t first, uint32_t n, struct wa_side *out);

/* Match art's words with ref's (see above); sets how and match on both. */
void wordalign_pair(struct wa_lex *lx, struct wa_side *art,
		    struct wa_side *ref);

/*
 * The gap around unmatched article word i: the reference words facing it
 * are [*rfrom, *rto) (indices into ref), the article's unmatched words of
 * the same gap [*afrom, *ato).  Returns 0 when the anchors around the gap
 * cross (no counterpart can be told), 1 otherwise.
 */
int wordalign_gap(const struct wa_side *art, const struct wa_side *ref,
		  uint32_t i, uint32_t *afrom, uint32_t *ato, uint32_t *rfrom,
		  uint32_t *rto);

/*
 * Are two forms lookalikes: both of WA_LOOKALIKE_MIN bytes or more, the
 * same first letter and a weighted edit distance (hunspell.h) of at most a
 * quarter of the longer word ("helpless" / "hapless"; not "black" /
 * "back": short words are one letter from many others)?
 */
#define WA_LOOKALIKE_MIN 6
int wordalign_lookalike(const char *a, size_t alen, const char *b,
			size_t blen);

#endif /* MT_WORDALIGN_H */
