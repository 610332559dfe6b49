/*
 * reference: names, numbers and dates against a reference article; names
 * spelt two ways in one article; the command line end to end.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "util/buf.h"
#include "reference/reference.h"

struct pair {
	struct document *doc, *ref;
	struct diag_list l;
};

static void check_pair(const char *art, const char *ref, struct pair *p)
{
	struct mt_error err = { 0 };

	p->doc = load_str(art);
	p->ref = ref ? load_str(ref) : NULL;
	diag_list_init(&p->l, &p->doc->arena);
	cr_assert_eq(checker_check(test_checker(), p->doc, p->ref, &p->l, &err),
		     MT_ERR_OK, "%s", err.msg);
	assert_diags_sane(p->doc, &p->l);
}

static void pair_free(struct pair *p)
{
	diag_list_release(&p->l);
	document_free(p->doc);
	document_free(p->ref);
}

static int count_rule(const struct diag_list *l, const char *prefix)
{
	int n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += strncmp(l->v[i].rule, prefix, strlen(prefix)) == 0;
	return n;
}

/* Findings on names, numbers and dates (not the word rules, whose info
 * findings these pairs may well have). */
static int count_facts(const struct diag_list *l)
{
	return count_rule(l, "reference.name-mismatch") +
	       count_rule(l, "reference.number-mismatch") +
	       count_rule(l, "reference.date-mismatch");
}

static const char *span_text(const struct pair *p, const struct diag *d)
{
	static char b[256];

	snprintf(b, sizeof(b), "%.*s", (int)(d->span.end - d->span.start),
		 p->doc->text + d->span.start);
	return b;
}

Test(reference, near_miss_with_same_first_name)
{
	struct pair p;
	int i;

	check_pair("Dmitry Pskov, a spokesman for the president, said the "
		   "move was hostile.",
		   "The talks failed.\n\nKremlin spokesman Dmitry Peskov "
		   "said the US wanted to destroy relations.",
		   &p);
	i = find_diag(&p.l, "reference.name-mismatch");
	cr_assert(i >= 0);
	cr_expect_str_eq(span_text(&p, &p.l.v[i]), "Pskov");
	cr_assert_eq(p.l.v[i].n_suggestions, 1);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "Peskov");
	cr_expect_eq(p.l.v[i].severity, MT_SEV_ERROR);
	cr_assert(p.l.v[i].evidence);
	cr_expect_eq(p.l.v[i].evidence->line, 3);
	cr_expect_eq(p.l.v[i].evidence->column, 19);
	cr_expect_str_eq(p.l.v[i].evidence->text, "Dmitry Peskov");
	cr_expect(strstr(p.l.v[i].evidence->context, "Kremlin spokesman"));
	cr_expect(p.l.v[i].evidence->score > 0.85);
	pair_free(&p);
}

Test(reference, real_word_loses_to_the_name_in_context)
{
	struct pair p;
	int i;

	/* "Pskov" is in the reference too, as a city; the article's "Dmitry
	 * Pskov" is the reference's "Dmitry Peskov" */
	check_pair("Dmitry Pskov said the talks in Pskov had failed.",
		   "Dmitry Peskov said the talks had failed. The city of "
		   "Pskov was calm.",
		   &p);
	cr_assert_eq(count_rule(&p.l, "reference.name-mismatch"), 1);
	i = find_diag(&p.l, "reference.name-mismatch");
	cr_expect_eq(p.l.v[i].span.start, 7);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "Peskov");
	pair_free(&p);
}

Test(reference, names_absent_from_reference_not_flagged)
{
	struct pair p;

	check_pair("Foreign Minister Sergei Lavrov proposed a response. "
		   "Iraq was not mentioned.",
		   "Kremlin spokesman Dmitry Peskov said the US wanted to "
		   "destroy relations. Iran was not involved.",
		   &p);
	cr_expect_eq(count_facts(&p.l), 0);
	pair_free(&p);
}

