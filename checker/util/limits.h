/*
 * limits: every bound mtlint puts on what it reads and on the work it does
 * for one document, in one place (the security section of docs/usage.md
 * lists them for users).
 *
 * Each input has a size limit, checked while reading: a file over it fails
 * with MT_ERR_TOO_LARGE and a message naming the file and the limit, never
 * a silently shortened or empty read, and a device such as /dev/zero ends
 * at the limit instead of exhausting memory.  The limits are far above any
 * real input (a long article is 100 KB, the largest shipped rule file 60
 * KB); whatever their size, inputs that are not text (a device, a binary
 * file) are refused after the first read.
 *
 * Work budgets count work, not time, so the same input gives the same
 * report on any machine: when one runs out, the check that ran out says so
 * with an `info` finding naming the rule, and goes on without it.
 *
 * Depends on nothing.
 */
#ifndef MT_LIMITS_H
#define MT_LIMITS_H

/* --- sizes of inputs, in bytes ------------------------------------------ */

/* A document to check or a reference article (about 20 bytes of memory
 * per byte of prose when checked). */
#define MT_LIMIT_DOCUMENT (64u << 20)
/* A document the Language Server is sent (didOpen, didChange): an editor
 * buffer gets an answer within a second or two up to this size. */
#define MT_LIMIT_LSP_DOCUMENT (8u << 20)
/* One word list: --words, --reject, the newsroom and frequency lists. */
#define MT_LIMIT_WORD_LIST (16u << 20)
/* One rule file (rules/<lang>/NAME.yml, --rules-dir, rule packs). */
#define MT_LIMIT_RULE_FILE (4u << 20)
/* .mtlint.yml. */
#define MT_LIMIT_CONFIG (1u << 20)
/* A baseline (--baseline). */
#define MT_LIMIT_BASELINE (64u << 20)
/* One of link-grammar's dictionary files, read for word classes. */
#define MT_LIMIT_LEXICON (32u << 20)
/* One Language Server message (header and JSON body). */
#define MT_LIMIT_LSP_MESSAGE (64u << 20)

/* Text quoted from a reference as evidence (a finding's `text` and
 * `context`): enough for a sentence, never a whole file in a CI log. */
#define MT_LIMIT_EVIDENCE 240

/* --- structure ----------------------------------------------------------- */

/* Nesting of YAML collections in rule files and .mtlint.yml. */
#define MT_LIMIT_YAML_DEPTH 64
/* Nodes of one YAML document, an alias counted as the nodes it stands for
 * (nine levels of nine aliases are 387 million), and its anchors. */
#define MT_LIMIT_YAML_NODES 1000000
#define MT_LIMIT_YAML_ANCHORS 1000
/* Blanks, quote and list markers before a line's text in Markdown (about
 * 128 to 256 nested containers): a deeper line is not checked. */
#define MT_LIMIT_MARKDOWN_PREFIX 256
/* Directories below an input directory. */
#define MT_LIMIT_WALK_DEPTH 64
/* Parallel jobs (-j). */
#define MT_LIMIT_JOBS 256

/* --- work per document --------------------------------------------------- */

/*
 * ICU regex work one rule may spend on one document, in ICU's time units
 * (one unit is about 10,000 steps of its match engine, some 0.1 ms): a
 * paragraph of ordinary prose costs a rule well under one unit.
 */
#define MT_LIMIT_REGEX_WORK 2000

#endif /* MT_LIMITS_H */
