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
#include "reference/reference.h"

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
	expect_no_finding(&p, "reference.", NULL);
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
	expect_no_finding(&p, "reference.", NULL);
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
	expect_no_finding(&p, "reference.", NULL);
	checked_release(&p);
}

Test(reference, equivalent_units_agree)
{
	struct checked p;

	check_text(NULL, "The diplomats were given 72 hours to leave the country.",
		   "The diplomats will have three days to leave the country.",
		   &p);
	expect_no_finding(&p, "reference.", NULL);
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
	expect_no_finding(&p, "reference.", NULL);
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
	expect_no_finding(&p, "reference.", NULL);
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