Test(reference, short_name_needs_context)
{
	struct pair p;

	/* Iran / Iraq: one letter apart, nothing else in common */
	check_pair("Officials in Iraq reported heavy rain in the north.",
		   "The president of Iran met the delegation on Friday.",
		   &p);
	cr_expect_eq(count_rule(&p.l, "reference.name-mismatch"), 0);
	pair_free(&p);
}

Test(reference, different_script_or_diacritics)
{
	struct pair p;
	int i;

	check_pair("Kremlin spokesman Dmitry Peskóv said it was hostile.",
		   "Kremlin spokesman Dmitry Peskov said it was hostile.", &p);
	i = find_diag(&p.l, "reference.name-mismatch");
	cr_assert(i >= 0);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "Peskov");
	pair_free(&p);
}

Test(reference, possessive_matches_plain_name)
{
	struct pair p;

	check_pair("Later, Putin’s country and Mr Peskov's office denied it.",
		   "Vladimir Putin's country denied it, Mr Peskov said.", &p);
	cr_expect_eq(count_facts(&p.l), 0);
	pair_free(&p);
}

Test(reference, number_mismatch_with_fix)
{
	struct pair p;
	int i;

	check_pair("The US is to expel 36 Russian diplomats in response to "
		   "harassment.",
		   "The US is to expel 35 Russian diplomats in response to "
		   "harassment.",
		   &p);
	i = find_diag(&p.l, "reference.number-mismatch");
	cr_assert(i >= 0);
	cr_expect_str_eq(span_text(&p, &p.l.v[i]), "36");
	cr_expect_str_eq(p.l.v[i].suggestions[0], "35");
	cr_expect_eq(p.l.v[i].severity, MT_SEV_WARNING);
	cr_assert(p.l.v[i].evidence);
	cr_expect_str_eq(p.l.v[i].evidence->text, "35 Russian diplomats");
	pair_free(&p);
}

Test(reference, article_saying_more_is_not_a_mismatch)
{
	struct pair p;

	check_pair("The US expelled 35 diplomats and 2 diplomats stayed in "
		   "Washington.",
		   "The US expelled 35 diplomats from Washington.", &p);
	cr_expect_eq(count_facts(&p.l), 0);
	pair_free(&p);
}

Test(reference, equivalent_units_agree)
{
	struct pair p;

	check_pair("The diplomats were given 72 hours to leave the country.",
		   "The diplomats will have three days to leave the country.",
		   &p);
	cr_expect_eq(count_facts(&p.l), 0);
	pair_free(&p);
}

Test(reference, unit_mismatch_in_articles_unit)
{
	struct pair p;
	int i;

	check_pair("The diplomats were given 48 hours to leave the country.",
		   "The diplomats will have three days to leave the country.",
		   &p);
	i = find_diag(&p.l, "reference.number-mismatch");
	cr_assert(i >= 0);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "72");
	pair_free(&p);
}

Test(reference, numbers_in_unrelated_sentences_not_compared)
{
	struct pair p;

	check_pair("Two officials resigned after the storm hit the coast.",
		   "Three officials said the sanctions were a response to "
		   "hacking.",
		   &p);
	cr_expect_eq(count_facts(&p.l), 0);
	pair_free(&p);
}

Test(reference, date_mismatch)
{
	struct pair p;
	int i;

	check_pair("The sanctions were announced on 2016-12-28 in Washington.",
		   "The sanctions were announced on 2016-12-29 in Washington.",
		   &p);
	i = find_diag(&p.l, "reference.date-mismatch");
	cr_assert(i >= 0);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "2016-12-29");
	pair_free(&p);
}

