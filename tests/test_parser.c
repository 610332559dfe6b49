/*
 * parser and grammar_parser: link-grammar behind parser.h, and the
 * whole-sentence grammar check built on it.  Kept few and short: each test
 * loads the dictionary (about 0.15 s, more under the sanitizers).
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "run/checker.h"
#include "grammar/parse.h"
#include "helpers.h"
#include "grammar/linkgrammar.h"
#include "grammar/repair.h"

static struct checker *make_checker(unsigned budget, int parser_only)
{
	/* parser_only: the other grammar rules (the rule engine's patterns,
	 * the built-in passes) off, so that the parser's own findings are
	 * tested, not the "reported once" suppression */
	static const char *const off[] = { "grammar" };
	static const char *const on[] = { "grammar.parse",
					  "grammar.parse-clause",
					  "grammar.parse-short",
					  "grammar.parse-unconfirmed" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;

	o.grammar_parser = 1;
	o.grammar_parser_max_sentences = budget;
	if (parser_only) {
		o.disable = off;
		o.n_disable = ARRAY_SIZE(off);
		o.enable = on;
		o.n_enable = ARRAY_SIZE(on);
	}
	if (checker_new(&o, &c, &err) != MT_ERR_OK)
		cr_assert_fail("checker_new: %s", err.msg);
	return c;
}

static struct checker *parser_checker(unsigned budget)
{
	return make_checker(budget, 0);
}

/* --- parser.h ------------------------------------------------------------ */

Test(parser, complete_unconnected_cache_and_limits)
{
	static const char *const good[] = { "The", "cat", "sat", "on",
					    "the", "mat", "." };
	static const char *const bad[] = { "The", "elect", "President",
					   "arrived", "yesterday", "." };
	struct parser_options po = { 0 };
	struct parser *p;
	struct mt_error err = { 0 };
	uint8_t u1[7], u2[6];
	struct parse_job jobs[2] = {
		{ .words = good, .n_words = 7, .unlinked = u1 },
		{ .words = bad, .n_words = 6, .unlinked = u2 },
	};
	struct parser_stats st;

	po.max_words = 10;
	cr_assert_eq(parser_open(&po, &p, &err), MT_ERR_OK, "%s", err.msg);
	parser_parse(p, jobs, 2);
	cr_expect_eq(jobs[0].status, PARSE_COMPLETE);
	cr_expect_eq(jobs[1].status, PARSE_NULLS);
	cr_expect(jobs[1].null_count >= 1);
	cr_expect(u2[1], "'elect' should be unconnected");
	cr_expect(!u2[3], "'arrived' is connected");
	cr_expect(!jobs[0].cached && !jobs[1].cached);

	/* the same sentences again: from the cache, same answer */
	memset(u2, 0, sizeof(u2));
	parser_parse(p, jobs, 2);
	cr_expect(jobs[0].cached && jobs[1].cached);
	cr_expect_eq(jobs[1].status, PARSE_NULLS);
	cr_expect(u2[1]);
	parser_get_stats(p, &st);
	cr_expect_eq(st.parsed, 2);
	cr_expect_eq(st.cache_hits, 2);

	parser_close(p);

	/* over max_words: not parsed */
	po.max_words = 3;
	cr_assert_eq(parser_open(&po, &p, &err), MT_ERR_OK);
	jobs[0].words = good;
	jobs[0].n_words = 7;
	parser_parse(p, jobs, 1);
	cr_expect_eq(jobs[0].status, PARSE_TOO_LONG);
	parser_close(p);
}

/* A failed parse says whether its best partial linkage still links a
 * subject to a finite verb (grammar.parse-clause trusts only such
 * clauses); the cache keeps the answer. */
Test(parser, partial_linkage_subject_link)
{
	static const char *const clause[] = { "They", "explained", "me",
					      "the",  "whole",	   "story",
					      "." };
	static const char *const fragment[] = { "Nothing", "but",   "dry",
						"grass",   "moving", "in",
						"the",	   "cold",   "wind",
						"." };
	struct parser_options po = { 0 };
	struct parser *p;
	struct mt_error err = { 0 };
	uint8_t u1[7], u2[10];
	struct parse_job jobs[2] = {
		{ .words = clause, .n_words = 7, .unlinked = u1 },
		{ .words = fragment, .n_words = 10, .unlinked = u2 },
	};

	cr_assert_eq(parser_open(&po, &p, &err), MT_ERR_OK, "%s", err.msg);
	for (int round = 0; round < 2; round++) {
		parser_parse(p, jobs, 2);
		cr_expect_eq(jobs[0].status, PARSE_NULLS);
		cr_expect_eq(jobs[1].status, PARSE_NULLS);
		cr_expect(jobs[0].has_subject, "'They explained' is a clause");
		cr_expect(!jobs[1].has_subject, "a verbless fragment");
		cr_expect_eq(jobs[0].cached, round == 1);
	}
	parser_close(p);
}

