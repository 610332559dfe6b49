/*
 * engine: the shipped rules on the fixture articles, on sentences, and the
 * rules subcommand end to end.
 */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>

#include "run/checker.h"
#include "engine/engine.h"
#include "engine/match.h"
#include "helpers.h"
#include "text/lexicon.h"
#include "util/buf.h"
#include "util/paths.h"
#include "text/segment.h"

static struct document *load_fixture(const char *name)
{
	char path[4096];
	struct document *doc = NULL;
	struct mt_error err = { 0 };

	snprintf(path, sizeof(path), "%s/fixtures/%s", mt_data_dir(), name);
	cr_assert_eq(document_load_file(path, NULL, &doc, &err), MT_ERR_OK,
		     "%s", err.msg);
	return doc;
}

Test(engine, mt_article_defects_caught_with_spans)
{
	struct document *doc = load_fixture("mt-article.txt");
	struct diag_list l;
	struct mt_error err = { 0 };
	static const char *const want[][2] = {
		{ "negation.no-not", "will not" },
		{ "grammar.agreement-proper-noun", "Moscow believe" },
		{ "grammar.missing-preposition-plural",
		  "allegations intervention" },
		{ "grammar.missing-preposition-after-noun",
		  "briefing senators" },
		{ "grammar.title-elect-order", "elect President" },
		{ "grammar.missing-article-subject",
		  "Russian Foreign Ministry official" },
		{ "typography.space-before-punct", " ." },
		{ "typography.space-before-closing-quote", " " },
	};

	diag_list_init(&l, &doc->arena);
	cr_assert_eq(checker_check(test_checker(), doc, NULL, &l, &err),
		     MT_ERR_OK, "%s", err.msg);
	assert_diags_sane(doc, &l);
	for (size_t i = 0; i < ARRAY_SIZE(want); i++)
		expect_finding_at(__FILE__, __LINE__, doc, &l, want[i][0],
				  want[i][1], NULL);
	/* the agreement fix keeps the name and inflects the verb */
	expect_finding_at(__FILE__, __LINE__, doc, &l,
			  "grammar.agreement-proper-noun", "Moscow believe",
			  "Moscow believes");
	diag_list_release(&l);
	document_free(doc);
}

Test(engine, reference_article_has_no_errors_or_warnings)
{
	struct document *doc = load_fixture("reference-article.txt");
	struct diag_list l;
	struct mt_error err = { 0 };

	diag_list_init(&l, &doc->arena);
	cr_assert_eq(checker_check(test_checker(), doc, NULL, &l, &err),
		     MT_ERR_OK, "%s", err.msg);
	for (size_t i = 0; i < l.n; i++)
		cr_expect_lt(l.v[i].severity, MT_SEV_WARNING,
			     "%s at %u: %s\n%s", l.v[i].rule, l.v[i].span.start,
			     l.v[i].message, findings_dump(doc, &l));
	diag_list_release(&l);
	document_free(doc);
}

Test(engine, repeated_word_with_case_kept)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, "The the report came late.", NULL, &k);
	d = expect_finding(&k, "grammar.repeated-word", "The the", "The");
	cr_expect_eq(d->span.start, 0);
	cr_expect(d->flags & DIAGF_SAFE_FIX);
	checked_release(&k);
}

Test(engine, double_negative_stays_in_its_clause)
{
	struct checked k;

	check_text(NULL, "No one said that he would not come.", NULL, &k);
	expect_no_finding(&k, "negation.no-not", NULL);
	checked_release(&k);
	check_text(NULL, "No shop will not open.", NULL, &k);
	expect_finding(&k, "negation.no-not", "will not", "will");
	checked_release(&k);
}

/*
 * The double negatives of issue 12, as a new user would try them: each gets
 * a negation.* finding whose first suggestion fixes it, and the fixed
 * sentence gets none from any rule of the family.
 */
