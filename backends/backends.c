/* backends.c: which emitter makes which output format. */
#include "emit.h"
#include "ctest.h"
#include "doctree.h"
#include "latex.h"
#include "pyemit.h"

#include <string.h>

/* An emitter: makes the outputs of one document in one format. A
 * finisher, when there is one, runs once at the end of a run in which
 * the format was emitted. */
struct backend {
	unsigned format;
	void (*emit)(struct gsl_emit *e, const struct gsl_document *d);
	void (*finish)(struct gsl_emit *e);
};

static const struct backend backends[] = {
	{ GSL_FORMAT_HTML, gsl_emit_html, gsl_emit_html_finish },
	{ GSL_FORMAT_XHTML, gsl_emit_xhtml, gsl_emit_xhtml_finish },
	{ GSL_FORMAT_LATEX, gsl_emit_latex, NULL },
	{ GSL_FORMAT_TESTER, gsl_emit_tester, NULL },
	{ GSL_FORMAT_UNITTEST, gsl_emit_unittest, NULL },
	{ GSL_FORMAT_CTEST, gsl_emit_ctest, NULL },
};

struct gsl_buf *gsl_emit_file(struct gsl_emit *e, const struct gsl_document *d, const char *name)
{
	for (struct gsl_output *o = e->outputs; o; o = o->next)
		if (strcmp(o->name, name) == 0) {
			gsl_error(e->ctx, gsl_node_loc(d->node), "a second output file '%s' in this "
				  "run", name);
			break;
		}
	struct gsl_output *o = gsl_arena_alloc(&e->ctx->arena, sizeof *o);
	o->name = gsl_arena_strdup(&e->ctx->arena, name);
	gsl_buf_init(&o->buf, e->ctx->mem);
	if (e->last_output)
		e->last_output->next = o;
	else
		e->outputs = o;
	e->last_output = o;
	return &o->buf;
}

void gsl_emit_document(struct gsl_emit *e, const struct gsl_document *d)
{
	for (size_t i = 0; i < sizeof backends / sizeof *backends; i++) {
		const struct backend *b = &backends[i];
		if (!(d->formats & b->format))
			continue;
		if (!b->emit) {
			gsl_error(e->ctx, gsl_node_loc(d->node), "output format '%s' is not "
				  "implemented yet", gsl_format_name(b->format));
			continue;
		}
		b->emit(e, d);
		e->formats |= b->format;
	}
}

void gsl_emit_finish(struct gsl_emit *e)
{
	gsl_emit_run_jobs(e);
	for (size_t i = 0; i < sizeof backends / sizeof *backends; i++)
		if (backends[i].finish && (e->formats & backends[i].format))
			backends[i].finish(e);
}

void gsl_emit_free(struct gsl_emit *e)
{
	gsl_doctrees_free(e);
	e->jobs = e->last_job = NULL;
	for (struct gsl_output *o = e->outputs; o; o = o->next)
		gsl_buf_free(&o->buf);
	e->outputs = e->last_output = NULL;
}
