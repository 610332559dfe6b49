/*
 * commands: the subcommands of the command line, one file each
 * (cli/cmd_<name>.c), called by cli_main() with their parsed options.
 *
 * Adding a subcommand:
 *   1. add its bit to enum cli_cmd (options.h) and its name to
 *      command_name() there; give the options it takes that bit;
 *   2. write `int cmd_<name>(struct cli_opts *o)` in cli/cmd_<name>.c,
 *      returning an enum cli_exit; declare it here;
 *   3. add its row to `commands[]` in cli.c: name, bit, function, synopsis
 *      and one line of description (shown by --help and the man page);
 *   4. document it in docs/usage.md (the man page's list is generated);
 *      test it end to end (tests/test_cli.c).
 */
#ifndef MT_CLI_COMMANDS_H
#define MT_CLI_COMMANDS_H

#include "cli/options.h"
#include "run/checker.h"

int cmd_check(struct cli_opts *o);
int cmd_rules(struct cli_opts *o);
int cmd_score(struct cli_opts *o);
int cmd_segment(struct cli_opts *o);
int cmd_lsp(struct cli_opts *o);
int cmd_serve(struct cli_opts *o);
int cmd_batch(struct cli_opts *o);
int cmd_init(struct cli_opts *o);

/*
 * The checker options of a subcommand that checks without the run (rules,
 * score, segment): the command line's, with the defaults the run would
 * use (en_US, the grammar parser on).
 */
struct checker_options cli_checker_options(const struct cli_opts *o);

#endif /* MT_CLI_COMMANDS_H */
