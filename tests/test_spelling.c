/*
 * spelling: the pass, end to end with the real en_US dictionary and the
 * project's word lists (MTLINT_DATA_DIR), plus the binary on the fixtures.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "helpers.h"
#include "spelling/spelling.h"

/* A checker with options o; fails the test when it cannot be made. */
static struct checker *new_checker(const struct checker_options *o)
{
	struct mt_error err = { 0 };
	struct checker *c = NULL;

	cr_assert_eq(checker_new(o, &c, &err), MT_ERR_OK, "%s", err.msg);
	return c;
}

Test(spelling, lower_case_misspelling_is_a_warning_with_suggestions)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, "The goverment said it would recieve them.", NULL, &k);
	d = expect_finding(&k, "spelling.unknown-word", "goverment",
			   "government");
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_expect_str_eq(d->category, "fluency/spelling");
	expect_finding(&k, "spelling.unknown-word", "recieve", "receive");
	checked_release(&k);
}

Test(spelling, never_checked)
{
	static const char *const good[] = {
		"See https://example.com/xqzwv and mail xqzwv@example.com.",
		"Follow @xqzwvbot and #xqzwvtag today.",
		"It was the 72nd time since the 1990s, on 2016-12-29.",
		"The FSB and the GRU, and also the QXZW, said so.",
		"Run `xqzwv --frobnicate` to see it.",
		"Putin’s speech came before New Year’s Eve.",
		"The President-elect spoke about the US-Russia talks.",
		"It felt like deja vu to the diplomats.",
		"Officials tweeted about Brexit and emails.",
		"The 72-hour deadline passed; the G7 met.",
	};

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		struct checked k;

		check_text(NULL, good[i], NULL, &k);
		expect_no_finding(&k, "spelling.", NULL);
		checked_release(&k);
	}
}

Test(spelling, hyphenated_compound_checked_part_by_part)
{
	struct checked k;

	check_text(NULL, "It is a well-knwon fact.", NULL, &k);
	/* the misspelt part alone is flagged */
	expect_finding(&k, "spelling.unknown-word", "knwon", "known");
	expect_no_finding(&k, "spelling.", "well-knwon");
	expect_no_finding(&k, "spelling.", "well");
	checked_release(&k);
}

Test(spelling, capitalised_unknown_word_is_only_an_unknown_name)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, "Yesterday the official Zorblattin said so.", NULL,
		   &k);
	d = expect_finding(&k, "spelling.unknown-name", "Zorblattin", "");
	cr_expect_eq(d->severity, MT_SEV_INFO);
	cr_expect_eq(count_findings(&k.l, "spelling."), 1, "%s",
		     findings_dump(k.doc, &k.l));
	checked_release(&k);
}

Test(spelling, mixed_case_symbols_are_not_errors)
{
	static const char *const words[] = { "mL", "kDa", "iPhone", "eBay" };
	struct checked k;

	check_text(NULL,
		   "Add 5 mL of water. The protein weighs 40 kDa. She bought "
		   "an iPhone on eBay. He wrote wrtong here.",
		   NULL, &k);
	/* at most a note (spelling.unknown-name is info) */
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		expect_no_finding(&k, "spelling.unknown-word", words[i]);
		expect_no_finding(&k, "spelling.misspelled-name", words[i]);
	}
	/* a lower-case misspelling next to them is still an error */
	expect_finding(&k, "spelling.unknown-word", "wrtong", NULL);
	checked_release(&k);
}

Test(spelling, name_misspelt_against_the_same_document)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL,
		   "Navalny was jailed. Navalny appealed. Later Navalmy "
		   "lost the appeal.",
		   NULL, &k);
	d = expect_finding(&k, "spelling.misspelled-name", "Navalmy",
			   "Navalny");
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_expect_eq(d->n_suggestions, 1);
	expect_no_finding(&k, "spelling.misspelled-name", "Navalny");
	checked_release(&k);
}

Test(spelling, name_misspelt_against_a_name_list)
{
	struct checked k;

	/* "Microsoft" is in the project's name lists; two letters swapped */
	check_text(NULL, "The firm sued Microsotf last night.", NULL, &k);
	expect_finding(&k, "spelling.misspelled-name", "Microsotf", "Microsoft");
	checked_release(&k);
	/* a letter left out of a long listed name: a slip */
	check_text(NULL, "The firm sued Micosoft last night.", NULL, &k);
	expect_finding(&k, "spelling.misspelled-name", "Micosoft", "Microsoft");
	checked_release(&k);
	/* a consonant added to or left out of a short listed name (Nadia,
	 * Petra, Walter) makes another name as often as a typo: a note */
	check_text(NULL, "Yesterday Nadira met Petrak and Walte.", NULL, &k);
	expect_no_finding(&k, "spelling.misspelled-name", NULL);
	expect_finding(&k, "spelling.unknown-name", "Nadira", NULL);
	expect_finding(&k, "spelling.unknown-name", "Petrak", NULL);
	checked_release(&k);
}

