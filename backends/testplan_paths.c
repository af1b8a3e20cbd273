/* testplan_paths.c: which paths of the kind graph a test takes, as steps
 * that share their prefixes (and what follows the same kind). */
#include "testplan_int.h"

#include <string.h>

/* Beyond these a test is an error: lower its coverage. */
#define MAX_STEPS 1000000u
#define MAX_STATEMENTS 1000000u
#define MAX_WORK 50000000u

enum task { PC, CYCLE, RETURN };

/* What follows a cycle when it is done: continuations share their tails. */
struct cont {
	enum { K_PC, K_RETURN, K_RESTORE } kind;
	struct tp_vertex *v;            /* K_PC, K_RETURN: at; K_RESTORE: put back */
	struct tp_vertex *target;       /* K_RETURN */
	uint32_t n;                     /* cycles done */
	const struct cont *next;
};

/* A choice point: a task and which of its alternatives comes next. */
struct choice {
	enum task task;
	int phase;
	struct tp_vertex *v;
	struct tp_vertex *target;       /* RETURN: where it returns to */
	uint32_t n;                     /* PC, RETURN: cycles done at v */
	const struct tp_arrow *next;    /* the next arrow to try in this phase */
	struct gsl_tp_step *at;
	const struct cont *k;
	uint32_t undo;                  /* the undo log's length when it was made */
};

/* A step as it is made: its number (which keys it with an arrow in the
 * children map), and the step whose steps below it shares. */
struct numbered_step {
	struct gsl_tp_step step;
	struct gsl_tp_step *last_child;
	const struct gsl_tp_step *same_as;
	uint64_t size;                  /* statements of the tree below, once counted */
	uint32_t id;                    /* from 1; the root is 0 */
	bool counted;
};

/* A change of how often a kind is taken out, kept to be undone. */
struct change {
	struct tp_vertex *v;
	int delta;
};

struct machine {
	struct gsl_testdoc *td;
	uint32_t cycles;                /* C */
	struct choice *stack;
	uint32_t depth, cap;
	struct change *log;             /* the undo log */
	uint32_t nlog, log_cap;
	struct gsl_ptrmap children;         /* (step id, arrow index) -> step */
	struct gsl_ptrmap done;             /* (kind, cycles or length left) -> the step
					   whose steps below are made for it */
	uint32_t *component;            /* by kind index: its strongly connected
					   component, from 1 */
	uint32_t nsteps;
	uint64_t work;
	bool full;                      /* over the bounds */
	bool unordered;                 /* a step was made after one of a later arrow */
	struct gsl_tp_step *root_last;  /* the last child of the root */
	struct numbered_step *free;     /* steps allocated, not yet used */
	uint32_t nfree;
	bool dedup;                     /* a step can be made twice: a cycle goes
					   through several kinds */
	uint8_t *on_cycle;              /* by kind index: it has a loop, or is in
					   a component of several kinds */
};

/* ---- Steps ---------------------------------------------------------------- */

static struct gsl_tp_step *new_step(struct machine *mc, struct gsl_tp_step *parent,
				    const struct tp_arrow *a)
{
	if (mc->nsteps >= MAX_STEPS) {
		mc->full = true;
		return NULL;
	}
	/* Steps are many: they are allocated in blocks. */
	if (!mc->nfree) {
		mc->nfree = 256;
		mc->free = gsl_arena_alloc(&mc->td->scratch, mc->nfree * sizeof *mc->free);
	}
	struct numbered_step *s = &mc->free[--mc->nfree];
	s->id = ++mc->nsteps;
	s->step.arrow = &a->pub;
	tp_vec_push(mc->td->ctx->mem, &mc->td->made, s);
	struct gsl_tp_step **last = parent == &mc->td->plan.root ? &mc->root_last
		: &((struct numbered_step *)parent)->last_child;
	if (*last) {
		mc->unordered |= (*last)->arrow->index > a->pub.index;
		(*last)->next = &s->step;
	} else {
		parent->first_child = &s->step;
	}
	*last = &s->step;
	return &s->step;
}

/* The step of taking arrow a after step at, made once. */
static struct gsl_tp_step *step(struct machine *mc, struct gsl_tp_step *at, const struct tp_arrow *a)
{
	if (!mc->dedup)
		return new_step(mc, at, a);
	uint64_t id = at == &mc->td->plan.root ? 0 : ((struct numbered_step *)at)->id;
	void **slot = gsl_ptrmap_slot(&mc->children, (id << 32 | a->pub.index) + 1);
	if (!*slot)
		*slot = new_step(mc, at, a);
	return *slot;
}

