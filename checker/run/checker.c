/*
 * checker: options, passes, and the check of one document -- suppressions
 * and Markdown masking around the passes (see checker.h).
 */
#include "run/checker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "engine/engine.h"
#include "grammar/parse.h"
#include "lm/fluency.h"
#include "consistency/consistency.h"
#include "reference/reference.h"
#include "text/markdown.h"
#include "text/segment.h"
#include "text/suppress.h"
#include "spelling/spelling.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* The passes, in the order they run.  See check.h to add one. */
static const struct check_pass *const passes[] = {
	&engine_pass,
	&spelling_pass,
	&reference_pass,
	&consistency_pass,
	&grammar_parser_pass, /* skips what earlier passes report */
	&fluency_pass,	      /* last: corroborated by the parser's findings */
};

#define N_PASSES ARRAY_SIZE(passes)

struct checker {
	struct checker_options opts; /* strings in `arena` */
	struct arena arena;
	struct segmenter *seg;
	void *state[N_PASSES];
	int opened[N_PASSES];
	pthread_mutex_t lock;
	/* checker_memo(): values made from the checker alone, not part of
	 * what it is (a const checker fills them), under their own lock */
	struct memo {
		const void *key;
		void *value;
		void (*release)(void *value);
	} memo[CHECKER_MEMO_MAX];
	size_t n_memo;
	pthread_mutex_t memo_lock;
};

static const char *const *copy_list(struct arena *a, const char *const *v,
				    size_t n)
{
	const char **out;

	if (!n)
		return NULL;
	out = arena_alloc(a, n * sizeof(*out));
	for (size_t i = 0; i < n; i++)
		out[i] = arena_strdup(a, v[i]);
	return out;
}

/*
 * The language as Hunspell names its dictionaries: "en_GB" for the BCP 47
 * "en-GB" (what HTML, editors and LSP clients send) and for "en_gb": the
 * language lower case, the region upper case.
 */
static const char *lang_name(struct arena *a, const char *lang)
{
	char *s = arena_strdup(a, lang);
	int region = 0;

	for (char *p = s; *p; p++) {
		if (*p == '-' || *p == '_') {
			*p = '_';
			region++;
		} else if (region == 1 && *p >= 'a' && *p <= 'z') {
			*p = (char)(*p - 'a' + 'A');
		} else if (!region && *p >= 'A' && *p <= 'Z') {
			*p = (char)(*p - 'A' + 'a');
		}
	}
	return s;
}

enum mt_err checker_new(const struct checker_options *opts,
			struct checker **out, struct mt_error *err)
{
	struct checker_options defaults = CHECKER_OPTIONS_INIT;
	struct checker *c = xcalloc(1, sizeof(*c));
	struct arena *a = &c->arena;
	char lang2[8];
	enum mt_err rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->lang && !mt_lang_valid(opts->lang)) {
		/* it names dictionary and rule files: no "../" */
		free(c);
		return mt_error(err, MT_ERR_USAGE,
				"bad language '%s' (expected e.g. en_US)",
				opts->lang);
	}
	arena_init(a, 0);
	pthread_mutex_init(&c->lock, NULL);
	pthread_mutex_init(&c->memo_lock, NULL);
	c->opts = *opts;
	c->opts.lang = lang_name(a, opts->lang ? opts->lang : "en_US");
	c->opts.data_dir = arena_strdup(a, opts->data_dir);
	c->opts.rules_dir = arena_strdup(a, opts->rules_dir);
	c->opts.dict_path = arena_strdup(a, opts->dict_path);
	c->opts.word_files = copy_list(a, opts->word_files,
				       opts->n_word_files);
	c->opts.names = copy_list(a, opts->names, opts->n_names);
	c->opts.packs = copy_list(a, opts->packs, opts->n_packs);
	c->opts.reject_files = copy_list(a, opts->reject_files,
					 opts->n_reject_files);
	c->opts.enable = copy_list(a, opts->enable, opts->n_enable);
	c->opts.disable = copy_list(a, opts->disable, opts->n_disable);
	if (opts->n_severity) {
		struct severity_override *sv = arena_alloc(
			a, opts->n_severity * sizeof(*sv));

		for (size_t i = 0; i < opts->n_severity; i++) {
			sv[i].name = arena_strdup(a, opts->severity[i].name);
			sv[i].severity = opts->severity[i].severity;
		}
		c->opts.severity = sv;
	} else {
		c->opts.severity = NULL;
	}

	/* the segmenter wants a language ("en"), not a dialect */
	snprintf(lang2, sizeof(lang2), "%.2s", c->opts.lang);
	rc = segmenter_open(lang2, &c->seg, err);
	if (rc != MT_ERR_OK) {
		checker_free(c);
		return rc;
	}
	for (size_t i = 0; i < N_PASSES; i++) {
		if (passes[i]->open) {
			rc = passes[i]->open(c, &c->opts, &c->state[i], err);
			if (rc != MT_ERR_OK) {
				checker_free(c);
				return rc;
			}
		}
		c->opened[i] = 1;
	}
	*out = c;
	return MT_ERR_OK;
}

