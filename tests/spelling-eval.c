/*
 * spelling-eval: how often is the right correction of a real misspelling
 * our first suggestion (top-1) or among our first five (top-5), next to
 * Hunspell's own order?  Run by `make eval`.
 *
 * Data: codespell's dictionary of common misspellings ("wrong->right",
 * collected from Wikipedia's list of common misspellings and from code),
 * shipped by the Debian package codespell.  Kept: entries with exactly one
 * correction, a single word, where the en_US dictionary rejects the
 * misspelling and accepts the correction (otherwise no spell checker could
 * be right).  The ranking weights were chosen on the odd-numbered entries;
 * the even-numbered ones are reported apart as held-out data.
 *
 * Words run together ("alot" -> "a lot", "infact" -> "in fact") are
 * measured apart, on every entry of the list (they are few): entries
 * whose first correction is two words separated by a space, both
 * accepted, the misspelling rejected; a suggestion is right when it is
 * one of the entry's corrections.  "exact splits" are those whose
 * correction is the misspelling with a space put in.
 *
 * Usage: spelling-eval [--tune] DICTIONARY.txt [DATA_DIR] [STEP]
 *   STEP n evaluates every n-th entry (default 1: all).
 *   --tune also searches a grid of ranking weights on the tuning half and
 *   prints the best, with its score on the held-out half.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "spelling/hunspell.h"
#include "spelling/rank.h"

struct tally {
	size_t n, top1, top5;
};

static void count(struct tally *t, const char *const *v, size_t k,
		  const char *right)
{
	t->n++;
	for (size_t i = 0; i < k && i < 5; i++)
		if (strcmp(v[i], right) == 0) {
			t->top5++;
			if (i == 0)
				t->top1++;
			break;
		}
}

/* Is s one of the comma-separated corrections in list? */
static int listed(const char *list, const char *s)
{
	size_t n = strlen(s);

	for (const char *p = list; *p;) {
		size_t m = strcspn(p, ",");

		while (m && p[m - 1] == ' ')
			m--;
		if (m == n && strncmp(p, s, n) == 0)
			return 1;
		p += strcspn(p, ",");
		while (*p == ',' || *p == ' ')
			p++;
	}
	return 0;
}

static void count_listed(struct tally *t, const char *const *v, size_t k,
			 const char *list)
{
	t->n++;
	for (size_t i = 0; i < k && i < 5; i++)
		if (listed(list, v[i])) {
			t->top5++;
			if (i == 0)
				t->top1++;
			break;
		}
}

static void print(const char *what, const struct tally *t)
{
	printf("  %-28s %6zu words  top-1 %5.1f%%  top-5 %5.1f%%\n", what,
	       t->n, t->n ? 100.0 * (double)t->top1 / (double)t->n : 0,
	       t->n ? 100.0 * (double)t->top5 / (double)t->n : 0);
}

/*
 * The entry "wrong" -> "list" (its corrections, comma-separated) when its
 * first correction is two words run together: tallied into run[0] (ours)
 * and run[1] (Hunspell's), and into exact[] when the correction is the
 * misspelling with a space put in.
 */
static void run_together(struct speller *sp, const char *wrong,
			 const char *list, struct tally run[2],
			 struct tally exact[2])
{
	char first[256];
	size_t m = strcspn(list, ","), wl = strlen(wrong);
	const char *sp1, *const *v;
	size_t k;
	int is_exact;

	while (m && list[m - 1] == ' ')
		m--;
	if (!m || m >= sizeof(first))
		return;
	memcpy(first, list, m);
	first[m] = '\0';
	sp1 = strchr(first, ' ');
	if (!sp1 || strchr(sp1 + 1, ' ') || sp1 == first || !sp1[1])
		return;
	if (speller_check(sp, wrong, wl) ||
	    !speller_check(sp, first, (size_t)(sp1 - first)) ||
	    !speller_check(sp, sp1 + 1, strlen(sp1 + 1)))
		return;
	is_exact = m == wl + 1 &&
		   strncasecmp(first, wrong, (size_t)(sp1 - first)) == 0 &&
		   strcasecmp(sp1 + 1, wrong + (sp1 - first)) == 0;
	k = speller_suggest(sp, wrong, wl, SPELLER_ORDER_INDEX, &v);
	count_listed(&run[0], v, k, list);
	if (is_exact)
		count_listed(&exact[0], v, k, list);
	k = speller_suggest(sp, wrong, wl, SPELLER_ORDER_HUNSPELL, &v);
	count_listed(&run[1], v, k, list);
	if (is_exact)
		count_listed(&exact[1], v, k, list);
}

/* One evaluated entry: the misspelling, its correction, Hunspell's list. */
struct item {
	char *wrong, *right;
	char **hun;
	size_t n_hun;
	int half;
};

/* Rank every item's Hunspell list with weights w; tally by half. */
static void rerank(struct speller *sp, const struct rank_weights *w,
		   const struct item *it, size_t n, struct tally out[2])
{
	speller_set_weights(sp, w);
	memset(out, 0, 2 * sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		const char *v[SPELLER_MAX_SUGGESTIONS];
		size_t k = it[i].n_hun;

		for (size_t j = 0; j < k; j++)
			v[j] = it[i].hun[j];
		speller_rank(sp, it[i].wrong, strlen(it[i].wrong), v, k);
		count(&out[it[i].half], v, k, it[i].right);
	}
}

/*
 * Coordinate descent on the tuning half: each weight in turn takes the
 * value from `grid` that maximises top-1 (top-5 breaking ties), the others
 * held; three rounds.  Prints the weights and both halves' scores.
 */
