/*
 * reference: names, numbers and dates against a reference article; names
 * spelt two ways in one article. The command line end to end is in
 * fixtures/golden (fixture-pair, score-*, reference-*).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "util/buf.h"
#include "reference/reference.h"

/* No finding on names, numbers or dates (the word rules' info findings
 * these pairs may well have are not asked about). */
#define expect_no_fact(k)                                                 \
	do {                                                              \
		expect_no_finding(k, "reference.name-mismatch", NULL);    \
		expect_no_finding(k, "reference.number-mismatch", NULL);  \
		expect_no_finding(k, "reference.date-mismatch", NULL);    \
	} while (0)

Test(reference, near_miss_with_same_first_name)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "Dmitry Pskov, a spokesman for the president, said the "
		   "move was hostile.",
		   "The talks failed.\n\nKremlin spokesman Dmitry Peskov "
		   "said the US wanted to destroy relations.",
		   &p);
	d = expect_finding(&p, "reference.name-mismatch", "Pskov", "Peskov");
	cr_expect_eq(d->n_suggestions, 1);
	cr_expect_eq(d->severity, MT_SEV_ERROR);
	cr_assert(d->evidence);
	cr_expect_eq(d->evidence->line, 3);
	cr_expect_eq(d->evidence->column, 19);
	cr_expect_str_eq(d->evidence->text, "Dmitry Peskov");
	cr_expect(strstr(d->evidence->context, "Kremlin spokesman"));
	cr_expect(d->evidence->score > 0.85);
	checked_release(&p);
}

Test(reference, real_word_loses_to_the_name_in_context)
{
	struct checked p;
	const struct diag *d;

	/* "Pskov" is in the reference too, as a city; the article's "Dmitry
	 * Pskov" is the reference's "Dmitry Peskov" */
	check_text(NULL, "Dmitry Pskov said the talks in Pskov had failed.",
		   "Dmitry Peskov said the talks had failed. The city of "
		   "Pskov was calm.",
		   &p);
	cr_assert_eq(count_findings(&p.l, "reference.name-mismatch"), 1, "%s",
		     findings_dump(p.doc, &p.l));
	d = expect_finding(&p, "reference.name-mismatch", "Pskov", "Peskov");
	cr_expect_eq(d->span.start, 7);
	checked_release(&p);
}

Test(reference, names_absent_from_reference_not_flagged)
{
	struct checked p;

	check_text(NULL, "Foreign Minister Sergei Lavrov proposed a response. "
		   "Iraq was not mentioned.",
		   "Kremlin spokesman Dmitry Peskov said the US wanted to "
		   "destroy relations. Iran was not involved.",
		   &p);
	expect_no_fact(&p);
	checked_release(&p);
}

Test(reference, short_name_needs_context)
{
	struct checked p;

	/* Iran / Iraq: one letter apart, nothing else in common */
	check_text(NULL, "Officials in Iraq reported heavy rain in the north.",
		   "The president of Iran met the delegation on Friday.",
		   &p);
	expect_no_finding(&p, "reference.name-mismatch", NULL);
	checked_release(&p);
}

Test(reference, different_script_or_diacritics)
{
	struct checked p;

	check_text(NULL, "Kremlin spokesman Dmitry Peskóv said it was hostile.",
		   "Kremlin spokesman Dmitry Peskov said it was hostile.", &p);
	expect_finding(&p, "reference.name-mismatch", NULL, "Peskov");
	checked_release(&p);
}

Test(reference, possessive_matches_plain_name)
{
	struct checked p;

	check_text(NULL, "Later, Putin’s country and Mr Peskov's office denied it.",
		   "Vladimir Putin's country denied it, Mr Peskov said.", &p);
	expect_no_fact(&p);
	checked_release(&p);
}

Test(reference, number_mismatch_with_fix)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "The US is to expel 36 Russian diplomats in response to "
		   "harassment.",
		   "The US is to expel 35 Russian diplomats in response to "
		   "harassment.",
		   &p);
	d = expect_finding(&p, "reference.number-mismatch", "36", "35");
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_assert(d->evidence);
	cr_expect_str_eq(d->evidence->text, "35 Russian diplomats");
	checked_release(&p);
}

Test(reference, article_saying_more_is_not_a_mismatch)
{
	struct checked p;

	check_text(NULL, "The US expelled 35 diplomats and 2 diplomats stayed in "
		   "Washington.",
		   "The US expelled 35 diplomats from Washington.", &p);
	expect_no_fact(&p);
	checked_release(&p);
}

Test(reference, equivalent_units_agree)
{
	struct checked p;

	check_text(NULL, "The diplomats were given 72 hours to leave the country.",
		   "The diplomats will have three days to leave the country.",
		   &p);
	expect_no_fact(&p);
	checked_release(&p);
}