void checker_free(struct checker *c)
{
	if (!c)
		return;
	for (size_t i = N_PASSES; i-- > 0;)
		if (c->opened[i] && passes[i]->close)
			passes[i]->close(c->state[i]);
	segmenter_close(c->seg);
	for (size_t i = 0; i < c->n_memo; i++)
		c->memo[i].release(c->memo[i].value);
	pthread_mutex_destroy(&c->memo_lock);
	pthread_mutex_destroy(&c->lock);
	arena_release(&c->arena);
	free(c);
}

const struct checker_options *checker_options(const struct checker *c)
{
	return &c->opts;
}

void *checker_memo(const struct checker *c, const void *key,
		   void *(*make)(const struct checker *c),
		   void (*release)(void *value))
{
	/* the memo is beside the checker's value, not part of it */
	struct checker *m = (struct checker *)c;
	void *value = NULL;
	size_t i;

	pthread_mutex_lock(&m->memo_lock);
	for (i = 0; i < m->n_memo && m->memo[i].key != key; i++)
		;
	if (i == m->n_memo) {
		if (i == CHECKER_MEMO_MAX)
			MT_BUG("more than CHECKER_MEMO_MAX checker memos");
		m->memo[i] = (struct memo){ key, make(c), release };
		m->n_memo++;
	}
	value = m->memo[i].value;
	pthread_mutex_unlock(&m->memo_lock);
	return value;
}

/*
 * How specifically does `name` select the rule?  0: not at all; otherwise
 * its length, so that "fluency/grammar" beats "fluency" and a rule id beats
 * any category.
 */
static size_t selects(const char *name, const char *id, const char *category)
{
	size_t n = strlen(name);

	if (strcmp(name, id) == 0)
		return 1000 + n;
	if (strncmp(name, id, n) == 0 && id[n] == '.')
		return n;
	if (category && (strcmp(name, category) == 0 ||
			 (strncmp(name, category, n) == 0 &&
			  category[n] == '/')))
		return n;
	return 0;
}

size_t checker_selects(const char *name, const char *id,
		       const char *category)
{
	return selects(name, id, category);
}

int checker_rule_enabled(const struct checker *c, const char *id,
			 const char *category)
{
	size_t best_on = 0, best_off = 0;

	for (size_t i = 0; i < c->opts.n_enable; i++) {
		size_t s = selects(c->opts.enable[i], id, category);

		if (s > best_on)
			best_on = s;
	}
	for (size_t i = 0; i < c->opts.n_disable; i++) {
		size_t s = selects(c->opts.disable[i], id, category);

		if (s > best_off)
			best_off = s;
	}
	return best_off == 0 || best_on > best_off;
}

static enum mt_severity checker_rule_severity(const struct checker *c,
					      const char *id,
					      const char *category,
					      enum mt_severity sev)
{
	size_t best = 0;

	for (size_t i = 0; i < c->opts.n_severity; i++) {
		size_t s = selects(c->opts.severity[i].name, id, category);

		if (s > best) {
			best = s;
			sev = c->opts.severity[i].severity;
		}
	}
	return sev;
}

enum mt_err checker_segment(struct checker *c, struct document *doc,
			    struct mt_error *err)
{
	enum mt_err rc;

