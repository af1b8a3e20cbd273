/* pyemit.h: the emitters of Python tests, for the registry: the
 * original's Tester module (tester.c) and self-running unittest modules
 * (unittest.c). Both write the plans of testplan.h. */
#ifndef GSL_PYEMIT_H
#define GSL_PYEMIT_H

#include "emit.h"

void gsl_emit_tester(struct gsl_emit *e, const struct gsl_document *d);
void gsl_emit_unittest(struct gsl_emit *e, const struct gsl_document *d);

#endif
