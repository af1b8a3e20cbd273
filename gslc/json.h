/* json.h: a small streaming JSON writer into a buffer; it places the
 * commas and the indentation, so callers only say what comes next. */
#ifndef GSL_JSON_H
#define GSL_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct gsl_json {
	struct gsl_buf *out;
	uint8_t *state;   /* per open container: empty yet? an array? */
	size_t depth;
	size_t cap;
	bool after_key;   /* a key was written, its value comes next */
};

void gsl_json_init(struct gsl_json *j, struct gsl_buf *out);
/* Ends the document with a newline and frees the writer's state. */
void gsl_json_finish(struct gsl_json *j);

void gsl_json_object(struct gsl_json *j);
void gsl_json_array(struct gsl_json *j);
void gsl_json_end(struct gsl_json *j);  /* closes the innermost container */
void gsl_json_key(struct gsl_json *j, const char *key);
void gsl_json_string(struct gsl_json *j, const char *s, size_t n);
void gsl_json_cstring(struct gsl_json *j, const char *s); /* NULL writes null */
void gsl_json_int(struct gsl_json *j, int64_t v);
void gsl_json_bool(struct gsl_json *j, bool v);
void gsl_json_null(struct gsl_json *j);

/* Appends s as a JSON string literal, with quotes. */
void gsl_json_quote(struct gsl_buf *out, const char *s, size_t n);

#endif
