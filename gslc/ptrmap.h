/* ptrmap.h: a map from nonzero 64-bit keys (pointers, or two 32-bit
 * numbers packed) to pointers: open addressing, doubled when half full.
 * For the tables that find what was made for a node, a subject or a step
 * without hashing names. */
#ifndef GSL_PTRMAP_H
#define GSL_PTRMAP_H

#include <stdint.h>

#include "arena.h"

struct gsl_ptrmap {
	const struct gsl_mem *mem;
	uint64_t *keys;                 /* 0: an empty slot */
	void **values;
	uint32_t cap;                   /* a power of two, or 0 */
	uint32_t count;
};

void gsl_ptrmap_init(struct gsl_ptrmap *m, const struct gsl_mem *mem);
void gsl_ptrmap_free(struct gsl_ptrmap *m);
/* The value of key, or NULL when it has none. */
void *gsl_ptrmap_get(const struct gsl_ptrmap *m, uint64_t key);
/* The value slot of key, added holding NULL if missing. */
void **gsl_ptrmap_slot(struct gsl_ptrmap *m, uint64_t key);

static inline uint64_t gsl_ptr_key(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

#endif