Test(reference, unit_mismatch_in_articles_unit)
{
	struct checked p;

	check_text(NULL, "The diplomats were given 48 hours to leave the country.",
		   "The diplomats will have three days to leave the country.",
		   &p);
	expect_finding(&p, "reference.number-mismatch", NULL, "72");
	checked_release(&p);
}

Test(reference, numbers_in_unrelated_sentences_not_compared)
{
	struct checked p;

	check_text(NULL, "Two officials resigned after the storm hit the coast.",
		   "Three officials said the sanctions were a response to "
		   "hacking.",
		   &p);
	expect_no_fact(&p);
	checked_release(&p);
}

Test(reference, date_mismatch)
{
	struct checked p;

	check_text(NULL, "The sanctions were announced on 2016-12-28 in Washington.",
		   "The sanctions were announced on 2016-12-29 in Washington.",
		   &p);
	expect_finding(&p, "reference.date-mismatch", NULL, "2016-12-29");
	checked_release(&p);
}

Test(reference, reference_against_itself_is_clean)
{
	struct checked p;
	char *text = read_data_file("fixtures/reference-article.txt", NULL);

	check_text(NULL, text, text, &p);
	expect_no_fact(&p);
	expect_no_finding(&p, "names.", NULL);
	checked_release(&p);
	free(text);
}

Test(reference, inconsistent_spelling_without_reference)
{
	struct checked p;

	check_text(NULL, "Dmitry Peskov said the move was hostile. Later, Dmitry "
		   "Peskov added that Moscow would respond. Dmitry Pskov "
		   "then left.",
		   NULL, &p);
	expect_finding(&p, "names.inconsistent", "Pskov", "Peskov");
	cr_expect_eq(count_findings(&p.l, "names."), 1, "%s",
		     findings_dump(p.doc, &p.l));
	checked_release(&p);
}

Test(reference, different_people_not_inconsistent)
{
	struct checked p;

	/* two real names one letter apart, nothing shared around them */
	check_text(NULL, "Maria Jonson met the mayor. Peter Johnson met the press.",
		   NULL, &p);
	expect_no_finding(&p, "names.", NULL);
	checked_release(&p);
	/* a shared surname: two people of one family */
	check_text(NULL, "Joan Smith is president of the company. John Smith, "
		   "her brother, is not.",
		   NULL, &p);
	expect_no_finding(&p, "names.", NULL);
	checked_release(&p);
}

Test(reference, spelling_on_the_same_span_is_dropped)
{
	struct arena a = ARENA_INIT;
	struct diag_list l;
	struct span name = { 7, 12 }, other = { 20, 25 };

	diag_list_init(&l, &a);
	diag_add(&l, "spelling.unknown-word", "fluency/spelling",
		 MT_SEV_ERROR, name, "unknown word");
	diag_add(&l, "spelling.unknown-word", "fluency/spelling",
		 MT_SEV_ERROR, other, "unknown word");
	diag_add(&l, "grammar.repeated-word", "fluency/grammar", MT_SEV_ERROR,
		 name, "x");
	diag_add(&l, "reference.name-mismatch", "accuracy/mistranslation",
		 MT_SEV_ERROR, (struct span){ 8, 12 }, "name");
	reference_drop_superseded(&l, 3);
	cr_assert_eq(l.n, 3);
	cr_expect_eq(l.v[0].span.start, 20);
	cr_expect_str_eq(l.v[1].rule, "grammar.repeated-word");
	cr_expect_str_eq(l.v[2].rule, "reference.name-mismatch");
	diag_list_release(&l);
	arena_release(&a);
}

Test(reference, parallel_reference_compares_numbers_in_the_aligned_sentence)
{
	struct checked p;
	const char *art = "The lab team grew 400 samples in the cold room last "
			  "winter. The results came in March. Everyone was "
			  "pleased with them.";
	const char *ref = "The lab team grew samples in the cold room last "
			  "winter. The results came in March. Everyone was "
			  "pleased with them. In the cold room the lab team "
			  "later counted 90 samples.";

	/* the counted samples are another statement, not the grown ones */
	check_text(NULL, art, ref, &p);
	cr_expect_str_eq(p.l.summary.reference_kind, "parallel");
	cr_expect_eq(count_findings(&p.l, "reference.number-mismatch"), 0);
	checked_release(&p);
}

