/*
 * checker: the one facade over mtlint's checks.  Everything that reads a
 * document goes through checker_check(): the run (run/session.h, which the
 * CLI, the Language Server and tests call), benchmarks and fuzzers.
 *
 *   struct checker_options o = CHECKER_OPTIONS_INIT;
 *   struct checker *c;
 *   if (checker_new(&o, &c, &err)) ...report err...
 *   document_load_file(path, NULL, &doc, &err);
 *   diag_list_init(&diags, &doc->arena);
 *   checker_check(c, doc, ref, &diags, &err);   // ref may be NULL
 *   ...report...
 *   diag_list_release(&diags); document_free(doc); checker_free(c);
 *
 * checker_check() checks a document the way every front end does:
 *
 *   1. find inline suppressions (suppress.h) in the text as written;
 *   2. for Markdown (doc->kind), check a copy with everything but prose
 *      blanked out (markdown.h), so positions still point at the file;
 *   3. segment and run every pass; keep enabled rules; apply severity
 *      overrides;
 *   4. drop suppressed findings and, with report_unused, report unused
 *      suppressions (mtlint.unused-disable).
 *
 * What is *not* here belongs to the run (run/session.h): finding the
 * configuration file, merging it with the command line, mapping articles
 * to references, fixes, baselines and exit status.
 *
 * Lifetimes: the checker owns everything long-lived (segmenter, passes with
 * their dictionaries and rules) and must outlive every diag_list it filled
 * (rule ids point into it).  Documents stay the caller's.  The options'
 * strings are copied by checker_new().
 *
 * Threads: checker_check() on one checker is serialised by an internal lock;
 * use one checker per thread for parallel checking.
 *
 * Memory: what a checker loads (dictionaries, rules, the mapped suggestion
 * index and language model) is fixed; what it remembers between documents
 * is bounded by bytes, so that a long-lived checker (mtlint lsp, mtlint
 * serve) runs in flat memory: the parser's results per sentence
 * (PARSER_CACHE_BYTES, 4 MiB), the speller's per word (SPELLER_CACHE_BYTES,
 * 4 MiB, its stems, SPELLER_STEMS_CACHE_BYTES, 1 MiB, and its index's
 * neighbours, SPELLER_NEIGHBOURS_CACHE_BYTES, 256 KiB; as much again for
 * the other dialect's dictionary once a word needs it), the rule engine's
 * token tests per word form (MATCH_MEMO_BYTES, 4 MiB): at most 18.5 MiB
 * of caches per checker.  A
 * session holds one checker per profile and slot (run/session.h), usually
 * one.  No cache changes an answer: each holds only what a fresh
 * computation gives again.
 */
#ifndef MT_CHECKER_H
#define MT_CHECKER_H

#include <stddef.h>

#include "check/pass.h"
#include "util/common.h"
#include "check/diag.h"
#include "text/document.h"

struct checker_options {
	const char *lang;      /* "en_US" (default), "en_GB", ...; the BCP 47
				* "en-GB" and any case are taken as en_GB */
	const char *data_dir;  /* rules/ and dictionaries/; NULL: mt_data_dir() */
	const char *rules_dir; /* NULL: <data_dir>/rules/<language> */
	/* house-style packs: rule folders added to the built-in rules, in
	 * order (engine/packs.h); no_builtin_rules drops the built-in
	 * folder's rules (the other passes stay: --disable them) */
	const char *const *packs;
	size_t n_packs;
	int no_builtin_rules;
	const char *dict_path; /* extra Hunspell dictionary directory */
	const char *const *word_files;	 /* accept lists (--words) */
	size_t n_word_files;
	/* the team's names (`names:` of .mtlint.yml): accepted, and with the
	 * capitalised words of the accept lists the house spellings that
	 * spelling.misspelled-name compares capitalised unknown words with */
	const char *const *names;
	size_t n_names;
	const char *const *reject_files; /* reject lists (--reject) */
	size_t n_reject_files;
	/* rule ids or categories ("fluency/grammar", or a prefix such as
	 * "fluency"); disable wins over enable for the same name, and a
	 * more specific name wins over a less specific one */
	const char *const *enable;
	size_t n_enable;
	const char *const *disable;
	size_t n_disable;
	int grammar_parser; /* -1: default, 0: off, 1: on */
	/* severity overrides (issue 6: config file): `name` is a rule id, id
	 * prefix or category as for enable; the most specific name wins.
	 * Applied by checker_check() after the passes ran. */
	const struct severity_override *severity;
	size_t n_severity;
	/* grammar parser: at most this many sentences parsed per document,
	 * the first in text order (a count, never time: see parse.h); 0: all */
	unsigned grammar_parser_max_sentences;
	/* grammar parser: parse only sentences (units) of at most this many
	 * words, punctuation and quoted fragments not counted
	 * (grammar/parse.h); 0: all the parser can take */
	unsigned grammar_parser_max_words;
	/* grammar parser: 1 shares parse results with other processes
	 * through the cache directory (grammar/parsestore.h), 0 does not,
	 * -1 leaves it to the command (on for `mtlint batch`) */
	int grammar_parser_share;
	/* spelling: all-caps words of up to this many letters are acronyms
	 * and never spell-checked; 0: the default (SPELLING_ACRONYM_MAX) */
	int acronym_max;
	/* report inline suppressions that suppress nothing
	 * (mtlint.unused-disable) */
	int report_unused;
	/* reference comparison: 0 detect (auto), 1 parallel, 2 comparable
	 * (enum align_kind; --reference-kind) */
	int reference_kind;
};

