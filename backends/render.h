/* render.h: the helper the text emitters share (LaTeX, Python, C): it
 * keeps the indentation and line state and passes text through the
 * emitter's escaping, as cmark's render.c serves its text renderers. */
#ifndef GSL_RENDER_H
#define GSL_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct gsl_render;

/* Appends s[0..n) to r->out, escaped for the output language. */
typedef void gsl_escape_fn(struct gsl_render *r, const char *s, size_t n);

struct gsl_render {
	struct gsl_buf *out;
	const char *unit;        /* one level of indentation, e.g. "    " */
	int level;               /* current indentation level */
	bool line_start;         /* nothing written on the current line yet */
	gsl_escape_fn *escape;   /* NULL: text is written as it is */
	void *data;              /* for the escape function */
};

void gsl_render_init(struct gsl_render *r, struct gsl_buf *out, const char *unit,
		     gsl_escape_fn *escape, void *data);

/* Text, escaped, indented at each line start. */
void gsl_render_text(struct gsl_render *r, const char *s, size_t n);
/* Code or markup of the output language: not escaped, but indented. */
void gsl_render_raw(struct gsl_render *r, const char *s);
void gsl_render_rawf(struct gsl_render *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Ends the current line (if anything is on it, unless force). */
void gsl_render_newline(struct gsl_render *r, bool force);
void gsl_render_indent(struct gsl_render *r);
void gsl_render_dedent(struct gsl_render *r);

#endif
