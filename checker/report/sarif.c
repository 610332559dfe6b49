/*
 * report_sarif: SARIF 2.1.0, as GitHub code scanning and other SARIF
 * consumers read it; built with jansson.
 *
 * One run; tool.driver lists every rule mtlint can report (id, category as
 * a tag, description, default level, help), each result names its rule
 * (ruleId and ruleIndex), level (error, warning, note), message, and one
 * physical location whose region gives start/end line and column (columns
 * in Unicode code points: run.columnKind), byte offset and length in the
 * original file, and the flagged text as snippet.  Each suggestion becomes
 * a fix replacing the region; partialFingerprints carries the baseline
 * fingerprint so code scanning tracks a finding across edits.  Files that
 * could not be read become error notifications of the invocation.
 *
 * Artifact locations are what GitHub code scanning matches against the
 * repository: a file under the source root (the working directory, or
 * --sarif-root) is a relative URI reference with uriBaseId "%SRCROOT%",
 * and the run's originalUriBaseIds says where %SRCROOT% was (a file:// URI
 * ending in '/'); a file outside it keeps an absolute file:// URI.  Every
 * byte outside RFC 3986's unreserved set (and '/') is percent-encoded:
 * spaces, '%', ':', non-ASCII (its UTF-8 bytes), control characters.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "run/baseline.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "util/xalloc.h"

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define INFO_URI "https://github.com/mtlint/mtlint"
#define SRCROOT "%SRCROOT%"

/*
 * The descriptors of the checker's rules, the bulk of every report (about
 * 150 KB for a hundred rules): encoded once a checker (checker_memo()),
 * then written into each report as they are.
 */
struct sarif_rules {
	struct strtab ids; /* rule id -> its index in the driver's rules */
	struct arena arena;
	char *text; /* the descriptors as the log holds them: see encode() */
	size_t len;
};

struct sarif_state {
	struct report_options o;
	json_t *root, *rules, *results, *notes;
	const struct sarif_rules *known; /* the checker's; NULL: none */
	/* the ids of the rules in `rules` (those the checker does not know,
	 * appended after its own) -> index in `rules` (ids are interned in
	 * the order the rules are appended, so an id is the index) */
	struct strtab rule_ids;
	struct arena ids_arena;
	/* the rules' shared parts: defaultConfiguration by level (error,
	 * warning, note), properties by tag (an id of `tags`) */
	json_t *config[3];
	struct strtab tags;
	json_t **props;
	size_t props_alloc;
	char *src_root; /* absolute, normalised; NULL: unknown */
	int ok;
};

static json_t *jstr(const char *s)
{
	json_t *j = json_string(s ? s : "");

	return j ? j : json_string("(not UTF-8)");
}

static const char *level(enum mt_severity s)
{
	return s >= MT_SEV_ERROR ? "error"
	       : s == MT_SEV_WARNING ? "warning"
				     : "note";
}

/*
 * A rule's descriptor.  Equal parts are one node referenced twice (the id
 * as id and name, the description as short and full, the help as text and
 * Markdown): the output is the same, and SARIF describes every rule in
 * every report, each part an allocation or more.
 */
/* The defaultConfiguration of a rule of severity sev, and the properties
 * of one in category `tag`: made once a report, referenced by each. */
static json_t *shared_config(struct sarif_state *s, enum mt_severity sev)
{
	const char *lv = level(sev);
	size_t i = lv[0] == 'e' ? 0 : lv[0] == 'w' ? 1 : 2;

	if (!s->config[i])
		s->config[i] = json_pack("{s:s}", "level", lv);
	return json_incref(s->config[i]);
}

static json_t *shared_props(struct sarif_state *s, const char *tag)
{
	int is_new;
	uint32_t id = strtab_intern_copy(&s->tags, &s->ids_arena, tag,
					 strlen(tag), &is_new);

	if (is_new) {
		s->props = xgrow(s->props, &s->props_alloc, (size_t)id + 1,
				 sizeof(*s->props));
		s->props[id] = json_pack("{s:[o]}", "tags", jstr(tag));
	}
	return json_incref(s->props[id]);
}

