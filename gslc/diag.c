/* diag.c: diagnostics, GCC style, with the offending source line and a
 * caret under the column when stderr is a terminal; kept, then printed
 * sorted by place. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "context.h"

struct gsl_diag_entry {
	struct gsl_loc key;      /* where the message (or its note's message) is */
	size_t seq;              /* order of reporting, to keep notes in place */
	struct gsl_loc loc;
	enum gsl_severity sev;
	char *text;
};

static const char *const severity_names[] = {
	[GSL_NOTE] = "note",
	[GSL_WARNING] = "warning",
	[GSL_ERROR] = "error",
};

/* The colours GCC uses, with bold places and a green caret. */
static const char *const severity_colors[] = {
	[GSL_NOTE] = "\033[1;36m",
	[GSL_WARNING] = "\033[1;35m",
	[GSL_ERROR] = "\033[1;31m",
};
#define BOLD "\033[1m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

static void show_source(struct gsl_ctx *ctx, struct gsl_loc loc)
{
	size_t len;
	const char *line = gsl_file_line(ctx, loc.file, loc.line, &len);
	if (!line)
		return;
	FILE *out = ctx->diag.out;
	fprintf(out, " %5u | %.*s\n       | ", loc.line, (int)len, line);
	/* Keep tabs so the caret lines up with the text above it. */
	for (uint32_t i = 1; i < loc.col && i - 1 < len; i++)
		fputc(line[i - 1] == '\t' ? '\t' : ' ', out);
	fputs(ctx->diag.color ? GREEN "^" RESET "\n" : "^\n", out);
}

static void print(struct gsl_ctx *ctx, const struct gsl_diag_entry *e)
{
	FILE *out = ctx->diag.out;
	bool color = ctx->diag.color;
	const struct gsl_file *f = gsl_ctx_file(ctx, e->loc.file);
	if (color)
		fputs(BOLD, out);
	if (f && e->loc.line)
		fprintf(out, "%s:%u:%u: ", f->path, e->loc.line, e->loc.col ? e->loc.col : 1);
	else if (f)
		fprintf(out, "%s: ", f->path);
	else
		fputs("gslc: ", out);
	if (color)
		fprintf(out, "%s%s:" RESET " %s\n", severity_colors[e->sev], severity_names[e->sev],
			e->text);
	else
		fprintf(out, "%s: %s\n", severity_names[e->sev], e->text);
	if (ctx->diag.show_source && f && e->loc.line)
		show_source(ctx, e->loc);
}

void gsl_diag(struct gsl_ctx *ctx, struct gsl_loc loc, enum gsl_severity sev,
	      const char *fmt, ...)
{
	struct gsl_diag_state *d = &ctx->diag;
	if (sev == GSL_ERROR)
		d->errors++;
	else if (sev == GSL_WARNING)
		d->warnings++;
	if (!d->out)
		return;
	if (d->npending == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->pending = gsl_xrealloc(ctx->mem, d->pending, d->cap * sizeof *d->pending);
	}
	struct gsl_buf text;
	gsl_buf_init(&text, ctx->mem);
	va_list ap;
	va_start(ap, fmt);
	gsl_buf_vprintf(&text, fmt, ap);
	va_end(ap);
	/* A note sorts with the message before it. */
	struct gsl_loc key = sev == GSL_NOTE && d->npending ? d->pending[d->npending - 1].key : loc;
	d->pending[d->npending] = (struct gsl_diag_entry){ key, d->npending, loc, sev, text.data };
	d->npending++;
}

static int by_place(const void *a, const void *b)
{
	const struct gsl_diag_entry *x = a, *y = b;
	if (x->key.file != y->key.file)
		return x->key.file < y->key.file ? -1 : 1;
	if (x->key.line != y->key.line)
		return x->key.line < y->key.line ? -1 : 1;
	if (x->key.col != y->key.col)
		return x->key.col < y->key.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool same_place(struct gsl_loc a, struct gsl_loc b)
{
	return a.file == b.file && a.line == b.line && a.col == b.col;
}

/* Whether pending[i] says what one before it at the same place said: the
 * documents of a run that share a kind may find the same problem in it.
 * Sorted, the entries of one place stand together. */
static bool said_before(const struct gsl_diag_entry *pending, size_t i)
{
	const struct gsl_diag_entry *e = &pending[i];
	for (size_t j = i; j-- > 0 && same_place(pending[j].key, e->key);) {
		const struct gsl_diag_entry *o = &pending[j];
		if (o->sev == e->sev && same_place(o->loc, e->loc) && strcmp(o->text, e->text) == 0)
			return true;
	}
	return false;
}

void gsl_diag_flush(struct gsl_ctx *ctx)
{
	struct gsl_diag_state *d = &ctx->diag;
	if (!d->npending)
		return;
	qsort(d->pending, d->npending, sizeof *d->pending, by_place);
	for (size_t i = 0; i < d->npending; i++) {
		if (!said_before(d->pending, i))
			print(ctx, &d->pending[i]);
		else if (d->pending[i].sev == GSL_ERROR)
			d->errors--;
		else if (d->pending[i].sev == GSL_WARNING)
			d->warnings--;
	}
	for (size_t i = 0; i < d->npending; i++)
		gsl_xfree(ctx->mem, d->pending[i].text);
	gsl_xfree(ctx->mem, d->pending);
	d->pending = NULL;
	d->npending = d->cap = 0;
}

bool gsl_diag_failed(const struct gsl_ctx *ctx)
{
	return ctx->diag.errors > 0 || (ctx->diag.werror && ctx->diag.warnings > 0);
}
