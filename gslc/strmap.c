/* strmap.c: open addressing with linear probing; the table doubles when
 * it is half full. */
#include "strmap.h"

#include <string.h>

void gsl_strmap_init(struct gsl_strmap *m, const struct gsl_mem *mem)
{
	*m = (struct gsl_strmap){ .mem = mem };
}

void gsl_strmap_free(struct gsl_strmap *m)
{
	gsl_xfree(m->mem, m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct gsl_strmap_entry *find(const struct gsl_strmap *m, const char *key,
				     size_t len, uint32_t h)
{
	uint32_t mask = m->cap - 1;
	for (uint32_t i = h & mask;; i = (i + 1) & mask) {
		struct gsl_strmap_entry *e = &m->slots[i];
		if (!e->key || (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0))
			return e;
	}
}

void *gsl_strmap_get(const struct gsl_strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	struct gsl_strmap_entry *e = find(m, key, len, hash(key, len));
	return e->key ? e->value : NULL;
}

static void grow(struct gsl_strmap *m)
{
	struct gsl_strmap_entry *old = m->slots;
	uint32_t old_cap = m->cap;
	m->cap = old_cap ? 2 * old_cap : 8;
	m->slots = gsl_xmalloc(m->mem, m->cap * sizeof *m->slots);
	memset(m->slots, 0, m->cap * sizeof *m->slots);
	for (uint32_t i = 0; i < old_cap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].len, old[i].hash) = old[i];
	gsl_xfree(m->mem, old);
}

void **gsl_strmap_slot(struct gsl_strmap *m, const char *key, size_t len)
{
	if (2 * (m->count + 1) > m->cap)
		grow(m);
	uint32_t h = hash(key, len);
	struct gsl_strmap_entry *e = find(m, key, len, h);
	if (!e->key) {
		*e = (struct gsl_strmap_entry){ key, (uint32_t)len, h, NULL };
		m->count++;
	}
	return &e->value;
}
