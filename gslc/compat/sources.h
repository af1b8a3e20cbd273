/* sources.h: loading a side of a comparison: a file, a directory of
 * specifications, or REV:path from git. */
#ifndef GSL_COMPAT_SOURCES_H
#define GSL_COMPAT_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "compat.h"

/* Loads label into side (a context and model of its own), then reads its
 * surface. dirs are searched for imports (-I). False when the side cannot
 * be loaded or has errors. Sides share nothing: two may load at once. */
bool compat_side_load(struct compat_side *side, const char *label, const char *const *dirs,
		      size_t ndirs);
/* Prints the diagnostics of loading the side if it failed (and drops
 * them otherwise). */
void compat_side_diagnose(struct compat_side *side);
void compat_side_free(struct compat_side *side);

#endif
