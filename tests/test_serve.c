/*
 * serve: the parts of the server and the stream that need no network --
 * request parameters (form, lt), LanguageTool's annotated text and its
 * position map, the answer's UTF-16 offsets, contexts and filters, a
 * reference given as text, and `mtlint batch`'s stream: one answer per
 * line, in order, bad lines as error records.  The HTTP end to end is
 * tests/serve/serve_test.py (make check-serve).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "helpers.h"
#include "run/session.h"
#include "serve/annotated.h"
#include "serve/form.h"
#include "serve/lt.h"
#include "serve/stream.h"
#include "util/utf8.h"

/* --- utf8 and form ----------------------------------------------------- */

Test(utf8, counts_utf16_units_and_steps_code_points)
{
	const char *s = "a\xc3\xa9\xf0\x9f\x98\x80z"; /* a é 😀 z */

	cr_assert_eq(utf8_units16(s, strlen(s)), 5);
	cr_assert_eq(utf8_forward(s, strlen(s), 0, 2), 3);
	cr_assert_eq(utf8_forward(s, strlen(s), 3, 1), 7);
	cr_assert_eq(utf8_forward(s, strlen(s), 7, 9), 8);
	cr_assert_eq(utf8_backward(s, 7, 1), 3);
	cr_assert_eq(utf8_backward(s, 3, 5), 0);
}

Test(form, values_arrive_in_pieces_and_the_later_wins)
{
	struct form f;
	size_t len;

	form_init(&f);
	cr_assert_eq(form_append(&f, "text", 0, "Hello, ", 7), 0);
	cr_assert_eq(form_append(&f, "text", 7, "world", 5), 0);
	cr_assert_str_eq(form_get(&f, "text", &len), "Hello, world");
	cr_assert_eq(len, 12);
	cr_assert_eq(form_append(&f, "text", 0, "again", 5), 0);
	cr_assert_str_eq(form_get(&f, "text", NULL), "again");
	cr_assert_null(form_get(&f, "language", NULL));
	form_release(&f);
}

Test(form, at_most_so_many_names)
{
	struct form f;
	char name[16];

	form_init(&f);
	for (int i = 0; i < FORM_MAX_FIELDS; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		cr_assert_eq(form_append(&f, name, 0, "x", 1), 0);
	}
	cr_assert_eq(form_append(&f, "one-more", 0, "x", 1), -1);
	cr_assert_eq(form_append(&f, "f0", 0, "y", 1), 0, "a known name");
	form_release(&f);
}

/* --- annotated text ---------------------------------------------------- */

static const char annotation[] =
	"{\"annotation\": [{\"markup\": \"<p>\", \"interpretAs\": \"\\n\\n\"},"
	" {\"text\": \"A \"}, {\"markup\": \"<b>\"}, {\"text\": \"t\xc3\xa9st\"},"
	" {\"markup\": \"</b>\"}, {\"text\": \" \xf0\x9f\x98\x80 end.\"}]}";