/* The cache is bounded by bytes; a sentence in use stays cached, the
 * others go; an evicted sentence parsed again gets the answer it had. */
Test(parser, cache_bounded_by_bytes_same_answers_after_eviction)
{
	enum { BUDGET = 8 * 1024 };
	static const char *const bad[] = { "The", "elect", "President",
					   "arrived", "yesterday", "." };
	static const char *nums[] = { "2", "3", "4", "5", "6", "7", "8",
				      "9", "10", "11", "12", "13" };
	const char *w[6] = { "The", "committee", "met", NULL, "times", "." };
	struct parser_options po = { .cache_bytes = BUDGET };
	struct parser *p;
	struct mt_error err = { 0 };
	uint8_t u[6], u0[6], uf[6];
	struct parse_job job = { .words = bad, .n_words = 6, .unlinked = u };
	struct parse_job first, fill = { .words = w, .n_words = 6,
					  .unlinked = uf };
	struct parser_stats st;
	size_t max_bytes = 0;

	cr_assert_eq(parser_open(&po, &p, &err), MT_ERR_OK, "%s", err.msg);
	parser_parse(p, &job, 1);
	first = job;
	memcpy(u0, u, sizeof(u));
	cr_assert_eq(first.status, PARSE_NULLS);
	for (size_t i = 0; i < 5 * ARRAY_SIZE(nums); i++) {
		/* "The committee met 7 times", "... met 7 7 times"... */
		char n[64];

		snprintf(n, sizeof(n), "%s", nums[i % ARRAY_SIZE(nums)]);
		for (size_t k = 0; k < i / ARRAY_SIZE(nums); k++)
			snprintf(n + strlen(n), sizeof(n) - strlen(n), "-%s",
				 nums[k]);
		w[3] = n;
		parser_parse(p, &fill, 1);
		cr_expect_eq(fill.status, PARSE_COMPLETE, "'%s'", n);
		/* the sentence being edited: asked for each time, kept */
		parser_parse(p, &job, 1);
		cr_assert(job.cached, "dropped at %zu", i);
		parser_get_stats(p, &st);
		if (st.cache_bytes > max_bytes)
			max_bytes = st.cache_bytes;
	}
	cr_expect_leq(max_bytes, (size_t)BUDGET, "%zu bytes", max_bytes);
	cr_expect_gt(st.cache_turns, 1, "%llu turns",
		     (unsigned long long)st.cache_turns);
	cr_expect_eq(job.status, first.status);
	cr_expect_eq(job.null_count, first.null_count);
	cr_expect(memcmp(u, u0, sizeof(u)) == 0);

	/* the first filler sentence was dropped: parsed again, same answer */
	w[3] = nums[0];
	parser_parse(p, &fill, 1);
	cr_expect(!fill.cached, "still cached after %llu turns",
		  (unsigned long long)st.cache_turns);
	cr_expect_eq(fill.status, PARSE_COMPLETE);
	parser_close(p);

	/* a fresh parser gives what the cache gave */
	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK);
	parser_parse(p, &job, 1);
	cr_expect(!job.cached);
	cr_expect_eq(job.status, first.status);
	cr_expect_eq(job.null_count, first.null_count);
	cr_expect_eq(job.cost, first.cost);
	cr_expect(memcmp(u, u0, sizeof(u)) == 0);
	parser_close(p);
}

