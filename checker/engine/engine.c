/*
 * engine: matching rules against documents (see engine.h).
 */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "text/lexicon.h"
#include "util/paths.h"
#include "engine/match.h"
#include "engine/needs.h"
#include "engine/packs.h"
#include "engine/regexwords.h"
#include "engine/ruleindex.h"
#include "engine/pattern.h"
#include "engine/quoted.h"
#include "engine/template.h"
#include "text/segment.h"
#include "util/limits.h"
#include "util/xalloc.h"

struct engine {
	struct ruleset *rs;
	struct match_memo memo; /* token tests by word form (match.h) */
	struct lexicon *lex;
	struct rule_index ix;	 /* which rules start where (ruleindex.h) */
	unsigned char *enabled;	 /* scratch for the pass */
	struct rule_work *work;	 /* per rule, for the document being checked */
	struct rule_info *infos; /* the ruleset's rules, then the engine's */
	size_t n_infos;
	struct quoted quoted; /* the document's quoted speech (quoted.h) */
};

#define RULE_REGEX_WORK "limits.regex-work"

static const struct rule_info engine_rules[] = {
	{ RULE_REGEX_WORK, "other/limits", MT_SEV_INFO,
	  "a rule's regular expressions used up their work budget on the "
	  "document (MT_LIMIT_REGEX_WORK units): that rule did not check the "
	  "rest of it",
	  NULL,
	  "exact by construction: a note that the bound was reached, not a "
	  "finding about the text (info)",
	  NULL, NULL, NULL, NULL, 0 },
};

/* Load the rules of dir (or files) and the lexicon of lexicon_dir. */
static enum mt_err engine_open(const char *dir, const char *const *files,
			       size_t n_files, const char *lexicon_dir,
			       struct engine **out, struct mt_error *err)
{
	struct engine *e = xcalloc(1, sizeof(*e));
	enum mt_err rc;

	*out = NULL;
	rc = lexicon_open(lexicon_dir, &e->lex, err);
	if (rc == MT_ERR_OK && !dir && !n_files)
		rc = ruleset_load_mem("(no rule files)", "rules: []\n", 10,
				      &e->rs, err);
	else if (rc == MT_ERR_OK)
		rc = ruleset_load(dir, files, n_files, &e->rs, err);
	if (rc != MT_ERR_OK) {
		engine_close(e);
		return rc;
	}
	rule_index_build(&e->ix, e->rs);
	e->enabled = xcalloc(e->rs->n_rules + 1, 1);
	e->work = xcalloc(e->rs->n_rules + 1, sizeof(*e->work));
	e->n_infos = e->rs->n_rules + ARRAY_SIZE(engine_rules);
	e->infos = xmalloc(e->n_infos * sizeof(*e->infos));
	memcpy(e->infos, e->rs->infos, e->rs->n_rules * sizeof(*e->infos));
	memcpy(e->infos + e->rs->n_rules, engine_rules, sizeof(engine_rules));
	match_memo_init(&e->memo, e->rs->n_patterns + e->rs->n_word_lists,
			MATCH_MEMO_BYTES);
	*out = e;
	return MT_ERR_OK;
}

void engine_close(struct engine *e)
{
	if (!e)
		return;
	rule_index_release(&e->ix);
	free(e->enabled);
	free(e->work);
	free(e->infos);
	quoted_release(&e->quoted);
	match_memo_release(&e->memo);
	ruleset_free(e->rs);
	lexicon_close(e->lex);
	free(e);
}

const struct ruleset *engine_ruleset(const struct engine *e)
{
	return e->rs;
}