Test(engine, double_negatives_fixed_by_their_suggestion)
{
	static const char *const cases[][2] = {
		{ "We don't need no permission.",
		  "We don't need any permission." },
		{ "They can't find no solution.",
		  "They can't find any solution." },
		{ "The ministry won't never accept it.",
		  "The ministry won't ever accept it." },
		{ "Nobody will not come.", "Nobody will come." },
		{ "There isn't no reason to wait.",
		  "There isn't any reason to wait." },
		{ "The officials weren't given no warning.",
		  "The officials weren't given any warning." },
	};

	for (size_t n = 0; n < sizeof(cases) / sizeof(*cases); n++) {
		struct checked k, k2;
		const struct diag *d = NULL;
		char fixed[256];

		check_text(NULL, cases[n][0], NULL, &k);
		for (size_t i = 0; i < k.l.n; i++)
			if (!strncmp(k.l.v[i].rule, "negation.", 9))
				d = &k.l.v[i];
		cr_assert(d, "no negation finding in '%s': %s", cases[n][0],
			  findings_dump(k.doc, &k.l));
		cr_assert_geq(d->n_suggestions, 1, "no suggestion for '%s'",
			      cases[n][0]);
		snprintf(fixed, sizeof(fixed), "%.*s%s%s", (int)d->span.start,
			 k.doc->text, d->suggestions[0],
			 k.doc->text + d->span.end);
		cr_expect_str_eq(fixed, cases[n][1]);
		check_text(NULL, cases[n][1], NULL, &k2);
		expect_no_finding(&k2, "negation.", NULL);
		checked_release(&k2);
		checked_release(&k);
	}
}

Test(engine, disable_switches_rules_off)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	const char *off[] = { "grammar" };
	struct checker *c;
	struct mt_error err = { 0 };
	struct checked k;

	o.disable = off;
	o.n_disable = 1;
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_text(c, "It was the the end.", NULL, &k);
	expect_no_finding(&k, "grammar.", NULL);
	checked_release(&k);
	checker_free(c);
}

Test(engine, examples_of_shipped_rules_pass)
{
	struct engine *e;
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	size_t n = 0, fails;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_eq(engine_open_opts(&o, NULL, 0, &e, &err), MT_ERR_OK, "%s",
		     err.msg);
	fails = engine_test_examples(e, test_checker(), 3, NULL, out, &n);
	fclose(out);
	cr_expect_eq(fails, 0, "%s", buf);
	cr_expect_gt(n, 100);
	free(buf);
	engine_close(e);
}

Test(engine, rules_lists_yaml_rules)
{
	struct run_result r;

	run_mtlint("rules", NULL, 0, &r);
	cr_assert_eq(r.status, 0);
	cr_expect(strstr(r.out, "negation.no-not"), "%s", r.out);
	cr_expect(strstr(r.out, "typography.space-before-closing-quote"));
	cr_expect(strstr(r.out, "grammar.repeated-word"));
	run_result_release(&r);
}

/* A house-style pack in a fresh folder dir/NAME holding rules.yml with
 * the text yml; path gets the file's path (for clean_pack()). */
static void write_pack(char *dir, const char *name, const char *yml, char *pack,
		       size_t pack_size, char *path, size_t path_size)
{
	FILE *f;

	cr_assert(mkdtemp(dir));
	snprintf(pack, pack_size, "%s/%s", dir, name);
	cr_assert_eq(mkdir(pack, 0755), 0);
	snprintf(path, path_size, "%s/rules.yml", pack);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(yml, f);
	fclose(f);
}

static void clean_pack(const char *dir, const char *pack, const char *path)
{
	remove(path);
	rmdir(pack);
	rmdir(dir);
}

/* mtlint with only the house-style pack NAME (rules yml) on the standard
 * input in[0..len), the parser off, `extra` options before the input. */
static void run_pack(const char *name, const char *yml, const char *extra,
		     const char *in, size_t len, struct run_result *r)
{
	char dir[] = "/tmp/mtlint-rules-XXXXXX", pack[256], path[300],
	     args[700];

	write_pack(dir, name, yml, pack, sizeof(pack), path, sizeof(path));
	snprintf(args, sizeof(args),
		 "--no-config --grammar-parser off --no-builtin-rules "
		 "--rules-dir '%s' %s -",
		 pack, extra);
	run_mtlint(args, in, len, r);
	clean_pack(dir, pack, path);
}