Test(parser, a_shared_store_answers_another_parser_as_a_parse_would)
{
	static const char *const bad[] = { "The",     "elect",	   "President",
					   "arrived", "yesterday", "." };
	char *dir = tmpdir();
	struct parser_options po = { .share = 1 };
	struct parser *p;
	struct mt_error err = { 0 };
	uint8_t u[6], u0[6];
	struct parse_job job = { .words = bad, .n_words = 6, .unlinked = u };
	struct parse_job first;
	struct parser_stats st;

	setenv("MTLINT_CACHE_DIR", dir, 1);
	cr_assert_eq(parser_open(&po, &p, &err), MT_ERR_OK, "%s", err.msg);
	parser_parse(p, &job, 1);
	first = job;
	memcpy(u0, u, sizeof(u));
	cr_expect(!job.cached);
	parser_close(p); /* writes the store */

	/* another parser (as another process would): from the store */
	cr_assert_eq(parser_open(&po, &p, &err), MT_ERR_OK, "%s", err.msg);
	memset(u, 9, sizeof(u));
	parser_parse(p, &job, 1);
	parser_get_stats(p, &st);
	cr_expect(job.cached);
	cr_expect_eq(st.store_hits, 1);
	cr_expect_eq(st.parsed, 0);
	cr_expect_eq(job.status, first.status);
	cr_expect_eq(job.null_count, first.null_count);
	cr_expect_eq(job.cost, first.cost);
	cr_expect(memcmp(u, u0, sizeof(u)) == 0);
	parser_close(p);

	/* not sharing: parsed again */
	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	parser_parse(p, &job, 1);
	cr_expect(!job.cached);
	parser_close(p);
	rmdir_all(dir);
}

Test(parser, glued_words_reach_the_tokenizer_as_written)
{
	/* "w/o" split in three words but written without spaces */
	static const char *const w[] = { "It", "comes", "w", "/", "o",
					 "batteries", "." };
	static const uint8_t glue[] = { 0, 0, 0, 1, 1, 0, 1 };
	struct parser *p;
	struct mt_error err = { 0 };
	uint8_t u[7];
	struct parse_job job = { .words = w, .glue = glue, .n_words = 7,
				 .unlinked = u };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK);
	parser_parse(p, &job, 1);
	cr_expect_eq(job.status, PARSE_COMPLETE);
	cr_expect(parser_has_entry(p, "the"));
	cr_expect(!parser_has_entry(p, "Xqzzyv"));
	parser_close(p);
}

/* --- repair.h: variants of a sentence --------------------------------------- */

Test(repair, links_and_variants)
{
	/* "are" for "is", "the" inserted, a word deleted: each variant is
	 * parsed on its own */
	static const char *const w[] = { "The", "results", "is", "clear",
					 "to", "everyone", "." };
	const struct repair_text t = { w, NULL, 7 };
	const struct repair edits[] = {
		{ REPAIR_REPLACE, 2, "are" },
		{ REPAIR_REPLACE, 2, "of" },
		{ REPAIR_INSERT, 0, "the" },
		{ REPAIR_DELETE, 3, NULL },
	};
	uint8_t ok[4];
	double cost[4];
	struct parser *p;
	struct mt_error err = { 0 };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	repair_try(p, &t, edits, 4, ok, cost);
	cr_expect(ok[0], "'The results are clear' does not link");
	cr_expect(!ok[1], "'The results of clear' links");
	cr_expect(!ok[2], "'the The results is clear' links");
	cr_expect(!ok[3], "'The results is to everyone' links");
	parser_close(p);
}

Test(repair, verdicts)
{
	/* the agreement fix; the missing article, inserted where its noun
	 * phrase starts; and a word of a construction the dictionary lacks,
	 * which a stand-in of its part of speech makes link */
	static const char *const agree[] = { "The", "results", "is", "clear",
					     "to", "everyone", "." };
	static const char *const article[] = { "He", "is", "good", "student",
					       "in", "the", "class", "." };
	static const char *const gap[] = { "It", "was", "the", "first",
					   "day", "of", "the", "week", "." };
	const struct repair_text t1 = { agree, NULL, 7 };
	const struct repair_text t2 = { article, NULL, 8 };
	const struct repair_text t3 = { gap, NULL, 9 };
	struct repair_verdict v;
	struct parser *p;
	struct mt_error err = { 0 };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	repair_find(p, &t1, 2, 2, &v);
	cr_expect(v.repaired && v.fix.kind == REPAIR_REPLACE &&
		  strcmp(v.fix.word, "are") == 0);
	repair_find(p, &t2, 3, 3, &v);
	cr_expect(v.repaired && v.fix.kind == REPAIR_INSERT &&
		  v.fix.at == 2 &&
		  (!strcmp(v.fix.word, "a") || !strcmp(v.fix.word, "the")),
		  "article: repaired %d at %u '%s'", v.repaired, v.fix.at,
		  v.repaired ? v.fix.word : "");
	repair_find(p, &t3, 4, 4, &v);
	cr_expect(v.dictionary_gap, "'day' is not a dictionary gap");
	parser_close(p);
}