Test(reference, reference_against_itself_is_clean)
{
	struct pair p;
	char *text;
	size_t n;
	FILE *f = fopen("fixtures/reference-article.txt", "rb");

	cr_assert(f);
	text = calloc(1, 1 << 16);
	n = fread(text, 1, (1 << 16) - 1, f);
	fclose(f);
	text[n] = 0;
	check_pair(text, text, &p);
	cr_expect_eq(count_facts(&p.l), 0);
	cr_expect_eq(count_rule(&p.l, "names."), 0);
	pair_free(&p);
	free(text);
}

Test(reference, inconsistent_spelling_without_reference)
{
	struct pair p;
	int i;

	check_pair("Dmitry Peskov said the move was hostile. Later, Dmitry "
		   "Peskov added that Moscow would respond. Dmitry Pskov "
		   "then left.",
		   NULL, &p);
	i = find_diag(&p.l, "names.inconsistent");
	cr_assert(i >= 0);
	cr_expect_str_eq(span_text(&p, &p.l.v[i]), "Pskov");
	cr_expect_str_eq(p.l.v[i].suggestions[0], "Peskov");
	cr_expect_eq(count_rule(&p.l, "names."), 1);
	pair_free(&p);
}

Test(reference, different_people_not_inconsistent)
{
	struct pair p;

	/* two real names one letter apart, nothing shared around them */
	check_pair("Maria Jonson met the mayor. Peter Johnson met the press.",
		   NULL, &p);
	cr_expect_eq(count_rule(&p.l, "names."), 0);
	pair_free(&p);
	/* a shared surname: two people of one family */
	check_pair("Joan Smith is president of the company. John Smith, "
		   "her brother, is not.",
		   NULL, &p);
	cr_expect_eq(count_rule(&p.l, "names."), 0);
	pair_free(&p);
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

/* --- end to end ---------------------------------------------------------- */

Test(reference, fixture_pair_end_to_end)
{
	struct run_result r;

	run_mtlint("--format json --reference fixtures/reference-article.txt "
		   "fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_expect_eq(r.status, 1, "stderr: %s", r.err);
	cr_assert(r.out);
	cr_expect(strstr(r.out, "\"rule\": \"reference.name-mismatch\""));
	cr_expect(strstr(r.out, "\"text\": \"Pskov\""));
	cr_expect(strstr(r.out, "\"Peskov\""));
	cr_expect(strstr(r.out, "\"path\": \"fixtures/reference-article.txt\""));
	cr_expect(strstr(r.out, "\"line\": 13"));
	/* 35 diplomats, 72 hours = three days: numbers that agree */
	cr_expect(!strstr(r.out, "reference.number-mismatch"));
	cr_expect(!strstr(r.out, "reference.date-mismatch"));
	run_result_release(&r);
}

Test(reference, text_output_shows_evidence)
{
	struct run_result r;

	run_mtlint("--reference fixtures/reference-article.txt "
		   "fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_assert(r.out);
	cr_expect(strstr(r.out, "suggestion: Peskov"));
	cr_expect(strstr(r.out, "fixtures/reference-article.txt:13:19"));
	run_result_release(&r);
}

Test(reference, score_command)
{
	struct run_result r;

	run_mtlint("score --reference fixtures/reference-article.txt "
		   "fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_expect_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(r.out);
	/* different line counts: whole-document scores, said so */
	cr_expect(strstr(r.out, "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|"
				"space:no|version:"));
	cr_expect(strstr(r.out, "|doc:whole = "));
	cr_expect(strstr(r.out, "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|"
				"smooth:exp|version:"));
	cr_expect(strstr(r.out, "lines against"));
	cr_expect(strstr(r.out, "counterpart in the reference"));
	run_result_release(&r);

	/* the same text scores 100 */
	run_mtlint("score --reference fixtures/reference-article.txt "
		   "fixtures/reference-article.txt",
		   NULL, 0, &r);
	cr_assert(r.out);
	cr_expect(strstr(r.out, "space:no|version:2.4.3 = 100.00"), "%s",
		  r.out);
	cr_expect(strstr(r.out, "smooth:exp|version:2.4.3 = 100.00"));
	run_result_release(&r);
}

Test(reference, score_usage_errors)
{
	struct run_result r;

	run_mtlint("score fixtures/mt-article.txt", NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	cr_expect(r.err && strstr(r.err, "--reference"));
	run_result_release(&r);
	run_mtlint("score --reference /nonexistent/ref.txt "
		   "fixtures/mt-article.txt",
		   NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	cr_expect(r.err && strstr(r.err, "/nonexistent/ref.txt"));
	run_result_release(&r);
	run_mtlint("score --reference fixtures/reference-article.txt "
		   "/nonexistent/a.txt",
		   NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	run_result_release(&r);
}

Test(reference, empty_and_binary_reference)
{
	struct run_result r;
	char *empty = write_temp("", 0, ".txt");
	char *bin = write_temp("ab\0cd", 5, ".txt");
	char args[512];

	snprintf(args, sizeof(args), "--reference %s fixtures/mt-article.txt",
		 empty);
	run_mtlint(args, NULL, 0, &r);
	cr_expect(r.status == 0 || r.status == 1, "status %d: %s", r.status,
		  r.err);
	run_result_release(&r);
	snprintf(args, sizeof(args), "--reference %s fixtures/mt-article.txt",
		 bin);
	run_mtlint(args, NULL, 0, &r);
	cr_expect_eq(r.status, 2);
	run_result_release(&r);
	snprintf(args, sizeof(args), "score --reference %s %s", empty, empty);
	run_mtlint(args, NULL, 0, &r);
	cr_expect_eq(r.status, 0, "%s", r.err);
	run_result_release(&r);
	unlink(empty);
	unlink(bin);
	free(empty);
	free(bin);
}

Test(reference, parallel_reference_compares_numbers_in_the_aligned_sentence)
{
	struct pair p;
	const char *art = "The lab team grew 400 samples in the cold room last "
			  "winter. The results came in March. Everyone was "
			  "pleased with them.";
	const char *ref = "The lab team grew samples in the cold room last "
			  "winter. The results came in March. Everyone was "
			  "pleased with them. In the cold room the lab team "
			  "later counted 90 samples.";

	/* the counted samples are another statement, not the grown ones */
	check_pair(art, ref, &p);
	cr_expect_str_eq(p.l.summary.reference_kind, "parallel");
	cr_expect_eq(count_rule(&p.l, "reference.number-mismatch"), 0);
	pair_free(&p);
}

Test(reference, a_repeated_number_changed_once_is_found)
{
	struct pair p;
	int i;

	check_pair("The cipher shifts each letter 13 places, and the decoder "
		   "shifts it back 15 places.",
		   "The cipher shifts each letter 13 places, and the decoder "
		   "shifts it back 13 places.",
		   &p);
	i = find_diag(&p.l, "reference.number-mismatch");
	cr_assert(i >= 0);
	cr_expect_str_eq(span_text(&p, &p.l.v[i]), "15");
	cr_expect_str_eq(p.l.v[i].suggestions[0], "13");
	pair_free(&p);
	/* both numbers the article gives are the reference's */
	check_pair("The heater reaches 60 degrees, 40 or 44 degrees more than "
		   "the room.",
		   "The heater reaches 40 or 44 degrees more than the room.",
		   &p);
	cr_expect_eq(count_rule(&p.l, "reference.number-mismatch"), 0);
	pair_free(&p);
}

/* --- reference kind, word rules, suggestions (wording.h) ---------------- */

/* The text of fixtures/<name> (free()). */
static char *read_fixture(const char *name)
{
	struct buf b = BUF_INIT;
	char path[256];

	snprintf(path, sizeof(path), "fixtures/%s", name);
	cr_assert_eq(buf_read_file(&b, path, 0), 0, "cannot read %s", path);
	return buf_detach(&b, NULL);
}

/* The first diagnostic of `rule` on the article's text `what`, or -1. */
static int find_on(const struct pair *p, const char *rule, const char *what)
{
	for (size_t i = 0; i < p->l.n; i++)
		if (strcmp(p->l.v[i].rule, rule) == 0 &&
		    strcmp(span_text(p, &p->l.v[i]), what) == 0)
			return (int)i;
	return -1;
}

Test(reference, kind_parallel_for_a_translation_of_the_same_text)
{
	struct pair p;

	check_pair("The river rose quickly after the storm. Farmers moved "
		   "their cattle to the hills. The bridge was closed for two "
		   "days. Engineers inspected it on Friday.",
		   "After the storm the river rose fast. Farmers took their "
		   "cattle up into the hills. The bridge stayed closed for "
		   "two days. On Friday engineers inspected it.",
		   &p);
	cr_expect_str_eq(p.l.summary.reference_kind, "parallel");
	cr_expect_eq(p.l.summary.aligned, 4);
	cr_expect_eq(p.l.summary.of, 4);
	pair_free(&p);
}

Test(reference, kind_comparable_for_another_article)
{
	struct pair p;
	char *art = read_fixture("mt-article.txt");
	char *ref = read_fixture("reference-article.txt");

	check_pair(art, ref, &p);
	cr_expect_str_eq(p.l.summary.reference_kind, "comparable");
	cr_expect_lt(p.l.summary.aligned, p.l.summary.of);
	pair_free(&p);
	free(art);
	free(ref);
}

Test(reference, no_reference_no_kind)
{
	struct pair p;

	check_pair("The river rose quickly after the storm.", NULL, &p);
	cr_expect_null(p.l.summary.reference_kind);
	pair_free(&p);
}

Test(reference, word_choice_quotes_the_reference_word)
{
	struct pair p;
	int i;

	check_pair("The minister praised the brave decision on Tuesday.",
		   "The minister praised the rash decision on Tuesday.", &p);
	i = find_on(&p, "reference.word-choice", "brave");
	cr_assert(i >= 0);
	cr_expect(strstr(p.l.v[i].message, "'rash'"), "%s",
		  p.l.v[i].message);
	cr_expect_eq(p.l.v[i].n_suggestions, 0); /* not a lookalike */
	cr_expect_eq(p.l.v[i].severity, MT_SEV_INFO);
	cr_assert(p.l.v[i].evidence);
	cr_expect_str_eq(p.l.v[i].evidence->text, "rash");
	cr_expect_str_eq(p.l.v[i].evidence->context,
			 "The minister praised the rash decision on Tuesday.");
	cr_expect_eq(count_rule(&p.l, "reference.word-choice"), 1);
	pair_free(&p);
}

Test(reference, word_choice_lookalike_gets_the_reference_word)
{
	struct pair p;
	int i;

	check_pair("The regime continued to prosecute religious minorities "
		   "for years.",
		   "The regime continued to persecute religious minorities "
		   "for years.",
		   &p);
	i = find_on(&p, "reference.word-choice", "prosecute");
	cr_assert(i >= 0);
	cr_assert_eq(p.l.v[i].n_suggestions, 1);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "persecute");
	cr_expect(strstr(p.l.v[i].message, "lookalike") ||
		  strstr(p.l.v[i].message, "slip"));
	pair_free(&p);
}

Test(reference, word_choice_accepts_synonyms_and_inflections)
{
	struct pair p;

	/* began/started, big/large (WordNet), constructing/constructed
	 * (stem), a different order of the same words */
	check_pair("The company started constructing a large factory near "
		   "the harbour.",
		   "Near the harbour the company began construction of a "
		   "big factory.",
		   &p);
	cr_expect_eq(count_rule(&p.l, "reference.word-choice"), 0);
	pair_free(&p);
	/* a sentence with no counterpart is never compared */
	check_pair("The orchestra played until midnight.",
		   "Parliament voted on the budget.", &p);
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
	pair_free(&p);
}

Test(reference, omission_and_addition_with_a_parallel_reference)
{
	struct pair p;
	int i;

	check_pair("The council approved the budget on Monday.",
		   "The council approved the annual budget on Monday.", &p);
	i = find_diag(&p.l, "reference.omission");
	cr_assert(i >= 0);
	cr_expect(strstr(p.l.v[i].message, "'annual'"), "%s",
		  p.l.v[i].message);
	cr_assert(p.l.v[i].evidence);
	cr_expect_str_eq(p.l.v[i].evidence->text, "annual");
	pair_free(&p);

	check_pair("The council quickly approved the budget on Monday.",
		   "The council approved the budget on Monday.", &p);
	i = find_diag(&p.l, "reference.addition");
	cr_assert(i >= 0);
	cr_expect_str_eq(span_text(&p, &p.l.v[i]), "quickly");
	cr_expect_eq(count_rule(&p.l, "reference.omission"), 0);
	pair_free(&p);

	/* the same words, nothing missing or added */
	check_pair("The council approved the budget on Monday.",
		   "On Monday the council approved the budget.", &p);
	cr_expect_eq(count_rule(&p.l, "reference.omission"), 0);
	cr_expect_eq(count_rule(&p.l, "reference.addition"), 0);
	pair_free(&p);
}

Test(reference, misspelling_gets_the_reference_form_first)
{
	struct pair p;
	int i;

	check_pair("The embassy tweeded a photograph of the ambassador.",
		   "The embassy tweeted a photograph of the ambassador.", &p);
	i = find_on(&p, "spelling.unknown-word", "tweeded");
	cr_assert(i >= 0);
	cr_assert_gt(p.l.v[i].n_suggestions, 1);
	cr_expect_str_eq(p.l.v[i].suggestions[0], "tweeted");
	cr_expect(strstr(p.l.v[i].message, "the reference has 'tweeted'"),
		  "%s", p.l.v[i].message);
	cr_assert(p.l.v[i].evidence);
	cr_expect_str_eq(p.l.v[i].evidence->text, "tweeted");
	/* said once, by the spelling finding */
	cr_expect_eq(count_rule(&p.l, "reference.word-choice"), 0);
	pair_free(&p);

	/* nothing close in the reference: the speller's order stands */
	check_pair("The embassy tweeded a photograph of the ambassador.",
		   "The embassy published a photograph of the ambassador.",
		   &p);
	i = find_on(&p, "spelling.unknown-word", "tweeded");
	cr_assert(i >= 0);
	cr_expect_null(strstr(p.l.v[i].message, "the reference has"));
	pair_free(&p);
}

Test(reference, other_fixes_follow_the_reference_wording)
{
	struct pair p;
	int i;

	check_pair("Officials voiced allegations intervention in the vote.",
		   "Officials voiced allegations about intervention in the "
		   "vote.",
		   &p);
	i = find_diag(&p.l, "grammar.missing-preposition-plural");
	cr_assert(i >= 0);
	cr_assert_gt(p.l.v[i].n_suggestions, 1);
	cr_expect_str_eq(p.l.v[i].suggestions[0],
			 "allegations about intervention");
	cr_assert(p.l.v[i].evidence);
	cr_expect_str_eq(p.l.v[i].evidence->text,
			 "allegations about intervention");
	pair_free(&p);
}

Test(reference, fixture_pair_word_rules)
{
	struct pair p;
	char *art = read_fixture("mt-article.txt");
	char *ref = read_fixture("reference-article.txt");
	int n = 0;

	check_pair(art, ref, &p);
	/* a comparable reference: no omission or addition */
	cr_expect_eq(count_rule(&p.l, "reference.omission"), 0);
	cr_expect_eq(count_rule(&p.l, "reference.addition"), 0);
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
	pair_free(&p);
	/* the reference against itself: nothing to say */
	check_pair(ref, ref, &p);
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
	cr_expect_str_eq(p.l.summary.reference_kind, "parallel");
	pair_free(&p);
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