/*
 * A rule whose regex backtracks catastrophically used to cost ICU's whole
 * time limit on every paragraph, silently: 200 paragraphs took minutes.
 * Its work budget on the document now runs out once, an info finding names
 * the rule, and the rule checks nothing more.
 */
Test(engine, a_rule_out_of_regex_work_says_so_and_stops)
{
	static const char yml[] = "rules:\n"
				  "  - id: slowpack.catastrophic\n"
				  "    category: style\n"
				  "    severity: warning\n"
				  "    message: \"x\"\n"
				  "    regex: '(a+)+b'\n"
				  "    examples:\n"
				  "      bad: [\"x [aab] x\"]\n"
				  "      good: [\"c\"]\n";
	struct buf in = BUF_INIT;
	struct run_result r;
	const char *at, *id = "rule 'slowpack.catastrophic' used up its "
			      "regular-expression work budget";

	for (int i = 0; i < 200; i++)
		buf_adds(&in, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n");
	/* a house-style pack: its ids carry its folder's name */
	run_pack("slowpack", yml, "--fail-on info", in.buf, in.len, &r);
	cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
	at = strstr(r.out, id);
	cr_expect(at && strstr(r.out, "[limits.regex-work]"), "%s", r.out);
	cr_expect(at && !strstr(at + 1, id), "reported once: %s", r.out);
	cr_expect(!strstr(r.out, "[slowpack.catastrophic]"), "%s", r.out);
	run_result_release(&r);
	buf_release(&in);
}

/*
 * `needs:` as a list of texts, and `within: sentence`: the rule searches
 * only the sentences holding one of them (a hard-wrapped sentence with
 * its continuation lines), while look-arounds see the whole paragraph.
 */
Test(engine, a_rule_within_sentences_searches_those_holding_what_it_needs)
{
	static const char yml[] =
		"rules:\n"
		"  - id: winpack.wrapped\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"w\"\n"
		"    regex: 'old\\sbridge--'\n"
		"    needs: [\"--\"]\n"
		"    within: sentence\n"
		"    examples:\n"
		"      bad: [\"The [old bridge--] fell.\"]\n"
		"      good: [\"The old bridge fell.\"]\n"
		"  - id: winpack.behind\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"b\"\n"
		"    regex: '(?<=broke\\. )Then--'\n"
		"    needs: [\"--\"]\n"
		"    within: sentence\n"
		"    examples:\n"
		"      bad: [\"Dawn broke. [Then--] rain.\"]\n"
		"      good: [\"Dawn broke. Then rain.\"]\n"
		"  - id: winpack.elsewhere\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"e\"\n"
		"    regex: 'storm'\n"
		"    needs: [\"--\"]\n"
		"    within: sentence\n"
		"    examples:\n"
		"      bad: [\"A [storm]--then calm.\"]\n"
		"      good: [\"A storm came. Then--calm.\"]\n"
		"  - id: winpack.paragraph\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"p\"\n"
		"    regex: 'storm'\n"
		"    needs: [\"--\"]\n"
		"    examples:\n"
		"      bad: [\"A [storm] came. Then--calm.\"]\n"
		"      good: [\"A storm came. Then calm.\"]\n";
	static const char in[] = "We saw the old\nbridge-- and the river.\n\n"
				 "Dawn broke. Then-- rain.\n\n"
				 "A storm came. Then--calm.\n";
	struct run_result r;

	run_pack("winpack", yml, "", in, sizeof(in) - 1, &r);
	cr_expect(strstr(r.out, "1:12: warning: w [winpack.wrapped]"), "%s",
		  r.out);
	cr_expect(strstr(r.out, "4:13: warning: b [winpack.behind]"), "%s",
		  r.out);
	cr_expect(!strstr(r.out, "[winpack.elsewhere]"), "%s", r.out);
	cr_expect(strstr(r.out, "6:3: warning: p [winpack.paragraph]"), "%s",
		  r.out);
	run_result_release(&r);
}

/*
 * `outside-quotes: true` keeps a rule, a regex or a token one, quiet on a
 * match that starts in quoted speech: a quotation of its paragraph, closed
 * or not, or a paragraph that opens with a dash.  After the closing mark,
 * and in the next paragraph, it speaks again.
 */
Test(engine, outside_quotes_keeps_a_rule_quiet_in_speech)
{
	static const char yml[] =
		"rules:\n"
		"  - id: qpack.regex\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"r\"\n"
		"    regex: 'ain.t'\n"
		"    outside-quotes: true\n"
		"    examples:\n"
		"      bad: [\"It [ain't] so.\"]\n"
		"      good: [\"\\\"It ain't so.\\\"\"]\n"
		"  - id: qpack.token\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"t\"\n"
		"    pattern: [{word: [gonna]}]\n"
		"    outside-quotes: true\n"
		"    examples:\n"
		"      bad: [\"We are [gonna] go.\"]\n"
		"      good: [\"\\\"We are gonna go.\\\"\"]\n";
	static const char in[] =
		"\"It ain't so, we are gonna go,\" he said. It ain't.\n\n"
		"“Gonna stay. It ain't far.\n\n"
		"— It ain't far, we are gonna go.\n\n"
		"We are gonna go.\n";
	struct run_result r;

	run_pack("qpack", yml, "", in, sizeof(in) - 1, &r);
	cr_expect(strstr(r.out, "1:45: warning: r [qpack.regex]"), "%s", r.out);
	cr_expect(strstr(r.out, "7:8: warning: t [qpack.token]"), "%s", r.out);
	cr_expect(!strstr(r.out, "1:4: ") && !strstr(r.out, "3:"), "%s", r.out);
	cr_expect(!strstr(r.out, "\n5:") && !strstr(r.out, "1:23: "), "%s",
		  r.out);
	run_result_release(&r);
}

/*
 * A token rule whose first test is a regular expression naming a few words
 * is tried only on those words -- and on every token the words cannot
 * judge: ignoring case, ICU matches "ſo" (long s) against "so".
 */
Test(engine, a_rule_starting_with_a_regex_of_words_fires_on_its_words_only)
{
	static const char yml[] = "rules:\n"
				  "  - id: wordpack.so-so\n"
				  "    category: style\n"
				  "    severity: warning\n"
				  "    message: \"s\"\n"
				  "    pattern:\n"
				  "      - {regex: 'so|thus', report: true}\n"
				  "      - {word: far}\n"
				  "    examples:\n"
				  "      bad: [\"It went [so] far.\"]\n"
				  "      good: [\"It went far.\"]\n";
	static const char in[] = "It went so far. It went THUS far.\n"
				 "It went \xc5\xbfo far. It went sofa far.\n";
	struct run_result r;

	run_pack("wordpack", yml, "", in, sizeof(in) - 1, &r);
	cr_expect(strstr(r.out, "1:9: warning: s [wordpack.so-so]"), "%s",
		  r.out);
	cr_expect(strstr(r.out, "1:25: warning: s [wordpack.so-so]"), "%s",
		  r.out);
	cr_expect(strstr(r.out, "2:9: warning: s [wordpack.so-so]"), "%s",
		  r.out);
	cr_expect(!strstr(r.out, "2:2"), "%s", r.out);
	run_result_release(&r);
}

static int occurrences(const char *s, const char *sub)
{
	int n = 0;

	for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub))
		n++;
	return n;
}

