/*
 * answer: a request to check, from its parameters to the HTTP answer --
 * the part of the server that runs on a worker thread, free of HTTP
 * machinery (server.c queues it and sends what it makes).
 *
 *   answer_prepare()  reads the parameters (lt.h for /v2/check; text,
 *                     reference, format, language for /v1/check); a
 *                     malformed request is answered at once (400)
 *   answer_run()      checks the text through a session slot and makes
 *                     the body: LanguageTool's JSON, or mtlint's JSON
 *                     report (report/json.c, as `mtlint check --format
 *                     json -` prints it), or with report=html the review
 *                     page of the text and its reference (report/html.c,
 *                     as `--format html`)
 *
 * Errors become JSON bodies {"error": message, "status": N}: 400 for text
 * the loader refuses (not UTF-8, a NUL byte) and the request's mistakes,
 * 413 for text over the size limit, 500 for the environment (a broken
 * configuration, rule file or dictionary).
 *
 * Ownership: an answer owns its form (handed over by the caller), the
 * parsed request and the body until answer_release().
 */
#ifndef MT_ANSWER_H
#define MT_ANSWER_H

#include <stddef.h>

#include "run/session.h"
#include "serve/form.h"
#include "serve/lt.h"

#define ANSWER_JSON "application/json; charset=utf-8"
#define ANSWER_HTML "text/html; charset=utf-8"

enum answer_kind {
	ANSWER_LT, /* /v2/check */
	ANSWER_V1, /* /v1/check */
};

struct answer {
	enum answer_kind kind;
	struct form form;
	struct lt_request lt; /* both kinds: text, reference, language */
	enum document_kind doc_kind;
	int html; /* /v1/check with report=html: the review page */
	/* the result: status, body (NUL-terminated), its media type */
	unsigned status;
	const char *content_type;
	char *body;
	size_t len;
};

/*
 * Take over *form (left empty) and read the request.  Returns 0 when it is
 * ready to run; else the answer is made (status, body) and it returns -1.
 * `fallback` is the language of "auto".
 */
int answer_prepare(struct answer *a, enum answer_kind kind,
		   struct form *form, const struct lt_language *fallback);

/* Check the text with session `s` (of the request's language) in `slot`
 * and make the answer. */
void answer_run(struct answer *a, struct session *s, size_t slot);

/* Make an error answer: {"error": msg, "status": status}. */
void answer_error(struct answer *a, unsigned status, const char *msg);

void answer_release(struct answer *a);

/* The JSON error body, for answers made outside an answer (a new
 * string, free(); *len its length). */
char *answer_error_body(unsigned status, const char *msg, size_t *len);

#endif /* MT_ANSWER_H */
