/* ptrmap.c: the map from 64-bit keys to pointers (ptrmap.h). */
#include "ptrmap.h"

#include <string.h>

void gsl_ptrmap_init(struct gsl_ptrmap *m, const struct gsl_mem *mem)
{
	*m = (struct gsl_ptrmap){ .mem = mem };
}

void gsl_ptrmap_free(struct gsl_ptrmap *m)
{
	gsl_xfree(m->mem, m->keys);
	gsl_xfree(m->mem, m->values);
	*m = (struct gsl_ptrmap){ .mem = m->mem };
}

static uint32_t slot_of(const struct gsl_ptrmap *m, uint64_t key)
{
	uint64_t h = key * 0x9e3779b97f4a7c15u;
	uint32_t mask = m->cap - 1;
	uint32_t i = (uint32_t)(h >> 32) & mask;
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & mask;
	return i;
}

void *gsl_ptrmap_get(const struct gsl_ptrmap *m, uint64_t key)
{
	if (!m->cap)
		return NULL;
	uint32_t i = slot_of(m, key);
	return m->keys[i] ? m->values[i] : NULL;
}

static void grow(struct gsl_ptrmap *m)
{
	struct gsl_ptrmap old = *m;
	m->cap = old.cap ? 2 * old.cap : 64;
	m->keys = gsl_xmalloc(m->mem, m->cap * sizeof *m->keys);
	m->values = gsl_xmalloc(m->mem, m->cap * sizeof *m->values);
	memset(m->keys, 0, m->cap * sizeof *m->keys);
	for (uint32_t i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			uint32_t j = slot_of(m, old.keys[i]);
			m->keys[j] = old.keys[i];
			m->values[j] = old.values[i];
		}
	gsl_xfree(m->mem, old.keys);
	gsl_xfree(m->mem, old.values);
}

void **gsl_ptrmap_slot(struct gsl_ptrmap *m, uint64_t key)
{
	if (2 * (m->count + 1) > m->cap)
		grow(m);
	uint32_t i = slot_of(m, key);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->values[i] = NULL;
		m->count++;
	}
	return &m->values[i];
}
