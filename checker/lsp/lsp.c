/*
 * lsp: open documents, incremental sync, settings, diagnostics (pushed and
 * pulled), the method table and the loop (see lsp.h).  Framing is rpc.c;
 * code actions, commands and hover are actions.c.  JSON through jansson
 * only.
 */
#include "lsp/lsp.h"

#include <stdlib.h>
#include <string.h>

#include "lsp/server.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* --- documents ----------------------------------------------------------- */

struct open_doc *lsp_find(struct lsp *s, const char *uri)
{
	struct open_doc *d = s->docs;

	while (d && strcmp(d->uri, uri) != 0)
		d = d->next;
	return d;
}

/* Release d's last check (res) and what was derived from it. */
static void drop_result(struct open_doc *d)
{
	session_result_release(&d->res);
	json_decref(d->fix_all);
	d->fix_all = NULL;
}

static void close_doc(struct open_doc *d)
{
	drop_result(d);
	buf_release(&d->text);
	free(d->uri);
	free(d->path);
	free(d);
}

/* --- diagnostics --------------------------------------------------------- */

/*
 * At most LSP_MAX_DIAGNOSTICS diagnostics: a megabyte of punctuation gives
 * tens of thousands, a message of hundreds of megabytes an editor cannot
 * use.  The rest are counted in one info diagnostic where the first of
 * them is.
 */
static json_t *diagnostics_json(struct lsp *s, const struct open_doc *d)
{
	json_t *arr = json_array();
	struct checker *c = NULL;
	struct mt_error err = { 0 };
	size_t n = d && d->res.doc ? d->res.diags.n : 0;

	if (d && d->res.doc && s->session &&
	    session_checker(s->session, d->res.profile, 0, &c, &err) !=
		    MT_ERR_OK)
		c = NULL;
	for (size_t i = 0; i < n && i < LSP_MAX_DIAGNOSTICS; i++)
		json_array_append_new(arr,
				      lsp_diagnostic(d->res.doc,
						     &d->res.diags.v[i], c));
	if (n > LSP_MAX_DIAGNOSTICS) {
		char msg[160];

		snprintf(msg, sizeof(msg),
			 "%zu more findings not shown (the editor gets the "
			 "first %u; run mtlint check for all)",
			 n - LSP_MAX_DIAGNOSTICS, LSP_MAX_DIAGNOSTICS);
		json_array_append_new(
			arr,
			json_pack("{s:o, s:i, s:s, s:s, s:s}", "range",
				  lsp_range(d->res.doc,
					    d->res.diags.v[LSP_MAX_DIAGNOSTICS]
						    .span),
				  "severity", 3, "code", "limits.diagnostics",
				  "source", "mtlint", "message", msg));
	}
	return arr;
}

static void publish(struct lsp *s, const char *uri, struct open_doc *d)
{
	if (s->client_pull)
		return;
	rpc_notify(&s->rpc, "textDocument/publishDiagnostics",
		   json_pack("{s:s, s:o}", "uri", uri, "diagnostics",
			     diagnostics_json(s, d)));
}

/* Tell the editor why a document could not be checked. */
static void report_failure(struct lsp *s, const struct session_result *res)
{
	if (res->cerrs.n) {
		char *all = yamlfile_errors_format(&res->cerrs);

		rpc_log(&s->rpc, 1, all);
		rpc_notify(&s->rpc, "window/showMessage",
			   json_pack("{s:i, s:s}", "type", 1, "message", all));
		free(all);
	} else {
		rpc_log(&s->rpc, 1, res->err.msg);
	}
}

/* Progress for a long document, when the client shows it. */
static void progress(struct lsp *s, const struct open_doc *d, int begin)
{
	char title[300];

	if (!s->client_progress || d->text.len < LSP_PROGRESS_BYTES)
		return;
	if (begin) {
		const char *name = strrchr(d->path, '/');

		rpc_request(&s->rpc, "window/workDoneProgress/create",
			    json_pack("{s:s}", "token", d->uri));
		snprintf(title, sizeof(title), "mtlint: checking %s",
			 name ? name + 1 : d->path);
		rpc_notify(&s->rpc, "$/progress",
			   json_pack("{s:s, s:{s:s, s:s}}", "token", d->uri,
				     "value", "kind", "begin", "title",
				     title));
	} else {
		rpc_notify(&s->rpc, "$/progress",
			   json_pack("{s:s, s:{s:s}}", "token", d->uri,
				     "value", "kind", "end"));
	}
}

