/*
 * jobs: the checks of `mtlint serve`, from the queue to the answer (see
 * jobs.h).
 */
#include "serve/jobs.h"

#include <stdlib.h>

#include "util/xalloc.h"

/* Drop one reference; the last frees the job.  Under the lock. */
void job_unref(struct job *j)
{
	if (--j->refs == 0) {
		answer_release(&j->a);
		free(j);
	}
}

static void live_remove(struct server *srv, struct job *j)
{
	if (j->prev_live)
		j->prev_live->next_live = j->next_live;
	else
		srv->live = j->next_live;
	if (j->next_live)
		j->next_live->prev_live = j->prev_live;
	j->prev_live = j->next_live = NULL;
}

/*
 * Mark the job answered (done, or out of time) and return the connection
 * to resume -- outside the lock, as libmicrohttpd takes its own -- or NULL
 * when it was answered before.  Under the lock.  The connection stays
 * valid: it is suspended until resumed.
 */
static struct MHD_Connection *job_answer(struct server *srv, struct job *j,
					 int timed_out)
{
	if (j->answered)
		return NULL;
	j->answered = 1;
	j->timed_out = timed_out;
	live_remove(srv, j);
	if (!srv->live && !srv->queued && !srv->running)
		pthread_cond_broadcast(&srv->idle);
	return j->conn;
}

/* The session of a language, opened on first use.  Under the lock. */
static struct session *language_session(struct server *srv,
					const struct lt_language *l,
					struct mt_error *err)
{
	size_t n, i;
	const struct lt_language *all = lt_languages(&n);
	struct session_options so = srv->o.so;
	struct yamlfile_errors cerrs = { 0 };

	i = (size_t)(l - all);
	if (srv->sessions[i])
		return srv->sessions[i];
	so.co.lang = l->lang;
	so.n_slots = srv->n_workers;
	so.dopts.encoding = "UTF-8"; /* HTTP forms are UTF-8 */
	so.dopts.max_bytes = srv->o.max_request;
	if (session_new(&so, &srv->sessions[i], &cerrs, err) != MT_ERR_OK) {
		if (cerrs.n) {
			char *all_errs = yamlfile_errors_format(&cerrs);

			mt_error(err, MT_ERR_CONFIG, "%s", all_errs);
			free(all_errs);
		}
		yamlfile_errors_release(&cerrs);
		return NULL;
	}
	return srv->sessions[i];
}

static void *worker_main(void *arg);

struct worker_arg {
	struct server *srv;
	size_t slot;
};

static void run_job(struct server *srv, struct job *j, size_t slot)
{
	struct mt_error err = { 0 };
	struct session *s;

	pthread_mutex_lock(&srv->lock);
	s = language_session(srv, j->language, &err);
	pthread_mutex_unlock(&srv->lock);
	if (!s)
		answer_error(&j->a, 500, err.msg);
	else
		answer_run(&j->a, s, slot);
}

static void *worker_main(void *arg)
{
	struct worker_arg *wa = arg;
	struct server *srv = wa->srv;
	size_t slot = wa->slot;

	free(wa);
	pthread_mutex_lock(&srv->lock);
	for (;;) {
		struct job *j;
		struct MHD_Connection *conn;

		while (!srv->head && !srv->stop_workers)
			pthread_cond_wait(&srv->work, &srv->lock);
		if (!srv->head)
			break;
		j = srv->head;
		srv->head = j->next;
		if (!srv->head)
			srv->tail = NULL;
		srv->queued--;
		srv->running++;
		pthread_mutex_unlock(&srv->lock);
		run_job(srv, j, slot);
		pthread_mutex_lock(&srv->lock);
		srv->running--;
		conn = job_answer(srv, j, 0);
		job_unref(j);
		if (!srv->live && !srv->queued && !srv->running)
			pthread_cond_broadcast(&srv->idle);
		if (conn) {
			pthread_mutex_unlock(&srv->lock);
			srv->resume(conn);
			pthread_mutex_lock(&srv->lock);
		}
	}
	pthread_mutex_unlock(&srv->lock);
	return NULL;
}

/* Resume connections whose job ran out of time, ten times a second; a
 * job still queued leaves the queue. */
static void *monitor_main(void *arg)
{
	struct server *srv = arg;
	struct MHD_Connection **late = NULL;
	size_t n_late = 0, alloc_late = 0;

	pthread_mutex_lock(&srv->lock);
	while (!srv->stop_workers) {
		struct timespec t;
		struct MHD_Connection *conn;

		for (struct job *j = srv->live, *next; j; j = next) {
			next = j->next_live;
			if (!timespec_passed(&j->deadline))
				continue;
			for (struct job **p = &srv->head; *p; p = &(*p)->next)
				if (*p == j) {
					*p = j->next;
					srv->queued--;
					j->refs--; /* the queue's */
					break;
				}
			srv->tail = NULL;
			for (struct job *q = srv->head; q; q = q->next)
				srv->tail = q;
			conn = job_answer(srv, j, 1);
			if (conn) {
				late = xgrow(late, &alloc_late, n_late + 1,
					     sizeof(*late));
				late[n_late++] = conn;
			}
		}
		if (n_late) {
			pthread_mutex_unlock(&srv->lock);
			for (size_t i = 0; i < n_late; i++)
				srv->resume(late[i]);
			n_late = 0;
			pthread_mutex_lock(&srv->lock);
		}
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_nsec += 100 * 1000 * 1000;
		if (t.tv_nsec >= 1000000000) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&srv->tick, &srv->lock, &t);
	}
	pthread_mutex_unlock(&srv->lock);
	free(late);
	return NULL;
}

void jobs_start(struct server *srv)
{
	srv->workers = xcalloc(srv->n_workers, sizeof(*srv->workers));
	for (size_t i = 0; i < srv->n_workers; i++) {
		struct worker_arg *wa = xmalloc(sizeof(*wa));

		wa->srv = srv;
		wa->slot = i;
		if (pthread_create(&srv->workers[i], NULL, worker_main, wa))
			MT_BUG("cannot start a worker thread");
	}
	if (pthread_create(&srv->monitor, NULL, monitor_main, srv))
		MT_BUG("cannot start the monitor thread");
}

/* Open every worker's checker of the default language (before
 * listening: a started server answers at full speed). */
enum mt_err jobs_warm_up(struct server *srv, struct mt_error *err)
{
	struct session *s = language_session(srv, srv->fallback, err);
	const struct config *cfg;
	struct yamlfile_errors cerrs = { 0 };
	enum mt_err rc;

	if (!s)
		return err->code ? err->code : MT_ERR_CONFIG;
	rc = session_config(s, "-", &cfg, &cerrs, err);
	if (rc != MT_ERR_OK) {
		if (cerrs.n) {
			char *all = yamlfile_errors_format(&cerrs);

			mt_error(err, rc, "%s", all);
			free(all);
		}
		yamlfile_errors_release(&cerrs);
		return rc;
	}
	for (size_t i = 0; i < srv->n_workers; i++) {
		struct checker *c;

		rc = session_checker(s, session_profile(s, cfg), i, &c, err);
		if (rc != MT_ERR_OK)
			return rc;
	}
	return MT_ERR_OK;
}

void jobs_stop(struct server *srv)
{
	pthread_mutex_lock(&srv->lock);
	srv->stop_workers = 1;
	pthread_cond_broadcast(&srv->work);
	pthread_cond_broadcast(&srv->tick);
	pthread_mutex_unlock(&srv->lock);
	for (size_t i = 0; i < srv->n_workers; i++)
		pthread_join(srv->workers[i], NULL);
	pthread_join(srv->monitor, NULL);
}
