/*
 * session: checking documents the way every front end does -- the command
 * line, the Language Server, tests, and any server or batch mode to come.
 * The same file gives the same findings through each, because each calls
 * this and nothing else between its own input handling and the checker.
 *
 * A session is long-lived: open it once with the caller's settings (for
 * the CLI, its command line), check any number of documents, from a path
 * or from text in memory, then free it.  For each document it
 *
 *   1. finds the configuration: the nearest `.mtlint.yml` above the
 *      document's path (config.h), or the session's fixed file
 *      (--config), or none (--no-config); a caller may hand one in;
 *   2. merges it with the session's settings into a profile (below) and
 *      opens a checker for the profile -- once, then reuses it: checkers
 *      are shared by every profile with the same checker options;
 *   3. finds the reference article: the document's own, else the
 *      session's (--reference), else the configuration's `references:`
 *      mapping; it is loaded once and reloaded only when the file changes;
 *   4. loads the document (or takes its text), reads it as Markdown or
 *      text -- the caller's choice, else the profile's `input:`, else the
 *      extension -- and checks it with checker_check();
 *   5. with a fix mode, applies the safe fixes pass after pass, checking
 *      each new text in memory with the same checker and reference, until
 *      none applies, the fixes go round in a circle or FIX_MAX_PASSES
 *      (fix.h); then writes the final text to the file once and reports
 *      what is left in it, at its new positions, or shows the original
 *      against the final text as a unified diff.
 *
 * Merging (the caller's settings win over the configuration's):
 *   - lang, dict_path: the session's when set (non-NULL), else the
 *     configuration's, else the defaults ("en_US");
 *   - input, fail_on: the session's when set, else the configuration's
 *     (else auto; warning);
 *   - word and reject lists: the configuration's, then the session's;
 *   - `rules:` entries become enable/disable settings and severity
 *     overrides, except a name the session enables or disables itself,
 *     which is left to the session; then the session's enable/disable;
 *   - grammar_parser: -1 (unset) means on, for every front end alike.
 *
 * Slots and threads: `n_slots` documents can be checked at once, one per
 * slot (a thread uses its own slot index, 0 .. n_slots-1): each slot has
 * its own checkers and reference cache.  session_check() on distinct slots
 * may run concurrently; lookups and checker opening are serialised inside.
 * A single-threaded caller uses slot 0.
 *
 * Ownership: the session owns configurations, profiles, checkers and
 * reference documents (a reference given as text is the result's); pointers to them stay valid until session_reload()
 * or session_free().  A result owns its document and diagnostics until
 * session_result_release(); its rule ids point into a checker, so release
 * results before session_reload()/session_free().
 */
#ifndef MT_SESSION_H
#define MT_SESSION_H

#include <stddef.h>

#include "util/buf.h"
#include "util/common.h"
#include "check/diag.h"
#include "run/checker.h"
#include "run/config.h"
#include "run/fix.h"
#include "text/document.h"

struct session_options {
	/* the checker settings; lang and dict_path NULL: from the
	 * configuration, else the defaults; grammar_parser -1: on */
	struct checker_options co;
	const char *config; /* one file for every document; NULL: search */
	int no_config;	    /* use no configuration file at all */
	enum config_input input; /* AUTO: the configuration's, else by name */
	int has_fail_on;	 /* fail_on set: it wins over fail-on: */
	enum mt_severity fail_on;
	const char *reference; /* the reference of every document */
	/* paths a configuration names may lie outside its project root
	 * (config.h); the caller's own paths always may */
	int allow_outside_root;
	/* SESSION_FIX_WRITE also rewrites hard-linked, foreign-owned and
	 * read-only files (fix.h) */
	int fix_force;
	struct document_options dopts; /* encoding, size limit (kind unused) */
	size_t n_slots;		       /* documents at once; 0: 1 */
	/* references stay loaded until session_free() or
	 * session_reload(), so a result's `reference` outlives the slot's
	 * next check (a report that shows references keeps every one the
	 * run used) */
	int keep_references;
};

/*
 * What applies to one document: the configuration merged with the
 * session's settings.  Read-only for callers.
 */
struct session_profile {
	const struct config *cfg;  /* NULL: none */
	struct checker_options co; /* merged; strings owned by the profile */
	enum config_input input;
	enum mt_severity fail_on;
	long max_warnings; /* the configuration's; -1: not set */
};

struct session;

