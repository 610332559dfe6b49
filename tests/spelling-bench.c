/*
 * spelling-bench: how fast is spell-checking?  Run by `make bench`.
 *
 * Reports, for one corpus file (about 2 MB of English prose assembled by
 * tests/spelling.mk from text Debian packages ship):
 *   - cold start: opening the en_US dictionary alone, then with the
 *     project's word lists (the spelling pass's open);
 *   - checking (not suggesting): speller_check() over every word token,
 *     first with an empty cache, then again with a warm one, in words/s;
 *   - the whole spelling pass through checker_check(), suggestions
 *     included (every unknown word gets them, from the index), then
 *     without suggestions (a checker with spelling.unknown-word disabled
 *     does all the checking but never asks Hunspell for suggestions).
 *
 * Usage: spelling-bench CORPUS [DATA_DIR]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/checker.h"
#include "text/segment.h"
#include "spelling/hunspell.h"
#include "spelling/spelling.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const struct mt_error *err)
{
	fprintf(stderr, "spelling-bench: %s: %s\n", what, err->msg);
	exit(2);
}

int main(int argc, char **argv)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	static const char *const only[] = { "spelling" };
	static const char *const all[] = { "fluency", "accuracy", "style",
					   "locale-convention", "terminology",
					   "grammar", "reference", "typography" };
	struct mt_error err = { 0 };
	struct speller *sp;
	struct checker *c;
	struct document *doc;
	struct diag_list diags;
	size_t words = 0, unknown = 0;
	double t0, t_open, t_checker, t_cold, t_warm, t_pass, t_pass2;
	size_t n_diags;

	if (argc < 2) {
		fprintf(stderr, "usage: spelling-bench CORPUS [DATA_DIR]\n");
		return 2;
	}
	o.data_dir = argc > 2 ? argv[2] : NULL;

	t0 = now();
	if (speller_open("en_US", NULL, &sp, &err))
		die("open", &err);
	t_open = now() - t0;

	/* the checker with only the spelling pass's rules enabled */
	o.disable = all;
	o.n_disable = ARRAY_SIZE(all);
	o.enable = only;
	o.n_enable = 1;
	t0 = now();
	if (checker_new(&o, &c, &err))
		die("checker", &err);
	t_checker = now() - t0;

	if (document_load_file(argv[1], NULL, &doc, &err))
		die(argv[1], &err);
	if (checker_segment(c, doc, &err))
		die("segment", &err);

	for (int pass = 0; pass < 2; pass++) {
		t0 = now();
		for (uint32_t i = 0; i < doc->n_tokens; i++) {
			const struct token *t = &doc->tokens[i];

			if (t->kind != TOK_WORD)
				continue;
			if (!speller_check(sp, doc->text + t->span.start,
					   token_len(t)) &&
			    pass == 0)
				unknown++;
			words += pass == 0;
		}
		if (pass == 0)
			t_cold = now() - t0;
		else
			t_warm = now() - t0;
	}

	diag_list_init(&diags, &doc->arena);
	t0 = now();
	if (checker_check(c, doc, NULL, &diags, &err))
		die("check", &err);
	t_pass = now() - t0;
	n_diags = diags.n;
	diag_list_release(&diags);
	diag_list_init(&diags, &doc->arena);
	{
		static const char *const off[] = { "fluency", "accuracy",
			"style", "locale-convention", "terminology", "grammar",
			"reference", "typography", "spelling.unknown-word" };
		struct checker *c2;

		o.disable = off;
		o.n_disable = ARRAY_SIZE(off);
		if (checker_new(&o, &c2, &err))
			die("checker", &err);
		t0 = now();
		if (checker_check(c2, doc, NULL, &diags, &err))
			die("check", &err);
		t_pass2 = now() - t0;
		checker_free(c2);
	}

	printf("spelling benchmark: %s (%.1f MB, %zu word tokens, "
	       "%zu unknown to en_US)\n",
	       argv[1], (double)doc->len / 1e6, words, unknown);
	printf("  cold start: en_US dictionary %.0f ms; checker with word "
	       "lists %.0f ms\n",
	       t_open * 1e3, t_checker * 1e3);
	printf("  check, empty cache:  %10.0f words/s\n",
	       (double)words / t_cold);
	printf("  check, warm cache:   %10.0f words/s\n",
	       (double)words / t_warm);
	printf("  spelling pass:       %10.0f words/s (%.2f s, %zu findings, "
	       "all with suggestions)\n",
	       (double)words / t_pass, t_pass, n_diags);
	printf("  same, no suggestions:%10.0f words/s (%.2f s, segmentation "
	       "included)\n",
	       (double)words / t_pass2, t_pass2);
	diag_list_release(&diags);
	document_free(doc);
	checker_free(c);
	speller_close(sp);
	return 0;
}
