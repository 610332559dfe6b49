/*
 * batch: a thread pool with in-order completion (see batch.h).
 */
#include "util/batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/limits.h"
#include "util/xalloc.h"

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	size_t next, n_jobs;
	unsigned char *finished;
	batch_work_fn work;
	void *ctx;
};

struct worker {
	struct pool *p;
	size_t id;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->p;

	for (;;) {
		size_t job;

		pthread_mutex_lock(&p->lock);
		job = p->next < p->n_jobs ? p->next++ : p->n_jobs;
		pthread_mutex_unlock(&p->lock);
		if (job == p->n_jobs)
			break;
		p->work(p->ctx, w->id, job);
		pthread_mutex_lock(&p->lock);
		p->finished[job] = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

void batch_run(size_t n_jobs, size_t n_workers, batch_work_fn work,
	       batch_done_fn done, void *ctx)
{
	struct pool p = { .n_jobs = n_jobs, .work = work, .ctx = ctx };
	pthread_t *th;
	struct worker *ws;
	size_t started = 0;

	if (n_workers > n_jobs)
		n_workers = n_jobs;
	if (n_workers <= 1) {
		for (size_t i = 0; i < n_jobs; i++) {
			work(ctx, 0, i);
			done(ctx, i);
		}
		return;
	}
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	p.finished = xcalloc(n_jobs, 1);
	th = xcalloc(n_workers, sizeof(*th));
	ws = xcalloc(n_workers, sizeof(*ws));
	for (size_t i = 0; i < n_workers; i++) {
		ws[i] = (struct worker){ &p, i };
		if (pthread_create(&th[i], NULL, worker_main, &ws[i]) != 0)
			break;
		started++;
	}
	if (!started) /* no threads to be had: do it here */
		worker_main(&(struct worker){ &p, 0 });
	for (size_t i = 0; i < n_jobs; i++) {
		pthread_mutex_lock(&p.lock);
		while (!p.finished[i])
			pthread_cond_wait(&p.cond, &p.lock);
		pthread_mutex_unlock(&p.lock);
		done(ctx, i);
	}
	for (size_t i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	free(ws);
	free(p.finished);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
}

size_t batch_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (size_t)n : 1;
}

size_t batch_workers(size_t requested)
{
	size_t n = batch_cpus();

	if (requested && requested < n)
		n = requested;
	return n < MT_LIMIT_JOBS ? n : MT_LIMIT_JOBS;
}