/*
 * A rule whose first element names no words is indexed by a later one
 * that does, when every element before it takes one token: tried that
 * many tokens before each such word -- never before the sentence.
 */
Test(engine, a_rule_indexed_by_a_later_element_fires_where_it_matches)
{
	static const char yml[] =
		"rules:\n"
		"  - id: laterpack.adj-far\n"
		"    category: style\n"
		"    severity: warning\n"
		"    message: \"l\"\n"
		"    pattern:\n"
		"      - {kind: word, cap: false, report: true}\n"
		"      - {kind: word}\n"
		"      - {word: [far, FAR], case: true}\n"
		"    examples:\n"
		"      bad: [\"It [went] so far.\"]\n"
		"      good: [\"It went far.\"]\n";
	static const char in[] = "It went so far. Far away. so far.\n"
				 "It went so Far.\n";
	struct run_result r;

	run_pack("laterpack", yml, "", in, sizeof(in) - 1, &r);
	cr_expect(strstr(r.out, "1:4: warning: l [laterpack.adj-far]"), "%s",
		  r.out);
	cr_expect_eq(occurrences(r.out, "[laterpack.adj-far]"), 1,
		     "'Far' is not 'far' with case: true; nothing before "
		     "'so far' at the sentence start\n%s",
		     r.out);
	run_result_release(&r);
}

