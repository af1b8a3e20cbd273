/* ccode.h: C text for the C test renderer (ctest.c): string literals,
 * and which call of the CPython C API applies an operator of a plan. */
#ifndef GSL_CCODE_H
#define GSL_CCODE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "testplan.h"

/* Appends s[0..n) as a C string literal: quotes, backslashes and bytes
 * outside printable ASCII escaped (in octal, three digits, so that no
 * digit after them joins them; "??" is broken up against trigraphs). */
void gsl_c_string(struct gsl_buf *b, const char *s, size_t n);
/* A literal of the NUL-terminated s, or NULL when s is. */
void gsl_c_cstring(struct gsl_buf *b, const char *s);

/* How the engine (ctest_engine.c) makes a call: its enum ct_op, and the
 * C API function that applies an operator, in the field of struct
 * ct_arrow that holds it. */
struct gsl_c_form {
	const char *op;                 /* "CT_BINARY" */
	const char *field;              /* "binary", or NULL */
	const char *function;           /* "PyNumber_And", "Py_LT" */
	bool reversed;                  /* the object is the right operand */
	bool negated;                   /* "not in", "is not" */
};

/* The form of arrow a; false when no C API call applies its operator. */
bool gsl_c_form(const struct gsl_tp_arrow *a, struct gsl_c_form *f);

#endif
