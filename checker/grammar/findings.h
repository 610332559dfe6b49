/*
 * findings: what a parse of a unit (unit.h) says about the sentence -- the
 * parser's output weighed as evidence, not taken as a verdict.
 *
 * A failed linkage alone is weak evidence: link-grammar's dictionary lacks
 * many good constructions.  findings_unconnected() turns the unconnected
 * words of a unit into findings only after ruling out the shapes where the
 * parser, not the sentence, is usually at fault, and after asking repair.h
 * whether a one-word repair links the sentence:
 *   - nothing, when most words are unconnected or unknown (another
 *     language, jargon), when the unconnected words are only punctuation,
 *     quoted fragments, names the dictionary lacks (unknown capitalised
 *     words, abbreviations), a coordinating conjunction, a stranded final
 *     particle or an opening subordinator, when an earlier pass reported a
 *     fluency/grammar problem there (the rule engine runs first: one
 *     defect, one report), when a stand-in word of the same part of
 *     speech links the sentence (the word's dictionary entry fails, not
 *     the sentence), and at two constructions the dictionary lacks: a
 *     comparative as a verb's complement ("moved closer to") and a
 *     plural noun after we/you/us ("you children");
 *   - GRAMMAR_RULE_PARSE (warning) when a repair links it: the repair is
 *     the suggestion.  An inserted word counts only next to an open-class
 *     word (a noun, verb, adjective or adverb) that is not capitalised
 *     inside the sentence; next to a function word only its closed-class
 *     partner does (is/are, a/an);
 *   - GRAMMAR_RULE_CLAUSE (warning) when the sentence is short and of
 *     plain dictionary words and names the dictionary has (no figures,
 *     abbreviations, quotations), which the dictionary covers better
 *     than long ones, and a complete clause standing on its own whose
 *     rest links (capitalised, not opening with a conjunction, no dash,
 *     a finite verb with its subject, no quotation in the paragraph, a
 *     partial linkage of cost below 4; the unconnected words not a
 *     coordination, a parenthesis nor a name);
 *   - GRAMMAR_RULE_SHORT (info) for the other short sentences of plain
 *     words (measured apart: on real MT and edited prose spoken
 *     fragments, idioms and verbless sentences fail it too often for a
 *     warning);
 *   - GRAMMAR_RULE_UNCONFIRMED (info) otherwise.
 * At most two groups of unconnected words per unit are reported; where
 * some lie next to a word the dictionary lacks, only those (the parse
 * went wrong there); when one group is repaired, the others get no note.
 *
 * findings_split() reports a complete parse that holds only by splitting
 * a noun phrase between the opening phrase and the subject.
 *
 * Findings are appended to the diag list (strings in the document's
 * arena).  `n_before` is the number of diags earlier passes left there.
 */
#ifndef MT_FINDINGS_H
#define MT_FINDINGS_H

#include <stddef.h>

#include "grammar/linkgrammar.h"
#include "grammar/unit.h"
#include "check/diag.h"

#define GRAMMAR_RULE_PARSE "grammar.parse"
#define GRAMMAR_RULE_CLAUSE "grammar.parse-clause"
#define GRAMMAR_RULE_SHORT "grammar.parse-short"
#define GRAMMAR_RULE_UNCONFIRMED "grammar.parse-unconfirmed"
#define GRAMMAR_RULE_SKIPPED "grammar.parse-skipped"
#define GRAMMAR_CATEGORY "fluency/grammar"

/* The unconnected words of unit u (job: its parse, PARSE_NULLS). */
void findings_unconnected(struct unit_list *l, const struct unit *u,
			  const struct parse_job *job, struct diag_list *diags,
			  size_t n_before);

/* A complete parse (PARSE_COMPLETE) that splits a noun phrase between the
 * opening phrase and the subject ("In a chemical reaction observed by X
 * showed that..." read as "In a chemical, reaction ... showed"). */
void findings_split(struct unit_list *l, const struct unit *u,
		    const struct parse_job *job, struct diag_list *diags,
		    size_t n_before);

#endif /* MT_FINDINGS_H */
