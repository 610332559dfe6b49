/*
 * cli: option parsing and the subcommands (see cli.h).
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reference/align.h"
#include "run/baseline.h"
#include "util/batch.h"
#include "util/buf.h"
#include "run/checker.h"
#include "run/config.h"
#include "text/document.h"
#include "engine/engine.h"
#include "run/fix.h"
#include "run/gate.h"
#include "lsp/lsp.h"
#include "report/report.h"
#include "reference/score.h"
#include "text/segment.h"
#include "run/walk.h"
#include "util/xalloc.h"

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
	      "       mtlint rules --test [options] [RULEFILE...]\n"
	      "       mtlint score --reference REF FILE...\n"
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
	      "      --grammar-parser on|off\n"
	      "                         whole-sentence parse with link-grammar"
	      " (default: on)\n"
	      "      --grammar-budget MS\n"
	      "                         parser time per document (default: "
	      "20000)\n"
	      "\n"
	      "CI and editorial gate:\n"
	      "      --config FILE      use FILE instead of the nearest "
	      ".mtlint.yml\n"
	      "      --no-config        use no configuration file\n"
	      "      --input KIND       auto (default: Markdown by "
	      "extension), text,\n"
	      "                         markdown\n"
	      "      --max-warnings N   exit 1 when more than N warnings\n"
	      "      --baseline FILE    report only findings not in FILE\n"
	      "      --write-baseline FILE  accept today's findings: write "
	      "them to FILE\n"
	      "      --report-unused-disables  report mtlint-disable "
	      "comments that\n"
	      "                         suppress nothing\n"
	      "      --fix              apply safe fixes to the files, then "
	      "report\n"
	      "                         what is left\n"
	      "      --fix-dry-run      print the safe fixes as a unified "
	      "diff\n"
	      "      --sarif-root DIR   SARIF file URIs relative to DIR "
	      "(default: the\n"
	      "                         working directory, as code scanning "
	      "wants)\n"
	      "  -j, --jobs N           check N files at a time (default: "
	      "processors)\n"
	      "FILE may also be a directory (its .txt and .md files, "
	      "recursively)\n"
	      "or a quoted glob ('articles/**/*.md').\n"
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
	OPT_GRAMMAR_PARSER,
	OPT_GRAMMAR_BUDGET,
	OPT_CONFIG,
	OPT_NO_CONFIG,
	OPT_INPUT,
	OPT_MAX_WARNINGS,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_REPORT_UNUSED,
	OPT_FIX,
	OPT_FIX_DRY_RUN,
	OPT_SARIF_ROOT,
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
	{ "grammar-parser", required_argument, NULL, OPT_GRAMMAR_PARSER },
	{ "grammar-budget", required_argument, NULL, OPT_GRAMMAR_BUDGET },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "max-warnings", required_argument, NULL, OPT_MAX_WARNINGS },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "report-unused-disables", no_argument, NULL, OPT_REPORT_UNUSED },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "fix-dry-run", no_argument, NULL, OPT_FIX_DRY_RUN },
	{ "sarif-root", required_argument, NULL, OPT_SARIF_ROOT },
	{ "jobs", required_argument, NULL, 'j' },
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
	/* the editorial gate (issue 6) */
	int fail_on_set, lang_set, dict_path_set;
	const char *config;
	int no_config;
	enum config_input input;
	long max_warnings; /* -1: not set */
	const char *baseline, *write_baseline;
	int report_unused, fix, fix_dry_run;
	long jobs; /* 0: processors */
	const char *sarif_root; /* SARIF URIs relative to it (NULL: cwd) */
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
	o->max_warnings = -1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+r:f:j:hV", check_longopts,
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
			o->fail_on_set = 1;
			break;
		case OPT_ENCODING:
			o->dopts.encoding = optarg;
			break;
		case OPT_LANG:
			o->co.lang = optarg;
			o->lang_set = 1;
			break;
		case OPT_DICT_PATH:
			o->co.dict_path = optarg;
			o->dict_path_set = 1;
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
		case OPT_GRAMMAR_PARSER:
			if (strcmp(optarg, "on") == 0)
				o->co.grammar_parser = 1;
			else if (strcmp(optarg, "off") == 0)
				o->co.grammar_parser = 0;
			else
				return bad_usage("--grammar-parser takes on or "
						 "off, not '%s'",
						 optarg);
			break;
		case OPT_GRAMMAR_BUDGET: {
			char *end;
			unsigned long ms = strtoul(optarg, &end, 10);

			if (!*optarg || *end || ms == 0 || ms > 3600000)
				return bad_usage("--grammar-budget takes "
						 "milliseconds (1 to 3600000), "
						 "not '%s'",
						 optarg);
			o->co.grammar_parser_budget_ms = (unsigned)ms;
			break;
		}
		case OPT_CONFIG:
			o->config = optarg;
			break;
		case OPT_NO_CONFIG:
			o->no_config = 1;
			break;
		case OPT_INPUT:
			if (strcmp(optarg, "auto") == 0)
				o->input = CONFIG_INPUT_AUTO;
			else if (strcmp(optarg, "text") == 0)
				o->input = CONFIG_INPUT_TEXT;
			else if (strcmp(optarg, "markdown") == 0)
				o->input = CONFIG_INPUT_MARKDOWN;
			else
				return bad_usage("--input takes auto, text or "
						 "markdown, not '%s'",
						 optarg);
			break;
		case OPT_MAX_WARNINGS:
		case 'j': {
			char *end;
			long v;

			errno = 0;
			v = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || v < 0 ||
			    (c == 'j' && (v < 1 || v > 1024)))
				return bad_usage(c == 'j'
							 ? "--jobs takes a "
							   "number from 1 to "
							   "1024, not '%s'"
							 : "--max-warnings "
							   "takes a number >= "
							   "0, not '%s'",
						 optarg);
			if (c == 'j')
				o->jobs = v;
			else
				o->max_warnings = v;
			break;
		}
		case OPT_BASELINE:
			o->baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			o->write_baseline = optarg;
			break;
		case OPT_REPORT_UNUSED:
			o->report_unused = 1;
			break;
		case OPT_SARIF_ROOT: {
			struct stat st;

			if (stat(optarg, &st) != 0 || !S_ISDIR(st.st_mode))
				return bad_usage("--sarif-root '%s' is not a "
						 "directory",
						 optarg);
			o->sarif_root = optarg;
			break;
		}
		case OPT_FIX:
			o->fix = 1;
			break;
		case OPT_FIX_DRY_RUN:
			o->fix_dry_run = 1;
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
	/* the command line parses sentences unless told not to */
	if (o->co.grammar_parser < 0)
		o->co.grammar_parser = 1;
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

