/*
 * ingest_pool.c - worker threads that prepare jobs while the caller's
 * thread consumes them in the order it submitted them.
 *
 * Why: ingest has two halves of similar cost, preparing documents
 * (decoding, sentences, keys, coding) and writing them to SQLite, which
 * only one thread may do. With the preparing on workers the two halves
 * overlap. Jobs come back in submission order so that document ids,
 * duplicate decisions and batches are the same whatever the thread count.
 *
 * A ring of `depth` slots: [head, claim) are being worked on or done,
 * [claim, tail) wait for a worker. With no workers, push does the work
 * itself, so callers have one code path.
 */
#include "ingest_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <pthread.h>
#include <stdint.h>

struct ingest_pool {
	pthread_mutex_t  lock;
	pthread_cond_t   queued;    /* a job to claim, or stop */
	pthread_cond_t   done;      /* a job finished */
	pthread_t       *threads;
	size_t           n_threads; /* started */
	ingest_pool_work work;
	void *const     *worker_ctx;
	void           **jobs;
	bool            *finished;
	size_t           depth;
	uint64_t         head, claim, tail;
	bool             stop;
};

struct worker_arg { ingest_pool *pool; size_t index; };

static void *worker_main(void *arg)
{
	ingest_pool *p = ((struct worker_arg *)arg)->pool;
	void *ctx = p->worker_ctx[((struct worker_arg *)arg)->index];
	dyad_free(arg);
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stop && p->claim == p->tail)
			pthread_cond_wait(&p->queued, &p->lock);
		if (p->stop)
			break;
		size_t slot = (size_t)(p->claim++ % p->depth);
		void *job = p->jobs[slot];
		pthread_mutex_unlock(&p->lock);
		p->work(ctx, job);
		pthread_mutex_lock(&p->lock);
		p->finished[slot] = true;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static int start_workers(ingest_pool *p, size_t workers)
{
	if (!(p->threads = dyad_calloc(workers, sizeof(*p->threads))))
		return DYAD_ENOMEM;
	for (size_t i = 0; i < workers; i++) {
		struct worker_arg *a = dyad_malloc(sizeof(*a));
		if (!a)
			return DYAD_ENOMEM;
		*a = (struct worker_arg){ p, i };
		if (pthread_create(&p->threads[i], NULL, worker_main, a) != 0) {
			dyad_free(a);
			return dyad_error_set(DYAD_ENOMEM, "ingest: cannot start a worker thread");
		}
		p->n_threads++;
	}
	return 0;
}

int ingest_pool_new(ingest_pool **out, size_t workers, size_t depth,
                    ingest_pool_work work, void *const *worker_ctx)
{
	*out = NULL;
	ingest_pool *p = dyad_calloc(1, sizeof(*p));
	if (!p)
		return DYAD_ENOMEM;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->queued, NULL);
	pthread_cond_init(&p->done, NULL);
	p->work = work;
	p->worker_ctx = worker_ctx;
	p->depth = depth ? depth : 1;
	p->jobs = dyad_calloc(p->depth, sizeof(*p->jobs));
	p->finished = dyad_calloc(p->depth, sizeof(*p->finished));
	int rc = p->jobs && p->finished ? 0 : DYAD_ENOMEM;
	if (!rc && workers)
		rc = start_workers(p, workers);
	if (rc) {
		ingest_pool_free(p, NULL);
		return rc;
	}
	*out = p;
	return 0;
}

bool ingest_pool_full(const ingest_pool *p)
{
	return p->tail - p->head == p->depth;   /* only the caller's thread moves these two */
}

void ingest_pool_push(ingest_pool *p, void *job)
{
	size_t slot = (size_t)(p->tail % p->depth);
	pthread_mutex_lock(&p->lock);
	p->jobs[slot] = job;
	p->finished[slot] = false;
	p->tail++;
	if (p->n_threads)
		pthread_cond_signal(&p->queued);
	pthread_mutex_unlock(&p->lock);
	if (!p->n_threads) {   /* no workers: the caller's thread does it */
		p->claim++;
		p->work(p->worker_ctx[0], job);
		p->finished[slot] = true;
	}
}

void *ingest_pool_pop(ingest_pool *p, bool wait)
{
	if (p->head == p->tail)
		return NULL;
	size_t slot = (size_t)(p->head % p->depth);
	pthread_mutex_lock(&p->lock);
	while (wait && !p->finished[slot])
		pthread_cond_wait(&p->done, &p->lock);
	void *job = p->finished[slot] ? p->jobs[slot] : NULL;
	if (job)
		p->head++;
	pthread_mutex_unlock(&p->lock);
	return job;
}

void ingest_pool_free(ingest_pool *p, void (*release)(void *job))
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->queued);
	pthread_mutex_unlock(&p->lock);
	for (size_t i = 0; i < p->n_threads; i++)
		pthread_join(p->threads[i], NULL);
	for (uint64_t q = p->head; release && q < p->tail; q++)
		release(p->jobs[q % p->depth]);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->queued);
	pthread_mutex_destroy(&p->lock);
	dyad_free(p->threads);
	dyad_free(p->jobs);
	dyad_free(p->finished);
	dyad_free(p);
}
