/*
 * options: the option table, getopt_long over it, and --help and roff
 * output from it (see options.h).
 */
#include "cli/options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "grammar/unit.h"
#include "reference/align.h"
#include "report/report.h"
#include "serve/server.h"
#include "util/xalloc.h"

struct choice {
	const char *name;
	int value;
};

struct option_row;
typedef int (*set_fn)(struct cli_opts *o, const struct option_row *r,
		      const char *arg);

struct option_row {
	const char *name;  /* long name */
	int letter;	   /* short name, or 0 */
	const char *arg;   /* the argument's name; NULL: none (or choices) */
	unsigned cmds;	   /* enum cli_cmd bits */
	const char *section; /* heading; NULL: that of the row before */
	set_fn set;
	size_t off;		      /* the field, for generic setters */
	long min, max;		      /* numbers */
	const struct choice *choices; /* NULL-terminated */
	const char *help;	      /* NULL: an alias, not shown */
};

#define ALL_CHECKING                                                    \
	(CLI_CHECK | CLI_RULES | CLI_SCORE | CLI_SEGMENT | CLI_LSP |    \
	 CLI_SERVE | CLI_BATCH)
/* the checking options but the input's encoding (JSON and HTTP forms
 * are UTF-8) */
#define NOT_ENCODED (CLI_SERVE | CLI_BATCH)
#define OFF(f) offsetof(struct cli_opts, f)

static void list_add(struct cli_list *l, const char *s)
{
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = s;
}

int cli_bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("mtlint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'mtlint --help' for more information.\n", stderr);
	return CLI_EXIT_ERROR;
}

/* --- setters ------------------------------------------------------------- */

static int set_string(struct cli_opts *o, const struct option_row *r,
		      const char *arg)
{
	*(const char **)((char *)o + r->off) = arg;
	return -1;
}

static int set_flag(struct cli_opts *o, const struct option_row *r,
		    const char *arg)
{
	(void)arg;
	*(int *)((char *)o + r->off) = 1;
	return -1;
}

static int set_list(struct cli_opts *o, const struct option_row *r,
		    const char *arg)
{
	list_add((struct cli_list *)((char *)o + r->off), arg);
	return -1;
}

static int set_fix_force(struct cli_opts *o, const struct option_row *r,
			 const char *arg)
{
	(void)r;
	(void)arg;
	o->fix = 1;
	o->so.fix_force = 1;
	return -1;
}

/* Comma-separated values are split: --disable a,b,c (argv is edited). */
static int set_list_split(struct cli_opts *o, const struct option_row *r,
			  const char *arg)
{
	struct cli_list *l = (struct cli_list *)((char *)o + r->off);
	char *s = (char *)arg;

	for (char *p = strtok_r(s, ",", &s); p; p = strtok_r(NULL, ",", &s))
		if (*p)
			list_add(l, p);
	return -1;
}

/* A number in [r->min, r->max], or a usage error. */
static int parse_number(const struct option_row *r, const char *arg,
			long *v)
{
	char *end;

	errno = 0;
	*v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || *v < r->min || *v > r->max) {
		if (r->max == LONG_MAX)
			return cli_bad_usage("--%s takes a number >= %ld, not "
					     "'%s'",
					     r->name, r->min, arg);
		return cli_bad_usage("--%s takes a number from %ld to %ld, "
				     "not '%s'",
				     r->name, r->min, r->max, arg);
	}
	return -1;
}

static int set_long(struct cli_opts *o, const struct option_row *r,
		    const char *arg)
{
	long v;
	int rc = parse_number(r, arg, &v);

	if (rc < 0)
		*(long *)((char *)o + r->off) = v;
	return rc;
}

static int set_acronym_max(struct cli_opts *o, const struct option_row *r,
			   const char *arg)
{
	long v;
	int rc = parse_number(r, arg, &v);

	if (rc < 0)
		o->so.co.acronym_max = (int)v;
	return rc;
}

/* An unsigned field at r->off (its bounds in r->min, r->max). */
static int set_unsigned(struct cli_opts *o, const struct option_row *r,
			const char *arg)
{
	long v;
	int rc = parse_number(r, arg, &v);

	if (rc < 0)
		*(unsigned *)((char *)o + r->off) = (unsigned)v;
	return rc;
}

