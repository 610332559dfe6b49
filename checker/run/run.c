/*
 * run: inputs expanded, checked in parallel, reported, filtered by the
 * baseline and counted in input order (see run.h).
 */
#include "run/run.h"

#include <stdlib.h>
#include <string.h>

#include "run/baseline.h"
#include "run/walk.h"
#include "util/batch.h"
#include "util/xalloc.h"

struct job {
	const char *path;
	const struct session_profile *prof;
	struct session_result res;
	int failed;
};

struct run {
	struct session *s;
	const struct run_options *o;
	struct job *jobs;
	size_t n_jobs;
	void *rs; /* the reporter's state */
	struct baseline *baseline, *write_baseline;
	size_t at_threshold, warnings, n_fixed, baselined;
	int input_error;
	size_t n_done; /* files finished, for the progress line */
	int progress;  /* drawing one (run_options.progress) */
};

/* Erase the progress line, before other output. */
static void progress_clear(struct run *r)
{
	if (r->progress && r->n_done) {
		fputs("\r\033[K", r->o->log);
		fflush(r->o->log);
	}
}

static void progress_draw(struct run *r)
{
	r->n_done++;
	if (!r->progress)
		return;
	fprintf(r->o->log, "\r\033[Kmtlint: %zu/%zu files", r->n_done,
		r->n_jobs);
	fflush(r->o->log);
}

static int walk_ignore(void *arg, const char *path, int is_dir)
{
	struct session *s = arg;
	const struct config *cfg;
	struct mt_error err = { 0 };

	/* a broken configuration is reported when its files are checked */
	if (session_config(s, path, &cfg, NULL, &err) != MT_ERR_OK)
		return 0;
	return config_ignored(cfg, path, is_dir);
}