static json_t *rule_json(struct sarif_state *s, const struct rule_info *r)
{
	json_t *j = json_object(), *id = jstr(r->id), *desc, *help_s;
	char help[1024], url[1024];

	snprintf(help, sizeof(help),
		 "%s (rule %s, category %s). Disable it with "
		 "`--disable %s`, in .mtlint.yml under `rules:`, or inline "
		 "with `<!-- mtlint-disable %s -->`.",
		 r->description ? r->description : r->id, r->id,
		 r->category ? r->category : "none", r->id, r->id);
	desc = json_pack("{s:o}", "text",
			 jstr(r->description ? r->description : r->id));
	help_s = jstr(help);
	json_object_set(j, "id", id);
	json_object_set_new(j, "name", id);
	json_object_set(j, "shortDescription", desc);
	json_object_set_new(j, "fullDescription", desc);
	json_object_set_new(j, "help",
			    json_pack("{s:O, s:o}", "text", help_s, "markdown",
				      help_s));
	json_object_set_new(j, "helpUri",
			    jstr(checker_rule_url(r, url, sizeof(url))));
	json_object_set_new(j, "defaultConfiguration",
			    shared_config(s, r->severity));
	json_object_set_new(j, "properties",
			    shared_props(s,
					 r->category ? r->category : "mtlint"));
	return j;
}

/* Append r to the driver's rules unless its id is there; returns the
 * index of the id's entry (the checker's rules come first). */
static size_t append_rule(struct sarif_state *s, const struct rule_info *r)
{
	size_t n_known = s->known ? strtab_count(&s->known->ids) : 0;
	uint32_t id = s->known ? strtab_find(&s->known->ids, r->id,
					     strlen(r->id))
			       : STRTAB_NONE;
	int is_new;

	if (id != STRTAB_NONE)
		return id;
	id = strtab_intern_copy(&s->rule_ids, &s->ids_arena, r->id,
				strlen(r->id), &is_new);
	if (is_new)
		json_array_append_new(s->rules, rule_json(s, r));
	return n_known + id;
}

static void add_rule(const struct rule_info *r, void *arg)
{
	(void)append_rule(arg, r);
}

/* The rules array's elements are at this depth of the log: root, runs,
 * run, tool, driver, rules (jansson indents a level by 2 spaces). */
#define RULE_INDENT 12

/*
 * Append the encoding of `rules` to b as it stands inside the log: each
 * element dumped by jansson as json_dumpf() of the log does, every line
 * indented by RULE_INDENT spaces (strings hold no raw line ends), the
 * elements separated by ",\n".  0, or -1 when jansson fails.
 */