/* The value of a choice, or a usage error listing the choices. */
static int parse_choice(const struct option_row *r, const char *arg, int *v)
{
	size_t n = 0;

	for (; r->choices[n].name; n++)
		if (!strcmp(r->choices[n].name, arg)) {
			*v = r->choices[n].value;
			return -1;
		}
	fprintf(stderr, "mtlint: --%s takes ", r->name);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%s", r->choices[i].name,
			i + 2 < n ? ", " : i + 2 == n ? " or " : "");
	fprintf(stderr, ", not '%s'\n"
			"Try 'mtlint --help' for more information.\n",
		arg);
	return CLI_EXIT_ERROR;
}

static int set_int_choice(struct cli_opts *o, const struct option_row *r,
			  const char *arg)
{
	int v, rc = parse_choice(r, arg, &v);

	if (rc < 0)
		*(int *)((char *)o + r->off) = v;
	return rc;
}

static int set_input(struct cli_opts *o, const struct option_row *r,
		     const char *arg)
{
	int v, rc = parse_choice(r, arg, &v);

	if (rc < 0)
		o->so.input = (enum config_input)v;
	return rc;
}

static int set_fail_on(struct cli_opts *o, const struct option_row *r,
		       const char *arg)
{
	int v, rc = parse_choice(r, arg, &v);

	if (rc < 0) {
		o->so.fail_on = (enum mt_severity)v;
		o->so.has_fail_on = 1;
	}
	return rc;
}

static int set_format(struct cli_opts *o, const struct option_row *r,
		      const char *arg)
{
	(void)r;
	if (!reporter_find(arg))
		return cli_bad_usage("unknown format '%s'", arg);
	o->format = arg;
	return -1;
}

