/*
 * lsp: framing, JSON-RPC dispatch, open documents, diagnostics and code
 * actions (see lsp.h).  JSON through jansson only.
 */
#include "lsp/lsp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "util/buf.h"
#include "text/document.h"
#include "util/xalloc.h"

/* JSON-RPC error codes */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_SERVER_NOT_INITIALIZED = -32002,
};

struct open_doc {
	char *uri;
	char *path;	   /* where the session looks for config, references */
	enum document_kind kind; /* from languageId; AUTO: by path */
	struct session_result res; /* res.doc NULL: could not be checked */
	struct open_doc *next;
};

struct lsp {
	struct session *session;
	FILE *in, *out;
	struct open_doc *docs;
	char *root;	 /* the workspace's directory, for unsaved buffers */
	char *reference; /* initializationOptions.reference */
	int initialized, shutdown, done, status;
};

/* --- framing ----------------------------------------------------------- */

/*
 * Read one message body.  Returns 1 with *body (free it), 0 at a clean end
 * of input, -1 on a broken stream (message on stderr).
 */
static int read_message(FILE *in, char **body, size_t *len)
{
	char line[1024];
	long long n = -1;
	int any = 0;

	for (;;) {
		size_t l;

		if (!fgets(line, sizeof(line), in)) {
			if (any)
				fprintf(stderr, "mtlint lsp: error: end of input "
						"inside a header\n");
			return any ? -1 : 0;
		}
		any = 1;
		l = strlen(line);
		if (l == sizeof(line) - 1 && line[l - 1] != '\n') {
			fprintf(stderr, "mtlint lsp: error: header line too "
					"long\n");
			return -1;
		}
		while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
			line[--l] = '\0';
		if (l == 0)
			break;
		if (strncasecmp(line, "Content-Length:", 15) == 0) {
			char *end;

			n = strtoll(line + 15, &end, 10);
			while (*end == ' ' || *end == '\t')
				end++;
			if (*end || n < 0) {
				fprintf(stderr, "mtlint lsp: error: bad "
						"Content-Length '%s'\n",
					line + 15);
				return -1;
			}
		} else if (!strchr(line, ':')) {
			fprintf(stderr, "mtlint lsp: error: malformed header "
					"'%.80s'\n",
				line);
			return -1;
		}
	}
	if (n < 0) {
		fprintf(stderr, "mtlint lsp: error: message without "
				"Content-Length\n");
		return -1;
	}
	if ((unsigned long long)n > LSP_MAX_MESSAGE) {
		fprintf(stderr, "mtlint lsp: error: message of %lld bytes is "
				"over the limit of %u\n",
			n, LSP_MAX_MESSAGE);
		return -1;
	}
	*body = xmalloc((size_t)n + 1);
	if (fread(*body, 1, (size_t)n, in) != (size_t)n) {
		fprintf(stderr, "mtlint lsp: error: end of input inside a "
				"message body\n");
		free(*body);
		return -1;
	}
	(*body)[n] = '\0';
	*len = (size_t)n;
	return 1;
}

static void send_json(struct lsp *s, json_t *msg)
{
	char *text = json_dumps(msg, JSON_COMPACT);

	if (text) {
		fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(text),
			text);
		fflush(s->out);
		free(text);
	}
	json_decref(msg);
}

static void respond(struct lsp *s, json_t *id, json_t *result)
{
	json_t *m = json_object();

	json_object_set_new(m, "jsonrpc", json_string("2.0"));
	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(m, "result", result ? result : json_null());
	send_json(s, m);
}

static void respond_error(struct lsp *s, json_t *id, int code,
			  const char *message)
{
	json_t *m = json_object();

	json_object_set_new(m, "jsonrpc", json_string("2.0"));
	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(m, "error", json_pack("{s:i, s:s}", "code", code,
						  "message", message));
	send_json(s, m);
}

static void notify(struct lsp *s, const char *method, json_t *params)
{
	json_t *m = json_object();

	json_object_set_new(m, "jsonrpc", json_string("2.0"));
	json_object_set_new(m, "method", json_string(method));
	json_object_set_new(m, "params", params);
	send_json(s, m);
}

static void log_message(struct lsp *s, int type, const char *msg)
{
	notify(s, "window/logMessage",
	       json_pack("{s:i, s:s}", "type", type, "message", msg));
}