/*
 * The check command, as the editorial gate runs it: inputs expanded
 * (walk.h), each file's configuration found (config.h) and turned into a
 * "profile" -- checker options plus gate settings -- and the files checked
 * in parallel (batch.h), each worker thread with checkers of its own, then
 * reported, filtered by the baseline and counted in input order.
 */
struct profile {
	const struct config *cfg; /* NULL: none */
	struct checker_options co;
	struct strlist words, reject, enable, disable;
	struct severity_override *sev;
	struct checker **checkers; /* one per worker, opened on first use */
	enum config_input input;
	enum mt_severity fail_on;
};

struct job {
	const char *path;
	struct profile *prof;
	struct document *doc;
	struct diag_list diags;
	struct mt_error err;
	int failed;
	size_t n_fixed;
	struct buf diff;
};

struct worker_ref {
	char *path;
	struct document *doc;
};

struct run {
	struct cli_opts *o;
	struct job *jobs;
	size_t n_jobs;
	struct profile **profiles;
	size_t n_profiles, alloc_profiles;
	size_t n_workers;
	struct worker_ref *refs; /* per worker */
	const struct reporter *rep;
	void *rs;
	struct baseline *baseline, *write_baseline;
	size_t at_threshold, warnings, n_fixed, baselined;
	int input_error;
};

/* Does the command line name this rule setting itself?  Then it wins
 * over the configuration file's. */
static int cli_names(const struct cli_opts *o, const char *name)
{
	for (size_t i = 0; i < o->enable.n; i++)
		if (!strcmp(o->enable.v[i], name))
			return 1;
	for (size_t i = 0; i < o->disable.n; i++)
		if (!strcmp(o->disable.v[i], name))
			return 1;
	return 0;
}

static struct profile *profile_for(struct run *r, const struct config *cfg)
{
	struct cli_opts *o = r->o;
	struct profile *p;
	size_t n_sev = 0;

