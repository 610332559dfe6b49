/*
 * baseline: accept today's findings, fail only on new ones.
 *
 * A baseline file (JSON, written by --write-baseline, read by --baseline)
 * lists findings by file, rule and fingerprint:
 *
 *   {"version": 1, "tool": "mtlint",
 *    "findings": [{"file": "articles/a.txt", "rule": "grammar.repeated-word",
 *                  "fingerprint": "9f2c...", "line": 12, "text": "the the"}]}
 *
 * `file` is relative to the baseline file's directory, so the baseline
 * works from any working directory.  The fingerprint hashes the rule, the
 * flagged text and the three words on either side of it, whitespace
 * collapsed: it survives edits elsewhere in the file (lines added above,
 * other sentences rewritten) and changes when the flagged passage itself
 * changes.  `line` and `text` are for people reading the file; matching
 * ignores them.  A finding repeated verbatim N times is accepted N times.
 *
 * Ownership: a struct baseline owns its entries; baseline_free() frees it.
 * Not thread-safe: filter in input order from one thread (which also makes
 * the result deterministic).
 */
#ifndef MT_BASELINE_H
#define MT_BASELINE_H

#include <stddef.h>

#include "util/common.h"
#include "check/diag.h"
#include "text/document.h"

#define BASELINE_FP_LEN 16

/* The fingerprint of d: BASELINE_FP_LEN hex digits and a NUL into out.
 * doc should be segmented (else only rule and text count). */
void baseline_fingerprint(const struct document *doc, const struct diag *d,
			  char out[BASELINE_FP_LEN + 1]);

struct baseline;

/* An empty baseline to be written to `path` (which need not exist). */
struct baseline *baseline_new(const char *path);

/* Read a baseline file.  MT_ERR_IO when unreadable, MT_ERR_CONFIG (with
 * line and column) when not a baseline. */
MT_NODISCARD enum mt_err baseline_load(const char *path,
				       struct baseline **out,
				       struct mt_error *err);
void baseline_free(struct baseline *b);

/* Record every finding of `diags` (found in the file at `path`). */
void baseline_add(struct baseline *b, const char *path,
		  const struct document *doc, const struct diag_list *diags);

/*
 * Remove from `diags` every finding the baseline accepts, each baseline
 * entry accepting one finding.  Returns how many were removed.
 */
size_t baseline_filter(struct baseline *b, const char *path,
		       const struct document *doc, struct diag_list *diags);

/* Write the baseline to its path atomically, entries sorted. */
MT_NODISCARD enum mt_err baseline_write(struct baseline *b,
					struct mt_error *err);

#endif /* MT_BASELINE_H */
