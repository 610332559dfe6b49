/*
 * session: configurations, profiles, checkers and references for checking
 * documents the same way from every front end (see session.h).
 */
#include "run/session.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "run/configcache.h"
#include "run/fix.h"
#include "util/xalloc.h"

/* A growable list of borrowed strings. */
struct strvec {
	const char **v;
	size_t n, alloc;
};

static void strvec_add(struct strvec *l, const char *s)
{
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = s;
}

struct profile {
	struct session_profile pub; /* first: callers see only this */
	struct strvec words, reject, enable, disable, packs, names;
	struct severity_override *sev;
	int owned; /* cached by the session */
};

/* The checkers with one set of options, one per slot. */
struct checker_set {
	char *key;
	struct checker **by_slot;
};

/* What one slot remembers between documents: its last reference. */
struct slot {
	char *ref_path;
	struct document *ref;
	struct stat ref_st;
	int ref_stat_ok; /* a file (not standard input) */
	/* keep_references: the references replaced since */
	struct document **retired;
	size_t n_retired;
};

struct session {
	struct session_options o;
	struct config_cache *cc;
	const struct config **known; /* configurations cc handed out */
	size_t n_known, alloc_known;
	struct profile **profiles;
	size_t n_profiles, alloc_profiles;
	struct checker_set *sets;
	size_t n_sets, alloc_sets;
	struct slot *slots;
	pthread_mutex_t lock;
};

/* Checkers are opened one at a time, in every session: a pass's loader
 * (dictionaries, third-party libraries) need not be thread-safe, only its
 * checks. */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

/* Load the configuration cache (again, after session_reload()); a fixed
 * file is read here, so its mistakes are reported by the next lookup. */
static enum mt_err ensure_cache(struct session *s, struct yamlfile_errors *errs,
				struct mt_error *err)
{
	if (s->cc)
		return MT_ERR_OK;
	return config_cache_new(s->o.config, s->o.no_config,
				s->o.allow_outside_root
					? CONFIG_ALLOW_OUTSIDE_ROOT
					: 0,
				&s->cc, errs, err);
}

enum mt_err session_new(const struct session_options *o,
			struct session **out, struct yamlfile_errors *errs,
			struct mt_error *err)
{
	struct session *s = xcalloc(1, sizeof(*s));
	enum mt_err rc;

	*out = NULL;
	s->o = *o;
	if (!s->o.n_slots)
		s->o.n_slots = 1;
	s->o.dopts.kind = DOCUMENT_AUTO;
	rc = ensure_cache(s, errs, err);
	if (rc != MT_ERR_OK) {
		free(s);
		return rc;
	}
	s->slots = xcalloc(s->o.n_slots, sizeof(*s->slots));
	pthread_mutex_init(&s->lock, NULL);
	*out = s;
	return MT_ERR_OK;
}

static void profile_free(struct profile *p)
{
	if (!p)
		return;
	free(p->words.v);
	free(p->reject.v);
	free(p->enable.v);
	free(p->disable.v);
	free(p->packs.v);
	free(p->names.v);
	free(p->sev);
	free(p);
}

