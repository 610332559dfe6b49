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

/* The diagnostic of `rule` whose span text is `text`, or NULL. */
static const struct diag *find_at(const struct document *doc,
				  const struct diag_list *l, const char *rule,
				  const char *text)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		if (strcmp(d->rule, rule) == 0 &&
		    d->span.end - d->span.start == strlen(text) &&
		    memcmp(doc->text + d->span.start, text, strlen(text)) == 0)
			return d;
	}
	return NULL;
}

static size_t count_prefix(const struct diag_list *l, const char *prefix)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += strncmp(l->v[i].rule, prefix, strlen(prefix)) == 0;
	return n;
}

/* Check s with a reference text (may be NULL) on checker c. */
static void check_ref(struct checker *c, const char *s, const char *ref,
		      struct document **out_doc, struct document **out_ref,
		      struct diag_list *out)
{
	struct mt_error err = { 0 };

	*out_doc = load_str(s);
	*out_ref = ref ? load_str(ref) : NULL;
	diag_list_init(out, &(*out_doc)->arena);
	cr_assert_eq(checker_check(c, *out_doc, *out_ref, out, &err),
		     MT_ERR_OK, "%s", err.msg);
	assert_diags_sane(*out_doc, out);
}

static void done(struct document *doc, struct document *ref,
		 struct diag_list *l)
{
	diag_list_release(l);
	document_free(doc);
	document_free(ref);
}

Test(spelling, lower_case_misspelling_is_an_error_with_suggestions)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	check_str("The goverment said it would recieve them.", &doc, &l);
	assert_diags_sane(doc, &l);
	d = find_at(doc, &l, "spelling.unknown-word", "goverment");
	cr_assert(d);
	cr_expect_eq(d->severity, MT_SEV_ERROR);
	cr_expect_str_eq(d->category, "fluency/spelling");
	cr_assert(d->n_suggestions >= 1);
	cr_expect_str_eq(d->suggestions[0], "government");
	d = find_at(doc, &l, "spelling.unknown-word", "recieve");
	cr_assert(d);
	cr_expect_str_eq(d->suggestions[0], "receive");
	diag_list_release(&l);
	document_free(doc);
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

	for (size_t k = 0; k < ARRAY_SIZE(good); k++) {
		struct document *doc;
		struct diag_list l;

		check_str(good[k], &doc, &l);
		cr_expect_eq(count_prefix(&l, "spelling."), 0, "flagged in: %s",
			     good[k]);
		diag_list_release(&l);
		document_free(doc);
	}
}

