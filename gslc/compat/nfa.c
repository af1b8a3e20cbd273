/* nfa.c: finishing an argument automaton. Empty moves are removed (each
 * state takes the moves of the states it reaches by empty moves), then
 * keyword arguments are put in canonical order: a product automaton
 * remembers the keywords read so far, and on acceptance emits them
 * sorted by name. A keyword given twice is not a call. */
#include "config.h"

#include "grammar.h"

#include <stdlib.h>
#include <string.h>

void compat_nfa_free(const struct gsl_mem *mem, struct compat_nfa *nfa)
{
	gsl_xfree(mem, nfa->first);
	gsl_xfree(mem, nfa->sym);
	gsl_xfree(mem, nfa->to);
	gsl_xfree(mem, nfa->final);
	*nfa = (struct compat_nfa){ 0 };
}

/* ---- Removing empty moves ------------------------------------------------------ */

struct move {
	uint32_t sym, to;
};

static int by_move(const void *x, const void *y)
{
	const struct move *a = x, *b = y;
	if (a->sym != b->sym)
		return a->sym < b->sym ? -1 : 1;
	return (a->to > b->to) - (a->to < b->to);
}

/* The automaton without empty moves: its states are the start and the
 * targets of symbol moves. */
static void remove_empty(struct compat_enfa *e, struct compat_nfa *out)
{
	const struct gsl_mem *mem = e->mem;
	uint32_t n = e->nstates;
	/* Edges by source state. */
	uint32_t *first = gsl_xmalloc(mem, (n + 2) * sizeof *first);
	memset(first, 0, (n + 2) * sizeof *first);
	for (uint32_t i = 0; i < e->nedges; i++)
		first[e->from[i] + 2]++;
	for (uint32_t s = 0; s < n; s++)
		first[s + 2] += first[s + 1];
	uint32_t *order = gsl_xmalloc(mem, (e->nedges + 1) * sizeof *order);
	for (uint32_t i = 0; i < e->nedges; i++)
		order[first[e->from[i] + 1]++] = i;
	/* Kept states get new numbers. */
	uint32_t *id = gsl_xmalloc(mem, (n + 1) * sizeof *id);
	for (uint32_t s = 0; s < n; s++)
		id[s] = UINT32_MAX;
	uint32_t kept = 0;
	uint32_t *keep = gsl_xmalloc(mem, (n + 1) * sizeof *keep);
	id[e->start] = kept;
	keep[kept++] = e->start;
	for (uint32_t i = 0; i < e->nedges; i++)
		if (e->sym[i] != COMPAT_EPSILON && id[e->to[i]] == UINT32_MAX) {
			id[e->to[i]] = kept;
			keep[kept++] = e->to[i];
		}
	*out = (struct compat_nfa){ .nstates = kept, .start = 0 };
	out->first = gsl_xmalloc(mem, (kept + 1) * sizeof *out->first);
	out->final = gsl_xmalloc(mem, kept + 1);
	memset(out->final, 0, kept + 1);
	size_t cap = 16, len = 0;
	struct move *moves = gsl_xmalloc(mem, cap * sizeof *moves);
	uint32_t *seen = gsl_xmalloc(mem, (n + 1) * sizeof *seen);
	memset(seen, 0, (n + 1) * sizeof *seen);
	uint32_t *stack = gsl_xmalloc(mem, (n + 1) * sizeof *stack);
	for (uint32_t k = 0; k < kept; k++) {
		out->first[k] = (uint32_t)len;
		size_t from = len, depth = 0;
		stack[depth++] = keep[k];
		seen[keep[k]] = k + 1;
		while (depth) {
			uint32_t s = stack[--depth];
			out->final[k] |= e->final[s];
			for (uint32_t j = first[s]; j < first[s + 1]; j++) {
				uint32_t i = order[j];
				if (e->sym[i] == COMPAT_EPSILON) {
					if (seen[e->to[i]] != k + 1) {
						seen[e->to[i]] = k + 1;
						stack[depth++] = e->to[i];
					}
					continue;
				}
				if (len == cap) {
					cap *= 2;
					moves = gsl_xrealloc(mem, moves, cap * sizeof *moves);
				}
				moves[len++] = (struct move){ e->sym[i], id[e->to[i]] };
			}
		}
		/* Sorted (by insertion: states have few moves) and without
		 * repeats, so that searches compare less. */
		for (size_t i = from + 1; i < len; i++)
			for (size_t j = i; j > from && by_move(&moves[j - 1], &moves[j]) > 0; j--) {
				struct move t = moves[j];
				moves[j] = moves[j - 1];
				moves[j - 1] = t;
			}
		size_t w = from;
		for (size_t r = from; r < len; r++)
			if (w == from || by_move(&moves[w - 1], &moves[r]) != 0)
				moves[w++] = moves[r];
		len = w;
	}
	out->first[kept] = (uint32_t)len;
	out->sym = gsl_xmalloc(mem, (len + 1) * sizeof *out->sym);
	out->to = gsl_xmalloc(mem, (len + 1) * sizeof *out->to);
	for (size_t i = 0; i < len; i++) {
		out->sym[i] = moves[i].sym;
		out->to[i] = moves[i].to;
	}
	gsl_xfree(mem, moves);
	gsl_xfree(mem, seen);
	gsl_xfree(mem, stack);
	gsl_xfree(mem, keep);
	gsl_xfree(mem, id);
	gsl_xfree(mem, order);
	gsl_xfree(mem, first);
}