/*
 * A rule anchored at the start or the end of a sentence used to scan the
 * sentence at every token: a long run of punctuation (one "sentence" of
 * 300,000 tokens) took minutes.  Now the whole check of 300 KB of it stays
 * within a few seconds of CPU even under the sanitizers (the quadratic
 * matcher needed over a minute).
 */
Test(engine, long_punctuation_runs_match_in_linear_time)
{
	static const char punct[] = "!?.,;:";
	size_t n = 300000;
	char *s = malloc(n + 1);
	struct document *doc;
	struct diag_list l;
	struct mt_error err = { 0 };
	unsigned long x = 1;
	clock_t t0;
	double cpu;

	for (size_t i = 0; i < n; i++) {
		x = x * 6364136223846793005ul + 1442695040888963407ul;
		s[i] = punct[(x >> 33) % 6];
	}
	s[n] = '\0';
	doc = load_str(s);
	diag_list_init(&l, &doc->arena);
	t0 = clock();
	cr_assert_eq(checker_check(test_checker(), doc, NULL, &l, &err),
		     MT_ERR_OK, "%s", err.msg);
	cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
	cr_expect_lt(cpu, 5.0, "300 KB of punctuation took %.1f s of CPU", cpu);
	assert_diags_sane(doc, &l);
	diag_list_release(&l);
	document_free(doc);
	free(s);
}

Test(lexicon, classes_from_link_grammar)
{
	struct lexicon *lex;
	struct mt_error err = { 0 };

	cr_assert_eq(lexicon_open(NULL, &lex, &err), MT_ERR_OK, "%s", err.msg);
	cr_expect_gt(lexicon_size(lex), 50000);
	cr_expect(lexicon_lookup(lex, "believe", 7) & LEX_VERB_BASE);
	cr_expect(lexicon_lookup(lex, "believes", 8) & LEX_VERB_3SG);
	cr_expect(lexicon_lookup(lex, "taken", 5) & LEX_VERB_PP);
	/* verbs whose forms use the dictionary's "<verb-s-...>" and
	 * "<verb-x-...>" macros (filler "it", auxiliaries) */
	cr_expect(lexicon_lookup(lex, "take", 4) & LEX_VERB_BASE);
	cr_expect(lexicon_lookup(lex, "takes", 5) & LEX_VERB_3SG);
	cr_expect(lexicon_lookup(lex, "have", 4) & LEX_VERB_BASE);
	cr_expect(lexicon_lookup(lex, "seem", 4) & LEX_VERB_BASE);
	cr_expect(lexicon_lookup(lex, "happened", 8) & LEX_VERB_PP);
	cr_expect(lexicon_lookup(lex, "going", 5) & LEX_VERB_ING);
	cr_expect(lexicon_lookup(lex, "senators", 8) & LEX_NOUN_PL);
	cr_expect(lexicon_lookup(lex, "diplomat", 8) & LEX_NOUN_SG);
	cr_expect(lexicon_lookup(lex, "will", 4) & LEX_MODAL);
	cr_expect(lexicon_lookup(lex, "the", 3) & LEX_DET);
	cr_expect(lexicon_lookup(lex, "into", 4) & LEX_PREP);
	cr_expect(lexicon_lookup(lex, "able", 4) & LEX_ADJ);
	cr_expect(lexicon_lookup(lex, "Moscow", 6) & LEX_PROPER);
	cr_expect(lexicon_lookup(lex, "The", 3) & LEX_DET, "case folded");
	cr_expect_eq(lexicon_lookup(lex, "qwzxv", 5), 0);
	cr_expect_eq(lexicon_class_by_name("verb-3sg"), LEX_VERB_3SG);
	cr_expect_eq(lexicon_class_by_name("nouns"), 0);
	lexicon_close(lex);
}