static void report(struct engine *e, const struct document *doc,
		   const struct rule *r, struct span sp,
		   const struct template_groups *g, struct diag_list *out)
{
	struct arena *a = out->arena;
	char *msg;
	struct diag *d;

	for (size_t i = 0; i < r->n_requires; i++)
		if (!template_expand(e->lex, a, doc->text, r->requires[i], g))
			return; /* what the rule needs is not there */
	msg = template_expand(e->lex, a, doc->text, r->message, g);
	d = diag_add(out, r->info.id, r->info.category, r->info.severity, sp,
		     "%s", msg ? msg : r->message);

	for (size_t i = 0; i < r->n_suggest; i++) {
		char *s = template_expand(e->lex, a, doc->text, r->suggest[i],
					  g);

		if (!s)
			continue;
		template_preserve_case(doc->text + sp.start, s);
		if (strlen(s) == sp.end - sp.start &&
		    memcmp(s, doc->text + sp.start, strlen(s)) == 0)
			continue; /* the same text is no fix */
		diag_suggest(out, d, s);
	}
	if (r->safe_fix && d->n_suggestions)
		d->flags |= DIAGF_SAFE_FIX;
}

/* --- the passes over a document ---------------------------------------- */

static void run_rule_at(struct match_ctx *m, uint32_t r, uint32_t i,
			uint32_t *last_end, struct diag_list *out)
{
	const struct rule *rule = &m->e->rs->rules[r];
	struct template_groups g;
	struct span sp;
	uint32_t a, b;

	if (rule->sentences_only && !m->complete)
		return;
	m->work = &m->e->work[r];
	if (pattern_budget_spent(&m->work->budget))
		return; /* out of regex work on this document */
	if (!match_try_at(m, &rule->pattern, i) ||
	    pattern_budget_spent(&m->work->budget))
		return;
	a = m->rep_first != UINT32_MAX ? m->rep_first : m->first;
	b = m->rep_first != UINT32_MAX ? m->rep_last : m->last;
	sp.start = m->t[a].span.start;
	sp.end = m->t[b].span.end;
	if (last_end[r] > sp.start)
		return; /* overlaps this rule's previous finding */
	if (rule->outside_quotes &&
	    quoted_at(&m->e->quoted, m->t[m->first].span.start))
		return; /* the match starts in quoted speech */
	/* a mark on an optional token that is not there is empty (the
	 * template squeezes the blanks around it): "{1} {3} {2:base}" gives
	 * "will go" for "will goes" and "will not go" for "will not goes" */
	for (int k = 0; k < 10; k++) {
		g.start[k] = sp.start;
		g.len[k] = 0;
		if (m->mark[k]) {
			g.start[k] = m->t[m->mark[k] - 1].span.start;
			g.len[k] = token_len(&m->t[m->mark[k] - 1]);
		}
	}
	g.start[0] = sp.start;
	g.len[0] = sp.end - sp.start;
	{
		struct match_ctx save = *m;

		/* antipatterns are tested against the whole match, context
		 * included ("demand [that Moscow withdraw]") */
		struct span whole = { m->t[m->first].span.start,
				      m->t[m->last].span.end };

		if (rule->n_antipatterns &&
		    (match_excused(m, rule, whole, m->first, m->last) ||
		     pattern_budget_spent(&m->work->budget))) {
			*m = save;
			return;
		}
		*m = save;
	}
	last_end[r] = sp.end;
	report(m->e, m->doc, rule, sp, &g, out);
}

/*
 * Does the sentence end in . ! ? (or … ), closing quotes and brackets
 * aside?  Headlines, captions and list items do not, and rules marked
 * sentences-only (which expect full grammar, articles included) leave
 * them alone: "Farm union rejects new water plan" is a headline.
 */
static int ends_sentence(const struct document *doc, const struct token *t,
			 uint32_t n)
{
	while (n > 0) {
		const char *p = doc->text + t[n - 1].span.start;

		if (t[n - 1].kind != TOK_PUNCT)
			return 0;
		if (strchr(".!?", p[0]) || !strncmp(p, "\xe2\x80\xa6", 3))
			return 1;
		if (!strchr("\"')]", p[0]) && strncmp(p, "\xe2\x80\x9d", 3) &&
		    strncmp(p, "\xe2\x80\x99", 3))
			return 0;
		n--;
	}
	return 0;
}

