/*
 * stream: JSON Lines in, JSON Lines out (see stream.h).
 */
#include "serve/stream.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/report.h"
#include "util/batch.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct line {
	struct buf in;	/* the line, without its newline */
	int too_long;
	char *out;	/* the answer, with its newline */
	size_t out_len;
	int fatal;	/* the environment failed: stop */
	struct mt_error err;
};

struct stream {
	struct session *s;
	const struct stream_options *o;
	struct line *lines;
	FILE *out, *log;
	int failed;
};

/*
 * Read one line into l (its newline dropped; a final line without one
 * counts).  Returns 0 at the end of input, 1 for a line, -1 on a read
 * error.  Past max_line bytes the rest of the line is read and dropped.
 */
static int read_line(FILE *in, struct line *l, size_t max_line)
{
	int c, any = 0;

	buf_reset(&l->in);
	l->too_long = 0;
	while ((c = getc_unlocked(in)) != EOF) {
		any = 1;
		if (c == '\n')
			return 1;
		if (l->in.len < max_line)
			buf_addc(&l->in, (char)c);
		else
			l->too_long = 1;
	}
	if (ferror(in))
		return -1;
	return any;
}

static void set_answer(struct line *l, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	size_t n;

	json_decref(j);
	if (!s)
		s = xstrdup("{\"id\":null,\"error\":\"cannot write the "
			    "answer\"}");
	n = strlen(s);
	l->out = xrealloc(s, n + 2);
	l->out[n] = '\n';
	l->out[n + 1] = '\0';
	l->out_len = n + 1;
}

static void set_error(struct line *l, json_t *id, const char *msg)
{
	set_answer(l, json_pack("{s:O?, s:s}", "id", id, "error", msg));
}

static int is_fatal(enum mt_err rc)
{
	return rc == MT_ERR_CONFIG || rc == MT_ERR_RULES || rc == MT_ERR_DICT ||
	       rc == MT_ERR_INTERNAL || rc == MT_ERR_UNICODE;
}

/* Check one line (on a worker thread, in its slot). */
static void check_line(struct stream *st, struct line *l, size_t slot)
{
	json_error_t jerr;
	json_t *root, *id, *text, *ref, *format, *diags;
	struct session_doc sd = { 0 };
	struct session_result res;
	char msg[300];
	enum mt_err rc;

	if (l->too_long) {
		snprintf(msg, sizeof(msg), "line over %zu bytes",
			 st->o->max_line);
		set_error(l, NULL, msg);
		return;
	}
	root = json_loadb(l->in.buf, l->in.len, JSON_ALLOW_NUL, &jerr);
	if (!json_is_object(root)) {
		if (root)
			snprintf(msg, sizeof(msg), "not a JSON object");
		else if (!l->in.len)
			snprintf(msg, sizeof(msg), "empty line");
		else
			snprintf(msg, sizeof(msg), "not JSON: %s at column %d",
				 jerr.text, jerr.column);
		json_decref(root);
		set_error(l, NULL, msg);
		return;
	}
	id = json_object_get(root, "id");
	text = json_object_get(root, "text");
	ref = json_object_get(root, "reference");
	format = json_object_get(root, "format");
	if (!json_is_string(text) || (ref && !json_is_string(ref)) ||
	    (format && !json_is_string(format))) {
		set_error(l, id, "\"text\" (and \"reference\" and \"format\", "
				 "if given) must be strings");
		json_decref(root);
		return;
	}
	sd.kind = DOCUMENT_TEXT;
	if (format && !strcmp(json_string_value(format), "markdown")) {
		sd.kind = DOCUMENT_MARKDOWN;
	} else if (format && strcmp(json_string_value(format), "text")) {
		set_error(l, id, "\"format\" is \"text\" or \"markdown\"");
		json_decref(root);
		return;
	}
	sd.path = "-";
	sd.text = json_string_value(text);
	sd.len = json_string_length(text);
	if (ref) {
		sd.reference_text = json_string_value(ref);
		sd.reference_len = json_string_length(ref);
	}
	rc = session_check(st->s, slot, &sd, &res);
	if (rc != MT_ERR_OK) {
		l->fatal = is_fatal(rc);
		l->err = res.err;
		set_error(l, id, res.err.msg);
	} else {
		diags = json_array();
		for (size_t i = 0; i < res.diags.n; i++)
			json_array_append_new(
				diags, report_json_diag(res.doc,
							&res.diags.v[i]));
		set_answer(l, json_pack("{s:O?, s:o}", "id", id, "diagnostics",
					diags));
	}
	session_result_release(&res);
	json_decref(root);
}

static void work(void *ctx, size_t worker, size_t job)
{
	struct stream *st = ctx;

	check_line(st, &st->lines[job], worker);
}

static void done(void *ctx, size_t job)
{
	struct stream *st = ctx;
	struct line *l = &st->lines[job];

	if (l->fatal && !st->failed) {
		fprintf(st->log, "mtlint: error: %s\n", l->err.msg);
		st->failed = 1;
	}
	if (!st->failed && fwrite(l->out, 1, l->out_len, st->out) != l->out_len)
		st->failed = 1;
	free(l->out);
	l->out = NULL;
}

/*
 * Open every slot's checker here, on the calling thread, before the
 * workers start: a broken configuration or a missing dictionary stops the
 * run at once, and the libraries' shared data (link-grammar's dictionary,
 * which keeps state of the thread that loads it) belongs to a thread that
 * lives as long as the run.
 */
static int open_checkers(struct session *s, size_t jobs, FILE *log)
{
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	const struct config *cfg;
	enum mt_err rc = session_config(s, "-", &cfg, &cerrs, &err);

	for (size_t i = 0; rc == MT_ERR_OK && i < jobs; i++) {
		struct checker *c;

		rc = session_checker(s, session_profile(s, cfg), i, &c, &err);
	}
	if (rc == MT_ERR_OK)
		return 0;
	if (cerrs.n)
		yamlfile_errors_print(&cerrs, log);
	fprintf(log, "mtlint: error: %s\n", err.msg);
	yamlfile_errors_release(&cerrs);
	return -1;
}

int stream_run(struct session *s, const struct stream_options *o, FILE *in,
	       FILE *out, FILE *log)
{
	struct stream_options opts = *o;
	struct stream st = { s, &opts, NULL, out, log, 0 };
	size_t window, n = 0;
	int rc = 1;

	if (!opts.jobs)
		opts.jobs = batch_cpus();
	if (!opts.max_line)
		opts.max_line = STREAM_MAX_LINE;
	if (open_checkers(s, opts.jobs, log) != 0)
		return 2;
	window = opts.jobs * STREAM_WINDOW_PER_JOB;
	st.lines = xcalloc(window, sizeof(*st.lines));
	for (size_t i = 0; i < window; i++)
		buf_init(&st.lines[i].in);
	while (!st.failed && rc > 0) {
		for (n = 0; n < window; n++) {
			rc = read_line(in, &st.lines[n], opts.max_line);
			if (rc <= 0)
				break;
		}
		if (rc < 0) {
			fprintf(log, "mtlint: error: cannot read the input\n");
			st.failed = 1;
		}
		batch_run(n, opts.jobs, work, done, &st);
	}
	for (size_t i = 0; i < window; i++)
		buf_release(&st.lines[i].in);
	free(st.lines);
	if (fflush(out) != 0 || ferror(out)) {
		if (!st.failed)
			fprintf(log, "mtlint: error: cannot write the "
				     "output\n");
		st.failed = 1;
	}
	return st.failed ? 2 : 0;
}