	for (size_t i = 0; i < r->n_profiles; i++)
		if (r->profiles[i]->cfg == cfg)
			return r->profiles[i];
	p = xcalloc(1, sizeof(*p));
	p->cfg = cfg;
	p->co = o->co;
	p->input = o->input;
	p->fail_on = o->fail_on;
	p->checkers = xcalloc(r->n_workers, sizeof(*p->checkers));
	if (cfg) {
		if (cfg->lang && !o->lang_set)
			p->co.lang = cfg->lang;
		if (cfg->dict_path && !o->dict_path_set)
			p->co.dict_path = cfg->dict_path;
		if (o->input == CONFIG_INPUT_AUTO)
			p->input = cfg->input;
		if (cfg->has_fail_on && !o->fail_on_set)
			p->fail_on = cfg->fail_on;
		for (size_t i = 0; i < cfg->n_accept; i++)
			strlist_add(&p->words, cfg->accept[i]);
		for (size_t i = 0; i < cfg->n_reject; i++)
			strlist_add(&p->reject, cfg->reject[i]);
		p->sev = xcalloc(cfg->n_rules + 1, sizeof(*p->sev));
		for (size_t i = 0; i < cfg->n_rules; i++) {
			const struct config_rule *cr = &cfg->rules[i];

			if (cli_names(o, cr->name))
				continue;
			strlist_add(cr->enable ? &p->enable : &p->disable,
				    cr->name);
			if (cr->severity != MT_SEV_NONE)
				p->sev[n_sev++] = (struct severity_override){
					cr->name, cr->severity
				};
		}
	}
	for (size_t i = 0; i < o->words.n; i++)
		strlist_add(&p->words, o->words.v[i]);
	for (size_t i = 0; i < o->reject.n; i++)
		strlist_add(&p->reject, o->reject.v[i]);
	for (size_t i = 0; i < o->enable.n; i++)
		strlist_add(&p->enable, o->enable.v[i]);
	for (size_t i = 0; i < o->disable.n; i++)
		strlist_add(&p->disable, o->disable.v[i]);
	p->co.word_files = p->words.v;
	p->co.n_word_files = p->words.n;
	p->co.reject_files = p->reject.v;
	p->co.n_reject_files = p->reject.n;
	p->co.enable = p->enable.v;
	p->co.n_enable = p->enable.n;
	p->co.disable = p->disable.v;
	p->co.n_disable = p->disable.n;
	p->co.severity = p->sev;
	p->co.n_severity = n_sev;
	r->profiles = xgrow(r->profiles, &r->alloc_profiles,
			    r->n_profiles + 1, sizeof(*r->profiles));
	r->profiles[r->n_profiles++] = p;
	return p;
}

static void profile_free(struct profile *p, size_t n_workers)
{
	for (size_t w = 0; w < n_workers; w++)
		checker_free(p->checkers[w]);
	free(p->checkers);
	free(p->words.v);
	free(p->reject.v);
	free(p->enable.v);
	free(p->disable.v);
	free(p->sev);
	free(p);
}

static int walk_ignore(void *arg, const char *path, int is_dir)
{
	struct config_cache *cc = arg;
	const struct config *cfg;
	struct mt_error err = { 0 };

	/* a broken configuration is reported when its files are checked */
	if (config_cache_lookup(cc, path, &cfg, NULL, &err) != MT_ERR_OK)
		return 0;
	return config_ignored(cfg, path, is_dir);
}

/* The reference for a job: --reference, else the configuration's mapping;
 * loaded once per worker and path. */
static enum mt_err job_reference(struct run *r, size_t w, struct job *j,
				 struct document **out, struct mt_error *err)
{
	struct worker_ref *wr = &r->refs[w];
	char *path = r->o->reference ? xstrdup(r->o->reference)
				     : config_reference(j->prof->cfg, j->path);
	enum mt_err rc;

	*out = NULL;
	if (!path)
		return MT_ERR_OK;
	if (wr->path && !strcmp(wr->path, path)) {
		free(path);
		*out = wr->doc;
		return MT_ERR_OK;
	}
	document_free(wr->doc);
	free(wr->path);
	wr->doc = NULL;
	wr->path = NULL;
	rc = document_load_file(path, &r->o->dopts, &wr->doc, err);
	if (rc != MT_ERR_OK) {
		char msg[2 * sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "reference for '%s': %s", j->path,
			 err->msg);
		free(path);
		return mt_error(err, rc, "%s", msg);
	}
	wr->path = path;
	*out = wr->doc;
	return MT_ERR_OK;
}