/* Tokens [first, first + n) form one sentence, its start a real one. */
/* Try an indexed rule where token i is its element at `offset`. */
static void try_indexed(struct match_ctx *m, const struct indexed_rule *x,
			uint32_t i, const unsigned char *enabled,
			uint32_t *last_end, struct diag_list *out)
{
	if (i >= x->offset && (!enabled || enabled[x->rule]))
		run_rule_at(m, x->rule, i - x->offset, last_end, out);
}

static void check_sentence(struct engine *e, const struct document *doc,
			   uint32_t first, uint32_t n, int real_start,
			   const unsigned char *enabled, uint32_t *last_end,
			   struct tok_info *info, struct diag_list *out)
{
	struct match_ctx m = { 0 };

	m.e = e;
	m.doc = doc;
	m.t = doc->tokens + first;
	m.n = n;
	m.info = info;
	m.content = 0;
	while (m.content < m.n && m.t[m.content].kind == TOK_PUNCT)
		m.content++;
	m.tail = m.content == m.n ? 0 : m.n;
	while (m.tail > m.content && m.t[m.tail - 1].kind == TOK_PUNCT)
		m.tail--;
	m.real_start = real_start;
	m.list_slot0 = e->rs->n_patterns;
	m.complete = ends_sentence(doc, m.t, m.n);
	/* records must outlive the sentence: empty a full memo before it */
	match_memo_make_room(&e->memo, m.n);
	for (uint32_t i = 0; i < m.n; i++) {
		const struct token *t = &m.t[i];
		uint32_t c = 0;

		if (t->kind == TOK_WORD) {
			c = lexicon_lookup(e->lex, doc->text + t->span.start,
					   token_len(t));
			/* a capitalised word inside the sentence, or one the
			 * lexicon lists as a name, is a proper noun; at the
			 * start of a line (a heading, a list) a capital says
			 * nothing about a common word ("See", "Use") */
			if ((t->flags & TOKF_CAP) &&
			    ((i != m.content &&
			      (!(t->flags & TOKF_LINE_BEFORE) ||
			       !(c & (LEX_VERB | LEX_DET | LEX_PREP | LEX_ADV |
				      LEX_MODAL | LEX_ADJ)))) ||
			     (c & LEX_PROPER)))
				c |= LEX_PROPER;
			else
				c &= ~(uint32_t)LEX_PROPER;
		}
		info[i].classes = c;
		info[i].first = i == m.content && m.real_start;
		info[i].memo = match_memo_get(&e->memo,
					      doc->text + t->span.start,
					      token_len(t));
	}
	for (uint32_t i = 0; i < m.n; i++) {
		const struct token *t = &m.t[i];

		{
			/* punctuation too: a rule may start at "," */
			const struct word_index *wi = rule_index_word(
				&e->ix, doc->text + t->span.start,
				token_len(t));

			for (size_t k = 0; wi && k < wi->n; k++)
				try_indexed(&m, &wi->v[k], i, enabled,
					    last_end, out);
		}
		for (size_t k = 0; k < e->ix.n_by_class; k++)
			if ((info[i].classes & e->ix.by_class[k].classes) &&
			    (!enabled || enabled[e->ix.by_class[k].rule]))
				run_rule_at(&m, e->ix.by_class[k].rule, i,
					    last_end, out);
		for (size_t k = 0; k < e->ix.n_anywhere; k++)
			if (!enabled || enabled[e->ix.anywhere[k]])
				run_rule_at(&m, e->ix.anywhere[k], i, last_end,
					    out);
		if (e->ix.n_unjudged &&
		    !regex_words_takes(doc->text + t->span.start, token_len(t)))
			for (size_t k = 0; k < e->ix.n_unjudged; k++)
				try_indexed(&m, &e->ix.unjudged[k], i, enabled,
					    last_end, out);
		for (size_t k = 0; i == m.content && k < e->ix.n_at_start; k++)
			if (!enabled || enabled[e->ix.at_start[k]])
				run_rule_at(&m, e->ix.at_start[k], i, last_end,
					    out);
	}
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Every antipattern match of rule r in the window [from, limit) of the
 * paragraph at ps, sorted by start, into *nots.  0 when the rule's
 * budget ran out: without all the antipatterns nothing can be reported.
 */
static int antipattern_spans(struct engine *e, const struct rule *r,
			     struct span ps, struct pattern_text *pt,
			     size_t from, size_t limit, struct span **nots,
			     size_t *n_not, size_t *alloc_not)
{
	for (size_t k = 0; k < r->n_regex_not; k++) {
		struct pattern_match am;
		size_t f = from;

		while (f <= limit && pattern_find_window(r->regex_not[k], pt, f,
							 limit, &am)) {
			*nots = xgrow(*nots, alloc_not, *n_not + 1,
				      sizeof(**nots));
			(*nots)[(*n_not)++] = (struct span){
				ps.start + am.start[0], ps.start + am.end[0]
			};
			f = am.end[0] > am.start[0] ? am.end[0]
						    : am.start[0] + 1;
		}
	}
	if (pattern_budget_spent(&e->work[r - e->rs->rules].budget))
		return 0;
	if (*n_not > 1)
		qsort(*nots, *n_not, sizeof(**nots), cmp_span);
	return 1;
}

/*
 * A character-level rule over the window [from, limit) of paragraph
 * `para`, prepared once for all rules (`pt`; offsets into the paragraph).
 * Matches an antipattern overlaps are dropped, and with `outside-quotes`
 * those that start in quoted speech.
 */
static void check_regex_rule(struct engine *e, const struct document *doc,
			     const struct rule *r, uint32_t para,
			     struct pattern_text *pt, size_t from, size_t limit,
			     struct diag_list *out)
{
	struct span ps = doc->paragraphs[para].span;
	struct pattern_match pm;
	struct span *nots = NULL;
	size_t n_not = 0, alloc_not = 0, n_not_seen = 0;
	size_t window = from;
	int nots_found = 0;

