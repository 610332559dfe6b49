/*
 * cli: option parsing and the subcommands (see cli.h).
 */
#include "cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checker.h"
#include "document.h"
#include "lsp.h"
#include "report.h"
#include "segment.h"
#include "xalloc.h"

struct strlist {
	const char **v;
	size_t n, alloc;
};

static void strlist_add(struct strlist *l, const char *s)
{
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = s;
}

/* Comma-separated values are split: --disable a,b,c */
static void strlist_add_split(struct strlist *l, char *s)
{
	for (char *p = strtok_r(s, ",", &s); p; p = strtok_r(NULL, ",", &s))
		if (*p)
			strlist_add(l, p);
}

static void usage(FILE *f)
{
	size_t n;
	const struct reporter *const *r = reporter_list(&n);

	fputs("usage: mtlint [check] [options] FILE...\n"
	      "       mtlint rules [options]\n"
	      "       mtlint segment FILE\n"
	      "       mtlint lsp [options]      (Language Server, stdio)\n"
	      "       mtlint version\n"
	      "\n"
	      "Check machine-translated English prose before publication.\n"
	      "FILE may be '-' for standard input.\n"
	      "\n"
	      "Options:\n"
	      "  -r, --reference FILE   clean reference article on the same "
	      "event\n"
	      "  -f, --format FORMAT    output format (default: text):\n",
	      f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "                           %-8s %s\n", r[i]->name,
			r[i]->description);
	fputs("      --fail-on SEV      exit 1 on findings at or above SEV:\n"
	      "                         error, warning (default), info, "
	      "never\n"
	      "      --encoding NAME    decode inputs as NAME (iconv name; "
	      "default:\n"
	      "                         UTF-8 or UTF-16 by BOM, else "
	      "detected)\n"
	      "      --lang LANG        language and dialect (default: "
	      "en_US)\n"
	      "      --dict-path DIR    extra Hunspell dictionary "
	      "directory\n"
	      "      --words FILE       extra accepted words (repeatable)\n"
	      "      --reject FILE      words to flag, 'bad -> good' "
	      "(repeatable)\n"
	      "      --acronym-max N    all-caps words of up to N letters "
	      "are not\n"
	      "                         spell-checked (default: 5)\n"
	      "      --rules-dir DIR    rule files (default: the installed "
	      "rules)\n"
	      "      --enable RULE      enable a rule id or category "
	      "(repeatable)\n"
	      "      --disable RULE     disable a rule id or category "
	      "(repeatable)\n"
	      "      --color WHEN       auto (default), always, never\n"
	      "  -h, --help             show this help\n"
	      "  -V, --version          show the version\n"
	      "\n"
	      "Exit status: 0 no findings at or above --fail-on, 1 findings,\n"
	      "2 usage, input or environment error.\n",
	      f);
}

enum {
	OPT_FAIL_ON = 256,
	OPT_ENCODING,
	OPT_LANG,
	OPT_DICT_PATH,
	OPT_WORDS,
	OPT_REJECT,
	OPT_ACRONYM_MAX,
	OPT_RULES_DIR,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_COLOR,
};

