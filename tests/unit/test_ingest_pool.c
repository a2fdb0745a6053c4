/*
 * test_ingest_pool.c - the ordered worker pool behind `dyad ingest`:
 * jobs come back in push order whatever order the workers finish them
 * in, each is worked on exactly once, and freeing a pool with jobs left
 * releases them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/ingest_internal.h"

#include <stdlib.h>
#include <time.h>

typedef struct job {
	int      seq;
	int      worked;     /* times work ran on it */
	uint64_t value;
} job;

/* Work of uneven length, so that with several workers later jobs often
 * finish before earlier ones. */
static void work(void *ctx, void *p)
{
	job *j = p;
	int *calls = ctx;
	(*calls)++;          /* each worker has its own counter */
	uint64_t v = (uint64_t)j->seq;
	int rounds = (j->seq * 7919) % 13 == 0 ? 200000 : 100 + (j->seq % 5) * 50;
	for (int i = 0; i < rounds; i++)
		v = v * 6364136223846793005ULL + 1442695040888963407ULL;
	j->value = v;
	j->worked++;
}

static uint64_t expected_value(int seq)
{
	job j = { seq, 0, 0 };
	int calls = 0;
	work(&calls, &j);
	return j.value;
}

static void check_popped(job *j, int *next)
{
	assert_non_null(j);
	assert_int_equal(j->seq, *next);
	assert_int_equal(j->worked, 1);
	assert_true(j->value == expected_value(j->seq));
	(*next)++;
}

static void run_jobs(size_t workers, size_t depth, int n_jobs)
{
	int calls[8] = { 0 };
	void *ctx[8];
	for (int i = 0; i < 8; i++)
		ctx[i] = &calls[i];
	ingest_pool *p = NULL;
	assert_int_equal(ingest_pool_new(&p, workers, depth, work, ctx), 0);
	job *jobs = calloc((size_t)n_jobs, sizeof(*jobs));
	assert_non_null(jobs);
	int next = 0;
	job *done;
	for (int i = 0; i < n_jobs; i++) {
		jobs[i].seq = i;
		while (ingest_pool_full(p))
			check_popped(ingest_pool_pop(p, true), &next);
		ingest_pool_push(p, &jobs[i]);
		while ((done = ingest_pool_pop(p, false)))
			check_popped(done, &next);
	}
	while ((done = ingest_pool_pop(p, true)))
		check_popped(done, &next);
	assert_int_equal(next, n_jobs);
	assert_null(ingest_pool_pop(p, true));   /* empty: does not wait */
	ingest_pool_free(p, NULL);
	int total = 0;
	for (int i = 0; i < 8; i++)
		total += calls[i];
	assert_int_equal(total, n_jobs);
	if (workers == 0)
		assert_int_equal(calls[0], n_jobs);   /* done on the caller's context */
	free(jobs);
}

static void test_no_workers_in_order(void **state)
{
	(void)state;
	run_jobs(0, 1, 300);
	run_jobs(0, 4, 300);
}

static void test_one_worker_in_order(void **state)
{
	(void)state;
	run_jobs(1, 4, 2000);
}

static void test_several_workers_in_order(void **state)
{
	(void)state;
	run_jobs(3, 8, 3000);
	run_jobs(7, 16, 3000);
	run_jobs(4, 1, 200);   /* depth 1: one job at a time */
}

static int released;
static void release(void *p)
{
	((job *)p)->seq = -1;
	released++;
}

static void test_free_releases_jobs_left(void **state)
{
	(void)state;
	int calls[2] = { 0 };
	void *ctx[2] = { &calls[0], &calls[1] };
	ingest_pool *p = NULL;
	assert_int_equal(ingest_pool_new(&p, 2, 6, work, ctx), 0);
	job jobs[6];
	for (int i = 0; i < 6; i++) {
		jobs[i] = (job){ i, 0, 0 };
		ingest_pool_push(p, &jobs[i]);
	}
	assert_true(ingest_pool_full(p));
	job *first = ingest_pool_pop(p, true);
	assert_ptr_equal(first, &jobs[0]);
	released = 0;
	ingest_pool_free(p, release);
	assert_int_equal(released, 5);   /* all but the popped one, worked on or not */
	assert_int_equal(jobs[0].seq, 0);
	for (int i = 1; i < 6; i++) {
		assert_int_equal(jobs[i].seq, -1);
		assert_true(jobs[i].worked <= 1);
	}
	ingest_pool_free(NULL, release);   /* NULL is ignored */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_workers_in_order),
		cmocka_unit_test(test_one_worker_in_order),
		cmocka_unit_test(test_several_workers_in_order),
		cmocka_unit_test(test_free_releases_jobs_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
