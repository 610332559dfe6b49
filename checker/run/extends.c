/*
 * extends: a configuration built on a base one (`extends:` of .mtlint.yml,
 * see config.h): config_inherit() merges the base into the child.
 */
#include "run/config.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* base's entries, then cfg's; base's array is emptied. */
static void prepend(char ***v, size_t *n, char ***bv, size_t *bn)
{
	char **out = xmalloc((*n + *bn + 1) * sizeof(*out));

	/* (memcpy wants real pointers even for 0 bytes) */
	if (*bn)
		memcpy(out, *bv, *bn * sizeof(*out));
	if (*n)
		memcpy(out + *bn, *v, *n * sizeof(*out));
	free(*v);
	free(*bv);
	*v = out;
	*n += *bn;
	*bv = NULL;
	*bn = 0;
}

/* Take base's string when cfg has none. */
static void take(char **s, char **base)
{
	if (!*s) {
		*s = *base;
		*base = NULL;
	}
}

/* rules: base's rows whose name cfg does not set, then cfg's. */
static void merge_rules(struct config *cfg, struct config *base)
{
	struct config_rule *out =
		xcalloc(cfg->n_rules + base->n_rules + 1, sizeof(*out));
	size_t n = 0;

	for (size_t i = 0; i < base->n_rules; i++) {
		int set = 0;

		for (size_t k = 0; !set && k < cfg->n_rules; k++)
			set = !strcmp(cfg->rules[k].name, base->rules[i].name);
		if (set)
			free(base->rules[i].name);
		else
			out[n++] = base->rules[i];
	}
	if (cfg->n_rules)
		memcpy(out + n, cfg->rules, cfg->n_rules * sizeof(*out));
	n += cfg->n_rules;
	free(cfg->rules);
	free(base->rules);
	cfg->rules = out;
	cfg->n_rules = n;
	base->rules = NULL;
	base->n_rules = 0;
}

/* references: cfg's mappings first (tried in order), then base's. */
static void merge_refs(struct config *cfg, struct config *base)
{
	struct config_ref_map *out =
		xcalloc(cfg->n_refs + base->n_refs + 1, sizeof(*out));

	if (cfg->n_refs)
		memcpy(out, cfg->refs, cfg->n_refs * sizeof(*out));
	if (base->n_refs)
		memcpy(out + cfg->n_refs, base->refs,
		       base->n_refs * sizeof(*out));
	free(cfg->refs);
	free(base->refs);
	cfg->refs = out;
	cfg->n_refs += base->n_refs;
	base->refs = NULL;
	base->n_refs = 0;
}

void config_inherit(struct config *cfg, struct config *base)
{
	take(&cfg->lang, &base->lang);
	take(&cfg->dict_path, &base->dict_path);
	if (cfg->input == CONFIG_INPUT_AUTO)
		cfg->input = base->input;
	if (!cfg->has_fail_on && base->has_fail_on) {
		cfg->has_fail_on = 1;
		cfg->fail_on = base->fail_on;
	}
	if (cfg->max_warnings < 0)
		cfg->max_warnings = base->max_warnings;
	prepend(&cfg->accept, &cfg->n_accept, &base->accept, &base->n_accept);
	prepend(&cfg->reject, &cfg->n_reject, &base->reject, &base->n_reject);
	prepend(&cfg->ignore, &cfg->n_ignore, &base->ignore, &base->n_ignore);
	prepend(&cfg->packs, &cfg->n_packs, &base->packs, &base->n_packs);
	prepend(&cfg->names, &cfg->n_names, &base->names, &base->n_names);
	merge_rules(cfg, base);
	merge_refs(cfg, base);
}
