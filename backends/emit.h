/* emit.h: the contract between the driver and the emitters. The driver
 * hands each emitter the model, one document and the options; emitters
 * fill output buffers, and only the driver writes files, when the whole
 * run had no errors. One emitter per output format, one file each. */
#ifndef GSL_EMIT_H
#define GSL_EMIT_H

#include <stdarg.h>
#include <stdbool.h>

#include "buf.h"
#include "model.h"

/* An output file, relative to the output directory. */
struct gsl_output {
	const char *name;
	struct gsl_buf buf;
	struct gsl_output *next;
};

struct gsl_emit_options {
	bool latex_body_only;     /* LaTeX: the body, for inclusion in a manual */
	bool date;                /* put the date in generated files */
	long long source_date;    /* the date when asked for: SOURCE_DATE_EPOCH or now */
	bool fix_refs;            /* resolve `.ref: .myfile.x` and references to
				     labels, which the original leaves unresolved */
};

struct gsl_emit_job;

struct gsl_emit {
	struct gsl_model *model;
	struct gsl_ctx *ctx;
	const struct gsl_emit_options *opt;
	struct gsl_output *outputs;   /* in the order made */
	struct gsl_output *last_output;
	unsigned formats;             /* formats emitted so far in this run */
	struct gsl_docrun *docs;      /* the document trees' state (links.c) */
	struct gsl_emit_job *jobs;    /* left for gsl_emit_finish, in the order made */
	struct gsl_emit_job *last_job;
};

/* A new output file to fill. Two outputs of one name are an error
 * (reported at the document's node); the second gets a buffer that is
 * not written. */
struct gsl_buf *gsl_emit_file(struct gsl_emit *e, const struct gsl_document *d, const char *name);

/* Emits a document in each of its formats (backends.c). */
void gsl_emit_document(struct gsl_emit *e, const struct gsl_document *d);
/* Emits what belongs to the run rather than to one document, such as a
 * stylesheet or an index of documents. */
void gsl_emit_finish(struct gsl_emit *e);

/* The emitters of HTML and XHTML (html_page.c), and their finisher,
 * which writes the stylesheet and the index of the run. */
void gsl_emit_html(struct gsl_emit *e, const struct gsl_document *d);
void gsl_emit_xhtml(struct gsl_emit *e, const struct gsl_document *d);
void gsl_emit_html_finish(struct gsl_emit *e);
void gsl_emit_xhtml_finish(struct gsl_emit *e);

/* Frees the outputs. */
void gsl_emit_free(struct gsl_emit *e);

/* ---- Work left for later (emit_jobs.c) ---------------------------------
 * An emitter may leave the making of an output to a job. Jobs run when
 * gsl_emit_finish is called, several at once on a machine of several
 * processors. By then the model is only read: a job may read it (and
 * make a document tree of its own, links.c), writes only its output's
 * buffer and memory of its own, and reports problems with gsl_emit_job_error (or _warning), which
 * keeps them until all jobs are done; they are then reported in the order
 * the jobs were made, so that every run reports alike. */
struct gsl_emit_problem {
	struct gsl_loc loc;
	enum gsl_severity sev;                 /* GSL_ERROR or GSL_WARNING */
	char *message;
};

struct gsl_emit_job {
	void (*run)(struct gsl_emit_job *job); /* does the work */
	struct gsl_emit *e;                    /* the run (set by gsl_emit_later) */
	struct gsl_emit_job *next;
	struct gsl_arena *scratch;             /* memory of the thread running it:
						  empty when it starts, taken back
						  when it ends (set by gsl_emit_run) */
	struct gsl_emit_problem *problems;     /* kept until all jobs are done */
	size_t nproblems, problems_cap;
};

/* Leaves job, with run set, for gsl_emit_finish; the job lives as long
 * as the run (in the context's arena, say). */
void gsl_emit_later(struct gsl_emit *e, struct gsl_emit_job *job);
/* Reports an error, or a warning, of a job at loc. */
void gsl_emit_job_error(struct gsl_emit_job *job, struct gsl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void gsl_emit_job_warning(struct gsl_emit_job *job, struct gsl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with a severity and a va_list, for emitters that route their
 * problems through a function of their own. */
void gsl_emit_job_vdiag(struct gsl_emit_job *job, struct gsl_loc loc, enum gsl_severity sev,
			const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
/* Runs the jobs left so far and reports their problems
 * (gsl_emit_finish does, first). */
void gsl_emit_run_jobs(struct gsl_emit *e);
/* Runs jobs[0..n) now, and reports their problems. */
void gsl_emit_run(struct gsl_emit *e, struct gsl_emit_job *const *jobs, size_t n);
/* How many threads jobs run on: the processors the process may use. */
size_t gsl_emit_threads(void);

#endif
