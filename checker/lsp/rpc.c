/*
 * rpc: framing and JSON-RPC messages (see rpc.h).
 */
#include "lsp/rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lsp/lsp.h"
#include "util/xalloc.h"

void rpc_init(struct rpc *r, FILE *in, FILE *out)
{
	memset(r, 0, sizeof(*r));
	r->in = in;
	r->out = out;
	r->fd = fileno(in);
	r->next_id = 1;
}

void rpc_release(struct rpc *r)
{
	free(r->buf);
	r->buf = NULL;
	r->len = r->alloc = 0;
}

/* Read more input into the buffer; 0 at the end, -1 on an error. */
static int fill(struct rpc *r)
{
	ssize_t n;

	if (r->eof)
		return 0;
	r->buf = xgrow(r->buf, &r->alloc, r->len + 65536 + 1, 1);
	if (r->fd >= 0) {
		do
			n = read(r->fd, r->buf + r->len, r->alloc - r->len - 1);
		while (n < 0 && errno == EINTR);
	} else {
		n = (ssize_t)fread(r->buf + r->len, 1, r->alloc - r->len - 1,
				   r->in);
	}
	if (n <= 0) {
		r->eof = 1;
		return n < 0 ? -1 : 0;
	}
	r->len += (size_t)n;
	return 1;
}

/* Drop the first n bytes of the buffer. */
static void consume(struct rpc *r, size_t n)
{
	memmove(r->buf, r->buf + n, r->len - n);
	r->len -= n;
}

/* The end of the header block (after "\r\n\r\n" or "\n\n"), or 0. */
static size_t header_end(const struct rpc *r)
{
	for (size_t i = 0; i + 1 < r->len; i++) {
		if (r->buf[i] != '\n')
			continue;
		if (r->buf[i + 1] == '\n')
			return i + 2;
		if (r->buf[i + 1] == '\r' && i + 2 < r->len &&
		    r->buf[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/*
 * Parse the headers in buf[0, end): Content-Length in *n.  Returns 0, or
 * -1 on a malformed header (message on stderr).
 */
static int parse_headers(const struct rpc *r, size_t end, long long *n)
{
	size_t p = 0;
	int headers = 0;

	*n = -1;
	while (p < end) {
		size_t e = p, l;
		char line[1024];

		if (++headers > 32) {
			fprintf(stderr, "mtlint lsp: error: more than 32 header "
					"lines\n");
			return -1;
		}
		while (e < end && r->buf[e] != '\n')
			e++;
		l = e - p;
		while (l && (r->buf[p + l - 1] == '\r'))
			l--;
		if (l >= sizeof(line)) {
			fprintf(stderr, "mtlint lsp: error: header line too "
					"long\n");
			return -1;
		}
		memcpy(line, r->buf + p, l);
		line[l] = '\0';
		p = e + 1;
		if (!l)
			continue;
		if (strncasecmp(line, "Content-Length:", 15) == 0) {
			char *tail;

			*n = strtoll(line + 15, &tail, 10);
			while (*tail == ' ' || *tail == '\t')
				tail++;
			if (*tail || *n < 0) {
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
	if (*n < 0) {
		fprintf(stderr, "mtlint lsp: error: message without "
				"Content-Length\n");
		return -1;
	}
	if ((unsigned long long)*n > LSP_MAX_MESSAGE) {
		fprintf(stderr, "mtlint lsp: error: message of %lld bytes is "
				"over the limit of %u\n",
			*n, LSP_MAX_MESSAGE);
		return -1;
	}
	return 0;
}

int rpc_read(struct rpc *r, char **body, size_t *len)
{
	size_t end;
	long long n;
	int f;

	while (!(end = header_end(r))) {
		if (r->len > 64 * 1024) {
			fprintf(stderr, "mtlint lsp: error: header too long\n");
			return -1;
		}
		f = fill(r);
		if (f <= 0) {
			if (r->len && strspn(r->buf, "\r\n") < r->len) {
				fprintf(stderr, "mtlint lsp: error: end of "
						"input inside a header\n");
				return -1;
			}
			return f < 0 ? -1 : 0;
		}
	}
	if (parse_headers(r, end, &n) < 0)
		return -1;
	while (r->len - end < (size_t)n) {
		if (fill(r) <= 0) {
			fprintf(stderr, "mtlint lsp: error: end of input "
					"inside a message body\n");
			return -1;
		}
	}
	*body = xmalloc((size_t)n + 1);
	memcpy(*body, r->buf + end, (size_t)n);
	(*body)[n] = '\0';
	*len = (size_t)n;
	consume(r, end + (size_t)n);
	return 1;
}

int rpc_pending(struct rpc *r)
{
	struct pollfd p;

	if (r->len)
		return 1;
	if (r->eof)
		return 0;
	if (r->fd < 0)
		return !feof(r->in);
	p.fd = r->fd;
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, 0) > 0;
}

/* Frame and write one message (taking msg's reference). */
static void rpc_send(struct rpc *r, json_t *msg)
{
	char *text = json_dumps(msg, JSON_COMPACT);

	if (text) {
		fprintf(r->out, "Content-Length: %zu\r\n\r\n%s", strlen(text),
			text);
		fflush(r->out);
		free(text);
	}
	json_decref(msg);
}

static json_t *message(void)
{
	json_t *m = json_object();

	json_object_set_new(m, "jsonrpc", json_string("2.0"));
	return m;
}

void rpc_respond(struct rpc *r, json_t *id, json_t *result)
{
	json_t *m = message();

	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(m, "result", result ? result : json_null());
	rpc_send(r, m);
}

void rpc_respond_error(struct rpc *r, json_t *id, int code,
		       const char *text)
{
	json_t *m = message();

	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(m, "error", json_pack("{s:i, s:s}", "code", code,
						  "message", text));
	rpc_send(r, m);
}

void rpc_notify(struct rpc *r, const char *method, json_t *params)
{
	json_t *m = message();

	json_object_set_new(m, "method", json_string(method));
	json_object_set_new(m, "params", params ? params : json_null());
	rpc_send(r, m);
}

void rpc_request(struct rpc *r, const char *method, json_t *params)
{
	json_t *m = message();
	char id[32];

	snprintf(id, sizeof(id), "mtlint-%lld", r->next_id++);
	json_object_set_new(m, "id", json_string(id));
	json_object_set_new(m, "method", json_string(method));
	json_object_set_new(m, "params", params ? params : json_null());
	rpc_send(r, m);
}

void rpc_log(struct rpc *r, int type, const char *msg)
{
	rpc_notify(r, "window/logMessage",
		   json_pack("{s:i, s:s}", "type", type, "message", msg));
}
