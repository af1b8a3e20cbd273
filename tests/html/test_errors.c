/* test_errors.c: the document emitters after the front end reported
 * errors. gslc then writes nothing, but the model is whole and a user of
 * the library (the fuzz target is one) may still emit it: HTML, XHTML
 * and LaTeX must come out without a fault, with and without --fix-refs.
 * Each case is an input that once made the man page layout read through
 * a null pointer (found by fuzzing); run under the sanitizers to see. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "emit.h"
#include "model.h"

/* The text of output name, or NULL. */
static const char *output(const struct gsl_emit *e, const char *name)
{
	for (const struct gsl_output *o = e->outputs; o; o = o->next)
		if (strcmp(o->name, name) == 0)
			return gsl_buf_cstr(&o->buf);
	return NULL;
}

/* Emits source (which has errors) into box.html, box.xhtml and box.tex,
 * and checks that each page shows want. */
static void expect(const char *source, const char *want_html, const char *want_tex)
{
	for (int fix = 0; fix < 2; fix++) {
		struct gsl_ctx ctx;
		gsl_ctx_init(&ctx, &gsl_default_mem);
		ctx.diag.out = NULL;
		uint32_t file = gsl_ctx_add_file(&ctx, "errors.gsl", source, strlen(source));
		struct gsl_model *m = gsl_model_build_files(&ctx, &file, 1);
		CHECK(gsl_diag_failed(&ctx));
		struct gsl_emit_options opt = { .fix_refs = fix };
		struct gsl_emit e = { .model = m, .ctx = &ctx, .opt = &opt };
		for (const struct gsl_document *d = m->documents; d; d = d->next)
			gsl_emit_document(&e, d);
		gsl_emit_finish(&e);
		const char *html = output(&e, "box.html"), *xhtml = output(&e, "box.xhtml");
		const char *tex = output(&e, "box.tex");
		CHECK(html && strstr(html, want_html));
		CHECK(xhtml && strstr(xhtml, want_html));
		CHECK(tex && strstr(tex, want_tex));
		gsl_emit_free(&e);
		gsl_model_free(m);
		gsl_ctx_free(&ctx);
	}
}

#define DOCUMENT ".document: box\n..output: html, xhtml, latex\n..man page of: Box\n"

int main(void)
{
	/* A kind defined inside a method is not one of its arguments (it was
	 * taken for a named kind without a name). */
	expect(".kind:: Box\n"
	       "..method:: put\n"
	       "...superkind:: Thing\n"
	       "...arg: n: int\n" DOCUMENT,
	       "put</a></span>(<var>n</var>", "put");
	/* An item assignment without arguments: no index and no value. */
	expect(".kind:: Box\n"
	       "..setitem\n" DOCUMENT,
	       "<em>self</em>[]<strong><span class=\"big\"> = </span></strong>", "=");
	return check_status();
}
