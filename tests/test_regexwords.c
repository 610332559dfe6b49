/*
 * regexwords: finite regular expressions read as their words, checked
 * against ICU's own answer on the rules' patterns.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "engine/pattern.h"
#include "engine/regexwords.h"

static int matches(const char *re, int icase, const char *s)
{
	struct regex_words *w = regex_words_parse(re, icase);
	int r;

	cr_assert(w, "%s is not read as words", re);
	cr_assert(regex_words_takes(s, strlen(s)));
	r = regex_words_match(w, s, strlen(s));
	regex_words_free(w);
	return r;
}

Test(regexwords, finite_shapes)
{
	cr_expect(matches("tak(?:e|es|ing)|took|taken", 1, "Takes"));
	cr_expect(matches("tak(?:e|es|ing)|took|taken", 1, "taken"));
	cr_expect_not(matches("tak(?:e|es|ing)|took|taken", 1, "tak"));
	cr_expect(matches("(?:photo|picture)s?", 1, "pictures"));
	cr_expect_not(matches("(?:photo|picture)s?", 1, "photoss"));
	cr_expect(matches("a|A", 0, "A"));
	cr_expect_not(matches("a", 0, "A"), "case-sensitive");
	cr_expect(matches("(?:do|does|did)(?:n['’]t)?", 1, "didn't"));
	cr_expect_not(matches("(?:do|does|did)(?:n['’]t)?", 1, "didnt"));
	cr_expect(matches("x\\.y", 0, "x.y"));
	cr_expect_not(matches("x\\.y", 0, "xzy"));
}

Test(regexwords, any_prefix_or_suffix)
{
	const char *neg = "(?:not|never|.*n['’]t|cannot)";

	cr_expect(matches(neg, 1, "Wouldn't"));
	cr_expect(matches(neg, 1, "n't"));
	cr_expect(matches(neg, 1, "NOT"));
	cr_expect_not(matches(neg, 1, "nothing"));
	cr_expect(matches("(?:hour|heir).*", 1, "hours"));
	cr_expect_not(matches("(?:hour|heir).*", 1, "thour"));
	cr_expect(matches(".*", 0, ""));
}

static int has_word(const struct regex_words *w, const char *s)
{
	for (size_t i = 0; i < regex_words_count_whole(w); i++)
		if (!strcmp(regex_words_at(w, i), s))
			return 1;
	return 0;
}

Test(regexwords, a_finite_set_lists_its_words)
{
	struct regex_words *w = regex_words_parse("(?:do|did)(?:n't)?", 1);
	struct regex_words *any = regex_words_parse("(?:not|.*n't)", 1);
	struct regex_words *cs = regex_words_parse("Mr|Dr", 0);

	cr_assert(w && any && cs);
	cr_assert_eq(regex_words_count_whole(w), 4);
	cr_expect(has_word(w, "do") && has_word(w, "did") &&
		  has_word(w, "don't") && has_word(w, "didn't"));
	cr_expect_eq(regex_words_count_whole(any), 0, "'.*' is no finite set");
	cr_assert_eq(regex_words_count_whole(cs), 2);
	cr_expect(has_word(cs, "Mr") && !has_word(cs, "mr"), "case kept");
	regex_words_free(w);
	regex_words_free(any);
	regex_words_free(cs);
}

Test(regexwords, other_shapes_are_left_to_icu)
{
	static const char *const no[] = {
		"\\p{L}+", "a+",	"a*",	   "a{2}", "[a-z]",
		"[^a]",	   "(?!no$).*", "(?i:a)b", "^a",   "a$",
		"a.b",	   ".*a.*",	"\\bа",	   "a??",  "\\d",
		"(?<n>a)", "[/\\\\]",	"a)",	   "(a",
	};

	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		struct regex_words *w = regex_words_parse(no[i], 1);

		cr_expect_null(w, "%s read as words", no[i]);
		regex_words_free(w);
	}
}

Test(regexwords, case_folding_to_ascii_is_icus)
{
	/* "ſ" (long s) folds to "s", the Kelvin sign to "k": ICU matches
	 * "s" and "k" with them ignoring case, so such patterns stay ICU's */
	struct regex_words *w = regex_words_parse("ſ", 1);

	cr_expect_null(w);
	regex_words_free(w);
	w = regex_words_parse("\xe2\x84\xaa", 1);
	cr_expect_null(w);
	regex_words_free(w);
	w = regex_words_parse("ſ", 0);
	cr_expect_not_null(w, "exact: stands for itself");
	cr_expect_not(regex_words_match(w, "s", 1));
	regex_words_free(w);
	/* line ends are ICU's: "." does not cross them */
	cr_expect_not(regex_words_takes("a\nb", 3));
	cr_expect_not(regex_words_takes("caf\xc3\xa9", 5));
}

/* --- against ICU on the rules' own patterns --------------------------- */

struct rx {
	char *v[512];
	size_t n;
};

