/*
 * lt: LanguageTool's HTTP API v2 -- requests and answers (see lt.h).
 */
#include "serve/lt.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "text/segment.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Code points of context on each side of a match (LanguageTool's
 * default contextSize). */
#define LT_CONTEXT 40

static const struct lt_language languages[] = {
	{ "en-US", "English (US)", "en_US" },
	{ "en-GB", "English (GB)", "en_GB" },
};

const struct lt_language *lt_languages(size_t *n)
{
	*n = ARRAY_SIZE(languages);
	return languages;
}

/* "en-US", "en_us", "EN-us": the same language. */
static int same_code(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '_' ? '-' : (char)tolower((unsigned char)*a);
		char y = *b == '_' ? '-' : (char)tolower((unsigned char)*b);

		if (x != y)
			return 0;
	}
	return !*a && !*b;
}

const struct lt_language *lt_language_of(const char *lang)
{
	for (size_t i = 0; lang && i < ARRAY_SIZE(languages); i++)
		if (same_code(lang, languages[i].code))
			return &languages[i];
	return NULL;
}

/* --- requests ------------------------------------------------------------ */

/* Split a comma-separated value into l (empty items dropped). */
static void split_list(struct lt_list *l, const char *v)
{
	while (v && *v) {
		size_t n = strcspn(v, ",");

		while (n && isspace((unsigned char)*v))
			v++, n--;
		if (n) {
			size_t k = n;

			while (k && isspace((unsigned char)v[k - 1]))
				k--;
			l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
			l->v[l->n++] = xstrndup(v, k);
		}
		v += n;
		if (*v == ',')
			v++;
	}
}

