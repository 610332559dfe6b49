/*
 * affclosure: which dictionaries accept no plain word beyond their
 * expanded forms, and which words may be NOSUGGEST forms; then the
 * speller's "unknown" from the index against Hunspell's own answer on
 * the system's en_US and en_GB dictionaries.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell/hunspell.h>

#include "spelling/affclosure.h"
#include "spelling/hunspell.h"
#include "util/buf.h"

static const char base_aff[] = "SET UTF-8\n"
			       "TRY esianrtolcdugmphbyfvkwzESIANRTOLCDUGMPHBYFVKWZ'\n"
			       "ICONV 1\n"
			       "ICONV \xe2\x80\x99 '\n"
			       "NOSUGGEST !\n"
			       "COMPOUNDMIN 1\n"
			       "ONLYINCOMPOUND c\n"
			       "COMPOUNDRULE 1\n"
			       "COMPOUNDRULE n*1t\n"
			       "SFX S Y 2\n"
			       "SFX S   y     ies        [^aeiou]y\n"
			       "SFX S   0     s          [aeiou]y\n"
			       "SFX M Y 1\n"
			       "SFX M   0     's         .\n"
			       "PFX U Y 1\n"
			       "PFX U   0     un         .\n";
static const char base_dic[] = "6\n"
			       "toy/S\n"
			       "Paris/M\n"
			       "1/n1\n"
			       "1th/tc\n"
			       "darn/SU!\n"
			       "fuzzy/S!\n";

static struct aff_closure *open_with(const char *extra_aff,
				     const char *dic, const char *model)
{
	struct buf a = BUF_INIT;
	const char *models[] = { model, model, NULL };
	struct aff_closure *c;

	buf_addf(&a, "%s%s", base_aff, extra_aff);
	c = aff_closure_open(a.buf, a.len, dic, strlen(dic), models, 3);
	buf_release(&a);
	return c;
}

Test(affclosure, simple_dictionary_is_closed_for_plain_words)
{
	struct aff_closure *c = open_with("", base_dic, "Paris");

	cr_assert(c);
	cr_expect_not(aff_closure_open_to(c, "toyz", 4));
	cr_expect_not(aff_closure_open_to(c, "Wsa", 3));
	/* not plain: Hunspell's to judge */
	cr_expect(aff_closure_open_to(c, "toy's", 5));
	cr_expect(aff_closure_open_to(c, "11th", 4));
	cr_expect(aff_closure_open_to(c, "co-op", 5));
	cr_expect(aff_closure_open_to(c, "caf\xc3\xa9", 5));
	cr_expect(aff_closure_open_to(c, "", 0));
	/* NULL: nothing is closed */
	cr_expect(aff_closure_open_to(NULL, "toyz", 4));
	aff_closure_free(c);
}

Test(affclosure, nosuggest_forms_go_to_hunspell)
{
	struct aff_closure *c = open_with("", base_dic, NULL);

	cr_assert(c);
	/* "darn" takes a prefix: anywhere in the word */
	cr_expect(aff_closure_open_to(c, "darns", 5));
	cr_expect(aff_closure_open_to(c, "Undarn", 6));
	/* "fuzzy" less the longest strip of S ("y"): a prefix */
	cr_expect(aff_closure_open_to(c, "fuzzies", 7));
	cr_expect(aff_closure_open_to(c, "FUZZY", 5));
	cr_expect_not(aff_closure_open_to(c, "afuzzies", 8));
	aff_closure_free(c);
}

Test(affclosure, features_that_reach_plain_words_open_it)
{
	static const char *const open[] = {
		"FLAG long\n",	     "AF 1\nAF SU\n",	   "COMPOUNDFLAG X\n",
		"COMPOUNDBEGIN X\n", "COMPOUNDEND X\n",	   "CIRCUMFIX X\n",
		"COMPLEXPREFIXES\n", "LANG tr_TR\n",	   "IGNORE ae\n",
		"ICONV 1\nICONV ph f\n", "BREAK 1\nBREAK s\n",
		"NOSUGGEST !!\n",
		"SFX T Y 1\nSFX T 0 s/S .\n",
	};

	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
		struct aff_closure *c = open_with(open[i], base_dic, NULL);

		cr_expect_null(c, "closed with %s", open[i]);
		aff_closure_free(c);
	}
}

Test(affclosure, compound_rule_flag_on_a_plain_stem_opens_it)
{
	struct aff_closure *c = open_with("", "2\ntoy/S\nfoo/n\n", NULL);

	cr_expect_null(c);
	aff_closure_free(c);
	c = open_with("", "2\ntoy/S\n1/n\n", NULL);
	cr_expect_not_null(c);
	aff_closure_free(c);
}

Test(affclosure, model_with_a_plain_affix_opens_it)
{
	struct aff_closure *c = open_with("", base_dic, "toy");

	cr_expect_null(c, "added words would take 'toys'");
	aff_closure_free(c);
	c = open_with("", base_dic, "Paris");
	cr_expect_not_null(c, "'s is not plain");
	aff_closure_free(c);
}