struct keyed {
	char *key; /* the real path, or the path as given */
	size_t index;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/*
 * Drop inputs named twice (also through "./", symbolic links or an
 * overlapping directory and glob), keeping the first: a file is checked,
 * reported and fixed once.
 */
static void dedupe_inputs(struct walk_list *l)
{
	struct keyed *k = xcalloc(l->n + 1, sizeof(*k));
	unsigned char *drop = xcalloc(l->n + 1, 1);
	size_t o = 0;

	for (size_t i = 0; i < l->n; i++) {
		char *real = strcmp(l->v[i], "-") ? realpath(l->v[i], NULL)
						  : NULL;

		k[i].key = real ? real : xstrdup(l->v[i]);
		k[i].index = i;
	}
	qsort(k, l->n, sizeof(*k), cmp_keyed);
	for (size_t i = 1; i < l->n; i++)
		if (!strcmp(k[i].key, k[i - 1].key) && strcmp(k[i].key, "-"))
			drop[k[i].index] = 1;
	for (size_t i = 0; i < l->n; i++) {
		free(k[i].key);
		if (drop[i])
			free(l->v[i]);
		else
			l->v[o++] = l->v[i];
	}
	l->n = o;
	free(k);
	free(drop);
}

static void run_work(void *ctx, size_t w, size_t i)
{
	struct run *r = ctx;
	struct job *j = &r->jobs[i];
	struct session_doc d = { .path = j->path,
				 .profile = j->prof,
				 .fix = r->o->fix };

	if (session_check(r->s, w, &d, &j->res) != MT_ERR_OK)
		j->failed = 1;
}

static void run_done(void *ctx, size_t i)
{
	struct run *r = ctx;
	const struct run_options *o = r->o;
	struct job *j = &r->jobs[i];
	struct session_result *res = &j->res;

	progress_clear(r);
	if (j->failed) {
		if (o->reporter)
			o->reporter->file_error(r->rs, j->path, &res->err);
		else
			fprintf(o->log, "mtlint: error: %s\n", res->err.msg);
		r->input_error = 1;
		goto out;
	}
	if (res->doc->encoding_detected)
		fprintf(o->log,
			"mtlint: note: %s is not UTF-8; decoded as %s "
			"(detected; use --encoding to choose)\n",
			res->doc->name, res->doc->encoding);
	if (res->n_fixed) {
		fprintf(o->log, "mtlint: fixed %zu finding%s in %s\n",
			res->n_fixed, res->n_fixed == 1 ? "" : "s",
			res->doc->name);
		r->n_fixed += res->n_fixed;
	}
	if (res->fix_stop == FIX_STOP_CYCLE)
		fprintf(o->log,
			"mtlint: note: fixes in %s undo each other; kept the "
			"text of pass %u\n",
			res->doc->name, res->fix_passes);
	else if (res->fix_stop == FIX_STOP_PASSES)
		fprintf(o->log,
			"mtlint: note: %s still has safe fixes after %u passes "
			"(the most one run makes)\n",
			res->doc->name, res->fix_passes);
	if (o->fix == SESSION_FIX_DIFF) {
		fwrite(res->diff.buf, 1, res->diff.len, o->out);
		r->n_fixed += res->diff.len ? 1 : 0;
		goto out;
	}
	if (r->write_baseline) {
		baseline_add(r->write_baseline, j->path, res->doc,
			     &res->diags);
		goto out;
	}
	if (r->baseline)
		r->baselined += baseline_filter(r->baseline, j->path, res->doc,
						&res->diags);
	if (o->reporter->file_with_reference)
		o->reporter->file_with_reference(r->rs, res->doc,
						 res->reference, &res->diags);
	else
		o->reporter->file(r->rs, res->doc, &res->diags);
	if (j->prof->fail_on != MT_SEV_NONE)
		r->at_threshold += diag_list_count(&res->diags,
						   j->prof->fail_on);
	for (size_t k = 0; k < res->diags.n; k++)
		r->warnings += res->diags.v[k].severity == MT_SEV_WARNING;
out:
	session_result_release(res);
	fflush(o->report.out ? o->report.out : o->out);
	progress_draw(r);
}

/*
 * Steps 1 and 2 of run.h: the files, each with its profile, and every
 * checker the run needs opened in slot 0.  Returns the smallest
 * max-warnings of the configurations in *max_warnings.  Errors are
 * printed to o->log.
 */
static enum mt_err prepare(struct run *r, struct walk_list *files,
			   long *max_warnings)
{
	const struct run_options *o = r->o;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	enum mt_err rc = MT_ERR_OK;

	for (size_t i = 0; rc == MT_ERR_OK && i < o->n_inputs; i++)
		rc = walk_input(o->inputs[i], walk_ignore, r->s, files, &err);
	if (rc != MT_ERR_OK)
		goto fail;
	dedupe_inputs(files);
	r->n_jobs = files->n;
	r->jobs = xcalloc(files->n + 1, sizeof(*r->jobs));
	for (size_t i = 0; i < files->n; i++) {
		const struct config *cfg;
		const struct session_profile *p;

		rc = session_config(r->s, files->v[i], &cfg, &cerrs, &err);
		if (rc != MT_ERR_OK)
			goto fail;
		p = session_profile(r->s, cfg);
		r->jobs[i].path = files->v[i];
		r->jobs[i].prof = p;
		if (p->max_warnings >= 0 &&
		    (*max_warnings < 0 || p->max_warnings < *max_warnings))
			*max_warnings = p->max_warnings;
	}
	/* open slot 0's checkers here: a broken rule file or dictionary
	 * stops the run before any output */
	for (size_t i = 0; i < r->n_jobs; i++) {
		struct checker *c;

		rc = session_checker(r->s, r->jobs[i].prof, 0, &c, &err);
		if (rc != MT_ERR_OK)
			goto fail;
	}
	return MT_ERR_OK;
fail:
	if (cerrs.n) {
		/* every mistake of the file, in full, then a summary */
		yamlfile_errors_print(&cerrs, o->log);
		fprintf(o->log,
			"mtlint: error: %zu error%s in configuration '%s'\n",
			cerrs.n, cerrs.n == 1 ? "" : "s", cerrs.v[0].path);
	} else {
		fprintf(o->log, "mtlint: error: %s\n", err.msg);
	}
	yamlfile_errors_release(&cerrs);
	return rc;
}

/* An unreadable --reference or --baseline stops the run before output. */
static enum mt_err open_extras(struct run *r)
{
	const struct run_options *o = r->o;
	const struct session_options *so = session_options(r->s);
	struct mt_error err = { 0 };
	enum mt_err rc = MT_ERR_OK;