struct severity_override {
	const char *name;
	enum mt_severity severity;
};

#define CHECKER_OPTIONS_INIT                           \
	{                                              \
		.lang = "en_US", .grammar_parser = -1, \
		.grammar_parser_share = -1             \
	}

struct checker;

/*
 * Open every pass.  Fails with the first pass's error (MT_ERR_RULES for a
 * broken rule file, MT_ERR_DICT for a missing dictionary, ...), with
 * *out NULL.
 */
MT_NODISCARD enum mt_err checker_new(const struct checker_options *opts,
				     struct checker **out,
				     struct mt_error *err);
void checker_free(struct checker *c);

/*
 * Check `doc` as described above (and segment `ref`, if not yet
 * segmented), appending to `out` (whose arena must be doc's).  The result
 * is sorted, without exact repeats, and holds only enabled, unsuppressed
 * rules.  doc->text is the document's own text again on return (also on
 * failure), so reporters print what the user wrote.  Fails with a pass's
 * error (MT_ERR_TOO_LARGE, ...).
 */
MT_NODISCARD enum mt_err checker_check(struct checker *c, struct document *doc,
				       struct document *ref,
				       struct diag_list *out,
				       struct mt_error *err);

/*
 * As checker_check(), but fast: work that is slow and was not done for an
 * earlier check is skipped -- the grammar parser reports only on sentences
 * it has parsed before (its cache) and is silent on new ones.  An editor
 * shows this at once after a keystroke, then checker_check()'s answer;
 * what differs is only the parser's findings on the new sentences.
 */
MT_NODISCARD enum mt_err checker_check_quick(struct checker *c,
					     struct document *doc,
					     struct document *ref,
					     struct diag_list *out,
					     struct mt_error *err);

/* Segment a document without checking it (e.g. a reference). */
MT_NODISCARD enum mt_err checker_segment(struct checker *c,
					 struct document *doc,
					 struct mt_error *err);

/*
 * A value made from the checker alone and wanted again and again (SARIF's
 * descriptors of the rules, written into every report): the first call
 * with `key` (any address the caller owns, e.g. of its reporter) keeps
 * make(c)'s result, later calls return it; checker_free() calls
 * release() on it.  At most CHECKER_MEMO_MAX keys; thread-safe.  The
 * value must not depend on anything but the checker.
 */
#define CHECKER_MEMO_MAX 4
void *checker_memo(const struct checker *c, const void *key,
		   void *(*make)(const struct checker *c),
		   void (*release)(void *value));

/* Call fn for each rule checker_check() can report: the passes' in pass
 * order, then mtlint.unused-disable. */
void checker_each_rule(const struct checker *c,
		       void (*fn)(const struct rule_info *r, void *arg),
		       void *arg);

/* The rule `id` of any pass (as checker_each_rule() lists them), or NULL.
 * Valid while the checker lives. */
const struct rule_info *checker_find_rule(const struct checker *c,
					  const char *id);

/* The examples of rule r (empty when it has none), arrays in `a`: its
 * rule_info row's for a built-in rule, its rule file's otherwise. */
void checker_rule_examples(const struct checker *c, const struct rule_info *r,
			   struct arena *a, struct rule_examples *out);

/*
 * Where rule r is documented: r->url, else its generated page,
 * MT_RULE_DOCS_URL "/<id>.md" (`mtlint rules --docs` writes the pages;
 * `make install` installs them there).  Written into buf; returns it.
 */
const char *checker_rule_url(const struct rule_info *r, char *buf,
			     size_t size);

/*
 * How specifically a name of --enable/--disable selects a rule: 0 when not
 * at all; else more for a rule id than for an id prefix ("grammar"
 * selects "grammar.a-an") or a category ("fluency/grammar", or its prefix
 * "fluency"), and more for a longer one.  For front ends that filter
 * findings by such names themselves (the server's disabledRules).
 */
size_t checker_selects(const char *name, const char *id,
		       const char *category);

/* The options the checker was opened with (strings owned by it). */
const struct checker_options *checker_options(const struct checker *c);

#endif /* MT_CHECKER_H */