/* --- against Hunspell ------------------------------------------------ */

/* Plain words near the dictionary's: each plain stem of every 5th line,
 * and what typing slips and affixes make of it, in 4 cases. */
static void each_probe(const char *dic, void (*fn)(void *, const char *),
		       void *arg)
{
	static const char *const ends[] = { "",	  "s",	 "es",	"ed", "ing",
					    "ly", "er",	 "est", "ness", "y",
					    "d",  "ies", "ment", "ism" };
	struct buf b = BUF_INIT;
	char w[128], v[160];
	size_t line = 0;

	cr_assert_eq(buf_read_file(&b, dic, 0), 0, "%s", dic);
	for (char *s = b.buf, *nl; s && *s; s = nl ? nl + 1 : NULL) {
		size_t n = 0;

		nl = strchr(s, '\n');
		while (s[n] && s[n] != '/' && s[n] != '\n' && n < 100 &&
		       isalpha((unsigned char)s[n]) &&
		       !((unsigned char)s[n] & 0x80))
			n++;
		if (line++ % 5 || n < 2 ||
		    (s[n] && s[n] != '/' && s[n] != '\n'))
			continue;
		memcpy(w, s, n);
		w[n] = '\0';
		for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
			snprintf(v, sizeof(v), "%s%s", w, ends[e]);
			fn(arg, v);
			v[0] = (char)toupper((unsigned char)v[0]);
			fn(arg, v);
		}
		/* a slip: the last letter dropped, two letters swapped */
		snprintf(v, sizeof(v), "%.*s", (int)n - 1, w);
		fn(arg, v);
		snprintf(v, sizeof(v), "%s", w);
		v[0] = w[1];
		v[1] = w[0];
		fn(arg, v);
		snprintf(v, sizeof(v), "un%s", w);
		fn(arg, v);
	}
	buf_release(&b);
}

struct agree {
	struct speller *sp;
	Hunhandle *h;
	size_t n, differ;
	char first[128];
};

static void compare(void *arg, const char *w)
{
	struct agree *a = arg;
	int ours = speller_check(a->sp, w, strlen(w));
	int theirs = Hunspell_spell(a->h, w) != 0;

	a->n++;
	if (ours != theirs && !a->differ++)
		snprintf(a->first, sizeof(a->first), "%s (ours %d, Hunspell %d)",
			 w, ours, theirs);
}

static void agrees_with_hunspell(const char *lang)
{
	static const char *const names[] = { "Kowalczyk", "Tshabalala",
					     "Nakamura" };
	struct mt_error err = { 0 };
	struct agree a = { 0 };
	char aff[128], dic[128];

	cr_assert_eq(speller_open(lang, NULL, &a.sp, &err), MT_ERR_OK, "%s",
		     err.msg);
	snprintf(aff, sizeof(aff), "%s", speller_dic_path(a.sp));
	snprintf(dic, sizeof(dic), "%s", speller_dic_path(a.sp));
	memcpy(aff + strlen(aff) - 3, "aff", 3);
	a.h = Hunspell_create(aff, dic);
	cr_assert(a.h);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		cr_assert_eq(speller_add(a.sp, names[i], "Paris"), 0);
		Hunspell_add_with_affix(a.h, names[i], "Paris");
	}
	/* the index (cached, or built into the cache now) decides */
	{
		const char *const *sug;

		speller_suggest(a.sp, "wsa", 3, SPELLER_ORDER_RANKED, &sug);
	}
	each_probe(dic, compare, &a);
	compare(&a, "Nakamuras");
	compare(&a, "Kowalczyk");
	cr_expect_gt(a.n, 50000);
	cr_expect_eq(a.differ, 0, "%s: %zu of %zu words judged otherwise, "
				  "first %s",
		     lang, a.differ, a.n, a.first);
	Hunspell_destroy(a.h);
	speller_close(a.sp);
}

Test(affclosure, en_US_unknown_from_the_index_is_hunspells_answer,
     .timeout = 600)
{
	agrees_with_hunspell("en_US");
}

Test(affclosure, en_GB_unknown_from_the_index_is_hunspells_answer,
     .timeout = 600)
{
	agrees_with_hunspell("en_GB");
}

/* The equivalence above is no proof unless the index decides: the system
 * dictionaries must be closed (with the project lists' model). */