	if (so->reference && strcmp(so->reference, "-")) {
		struct document *ref = NULL;

		rc = document_load_file(so->reference, &so->dopts, &ref, &err);
		document_free(ref);
	}
	if (rc == MT_ERR_OK && o->baseline && !o->write_baseline)
		rc = baseline_load(o->baseline, &r->baseline, &err);
	if (rc != MT_ERR_OK) {
		fprintf(o->log, "mtlint: error: %s\n", err.msg);
		return rc;
	}
	if (o->write_baseline)
		r->write_baseline = baseline_new(o->write_baseline);
	return MT_ERR_OK;
}

/* Step 4 of run.h, with its notes on the log. */
static enum run_status verdict(const struct run *r, long max_warnings)
{
	const struct run_options *o = r->o;
	enum run_status st;

	if (r->write_baseline)
		return r->input_error ? RUN_ERROR : RUN_CLEAN;
	if (o->fix == SESSION_FIX_DIFF)
		return r->input_error ? RUN_ERROR
		       : r->n_fixed   ? RUN_FINDINGS
				      : RUN_CLEAN;
	if (r->baselined)
		fprintf(o->log,
			"mtlint: %zu finding%s accepted by the baseline %s\n",
			r->baselined, r->baselined == 1 ? "" : "s",
			o->baseline);
	st = r->input_error    ? RUN_ERROR
	     : r->at_threshold ? RUN_FINDINGS
			       : RUN_CLEAN;
	if (st == RUN_CLEAN && max_warnings >= 0 &&
	    r->warnings > (size_t)max_warnings) {
		fprintf(o->log,
			"mtlint: %zu warning%s, more than --max-warnings %ld\n",
			r->warnings, r->warnings == 1 ? "" : "s", max_warnings);
		st = RUN_FINDINGS;
	}
	return st;
}

enum run_status run_inputs(struct session *s, const struct run_options *o)
{
	struct run r = { .s = s, .o = o };
	struct walk_list files = { 0 };
	struct mt_error err = { 0 };
	long max_warnings = o->max_warnings;
	size_t n_workers = session_options(s)->n_slots;
	enum run_status st = RUN_ERROR;

	if (prepare(&r, &files, &max_warnings) != MT_ERR_OK ||
	    open_extras(&r) != MT_ERR_OK)
		goto out;
	if (o->reporter) {
		struct report_options ro = o->report;
		struct checker *c = NULL;

		/* rule metadata (SARIF) from the first file's checker */
		if (r.n_jobs &&
		    session_checker(s, r.jobs[0].prof, 0, &c, &err) != MT_ERR_OK)
			MT_BUG("checker opened in prepare() failed: %s",
			       err.msg);
		ro.checker = c;
		r.rs = o->reporter->begin(&ro);
	}
	if (n_workers > r.n_jobs)
		n_workers = r.n_jobs ? r.n_jobs : 1;
	r.progress = o->progress && r.n_jobs >= RUN_PROGRESS_MIN;
	batch_run(r.n_jobs, n_workers, run_work, run_done, &r);
	progress_clear(&r);
	if ((o->reporter && o->reporter->end(r.rs) < 0) ||
	    (!o->reporter && (fflush(o->out) != 0 || ferror(o->out)))) {
		/* a diff (--fix-dry-run) to a full disk fails like a report */
		fprintf(o->log, "mtlint: error: cannot write output\n");
		r.input_error = 1;
	}
	if (r.write_baseline) {
		if (baseline_write(r.write_baseline, &err) != MT_ERR_OK) {
			fprintf(o->log, "mtlint: error: %s\n", err.msg);
			goto out;
		}
		fprintf(o->log, "mtlint: wrote the baseline to %s\n",
			o->write_baseline);
	}
	st = verdict(&r, max_warnings);
out:
	free(r.jobs);
	baseline_free(r.baseline);
	baseline_free(r.write_baseline);
	walk_list_release(&files);
	return st;
}
