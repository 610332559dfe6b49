/*
 * project: change a project's mtlint files the way a user would by hand --
 * what an editor's "add to dictionary" and "disable this rule" do, for any
 * front end (the Language Server's commands; a server to come).
 *
 * The project is the configuration that applies to a document (config.h):
 * its `.mtlint.yml`, or, when there is none, a new one in `dir` (the
 * workspace's root or the document's directory).
 *
 *   - project_accept_word(): adds the word to the project's accept list,
 *     the first file of `accept:`; when the configuration has none, to
 *     `mtlint-words.txt` beside it, adding `accept: [mtlint-words.txt]`.
 *     The list keeps its leading comment lines, then every word once, in
 *     byte order.
 *   - project_disable_rule(): sets `RULE: off` in `rules:`, replacing the
 *     rule's entry or adding one (and the `rules:` key when missing).
 *
 * `.mtlint.yml` is edited as text, so its comments and layout stay; a
 * `rules:` mapping written in flow style ("rules: {a: off}") cannot be
 * edited that way and fails with MT_ERR_CONFIG.  Every new configuration
 * text is parsed before it is written: an edit that would break the file,
 * or not do what was asked, fails with MT_ERR_CONFIG and writes nothing.
 * Files are replaced atomically (atomicfile.h) and created when missing.
 *
 * After a change, a long-lived front end calls session_reload().
 */
#ifndef MT_PROJECT_H
#define MT_PROJECT_H

#include "util/common.h"
#include "run/config.h"

/* The word list a new accept list gets, beside the configuration. */
#define PROJECT_WORDS_FILE "mtlint-words.txt"

/*
 * Accept `word` (one line of UTF-8, no whitespace at either end) in the
 * project of `cfg` (NULL: none; then a new .mtlint.yml in `dir`).
 * *changed (may be NULL) gets the path of the word list (free()).  Fails
 * with MT_ERR_CONFIG (see above; also for a word that cannot be a line)
 * or MT_ERR_IO.
 */
MT_NODISCARD enum mt_err project_accept_word(const struct config *cfg,
					     const char *dir, const char *word,
					     char **changed,
					     struct mt_error *err);

/*
 * Switch `rule` (a rule id, id prefix or category) off in the project of
 * `cfg` (NULL: a new .mtlint.yml in `dir`).  *changed (may be NULL) gets
 * the configuration's path (free()).  Fails as project_accept_word().
 */
MT_NODISCARD enum mt_err project_disable_rule(const struct config *cfg,
					      const char *dir,
					      const char *rule,
					      char **changed,
					      struct mt_error *err);

#endif /* MT_PROJECT_H */
