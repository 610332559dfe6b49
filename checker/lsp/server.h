/*
 * server: the Language Server's state, shared by lsp.c (documents, sync,
 * settings, the method table and the loop) and actions.c (code actions,
 * commands, hover).  Internal to lsp/.
 *
 * Ownership: struct lsp owns its documents, its session, the settings
 * (whose strings the session options borrow).  An open document owns its text and its last result.
 */
#ifndef MT_LSP_SERVER_H
#define MT_LSP_SERVER_H

#include <stddef.h>

#include <jansson.h>

#include "lsp/protocol.h"
#include "lsp/rpc.h"
#include "run/session.h"
#include "util/buf.h"

struct open_doc {
	char *uri;
	char *path;		 /* where the session looks for config */
	enum document_kind kind; /* from languageId; AUTO: by path */
	struct buf text;	 /* the text as the editor has it */
	int dirty;		 /* changed since the last check */
	int provisional;	 /* res is a quick check: a full one is due */
	int too_big;		 /* over MT_LIMIT_LSP_DOCUMENT: told so */
	struct session_result res; /* the last check; res.doc NULL: none */
	unsigned long result_id;   /* of res, for pull diagnostics */
	/* the edits of "fix all" for res (computed when first asked for;
	 * NULL: not yet); released with res */
	json_t *fix_all;
	struct open_doc *next;
};

/* The lists of the settings, as the session options want them. */
struct setting_lists {
	const char **enable, **disable, **words, **reject;
};

struct lsp {
	struct rpc rpc;
	const struct session_options *base; /* the command line's */
	struct session_options o;	    /* base + settings */
	json_t *settings;		    /* owns strings o borrows */
	struct setting_lists lists;
	struct session *session; /* NULL when it could not be opened */
	struct session *borrowed; /* the caller's, used while no settings */
	struct open_doc *docs;
	char *root; /* the workspace's directory, for unsaved buffers */
	int initialized, shutdown, done, status;
	/* what the client can do */
	int client_pull, client_refresh, client_watch, client_progress;
	unsigned long next_result;
	int trim_due; /* a full check ran since malloc's heaps were trimmed */
};

/* The open document at uri, or NULL. */
struct open_doc *lsp_find(struct lsp *s, const char *uri);

/* Check d fully now if its text changed since its last full check (and
 * publish, when the client does not pull). */
void lsp_ensure_checked(struct lsp *s, struct open_doc *d);

/* Forget configurations, word lists and checkers, and check every open
 * document again (after a project file changed). */
void lsp_reload(struct lsp *s);

/* Handlers of actions.c (see the method table in lsp.c). */
int lsp_code_action(struct lsp *s, json_t *id, json_t *params);
int lsp_execute_command(struct lsp *s, json_t *id, json_t *params);
int lsp_hover(struct lsp *s, json_t *id, json_t *params);

/* The commands lsp_execute_command() runs, for the capabilities. */
extern const char *const lsp_commands[];
extern const size_t lsp_n_commands;

#endif /* MT_LSP_SERVER_H */