/* ---- Keywords in canonical order ------------------------------------------------ */

/* Product states (q, M): q a state, M the keywords read (bits), or
 * emission states (EMIT, R): R the keywords still to emit. */
#define EMIT UINT32_MAX

struct pmap {
	uint64_t *sets;
	uint32_t *states;
	uint32_t *ids;      /* id + 1; 0 marks an empty slot */
	uint32_t cap;
	uint32_t count;
};

struct product {
	const struct gsl_mem *mem;
	struct pmap map;
	uint32_t *queue_state;
	uint64_t *queue_set;
	uint32_t nqueue, queue_cap;
	struct compat_enfa out;
};

static uint32_t pslot(const struct pmap *m, uint32_t q, uint64_t set)
{
	uint64_t h = (set ^ ((uint64_t)q << 40) ^ q) * 0x9e3779b97f4a7c15u;
	uint32_t mask = m->cap - 1;
	for (uint32_t i = (uint32_t)(h >> 32) & mask;; i = (i + 1) & mask)
		if (!m->ids[i] || (m->states[i] == q && m->sets[i] == set))
			return i;
}

static void pgrow(const struct gsl_mem *mem, struct pmap *m)
{
	struct pmap old = *m;
	m->cap = old.cap ? 2 * old.cap : 64;
	m->sets = gsl_xmalloc(mem, m->cap * sizeof *m->sets);
	m->states = gsl_xmalloc(mem, m->cap * sizeof *m->states);
	m->ids = gsl_xmalloc(mem, m->cap * sizeof *m->ids);
	memset(m->ids, 0, m->cap * sizeof *m->ids);
	for (uint32_t i = 0; i < old.cap; i++)
		if (old.ids[i]) {
			uint32_t s = pslot(m, old.states[i], old.sets[i]);
			m->sets[s] = old.sets[i];
			m->states[s] = old.states[i];
			m->ids[s] = old.ids[i];
		}
	gsl_xfree(mem, old.sets);
	gsl_xfree(mem, old.states);
	gsl_xfree(mem, old.ids);
}

