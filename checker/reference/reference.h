/*
 * reference: the pass that compares an article with a clean reference
 * article on the same event (--reference), and keeps names consistent
 * within one article (with the name index the comparison builds; the
 * other whole-article checks that need no reference are the consistency
 * pass's, consistency/consistency.h).
 *
 * Rules:
 *   reference.name-mismatch   (error)   a name in the article is a near miss
 *       of a name in the reference ("Dmitry Pskov" / "Dmitry Peskov") and
 *       the context agrees: the same neighbouring name word or title, or an
 *       aligned sentence, or shared words around the name.  The fix is the
 *       reference's spelling; the evidence is the reference's place, its
 *       sentence and the Jaro-Winkler score.  Names that occur in the
 *       reference under a different script or diacritics ("Peskóv",
 *       "Песков") are reported too, with score 1.  Names absent from the
 *       reference are never reported: the article may say more.
 *   reference.number-mismatch (warning) a count or measure of the same noun
 *       or dimension differs from the reference's in a sentence that says
 *       the same thing (aligned, or -- with a comparable reference only --
 *       sharing three content words), and no
 *       place in the reference agrees with the article; units convert
 *       exactly (72 hours = three days).
 *   reference.date-mismatch   (warning) the same for dates, years and
 *       relative dates ("next week" / "next month").
 *   names.inconsistent        (warning) without a reference (or for names
 *       the reference lacks): the article spells one name two ways
 *       ("Dmitry Peskov" ... "Dmitry Pskov"), with the same neighbouring
 *       name word or title; the rarer form is reported, the commoner one
 *       suggested.
 *   reference.word-choice     (info)    in an aligned sentence pair, an
 *       article word stands where the reference has another word that is
 *       neither the same word, an inflection, a derivation nor a WordNet
 *       synonym; a lookalike ("helpless" / "hapless") gets the reference's
 *       word as its fix (wording.h, wordalign.h).
 *   reference.omission        (info)    parallel references only: words of
 *       the reference sentence facing nothing in the article sentence.
 *   reference.addition        (info)    parallel references only: article
 *       words facing nothing in the reference sentence.
 *   The word rules are info: on professionally annotated MT with a
 *   parallel human translation as reference, about one in five of their
 *   findings lies on a marked error (README, "Reference comparison").
 *
 * Reference kind: parallel (a translation of the same text) or comparable
 * (another article on the same event), detected from the sentence
 * alignment (align.h) unless checker_options.reference_kind says which;
 * reported in the diag_list's summary.  Spelling findings of earlier
 * passes get the aligned reference sentence's close form as first
 * suggestion (wording.h).
 *
 * Categories: names and numbers against the reference are MQM
 * "accuracy/mistranslation" (the article misstates a fact of the source
 * event); a name spelt two ways is "fluency/inconsistency".
 *
 * A spelling diagnostic (rule "spelling.*", from a pass that ran before
 * this one) on a span overlapping a name this pass reports is removed:
 * the reference's spelling is the better advice.
 *
 * State: the ICU transliterator (names.h), opened once per checker;
 * Hunspell (for stems) and WordNet (wordnet.h), opened on the first
 * document checked with a reference.  Without WordNet's files, checking
 * with a reference fails with MT_ERR_DICT.
 */
#ifndef MT_REFERENCE_H
#define MT_REFERENCE_H

#include <stddef.h>

#include "check/pass.h"
#include "check/diag.h"

extern const struct check_pass reference_pass;

/*
 * Remove from l every "spelling.*" diagnostic among the first `first`
 * (those of earlier passes) whose span overlaps a reference.name-mismatch
 * or names.inconsistent diagnostic at index `first` or later; the array is
 * compacted in place, order kept.  The pass calls it at the end of its run.
 */
void reference_drop_superseded(struct diag_list *l, size_t first);

#endif /* MT_REFERENCE_H */