/* --- documents ---------------------------------------------------------- */

static struct open_doc **find_doc(struct lsp *s, const char *uri)
{
	struct open_doc **p = &s->docs;

	while (*p && strcmp((*p)->uri, uri) != 0)
		p = &(*p)->next;
	return p;
}

static void close_doc(struct open_doc *d)
{
	session_result_release(&d->res);
	free(d->uri);
	free(d->path);
	free(d);
}

static int hexval(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* Percent-decoding of a URI's path (RFC 3986); a bad escape stays. */
static char *uri_decode(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s; s++) {
		int h, l;

		if (*s == '%' && (h = hexval(s[1])) >= 0 &&
		    (l = hexval(s[2])) >= 0 && (h || l)) {
			buf_addc(&b, (char)(h * 16 + l));
			s += 2;
		} else {
			buf_addc(&b, *s);
		}
	}
	return buf_detach(&b, NULL);
}

/*
 * The file a URI names: "file:///a/b%20c.md" -> "/a/b c.md".  A buffer
 * that is not a file ("untitled:Untitled-1") lives, for the configuration
 * and references, in the workspace's directory (else the working one).
 */
static char *uri_to_path(const struct lsp *s, const char *uri)
{
	const char *name;
	struct buf b = BUF_INIT;

	if (!strncmp(uri, "file://", 7)) {
		const char *p = uri + 7;

		if (!strncmp(p, "localhost/", 10))
			p += 9;
		return uri_decode(p);
	}
	name = strrchr(uri, '/');
	if (!name)
		name = strchr(uri, ':');
	name = name ? name + 1 : uri;
	buf_addf(&b, "%s/%s", s->root ? s->root : ".", *name ? name : "untitled");
	return buf_detach(&b, NULL);
}

static json_t *range_json(const struct document *doc, struct span sp)
{
	struct doc_pos a = document_position(doc, sp.start, 0);
	struct doc_pos b = document_position(doc, sp.end, 1);

	return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line",
			 a.line - 1, "character", a.column16, "end", "line",
			 b.line - 1, "character", b.column16);
}

static int lsp_severity(enum mt_severity sev)
{
	return sev == MT_SEV_ERROR ? 1 : sev == MT_SEV_WARNING ? 2 : 3;
}

static json_t *diag_json(const struct document *doc, const struct diag *d)
{
	json_t *j = json_object(), *sugg = json_array();

	json_object_set_new(j, "range", range_json(doc, d->span));
	json_object_set_new(j, "severity",
			    json_integer(lsp_severity(d->severity)));
	json_object_set_new(j, "code", json_string(d->rule));
	json_object_set_new(j, "source", json_string("mtlint"));
	json_object_set_new(j, "message", json_string(d->message));
	for (uint32_t k = 0; k < d->n_suggestions; k++)
		json_array_append_new(sugg, json_string(d->suggestions[k]));
	json_object_set_new(j, "data", json_pack("{s:s, s:o}", "category",
						 d->category, "suggestions",
						 sugg));
	if (d->evidence && d->evidence->path && d->evidence->line) {
		/* the reference passage, so the editor can jump to it */
		const struct evidence *e = d->evidence;
		char *abs = realpath(e->path, NULL);
		struct buf uri = BUF_INIT;

		buf_addf(&uri, "file://%s", abs ? abs : e->path);
		json_object_set_new(
			j, "relatedInformation",
			json_pack("[{s:{s:s, s:{s:{s:i, s:i}, s:{s:i, s:i}}}, "
				  "s:s}]",
				  "location", "uri", uri.buf, "range", "start",
				  "line", e->line - 1, "character",
				  e->column - 1, "end", "line",
				  e->end_line ? e->end_line - 1 : e->line - 1,
				  "character",
				  e->end_column ? e->end_column - 1
						: e->column - 1,
				  "message", e->text ? e->text : "reference"));
		buf_release(&uri);
		free(abs);
	}
	return j;
}

static void publish(struct lsp *s, const char *uri, struct open_doc *d)
{
	json_t *arr = json_array();

	for (size_t i = 0; d && d->res.doc && i < d->res.diags.n; i++)
		json_array_append_new(arr, diag_json(d->res.doc,
						     &d->res.diags.v[i]));
	notify(s, "textDocument/publishDiagnostics",
	       json_pack("{s:s, s:o}", "uri", uri, "diagnostics", arr));
}

