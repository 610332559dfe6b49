/*
 * batch: run many independent jobs on a pool of threads and consume their
 * results in job order, as soon as each job and all before it are done --
 * parallel checking with output in a stable order.
 *
 * batch_run() calls work(ctx, worker, job) for every job in [0, n_jobs) on
 * n_workers threads (worker in [0, n_workers): index per-thread state with
 * it), and done(ctx, job) on the calling thread, in job order.  With
 * n_workers <= 1 everything runs on the calling thread, without threads.
 * work() must only touch its job's data and its worker's state; done() may
 * touch anything else.  Returns when every job is done.
 */
#ifndef MT_BATCH_H
#define MT_BATCH_H

#include <stddef.h>

typedef void (*batch_work_fn)(void *ctx, size_t worker, size_t job);
typedef void (*batch_done_fn)(void *ctx, size_t job);

void batch_run(size_t n_jobs, size_t n_workers, batch_work_fn work,
	       batch_done_fn done, void *ctx);

/* The number of processors online (at least 1). */
size_t batch_cpus(void);

/*
 * The workers to run for a request of `requested` (0: as many as the
 * processors): never more than the processors nor MT_LIMIT_JOBS.  Each
 * worker of a checking command loads its own checker (some 65 MB of
 * dictionaries): more workers than processors cost memory and gain nothing
 * (-j 1024 used to end out of memory).
 */
size_t batch_workers(size_t requested);

#endif /* MT_BATCH_H */
