/*
 * bench_lsp: how fast the Language Server republishes diagnostics after a
 * one-character edit, and whether its memory stays flat over many edits.
 *
 *   bench_lsp [-n EDITS] [-m MEMORY_EDITS] FILE
 *
 * The server (lsp_serve()) runs in a thread of this process on pipes, as
 * an editor runs `mtlint lsp`.  FILE is repeated to 10 KB and opened; then
 *
 *   1. EDITS edits (default 200), each inserting one letter into a word at
 *      a pseudo-random place (a fixed sequence: same run, same edits) --
 *      every edit makes a sentence the server has not seen, as typing does;
 *      for each, the time from sending didChange to receiving the first
 *      publishDiagnostics (the quick check), and to the answer of a request
 *      sent right after it (the full check done), in wall time and in the
 *      server's CPU time (its thread's and the parser's threads');
 *   2. MEMORY_EDITS edits (default 10000) that insert a letter and delete
 *      it again, alternately, at moving places; the process's resident
 *      memory, anonymous (the heap) and file-backed (mapped dictionaries
 *      and models), is printed after the first 500 (the documents' words
 *      and sentences are cached, the lazily loaded dictionaries loaded),
 *      every 2,000, and at the end.
 *
 * With BENCH_LSP_EXIT_EARLY set, the process exits right after the edits
 * without shutting the server down, so that what heaptrack reports as
 * leaked is what the server holds (`heaptrack_print --print-leaks`).
 *
 * Medians and 90th percentiles are printed.  On a shared machine the CPU
 * time is the figure to compare (the wall time includes waiting for a
 * processor).
 */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lsp/lsp.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct server {
	FILE *in, *out;
	struct session_options o;
	int status;
};

static void *serve(void *arg)
{
	struct server *s = arg;

	s->status = lsp_serve(&s->o, NULL, s->in, s->out);
	fclose(s->out);
	return NULL;
}

static double secs(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The server's CPU time: the process's but this (the client's) thread's,
 * so the server thread and the parser's threads, also those that ended. */
static double server_cpu(void)
{
	return secs(CLOCK_PROCESS_CPUTIME_ID) - secs(CLOCK_THREAD_CPUTIME_ID);
}

static void send_msg(FILE *f, json_t *m)
{
	char *t = json_dumps(m, JSON_COMPACT);

	fprintf(f, "Content-Length: %zu\r\n\r\n%s", strlen(t), t);
	fflush(f);
	free(t);
	json_decref(m);
}

/* Read messages until a publishDiagnostics (want_id 0) or the response
 * to request want_id; returns the number of diagnostics published (0 for
 * a response), -1 at the end of output. */
static int wait_for(FILE *f, json_int_t want_id)
{
	for (;;) {
		char line[256];
		size_t n = 0;
		char *body;
		json_t *m;
		int found = -1;

		while (fgets(line, sizeof(line), f)) {
			if (!strncmp(line, "Content-Length:", 15))
				n = strtoul(line + 15, NULL, 10);
			if (line[0] == '\r' || line[0] == '\n')
				break;
		}
		if (!n || feof(f))
			return -1;
		body = malloc(n + 1);
		if (fread(body, 1, n, f) != n) {
			free(body);
			return -1;
		}
		m = json_loadb(body, n, 0, NULL);
		free(body);
		if (m && !want_id &&
		    !strcmp(json_string_value(json_object_get(m, "method"))
				    ?: "",
			    "textDocument/publishDiagnostics"))
			found = (int)json_array_size(json_object_get(
				json_object_get(m, "params"), "diagnostics"));
		if (m && want_id &&
		    json_integer_value(json_object_get(m, "id")) == want_id &&
		    !json_object_get(m, "method"))
			found = 0;
		json_decref(m);
		if (found >= 0)
			return found;
	}
}

static unsigned long long lcg = 12345;

static size_t next_rand(size_t n)
{
	lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)((lcg >> 33) % n);
}

/* The byte offset of line/character (ASCII-safe: the bench edits inside
 * ASCII words only) as an LSP position. */
static json_t *position(const char *t, size_t off)
{
	size_t line = 0, col = 0;

	for (size_t i = 0; i < off; i++) {
		if (t[i] == '\n') {
			line++;
			col = 0;
		} else if (((unsigned char)t[i] & 0xC0) != 0x80) {
			col += ((unsigned char)t[i] >= 0xF0) ? 2 : 1;
		}
	}
	return json_pack("{s:I, s:I}", "line", (json_int_t)line, "character",
			 (json_int_t)col);
}

/* An offset inside an ASCII word of t. */
static size_t word_spot(const char *t, size_t len)
{
	for (;;) {
		size_t p = 1 + next_rand(len - 2);

		if (((t[p - 1] >= 'a' && t[p - 1] <= 'z') &&
		     (t[p] >= 'a' && t[p] <= 'z')))
			return p;
	}
}

static void change(FILE *f, const char *uri, int version, json_t *from,
		   json_t *to, const char *text)
{
	send_msg(f, json_pack("{s:s, s:s, s:{s:{s:s, s:i}, s:[{s:{s:o, s:o}, "
			      "s:s}]}}",
			      "jsonrpc", "2.0", "method",
			      "textDocument/didChange", "params",
			      "textDocument", "uri", uri, "version", version,
			      "contentChanges", "range", "start", from, "end",
			      to, "text", text));
}

static int wait_publish(FILE *f)
{
	return wait_for(f, 0);
}

/* A request the server answers after it is done with what came before. */
static int barrier(FILE *out, FILE *in, const char *uri, json_int_t id)
{
	send_msg(out, json_pack("{s:s, s:I, s:s, s:{s:{s:s}, s:{s:i, s:i}}}",
				"jsonrpc", "2.0", "id", id, "method",
				"textDocument/hover", "params", "textDocument",
				"uri", uri, "position", "line", 0, "character",
				0));
	return wait_for(in, id);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void report(const char *what, double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	printf("  %-34s median %6.2f ms, 90%% %6.2f ms, max %6.2f ms\n", what,
	       1e3 * v[n / 2], 1e3 * v[n * 9 / 10], 1e3 * v[n - 1]);
}

/* A line "Name:   N kB" of /proc/self/status, in KB; 0 when absent. */
static long status_kb(const char *name)
{
	char line[256];
	long kb = 0;
	size_t n = strlen(name);
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, n) && line[n] == ':') {
			kb = strtol(line + n + 1, NULL, 10);
			break;
		}
	if (f)
		fclose(f);
	return kb;
}