/* Tell the editor why a document could not be checked. */
static void report_failure(struct lsp *s, const struct session_result *res)
{
	if (res->cerrs.n) {
		char *all = yamlfile_errors_format(&res->cerrs);

		log_message(s, 1, all);
		notify(s, "window/showMessage",
		       json_pack("{s:i, s:s}", "type", 1, "message", all));
		free(all);
	} else {
		log_message(s, 1, res->err.msg);
	}
}

/* Replace the document at uri with text and publish its diagnostics:
 * what `mtlint check` reports for the same file. */
static void update_doc(struct lsp *s, const char *uri, const char *text,
		       size_t len, const char *language)
{
	struct open_doc **p = find_doc(s, uri), *d = *p;
	struct session_doc sd = { 0 };

	if (!d) {
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		d->path = uri_to_path(s, uri);
		*p = d;
	} else {
		session_result_release(&d->res);
	}
	if (language)
		d->kind = !strcmp(language, "markdown") ? DOCUMENT_MARKDOWN
			  : !strcmp(language, "plaintext") ? DOCUMENT_TEXT
							   : DOCUMENT_AUTO;
	sd.path = d->path;
	sd.text = text;
	sd.len = len;
	sd.kind = d->kind;
	sd.reference = s->reference;
	if (session_check(s->session, 0, &sd, &d->res) != MT_ERR_OK) {
		report_failure(s, &d->res);
		session_result_release(&d->res);
	}
	publish(s, uri, d);
}

/* --- methods ------------------------------------------------------------ */

static const char *get_uri(json_t *params)
{
	return json_string_value(
		json_object_get(json_object_get(params, "textDocument"),
				"uri"));
}

static int m_initialize(struct lsp *s, json_t *id, json_t *params)
{
	json_t *opts = json_object_get(params, "initializationOptions");
	const char *ref = json_string_value(json_object_get(opts,
							    "reference"));
	const char *root = json_string_value(json_object_get(params,
							     "rootUri"));

	if (ref)
		s->reference = xstrdup(ref);
	if (root && !strncmp(root, "file://", 7))
		s->root = uri_to_path(s, root);
	s->initialized = 1;
	respond(s, id,
		json_pack("{s:{s:{s:b, s:i, s:{s:b}}, s:{s:[s]}}, "
			  "s:{s:s, s:s}}",
			  "capabilities", "textDocumentSync", "openClose", 1,
			  "change", 1, "save", "includeText", 1,
			  "codeActionProvider", "codeActionKinds", "quickfix",
			  "serverInfo", "name", "mtlint", "version",
			  MT_VERSION));
	return 0;
}

static int m_initialized(struct lsp *s, json_t *id, json_t *params)
{
	(void)s;
	(void)id;
	(void)params;
	return 0;
}

static int m_shutdown(struct lsp *s, json_t *id, json_t *params)
{
	(void)params;
	s->shutdown = 1;
	respond(s, id, NULL);
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
	const char *uri = get_uri(params);
	json_t *td = json_object_get(params, "textDocument");
	json_t *text = json_object_get(td, "text");

	(void)id;
	if (!uri || !json_is_string(text))
		return -1;
	update_doc(s, uri, json_string_value(text), json_string_length(text),
		   json_string_value(json_object_get(td, "languageId")));
	return 0;
}

static int m_did_change(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = get_uri(params);
	json_t *changes = json_object_get(params, "contentChanges");
	json_t *last, *text;

	(void)id;
	/* full sync: the last change holds the whole text */
	last = json_array_get(changes, json_array_size(changes) - 1);
	text = json_object_get(last, "text");
	if (!uri || !json_is_string(text))
		return -1;
	update_doc(s, uri, json_string_value(text), json_string_length(text),
		   NULL);
	return 0;
}

static int m_did_save(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = get_uri(params);
	json_t *text = json_object_get(params, "text");

	(void)id;
	if (uri && json_is_string(text))
		update_doc(s, uri, json_string_value(text),
			   json_string_length(text), NULL);
	return 0;
}

static int m_did_close(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = get_uri(params);
	struct open_doc **p, *d;

	(void)id;
	if (!uri)
		return -1;
	p = find_doc(s, uri);
	d = *p;
	if (d) {
		*p = d->next;
		close_doc(d);
	}
	publish(s, uri, NULL); /* clear the editor's markers */
	return 0;
}

