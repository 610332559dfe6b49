/*
 * yamlfile: a YAML file loaded with libyaml, and the errors found in it,
 * each located and quoted as compilers do:
 *
 *   FILE:LINE:COL: error: message
 *       the offending line
 *             ^
 *
 * Rule files (engine/ruleset.c) and `.mtlint.yml` (run/config.c) are read
 * through it, so both report every mistake the same way, and a file with
 * five mistakes reports five. yamlfile_load() parses the text into
 * libyaml's node tree (each node carries its line and column); the caller
 * walks the tree and calls yamlfile_error() at any node it does not
 * accept, then goes on with the next key or entry.
 *
 * Positions: lines and columns are 1-based, columns in characters (as
 * libyaml counts them). A syntax error, a byte that is not UTF-8, a control
 * character or a NUL stops libyaml: it is then the file's one error,
 * reported where it is. The quoted line is at most ~160 bytes around the
 * column ("..." marks cuts) and holds only what libyaml's reader accepts
 * (valid UTF-8 without control characters), so a message never carries
 * bytes the terminal cannot show; UTF-16 files are located but not
 * quoted.
 *
 * Bounds: libyaml's yaml_parser_load() builds the whole node tree before
 * anyone can look at it, and libyaml's scanner does work in proportion to
 * the nesting for every token (100,000 opening brackets took minutes).  So
 * the tree is composed here, in one pass over the events that builds the
 * same nodes with libyaml's document API (the text is scanned once) and
 * stops, as the file's one error, at the first collection nested deeper
 * than MT_LIMIT_YAML_DEPTH, at more than MT_LIMIT_YAML_ANCHORS anchors, or
 * once the nodes -- an alias counted as the nodes it stands for, since the
 * walkers expand it: nine levels of nine aliases are 387 million -- pass
 * MT_LIMIT_YAML_NODES (util/limits.h).  A hostile file costs a few
 * kilobytes of scanning.
 *
 * The only libyaml user besides the walkers of those two callers, which
 * read the node tree (<yaml.h> is included for them).  Ownership: struct
 * yamlfile borrows path and text until yamlfile_release(); struct
 * yamlfile_errors owns its strings.
 */
#ifndef MT_YAMLFILE_H
#define MT_YAMLFILE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <yaml.h>

#include "util/common.h"

/*
 * One mistake. `source` is the quoted line or NULL; `caret` the number of
 * bytes of source before the column.
 */
struct yamlfile_error {
	char *path;
	unsigned long line, column;
	char *message;
	char *source;
	size_t caret;
};

/*
 * A list of errors, in the order they were found. Zero-initialise; the
 * list owns every string; yamlfile_errors_release() frees them and empties
 * it.
 */
struct yamlfile_errors {
	struct yamlfile_error *v;
	size_t n, alloc;
};

void yamlfile_errors_release(struct yamlfile_errors *e);
/* Move every error of src to the end of dst; src is left empty. */
void yamlfile_errors_move(struct yamlfile_errors *dst,
			  struct yamlfile_errors *src);
/* Every error in the format above, one after another: a new string
 * (free()); "" when the list is empty. */
char *yamlfile_errors_format(const struct yamlfile_errors *e);
void yamlfile_errors_print(const struct yamlfile_errors *e, FILE *f);

/* One loaded file. Use the functions; the fields are private. */
struct yamlfile {
	const char *path; /* names the file in messages */
	const char *text; /* the file, for quoting lines */
	size_t len;
	size_t bom; /* bytes of a UTF-8 BOM, which libyaml skips */
	int utf8;   /* 0: UTF-16 (libyaml's marks are not bytes of it) */
	int loaded; /* doc holds a document */
	yaml_document_t doc;
	struct yamlfile_errors errs; /* every error so far */
};

/*
 * Parse text[0..len) (UTF-8, or UTF-16 with a BOM). 0 on success: the
 * document's nodes are valid until yamlfile_release(). -1 when libyaml
 * stopped: its error is in y->errs. y need not be initialised.
 */
MT_NODISCARD int yamlfile_load(struct yamlfile *y, const char *path,
			       const char *text, size_t len);

/* The document's root node, or NULL when empty; node number i (libyaml's
 * indices in sequences and mappings). */
yaml_node_t *yamlfile_root(struct yamlfile *y);
yaml_node_t *yamlfile_node(struct yamlfile *y, int i);

/* A scalar's value, or NULL when n is NULL or not a scalar. */
const char *yamlfile_scalar(const yaml_node_t *n);

/*
 * Record an error at node n (NULL: line 1, column 1). Always returns -1,
 * so that a walker can `return yamlfile_error(...)`.
 */
int yamlfile_error(struct yamlfile *y, const yaml_node_t *n, const char *fmt,
		   ...) MT_PRINTF(3, 4);
int yamlfile_verror(struct yamlfile *y, const yaml_node_t *n, const char *fmt,
		    va_list ap) MT_PRINTF(3, 0);

/* The number of errors recorded so far. */
static inline size_t yamlfile_n_errors(const struct yamlfile *y)
{
	return y->errs.n;
}

/* Free the document and the errors still in y->errs (move them out with
 * yamlfile_errors_move() first to keep them). */
void yamlfile_release(struct yamlfile *y);

#endif /* MT_YAMLFILE_H */
