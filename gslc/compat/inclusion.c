/* inclusion.c: questions about the languages of argument automata.
 * Inclusion runs a breadth-first search over pairs (state of a, set of
 * states of b), b determinised on the fly; a pair whose set contains the
 * set of a pair already seen at the same state is pruned (antichains), and
 * the first pair where a accepts and b cannot gives a shortest
 * counterexample. */
#include "config.h"

#include "grammar.h"

#include <string.h>

void compat_word_free(const struct gsl_mem *mem, struct compat_word *w)
{
	gsl_xfree(mem, w->sym);
	w->sym = NULL;
	w->len = 0;
}

/* The nodes of a search: a state, its parent node and the symbol that
 * led to it; inclusion adds a set of states of b per node. */
struct search {
	const struct gsl_mem *mem;
	uint32_t *state, *parent, *sym, *next_at;
	uint64_t *sets;     /* words per node */
	uint32_t words;
	uint32_t n, cap;
};

static uint32_t add_node(struct search *s, uint32_t state, uint32_t parent, uint32_t sym)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->state = gsl_xrealloc(s->mem, s->state, s->cap * sizeof *s->state);
		s->parent = gsl_xrealloc(s->mem, s->parent, s->cap * sizeof *s->parent);
		s->sym = gsl_xrealloc(s->mem, s->sym, s->cap * sizeof *s->sym);
		s->next_at = gsl_xrealloc(s->mem, s->next_at, s->cap * sizeof *s->next_at);
		if (s->words)
			s->sets = gsl_xrealloc(s->mem, s->sets,
					       (size_t)s->cap * s->words * sizeof *s->sets);
	}
	s->state[s->n] = state;
	s->parent[s->n] = parent;
	s->sym[s->n] = sym;
	s->next_at[s->n] = UINT32_MAX;
	return s->n++;
}

static void free_search(struct search *s)
{
	gsl_xfree(s->mem, s->state);
	gsl_xfree(s->mem, s->parent);
	gsl_xfree(s->mem, s->sym);
	gsl_xfree(s->mem, s->next_at);
	gsl_xfree(s->mem, s->sets);
}

/* The symbols on the way to node i. */
static void trace(const struct search *s, uint32_t i, struct compat_word *w)
{
	uint32_t len = 0;
	for (uint32_t j = i; s->parent[j] != UINT32_MAX; j = s->parent[j])
		len++;
	w->sym = gsl_xmalloc(s->mem, (len + 1) * sizeof *w->sym);
	w->len = len;
	for (uint32_t j = i; s->parent[j] != UINT32_MAX; j = s->parent[j])
		w->sym[--len] = s->sym[j];
}

static bool subset(const uint64_t *x, const uint64_t *y, uint32_t words)
{
	for (uint32_t i = 0; i < words; i++)
		if (x[i] & ~y[i])
			return false;
	return true;
}

static bool accepts(const struct compat_nfa *b, const uint64_t *set, uint32_t words)
{
	for (uint32_t i = 0; i < words; i++)
		for (uint64_t bits = set[i]; bits; bits &= bits - 1)
			if (b->final[i * 64 + (uint32_t)__builtin_ctzll(bits)])
				return true;
	return false;
}

