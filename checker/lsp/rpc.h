/*
 * rpc: the Language Server's transport -- "Content-Length: N\r\n\r\n"
 * framing over a byte stream and JSON-RPC 2.0 messages built with jansson.
 *
 * Reading: a file descriptor is read with read(2) into a buffer of our
 * own, so rpc_pending() can tell, without blocking, whether another
 * message is already waiting (the server coalesces a burst of edits into
 * one check).  A FILE without a descriptor (fmemopen, in the fuzzer) is
 * read with fread and counts as always pending until its end.
 *
 * Malformed input: a bad header or body size is a broken stream (framing
 * cannot be recovered): rpc_read() says so on stderr and returns -1.
 * Messages are limited to LSP_MAX_MESSAGE bytes (lsp.h).
 *
 * Ownership: struct rpc borrows its FILEs; rpc_release() frees its buffer.
 * Every send function takes ownership of the json_t it is given.
 */
#ifndef MT_LSP_RPC_H
#define MT_LSP_RPC_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

/* JSON-RPC and LSP error codes */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_SERVER_NOT_INITIALIZED = -32002,
	RPC_REQUEST_CANCELLED = -32800,
};

struct rpc {
	FILE *in, *out;
	int fd;		   /* in's descriptor; -1: read with fread */
	char *buf;	   /* bytes read, not yet consumed */
	size_t len, alloc; /* buf[0, len) */
	int eof;
	long long next_id; /* of requests the server sends */
};

void rpc_init(struct rpc *r, FILE *in, FILE *out);
void rpc_release(struct rpc *r);

/*
 * Read one message body.  Returns 1 with *body (free it) of *len bytes,
 * 0 at a clean end of input, -1 on a broken stream (message on stderr).
 */
int rpc_read(struct rpc *r, char **body, size_t *len);

/* Is a whole message, or at least some input, already waiting? */
int rpc_pending(struct rpc *r);

void rpc_respond(struct rpc *r, json_t *id, json_t *result);
void rpc_respond_error(struct rpc *r, json_t *id, int code,
		       const char *message);
void rpc_notify(struct rpc *r, const char *method, json_t *params);
/* A request to the client; its answer is read and ignored by the server. */
void rpc_request(struct rpc *r, const char *method, json_t *params);

/* window/logMessage of `type` (1 error, 2 warning, 3 info, 4 log). */
void rpc_log(struct rpc *r, int type, const char *msg);

#endif /* MT_LSP_RPC_H */
