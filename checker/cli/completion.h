/*
 * completion: shell completion scripts generated from the option table
 * and the subcommands (`mtlint help --completion bash|zsh|fish`; `make`
 * writes build/completions/, `make install` installs them where bash-
 * completion, zsh and fish look).  Options with choices complete to them
 * (--format, --fail-on, --lang...), FILE arguments to files, DIR to
 * directories; the first word to a subcommand or a file.
 */
#ifndef MT_CLI_COMPLETION_H
#define MT_CLI_COMPLETION_H

#include <stddef.h>
#include <stdio.h>

#include "cli/options.h"

/* The script for `shell` (bash, zsh or fish) on f; -1 for another shell. */
int cli_print_completion(FILE *f, const char *shell, const char *const *cmds,
			 size_t n_cmds);

#endif /* MT_CLI_COMPLETION_H */