Test(repair, parser_gaps_no_repair_fills)
{
	/* a comparative as a verb's complement and a plural noun after
	 * we/you/us are English the dictionary lacks: no inserted article
	 * ("moved the closer", "We the teachers") is a repair; before a noun
	 * the comparative may still lack its article */
	static const char *const cmp[] = { "The", "dogs", "moved", "closer",
					   "to", "the", "fire", "." };
	static const char *const app[] = { "We", "teachers", "work", "hard",
					   "every", "day", "." };
	static const char *const noun[] = { "They", "want", "bigger",
					    "house", "near", "the", "park",
					    "." };
	const struct repair_text t1 = { cmp, NULL, 8 };
	const struct repair_text t2 = { app, NULL, 7 };
	const struct repair_text t3 = { noun, NULL, 8 };
	struct repair_verdict v;
	struct parser *p;
	struct mt_error err = { 0 };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	cr_expect(parser_word_kinds(p, "closer") & PARSER_COMPARATIVE);
	cr_expect(!(parser_word_kinds(p, "close") & PARSER_COMPARATIVE));
	repair_find(p, &t1, 3, 3, &v);
	cr_expect(v.dictionary_gap && !v.repaired,
		  "'moved closer to': gap %d, repaired %d '%s'",
		  v.dictionary_gap, v.repaired,
		  v.repaired ? v.fix.word : "");
	repair_find(p, &t2, 0, 1, &v);
	cr_expect(v.dictionary_gap && !v.repaired,
		  "'We teachers': gap %d, repaired %d '%s'", v.dictionary_gap,
		  v.repaired, v.repaired ? v.fix.word : "");
	repair_find(p, &t3, 2, 3, &v);
	cr_expect(!v.dictionary_gap, "'bigger house' taken for a gap");
	parser_close(p);
}

Test(repair, no_function_word_before_a_finite_verb)
{
	/* an aside between dashes the dictionary cannot link: whatever
	 * links the sentence, an article, "to", "of" or a copula before
	 * "has" is no repair */
	static const char *const w[] = { "Well", ",", "Mrs.", "Baker", "—",
					 "Ann", "—", "has", "phoned", "twice",
					 "." };
	static const char *const bad[] = { "the", "a", "to", "of", "is",
					   "are" };
	const struct repair_text t = { w, NULL, 11 };
	struct repair_verdict v;
	struct parser *p;
	struct mt_error err = { 0 };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	repair_find(p, &t, 7, 7, &v);
	for (size_t i = 0; v.repaired && v.fix.kind == REPAIR_INSERT &&
			   v.fix.at == 7 && i < 6; i++)
		cr_expect(strcmp(v.fix.word, bad[i]) != 0,
			  "'%s has' proposed as a repair", v.fix.word);
	parser_close(p);
}

Test(repair, no_of_after_a_quantifier)
{
	/* "many [of] evidence" is no English either ("many of" takes a
	 * determiner): after a quantifier that stands before its noun the
	 * repair may swap the quantifier ("much water"), never add "of" */
	static const char *const w[] = { "There",    "are",   "many",
					 "evidence", "that",  "the",
					 "plan",     "works", "." };
	static const char *const q[] = { "She",	  "bought", "much",
					 "books", "today",  "." };
	const struct repair_text t = { w, NULL, 9 };
	const struct repair_text tq = { q, NULL, 6 };
	struct repair_verdict v;
	struct parser *p;
	struct mt_error err = { 0 };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	repair_find(p, &t, 3, 3, &v);
	cr_expect(!(v.repaired && v.fix.kind == REPAIR_INSERT &&
		    !strcmp(v.fix.word, "of")),
		  "'many of evidence' proposed as a repair");
	repair_find(p, &tq, 3, 3, &v);
	cr_expect(!(v.repaired && v.fix.kind == REPAIR_INSERT &&
		    !strcmp(v.fix.word, "of")),
		  "'much of books' proposed as a repair");
	if (v.repaired)
		cr_expect(v.fix.kind == REPAIR_REPLACE && v.fix.at == 2 &&
				  !strcmp(v.fix.word, "many"),
			  "repaired at %u with '%s'", v.fix.at, v.fix.word);
	parser_close(p);
}

