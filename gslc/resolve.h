/* resolve.h: name resolution (resolve.c) and the checks of what may
 * stand where (check.c), run by gsl_model_build on each package. */
#ifndef GSL_RESOLVE_H
#define GSL_RESOLVE_H

#include "model.h"

/* Resolves every reference in the specification part of pkg. */
void gsl_resolve_package(struct gsl_model *m, struct gsl_package *pkg);

/* Checks which tags stand under which, and the structure of arguments,
 * operators and conditions, in pkg. */
void gsl_check_package(struct gsl_model *m, struct gsl_package *pkg);

/* The subject that path names when written in pkg, inside the kind
 * mykind (for `.mykind.x`; NULL elsewhere): `K`, `K.attr`,
 * `.myfile.K.attr`, `.mykind.attr`, `.tgt.pkg.K`. When it names
 * nothing, reports why at loc if report is set, and returns NULL. */
const struct gsl_subject *gsl_resolve_path(struct gsl_model *m, const struct gsl_package *pkg,
					   const struct gsl_subject *mykind, struct gsl_str path,
					   struct gsl_loc loc, bool report);

#endif
