/*
 * yamlload: libyaml's document loader with the bounds it lacks, for rule
 * files and .mtlint.yml (the two YAML readers).
 *
 * yaml_parser_load() builds the whole node tree before anyone can look at
 * it, and libyaml's scanner does work in proportion to the nesting for
 * every token: 100,000 opening brackets take minutes.  yamlload_bounded()
 * first reads the events alone and stops at the first collection nested
 * deeper than MT_LIMIT_YAML_DEPTH, or at the first of more than
 * MT_LIMIT_YAML_ALIASES aliases (each alias is a walk over its anchor's
 * tree for the readers: nine levels of nine aliases are 387 million nodes),
 * so that a hostile file costs a few kilobytes of scanning.
 *
 * Only this file and the two readers include <yaml.h>.
 */
#ifndef MT_YAMLLOAD_H
#define MT_YAMLLOAD_H

#include <stddef.h>

#include <yaml.h>

/*
 * Load the one document of `parser`, which the caller has initialised and
 * given its input (yaml_parser_set_input_string(text, len), the same text
 * passed here).  Returns 1 with *doc loaded (the caller deletes it with
 * yaml_document_delete), or 0 with the error in *parser as
 * yaml_parser_load() leaves it: `error`, `problem`, `problem_mark` (and
 * `problem_offset` for YAML_READER_ERROR), `context` and `context_mark`.
 * A bound gives YAML_PARSER_ERROR, a problem naming it, and the mark of
 * the collection or alias that went over it.
 */
int yamlload_bounded(yaml_parser_t *parser, const char *text, size_t len,
		     yaml_document_t *doc);

#endif /* MT_YAMLLOAD_H */