static enum mt_err job_check(struct run *r, size_t w, struct job *j,
			     struct checker *c)
{
	struct gate_options go = { j->prof->input, r->o->report_unused };
	struct document *ref = NULL;
	enum mt_err rc;

	rc = job_reference(r, w, j, &ref, &j->err);
	if (rc == MT_ERR_OK)
		rc = document_load_file(j->path, &r->o->dopts, &j->doc,
					&j->err);
	if (rc != MT_ERR_OK)
		return rc;
	diag_list_init(&j->diags, &j->doc->arena);
	return gate_check(c, j->doc, ref, &go, &j->diags, &j->err);
}

static void job_release(struct job *j)
{
	if (j->doc)
		diag_list_release(&j->diags);
	document_free(j->doc);
	j->doc = NULL;
}

/* Checkers are opened one at a time: a pass's loader (dictionaries,
 * third-party libraries) need not be thread-safe, only its checks. */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

static void run_work(void *ctx, size_t w, size_t i)
{
	struct run *r = ctx;
	struct job *j = &r->jobs[i];
	struct checker **c = &j->prof->checkers[w];

	buf_init(&j->diff);
	if (!*c) {
		enum mt_err rc;

		pthread_mutex_lock(&open_lock);
		rc = checker_new(&j->prof->co, c, &j->err);
		pthread_mutex_unlock(&open_lock);
		if (rc != MT_ERR_OK) {
			j->failed = 1;
			return;
		}
	}
	if (job_check(r, w, j, *c) != MT_ERR_OK) {
		j->failed = 1;
		return;
	}
	if (r->o->fix_dry_run) {
		fix_diff(j->doc, &j->diags, &j->diff);
		return;
	}
	if (r->o->fix) {
		if (fix_file(j->doc, &j->diags, &j->n_fixed, &j->err) !=
		    MT_ERR_OK) {
			j->failed = 1;
			return;
		}
		if (j->n_fixed) {
			/* report what is left, at its new position */
			job_release(j);
			if (job_check(r, w, j, *c) != MT_ERR_OK)
				j->failed = 1;
		}
	}
}

static void run_done(void *ctx, size_t i)
{
	struct run *r = ctx;
	struct job *j = &r->jobs[i];

	if (j->failed) {
		if (r->rep)
			r->rep->file_error(r->rs, j->path, &j->err);
		else
			fprintf(stderr, "mtlint: error: %s\n", j->err.msg);
		r->input_error = 1;
		goto out;
	}
	if (j->doc->encoding_detected)
		fprintf(stderr,
			"mtlint: note: %s is not UTF-8; decoded as %s "
			"(detected; use --encoding to choose)\n",
			j->doc->name, j->doc->encoding);
	if (j->n_fixed) {
		fprintf(stderr, "mtlint: fixed %zu finding%s in %s\n",
			j->n_fixed, j->n_fixed == 1 ? "" : "s", j->doc->name);
		r->n_fixed += j->n_fixed;
	}
	if (r->o->fix_dry_run) {
		fwrite(j->diff.buf, 1, j->diff.len, stdout);
		r->n_fixed += j->diff.len ? 1 : 0;
		goto out;
	}
	if (r->write_baseline) {
		baseline_add(r->write_baseline, j->path, j->doc, &j->diags);
		goto out;
	}
	if (r->baseline)
		r->baselined += baseline_filter(r->baseline, j->path, j->doc,
						&j->diags);
	r->rep->file(r->rs, j->doc, &j->diags);
	if (j->prof->fail_on != MT_SEV_NONE)
		r->at_threshold += diag_list_count(&j->diags, j->prof->fail_on);
	for (size_t k = 0; k < j->diags.n; k++)
		r->warnings += j->diags.v[k].severity == MT_SEV_WARNING;
out:
	job_release(j);
	buf_release(&j->diff);
}

