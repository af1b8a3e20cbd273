/* testplan_args.c: the example argument lists that a mapping is called
 * with, from its argument grammar. */
#include "testplan_int.h"

#include <string.h>

#include "iter.h"

/* More lists than this for one mapping, or more values copied while
 * making them, are an error: the original would take hours on them. */
#define MAX_LISTS 100000u
#define MAX_WORK 20000000u

/* A language: lists of values, in the enumeration arena. */
struct lang {
	struct gsl_tp_args *lists;
	uint32_t n;
};

struct enumeration {
	struct gsl_testdoc *td;
	struct gsl_arena arena;          /* languages while they are built */
	const struct gsl_node *mapping;
	uint64_t work;                   /* values copied so far */
	bool failed;
};

static struct lang empty_list(struct enumeration *en)
{
	struct gsl_tp_args *l = gsl_arena_alloc(&en->arena, sizeof *l);
	return (struct lang){ l, 1 };
}

/* memcpy of n values, where the empty list has no array. */
static void copy_values(struct gsl_tp_value *to, const struct gsl_tp_value *from, uint32_t n)
{
	if (n)
		memcpy(to, from, n * sizeof *to);
}

static bool same(const struct gsl_tp_args *a, const struct gsl_tp_args *b)
{
	if (a->n != b->n)
		return false;
	for (uint32_t i = 0; i < a->n; i++)
		if (a->v[i].example != b->v[i].example || a->v[i].keyword != b->v[i].keyword)
			return false;
	return true;
}

static uint64_t hash(const struct gsl_tp_args *a)
{
	uint64_t h = 1469598103934665603u ^ a->n;
	for (uint32_t i = 0; i < a->n; i++)
		h = (h ^ (gsl_ptr_key(a->v[i].example) + gsl_ptr_key(a->v[i].keyword))) * 1099511628211u;
	return h;
}

/* Keeps the first of equal lists, in order. */
static void dedup(struct enumeration *en, struct lang *l)
{
	if (l->n < 2)
		return;
	uint32_t cap = 4;
	while (cap < 2 * l->n)
		cap *= 2;
	uint32_t *table = gsl_arena_alloc(&en->arena, cap * sizeof *table);
	uint32_t kept = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		uint32_t j = (uint32_t)(hash(&l->lists[i]) >> 32) & (cap - 1);
		bool dup = false;
		for (; table[j]; j = (j + 1) & (cap - 1))
			if (same(&l->lists[table[j] - 1], &l->lists[i])) {
				dup = true;
				break;
			}
		if (dup)
			continue;
		l->lists[kept] = l->lists[i];
		table[j] = ++kept;
	}
	l->n = kept;
}

/* Marks the enumeration failed; reports why, once, at node at. */
static bool fail(struct enumeration *en, const struct gsl_node *at)
{
	en->failed = true;
	return tp_report_once(en->td, at);
}

/* Whether n lists of nvalues values in all are too many to make. */
static bool too_many(struct enumeration *en, uint64_t n, uint64_t nvalues)
{
	en->work += nvalues;
	if (n <= MAX_LISTS && en->work <= MAX_WORK)
		return false;
	if (!en->failed && fail(en, en->mapping))
		tp_error(en->td, gsl_node_loc(en->mapping), "the arguments of this mapping "
			 "make too many example argument lists to enumerate (the limit is %u); "
			 "specify fewer examples", MAX_LISTS);
	return true;
}

static uint64_t values(struct lang l)
{
	uint64_t n = 0;
	for (uint32_t i = 0; i < l.n; i++)
		n += l.lists[i].n;
	return n;
}

/* Every list of a followed by every list of b; a varies fastest. */
static struct lang concat(struct enumeration *en, struct lang a, struct lang b)
{
	if (en->failed || too_many(en, (uint64_t)a.n * b.n, values(a) * b.n + values(b) * a.n))
		return empty_list(en);
	struct lang r = { gsl_arena_alloc(&en->arena, (a.n * b.n + 1) * sizeof *r.lists), 0 };
	for (uint32_t j = 0; j < b.n; j++)
		for (uint32_t i = 0; i < a.n; i++) {
			uint32_t n = a.lists[i].n + b.lists[j].n;
			struct gsl_tp_value *v = gsl_arena_alloc(&en->arena, (n + 1) * sizeof *v);
			copy_values(v, a.lists[i].v, a.lists[i].n);
			copy_values(v + a.lists[i].n, b.lists[j].v, b.lists[j].n);
			r.lists[r.n++] = (struct gsl_tp_args){ v, n };
		}
	dedup(en, &r);
	return r;
}

/* The lists of a, then those of b. */
static struct lang either(struct enumeration *en, struct lang a, struct lang b)
{
	if (en->failed || too_many(en, (uint64_t)a.n + b.n, a.n + b.n))
		return empty_list(en);
	struct lang r = { gsl_arena_alloc(&en->arena, (a.n + b.n + 1) * sizeof *r.lists), 0 };
	memcpy(r.lists, a.lists, a.n * sizeof *r.lists);
	memcpy(r.lists + a.n, b.lists, b.n * sizeof *r.lists);
	r.n = a.n + b.n;
	dedup(en, &r);
	return r;
}

