/* buf.h: a growable byte buffer. Emitters fill buffers; only the driver
 * writes them to files. */
#ifndef GSL_BUF_H
#define GSL_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "arena.h"

struct gsl_buf {
	const struct gsl_mem *mem;
	char *data; /* NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
};

void gsl_buf_init(struct gsl_buf *b, const struct gsl_mem *mem);
void gsl_buf_free(struct gsl_buf *b);
void gsl_buf_clear(struct gsl_buf *b);

void gsl_buf_put(struct gsl_buf *b, const char *s, size_t n);
void gsl_buf_puts(struct gsl_buf *b, const char *s);
void gsl_buf_putc(struct gsl_buf *b, char c);
void gsl_buf_printf(struct gsl_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void gsl_buf_vprintf(struct gsl_buf *b, const char *fmt, va_list ap);

/* The contents as a C string ("" when empty). */
const char *gsl_buf_cstr(const struct gsl_buf *b);

#endif