static const struct option check_longopts[] = {
	{ "reference", required_argument, NULL, 'r' },
	{ "format", required_argument, NULL, 'f' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "dict-path", required_argument, NULL, OPT_DICT_PATH },
	{ "words", required_argument, NULL, OPT_WORDS },
	{ "reject", required_argument, NULL, OPT_REJECT },
	{ "acronym-max", required_argument, NULL, OPT_ACRONYM_MAX },
	{ "rules-dir", required_argument, NULL, OPT_RULES_DIR },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct cli_opts {
	struct checker_options co;
	struct document_options dopts;
	const char *reference;
	const char *format;
	enum mt_severity fail_on;
	int color; /* -1 auto */
	struct strlist words, reject, enable, disable;
	struct strlist files;
};

static void cli_opts_release(struct cli_opts *o)
{
	free(o->words.v);
	free(o->reject.v);
	free(o->enable.v);
	free(o->disable.v);
	free(o->files.v);
}

static int bad_usage(const char *fmt, const char *arg)
{
	fputs("mtlint: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'mtlint --help' for more information.\n", stderr);
	return CLI_EXIT_ERROR;
}

/* Parse options shared by check-like commands; returns -1 to go on, or an
 * exit code. */
static int parse_check_opts(int argc, char **argv, struct cli_opts *o)
{
	int c;

	o->co = (struct checker_options)CHECKER_OPTIONS_INIT;
	o->format = "text";
	o->fail_on = MT_SEV_WARNING;
	o->color = -1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+r:f:hV", check_longopts,
				NULL)) != -1) {
		switch (c) {
		case 'r':
			o->reference = optarg;
			break;
		case 'f':
			o->format = optarg;
			if (!reporter_find(optarg))
				return bad_usage("unknown format '%s'", optarg);
			break;
		case OPT_FAIL_ON:
			if (mt_severity_parse(optarg, 1, &o->fail_on) < 0)
				return bad_usage("--fail-on takes error, "
						 "warning, info or never, not "
						 "'%s'",
						 optarg);
			break;
		case OPT_ENCODING:
			o->dopts.encoding = optarg;
			break;
		case OPT_LANG:
			o->co.lang = optarg;
			break;
		case OPT_DICT_PATH:
			o->co.dict_path = optarg;
			break;
		case OPT_WORDS:
			strlist_add(&o->words, optarg);
			break;
		case OPT_REJECT:
			strlist_add(&o->reject, optarg);
			break;
		case OPT_ACRONYM_MAX: {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*end || end == optarg || v < 1 || v > 64)
				return bad_usage("--acronym-max takes a number "
						 "from 1 to 64, not '%s'",
						 optarg);
			o->co.acronym_max = (int)v;
			break;
		}
		case OPT_RULES_DIR:
			o->co.rules_dir = optarg;
			break;
		case OPT_ENABLE:
			strlist_add_split(&o->enable, optarg);
			break;
		case OPT_DISABLE:
			strlist_add_split(&o->disable, optarg);
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = -1;
			else if (strcmp(optarg, "always") == 0)
				o->color = 1;
			else if (strcmp(optarg, "never") == 0)
				o->color = 0;
			else
				return bad_usage("--color takes auto, always or "
						 "never, not '%s'",
						 optarg);
			break;
		case 'h':
			usage(stdout);
			return CLI_EXIT_CLEAN;
		case 'V':
			printf("mtlint %s\n", MT_VERSION);
			return CLI_EXIT_CLEAN;
		case ':':
			return bad_usage("option '%s' needs a value",
					 argv[optind - 1]);
		default:
			return bad_usage("unknown option '%s'",
					 argv[optind - 1]);
		}
	}
	for (int i = optind; i < argc; i++)
		strlist_add(&o->files, argv[i]);
	o->co.word_files = o->words.v;
	o->co.n_word_files = o->words.n;
	o->co.reject_files = o->reject.v;
	o->co.n_reject_files = o->reject.n;
	o->co.enable = o->enable.v;
	o->co.n_enable = o->enable.n;
	o->co.disable = o->disable.v;
	o->co.n_disable = o->disable.n;
	return -1;
}

static int want_color(int setting)
{
	const char *nc = getenv("NO_COLOR");

	if (setting >= 0)
		return setting;
	if (nc && *nc)
		return 0;
	return isatty(STDOUT_FILENO);
}

