/*
 * actions: what the editor can do with a finding -- code actions (replace,
 * add to dictionary, ignore here, disable the rule, fix all), the commands
 * they run, and hover (see lsp.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"
#include "lsp/server.h"
#include "report/report.h"
#include "report/ruledoc.h"
#include "run/fix.h"
#include "run/project.h"
#include "util/xalloc.h"

#define CMD_ADD_WORD "mtlint.addWord"
#define CMD_DISABLE_RULE "mtlint.disableRule"

const char *const lsp_commands[] = { CMD_ADD_WORD, CMD_DISABLE_RULE };
const size_t lsp_n_commands = ARRAY_SIZE(lsp_commands);

static int overlaps(struct span a, struct span b)
{
	if (a.start < b.end && b.start < a.end)
		return 1;
	/* an empty span (a cursor) touches a span it lies in or next to */
	if (a.start == a.end)
		return a.start >= b.start && a.start <= b.end;
	if (b.start == b.end)
		return b.start >= a.start && b.start <= a.end;
	return 0;
}

/* Does the client want actions of `kind` (context.only)? */
static int wanted(json_t *only, const char *kind)
{
	size_t i;
	json_t *k;

	if (!json_is_array(only))
		return 1;
	json_array_foreach(only, i, k) {
		const char *w = json_string_value(k);
		size_t n = w ? strlen(w) : 0;

		if (w && !strncmp(kind, w, n) && (!kind[n] || kind[n] == '.'))
			return 1;
	}
	return 0;
}

/* {"changes": {uri: [edit...]}}, taking ownership of edits. */
static json_t *workspace_edit(const char *uri, json_t *edits)
{
	json_t *changes = json_object();

	json_object_set_new(changes, uri, edits);
	return json_pack("{s:o}", "changes", changes);
}

static json_t *text_edit(json_t *range, const char *text)
{
	return json_pack("{s:o, s:s}", "range", range, "newText", text);
}

/* "text" cut to 40 bytes on a character boundary, with "..." if cut. */
static void shorten(const char *text, char *out, size_t size)
{
	size_t n = strlen(text), cut = n > 40 ? 40 : n;

	while (cut < n && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(out, size, "%.*s%s", (int)cut, text, cut < n ? "..." : "");
}

/* A quick fix's title: "Replace with '...'", or, where the replacement
 * would not show, the words every reporter prints for it
 * (report_suggestion_words()), capitalised: "Remove the space", "Remove
 * 'the'", "Replace with one space" -- never "Replace with ''". */
static void fix_title(char *title, size_t size, const struct document *doc,
		      const struct diag *g, const char *sugg)
{
	struct buf words = BUF_INIT;
	char shown[64];

	if (sugg[strspn(sugg, " ")]) {
		shorten(sugg, shown, sizeof(shown));
		snprintf(title, size, "Replace with '%s'", shown);
		return;
	}
	report_suggestion_words(&words, doc, g, sugg);
	if (*sugg)
		snprintf(title, size, "Replace with %s", words.buf);
	else if (words.len)
		snprintf(title, size, "%c%s",
			 words.buf[0] >= 'a' && words.buf[0] <= 'z'
				 ? words.buf[0] - 'a' + 'A'
				 : words.buf[0],
			 words.buf + 1);
	else
		snprintf(title, size, "Remove");
	buf_release(&words);
}

/* One quick fix per suggestion. */
static void add_replacements(json_t *actions, const char *uri,
			     const struct document *doc, const struct diag *g)
{
	for (uint32_t k = 0; k < g->n_suggestions; k++) {
		char title[512];
		json_t *a;

		fix_title(title, sizeof(title), doc, g, g->suggestions[k]);
		a = json_pack("{s:s, s:s, s:[o], s:o}", "title", title, "kind",
			      "quickfix", "diagnostics",
			      lsp_diagnostic(doc, g, NULL), "edit",
			      workspace_edit(uri, json_pack(
						     "[o]",
						     text_edit(lsp_range(doc,
									 g->span),
							       g->suggestions
								       [k]))));
		if (k == 0 && (g->flags & DIAGF_SAFE_FIX))
			json_object_set_new(a, "isPreferred", json_true());
		json_array_append_new(actions, a);
	}
}

static int is_spelling(const struct diag *g)
{
	return !strcmp(g->category, "fluency/spelling") &&
	       strcmp(g->rule, "spelling.rejected-word") != 0;
}

static json_t *command(const char *title, const char *cmd, json_t *arg)
{
	return json_pack("{s:s, s:s, s:[o]}", "title", title, "command", cmd,
			 "arguments", arg);
}

/* UTF-16 length of n bytes of UTF-8. */
static uint32_t utf16_len(const char *s, size_t n)
{
	uint32_t u = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80)
			u += c >= 0xF0 ? 2 : 1;
	}
	return u;
}

