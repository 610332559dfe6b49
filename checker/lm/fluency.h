/*
 * fluency: the statistical fluency pass -- word sequences that edited
 * English (the n-gram model of lm.h) makes improbable and that the grammar
 * parser could not link either.
 *
 * Each complete sentence (ending in . ! ?; headlines and captions are left
 * alone) of four words or more is tagged (tagger.h).  For every word w_i
 * with two words before it, the window w_{i-1} w_i is improbable when
 *
 *   - the tag trigram is rare: log P(t_i | t_{i-2} t_{i-1}) below
 *     FLUENCY_TAG_LOGP (interpolated estimate, lm_tag_logprob());
 *   - the word pair never occurs in the corpus, while both words are
 *     common there (count at least FLUENCY_MIN_COUNT each: a name or a
 *     rare word says nothing);
 *   - neither word is a number, a name (a capital inside the sentence) or
 *     punctuation;
 *   - and the grammar parser (an earlier pass) could not link the
 *     sentence either: it reported a grammar.parse finding there, at any
 *     severity.  Without the parser (--grammar-parser off) nothing is
 *     reported.
 *
 * Rules:
 *   fluency.improbable-sequence  info  the span is the word pair
 *
 * Calibration on the MQM development sets (make eval-mqm): with the parser
 * as corroboration, about 60 % of the windows land on a marked error in
 * the news set and 20 % in the TED talks, whatever the tag threshold
 * between -3 and -9 -- a million words of 1960s prose is thin evidence
 * for modern news, so the rule stays info (shown, never failing a gate)
 * until a larger corpus backs it.  The model is <data_dir>/dictionaries/lm/en.lm,
 * made by `make lm` (dictionaries/build-lm.py; part of `make all`).  A
 * data folder without a model (a custom --data-dir holding only word
 * lists) leaves the pass off; a model that is there but broken fails the
 * checker's open with MT_ERR_DICT.
 */
#ifndef MT_FLUENCY_H
#define MT_FLUENCY_H

#include "check/pass.h"

extern const struct check_pass fluency_pass;

#define FLUENCY_TAG_LOGP (-4.0)
#define FLUENCY_MIN_COUNT 100u

#endif /* MT_FLUENCY_H */