static int encode(json_t *rules, struct buf *b)
{
	json_t *r;
	size_t i;

	json_array_foreach(rules, i, r)
	{
		char *t = json_dumps(r, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

		if (!t)
			return -1;
		if (i)
			buf_adds(b, ",\n");
		buf_addf(b, "%*s", RULE_INDENT, "");
		for (const char *p = t; *p; p++) {
			buf_addc(b, *p);
			if (*p == '\n')
				buf_addf(b, "%*s", RULE_INDENT, "");
		}
		free(t);
	}
	return 0;
}

static void state_free(struct sarif_state *s);

/* checker_memo(): the checker's rules, encoded. */
static void *known_rules(const struct checker *c)
{
	struct sarif_rules *k = xcalloc(1, sizeof(*k));
	struct sarif_state *s = xcalloc(1, sizeof(*s));
	struct buf b = BUF_INIT;

	s->rules = json_array();
	strtab_init(&s->rule_ids);
	strtab_init(&s->tags);
	arena_init(&s->ids_arena, 0);
	checker_each_rule(c, add_rule, s);
	if (encode(s->rules, &b) != 0)
		MT_BUG("cannot encode the rules' descriptors");
	strtab_init(&k->ids);
	arena_init(&k->arena, 0);
	for (uint32_t i = 0; i < strtab_count(&s->rule_ids); i++) {
		uint32_t len;
		const char *id = strtab_str(&s->rule_ids, i, &len);

		(void)strtab_intern_copy(&k->ids, &k->arena, id, len, NULL);
	}
	k->text = buf_detach(&b, &k->len);
	state_free(s);
	return k;
}

static void known_rules_free(void *v)
{
	struct sarif_rules *k = v;

	strtab_release(&k->ids);
	arena_release(&k->arena);
	free(k->text);
	free(k);
}

/*
 * The artifactLocation of `path`: relative to the source root with
 * uriBaseId when it lies below it, else an absolute file:// URI.
 * Standard input has no file: "stdin", no base.
 */
static json_t *artifact(const struct sarif_state *s, const char *path)
{
	char *abs = NULL, *rel = NULL, *uri;
	json_t *j;

	if (strcmp(path, "-") != 0 && s->src_root) {
		abs = mt_path_absolute(path);
		rel = abs ? mt_path_relative(s->src_root, abs) : NULL;
	}
	if (rel && *rel) {
		uri = report_uri(rel);
		j = json_pack("{s:o, s:s}", "uri", jstr(uri), "uriBaseId",
			      SRCROOT);
	} else {
		uri = report_uri(abs ? abs : path);
		j = json_pack("{s:o}", "uri", jstr(uri));
	}
	free(uri);
	free(rel);
	free(abs);
	return j;
}

static void *sarif_begin(const struct report_options *o)
{
	struct sarif_state *s = xcalloc(1, sizeof(*s));
	json_t *run, *driver;

	s->o = *o;
	s->ok = 1;
	s->rules = json_array();
	s->results = json_array();
	s->notes = json_array();
	strtab_init(&s->rule_ids);
	strtab_init(&s->tags);
	arena_init(&s->ids_arena, 0);
	if (o->checker)
		s->known = checker_memo(o->checker, &report_sarif, known_rules,
					known_rules_free);
	driver = json_pack("{s:s, s:s, s:s, s:s, s:O}", "name", "mtlint",
			   "version", MT_VERSION, "semanticVersion",
			   MT_VERSION, "informationUri", INFO_URI, "rules",
			   s->rules);
	run = json_pack("{s:{s:o}, s:s, s:O}", "tool", "driver", driver,
			"columnKind", "unicodeCodePoints", "results",
			s->results);
	s->src_root = mt_path_absolute(o->sarif_root ? o->sarif_root : ".");
	if (s->src_root) {
		struct buf b = BUF_INIT;
		char *uri = report_uri(s->src_root);

		/* a base URI must end in '/' to resolve relative ones */
		buf_adds(&b, uri);
		if (b.buf[b.len - 1] != '/')
			buf_addc(&b, '/');
		json_object_set_new(
			run, "originalUriBaseIds",
			json_pack("{s:{s:o, s:{s:s}}}", SRCROOT, "uri",
				  jstr(b.buf), "description", "text",
				  o->sarif_root ? "The --sarif-root directory."
						: "The directory mtlint ran "
						  "in."));
		buf_release(&b);
		free(uri);
	}
	s->root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA,
			    "version", "2.1.0", "runs", run);
	return s;
}

/* Index of rule id in the driver's rules, adding a bare one if unknown. */
static size_t rule_index(struct sarif_state *s, const struct diag *d)
{
	struct rule_info r = { .id = d->rule,
			       .category = d->category,
			       .severity = d->severity };

	return append_rule(s, &r);
}

static json_t *region(const struct document *doc, const struct diag *d,
		      int snippet)
{
	struct doc_pos a = document_position(doc, d->span.start, 0);
	struct doc_pos b = document_position(doc, d->span.end, 1);
	json_t *r = json_pack("{s:i, s:i, s:i, s:i}", "startLine",
			      (json_int_t)a.line, "startColumn",
			      (json_int_t)a.column, "endLine",
			      (json_int_t)b.line, "endColumn",
			      (json_int_t)b.column);

	/* bytes of the original file, which survive any column counting */
	json_object_set_new(r, "byteOffset", json_integer(a.offset));
	json_object_set_new(r, "byteLength",
			    json_integer(b.offset - a.offset));
	if (snippet)
		json_object_set_new(r, "snippet",
				    json_pack("{s:o}", "text",
					      jstr(report_span_text(doc, d))));
	return r;
}