/*
 * Open a session.  Loads the fixed configuration file, if any: on a broken
 * one fails with MT_ERR_CONFIG and appends its errors to errs (may be
 * NULL).  Checkers are opened on first use.
 */
MT_NODISCARD enum mt_err session_new(const struct session_options *o,
				     struct session **out,
				     struct yamlfile_errors *errs,
				     struct mt_error *err);
void session_free(struct session *s);

/* The session's settings (strings owned by the caller who opened it). */
const struct session_options *session_options(const struct session *s);

/*
 * Forget every configuration, profile, checker and reference loaded so
 * far, so the next check reads them again (a long-lived process calls it
 * when `.mtlint.yml`, a word list or a rule file changed).
 */
void session_reload(struct session *s);

/*
 * The configuration that applies to `path` ("-": searched from the working
 * directory) in *cfg (NULL when none).  Fails as config_cache_lookup().
 */
MT_NODISCARD enum mt_err session_config(struct session *s, const char *path,
					const struct config **cfg,
					struct yamlfile_errors *errs,
					struct mt_error *err);

/*
 * The profile for documents under `cfg` (NULL: no configuration): built
 * once per configuration the session loaded (the session owns it), per
 * call for a configuration the caller owns -- a server handed a
 * configuration with each document -- which the caller passes to
 * session_profile_free() after use (a no-op for the session's own).
 */
const struct session_profile *session_profile(struct session *s,
					      const struct config *cfg);
void session_profile_free(struct session *s,
			  const struct session_profile *p);

/*
 * The checker for profile `p` in `slot`, opened on first use.  Fails with
 * checker_new()'s error (a broken rule file, a missing dictionary).  The
 * checker is owned by the session.
 */
MT_NODISCARD enum mt_err session_checker(struct session *s,
					 const struct session_profile *p,
					 size_t slot, struct checker **out,
					 struct mt_error *err);

enum session_fix {
	SESSION_FIX_NONE = 0,
	SESSION_FIX_WRITE, /* rewrite the file, then check what is left */
	SESSION_FIX_DIFF,  /* put the fixes in the result's diff */
};

/* One document to check.  Only `path` is required. */
struct session_doc {
	/* where the document lives: configuration and reference are found
	 * from it, and it names the document ("-": standard input) */
	const char *path;
	const char *text; /* its contents (UTF-8 or any the loader takes);
			   * NULL: read `path` */
	size_t len;
	enum document_kind kind; /* AUTO: the profile's input, else by path */
	const char *reference;	 /* a reference file; NULL: as above */
	/* the reference's contents instead (a server's or a stream's
	 * request): loaded for this check alone, named `reference` (or
	 * "reference" when NULL) in messages; wins over every file */
	const char *reference_text;
	size_t reference_len;
	/* NULL: looked up from path (the profile, if given, wins) */
	const struct session_profile *profile;
	enum session_fix fix; /* needs a file: text must be NULL */
	int quick;	      /* checker_check_quick() (no fix mode) */
};

struct session_result {
	struct document *doc;	  /* NULL when it could not be loaded */
	struct diag_list diags;	  /* in doc's arena */
	const struct session_profile *profile; /* NULL if lookup failed */
	size_t n_fixed; /* fixes written (SESSION_FIX_WRITE), summed
				   * over the passes */
	/* with a fix mode and a fix applied: the passes that applied one and
	 * why they stopped (FIX_STOP_CLEAN otherwise) */
	unsigned fix_passes;
	enum fix_stop fix_stop;
	struct buf diff;	  /* SESSION_FIX_DIFF: the unified diff */
	struct yamlfile_errors cerrs; /* a broken configuration's mistakes */
	struct mt_error err;	  /* why it failed */
	struct document *ref;	  /* reference_text's document, if any */
	/* the reference the document was checked against (NULL: none):
	 * `ref`, or the slot's, valid until the slot's next check (with
	 * keep_references: until session_free()) */
	const struct document *reference;
};

/*
 * Check one document in `slot` into *res (which need not be initialised;
 * release it with session_result_release() whatever the outcome).  Fails
 * with MT_ERR_CONFIG (res->cerrs holds every mistake), MT_ERR_IO and the
 * loader's errors for the document or its reference, or the checker's;
 * res->err says why.
 */
MT_NODISCARD enum mt_err session_check(struct session *s, size_t slot,
				       const struct session_doc *d,
				       struct session_result *res);
void session_result_release(struct session_result *res);

#endif /* MT_SESSION_H */