Test(affclosure, system_english_dictionaries_are_closed)
{
	static const char *const langs[] = { "en_US", "en_GB" };
	const char *models[] = { "Paris" };

	for (size_t i = 0; i < 2; i++) {
		struct mt_error err = { 0 };
		struct speller *sp;
		struct buf aff = BUF_INIT, dic = BUF_INIT;
		struct aff_closure *c;
		char path[256];

		cr_assert_eq(speller_open(langs[i], NULL, &sp, &err),
			     MT_ERR_OK, "%s", err.msg);
		snprintf(path, sizeof(path), "%s", speller_dic_path(sp));
		cr_assert_eq(buf_read_file(&dic, path, 0), 0);
		memcpy(path + strlen(path) - 3, "aff", 3);
		cr_assert_eq(buf_read_file(&aff, path, 0), 0);
		c = aff_closure_open(aff.buf, aff.len, dic.buf, dic.len,
				     models, 1);
		cr_expect_not_null(c, "%s is not closed", langs[i]);
		cr_expect(aff_closure_hyphen_breaks(c));
		cr_expect_not(aff_closure_open_to(c, "wsa", 3));
		aff_closure_free(c);
		buf_release(&aff);
		buf_release(&dic);
		speller_close(sp);
	}
}

/* --- the index's answer to "is a known word one edit away?" ------------ */

struct near {
	struct speller *sp;
	struct aff_closure *c;
	size_t n, decided, differ;
	char first[160];
};

static void try_edit(struct near *a, const char *b, size_t m, size_t *known,
		     size_t *open)
{
	if (speller_check(a->sp, b, m)) {
		(*known)++;
		*open += (size_t)aff_closure_open_to(a->c, b, m);
	}
}

/* Every known word one edit from the lower-case w (which is unknown), by
 * the dictionary's look-ups: how many, and how many of them only Hunspell
 * can judge (may be NOSUGGEST forms, which the index leaves out). */
static void known_edits(struct near *a, const char *w, size_t *known,
			size_t *open)
{
	size_t n = strlen(w);
	char b[128];

	*known = *open = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n) { /* deletion */
			memcpy(b, w, i);
			memcpy(b + i, w + i + 1, n - i - 1);
			try_edit(a, b, n - 1, known, open);
		}
		if (i + 1 < n) { /* swap */
			memcpy(b, w, n);
			b[i] = w[i + 1];
			b[i + 1] = w[i];
			try_edit(a, b, n, known, open);
		}
		for (char c = 'a'; c <= 'z'; c++) {
			if (i < n) { /* replacement */
				memcpy(b, w, n);
				b[i] = c;
				try_edit(a, b, n, known, open);
			}
			memcpy(b, w, i); /* insertion */
			b[i] = c;
			memcpy(b + i + 1, w + i, n - i);
			try_edit(a, b, n + 1, known, open);
		}
	}
}

static void compare_near(void *arg, const char *w)
{
	struct near *a = arg;
	size_t n = strlen(w), known, open;
	int ours;

	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return;
	if (n < 2 || a->n++ % 7 || speller_check(a->sp, w, n))
		return;
	ours = speller_lower_neighbour(a->sp, w, n);
	if (ours < 0)
		return;
	a->decided++;
	known_edits(a, w, &known, &open);
	/* the index may miss only the neighbours Hunspell alone judges */
	if ((ours == 1) != (known > 0) && !(ours == 0 && known == open) &&
	    !a->differ++)
		snprintf(a->first, sizeof(a->first),
			 "%s (index %d, %zu known edits)", w, ours, known);
}

/* No .timeout (its bookkeeping is what LeakSanitizer flags): bounded by
 * the probes. */
Test(affclosure, lower_neighbour_from_the_index_is_the_edits_answer)
{
	struct mt_error err = { 0 };
	struct near a = { 0 };
	struct buf aff = BUF_INIT, dic = BUF_INIT;
	const char *models[] = { "Paris" };
	char path[256];

	cr_assert_eq(speller_open("en_US", NULL, &a.sp, &err), MT_ERR_OK,
		     "%s", err.msg);
	snprintf(path, sizeof(path), "%s", speller_dic_path(a.sp));
	cr_assert_eq(buf_read_file(&dic, path, 0), 0);
	memcpy(path + strlen(path) - 3, "aff", 3);
	cr_assert_eq(buf_read_file(&aff, path, 0), 0);
	a.c = aff_closure_open(aff.buf, aff.len, dic.buf, dic.len, models, 1);
	cr_assert_not_null(a.c);
	cr_expect_eq(speller_lower_neighbour(a.sp, "wsa", 3), 1);
	cr_expect_eq(speller_lower_neighbour(a.sp, "Wsa", 3), -1);
	cr_expect_eq(speller_lower_neighbour(a.sp, "zqxjvk", 6), 0);
	/* the same again, from the cache */
	cr_expect_eq(speller_lower_neighbour(a.sp, "wsa", 3), 1);
	cr_expect_eq(speller_lower_neighbour(a.sp, "zqxjvk", 6), 0);
	snprintf(path, sizeof(path), "%s", speller_dic_path(a.sp));
	each_probe(path, compare_near, &a);
	cr_expect_gt(a.decided, 1000, "only %zu words decided", a.decided);
	cr_expect_eq(a.differ, 0, "%zu of %zu words judged otherwise, first %s",
		     a.differ, a.decided, a.first);
	aff_closure_free(a.c);
	buf_release(&aff);
	buf_release(&dic);
	speller_close(a.sp);
}
