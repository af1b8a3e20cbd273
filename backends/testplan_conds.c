/* testplan_conds.c: what a call checks (postconditions, equations) and
 * the set-up calls that make its preconditions true. */
#include "testplan_int.h"

#include <string.h>

#include "iter.h"

/* ---- Conditions ---------------------------------------------------------- */

/* The condition as the tests evaluate it, made once per document. */
static const struct gsl_tp_condition *condition(struct gsl_testdoc *td,
						const struct gsl_subject *s)
{
	s = gsl_subject_target(s);
	void **slot = gsl_ptrmap_slot(&td->conds, gsl_ptr_key(s));
	if (*slot)
		return *slot;
	struct gsl_tp_condition *c = gsl_arena_alloc(td->arena, sizeof *c);
	struct tp_vec params = { 0 }, code = { 0 };
	struct gsl_aspects it;
	gsl_aspects_init(&it, s);
	for (const struct gsl_node *n; (n = gsl_aspects_next(&it));) {
		if (n->tag == GSL_TAG_SELF || n->tag == GSL_TAG_ARG) {
			struct gsl_str name = tp_spec_name(n);
			tp_vec_push(td->ctx->mem, &params,
				    gsl_arena_strndup(td->arena, name.ptr, name.len));
		} else if (n->tag == GSL_TAG_PYTHON_CODE) {
			tp_vec_push(td->ctx->mem, &code, (void *)n);
		}
	}
	struct gsl_str name = gsl_subject_name(s);
	struct gsl_str owner = s->owner ? gsl_subject_name(s->owner) : (struct gsl_str){ "", 0 };
	*c = (struct gsl_tp_condition){
		.subject = s,
		.id = gsl_arena_printf(td->arena, ".tgt.%s.%.*s%scond:%.*s", s->pkg->name,
				       (int)owner.len, owner.ptr, owner.len ? "." : "",
				       (int)name.len, name.ptr),
		.params = tp_vec_copy(td->arena, &params),
		.nparams = params.n,
		.code = tp_vec_copy(td->arena, &code),
		.ncode = code.n,
		.number = TP_UNNUMBERED,
	};
	gsl_xfree(td->ctx->mem, params.v);
	gsl_xfree(td->ctx->mem, code.v);
	if (!code.n && tp_report_once(td, s->node))
		tp_error(td, s->name->loc, "condition '%.*s' has no '.python code' to test "
			 "it with", (int)name.len, name.ptr);
	*slot = c;
	return c;
}

/* The name the object goes by in conditions: the `.self` of the
 * innermost aspect around the mapping that has one, up to its kind. */
static struct gsl_str self_name(const struct gsl_node *mapping)
{
	const struct gsl_node *n = mapping;
	for (; n->parent && n->parent->tag != GSL_TAG_ROOT; n = n->parent)
		for (const struct gsl_node *c = n->first_child; c; c = c->next)
			if (c->tag == GSL_TAG_SELF)
				return tp_spec_name(c);
	const struct gsl_subject *kind = tp_usable(n) && gsl_node_syntax(n) == GSL_SYNTAX_NAMES &&
		n->u.names ? n->u.names->ref : NULL;
	if (!kind)
		return (struct gsl_str){ "", 0 };
	struct gsl_aspects it;
	gsl_aspects_init(&it, kind);
	for (const struct gsl_node *c; (c = gsl_aspects_next(&it));)
		if (c->tag == GSL_TAG_SELF)
			return tp_spec_name(c);
	return (struct gsl_str){ "", 0 };
}

/* Whether a mapping's grammar has an argument of that name. */
static bool declares(const struct gsl_node *mapping, struct gsl_str name)
{
	struct gsl_iter it;
	gsl_iter_init(&it, mapping);
	for (enum gsl_event ev; (ev = gsl_iter_next(&it)) != GSL_EVENT_DONE;) {
		if (ev != GSL_EVENT_ENTER || it.node == mapping)
			continue;
		const struct gsl_node *n = it.node;
		if ((n->tag == GSL_TAG_ARG || n->tag == GSL_TAG_KEY_ARG) &&
		    gsl_str_equal(tp_spec_name(n), name))
			return true;
		if (!gsl_tag_is_grammar(n->tag))
			gsl_iter_skip_children(&it);
	}
	return false;
}

/* The value of the argument name in a list, or NULL. */
static const struct gsl_tp_value *value_named(const struct gsl_tp_args *list, struct gsl_str name)
{
	for (uint32_t i = 0; i < list->n; i++)
		if (list->v[i].spec->tag != GSL_TAG_ARGS &&
		    gsl_str_equal(tp_spec_name(list->v[i].spec), name))
			return &list->v[i];
	return NULL;
}

