/*
 * packs: house-style rule folders (see packs.h).
 */
#include "engine/packs.h"

#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/ruleset.h"
#include "run/checker.h"
#include "util/xalloc.h"

static void add_file(struct rule_sources *src, const char *path)
{
	src->files = xgrow(src->files, &src->alloc_files, src->n_files + 1,
			   sizeof(*src->files));
	src->files[src->n_files++] = xstrdup(path);
}

/* Append dir's *.yml, sorted by name (glob skips dot files); the count. */
static size_t add_dir(struct rule_sources *src, const char *dir)
{
	char *pat = xmalloc(strlen(dir) + 8);
	glob_t g;
	size_t n = 0;

	strcpy(pat, dir);
	strcat(pat, "/*.yml");
	if (glob(pat, 0, NULL, &g) == 0) {
		for (; n < g.gl_pathc; n++)
			add_file(src, g.gl_pathv[n]);
		globfree(&g);
	}
	free(pat);
	return n;
}

/* The last component of dir, without trailing slashes, in a new string. */
static char *pack_name(const char *dir)
{
	size_t end = strlen(dir), start;

	while (end > 1 && dir[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && dir[start - 1] != '/')
		start--;
	return xstrndup(dir + start, end - start);
}

enum mt_err rule_sources_collect(const struct checker_options *opts,
				 const char *builtin_dir,
				 struct rule_sources *src,
				 struct mt_error *err)
{
	struct stat st;

	if (!opts->no_builtin_rules) {
		if (stat(builtin_dir, &st) != 0 || !S_ISDIR(st.st_mode))
			return mt_error(err, MT_ERR_RULES,
					"cannot open rule directory '%s'",
					builtin_dir);
		src->n_builtin = add_dir(src, builtin_dir);
	}
	for (size_t i = 0; i < opts->n_packs; i++) {
		const char *dir = opts->packs[i];
		struct rule_pack *p;

		if (stat(dir, &st) != 0)
			return mt_error(err, MT_ERR_RULES,
					"cannot open rule pack '%s': %s", dir,
					strerror(errno));
		if (!S_ISDIR(st.st_mode))
			return mt_error(err, MT_ERR_RULES,
					"rule pack '%s' is not a folder (a "
					"pack is a folder of *.yml rule "
					"files)",
					dir);
		src->packs = xgrow(src->packs, &src->alloc_packs,
				   src->n_packs + 1, sizeof(*src->packs));
		p = &src->packs[src->n_packs++];
		p->dir = xstrdup(dir);
		p->name = pack_name(dir);
		for (size_t k = 0; k + 1 < src->n_packs; k++)
			if (strcmp(src->packs[k].name, p->name) == 0)
				return mt_error(err, MT_ERR_RULES,
						"rule pack '%s': the name "
						"'%s' is taken by an earlier "
						"pack ('%s')",
						dir, p->name,
						src->packs[k].dir);
		p->first_file = src->n_files;
		p->n_files = add_dir(src, dir);
	}
	return MT_ERR_OK;
}

/* Is `prefix` the first dotted component of `id`? */
static int id_has_prefix(const char *id, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(id, prefix, n) == 0 && id[n] == '.';
}

/* The pack whose files hold `file`, or NULL (a built-in file). */
static const struct rule_pack *pack_of(const struct rule_sources *src,
				       const char *file)
{
	for (size_t i = 0; i < src->n_packs; i++) {
		const struct rule_pack *p = &src->packs[i];

		for (size_t f = 0; f < p->n_files; f++)
			if (strcmp(src->files[p->first_file + f], file) == 0)
				return p;
	}
	return NULL;
}

/* Is the name taken by a pass or a built-in rule? */
static const char *name_taken(const struct rule_sources *src,
			      const struct ruleset *rs, size_t pack)
{
	static const char *const reserved[] = { PACKS_RESERVED };
	const char *name = src->packs[pack].name;

	for (size_t i = 0; i < ARRAY_SIZE(reserved); i++)
		if (strcmp(name, reserved[i]) == 0)
			return "a built-in check";
	for (size_t k = 0; k < rs->n_rules; k++)
		if (!pack_of(src, rs->rules[k].file) &&
		    id_has_prefix(rs->rules[k].info.id, name))
			return "the built-in rules";
	return NULL;
}

enum mt_err rule_sources_check(const struct rule_sources *src,
			       const struct ruleset *rs, struct mt_error *err)
{
	for (size_t i = 0; i < src->n_packs; i++) {
		const struct rule_pack *p = &src->packs[i];
		const char *taken = name_taken(src, rs, i);
		size_t n = 0;

		if (taken)
			return mt_error(err, MT_ERR_RULES,
					"rule pack '%s': the name '%s' is "
					"taken by %s (rename the folder and "
					"its rule ids)",
					p->dir, p->name, taken);
		for (size_t k = 0; k < rs->n_rules; k++)
			n += pack_of(src, rs->rules[k].file) == p;
		if (!n)
			return mt_error(err, MT_ERR_RULES,
					"rule pack '%s' yields no rule (%s; a "
					"pack is a folder of *.yml rule files "
					"-- is it the right folder?)",
					p->dir,
					p->n_files ? "its *.yml files hold no "
						     "rule"
						   : "it holds no *.yml file");
	}
	for (size_t k = 0; k < rs->n_rules; k++) {
		const struct rule *r = &rs->rules[k];
		const struct rule_pack *p = pack_of(src, r->file);

		if (p && !id_has_prefix(r->info.id, p->name))
			return mt_error(err, MT_ERR_RULES,
					"%s:%u: error: rule id '%s' of pack "
					"'%s' must start with '%s.' (a pack's "
					"ids carry its name)",
					r->file, r->line, r->info.id, p->dir,
					p->name);
	}
	return MT_ERR_OK;
}

void rule_sources_release(struct rule_sources *src)
{
	for (size_t i = 0; i < src->n_files; i++)
		free(src->files[i]);
	free(src->files);
	for (size_t i = 0; i < src->n_packs; i++) {
		free(src->packs[i].dir);
		free(src->packs[i].name);
	}
	free(src->packs);
	memset(src, 0, sizeof(*src));
}