Test(annotated, text_checked_is_the_text_and_the_stand_ins)
{
	struct annotated a;
	struct mt_error err = { 0 };

	cr_assert_eq(annotated_parse(&a, annotation, strlen(annotation), &err),
		     MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(a.text.buf, "\n\nA t\xc3\xa9st \xf0\x9f\x98\x80 end.");
	/* original: <p>A <b>tést</b> 😀 end. */
	cr_assert_eq(a.orig_len16, 3 + 2 + 3 + 4 + 4 + 8);
	annotated_release(&a);
}

Test(annotated, positions_map_back_to_the_markup)
{
	struct annotated a;
	struct mt_error err = { 0 };

	cr_assert_eq(annotated_parse(&a, annotation, strlen(annotation), &err),
		     MT_ERR_OK);
	/* plain: "\n\nA tést 😀 end." -- "A" at 2, "tést" at 4..8 */
	cr_assert_eq(annotated_map(&a, 2, 0), 3, "'A' after <p>");
	cr_assert_eq(annotated_map(&a, 4, 0), 8, "'tést' after <b>");
	cr_assert_eq(annotated_map(&a, 8, 1), 12, "its end, before </b>");
	/* " 😀 end." starts at plain 8, original 16; "end" at plain 12 */
	cr_assert_eq(annotated_map(&a, 12, 0), 20, "past the emoji");
	/* inside the stand-in of <p>: its start, or its end */
	cr_assert_eq(annotated_map(&a, 1, 0), 0);
	cr_assert_eq(annotated_map(&a, 1, 1), 3);
	cr_assert_eq(annotated_map(&a, 0, 0), 0);
	cr_assert_eq(annotated_map(&a, 17, 1), a.orig_len16, "the end");
	annotated_release(&a);
}

Test(annotated, malformed_data_is_refused_naming_the_part)
{
	static const char *const bad[] = {
		"not json",
		"{\"annotation\": 5}",
		"{\"annotation\": [{\"text\": \"a\", \"markup\": \"b\"}]}",
		"{\"annotation\": [{\"text\": 5}]}",
		"{\"annotation\": [{\"text\": \"a\", \"interpretAs\": \"b\"}]}",
		"{\"annotation\": [7]}",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct annotated a;
		struct mt_error err = { 0 };

		cr_assert_eq(annotated_parse(&a, bad[i], strlen(bad[i]), &err),
			     MT_ERR_USAGE, "%s", bad[i]);
		cr_assert(strstr(err.msg, "data"), "%s", err.msg);
		cr_assert_eq(a.n, 0);
	}
}

/* --- LanguageTool requests --------------------------------------------- */

static void field(struct form *f, const char *name, const char *value)
{
	cr_assert_eq(form_append(f, name, 0, value, strlen(value)), 0);
}

static enum mt_err parse(struct form *f, struct lt_request *r,
			 struct mt_error *err)
{
	size_t n;

	return lt_request_parse(r, f, lt_languages(&n), err);
}

Test(lt, languages_and_variants)
{
	struct form f;
	struct lt_request r;
	struct mt_error err = { 0 };

	form_init(&f);
	field(&f, "text", "Hi.");
	field(&f, "language", "EN_gb");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK, "%s", err.msg);
	cr_assert_str_eq(r.language->lang, "en_GB");
	lt_request_release(&r);
	field(&f, "language", "auto");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK);
	cr_assert_str_eq(r.language->code, "en-US", "the server's");
	cr_assert(r.detected);
	lt_request_release(&r);
	field(&f, "preferredVariants", "de-AT, en-GB");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK);
	cr_assert_str_eq(r.language->code, "en-GB");
	lt_request_release(&r);
	form_release(&f);
}

Test(lt, client_errors)
{
	static const char *const cases[][4] = {
		/* name, value, name, value */
		{ "text", "Hi.", NULL, NULL },
		{ "language", "en-US", NULL, NULL },
		{ "text", "Hi.", "language", "de-DE" },
		{ "language", "en", "level", "strict" },
		{ "language", "en", "enabledOnly", "true" },
		{ "language", "en", "data", "{}" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct form f;
		struct lt_request r;
		struct mt_error err = { 0 };

		form_init(&f);
		field(&f, cases[i][0], cases[i][1]);
		if (cases[i][2])
			field(&f, cases[i][2], cases[i][3]);
		if (strcmp(cases[i][0], "text") && strcmp(cases[i][2] ?
							     cases[i][2] : "",
							     "data"))
			field(&f, "text", "Hi.");
		if (!strcmp(cases[i][0], "language") && !cases[i][2])
			form_release(&f), form_init(&f),
				field(&f, "language", "en-US");
		cr_assert_eq(parse(&f, &r, &err), MT_ERR_USAGE, "case %zu", i);
		cr_assert(err.msg[0]);
		lt_request_release(&r);
		form_release(&f);
	}
}

Test(lt, issue_types_follow_the_category)
{
	cr_assert_str_eq(lt_issue_type("fluency/spelling"), "misspelling");
	cr_assert_str_eq(lt_issue_type("fluency/grammar"), "grammar");
	cr_assert_str_eq(lt_issue_type("fluency/typography"),
			 "typographical");
	cr_assert_str_eq(lt_issue_type("accuracy/mistranslation"),
			 "mistranslation");
	cr_assert_str_eq(lt_issue_type("style"), "style");
	cr_assert_str_eq(lt_issue_type("mtlint/suppression"),
			 "uncategorized");
}

/* --- answers ------------------------------------------------------------- */

static struct session *open_session(void)
{
	struct session_options o = { 0 };
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };

	o.co = (struct checker_options)CHECKER_OPTIONS_INIT;
	o.co.grammar_parser = 0;
	o.no_config = 1;
	o.dopts.encoding = "UTF-8";
	cr_assert_eq(session_new(&o, &s, &cerrs, &err), MT_ERR_OK, "%s",
		     err.msg);
	return s;
}

/* Check the request's text and parse the LanguageTool answer. */
static json_t *answer(struct session *s, struct lt_request *r)
{
	struct session_doc d = { .path = "-" };
	struct session_result res;
	struct checker *c;
	json_error_t jerr;
	json_t *j;
	size_t len;
	char *out;

	d.text = r->text;
	d.len = r->len;
	d.kind = DOCUMENT_TEXT;
	d.reference_text = r->reference;
	d.reference_len = r->reference_len;
	cr_assert_eq(session_check(s, 0, &d, &res), MT_ERR_OK, "%s",
		     res.err.msg);
	cr_assert_eq(session_checker(s, res.profile, 0, &c, &res.err),
		     MT_ERR_OK);
	out = lt_answer(r, c, res.doc, &res.diags, &len);
	session_result_release(&res);
	j = json_loads(out, 0, &jerr);
	cr_assert_not_null(j, "%s", out);
	free(out);
	return j;
}

