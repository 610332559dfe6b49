/*
 * tagger: part-of-speech tags for a sentence, by the model's own tag set
 * (lm.h), with a first-order hidden Markov model decoded by Viterbi.
 *
 * Emissions come from the vocabulary: P(word | tag) = c(word, tag) /
 * c(tag) for the (at most four) tags a word carried in the corpus.  A word
 * the corpus lacks gets candidate tags from its shape: digits a cardinal
 * number, a capital inside the sentence a proper noun, and English
 * suffixes (-ing, -ed, -ly, -s, -tion, -ous...) the usual open classes,
 * with flat probabilities.  Transitions: P(t | t') from the tag bigrams,
 * add-λ smoothed so that no path is impossible.
 *
 * Punctuation is tagged as the Brown corpus does (". , : ( ) -- `` ''");
 * curly quotes count as `` and ''.
 *
 * The tagger owns nothing; tags go to the caller's array.
 */
#ifndef MT_TAGGER_H
#define MT_TAGGER_H

#include <stddef.h>
#include <stdint.h>

struct lm;

/* A word to tag: its text (not NUL-terminated) and whether it opens the
 * sentence (a capital there says nothing). */
struct tagger_word {
	const char *s;
	size_t len;
	int first;
};

#define TAGGER_MAX_WORDS 256

/*
 * Tag words[0 .. n) into tags[0 .. n).  n above TAGGER_MAX_WORDS: only
 * the first TAGGER_MAX_WORDS are tagged (the rest get tag 0).
 */
void tagger_tag(const struct lm *lm, const struct tagger_word *words,
		size_t n, uint8_t *tags);

#endif /* MT_TAGGER_H */