/* The state (q, set) of the product, queued when new. */
static uint32_t pstate(struct product *p, uint32_t q, uint64_t set)
{
	if (2 * (p->map.count + 1) > p->map.cap)
		pgrow(p->mem, &p->map);
	uint32_t s = pslot(&p->map, q, set);
	if (p->map.ids[s])
		return p->map.ids[s] - 1;
	uint32_t id = compat_enfa_state(&p->out);
	p->map.states[s] = q;
	p->map.sets[s] = set;
	p->map.ids[s] = id + 1;
	p->map.count++;
	if (p->nqueue == p->queue_cap) {
		p->queue_cap = p->queue_cap ? 2 * p->queue_cap : 64;
		p->queue_state = gsl_xrealloc(p->mem, p->queue_state,
					      p->queue_cap * sizeof *p->queue_state);
		p->queue_set = gsl_xrealloc(p->mem, p->queue_set, p->queue_cap * sizeof *p->queue_set);
	}
	p->queue_state[p->nqueue] = q;
	p->queue_set[p->nqueue] = set;
	p->nqueue++;
	return id;
}

struct keyword {
	uint32_t sym;
	const struct compat_symbol *s;
};

static int by_keyword(const void *x, const void *y)
{
	const struct keyword *a = x, *b = y;
	int c = strcmp(a->s->name, b->s->name);
	if (c)
		return c;
	return (a->s->kind > b->s->kind) - (a->s->kind < b->s->kind);
}

/* Rewrites nfa so that it reads calls in canonical form; false if it has
 * more than 64 distinct keyword arguments or grows too large. */
static bool canonical(const struct compat_nfa *nfa, const struct compat_alphabet *a,
		      const struct gsl_mem *mem, struct compat_enfa *out)
{
	/* The keyword symbols, sorted by name: bit i is the i-th. */
	uint32_t nkw = 0;
	struct keyword kw[64];
	uint32_t total = nfa->first[nfa->nstates];
	for (uint32_t i = 0; i < total; i++) {
		const struct compat_symbol *s = &a->symbols[nfa->sym[i]];
		if (!s->name)
			continue;
		uint32_t j = 0;
		while (j < nkw && kw[j].sym != nfa->sym[i])
			j++;
		if (j < nkw)
			continue;
		if (nkw == 64)
			return false;
		kw[nkw++] = (struct keyword){ nfa->sym[i], s };
	}
	qsort(kw, nkw, sizeof *kw, by_keyword);
	uint64_t same_name[64];
	for (uint32_t i = 0; i < nkw; i++) {
		same_name[i] = 0;
		for (uint32_t j = 0; j < nkw; j++)
			if (strcmp(kw[i].s->name, kw[j].s->name) == 0)
				same_name[i] |= (uint64_t)1 << j;
	}
	struct product p = { .mem = mem, .out = { .mem = mem } };
	pstate(&p, nfa->start, 0);
	for (uint32_t head = 0; head < p.nqueue && !p.out.too_large; head++) {
		uint32_t q = p.queue_state[head];
		uint64_t set = p.queue_set[head];
		uint32_t from = p.map.ids[pslot(&p.map, q, set)] - 1;
		if (q == EMIT) {
			if (!set)
				continue;
			int low = __builtin_ctzll(set);
			uint32_t to = pstate(&p, EMIT, set & (set - 1));
			compat_enfa_edge(&p.out, from, kw[low].sym, to);
			continue;
		}
		for (uint32_t i = nfa->first[q]; i < nfa->first[q + 1]; i++) {
			uint32_t sym = nfa->sym[i];
			if (!a->symbols[sym].name) {
				compat_enfa_edge(&p.out, from, sym, pstate(&p, nfa->to[i], set));
				continue;
			}
			uint32_t bit = 0;
			while (kw[bit].sym != sym)
				bit++;
			if (set & same_name[bit])
				continue;
			uint32_t to = pstate(&p, nfa->to[i], set | (uint64_t)1 << bit);
			compat_enfa_edge(&p.out, from, COMPAT_EPSILON, to);
		}
		if (nfa->final[q])
			compat_enfa_edge(&p.out, from, COMPAT_EPSILON, pstate(&p, EMIT, set));
	}
	*out = p.out;
	out->start = 0;
	out->final = gsl_xmalloc(mem, out->nstates + 1);
	memset(out->final, 0, out->nstates + 1);
	uint32_t accept = p.map.cap ? pslot(&p.map, EMIT, 0) : 0;
	if (p.map.cap && p.map.ids[accept])
		out->final[p.map.ids[accept] - 1] = 1;
	gsl_xfree(mem, p.map.sets);
	gsl_xfree(mem, p.map.states);
	gsl_xfree(mem, p.map.ids);
	gsl_xfree(mem, p.queue_state);
	gsl_xfree(mem, p.queue_set);
	return !out->too_large;
}