	while (from <= limit &&
	       pattern_find_window(r->regex, pt, from, limit, &pm)) {
		int g = r->regex_group;
		struct span sp;
		struct template_groups gr;
		int skip = 0;

		from = pm.end[0] > pm.start[0] ? pm.end[0] : pm.start[0] + 1;
		if (pm.start[g] == UINT32_MAX)
			continue;
		if (r->outside_quotes &&
		    quoted_in(&e->quoted, para, ps.start + pm.start[0]))
			continue; /* the match starts in quoted speech */
		/* the antipatterns only where the rule matches: most windows
		 * have no match, and need none */
		if (!nots_found++ &&
		    !antipattern_spans(e, r, ps, pt, window, limit, &nots,
				       &n_not, &alloc_not))
			break;
		sp.start = ps.start + pm.start[g];
		sp.end = ps.start + pm.end[g];
		/* antipattern matches come in order, as do ours: walk them */
		while (n_not_seen < n_not && nots[n_not_seen].end <= sp.start &&
		       !(sp.start == sp.end &&
			 nots[n_not_seen].end == sp.start))
			n_not_seen++;
		for (size_t k = n_not_seen; k < n_not && !skip; k++) {
			if (nots[k].start > sp.end)
				break;
			skip = span_overlaps(nots[k], sp) ||
			       (sp.start == sp.end &&
				nots[k].start <= sp.start &&
				sp.start < nots[k].end);
		}
		if (skip)
			continue;
		for (int k = 0; k < 10; k++) {
			gr.len[k] = UINT32_MAX;
			if (k < PATTERN_MAX_GROUPS &&
			    pm.start[k] != UINT32_MAX) {
				gr.start[k] = ps.start + pm.start[k];
				gr.len[k] = pm.end[k] - pm.start[k];
			} else if (k <= pattern_groups(r->regex)) {
				/* a group of an alternative not taken is
				 * empty, as in every regex engine */
				gr.start[k] = sp.start;
				gr.len[k] = 0;
			}
		}
		report(e, doc, r, sp, &gr, out);
	}
	free(nots);
}

/*
 * A gap of three or more blanks inside a line is no word space: table
 * columns, aligned text, or the blanks that stand for hidden markup when
 * a Markdown document is checked ("a `Buffer` object" reaches us as "a
 * ... object").  Words across such a gap are not neighbours, so the
 * sentence is matched piece by piece; only the first piece starts it.
 */
static int wide_gap(const struct document *doc, const struct token *a,
		    const struct token *b)
{
	uint32_t run = 0;

	for (uint32_t i = a->span.end; i < b->span.start; i++) {
		char c = doc->text[i];

		if (c == ' ' || c == '\t')
			run++;
		else
			run = 0;
		if (run >= 3)
			return 1;
	}
	return 0;
}

static void check_pieces(struct engine *e, const struct document *doc,
			 uint32_t first, uint32_t n,
			 const unsigned char *enabled, uint32_t *last_end,
			 struct tok_info *info, struct diag_list *out)
{
	uint32_t start = first, end = first + n;