/* Puts the children of a step in arrow order (insertion sort: they are
 * nearly in order). */
static void sort_children(struct tp_vec *kids, const struct gsl_mem *mem, struct gsl_tp_step *s)
{
	kids->n = 0;
	for (struct gsl_tp_step *c = s->first_child; c; c = c->next)
		tp_vec_push(mem, kids, c);
	struct gsl_tp_step **k = (struct gsl_tp_step **)kids->v;
	for (uint32_t i = 1; i < kids->n; i++) {
		struct gsl_tp_step *t = k[i];
		uint32_t j = i;
		for (; j && k[j - 1]->arrow->index > t->arrow->index; j--)
			k[j] = k[j - 1];
		k[j] = t;
	}
	for (uint32_t i = 0; i < kids->n; i++)
		k[i]->next = i + 1 < kids->n ? k[i + 1] : NULL;
	s->first_child = kids->n ? k[0] : NULL;
}

/* Sorts the children that were made out of arrow order, then gives the
 * steps that share the steps below another their first child. */
static void finish_steps(struct machine *mc)
{
	struct gsl_testdoc *td = mc->td;
	struct tp_vec kids = { 0 };
	if (mc->unordered) {
		sort_children(&kids, td->ctx->mem, &td->plan.root);
		for (uint32_t i = 0; i < td->made.n; i++)
			sort_children(&kids, td->ctx->mem, td->made.v[i]);
	}
	for (uint32_t i = 0; i < td->made.n; i++) {
		struct numbered_step *s = td->made.v[i];
		if (s->same_as)
			s->step.first_child = s->same_as->first_child;
	}
	gsl_xfree(td->ctx->mem, kids.v);
}

/* Adds 1 and a step's count to a count, stopping past the bound. */
static uint64_t add_step(uint64_t count, const struct numbered_step *s)
{
	uint64_t n = count + 1 + s->size;
	return n > MAX_STATEMENTS ? (uint64_t)MAX_STATEMENTS + 1 : n;
}

/* How many statements the steps below the root make when walked as a
 * tree (false beyond MAX_STATEMENTS): counted once per step, depth first
 * with an explicit stack. */
static bool count_statements(struct machine *mc)
{
	struct gsl_testdoc *td = mc->td;
	struct frame {
		struct numbered_step *s;
		const struct gsl_tp_step *next;   /* the next child to count */
		uint64_t size;
	} *stack = NULL;
	uint32_t depth = 0, cap = 0;
	uint64_t total = 0;
	for (const struct gsl_tp_step *top = td->plan.root.first_child; top; top = top->next) {
		struct numbered_step *s = (struct numbered_step *)top;
		while (!s->counted) {
			if (depth == cap) {
				cap = cap ? 2 * cap : 64;
				stack = gsl_xrealloc(td->ctx->mem, stack, cap * sizeof *stack);
			}
			if (!depth || stack[depth - 1].s != s)
				stack[depth++] = (struct frame){ s, s->step.first_child, 0 };
			struct frame *f = &stack[depth - 1];
			if (f->next) {
				struct numbered_step *c = (struct numbered_step *)f->next;
				f->next = f->next->next;
				if (c->counted)
					f->size = add_step(f->size, c);
				else
					s = c;
				continue;
			}
			f->s->size = f->size;
			f->s->counted = true;
			if (--depth) {
				stack[depth - 1].size = add_step(stack[depth - 1].size, f->s);
				s = stack[depth - 1].s;
			}
		}
		total = add_step(total, s);
	}
	gsl_xfree(td->ctx->mem, stack);
	td->plan.nsteps = (uint32_t)total;
	return total <= MAX_STATEMENTS;
}

/* Whether the steps below at are those made for kind v with left (cycles
 * done, or length left) before: then at shares them. Else at is where
 * they are made. */
static bool share(struct machine *mc, struct gsl_tp_step *at, const struct tp_vertex *v,
		  uint32_t left)
{
	if (at == &mc->td->plan.root)
		return false;
	void **slot = gsl_ptrmap_slot(&mc->done, ((uint64_t)v->index << 32 | left) + 1);
	if (!*slot) {
		*slot = at;
		return false;
	}
	((struct numbered_step *)at)->same_as = *slot;
	return true;
}

/* ---- coverage: length N ------------------------------------------------------ */

struct walk {
	struct gsl_tp_step *at;
	const struct tp_arrow *next;
	uint32_t depth;
};