static json_t *match_of(json_t *a, const char *rule)
{
	size_t i;
	json_t *m;

	json_array_foreach(json_object_get(a, "matches"), i, m)
	{
		if (!strcmp(json_string_value(json_object_get(
				    json_object_get(m, "rule"), "id")),
			    rule))
			return m;
	}
	return NULL;
}

static long num(json_t *o, const char *k)
{
	return (long)json_integer_value(json_object_get(o, k));
}

Test(lt, offsets_are_utf16_units_of_what_was_sent)
{
	struct session *s = open_session();
	struct form f;
	struct lt_request r;
	struct mt_error err = { 0 };
	json_t *a, *m, *ctx;

	form_init(&f);
	/* "😀 Café: the the end." -- 😀 is two units, é one */
	field(&f, "text", "\xf0\x9f\x98\x80 Caf\xc3\xa9: the the end.");
	field(&f, "language", "en-US");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK);
	a = answer(s, &r);
	m = match_of(a, "grammar.repeated-word");
	cr_assert_not_null(m);
	cr_assert_eq(num(m, "offset"), 9);
	cr_assert_eq(num(m, "length"), 7);
	ctx = json_object_get(m, "context");
	cr_assert_eq(num(ctx, "offset"), 9, "no '...': the text is short");
	cr_assert_str_eq(json_string_value(json_object_get(m, "sentence")),
			 "\xf0\x9f\x98\x80 Caf\xc3\xa9: the the end.");
	cr_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(json_object_get(
							m, "replacements"),
						0),
				 "value")),
			 "the");
	json_decref(a);
	lt_request_release(&r);
	form_release(&f);
	session_free(s);
}

Test(lt, long_context_is_cut_with_dots)
{
	struct session *s = open_session();
	struct form f;
	struct lt_request r;
	struct mt_error err = { 0 };
	json_t *a, *ctx;
	const char *t;

	form_init(&f);
	field(&f, "text",
	      "Every word in this long opening sentence is spelled right. "
	      "Then the the words repeat, and the sentence goes on for a "
	      "good while longer than forty characters.");
	field(&f, "language", "en-US");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK);
	a = answer(s, &r);
	ctx = json_object_get(match_of(a, "grammar.repeated-word"),
			      "context");
	t = json_string_value(json_object_get(ctx, "text"));
	cr_assert(!strncmp(t, "...", 3), "%s", t);
	cr_assert(strstr(t, "...") != strrchr(t, '.') - 2, "%s", t);
	cr_assert(!strncmp(t + num(ctx, "offset"), "the the", 7), "%s", t);
	cr_assert_eq(num(ctx, "length"), 7);
	json_decref(a);
	lt_request_release(&r);
	form_release(&f);
	session_free(s);
}

Test(lt, rule_lists_filter_as_enable_and_disable_do)
{
	struct session *s = open_session();
	struct form f;
	struct lt_request r;
	struct mt_error err = { 0 };
	json_t *a;

	form_init(&f);
	field(&f, "text", "They saw teh the the house.");
	field(&f, "language", "en-US");
	field(&f, "disabledCategories", "fluency");
	field(&f, "enabledRules", "spelling.unknown-word");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK);
	a = answer(s, &r);
	cr_assert_not_null(match_of(a, "spelling.unknown-word"),
			   "the rule id is more specific than the category");
	cr_assert_null(match_of(a, "grammar.repeated-word"));
	json_decref(a);
	lt_request_release(&r);
	form_release(&f);
	session_free(s);
}

Test(lt, annotated_offsets_point_into_the_markup)
{
	struct session *s = open_session();
	struct form f;
	struct lt_request r;
	struct mt_error err = { 0 };
	json_t *a, *m;

	form_init(&f);
	field(&f, "data",
	      "{\"annotation\": [{\"markup\": \"<h1 class=\\\"x\\\">\"},"
	      " {\"text\": \"The \"}, {\"markup\": \"<i>\"}, {\"text\": \"the\"},"
	      " {\"markup\": \"</i>\"}, {\"text\": \" end.\"},"
	      " {\"markup\": \"</h1>\", \"interpretAs\": \"\\n\"}]}");
	field(&f, "language", "en-US");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK, "%s", err.msg);
	a = answer(s, &r);
	m = match_of(a, "grammar.repeated-word");
	cr_assert_not_null(m);
	/* <h1 class="x"> is 14 units: "The " at 14, <i> 18..21, "the" 21 */
	cr_assert_eq(num(m, "offset"), 14);
	cr_assert_eq(num(m, "length"), 10, "'The <i>the' in the original");
	json_decref(a);
	lt_request_release(&r);
	form_release(&f);
	session_free(s);
}

