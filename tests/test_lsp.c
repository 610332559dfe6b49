/*
 * lsp: recorded sessions replayed through the real binary and framing.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"
#include "util/buf.h"
#include "util/limits.h"
#include "helpers.h"

static void frame(struct buf *b, const char *json)
{
	buf_addf(b, "Content-Length: %zu\r\n\r\n%s", strlen(json), json);
}

static const char init[] =
	"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
	"\"params\":{\"capabilities\":{}}}";
/* A pull request: the server checks the document now (it checks when its
 * input is quiet, and a test sends everything at once). */
static void pull(struct buf *b, const char *uri, int id)
{
	struct buf m = BUF_INIT;

	buf_addf(&m, "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":"
		     "\"textDocument/diagnostic\",\"params\":{\"textDocument\":"
		     "{\"uri\":\"%s\"}}}",
		 id, uri);
	frame(b, m.buf);
	buf_release(&m);
}

static void shutdown_exit(struct buf *b)
{
	frame(b, "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}");
	frame(b, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
}

/* Parse every framed message of the server's output into a JSON array. */
static json_t *messages(const char *out)
{
	json_t *arr = json_array();
	const char *p = out;

	while ((p = strstr(p, "Content-Length: "))) {
		size_t n = strtoul(p + 16, NULL, 10);
		const char *body = strstr(p, "\r\n\r\n");
		json_t *m;

		cr_assert_not_null(body);
		body += 4;
		m = json_loadb(body, n, 0, NULL);
		cr_assert_not_null(m, "bad JSON from server: %.*s", (int)n,
				   body);
		json_array_append_new(arr, m);
		p = body + n;
	}
	return arr;
}

static json_t *find_msg(json_t *arr, const char *method, json_int_t id)
{
	size_t i;
	json_t *m;

	json_array_foreach(arr, i, m) {
		const char *mm = json_string_value(json_object_get(m,
								   "method"));

		if (method && mm && strcmp(mm, method) == 0)
			return m;
		if (!method && json_integer_value(json_object_get(m, "id")) ==
				       id &&
		    !mm)
			return m;
	}
	return NULL;
}

Test(lsp, diagnostics_and_quick_fix)
{
	struct buf in = BUF_INIT;
	struct run_result r;
	json_t *arr, *pub, *d, *act;

	frame(&in, init);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
		   "\"params\":{\"textDocument\":{\"uri\":\"file:///a.txt\","
		   "\"languageId\":\"plaintext\",\"version\":1,\"text\":"
		   "\"x\\n\\ud83d\\ude00 was the the end.\"}}}");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
		   "\"textDocument/codeAction\",\"params\":{\"textDocument\":"
		   "{\"uri\":\"file:///a.txt\"},\"range\":{\"start\":{\"line\":1,"
		   "\"character\":10},\"end\":{\"line\":1,\"character\":10}},"
		   "\"context\":{\"diagnostics\":[]}}}");
	shutdown_exit(&in);
	run_mtlint("lsp", in.buf, in.len, &r);
	cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
	arr = messages(r.out);
	cr_assert_not_null(find_msg(arr, NULL, 1), "no initialize result");
	pub = find_msg(arr, "textDocument/publishDiagnostics", 0);
	cr_assert_not_null(pub);
	d = json_array_get(json_object_get(json_object_get(pub, "params"),
					   "diagnostics"),
			   0);
	cr_assert_not_null(d);
	cr_assert_str_eq(json_string_value(json_object_get(d, "code")),
			 "grammar.repeated-word");
	/* the emoji counts 2 UTF-16 units: "the the" starts at 7 */
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(
			     json_object_get(d, "range"), "start"),
							 "character")),
		     7);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(
			     json_object_get(d, "range"), "start"),
							 "line")),
		     1);
	act = json_array_get(json_object_get(find_msg(arr, NULL, 2), "result"),
			     0);
	cr_assert_not_null(act, "no code action");
	cr_assert_str_eq(json_string_value(json_object_get(act, "kind")),
			 "quickfix");
	cr_assert(json_is_true(json_object_get(act, "isPreferred")));
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
}

