/*
 * parser: whole-sentence syntactic parsing with link-grammar (the only
 * module that includes link-grammar's headers).
 *
 * The caller hands in sentences already split into words (no word holds a
 * space); the parser joins them with single spaces (or none, where the
 * caller says a word was glued to the one before, as in "w/o" or "60's",
 * so that link-grammar's own tokenizer sees the text as written), lets
 * link-grammar parse the result, and reports, per input word, whether the best linkage leaves
 * it unconnected (a "null" word).  link-grammar may split an input word
 * further ("Year's" -> "Year" "'s") or join glued ones: an input word is
 * unconnected when a piece of a link-grammar word that overlaps it is.  Positions never leave the caller's numbering, so the
 * caller maps words back to its own byte spans.
 *
 * Dictionary: the English dictionary is loaded once per process and shared
 * by every parser (link-grammar allows one Dictionary to be used by many
 * threads, each with its own Sentence and Parse_Options).  It is freed when
 * the last parser closes.
 *
 * Confirmation: a sentence without a complete linkage at the dictionary's
 * normal cost limit is parsed once more with a higher limit (rare but
 * grammatical constructions); only a sentence that fails both is reported
 * as PARSE_NULLS, with the unconnected words of the first parse.
 *
 * Resources: the work of a sentence is bounded by counts, so that the
 * same sentence gets the same answer on any machine, under any load and
 * any -j: sentences longer than max_words are not parsed
 * (PARSE_TOO_LONG), most links are at most short_length words long, the
 * search for unconnected words stops at max_nulls (PARSE_FAILED beyond),
 * at most 100 linkages are drawn (link-grammar's linkage_limit, with its
 * repeatable random sampling).  Time is only a last-resort backstop
 * against a pathological sentence, far above what any sentence of the
 * Brown corpus takes (tens of milliseconds; none reached 2 s):
 * timeout_s seconds of the parsing thread's CPU time for all the
 * sentence's parse steps, checked before each step and enforced inside a
 * step by link-grammar's max_parse_time (whole seconds; link-grammar
 * counts the CPU time of the whole process, so it gets what is left times
 * the CPUs online: with more parsing threads than CPUs it may cut a
 * sentence whose own thread has spent less, at worst timeout_s x CPUs /
 * busy threads).  A sentence cut there is PARSE_TIMEOUT, which the caller
 * reports as not checked (never as a finding).  There is no deadline for
 * a batch: a document's budget counts sentences (grammar/parse.h).
 *
 * Cache: results are kept per joined sentence text, so checking an edited
 * document again parses only the sentences that changed.  The cache is
 * bounded by bytes (cache_bytes, PARSER_CACHE_BYTES by default: about
 * 14,000 sentences with their repair variants) in two generations
 * (util/gencache.h): what was not asked for during a whole generation is
 * dropped first, so the sentences of the documents being edited stay.
 * A cached result is the one a fresh parse gives (the parse depends on the
 * text alone), so what the cache holds never changes an answer.
 *
 * Memory: besides the cache, a parse needs link-grammar's working memory,
 * up to tens of MB for a long sentence; link-grammar keeps the largest
 * block of it per thread until the thread ends, so parses run on threads
 * that end with each batch (parser_parse()), and a long-lived process
 * gets that memory back.
 *
 * Threads: parser_parse() parses the sentences of a batch on up to
 * `threads` threads.  One parser may be used from several threads at once
 * (the cache has its own lock).
 */
#ifndef MT_LINKGRAMMAR_H
#define MT_LINKGRAMMAR_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

/* The parser cache's default budget (per parser: one per checker). */
#define PARSER_CACHE_BYTES ((size_t)4 << 20)

struct parser_options {
	unsigned max_words;	 /* longer sentences: PARSE_TOO_LONG; 0: 60 */
	unsigned timeout_s;	 /* CPU seconds per sentence; 0: 10 */
	unsigned threads;	 /* 0: $MTLINT_PARSER_THREADS, else the CPUs
				  * online; at most 8 */
	size_t cache_bytes;	 /* the cache's budget; 0: PARSER_CACHE_BYTES */
	unsigned short_length;	 /* link-grammar's short_length; 0: 10 */
	/* the most unconnected words searched for; a sentence needing more
	 * is PARSE_FAILED (each extra word costs a slower search).  0: 3 */
	unsigned max_nulls;
	/* a sentence without a complete linkage is parsed again allowing
	 * costlier (rarer) constructions, up to this disjunct cost; it
	 * counts as complete when that succeeds.  0: 3.5; < 0: never */
	double relaxed_cost;
	/* 1: look results up in, and add them to, the parse store of the
	 * cache directory (parsestore.h), shared with other processes */
	int share;
};