	for (uint32_t i = first + 1; i <= end; i++) {
		if (i < end &&
		    !wide_gap(doc, &doc->tokens[i - 1], &doc->tokens[i]))
			continue;
		check_sentence(e, doc, start, i - start, start == first,
			       enabled, last_end, info, out);
		start = i;
	}
}

/* A character-level rule on one paragraph, charged to its budget. */
static void regex_rule_in(struct engine *e, const struct document *doc,
			  uint32_t ri, const struct paragraph *para,
			  struct pattern_text *pt, struct diag_list *out)
{
	const struct rule *r = &e->rs->rules[ri];
	struct rule_work *w = &e->work[ri];
	struct span *win = NULL;
	size_t alloc = 0, n_win;

	if (pattern_budget_spent(&w->budget))
		return;
	n_win = needles_windows(&r->needs, r->within, doc, para, &win, &alloc);
	pattern_set_budget(r->regex, &w->budget);
	for (size_t k = 0; k < r->n_regex_not; k++)
		pattern_set_budget(r->regex_not[k], &w->budget);
	for (size_t i = 0; i < n_win; i++)
		check_regex_rule(e, doc, r, (uint32_t)(para - doc->paragraphs),
				 pt, win[i].start, win[i].end, out);
	pattern_set_budget(r->regex, NULL);
	for (size_t k = 0; k < r->n_regex_not; k++)
		pattern_set_budget(r->regex_not[k], NULL);
	if (pattern_budget_spent(&w->budget) && w->at.start == UINT32_MAX)
		w->at = para->span;
	free(win);
}

/* Run the rules over a segmented document, appending to `out`.  `enabled`
 * has one flag per rule of the ruleset (NULL: all enabled). */
static void engine_check(struct engine *e, const struct document *doc,
			 const unsigned char *enabled, struct diag_list *out)
{
	const struct ruleset *rs = e->rs;
	uint32_t *last_end = xcalloc(rs->n_rules + 1, sizeof(*last_end));
	struct tok_info *info = NULL;
	size_t info_alloc = 0;
	unsigned char *held; /* per regex rule: enabled, the document holds
				what its `document-needs:` asks for */

	quoted_reset(&e->quoted, doc);
	for (size_t r = 0; r < rs->n_rules; r++) {
		e->work[r].budget.used = 0;
		e->work[r].budget.limit = MT_LIMIT_REGEX_WORK;
		e->work[r].at.start = e->work[r].at.end = UINT32_MAX;
	}

	for (uint32_t s = 0; s < doc->n_sentences;) {
		const struct sentence *se = &doc->sentences[s];
		uint32_t first = se->first_token, n = se->n_tokens;

		/* join the continuations of a wrapped line */
		for (s++; s < doc->n_sentences &&
			  !document_starts_sentence(doc, &doc->sentences[s]);
		     s++)
			n = doc->sentences[s].first_token +
			    doc->sentences[s].n_tokens - first;
		info = xgrow(info, &info_alloc, n + 1, sizeof(*info));
		check_pieces(e, doc, first, n, enabled, last_end, info, out);
	}
	held = xcalloc(e->ix.n_regex + 1, 1);

	for (size_t k = 0; k < e->ix.n_regex; k++) {
		uint32_t ri = e->ix.regex_rules[k];

		held[k] = (!enabled || enabled[ri]) &&
			  needles_held(&rs->rules[ri].doc_needs, doc->text,
				       doc->len);
	}
	for (uint32_t p = 0; e->ix.n_regex && p < doc->n_paragraphs; p++) {
		struct span ps = doc->paragraphs[p].span;
		struct pattern_text *pt = pattern_text_new(doc->text + ps.start,
							   ps.end - ps.start);

		for (size_t k = 0; k < e->ix.n_regex; k++)
			if (held[k])
				regex_rule_in(e, doc, e->ix.regex_rules[k],
					      &doc->paragraphs[p], pt, out);
		pattern_text_free(pt);
	}
	free(held);
	for (size_t r = 0; r < rs->n_rules; r++)
		if (e->work[r].at.start != UINT32_MAX)
			diag_add(out, RULE_REGEX_WORK, engine_rules[0].category,
				 MT_SEV_INFO, e->work[r].at,
				 "rule '%s' used up its regular-expression "
				 "work budget here (%u units): it did not "
				 "check the rest of the document",
				 rs->rules[r].info.id, MT_LIMIT_REGEX_WORK);
	free(info);
	free(last_end);
}

/* --- examples ----------------------------------------------------------- */

/* Examples run one rule alone: the engine with only that rule enabled. */
struct example_arg {
	struct engine *e;
	struct checker *c;
	const unsigned char *enabled;
};

static enum mt_err check_example(void *arg, const char *text,
				 struct document **doc, struct diag_list *l,
				 struct mt_error *err)
{
	struct example_arg *a = arg;
	enum mt_err rc = document_load_mem("<example>", text, strlen(text),
					   NULL, doc, err);