Test(spelling, misspelt_possessive_name_suggests_the_name_with_its_ending)
{
	struct checked k;
	const struct diag *d;

	/* the suggestion is the known name plus the word's own ending, not
	 * the rest of the document (the ending is the word's last bytes) */
	check_text(NULL,
		   "Navalny was jailed. Navalny appealed. Navalny lost. "
		   "Later Navalmy's "
		   "lawyer and Navalmy\u2019s wife spoke at length.",
		   NULL, &k);
	d = expect_finding(&k, "spelling.misspelled-name", "Navalmy's",
			   "Navalny's");
	cr_expect_eq(d->n_suggestions, 1);
	expect_finding(&k, "spelling.misspelled-name", "Navalmy\u2019s",
		       "Navalny\u2019s");
	checked_release(&k);
}

Test(spelling, transliteration_variants_are_not_misspellings)
{
	struct checked k;

	/* Dmitri is a listed name; Dmitry is another romanisation */
	check_text(NULL, "Yesterday Dmitry spoke.", NULL, &k);
	expect_no_finding(&k, "spelling.misspelled-name", NULL);
	checked_release(&k);
}

Test(spelling, reference_words_are_accepted_and_suggested)
{
	static const char *const off[] = { "reference", "names" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct checked k;
	const struct diag *d;

	/* alone (the reference pass off), spelling suggests the
	 * reference's form */
	o.disable = off;
	o.n_disable = ARRAY_SIZE(off);
	c = new_checker(&o);
	check_text(c, "Zorblattin met Qwertzob.", "Zorblattin met Qwertzov.",
		   &k);
	expect_no_finding(&k, "spelling.", "Zorblattin");
	d = expect_finding(&k, "spelling.misspelled-name", "Qwertzob",
			   "Qwertzov");
	cr_expect(strstr(d->message, "reference"), "%s", d->message);
	checked_release(&k);
	checker_free(c);

	/* with every pass, one finding on the name, never two: the
	 * reference comparison's */
	check_text(NULL, "Zorblattin met Qwertzob.", "Zorblattin met Qwertzov.",
		   &k);
	expect_finding(&k, "reference.name-mismatch", "Qwertzob", "Qwertzov");
	expect_no_finding(&k, "spelling.", "Qwertzob");
	checked_release(&k);
}

Test(spelling, sentence_initial_misspelling_of_a_common_word)
{
	struct checked k;

	check_text(NULL, "Teh talks ended.", NULL, &k);
	expect_finding(&k, "spelling.unknown-word", "Teh", "The");
	checked_release(&k);
}

/* An apostrophe left out of a contraction or a possessive: a misspelling
 * (not a term, not a name); a contraction's first suggestion puts it back
 * (a possessive's takes its rank: "maintenances" is no possessive).
 * Words that are words without it, and capitalised words before a lost
 * "'s" inside a sentence (a name's plural or possessive), are left
 * alone. */
Test(spelling, apostrophe_left_out)
{
	static const struct {
		const char *text, *word, *fix;
	} flag[] = {
		{ "We dont agree.", "dont", "don't" },
		{ "The plan doesnt work.", "doesnt", "doesn't" },
		{ "They arent ready.", "arent", "aren't" },
		{ "Im not sure.", "Im", "I'm" },
		{ "Well, Ive tried.", "Ive", "I've" },
		{ "Yes, and Im glad.", "Im", "I'm" },
		{ "Theyre late again.", "Theyre", "They're" },
		{ "I think youll like it.", "youll", "you'll" },
		{ "Dont wait for us.", "Dont", "Don't" },
		{ "Thats the point.", "Thats", "That's" },
		{ "I know theres more.", "theres", "there's" },
		{ "The womens team won.", "womens", NULL },
		{ "It wouldnt start.", "wouldnt", "wouldn't" },
		/* after he, she, it: the third person */
		{ "She dont know the answer.", "dont", "doesn't" },
		{ "He said it dont matter.", "dont", "doesn't" },
		{ "You and he dont agree.", "dont", "don't" },
	};
	static const char *const quiet[] = {
		"We cant of the old sailors, and a wont of theirs.",
		"Its roof leaks; lets fix it.",
		"The shell of the well was ill made.",
		"We were told he'd gone.",
		"The Fitzgeralds came to dinner.",
	};

	for (size_t i = 0; i < sizeof(flag) / sizeof(*flag); i++) {
		struct checked k;

		check_text(NULL, flag[i].text, NULL, &k);
		expect_finding(&k, "spelling.unknown-word", flag[i].word,
			       flag[i].fix);
		checked_release(&k);
	}
	for (size_t i = 0; i < sizeof(quiet) / sizeof(*quiet); i++) {
		struct checked k;

		check_text(NULL, quiet[i], NULL, &k);
		expect_no_finding(&k, "spelling.unknown-word", NULL);
		checked_release(&k);
	}
}

Test(spelling, other_dialect_is_a_note_not_an_error)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, "Their behaviour was odd, and the colour faded.", NULL,
		   &k);
	d = expect_finding(&k, "spelling.dialect-variant", "behaviour",
			   "behavior");
	cr_expect_eq(d->severity, MT_SEV_INFO);
	expect_finding(&k, "spelling.dialect-variant", "colour", "color");
	expect_no_finding(&k, "spelling.unknown-word", NULL);
	checked_release(&k);
}