/* Do two checks of a document report the same? */
static int same_findings(const struct session_result *a,
			 const struct session_result *b)
{
	if (!a->doc || !b->doc || a->diags.n != b->diags.n)
		return a->doc == b->doc;
	for (size_t i = 0; i < a->diags.n; i++) {
		const struct diag *x = &a->diags.v[i], *y = &b->diags.v[i];

		if (strcmp(x->rule, y->rule) || x->span.start != y->span.start ||
		    x->span.end != y->span.end || x->severity != y->severity ||
		    strcmp(x->message, y->message) ||
		    x->n_suggestions != y->n_suggestions)
			return 0;
		for (uint32_t k = 0; k < x->n_suggestions; k++)
			if (strcmp(x->suggestions[k], y->suggestions[k]))
				return 0;
	}
	return 1;
}

/*
 * Check d (quick: checker_check_quick()) and publish the result, unless a
 * full check reports what the quick one before it already published.
 */
static void check_doc(struct lsp *s, struct open_doc *d, int quick)
{
	struct session_doc sd = { 0 };
	struct session_result res;
	int same;

	d->dirty = 0;
	d->provisional = quick;
	if (d->text.len > MT_LIMIT_LSP_DOCUMENT) {
		/* 20 MB took 2.4 GB and answered with 150 MB of JSON */
		if (!d->too_big) {
			char msg[200];

			snprintf(msg, sizeof(msg),
				 "mtlint: this document has %zu bytes, over "
				 "the limit of %u for the editor: not checked",
				 d->text.len, MT_LIMIT_LSP_DOCUMENT);
			rpc_notify(&s->rpc, "window/showMessage",
				   json_pack("{s:i, s:s}", "type", 2,
					     "message", msg));
		}
		d->too_big = 1;
		d->provisional = 0;
		drop_result(d);
		d->result_id = ++s->next_result;
		publish(s, d->uri, d);
		return;
	}
	d->too_big = 0;
	if (!s->session) {
		drop_result(d);
		d->result_id = ++s->next_result;
		publish(s, d->uri, d);
		return;
	}
	sd.path = d->path;
	sd.text = d->text.buf;
	sd.len = d->text.len;
	sd.kind = d->kind;
	sd.quick = quick;
	s->trim_due |= !quick;
	progress(s, d, 1);
	if (session_check(s->session, 0, &sd, &res) != MT_ERR_OK) {
		report_failure(s, &res);
		session_result_release(&res);
	}
	progress(s, d, 0);
	same = !quick && d->res.doc && same_findings(&d->res, &res);
	drop_result(d);
	d->res = res;
	if (same)
		return;
	d->result_id = ++s->next_result;
	publish(s, d->uri, d);
}

void lsp_ensure_checked(struct lsp *s, struct open_doc *d)
{
	if (d->dirty || d->provisional)
		check_doc(s, d, 0);
}

/* --- settings ------------------------------------------------------------ */

/* An array of strings of the settings, as session options want it. */
static const char **string_list(json_t *arr, size_t *n)
{
	const char **v;
	size_t i, k = 0;
	json_t *x;

	*n = 0;
	if (!json_is_array(arr))
		return NULL;
	v = xcalloc(json_array_size(arr) + 1, sizeof(*v));
	json_array_foreach(arr, i, x)
		if (json_is_string(x))
			v[k++] = json_string_value(x);
	*n = k;
	return v;
}

static void free_lists(struct setting_lists *l)
{
	free(l->enable);
	free(l->disable);
	free(l->words);
	free(l->reject);
	memset(l, 0, sizeof(*l));
}

/*
 * Lay the settings over the command line's options and open a session
 * with them, replacing the old one (whose results are released first).
 */
