/*
 * fix: apply safe suggestions to the user's file (--fix) or show them as a
 * unified diff (--fix-dry-run).
 *
 * A finding's fix is applied when it is marked DIAGF_SAFE_FIX and carries
 * exactly one suggestion; of overlapping ones only the first (in report
 * order) is applied in one pass, so a pass never produces a garbled edit.
 * Edits are made on the original bytes (document_position() offsets),
 * everything else byte for byte as it was: line ends, BOM, untouched text.
 * For input that was not UTF-8, replacements are converted back to the
 * file's encoding with iconv; a replacement it cannot represent is skipped.
 *
 * Passes (fix_run()): the fixed text is checked again in memory and the
 * safe fixes found there applied, as ESLint does, so that a fix held back
 * by an overlapping one, or a finding a fix leaves behind, is fixed too.
 * The loop stops when no safe fix applies, when a pass would bring back
 * the text of an earlier pass (fixes that undo each other: the last new
 * text is kept), or after FIX_MAX_PASSES passes.  It counts passes, never
 * time, so the same input always gives the same text.  The file is
 * written once, with the final text; the diff shows the original against
 * it.
 *
 * Ownership: results are new heap buffers the caller frees.
 */
#ifndef MT_FIX_H
#define MT_FIX_H

#include <stddef.h>

#include "util/buf.h"
#include "util/common.h"
#include "check/diag.h"
#include "text/document.h"

/* The most passes fix_run() makes (ESLint's MAX_AUTOFIX_PASSES too). */
#define FIX_MAX_PASSES 10

/*
 * The safe fixes one pass applies, as above: their indexes into `diags`
 * (sorted), in order, written to idx (room for diags->n entries).  Returns
 * how many.  For front ends that want one pass's edits; an editor's "fix
 * all" makes every pass with fix_run().
 */
size_t fix_pick(const struct diag_list *diags, size_t *idx);

/*
 * The file's new contents with every safe fix applied: *out (free()), of
 * *out_len bytes; *n_applied gets the number of fixes applied (0: *out is a
 * copy of the original).  Fails with MT_ERR_ENCODING only when the
 * converter for the file's encoding cannot be opened.
 */
MT_NODISCARD enum mt_err fix_apply(const struct document *doc,
				   const struct diag_list *diags,
				   unsigned char **out, size_t *out_len,
				   size_t *n_applied, struct mt_error *err);

/* One replacement in a document's text: [span) becomes `text` (UTF-8). */
struct fix_edit {
	struct span span;
	char *text; /* owned by the fix_result */
};

/*
 * Load `bytes` (a pass's new contents of the file, in its encoding) as the
 * original was loaded and check them: *doc (document_free()) and *diags
 * (initialised in its arena, sorted).  On failure *doc is NULL.
 */
typedef enum mt_err (*fix_check_fn)(void *arg, const void *bytes, size_t len,
				    struct document **doc,
				    struct diag_list *diags,
				    struct mt_error *err);

struct checker;

/*
 * The body of most fix_check_fn: load `bytes` as `orig` was loaded -- the
 * options `opts` (NULL: the defaults) with orig's kind, and orig's
 * encoding when the detector found it (the fixed text could be detected
 * as another) or when `opts` is NULL -- and check them with `c` against
 * `ref` (NULL: none).  The new document keeps orig's note that its
 * encoding was detected.  Results as for fix_check_fn.
 */
MT_NODISCARD enum mt_err
fix_check_as(struct checker *c, struct document *ref,
	     const struct document *orig, const struct document_options *opts,
	     const void *bytes, size_t len, struct document **doc,
	     struct diag_list *diags, struct mt_error *err);

enum fix_stop {
	FIX_STOP_CLEAN = 0, /* no safe fix left that applies */
	FIX_STOP_CYCLE,	    /* the next pass would repeat an earlier text */
	FIX_STOP_PASSES,    /* FIX_MAX_PASSES passes made, fixes remain */
};

struct fix_result {
	/* the final text, loaded and checked by `check`, and its findings
	 * (in its arena); NULL when no fix applied (the original is final) */
	struct document *doc;
	struct diag_list diags;
	unsigned char *bytes; /* the file's new contents; NULL: no fix */
	size_t len;
	/* the whole change against the original's text: sorted, disjoint */
	struct fix_edit *edits;
	size_t n_edits;
	size_t n_applied;  /* fixes applied, summed over the passes */
	unsigned n_passes; /* passes that applied at least one */
	enum fix_stop stop;
};

/*
 * Apply the safe fixes of doc (checked into diags) pass after pass as
 * described above, re-checking each new text with `check` (called with
 * `arg`).  *res needs no initialisation; release it with
 * fix_result_release() whatever the outcome.  Fails as fix_apply() on any
 * pass, or with the error of `check`; nothing is kept then.  doc and
 * diags are borrowed.
 */
MT_NODISCARD enum mt_err fix_run(const struct document *doc,
				 const struct diag_list *diags,
				 fix_check_fn check, void *arg,
				 struct fix_result *res, struct mt_error *err);
void fix_result_release(struct fix_result *res);

/*
 * Rewrite doc's file with the result of fix_run(), atomically and keeping
 * the file's identity (see atomicfile.h), unless it changed since it was
 * loaded.  A hard-linked, foreign-owned or read-only file is refused
 * unless `force` (--fix-force); a setuid or setgid one always.  Nothing
 * is written when no fix applied.
 */
MT_NODISCARD enum mt_err fix_file(const struct document *doc,
				  const struct fix_result *res, int force,
				  struct mt_error *err);

/*
 * Append to `out` a unified diff (3 lines of context; "--- PATH" /
 * "+++ PATH" headers) of doc's text with the n edits made (sorted,
 * disjoint: fix_result.edits), in UTF-8.  Appends nothing when n is 0.
 * Returns n.
 */
size_t fix_diff(const struct document *doc, const struct fix_edit *edits,
		size_t n, struct buf *out);

#endif /* MT_FIX_H */