static bool has_keywords(const struct compat_nfa *nfa, const struct compat_alphabet *a)
{
	for (uint32_t i = 0; i < nfa->first[nfa->nstates]; i++)
		if (a->symbols[nfa->sym[i]].name)
			return true;
	return false;
}

enum compat_verdict compat_enfa_finish(struct compat_enfa *e, const struct compat_alphabet *a,
				       struct compat_nfa *out)
{
	const struct gsl_mem *mem = e->mem;
	struct compat_nfa plain;
	remove_empty(e, &plain);
	compat_enfa_free(e);
	if (!has_keywords(&plain, a)) {
		*out = plain;
		return COMPAT_YES;
	}
	struct compat_enfa ordered;
	bool ok = canonical(&plain, a, mem, &ordered);
	compat_nfa_free(mem, &plain);
	if (!ok) {
		compat_enfa_free(&ordered);
		return COMPAT_TOO_LARGE;
	}
	remove_empty(&ordered, out);
	compat_enfa_free(&ordered);
	return COMPAT_YES;
}

/* ---- Union ------------------------------------------------------------------------ */

void compat_nfa_union(const struct gsl_mem *mem, const struct compat_nfa *nfas, uint32_t n,
		      struct compat_nfa *out)
{
	/* A new start state with the moves of every start; the automata
	 * side by side after it. */
	uint32_t states = 1, moves = 0;
	for (uint32_t i = 0; i < n; i++) {
		states += nfas[i].nstates;
		moves += nfas[i].first[nfas[i].nstates] +
			 nfas[i].first[nfas[i].start + 1] - nfas[i].first[nfas[i].start];
	}
	*out = (struct compat_nfa){ .nstates = states, .start = 0 };
	out->first = gsl_xmalloc(mem, (states + 1) * sizeof *out->first);
	out->sym = gsl_xmalloc(mem, (moves + 1) * sizeof *out->sym);
	out->to = gsl_xmalloc(mem, (moves + 1) * sizeof *out->to);
	out->final = gsl_xmalloc(mem, states + 1);
	memset(out->final, 0, states + 1);
	uint32_t m = 0, base = 1;
	out->first[0] = 0;
	for (uint32_t i = 0; i < n; i++) {
		const struct compat_nfa *a = &nfas[i];
		out->final[0] |= a->final[a->start];
		for (uint32_t j = a->first[a->start]; j < a->first[a->start + 1]; j++) {
			out->sym[m] = a->sym[j];
			out->to[m++] = a->to[j] + base;
		}
		base += a->nstates;
	}
	base = 1;
	for (uint32_t i = 0; i < n; i++) {
		const struct compat_nfa *a = &nfas[i];
		for (uint32_t q = 0; q < a->nstates; q++) {
			out->first[base + q] = m;
			out->final[base + q] = a->final[q];
			for (uint32_t j = a->first[q]; j < a->first[q + 1]; j++) {
				out->sym[m] = a->sym[j];
				out->to[m++] = a->to[j] + base;
			}
		}
		base += a->nstates;
	}
	out->first[states] = m;
}