/* Drop everything loaded; keep the options and the slots' array. */
static void forget(struct session *s)
{
	for (size_t i = 0; i < s->n_profiles; i++)
		profile_free(s->profiles[i]);
	free(s->profiles);
	s->profiles = NULL;
	s->n_profiles = s->alloc_profiles = 0;
	for (size_t i = 0; i < s->n_sets; i++) {
		for (size_t k = 0; k < s->o.n_slots; k++)
			checker_free(s->sets[i].by_slot[k]);
		free(s->sets[i].by_slot);
		free(s->sets[i].key);
	}
	free(s->sets);
	s->sets = NULL;
	s->n_sets = s->alloc_sets = 0;
	for (size_t k = 0; k < s->o.n_slots; k++) {
		document_free(s->slots[k].ref);
		free(s->slots[k].ref_path);
		for (size_t j = 0; j < s->slots[k].n_retired; j++)
			document_free(s->slots[k].retired[j]);
		free(s->slots[k].retired);
		memset(&s->slots[k], 0, sizeof(s->slots[k]));
	}
	free(s->known);
	s->known = NULL;
	s->n_known = s->alloc_known = 0;
	config_cache_free(s->cc);
	s->cc = NULL;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	forget(s);
	free(s->slots);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

const struct session_options *session_options(const struct session *s)
{
	return &s->o;
}

void session_reload(struct session *s)
{
	pthread_mutex_lock(&s->lock);
	forget(s);
	pthread_mutex_unlock(&s->lock);
}

/* --- configurations and profiles ----------------------------------------- */

enum mt_err session_config(struct session *s, const char *path,
			   const struct config **cfg,
			   struct yamlfile_errors *errs, struct mt_error *err)
{
	enum mt_err rc;

	*cfg = NULL;
	pthread_mutex_lock(&s->lock);
	rc = ensure_cache(s, errs, err);
	if (rc == MT_ERR_OK)
		rc = config_cache_lookup(s->cc, path, cfg, errs, err);
	if (rc == MT_ERR_OK && *cfg) {
		size_t i = 0;

		while (i < s->n_known && s->known[i] != *cfg)
			i++;
		if (i == s->n_known) {
			s->known = xgrow(s->known, &s->alloc_known,
					 s->n_known + 1, sizeof(*s->known));
			s->known[s->n_known++] = *cfg;
		}
	}
	pthread_mutex_unlock(&s->lock);
	return rc;
}

/* Does the session name this rule setting itself?  Then it wins over the
 * configuration's. */
static int session_names(const struct session_options *o, const char *name)
{
	for (size_t i = 0; i < o->co.n_enable; i++)
		if (!strcmp(o->co.enable[i], name))
			return 1;
	for (size_t i = 0; i < o->co.n_disable; i++)
		if (!strcmp(o->co.disable[i], name))
			return 1;
	return 0;
}

static void add_all(struct strvec *l, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strvec_add(l, v[i]);
}

/* Merge cfg (may be NULL) with the session's settings (see session.h). */
static struct profile *profile_build(const struct session_options *o,
				     const struct config *cfg)
{
	struct profile *p = xcalloc(1, sizeof(*p));
	struct session_profile *pp = &p->pub;
	size_t n_sev = 0;

	pp->cfg = cfg;
	pp->co = o->co;
	pp->input = o->input;
	pp->fail_on = o->has_fail_on ? o->fail_on : MT_SEV_WARNING;
	pp->max_warnings = -1;
	if (pp->co.grammar_parser < 0)
		pp->co.grammar_parser = 1;
	if (cfg) {
		if (cfg->lang && !o->co.lang)
			pp->co.lang = cfg->lang;
		if (cfg->dict_path && !o->co.dict_path)
			pp->co.dict_path = cfg->dict_path;
		if (o->input == CONFIG_INPUT_AUTO)
			pp->input = cfg->input;
		if (cfg->has_fail_on && !o->has_fail_on)
			pp->fail_on = cfg->fail_on;
		pp->max_warnings = cfg->max_warnings;
		add_all(&p->words, (const char *const *)cfg->accept,
			cfg->n_accept);
		add_all(&p->reject, (const char *const *)cfg->reject,
			cfg->n_reject);
		/* the configuration's packs come before the command line's */
		add_all(&p->packs, (const char *const *)cfg->packs,
			cfg->n_packs);
		add_all(&p->names, (const char *const *)cfg->names,
			cfg->n_names);
		p->sev = xcalloc(cfg->n_rules + 1, sizeof(*p->sev));
		for (size_t i = 0; i < cfg->n_rules; i++) {
			const struct config_rule *cr = &cfg->rules[i];

			if (session_names(o, cr->name))
				continue;
			strvec_add(cr->enable ? &p->enable : &p->disable,
				   cr->name);
			if (cr->severity != MT_SEV_NONE)
				p->sev[n_sev++] = (struct severity_override){
					cr->name, cr->severity
				};
		}
	}
	if (!pp->co.lang)
		pp->co.lang = "en_US";
	add_all(&p->words, o->co.word_files, o->co.n_word_files);
	add_all(&p->packs, o->co.packs, o->co.n_packs);
	add_all(&p->names, o->co.names, o->co.n_names);
	add_all(&p->reject, o->co.reject_files, o->co.n_reject_files);
	add_all(&p->enable, o->co.enable, o->co.n_enable);
	add_all(&p->disable, o->co.disable, o->co.n_disable);
	pp->co.word_files = p->words.v;
	pp->co.n_word_files = p->words.n;
	pp->co.packs = p->packs.v;
	pp->co.n_packs = p->packs.n;
	pp->co.names = p->names.v;
	pp->co.n_names = p->names.n;
	pp->co.reject_files = p->reject.v;
	pp->co.n_reject_files = p->reject.n;
	pp->co.enable = p->enable.v;
	pp->co.n_enable = p->enable.n;
	pp->co.disable = p->disable.v;
	pp->co.n_disable = p->disable.n;
	pp->co.severity = p->sev;
	pp->co.n_severity = n_sev;
	return p;
}

const struct session_profile *session_profile(struct session *s,
					      const struct config *cfg)
{
	struct profile *p = NULL;
	int known = !cfg;

	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; !known && i < s->n_known; i++)
		known = s->known[i] == cfg;
	for (size_t i = 0; known && !p && i < s->n_profiles; i++)
		if (s->profiles[i]->pub.cfg == cfg)
			p = s->profiles[i];
	if (!p) {
		p = profile_build(&s->o, cfg);
		if (known) {
			p->owned = 1;
			s->profiles = xgrow(s->profiles, &s->alloc_profiles,
					    s->n_profiles + 1,
					    sizeof(*s->profiles));
			s->profiles[s->n_profiles++] = p;
		}
	}
	pthread_mutex_unlock(&s->lock);
	return &p->pub;
}

