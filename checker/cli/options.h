/*
 * options: the one table of command-line options.  It drives getopt_long,
 * `--help` and the OPTIONS section of the man page (mtlint.1, built from
 * docs/mtlint.1.in by `make`), so the three cannot drift apart.
 *
 * Options may come before or after file names (`mtlint a.txt -r ref.txt`),
 * as with GNU tools; "--" ends the options.  Each subcommand takes the
 * options whose row names it; any other is a usage error.
 *
 * Adding an option:
 *   1. add its field to struct cli_opts (below);
 *   2. add its row to `options[]` in options.c: long name, short letter (or
 *      0), argument name (or NULL), the subcommands that take it, a setter
 *      (a generic one with the field's offset, or a function of its own),
 *      and the help text, which is printed by --help and in the man page;
 *   3. use the field in the subcommand; test it end to end; explain it
 *      further in docs/ when a line of help is not enough.
 */
#ifndef MT_CLI_OPTIONS_H
#define MT_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "run/session.h"

/* The subcommands, as a bit set: which take an option. */
enum cli_cmd {
	CLI_CHECK = 1 << 0,
	CLI_RULES = 1 << 1,
	CLI_SCORE = 1 << 2,
	CLI_SEGMENT = 1 << 3,
	CLI_LSP = 1 << 4,
	CLI_HELP = 1 << 5,
	CLI_SERVE = 1 << 6,
	CLI_BATCH = 1 << 7,
	CLI_INIT = 1 << 8,
};

/* A list of strings that point into argv; free only the array. */
struct cli_list {
	const char **v;
	size_t n, alloc;
};

/* Everything the options set.  Zero-initialise, then cli_parse(). */
struct cli_opts {
	struct session_options so; /* checker settings, config, reference */
	struct cli_list words, reject, enable, disable, packs;
	struct cli_list files; /* the operands, in order */
	const char *format;
	int color; /* -1 auto, 0 never, 1 always */
	long max_warnings; /* -1: not set */
	const char *baseline, *write_baseline;
	int fix, fix_dry_run;
	long jobs; /* 0: processors */
	const char *sarif_root; /* SARIF URIs relative to it (NULL: cwd) */
	int test;		/* rules --test */
	const char *docs;	/* rules --docs DIR */
	int whole_document;	/* score --whole-document */
	const char *man;	/* help --man SECTION */
	const char *listen;	/* serve --listen ADDR:PORT */
	const char *access_log; /* serve --access-log FILE */
	long max_request;	/* serve, batch: bytes; 0: the default */
	long queue;		/* serve --queue N; 0: the default */
	long timeout;		/* serve --timeout SECONDS; 0: the default */
	const char *completion;	/* help --completion SHELL */
};

/* One option, for generators of other formats (shell completions). */
struct cli_option_info {
	const char *name; /* long name */
	int letter;	  /* short name, or 0 */
	const char *arg;  /* the argument's name (FILE, DIR, N...), or NULL */
	const char *const *choices; /* the values it takes, if a fixed set */
	size_t n_choices;
	const char *help;
	unsigned cmds; /* enum cli_cmd bits */
};

/* fn for each option of the table but aliases, in table order; the
 * pointers are valid during the call. */
void cli_each_option(void (*fn)(const struct cli_option_info *o, void *arg),
		     void *arg);

/* cli_parse() found --help: the caller prints the usage. */
#define CLI_SHOW_HELP (-2)

/*
 * Parse argv[1..argc) (argv[0] names the subcommand) for subcommand `cmd`
 * into *o.  Returns -1 to go on, CLI_SHOW_HELP for --help, or an exit code
 * (enum cli_exit) after --version or a usage error (reported on stderr).  The strings
 * stay argv's; release the lists with cli_opts_release().
 */
int cli_parse(enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o);
void cli_opts_release(struct cli_opts *o);

/*
 * Report a usage error ("mtlint: " + the formatted message + a pointer to
 * --help) on stderr; returns CLI_EXIT_ERROR.
 */
int cli_bad_usage(const char *fmt, ...) MT_PRINTF(1, 2);

/* The options `cmd` takes (0: every option), for --help. */
void cli_print_options(FILE *f, unsigned cmd);

/* Every option as roff (.TP paragraphs under .SS headings), for mtlint.1. */
void cli_print_options_roff(FILE *f);

/* Print `text` from column `col` (the cursor's), wrapped at 79 columns,
 * continuation lines indented by `indent`; ends the line. */
void cli_wrap(FILE *f, const char *text, size_t col, size_t indent);

/* Print s escaped for roff (backslashes, leading dots and quotes). */
void cli_roff_text(FILE *f, const char *s);

#endif /* MT_CLI_OPTIONS_H */