/* Every answer of a and b agrees on word w. */
static void expect_same_word(const struct lexicon *a, const struct lexicon *b,
			     const char *w, size_t n)
{
	const char *pa, *pb;
	char ba[80], bb[80];

	cr_expect_eq(lexicon_lookup(a, w, n), lexicon_lookup(b, w, n),
		     "classes of '%.*s'", (int)n, w);
	pa = lexicon_participle(a, w, n);
	pb = lexicon_participle(b, w, n);
	cr_expect((!pa && !pb) || (pa && pb && !strcmp(pa, pb)),
		  "participle of '%.*s'", (int)n, w);
	pa = lexicon_plural(a, w, n);
	pb = lexicon_plural(b, w, n);
	cr_expect((!pa && !pb) || (pa && pb && !strcmp(pa, pb)),
		  "plural of '%.*s'", (int)n, w);
	pa = lexicon_base(a, w, n);
	pb = lexicon_base(b, w, n);
	cr_expect((!pa && !pb) || (pa && pb && !strcmp(pa, pb)),
		  "base of '%.*s'", (int)n, w);
	pa = lexicon_past(a, w, n, ba, sizeof(ba));
	pb = lexicon_past(b, w, n, bb, sizeof(bb));
	cr_expect((!pa && !pb) || (pa && pb && !strcmp(pa, pb)),
		  "past of '%.*s'", (int)n, w);
}

/* a and b agree on every word of the dictionary's word files and of a
 * text with the closed classes; returns how many words were compared. */
static size_t expect_same_lexicon(const struct lexicon *a,
				  const struct lexicon *b)
{
	static const char *const closed =
		"the a an every this those will can must of into he she "
		"went gone ate children women feet has is was were been "
		"Moscow The See Major euros drachma team crew";
	glob_t g;
	size_t words = 0;

	cr_assert_eq(lexicon_size(a), lexicon_size(b));
	cr_assert_eq(glob("/usr/share/link-grammar/en/words/*", 0, NULL, &g),
		     0);
	for (size_t i = 0; i <= g.gl_pathc; i++) {
		char *text = i < g.gl_pathc ? read_file(g.gl_pathv[i], NULL)
					    : strdup(closed);

		for (char *w = strtok(text, " \t\n"); w;
		     w = strtok(NULL, " \t\n")) {
			char *dot = strchr(w, '.');
			size_t n = dot && dot != w ? (size_t)(dot - w)
						   : strlen(w);

			if (n && n < 64) {
				expect_same_word(a, b, w, n);
				words++;
			}
		}
		free(text);
	}
	globfree(&g);
	return words;
}

/* The second open reads the first one's result from the cache directory,
 * and gives the same lexicon; a damaged cache file is passed over and
 * written anew. */