void session_profile_free(struct session *s,
			  const struct session_profile *p)
{
	(void)s;
	/* the public part is the first member of struct profile */
	if (p && !((const struct profile *)p)->owned)
		profile_free((struct profile *)p);
}

/* --- checkers ------------------------------------------------------------ */

static void key_str(struct buf *b, const char *s)
{
	buf_adds(b, s ? s : "\x02");
	buf_addc(b, '\x1f');
}

static void key_list(struct buf *b, const char *const *v, size_t n)
{
	buf_addf(b, "%zu\x1e", n);
	for (size_t i = 0; i < n; i++)
		key_str(b, v[i]);
}

/*
 * Checker options as a string: two profiles with equal keys get the same
 * checkers.  Every field of struct checker_options must be here; the
 * assertion fails when one is added, as a reminder.
 */
_Static_assert(sizeof(struct checker_options) == 184,
	       "a field was added to struct checker_options: add it to "
	       "options_key()");
static char *options_key(const struct checker_options *co)
{
	struct buf b = BUF_INIT;

	key_str(&b, co->lang);
	key_str(&b, co->data_dir);
	key_str(&b, co->rules_dir);
	key_str(&b, co->dict_path);
	key_list(&b, co->word_files, co->n_word_files);
	key_list(&b, co->names, co->n_names);
	key_list(&b, co->packs, co->n_packs);
	buf_addf(&b, "%d\x1f", co->no_builtin_rules);
	key_list(&b, co->reject_files, co->n_reject_files);
	key_list(&b, co->enable, co->n_enable);
	key_list(&b, co->disable, co->n_disable);
	buf_addf(&b, "%d\x1f%u\x1f%u\x1f%d\x1f%d\x1f%d\x1f%zu\x1e",
		 co->grammar_parser, co->grammar_parser_max_sentences,
		 co->grammar_parser_max_words, co->acronym_max,
		 co->report_unused, co->reference_kind, co->n_severity);
	for (size_t i = 0; i < co->n_severity; i++)
		buf_addf(&b, "%s\x1f%d\x1f", co->severity[i].name,
			 (int)co->severity[i].severity);
	return buf_detach(&b, NULL);
}

enum mt_err session_checker(struct session *s,
			    const struct session_profile *p, size_t slot,
			    struct checker **out, struct mt_error *err)
{
	char *key = options_key(&p->co);
	struct checker_set *set = NULL;
	enum mt_err rc = MT_ERR_OK;

	if (slot >= s->o.n_slots)
		MT_BUG("slot %zu of %zu", slot, s->o.n_slots);
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; !set && i < s->n_sets; i++)
		if (!strcmp(s->sets[i].key, key))
			set = &s->sets[i];
	if (!set) {
		s->sets = xgrow(s->sets, &s->alloc_sets, s->n_sets + 1,
				sizeof(*s->sets));
		set = &s->sets[s->n_sets++];
		set->key = key;
		set->by_slot = xcalloc(s->o.n_slots, sizeof(*set->by_slot));
		key = NULL;
	}
	if (!set->by_slot[slot]) {
		pthread_mutex_lock(&open_lock);
		rc = checker_new(&p->co, &set->by_slot[slot], err);
		pthread_mutex_unlock(&open_lock);
	}
	*out = set->by_slot[slot];
	pthread_mutex_unlock(&s->lock);
	free(key);
	return rc;
}

