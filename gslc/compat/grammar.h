/* grammar.h: argument grammars as finite automata. The argument
 * specifications of a call (arg, key arg, args, optionals, alt, seq,
 * repeat, draw, no arg) are compiled into an automaton over symbols, each
 * a positional argument of a kind or a keyword argument of a name and a
 * kind. Keyword arguments commute, so the automaton reads the canonical
 * form of a call: its positional arguments in order, then its keyword
 * arguments sorted by name, each name at most once. Two grammars are then
 * compared by language inclusion, symbols related by the kind hierarchy. */
#ifndef GSL_COMPAT_GRAMMAR_H
#define GSL_COMPAT_GRAMMAR_H

#include <stdbool.h>
#include <stdint.h>

#include "compat.h"

/* The most states an automaton, or a search, may have before the
 * comparison gives up and says so (args-undecided). */
#define COMPAT_STATE_LIMIT 20000u
#define COMPAT_SEARCH_LIMIT 200000u

enum compat_verdict { COMPAT_YES, COMPAT_NO, COMPAT_TOO_LARGE };

/* An argument: positional (name NULL) or keyword. */
struct compat_symbol {
	const char *name;       /* the keyword */
	uint32_t kind;          /* as a kind of NEW (compat_to_new), or COMPAT_ANY */
	uint32_t old_kind;      /* as OLD knows it, or COMPAT_NONE if only NEW uses it */
	uint32_t new_kind;      /* as NEW knows it, or COMPAT_NONE if only OLD uses it */
};

/* The symbols of one comparison, and which covers which: symbol b covers
 * symbol a when both are positional or both keywords of one name, and a
 * value of a's kind is a value of b's kind. */
struct compat_alphabet {
	const struct gsl_mem *mem;
	struct compat_symbol *symbols;
	uint32_t n, cap;
	uint8_t *covers;        /* covers[a * n + b], filled by compat_alphabet_close */
};

void compat_alphabet_init(struct compat_alphabet *a, const struct gsl_mem *mem);
/* The symbol for (name, kind), added if new; old_kind or new_kind (not
 * COMPAT_NONE) say how the side that uses it knows the kind. */
uint32_t compat_alphabet_add(struct compat_alphabet *a, const char *name, uint32_t kind,
			     uint32_t old_kind, uint32_t new_kind);
void compat_alphabet_clear(struct compat_alphabet *a);
void compat_alphabet_free(struct compat_alphabet *a);
/* Fills the cover relation for the symbols added so far. */
void compat_alphabet_close(struct compat_alphabet *a, struct compat_relation *r);
static inline bool compat_covers(const struct compat_alphabet *a, uint32_t x, uint32_t y)
{
	return a->covers[x * a->n + y];
}

/* An automaton without empty moves: transitions of state q are
 * sym[first[q] .. first[q + 1]) to to[...]. */
struct compat_nfa {
	uint32_t nstates;
	uint32_t start;
	uint32_t *first;
	uint32_t *sym;
	uint32_t *to;
	uint8_t *final;
};
void compat_nfa_free(const struct gsl_mem *mem, struct compat_nfa *nfa);
/* The union of nfas[0..n) (their languages), into out. */
void compat_nfa_union(const struct gsl_mem *mem, const struct compat_nfa *nfas, uint32_t n,
		      struct compat_nfa *out);

/* An automaton with empty moves, as a list of edges, while it is built. */
#define COMPAT_EPSILON UINT32_MAX
struct compat_enfa {
	const struct gsl_mem *mem;
	uint32_t nstates;
	uint32_t start;
	uint32_t nedges, cap;
	uint32_t *from, *sym, *to;  /* sym COMPAT_EPSILON: an empty move */
	uint8_t *final;             /* nstates flags, set when it is finished */
	bool too_large;             /* it grew beyond COMPAT_STATE_LIMIT */
};
uint32_t compat_enfa_state(struct compat_enfa *e);
void compat_enfa_edge(struct compat_enfa *e, uint32_t from, uint32_t sym, uint32_t to);
void compat_enfa_free(struct compat_enfa *e);
/* Removes the empty moves and puts keyword arguments in canonical order
 * (nfa.c); frees e. COMPAT_TOO_LARGE when the result would exceed the
 * limit. */
enum compat_verdict compat_enfa_finish(struct compat_enfa *e, const struct compat_alphabet *a,
				       struct compat_nfa *out);

/* Which side a grammar is read from: its kinds are mapped into NEW's. */
struct compat_sides {
	struct compat_side *old;
	struct compat_side *new;
};

/* Compiles the grammar of a call (the argument specifications among the
 * children of node) of side old (from_old) or new, adding its symbols to
 * the alphabet. COMPAT_TOO_LARGE when it exceeds COMPAT_STATE_LIMIT. */
enum compat_verdict compat_grammar_compile(struct compat_alphabet *a, const struct compat_sides *s,
					   bool from_old, const struct gsl_node *node,
					   struct compat_nfa *out);

/* A text that is equal for two grammars written alike (kinds of OLD
 * mapped to NEW), so that equal grammars need no automata. */
const char *compat_grammar_key(struct gsl_buf *buf, const struct compat_sides *s, bool from_old,
			       const struct gsl_node *node);

/* A word: the symbols of an argument list. */
struct compat_word {
	uint32_t *sym;
	uint32_t len;
};
void compat_word_free(const struct gsl_mem *mem, struct compat_word *w);

/* Whether every word of a is covered by a word of b; if not, *witness
 * is a shortest word of a that is not. */
enum compat_verdict compat_included(const struct gsl_mem *mem, const struct compat_alphabet *al,
				    const struct compat_nfa *a, const struct compat_nfa *b,
				    struct compat_word *witness);

/* Whether some word of a is covered by a word of b. */
enum compat_verdict compat_overlap(const struct gsl_mem *mem, const struct compat_alphabet *al,
				   const struct compat_nfa *a, const struct compat_nfa *b);

/* A shortest word of a, false if it has none. */
bool compat_shortest(const struct gsl_mem *mem, const struct compat_nfa *a,
		     struct compat_word *out);

#endif
