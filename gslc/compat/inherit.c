/* inherit.c: the members a kind's values have: its own, then those of
 * the kinds it is a subkind of (transitively); an own member hides an
 * inherited one of the same key. Computed bottom up with an explicit
 * stack, so long chains cost no C stack and cycles end. */
#include "config.h"

#include "compat.h"

#include <string.h>

enum { TODO, BUSY, DONE };

const struct compat_member *compat_member_find(const struct compat_member *members, uint32_t n,
					       const char *key)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = strcmp(members[mid].key, key);
		if (c == 0)
			return &members[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Merges the sorted members b into the sorted members a (a wins on equal
 * keys) into a new arena array. */
static struct compat_member *merge(struct gsl_arena *arena, const struct compat_member *a,
				   uint32_t na, const struct compat_member *b, uint32_t nb,
				   uint32_t *n)
{
	struct compat_member *out = gsl_arena_alloc(arena, (na + nb + 1) * sizeof *out);
	uint32_t i = 0, j = 0, k = 0;
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i].key, b[j].key);
		if (c <= 0)
			out[k++] = a[i++];
		else
			out[k++] = b[j++];
		if (c == 0)
			j++;
	}
	*n = k;
	return out;
}

void compat_inherit(struct compat_side *side)
{
	uint32_t n = side->nkinds;
	const struct gsl_mem *mem = side->ctx.mem;
	uint8_t *state = gsl_xmalloc(mem, n + 1);
	memset(state, TODO, n + 1);
	uint32_t *stack = gsl_xmalloc(mem, (n + 1) * sizeof *stack);
	for (uint32_t root = 0; root < n; root++) {
		if (state[root] != TODO)
			continue;
		size_t depth = 0;
		stack[depth++] = root;
		state[root] = BUSY;
		while (depth) {
			struct compat_kind *k = side->kinds[stack[depth - 1]];
			/* Descend into the first super not yet done. */
			bool descended = false;
			for (uint32_t i = 0; i < k->shape.nkinds && !descended; i++) {
				uint32_t s = k->shape.kinds[i];
				if (s < n && state[s] == TODO) {
					state[s] = BUSY;
					stack[depth++] = s;
					descended = true;
				}
			}
			if (descended)
				continue;
			k->all = k->shape.members;
			k->nall = k->shape.nmembers;
			for (uint32_t i = 0; i < k->shape.nkinds; i++) {
				uint32_t s = k->shape.kinds[i];
				if (s >= n || state[s] != DONE || !side->kinds[s]->nall)
					continue;
				const struct compat_kind *sk = side->kinds[s];
				k->all = merge(&side->ctx.arena, k->all, k->nall, sk->all, sk->nall,
					       &k->nall);
			}
			state[stack[--depth]] = DONE;
		}
	}
	gsl_xfree(mem, stack);
	gsl_xfree(mem, state);
}
