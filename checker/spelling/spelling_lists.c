/*
 * spelling_lists: the spelling pass's data, loaded once per checker (see
 * spelling.h for what is loaded and from where, spelling_internal.h for
 * where it is kept).
 *
 * Word lists go to the speller (hunspell.h), which accepts their words;
 * the capitalised words of *.words lists, of --words files and of
 * checker_options.names also go to the name indexes (spelling_names.c);
 * phrases and the reject list are the pass's own maps.  The other
 * dialect's dictionary is opened later, on first use.
 */
#include "spelling/spelling_internal.h"

#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "run/checker.h"
#include "spelling/spelling.h"
#include "spelling/wordform.h"
#include "util/limits.h"
#include "util/listfile.h"
#include "util/paths.h"

/* A list's names, for the index of "close known form" look-ups: the
 * newsroom's (*.words) or the team's (--words, accept:). */
struct names_arg {
	struct spelling *st;
	struct name_index *ix;
};

static int names_line(void *arg, char *line, size_t lineno)
{
	struct names_arg *na = arg;
	char *sp = strpbrk(line, " \t");

	(void)lineno;
	if (sp)
		*sp = '\0';
	if (spelling_is_name(line))
		spelling_add_name(na->st, na->ix, line, strlen(line));
	return 0;
}

static int phrases_line(void *arg, char *line, size_t lineno)
{
	struct spelling *st = arg;
	size_t n;
	char *low = wordform_lower(&st->arena, line, strlen(line), &n);

	(void)lineno;
	smap_put(&st->phrases, &st->arena, low, n);
	return 0;
}

/* "Kiev -> Kyiv", "Kiev → Kyiv", "Kiev<TAB>Kyiv" or just "Kiev". */
static int reject_line(void *arg, char *line, size_t lineno)
{
	struct spelling *st = arg;
	char *arrow = strstr(line, "->"), *good = NULL, *end;
	size_t n;
	char *low;
	struct smap_ent *e;

	(void)lineno;
	if (!arrow)
		arrow = strstr(line, "\xe2\x86\x92");
	if (arrow) {
		good = arrow + (arrow[0] == '-' ? 2 : 3);
	} else {
		arrow = strchr(line, '\t');
		if (arrow)
			good = arrow + 1;
	}
	end = arrow ? arrow : line + strlen(line);
	while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end == line)
		return 0;
	if (good)
		while (*good == ' ' || *good == '\t')
			good++;
	low = wordform_lower(&st->arena, line, (size_t)(end - line), &n);
	e = smap_put(&st->reject, &st->arena, low, n);
	e->val = arena_strdup(&st->arena, good && *good ? good : "");
	return 0;
}

static enum mt_err load_project_lists(struct spelling *st, const char *data_dir,
				      struct mt_error *err)
{
	char pat[4096], path[4096];
	glob_t g;
	enum mt_err rc = MT_ERR_OK;
	struct names_arg newsroom = { st, &st->names };

	/* *.words: accepted, and their names are near-miss targets;
	 * *.accept: accepted only (big gazetteers, whose obscure entries
	 * would make a real name look like a slip of another) */
	static const char *const kinds[] = { "words", "accept" };

	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		snprintf(pat, sizeof(pat), "%s/dictionaries/%.2s/*.%s",
			 data_dir, st->lang, kinds[k]);
		if (glob(pat, 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; rc == MT_ERR_OK && i < g.gl_pathc; i++) {
			rc = speller_load_words(st->sp, g.gl_pathv[i], "Paris",
						err);
			if (rc == MT_ERR_OK && k == 0)
				rc = listfile_read(g.gl_pathv[i],
						   MT_LIMIT_WORD_LIST,
						   "word list", names_line,
						   &newsroom, err);
		}
		globfree(&g);
	}
	if (rc != MT_ERR_OK)
		return rc;
	snprintf(path, sizeof(path), "%s/dictionaries/%.2s/frequency.tsv",
		 data_dir, st->lang);
	if (mt_path_exists(path))
		rc = speller_load_frequencies(st->sp, path, err);
	/* the corpus model of word pairs: which words run together were
	 * meant as two (mapped only when one is seen) */
	snprintf(path, sizeof(path), "%s/dictionaries/lm/%.2s.lm", data_dir,
		 st->lang);
	if (mt_path_exists(path))
		speller_set_pair_model(st->sp, path);
	snprintf(path, sizeof(path), "%s/dictionaries/%.2s/phrases.txt",
		 data_dir, st->lang);
	if (rc == MT_ERR_OK && mt_path_exists(path))
		rc = listfile_read(path, MT_LIMIT_WORD_LIST, "phrase list",
				   phrases_line, st, err);
	return rc;
}

