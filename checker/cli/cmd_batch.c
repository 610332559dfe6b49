/*
 * cmd_batch: `mtlint batch [options] [FILE]` -- JSON Lines in (FILE or
 * standard input), JSON Lines out (serve/stream.h).
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "serve/stream.h"
#include "util/batch.h"

int cmd_batch(struct cli_opts *o)
{
	struct stream_options so = { 0 };
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	FILE *in = stdin;
	int rc;

	if (o->files.n > 1)
		return cli_bad_usage("%s", "batch reads one file (or standard "
					   "input)");
	if (o->files.n && strcmp(o->files.v[0], "-")) {
		in = fopen(o->files.v[0], "r");
		if (!in) {
			fprintf(stderr, "mtlint: error: cannot open '%s': %m\n",
				o->files.v[0]);
			return CLI_EXIT_ERROR;
		}
	}
	so.jobs = batch_workers((size_t)o->jobs);
	so.max_line = (size_t)o->max_request;
	o->so.n_slots = so.jobs;
	o->so.dopts.encoding = "UTF-8"; /* JSON strings are */
	if (o->so.co.grammar_parser_share < 0)
		o->so.co.grammar_parser_share = 1;
	if (session_new(&o->so, &s, &cerrs, &err) != MT_ERR_OK) {
		yamlfile_errors_print(&cerrs, stderr);
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		yamlfile_errors_release(&cerrs);
		if (in != stdin)
			fclose(in);
		return CLI_EXIT_ERROR;
	}
	rc = stream_run(s, &so, in, stdout, stderr);
	session_free(s);
	if (in != stdin)
		fclose(in);
	return rc ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
}
