/* json.c: the streaming JSON writer. Containers nest without recursion;
 * indentation stops growing past a depth where it would only cost bytes. */
#include "json.h"

#include <inttypes.h>
#include <string.h>

enum { MAX_INDENT = 32 };
/* The state kept per open container. */
enum { EMPTY = 1, ARRAY = 2 };

void gsl_json_init(struct gsl_json *j, struct gsl_buf *out)
{
	*j = (struct gsl_json){ .out = out };
}

void gsl_json_finish(struct gsl_json *j)
{
	gsl_buf_putc(j->out, '\n');
	gsl_xfree(j->out->mem, j->state);
	j->state = NULL;
	j->depth = j->cap = 0;
}

static void newline(struct gsl_json *j)
{
	gsl_buf_putc(j->out, '\n');
	for (size_t i = 0; i < j->depth && i < MAX_INDENT; i++)
		gsl_buf_put(j->out, "  ", 2);
}

/* Writes what goes before a value: a comma and a newline in a container. */
static void before_value(struct gsl_json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth) {
		if (!(j->state[j->depth - 1] & EMPTY))
			gsl_buf_putc(j->out, ',');
		j->state[j->depth - 1] &= (uint8_t)~EMPTY;
		newline(j);
	}
}

static void open_container(struct gsl_json *j, char c)
{
	before_value(j);
	gsl_buf_putc(j->out, c);
	if (j->depth == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 16;
		j->state = gsl_xrealloc(j->out->mem, j->state, j->cap);
	}
	j->state[j->depth++] = EMPTY | (c == '[' ? ARRAY : 0);
}

void gsl_json_object(struct gsl_json *j) { open_container(j, '{'); }
void gsl_json_array(struct gsl_json *j) { open_container(j, '['); }

void gsl_json_end(struct gsl_json *j)
{
	uint8_t state = j->state[--j->depth];
	if (!(state & EMPTY))
		newline(j);
	gsl_buf_putc(j->out, state & ARRAY ? ']' : '}');
}

void gsl_json_key(struct gsl_json *j, const char *key)
{
	before_value(j);
	gsl_json_quote(j->out, key, strlen(key));
	gsl_buf_put(j->out, ": ", 2);
	j->after_key = true;
}

void gsl_json_quote(struct gsl_buf *out, const char *s, size_t n)
{
	gsl_buf_putc(out, '"');
	size_t run = 0; /* bytes that need no escape, written at once */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\') {
			run++;
			continue;
		}
		gsl_buf_put(out, s + i - run, run);
		run = 0;
		switch (c) {
		case '"': gsl_buf_put(out, "\\\"", 2); break;
		case '\\': gsl_buf_put(out, "\\\\", 2); break;
		case '\n': gsl_buf_put(out, "\\n", 2); break;
		case '\t': gsl_buf_put(out, "\\t", 2); break;
		case '\r': gsl_buf_put(out, "\\r", 2); break;
		default: gsl_buf_printf(out, "\\u%04x", c); break;
		}
	}
	gsl_buf_put(out, s + n - run, run);
	gsl_buf_putc(out, '"');
}

void gsl_json_string(struct gsl_json *j, const char *s, size_t n)
{
	before_value(j);
	gsl_json_quote(j->out, s, n);
}

void gsl_json_cstring(struct gsl_json *j, const char *s)
{
	if (s)
		gsl_json_string(j, s, strlen(s));
	else
		gsl_json_null(j);
}

void gsl_json_int(struct gsl_json *j, int64_t v)
{
	before_value(j);
	gsl_buf_printf(j->out, "%" PRId64, v);
}

void gsl_json_bool(struct gsl_json *j, bool v)
{
	before_value(j);
	gsl_buf_puts(j->out, v ? "true" : "false");
}

void gsl_json_null(struct gsl_json *j)
{
	before_value(j);
	gsl_buf_puts(j->out, "null");
}
