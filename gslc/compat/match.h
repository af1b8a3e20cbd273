/* match.h: matching kinds and members across the two sides, by name and,
 * for renames, by likeness of shape. */
#ifndef GSL_COMPAT_MATCH_H
#define GSL_COMPAT_MATCH_H

#include "compat.h"

/* Sets the match of every kind of both sides: same canonical name, else
 * a rename within a package (by likeness), else a move between packages
 * (same local name). Renamed pairs are flagged. */
void compat_match_kinds(struct compat_side *old, struct compat_side *new);

/* What a thing looks like, as a sorted list of texts. */
struct compat_features {
	const char **items;
	uint32_t n, cap;
};
void compat_features_add(struct compat_features *f, struct gsl_arena *arena, const char *text);
void compat_features_sort(struct compat_features *f);

/* How likely two things are one thing renamed: 0 when not at all; else
 * the share of features in common (at least one half), plus a quarter of
 * the likeness of their names. Things without features are judged by
 * their names alone. */
double compat_likeness(const struct compat_features *a, const char *name_a,
		       const struct compat_features *b, const char *name_b);

/* Pairs nold candidates with nnew, most likely pairs first, each at most
 * once; pair[i] is the partner of old candidate i, or COMPAT_NONE. */
void compat_pair(const struct gsl_mem *mem, uint32_t nold, uint32_t nnew,
		 double (*likeness)(void *data, uint32_t i, uint32_t j), void *data,
		 uint32_t *pair);

#endif