/*
 * "Ignore here": in text, a comment line above the finding's line; in
 * Markdown, a comment at the end of the line (a comment line inside a
 * paragraph or list would split it).
 */
static json_t *ignore_edit(const struct open_doc *d, const struct diag *g)
{
	const struct document *doc = d->res.doc;
	struct doc_pos p = document_position(doc, g->span.start, 0);
	size_t len = 0;
	const char *line = document_line(doc, p.line, &len);
	char text[300];
	size_t k = strcspn(d->text.buf, "\r\n");
	const char *eol = d->text.buf[k] != '\r'	    ? "\n"
			  : d->text.buf[k + 1] == '\n' ? "\r\n"
						       : "\r";

	if (doc->kind == DOCUMENT_MARKDOWN) {
		uint32_t end = line ? utf16_len(line, len) : 0;

		snprintf(text, sizeof(text),
			 " <!-- mtlint-disable-line %s -->", g->rule);
		return json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}",
				 "range", "start", "line", p.line - 1,
				 "character", end, "end", "line", p.line - 1,
				 "character", end, "newText", text);
	}
	snprintf(text, sizeof(text), "<!-- mtlint-disable-next-line %s -->%s",
		 g->rule, eol);
	return json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}", "range",
			 "start", "line", p.line - 1, "character", 0, "end",
			 "line", p.line - 1, "character", 0, "newText", text);
}

/* Every action for one finding. */
static void actions_for(json_t *actions, json_t *only,
			const struct open_doc *d, const struct diag *g)
{
	const struct document *doc = d->res.doc;
	char title[512], shown[64];

	if (wanted(only, "quickfix"))
		add_replacements(actions, d->uri, doc, g);
	if (!wanted(only, "quickfix"))
		return;
	if (is_spelling(g)) {
		const char *word = report_span_text(doc, g);

		shorten(word, shown, sizeof(shown));
		snprintf(title, sizeof(title),
			 "Add '%s' to the project's dictionary", shown);
		json_array_append_new(
			actions,
			json_pack("{s:s, s:s, s:[o], s:o}", "title", title,
				  "kind", "quickfix", "diagnostics",
				  lsp_diagnostic(doc, g, NULL), "command",
				  command(title, CMD_ADD_WORD,
					  json_pack("{s:s, s:s}", "uri",
						    d->uri, "word", word))));
	}
	snprintf(title, sizeof(title), "Ignore %s here", g->rule);
	json_array_append_new(
		actions, json_pack("{s:s, s:s, s:[o], s:o}", "title", title,
				   "kind", "quickfix", "diagnostics",
				   lsp_diagnostic(doc, g, NULL), "edit",
				   workspace_edit(d->uri,
						  json_pack("[o]",
							    ignore_edit(d, g)))));
	snprintf(title, sizeof(title), "Disable %s in " CONFIG_FILE_NAME,
		 g->rule);
	json_array_append_new(
		actions,
		json_pack("{s:s, s:s, s:[o], s:o}", "title", title, "kind",
			  "quickfix", "diagnostics", lsp_diagnostic(doc, g, NULL),
			  "command",
			  command(title, CMD_DISABLE_RULE,
				  json_pack("{s:s, s:s}", "uri", d->uri,
					    "rule", g->rule))));
}

/* What fix_run() needs to check a pass's text as the editor's was. */
struct recheck {
	struct lsp *s;
	const struct open_doc *d;
};

/*
 * A pass's text checked through the session as the buffer is, in slot 0;
 * the result's document and findings are taken over.
 */