Test(lexicon, cached_lexicon_is_the_same)
{
	struct lexicon *built, *cached, *again;
	struct mt_error err = { 0 };
	char *dir = tmpdir(), *path;
	glob_t g;
	struct stat st, st2;
	FILE *f;

	setenv("MTLINT_CACHE_DIR", dir, 1);
	cr_assert_eq(lexicon_open(NULL, &built, &err), MT_ERR_OK, "%s",
		     err.msg);
	path = path_in(dir, "lexicon-*.lex");
	cr_assert_eq(glob(path, 0, NULL, &g), 0, "no cache file in %s", dir);
	cr_assert_eq(g.gl_pathc, 1);
	cr_assert_eq(stat(g.gl_pathv[0], &st), 0);
	cr_assert_eq(lexicon_open(NULL, &cached, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_assert_eq(stat(g.gl_pathv[0], &st2), 0);
	cr_expect_eq(st.st_ino, st2.st_ino, "read, not written again");
	cr_expect_gt(expect_same_lexicon(built, cached), 50000);
	/* cut short: passed over, and written whole again */
	cr_assert_eq(truncate(g.gl_pathv[0], st.st_size / 2), 0);
	cr_assert_eq(lexicon_open(NULL, &again, &err), MT_ERR_OK, "%s",
		     err.msg);
	expect_same_lexicon(built, again);
	f = fopen(g.gl_pathv[0], "rb");
	cr_assert(f);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	cr_expect_eq(ftell(f), st.st_size, "the damaged file is rewritten");
	fclose(f);
	lexicon_close(built);
	lexicon_close(cached);
	lexicon_close(again);
	globfree(&g);
	free(path);
	rmdir_all(dir);
}

Test(lexicon, missing_dictionary_fails)
{
	struct lexicon *lex;
	struct mt_error err = { 0 };

	cr_assert_eq(lexicon_open("/nonexistent", &lex, &err), MT_ERR_DICT);
	cr_assert_null(lex);
	cr_expect(strstr(err.msg, "/nonexistent/4.0.dict"), "%s", err.msg);
}

/* `mtlint rules --test` covers every rule id `mtlint rules` lists: the
 * YAML rules and the built-in passes' rules alike. */
Test(engine, rules_test_covers_every_rule_id)
{
	struct run_result list, test;
	size_t listed = 0, tested = 0, fails = 1;
	const char *last;

	run_mtlint("rules", NULL, 0, &list);
	cr_assert_eq(list.status, 0, "%s", list.err);
	for (const char *p = list.out; (p = strchr(p, '\n')); p++)
		listed++;
	run_mtlint("rules --test", NULL, 0, &test);
	/* the summary is the last line */
	last = test.out + test.out_len;
	if (last > test.out)
		last--;
	while (last > test.out && last[-1] != '\n')
		last--;
	cr_assert(sscanf(last, "%zu rules, %*u examples, %zu failure", &tested,
			 &fails) == 2,
		  "%s", test.out);
	cr_expect_eq(test.status, 0, "%s", test.out);
	cr_expect_eq(fails, 0, "%s", test.out);
	cr_expect_eq(tested, listed, "rules lists %zu, rules --test tests %zu",
		     listed, tested);
	run_result_release(&list);
	run_result_release(&test);
}

/* The memo of token tests stays within its budget: emptied between
 * sentences when the next one could overflow it, and a record got again
 * after that starts blank (every test is run again: no answer changes). */
Test(match_memo, bounded_by_bytes_records_blank_after_emptying)
{
	enum { BUDGET = 32 * 1024 };
	struct match_memo mm;
	size_t max_bytes = 0;
	char w[32];
	uint64_t *r;

	match_memo_init(&mm, 100, BUDGET);
	r = match_memo_get(&mm, "first", 5);
	cr_assert_not_null(r);
	r[0] = 3; /* tested, matched */
	cr_expect_eq(match_memo_get(&mm, "first", 5)[0], 3);
	for (int s = 0; s < 200; s++) {
		match_memo_make_room(&mm, 10); /* a sentence of 10 tokens */
		for (int t = 0; t < 10; t++) {
			int n = snprintf(w, sizeof(w), "form%d", s * 10 + t);

			cr_assert_not_null(match_memo_get(&mm, w, (size_t)n));
		}
		if (match_memo_bytes(&mm) > max_bytes)
			max_bytes = match_memo_bytes(&mm);
	}
	cr_expect_leq(max_bytes, (size_t)BUDGET, "%zu bytes", max_bytes);
	cr_expect_gt(max_bytes, (size_t)BUDGET / 2, "%zu bytes", max_bytes);
	r = match_memo_get(&mm, "first", 5);
	cr_assert_not_null(r);
	cr_expect_eq(r[0], 0, "a record survived emptying");
	match_memo_release(&mm);
}