Test(repair, no_clause_joiner_nor_article_choice)
{
	/* "that", "it" and an article swapped for the other article are no
	 * repairs; "to" only as the infinitive marker, before a verb */
	static const char *const s1[] = { "Among", "the", "new", "members",
					  ",", "whose", "papers", "were",
					  "read", "were", "Lee", ",", "Ray",
					  "and", "Ann", "." };
	static const char *const s2[] = { "We", "are", "in", "a", "forest",
					  "without", "a", "single", "path",
					  "to", "follow", "us", "." };
	static const char *const s3[] = { "To", "win", "the", "cup", "they",
					  "must", "train", "hard", "." };
	static const char *const wants[] = { "She", "wants", "go", "home",
					     "now", "." };
	const struct repair_text t[] = { { s1, NULL, ARRAY_SIZE(s1) },
					 { s2, NULL, ARRAY_SIZE(s2) },
					 { s3, NULL, ARRAY_SIZE(s3) } };
	const struct repair_text tw = { wants, NULL, ARRAY_SIZE(wants) };
	struct repair_verdict v;
	struct parser *p;
	struct mt_error err = { 0 };

	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		for (uint32_t at = 0; at < t[i].n; at++) {
			repair_find(p, &t[i], at, at, &v);
			if (!v.repaired)
				continue;
			cr_expect(v.fix.kind != REPAIR_INSERT ||
					  (strcmp(v.fix.word, "that") != 0 &&
					   strcmp(v.fix.word, "it") != 0),
				  "sentence %zu: '%s' inserted at %u", i,
				  v.fix.word, v.fix.at);
			cr_expect(v.fix.kind != REPAIR_REPLACE ||
					  !((!strcasecmp(t[i].words[at], "a") &&
					     !strcmp(v.fix.word, "the")) ||
					    (!strcasecmp(t[i].words[at], "the") &&
					     !strcmp(v.fix.word, "a"))),
				  "sentence %zu: '%s' for '%s'", i, v.fix.word,
				  t[i].words[at]);
			cr_expect(v.fix.kind != REPAIR_INSERT ||
					  strcmp(v.fix.word, "to") != 0 ||
					  (v.fix.at < t[i].n &&
					   (parser_word_kinds(p, t[i].words[v.fix.at]) &
					    PARSER_VERB)),
				  "sentence %zu: 'to' before '%s'", i,
				  v.fix.at < t[i].n ? t[i].words[v.fix.at] : "");
		}
	repair_find(p, &tw, 2, 2, &v);
	cr_expect(v.repaired && v.fix.kind == REPAIR_INSERT &&
		  v.fix.at == 2 && !strcmp(v.fix.word, "to"),
		  "'wants go': repaired %d '%s' at %u", v.repaired,
		  v.repaired ? v.fix.word : "", v.fix.at);
	parser_close(p);
}

/* --- the pass ------------------------------------------------------------ */

Test(grammar_parser, unconnected_word_reported_at_its_position)
{
	struct checker *c = make_checker(0, 1);
	struct checked k;
	const struct diag *d;

	/* curly quotes around a full sentence, which is parsed on its own;
	 * the finding must point at the defect in the sentence around it,
	 * with the repair that makes it parse as the suggestion; the other
	 * unconnected word of that sentence is a consequence, not noted */
	check_text(c,
		   "Nothing happened. \u201cWe will respond,\u201d the "
		   "minister said. The results is clear to everyone in the "
		   "city.",
		   NULL, &k);
	d = expect_finding(&k, "grammar.parse", "is", "are");
	cr_expect_eq(count_findings(&k.l, "grammar.parse"), 1, "%s",
		     findings_dump(k.doc, &k.l));
	expect_no_finding(&k, "grammar.parse-unconfirmed", NULL);
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_expect_str_eq(d->category, "fluency/grammar");
	cr_expect(strstr(d->message, "with 'are' instead") != NULL, "%s",
		  d->message);
	checked_release(&k);

	/* no one-word repair, in a sentence too long to count as plain
	 * evidence on its own: an info note only */
	check_text(c,
		   "The elect President arrived yesterday in the capital "
		   "with his wife and two of his advisers. The cat sat on "
		   "the mat all day long.",
		   NULL, &k);
	expect_no_finding(&k, "grammar.parse", NULL);
	expect_no_finding(&k, "grammar.parse-short", NULL);
	d = expect_finding(&k, "grammar.parse-unconfirmed", "elect", NULL);
	cr_expect_eq(d->severity, MT_SEV_INFO);
	checked_release(&k);

	/* a construction the dictionary lacks (a stand-in noun links it):
	 * nothing at all */
	check_text(c, "It was the first day of the week.", NULL, &k);
	expect_no_finding(&k, "grammar.", NULL);
	checked_release(&k);
	checker_free(c);
}

