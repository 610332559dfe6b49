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
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
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
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
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
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
	pair_free(&p);
}

Test(reference, equivalent_units_agree)
{
	struct pair p;

	check_pair("The diplomats were given 72 hours to leave the country.",
		   "The diplomats will have three days to leave the country.",
		   &p);
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
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
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
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
	cr_expect_eq(count_rule(&p.l, "reference."), 0);
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