static void tune(struct speller *sp, const struct item *it, size_t n)
{
	static const double grid[] = { 0,   0.05, 0.1, 0.2, 0.3, 0.45,
					0.7, 1.0,  1.5, 2.0, 3.0 };
	struct rank_weights best = rank_default_weights;
	double *field[] = { &best.phonetic, &best.freq, &best.proper,
			    &best.split, &best.rank };
	struct tally t[2], bt[2];

	rerank(sp, &best, it, n, bt);
	for (int round = 0; round < 3; round++)
		for (size_t f = 0; f < ARRAY_SIZE(field); f++) {
			double keep = *field[f];

			for (size_t g = 0; g < ARRAY_SIZE(grid); g++) {
				*field[f] = grid[g];
				rerank(sp, &best, it, n, t);
				if (t[1].top1 > bt[1].top1 ||
				    (t[1].top1 == bt[1].top1 &&
				     t[1].top5 > bt[1].top5)) {
					keep = grid[g];
					bt[0] = t[0];
					bt[1] = t[1];
				}
			}
			*field[f] = keep;
		}
	printf("best weights on the tuning half: phonetic %.2f freq %.2f "
	       "proper %.2f split %.2f rank %.2f\n",
	       best.phonetic, best.freq, best.proper, best.split, best.rank);
	print("tuned, tuning half", &bt[1]);
	print("tuned, held out", &bt[0]);
	speller_set_weights(sp, &rank_default_weights);
}

int main(int argc, char **argv)
{
	int do_tune = argc > 1 && strcmp(argv[1], "--tune") == 0;
	struct item *items = NULL;
	size_t n_items = 0, alloc_items = 0;
	const char *data;
	long step;
	struct tally ours[2] = { { 0 } }, hun[2] = { { 0 } };
	struct tally all_ours = { 0 }, all_hun = { 0 };
	struct tally run[2] = { { 0 } }, exact[2] = { { 0 } };
	struct speller *sp;
	struct mt_error err = { 0 };
	char path[4096], *line = NULL;
	size_t cap = 0, lineno = 0;
	FILE *f;
	clock_t t0 = clock();

	if (do_tune) {
		argc--;
		argv++;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: spelling-eval DICTIONARY.txt "
				"[DATA_DIR] [STEP]\n");
		return 2;
	}
	data = argc > 2 ? argv[2] : ".";
	step = argc > 3 ? strtol(argv[3], NULL, 10) : 1;
	if (step < 1)
		step = 1;
	f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	if (speller_open("en_US", NULL, &sp, &err)) {
		fprintf(stderr, "spelling-eval: %s\n", err.msg);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/dictionaries/en/frequency.tsv", data);
	if (speller_load_frequencies(sp, path, &err)) {
		fprintf(stderr, "spelling-eval: %s\n", err.msg);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/dictionaries/lm/en.lm", data);
	speller_set_pair_model(sp, path);
	while (getline(&line, &cap, f) > 0) {
		char *arrow = strstr(line, "->"), *right;
		const char *const *v;
		size_t k, wl;
		int half;

		lineno++;
		if (!arrow)
			continue;
		*arrow = '\0';
		right = arrow + 2;
		right[strcspn(right, "\r\n")] = '\0';
		/* every entry: there are few */
		run_together(sp, line, right, run, exact);
		if ((lineno - 1) % (size_t)step)
			continue;
		if (strpbrk(right, ", ") || !*right)
			continue;
		wl = strlen(line);
		if (speller_check(sp, line, wl) ||
		    !speller_check(sp, right, strlen(right)))
			continue;
		half = lineno % 2; /* 1: odd, the tuning half */
		/* what the spelling pass gives: the index's candidates, ranked */
		k = speller_suggest(sp, line, wl, SPELLER_ORDER_INDEX, &v);
		count(&ours[half], v, k, right);
		count(&all_ours, v, k, right);
		k = speller_suggest(sp, line, wl, SPELLER_ORDER_HUNSPELL, &v);
		count(&hun[half], v, k, right);
		count(&all_hun, v, k, right);
		if (do_tune) {
			struct item *it;

			if (n_items == alloc_items) {
				alloc_items = alloc_items ? 2 * alloc_items : 1024;
				items = realloc(items,
						alloc_items * sizeof(*items));
				if (!items)
					return 2;
			}
			it = &items[n_items++];
			it->wrong = strdup(line);
			it->right = strdup(right);
			it->half = half;
			it->n_hun = k;
			it->hun = calloc(k ? k : 1, sizeof(char *));
			for (size_t j = 0; j < k; j++)
				it->hun[j] = strdup(v[j]);
		}
	}
	free(line);
	fclose(f);
	printf("spelling suggestions on codespell's common misspellings "
	       "(%s, every %ld. entry):\n",
	       argv[1], step);
	print("Hunspell's order, all", &all_hun);
	print("mtlint's ranking, all", &all_ours);
	print("Hunspell's order, held out", &hun[0]);
	print("mtlint's ranking, held out", &ours[0]);
	print("Hunspell's order, tuning", &hun[1]);
	print("mtlint's ranking, tuning", &ours[1]);
	printf("words run together (a correction with a space; every "
	       "entry):\n");
	print("Hunspell's order, all", &run[1]);
	print("mtlint's ranking, all", &run[0]);
	print("Hunspell's order, exact splits", &exact[1]);
	print("mtlint's ranking, exact splits", &exact[0]);
	if (do_tune)
		tune(sp, items, n_items);
	for (size_t i = 0; i < n_items; i++) {
		for (size_t j = 0; j < items[i].n_hun; j++)
			free(items[i].hun[j]);
		free(items[i].hun);
		free(items[i].wrong);
		free(items[i].right);
	}
	free(items);
	speller_close(sp);
	printf("  (%.0f s CPU)\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
	return 0;
}