Test(spelling, user_accept_and_reject_lists)
{
	const char words[] = "Zorblattin\n";
	const char reject[] = "# house style\nKiev -> Kyiv\nirregardless\n";
	char *wp = write_temp(words, sizeof(words) - 1, ".txt");
	char *rp = write_temp(reject, sizeof(reject) - 1, ".txt");
	const char *wl[] = { wp }, *rl[] = { rp };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct checked k;
	const struct diag *d;

	o.word_files = wl;
	o.n_word_files = 1;
	o.reject_files = rl;
	o.n_reject_files = 1;
	c = new_checker(&o);
	check_text(c, "Zorblattin flew to Kiev, irregardless of the war.", NULL,
		   &k);
	expect_no_finding(&k, "spelling.", "Zorblattin");
	d = expect_finding(&k, "spelling.rejected-word", "Kiev", "Kyiv");
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_expect(strstr(d->message, "Kyiv"), "%s", d->message);
	expect_finding(&k, "spelling.rejected-word", "irregardless", "");
	checked_release(&k);
	checker_free(c);
	remove(wp);
	remove(rp);
	free(wp);
	free(rp);
}

/*
 * The team's names: capitalised words of its accept lists and the names
 * option.  A typing slip of one (doubled, dropped or swapped letters) is
 * a warning with the team's spelling; the names themselves and unrelated
 * unknown words stay quiet.  A variant the newsroom lists would take for
 * a transliteration (a doubled final letter) is flagged too: the team's
 * spelling is its house style.
 */
Test(spelling, team_names_catch_typing_slips)
{
	const char words[] = "# desk names\nKwarteleigh\nBrovinsky Paris\n"
			     "odd lower-case word\n";
	char *wp = write_temp(words, sizeof(words) - 1, ".txt");
	const char *wl[] = { wp };
	const char *names[] = { "Tamsworthy", "Odri" };
	static const struct {
		const char *word, *name;
	} slips[] = {
		{ "Kwartelleigh", "Kwarteleigh" }, /* doubled */
		{ "Kwartleigh", "Kwarteleigh" },   /* dropped */
		{ "Kwatreleigh", "Kwarteleigh" },  /* swapped */
		{ "Brovinskyy", "Brovinsky" },	   /* doubled last */
		{ "Tamsworty", "Tamsworthy" },	   /* dropped */
		{ "Oddri", "Odri" },		   /* doubled, 5 letters */
	};
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct checked k;

	o.word_files = wl;
	o.n_word_files = 1;
	o.names = names;
	o.n_names = ARRAY_SIZE(names);
	c = new_checker(&o);
	for (size_t i = 0; i < ARRAY_SIZE(slips); i++) {
		char text[128];
		const struct diag *d;

		snprintf(text, sizeof(text), "Yesterday %s spoke to reporters.",
			 slips[i].word);
		check_text(c, text, NULL, &k);
		d = expect_finding(&k, "spelling.misspelled-name",
				   slips[i].word, slips[i].name);
		cr_expect_eq(d->severity, MT_SEV_WARNING);
		cr_expect_eq(d->n_suggestions, 1);
		cr_expect(strstr(d->message, "team"), "%s", d->message);
		checked_release(&k);
	}
	/* the names, a possessive, unrelated unknown names: no warning */
	check_text(c, "Kwarteleigh met Tamsworthy and Odri. Brovinsky's aide "
		      "and Zumbravo waited in Quellhafen.",
		   NULL, &k);
	expect_no_finding(&k, "spelling.misspelled-name", NULL);
	expect_no_finding(&k, "spelling.unknown-name", "Tamsworthy");
	expect_finding(&k, "spelling.unknown-name", "Zumbravo", NULL);
	checked_release(&k);
	checker_free(c);
	remove(wp);
	free(wp);

	/* without the team's lists, a doubled last letter of a newsroom
	 * list name is a transliteration variant, not a slip (Dmitri) */
	check_text(NULL, "Yesterday Dmitrii spoke.", NULL, &k);
	expect_no_finding(&k, "spelling.misspelled-name", NULL);
	checked_release(&k);
}

