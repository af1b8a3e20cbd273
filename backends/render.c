/* render.c: indentation and escaping for the text emitters. */
#include "render.h"

#include <stdarg.h>
#include <string.h>

void gsl_render_init(struct gsl_render *r, struct gsl_buf *out, const char *unit,
		     gsl_escape_fn *escape, void *data)
{
	*r = (struct gsl_render){
		.out = out,
		.unit = unit,
		.line_start = true,
		.escape = escape,
		.data = data,
	};
}

static void indent_if_needed(struct gsl_render *r)
{
	if (!r->line_start)
		return;
	for (int i = 0; i < r->level; i++)
		gsl_buf_puts(r->out, r->unit);
	r->line_start = false;
}

/* Writes s[0..n) line by line, indenting each line's start. */
static void write_lines(struct gsl_render *r, const char *s, size_t n, bool escaped)
{
	while (n) {
		const char *nl = memchr(s, '\n', n);
		size_t len = nl ? (size_t)(nl - s) : n;
		if (len) {
			indent_if_needed(r);
			if (escaped && r->escape)
				r->escape(r, s, len);
			else
				gsl_buf_put(r->out, s, len);
		}
		if (!nl)
			break;
		gsl_buf_putc(r->out, '\n');
		r->line_start = true;
		s += len + 1;
		n -= len + 1;
	}
}

void gsl_render_text(struct gsl_render *r, const char *s, size_t n)
{
	write_lines(r, s, n, true);
}

void gsl_render_raw(struct gsl_render *r, const char *s)
{
	write_lines(r, s, strlen(s), false);
}

void gsl_render_rawf(struct gsl_render *r, const char *fmt, ...)
{
	struct gsl_buf tmp;
	gsl_buf_init(&tmp, r->out->mem);
	va_list ap;
	va_start(ap, fmt);
	gsl_buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	write_lines(r, tmp.data ? tmp.data : "", tmp.len, false);
	gsl_buf_free(&tmp);
}

void gsl_render_newline(struct gsl_render *r, bool force)
{
	if (r->line_start && !force)
		return;
	gsl_buf_putc(r->out, '\n');
	r->line_start = true;
}

void gsl_render_indent(struct gsl_render *r)
{
	r->level++;
}

void gsl_render_dedent(struct gsl_render *r)
{
	if (r->level > 0)
		r->level--;
}
