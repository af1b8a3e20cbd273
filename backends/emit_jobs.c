/* emit_jobs.c: work the emitters leave for later (rendering a document
 * into its output), run on as many threads as the machine has
 * processors for it, and the problems that work reports, kept and then
 * reported in the order the jobs were made. */
#include "config.h"

#include "emit.h"

#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

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

void gsl_emit_job_error(struct gsl_emit_job *job, struct gsl_loc loc, const char *fmt, ...)
{
	const struct gsl_mem *mem = job->e->ctx->mem;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *message = gsl_xmalloc(mem, (size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(message, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	va_end(ap);
	if (job->nproblems == job->problems_cap) {
		job->problems_cap = job->problems_cap ? 2 * job->problems_cap : 8;
		job->problems = gsl_xrealloc(mem, job->problems,
					     job->problems_cap * sizeof *job->problems);
	}
	job->problems[job->nproblems++] = (struct gsl_emit_problem){ loc, message };
}

/* The processors this process may run on. */
static size_t processors(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return (size_t)CPU_COUNT(&set);
	return 1;
}

/* The jobs of a run being done: each thread takes the next one not yet
 * taken until none is left. */
struct pool {
	struct gsl_emit_job **jobs;
	size_t njobs;
	atomic_size_t next;
};

static int work(void *arg)
{
	struct pool *p = arg;
	for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->njobs;)
		p->jobs[i]->run(p->jobs[i]);
	return 0;
}

/* Reports the problems job kept and forgets them. */
static void report(struct gsl_emit_job *job)
{
	const struct gsl_mem *mem = job->e->ctx->mem;
	for (size_t i = 0; i < job->nproblems; i++) {
		gsl_error(job->e->ctx, job->problems[i].loc, "%s", job->problems[i].message);
		gsl_xfree(mem, job->problems[i].message);
	}
	gsl_xfree(mem, job->problems);
	job->problems = NULL;
	job->nproblems = job->problems_cap = 0;
}

void gsl_emit_run_jobs(struct gsl_emit *e)
{
	const struct gsl_mem *mem = e->ctx->mem;
	struct pool p = { .njobs = 0 };
	for (struct gsl_emit_job *j = e->jobs; j; j = j->next)
		p.njobs++;
	if (!p.njobs)
		return;
	p.jobs = gsl_xmalloc(mem, p.njobs * sizeof *p.jobs);
	size_t i = 0;
	for (struct gsl_emit_job *j = e->jobs; j; j = j->next)
		p.jobs[i++] = j;
	atomic_init(&p.next, 0);
	/* This thread works too, beside nthreads others. */
	size_t nthreads = processors();
	nthreads = (nthreads < p.njobs ? nthreads : p.njobs) - 1;
	nthreads = nthreads < MAX_THREADS ? nthreads : MAX_THREADS;
	thrd_t threads[MAX_THREADS];
	size_t started = 0;
	while (started < nthreads && thrd_create(&threads[started], work, &p) == thrd_success)
		started++;
	work(&p);
	for (i = 0; i < started; i++)
		thrd_join(threads[i], NULL);
	for (i = 0; i < p.njobs; i++)
		report(p.jobs[i]);
	gsl_xfree(mem, p.jobs);
	e->jobs = e->last_job = NULL;
}