/*
 * dictionaries/<lang>/: a *.words list's names are near-miss targets; a
 * *.accept list (a big gazetteer) is accepted only, so a real name one
 * letter from an obscure entry is not called a misspelling of it.
 */
Test(spelling, accept_lists_are_not_near_miss_targets)
{
	const char *dir = getenv("MTLINT_DATA_DIR");
	char tmpl[] = "/tmp/mtlint-data-XXXXXX", path[512], rules_en[512];
	char *root = mkdtemp(tmpl);
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct checked k;
	FILE *f;

	cr_assert(root);
	snprintf(path, sizeof(path), "%s/dictionaries", root);
	cr_assert_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/dictionaries/en", root);
	cr_assert_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/dictionaries/en/a.words", root);
	f = fopen(path, "w");
	cr_assert(f);
	fputs("# known names\nQuorvendale\n", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/dictionaries/en/b.accept", root);
	f = fopen(path, "w");
	cr_assert(f);
	fputs("# a gazetteer\nBrastimor\n", f);
	fclose(f);
	snprintf(rules_en, sizeof(rules_en), "%s/rules/en", dir ? dir : ".");
	o.data_dir = root;
	o.rules_dir = rules_en;
	c = new_checker(&o);
	check_text(c, "Quorvendale and Brastimor met Quorendale and "
		      "Brastimorr.",
		   NULL, &k);
	expect_no_finding(&k, "spelling.unknown-name", "Quorvendale");
	expect_no_finding(&k, "spelling.unknown-name", "Brastimor");
	expect_finding(&k, "spelling.misspelled-name", "Quorendale",
		       "Quorvendale");
	expect_no_finding(&k, "spelling.misspelled-name", "Brastimorr");
	expect_finding(&k, "spelling.unknown-name", "Brastimorr", NULL);
	checked_release(&k);
	checker_free(c);
	snprintf(path, sizeof(path), "rm -rf '%s'", root);
	cr_expect_eq(system(path), 0);
}

Test(spelling, acronym_length_is_configurable)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct checked k;

	o.acronym_max = 2;
	c = new_checker(&o);
	check_text(c, "The QXZW said so.", NULL, &k);
	expect_finding(&k, "spelling.unknown-name", "QXZW", NULL);
	checked_release(&k);
	checker_free(c);
}

Test(spelling, missing_lists_and_dictionaries_fail_cleanly)
{
	const char *dir = getenv("MTLINT_DATA_DIR");
	char rules_en[4096];
	const char *bad[] = { "/nonexistent/words.txt" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c = NULL;

	snprintf(rules_en, sizeof(rules_en), "%s/rules/en", dir ? dir : ".");
	o.word_files = bad;
	o.n_word_files = 1;
	cr_expect_eq(checker_new(&o, &c, &err), MT_ERR_IO);
	cr_expect(strstr(err.msg, "/nonexistent/words.txt"), "%s", err.msg);
	cr_expect_null(c);
	/* a language without a dictionary (the rules of English kept, so
	 * that the spelling pass is the one to fail) */
	o = (struct checker_options)CHECKER_OPTIONS_INIT;
	o.lang = "xx_YY";
	o.rules_dir = rules_en;
	cr_expect_eq(checker_new(&o, &c, &err), MT_ERR_DICT, "%s", err.msg);
	cr_expect(strstr(err.msg, "xx_YY"), "%s", err.msg);
}

static void collect(const struct rule_info *r, void *arg)
{
	size_t *n = arg;

	if (strncmp(r->id, "spelling.", 9) == 0) {
		cr_expect_str_eq(r->category, "fluency/spelling");
		(*n)++;
	}
}

Test(spelling, every_rule_is_listed)
{
	size_t n = 0;

	checker_each_rule(test_checker(), collect, &n);
	cr_expect_eq(n, 6);
}

/* No known word one edit away: a term the dictionary lacks more often
 * than a typo, noted at info; a word one letter off stays a warning. */
Test(spelling, unknown_word_far_from_any_word_is_a_term)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL,
		   "They measured the xqzvtrplk levels and the goverment "
		   "ones.",
		   NULL, &k);
	d = expect_finding(&k, "spelling.unknown-term", "xqzvtrplk", "");
	cr_expect_eq(d->severity, MT_SEV_INFO);
	expect_no_finding(&k, "spelling.unknown-word", "xqzvtrplk");
	d = expect_finding(&k, "spelling.unknown-word", "goverment", NULL);
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	checked_release(&k);
}