	pthread_mutex_lock(&c->lock);
	rc = segmenter_run(c->seg, doc, err);
	pthread_mutex_unlock(&c->lock);
	return rc;
}

/* Segment and run every pass on doc->text as it stands; keep enabled
 * rules, apply severity overrides, sort and dedupe. */
static enum mt_err run_passes(struct checker *c, struct document *doc,
			      struct document *ref, int quick,
			      struct diag_list *out, struct mt_error *err)
{
	struct check_ctx ctx = { c, doc, ref, out, quick };
	enum mt_err rc = MT_ERR_OK;
	size_t o = 0;

	pthread_mutex_lock(&c->lock);
	rc = segmenter_run(c->seg, doc, err);
	if (rc == MT_ERR_OK && ref && !ref->tokens)
		rc = segmenter_run(c->seg, ref, err);
	for (size_t i = 0; rc == MT_ERR_OK && i < N_PASSES; i++)
		rc = passes[i]->run(c->state[i], &ctx, err);
	pthread_mutex_unlock(&c->lock);
	if (rc != MT_ERR_OK)
		return rc;
	/* a pass that forgot to ask is filtered here */
	for (size_t i = 0; i < out->n; i++)
		if (checker_rule_enabled(c, out->v[i].rule,
					 out->v[i].category))
			out->v[o++] = out->v[i];
	out->n = o;
	/* severity overrides, in one place for every pass */
	for (size_t i = 0; c->opts.n_severity && i < out->n; i++)
		out->v[i].severity = checker_rule_severity(
			c, out->v[i].rule, out->v[i].category,
			out->v[i].severity);
	diag_list_dedupe(out);
	return MT_ERR_OK;
}

/*
 * Is a finding on the span (where prose and own differ) about the masking:
 * nothing but blanks, or blanks that all stand for hidden markup?
 */
static int masked_blanks(const char *prose, const char *own, size_t n)
{
	size_t blanks = 0;

	if (n && strspn(prose, " \t") >= n)
		return 1;

	for (size_t i = 0; i < n; i++) {
		if (prose[i] != ' ' && prose[i] != '\t')
			continue;
		if (own[i] == prose[i])
			return 0;
		blanks++;
	}
	return blanks > 0;
}

/*
 * Does the span lie on a placeholder of a code span, or next to one (only
 * blanks between): "an `apt` call" reads "an Zed call", and 'an' is not
 * wrong.
 */
static int near_placeholder(const struct markdown *md, const char *prose,
			    struct span sp)
{
	for (size_t k = 0; k < md->n_placeholders; k++) {
		struct span p = md->placeholders[k];
		uint32_t a = p.start, b = p.end;

		while (a > 0 && (prose[a - 1] == ' ' || prose[a - 1] == '\t'))
			a--;
		while (prose[b] == ' ' || prose[b] == '\t')
			b++;
		if (sp.start <= b && a <= sp.end)
			return 1;
	}
	return 0;
}

/*
 * A fix across hidden markup ("the *the*") would delete it: such a fix is
 * no longer safe to apply blindly.  A finding whose blanks all stand for
 * hidden markup ("two spaces" where a code span was, "space before ':'" in
 * "**deps**:") is about the masking, not the article: dropped; so is one
 * on or next to a code span's placeholder.
 */
static void unmask(const struct markdown *md, const char *own,
		   struct diag_list *out)
{
	const char *prose = md->prose;
	size_t kept = 0;

	for (size_t i = 0; i < out->n; i++) {
		struct diag *d = &out->v[i];
		size_t n = d->span.end - d->span.start;

		if (near_placeholder(md, prose, d->span))
			continue;
		if (memcmp(prose + d->span.start, own + d->span.start, n)) {
			if (masked_blanks(prose + d->span.start,
					  own + d->span.start, n))
				continue;
			d->flags &= ~(uint32_t)DIAGF_SAFE_FIX;
		}
		out->v[kept++] = *d;
	}
	out->n = kept;
}