/* The check a condition reference makes on a call with an argument
 * list. False when the list lacks an argument it names (an optional one
 * left out): then it does not apply. */
static bool make_check(struct gsl_testdoc *td, const struct gsl_node *ref, struct gsl_str self,
		       const struct gsl_node *mapping, const struct gsl_tp_args *list,
		       bool before, struct gsl_tp_check *out)
{
	if (!tp_usable(ref) || !ref->u.cond->cond->ref)
		return false;
	uint32_t n = 0;
	for (const struct gsl_name *a = ref->u.cond->args; a; a = a->next)
		n++;
	struct gsl_tp_operand *ops = gsl_arena_alloc(td->arena, (n + 1) * sizeof *ops);
	n = 0;
	for (const struct gsl_name *a = ref->u.cond->args; a; a = a->next, n++) {
		struct gsl_str name = gsl_name_str(a);
		if (self.len && gsl_str_equal(name, self)) {
			ops[n].kind = GSL_TP_SOURCE;
		} else if (name.len && name.ptr[0] == '<') {
			if (before) {
				if (tp_report_once(td, ref))
					tp_error(td, a->loc, "'%.*s' is not known before the call",
						 (int)name.len, name.ptr);
				return false;
			}
			ops[n].kind = GSL_TP_RESULT;
		} else if ((ops[n].value = value_named(list, name))) {
			ops[n].kind = GSL_TP_ARGUMENT;
		} else {
			if (!declares(mapping, name) && tp_report_once(td, ref))
				tp_error(td, a->loc, "'%.*s' names no argument of the call, nor "
					 "the object (%s%.*s%s)", (int)name.len, name.ptr,
					 self.len ? "'" : "which has no '.self'", (int)self.len,
					 self.ptr, self.len ? "'" : "");
			return false;
		}
	}
	*out = (struct gsl_tp_check){
		.cond = condition(td, ref->u.cond->cond->ref),
		.node = ref,
		.where = gsl_testdoc_where(td, ref),
		.text = gsl_node_arg_stripped(ref),
		.operands = ops,
		.noperands = n,
		.negated = ref->u.cond->negated,
	};
	return true;
}

/* ---- Calls ----------------------------------------------------------------- */

static void equation(struct gsl_testdoc *td, const struct gsl_node *eq, struct gsl_str self,
		     const struct gsl_node *mapping, const struct gsl_tp_args *list,
		     struct tp_vec *out)
{
	const struct gsl_node *pre = NULL;
	uint32_t npres = 0, nposts = 0;
	for (const struct gsl_node *c = eq->first_child; c; c = c->next) {
		if (c->tag == GSL_TAG_PRECONDITION && !npres++)
			pre = c;
		nposts += c->tag == GSL_TAG_POSTCONDITION;
	}
	if (npres != 1 || !nposts) {
		if (tp_report_once(td, eq))
			tp_error(td, gsl_node_loc(eq), "an equation takes one precondition "
				 "and one or more postconditions, not %u and %u", npres, nposts);
		return;
	}
	struct gsl_tp_equation *e = gsl_arena_alloc(td->arena, sizeof *e);
	if (!make_check(td, pre, self, mapping, list, true, &e->pre))
		return;
	struct gsl_tp_check *posts = gsl_arena_alloc(td->arena, nposts * sizeof *posts);
	for (const struct gsl_node *c = eq->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_POSTCONDITION &&
		    make_check(td, c, self, mapping, list, false, &posts[e->nposts]))
			e->nposts++;
	e->posts = posts;
	if (e->nposts)
		tp_vec_push(td->ctx->mem, out, e);
}

/* The checks of one argument list. */
static void checks(struct gsl_testdoc *td, const struct gsl_node *mapping, struct gsl_str self,
		   struct tp_shape *shape)
{
	const struct gsl_mem *mem = td->ctx->mem;
	struct tp_vec posts = { 0 }, eqs = { 0 };
	for (const struct gsl_node *c = mapping->first_child; c; c = c->next) {
		if (c->tag == GSL_TAG_POSTCONDITION) {
			struct gsl_tp_check *check = gsl_arena_alloc(td->arena, sizeof *check);
			if (make_check(td, c, self, mapping, &shape->args, false, check))
				tp_vec_push(mem, &posts, check);
		} else if (c->tag == GSL_TAG_EQUATION && tp_usable(c)) {
			equation(td, c, self, mapping, &shape->args, &eqs);
		}
	}
	struct gsl_tp_check *p = gsl_arena_alloc(td->arena, (posts.n + 1) * sizeof *p);
	for (uint32_t i = 0; i < posts.n; i++)
		p[i] = *(struct gsl_tp_check *)posts.v[i];
	struct gsl_tp_equation *e = gsl_arena_alloc(td->arena, (eqs.n + 1) * sizeof *e);
	for (uint32_t i = 0; i < eqs.n; i++)
		e[i] = *(struct gsl_tp_equation *)eqs.v[i];
	shape->posts = p;
	shape->nposts = posts.n;
	shape->eqs = e;
	shape->neqs = eqs.n;
	gsl_xfree(mem, posts.v);
	gsl_xfree(mem, eqs.v);
}