Test(spelling, disabled_rules_are_not_reported)
{
	static const char *const off[] = { "spelling" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct checked k;

	o.disable = off;
	o.n_disable = 1;
	c = new_checker(&o);
	check_text(c, "The goverment said.", NULL, &k);
	expect_no_finding(&k, "spelling.", NULL);
	checked_release(&k);
	checker_free(c);
}

/* Check s alone and return its first unknown word's first suggestion
 * (a copy), or NULL. */
static char *first_suggestion_alone(const char *s)
{
	struct checked k;
	char *out = NULL;

	check_text(NULL, s, NULL, &k);
	for (size_t i = 0; i < k.l.n && !out; i++)
		if (strcmp(k.l.v[i].rule, "spelling.unknown-word") == 0 &&
		    k.l.v[i].n_suggestions)
			out = strdup(k.l.v[i].suggestions[0]);
	checked_release(&k);
	return out;
}

Test(spelling, every_misspelling_gets_the_suggestions_it_gets_alone,
     .timeout = 120)
{
	static const char *const base[] = {
		"government", "international", "information", "development",
		"environment", "management", "production", "administration",
		"organization", "relationship", "investigation", "considerable",
		"understanding", "particularly", "independence", "communication",
		"agricultural", "presidential", "establishment", "intelligence",
		"neighborhood", "constitution", "significantly", "unemployment",
		"representative", "infrastructure", "responsibility",
		"negotiations", "distribution", "appropriately",
	};
	struct buf b = BUF_INIT;
	struct checked k;
	size_t n_words = 0, with = 0, same = 0, right = 0;

	/* 30 words x 10 letters left out: 300 distinct misspellings in one
	 * document; no budget: each gets suggestions, the same first one as
	 * in a document of its own */
	for (size_t i = 0; i < ARRAY_SIZE(base); i++)
		for (size_t j = 0; j < 10; j++) { /* all are >= 10 letters */
			buf_addf(&b, "%.*s%s ", (int)j, base[i], base[i] + j + 1);
			n_words++;
		}
	buf_adds(&b, "\n");
	check_text(NULL, b.buf, NULL, &k);
	for (size_t i = 0; i < k.l.n; i++) {
		const struct diag *d = &k.l.v[i];
		char alone[64], *top;

		if (strcmp(d->rule, "spelling.unknown-word") != 0)
			continue;
		cr_expect(d->n_suggestions > 0, "%s: none", d->message);
		if (!d->n_suggestions)
			continue;
		with++;
		snprintf(alone, sizeof(alone), "%s\n", finding_text(k.doc, d));
		top = first_suggestion_alone(alone);
		same += top && strcmp(top, d->suggestions[0]) == 0;
		for (size_t w = 0; w < ARRAY_SIZE(base); w++)
			right += strcmp(d->suggestions[0], base[w]) == 0;
		free(top);
	}
	cr_expect_geq(with, n_words * 9 / 10, "%zu of %zu", with, n_words);
	cr_expect_eq(same, with);
	/* one letter left out of a long word: the word itself, nearly always */
	cr_expect_geq(right, with * 9 / 10, "top-1 right: %zu of %zu", right,
		      with);
	checked_release(&k);
	buf_release(&b);
}

/* --lang en-GB (BCP 47, as editors send it) is en_GB. */
Test(spelling, bcp47_language_tag_is_accepted)
{
	static const char *const tags[] = { "en-GB", "en_gb", "EN-gb" };

	for (size_t i = 0; i < ARRAY_SIZE(tags); i++) {
		struct checker_options o = CHECKER_OPTIONS_INIT;
		struct checker *c;
		struct checked k;

		o.lang = tags[i];
		c = new_checker(&o);
		check_text(c, "Their behavior was odd.", NULL, &k);
		expect_finding(&k, "spelling.dialect-variant", "behavior",
			       "behaviour");
		checked_release(&k);
		checker_free(c);
	}
}