static void free_list(struct lt_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* "auto" and "en": the first supported preferred variant, else the
 * server's language. */
static const struct lt_language *
choose_variant(const char *preferred, const struct lt_language *fallback)
{
	struct lt_list l = { 0 };
	const struct lt_language *lang = NULL;

	split_list(&l, preferred);
	for (size_t i = 0; !lang && i < l.n; i++)
		lang = lt_language_of(l.v[i]);
	free_list(&l);
	return lang ? lang : fallback;
}

enum mt_err lt_request_parse(struct lt_request *r, const struct form *f,
			     const struct lt_language *fallback,
			     struct mt_error *err)
{
	const char *lang = form_get(f, "language", NULL);
	const char *level = form_get(f, "level", NULL);
	const char *only = form_get(f, "enabledOnly", NULL);
	const char *data;
	size_t data_len;

	memset(r, 0, sizeof(*r));
	buf_init(&r->ann.text);
	if (!lang || !*lang)
		return mt_error(err, MT_ERR_USAGE,
				"missing 'language' parameter (e.g. "
				"language=en-US, or auto)");
	if (same_code(lang, "auto") || same_code(lang, "en")) {
		r->language = choose_variant(
			form_get(f, "preferredVariants", NULL), fallback);
		r->detected = 1;
	} else {
		r->language = lt_language_of(lang);
	}
	if (!r->language)
		return mt_error(err, MT_ERR_USAGE,
				"language '%s' is not supported (GET "
				"/v2/languages lists the languages)",
				lang);
	if (level && strcmp(level, "default") && strcmp(level, "picky"))
		return mt_error(err, MT_ERR_USAGE,
				"level is 'default' or 'picky', not '%s'",
				level);
	r->enabled_only = only && !strcasecmp(only, "true");
	split_list(&r->enabled_rules, form_get(f, "enabledRules", NULL));
	split_list(&r->disabled_rules, form_get(f, "disabledRules", NULL));
	split_list(&r->enabled_categories,
		   form_get(f, "enabledCategories", NULL));
	split_list(&r->disabled_categories,
		   form_get(f, "disabledCategories", NULL));
	if (r->enabled_only && !r->enabled_rules.n &&
	    !r->enabled_categories.n)
		return mt_error(err, MT_ERR_USAGE,
				"enabledOnly=true needs enabledRules or "
				"enabledCategories");
	r->reference = form_get(f, "reference", &r->reference_len);
	data = form_get(f, "data", &data_len);
	r->text = form_get(f, "text", &r->len);
	if (r->text && data)
		return mt_error(err, MT_ERR_USAGE,
				"give either 'text' or 'data', not both");
	if (data) {
		enum mt_err rc = annotated_parse(&r->ann, data, data_len, err);

		if (rc != MT_ERR_OK)
			return rc;
		r->annotated = 1;
		r->text = r->ann.text.buf;
		r->len = r->ann.text.len;
	}
	if (!r->text)
		return mt_error(err, MT_ERR_USAGE,
				"missing 'text' or 'data' parameter");
	return MT_ERR_OK;
}

void lt_request_release(struct lt_request *r)
{
	free_list(&r->enabled_rules);
	free_list(&r->disabled_rules);
	free_list(&r->enabled_categories);
	free_list(&r->disabled_categories);
	annotated_release(&r->ann);
	memset(r, 0, sizeof(*r));
}

/* --- rule metadata -------------------------------------------------------- */

/* The ITS 2.0 issue types of MQM's categories, by the category's last
 * part; LanguageTool's clients colour and group findings by them. */
static const struct {
	const char *part, *issue;
} issue_types[] = {
	{ "spelling", "misspelling" },
	{ "grammar", "grammar" },
	{ "typography", "typographical" },
	{ "punctuation", "typographical" },
	{ "whitespace", "whitespace" },
	{ "inconsistency", "inconsistency" },
	{ "mistranslation", "mistranslation" },
	{ "omission", "omission" },
	{ "addition", "addition" },
	{ "untranslated", "untranslated" },
	{ "terminology", "terminology" },
	{ "style", "style" },
	{ "register", "register" },
	{ "locale-convention", "locale-violation" },
};

static const char *last_part(const char *category)
{
	const char *slash = strrchr(category, '/');

	return slash ? slash + 1 : category;
}

const char *lt_issue_type(const char *category)
{
	const char *part = last_part(category ? category : "");

	for (size_t i = 0; i < ARRAY_SIZE(issue_types); i++)
		if (!strcmp(issue_types[i].part, part))
			return issue_types[i].issue;
	return "uncategorized";
}

/* "fluency/grammar" -> "Grammar (fluency)"; "style" -> "Style". */
static json_t *category_name(const char *category)
{
	const char *part = last_part(category);
	char *s = xstrdup(part);
	json_t *j;

	s[0] = (char)toupper((unsigned char)s[0]);
	if (part != category)
		j = json_sprintf("%s (%.*s)", s, (int)(part - 1 - category),
				 category);
	else
		j = json_string(s);
	free(s);
	return j;
}

struct rule_table {
	const struct rule_info **v;
	size_t n, alloc;
};

static void collect_rule(const struct rule_info *r, void *arg)
{
	struct rule_table *t = arg;

	t->v = xgrow(t->v, &t->alloc, t->n + 1, sizeof(*t->v));
	t->v[t->n++] = r;
}

static const struct rule_info *find_rule(const struct rule_table *t,
					 const char *id)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i]->id, id))
			return t->v[i];
	return NULL;
}

/* --- filtering ------------------------------------------------------------ */

static size_t best_selection(const struct lt_list *a, const struct lt_list *b,
			     const struct diag *d)
{
	size_t best = 0;

	for (size_t i = 0; i < a->n; i++) {
		size_t s = checker_selects(a->v[i], d->rule, d->category);

		best = s > best ? s : best;
	}
	for (size_t i = 0; i < b->n; i++) {
		size_t s = checker_selects(b->v[i], d->rule, d->category);

		best = s > best ? s : best;
	}
	return best;
}

