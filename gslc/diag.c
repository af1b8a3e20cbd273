/* diag.c: printing diagnostics, GCC style, with the offending source line
 * and a caret under the column when stderr is a terminal. */
#include "diag.h"

#include <stdarg.h>

#include "context.h"

static const char *const severity_names[] = {
	[GSL_NOTE] = "note",
	[GSL_WARNING] = "warning",
	[GSL_ERROR] = "error",
};

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
	fputs("^\n", out);
}

void gsl_diag(struct gsl_ctx *ctx, struct gsl_loc loc, enum gsl_severity sev,
	      const char *fmt, ...)
{
	struct gsl_diag_state *d = &ctx->diag;
	const struct gsl_file *f = gsl_ctx_file(ctx, loc.file);
	if (sev == GSL_ERROR)
		d->errors++;
	else if (sev == GSL_WARNING)
		d->warnings++;

	if (f && loc.line)
		fprintf(d->out, "%s:%u:%u: ", f->path, loc.line, loc.col ? loc.col : 1);
	else if (f)
		fprintf(d->out, "%s: ", f->path);
	else
		fputs("gslc: ", d->out);
	fprintf(d->out, "%s: ", severity_names[sev]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
	if (d->show_source && f && loc.line)
		show_source(ctx, loc);
}

bool gsl_diag_failed(const struct gsl_ctx *ctx)
{
	return ctx->diag.errors > 0 || (ctx->diag.werror && ctx->diag.warnings > 0);
}
