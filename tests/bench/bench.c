/*
 * bench: whole-checker throughput through the library API, as the CLI and
 * the LSP server use it.
 *
 *   bench [-n ROUNDS] FILE...
 *
 * Opens one checker (reported as cold start: rules, dictionaries, parser),
 * then checks every FILE ROUNDS times and prints documents/s, MB/s and
 * words/s.  Timing uses CLOCK_MONOTONIC; run with BENCH_CALLGRIND=1 through
 * `make bench` for repeatable instruction counts instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run/checker.h"
#include "text/document.h"
#include "text/segment.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct checker *c;
	struct mt_error err = { 0 };
	int rounds = 20, opt;
	double t0, t1, bytes = 0, words = 0;
	size_t docs = 0, diags = 0;

	while ((opt = getopt(argc, argv, "n:")) != -1) {
		if (opt == 'n')
			rounds = atoi(optarg) > 0 ? atoi(optarg) : 1;
		else
			return 2;
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: bench [-n ROUNDS] FILE...\n");
		return 2;
	}
	t0 = now();
	if (checker_new(&o, &c, &err) != MT_ERR_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 2;
	}
	t1 = now();
	printf("cold start (load rules, dictionaries, parser): %.1f ms\n",
	       (t1 - t0) * 1e3);
	t0 = now();
	for (int r = 0; r < rounds; r++) {
		for (int i = optind; i < argc; i++) {
			struct document *doc;
			struct diag_list l;

			if (document_load_file(argv[i], NULL, &doc, &err) !=
			    MT_ERR_OK) {
				fprintf(stderr, "bench: %s\n", err.msg);
				checker_free(c);
				return 2;
			}
			diag_list_init(&l, &doc->arena);
			if (checker_check(c, doc, NULL, &l, &err) != MT_ERR_OK) {
				fprintf(stderr, "bench: %s\n", err.msg);
				return 2;
			}
			bytes += doc->len;
			for (uint32_t k = 0; k < doc->n_tokens; k++)
				words += doc->tokens[k].kind == TOK_WORD;
			diags += l.n;
			docs++;
			diag_list_release(&l);
			document_free(doc);
		}
	}
	t1 = now();
	printf("checked %zu documents (%.2f MB, %.0f words, %zu findings) "
	       "in %.3f s\n",
	       docs, bytes / 1e6, words, diags, t1 - t0);
	printf("throughput: %.1f documents/s, %.2f MB/s, %.0f words/s\n",
	       (double)docs / (t1 - t0), bytes / 1e6 / (t1 - t0),
	       words / (t1 - t0));
	checker_free(c);
	return 0;
}
