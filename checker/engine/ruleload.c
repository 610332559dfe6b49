/*
 * ruleload: reading the YAML nodes of a rule file, each mistake reported
 * at its node (see ruleload.h).
 */
#include "engine/ruleload.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

yaml_node_t *ruleload_where(struct ruleload *L, yaml_node_t *n)
{
	return n ? n : L->cur; /* NULL: line 1, column 1 */
}

yaml_node_t *ruleload_node(struct ruleload *L, int i)
{
	return yamlfile_node(&L->y, i);
}

const char *ruleload_scalar(struct ruleload *L, yaml_node_t *n)
{
	(void)L;
	return yamlfile_scalar(n);
}

const struct wordclass *ruleload_class(const struct ruleload *L,
				       const char *name)
{
	for (size_t k = 0; k < L->n_classes; k++)
		if (strcmp(L->classes[k].name, name) == 0)
			return &L->classes[k];
	for (size_t k = 0; L->shared && k < L->shared->n; k++)
		if (strcmp(L->shared->v[k].name, name) == 0)
			return &L->shared->v[k];
	return NULL;
}

/* The value for `key` in mapping n, or NULL. */
yaml_node_t *ruleload_get(struct ruleload *L, yaml_node_t *n, const char *key)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const char *k = ruleload_scalar(L, ruleload_node(L, p->key));

		if (k && strcmp(k, key) == 0)
			return ruleload_node(L, p->value);
	}
	return NULL;
}

/* Every key of mapping n must be one of `allowed` (NULL-terminated). */
int ruleload_check_keys(struct ruleload *L, yaml_node_t *n,
			const char *const *allowed, const char *what)
{
	int ok = 1;

	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = ruleload_node(L, p->key);
		const char *k = ruleload_scalar(L, kn);
		size_t i;

		for (i = 0; k && allowed[i]; i++)
			if (strcmp(k, allowed[i]) == 0)
				break;
		if (!k || !allowed[i]) {
			node_error(L, kn, "unknown key '%s' in %s", k ? k : "?",
				   what);
			ok = 0;
		}
	}
	return ok;
}

const char *ruleload_str(struct ruleload *L, yaml_node_t *n, const char *what)
{
	const char *s = ruleload_scalar(L, n);

	if (!s)
		node_error(L, n, "%s must be a string", what);
	return s ? arena_strdup(&L->rs->arena, s) : NULL;
}

int ruleload_boolean(struct ruleload *L, yaml_node_t *n, const char *what,
		     int *out)
{
	const char *s = ruleload_scalar(L, n);

	if (s && (!strcmp(s, "true") || !strcmp(s, "yes"))) {
		*out = 1;
		return 0;
	}
	if (s && (!strcmp(s, "false") || !strcmp(s, "no"))) {
		*out = 0;
		return 0;
	}
	node_error(L, n, "%s must be true or false", what);
	return -1;
}

int ruleload_integer(struct ruleload *L, yaml_node_t *n, const char *what,
		     int lo, int hi, int *out)
{
	const char *s = ruleload_scalar(L, n);
	char *end;
	long v;

	if (s) {
		errno = 0;
		v = strtol(s, &end, 10);
		if (!errno && end != s && !*end && v >= lo && v <= hi) {
			*out = (int)v;
			return 0;
		}
	}
	node_error(L, n, "%s must be a number from %d to %d", what, lo, hi);
	return -1;
}

/* A scalar or a sequence of scalars, as an array of strings. */
const char **ruleload_strings(struct ruleload *L, yaml_node_t *n, size_t *count,
			      const char *what, int lower)
{
	const char **v;
	size_t k = 0;

	*count = 0;
	if (n->type == YAML_SCALAR_NODE) {
		v = arena_alloc(&L->rs->arena, sizeof(*v));
		v[0] = arena_strdup(&L->rs->arena, ruleload_scalar(L, n));
		k = 1;
	} else if (n->type == YAML_SEQUENCE_NODE) {
		size_t total = (size_t)(n->data.sequence.items.top -
					n->data.sequence.items.start);

		v = arena_alloc(&L->rs->arena, (total + 1) * sizeof(*v));
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++) {
			yaml_node_t *e = ruleload_node(L, *it);
			const char *s = ruleload_scalar(L, e);

			if (!s) {
				node_error(L, e, "%s must be a list of strings",
					   what);
				return NULL;
			}
			v[k++] = arena_strdup(&L->rs->arena, s);
		}
	} else {
		node_error(L, n, "%s must be a string or a list of strings",
			   what);
		return NULL;
	}
	if (lower)
		for (size_t i = 0; i < k; i++)
			for (char *c = (char *)v[i]; *c; c++)
				*c = (char)tolower((unsigned char)*c);
	*count = k;
	return v;
}
