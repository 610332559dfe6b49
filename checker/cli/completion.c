/*
 * completion: shell completion scripts for bash, zsh and fish, generated
 * from the option table (options.c) and the subcommand names, so that they
 * follow every option added (see completion.h).
 */
#include "cli/completion.h"

#include <string.h>

/* What an option's argument completes to. */
enum arg_kind { ARG_NONE, ARG_FILE, ARG_DIR, ARG_WORDS, ARG_FREE };

static enum arg_kind arg_kind(const struct cli_option_info *o)
{
	if (o->n_choices)
		return ARG_WORDS;
	if (!o->arg)
		return ARG_NONE;
	if (!strcmp(o->arg, "FILE"))
		return ARG_FILE;
	if (!strcmp(o->arg, "DIR"))
		return ARG_DIR;
	return ARG_FREE;
}

/* The help text up to its first '(' or ':', quotes dropped, for zsh and
 * fish descriptions. */
static void short_help(FILE *f, const char *help, const char *quote_esc)
{
	size_t n = strcspn(help, "(:;");

	while (n > 0 && help[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < n && i < 70; i++) {
		if (help[i] == '\'')
			fputs(quote_esc, f);
		else if (help[i] == '[' || help[i] == ']')
			fputc(help[i] == '[' ? '(' : ')', f);
		else
			fputc(help[i], f);
	}
}

static void words(FILE *f, const struct cli_option_info *o)
{
	for (size_t i = 0; i < o->n_choices; i++)
		fprintf(f, "%s%s", i ? " " : "", o->choices[i]);
}

struct gen {
	FILE *f;
	int pass;
};

static void bash_case(const struct cli_option_info *o, void *arg)
{
	struct gen *g = arg;
	enum arg_kind k = arg_kind(o);

	if (g->pass == 0) { /* every option, for -<TAB> */
		fprintf(g->f, " --%s", o->name);
		if (o->letter)
			fprintf(g->f, " -%c", o->letter);
		return;
	}
	if (k == ARG_NONE)
		return;
	fprintf(g->f, "\t--%s", o->name);
	if (o->letter)
		fprintf(g->f, " | -%c", o->letter);
	fputs(")\n\t\t", g->f);
	if (k == ARG_WORDS) {
		fputs("COMPREPLY=($(compgen -W \"", g->f);
		words(g->f, o);
		fputs("\" -- \"$cur\"))", g->f);
	} else if (k == ARG_FILE) {
		fputs("COMPREPLY=($(compgen -f -- \"$cur\"))", g->f);
	} else if (k == ARG_DIR) {
		fputs("COMPREPLY=($(compgen -d -- \"$cur\"))", g->f);
	} else {
		fputs("COMPREPLY=()", g->f);
	}
	fputs("\n\t\treturn ;;\n", g->f);
}

static void bash(FILE *f, const char *const *cmds, size_t n_cmds)
{
	struct gen g = { f, 0 };

	fputs("# bash completion for mtlint (generated: mtlint help "
	      "--completion bash)\n"
	      "_mtlint()\n{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]}\n"
	      "\tlocal prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tcase $prev in\n",
	      f);
	g.pass = 1;
	cli_each_option(bash_case, &g);
	fputs("\tesac\n\tif [[ $cur == -* ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"",
	      f);
	g.pass = 0;
	cli_each_option(bash_case, &g);
	fputs("\" -- \"$cur\"))\n\t\treturn\n\tfi\n"
	      "\tif [[ $COMP_CWORD -eq 1 ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"",
	      f);
	for (size_t i = 0; i < n_cmds; i++)
		fprintf(f, "%s%s", i ? " " : "", cmds[i]);
	fputs("\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n\t\treturn\n\tfi\n"
	      "\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n}\n"
	      "complete -o filenames -F _mtlint mtlint\n",
	      f);
}

static void zsh_option(const struct cli_option_info *o, void *arg)
{
	struct gen *g = arg;
	enum arg_kind k = arg_kind(o);

	fputs("\t'", g->f);
	if (o->letter)
		fprintf(g->f, "(-%c --%s)'{-%c,--%s}'", o->letter, o->name,
			o->letter, o->name);
	else
		fprintf(g->f, "--%s", o->name);
	fputc('[', g->f);
	short_help(g->f, o->help, "'\\''");
	fputc(']', g->f);
	if (k == ARG_WORDS) {
		fprintf(g->f, ":%s:(", o->name);
		words(g->f, o);
		fputc(')', g->f);
	} else if (k == ARG_FILE) {
		fputs(":file:_files", g->f);
	} else if (k == ARG_DIR) {
		fputs(":directory:_files -/", g->f);
	} else if (k == ARG_FREE) {
		fprintf(g->f, ":%s: ", o->arg);
	}
	fputs("' \\\n", g->f);
}

static void zsh(FILE *f, const char *const *cmds, size_t n_cmds)
{
	struct gen g = { f, 0 };

	fputs("#compdef mtlint\n"
	      "# zsh completion for mtlint (generated: mtlint help "
	      "--completion zsh)\n"
	      "_mtlint() {\n"
	      "\t_arguments -s \\\n",
	      f);
	cli_each_option(zsh_option, &g);
	fputs("\t'1:subcommand or file:->first' \\\n"
	      "\t'*:file:_files' && return\n"
	      "\tcase $state in\n"
	      "\tfirst) _alternative 'subcommands:subcommand:(",
	      f);
	for (size_t i = 0; i < n_cmds; i++)
		fprintf(f, "%s%s", i ? " " : "", cmds[i]);
	fputs(")' 'files:file:_files' ;;\n\tesac\n}\n"
	      "_mtlint \"$@\"\n",
	      f);
}

static void fish_option(const struct cli_option_info *o, void *arg)
{
	struct gen *g = arg;
	enum arg_kind k = arg_kind(o);

	fprintf(g->f, "complete -c mtlint -l %s", o->name);
	if (o->letter)
		fprintf(g->f, " -s %c", o->letter);
	if (k == ARG_WORDS) {
		fputs(" -x -a '", g->f);
		words(g->f, o);
		fputc('\'', g->f);
	} else if (k == ARG_FILE) {
		fputs(" -r -F", g->f);
	} else if (k == ARG_DIR) {
		fputs(" -r -x -a '(__fish_complete_directories)'", g->f);
	} else if (k == ARG_FREE) {
		fputs(" -x", g->f);
	}
	fputs(" -d '", g->f);
	short_help(g->f, o->help, "\\'");
	fputs("'\n", g->f);
}

static void fish(FILE *f, const char *const *cmds, size_t n_cmds)
{
	struct gen g = { f, 0 };

	fputs("# fish completion for mtlint (generated: mtlint help "
	      "--completion fish)\n",
	      f);
	fputs("complete -c mtlint -n '__fish_use_subcommand' -a '", f);
	for (size_t i = 0; i < n_cmds; i++)
		fprintf(f, "%s%s", i ? " " : "", cmds[i]);
	fputs("'\n", f);
	cli_each_option(fish_option, &g);
}

int cli_print_completion(FILE *f, const char *shell, const char *const *cmds,
			 size_t n_cmds)
{
	if (!strcmp(shell, "bash"))
		bash(f, cmds, n_cmds);
	else if (!strcmp(shell, "zsh"))
		zsh(f, cmds, n_cmds);
	else if (!strcmp(shell, "fish"))
		fish(f, cmds, n_cmds);
	else
		return -1;
	return 0;
}
