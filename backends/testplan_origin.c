/* testplan_origin.c: how tests that make their own objects (the unittest
 * and C formats) get an object of the tested kind. */
#include "testplan_int.h"

#include <string.h>

/* Maps each kind (its definition) to the first example of a superkind
 * of it, for all packages of the run. */
static void index_superkinds(struct gsl_testdoc *td)
{
	for (const struct gsl_package *p = td->m->packages; p; p = p->next)
		for (const struct gsl_subject *s = p->defs; s; s = s->next) {
			if (s->kind != GSL_SUBJECT_SUPERKIND)
				continue;
			struct tp_vec xs = { 0 };
			tp_kind_examples(td, s, &xs);
			struct gsl_aspects it;
			gsl_aspects_init(&it, s);
			for (const struct gsl_node *n; xs.n && (n = gsl_aspects_next(&it));) {
				if (n->tag != GSL_TAG_SUPERKIND_OF || !tp_usable(n))
					continue;
				for (const struct gsl_name *k = n->u.names; k; k = k->next) {
					const struct gsl_subject *t = gsl_subject_target(k->ref);
					void **slot = t ? gsl_ptrmap_slot(&td->superkind_examples, gsl_ptr_key(t)) : NULL;
					if (slot && !*slot)
						*slot = xs.v[0];
				}
			}
			gsl_xfree(td->ctx->mem, xs.v);
		}
	td->superkinds_indexed = true;
}

static const struct gsl_tp_example *example_of(struct gsl_testdoc *td,
					       const struct gsl_subject *kind)
{
	struct tp_vec xs = { 0 };
	tp_kind_examples(td, kind, &xs);
	const struct gsl_tp_example *x = xs.n ? xs.v[0] : NULL;
	gsl_xfree(td->ctx->mem, xs.v);
	if (x)
		return x;
	if (!td->superkinds_indexed)
		index_superkinds(td);
	return gsl_ptrmap_get(&td->superkind_examples, gsl_ptr_key(gsl_subject_target(kind)));
}

/* The attribute a kind's first usable `.constructor:` names, or NULL. */
static const struct gsl_subject *constructor_of(const struct gsl_subject *kind)
{
	struct gsl_aspects it;
	gsl_aspects_init(&it, kind);
	for (const struct gsl_node *n; (n = gsl_aspects_next(&it));) {
		if (n->tag != GSL_TAG_CONSTRUCTOR || !tp_usable(n))
			continue;
		for (const struct gsl_name *c = n->u.names; c; c = c->next)
			if (c->ref && c->ref->kind == GSL_SUBJECT_ATTRIBUTE && c->ref->owner &&
			    gsl_subject_is_kind(c->ref->owner))
				return c->ref;
	}
	return NULL;
}

/* A constructor call: the attribute's first mapping, with its first
 * argument list. */
static bool construct(struct gsl_testdoc *td, const struct gsl_subject *attr,
		      struct gsl_tp_construct *out)
{
	const struct gsl_node *node = attr->node, *mapping = NULL;
	if (node->tag == GSL_TAG_METHOD)
		mapping = node;
	for (const struct gsl_node *c = node->first_child; c && !mapping; c = c->next)
		if (c->tag == GSL_TAG_MAPPING)
			mapping = c;
	struct gsl_str name = gsl_subject_name(attr);
	*out = (struct gsl_tp_construct){
		.name = gsl_arena_strndup(td->arena, name.ptr, name.len),
		.call = mapping != NULL,
		.where = gsl_testdoc_where(td, mapping ? mapping : node),
	};
	if (!mapping)
		return true;
	const struct tp_calls *calls = tp_calls_of(td, mapping);
	if (!calls->n)
		return false;
	out->args = calls->shapes[0].args;
	return true;
}

/* Tried in order, for the tested kind K:
 *   1. the first `.eg:` of K itself;
 *   2. the first `.eg:` of a superkind that is `.superkind of: K` (the
 *      first such superkind, in the order packages were loaded);
 *   3. K's `.constructor: Owner.attr`: an object of Owner, got by this
 *      same rule, whose attribute attr is called with its first example
 *      argument list (or only read, if it has no mapping).
 * Constructors are followed until an example is found; meeting a kind
 * again ends the search. Finding nothing is an error at `test of`. */
const struct gsl_tp_origin *tp_origin(struct gsl_testdoc *td, const struct gsl_subject *kind)
{
	const struct gsl_mem *mem = td->ctx->mem;
	struct tp_vec seen = { 0 }, ctors = { 0 };
	const struct gsl_subject *k = kind;
	const struct gsl_tp_example *x = NULL;
	bool ok = true;
	while (k && ok && !(x = example_of(td, k))) {
		for (uint32_t i = 0; i < seen.n; i++)
			if (seen.v[i] == gsl_subject_target(k))
				k = NULL;
		if (!k)
			break;
		tp_vec_push(mem, &seen, (void *)gsl_subject_target(k));
		const struct gsl_subject *attr = constructor_of(k);
		if (!attr) {
			k = NULL;
			break;
		}
		struct gsl_tp_construct *c = gsl_arena_alloc(td->arena, sizeof *c);
		ok = construct(td, attr, c);
		tp_vec_push(mem, &ctors, c);
		k = attr->owner;
	}
	struct gsl_tp_origin *o = NULL;
	if (x && ok) {
		o = gsl_arena_alloc(td->arena, sizeof *o);
		struct gsl_str name = gsl_subject_name(k);
		struct gsl_tp_construct *cs = gsl_arena_alloc(td->arena, (ctors.n + 1) * sizeof *cs);
		/* The example makes the outermost owner; constructors then lead
		 * back to the tested kind. */
		for (uint32_t i = 0; i < ctors.n; i++)
			cs[i] = *(struct gsl_tp_construct *)ctors.v[ctors.n - 1 - i];
		*o = (struct gsl_tp_origin){
			.example = x,
			.kind = gsl_arena_strndup(td->arena, name.ptr, name.len),
			.constructs = cs,
			.nconstructs = ctors.n,
		};
	} else if (ok && td->report_origins) {
		struct gsl_str name = gsl_subject_name(kind);
		tp_error(td, td->plan.name->loc, "%s tests make their own objects, and "
			 "there is no way to make a '%.*s': give it an '.eg:', a superkind with "
			 "'.superkind of: %.*s' and an '.eg:', or a '.constructor:' whose owner "
			 "can be made", gsl_format_name(td->format), (int)name.len, name.ptr,
			 (int)name.len, name.ptr);
	}
	gsl_xfree(mem, seen.v);
	gsl_xfree(mem, ctors.v);
	return o;
}