/* every scalar value of a "regex" key in the rule files */
static void collect(const char *path, struct rx *out)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	yaml_event_t ev;
	/* per open mapping (1) or sequence (0): expecting a key? */
	int is_map[64], want_key[64], depth = 0, done = 0;
	char key[64] = "";

	cr_assert(f, "%s", path);
	cr_assert(yaml_parser_initialize(&p));
	yaml_parser_set_input_file(&p, f);
	while (!done && yaml_parser_parse(&p, &ev)) {
		int in_map = depth > 0 && is_map[depth - 1];

		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			if (in_map && want_key[depth - 1]) {
				snprintf(key, sizeof(key), "%s",
					 (const char *)ev.data.scalar.value);
				want_key[depth - 1] = 0;
				break;
			}
			if (in_map && strcmp(key, "regex") == 0 && out->n < 512)
				out->v[out->n++] = strdup(
					(const char *)ev.data.scalar.value);
			if (in_map)
				want_key[depth - 1] = 1;
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			cr_assert_lt(depth, 64);
			is_map[depth] = ev.type == YAML_MAPPING_START_EVENT;
			want_key[depth++] = 1;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			if (depth > 0 && is_map[depth - 1])
				want_key[depth - 1] = 1;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	fclose(f);
}

/* The comparison's tally (one assertion at the end: Criterion reports
 * each assertion to its runner, and there are 300,000 probes). */
struct tally {
	size_t n, hits, differ;
	char first[200];
};

static void probe(struct pattern *fast, struct pattern *icu, const char *re,
		  const char *w, struct tally *t)
{
	size_t len = strlen(w);
	int a = pattern_matches(fast, w, len), b = pattern_matches(icu, w, len);

	t->n++;
	t->hits += (size_t)b;
	if (a != b && !t->differ++)
		snprintf(t->first, sizeof(t->first),
			 "'%s' on /%s/: words %d, ICU %d", w, re, a, b);
}

/* The pattern's letter runs, joined and cut, with endings and in three
 * cases: the words the pattern names and their near misses. */
static void probes_of(struct pattern *fast, struct pattern *icu, const char *re,
		      struct tally *t)
{
	static const char *const ends[] = { "",	  "s",	"es",  "ing", "n't",
					    "'t", "ed", "n’t", "x",   "." };
	static const char *const extra[] = { "the", "not",   "cannot", "a",
					     "I",   "",	     "don't",  "can't",
					     "-",   "'",     "--x",    "'tis",
					     "1st", "x-ray", "\"",     "(a)" };
	char runs[64][32];
	size_t nr = 0;

	for (const char *s = re; *s && nr < 64;) {
		size_t k = 0;

		while (isalpha((unsigned char)s[k]) && k < 31)
			k++;
		if (k) {
			memcpy(runs[nr], s, k);
			runs[nr++][k] = '\0';
			s += k;
		} else {
			s++;
		}
	}
	for (size_t i = 0; i <= nr; i++)
		for (size_t j = 0; j <= nr; j++)
			for (size_t e = 0; e < sizeof(ends) / sizeof(*ends);
			     e++) {
				char w[128];

				snprintf(w, sizeof(w), "%s%s%s",
					 i < nr ? runs[i] : "",
					 j < nr && j != i ? runs[j] : "",
					 ends[e]);
				probe(fast, icu, re, w, t);
				for (char *c = w; *c; c++)
					*c = (char)toupper((unsigned char)*c);
				probe(fast, icu, re, w, t);
				w[1] ? (void)(w[1] = (char)tolower(
						      (unsigned char)w[1]))
				     : (void)0;
				probe(fast, icu, re, w, t);
			}
	for (size_t i = 0; i < sizeof(extra) / sizeof(*extra); i++)
		probe(fast, icu, re, extra[i], t);
}

/* No .timeout: Criterion's bookkeeping of it is what LeakSanitizer flags
 * (see tests/test_config.c); the work is bounded by the probes. */
Test(regexwords, same_answer_as_icu_on_every_rule_pattern)
{
	struct rx rx = { 0 };
	glob_t g;
	size_t read_as_words = 0;
	struct tally t = { 0 };

	cr_assert_eq(glob("rules/en/*.yml", 0, NULL, &g), 0);
	for (size_t i = 0; i < g.gl_pathc; i++)
		collect(g.gl_pathv[i], &rx);
	globfree(&g);
	cr_assert_gt(rx.n, 20, "the rules' regexes were not found");
	for (size_t i = 0; i < rx.n; i++)
		for (unsigned icase = 0; icase <= PATTERN_ICASE; icase++) {
			char msg[256];
			int off;
			struct pattern *fast = pattern_compile(rx.v[i], icase,
							       msg, sizeof(msg),
							       &off);
			struct pattern *icu = pattern_compile(
				rx.v[i], icase | PATTERN_ICU_ONLY, msg,
				sizeof(msg), &off);
			struct regex_words *w = regex_words_parse(rx.v[i],
								  (int)icase);

			cr_assert(fast && icu, "%s: %s", rx.v[i], msg);
			read_as_words += w != NULL;
			regex_words_free(w);
			probes_of(fast, icu, rx.v[i], &t);
			pattern_free(fast);
			pattern_free(icu);
		}
	for (size_t i = 0; i < rx.n; i++)
		free(rx.v[i]);
	/* the comparison means something only when the words decide */
	cr_expect_geq(read_as_words, 16, "only %zu patterns read as words",
		      read_as_words);
	cr_expect_eq(t.differ, 0,
		     "%zu of %zu probes answered otherwise, first %s", t.differ,
		     t.n, t.first);
	cr_expect_gt(t.hits, 500, "only %zu of %zu probes matched", t.hits,
		     t.n);
}