enum compat_verdict compat_included(const struct gsl_mem *mem, const struct compat_alphabet *al,
				    const struct compat_nfa *a, const struct compat_nfa *b,
				    struct compat_word *witness)
{
	uint32_t words = (b->nstates + 63) / 64;
	struct search s = { .mem = mem, .words = words };
	uint32_t *first_at = gsl_xmalloc(mem, (a->nstates + 1) * sizeof *first_at);
	for (uint32_t p = 0; p < a->nstates; p++)
		first_at[p] = UINT32_MAX;
	uint64_t *next = gsl_xmalloc(mem, (words + 1) * sizeof *next);
	uint32_t root = add_node(&s, a->start, UINT32_MAX, 0);
	memset(s.sets, 0, words * sizeof *s.sets);
	s.sets[b->start / 64] |= (uint64_t)1 << (b->start % 64);
	first_at[a->start] = root;
	enum compat_verdict verdict = COMPAT_YES;
	for (uint32_t head = 0; head < s.n; head++) {
		uint32_t p = s.state[head];
		if (a->final[p] && !accepts(b, &s.sets[(size_t)head * words], words)) {
			trace(&s, head, witness);
			verdict = COMPAT_NO;
			break;
		}
		if (s.n > COMPAT_SEARCH_LIMIT) {
			verdict = COMPAT_TOO_LARGE;
			break;
		}
		for (uint32_t i = a->first[p]; i < a->first[p + 1]; i++) {
			uint32_t x = a->sym[i], to = a->to[i];
			/* The states b may be in after a symbol that covers x. */
			memset(next, 0, words * sizeof *next);
			const uint64_t *set = &s.sets[(size_t)head * words];
			for (uint32_t w = 0; w < words; w++)
				for (uint64_t bits = set[w]; bits; bits &= bits - 1) {
					uint32_t q = w * 64 + (uint32_t)__builtin_ctzll(bits);
					for (uint32_t j = b->first[q]; j < b->first[q + 1]; j++)
						if (compat_covers(al, x, b->sym[j]))
							next[b->to[j] / 64] |= (uint64_t)1 << (b->to[j] % 64);
				}
			bool pruned = false;
			for (uint32_t v = first_at[to]; v != UINT32_MAX && !pruned; v = s.next_at[v])
				pruned = subset(&s.sets[(size_t)v * words], next, words);
			if (pruned)
				continue;
			uint32_t node = add_node(&s, to, head, x);
			memcpy(&s.sets[(size_t)node * words], next, words * sizeof *next);
			s.next_at[node] = first_at[to];
			first_at[to] = node;
		}
	}
	gsl_xfree(mem, next);
	gsl_xfree(mem, first_at);
	free_search(&s);
	return verdict;
}

enum compat_verdict compat_overlap(const struct gsl_mem *mem, const struct compat_alphabet *al,
				   const struct compat_nfa *a, const struct compat_nfa *b)
{
	uint64_t pairs = (uint64_t)a->nstates * b->nstates;
	if (pairs > (uint64_t)COMPAT_SEARCH_LIMIT * 64)
		return COMPAT_TOO_LARGE;
	uint8_t *seen = gsl_xmalloc(mem, pairs + 1);
	memset(seen, 0, pairs + 1);
	uint32_t *queue = gsl_xmalloc(mem, (pairs + 1) * 2 * sizeof *queue);
	size_t head = 0, tail = 0;
	queue[tail++] = a->start;
	queue[tail++] = b->start;
	seen[(uint64_t)a->start * b->nstates + b->start] = 1;
	enum compat_verdict verdict = COMPAT_NO;
	while (head < tail && verdict == COMPAT_NO) {
		uint32_t p = queue[head++], q = queue[head++];
		if (a->final[p] && b->final[q]) {
			verdict = COMPAT_YES;
			break;
		}
		for (uint32_t i = a->first[p]; i < a->first[p + 1]; i++)
			for (uint32_t j = b->first[q]; j < b->first[q + 1]; j++) {
				uint64_t k = (uint64_t)a->to[i] * b->nstates + b->to[j];
				if (seen[k] || !compat_covers(al, a->sym[i], b->sym[j]))
					continue;
				seen[k] = 1;
				queue[tail++] = a->to[i];
				queue[tail++] = b->to[j];
			}
	}
	gsl_xfree(mem, queue);
	gsl_xfree(mem, seen);
	return verdict;
}

bool compat_shortest(const struct gsl_mem *mem, const struct compat_nfa *a,
		     struct compat_word *out)
{
	struct search s = { .mem = mem };
	uint8_t *seen = gsl_xmalloc(mem, a->nstates + 1);
	memset(seen, 0, a->nstates + 1);
	add_node(&s, a->start, UINT32_MAX, 0);
	seen[a->start] = 1;
	bool found = false;
	for (uint32_t head = 0; head < s.n && !found; head++) {
		uint32_t p = s.state[head];
		if (a->final[p]) {
			trace(&s, head, out);
			found = true;
			break;
		}
		for (uint32_t i = a->first[p]; i < a->first[p + 1]; i++)
			if (!seen[a->to[i]]) {
				seen[a->to[i]] = 1;
				add_node(&s, a->to[i], head, a->sym[i]);
			}
	}
	gsl_xfree(mem, seen);
	free_search(&s);
	return found;
}
