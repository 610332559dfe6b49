/*
 * stream: `mtlint batch`, checking a stream of JSON Lines -- one segment
 * or article a line -- for localisation desks and MT evaluation teams that
 * check millions of segments with the engines they already run (GNU
 * parallel, Spark's RDD.pipe, Hadoop Streaming: docs/serve.md).
 *
 * Input, one JSON object a line:
 *   {"id": ANY, "text": "...", "reference": "..."?, "format": "text" |
 *    "markdown"?}
 * Output, exactly one line per input line, in input order:
 *   {"id": ANY, "diagnostics": [...]}            (the JSON report's
 *                                                 diagnostics: offsets in
 *                                                 bytes of the text)
 *   {"id": ANY|null, "error": "..."}             (a line that is not such
 *                                                 an object, or a text
 *                                                 that cannot be checked)
 * A bad line never stops the stream.  The n-th output line always answers
 * the n-th input line, so output split and joined again by a tool such as
 * GNU parallel (--pipe -k) equals one process's output byte for byte.
 *
 * Memory is bounded whatever the input's length: lines are read, checked
 * (on `jobs` threads, one checker each) and written in windows of
 * STREAM_WINDOW_PER_JOB lines per thread; a line longer than max_line
 * bytes is skipped to its end and answered with an error.
 */
#ifndef MT_STREAM_H
#define MT_STREAM_H

#include <stddef.h>
#include <stdio.h>

#include "run/session.h"

#define STREAM_MAX_LINE (16u << 20)
#define STREAM_WINDOW_PER_JOB 16

struct stream_options {
	size_t jobs;	  /* threads; 0: the processors */
	size_t max_line;  /* bytes; 0: STREAM_MAX_LINE */
};

/*
 * Check every line of `in`, writing to `out`, with the session's settings
 * (its n_slots must be at least the jobs).  Returns 0 when every line was
 * answered; 2 on an environment failure (a checker that cannot be opened,
 * a read or write error), reported on `log`.
 */
int stream_run(struct session *s, const struct stream_options *o, FILE *in,
	       FILE *out, FILE *log);

#endif /* MT_STREAM_H */