Test(lt, the_reference_as_text)
{
	struct session *s = open_session();
	struct form f;
	struct lt_request r;
	struct mt_error err = { 0 };
	json_t *a;

	form_init(&f);
	field(&f, "text", "Officials said 12 people were hurt on Tuesday.");
	field(&f, "reference", "Officials said 21 people were hurt on "
			       "Tuesday.");
	field(&f, "language", "en-US");
	cr_assert_eq(parse(&f, &r, &err), MT_ERR_OK);
	a = answer(s, &r);
	cr_assert_not_null(match_of(a, "reference.number-mismatch"));
	json_decref(a);
	lt_request_release(&r);
	form_release(&f);
	session_free(s);
}

/* --- the stream ---------------------------------------------------------- */

static char *stream(const char *input, size_t jobs)
{
	struct session_options o = { 0 };
	struct stream_options so = { .jobs = jobs };
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	o.co = (struct checker_options)CHECKER_OPTIONS_INIT;
	o.co.grammar_parser = 0;
	o.no_config = 1;
	o.n_slots = jobs;
	o.dopts.encoding = "UTF-8";
	cr_assert_eq(session_new(&o, &s, &cerrs, &err), MT_ERR_OK);
	cr_assert_eq(stream_run(s, &so, in, f, stderr), 0);
	fclose(f);
	fclose(in);
	session_free(s);
	return out;
}

Test(stream, one_answer_a_line_in_order)
{
	static const char input[] =
		"{\"id\": 1, \"text\": \"The the cat.\"}\n"
		"not json\n"
		"\n"
		"{\"id\": \"x\", \"text\": 5}\n"
		"{\"id\": [2], \"text\": \"*The* the dog.\", \"format\": "
		"\"markdown\"}\n"
		"{\"text\": \"Clean.\"}\n"
		"{\"id\": 3, \"text\": \"bad\\u0000\"}\n"
		"{\"id\": 4, \"text\": \"12 people.\", \"reference\": "
		"\"21 people.\"}";
	char *one = stream(input, 1), *two = stream(input, 3);
	char *lines[9] = { 0 }, *p = one;
	size_t n = 0;

	cr_assert_str_eq(one, two, "threads change nothing");
	while (p && *p && n < 9) {
		lines[n++] = p;
		p = strchr(p, '\n');
		if (p)
			*p++ = '\0';
	}
	cr_assert_eq(n, 8, "one line per input line");
	cr_assert(!strncmp(lines[0], "{\"id\":1,\"diagnostics\":[{", 24), "%s",
		  lines[0]);
	cr_assert(strstr(lines[1], "\"id\":null,\"error\":\"not JSON"), "%s",
		  lines[1]);
	cr_assert(strstr(lines[2], "\"error\":\"empty line\""), "%s",
		  lines[2]);
	cr_assert(strstr(lines[3], "\"id\":\"x\",\"error\""), "%s", lines[3]);
	cr_assert(strstr(lines[4], "\"id\":[2]"), "%s", lines[4]);
	cr_assert(strstr(lines[4], "\"offset\":1,"), "Markdown: %s", lines[4]);
	cr_assert_str_eq(lines[5], "{\"id\":null,\"diagnostics\":[]}");
	cr_assert(strstr(lines[6], "\"id\":3,\"error\":\"<stdin>: binary"),
		  "%s", lines[6]);
	cr_assert(strstr(lines[7], "reference.number-mismatch"), "%s",
		  lines[7]);
	free(one);
	free(two);
}

Test(stream, a_line_over_the_limit_is_an_error_record)
{
	struct session_options o = { 0 };
	struct stream_options so = { .jobs = 1, .max_line = 32 };
	struct session *s = NULL;
	struct yamlfile_errors cerrs = { 0 };
	struct mt_error err = { 0 };
	static const char input[] =
		"{\"id\": 1, \"text\": \"A line far over thirty-two bytes.\"}\n"
		"{\"id\": 2, \"text\": \"Short.\"}\n";
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	o.co = (struct checker_options)CHECKER_OPTIONS_INIT;
	o.co.grammar_parser = 0;
	o.no_config = 1;
	o.n_slots = 1;
	cr_assert_eq(session_new(&o, &s, &cerrs, &err), MT_ERR_OK);
	cr_assert_eq(stream_run(s, &so, in, f, stderr), 0);
	fclose(f);
	fclose(in);
	cr_assert_str_eq(out, "{\"id\":null,\"error\":\"line over 32 bytes\"}\n"
			      "{\"id\":2,\"diagnostics\":[]}\n");
	free(out);
	session_free(s);
}
