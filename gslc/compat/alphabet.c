/* alphabet.c: the symbols of the argument lists of one comparison, and
 * which symbol covers which (same keyword or both positional, and the
 * kind of one below the kind of the other in NEW's hierarchy). */
#include "config.h"

#include "grammar.h"

#include <string.h>

void compat_alphabet_init(struct compat_alphabet *a, const struct gsl_mem *mem)
{
	*a = (struct compat_alphabet){ .mem = mem };
}

void compat_alphabet_clear(struct compat_alphabet *a)
{
	a->n = 0;
}

void compat_alphabet_free(struct compat_alphabet *a)
{
	gsl_xfree(a->mem, a->symbols);
	gsl_xfree(a->mem, a->covers);
	*a = (struct compat_alphabet){ .mem = a->mem };
}

static bool same_name(const char *x, const char *y)
{
	return x == y || (x && y && strcmp(x, y) == 0);
}

uint32_t compat_alphabet_add(struct compat_alphabet *a, const char *name, uint32_t kind,
			     uint32_t old_kind, uint32_t new_kind)
{
	for (uint32_t i = 0; i < a->n; i++) {
		struct compat_symbol *s = &a->symbols[i];
		if (s->kind != kind || !same_name(s->name, name))
			continue;
		if (old_kind != COMPAT_NONE)
			s->old_kind = old_kind;
		if (new_kind != COMPAT_NONE)
			s->new_kind = new_kind;
		return i;
	}
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 32;
		a->symbols = gsl_xrealloc(a->mem, a->symbols, a->cap * sizeof *a->symbols);
	}
	a->symbols[a->n] = (struct compat_symbol){ name, kind, old_kind, new_kind };
	return a->n++;
}

void compat_alphabet_close(struct compat_alphabet *a, struct compat_relation *r)
{
	uint32_t n = a->n;
	a->covers = gsl_xrealloc(a->mem, a->covers, (size_t)n * n + 1);
	for (uint32_t x = 0; x < n; x++)
		for (uint32_t y = 0; y < n; y++) {
			const struct compat_symbol *sx = &a->symbols[x], *sy = &a->symbols[y];
			a->covers[x * n + y] = x == y || (same_name(sx->name, sy->name) &&
							  compat_relation_le(r, sx->kind, sy->kind));
		}
}