Test(spelling, hyphenated_compound_checked_part_by_part)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	check_str("It is a well-knwon fact.", &doc, &l);
	d = find_at(doc, &l, "spelling.unknown-word", "knwon");
	cr_assert(d, "the misspelt part alone is flagged");
	cr_expect_eq(count_prefix(&l, "spelling."), 1);
	cr_assert(d->n_suggestions >= 1);
	cr_expect_str_eq(d->suggestions[0], "known");
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, capitalised_unknown_word_is_only_an_unknown_name)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	check_str("Yesterday the official Zorblattin said so.", &doc, &l);
	d = find_at(doc, &l, "spelling.unknown-name", "Zorblattin");
	cr_assert(d);
	cr_expect_eq(d->severity, MT_SEV_INFO);
	cr_expect_eq(d->n_suggestions, 0);
	cr_expect_eq(count_prefix(&l, "spelling."), 1);
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, mixed_case_symbols_are_not_errors)
{
	static const char *const words[] = { "mL", "kDa", "iPhone", "eBay" };
	struct document *doc;
	struct diag_list l;

	check_str("Add 5 mL of water. The protein weighs 40 kDa. She bought "
		  "an iPhone on eBay. He wrote wrtong here.",
		  &doc, &l);
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		const struct diag *d = find_at(doc, &l, "spelling.unknown-name",
					       words[i]);

		cr_expect(!find_at(doc, &l, "spelling.unknown-word", words[i]),
			  "'%s' reported as an error", words[i]);
		if (d)
			cr_expect_eq(d->severity, MT_SEV_INFO);
	}
	/* a lower-case misspelling next to them is still an error */
	cr_expect(find_at(doc, &l, "spelling.unknown-word", "wrtong"));
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, name_misspelt_against_the_same_document)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	check_str("Navalny was jailed. Navalny appealed. Later Navalmy "
		  "lost the appeal.",
		  &doc, &l);
	d = find_at(doc, &l, "spelling.misspelled-name", "Navalmy");
	cr_assert(d);
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_assert_eq(d->n_suggestions, 1);
	cr_expect_str_eq(d->suggestions[0], "Navalny");
	cr_expect_null(find_at(doc, &l, "spelling.misspelled-name",
			       "Navalny"));
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, name_misspelt_against_a_name_list)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	/* "Microsoft" is in the project's name lists; two letters swapped */
	check_str("The firm sued Microsotf last night.", &doc, &l);
	d = find_at(doc, &l, "spelling.misspelled-name", "Microsotf");
	cr_assert(d);
	cr_expect_str_eq(d->suggestions[0], "Microsoft");
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, misspelt_possessive_name_suggests_the_name_with_its_ending)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	/* the suggestion is the known name plus the word's own ending, not
	 * the rest of the document (the ending is the word's last bytes) */
	check_str("Navalny was jailed. Navalny appealed. Navalny lost. "
		  "Later Navalmy's "
		  "lawyer and Navalmy\u2019s wife spoke at length.",
		  &doc, &l);
	d = find_at(doc, &l, "spelling.misspelled-name", "Navalmy's");
	cr_assert(d);
	cr_assert_eq(d->n_suggestions, 1);
	cr_expect_str_eq(d->suggestions[0], "Navalny's");
	d = find_at(doc, &l, "spelling.misspelled-name", "Navalmy\u2019s");
	cr_assert(d);
	cr_expect_str_eq(d->suggestions[0], "Navalny\u2019s");
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, transliteration_variants_are_not_misspellings)
{
	struct document *doc;
	struct diag_list l;

	/* Dmitri is a listed name; Dmitry is another romanisation */
	check_str("Yesterday Dmitry spoke.", &doc, &l);
	cr_expect_eq(count_prefix(&l, "spelling.misspelled-name"), 0);
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, reference_words_are_accepted_and_suggested)
{
	static const char *const off[] = { "reference", "names" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc, *ref;
	struct diag_list l;
	const struct diag *d;
	size_t on_name = 0;

	/* alone (the reference pass off), spelling suggests the
	 * reference's form */
	o.disable = off;
	o.n_disable = ARRAY_SIZE(off);
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_ref(c, "Zorblattin met Qwertzob.", "Zorblattin met Qwertzov.",
		  &doc, &ref, &l);
	cr_expect_null(find_at(doc, &l, "spelling.unknown-name",
			       "Zorblattin"));
	d = find_at(doc, &l, "spelling.misspelled-name", "Qwertzob");
	cr_assert(d);
	cr_expect_str_eq(d->suggestions[0], "Qwertzov");
	cr_expect(strstr(d->message, "reference"), "%s", d->message);
	done(doc, ref, &l);
	checker_free(c);

	/* with every pass, one finding on the name, never two */
	check_ref(test_checker(), "Zorblattin met Qwertzob.",
		  "Zorblattin met Qwertzov.", &doc, &ref, &l);
	for (size_t i = 0; i < l.n; i++)
		on_name += memcmp(doc->text + l.v[i].span.start, "Qwertzob",
				  8) == 0;
	cr_expect_eq(on_name, 1);
	done(doc, ref, &l);
}

Test(spelling, sentence_initial_misspelling_of_a_common_word)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	check_str("Teh talks ended.", &doc, &l);
	d = find_at(doc, &l, "spelling.unknown-word", "Teh");
	cr_assert(d);
	cr_expect_str_eq(d->suggestions[0], "The");
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, other_dialect_is_a_note_not_an_error)
{
	struct document *doc;
	struct diag_list l;
	const struct diag *d;

	check_str("Their behaviour was odd, and the colour faded.", &doc, &l);
	d = find_at(doc, &l, "spelling.dialect-variant", "behaviour");
	cr_assert(d);
	cr_expect_eq(d->severity, MT_SEV_INFO);
	cr_expect_str_eq(d->suggestions[0], "behavior");
	cr_expect(find_at(doc, &l, "spelling.dialect-variant", "colour"));
	cr_expect_eq(count_prefix(&l, "spelling.unknown-word"), 0);
	diag_list_release(&l);
	document_free(doc);
}