static int overlaps(struct span a, struct span b)
{
	return a.start < b.end && b.start < a.end ? 1
	       : a.start == a.end || b.start == b.end
		       ? (a.start >= b.start && a.start <= b.end) ||
				 (b.start >= a.start && b.start <= a.end)
		       : 0;
}

/*
 * Quick-fixes: one action per suggestion of every diagnostic touching the
 * requested range; the safe fix of each is marked preferred.
 */
static int m_code_action(struct lsp *s, json_t *id, json_t *params)
{
	const char *uri = get_uri(params);
	json_t *range = json_object_get(params, "range");
	json_t *start = json_object_get(range, "start");
	json_t *end = json_object_get(range, "end");
	struct open_doc *d;
	json_t *actions = json_array();
	struct span want;

	if (!uri || !start || !end) {
		json_decref(actions);
		return -1;
	}
	d = *find_doc(s, uri);
	if (!d || !d->res.doc) {
		respond(s, id, actions);
		return 0;
	}
	want.start = document_offset_at(
		d->res.doc,
		(uint32_t)json_integer_value(json_object_get(start, "line")) + 1,
		(uint32_t)json_integer_value(
			json_object_get(start, "character")));
	want.end = document_offset_at(
		d->res.doc,
		(uint32_t)json_integer_value(json_object_get(end, "line")) + 1,
		(uint32_t)json_integer_value(json_object_get(end, "character")));
	for (size_t i = 0; i < d->res.diags.n; i++) {
		const struct diag *g = &d->res.diags.v[i];

		if (!overlaps(g->span, want))
			continue;
		for (uint32_t k = 0; k < g->n_suggestions; k++) {
			json_t *edit = json_pack(
				"{s:o, s:s}", "range",
				range_json(d->res.doc, g->span), "newText",
				g->suggestions[k]);
			json_t *changes = json_object();
			json_t *a;
			char title[512];

			snprintf(title, sizeof(title), "Replace with '%s'",
				 g->suggestions[k]);
			json_object_set_new(changes, uri,
					    json_pack("[o]", edit));
			a = json_pack("{s:s, s:s, s:[o], s:{s:o}}", "title",
				      title, "kind", "quickfix", "diagnostics",
				      diag_json(d->res.doc, g), "edit", "changes",
				      changes);
			if (k == 0 && (g->flags & DIAGF_SAFE_FIX))
				json_object_set_new(a, "isPreferred",
						    json_true());
			json_array_append_new(actions, a);
		}
	}
	respond(s, id, actions);
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
	{ "textDocument/didOpen", m_did_open, 0 },
	{ "textDocument/didChange", m_did_change, 0 },
	{ "textDocument/didSave", m_did_save, 0 },
	{ "textDocument/didClose", m_did_close, 0 },
	{ "textDocument/codeAction", m_code_action, 0 },
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
		respond_error(s, NULL, RPC_PARSE_ERROR, text);
		return;
	}
	id = json_object_get(msg, "id");
	name = json_string_value(json_object_get(msg, "method"));
	params = json_object_get(msg, "params");
	if (!json_is_object(msg) || !name) {
		if (!json_is_object(msg) || !json_object_get(msg, "result"))
			respond_error(s, id, RPC_INVALID_REQUEST,
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
			respond_error(s, id, RPC_METHOD_NOT_FOUND,
				      "method not found");
	} else if (!s->initialized && !m->before_init) {
		if (id)
			respond_error(s, id, RPC_SERVER_NOT_INITIALIZED,
				      "server not initialized");
	} else if (m->fn(s, id, params) < 0 && id) {
		respond_error(s, id, RPC_INVALID_PARAMS, "invalid params");
	}
	json_decref(msg);
}

int lsp_serve(struct session *session, FILE *in, FILE *out)
{
	struct lsp s = { .session = session, .in = in, .out = out,
			 .status = 1 };

	while (!s.done) {
		char *body = NULL;
		size_t len = 0;
		int r = read_message(in, &body, &len);

		if (r <= 0)
			break;
		dispatch(&s, body, len);
		free(body);
	}
	while (s.docs) {
		struct open_doc *d = s.docs;

		s.docs = d->next;
		close_doc(d);
	}
	free(s.root);
	free(s.reference);
	return s.status;
}