static void apply_settings(struct lsp *s, json_t *settings)
{
	json_t *m = json_object_get(settings, "mtlint");
	struct session_options o = *s->base;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	json_t *v;

	if (json_is_object(m))
		settings = m;
	if (!json_is_object(settings))
		settings = NULL;
	for (struct open_doc *d = s->docs; d; d = d->next) {
		drop_result(d);
		d->dirty = 1;
	}
	if (s->session != s->borrowed)
		session_free(s->session);
	s->session = NULL;
	free_lists(&s->lists);
	json_decref(s->settings);
	s->settings = json_incref(settings);
	if (settings) {
		const char *str;

		if ((str = json_string_value(json_object_get(settings,
							     "reference"))))
			o.reference = str;
		if ((str = json_string_value(json_object_get(settings,
							     "language"))))
			o.co.lang = str;
		if ((str = json_string_value(json_object_get(settings,
							     "config"))))
			o.config = str;
		if (json_is_boolean(v = json_object_get(settings, "noConfig")))
			o.no_config = json_is_true(v);
		if (json_is_boolean(v = json_object_get(settings,
							"grammarParser")))
			o.co.grammar_parser = json_is_true(v);
		if (json_is_boolean(v = json_object_get(
					    settings, "reportUnusedDisables")))
			o.co.report_unused = json_is_true(v);
		if ((v = json_object_get(settings, "enable")))
			o.co.enable = s->lists.enable =
				string_list(v, &o.co.n_enable);
		if ((v = json_object_get(settings, "disable")))
			o.co.disable = s->lists.disable =
				string_list(v, &o.co.n_disable);
		if ((v = json_object_get(settings, "words")))
			o.co.word_files = s->lists.words =
				string_list(v, &o.co.n_word_files);
		if ((v = json_object_get(settings, "reject")))
			o.co.reject_files = s->lists.reject =
				string_list(v, &o.co.n_reject_files);
	}
	o.n_slots = 1;
	s->o = o;
	if (!settings && s->borrowed) {
		s->session = s->borrowed;
		return;
	}
	if (session_new(&s->o, &s->session, &cerrs, &err) != MT_ERR_OK) {
		struct session_result r = { .cerrs = cerrs, .err = err };

		report_failure(s, &r);
		yamlfile_errors_release(&cerrs);
	}
}

void lsp_reload(struct lsp *s)
{
	for (struct open_doc *d = s->docs; d; d = d->next) {
		drop_result(d);
		d->dirty = 1;
	}
	if (s->session)
		session_reload(s->session);
	if (s->client_pull && s->client_refresh)
		rpc_request(&s->rpc, "workspace/diagnostic/refresh", NULL);
}

/* --- methods ------------------------------------------------------------- */

/* caps.a.b exists (c NULL) or caps.a.b.c is true. */
static int flag(json_t *caps, const char *a, const char *b, const char *c)
{
	json_t *x = json_object_get(json_object_get(caps, a), b);

	return c ? json_is_true(json_object_get(x, c)) : x != NULL;
}

static int m_initialize(struct lsp *s, json_t *id, json_t *params)
{
	json_t *caps = json_object_get(params, "capabilities");
	const char *root = json_string_value(json_object_get(params,
							     "rootUri"));
	json_t *cmds, *result;

	if (s->initialized)
		return -2; /* only once (it used to leak the first one) */
	cmds = json_array();
	if (root && !strncmp(root, "file://", 7)) {
		free(s->root); /* a second initialize replaces the first */
		s->root = lsp_uri_to_path(NULL, root);
	}
	s->client_pull = flag(caps, "textDocument", "diagnostic", NULL);
	s->client_refresh = flag(caps, "workspace", "diagnostics",
				 "refreshSupport");
	s->client_watch = flag(caps, "workspace", "didChangeWatchedFiles",
			       "dynamicRegistration");
	s->client_progress = json_is_true(json_object_get(
		json_object_get(caps, "window"), "workDoneProgress"));
	apply_settings(s, json_object_get(params, "initializationOptions"));
	for (size_t i = 0; i < lsp_n_commands; i++)
		json_array_append_new(cmds, json_string(lsp_commands[i]));
	result = json_pack(
		"{s:{s:{s:b, s:i, s:{s:b}}, s:{s:[s, s], s:b}, s:b,"
		" s:{s:o}, s:{s:s, s:b, s:b}},"
		" s:{s:s, s:s}}",
		"capabilities", "textDocumentSync", "openClose", 1, "change", 2,
		"save", "includeText", 0, "codeActionProvider",
		"codeActionKinds", "quickfix", "source.fixAll",
		"resolveProvider", 0, "hoverProvider", 1,
		"executeCommandProvider", "commands", cmds,
		"diagnosticProvider", "identifier", "mtlint",
		"interFileDependencies", 0, "workspaceDiagnostics", 0,
		"serverInfo", "name", "mtlint", "version", MT_VERSION);
	s->initialized = 1;
	rpc_respond(&s->rpc, id, result);
	return 0;
}