/* Resident memory: anonymous (the heap: what a leak or a cache grows)
 * and file-backed (pages of the mapped suggestion index and language
 * model, which grow as new words touch them, up to the files' size, and
 * which the kernel can drop). */
static void rss_kb(long *anon, long *file)
{
	*anon = status_kb("RssAnon");
	*file = status_kb("RssFile");
}

int main(int argc, char **argv)
{
	int n_edits = 200, n_mem = 10000, opt, version = 1;
	int to_srv[2], from_srv[2];
	struct server s = { 0 };
	pthread_t th;
	FILE *out, *in;
	struct buf text = BUF_INIT, one = BUF_INIT;
	const char *uri = "file:///tmp/mtlint-bench-article.txt";
	double *wall, *cpu, *wall_full, *cpu_full, t0, c0;
	json_int_t next_id = 100;
	long anon_start = 0, file_start = 0;

	while ((opt = getopt(argc, argv, "n:m:")) != -1) {
		if (opt == 'n')
			n_edits = atoi(optarg) > 0 ? atoi(optarg) : 1;
		else if (opt == 'm')
			n_mem = atoi(optarg) >= 0 ? atoi(optarg) : 0;
		else
			return 2;
	}
	if (optind >= argc || buf_read_file(&one, argv[optind], 0) < 0 ||
	    !one.len) {
		fprintf(stderr, "usage: bench_lsp [-n EDITS] [-m EDITS] FILE\n");
		return 2;
	}
	while (text.len < 10240) {
		buf_add(&text, one.buf, one.len);
		buf_addc(&text, '\n');
	}
	text.len = 10240;
	while (text.len && (text.buf[text.len - 1] & 0xC0) == 0x80)
		text.len--;
	text.buf[text.len] = '\0';
	if (pipe(to_srv) || pipe(from_srv))
		return 2;
	s.in = fdopen(to_srv[0], "r");
	s.out = fdopen(from_srv[1], "w");
	out = fdopen(to_srv[1], "w");
	in = fdopen(from_srv[0], "r");
	s.o.co = (struct checker_options)CHECKER_OPTIONS_INIT;
	s.o.co.lang = NULL;
	s.o.no_config = 1;
	xalloc_long_running(); /* as mtlint lsp does */
	pthread_create(&th, NULL, serve, &s);
	send_msg(out, json_pack("{s:s, s:i, s:s, s:{s:{}}}", "jsonrpc", "2.0",
				"id", 1, "method", "initialize", "params",
				"capabilities"));
	t0 = secs(CLOCK_MONOTONIC);
	send_msg(out, json_pack("{s:s, s:s, s:{s:{s:s, s:s, s:i, s:s}}}",
				"jsonrpc", "2.0", "method",
				"textDocument/didOpen", "params",
				"textDocument", "uri", uri, "languageId",
				"plaintext", "version", 1, "text", text.buf));
	if (wait_publish(in) < 0)
		return 1;
	printf("LSP on a %zu-byte article (%s):\n", text.len, argv[optind]);
	printf("  open and first check: %.0f ms (loads the dictionaries, "
	       "rules and parser)\n",
	       1e3 * (secs(CLOCK_MONOTONIC) - t0));
	wall = calloc((size_t)n_edits, sizeof(*wall));
	cpu = calloc((size_t)n_edits, sizeof(*cpu));
	wall_full = calloc((size_t)n_edits, sizeof(*wall));
	cpu_full = calloc((size_t)n_edits, sizeof(*cpu));
	for (int i = 0; i < n_edits; i++) {
		size_t p = word_spot(text.buf, text.len);
		char ins[2] = { (char)('a' + next_rand(26)), 0 };
		struct buf nb = BUF_INIT;

		change(out, uri, ++version, position(text.buf, p),
		       position(text.buf, p), ins);
		t0 = secs(CLOCK_MONOTONIC);
		c0 = server_cpu();
		if (wait_publish(in) < 0)
			return 1;
		wall[i] = secs(CLOCK_MONOTONIC) - t0;
		cpu[i] = server_cpu() - c0;
		if (barrier(out, in, uri, next_id++) < 0)
			return 1;
		wall_full[i] = secs(CLOCK_MONOTONIC) - t0;
		cpu_full[i] = server_cpu() - c0;
		buf_add(&nb, text.buf, p);
		buf_adds(&nb, ins);
		buf_add(&nb, text.buf + p, text.len - p);
		buf_release(&text);
		text = nb;
	}
	printf("%d one-letter insertions into words (new sentences):\n",
	       n_edits);
	report("republished, wall time", wall, (size_t)n_edits);
	report("republished, server CPU time", cpu, (size_t)n_edits);
	report("full check done, wall time", wall_full, (size_t)n_edits);
	report("full check done, server CPU time", cpu_full,
	       (size_t)n_edits);
	for (int i = 0; i < n_mem; i++) {
		size_t p = 1 + (size_t)(i / 2 * 37) % (text.len - 2);

		while (p < text.len && ((unsigned char)text.buf[p] & 0xC0) == 0x80)
			p++;
		json_t *at = position(text.buf, p);

		if (i % 2 == 0) {
			change(out, uri, ++version, at, json_deep_copy(at),
			       "x");
		} else {
			json_t *end = json_deep_copy(at);

			json_object_set_new(
				end, "character",
				json_integer(json_integer_value(json_object_get(
						     at, "character")) +
					     1));
			change(out, uri, ++version, at, end, "");
		}
		if (barrier(out, in, uri, next_id++) < 0)
			return 1;
		if (i == 499)
			rss_kb(&anon_start, &file_start);
		if ((i + 1) % 2000 == 0 || i + 1 == 500) {
			long a, f;

			rss_kb(&a, &f);
			printf("  after %5d edits: resident anonymous %ld KB, "
			       "file-backed %ld KB\n",
			       i + 1, a, f);
			fflush(stdout);
		}
	}
	if (n_mem > 500) {
		long anon, file;

		rss_kb(&anon, &file);
		printf("memory over %d edits (insert, delete): resident "
		       "anonymous %ld KB after 500, %ld KB after %d (%+.1f %%); "
		       "file-backed %ld KB, %ld KB\n",
		       n_mem, anon_start, anon, n_mem,
		       anon_start ? 100.0 * (double)(anon - anon_start) /
					    (double)anon_start
				  : 0.0,
		       file_start, file);
	}
	if (getenv("BENCH_LSP_EXIT_EARLY")) {
		fflush(stdout);
		exit(0); /* what the server holds stays allocated */
	}
	send_msg(out, json_pack("{s:s, s:i, s:s}", "jsonrpc", "2.0", "id", 2,
				"method", "shutdown"));
	send_msg(out, json_pack("{s:s, s:s}", "jsonrpc", "2.0", "method",
				"exit"));
	fclose(out);
	pthread_join(th, NULL);
	fclose(in);
	free(wall);
	free(cpu);
	free(wall_full);
	free(cpu_full);
	buf_release(&text);
	buf_release(&one);
	return s.status;
}