Test(grammar_parser, garbled_shapes_beyond_unconnected_words)
{
	static const struct {
		const char *text, *flagged;
	} bad[] = {
		/* a missing article, inserted where its noun phrase starts */
		{ "He is good student in the class.", "good student" },
		/* the only parse splits a noun phrase between the opening
		 * phrase and the subject: the clause lacks its subject */
		{ "In a chemical reaction observed by the team showed that the "
		  "gas was toxic.",
		  "chemical reaction" },
	};
	static const char *const good[] = {
		"The new rules are now considered \"an appropriate response\" "
		"by the council.",
		"We should distinguish between \"who\" and \"whom\" here.",
		"In the chemical reaction, heat is released.",
		"In a criminal case, the evidence must be clear.",
		"In 1990 prices rose sharply across the country.",
		/* openers without a comma, the object and the subject
		 * adjacent nouns: good English */
		"In this case users must log in again.",
		"Since the crisis banks have lent less.",
		"At a minimum companies must report their profits.",
		"In an instant silence fell over the room.",
	};
	struct checker *c = make_checker(0, 1);

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct checked k;

		check_text(c, bad[i].text, NULL, &k);
		expect_finding(&k, "grammar.parse", bad[i].flagged, NULL);
		cr_expect_eq(count_findings(&k.l, "grammar.parse"), 1, "%s",
			     findings_dump(k.doc, &k.l));
		checked_release(&k);
	}
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		struct checked k;

		check_text(c, good[i], NULL, &k);
		expect_no_finding(&k, "grammar.parse", NULL);
		checked_release(&k);
	}
	checker_free(c);
}

Test(grammar_parser, short_plain_sentences)
{
	/* a short sentence of dictionary words that does not parse, and no
	 * one-word repair that the long-sentence rules trust, in a sentence
	 * that is not a trusted clause (dialogue around it, a continuation):
	 * a note of its own, not the generic one */
	static const char *const bad[] = {
		"\u201cWe will see,\u201d she said. They is going to the "
		"market tomorrow morning.",
		"the mayor and the council agreed to the.",
	};
	/* short and good, or short but holding a name, a figure or a
	 * quotation (the dictionary's gaps): no such note */
	static const char *const good[] = {
		"It was the first day of the week.",
		"The driver in Lane B has three choices.",
		"She sold the old house last spring.",
		"Grandma Wilkerson baked bread for the village.",
		"Room 12 is on the third floor.",
		"He called it \"a real treat for everyone\" afterwards.",
	};
	struct checker *c = make_checker(0, 1);

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct checked k;
		const struct diag *d;

		check_text(c, bad[i], NULL, &k);
		d = expect_finding(&k, "grammar.parse-short", NULL, NULL);
		cr_expect_eq(d->severity, MT_SEV_INFO);
		expect_no_finding(&k, "grammar.parse-unconfirmed", NULL);
		checked_release(&k);
	}
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		struct checked k;

		check_text(c, good[i], NULL, &k);
		expect_no_finding(&k, "grammar.parse", NULL);
		expect_no_finding(&k, "grammar.parse-short", NULL);
		checked_release(&k);
	}
	checker_free(c);
}

