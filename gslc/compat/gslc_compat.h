/* gslc_compat.h: the entry point of `gslc compat`, for the driver. */
#ifndef GSL_GSLC_COMPAT_H
#define GSL_GSLC_COMPAT_H

/* Runs `gslc compat` with its arguments (argv[0] names the command);
 * returns the exit status: 0 compatible, 1 breaking, 2 unusable. */
int gsl_compat_main(int argc, char **argv);

#endif
