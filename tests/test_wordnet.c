/*
 * wordnet: the WordNet database as read from wordnet-base's files --
 * that what is loaded matches the files, lemmas, synonyms, failures.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference/wordnet.h"
#include "util/strtab.h"

static struct wordnet *open_wn(void)
{
	struct wordnet *wn = NULL;
	struct mt_error err = { 0 };

	cr_assert_eq(wordnet_open(NULL, &wn, &err), MT_ERR_OK, "%s", err.msg);
	return wn;
}

static uint32_t lemma(const struct wordnet *wn, const char *w)
{
	return wordnet_find(wn, w, strlen(w));
}

/* Is `base` among the lemmas of the form w? */
static int has_lemma(const struct wordnet *wn, const char *w,
		     const char *base)
{
	uint32_t ids[8], id = lemma(wn, base);
	size_t n = wordnet_lemmas(wn, w, strlen(w), ids, 8);

	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static int synonyms(const struct wordnet *wn, const char *a, const char *b)
{
	return wordnet_synonyms(wn, lemma(wn, a), lemma(wn, b), 0);
}

/*
 * The loaded database matches the files: every lemma of every index line
 * (read here independently, line by line) is found, with its part of
 * speech, and the number of distinct lemmas is the same.
 */
Test(wordnet, loads_every_lemma_of_the_index_files)
{
	static const char *const pos[] = { "noun", "verb", "adj", "adv" };
	struct wordnet *wn = open_wn();
	struct strtab seen = STRTAB_INIT;
	char **keep = NULL, line[8192];
	size_t n_keep = 0, missing = 0;

	for (int p = 0; p < 4; p++) {
		char path[128];
		FILE *f;

		snprintf(path, sizeof(path), "/usr/share/wordnet/index.%s",
			 pos[p]);
		f = fopen(path, "r");
		cr_assert(f, "cannot open %s", path);
		while (fgets(line, sizeof(line), f)) {
			size_t len = strcspn(line, " ");
			uint32_t id;

			if (line[0] == ' ' || !len)
				continue;
			keep = realloc(keep, (n_keep + 1) * sizeof(*keep));
			keep[n_keep] = strndup(line, len);
			strtab_intern(&seen, keep[n_keep], len, NULL);
			n_keep++;
			id = wordnet_find(wn, line, len);
			if (id == WORDNET_NONE ||
			    !(wordnet_pos(wn, id) & (1u << p)))
				missing++;
		}
		fclose(f);
	}
	cr_expect_eq(missing, 0, "%zu index lines not loaded", missing);
	cr_expect_eq(wordnet_size(wn), strtab_count(&seen),
		     "loaded %zu lemmas, the files hold %u",
		     wordnet_size(wn), strtab_count(&seen));
	cr_expect_gt(wordnet_size(wn), 100000);
	strtab_release(&seen);
	for (size_t i = 0; i < n_keep; i++)
		free(keep[i]);
	free(keep);
	wordnet_close(wn);
}

Test(wordnet, synonyms_share_a_synset)
{
	struct wordnet *wn = open_wn();

	cr_expect(synonyms(wn, "car", "automobile"));
	cr_expect(synonyms(wn, "begin", "start"));
	cr_expect(synonyms(wn, "big", "large"));
	cr_expect(!synonyms(wn, "car", "banana"));
	cr_expect(!synonyms(wn, "hot", "cold"));
	/* a lemma is its own synonym */
	cr_expect(synonyms(wn, "river", "river"));
	wordnet_close(wn);
}

Test(wordnet, rare_senses_can_be_left_out)
{
	struct wordnet *wn = open_wn();
	uint32_t a = lemma(wn, "lead"), b = lemma(wn, "star");

	/* "lead" and "star" share only a late sense (the lead role) */
	cr_assert(a != WORDNET_NONE && b != WORDNET_NONE);
	cr_expect(wordnet_synonyms(wn, a, b, 0));
	cr_expect(!wordnet_synonyms(wn, a, b, 2));
	wordnet_close(wn);
}

Test(wordnet, lemmas_by_rule_and_exception)
{
	struct wordnet *wn = open_wn();

	cr_expect(has_lemma(wn, "horses", "horse"));	  /* -s */
	cr_expect(has_lemma(wn, "churches", "church"));	  /* -ches */
	cr_expect(has_lemma(wn, "hoped", "hope"));	  /* -ed, e restored */
	cr_expect(has_lemma(wn, "stopped", "stop"));	  /* doubled letter */
	cr_expect(has_lemma(wn, "went", "go"));		  /* verb.exc */
	cr_expect(has_lemma(wn, "children", "child"));	  /* noun.exc */
	cr_expect(has_lemma(wn, "Rivers", "river"));	  /* any case */
	cr_expect_eq(wordnet_lemmas(wn, "qzxv", 4, (uint32_t[4]){ 0 }, 4), 0);
	wordnet_close(wn);
}

Test(wordnet, missing_database_names_the_file)
{
	struct wordnet *wn = NULL;
	struct mt_error err = { 0 };

	cr_expect_eq(wordnet_open("/nonexistent/wordnet", &wn, &err),
		     MT_ERR_DICT);
	cr_expect_null(wn);
	cr_expect(strstr(err.msg, "/nonexistent/wordnet/index.noun"),
		  "message: %s", err.msg);
	cr_expect(strstr(err.msg, "wordnet-base"), "message: %s", err.msg);
	wordnet_close(NULL);
}