	if (rc == MT_ERR_OK)
		rc = checker_segment(a->c, *doc, err);
	if (rc != MT_ERR_OK)
		return rc;
	diag_list_init(l, &(*doc)->arena);
	engine_check(a->e, *doc, a->enabled, l);
	diag_list_dedupe(l);
	return MT_ERR_OK;
}

size_t engine_test_examples(struct engine *e, struct checker *c,
			    size_t min_examples,
			    const struct example_fixes *fixes, FILE *out,
			    size_t *n_checked)
{
	const struct ruleset *rs = e->rs;
	unsigned char *enabled = xcalloc(rs->n_rules + 1, 1);
	struct example_arg arg = { e, c, enabled };
	size_t fails = 0, n = 0;
	char where[4200];

	for (size_t k = 0; k < rs->n_rules; k++) {
		const struct rule *r = &rs->rules[k];
		struct example_run run = { .check = check_example,
					   .arg = &arg,
					   .fixes = fixes,
					   .rule = r->info.id,
					   .where = where,
					   .out = out };

		if (r->n_bad < min_examples || r->n_good < min_examples) {
			fprintf(out,
				"%s:%u: %s: needs at least %zu bad and "
				"%zu good examples (has %zu and %zu)\n",
				r->file, r->line, r->info.id, min_examples,
				min_examples, r->n_bad, r->n_good);
			fails++;
		}
		enabled[k] = 1;
		for (size_t i = 0; i < r->n_bad; i++, n++) {
			snprintf(where, sizeof(where), "%s:%u", r->file,
				 r->bad[i].line);
			fails += example_test_bad(&run, &r->bad[i].ex);
		}
		for (size_t i = 0; i < r->n_good; i++, n++) {
			snprintf(where, sizeof(where), "%s:%u", r->file,
				 r->good[i].line);
			fails += example_test_good(&run, r->good[i].ex.text);
		}
		enabled[k] = 0;
	}
	free(enabled);
	if (n_checked)
		*n_checked = n;
	return fails;
}

/* --- the pass ----------------------------------------------------------- */

const char *engine_rules_dir(const struct checker_options *opts, char *buf,
			     size_t size)
{
	const char *data;

	if (opts->rules_dir)
		return opts->rules_dir;
	data = opts->data_dir ? opts->data_dir : mt_data_dir();
	snprintf(buf, size, "%s/rules/%.2s", data,
		 opts->lang ? opts->lang : "en");
	return buf;
}

enum mt_err engine_open_opts(const struct checker_options *opts,
			     const char *const *files, size_t n_files,
			     struct engine **out, struct mt_error *err)
{
	char buf[4096];
	const char *dir = engine_rules_dir(opts, buf, sizeof(buf));
	struct rule_sources src = { 0 };
	enum mt_err rc;