static int cmd_check(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct checker *checker = NULL;
	struct document *ref = NULL;
	struct mt_error err = { 0 };
	const struct reporter *rep;
	struct report_options ro = { 0 };
	void *rs;
	int rc = parse_check_opts(argc, argv, &o);
	int input_error = 0;
	size_t at_threshold = 0;

	if (rc >= 0)
		goto out;
	if (!o.files.n) {
		rc = bad_usage("%s", "no input files (use '-' for standard "
				     "input)");
		goto out;
	}
	if (checker_new(&o.co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	if (o.reference) {
		if (document_load_file(o.reference, &o.dopts, &ref, &err) !=
			    MT_ERR_OK ||
		    checker_segment(checker, ref, &err) != MT_ERR_OK) {
			fprintf(stderr, "mtlint: error: reference: %s\n",
				err.msg);
			rc = CLI_EXIT_ERROR;
			goto out;
		}
	}
	rep = reporter_find(o.format);
	ro.out = stdout;
	ro.color = want_color(o.color) && rep == &report_text;
	ro.checker = checker;
	ro.ref = ref;
	rs = rep->begin(&ro);
	for (size_t i = 0; i < o.files.n; i++) {
		struct document *doc = NULL;
		struct diag_list diags;

		err = (struct mt_error){ 0 };
		if (document_load_file(o.files.v[i], &o.dopts, &doc, &err) !=
		    MT_ERR_OK) {
			rep->file_error(rs, o.files.v[i], &err);
			input_error = 1;
			continue;
		}
		if (doc->encoding_detected)
			fprintf(stderr,
				"mtlint: note: %s is not UTF-8; decoded as %s "
				"(detected; use --encoding to choose)\n",
				doc->name, doc->encoding);
		diag_list_init(&diags, &doc->arena);
		if (checker_check(checker, doc, ref, &diags, &err) !=
		    MT_ERR_OK) {
			rep->file_error(rs, o.files.v[i], &err);
			input_error = 1;
		} else {
			rep->file(rs, doc, &diags);
			if (o.fail_on != MT_SEV_NONE)
				at_threshold += diag_list_count(&diags,
								o.fail_on);
		}
		diag_list_release(&diags);
		document_free(doc);
	}
	if (rep->end(rs) < 0) {
		fprintf(stderr, "mtlint: error: cannot write output\n");
		input_error = 1;
	}
	rc = input_error ? CLI_EXIT_ERROR
	     : at_threshold ? CLI_EXIT_FINDINGS
			    : CLI_EXIT_CLEAN;
out:
	document_free(ref);
	checker_free(checker);
	cli_opts_release(&o);
	return rc;
}

static void print_rule(const struct rule_info *r, void *arg)
{
	(void)arg;
	printf("%-34s %-24s %-8s %s\n", r->id, r->category,
	       mt_severity_name(r->severity), r->description);
}

static int cmd_rules(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct checker *checker = NULL;
	struct mt_error err = { 0 };
	int rc = parse_check_opts(argc, argv, &o);

	if (rc >= 0)
		goto out;
	if (checker_new(&o.co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	checker_each_rule(checker, print_rule, NULL);
	rc = CLI_EXIT_CLEAN;
out:
	checker_free(checker);
	cli_opts_release(&o);
	return rc;
}

static const char *const kind_names[] = { "?",	 "word",  "number",
					  "punct", "symbol", "url",
					  "email", "handle", "hashtag" };

/*
 * `mtlint segment FILE`: show paragraphs, sentences and tokens, one token a
 * line with its kind and flags -- what every check sees.  For rule authors
 * and bug reports.
 */
static int cmd_segment(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct checker *checker = NULL;
	struct document *doc = NULL;
	struct mt_error err = { 0 };
	int rc = parse_check_opts(argc, argv, &o);

	if (rc >= 0)
		goto out;
	rc = CLI_EXIT_ERROR;
	if (o.files.n != 1) {
		rc = bad_usage("%s", "segment takes one file");
		goto out;
	}
	if (checker_new(&o.co, &checker, &err) != MT_ERR_OK ||
	    document_load_file(o.files.v[0], &o.dopts, &doc, &err) !=
		    MT_ERR_OK ||
	    checker_segment(checker, doc, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		goto out;
	}
	for (uint32_t i = 0; i < doc->n_sentences; i++) {
		const struct sentence *s = &doc->sentences[i];
		struct doc_pos p = document_position(doc, s->span.start, 0);

		printf("sentence %u (paragraph %u, %u:%u): %.*s\n", i + 1,
		       s->paragraph + 1, p.line, p.column,
		       (int)(s->span.end - s->span.start),
		       doc->text + s->span.start);
		for (uint32_t k = 0; k < s->n_tokens; k++) {
			const struct token *t = &doc->tokens[s->first_token + k];

			printf("  %-8s %-24.*s%s%s%s%s%s\n",
			       t->kind < ARRAY_SIZE(kind_names)
				       ? kind_names[t->kind]
				       : "?",
			       (int)token_len(t), doc->text + t->span.start,
			       t->flags & TOKF_CAP ? " cap" : "",
			       t->flags & TOKF_ALLCAPS ? " allcaps" : "",
			       t->flags & TOKF_HYPHEN ? " hyphen" : "",
			       t->flags & TOKF_ABBREV ? " abbrev" : "",
			       t->flags & TOKF_APOS ? " apos" : "");
		}
	}
	rc = CLI_EXIT_CLEAN;
out:
	document_free(doc);
	checker_free(checker);
	cli_opts_release(&o);
	return rc;
}

/* `mtlint lsp [options]`: a Language Server on stdin/stdout. */
static int cmd_lsp(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct checker *checker = NULL;
	struct mt_error err = { 0 };
	int rc = parse_check_opts(argc, argv, &o);

	if (rc >= 0)
		goto out;
	if (checker_new(&o.co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	rc = lsp_serve(checker, stdin, stdout);
out:
	checker_free(checker);
	cli_opts_release(&o);
	return rc;
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("mtlint %s\n", MT_VERSION);
	return CLI_EXIT_CLEAN;
}

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage(stdout);
	return CLI_EXIT_CLEAN;
}

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *description;
};

static const struct command commands[] = {
	{ "check", cmd_check, "check files (the default)" },
	{ "rules", cmd_rules, "list the rules" },
	{ "segment", cmd_segment, "show sentences and tokens of a file" },
	{ "lsp", cmd_lsp, "Language Server on standard input/output" },
	{ "version", cmd_version, "show the version" },
	{ "help", cmd_help, "show the help" },
};

int cli_main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	if (argc > 1) {
		for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].fn(argc - 1, argv + 1);
	}
	/* no subcommand: check */
	return cmd_check(argc, argv);
}
