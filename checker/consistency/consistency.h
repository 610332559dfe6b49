/*
 * consistency: the pass of checks that read the whole article and need
 * no reference -- what one article writes two ways, or in two tenses.
 * (A name spelt two ways is the reference pass's names.inconsistent: it
 * shares the name index of the comparison, reference/reference.h.)
 *
 * Rules:
 *   abbreviations.inconsistent (warning) the article writes an
 *       abbreviation with and without full stops ("U.S." ... "US"), the
 *       two at most 800 words apart; the form its English does not use
 *       is reported (en_US: the plain one, as AP does; en_GB: the dotted
 *       one), the other suggested (abbrevs.c).
 *   grammar.reporting-tense   (warning) a reporting verb in the present
 *       ("officials say") in an article that reports with "said" at
 *       least twice and more often; "said" suggested (reporting.c).
 *
 * Findings go to the document's diag_list, their strings in its arena;
 * the pass holds nothing between documents but the language.
 */
#ifndef MT_CONSISTENCY_H
#define MT_CONSISTENCY_H

#include "check/pass.h"

extern const struct check_pass consistency_pass;

#endif /* MT_CONSISTENCY_H */