static enum mt_err recheck(void *arg, const void *bytes, size_t len,
			   struct document **doc, struct diag_list *diags,
			   struct mt_error *err)
{
	const struct recheck *rk = arg;
	struct session_doc sd = { .path = rk->d->path,
				  .text = bytes,
				  .len = len,
				  .kind = rk->d->kind };
	struct session_result res;
	enum mt_err rc = session_check(rk->s->session, 0, &sd, &res);

	*doc = NULL;
	if (rc != MT_ERR_OK) {
		*err = res.err;
	} else {
		*doc = res.doc;
		*diags = res.diags;
		res.doc = NULL; /* now the caller's, with its findings */
	}
	session_result_release(&res);
	return rc;
}

/*
 * The edits of "fix all": what --fix would write, pass after pass
 * (fix_run()), as edits of the buffer's text, which the client applies
 * as one WorkspaceEdit.  Should a pass fail to check, the first pass's
 * fixes alone.
 */
static json_t *fix_all_edits(struct lsp *s, const struct open_doc *d)
{
	const struct diag_list *l = &d->res.diags;
	struct recheck rk = { s, d };
	struct fix_result fr;
	struct mt_error err = { 0 };
	json_t *edits = json_array();

	if (fix_run(d->res.doc, l, recheck, &rk, &fr, &err) == MT_ERR_OK) {
		for (size_t i = 0; i < fr.n_edits; i++)
			json_array_append_new(
				edits, text_edit(lsp_range(d->res.doc,
							   fr.edits[i].span),
						 fr.edits[i].text));
	} else {
		size_t *idx = xcalloc(l->n, sizeof(*idx));
		size_t n = fix_pick(l, idx);

		for (size_t i = 0; i < n; i++) {
			const struct diag *g = &l->v[idx[i]];

			json_array_append_new(
				edits, text_edit(lsp_range(d->res.doc, g->span),
						 g->suggestions[0]));
		}
		free(idx);
	}
	fix_result_release(&fr);
	return edits;
}

/*
 * "Apply every safe fix": the edits --fix would make, worked out when an
 * editor first asks for actions on this check of the document (not on
 * every cursor move) and only when one safe fix applies.
 */
static void add_fix_all(json_t *actions, json_t *only, struct lsp *s,
			struct open_doc *d)
{
	const struct diag_list *l = &d->res.diags;
	size_t *idx, n;

	if (!wanted(only, "source.fixAll") || !l->n)
		return;
	idx = xcalloc(l->n, sizeof(*idx));
	n = fix_pick(l, idx);
	free(idx);
	if (!n)
		return;
	if (!d->fix_all)
		d->fix_all = fix_all_edits(s, d);
	if (json_array_size(d->fix_all))
		json_array_append_new(
			actions,
			json_pack("{s:s, s:s, s:o}", "title",
				  "Apply every safe mtlint fix", "kind",
				  "source.fixAll", "edit",
				  workspace_edit(d->uri,
						 json_deep_copy(d->fix_all))));
}

int lsp_code_action(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	json_t *range = json_object_get(params, "range");
	json_t *start = json_object_get(range, "start");
	json_t *end = json_object_get(range, "end");
	json_t *only = json_object_get(json_object_get(params, "context"),
				       "only");
	struct open_doc *d;
	json_t *actions;
	struct span want;

	if (!uri || !start || !end)
		return -1;
	actions = json_array();
	d = lsp_find(s, uri);
	if (d)
		lsp_ensure_checked(s, d);
	if (!d || !d->res.doc) {
		rpc_respond(&s->rpc, id, actions);
		return 0;
	}
	want.start = lsp_doc_offset(d->res.doc, start);
	want.end = lsp_doc_offset(d->res.doc, end);
	if (want.end < want.start)
		want.end = want.start;
	for (size_t i = 0; i < d->res.diags.n &&
			   json_array_size(actions) < LSP_MAX_DIAGNOSTICS;
	     i++)
		if (overlaps(d->res.diags.v[i].span, want))
			actions_for(actions, only, d, &d->res.diags.v[i]);
	add_fix_all(actions, only, s, d);
	rpc_respond(&s->rpc, id, actions);
	return 0;
}

/* --- commands ------------------------------------------------------------ */

/* Where a project without a configuration gets one: the workspace root
 * when the document lies under it, else the document's directory. */