Test(grammar_parser, trusted_short_clauses)
{
	/* a short, complete sentence of plain words whose rest links
	 * plainly around one unconnected word: a warning of its own */
	static const struct {
		const char *text, *flagged;
	} bad[] = {
		{ "She married apparently a famous violinist.", "apparently" },
		{ "They explained me the whole story.", "me" },
		{ "The report describes how the money spent.", "how" },
		/* a resumptive pronoun */
		{ "The girl which I met her was kind.", "I" },
	};
	/* the same kind of failure where the sentence is not a trusted
	 * clause: at most the info note */
	static const char *const not_trusted[] = {
		/* dialogue: a quotation in the paragraph */
		"\u201cSit down,\u201d she said. They explained me the whole "
		"story.",
		/* not a sentence start: a continuation */
		"they explained me the whole story.",
		/* a line of hard-wrapped text, not a sentence */
		"They explained me the whole story\nbefore the meeting began.",
		/* verbless, and costly around the unconnected word */
		"Nothing but dry grass moving in the cold wind.",
		/* the unconnected words a coordination */
		"Travel to and from the island was easy.",
		/* a parenthesis between commas */
		"There, if anywhere, the answer must lie.",
		/* a verb's particle the dictionary lacks for that verb */
		"The worms wriggle in, coated with mud.",
		/* a rare construction around the word (cost 4 or more) */
		"She had no sooner sat down but the phone rang.",
		/* a continuation: opening with a coordinating conjunction */
		"But my letters to win her trust have failed.",
		/* an interruption: a dash */
		"They explained me the whole story \u2014 twice.",
	};
	struct checker *c = make_checker(0, 1);

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct checked k;
		const struct diag *d;

		check_text(c, bad[i].text, NULL, &k);
		d = expect_finding(&k, "grammar.parse-clause", bad[i].flagged,
				   NULL);
		cr_expect_eq(d->severity, MT_SEV_WARNING);
		expect_no_finding(&k, "grammar.parse-short", NULL);
		checked_release(&k);
	}
	for (size_t i = 0; i < ARRAY_SIZE(not_trusted); i++) {
		struct checked k;

		check_text(c, not_trusted[i], NULL, &k);
		expect_no_finding(&k, "grammar.parse-clause", NULL);
		expect_no_finding(&k, "grammar.parse", NULL);
		checked_release(&k);
	}
	checker_free(c);
}

Test(grammar_parser, clean_shapes_not_flagged)
{
	static const char *const good[] = {
		/* quotes, straight and curly, and a quoted fragment */
		"He said that the plan was \"a serious mistake by the "
		"council\".",
		"\u201cThe decision is final,\u201d a senior official said on "
		"Monday.",
		/* abbreviations and titles, numbers, dates, times */
		"Adm. Smith met Mr. Jones in the U.S. capital on Friday.",
		"The fund grew 4.5% to $1,200.50 on 2016-12-29 at 10:30.",
		/* an abbreviation ending the sentence */
		"He was glad to see the last of this hapless Adm.",
		/* apostrophes, not quotes */
		"The students' union came screamin' down the road.",
		/* headline, dateline, list */
		"Obama Expels Russian Diplomats Over Election Hacking",
		"MOSCOW (Reuters) - The diplomats left the country on Friday.",
		"Things to pack\nwarm socks and a hat\na map of the city",
		/* a headline with its source after a dash */
		"City council debate budget, mayor: talks is stalled - Daily "
		"News Network.",
		/* another script, another language */
		"\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 "
		"\u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e "
		"\u044d\u0442\u043e \u0432\u0430\u0436\u043d\u043e.",
		"Le gouvernement a d\u00e9cid\u00e9 de ne pas r\u00e9pondre "
		"aux questions.",
		/* elided text */
		"He said that ... the rest was not important.",
		/* gaps of link-grammar's dictionary, each of which fails a
		 * raw parse: "a" + -ing noun, coordinated "are", a
		 * subordinate clause standing alone */
		"The report was written at a briefing for the press.",
		"They follow the new rules and are proud of it.",
		"If you really want to know about it.",
	};
	struct checker *c = parser_checker(0);

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		struct checked k;

		check_text(c, good[i], NULL, &k);
		expect_no_finding(&k, "grammar.parse", NULL);
		checked_release(&k);
	}
	checker_free(c);
}

Test(grammar_parser, reported_once_with_earlier_pass)
{
	struct checker *c = parser_checker(0);
	struct checked k;

	/* the repeated word is reported by the built-in pass; the parser's
	 * complaint about the same words is dropped */
	check_text(c, "The the committee met on Monday.", NULL, &k);
	expect_finding(&k, "grammar.repeated-word", "The the", "The");
	expect_no_finding(&k, "grammar.parse", NULL);
	checked_release(&k);
	checker_free(c);
}