enum parse_status {
	PARSE_COMPLETE = 0, /* a linkage connects every word */
	PARSE_NULLS,	    /* the best linkage leaves words unconnected */
	PARSE_TIMEOUT,	    /* link-grammar ran out of time or memory */
	PARSE_TOO_LONG,	    /* more than max_words words: not parsed */
	PARSE_SKIPPED,	    /* not in the cache (parser_parse_cached) */
	PARSE_FAILED,	    /* link-grammar could not split or parse it */
	PARSE_NOT_ASKED,    /* not given to the parser (the caller's choice) */
};

/*
 * One sentence to parse.  The caller fills words/n_words and provides
 * `unlinked` (n_words bytes); parser_parse() sets the rest.
 */
struct parse_job {
	const char *const *words; /* borrowed; no word holds a space */
	const uint8_t *glue;	  /* may be NULL; 1: no space before word i */
	uint32_t n_words;
	/* in: only ask whether a complete linkage exists (at the normal and
	 * the relaxed cost); without one the status is PARSE_NULLS with
	 * null_count 0 and no word marked.  Much cheaper than the search for
	 * the fewest unconnected words: for trying variants of a sentence. */
	uint8_t complete_only;
	uint8_t *unlinked;	  /* out: 1 for each unconnected word */
	enum parse_status status; /* out */
	uint32_t null_count;	  /* out: unconnected words (link-grammar's) */
	/* out, PARSE_COMPLETE only: the input word that the best linkage
	 * makes the subject of the main clause although it directly follows,
	 * without a comma, the object of the sentence's opening preposition,
	 * both common nouns ("In a chemical reaction observed by X showed
	 * ..." read as "In a chemical, reaction ... showed": a noun phrase
	 * split across the clause boundary), the subject of a singular verb
	 * without a determiner (so not "In this case users must..."); the
	 * object is the word before it.  -1: none. */
	int32_t split_subject;
	/* out, PARSE_NULLS (not complete_only): the best linkage holds a
	 * subject-verb link (link-grammar's S, SI, SX, SF... links; not the
	 * SJ of coordinated nouns): the words make a finite clause */
	uint8_t has_subject;
	int cached;		  /* out: answered from the cache */
	/* out, PARSE_COMPLETE and (not complete_only) PARSE_NULLS: the
	 * disjunct cost of the best linkage (0 for the plainest reading; each
	 * rarer construction adds to it) */
	double cost;
};

struct parser;

/*
 * Open a parser (and the shared English dictionary on first use).  Fails
 * with MT_ERR_DICT when link-grammar's English dictionary cannot be
 * loaded.  opts may be NULL for the defaults.
 */
MT_NODISCARD enum mt_err parser_open(const struct parser_options *opts,
				     struct parser **out,
				     struct mt_error *err);
void parser_close(struct parser *p); /* NULL: no-op */

/*
 * Parse n sentences, on up to `threads` threads of the parser's own (see
 * Memory above).  Never fails as a whole: each job carries its own status.
 */
void parser_parse(struct parser *p, struct parse_job *jobs, size_t n);

/*
 * As parser_parse(), from the cache alone: a sentence parsed before gets
 * its result, any other PARSE_SKIPPED, at once (an editor's first answer
 * after a keystroke; see checker_check_quick()).
 */
void parser_parse_cached(struct parser *p, struct parse_job *jobs, size_t n);

/* Does the dictionary accept this word (as written), by an entry of its
 * own or by one of its patterns (capitalised words, numbers...)? */
int parser_knows(struct parser *p, const char *word);

/* Does the dictionary have an entry for exactly this word ("Adm.")? */
int parser_has_entry(struct parser *p, const char *word);

/* Can the dictionary read this word as an adjective ("official", not
 * "case")? */
int parser_can_be_adjective(struct parser *p, const char *word);

enum parser_kind {
	PARSER_NOUN = 1 << 0,
	PARSER_PLURAL = 1 << 1, /* a plural noun entry */
	PARSER_VERB = 1 << 2,
	PARSER_ADJ = 1 << 3,
	PARSER_ADV = 1 << 4,
	PARSER_COMPARATIVE = 1 << 5, /* an ".a-c" entry: "closer", "faster" */
};

/* The parts of speech of the word's dictionary entries (enum
 * parser_kind bits, from their subscripts); 0 when none or unknown. */
unsigned parser_word_kinds(struct parser *p, const char *word);

struct parser_stats {
	uint64_t parsed;     /* sentences given to link-grammar */
	uint64_t cache_hits; /* sentences answered from the cache */
	uint64_t store_hits; /* ... of them, from the shared parse store */
	uint64_t timeouts;
	uint64_t parse_ns;   /* CPU time spent in link-grammar (all threads) */
	size_t cache_bytes;   /* the cache now (gencache_bytes()) */
	size_t cache_entries; /* the cache now: results held */
	uint64_t cache_turns; /* the cache's generations dropped */
};

/* Counters since parser_open(), and the cache's size. */
void parser_get_stats(struct parser *p, struct parser_stats *out);

#endif /* MT_LINKGRAMMAR_H */