void spelling_close(void *state)
{
	struct spelling *st = state;

	if (!st)
		return;
	speller_close(st->sp);
	speller_close(st->variant);
	smap_release(&st->reject);
	smap_release(&st->phrases);
	spelling_name_index_release(&st->names);
	spelling_name_index_release(&st->team_names);
	smap_release(&st->list_memo);
	arena_release(&st->memo_arena);
	arena_release(&st->arena);
	free(st);
}

enum mt_err spelling_open(struct checker *c, const struct checker_options *opts,
			  void **state, struct mt_error *err)
{
	struct spelling *st = xcalloc(1, sizeof(*st));
	const char *data_dir = opts->data_dir ? opts->data_dir : mt_data_dir();
	struct names_arg team = { st, &st->team_names };
	enum mt_err rc;

	*state = st;
	st->checker = c;
	arena_init(&st->arena, 0);
	arena_init(&st->memo_arena, 0);
	snprintf(st->lang, sizeof(st->lang), "%s",
		 opts->lang ? opts->lang : "en_US");
	snprintf(st->dict_path, sizeof(st->dict_path), "%s",
		 opts->dict_path ? opts->dict_path : "");
	if (strncmp(st->lang, "en_US", 5) == 0)
		snprintf(st->variant_lang, sizeof(st->variant_lang), "en_GB");
	else if (strncmp(st->lang, "en_", 3) == 0)
		snprintf(st->variant_lang, sizeof(st->variant_lang), "en_US");
	st->acronym_max = opts->acronym_max > 0 ? opts->acronym_max
						: SPELLING_ACRONYM_MAX;
	/* every rule disabled (--disable spelling): nothing to load, and
	 * spelling_run() does nothing */
	st->on = spelling_any_enabled(c);
	if (!st->on)
		return MT_ERR_OK;
	rc = speller_open(st->lang, opts->dict_path, &st->sp, err);
	if (rc == MT_ERR_OK && data_dir)
		rc = load_project_lists(st, data_dir, err);
	for (size_t i = 0; rc == MT_ERR_OK && i < opts->n_word_files; i++) {
		rc = speller_load_words(st->sp, opts->word_files[i], NULL, err);
		if (rc == MT_ERR_OK)
			rc = listfile_read(opts->word_files[i],
					   MT_LIMIT_WORD_LIST, "word list",
					   names_line, &team, err);
	}
	for (size_t i = 0; rc == MT_ERR_OK && i < opts->n_names; i++) {
		const char *nm = opts->names[i];

		if (speller_add(st->sp, nm, "Paris") != 0)
			rc = mt_error(err, MT_ERR_CONFIG,
				      "name '%s' cannot be added to the "
				      "dictionary (not in its encoding)",
				      nm);
		else if (spelling_is_name(nm))
			spelling_add_name(st, &st->team_names, nm, strlen(nm));
	}
	for (size_t i = 0; rc == MT_ERR_OK && i < opts->n_reject_files; i++)
		rc = listfile_read(opts->reject_files[i], MT_LIMIT_WORD_LIST,
				   "reject list", reject_line, st, err);
	if (rc != MT_ERR_OK) {
		spelling_close(st);
		*state = NULL;
	}
	return rc;
}

struct speller *spelling_variant(struct spelling *st)
{
	struct mt_error e = { 0 };

	if (!st->variant_tried && st->variant_lang[0] &&
	    speller_open(st->variant_lang,
			 st->dict_path[0] ? st->dict_path : NULL, &st->variant,
			 &e) != MT_ERR_OK)
		st->variant = NULL;
	st->variant_tried = 1;
	return st->variant;
}