Test(reference, a_repeated_number_changed_once_is_found)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "The cipher shifts each letter 13 places, and the decoder "
		   "shifts it back 15 places.",
		   "The cipher shifts each letter 13 places, and the decoder "
		   "shifts it back 13 places.",
		   &p);
	d = expect_finding(&p, "reference.number-mismatch", NULL, NULL);
	cr_expect_str_eq(finding_text(p.doc, d), "15");
	cr_expect_str_eq(d->suggestions[0], "13");
	checked_release(&p);
	/* both numbers the article gives are the reference's */
	check_text(NULL, "The heater reaches 60 degrees, 40 or 44 degrees more than "
		   "the room.",
		   "The heater reaches 40 or 44 degrees more than the room.",
		   &p);
	cr_expect_eq(count_findings(&p.l, "reference.number-mismatch"), 0);
	checked_release(&p);
}

/* --- reference kind, word rules, suggestions (wording.h) ---------------- */

Test(reference, kind_parallel_for_a_translation_of_the_same_text)
{
	struct checked p;

	check_text(NULL, "The river rose quickly after the storm. Farmers moved "
		   "their cattle to the hills. The bridge was closed for two "
		   "days. Engineers inspected it on Friday.",
		   "After the storm the river rose fast. Farmers took their "
		   "cattle up into the hills. The bridge stayed closed for "
		   "two days. On Friday engineers inspected it.",
		   &p);
	cr_expect_str_eq(p.l.summary.reference_kind, "parallel");
	cr_expect_eq(p.l.summary.aligned, 4);
	cr_expect_eq(p.l.summary.of, 4);
	checked_release(&p);
}

Test(reference, kind_comparable_for_another_article)
{
	struct checked p;
	char *art = read_data_file("fixtures/mt-article.txt", NULL);
	char *ref = read_data_file("fixtures/reference-article.txt", NULL);

	check_text(NULL, art, ref, &p);
	cr_expect_str_eq(p.l.summary.reference_kind, "comparable");
	cr_expect_lt(p.l.summary.aligned, p.l.summary.of);
	checked_release(&p);
	free(art);
	free(ref);
}

Test(reference, no_reference_no_kind)
{
	struct checked p;

	check_text(NULL, "The river rose quickly after the storm.", NULL, &p);
	cr_expect_null(p.l.summary.reference_kind);
	checked_release(&p);
}

Test(reference, word_choice_quotes_the_reference_word)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "The minister praised the brave decision on Tuesday.",
		   "The minister praised the rash decision on Tuesday.", &p);
	d = expect_finding(&p, "reference.word-choice", "brave", NULL);
	cr_expect(strstr(d->message, "'rash'"), "%s",
		  d->message);
	cr_expect_eq(d->n_suggestions, 0); /* not a lookalike */
	cr_expect_eq(d->severity, MT_SEV_INFO);
	cr_assert(d->evidence);
	cr_expect_str_eq(d->evidence->text, "rash");
	cr_expect_str_eq(d->evidence->context,
			 "The minister praised the rash decision on Tuesday.");
	cr_expect_eq(count_findings(&p.l, "reference.word-choice"), 1);
	checked_release(&p);
}

Test(reference, word_choice_lookalike_gets_the_reference_word)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "The regime continued to prosecute religious minorities "
		   "for years.",
		   "The regime continued to persecute religious minorities "
		   "for years.",
		   &p);
	d = expect_finding(&p, "reference.word-choice", "prosecute", NULL);
	cr_assert_eq(d->n_suggestions, 1);
	cr_expect_str_eq(d->suggestions[0], "persecute");
	cr_expect(strstr(d->message, "lookalike") ||
		  strstr(d->message, "slip"));
	checked_release(&p);
}

Test(reference, word_choice_accepts_synonyms_and_inflections)
{
	struct checked p;

	/* began/started, big/large (WordNet), constructing/constructed
	 * (stem), a different order of the same words */
	check_text(NULL, "The company started constructing a large factory near "
		   "the harbour.",
		   "Near the harbour the company began construction of a "
		   "big factory.",
		   &p);
	cr_expect_eq(count_findings(&p.l, "reference.word-choice"), 0);
	checked_release(&p);
	/* a sentence with no counterpart is never compared */
	check_text(NULL, "The orchestra played until midnight.",
		   "Parliament voted on the budget.", &p);
	cr_expect_eq(count_findings(&p.l, "reference."), 0);
	checked_release(&p);
}

Test(reference, omission_and_addition_with_a_parallel_reference)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "The council approved the budget on Monday.",
		   "The council approved the annual budget on Monday.", &p);
	d = expect_finding(&p, "reference.omission", NULL, NULL);
	cr_expect(strstr(d->message, "'annual'"), "%s",
		  d->message);
	cr_assert(d->evidence);
	cr_expect_str_eq(d->evidence->text, "annual");
	checked_release(&p);

	check_text(NULL, "The council quickly approved the budget on Monday.",
		   "The council approved the budget on Monday.", &p);
	d = expect_finding(&p, "reference.addition", NULL, NULL);
	cr_expect_str_eq(finding_text(p.doc, d), "quickly");
	cr_expect_eq(count_findings(&p.l, "reference.omission"), 0);
	checked_release(&p);

	/* the same words, nothing missing or added */
	check_text(NULL, "The council approved the budget on Monday.",
		   "On Monday the council approved the budget.", &p);
	cr_expect_eq(count_findings(&p.l, "reference.omission"), 0);
	cr_expect_eq(count_findings(&p.l, "reference.addition"), 0);
	checked_release(&p);
}

