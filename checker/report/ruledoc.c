/*
 * ruledoc: rule pages and hover text in Markdown (see ruledoc.h).
 */
#include "report/ruledoc.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "util/arena.h"
#include "util/atomicfile.h"

/* Text with Markdown's active characters escaped; a line break of an
 * example shows as "↵" (it would end the list item). */
static void add_text(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (s[i] == '\n' || s[i] == '\r') {
			buf_adds(b, " ↵ ");
			continue;
		}
		if (s[i] && strchr("\\`*_[]<>#|~", s[i]))
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
}

/* "It was **the the** end." -> "the" */
static void add_bad(struct buf *b, const struct example *ex)
{
	size_t n = strlen(ex->text);
	uint32_t s = ex->span.start < n ? ex->span.start : (uint32_t)n;
	uint32_t e = ex->span.end < n ? ex->span.end : (uint32_t)n;

	add_text(b, ex->text, s);
	buf_adds(b, "**");
	add_text(b, ex->text + s, e - s);
	buf_adds(b, "**");
	add_text(b, ex->text + e, n - e);
	if (ex->suggestion) {
		buf_adds(b, " → ");
		if (*ex->suggestion)
			add_text(b, ex->suggestion, strlen(ex->suggestion));
		else
			buf_adds(b, "(removed)");
	}
}

static void add_facts(struct buf *b, const struct rule_info *r)
{
	buf_addf(b, "Category `%s`, default severity %s.", r->category,
		 mt_severity_name(r->severity));
	if (r->description && *r->description) {
		const char *d = r->description;

		buf_adds(b, "\n\n");
		/* a description is written as a phrase: "the same word..." */
		if (*d >= 'a' && *d <= 'z') {
			buf_addc(b, (char)(*d - 'a' + 'A'));
			d++;
		}
		add_text(b, d, strlen(d));
		if (r->description[strlen(r->description) - 1] != '.')
			buf_addc(b, '.');
	}
}

/* The page of rule r: a heading, facts, description, every example. */
static void ruledoc_page(struct buf *b, const struct checker *c,
			 const struct rule_info *r)
{
	struct rule_examples ex;
	struct arena a = ARENA_INIT;
	char url[1024];

	checker_rule_examples(c, r, &a, &ex);
	buf_addf(b, "# %s\n\n", r->id);
	add_facts(b, r);
	buf_adds(b, "\n");
	if (r->reference && (ex.n_bad || ex.n_good)) {
		buf_adds(b, "\nThe examples are checked against this reference "
			    "article:\n\n> ");
		add_text(b, r->reference, strlen(r->reference));
		buf_adds(b, "\n");
	}
	if (ex.n_bad) {
		buf_adds(b, "\n## Flagged\n\n");
		for (size_t i = 0; i < ex.n_bad; i++) {
			buf_adds(b, "- ");
			add_bad(b, &ex.bad[i]);
			buf_addc(b, '\n');
		}
	}
	if (ex.n_good) {
		buf_adds(b, "\n## Not flagged\n\n");
		for (size_t i = 0; i < ex.n_good; i++) {
			buf_adds(b, "- ");
			add_text(b, ex.good[i], strlen(ex.good[i]));
			buf_addc(b, '\n');
		}
	}
	if (r->url) {
		buf_addf(b, "\nMore: <%s>\n", checker_rule_url(r, url,
							      sizeof(url)));
	}
	buf_addf(b, "\nSwitch it off with `--disable %s`, or in .mtlint.yml:\n"
		    "\n```yaml\nrules:\n  %s: off\n```\n",
		 r->id, r->id);
	arena_release(&a);
}

void ruledoc_hover(struct buf *b, const struct checker *c,
		   const struct rule_info *r)
{
	struct rule_examples ex;
	struct arena a = ARENA_INIT;
	char url[1024];

	checker_rule_examples(c, r, &a, &ex);
	add_facts(b, r);
	if (ex.n_bad) {
		buf_adds(b, "\n\nFlagged: ");
		add_bad(b, &ex.bad[0]);
	}
	if (ex.n_good) {
		buf_adds(b, "\n\nNot flagged: ");
		add_text(b, ex.good[0], strlen(ex.good[0]));
	}
	buf_addf(b, "\n\n[About %s](%s)", r->id,
		 checker_rule_url(r, url, sizeof(url)));
	arena_release(&a);
}

struct write_all {
	const struct checker *c;
	const char *dir;
	struct buf index;
	struct mt_error *err;
	enum mt_err rc;
};

static void write_one(const struct rule_info *r, void *arg)
{
	struct write_all *w = arg;
	struct buf page = BUF_INIT, path = BUF_INIT;

	if (w->rc != MT_ERR_OK)
		return;
	ruledoc_page(&page, w->c, r);
	buf_addf(&path, "%s/%s.md", w->dir, r->id);
	w->rc = atomicfile_write(path.buf, page.buf, page.len, NULL, 0, 0, w->err);
	buf_addf(&w->index, "| [%s](%s.md) | `%s` | %s | ", r->id, r->id,
		 r->category, mt_severity_name(r->severity));
	add_text(&w->index, r->description ? r->description : "",
		 r->description ? strlen(r->description) : 0);
	buf_adds(&w->index, " |\n");
	buf_release(&page);
	buf_release(&path);
}

enum mt_err ruledoc_write_all(const struct checker *c, const char *dir,
			      struct mt_error *err)
{
	struct write_all w = { c, dir, BUF_INIT, err, MT_ERR_OK };
	struct buf path = BUF_INIT;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return mt_error(err, MT_ERR_IO, "cannot create '%s': %s", dir,
				strerror(errno));
	buf_adds(&w.index, "# mtlint's rules\n\nOne page per rule, made by "
			   "`mtlint rules --docs` from the rule tables and "
			   "the rules' own examples.\n\n"
			   "| rule | category | severity | what |\n"
			   "|---|---|---|---|\n");
	checker_each_rule(c, write_one, &w);
	if (w.rc == MT_ERR_OK) {
		buf_addf(&path, "%s/README.md", dir);
		w.rc = atomicfile_write(path.buf, w.index.buf, w.index.len,
					NULL, 0, 0, err);
	}
	buf_release(&w.index);
	buf_release(&path);
	return w.rc;
}