struct keyed {
	char *key; /* the real path, or the path as given */
	size_t index;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/*
 * Drop inputs named twice (also through "./", symbolic links or an
 * overlapping directory and glob), keeping the first: a file is checked,
 * reported and fixed once.
 */
static void dedupe_inputs(struct walk_list *l)
{
	struct keyed *k = xcalloc(l->n + 1, sizeof(*k));
	unsigned char *drop = xcalloc(l->n + 1, 1);
	size_t o = 0;

	for (size_t i = 0; i < l->n; i++) {
		char *real = strcmp(l->v[i], "-") ? realpath(l->v[i], NULL)
						  : NULL;

		k[i].key = real ? real : xstrdup(l->v[i]);
		k[i].index = i;
	}
	qsort(k, l->n, sizeof(*k), cmp_keyed);
	for (size_t i = 1; i < l->n; i++)
		if (!strcmp(k[i].key, k[i - 1].key) && strcmp(k[i].key, "-"))
			drop[k[i].index] = 1;
	for (size_t i = 0; i < l->n; i++) {
		free(k[i].key);
		if (drop[i])
			free(l->v[i]);
		else
			l->v[o++] = l->v[i];
	}
	l->n = o;
	free(k);
	free(drop);
}

static int cmd_check(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct run r = { 0 };
	struct config_cache *cc = NULL;
	struct yamlfile_errors cerrs = { 0 }; /* a broken .mtlint.yml */
	struct walk_list files = { 0 };
	struct document *ref = NULL;
	struct mt_error err = { 0 };
	struct report_options ro = { 0 };
	int rc = parse_check_opts(argc, argv, &o);
	long max_warnings;

	r.o = &o;
	if (rc >= 0)
		goto out;
	rc = CLI_EXIT_ERROR;
	if (!o.files.n) {
		rc = bad_usage("%s", "no input files (use '-' for standard "
				     "input)");
		goto out;
	}
	if (o.fix && o.fix_dry_run) {
		rc = bad_usage("%s", "--fix and --fix-dry-run exclude each "
				     "other");
		goto out;
	}
	if (config_cache_new(o.config, o.no_config, &cc, &cerrs, &err) !=
	    MT_ERR_OK)
		goto fail;
	/* the inputs: files, directories and globs */
	for (size_t i = 0; i < o.files.n; i++) {
		if (walk_input(o.files.v[i], walk_ignore, cc, &files, &err) !=
		    MT_ERR_OK)
			goto fail;
	}
	dedupe_inputs(&files);
	r.n_workers = o.jobs ? (size_t)o.jobs : batch_cpus();
	if (r.n_workers > files.n)
		r.n_workers = files.n ? files.n : 1;
	r.n_jobs = files.n;
	r.jobs = xcalloc(files.n + 1, sizeof(*r.jobs));
	r.refs = xcalloc(r.n_workers, sizeof(*r.refs));
	max_warnings = o.max_warnings;
	for (size_t i = 0; i < files.n; i++) {
		const struct config *cfg;

		if (config_cache_lookup(cc, files.v[i], &cfg, &cerrs, &err) !=
		    MT_ERR_OK)
			goto fail;
		r.jobs[i].path = files.v[i];
		r.jobs[i].prof = profile_for(&r, cfg);
		if (o.max_warnings < 0 && cfg && cfg->max_warnings >= 0 &&
		    (max_warnings < 0 || cfg->max_warnings < max_warnings))
			max_warnings = cfg->max_warnings;
	}
	/* open worker 0's checkers here: a broken rule file or dictionary
	 * stops the run before any output */
	for (size_t i = 0; i < r.n_profiles; i++)
		if (checker_new(&r.profiles[i]->co, &r.profiles[i]->checkers[0],
				&err) != MT_ERR_OK)
			goto fail;
	if (o.baseline && !o.write_baseline &&
	    baseline_load(o.baseline, &r.baseline, &err) != MT_ERR_OK)
		goto fail;
	if (o.write_baseline)
		r.write_baseline = baseline_new(o.write_baseline);
	if (o.reference &&
	    document_load_file(o.reference, &o.dopts, &ref, &err) != MT_ERR_OK)
		goto fail;
	if (!o.fix_dry_run && !o.write_baseline) {
		r.rep = reporter_find(o.format);
		ro.out = stdout;
		ro.color = want_color(o.color) && r.rep == &report_text;
		ro.checker = r.n_profiles ? r.profiles[0]->checkers[0] : NULL;
		ro.ref = ref;
		ro.sarif_root = o.sarif_root;
		r.rs = r.rep->begin(&ro);
	}
	batch_run(r.n_jobs, r.n_workers, run_work, run_done, &r);
	if (r.rep && r.rep->end(r.rs) < 0) {
		fprintf(stderr, "mtlint: error: cannot write output\n");
		r.input_error = 1;
	}
	if (r.write_baseline) {
		if (baseline_write(r.write_baseline, &err) != MT_ERR_OK)
			goto fail;
		fprintf(stderr, "mtlint: wrote the baseline to %s\n",
			o.write_baseline);
		rc = r.input_error ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
		goto out;
	}
	if (o.fix_dry_run) {
		rc = r.input_error ? CLI_EXIT_ERROR
		     : r.n_fixed   ? CLI_EXIT_FINDINGS
				   : CLI_EXIT_CLEAN;
		goto out;
	}
	if (r.baselined)
		fprintf(stderr,
			"mtlint: %zu finding%s accepted by the baseline %s\n",
			r.baselined, r.baselined == 1 ? "" : "s", o.baseline);
	rc = r.input_error ? CLI_EXIT_ERROR
	     : r.at_threshold ? CLI_EXIT_FINDINGS
			      : CLI_EXIT_CLEAN;
	if (rc == CLI_EXIT_CLEAN && max_warnings >= 0 &&
	    r.warnings > (size_t)max_warnings) {
		fprintf(stderr,
			"mtlint: %zu warning%s, more than --max-warnings %ld\n",
			r.warnings, r.warnings == 1 ? "" : "s", max_warnings);
		rc = CLI_EXIT_FINDINGS;
	}
	goto out;
fail:
	if (cerrs.n) {
		/* every mistake of the file, in full, then a summary */
		yamlfile_errors_print(&cerrs, stderr);
		fprintf(stderr,
			"mtlint: error: %zu error%s in configuration '%s'\n",
			cerrs.n, cerrs.n == 1 ? "" : "s", cerrs.v[0].path);
	} else {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
	}
	rc = CLI_EXIT_ERROR;
out:
	yamlfile_errors_release(&cerrs);
	for (size_t w = 0; r.refs && w < r.n_workers; w++) {
		document_free(r.refs[w].doc);
		free(r.refs[w].path);
	}
	free(r.refs);
	for (size_t i = 0; i < r.n_profiles; i++)
		profile_free(r.profiles[i], r.n_workers);
	free(r.profiles);
	free(r.jobs);
	baseline_free(r.baseline);
	baseline_free(r.write_baseline);
	document_free(ref);
	walk_list_release(&files);
	config_cache_free(cc);
	cli_opts_release(&o);
	return rc;
}

static void print_rule(const struct rule_info *r, void *arg)
{
	(void)arg;
	printf("%-34s %-24s %-8s %s\n", r->id, r->category,
	       mt_severity_name(r->severity), r->description);
}

/*
 * `mtlint rules --test [FILE...]`: run every example of the rule files
 * (the installed ones, or FILE...) and report each miss; exit 1 on any.
 */
static int test_rules(struct cli_opts *o, struct checker *checker)
{
	struct engine *e = NULL;
	struct mt_error err = { 0 };
	size_t n = 0, fails;

	if (engine_open_opts(&o->co, o->files.v, o->files.n, &e, &err) !=
	    MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		return CLI_EXIT_ERROR;
	}
	fails = engine_test_examples(e, checker, 3, stdout, &n);
	printf("%zu rules, %zu examples, %zu failure%s\n",
	       engine_ruleset(e)->n_rules, n, fails, fails == 1 ? "" : "s");
	engine_close(e);
	return fails ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
}

/* Every error of broken rule files (err->msg holds only the first). */
static int show_rule_errors(struct cli_opts *o)
{
	struct ruleset *rs = NULL;
	struct mt_error err = { 0 };
	char buf[4096];
	const char *dir = engine_rules_dir(&o->co, buf, sizeof(buf));

	if (ruleset_load(dir, o->files.v, o->files.n, &rs, &err) ==
	    MT_ERR_RULES && rs) {
		fprintf(stderr, "%s", ruleset_errors(rs));
		ruleset_free(rs);
		return 1;
	}
	ruleset_free(rs);
	return 0;
}

static int cmd_rules(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct checker *checker = NULL;
	struct mt_error err = { 0 };
	int test = 0, rc;

	/* --test is this subcommand's own option */
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--test") == 0) {
			test = 1;
			memmove(&argv[i], &argv[i + 1],
				(size_t)(argc - i) * sizeof(*argv));
			argc--;
			i--;
		}
	rc = parse_check_opts(argc, argv, &o);
	if (rc >= 0)
		goto out;
	if (o.files.n && !test) {
		rc = bad_usage("%s", "rules takes files only with --test");
		goto out;
	}
	if (test && show_rule_errors(&o)) {
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	if (checker_new(&o.co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	if (test) {
		rc = test_rules(&o, checker);
		goto out;
	}
	gate_each_rule(checker, print_rule, NULL);
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

/*
 * `mtlint score --reference REF FILE...`: document-level chrF and BLEU of
 * each FILE against REF (definitions in score.h and the README), and the
 * article sentences with no counterpart in the reference (align.h).
 */
static int cmd_score(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct checker *checker = NULL;
	struct document *ref = NULL;
	struct mt_error err = { 0 };
	int rc = parse_check_opts(argc, argv, &o);

	if (rc >= 0)
		goto out;
	rc = CLI_EXIT_ERROR;
	if (!o.reference) {
		rc = bad_usage("%s", "score needs --reference FILE");
		goto out;
	}
	if (!o.files.n) {
		rc = bad_usage("%s", "no input files (use '-' for standard "
				     "input)");
		goto out;
	}
	if (checker_new(&o.co, &checker, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		goto out;
	}
	if (document_load_file(o.reference, &o.dopts, &ref, &err) !=
		    MT_ERR_OK ||
	    checker_segment(checker, ref, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: reference: %s\n", err.msg);
		goto out;
	}
	rc = CLI_EXIT_CLEAN;
	for (size_t i = 0; i < o.files.n; i++) {
		struct document *doc = NULL;
		struct chrf_stats cs;
		struct bleu_stats bs;
		struct align_match *al;
		uint32_t n_aligned = 0;

		err = (struct mt_error){ 0 };
		if (document_load_file(o.files.v[i], &o.dopts, &doc, &err) !=
			    MT_ERR_OK ||
		    checker_segment(checker, doc, &err) != MT_ERR_OK) {
			fprintf(stderr, "mtlint: error: %s\n", err.msg);
			document_free(doc);
			rc = CLI_EXIT_ERROR;
			continue;
		}
		score_chrf(doc->text, doc->len, ref->text, ref->len, &cs);
		score_bleu(doc->text, doc->len, ref->text, ref->len, &bs);
		al = align_sentences(doc, ref, &doc->arena);
		for (uint32_t k = 0; k < doc->n_sentences; k++)
			n_aligned += al[k].score >= ALIGN_MIN_SCORE;
		printf("%s\n", doc->name);
		printf("  chrF2 = %.2f (char order 6, beta 2; precision "
		       "%.2f, recall %.2f)\n",
		       cs.score, 100 * cs.precision, 100 * cs.recall);
		printf("  BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = "
		       "%.3f hyp_len = %zu ref_len = %zu)\n",
		       bs.score, bs.precisions[0], bs.precisions[1],
		       bs.precisions[2], bs.precisions[3], bs.bp,
		       bs.ref_len ? (double)bs.sys_len / (double)bs.ref_len
				  : 0.0,
		       bs.sys_len, bs.ref_len);
		printf("  sentences with a counterpart in the reference: %u "
		       "of %u\n",
		       n_aligned, doc->n_sentences);
		for (uint32_t k = 0; k < doc->n_sentences; k++) {
			const struct sentence *s = &doc->sentences[k];
			struct doc_pos p;

			if (al[k].score >= ALIGN_MIN_SCORE)
				continue;
			uint32_t len = s->span.end - s->span.start, cut = len;

			/* shorten to 60 bytes, on a character boundary */
			if (cut > 60) {
				cut = 60;
				while (cut > 0 &&
				       ((unsigned char)doc->text[s->span.start +
								 cut] &
					0xc0) == 0x80)
					cut--;
			}
			p = document_position(doc, s->span.start, 0);
			printf("  no counterpart: %s:%u:%u: %.*s%s\n",
			       doc->name, p.line, p.column, (int)cut,
			       doc->text + s->span.start,
			       cut < len ? "..." : "");
		}
		document_free(doc);
	}
out:
	document_free(ref);
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
	{ "score", cmd_score, "chrF and BLEU against a reference" },
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