Test(spelling, user_accept_and_reject_lists)
{
	const char words[] = "Zorblattin\n";
	const char reject[] = "# house style\nKiev -> Kyiv\nirregardless\n";
	char *wp = write_temp(words, sizeof(words) - 1, ".txt");
	char *rp = write_temp(reject, sizeof(reject) - 1, ".txt");
	const char *wl[] = { wp }, *rl[] = { rp };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc, *ref;
	struct diag_list l;
	const struct diag *d;

	o.word_files = wl;
	o.n_word_files = 1;
	o.reject_files = rl;
	o.n_reject_files = 1;
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_ref(c, "Zorblattin flew to Kiev, irregardless of the war.", NULL,
		  &doc, &ref, &l);
	cr_expect_null(find_at(doc, &l, "spelling.unknown-name",
			       "Zorblattin"));
	d = find_at(doc, &l, "spelling.rejected-word", "Kiev");
	cr_assert(d);
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	cr_expect_str_eq(d->suggestions[0], "Kyiv");
	cr_expect(strstr(d->message, "Kyiv"), "%s", d->message);
	d = find_at(doc, &l, "spelling.rejected-word", "irregardless");
	cr_assert(d);
	cr_expect_eq(d->n_suggestions, 0);
	done(doc, ref, &l);
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
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc, *ref;
	struct diag_list l;

	o.word_files = wl;
	o.n_word_files = 1;
	o.names = names;
	o.n_names = ARRAY_SIZE(names);
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	for (size_t i = 0; i < ARRAY_SIZE(slips); i++) {
		char text[128];
		const struct diag *d;

		snprintf(text, sizeof(text), "Yesterday %s spoke to reporters.",
			 slips[i].word);
		check_ref(c, text, NULL, &doc, &ref, &l);
		d = find_at(doc, &l, "spelling.misspelled-name",
			    slips[i].word);
		cr_assert(d, "'%s' not flagged as a slip of '%s'",
			  slips[i].word, slips[i].name);
		cr_expect_eq(d->severity, MT_SEV_WARNING);
		cr_assert_eq(d->n_suggestions, 1);
		cr_expect_str_eq(d->suggestions[0], slips[i].name);
		cr_expect(strstr(d->message, "team"), "%s", d->message);
		done(doc, ref, &l);
	}
	/* the names, a possessive, unrelated unknown names: no warning */
	check_ref(c, "Kwarteleigh met Tamsworthy and Odri. Brovinsky's aide "
		     "and Zumbravo waited in Quellhafen.",
		  NULL, &doc, &ref, &l);
	cr_expect_eq(count_prefix(&l, "spelling.misspelled-name"), 0,
		     "%zu misspelled-name", count_prefix(&l, "spelling.misspelled-name"));
	cr_expect_null(find_at(doc, &l, "spelling.unknown-name", "Tamsworthy"));
	cr_expect(find_at(doc, &l, "spelling.unknown-name", "Zumbravo"));
	done(doc, ref, &l);
	checker_free(c);
	remove(wp);
	free(wp);

	/* without the team's lists, a doubled last letter of a newsroom
	 * list name is a transliteration variant, not a slip (Dmitri) */
	check_str("Yesterday Dmitrii spoke.", &doc, &l);
	cr_expect_eq(count_prefix(&l, "spelling.misspelled-name"), 0);
	diag_list_release(&l);
	document_free(doc);
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
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc, *ref;
	struct diag_list l;
	const struct diag *d;
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
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_ref(c, "Quorvendale and Brastimor met Quorendale and "
		     "Brastimorr.",
		  NULL, &doc, &ref, &l);
	cr_expect_null(find_at(doc, &l, "spelling.unknown-name", "Quorvendale"));
	cr_expect_null(find_at(doc, &l, "spelling.unknown-name", "Brastimor"));
	d = find_at(doc, &l, "spelling.misspelled-name", "Quorendale");
	cr_assert(d);
	cr_expect_str_eq(d->suggestions[0], "Quorvendale");
	cr_expect_null(find_at(doc, &l, "spelling.misspelled-name",
			       "Brastimorr"));
	cr_expect(find_at(doc, &l, "spelling.unknown-name", "Brastimorr"));
	done(doc, ref, &l);
	checker_free(c);
	snprintf(path, sizeof(path), "rm -rf '%s'", root);
	cr_expect_eq(system(path), 0);
}

