/* ctest.h: the `ctest` format, C programs that check an implementation
 * through the CPython C API (ctest.c), and how to build them. */
#ifndef GSL_CTEST_H
#define GSL_CTEST_H

#include <stdio.h>

#include "emit.h"

/* Writes NAME.c for document d: the engine, then the tables of its plans. */
void gsl_emit_ctest(struct gsl_emit *e, const struct gsl_document *d);

/* Prints how to build the programs: what is "flags" (the compiler and
 * linker flags, on one line) or "makefile" (a Makefile fragment).
 * Returns an exit status: 0, or 2 for an unknown what. */
int gsl_ctest_print_build(FILE *out, const char *what);

/* Made by the build (backends/local.mk): the text of ctest_engine.c, and
 * the flags of the Python configure found (as pkg-config python3-embed
 * gives them). */
extern const unsigned char gsl_ctest_engine[];
extern const char gsl_ctest_cflags[];
extern const char gsl_ctest_libs[];

#endif
