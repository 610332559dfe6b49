/*
 * patternmemo: the regular expressions known to compile, remembered
 * between runs so that loading the rules does not compile them all.
 *
 * ICU compiles a rule's regex in tens to hundreds of microseconds (a
 * case-insensitive \p{L} closes a set of 140,000 letters over case), and
 * a document of a few sentences uses a handful of the rules' 150 regexes.
 * The first load of a rule file compiles each of them, as it must to
 * report a bad one at its line; the memo then records every one that
 * compiled, with its flags and number of groups.  Later loads that find a
 * regex in the memo take pattern_defer() (pattern.h): ICU compiles it when
 * it is first searched, if ever.  What is reported does not change: a
 * regex that compiled once compiles again to the same program under the
 * same ICU, and one that failed is never recorded, so its error is
 * reported at load as before.
 *
 * The memo is a file of the cache directory (paths.h, mt_cache_dir()) named
 * after ICU's version, holding the regexes themselves (not hashes of
 * them: nothing can be mistaken for another).  It is read at
 * pattern_memo_open() -- a missing, damaged or foreign file is an empty
 * memo -- and, when the load added regexes, written again whole at
 * pattern_memo_close() through atomicfile (a concurrent run sees the old
 * or the new file, never half of one; when two runs add at once, the last
 * writer's file wins and the other's regexes are added again next time).
 * It keeps at most PATTERN_MEMO_MAX_BYTES of regexes: those of the current
 * load first, then the older ones in their order.  With no cache
 * directory (HOME unset, as in the unit tests) the memo is NULL and every
 * regex is compiled at load.
 *
 * One memo serves one rule load on one thread.
 */
#ifndef MT_PATTERNMEMO_H
#define MT_PATTERNMEMO_H

#include <stddef.h>

#define PATTERN_MEMO_MAX_BYTES (1u << 20)

struct pattern_memo;

/* The memo of the cache directory, or NULL when there is none. */
struct pattern_memo *pattern_memo_open(void);

/* The memo kept in the file at `path` (for tests; the file need not
 * exist). */
struct pattern_memo *pattern_memo_open_file(const char *path);

/* The number of groups `re` compiled with under `flags` (pattern.h's
 * PATTERN_ICASE; other flags do not matter to ICU), or -1 when the memo
 * does not know it. */
int pattern_memo_groups(struct pattern_memo *m, const char *re, unsigned flags);

/* Remember that `re` compiled under `flags` with `groups` groups. */
void pattern_memo_add(struct pattern_memo *m, const char *re, unsigned flags,
		      int groups);

/* Write the memo back when regexes were added, and free it (NULL is a
 * no-op).  A write that fails is ignored: the next run compiles again. */
void pattern_memo_close(struct pattern_memo *m);

#endif /* MT_PATTERNMEMO_H */