Test(reference, misspelling_gets_the_reference_form_first)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "The embassy tweeded a photograph of the ambassador.",
		   "The embassy tweeted a photograph of the ambassador.", &p);
	d = expect_finding(&p, "spelling.unknown-word", "tweeded", NULL);
	cr_assert_gt(d->n_suggestions, 1);
	cr_expect_str_eq(d->suggestions[0], "tweeted");
	cr_expect(strstr(d->message, "the reference has 'tweeted'"),
		  "%s", d->message);
	cr_assert(d->evidence);
	cr_expect_str_eq(d->evidence->text, "tweeted");
	/* said once, by the spelling finding */
	cr_expect_eq(count_findings(&p.l, "reference.word-choice"), 0);
	checked_release(&p);

	/* nothing close in the reference: the speller's order stands */
	check_text(NULL, "The embassy tweeded a photograph of the ambassador.",
		   "The embassy published a photograph of the ambassador.",
		   &p);
	d = expect_finding(&p, "spelling.unknown-word", "tweeded", NULL);
	cr_expect_null(strstr(d->message, "the reference has"));
	checked_release(&p);
}

Test(reference, other_fixes_follow_the_reference_wording)
{
	struct checked p;
	const struct diag *d;

	check_text(NULL, "They dismissed accusations corruption in the vote.",
		   "They dismissed accusations about corruption in the "
		   "vote.",
		   &p);
	d = expect_finding(&p, "grammar.missing-preposition-plural", NULL, NULL);
	cr_assert_gt(d->n_suggestions, 1);
	cr_expect_str_eq(d->suggestions[0],
			 "accusations about corruption");
	cr_assert(d->evidence);
	cr_expect_str_eq(d->evidence->text,
			 "accusations about corruption");
	checked_release(&p);
}

Test(reference, fixture_pair_word_rules)
{
	struct checked p;
	char *art = read_data_file("fixtures/mt-article.txt", NULL);
	char *ref = read_data_file("fixtures/reference-article.txt", NULL);
	int n = 0;

	check_text(NULL, art, ref, &p);
	/* a comparable reference: no omission or addition */
	cr_expect_eq(count_findings(&p.l, "reference.omission"), 0);
	cr_expect_eq(count_findings(&p.l, "reference.addition"), 0);
	/* word choices inside the sentences the reference also carries,
	 * each quoting the reference's word */
	for (size_t i = 0; i < p.l.n; i++)
		if (strcmp(p.l.v[i].rule, "reference.word-choice") == 0) {
			cr_assert(p.l.v[i].evidence);
			cr_expect(strstr(p.l.v[i].message,
					 p.l.v[i].evidence->text));
			n++;
		}
	cr_expect_geq(n, 2);
	checked_release(&p);
	/* the reference against itself: nothing to say */
	check_text(NULL, ref, ref, &p);
	cr_expect_eq(count_findings(&p.l, "reference."), 0);
	cr_expect_str_eq(p.l.summary.reference_kind, "parallel");
	checked_release(&p);
	free(art);
	free(ref);
}

Test(reference, reference_kind_option_and_json)
{
	struct run_result r;

	run_mtlint("--format json --reference fixtures/reference-article.txt "
		   "fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_assert(r.out);
	cr_expect(strstr(r.out, "\"kind\": \"comparable\""), "%s", r.out);
	cr_expect(strstr(r.out, "\"aligned\": "));
	cr_expect(strstr(r.out, "\"of\": "));
	run_result_release(&r);
	run_mtlint("--format json --reference-kind parallel --reference "
		   "fixtures/reference-article.txt fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_assert(r.out);
	cr_expect(strstr(r.out, "\"kind\": \"parallel\""));
	run_result_release(&r);
	/* no reference, no "reference" object */
	run_mtlint("--format json fixtures/reference-article.txt", NULL, 0, &r);
	cr_assert(r.out);
	cr_expect_null(strstr(r.out, "\"kind\""));
	run_result_release(&r);
	run_mtlint("--reference-kind sideways --reference "
		   "fixtures/reference-article.txt fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	cr_expect(r.err && strstr(r.err, "sideways"));
	run_result_release(&r);
}
