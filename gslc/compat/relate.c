/* relate.c: the kind hierarchy of NEW, as a question: is every value of
 * kind a also a value of kind b? A kind is below what it is a subkind
 * of and below each superkind that covers it; the answer follows those
 * edges upwards, and is remembered. */
#include "config.h"

#include "compat.h"

#include <string.h>

struct compat_relation {
	const struct gsl_mem *mem;
	uint32_t n;             /* kinds */
	uint32_t *first;        /* up edges of k: up[first[k] .. first[k + 1]) */
	uint32_t *up;
	uint32_t *seen;         /* per kind: the stamp of the last search that saw it */
	uint32_t *queue;
	uint32_t stamp;
	uint64_t *keys;         /* remembered answers: (a, b) + 1, 0 when empty */
	uint8_t *answers;
	uint32_t cap;           /* a power of two */
	uint32_t count;
};

struct compat_relation *compat_relation_new(const struct compat_side *side)
{
	const struct gsl_mem *mem = side->ctx.mem;
	uint32_t n = side->nkinds;
	struct compat_relation *r = gsl_xmalloc(mem, sizeof *r);
	*r = (struct compat_relation){ .mem = mem, .n = n };
	r->first = gsl_xmalloc(mem, (n + 1) * sizeof *r->first);
	memset(r->first, 0, (n + 1) * sizeof *r->first);
	/* Count the edges, then place them. */
	for (uint32_t k = 0; k < n; k++) {
		const struct compat_kind *kind = side->kinds[k];
		r->first[k] += kind->shape.nkinds;
		for (uint32_t i = 0; i < kind->ncovers; i++)
			if (kind->covers[i] < n)
				r->first[kind->covers[i]]++;
	}
	uint32_t total = 0;
	for (uint32_t k = 0; k <= n; k++) {
		uint32_t c = r->first[k];
		r->first[k] = total;
		total += c;
	}
	r->up = gsl_xmalloc(mem, (total + 1) * sizeof *r->up);
	uint32_t *fill = gsl_xmalloc(mem, (n + 1) * sizeof *fill);
	memcpy(fill, r->first, (n + 1) * sizeof *fill);
	for (uint32_t k = 0; k < n; k++) {
		const struct compat_kind *kind = side->kinds[k];
		for (uint32_t i = 0; i < kind->shape.nkinds; i++)
			r->up[fill[k]++] = kind->shape.kinds[i];
		for (uint32_t i = 0; i < kind->ncovers; i++)
			if (kind->covers[i] < n)
				r->up[fill[kind->covers[i]]++] = k;
	}
	gsl_xfree(mem, fill);
	r->seen = gsl_xmalloc(mem, (n + 1) * sizeof *r->seen);
	memset(r->seen, 0, (n + 1) * sizeof *r->seen);
	r->queue = gsl_xmalloc(mem, (n + 1) * sizeof *r->queue);
	return r;
}

void compat_relation_free(struct compat_relation *r)
{
	if (!r)
		return;
	gsl_xfree(r->mem, r->first);
	gsl_xfree(r->mem, r->up);
	gsl_xfree(r->mem, r->seen);
	gsl_xfree(r->mem, r->queue);
	gsl_xfree(r->mem, r->keys);
	gsl_xfree(r->mem, r->answers);
	gsl_xfree(r->mem, r);
}

static uint32_t slot_of(const struct compat_relation *r, uint64_t key)
{
	uint64_t h = key * 0x9e3779b97f4a7c15u;
	uint32_t mask = r->cap - 1;
	for (uint32_t i = (uint32_t)(h >> 32) & mask;; i = (i + 1) & mask)
		if (r->keys[i] == key || r->keys[i] == 0)
			return i;
}

static void remember(struct compat_relation *r, uint64_t key, bool answer)
{
	if (2 * (r->count + 1) > r->cap) {
		uint64_t *keys = r->keys;
		uint8_t *answers = r->answers;
		uint32_t cap = r->cap;
		r->cap = cap ? 2 * cap : 256;
		r->keys = gsl_xmalloc(r->mem, r->cap * sizeof *r->keys);
		r->answers = gsl_xmalloc(r->mem, r->cap);
		memset(r->keys, 0, r->cap * sizeof *r->keys);
		for (uint32_t i = 0; i < cap; i++)
			if (keys[i]) {
				uint32_t s = slot_of(r, keys[i]);
				r->keys[s] = keys[i];
				r->answers[s] = answers[i];
			}
		gsl_xfree(r->mem, keys);
		gsl_xfree(r->mem, answers);
	}
	uint32_t s = slot_of(r, key);
	r->keys[s] = key;
	r->answers[s] = answer;
	r->count++;
}

/* Breadth first from a along up edges. */
static bool search(struct compat_relation *r, uint32_t a, uint32_t b)
{
	if (++r->stamp == 0) {
		memset(r->seen, 0, (r->n + 1) * sizeof *r->seen);
		r->stamp = 1;
	}
	uint32_t head = 0, tail = 0;
	r->queue[tail++] = a;
	r->seen[a] = r->stamp;
	while (head < tail) {
		uint32_t k = r->queue[head++];
		if (k == b)
			return true;
		for (uint32_t e = r->first[k]; e < r->first[k + 1]; e++) {
			uint32_t s = r->up[e];
			if (s < r->n && r->seen[s] != r->stamp) {
				r->seen[s] = r->stamp;
				r->queue[tail++] = s;
			}
		}
	}
	return false;
}

bool compat_relation_le(struct compat_relation *r, uint32_t a, uint32_t b)
{
	if (a == b || b == COMPAT_ANY)
		return true;
	if (a >= r->n || b >= r->n)
		return false;
	if (r->first[a] == r->first[a + 1])
		return false;
	uint64_t key = ((uint64_t)a << 32 | b) + 1;
	if (r->cap) {
		uint32_t s = slot_of(r, key);
		if (r->keys[s] == key)
			return r->answers[s];
	}
	bool answer = search(r, a, b);
	remember(r, key, answer);
	return answer;
}