static int set_sarif_root(struct cli_opts *o, const struct option_row *r,
			  const char *arg)
{
	struct stat st;

	(void)r;
	if (stat(arg, &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_bad_usage("--sarif-root '%s' is not a directory",
				     arg);
	o->sarif_root = arg;
	return -1;
}

static const struct choice on_off[] = { { "on", 1 }, { "off", 0 }, { 0 } };
static const struct choice when[] = {
	{ "auto", -1 }, { "always", 1 }, { "never", 0 }, { 0 }
};
static const struct choice inputs[] = { { "auto", CONFIG_INPUT_AUTO },
					{ "text", CONFIG_INPUT_TEXT },
					{ "markdown", CONFIG_INPUT_MARKDOWN },
					{ 0 } };
static const struct choice reference_kinds[] = {
	{ "auto", ALIGN_KIND_AUTO },
	{ "parallel", ALIGN_KIND_PARALLEL },
	{ "comparable", ALIGN_KIND_COMPARABLE },
	{ 0 }
};
static const struct choice severities[] = { { "error", MT_SEV_ERROR },
					    { "warning", MT_SEV_WARNING },
					    { "info", MT_SEV_INFO },
					    { "never", MT_SEV_NONE },
					    { 0 } };

/* --- the table ----------------------------------------------------------- */

static const struct option_row options[] = {
	{ "reference", 'r', "FILE", CLI_CHECK | CLI_SCORE | CLI_LSP | CLI_BATCH,
	  "Input", set_string, OFF(so.reference), 0, 0, NULL,
	  "the clean reference article on the same event: names, numbers "
	  "and dates are checked against it (default: the `references:` "
	  "mapping of .mtlint.yml)" },
	{ "reference-kind", 0, NULL, CLI_CHECK | CLI_LSP, NULL, set_int_choice,
	  OFF(so.co.reference_kind), 0, 0, reference_kinds,
	  "parallel (a translation of the same text) or comparable (another "
	  "article on the same event); default: auto, detected from the "
	  "sentence alignment" },
	{ "whole-document", 0, NULL, CLI_SCORE, NULL, set_flag,
	  OFF(whole_document), 0, 0, NULL,
	  "score each file as one segment, not line by line as sacreBLEU "
	  "(always so when the files' line counts differ)" },
	{ "encoding", 0, "NAME", ALL_CHECKING & ~NOT_ENCODED, NULL, set_string,
	  OFF(so.dopts.encoding), 0, 0, NULL,
	  "decode inputs as NAME, any iconv name (default: UTF-8, or "
	  "UTF-16/32 by BOM, else detected)" },
	{ "input", 0, NULL, CLI_CHECK | CLI_LSP, NULL, set_input, 0, 0, 0,
	  inputs,
	  "how to read inputs (default: auto, Markdown by extension: .md, "
	  ".markdown, .mdown, .mkd, .mkdn, .mdx, .qmd)" },

	{ "lang", 0, "LANG", ALL_CHECKING, "Language and rules", set_string,
	  OFF(so.co.lang), 0, 0, NULL,
	  "language and dialect (default: en_US; en_GB)" },
	{ "dict-path", 0, "DIR", ALL_CHECKING, NULL, set_string,
	  OFF(so.co.dict_path), 0, 0, NULL,
	  "an extra Hunspell dictionary directory" },
	{ "words", 0, "FILE", ALL_CHECKING, NULL, set_list, OFF(words), 0, 0,
	  NULL, "extra accepted words, one a line (repeatable)" },
	{ "reject", 0, "FILE", ALL_CHECKING, NULL, set_list, OFF(reject), 0, 0,
	  NULL,
	  "words to flag, one a line as 'bad -> good' or 'bad' "
	  "(repeatable)" },
	{ "acronym-max", 0, "N", ALL_CHECKING, NULL, set_acronym_max, 0, 1, 64,
	  NULL,
	  "all-caps words of up to N letters are acronyms, not "
	  "spell-checked (default: 5)" },
	{ "rules-dir", 0, "DIR", ALL_CHECKING, NULL, set_list, OFF(packs), 0, 0,
	  NULL,
	  "add a house-style pack: a folder of rule files whose ids start "
	  "with the folder's name (repeatable; added to the built-in rules "
	  "and the packs: of .mtlint.yml)" },
	{ "no-builtin-rules", 0, NULL, ALL_CHECKING, NULL, set_flag,
	  OFF(so.co.no_builtin_rules), 0, 0, NULL,
	  "leave out the built-in rule files (the packs' rules and the "
	  "spelling, parser and reference checks remain)" },
	{ "enable", 0, "RULE", ALL_CHECKING, NULL, set_list_split, OFF(enable),
	  0, 0, NULL,
	  "enable a rule id (grammar.repeated-word), id prefix (grammar) or "
	  "category (fluency/grammar, fluency); repeatable, or "
	  "comma-separated" },
	{ "disable", 0, "RULE", ALL_CHECKING, NULL, set_list_split,
	  OFF(disable), 0, 0, NULL,
	  "disable a rule id, id prefix or category, as --enable; the more "
	  "specific name wins" },
	{ "grammar-parser", 0, NULL, ALL_CHECKING, NULL, set_int_choice,
	  OFF(so.co.grammar_parser), 0, 0, on_off,
	  "the whole-sentence parse with link-grammar (default: on)" },
	{ "grammar-budget", 0, "N", ALL_CHECKING, NULL, set_unsigned,
	  OFF(so.co.grammar_parser_max_sentences), 0, 100000000, NULL,
	  "parse at most the first N sentences of a document, a count, never "
	  "time (default: 0, all)" },
	{ "shared-parses", 0, NULL, CLI_CHECK | CLI_BATCH, NULL, set_int_choice,
	  OFF(so.co.grammar_parser_share), 0, 0, on_off,
	  "share parse results with other mtlint processes through the "
	  "cache directory, so that processes splitting a corpus parse each "
	  "sentence once (default: on for batch, off for check)" },
	{ "grammar-max-words", 0, "N", ALL_CHECKING, NULL, set_unsigned,
	  OFF(so.co.grammar_parser_max_words), 1, UNIT_MAX_WORDS, NULL,
	  "parse only sentences of at most N words, punctuation and quoted "
	  "fragments not counted (default: 60, every sentence the parser "
	  "takes; 16 keeps the warnings measured trustworthy at a tenth of "
	  "the parse time)" },

	{ "config", 0, "FILE", CLI_CHECK | CLI_LSP | NOT_ENCODED,
	  "Configuration", set_string, OFF(so.config), 0, 0, NULL,
	  "use FILE for every input instead of the nearest .mtlint.yml "
	  "above it" },
	{ "no-config", 0, NULL, CLI_CHECK | CLI_LSP | NOT_ENCODED, NULL,
	  set_flag, OFF(so.no_config), 0, 0, NULL,
	  "use no configuration file" },
	{ "allow-outside-root", 0, NULL, CLI_CHECK | CLI_LSP | NOT_ENCODED,
	  NULL, set_flag, OFF(so.allow_outside_root), 0, 0, NULL,
	  "let .mtlint.yml name word lists, dictionaries and references "
	  "outside its project root (its git work tree, else its folder)" },
	{ "report-unused-disables", 0, NULL, CLI_CHECK | CLI_LSP | NOT_ENCODED,
	  NULL, set_flag, OFF(so.co.report_unused), 0, 0, NULL,
	  "report mtlint-disable comments that suppress nothing "
	  "(mtlint.unused-disable)" },

	{ "format", 'f', "FORMAT", CLI_CHECK | CLI_RULES,
	  "Output and exit status", set_format, 0, 0, 0, NULL,
	  "the output format (default: text):" },
	{ "color", 0, NULL, CLI_CHECK, NULL, set_int_choice, OFF(color), 0, 0,
	  when,
	  "colour in text output (default: auto: on a terminal, unless "
	  "NO_COLOR is set)" },
	{ "colour", 0, NULL, CLI_CHECK, NULL, set_int_choice, OFF(color), 0, 0,
	  when, NULL },
	{ "fail-on", 0, NULL, CLI_CHECK, NULL, set_fail_on, 0, 0, 0, severities,
	  "exit 1 on findings at or above this severity (default: warning, "
	  "or fail-on: of .mtlint.yml)" },
	{ "max-warnings", 0, "N", CLI_CHECK, NULL, set_long, OFF(max_warnings),
	  0, LONG_MAX, NULL, "exit 1 when there are more than N warnings" },
	{ "sarif-root", 0, "DIR", CLI_CHECK, NULL, set_sarif_root, 0, 0, 0,
	  NULL,
	  "SARIF file URIs relative to DIR (default: the working "
	  "directory, as code scanning wants)" },

	{ "baseline", 0, "FILE", CLI_CHECK, "Editorial gate", set_string,
	  OFF(baseline), 0, 0, NULL,
	  "report only findings that FILE does not list" },
	{ "write-baseline", 0, "FILE", CLI_CHECK, NULL, set_string,
	  OFF(write_baseline), 0, 0, NULL,
	  "accept today's findings: write them to FILE, exit 0" },
	{ "fix", 0, NULL, CLI_CHECK, NULL, set_flag, OFF(fix), 0, 0, NULL,
	  "apply the safe fixes to the files, re-checking and fixing again "
	  "until none is left (at most 10 passes), then report what is "
	  "left; each file keeps its mode, owner, ACLs, extended attributes "
	  "and hard links, or is left alone" },
	{ "fix-force", 0, NULL, CLI_CHECK, NULL, set_fix_force, 0, 0, 0, NULL,
	  "--fix, and also rewrite read-only files, and write hard-linked "
	  "files and other users' files in place (not atomically); never "
	  "setuid or setgid files" },
	{ "fix-dry-run", 0, NULL, CLI_CHECK, NULL, set_flag, OFF(fix_dry_run),
	  0, 0, NULL,
	  "print what --fix would write as a unified diff of each file "
	  "against its final text (patch -p0 applies it); exit 1 when there "
	  "is something to fix" },
	{ "jobs", 'j', "N", CLI_CHECK | CLI_SERVE | CLI_BATCH, NULL, set_long,
	  OFF(jobs), 1, 1024, NULL,
	  "check N files (serve: requests; batch: lines) at a time, each "
	  "with its own checker (default and most: the processors)" },

	{ "test", 0, NULL, CLI_RULES, "Rules", set_flag, OFF(test), 0, 0, NULL,
	  "rules --test [RULEFILE...]: run every example of the rule files "
	  "(default: the installed ones); exit 1 on a failure" },
	{ "docs", 0, "DIR", CLI_RULES, NULL, set_string, OFF(docs), 0, 0, NULL,
	  "rules --docs DIR: write a Markdown page for every rule, with its "
	  "examples, and an index (what editors and SARIF link to)" },

	{ "listen", 0, "ADDR:PORT", CLI_SERVE, "Server and batch", set_string,
	  OFF(listen), 0, 0, NULL,
	  "serve on ADDR:PORT ([::1]:PORT for IPv6; port 0: any free port; "
	  "default: " SERVE_DEFAULT_LISTEN ", loopback only)" },
	{ "access-log", 0, "FILE", CLI_SERVE, NULL, set_string, OFF(access_log),
	  0, 0, NULL,
	  "append one line per request to FILE in the Combined Log Format "
	  "('-': standard output, the default; 'off': none)" },
	{ "max-request", 0, "BYTES", CLI_SERVE | CLI_BATCH, NULL, set_long,
	  OFF(max_request), 1024, 1L << 30, NULL,
	  "the largest request body (serve: 413 beyond it; default: 4 MiB) "
	  "or input line (batch: an error record; default: 16 MiB)" },
	{ "queue", 0, "N", CLI_SERVE, NULL, set_long, OFF(queue), 1, 1000000,
	  NULL,
	  "requests waiting for a worker before the next gets 503 (default: "
	  "128 per worker)" },
	{ "timeout", 0, "SECONDS", CLI_SERVE, NULL, set_long, OFF(timeout), 1,
	  86400, NULL,
	  "answer 503 to a request not done in SECONDS of wall-clock time "
	  "(default: 60); time never changes what a check reports" },

	{ "completion", 0, "SHELL", CLI_HELP, "Help", set_string,
	  OFF(completion), 0, 0, NULL,
	  "help --completion bash|zsh|fish: the shell's completion script "
	  "(the build makes them; make install installs them)" },
	{ "man", 0, "SECTION", CLI_HELP, NULL, set_string, OFF(man), 0, 0, NULL,
	  "help --man options|commands: that section of the man page, as "
	  "roff (the build makes mtlint.1 with it)" },

	{ "help", 'h', NULL, ~0u, "General", NULL, 0, 0, 0, NULL,
	  "show this help" },
	{ "version", 'V', NULL, ~0u, NULL, NULL, 0, 0, 0, NULL,
	  "show the version" },
};

/* --- parsing ------------------------------------------------------------- */

static const char *command_name(enum cli_cmd cmd)
{
	static const char *const names[] = { "check", "rules", "score",
					     "segment", "lsp", "help",
					     "serve", "batch", "init" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (cmd == 1u << i)
			return names[i];
	return "?";
}

int cli_parse(enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o)
{
	struct option longopts[ARRAY_SIZE(options) + 1];
	char shorts[2 * ARRAY_SIZE(options) + 2], *sp = shorts;
	int c, index;

	o->so.co = (struct checker_options)CHECKER_OPTIONS_INIT;
	o->so.co.lang = NULL; /* unset: the configuration's, else en_US */
	o->format = "text";
	o->color = -1;
	o->max_warnings = -1;
	*sp++ = ':'; /* ':' for a missing argument */
	for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
		const struct option_row *r = &options[i];
		int has_arg = r->arg || r->choices;

		longopts[i] = (struct option){ r->name,
					       has_arg ? required_argument
						       : no_argument,
					       NULL, 256 + (int)i };
		if (r->letter) {
			*sp++ = (char)r->letter;
			if (has_arg)
				*sp++ = ':';
		}
	}
	*sp = '\0';
	memset(&longopts[ARRAY_SIZE(options)], 0, sizeof(*longopts));
	optind = 1;
	opterr = 0;
	/* no '+': options after operands too, as GNU tools; "--" ends them */
	while ((c = getopt_long(argc, argv, shorts, longopts, &index)) != -1) {
		const struct option_row *r = NULL;
		int rc;

		if (c >= 256) {
			r = &options[c - 256];
		} else {
			for (size_t i = 0; i < ARRAY_SIZE(options); i++)
				if (options[i].letter && options[i].letter == c)
					r = &options[i];
		}
		if (c == ':')
			return cli_bad_usage("option '%s' needs a value",
					     argv[optind - 1]);
		if (!r) {
			if (optopt > 0 && optopt < 256)
				return cli_bad_usage("unknown option '-%c'",
						     optopt);
			return cli_bad_usage("unknown option '%s'",
					     argv[optind - 1]);
		}
		if (!(r->cmds & cmd))
			return cli_bad_usage("'mtlint %s' does not take --%s",
					     command_name(cmd), r->name);
		if (r->letter == 'h')
			return CLI_SHOW_HELP;
		if (r->letter == 'V') {
			printf("mtlint %s\n", MT_VERSION);
			return CLI_EXIT_CLEAN;
		}
		rc = r->set(o, r, optarg);
		if (rc >= 0)
			return rc;
	}
	for (int i = optind; i < argc; i++)
		list_add(&o->files, argv[i]);
	o->so.co.word_files = o->words.v;
	o->so.co.n_word_files = o->words.n;
	o->so.co.reject_files = o->reject.v;
	o->so.co.n_reject_files = o->reject.n;
	o->so.co.enable = o->enable.v;
	o->so.co.n_enable = o->enable.n;
	o->so.co.disable = o->disable.v;
	o->so.co.n_disable = o->disable.n;
	o->so.co.packs = o->packs.v;
	o->so.co.n_packs = o->packs.n;
	return -1;
}

void cli_opts_release(struct cli_opts *o)
{
	free(o->words.v);
	free(o->reject.v);
	free(o->enable.v);
	free(o->disable.v);
	free(o->packs.v);
	free(o->files.v);
	memset(o, 0, sizeof(*o));
}

/* --- help and roff ------------------------------------------------------- */

/* "auto|always|never", or the argument's name. */
static void arg_text(const struct option_row *r, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (r->arg) {
		snprintf(buf, size, "%s", r->arg);
		return;
	}
	for (size_t i = 0; r->choices && r->choices[i].name; i++)
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
				      i ? "|" : "", r->choices[i].name);
}

void cli_wrap(FILE *f, const char *text, size_t col, size_t indent)
{
	const char *p = text;

	while (*p) {
		size_t w = strcspn(p, " ");

		if (col > indent && col + 1 + w > 79) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, w, f);
		col += w;
		p += w;
		while (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

void cli_print_options(FILE *f, unsigned cmd)
{
	const char *section = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
		const struct option_row *r = &options[i];
		char arg[64], head[128];
		int n;

		if (r->section)
			section = r->section;
		if (!r->help || (cmd && !(r->cmds & cmd)))
			continue;
		if (section) {
			fprintf(f, "\n%s:\n", section);
			section = NULL;
		}
		arg_text(r, arg, sizeof(arg));
		n = snprintf(head, sizeof(head), "  %c%c%s--%s%s%s",
			     r->letter ? '-' : ' ', r->letter ? r->letter : ' ',
			     r->letter ? ", " : "  ", r->name, *arg ? " " : "",
			     arg);
		fputs(head, f);
		if (n >= 25) {
			fprintf(f, "\n%*s", 25, "");
			n = 25;
		} else {
			fprintf(f, "%*s", 25 - n, "");
			n = 25;
		}
		cli_wrap(f, r->help, (size_t)n, 25);
		if (r->set == set_format) {
			size_t nr;
			const struct reporter *const *rep = reporter_list(&nr);

			for (size_t k = 0; k < nr; k++)
				fprintf(f, "%27s%-11s %s\n", "", rep[k]->name,
					rep[k]->description);
		}
	}
}

void cli_roff_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

void cli_print_options_roff(FILE *f)
{
	for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
		const struct option_row *r = &options[i];
		char arg[64];

		if (r->section) {
			fputs(".SS ", f);
			cli_roff_text(f, r->section);
			fputc('\n', f);
		}
		if (!r->help)
			continue;
		arg_text(r, arg, sizeof(arg));
		fputs(".TP\n", f);
		if (r->letter)
			fprintf(f, "\\fB\\-%c\\fR, ", r->letter);
		fputs("\\fB\\-\\-", f);
		cli_roff_text(f, r->name);
		fputs("\\fR", f);
		if (*arg) {
			fputs(" \\fI", f);
			cli_roff_text(f, arg);
			fputs("\\fR", f);
		}
		fputc('\n', f);
		cli_roff_text(f, r->help);
		fputc('\n', f);
		if (r->set == set_format) {
			size_t nr;
			const struct reporter *const *rep = reporter_list(&nr);

			fputs(".RS\n", f);
			for (size_t k = 0; k < nr; k++) {
				fputs(".TP 12\n\\fB", f);
				cli_roff_text(f, rep[k]->name);
				fputs("\\fR\n", f);
				cli_roff_text(f, rep[k]->description);
				fputc('\n', f);
			}
			fputs(".RE\n", f);
		}
	}
}

/* --- the table for other generators -------------------------------------- */

void cli_each_option(void (*fn)(const struct cli_option_info *o, void *arg),
		     void *arg)
{
	static const char *const langs[] = { "en_US", "en_GB" };

	for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
		const struct option_row *r = &options[i];
		const char *names[16];
		struct cli_option_info o = { r->name, r->letter, r->arg, names,
					     0, r->help, r->cmds };

		if (!r->help)
			continue; /* an alias */
		for (size_t k = 0; r->choices && r->choices[k].name &&
				   k < ARRAY_SIZE(names);
		     k++)
			names[o.n_choices++] = r->choices[k].name;
		if (r->set == set_format) {
			size_t nr;
			const struct reporter *const *rep = reporter_list(&nr);

			for (size_t k = 0; k < nr && k < ARRAY_SIZE(names); k++)
				names[o.n_choices++] = rep[k]->name;
		} else if (!strcmp(r->name, "lang")) {
			o.choices = langs;
			o.n_choices = ARRAY_SIZE(langs);
		}
		fn(&o, arg);
	}
}
