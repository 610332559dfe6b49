/*
 * bench_parser: what the grammar parser costs (a benchmark, not a test).
 *
 *   bench-parser FILE...
 *
 * For each file: the check with the parser off, then with it on and a cold
 * cache, then again with a warm cache (the same text: every sentence
 * cached), then after editing one sentence (only that one parsed again).
 * Also the one-off cost of opening a checker with the parser (loading
 * link-grammar's dictionary).  Times are wall-clock milliseconds, best of
 * REPEAT runs; the cold-cache line adds the CPU time of all threads (on a
 * busy machine the CPU time is the steadier figure).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/checker.h"
#include "check/diag.h"
#include "text/document.h"
#include "text/segment.h"

#define REPEAT 3

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct checker *open_checker(int parser, double *ms)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	double t0 = now_ms();

	o.grammar_parser = parser;
	if (checker_new(&o, &c, &err) != MT_ERR_OK) {
		fprintf(stderr, "bench-parser: %s\n", err.msg);
		exit(2);
	}
	if (ms)
		*ms = now_ms() - t0;
	return c;
}

/* Check text once; returns milliseconds, *n_sent the sentence count. */
static double check_once(struct checker *c, const char *text, size_t len,
			 unsigned *n_sent, size_t *n_diags)
{
	struct document *doc;
	struct diag_list l;
	struct mt_error err = { 0 };
	double t0;

	if (document_load_mem("bench", text, len, NULL, &doc, &err) !=
	    MT_ERR_OK) {
		fprintf(stderr, "bench-parser: %s\n", err.msg);
		exit(2);
	}
	diag_list_init(&l, &doc->arena);
	t0 = now_ms();
	if (checker_check(c, doc, NULL, &l, &err) != MT_ERR_OK) {
		fprintf(stderr, "bench-parser: %s\n", err.msg);
		exit(2);
	}
	t0 = now_ms() - t0;
	if (n_sent)
		*n_sent = doc->n_sentences;
	if (n_diags)
		*n_diags = l.n;
	diag_list_release(&l);
	document_free(doc);
	return t0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		perror(path);
		exit(2);
	}
	rewind(f);
	s = malloc((size_t)n + 1);
	if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

int main(int argc, char **argv)
{
	double load = 0, best;

	if (argc < 2) {
		fprintf(stderr, "usage: bench-parser FILE...\n");
		return 2;
	}
	for (int r = 0; r < REPEAT; r++) {
		double ms;

		checker_free(open_checker(1, &ms));
		if (r == 0 || ms < load)
			load = ms;
	}
	printf("opening a checker with the parser: %.0f ms (dictionary "
	       "load)\n",
	       load);
	for (int a = 1; a < argc; a++) {
		size_t len, n_diags = 0;
		char *text = read_file(argv[a], &len), *edited;
		unsigned n_sent = 0;
		double off = 0, cold = 0, warm = 0, edit = 0, cpu = 0, c0;

		for (int r = 0; r < REPEAT; r++) {
			struct checker *c = open_checker(0, NULL);

			best = check_once(c, text, len, &n_sent, NULL);
			off = r == 0 || best < off ? best : off;
			checker_free(c);

			c = open_checker(1, NULL);
			c0 = cpu_ms();
			best = check_once(c, text, len, NULL, &n_diags);
			c0 = cpu_ms() - c0;
			cold = r == 0 || best < cold ? best : cold;
			cpu = r == 0 || c0 < cpu ? c0 : cpu;
			best = check_once(c, text, len, NULL, NULL);
			warm = r == 0 || best < warm ? best : warm;
			/* edit one sentence: change its first letter */
			edited = malloc(len + 1);
			memcpy(edited, text, len + 1);
			for (size_t i = len / 2; i < len; i++)
				if (edited[i] >= 'a' && edited[i] <= 'y') {
					edited[i]++;
					break;
				}
			best = check_once(c, edited, len, NULL, NULL);
			edit = r == 0 || best < edit ? best : edit;
			free(edited);
			checker_free(c);
		}
		printf("%s: %u sentences, %zu findings\n", argv[a], n_sent,
		       n_diags);
		printf("  parser off %8.1f ms\n", off);
		printf("  parser on  %8.1f ms cold cache (%.1f ms per "
		       "sentence; CPU %.0f ms, %.1f ms per sentence)\n",
		       cold, n_sent ? (cold - off) / n_sent : 0, cpu,
		       n_sent ? cpu / n_sent : 0);
		printf("  parser on  %8.1f ms warm cache (unchanged text)\n",
		       warm);
		printf("  parser on  %8.1f ms one sentence edited\n", edit);
		free(text);
	}
	return 0;
}
