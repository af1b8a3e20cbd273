/* buf.c: the growable byte buffer. */
#include "buf.h"

#include <stdio.h>
#include <string.h>

void gsl_buf_init(struct gsl_buf *b, const struct gsl_mem *mem)
{
	b->mem = mem;
	b->data = NULL;
	b->len = b->cap = 0;
}

void gsl_buf_free(struct gsl_buf *b)
{
	if (b->data)
		gsl_xfree(b->mem, b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void gsl_buf_clear(struct gsl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* Makes room for n more bytes and the terminating NUL. */
static void reserve(struct gsl_buf *b, size_t n)
{
	if (b->len + n < b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap <= b->len + n)
		cap *= 2;
	b->data = gsl_xrealloc(b->mem, b->data, cap);
	b->cap = cap;
}

void gsl_buf_put(struct gsl_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void gsl_buf_puts(struct gsl_buf *b, const char *s)
{
	gsl_buf_put(b, s, strlen(s));
}

void gsl_buf_putc(struct gsl_buf *b, char c)
{
	reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void gsl_buf_vprintf(struct gsl_buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if ((size_t)n < sizeof small) {
		gsl_buf_put(b, small, (size_t)n);
		return;
	}
	reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void gsl_buf_printf(struct gsl_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gsl_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *gsl_buf_cstr(const struct gsl_buf *b)
{
	return b->data ? b->data : "";
}
