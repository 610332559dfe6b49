/*
 * cmd_check: `mtlint [check] [options] FILE...` -- the options turned into
 * a session and a run (run/run.h), which do the rest.
 */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/report.h"
#include "run/run.h"
#include "util/batch.h"
#include "util/limits.h"

/*
 * The session of the run, kept reachable until the process exits: freeing
 * Hunspell's and link-grammar's tables block by block costs more CPU than
 * checking a short document (issue 14), and the kernel takes the pages
 * back at once.  $MTLINT_FREE_AT_EXIT set (to anything): free it all
 * first, for leak checkers (`make valgrind`).  Volatile: a store the
 * compiler may not drop, so LeakSanitizer sees the session reachable.
 */
static struct session *volatile kept_until_exit;

static int want_color(int setting)
{
	const char *nc = getenv("NO_COLOR");

	if (setting >= 0)
		return setting;
	if (nc && *nc)
		return 0;
	return isatty(STDOUT_FILENO);
}

int cmd_check(struct cli_opts *o)
{
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 }; /* a broken --config file */
	struct mt_error err = { 0 };
	struct run_options ro = { 0 };
	int rc;

	if (!o->files.n)
		return cli_bad_usage("%s", "no input files (use '-' for "
					   "standard input)");
	if (o->fix && o->fix_dry_run)
		return cli_bad_usage("%s", "--fix and --fix-dry-run exclude "
					   "each other");
	o->so.n_slots = batch_workers((size_t)o->jobs);
	/* a format that shows the references needs them until its end */
	o->so.keep_references =
		!o->fix_dry_run && !o->write_baseline &&
		reporter_find(o->format)->file_with_reference != NULL;
	if (session_new(&o->so, &s, &cerrs, &err) != MT_ERR_OK) {
		if (cerrs.n) {
			yamlfile_errors_print(&cerrs, stderr);
			fprintf(stderr,
				"mtlint: error: %zu error%s in configuration "
				"'%s'\n",
				cerrs.n, cerrs.n == 1 ? "" : "s",
				cerrs.v[0].path);
		} else {
			fprintf(stderr, "mtlint: error: %s\n", err.msg);
		}
		yamlfile_errors_release(&cerrs);
		return CLI_EXIT_ERROR;
	}
	ro.inputs = o->files.v;
	ro.n_inputs = o->files.n;
	ro.fix = o->fix		  ? SESSION_FIX_WRITE
		 : o->fix_dry_run ? SESSION_FIX_DIFF
				  : SESSION_FIX_NONE;
	ro.baseline = o->baseline;
	ro.write_baseline = o->write_baseline;
	ro.max_warnings = o->max_warnings;
	if (!o->fix_dry_run && !o->write_baseline) {
		ro.reporter = reporter_find(o->format);
		ro.report.out = stdout;
		ro.report.color = want_color(o->color) &&
				  ro.reporter == &report_text;
		ro.report.sarif_root = o->sarif_root;
	}
	ro.out = stdout;
	ro.log = stderr;
	/* on a terminal only: logs and CI output stay free of it */
	ro.progress = isatty(STDERR_FILENO);
	rc = (int)run_inputs(s, &ro);
	if (getenv("MTLINT_FREE_AT_EXIT"))
		session_free(s);
	else
		kept_until_exit = s;
	return rc;
}
