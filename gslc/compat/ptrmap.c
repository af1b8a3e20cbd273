/* ptrmap.c: a map from pointers to indexes (open addressing, linear
 * probing), so that the kind of a definition is found without hashing
 * its name. */
#include "config.h"

#include "compat.h"

#include <string.h>

static uint32_t slot_of(const struct compat_ptrmap *m, const void *key)
{
	uint64_t h = ((uint64_t)(uintptr_t)key >> 3) * 0x9e3779b97f4a7c15u;
	uint32_t mask = m->cap - 1;
	for (uint32_t i = (uint32_t)(h >> 32) & mask;; i = (i + 1) & mask)
		if (m->keys[i] == key || !m->keys[i])
			return i;
}

void compat_ptrmap_put(struct compat_ptrmap *m, const struct gsl_mem *mem, const void *key,
		       uint32_t value)
{
	if (2 * (m->count + 1) > m->cap) {
		struct compat_ptrmap old = *m;
		m->cap = old.cap ? 2 * old.cap : 1024;
		m->keys = gsl_xmalloc(mem, m->cap * sizeof *m->keys);
		m->values = gsl_xmalloc(mem, m->cap * sizeof *m->values);
		memset(m->keys, 0, m->cap * sizeof *m->keys);
		for (uint32_t i = 0; i < old.cap; i++)
			if (old.keys[i]) {
				uint32_t s = slot_of(m, old.keys[i]);
				m->keys[s] = old.keys[i];
				m->values[s] = old.values[i];
			}
		gsl_xfree(mem, old.keys);
		gsl_xfree(mem, old.values);
	}
	uint32_t s = slot_of(m, key);
	m->count += !m->keys[s];
	m->keys[s] = key;
	m->values[s] = value;
}

uint32_t compat_ptrmap_get(const struct compat_ptrmap *m, const void *key)
{
	if (!m->cap)
		return COMPAT_NONE;
	uint32_t s = slot_of(m, key);
	return m->keys[s] ? m->values[s] : COMPAT_NONE;
}

void compat_ptrmap_free(struct compat_ptrmap *m, const struct gsl_mem *mem)
{
	gsl_xfree(mem, m->keys);
	gsl_xfree(mem, m->values);
	*m = (struct compat_ptrmap){ 0 };
}
