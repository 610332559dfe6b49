/*
 * run: check a set of inputs and account for the result, as `mtlint check`
 * does (and any batch front end should):
 *
 *   1. expand the inputs -- files, "-", directories, globs (walk.h) --
 *      honouring each configuration's `ignore:`, and drop inputs named
 *      twice (also through "./", symbolic links or an overlapping
 *      directory and glob), keeping the first;
 *   2. find every input's profile (session.h); a broken configuration
 *      stops the run before any output, as does a rule file or dictionary
 *      that cannot be opened, an unreadable --reference or --baseline;
 *   3. check the files in parallel (batch.h: at most the session's slots)
 *      with the fix mode, then, in input order: report each (or print its
 *      diff, or record it in the baseline being written), drop what the
 *      baseline accepts, and count;
 *   4. decide the status: RUN_ERROR on any input that could not be
 *      checked; else RUN_FINDINGS when a finding is at or above its
 *      profile's fail-on threshold, or there are more warnings than
 *      max-warnings (the option's, else the smallest any configuration
 *      sets); else RUN_CLEAN.  With SESSION_FIX_DIFF: RUN_FINDINGS when
 *      there is something to fix; when writing a baseline: RUN_CLEAN.
 *
 * Output: findings through the reporter to report.out; diffs to `out`;
 * notes ("fixed 2 findings in a.txt", fixes that undo each other or
 * outrun FIX_MAX_PASSES, baseline totals) and errors, each line starting
 * "mtlint: ", to `log`.
 */
#ifndef MT_RUN_H
#define MT_RUN_H

#include <stddef.h>
#include <stdio.h>

#include "report/report.h"
#include "run/session.h"

/* The values are the CLI's exit codes (cli.h). */
enum run_status {
	RUN_CLEAN = 0,	  /* nothing at or above the threshold */
	RUN_FINDINGS = 1, /* findings at or above it */
	RUN_ERROR = 2,	  /* an input or the environment failed */
};

struct run_options {
	const char *const *inputs;
	size_t n_inputs;
	enum session_fix fix;
	const char *baseline;	    /* accept what it lists; NULL: none */
	const char *write_baseline; /* record every finding here instead */
	long max_warnings;	    /* -1: the configurations' */
	/* the format; NULL with SESSION_FIX_DIFF or write_baseline */
	const struct reporter *reporter;
	struct report_options report; /* `checker` is filled in by the run */
	FILE *out;		      /* diffs */
	FILE *log;		      /* notes and errors */
	/* a progress line on `log` ("mtlint: 12/340 files"), redrawn as
	 * files finish and erased before anything else is written there or
	 * to the report: for a terminal, and only with RUN_PROGRESS_MIN
	 * files or more */
	int progress;
};

#define RUN_PROGRESS_MIN 20

/* Run as described above.  The session is borrowed. */
enum run_status run_inputs(struct session *s, const struct run_options *o);

#endif /* MT_RUN_H */
