/*
 * diag: the diagnostic model -- what every check reports and every reporter
 * prints.
 *
 * A diagnostic names a rule (stable dotted id, e.g. "grammar.repeated-word"),
 * an MQM-style category ("fluency/grammar"), a severity, the byte span of the
 * document's text it is about, a message an editor understands, zero or more
 * replacements for the span (best first), and optional evidence: a place in
 * another document (the reference article) that supports it.
 *
 * Ownership: a diag_list keeps its array on the heap (diag_list_release()
 * frees it) and every string it copies -- messages, suggestions, evidence --
 * in the arena it was given, normally the document's (valid until
 * document_free()).  `rule` and `category` are NOT copied: they must outlive
 * the list (static strings or a ruleset owned by the checker).
 */
#ifndef MT_DIAG_H
#define MT_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/common.h"

struct evidence {
	const char *path;  /* the other document, as given */
	uint32_t line;	   /* 1-based; 0 if unknown */
	uint32_t column;   /* 1-based code points */
	uint32_t end_line, end_column;
	uint32_t offset, length; /* bytes of the other document's file */
	const char *text;  /* the supporting text (e.g. "Dmitry Peskov") */
	const char *context; /* optional: the whole sentence there */
	double score;	   /* match score in [0,1]; < 0 when not relevant */
};

enum diag_flag {
	DIAGF_SAFE_FIX = 1 << 0, /* first suggestion may be applied blindly */
};

struct diag {
	const char *rule;
	const char *category;
	enum mt_severity severity;
	struct span span; /* in the document's text */
	const char *message;
	const char **suggestions;
	uint32_t n_suggestions;
	uint32_t flags; /* enum diag_flag */
	const struct evidence *evidence; /* NULL when none */
};

/*
 * What the reference comparison says of the document as a whole (set by
 * the reference pass; `reference_kind` NULL without a reference): the kind
 * of reference ("parallel" or "comparable") and how many of the article's
 * `of` sentences have a counterpart there (`aligned`).
 */
struct diag_summary {
	const char *reference_kind; /* static string */
	uint32_t aligned, of;
};

struct diag_list {
	struct diag *v;
	size_t n, alloc;
	struct arena *arena; /* where strings go */
	struct diag_summary summary;
};

void diag_list_init(struct diag_list *l, struct arena *arena);
void diag_list_release(struct diag_list *l);

/*
 * Append a diagnostic; the message is formatted into the arena.  Returns the
 * new entry, valid until the next append (the array may move).
 */
struct diag *diag_add(struct diag_list *l, const char *rule,
		      const char *category, enum mt_severity sev,
		      struct span span, const char *fmt, ...) MT_PRINTF(6, 7);

/* Add a replacement for d's span (copied; duplicates are ignored). */
void diag_suggest(struct diag_list *l, struct diag *d, const char *text);
void diag_suggestn(struct diag_list *l, struct diag *d, const char *text,
		   size_t len);

/* Make `text` d's first suggestion (copied; moved up if already there). */
void diag_suggest_first(struct diag_list *l, struct diag *d, const char *text,
			size_t len);

/* Attach a copy of *ev (its strings copied into the arena; text and
 * context cut to MT_LIMIT_EVIDENCE bytes, "..." marking the cut). */
void diag_set_evidence(struct diag_list *l, struct diag *d,
		       const struct evidence *ev);

/* Order by span start, then end, then rule id: the order of every report. */
void diag_list_sort(struct diag_list *l);

/*
 * Sort, then drop exact repeats (same rule and span), keeping the first.
 */
void diag_list_dedupe(struct diag_list *l);

/* Number of diagnostics at or above sev. */
size_t diag_list_count(const struct diag_list *l, enum mt_severity sev);

#endif /* MT_DIAG_H */