static struct lang optional(struct enumeration *en, struct lang a)
{
	return either(en, empty_list(en), a);
}

/* The examples of an argument's kind; without a kind, the first example
 * of the kinds it is a `superkind of`. */
void tp_arg_examples(struct gsl_testdoc *td, const struct gsl_node *spec, struct tp_vec *out)
{
	const struct gsl_name *kind = spec->u.argspec->kind;
	if (kind) {
		if (kind->ref)
			tp_kind_examples(td, kind->ref, out);
		return;
	}
	for (const struct gsl_node *c = spec->first_child; c; c = c->next) {
		if (c->tag != GSL_TAG_SUPERKIND_OF || !tp_usable(c))
			continue;
		for (const struct gsl_name *n = c->u.names; n; n = n->next) {
			if (n->ref)
				tp_kind_examples(td, n->ref, out);
			if (out->n) {
				out->n = 1;
				return;
			}
		}
	}
}

/* One list per example of an argument's kind. */
static struct lang argument(struct enumeration *en, const struct gsl_node *spec)
{
	struct tp_vec xs = { 0 };
	tp_arg_examples(en->td, spec, &xs);
	struct lang r = { gsl_arena_alloc(&en->arena, (xs.n + 1) * sizeof *r.lists), 0 };
	const char *keyword = NULL;
	if (spec->tag == GSL_TAG_KEY_ARG) {
		struct gsl_str k = tp_spec_name(spec);
		keyword = tp_intern(en->td, k.ptr, k.len);
	}
	for (uint32_t i = 0; i < xs.n; i++) {
		struct gsl_tp_value *v = gsl_arena_alloc(&en->arena, sizeof *v);
		*v = (struct gsl_tp_value){ xs.v[i], keyword, spec };
		r.lists[r.n++] = (struct gsl_tp_args){ v, 1 };
	}
	const struct gsl_name *kind = spec->u.argspec->kind;
	if (!xs.n && fail(en, spec)) {
		if (kind)
			tp_error(en->td, gsl_node_loc(spec), "test coverage: the kind '%.*s' "
				 "of this argument has no examples ('.eg:') to call with",
				 (int)kind->len, kind->text);
		else
			tp_error(en->td, gsl_node_loc(spec), "test coverage: this argument "
				 "has no kind, so no examples to call with");
	}
	gsl_xfree(en->td->ctx->mem, xs.v);
	return r;
}

/* `.args: A, B`: one argument of each kind listed. */
static struct lang listed(struct enumeration *en, const struct gsl_node *args)
{
	struct lang r = empty_list(en);
	for (const struct gsl_name *n = args->u.names; n; n = n->next) {
		if (!n->ref)
			continue;
		struct tp_vec xs = { 0 };
		tp_kind_examples(en->td, n->ref, &xs);
		struct lang one = { gsl_arena_alloc(&en->arena, (xs.n + 1) * sizeof *one.lists), 0 };
		for (uint32_t i = 0; i < xs.n; i++) {
			struct gsl_tp_value *v = gsl_arena_alloc(&en->arena, sizeof *v);
			*v = (struct gsl_tp_value){ xs.v[i], NULL, args };
			one.lists[one.n++] = (struct gsl_tp_args){ v, 1 };
		}
		if (!xs.n && fail(en, args))
			tp_error(en->td, gsl_node_loc(args), "test coverage: the kind '%.*s' "
				 "has no examples ('.eg:') to call with", (int)n->len, n->text);
		gsl_xfree(en->td->ctx->mem, xs.v);
		r = concat(en, r, one);
	}
	return r;
}

static struct lang sequence(struct enumeration *en, const struct lang *parts, uint32_t n)
{
	struct lang r = empty_list(en);
	for (uint32_t i = 0; i < n; i++)
		r = concat(en, r, parts[i]);
	return r;
}

static struct lang repeat(struct enumeration *en, const struct gsl_node *n,
			  const struct lang *parts, uint32_t nparts)
{
	if (!nparts) {
		if (fail(en, n))
			tp_error(en->td, gsl_node_loc(n), "'repeat' has nothing to repeat");
		return empty_list(en);
	}
	struct lang one = sequence(en, parts, nparts);
	struct gsl_range range = tp_usable(n) ? n->u.range : (struct gsl_range){ 1, 1 };
	struct lang r = empty_list(en);
	for (int32_t i = 0; i < range.min && !en->failed; i++)
		r = concat(en, r, one);
	struct lang more = empty_list(en);
	if (range.max == GSL_UNBOUNDED)
		more = optional(en, one);
	for (int32_t i = range.min; i < range.max && !en->failed; i++)
		more = optional(en, concat(en, one, more));
	return concat(en, r, more);
}

