/*
 * lm_format: the layout of a language-model file, shared by the reader
 * (lm.c) and the writer (dictionaries/tools/lm-build.c).  Nothing else
 * includes it: the rest of mtlint uses lm.h.
 *
 * All integers little-endian (the file is built and read on the same kind
 * of machine; the magic would not match on a big-endian one).  Every table
 * starts at an offset that is a multiple of 8:
 *
 *   header                      struct lm_header
 *   tag names                   n_tags x char[LM_TAG_NAME], NUL-padded;
 *                               tag 0 is "<s>", the sentence boundary
 *   word hashes                 n_words x u64, ascending (lm_hash_word of
 *                               the lower-cased form)
 *   word records                n_words x struct lm_word_rec, same order
 *   tag unigrams                n_tags x u32
 *   tag bigrams                 n_tags^2 x u32, [t1][t2]
 *   tag trigrams                n_tags^3 x u32, [t1][t2][t3]
 *   word bigram hashes          n_bigrams x u64, ascending
 *   word bigram counts          n_bigrams x u32, same order
 */
#ifndef MT_LM_FORMAT_H
#define MT_LM_FORMAT_H

#include <stdint.h>

#define LM_MAGIC "MTLM\x01\x02\x03\x04"
#define LM_VERSION 1
#define LM_TAG_NAME 8

struct lm_header {
	char magic[8];
	uint32_t version;
	uint32_t n_tags;
	uint64_t tokens; /* tokens counted, boundaries excluded */
	uint32_t n_words;
	uint32_t n_bigrams;
	uint64_t off_tag_names;
	uint64_t off_word_hash;
	uint64_t off_word_rec;
	uint64_t off_tag1, off_tag2, off_tag3;
	uint64_t off_bigram_hash;
	uint64_t off_bigram_count;
	uint64_t file_size;
};

struct lm_word_rec {
	uint32_t count;
	uint8_t n_tags;
	uint8_t tags[4]; /* most frequent first */
	uint8_t pad[3];
	uint32_t tag_counts[4];
};

#endif /* MT_LM_FORMAT_H */