/* --- references ---------------------------------------------------------- */

/* The reference of a document at `path` under p: the session's
 * --reference, else the configuration's mapping, else NULL (free()). */
static char *reference_path(const struct session *s,
			    const struct session_profile *p, const char *path)
{
	if (s->o.reference)
		return xstrdup(s->o.reference);
	return config_reference(p ? p->cfg : NULL, path);
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/*
 * The slot's reference document for `path` (the document's name in
 * messages), loaded once and again only when the file changed.
 */
static enum mt_err slot_reference(struct session *s, struct slot *sl,
				  char *ref_path, const char *path,
				  struct document **out, struct mt_error *err)
{
	struct stat st = { 0 };
	int have = strcmp(ref_path, "-") && stat(ref_path, &st) == 0;
	enum mt_err rc;

	*out = NULL;
	/* standard input is read once */
	if (sl->ref_path && !strcmp(sl->ref_path, ref_path) &&
	    (have ? sl->ref_stat_ok && same_file(&st, &sl->ref_st)
		  : !sl->ref_stat_ok)) {
		free(ref_path);
		*out = sl->ref;
		return MT_ERR_OK;
	}
	if (s->o.keep_references && sl->ref) {
		sl->retired = xrealloc(sl->retired, (sl->n_retired + 1) *
							    sizeof(*sl->retired));
		sl->retired[sl->n_retired++] = sl->ref;
	} else {
		document_free(sl->ref);
	}
	free(sl->ref_path);
	sl->ref = NULL;
	sl->ref_path = NULL;
	rc = document_load_file(ref_path, &s->o.dopts, &sl->ref, err);
	if (rc != MT_ERR_OK) {
		char msg[2 * sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "reference for '%s': %s", path,
			 err->msg);
		free(ref_path);
		return mt_error(err, rc, "%s", msg);
	}
	sl->ref_path = ref_path;
	sl->ref_st = st;
	sl->ref_stat_ok = have;
	*out = sl->ref;
	return MT_ERR_OK;
}

/* --- checking ------------------------------------------------------------ */

static enum document_kind kind_of(const struct session_doc *d,
				  const struct session_profile *p)
{
	if (d->kind != DOCUMENT_AUTO)
		return d->kind;
	switch (p->input) {
	case CONFIG_INPUT_TEXT:
		return DOCUMENT_TEXT;
	case CONFIG_INPUT_MARKDOWN:
		return DOCUMENT_MARKDOWN;
	case CONFIG_INPUT_AUTO:
		break;
	}
	return DOCUMENT_AUTO;
}

/* Load (or take) the document and check it once. */
static enum mt_err check_once(struct session *s, struct checker *c,
			      struct document *ref,
			      const struct session_doc *d,
			      struct session_result *res)
{
	struct document_options dopts = s->o.dopts;
	enum mt_err rc;

	dopts.kind = kind_of(d, res->profile);
	rc = d->text ? document_load_mem(d->path, d->text, d->len, &dopts,
					 &res->doc, &res->err)
		     : document_load_file(d->path, &dopts, &res->doc,
					  &res->err);
	if (rc != MT_ERR_OK)
		return rc;
	diag_list_init(&res->diags, &res->doc->arena);
	if (d->quick)
		return checker_check_quick(c, res->doc, ref, &res->diags,
					   &res->err);
	return checker_check(c, res->doc, ref, &res->diags, &res->err);
}

static void drop_doc(struct session_result *res)
{
	if (res->doc)
		diag_list_release(&res->diags);
	document_free(res->doc);
	res->doc = NULL;
}

/* What fix_run() needs to check a pass's text as the original was. */
struct recheck {
	struct session *s;
	struct checker *c;
	struct document *ref;
	const struct document *orig;
};

/* A pass's text is loaded with the session's options (fix_check_as()). */
static enum mt_err recheck(void *arg, const void *bytes, size_t len,
			   struct document **doc, struct diag_list *diags,
			   struct mt_error *err)
{
	const struct recheck *rk = arg;

	return fix_check_as(rk->c, rk->ref, rk->orig, &rk->s->o.dopts, bytes,
			    len, doc, diags, err);
}

/*
 * Step 5: the safe fixes, pass after pass (fix_run()), shown as a diff of
 * the original against the final text, or written to the file, whose
 * findings then become the result's (what is left, at its new positions).
 */
static enum mt_err fix(struct session *s, struct checker *c,
		       struct document *ref, const struct session_doc *d,
		       struct session_result *res)
{
	struct recheck rk = { s, c, ref, res->doc };
	struct fix_result fr;
	enum mt_err rc;

	rc = fix_run(res->doc, &res->diags, recheck, &rk, &fr, &res->err);
	if (rc == MT_ERR_OK && d->fix == SESSION_FIX_DIFF) {
		fix_diff(res->doc, fr.edits, fr.n_edits, &res->diff);
	} else if (rc == MT_ERR_OK && fr.n_applied) {
		rc = fix_file(res->doc, &fr, s->o.fix_force, &res->err);
		if (rc == MT_ERR_OK) {
			drop_doc(res);
			res->doc = fr.doc;
			res->diags = fr.diags;
			fr.doc = NULL;
			res->n_fixed = fr.n_applied;
		}
	}
	if (rc == MT_ERR_OK && fr.n_applied) {
		res->fix_passes = fr.n_passes;
		res->fix_stop = fr.stop;
	}
	fix_result_release(&fr);
	return rc;
}

enum mt_err session_check(struct session *s, size_t slot,
			  const struct session_doc *d,
			  struct session_result *res)
{
	struct checker *c = NULL;
	struct document *ref = NULL;
	char *ref_path;
	enum mt_err rc = MT_ERR_OK;

	memset(res, 0, sizeof(*res));
	buf_init(&res->diff);
	if (d->fix != SESSION_FIX_NONE && d->text)
		MT_BUG("fixes need a file, not text in memory");
	res->profile = d->profile;
	if (!res->profile) {
		const struct config *cfg;

		rc = session_config(s, d->path, &cfg, &res->cerrs, &res->err);
		if (rc != MT_ERR_OK)
			return rc;
		res->profile = session_profile(s, cfg);
	}
	rc = session_checker(s, res->profile, slot, &c, &res->err);
	if (rc != MT_ERR_OK)
		return rc;
	ref_path = d->reference_text ? NULL
		   : d->reference    ? xstrdup(d->reference)
				     : reference_path(s, res->profile, d->path);
	if (ref_path && !d->reference && !s->o.reference &&
	    !s->o.allow_outside_root &&
	    !config_inside_root(res->profile->cfg, ref_path)) {
		/* the mapping's pattern stayed inside; a symbolic link on
		 * the way did not: quote nothing from there */
		rc = mt_error(&res->err, MT_ERR_CONFIG,
			      "%s: its reference '%s' (from '%s') lies outside "
			      "the project root '%s' (allow it with "
			      "--allow-outside-root)",
			      d->path, ref_path, res->profile->cfg->path,
			      res->profile->cfg->root);
		free(ref_path);
		return rc;
	}
	if (d->reference_text) {
		rc = document_load_mem(d->reference ? d->reference
						    : "reference",
				       d->reference_text, d->reference_len,
				       &s->o.dopts, &res->ref, &res->err);
		if (rc != MT_ERR_OK)
			return rc;
		ref = res->ref;
	} else if (ref_path) {
		rc = slot_reference(s, &s->slots[slot], ref_path, d->path,
				    &ref, &res->err);
		if (rc != MT_ERR_OK)
			return rc;
	}
	res->reference = ref;
	rc = check_once(s, c, ref, d, res);
	if (rc != MT_ERR_OK)
		return rc;
	if (d->fix != SESSION_FIX_NONE)
		rc = fix(s, c, ref, d, res);
	return rc;
}

void session_result_release(struct session_result *res)
{
	drop_doc(res);
	document_free(res->ref);
	res->ref = NULL;
	res->reference = NULL;
	buf_release(&res->diff);
	yamlfile_errors_release(&res->cerrs);
	res->profile = NULL;
}
