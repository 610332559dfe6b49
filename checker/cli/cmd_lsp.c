/*
 * cmd_lsp: `mtlint lsp [options]` -- a Language Server on standard input
 * and output over a session with the command line's settings, so the
 * editor sees what `mtlint check` reports.
 */
#include "cli/commands.h"

#include <stdio.h>

#include "cli/cli.h"
#include "lsp/lsp.h"

int cmd_lsp(struct cli_opts *o)
{
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	int rc;

	if (o->files.n)
		return cli_bad_usage("%s", "lsp takes no files");
	o->so.n_slots = 1;
	if (session_new(&o->so, &s, &cerrs, &err) != MT_ERR_OK) {
		yamlfile_errors_print(&cerrs, stderr);
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		yamlfile_errors_release(&cerrs);
		return CLI_EXIT_ERROR;
	}
	rc = lsp_serve(s, stdin, stdout);
	session_free(s);
	return rc;
}
