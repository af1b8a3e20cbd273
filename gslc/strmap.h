/* strmap.h: a hash map from strings to pointers. It backs the scopes of
 * name resolution and the interning of strings. Keys are not copied. */
#ifndef GSL_STRMAP_H
#define GSL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct gsl_strmap_entry {
	const char *key;    /* not NUL-terminated; NULL for an empty slot */
	uint32_t len;
	uint32_t hash;
	void *value;
};

struct gsl_strmap {
	const struct gsl_mem *mem;
	struct gsl_strmap_entry *slots;
	uint32_t cap;       /* a power of two, or 0 */
	uint32_t count;
};

void gsl_strmap_init(struct gsl_strmap *m, const struct gsl_mem *mem);
void gsl_strmap_free(struct gsl_strmap *m);
void *gsl_strmap_get(const struct gsl_strmap *m, const char *key, size_t len);
/* The value slot for key, added (holding NULL) if missing. The key is
 * not copied: it must live as long as the map. */
void **gsl_strmap_slot(struct gsl_strmap *m, const char *key, size_t len);

#endif
