/*
 * ruleload: one rule file being read into a ruleset -- the state of the
 * load and the helpers that read a value out of libyaml's node tree,
 * reporting anything unexpected at the node that holds it (line and
 * column), so a file with five mistakes reports five.  Shared by the
 * parts of the rule-file loader: ruleset.c (files, rules, classes,
 * examples) and rulepattern.c (the pattern language).  Not for other
 * users: the ruleset's own API is ruleset.h.
 *
 * Strings and arrays the helpers return live in the ruleset's arena
 * (L->rs->arena) unless said otherwise; a helper that fails has recorded
 * the error and returns NULL or -1, and loading goes on.
 */
#ifndef MT_RULELOAD_H
#define MT_RULELOAD_H

#include <stddef.h>
#include <stdint.h>

#include "engine/ruleset.h"
#include "util/yamlfile.h"

/* A word class of a file's `classes:` (or of its folder's classes.yml). */
struct wordclass {
	const char *name;
	const char **words;
	size_t n;
	const char *file; /* where it is defined, for errors */
	uint32_t line;
};

/* The classes of a folder's classes.yml, which every rule file of the
 * folder sees (rules/README.md, "Shared classes"). */
struct shared_classes {
	const char *dir; /* the folder, as the paths name it */
	struct wordclass *v;
	size_t n, alloc;
};

struct ruleload {
	struct ruleset *rs;
	struct yamlfile y;	   /* the file, its nodes and its errors */
	const char *file;	   /* its path, in the ruleset's arena */
	struct wordclass *classes; /* the file's own */
	size_t n_classes, alloc_classes;
	const struct shared_classes *shared; /* its folder's; NULL: none */
	struct pattern_memo *memo; /* regexes known to compile; NULL: none */
	int max_mark;		   /* of the rule being read */
	yaml_node_t *cur; /* the rule being read, for errors without a node */
};

/* At `node`, or at the rule being read when a key is missing (NULL). */
#define node_error(L, node, ...) \
	yamlfile_error(&(L)->y, ruleload_where(L, node), __VA_ARGS__)

yaml_node_t *ruleload_where(struct ruleload *L, yaml_node_t *n);
yaml_node_t *ruleload_node(struct ruleload *L,
			   int i); /* by index: NULL if none */
const char *ruleload_scalar(struct ruleload *L,
			    yaml_node_t *n); /* NULL: not one */

/* The class named `name`: the file's own, else its folder's shared one;
 * NULL when neither has it. */
const struct wordclass *ruleload_class(const struct ruleload *L,
				       const char *name);

/* The value for `key` in mapping n, or NULL. */
yaml_node_t *ruleload_get(struct ruleload *L, yaml_node_t *n, const char *key);

/* Every key of mapping n must be one of `allowed` (NULL-terminated);
 * `what` names the mapping in messages.  0 after reporting any other. */
int ruleload_check_keys(struct ruleload *L, yaml_node_t *n,
			const char *const *allowed, const char *what);

/* A string (copied into the arena); NULL after reporting a non-scalar. */
const char *ruleload_str(struct ruleload *L, yaml_node_t *n, const char *what);

/* true/yes or false/no into *out: 0, or -1 after reporting. */
int ruleload_boolean(struct ruleload *L, yaml_node_t *n, const char *what,
		     int *out);

/* A decimal number in [lo, hi] into *out: 0, or -1 after reporting. */
int ruleload_integer(struct ruleload *L, yaml_node_t *n, const char *what,
		     int lo, int hi, int *out);

/* A scalar or a sequence of scalars, as an array of *count strings
 * (lower-cased with `lower`); NULL after reporting. */
const char **ruleload_strings(struct ruleload *L, yaml_node_t *n, size_t *count,
			      const char *what, int lower);

/* --- the pattern language (rulepattern.c) ------------------------------ */

/* A regex compiled with `flags` (pattern.h) and kept in the ruleset;
 * NULL after reporting a bad one, at its character when known. */
struct pattern *ruleload_regex(struct ruleload *L, yaml_node_t *n,
			       unsigned flags);

/*
 * A pattern: a non-empty list of elements (token tests, skips, start and
 * end anchors), marks numbered in L->max_mark, into *out (arrays in the
 * arena).  `what` names it in messages ("pattern", "antipattern").  0, or
 * -1 after reporting every bad element.
 */
int ruleload_sequence(struct ruleload *L, yaml_node_t *n, struct rule_seq *out,
		      const char *what);

#endif /* MT_RULELOAD_H */