Test(spelling, acronym_length_is_configurable)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc, *ref;
	struct diag_list l;

	o.acronym_max = 2;
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_ref(c, "The QXZW said so.", NULL, &doc, &ref, &l);
	cr_expect(find_at(doc, &l, "spelling.unknown-name", "QXZW"));
	done(doc, ref, &l);
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
	cr_expect_eq(n, 5);
}

Test(spelling, disabled_rules_are_not_reported)
{
	static const char *const off[] = { "spelling" };
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	struct document *doc, *ref;
	struct diag_list l;

	o.disable = off;
	o.n_disable = 1;
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_ref(c, "The goverment said.", NULL, &doc, &ref, &l);
	cr_expect_eq(count_prefix(&l, "spelling."), 0);
	done(doc, ref, &l);
	checker_free(c);
}

Test(spelling, fixture_article_twitte_flagged_with_suggestion)
{
	struct run_result r;
	char *p;

	run_mtlint("--format json fixtures/mt-article.txt", NULL, 0, &r);
	cr_assert_eq(r.status, 1, "%s", r.err);
	p = strstr(r.out, "\"text\": \"Twitte\"");
	cr_assert(p, "Twitte not flagged");
	p = strstr(p, "\"suggestions\"");
	cr_assert(p, "no suggestion");
	p += strcspn(p, "\"") + 1;
	p += strcspn(p, "\"") + 1;
	p += strcspn(p, "\"") + 1;
	cr_expect(strncmp(p, "Twitter\"", 8) == 0, "%.100s", p);
	run_result_release(&r);
}

Test(spelling, fixture_reference_has_no_spelling_error)
{
	struct run_result r;

	run_mtlint("--format json --fail-on error --disable grammar "
		   "fixtures/reference-article.txt",
		   NULL, 0, &r);
	cr_expect(!strstr(r.out, "spelling.unknown-word"), "%s", r.out);
	cr_expect(!strstr(r.out, "spelling.misspelled-name"), "%s", r.out);
	cr_expect(!strstr(r.out, "spelling.rejected-word"), "%s", r.out);
	run_result_release(&r);
}

