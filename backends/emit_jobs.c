/* emit_jobs.c: work the emitters leave for later (rendering a document
 * into its output), run on as many threads as the machine has
 * processors for it, and the problems that work reports, kept and then
 * reported in the order the jobs were made. */
#include "config.h"

#include "emit.h"

#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

/* Threads beyond this many seldom pay for their memory. */
enum { MAX_THREADS = 16 };

void gsl_emit_later(struct gsl_emit *e, struct gsl_emit_job *job)
{
	job->e = e;
	job->next = NULL;
	if (e->last_job)
		e->last_job->next = job;
	else
		e->jobs = job;
	e->last_job = job;
}

void gsl_emit_job_vdiag(struct gsl_emit_job *job, struct gsl_loc loc, enum gsl_severity sev,
			const char *fmt, va_list ap)
{
	const struct gsl_mem *mem = job->e->ctx->mem;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *message = gsl_xmalloc(mem, (size_t)(n > 0 ? n : 0) + 1);
	vsnprintf(message, (size_t)(n > 0 ? n : 0) + 1, fmt, again);
	va_end(again);
	if (job->nproblems == job->problems_cap) {
		job->problems_cap = job->problems_cap ? 2 * job->problems_cap : 8;
		job->problems = gsl_xrealloc(mem, job->problems,
					     job->problems_cap * sizeof *job->problems);
	}
	job->problems[job->nproblems++] = (struct gsl_emit_problem){ loc, sev, message };
}

void gsl_emit_job_error(struct gsl_emit_job *job, struct gsl_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gsl_emit_job_vdiag(job, loc, GSL_ERROR, fmt, ap);
	va_end(ap);
}

void gsl_emit_job_warning(struct gsl_emit_job *job, struct gsl_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gsl_emit_job_vdiag(job, loc, GSL_WARNING, fmt, ap);
	va_end(ap);
}

size_t gsl_emit_threads(void)
{
	cpu_set_t set;
	size_t n = sched_getaffinity(0, sizeof set, &set) == 0 ? (size_t)CPU_COUNT(&set) : 1;
	return n < 1 ? 1 : n < MAX_THREADS ? n : MAX_THREADS;
}

/* The jobs of a run being done: each thread takes the next one not yet
 * taken until none is left. */
struct pool {
	struct gsl_emit_job *const *jobs;
	size_t njobs;
	atomic_size_t next;
	const struct gsl_mem *mem;
};

/* One thread's work. Its jobs share one scratch arena, taken back after
 * each, so that the memory a job touched serves the next one. */
static void *work(void *arg)
{
	struct pool *p = arg;
	struct gsl_arena scratch;
	gsl_arena_init(&scratch, p->mem);
	for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->njobs;) {
		p->jobs[i]->scratch = &scratch;
		p->jobs[i]->run(p->jobs[i]);
		p->jobs[i]->scratch = NULL;
		gsl_arena_reset(&scratch);
	}
	gsl_arena_free(&scratch);
	return NULL;
}

/* Reports the problems job kept and forgets them. */
static void report(struct gsl_emit_job *job)
{
	const struct gsl_mem *mem = job->e->ctx->mem;
	for (size_t i = 0; i < job->nproblems; i++) {
		gsl_diag(job->e->ctx, job->problems[i].loc, job->problems[i].sev, "%s",
			 job->problems[i].message);
		gsl_xfree(mem, job->problems[i].message);
	}
	gsl_xfree(mem, job->problems);
	job->problems = NULL;
	job->nproblems = job->problems_cap = 0;
}

void gsl_emit_run(struct gsl_emit *e, struct gsl_emit_job *const *jobs, size_t n)
{
	struct pool p = { .jobs = jobs, .njobs = n, .mem = e->ctx->mem };
	atomic_init(&p.next, 0);
	for (size_t i = 0; i < n; i++)
		jobs[i]->e = e;
	/* This thread works too, beside the others. */
	size_t nthreads = gsl_emit_threads();
	nthreads = (nthreads < n ? nthreads : n) - (n > 0);
	pthread_t threads[MAX_THREADS];
	size_t started = 0;
	while (started < nthreads && pthread_create(&threads[started], NULL, work, &p) == 0)
		started++;
	work(&p);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	for (size_t i = 0; i < n; i++)
		report(jobs[i]);
}

void gsl_emit_run_jobs(struct gsl_emit *e)
{
	size_t n = 0;
	for (struct gsl_emit_job *j = e->jobs; j; j = j->next)
		n++;
	if (!n)
		return;
	struct gsl_emit_job **jobs = gsl_xmalloc(e->ctx->mem, n * sizeof *jobs);
	n = 0;
	for (struct gsl_emit_job *j = e->jobs; j; j = j->next)
		jobs[n++] = j;
	e->jobs = e->last_job = NULL;
	gsl_emit_run(e, jobs, n);
	gsl_xfree(e->ctx->mem, jobs);
}