	if (n_files || (!opts->n_packs && !opts->no_builtin_rules))
		return engine_open(dir, files, n_files, NULL, out, err);
	rc = rule_sources_collect(opts, dir, &src, err);
	if (rc == MT_ERR_OK)
		rc = engine_open(src.n_files ? dir : NULL,
				 (const char *const *)src.files, src.n_files,
				 NULL, out, err);
	if (rc == MT_ERR_OK) {
		rc = rule_sources_check(&src, (*out)->rs, err);
		if (rc != MT_ERR_OK) {
			engine_close(*out);
			*out = NULL;
		}
	}
	rule_sources_release(&src);
	return rc;
}

static enum mt_err engine_pass_open(struct checker *c,
				    const struct checker_options *opts,
				    void **state, struct mt_error *err)
{
	(void)c;
	return engine_open_opts(opts, NULL, 0, (struct engine **)state, err);
}

static enum mt_err engine_pass_run(void *state, struct check_ctx *ctx,
				   struct mt_error *err)
{
	struct engine *e = state;
	const struct ruleset *rs = e->rs;

	(void)err;
	for (size_t k = 0; k < rs->n_rules; k++)
		e->enabled[k] = (unsigned char)checker_rule_enabled(
			ctx->checker, rs->rules[k].info.id,
			rs->rules[k].info.category);
	engine_check(e, ctx->doc, e->enabled, ctx->diags);
	return MT_ERR_OK;
}

static void engine_pass_close(void *state)
{
	engine_close(state);
}

static size_t engine_pass_rules(void *state, const struct rule_info **out)
{
	struct engine *e = state;

	*out = e->infos;
	return e->n_infos;
}

/* A rule file's examples, as its rule states them. */
static void engine_pass_examples(void *state, const char *id, struct arena *a,
				 struct rule_examples *out)
{
	const struct ruleset *rs = ((struct engine *)state)->rs;

	for (size_t k = 0; k < rs->n_rules; k++) {
		const struct rule *r = &rs->rules[k];
		struct example *bad;
		const char **good;

		if (strcmp(r->info.id, id))
			continue;
		bad = arena_alloc(a, (r->n_bad + 1) * sizeof(*bad));
		good = arena_alloc(a, (r->n_good + 1) * sizeof(*good));
		for (size_t i = 0; i < r->n_bad; i++)
			bad[i] = r->bad[i].ex;
		for (size_t i = 0; i < r->n_good; i++)
			good[i] = r->good[i].ex.text;
		out->bad = bad;
		out->n_bad = r->n_bad;
		out->good = good;
		out->n_good = r->n_good;
		return;
	}
}

const struct check_pass engine_pass = {
	.name = "rules",
	.open = engine_pass_open,
	.run = engine_pass_run,
	.close = engine_pass_close,
	.rules = engine_pass_rules,
	.examples = engine_pass_examples,
};
