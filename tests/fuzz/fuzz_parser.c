/*
 * fuzz_parser: libFuzzer target for our side of the grammar parser on
 * arbitrary text.
 *
 * Reaches: document_load_mem, segmenter_run and the grammar pass: parse
 * units (placeholders for names, numbers, quotes), the layout of
 * headlines and datelines, the repairs tried at an unconnected word and
 * the findings made from them.  Link-grammar itself is not in this
 * target: it takes some thirty parses of ~0.5 ms for a failing sentence,
 * which fuzzed text always is (6 executions a second), and its own
 * fuzzing is its project's.  In its place this file defines the whole of
 * grammar/linkgrammar.h (so the linker takes none of linkgrammar.o) as an
 * oracle: a deterministic function of the words that answers every kind
 * of result -- complete, unconnected words (up to more than max_nulls),
 * too long, timed out, a split subject, costs -- so every path of the
 * grammar pass gets its turn.  The wrapper itself (joining words, the
 * cache, threads) is covered by tests/test_parser.c and the hostile cases.
 *
 * The rules stay on (they cost little; the passes look at their
 * findings); the other passes are off.  Invariants: fuzz_check_diags().
 * Seeds: the fixture articles.  Dictionary: fuzz_check.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/linkgrammar.h"
#include "run/checker.h"
#include "text/document.h"
#include "util/hash.h"
#include "fuzz.h"

struct parser {
	struct parser_options o;
	struct parser_stats stats;
};

static uint32_t word_hash(const char *w)
{
	uint64_t h = hash_bytes(HASH_INIT, w, strlen(w));

	return (uint32_t)(h ^ (h >> 32));
}

enum mt_err parser_open(const struct parser_options *opts, struct parser **out,
			struct mt_error *err)
{
	struct parser *p = calloc(1, sizeof(*p));

	(void)err;
	if (!p)
		abort();
	if (opts)
		p->o = *opts;
	if (!p->o.max_words)
		p->o.max_words = 60;
	if (!p->o.max_nulls)
		p->o.max_nulls = 3;
	*out = p;
	return MT_ERR_OK;
}

void parser_close(struct parser *p)
{
	free(p);
}

/* One sentence: every answer link-grammar can give, chosen by hashes. */
static void oracle(struct parser *p, struct parse_job *j)
{
	uint64_t h = HASH_INIT;
	uint32_t s;

	memset(j->unlinked, 0, j->n_words);
	j->null_count = 0;
	j->split_subject = -1;
	j->cached = 0;
	j->cost = 0;
	if (j->n_words > p->o.max_words) {
		j->status = PARSE_TOO_LONG;
		return;
	}
	for (uint32_t i = 0; i < j->n_words; i++) {
		h = hash_bytes(h, j->words[i], strlen(j->words[i]) + 1);
		if (j->glue)
			h = hash_byte(h, j->glue[i]);
	}
	s = (uint32_t)(h ^ (h >> 32));
	p->stats.parsed++;
	if (s % 101 == 0) {
		j->status = PARSE_TIMEOUT;
		p->stats.timeouts++;
		return;
	}
	j->cost = (double)(s >> 8 & 7) / 2;
	if (j->complete_only) {
		j->status = s % 3 == 0 ? PARSE_COMPLETE : PARSE_NULLS;
		return;
	}
	for (uint32_t i = 0; i < j->n_words; i++)
		if ((word_hash(j->words[i]) ^ s) % 7 == 0) {
			j->unlinked[i] = 1;
			j->null_count++;
		}
	if (j->null_count > p->o.max_nulls) {
		memset(j->unlinked, 0, j->n_words);
		j->null_count = 0;
		j->status = PARSE_FAILED;
		return;
	}
	j->status = j->null_count ? PARSE_NULLS : PARSE_COMPLETE;
	if (!j->null_count && j->n_words > 3 && s % 13 == 0)
		j->split_subject = (int32_t)(1 + (s >> 4) % (j->n_words - 2));
}

void parser_parse(struct parser *p, struct parse_job *jobs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		oracle(p, &jobs[i]);
}

void parser_parse_cached(struct parser *p, struct parse_job *jobs, size_t n)
{
	parser_parse(p, jobs, n);
}

/* Known: most words; entries: most plain words; the rest by hash. */
int parser_knows(struct parser *p, const char *word)
{
	(void)p;
	return word[0] && word_hash(word) % 16 != 0;
}

int parser_has_entry(struct parser *p, const char *word)
{
	(void)p;
	for (const char *c = word; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      *c == '\'' || *c == '-' || *c == '.'))
			return 0;
	return word[0] && word_hash(word) % 8 != 0;
}

int parser_can_be_adjective(struct parser *p, const char *word)
{
	return parser_has_entry(p, word) && word_hash(word) % 3 == 0;
}

unsigned parser_word_kinds(struct parser *p, const char *word)
{
	if (!parser_has_entry(p, word))
		return 0;
	return (word_hash(word) >> 3) & (PARSER_NOUN | PARSER_PLURAL |
					 PARSER_VERB | PARSER_ADJ | PARSER_ADV);
}

void parser_get_stats(struct parser *p, struct parser_stats *out)
{
	*out = p->stats;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_check_text(FUZZ_RULES | FUZZ_PARSER, data, size);
}
