/*
 * jobs: the checks of `mtlint serve` (server.h), from the queue to the
 * answer, and the state of the server they share with server.c.
 *
 * A request to check becomes a job: server.c suspends its connection and
 * queues the job (srv->head); one of the worker threads takes it, checks
 * it through the session of its language (opened on first use, one
 * checker per worker slot) and resumes the connection, whose handler then
 * sends the answer.  A monitor thread resumes connections whose job ran
 * out of (wall-clock) time, with a 503; their job, if a worker already
 * runs it, finishes unseen.  A job is shared by its connection and the
 * queue or a worker, and freed by the last to let go (refs, under the
 * server's lock).
 *
 * Only server.c includes libmicrohttpd's header: connections are opaque
 * here and resumed through srv->resume.  Internal to serve/.
 */
#ifndef MT_JOBS_H
#define MT_JOBS_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "run/session.h"
#include "serve/answer.h"
#include "serve/lt.h"
#include "serve/server.h"
#include "util/common.h"

struct MHD_Connection;
struct MHD_Daemon;

#define N_LANGUAGES 2 /* lt_languages() */

struct job {
	struct answer a;
	struct MHD_Connection *conn;
	const struct lt_language *language;
	struct timespec deadline;
	int refs;     /* the connection, and the queue or a worker */
	int answered; /* the connection was resumed (done or timed out) */
	int timed_out;
	struct job *next;		   /* the queue */
	struct job *prev_live, *next_live; /* not yet answered */
};

struct server {
	struct serve_options o;
	const struct lt_language *fallback;
	struct MHD_Daemon *daemon;
	unsigned port;
	char *listen;

	pthread_mutex_t lock;
	pthread_cond_t work, idle, tick;
	struct job *head, *tail; /* the queue */
	size_t queued, running, max_queue;
	struct job *live; /* every job not yet answered */
	int stopping, stop_workers;
	struct session *sessions[N_LANGUAGES];

	pthread_t *workers;
	size_t n_workers;
	pthread_t monitor;
	pthread_mutex_t log_lock;
	unsigned long served;
	/* libmicrohttpd's MHD_resume_connection, set by server.c */
	void (*resume)(struct MHD_Connection *conn);
};

/* Deadlines on the monotonic clock: `seconds` from now; reached yet? */
static inline void timespec_after(struct timespec *t, unsigned seconds)
{
	clock_gettime(CLOCK_MONOTONIC, t);
	t->tv_sec += seconds;
}

static inline int timespec_passed(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > t->tv_sec ||
	       (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

/* Drop one reference; the last frees the job.  Under the lock. */
void job_unref(struct job *j);

/* Open every worker's checker of the default language (before
 * listening: a started server answers at full speed).  Fails as
 * session_new(), a broken configuration's errors in err->msg. */
MT_NODISCARD enum mt_err jobs_warm_up(struct server *srv, struct mt_error *err);

/* Start srv->n_workers worker threads and the monitor. */
void jobs_start(struct server *srv);

/* Stop and join them (the queue must be empty or abandoned). */
void jobs_stop(struct server *srv);

#endif /* MT_JOBS_H */
