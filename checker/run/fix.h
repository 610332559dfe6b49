/*
 * fix: apply safe suggestions to the user's file (--fix) or show them as a
 * unified diff (--fix-dry-run).
 *
 * A finding's fix is applied when it is marked DIAGF_SAFE_FIX and carries
 * exactly one suggestion; of overlapping ones only the first (in report
 * order) is applied, so one run never produces a garbled edit.  Edits are
 * made on the original bytes (document_position() offsets), everything
 * else byte for byte as it was: line ends, BOM, untouched text.  For input
 * that was not UTF-8, replacements are converted back to the file's
 * encoding with iconv; a replacement it cannot represent is skipped.
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

/*
 * The safe fixes one pass applies, as above: their indexes into `diags`
 * (sorted), in order, written to idx (room for diags->n entries).  Returns
 * how many.  For front ends that apply the edits themselves (an editor's
 * "fix all").
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

/*
 * Rewrite doc's file with the fixes, atomically and keeping the file's
 * identity (see atomicfile.h), unless it changed since it was loaded.
 * A hard-linked, foreign-owned or read-only file is refused unless
 * `force` (--fix-force); a setuid or setgid one always.  Nothing is
 * written when no fix applies.
 */
MT_NODISCARD enum mt_err fix_file(const struct document *doc,
				  const struct diag_list *diags, int force,
				  size_t *n_applied, struct mt_error *err);

/*
 * Append to `out` a unified diff (3 lines of context; "--- PATH" /
 * "+++ PATH" headers) of the safe fixes, in UTF-8.  Appends nothing when no
 * fix applies.  Returns the number of fixes shown.
 */
size_t fix_diff(const struct document *doc, const struct diag_list *diags,
		struct buf *out);

#endif /* MT_FIX_H */