static void sarif_file(void *st, const struct document *doc,
		       const struct diag_list *diags)
{
	struct sarif_state *s = st;
	/* one artifactLocation for the file, referenced by each location */
	json_t *art = diags->n ? artifact(s, doc->path) : NULL;

	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->v[i];
		char fp[BASELINE_FP_LEN + 1];
		json_t *res, *fixes = json_array();
		const char *msg = d->message;
		char *full = NULL;

		if (d->n_suggestions) {
			size_t n = strlen(msg) + strlen(d->suggestions[0]) + 32;

			full = xmalloc(n);
			snprintf(full, n, "%s (suggestion: %s)", msg,
				 d->suggestions[0]);
			msg = full;
		}
		baseline_fingerprint(doc, d, fp);
		res = json_pack("{s:s, s:i, s:s, s:{s:o}}", "ruleId", d->rule,
				"ruleIndex", (json_int_t)rule_index(s, d),
				"level", level(d->severity), "message", "text",
				jstr(msg));
		free(full);
		json_object_set_new(res, "locations",
				    json_pack("[{s:{s:O, s:o}}]",
					      "physicalLocation",
					      "artifactLocation", art, "region",
					      region(doc, d, 1)));
		json_object_set_new(res, "partialFingerprints",
				    json_pack("{s:s}", "mtlintContext/v1", fp));
		for (uint32_t k = 0; k < d->n_suggestions; k++) {
			char desc[512];

			snprintf(desc, sizeof(desc), "Replace with '%s'",
				 d->suggestions[k]);
			json_array_append_new(
				fixes,
				json_pack("{s:{s:o}, s:[{s:O, s:[{s:o, "
					  "s:{s:o}}]}]}",
					  "description", "text", jstr(desc),
					  "artifactChanges", "artifactLocation",
					  art, "replacements", "deletedRegion",
					  region(doc, d, 0), "insertedContent",
					  "text", jstr(d->suggestions[k])));
		}
		if (json_array_size(fixes))
			json_object_set_new(res, "fixes", fixes);
		else
			json_decref(fixes);
		if (d->category)
			json_object_set_new(
				res, "properties",
				json_pack("{s:o}", "category",
					  jstr(d->category)));
		json_array_append_new(s->results, res);
	}
	json_decref(art);
}

static void sarif_file_error(void *st, const char *path,
			     const struct mt_error *err)
{
	struct sarif_state *s = st;

	json_array_append_new(
		s->notes,
		json_pack("{s:s, s:{s:o}, s:[{s:{s:o}}]}", "level", "error",
			  "message", "text", jstr(err->msg), "locations",
			  "physicalLocation", "artifactLocation",
			  artifact(s, path)));
	s->ok = 0;
	fprintf(stderr, "mtlint: error: %s\n", err->msg);
}

/*
 * Write the log: jansson's encoding of the tree, the checker's rules
 * spliced in at the head of the driver's rules (the first "rules" key of
 * the text: only constants precede it), so that the bytes are those of
 * the tree holding them all.
 */
static int write_log(struct sarif_state *s)
{
	char *t = json_dumps(s->root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	const char *at = t ? strstr(t, "\"rules\": [") : NULL;
	size_t head;

	if (!t)
		return -1;
	if (!at || !s->known || !s->known->len) {
		fputs(t, s->o.out);
	} else {
		head = (size_t)(at - t) + strlen("\"rules\": [");
		fwrite(t, 1, head, s->o.out);
		if (t[head] == ']') {
			/* no other rule: "[]" becomes the checker's */
			fputc('\n', s->o.out);
			fwrite(s->known->text, 1, s->known->len, s->o.out);
			fprintf(s->o.out, "\n%*s", RULE_INDENT - 2, "");
		} else {
			/* "[\n" then the others: the checker's before them */
			fputc(t[head++], s->o.out);
			fwrite(s->known->text, 1, s->known->len, s->o.out);
			fputs(",\n", s->o.out);
		}
		fputs(t + head, s->o.out);
	}
	free(t);
	return 0;
}

static void state_free(struct sarif_state *s)
{
	json_decref(s->rules);
	json_decref(s->results);
	json_decref(s->notes);
	json_decref(s->root);
	for (size_t i = 0; i < ARRAY_SIZE(s->config); i++)
		json_decref(s->config[i]);
	for (uint32_t i = 0; i < strtab_count(&s->tags); i++)
		json_decref(s->props[i]);
	free(s->props);
	strtab_release(&s->tags);
	strtab_release(&s->rule_ids);
	arena_release(&s->ids_arena);
	free(s->src_root);
	free(s);
}

static int sarif_end(void *st)
{
	struct sarif_state *s = st;
	json_t *run = json_array_get(json_object_get(s->root, "runs"), 0);
	int rc;

	json_object_set_new(
		run, "invocations",
		json_pack("[{s:b, s:O}]", "executionSuccessful", s->ok,
			  "toolExecutionNotifications", s->notes));
	rc = write_log(s);
	fputc('\n', s->o.out);
	if (fflush(s->o.out) != 0 || ferror(s->o.out))
		rc = -1;
	state_free(s);
	return rc;
}

const struct reporter report_sarif = {
	.name = "sarif",
	.description = "SARIF 2.1.0 (GitHub code scanning)",
	.begin = sarif_begin,
	.file = sarif_file,
	.file_error = sarif_file_error,
	.end = sarif_end,
};