static void all_paths(struct machine *mc, struct tp_vertex *root, uint32_t length)
{
	const struct gsl_mem *mem = mc->td->ctx->mem;
	struct walk *stack = NULL;
	uint32_t depth = 0, cap = 0;
	if (!length || !root->arrows)
		return;
	stack = gsl_xmalloc(mem, sizeof *stack);
	cap = 1;
	stack[depth++] = (struct walk){ &mc->td->plan.root, root->arrows, 0 };
	while (depth && !mc->full) {
		struct walk *w = &stack[depth - 1];
		const struct tp_arrow *a = w->next;
		if (!a) {
			depth--;
			continue;
		}
		w->next = a->next;
		struct gsl_tp_step *s = new_step(mc, w->at, a);
		uint32_t next_depth = w->depth + 1;
		if (!s || next_depth >= length || !a->to->arrows ||
		    share(mc, s, a->to, length - next_depth))
			continue;
		if (depth == cap) {
			cap *= 2;
			stack = gsl_xrealloc(mem, stack, cap * sizeof *stack);
		}
		stack[depth++] = (struct walk){ s, a->to->arrows, next_depth };
	}
	gsl_xfree(mem, stack);
}

/* ---- coverage: C --------------------------------------------------------------- */

static void change(struct machine *mc, struct tp_vertex *v, int delta)
{
	if (mc->nlog == mc->log_cap) {
		mc->log_cap = mc->log_cap ? 2 * mc->log_cap : 64;
		mc->log = gsl_xrealloc(mc->td->ctx->mem, mc->log, mc->log_cap * sizeof *mc->log);
	}
	mc->log[mc->nlog++] = (struct change){ v, delta };
	v->removed = (uint32_t)((int)v->removed + delta);
}

static void undo(struct machine *mc, uint32_t to)
{
	while (mc->nlog > to) {
		const struct change *c = &mc->log[--mc->nlog];
		c->v->removed = (uint32_t)((int)c->v->removed - c->delta);
	}
}

static void run(struct machine *mc, enum task task, struct tp_vertex *v, struct tp_vertex *target,
		uint32_t n, struct gsl_tp_step *at, const struct cont *k)
{
	/* A kind with nothing to do, or a cycle from a kind on none. */
	if (!v->arrows || (task == CYCLE && !mc->on_cycle[v->index]))
		return;
	if (task == PC && !mc->dedup && share(mc, at, v, n))
		return;
	if (mc->depth == mc->cap) {
		mc->cap = mc->cap ? 2 * mc->cap : 64;
		mc->stack = gsl_xrealloc(mc->td->ctx->mem, mc->stack, mc->cap * sizeof *mc->stack);
	}
	mc->stack[mc->depth++] = (struct choice){
		.task = task, .v = v, .target = target, .n = n, .next = v->arrows,
		.at = at, .k = k, .undo = mc->nlog,
	};
}

static const struct cont *cont(struct machine *mc, int kind, struct tp_vertex *v,
			       struct tp_vertex *target, uint32_t n, const struct cont *next)
{
	struct cont *c = gsl_arena_alloc(&mc->td->scratch, sizeof *c);
	*c = (struct cont){ kind, v, target, n, next };
	return c;
}

/* Tarjan's strongly connected components, with explicit stacks. A
 * cycle can only come back to a kind through kinds of its component. */
struct tarjan_frame {
	const struct tp_vertex *v;
	const struct tp_arrow *next;
};