/* As the checker decides --enable/--disable: the more specific name wins;
 * with enabledOnly, a finding no enabled name selects is dropped. */
static int keep(const struct lt_request *r, const struct diag *d)
{
	size_t on = best_selection(&r->enabled_rules, &r->enabled_categories,
				   d);
	size_t off = best_selection(&r->disabled_rules,
				    &r->disabled_categories, d);

	if (r->enabled_only && !on)
		return 0;
	return off == 0 || on > off;
}

/* --- the answer ----------------------------------------------------------- */

struct answer {
	const struct lt_request *r;
	const struct document *doc;
	uint32_t bom16; /* a byte-order mark the text began with: one unit */
};

/* A text position (bytes of doc->text) in UTF-16 units of what was sent. */
static uint32_t sent16(const struct answer *a, uint32_t off, int is_end)
{
	uint32_t u = document_position(a->doc, off, is_end).offset16;

	if (a->r->annotated)
		return annotated_map(&a->r->ann, u, is_end);
	return u + a->bom16;
}

/* The words around a span, newlines as spaces, "..." where cut. */
static json_t *context_json(const struct document *doc, struct span sp)
{
	const char *t = doc->text;
	size_t from = utf8_backward(t, sp.start, LT_CONTEXT);
	size_t to = utf8_forward(t, doc->len, sp.end, LT_CONTEXT);
	struct buf b = BUF_INIT;
	size_t lead;
	json_t *j;

	if (from > 0)
		buf_adds(&b, "...");
	lead = b.len;
	buf_add(&b, t + from, to - from);
	if (to < doc->len)
		buf_adds(&b, "...");
	for (size_t i = 0; i < b.len; i++)
		if (b.buf[i] == '\n' || b.buf[i] == '\r' || b.buf[i] == '\t')
			b.buf[i] = ' ';
	j = json_pack("{s:s%, s:I, s:I}", "text", b.buf, b.len, "offset",
		      (json_int_t)utf8_units16(b.buf, lead + sp.start - from),
		      "length",
		      (json_int_t)utf8_units16(t + sp.start,
					       sp.end - sp.start));
	buf_release(&b);
	return j;
}

/* The sentence holding the span's start; the span itself between
 * sentences. */
static json_t *sentence_json(const struct document *doc, struct span sp)
{
	uint32_t lo = 0, hi = doc->n_sentences;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (doc->sentences[mid].span.end <= sp.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < doc->n_sentences &&
	    doc->sentences[lo].span.start <= sp.start) {
		struct span s = doc->sentences[lo].span;

		return json_stringn(doc->text + s.start, s.end - s.start);
	}
	return json_stringn(doc->text + sp.start, sp.end - sp.start);
}

static json_t *rule_json(const struct diag *d, const struct rule_info *ri)
{
	json_t *urls = json_array();

	if (ri && ri->url)
		json_array_append_new(urls, json_pack("{s:s}", "value",
						      ri->url));
	return json_pack("{s:s, s:s, s:s, s:o, s:{s:s, s:o}}", "id", d->rule,
			 "description",
			 ri && ri->description ? ri->description : d->message,
			 "issueType", lt_issue_type(d->category), "urls", urls,
			 "category", "id", d->category ? d->category : "",
			 "name", category_name(d->category ? d->category : ""));
}