static enum mt_err check(struct checker *c, struct document *doc,
			 struct document *ref, int quick,
			 struct diag_list *out, struct mt_error *err)
{
	struct suppressions *sup;
	struct markdown md = { 0 };
	const char *own = doc->text;
	int unused;
	enum mt_err rc;

	/* in Markdown, only comments in raw HTML are directives */
	if (doc->kind == DOCUMENT_MARKDOWN) {
		markdown_parse(doc, &md);
		sup = suppress_scan_in(doc, md.html, md.n_html);
		doc->text = md.prose;
	} else {
		sup = suppress_scan(doc);
	}
	rc = run_passes(c, doc, ref, quick, out, err);
	doc->text = own;
	if (rc != MT_ERR_OK)
		return rc;
	if (md.prose)
		unmask(&md, own, out);
	unused = c->opts.report_unused &&
		 checker_rule_enabled(c, "mtlint.unused-disable",
				      "mtlint/suppression");
	suppress_apply(sup, doc, out, unused);
	/* the suppressions' own findings take severity overrides too */
	for (size_t i = 0; unused && i < out->n; i++)
		if (!strcmp(out->v[i].rule, "mtlint.unused-disable"))
			out->v[i].severity = checker_rule_severity(
				c, out->v[i].rule, out->v[i].category,
				out->v[i].severity);
	return MT_ERR_OK;
}

enum mt_err checker_check(struct checker *c, struct document *doc,
			  struct document *ref, struct diag_list *out,
			  struct mt_error *err)
{
	return check(c, doc, ref, 0, out, err);
}

enum mt_err checker_check_quick(struct checker *c, struct document *doc,
				struct document *ref, struct diag_list *out,
				struct mt_error *err)
{
	return check(c, doc, ref, 1, out, err);
}

void checker_each_rule(const struct checker *c,
		       void (*fn)(const struct rule_info *r, void *arg),
		       void *arg)
{
	const struct rule_info *v;
	size_t n;

	for (size_t i = 0; i < N_PASSES; i++) {
		if (!passes[i]->rules)
			continue;
		n = passes[i]->rules(c->state[i], &v);
		for (size_t k = 0; k < n; k++)
			fn(&v[k], arg);
	}
	n = suppress_rules(&v);
	for (size_t k = 0; k < n; k++)
		fn(&v[k], arg);
}

struct find_arg {
	const char *id;
	const struct rule_info *found;
};

static void find_one(const struct rule_info *r, void *arg)
{
	struct find_arg *f = arg;

	if (!f->found && !strcmp(r->id, f->id))
		f->found = r;
}

const struct rule_info *checker_find_rule(const struct checker *c,
					  const char *id)
{
	struct find_arg f = { id, NULL };

	checker_each_rule(c, find_one, &f);
	return f.found;
}

void checker_rule_examples(const struct checker *c, const struct rule_info *r,
			   struct arena *a, struct rule_examples *out)
{
	memset(out, 0, sizeof(*out));
	if (r->bad || r->good) {
		/* a built-in rule: its row lists them (run/selftest.c tests
		 * that they parse, so one that does not is left out) */
		size_t nb = 0, ng = 0;
		struct example *bad;

		while (r->bad && r->bad[nb])
			nb++;
		while (r->good && r->good[ng])
			ng++;
		bad = arena_alloc(a, (nb + 1) * sizeof(*bad));
		for (size_t i = 0; i < nb; i++)
			if (!example_parse_bad(r->bad[i], a, &bad[out->n_bad]))
				out->n_bad++;
		out->bad = bad;
		out->good = r->good;
		out->n_good = ng;
		return;
	}
	for (size_t i = 0; i < N_PASSES && !out->n_bad && !out->n_good; i++)
		if (passes[i]->examples)
			passes[i]->examples(c->state[i], r->id, a, out);
}

#ifndef MT_RULE_DOCS_URL
#define MT_RULE_DOCS_URL "https://github.com/mtlint/mtlint/blob/main/docs/rules"
#endif

const char *checker_rule_url(const struct rule_info *r, char *buf,
			     size_t size)
{
	if (r->url)
		snprintf(buf, size, "%s", r->url);
	else
		snprintf(buf, size, "%s/%s.md", MT_RULE_DOCS_URL, r->id);
	return buf;
}