static void components(struct machine *mc)
{
	const struct gsl_mem *mem = mc->td->ctx->mem;
	const struct tp_vec *all = &mc->td->all_vertices;
	uint32_t n = all->n, counter = 0, ncomponents = 0;
	uint32_t *order = gsl_xmalloc(mem, (n + 1) * sizeof *order);  /* 0: not visited */
	uint32_t *low = gsl_xmalloc(mem, (n + 1) * sizeof *low);
	uint32_t *size = gsl_xmalloc(mem, (n + 1) * sizeof *size);
	const struct tp_vertex **open = gsl_xmalloc(mem, (n + 1) * sizeof *open);
	struct tarjan_frame *calls = gsl_xmalloc(mem, (n + 1) * sizeof *calls);
	uint32_t nopen = 0, ncalls = 0;
	mc->component = gsl_arena_alloc(&mc->td->scratch, (n + 1) * sizeof *mc->component);
	memset(order, 0, (n + 1) * sizeof *order);
	for (uint32_t root = 0; root < n; root++) {
		if (order[root])
			continue;
		const struct tp_vertex *r = all->v[root];
		order[root] = low[root] = ++counter;
		open[nopen++] = r;
		calls[ncalls++] = (struct tarjan_frame){ r, r->arrows };
		while (ncalls) {
			struct tarjan_frame *f = &calls[ncalls - 1];
			uint32_t v = f->v->index;
			if (f->next) {
				const struct tp_vertex *w = f->next->to;
				f->next = f->next->next;
				if (!order[w->index]) {
					order[w->index] = low[w->index] = ++counter;
					open[nopen++] = w;
					calls[ncalls++] = (struct tarjan_frame){ w, w->arrows };
				} else if (!mc->component[w->index] && order[w->index] < low[v]) {
					low[v] = order[w->index]; /* w is still open */
				}
				continue;
			}
			ncalls--;
			if (ncalls && low[v] < low[calls[ncalls - 1].v->index])
				low[calls[ncalls - 1].v->index] = low[v];
			if (low[v] != order[v])
				continue;
			size[++ncomponents] = 0;
			const struct tp_vertex *w;
			do {
				w = open[--nopen];
				mc->component[w->index] = ncomponents;
				size[ncomponents]++;
			} while (w->index != v);
		}
	}
	/* On a cycle: a loop, or a component of several kinds. */
	mc->on_cycle = gsl_arena_alloc(&mc->td->scratch, n + 1);
	for (uint32_t i = 0; i < n; i++) {
		const struct tp_vertex *v = all->v[i];
		mc->on_cycle[i] = size[mc->component[i]] > 1;
		mc->dedup |= mc->on_cycle[i];
		for (const struct tp_arrow *a = v->arrows; a; a = a->next)
			mc->on_cycle[i] |= a->to == v;
	}
	gsl_xfree(mem, order);
	gsl_xfree(mem, low);
	gsl_xfree(mem, size);
	gsl_xfree(mem, open);
	gsl_xfree(mem, calls);
}

/* Whether from can reach to (which reaches from): both in one component. */
static bool can_reach(struct machine *mc, const struct tp_vertex *from, const struct tp_vertex *to)
{
	return mc->component[from->index] == mc->component[to->index];
}

/* A cycle is done: goes on with what follows it. */
static void done(struct machine *mc, struct gsl_tp_step *at, const struct cont *k)
{
	for (; k; k = k->next) {
		if (k->kind == K_RESTORE) {
			change(mc, k->v, -1);
			continue;
		}
		run(mc, k->kind == K_PC ? PC : RETURN, k->v, k->target, k->n, at, k->next);
		return;
	}
}

/* The next arrow of c's current phase that passes the test, or NULL. */
static const struct tp_arrow *next_arrow(struct machine *mc, struct choice *c,
					 bool (*ok)(struct machine *, const struct choice *,
						    const struct tp_arrow *))
{
	while (c->next && !ok(mc, c, c->next))
		c->next = c->next->next;
	const struct tp_arrow *a = c->next;
	if (a)
		c->next = a->next;
	return a;
}

static bool is_loop(struct machine *mc, const struct choice *c, const struct tp_arrow *a)
{
	(void)mc;
	return a->to == c->v;
}

static bool leaves(struct machine *mc, const struct choice *c, const struct tp_arrow *a)
{
	(void)mc;
	return a->to != c->v && !a->to->removed;
}

/* Leaves for a kind from which a cycle can come back. */
static bool goes_round(struct machine *mc, const struct choice *c, const struct tp_arrow *a)
{
	return leaves(mc, c, a) && can_reach(mc, a->to, c->v);
}

static bool arrives(struct machine *mc, const struct choice *c, const struct tp_arrow *a)
{
	(void)mc;
	return a->to == c->target;
}

static bool goes_on(struct machine *mc, const struct choice *c, const struct tp_arrow *a)
{
	return a->to != c->v && a->to != c->target && !a->to->removed &&
	       can_reach(mc, a->to, c->target);
}

/* Takes the next alternative of the choice on top of the stack, or
 * drops the choice when it has none left. */