static char *project_dir(const struct lsp *s, const struct open_doc *d)
{
	const char *slash = strrchr(d->path, '/');
	size_t n = s->root ? strlen(s->root) : 0;

	if (n && !strncmp(d->path, s->root, n) && d->path[n] == '/')
		return xstrdup(s->root);
	return slash ? xstrndup(d->path, (size_t)(slash - d->path))
		     : xstrdup(".");
}

int lsp_execute_command(struct lsp *s, json_t *id, json_t *params)
{
	const char *cmd = json_string_value(json_object_get(params,
							    "command"));
	json_t *arg = json_array_get(json_object_get(params, "arguments"), 0);
	const char *uri = json_string_value(json_object_get(arg, "uri"));
	struct open_doc *d = uri ? lsp_find(s, uri) : NULL;
	const char *word = json_string_value(json_object_get(arg, "word"));
	const char *rule = json_string_value(json_object_get(arg, "rule"));
	const struct config *cfg;
	struct mt_error err = { 0 };
	char *dir, *changed = NULL;
	enum mt_err rc;

	if (!cmd || !d)
		return -1;
	if (strcmp(cmd, CMD_ADD_WORD) && strcmp(cmd, CMD_DISABLE_RULE))
		return -1;
	if (!strcmp(cmd, CMD_ADD_WORD) ? !word : !rule)
		return -1;
	if (s->o.no_config) {
		/* the project's files would not be read: do not write them */
		rpc_respond_error(&s->rpc, id, RPC_INVALID_REQUEST,
				  "mtlint lsp runs without a configuration "
				  "(--no-config)");
		return 0;
	}
	lsp_ensure_checked(s, d);
	cfg = d->res.profile ? d->res.profile->cfg : NULL;
	dir = project_dir(s, d);
	rc = !strcmp(cmd, CMD_ADD_WORD)
		     ? project_accept_word(cfg, dir, word, &changed, &err)
		     : project_disable_rule(cfg, dir, rule, &changed, &err);
	free(dir);
	if (rc != MT_ERR_OK) {
		rpc_respond_error(&s->rpc, id, RPC_INTERNAL_ERROR, err.msg);
		return 0;
	}
	rpc_log(&s->rpc, 3, changed);
	free(changed);
	lsp_reload(s);
	rpc_respond(&s->rpc, id, NULL);
	return 0;
}

/* --- hover --------------------------------------------------------------- */

/* The hover text of one finding: its message, then its rule explained. */
static void hover_text(struct lsp *s, const struct open_doc *d,
		       const struct diag *g, struct buf *b)
{
	struct checker *c = NULL;
	struct mt_error err = { 0 };
	const struct rule_info *r = NULL;

	if (s->session && d->res.profile &&
	    session_checker(s->session, d->res.profile, 0, &c, &err) ==
		    MT_ERR_OK)
		r = checker_find_rule(c, g->rule);
	if (b->len)
		buf_adds(b, "\n\n---\n\n");
	buf_addf(b, "**%s** `%s`", g->message, g->rule);
	if (r) {
		buf_adds(b, "\n\n");
		ruledoc_hover(b, c, r);
	}
}

int lsp_hover(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	json_t *pos = json_object_get(params, "position");
	struct open_doc *d = uri ? lsp_find(s, uri) : NULL;
	struct buf b = BUF_INIT;
	struct span at, cover = { UINT32_MAX, 0 };

	if (!uri || !json_is_object(pos))
		return -1;
	if (d)
		lsp_ensure_checked(s, d);
	if (!d || !d->res.doc) {
		rpc_respond(&s->rpc, id, NULL);
		return 0;
	}
	at.start = at.end = lsp_doc_offset(d->res.doc, pos);
	for (size_t i = 0; i < d->res.diags.n; i++) {
		const struct diag *g = &d->res.diags.v[i];

		if (!overlaps(g->span, at))
			continue;
		hover_text(s, d, g, &b);
		if (g->span.start < cover.start)
			cover.start = g->span.start;
		if (g->span.end > cover.end)
			cover.end = g->span.end;
	}
	if (!b.len)
		rpc_respond(&s->rpc, id, NULL);
	else
		rpc_respond(&s->rpc, id,
			    json_pack("{s:{s:s, s:s}, s:o}", "contents",
				      "kind", "markdown", "value", b.buf,
				      "range", lsp_range(d->res.doc, cover)));
	buf_release(&b);
	return 0;
}
