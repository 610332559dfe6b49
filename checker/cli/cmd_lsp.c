/*
 * cmd_lsp: `mtlint lsp [options]` -- a Language Server on standard input
 * and output, checking through sessions opened with the command line's
 * settings, so the editor sees what `mtlint check` reports.
 */
#include "cli/commands.h"

#include <stdio.h>

#include "cli/cli.h"
#include "lsp/lsp.h"
#include "util/xalloc.h"

int cmd_lsp(struct cli_opts *o)
{
	if (o->files.n)
		return cli_bad_usage("%s", "lsp takes no files");
	xalloc_long_running();
	return lsp_serve(&o->so, NULL, stdin, stdout);
}