/* For each way of calling a mapping or operator (each example argument
 * list): its postconditions, asserted after the call, and its equations,
 * a precondition evaluated before the call that must equal its
 * postconditions after it. */
const struct tp_calls *tp_calls_of(struct gsl_testdoc *td, const struct gsl_node *mapping)
{
	void **slot = gsl_ptrmap_slot(&td->calls, gsl_ptr_key(mapping));
	if (*slot)
		return *slot;
	struct tp_calls *c = gsl_arena_alloc(td->arena, sizeof *c);
	*slot = c;
	c->where = gsl_testdoc_where(td, mapping);
	struct gsl_tp_args *lists;
	uint32_t n;
	tp_args_enumerate(td, mapping, &lists, &n);
	struct tp_vec pres = { 0 };
	bool checked = false;
	for (const struct gsl_node *k = mapping->first_child; k; k = k->next) {
		if (k->tag == GSL_TAG_PRECONDITION && tp_usable(k) && k->u.cond->cond->ref)
			tp_vec_push(td->ctx->mem, &pres, (void *)k);
		checked |= k->tag == GSL_TAG_POSTCONDITION || k->tag == GSL_TAG_EQUATION;
	}
	c->pres = tp_vec_copy(td->arena, &pres);
	c->npres = pres.n;
	gsl_xfree(td->ctx->mem, pres.v);
	struct tp_shape *shapes = gsl_arena_alloc(td->arena, (n + 1) * sizeof *shapes);
	struct gsl_str self = checked ? self_name(mapping) : (struct gsl_str){ "", 0 };
	for (uint32_t i = 0; i < n; i++) {
		shapes[i].args = lists[i];
		if (checked)
			checks(td, mapping, self, &shapes[i]);
	}
	c->shapes = shapes;
	c->n = n;
	return c;
}

/* ---- Set-ups ------------------------------------------------------------------ */

/* A postcondition argument name and the precondition argument it is. */
struct pair {
	struct gsl_str post;
	struct gsl_str pre;
};

struct match {
	struct pair *pairs;
	uint32_t n;
	uint32_t cap;
};

static bool matched(const struct match *m, struct gsl_str post)
{
	for (uint32_t i = 0; i < m->n; i++)
		if (gsl_str_equal(m->pairs[i].post, post))
			return true;
	return false;
}

static bool same_condition(const struct gsl_node *a, const struct gsl_node *b)
{
	return gsl_subject_target(a->u.cond->cond->ref) == gsl_subject_target(b->u.cond->cond->ref) &&
	       a->u.cond->negated == b->u.cond->negated;
}

/* Matches each precondition with a postcondition of the same condition,
 * negation and arity whose argument names are not matched yet, pairing
 * their names in order (as the original's match_to). */
static bool match_posts(struct gsl_testdoc *td, const struct tp_calls *calls,
			const struct gsl_node *candidate, struct match *m)
{
	m->n = 0;
	for (uint32_t i = 0; i < calls->npres; i++) {
		const struct gsl_node *pre = calls->pres[i];
		bool found = false;
		for (const struct gsl_node *post = candidate->first_child; post && !found;
		     post = post->next) {
			if (post->tag != GSL_TAG_POSTCONDITION || !tp_usable(post) ||
			    !post->u.cond->cond->ref || !same_condition(pre, post))
				continue;
			const struct gsl_name *a = post->u.cond->args, *b = pre->u.cond->args;
			uint32_t na = 0, nb = 0;
			bool clash = false;
			for (; a; a = a->next, na++)
				clash |= matched(m, gsl_name_str(a));
			for (; b; b = b->next)
				nb++;
			if (na != nb || clash)
				continue;
			for (a = post->u.cond->args, b = pre->u.cond->args; a; a = a->next, b = b->next) {
				if (m->n == m->cap) {
					m->cap = m->cap ? 2 * m->cap : 8;
					m->pairs = gsl_xrealloc(td->ctx->mem, m->pairs,
								m->cap * sizeof *m->pairs);
				}
				m->pairs[m->n++] = (struct pair){ gsl_name_str(a), gsl_name_str(b) };
			}
			found = true;
		}
		if (!found)
			return false;
	}
	return true;
}