/* Ask to hear about the files that change what is reported: every
 * .mtlint.yml, and the files word lists are usually kept in (matters()
 * picks those an open document's profile reads). */
static int m_initialized(struct lsp *s, json_t *id, json_t *params)
{
	(void)id;
	(void)params;
	if (s->client_watch)
		rpc_request(
			&s->rpc, "client/registerCapability",
			json_pack("{s:[{s:s, s:s, s:{s:[{s:s}, {s:s}]}}]}",
				  "registrations", "id", "mtlint-watch",
				  "method", "workspace/didChangeWatchedFiles",
				  "registerOptions", "watchers", "globPattern",
				  "**/" CONFIG_FILE_NAME, "globPattern",
				  "**/*.{txt,words,dic}"));
	return 0;
}

static int m_shutdown(struct lsp *s, json_t *id, json_t *params)
{
	(void)params;
	s->shutdown = 1;
	rpc_respond(&s->rpc, id, NULL);
	return 0;
}

static int m_exit(struct lsp *s, json_t *id, json_t *params)
{
	(void)id;
	(void)params;
	s->done = 1;
	s->status = s->shutdown ? 0 : 1;
	return 0;
}

static int m_did_open(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	json_t *td = json_object_get(params, "textDocument");
	json_t *text = json_object_get(td, "text");
	const char *lang = json_string_value(json_object_get(td,
							     "languageId"));
	struct open_doc *d;

	(void)id;
	if (!uri || !json_is_string(text))
		return -1;
	d = lsp_find(s, uri);
	if (!d) {
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		d->path = lsp_uri_to_path(s->root, uri);
		buf_init(&d->text);
		d->next = s->docs;
		s->docs = d;
	}
	d->kind = !lang				 ? DOCUMENT_AUTO
		  : !strcmp(lang, "markdown")	 ? DOCUMENT_MARKDOWN
		  : !strcmp(lang, "plaintext") ? DOCUMENT_TEXT
					       : DOCUMENT_AUTO;
	buf_reset(&d->text);
	buf_add(&d->text, json_string_value(text), json_string_length(text));
	d->dirty = 1;
	return 0;
}

static int m_did_change(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	json_t *changes = json_object_get(params, "contentChanges"), *c;
	struct open_doc *d = uri ? lsp_find(s, uri) : NULL;
	size_t i;

	(void)id;
	if (!d || !json_is_array(changes))
		return -1;
	json_array_foreach(changes, i, c)
		if (lsp_apply_change(&d->text, c) < 0)
			return -1;
	d->dirty = 1;
	return 0;
}

static int m_did_save(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	json_t *text = json_object_get(params, "text");
	struct open_doc *d = uri ? lsp_find(s, uri) : NULL;

	(void)id;
	if (d && json_is_string(text)) {
		buf_reset(&d->text);
		buf_add(&d->text, json_string_value(text),
			json_string_length(text));
		d->dirty = 1;
	}
	return 0;
}

static int m_did_close(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	struct open_doc **p = &s->docs;

	(void)id;
	if (!uri)
		return -1;
	while (*p && strcmp((*p)->uri, uri))
		p = &(*p)->next;
	if (*p) {
		struct open_doc *d = *p;

		*p = d->next;
		close_doc(d);
	}
	publish(s, uri, NULL); /* clear the editor's markers */
	return 0;
}

