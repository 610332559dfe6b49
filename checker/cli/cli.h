/*
 * cli: the mtlint command line -- options, subcommands, exit codes.
 *
 * Subcommands are rows of `commands[]` in cli.c.  Adding one:
 *   1. write `static int cmd_<name>(int argc, char **argv)` (argv[0] is the
 *      subcommand's name) returning an enum cli_exit;
 *   2. add its row with a one-line description (shown by --help);
 *   3. document it in the README and test it end to end.
 */
#ifndef MT_CLI_H
#define MT_CLI_H

enum cli_exit {
	CLI_EXIT_CLEAN = 0,    /* nothing at or above the --fail-on threshold */
	CLI_EXIT_FINDINGS = 1, /* findings at or above it */
	CLI_EXIT_ERROR = 2,    /* usage, input or environment error */
};

int cli_main(int argc, char **argv);

#endif /* MT_CLI_H */
