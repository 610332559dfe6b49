/*
 * builtin: checks that need no data files, so that the pipeline always has
 * something to run: repeated words ("the the").  Rule ids:
 *   grammar.repeated-word  -- the same word twice in a row
 */
#ifndef MT_BUILTIN_H
#define MT_BUILTIN_H

#include "check.h"

extern const struct check_pass builtin_pass;

#endif /* MT_BUILTIN_H */
