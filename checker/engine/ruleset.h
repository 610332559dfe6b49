/*
 * ruleset: the declarative rules of the .yml files of rules/<lang>/,
 * loaded with libyaml (the only module that includes yaml.h) into compiled
 * form for engine.c.
 * The file format is documented in rules/README.md; in short, a file
 * holds an optional `classes:` mapping (name: [words]) and a `rules:` list
 * (and a folder's classes.yml holds `classes:` only, which every rule file
 * of the folder sees, read before them whichever files are named);
 * a rule has id, category, severity, message, either `pattern` (a list of
 * token tests) or `regex` (a character-level ICU regex), optional
 * antipatterns, suggest, url, description and examples {bad, good}.
 *
 * Errors: a broken file is reported in full -- every error found, each as
 * "file:line:col: error: message" -- and loading fails with MT_ERR_RULES.
 * ruleset_load() keeps going after a bad rule so one run shows them all.
 *
 * Ownership: a ruleset owns everything in it (one arena plus the compiled
 * ICU patterns); ruleset_free() releases it.  Rule ids, categories and
 * messages stay valid until then.
 */
#ifndef MT_RULESET_H
#define MT_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "check/examples.h"
#include "engine/needs.h"
#include "check/pass.h"
#include "util/common.h"

struct pattern;

enum elem_kind {
	EL_TOKEN,	 /* one token that passes the test */
	EL_SKIP,	 /* 0..skip tokens, not crossing the clause */
	EL_START,	 /* sentence start (after opening punctuation) */
	EL_END,		 /* sentence end (before closing punctuation) */
};

/* A token test: every field given must hold (then `negate` flips it). */
struct token_test {
	const char **words; /* alternatives; lower case unless case_sens */
	uint32_t *word_lens;
	size_t n_words;
	int case_sens;
	struct pattern *regex; /* must match the whole token */
	int regex_id;	       /* its index in ruleset.patterns */
	uint32_t classes;      /* lexicon classes: any of */
	uint32_t not_classes;  /* lexicon classes: none of */
	const char **class_words; /* words of file-defined classes: any of */
	size_t n_class_words;
	const char **not_class_words; /* file-defined classes: none of */
	size_t n_not_class_words;
	/* ids of the two word lists among ruleset.n_word_lists (for the
	 * engine's per-word memo); -1 when absent */
	int class_words_id, not_class_words_id;
	int has_class; /* classes or class_words given */
	unsigned kinds; /* 1 << enum token_kind; 0: any */
	int cap;	/* -1 any, 0 not capitalised, 1 capitalised */
	int first;	/* -1 any, 0 not, 1 the sentence's first word */
	int line_start; /* -1 any, 0 not, 1 first on its line */
	int negate;
};

struct rule_elem {
	enum elem_kind kind;
	struct token_test test;
	int optional;
	int at_start; /* may be absent at the sentence start */
	int mark;    /* 1..9: the token is {N} in messages; 0 none */
	int same_as; /* 1..9: text equal (ignoring case) to mark N */
	int report;  /* part of the reported span */
	int skip;    /* EL_SKIP: at most this many tokens */
	struct token_test *stop; /* EL_SKIP: tokens the gap may not hold */
};

struct rule_seq {
	struct rule_elem *v;
	size_t n;
	uint32_t max_len; /* most tokens a match can span */
};

struct rule_example {
	struct example ex; /* check/examples.h */
	uint32_t line;	   /* in the rule file */
};

struct rule {
	struct rule_info info; /* id, category, severity, description, url */
	const char *message;   /* template: {1}, {1:lower}... */
	const char **suggest;  /* templates */
	size_t n_suggest;
	/* templates that must expand for a finding to be reported
	 * (`requires:`): "{1:singular}" holds only for a regular plural of
	 * a noun the lexicon knows */
	const char **requires;
	size_t n_requires;
	struct rule_seq pattern;     /* token rule (n == 0 for regex rules) */
	struct rule_seq *antipatterns;
	size_t n_antipatterns;
	struct pattern *regex;	     /* character-level rule */
	int regex_group;	     /* group reported (default 0) */
	/* regex rule: runs only on the paragraphs holding one of these
	 * texts (each a character of a `needs:` string, or an item of a
	 * `needs:` list), and with `within: sentence` (or `word`) only on
	 * their sentences (or runs of non-blank characters) holding one */
	struct needles needs;
	enum needs_within within;    /* regex rule: what a match, and an
				     antipattern's, lies within */
	/* runs only on the documents holding one of these texts somewhere
	 * (`document-needs:`, as `needs:`): "a straight quote in a
	 * document that uses curly ones" */
	struct needles doc_needs;
	struct pattern **regex_not;  /* antipatterns of a regex rule */
	size_t n_regex_not;
	struct rule_example *bad, *good;
	size_t n_bad, n_good;
	const char *file;
	uint32_t line;
	int safe_fix;
	int sentences_only; /* token rule: skip a "sentence" that does not end
			       in . ! ? (a headline, caption, list item) */
	int outside_quotes; /* skip a match that starts in quoted speech
			       (engine/quoted.h) */
};

struct ruleset {
	struct rule *rules;
	size_t n_rules;
	struct rule_info *infos; /* copies of rules[i].info, for `rules` */
	struct arena arena;
	struct pattern **patterns; /* every compiled pattern, for freeing */
	size_t n_patterns, alloc_patterns;
	size_t n_word_lists; /* file-class word lists used by tests */
	size_t alloc_rules;
	const char **ids; /* every id seen, bad rules too (duplicates) */
	size_t n_ids, alloc_ids;
	struct buf errors; /* the diagnostics of the last load */
	size_t n_errors;
};

/*
 * Load every *.yml file of `dir` (sorted by name), or the given files when
 * n_files > 0 (dir then ignored); each file with the classes.yml of its
 * folder, when there is one.  On MT_ERR_RULES, err->msg starts with
 * the first errors and *out is still set so ruleset_errors() can give all
 * of them; on success *out holds the rules.  Free *out in either case.
 * Other failures (MT_ERR_IO: no such directory) leave *out NULL.
 */
MT_NODISCARD enum mt_err ruleset_load(const char *dir,
				      const char *const *files,
				      size_t n_files, struct ruleset **out,
				      struct mt_error *err);
/* As ruleset_load() for one file's text (`name` names it in messages;
 * `text` need not be NUL-terminated and is not kept). */
MT_NODISCARD enum mt_err ruleset_load_mem(const char *name, const char *text,
					  size_t len, struct ruleset **out,
					  struct mt_error *err);
void ruleset_free(struct ruleset *rs); /* NULL is a no-op */

/* All errors of the last load, one "file:line:col: error: ..." per line
 * followed by the source line and a caret; "" when none. */
const char *ruleset_errors(const struct ruleset *rs);


#endif /* MT_RULESET_H */
