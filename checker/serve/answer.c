/*
 * answer: a request to check, from parameters to body (see answer.h).
 */
#include "serve/answer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/report.h"
#include "report/review.h"
#include "util/xalloc.h"

char *answer_error_body(unsigned status, const char *msg, size_t *len)
{
	json_t *j = json_pack("{s:s, s:i}", "error", msg, "status",
			      (int)status);
	char *out = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER)
		      : NULL;

	json_decref(j);
	if (!out) /* a message that is not UTF-8: say so, not what */
		out = xstrdup("{\"error\":\"bad request\",\"status\":400}");
	*len = strlen(out);
	return out;
}

void answer_error(struct answer *a, unsigned status, const char *msg)
{
	free(a->body);
	a->status = status;
	a->content_type = ANSWER_JSON;
	a->body = answer_error_body(status, msg, &a->len);
}

/* /v1/check's own parameter: format=text|markdown (default text). */
static int read_format(struct answer *a)
{
	const char *f = form_get(&a->form, "format", NULL);

	a->doc_kind = DOCUMENT_TEXT;
	if (!f || !strcmp(f, "text"))
		return 0;
	if (!strcmp(f, "markdown")) {
		a->doc_kind = DOCUMENT_MARKDOWN;
		return 0;
	}
	answer_error(a, 400, "format is 'text' or 'markdown'");
	return -1;
}

/* /v1/check's report=json|html (default json). */
static int read_report(struct answer *a)
{
	const char *r = form_get(&a->form, "report", NULL);

	if (!r || !strcmp(r, "json"))
		return 0;
	if (!strcmp(r, "html")) {
		a->html = 1;
		return 0;
	}
	answer_error(a, 400, "report is 'json' or 'html'");
	return -1;
}

int answer_prepare(struct answer *a, enum answer_kind kind,
		   struct form *form, const struct lt_language *fallback)
{
	struct mt_error err = { 0 };

	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->content_type = ANSWER_JSON;
	a->form = *form;
	form_init(form);
	if (kind == ANSWER_V1 && !form_get(&a->form, "language", NULL))
		form_append(&a->form, "language", 0, "auto", 4);
	if (lt_request_parse(&a->lt, &a->form, fallback, &err) !=
	    MT_ERR_OK) {
		answer_error(a, 400, err.msg);
		return -1;
	}
	if (kind == ANSWER_V1) {
		if (a->lt.annotated) {
			answer_error(a, 400, "/v1/check takes 'text', not "
					     "'data'");
			return -1;
		}
		return read_format(a) ? -1 : read_report(a);
	}
	a->doc_kind = DOCUMENT_TEXT;
	return 0;
}

static unsigned status_of(enum mt_err rc)
{
	switch (rc) {
	case MT_ERR_ENCODING:
	case MT_ERR_BINARY:
	case MT_ERR_USAGE:
		return 400;
	case MT_ERR_TOO_LARGE:
		return 413;
	default:
		return 500;
	}
}

/* mtlint's report of one document, through the JSON reporter (or the
 * HTML one, with the reference). */
static void report_v1(struct answer *a, const struct checker *c,
		      const struct session_result *res)
{
	const struct reporter *rep = a->html ? &report_html : &report_json;
	struct report_options ro = { 0 };
	FILE *f = open_memstream(&a->body, &a->len);
	void *st;
	int rc;

	if (!f)
		MT_BUG("open_memstream failed");
	ro.out = f;
	ro.checker = c;
	st = rep->begin(&ro);
	if (rep->file_with_reference)
		rep->file_with_reference(st, res->doc, res->reference,
					 &res->diags);
	else
		rep->file(st, res->doc, &res->diags);
	rc = rep->end(st);
	if (fclose(f) != 0 || rc != 0)
		MT_BUG("cannot write a report to memory");
	a->status = 200;
	a->content_type = a->html ? ANSWER_HTML : ANSWER_JSON;
}

void answer_run(struct answer *a, struct session *s, size_t slot)
{
	struct session_doc sd = { 0 };
	struct session_result res;
	struct checker *c = NULL;
	enum mt_err rc;

	sd.path = "-";
	sd.text = a->lt.text;
	sd.len = a->lt.len;
	sd.kind = a->doc_kind;
	sd.reference_text = a->lt.reference;
	sd.reference_len = a->lt.reference_len;
	rc = session_check(s, slot, &sd, &res);
	if (rc == MT_ERR_OK)
		rc = session_checker(s, res.profile, slot, &c, &res.err);
	if (rc != MT_ERR_OK) {
		if (res.cerrs.n) {
			char *all = yamlfile_errors_format(&res.cerrs);

			answer_error(a, 500, all);
			free(all);
		} else {
			answer_error(a, status_of(rc), res.err.msg);
		}
	} else if (a->kind == ANSWER_LT) {
		free(a->body);
		a->body = lt_answer(&a->lt, c, res.doc, &res.diags, &a->len);
		a->status = 200;
	} else {
		free(a->body);
		a->body = NULL;
		report_v1(a, c, &res);
	}
	session_result_release(&res);
}

void answer_release(struct answer *a)
{
	lt_request_release(&a->lt);
	form_release(&a->form);
	free(a->body);
	memset(a, 0, sizeof(*a));
}