/*
 * textDocument/diagnostic, answered at once (requests are answered in
 * order): the document is checked now if its text changed.  With
 * previousResultId of the current result, the answer is "unchanged".
 */
static int m_diagnostic(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = lsp_param_uri(params);
	const char *prev = json_string_value(json_object_get(
		params, "previousResultId"));
	struct open_doc *d = uri ? lsp_find(s, uri) : NULL;
	char rid[32];

	if (!uri || !id)
		return -1;
	if (d)
		lsp_ensure_checked(s, d);
	snprintf(rid, sizeof(rid), "%lu", d ? d->result_id : 0UL);
	if (prev && !strcmp(prev, rid))
		rpc_respond(&s->rpc, id,
			    json_pack("{s:s, s:s}", "kind", "unchanged",
				      "resultId", rid));
	else
		rpc_respond(&s->rpc, id,
			    json_pack("{s:s, s:s, s:o}", "kind", "full",
				      "resultId", rid, "items",
				      diagnostics_json(s, d)));
	return 0;
}

/*
 * $/cancelRequest: requests are answered in order as they are read, so
 * there is never one left to cancel; what a newer edit makes stale is the
 * check itself, which is never started (see settle()).
 */
static int m_cancel(struct lsp *s, json_t *id, json_t *params)
{
	(void)s;
	(void)id;
	(void)params;
	return 0;
}

static int m_did_change_configuration(struct lsp *s, json_t *id,
				      json_t *params)
{
	(void)id;
	apply_settings(s, json_object_get(params, "settings"));
	return 0;
}

/* Does the file change what an open document's check reads? */
static int matters(struct lsp *s, const char *path)
{
	const char *base = strrchr(path, '/');

	if (!strcmp(base ? base + 1 : path, CONFIG_FILE_NAME))
		return 1;
	for (struct open_doc *d = s->docs; d; d = d->next) {
		const struct session_profile *p = d->res.profile;

		for (size_t i = 0; p && i < p->co.n_word_files; i++)
			if (mt_same_file(p->co.word_files[i], path))
				return 1;
		for (size_t i = 0; p && i < p->co.n_reject_files; i++)
			if (mt_same_file(p->co.reject_files[i], path))
				return 1;
	}
	return 0;
}

static int m_did_change_watched(struct lsp *s, json_t *id, json_t *params)
{
	json_t *changes = json_object_get(params, "changes"), *c;
	size_t i;

	(void)id;
	json_array_foreach(changes, i, c) {
		const char *uri = json_string_value(json_object_get(c, "uri"));
		char *path = uri ? lsp_uri_to_path(s->root, uri) : NULL;
		int m = path && matters(s, path);

		free(path);
		if (m) {
			lsp_reload(s);
			break;
		}
	}
	return 0;
}

struct method {
	const char *name;
	int (*fn)(struct lsp *s, json_t *id, json_t *params);
	int before_init; /* allowed before initialize */
};

static const struct method methods[] = {
	{ "initialize", m_initialize, 1 },
	{ "initialized", m_initialized, 0 },
	{ "shutdown", m_shutdown, 1 },
	{ "exit", m_exit, 1 },
	{ "$/cancelRequest", m_cancel, 1 },
	{ "textDocument/didOpen", m_did_open, 0 },
	{ "textDocument/didChange", m_did_change, 0 },
	{ "textDocument/didSave", m_did_save, 0 },
	{ "textDocument/didClose", m_did_close, 0 },
	{ "textDocument/diagnostic", m_diagnostic, 0 },
	{ "textDocument/codeAction", lsp_code_action, 0 },
	{ "textDocument/hover", lsp_hover, 0 },
	{ "workspace/executeCommand", lsp_execute_command, 0 },
	{ "workspace/didChangeConfiguration", m_did_change_configuration, 0 },
	{ "workspace/didChangeWatchedFiles", m_did_change_watched, 0 },
};

