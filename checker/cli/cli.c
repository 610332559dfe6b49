/*
 * cli: the subcommand table, --help, and the dispatch (see cli.h).
 */
#include "cli/cli.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/completion.h"
#include "cli/options.h"
#include "lsp/lsp.h"

struct command {
	const char *name;
	enum cli_cmd bit;
	int (*fn)(struct cli_opts *o);
	const char *synopsis; /* after "mtlint NAME " */
	const char *description;
};

static int cmd_version(struct cli_opts *o);
static int cmd_help(struct cli_opts *o);

static const struct command commands[] = {
	{ "check", CLI_CHECK, cmd_check, "[options] FILE...",
	  "check files, directories or quoted globs ('-': standard input); "
	  "the default" },
	{ "rules", CLI_RULES, cmd_rules, "[--test] [options] [RULEFILE...]",
	  "list the rules, or run the rule files' examples" },
	{ "score", CLI_SCORE, cmd_score, "--reference REF [options] FILE...",
	  "chrF and BLEU against a reference, and the sentences without a "
	  "counterpart" },
	{ "segment", CLI_SEGMENT, cmd_segment, "[options] FILE",
	  "show the sentences and tokens of a file" },
	{ "lsp", CLI_LSP, cmd_lsp, "[options]",
	  "a Language Server on standard input and output" },
	{ "serve", CLI_SERVE, cmd_serve, "[--listen ADDR:PORT] [options]",
	  "an HTTP server speaking LanguageTool's API (POST /v2/check) and "
	  "mtlint's JSON (POST /v1/check), until SIGTERM" },
	{ "batch", CLI_BATCH, cmd_batch, "[options] [FILE]",
	  "check JSON Lines ({\"id\", \"text\", \"reference\"?, "
	  "\"format\"?} a line) into JSON Lines of findings, in order" },
	{ "init", CLI_INIT, cmd_init, "[DIR]",
	  "write a commented starter .mtlint.yml in DIR (default: here)" },
	{ "version", CLI_HELP, cmd_version, "", "show the version" },
	{ "help", CLI_HELP, cmd_help, "[SUBCOMMAND]",
	  "show the help of mtlint or of a subcommand" },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* --help: every subcommand and every option, or one subcommand's. */
static void usage(FILE *f, const struct command *only)
{
	const char *lead = "usage: ";

	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		const struct command *c = &commands[i];

		if (only && c != only)
			continue;
		fprintf(f, "%smtlint %s%s%s\n", lead,
			c->bit == CLI_CHECK && !only ? "[check]" : c->name,
			*c->synopsis ? " " : "", c->synopsis);
		lead = "       ";
	}
	fputs("\nCheck machine-translated English prose before publication.\n",
	      f);
	if (!only) {
		fputs("\nSubcommands:\n", f);
		for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
			fprintf(f, "  %-10s ", commands[i].name);
			cli_wrap(f, commands[i].description, 13, 13);
		}
	} else {
		cli_wrap(f, only->description, 0, 0);
	}
	cli_print_options(f, only ? only->bit : 0);
	if (!only || only->bit == CLI_CHECK)
		fputs("\nFILE may be '-' (standard input), a directory (its "
		      ".txt and Markdown files,\nrecursively) or a quoted glob "
		      "('articles/**/*.md').  Options may follow\nfiles; '--' "
		      "ends them.\n"
		      "\nExit status: 0 no findings at or above --fail-on, 1 "
		      "findings,\n2 usage, input or environment error.  See "
		      "mtlint(1).\n",
		      f);
}

/* The SUBCOMMANDS section of mtlint.1, as roff. */
static void commands_roff(FILE *f)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		fputs(".TP\n\\fBmtlint ", f);
		cli_roff_text(f, commands[i].name);
		fputs("\\fR ", f);
		cli_roff_text(f, commands[i].synopsis);
		fputc('\n', f);
		cli_roff_text(f, commands[i].description);
		fputs(".\n", f);
	}
}

static int cmd_version(struct cli_opts *o)
{
	if (o->files.n)
		return cli_bad_usage("%s", "version takes no arguments");
	printf("mtlint %s\n", MT_VERSION);
	return CLI_EXIT_CLEAN;
}

static int cmd_help(struct cli_opts *o)
{
	const struct command *c = NULL;

	if (o->completion) {
		const char *names[ARRAY_SIZE(commands)];

		for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
			names[i] = commands[i].name;
		if (cli_print_completion(stdout, o->completion, names,
					 ARRAY_SIZE(commands)) < 0)
			return cli_bad_usage("--completion takes bash, zsh or "
					     "fish, not '%s'",
					     o->completion);
		return CLI_EXIT_CLEAN;
	}
	if (o->man) {
		if (!strcmp(o->man, "options"))
			cli_print_options_roff(stdout);
		else if (!strcmp(o->man, "commands"))
			commands_roff(stdout);
		else
			return cli_bad_usage("--man takes options or commands, "
					     "not '%s'",
					     o->man);
		return CLI_EXIT_CLEAN;
	}
	if (o->files.n > 1)
		return cli_bad_usage("%s", "help takes one subcommand");
	if (o->files.n) {
		c = find_command(o->files.v[0]);
		if (!c)
			return cli_bad_usage("no subcommand '%s'",
					     o->files.v[0]);
	}
	usage(stdout, c && c->bit != CLI_HELP ? c : NULL);
	return CLI_EXIT_CLEAN;
}

struct checker_options cli_checker_options(const struct cli_opts *o)
{
	struct checker_options co = o->so.co;

	if (!co.lang)
		co.lang = "en_US";
	if (co.grammar_parser < 0)
		co.grammar_parser = 1;
	return co;
}

int cli_main(int argc, char **argv)
{
	const struct command *c = argc > 1 ? find_command(argv[1]) : NULL;
	struct cli_opts o = { 0 };
	int named = c != NULL, rc;

	setlocale(LC_CTYPE, "");
	if (named) {
		argc--;
		argv++;
	} else {
		c = &commands[0]; /* no subcommand: check */
	}
	rc = cli_parse(c->bit, argc, argv, &o);
	if (rc < 0 && !named && o.files.n && find_command(o.files.v[0]) &&
	    access(o.files.v[0], F_OK) != 0) {
		/* `mtlint --no-config check a.txt`: the subcommand came after
		 * an option, so it was read as a file that does not exist */
		rc = cli_bad_usage("'%s' is a subcommand: write it first, "
				   "before the options (mtlint %s [options] "
				   "...)",
				   o.files.v[0], o.files.v[0]);
	} else if (rc == CLI_SHOW_HELP) {
		/* `mtlint --help`: everything; `mtlint score --help`: score */
		usage(stdout, named && c->bit != CLI_HELP ? c : NULL);
		rc = CLI_EXIT_CLEAN;
	} else if (rc < 0) {
		rc = c->fn(&o);
	}
	cli_opts_release(&o);
	/* output that did not reach its file is a failure, whatever the
	 * command: `mtlint rules > /dev/full` must not exit 0 (the LSP
	 * writes its own stream and says so itself) */
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc != CLI_EXIT_ERROR) {
		fprintf(stderr, "mtlint: error: cannot write output: %s\n",
			strerror(errno));
		rc = CLI_EXIT_ERROR;
	}
	return rc;
}
