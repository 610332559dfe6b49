/*
 * server: `mtlint serve`, mtlint over HTTP (libmicrohttpd; the only file
 * that includes its header).  It speaks LanguageTool's API, so the
 * clients editorial teams already run -- CMS plug-ins, browser add-ons,
 * LibreOffice -- can use it, and mtlint's own JSON for clients that want
 * everything:
 *
 *   POST|GET /v2/check      LanguageTool's check (lt.h: parameters and
 *                           answer; `reference` is mtlint's extra)
 *   GET  /v2/languages      LanguageTool's language list
 *   POST|GET /v1/check      mtlint's JSON report of the text (as `mtlint
 *                           check --format json -` prints it); parameters
 *                           text, reference, format (text|markdown),
 *                           language, report (json|html: the review
 *                           page instead)
 *   GET  /healthz           {"status":"ok", ...}: the server answers
 *   GET  /                  the review page, live (report/review.h): an
 *                           editor pastes an article and a reference and
 *                           sees the findings as they type, through
 *                           POST /v1/check with report=html (the page of
 *                           `--format html` for the text)
 *
 * Parameters come as a form body (application/x-www-form-urlencoded or
 * multipart/form-data) or in the query string, as LanguageTool takes them.
 *
 * Threads and checkers: one thread reads and writes the connections; a
 * request to check is queued for one of `workers` threads, each of which
 * has its own checker per language (a session slot each), loaded once --
 * the default language's before the server starts listening, so a started
 * server answers at full speed.
 *
 * Bounds, each answered with a JSON error {"error": ..., "status": N}:
 *   - a body over max_request bytes: 413 (refused from its Content-Length
 *     before it is read, when it has one);
 *   - a malformed request -- no text, an unsupported language, bad
 *     annotated text, text that is not UTF-8, an unknown path: 400 (404);
 *   - more than max_queue requests waiting for a worker: 503 with
 *     Retry-After, at once;
 *   - a request not answered within `timeout` seconds of arriving: 503.
 *     Wall-clock time only ever aborts a request: what a check reports
 *     depends on counted work alone (the size bound, --grammar-budget),
 *     never on the machine's speed or load;
 *   - idle connections are closed after SERVE_IDLE_TIMEOUT seconds, and
 *     at most SERVE_MAX_CONNECTIONS are open at once.
 * The server goes on serving after any of these.
 *
 * Access log: one line per request in the Combined Log Format (Apache's
 * and nginx's default; time in UTC), written when the answer is sent.
 *
 * Shutdown (SIGTERM or SIGINT): the server
 * stops accepting connections, answers what it has accepted (requests
 * that arrive meanwhile on open connections get 503), then exits.
 *
 * Ownership: the server copies the options' strings it keeps; the log
 * files stay the caller's and must outlive the server.
 */
#ifndef MT_SERVER_H
#define MT_SERVER_H

#include <stddef.h>
#include <stdio.h>

#include "run/session.h"
#include "util/common.h"

#define SERVE_DEFAULT_LISTEN "127.0.0.1:8081" /* LanguageTool's port */
#define SERVE_MAX_REQUEST (4u << 20) /* a 200 KB article and its
				      * reference, form-encoded, fit */
#define SERVE_TIMEOUT 60	     /* seconds */
#define SERVE_QUEUE_PER_WORKER 128
#define SERVE_IDLE_TIMEOUT 30 /* seconds */
#define SERVE_MAX_CONNECTIONS 1000

struct serve_options {
	/* the settings of every check; so.co.lang is the language of
	 * "auto" (NULL: en_US); n_slots and the encoding are the server's */
	struct session_options so;
	const char *listen;	/* "ADDR:PORT" ("[::1]:PORT"); NULL: the
				 * default; port 0: any free port */
	size_t workers;		/* 0: the processors */
	size_t max_request;	/* 0: SERVE_MAX_REQUEST */
	size_t max_queue;	/* 0: SERVE_QUEUE_PER_WORKER per worker */
	unsigned timeout;	/* seconds; 0: SERVE_TIMEOUT */
	FILE *access_log;	/* NULL: none */
	FILE *log;		/* notes and errors; NULL: stderr */
};

/*
 * `mtlint serve`: load the checkers, start listening, print "mtlint:
 * listening on http://ADDR:PORT/" to the log (the port chosen, after port
 * 0), serve until SIGTERM or SIGINT, stop.  Returns 0, or 2 when the
 * server could not start (the reason on the log: a bad listen address or
 * language, an address that cannot be bound, a broken rule file or
 * configuration, a missing dictionary).
 */
int serve_main(const struct serve_options *o);

#endif /* MT_SERVER_H */