static void dispatch(struct lsp *s, const char *body, size_t len)
{
	json_error_t jerr;
	json_t *msg = json_loadb(body, len, 0, &jerr);
	json_t *id, *params;
	const char *name;
	const struct method *m = NULL;

	if (!msg) {
		char text[300];

		snprintf(text, sizeof(text), "invalid JSON at line %d, column "
					     "%d: %s",
			 jerr.line, jerr.column, jerr.text);
		rpc_respond_error(&s->rpc, NULL, RPC_PARSE_ERROR, text);
		return;
	}
	id = json_object_get(msg, "id");
	name = json_string_value(json_object_get(msg, "method"));
	params = json_object_get(msg, "params");
	if (!json_is_object(msg) || !name) {
		/* an answer to a request of ours is fine */
		if (!json_is_object(msg) ||
		    (!json_object_get(msg, "result") &&
		     !json_object_get(msg, "error")))
			rpc_respond_error(&s->rpc, id, RPC_INVALID_REQUEST,
					  "not a JSON-RPC request");
		json_decref(msg);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(methods); i++)
		if (strcmp(methods[i].name, name) == 0)
			m = &methods[i];
	if (!m) {
		/* notifications we do not know ($/..., workspace/...) are
		 * ignored, as the protocol asks */
		if (id)
			rpc_respond_error(&s->rpc, id, RPC_METHOD_NOT_FOUND,
					  "method not found");
	} else if (!s->initialized && !m->before_init) {
		if (id)
			rpc_respond_error(&s->rpc, id,
					  RPC_SERVER_NOT_INITIALIZED,
					  "server not initialized");
	} else if (s->shutdown && id && m->fn != m_shutdown &&
		   m->fn != m_exit) {
		rpc_respond_error(&s->rpc, id, RPC_INVALID_REQUEST,
				  "the server is shutting down");
	} else {
		int r = m->fn(s, id, params);

		if (r == -2 && id)
			rpc_respond_error(&s->rpc, id, RPC_INVALID_REQUEST,
					  "already initialized");
		else if (r < 0 && id)
			rpc_respond_error(&s->rpc, id, RPC_INVALID_PARAMS,
					  "invalid params");
	}
	json_decref(msg);
}

/*
 * The input is quiet: check what changed and publish it.  Until then,
 * edits only change the text, so a burst of keystrokes is checked once,
 * at its end, and no check is started for a text already replaced.  Each
 * edited document is published twice: at once from a quick check (no new
 * parses), then, unless a newer message is already waiting, from the full
 * one -- only if it reports something else.  (A client that pulls
 * diagnostics asks when it wants them, and gets the full check.)
 */
static void settle(struct lsp *s)
{
	if (s->client_pull)
		return;
	/* first what is fast, for every edited document... */
	for (struct open_doc *d = s->docs; d; d = d->next)
		if (d->dirty)
			check_doc(s, d, 1);
	/* ...then the rest, while nothing newer waits */
	for (struct open_doc *d = s->docs; d && !rpc_pending(&s->rpc);
	     d = d->next)
		if (d->provisional)
			check_doc(s, d, 0);
}

int lsp_serve(const struct session_options *o, struct session *borrowed,
	      FILE *in, FILE *out)
{
	struct lsp s = { .base = o, .borrowed = borrowed, .status = 1 };

	rpc_init(&s.rpc, in, out);
	while (!s.done) {
		char *body = NULL;
		size_t len = 0;
		int r = rpc_read(&s.rpc, &body, &len);

		if (r <= 0)
			break;
		dispatch(&s, body, len);
		free(body);
		if (!s.done && !rpc_pending(&s.rpc))
			settle(&s);
		/* idle after a full check (answered): what the parser's
		 * threads freed in heaps of their own goes back */
		if (s.trim_due && !rpc_pending(&s.rpc)) {
			xalloc_trim();
			s.trim_due = 0;
		}
	}
	while (s.docs) {
		struct open_doc *d = s.docs;

		s.docs = d->next;
		close_doc(d);
	}
	if (s.session != s.borrowed)
		session_free(s.session);
	free_lists(&s.lists);
	json_decref(s.settings);
	free(s.root);
	rpc_release(&s.rpc);
	return s.status;
}