static json_t *match_json(const struct answer *a, const struct diag *d,
			  const struct rule_info *ri)
{
	const struct document *doc = a->doc;
	uint32_t s16 = sent16(a, d->span.start, 0);
	uint32_t e16 = sent16(a, d->span.end, 1);
	json_t *repl = json_array(), *mt, *short_msg;
	char *label = xstrdup(last_part(d->category ? d->category : ""));

	for (uint32_t k = 0; k < d->n_suggestions; k++)
		json_array_append_new(repl, json_pack("{s:s}", "value",
						      d->suggestions[k]));
	label[0] = (char)toupper((unsigned char)label[0]);
	short_msg = json_string(label);
	free(label);
	mt = json_pack("{s:s}", "severity", mt_severity_name(d->severity));
	if (d->evidence) {
		json_t *ev = json_pack("{s:s}", "path",
				       d->evidence->path ? d->evidence->path
							 : "");

		if (d->evidence->text)
			json_object_set_new(ev, "text",
					    json_string(d->evidence->text));
		if (d->evidence->context)
			json_object_set_new(
				ev, "context",
				json_string(d->evidence->context));
		json_object_set_new(mt, "evidence", ev);
	}
	return json_pack("{s:s, s:o, s:o, s:I, s:I, s:o, s:o, s:{s:s}, s:o, "
			 "s:b, s:i, s:o}",
			 "message", d->message, "shortMessage", short_msg,
			 "replacements", repl, "offset", (json_int_t)s16,
			 "length", (json_int_t)(e16 - s16), "context",
			 context_json(doc, d->span), "sentence",
			 sentence_json(doc, d->span), "type", "typeName",
			 !strcmp(lt_issue_type(d->category), "misspelling")
				 ? "UnknownWord"
			 : d->severity == MT_SEV_INFO ? "Hint"
						      : "Other",
			 "rule", rule_json(d, ri),
			 "ignoreForIncompleteSentence", 0,
			 "contextForSureMatch", 0, "mtlint", mt);
}

static json_t *language_json(const struct lt_request *r)
{
	const struct lt_language *l = r->language;

	return json_pack("{s:s, s:s, s:{s:s, s:s, s:f, s:s}}", "name",
			 l->name, "code", l->code, "detectedLanguage", "name",
			 l->name, "code", l->code, "confidence", 1.0, "source",
			 r->detected ? "server" : "request");
}

char *lt_answer(const struct lt_request *r, const struct checker *c,
		const struct document *doc, const struct diag_list *diags,
		size_t *len)
{
	struct answer a = { r, doc, 0 };
	struct rule_table rules = { 0 };
	json_t *root, *matches = json_array(), *ranges = json_array();
	size_t orig_len;
	const unsigned char *orig = document_original(doc, &orig_len);
	char *out;

	if (!r->annotated && orig_len >= 3 && orig[0] == 0xEF &&
	    orig[1] == 0xBB && orig[2] == 0xBF)
		a.bom16 = 1;
	if (c)
		checker_each_rule(c, collect_rule, &rules);
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];

		if (!keep(r, d))
			continue;
		json_array_append_new(matches,
				      match_json(&a, d, find_rule(&rules,
								  d->rule)));
	}
	for (uint32_t i = 0; i < doc->n_sentences; i++) {
		uint32_t s = sent16(&a, doc->sentences[i].span.start, 0);
		uint32_t e = sent16(&a, doc->sentences[i].span.end, 1);

		json_array_append_new(ranges, json_pack("[I, I]",
							(json_int_t)s,
							(json_int_t)(e - s)));
	}
	free(rules.v);
	root = json_pack("{s:{s:s, s:s, s:s, s:i, s:b, s:s}, s:{s:b}, s:o, "
			 "s:o, s:o}",
			 "software", "name", "mtlint", "version", MT_VERSION,
			 "buildDate", "", "apiVersion", 1, "premium", 0,
			 "status", "", "warnings", "incompleteResults", 0,
			 "language", language_json(r), "matches", matches,
			 "sentenceRanges", ranges);
	out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!out)
		MT_BUG("cannot serialise an answer");
	*len = strlen(out);
	return out;
}

char *lt_languages_answer(size_t *len)
{
	json_t *arr = json_array();
	char *out;

	for (size_t i = 0; i < ARRAY_SIZE(languages); i++)
		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:s}", "name",
						languages[i].name, "code", "en",
						"longCode", languages[i].code));
	out = json_dumps(arr, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(arr);
	*len = strlen(out);
	return out;
}