Test(lsp, change_and_close_clear_diagnostics)
{
	struct buf in = BUF_INIT;
	struct run_result r;
	json_t *arr, *m;
	size_t i, pubs = 0, empty = 0;

	frame(&in, init);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
		   "\"params\":{\"textDocument\":{\"uri\":\"u\",\"version\":1,"
		   "\"text\":\"the the\"}}}");
	pull(&in, "u", 10);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
		   "\"params\":{\"textDocument\":{\"uri\":\"u\",\"version\":2},"
		   "\"contentChanges\":[{\"text\":\"fine now\"}]}}");
	pull(&in, "u", 11);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\","
		   "\"params\":{\"textDocument\":{\"uri\":\"u\"}}}");
	shutdown_exit(&in);
	run_mtlint("lsp", in.buf, in.len, &r);
	cr_assert_eq(r.status, 0);
	arr = messages(r.out);
	json_array_foreach(arr, i, m) {
		const char *mm = json_string_value(json_object_get(m, "method"));

		if (mm && strcmp(mm, "textDocument/publishDiagnostics") == 0) {
			pubs++;
			empty += json_array_size(json_object_get(
					 json_object_get(m, "params"),
					 "diagnostics")) == 0;
		}
	}
	cr_assert_eq(pubs, 3);
	cr_assert_eq(empty, 2);
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
}

Test(lsp, malformed_json_gets_error_and_server_goes_on)
{
	struct buf in = BUF_INIT;
	struct run_result r;
	json_t *arr, *e;

	frame(&in, init);
	frame(&in, "{not json");
	frame(&in, "[1,2]");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no/such\"}");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":"
		   "\"textDocument/codeAction\",\"params\":{}}");
	shutdown_exit(&in);
	run_mtlint("lsp", in.buf, in.len, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	arr = messages(r.out);
	e = json_object_get(json_array_get(arr, 1), "error");
	cr_assert_eq(json_integer_value(json_object_get(e, "code")), -32700);
	e = json_object_get(json_array_get(arr, 2), "error");
	cr_assert_eq(json_integer_value(json_object_get(e, "code")), -32600);
	e = json_object_get(find_msg(arr, NULL, 5), "error");
	cr_assert_eq(json_integer_value(json_object_get(e, "code")), -32601);
	e = json_object_get(find_msg(arr, NULL, 6), "error");
	cr_assert_eq(json_integer_value(json_object_get(e, "code")), -32602);
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
}

Test(lsp, request_before_initialize)
{
	struct buf in = BUF_INIT;
	struct run_result r;
	json_t *arr, *e;

	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
		   "\"textDocument/codeAction\",\"params\":{}}");
	run_mtlint("lsp", in.buf, in.len, &r);
	arr = messages(r.out);
	e = json_object_get(find_msg(arr, NULL, 3), "error");
	cr_assert_eq(json_integer_value(json_object_get(e, "code")), -32002);
	cr_assert_eq(r.status, 1, "end of input without exit");
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
}

Test(lsp, broken_framing_ends_with_message)
{
	static const char *const bad[] = {
		"Content-Length: abc\r\n\r\n{}",
		"garbage without colon\r\n\r\n",
		"Content-Type: x\r\n\r\n{}",
		"Content-Length: 99999999999\r\n\r\n",
		"Content-Length: 50\r\n\r\n{\"short\":1}",
		"Content-Length: 10\r\n",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct run_result r;

		run_mtlint("lsp", bad[i], strlen(bad[i]), &r);
		cr_expect_eq(r.status, 1, "case %zu: status %d", i, r.status);
		cr_expect(strstr(r.err, "mtlint lsp: error:"), "case %zu: %s",
			  i, r.err);
		run_result_release(&r);
	}
}

Test(lsp, exit_without_shutdown_is_status_1)
{
	struct buf in = BUF_INIT;
	struct run_result r;

	frame(&in, init);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	run_mtlint("lsp", in.buf, in.len, &r);
	cr_assert_eq(r.status, 1);
	run_result_release(&r);
	buf_release(&in);
}

Test(lsp, inline_suppressions_honoured)
{
	struct buf in = BUF_INIT;
	struct run_result r;
	json_t *arr, *pub;

	frame(&in, init);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
		   "\"params\":{\"textDocument\":{\"uri\":\"file:///n.md\","
		   "\"version\":1,\"text\":\"<!-- mtlint-disable-next-line "
		   "grammar.repeated-word -->\\nIt was the the end.\\n\\n"
		   "`the the` in code.\\n\"}}}");
	pull(&in, "file:///n.md", 10);
	shutdown_exit(&in);
	run_mtlint("lsp", in.buf, in.len, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	arr = messages(r.out);
	pub = find_msg(arr, "textDocument/publishDiagnostics", 0);
	cr_assert_not_null(pub);
	cr_assert_eq(json_array_size(json_object_get(
			     json_object_get(pub, "params"), "diagnostics")),
		     0, "%s", r.out);
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
}

