/*
 * cli: the mtlint command line -- subcommands, their options, exit codes.
 *
 * cli_main() finds the subcommand (the first argument, if it names one;
 * else `check`), parses its options with the option table (options.h),
 * handles --help and --version, and calls the subcommand (commands.h).
 * Everything a subcommand does beyond presenting its results lives in the
 * library: `check` and `lsp` go through run/session.h like every front
 * end.
 */
#ifndef MT_CLI_H
#define MT_CLI_H

#include "run/run.h"

/* The exit status of every subcommand; `check` returns run_inputs()'s. */
enum cli_exit {
	CLI_EXIT_CLEAN = RUN_CLEAN,	  /* nothing at or above --fail-on */
	CLI_EXIT_FINDINGS = RUN_FINDINGS, /* findings at or above it */
	CLI_EXIT_ERROR = RUN_ERROR,	  /* usage, input or environment */
};

int cli_main(int argc, char **argv);

#endif /* MT_CLI_H */