static bool has_preconditions(const struct gsl_node *mapping)
{
	for (const struct gsl_node *c = mapping->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_PRECONDITION)
			return true;
	return false;
}

/* The arguments of a set-up call: those its postconditions share with
 * the preconditions take the prepared call's values; the others their
 * kind's first example. False if the set-up cannot be called so. */
static bool setup_args(struct gsl_testdoc *td, const struct gsl_node *candidate,
		       const struct match *m, const struct gsl_tp_args *args,
		       struct gsl_tp_args *out)
{
	uint32_t n = 0;
	for (const struct gsl_node *c = candidate->first_child; c; c = c->next)
		n += gsl_tag_is_grammar(c->tag);
	struct gsl_tp_value *v = gsl_arena_alloc(&td->scratch, (n + 1) * sizeof *v);
	*out = (struct gsl_tp_args){ v, 0 };
	for (const struct gsl_node *c = candidate->first_child; c; c = c->next) {
		if (!gsl_tag_is_grammar(c->tag))
			continue;
		if (c->tag != GSL_TAG_ARG || !tp_usable(c))
			return false;
		struct gsl_str name = tp_spec_name(c);
		const struct gsl_tp_value *given = NULL;
		for (uint32_t i = 0; i < m->n; i++)
			if (gsl_str_equal(m->pairs[i].post, name))
				given = value_named(args, m->pairs[i].pre);
		if (given) {
			v[out->n++] = (struct gsl_tp_value){ given->example, NULL, c };
			continue;
		}
		struct tp_vec xs = { 0 };
		tp_arg_examples(td, c, &xs);
		if (xs.n)
			v[out->n++] = (struct gsl_tp_value){ xs.v[0], NULL, c };
		gsl_xfree(td->ctx->mem, xs.v);
		if (!xs.n) {
			if (tp_report_once(td, c))
				tp_error(td, gsl_node_loc(c), "test coverage: a precondition is "
					 "set up by this method, but its argument has no examples");
			return false;
		}
	}
	return true;
}

/* Tries the mappings of one attribute named name as the set-up. */
static const struct gsl_tp_setup *try_attribute(struct gsl_testdoc *td, const struct gsl_node *attr,
						const struct gsl_name *name,
						const struct tp_calls *calls,
						const struct gsl_tp_args *args, struct match *m)
{
	for (const struct gsl_node *c = attr->tag == GSL_TAG_METHOD ? attr : attr->first_child; c;
	     c = attr->tag == GSL_TAG_METHOD ? NULL : c->next) {
		if (c != attr && c->tag != GSL_TAG_MAPPING)
			continue;
		struct gsl_tp_args setup_list;
		if (has_preconditions(c) || !match_posts(td, calls, c, m) ||
		    !setup_args(td, c, m, args, &setup_list))
			continue;
		struct gsl_tp_setup *s = gsl_arena_alloc(&td->scratch, sizeof *s);
		*s = (struct gsl_tp_setup){
			.name = gsl_arena_strndup(&td->scratch, name->text, name->len),
			.args = setup_list,
			.where = gsl_testdoc_where(td, c),
		};
		return s;
	}
	return NULL;
}

/* As the original prepares a call with preconditions: by first calling
 * the first method of the object's kind that has no preconditions of its
 * own and whose postconditions give them all. */
const struct gsl_tp_setup *tp_setup(struct gsl_testdoc *td, const struct tp_vertex *from,
				    const struct tp_calls *calls, const struct gsl_tp_args *args)
{
	struct match m = { 0 };
	const struct gsl_tp_setup *s = NULL;
	for (uint32_t i = 0; i < from->nitems && !s; i++) {
		const struct tp_item *it = &from->items[i];
		if (it->kind == TP_ATTR) {
			s = try_attribute(td, it->node, it->name, calls, args, &m);
			continue;
		}
		if (it->kind != TP_KIND)
			continue;
		struct gsl_aspects asp;
		gsl_aspects_init(&asp, it->subject);
		for (const struct gsl_node *n; !s && (n = gsl_aspects_next(&asp));)
			if ((n->tag == GSL_TAG_ATTRIBUTE || n->tag == GSL_TAG_METHOD) && tp_usable(n))
				for (const struct gsl_name *name = n->u.names; name && !s; name = name->next)
					s = try_attribute(td, n, name, calls, args, &m);
	}
	gsl_xfree(td->ctx->mem, m.pairs);
	if (!s && tp_report_once(td, calls->pres[0]))
		tp_error(td, gsl_node_loc(calls->pres[0]), "no method of '%s' without "
			 "preconditions has postconditions that make the preconditions of this "
			 "call true, to call first", from->key);
	return s;
}
