/*
 * template: the replacement and message templates of rules ("{1} {2:3sg}").
 *
 * A template is literal text with references: {N} is the text of mark N
 * (token rules) or capture group N (regex rules), {0} the reported text;
 * {N:fn} passes it through a function:
 *
 *   lower, upper, cap   case: "Kremlin" -> "kremlin", "KREMLIN", "Kremlin"
 *   3sg                 third person singular of a base form, offered only
 *                       when the lexicon knows it: "believe" -> "believes"
 *   participle          the past participle of an irregular simple past,
 *                       offered only when WordNet's verb exceptions and
 *                       the lexicon give exactly one: "went" -> "gone",
 *                       "ate" -> "eaten" (lexicon_participle())
 *   plural              the plural of a singular noun, offered only when
 *                       the lexicon knows it as a plural noun: "tourist"
 *                       -> "tourists", "city" -> "cities", "child" ->
 *                       "children" (WordNet's noun exceptions,
 *                       lexicon_plural())
 *   base                the base form of an inflected verb, offered only
 *                       when the lexicon knows it: "went" -> "go", "has"
 *                       -> "have", "speaks" -> "speak", "hoped" -> "hope"
 *                       (lexicon_base())
 *   past                the simple past of a base form or a past
 *                       participle, offered only when the lexicon knows
 *                       it: "leave" -> "left", "seen" -> "saw",
 *                       "go" -> "went", "hope" -> "hoped", "stop" ->
 *                       "stopped" (lexicon_past())
 *   ing                 the -ing form of a base form, from English spelling
 *                       rules and the lexicon's -ing forms: "see" ->
 *                       "seeing", "hope" -> "hoping", "stop" -> "stopping"
 *   singular            the singular of a regular plural noun the lexicon
 *                       knows as a singular: "members" -> "member",
 *                       "policies" -> "policy" ("men": none)
 *   subject             the subject form of an object pronoun: him -> he,
 *                       them -> they, me -> I, us -> we, her -> she
 *   pl                  the plural of a singular verb form: is -> are,
 *                       was -> were, has -> have, doesn't -> don't
 *   sg                  the other way: are -> is, were -> was, have ->
 *                       has, don't -> doesn't
 *   any                 the non-assertive form of a negative word, which
 *                       keeps a clause that is already negated negative:
 *                       no -> any, nobody -> anybody, no one -> anyone,
 *                       nothing -> anything, nowhere -> anywhere, none ->
 *                       any, never -> ever, neither -> either, nor -> or
 *   affirm              a negated word without its negation: don't -> do,
 *                       can't/cannot -> can, won't -> will, ain't -> is,
 *                       never -> ever, not -> "" (the empty string)
 *   thousands           digits grouped by threes: 250000 -> 250,000
 *   indef               the phrase with "a" or "an" before it, its first
 *                       word in lower case when it is capitalised only
 *                       for the sentence start: "Senior official" ->
 *                       "a senior official", "Italian team" -> "an
 *                       Italian team" (names keep their capital)
 *   the                 "the" before the phrase's name (its first
 *                       capitalised word): "to United States" -> "to the
 *                       United States", "Bahamas" -> "the Bahamas"
 *   ascii               full-width and CJK punctuation in English: ， -> ,
 *                       。 -> .  （ -> (  《 -> “
 *
 * A function that cannot apply (no known third person form, a word that is
 * not negative) makes the whole template fail: the suggestion is dropped.
 * Blanks left around an empty expansion (a function giving "" or a group
 * of a regex alternative not taken) are squeezed ("{1} {2:affirm}"
 * with "will" and "not" gives "will"); a template that comes out empty
 * that way fails too.
 *
 * This module owns no state; results live in the caller's arena.
 */
#ifndef MT_TEMPLATE_H
#define MT_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct lexicon;

/* The text each {N} refers to: start and length in the document's text;
 * len UINT32_MAX: unset (a template naming it fails; a token rule's mark
 * on an optional token that is absent is empty instead, len 0). */
struct template_groups {
	uint32_t start[10], len[10];
};

/* Is `fn` (len bytes) a template function? */
int template_function_known(const char *fn, size_t len);

/* The names of the functions, for error messages: "lower, upper, ...". */
extern const char template_function_names[];

/*
 * Expand `tpl` against `text` into `a`.  NULL when a reference is unset or
 * a function cannot apply.  `lex` is used by 3sg.
 */
char *template_expand(const struct lexicon *lex, struct arena *a,
		      const char *text, const char *tpl,
		      const struct template_groups *g);

/* Give `sug` the capital of the text it replaces: "The the" -> "The". */
void template_preserve_case(const char *orig, char *sug);

#endif