static void advance(struct machine *mc)
{
	struct choice *c = &mc->stack[mc->depth - 1];
	undo(mc, c->undo);
	const struct tp_arrow *a;
	struct gsl_tp_step *s;
	switch (c->task * 4 + c->phase) {
	case PC * 4 + 0: /* another cycle */
		c->phase = 1;
		if (c->n < mc->cycles)
			run(mc, CYCLE, c->v, NULL, 0, c->at, cont(mc, K_PC, c->v, NULL, c->n + 1, c->k));
		return;
	case PC * 4 + 1: /* leave for good */
		if (!(a = next_arrow(mc, c, leaves)))
			break;
		change(mc, c->v, 1);
		if ((s = step(mc, c->at, a)))
			run(mc, PC, a->to, NULL, 0, s, c->k);
		return;
	case CYCLE * 4 + 0: /* a loop */
		if (!(a = next_arrow(mc, c, is_loop))) {
			c->phase = 1;
			c->next = c->v->arrows;
			return;
		}
		if ((s = step(mc, c->at, a)))
			done(mc, s, c->k);
		return;
	case CYCLE * 4 + 1: /* away, to return */
		if (!(a = next_arrow(mc, c, goes_round)))
			break;
		change(mc, c->v, 1);
		if ((s = step(mc, c->at, a)))
			run(mc, RETURN, a->to, c->v, 0, s, cont(mc, K_RESTORE, c->v, NULL, 0, c->k));
		return;
	case RETURN * 4 + 0: /* a cycle on the way */
		c->phase = 1;
		if (c->n < mc->cycles)
			run(mc, CYCLE, c->v, NULL, 0, c->at,
			    cont(mc, K_RETURN, c->v, c->target, c->n + 1, c->k));
		return;
	case RETURN * 4 + 1: /* back */
		if (!(a = next_arrow(mc, c, arrives))) {
			c->phase = 2;
			c->next = c->v->arrows;
			return;
		}
		if ((s = step(mc, c->at, a)))
			done(mc, s, c->k);
		return;
	case RETURN * 4 + 2: /* further away */
		if (!(a = next_arrow(mc, c, goes_on)))
			break;
		change(mc, c->v, 1);
		if ((s = step(mc, c->at, a)))
			run(mc, RETURN, a->to, c->target, 0, s,
			    cont(mc, K_RESTORE, c->v, NULL, 0, c->k));
		return;
	}
	mc->depth--;
}

static void cycles_paths(struct machine *mc, struct tp_vertex *root, uint32_t cycles)
{
	mc->cycles = cycles;
	components(mc);
	run(mc, PC, root, NULL, 0, &mc->td->plan.root, NULL);
	while (mc->depth && !mc->full) {
		if (++mc->work > MAX_WORK) {
			mc->full = true;
			break;
		}
		advance(mc);
	}
	undo(mc, 0);
}

/* `coverage: length N` takes every path of 1 to N arrows.
 *
 * `coverage: C` (1 by default) takes the paths the original takes for
 * an acyclic graph or one with loops on single kinds: the words of the
 * regular expression of all paths, made by eliminating states, with
 * each Kleene star limited to 0..C repetitions. For longer cycles the
 * original's result depends on its elimination order; here the
 * elimination goes depth first from the tested kind, which gives
 *   P(S) = Cycle(S){0,C} (a P'(w))?    a: S -> w, w != S, P' without S
 *   Cycle(S) = a: S -> S | a R(w -> S)
 *   R(w -> T) = Cycle(w){0,C} (b: w -> T | b R'(u -> T))   R' without w
 * where the words that begin cycles also appear on their own, as
 * prefixes. For the example in the language reference (K: a, b -> K,
 * f -> L, s; L: g -> K, h -> M; M: z) this is the reference's
 * (a | b | f g)? (f (h z?)? | s)?.
 *
 * The expression is walked by a backtracking machine with explicit
 * stacks: a choice point per alternative, a continuation for what
 * follows a cycle, and an undo log for the kinds taken out of the graph
 * on the way.
 *
 * Where what follows a step depends only on its kind and on how far the
 * path may still go (paths of length N; coverage C when no cycle goes
 * through several kinds), the steps below are made once and shared:
 * after each loop of a kind the same calls follow. The steps form a DAG
 * that renderers walk as a tree. Work, steps and statements are bounded;
 * beyond the bounds the test is reported as too large. */
void tp_paths_build(struct gsl_testdoc *td, struct tp_vertex *root)
{
	struct machine mc = { .td = td };
	gsl_ptrmap_init(&mc.children, td->ctx->mem);
	gsl_ptrmap_init(&mc.done, td->ctx->mem);
	td->made.n = 0;
	struct gsl_coverage cov = td->plan.coverage;
	if (cov.length)
		all_paths(&mc, root, cov.n);
	else
		cycles_paths(&mc, root, cov.n);
	finish_steps(&mc);
	if ((mc.full || !count_statements(&mc)) && td->report)
		tp_error(td, td->plan.name->loc, "the tests of '%s' take more than %u "
			 "statements or too long to plan; lower its coverage", td->plan.tgt,
			 mc.full ? MAX_STEPS : MAX_STATEMENTS);
	if (mc.full || td->plan.nsteps > MAX_STATEMENTS) {
		td->plan.root.first_child = NULL;
		td->plan.nsteps = 0;
	}
	gsl_ptrmap_free(&mc.children);
	gsl_ptrmap_free(&mc.done);
	gsl_xfree(td->ctx->mem, mc.stack);
	gsl_xfree(td->ctx->mem, mc.log);
}