Test(grammar_parser, budget_and_long_sentences_noted)
{
	struct checker *c = parser_checker(1);
	struct checked k;
	const struct diag *d;
	char text[4096] = "";

	for (int i = 0; i < 12; i++) {
		char s[128];

		snprintf(s, sizeof(s),
			 "The committee number %d met on Monday and agreed "
			 "on a new plan for the city. ",
			 i);
		strcat(text, s);
	}
	check_text(c, text, NULL, &k);
	d = expect_finding(&k, "grammar.parse-skipped", NULL, NULL);
	cr_expect_eq(count_findings(&k.l, "grammar.parse-skipped"), 1,
		     "%s", findings_dump(k.doc, &k.l));
	cr_expect(strstr(d->message, "budget (1 sentences") != NULL, "%s",
		  d->message);
	cr_expect(strstr(d->message, "11 sentences not checked") != NULL,
		  "%s", d->message);
	/* the first sentence was parsed, the note is on the second: a count,
	 * so the same on any machine */
	cr_expect(strncmp(finding_text(k.doc, d), "The committee number 1 ",
			  23) == 0,
		  "%.40s", finding_text(k.doc, d));
	checked_release(&k);
	checker_free(c);

	c = parser_checker(0);
	text[0] = '\0';
	strcat(text, "We");
	for (int i = 0; i < 70; i++)
		strcat(text, " saw it");
	strcat(text, ".");
	check_text(c, text, NULL, &k);
	d = expect_finding(&k, "grammar.parse-skipped", NULL, NULL);
	cr_expect_eq(count_findings(&k.l, "grammar.parse-skipped"), 1);
	cr_expect(strstr(d->message, "too long") != NULL, "%s", d->message);
	checked_release(&k);
	checker_free(c);
}

/* The findings of the parser, of every grammar.parse* rule but the note
 * of a sentence not checked. */
static size_t parser_findings(const struct diag_list *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += !strncmp(l->v[i].rule, "grammar.parse", 13) &&
		     strcmp(l->v[i].rule, "grammar.parse-skipped");
	return n;
}

/* --grammar-max-words: longer sentences are left to the other passes,
 * counting the words the parser may blame (not quoted fragments). */
Test(grammar_parser, word_limit_leaves_longer_sentences_unparsed)
{
	static const char long_one[] =
		"The council has decided postpone the vote on the new harbour "
		"plan until the second week of June.";
	static const char quoted[] =
		"The council has decided postpone the vote on the \u201cnew "
		"harbour plan for the old town and the river\u201d.";
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *all = parser_checker(0), *ten;
	struct checked k;

	o.grammar_parser = 1;
	o.grammar_parser_max_words = 10;
	cr_assert_eq(checker_new(&o, &ten, &err), MT_ERR_OK, "%s", err.msg);
	check_text(all, long_one, NULL, &k);
	cr_expect_eq(parser_findings(&k.l), 1, "%s",
		     findings_dump(k.doc, &k.l));
	checked_release(&k);
	check_text(ten, long_one, NULL, &k);
	cr_expect_eq(parser_findings(&k.l), 0, "%s",
		     findings_dump(k.doc, &k.l));
	cr_expect_eq(count_findings(&k.l, "grammar.parse-skipped"), 0,
		     "no note: left to the other passes");
	checked_release(&k);
	check_text(ten, quoted, NULL, &k);
	cr_expect_eq(parser_findings(&k.l), 1,
		     "nine words outside the quotation: parsed\n%s",
		     findings_dump(k.doc, &k.l));
	checked_release(&k);
	checker_free(ten);
	checker_free(all);
}

/* Two checkers in two threads share the dictionary: same answers. */
struct thread_arg {
	const char *text;
	int n_parse;
};

static void *check_in_thread(void *v)
{
	struct thread_arg *a = v;
	struct checker *c = make_checker(0, 1);

	for (int i = 0; i < 3; i++) {
		struct checked k;

		check_text(c, a->text, NULL, &k);
		a->n_parse = (int)count_findings(&k.l, "grammar.parse");
		checked_release(&k);
	}
	checker_free(c);
	return NULL;
}

Test(grammar_parser, checkers_in_threads_share_the_dictionary)
{
	struct thread_arg a[2] = {
		{ "The results is clear to everyone in the city. The cat sat "
		  "on the mat all day long.",
		  -1 },
		{ "He is good student in the class.", -1 },
	};
	pthread_t t[2];
	struct parser *p;
	struct mt_error err = { 0 };

	/* The dictionary is loaded on this thread, which lives on (as
	 * `mtlint batch` opens its checkers on the calling thread):
	 * link-grammar keeps the path it found it at in the loading thread's
	 * thread-local storage, which a thread that exits leaks
	 * (LeakSanitizer, now and then). */
	cr_assert_eq(parser_open(NULL, &p, &err), MT_ERR_OK, "%s", err.msg);
	for (int i = 0; i < 2; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, check_in_thread,
					    &a[i]),
			     0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	parser_close(p);
	cr_expect_eq(a[0].n_parse, 1);
	cr_expect_eq(a[1].n_parse, 1);
}