Test(spelling, cli_lists_and_options)
{
	const char reject[] = "Kiev -> Kyiv\n";
	const char text[] = "Zorblattin flew to Kiev with the QXZW.\n";
	char *rp = write_temp(reject, sizeof(reject) - 1, ".txt");
	char *wp = write_temp("Zorblattin\n", 11, ".txt");
	char args[1024];
	struct run_result r;

	snprintf(args, sizeof(args),
		 "--words %s --reject %s --acronym-max 3 -", wp, rp);
	run_mtlint(args, text, sizeof(text) - 1, &r);
	cr_expect_eq(r.status, 1, "%s", r.err);
	cr_expect(strstr(r.out, "[spelling.rejected-word]"), "%s", r.out);
	cr_expect(strstr(r.out, "suggestion: Kyiv"), "%s", r.out);
	cr_expect(strstr(r.out, "unknown name 'QXZW'"), "%s", r.out);
	cr_expect(!strstr(r.out, "Zorblattin'"), "%s", r.out);
	run_result_release(&r);

	run_mtlint("--words /nonexistent/list.txt -", text, sizeof(text) - 1,
		   &r);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "/nonexistent/list.txt"), "%s", r.err);
	run_result_release(&r);

	run_mtlint("--no-builtin-rules --lang xx_YY -", text,
		   sizeof(text) - 1, &r);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "xx_YY"), "%s", r.err);
	run_result_release(&r);

	run_mtlint("--acronym-max 0 -", text, sizeof(text) - 1, &r);
	cr_expect_eq(r.status, 2);
	run_result_release(&r);
	remove(rp);
	remove(wp);
	free(rp);
	free(wp);
}

/* Check s alone and return its first unknown word's first suggestion
 * (a copy), or NULL. */
static char *first_suggestion_alone(const char *s)
{
	struct document *doc;
	struct diag_list l;
	char *out = NULL;

	check_str(s, &doc, &l);
	for (size_t i = 0; i < l.n && !out; i++)
		if (strcmp(l.v[i].rule, "spelling.unknown-word") == 0 &&
		    l.v[i].n_suggestions)
			out = strdup(l.v[i].suggestions[0]);
	diag_list_release(&l);
	document_free(doc);
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
	struct document *doc;
	struct diag_list l;
	size_t n_words = 0, with = 0, same = 0, right = 0;

	/* 30 words x 10 letters left out: 300 distinct misspellings in one
	 * document; no budget: each gets suggestions, the same first one as
	 * in a document of its own */
	for (size_t i = 0; i < ARRAY_SIZE(base); i++)
		for (size_t k = 0; k < 10; k++) { /* all are >= 10 letters */
			buf_addf(&b, "%.*s%s ", (int)k, base[i], base[i] + k + 1);
			n_words++;
		}
	buf_adds(&b, "\n");
	check_str(b.buf, &doc, &l);
	for (size_t i = 0; i < l.n; i++) {
		const struct diag *d = &l.v[i];
		char alone[64], *top;
		size_t len = d->span.end - d->span.start;

		if (strcmp(d->rule, "spelling.unknown-word") != 0)
			continue;
		cr_expect(d->n_suggestions > 0, "%s: none", d->message);
		if (!d->n_suggestions)
			continue;
		with++;
		snprintf(alone, sizeof(alone), "%.*s\n", (int)len,
			 doc->text + d->span.start);
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
	diag_list_release(&l);
	document_free(doc);
	buf_release(&b);
}

/* --lang en-GB (BCP 47, as editors send it) is en_GB. */
Test(spelling, bcp47_language_tag_is_accepted)
{
	static const char *const tags[] = { "en-GB", "en_gb", "EN-gb" };

	for (size_t i = 0; i < ARRAY_SIZE(tags); i++) {
		struct checker_options o = CHECKER_OPTIONS_INIT;
		struct mt_error err = { 0 };
		struct checker *c;
		struct document *doc, *ref;
		struct diag_list l;
		const struct diag *d;

		o.lang = tags[i];
		cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s: %s",
			     tags[i], err.msg);
		check_ref(c, "Their behavior was odd.", NULL, &doc, &ref, &l);
		d = find_at(doc, &l, "spelling.dialect-variant", "behavior");
		cr_expect(d, "%s: behavior not an en_US variant", tags[i]);
		if (d)
			cr_expect_str_eq(d->suggestions[0], "behaviour");
		done(doc, ref, &l);
		checker_free(c);
	}
}