/*
 * A 20 MB didOpen took 2.4 GB and answered with one 150 MB message: a
 * document over the limit is not checked (the editor is told), and a
 * document with too many findings sends the first LSP_MAX_DIAGNOSTICS and
 * one info diagnostic counting the rest.
 */
Test(lsp, oversized_documents_and_floods_of_findings_are_bounded)
{
	struct buf in = BUF_INIT, doc = BUF_INIT, big = BUF_INIT;
	struct run_result r;
	json_t *arr, *m, *diags;
	size_t i, n_pub = 0;

	frame(&in, init);
	/* 3000 findings: "the the" 3000 times, one per line */
	buf_adds(&doc, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
		       "\"params\":{\"textDocument\":{\"uri\":\"file:///a.txt\","
		       "\"version\":1,\"text\":\"");
	for (i = 0; i < 3000; i++)
		buf_adds(&doc, "It was the the end.\\n\\n");
	buf_adds(&doc, "\"}}}");
	frame(&in, doc.buf);
	pull(&in, "file:///a.txt", 10);
	/* over MT_LIMIT_LSP_DOCUMENT */
	buf_adds(&big, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
		       "\"params\":{\"textDocument\":{\"uri\":\"file:///b.txt\","
		       "\"version\":1,\"text\":\"");
	for (i = 0; i <= MT_LIMIT_LSP_DOCUMENT / 16; i++)
		buf_adds(&big, "It was the end. ");
	buf_adds(&big, "\"}}}");
	frame(&in, big.buf);
	pull(&in, "file:///b.txt", 11);
	shutdown_exit(&in);
	run_mtlint("lsp --grammar-parser off", in.buf, in.len, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	arr = messages(r.out);
	json_array_foreach(arr, i, m) {
		const char *mm = json_string_value(json_object_get(m, "method"));
		json_t *p = json_object_get(m, "params");

		if (!mm || strcmp(mm, "textDocument/publishDiagnostics"))
			continue;
		n_pub++;
		diags = json_object_get(p, "diagnostics");
		if (!strcmp(json_string_value(json_object_get(p, "uri")),
			    "file:///a.txt")) {
			json_t *last = json_array_get(
				diags, json_array_size(diags) - 1);

			cr_expect_eq(json_array_size(diags),
				     LSP_MAX_DIAGNOSTICS + 1);
			cr_expect(strstr(json_string_value(json_object_get(
						 last, "message")),
					 "2000 more findings not shown"),
				  "%s", json_dumps(last, 0));
		} else {
			cr_expect_eq(json_array_size(diags), 0);
		}
	}
	cr_expect_eq(n_pub, 2);
	/* the pulled answers are bounded the same way */
	diags = json_object_get(json_object_get(find_msg(arr, NULL, 10),
						"result"),
				"items");
	cr_expect_eq(json_array_size(diags), LSP_MAX_DIAGNOSTICS + 1);
	diags = json_object_get(json_object_get(find_msg(arr, NULL, 11),
						"result"),
				"items");
	cr_expect_eq(json_array_size(diags), 0);
	m = find_msg(arr, "window/showMessage", 0);
	cr_expect(m && strstr(json_string_value(json_object_get(
				      json_object_get(m, "params"), "message")),
			      "over the limit"),
		  "no message about the oversized document");
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
	buf_release(&doc);
	buf_release(&big);
}

Test(lsp, initialize_twice_and_requests_after_shutdown_are_refused)
{
	struct buf in = BUF_INIT;
	struct run_result r;
	json_t *arr, *e;

	frame(&in, init);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\","
		   "\"params\":{\"initializationOptions\":{\"reference\":"
		   "\"r.txt\"}}}");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"shutdown\"}");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":"
		   "\"textDocument/codeAction\",\"params\":{}}");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	run_mtlint("lsp", in.buf, in.len, &r);
	cr_expect_eq(r.status, 0, "%s", r.err);
	arr = messages(r.out);
	e = json_object_get(find_msg(arr, NULL, 7), "error");
	cr_expect_eq(json_integer_value(json_object_get(e, "code")), -32600);
	e = json_object_get(find_msg(arr, NULL, 9), "error");
	cr_expect_eq(json_integer_value(json_object_get(e, "code")), -32600);
	json_decref(arr);
	run_result_release(&r);
	buf_release(&in);
}
