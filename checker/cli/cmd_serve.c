/*
 * cmd_serve: `mtlint serve [options]` -- the HTTP server (serve/server.h)
 * with the command line's settings for every check.
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "serve/server.h"
#include "util/batch.h"
#include "util/xalloc.h"

int cmd_serve(struct cli_opts *o)
{
	struct serve_options so = { 0 };
	FILE *access = stdout;
	int rc;

	if (o->files.n)
		return cli_bad_usage("%s", "serve takes no files");
	if (o->access_log && !strcmp(o->access_log, "off")) {
		access = NULL;
	} else if (o->access_log && strcmp(o->access_log, "-")) {
		access = fopen(o->access_log, "a");
		if (!access) {
			fprintf(stderr, "mtlint: error: cannot open '%s': %m\n",
				o->access_log);
			return CLI_EXIT_ERROR;
		}
	}
	so.so = o->so;
	so.listen = o->listen;
	so.workers = batch_workers((size_t)o->jobs);
	so.max_request = (size_t)o->max_request;
	so.max_queue = (size_t)o->queue;
	so.timeout = (unsigned)o->timeout;
	so.access_log = access;
	so.log = stderr;
	xalloc_long_running();
	rc = serve_main(&so);
	if (access && access != stdout)
		fclose(access);
	return rc ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
}