/* The language of a grammar node from its children's. */
static struct lang finish(struct enumeration *en, const struct gsl_node *n,
			  const struct lang *parts, uint32_t nparts)
{
	switch (n->tag) {
	case GSL_TAG_ARG:
	case GSL_TAG_KEY_ARG:
		return argument(en, n);
	case GSL_TAG_ARGS:
		return concat(en, tp_usable(n) ? listed(en, n) : empty_list(en),
			      sequence(en, parts, nparts));
	case GSL_TAG_OPTIONALS: {
		struct lang r = empty_list(en);
		for (uint32_t i = nparts; i-- > 0;)
			r = optional(en, concat(en, parts[i], r));
		return r;
	}
	case GSL_TAG_ALT: {
		if (!nparts) {
			if (fail(en, n))
				tp_error(en->td, gsl_node_loc(n), "'alt' has no alternatives");
			return empty_list(en);
		}
		struct lang r = parts[0];
		for (uint32_t i = 1; i < nparts; i++)
			r = either(en, r, parts[i]);
		return r;
	}
	case GSL_TAG_DRAW: {
		struct lang r = empty_list(en);
		for (uint32_t i = 0; i < nparts; i++)
			r = concat(en, r, optional(en, parts[i]));
		return r;
	}
	case GSL_TAG_REPEAT:
		return repeat(en, n, parts, nparts);
	default: /* seq, no arg, the mapping itself */
		return sequence(en, parts, nparts);
	}
}

/* The languages of the grammar nodes being built: each open node's
 * finished children, on one stack, and where each open node's begin. */
struct stack {
	struct lang *langs;
	uint32_t nlangs, langs_cap;
	uint32_t *starts;
	uint32_t nstarts, starts_cap;
};

static void push_lang(const struct gsl_mem *mem, struct stack *s, struct lang l)
{
	if (s->nlangs == s->langs_cap) {
		s->langs_cap = s->langs_cap ? 2 * s->langs_cap : 32;
		s->langs = gsl_xrealloc(mem, s->langs, s->langs_cap * sizeof *s->langs);
	}
	s->langs[s->nlangs++] = l;
}

/* The languages pushed since `start`; none yet when the stack is empty. */
static const struct lang *langs_since(const struct stack *s, uint32_t start)
{
	return s->nlangs > start ? s->langs + start : NULL;
}

static void push_start(const struct gsl_mem *mem, struct stack *s)
{
	if (s->nstarts == s->starts_cap) {
		s->starts_cap = s->starts_cap ? 2 * s->starts_cap : 32;
		s->starts = gsl_xrealloc(mem, s->starts, s->starts_cap * sizeof *s->starts);
	}
	s->starts[s->nstarts++] = s->nlangs;
}

/* The grammar (arg, key arg, args, optionals, alt, seq, repeat, draw, no
 * arg) stands for a finite language of lists of example values: an
 * argument is each example of its kind in turn, `optionals` nest
 * ([a [b [c]]]), `alt` is one of its children, `draw` any of its children
 * in order, `repeat: m..n` m to n copies and `m..*` m or m+1, the
 * original's limit on Kleene closures. Lists are built bottom-up with an
 * explicit stack, so grammars may nest deeply. In a sequence the leftmost
 * position varies fastest, as in the original; a list met twice (the
 * same examples in the same order) is kept once. */
bool tp_args_enumerate(struct gsl_testdoc *td, const struct gsl_node *mapping,
		       struct gsl_tp_args **lists, uint32_t *n)
{
	const struct gsl_mem *mem = td->ctx->mem;
	struct enumeration en = { .td = td, .mapping = mapping };
	gsl_arena_init(&en.arena, mem);
	struct stack s = { 0 };
	struct lang result = empty_list(&en);
	struct gsl_iter it;
	gsl_iter_init(&it, mapping);
	for (enum gsl_event ev; (ev = gsl_iter_next(&it)) != GSL_EVENT_DONE;) {
		const struct gsl_node *node = it.node;
		if (node != mapping && (!gsl_tag_is_grammar(node->tag) || node->tag == GSL_TAG_ARG ||
					node->tag == GSL_TAG_KEY_ARG)) {
			if (ev == GSL_EVENT_ENTER)
				gsl_iter_skip_children(&it);
			else if (gsl_tag_is_grammar(node->tag) && tp_usable(node))
				push_lang(mem, &s, argument(&en, node));
			continue;
		}
		if (ev == GSL_EVENT_ENTER) {
			push_start(mem, &s);
			continue;
		}
		uint32_t start = s.starts[--s.nstarts];
		struct lang l = finish(&en, node, langs_since(&s, start), s.nlangs - start);
		s.nlangs = start;
		if (node == mapping)
			result = l;
		else
			push_lang(mem, &s, l);
	}
	gsl_xfree(mem, s.langs);
	gsl_xfree(mem, s.starts);
	/* Keep the lists for the document; the languages go. */
	*n = en.failed ? 0 : result.n;
	*lists = gsl_arena_alloc(td->arena, (*n + 1) * sizeof **lists);
	for (uint32_t i = 0; i < *n; i++) {
		const struct gsl_tp_args *a = &result.lists[i];
		struct gsl_tp_value *v = gsl_arena_alloc(td->arena, (a->n + 1) * sizeof *v);
		copy_values(v, a->v, a->n);
		(*lists)[i] = (struct gsl_tp_args){ v, a->n };
	}
	gsl_arena_free(&en.arena);
	return !en.failed;
}
