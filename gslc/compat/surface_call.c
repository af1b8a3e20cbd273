/* surface_call.c: reading a call: its conditions (each argument by its
 * role, so that renaming arguments changes nothing), its equations, and
 * its returned value, a shape built later from the work queue; and the
 * unresolved kind names of its arguments, which get kinds of their own
 * now so that comparing grammars later only looks kinds up. */
#include "config.h"

#include "surface.h"

#include <string.h>

#include "iter.h"

/* The name of a positional or keyword argument, given on its line or by
 * a `.name` child. */
static const struct gsl_name *arg_name(const struct gsl_node *arg)
{
	if (arg->u.argspec->name)
		return arg->u.argspec->name;
	for (const struct gsl_node *c = arg->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_NAME && surface_usable(c))
			return c->u.names;
	return NULL;
}

/* The role of a name in a condition's argument list: the called object,
 * the returned value, the i-th positional argument, a keyword argument;
 * roles survive renaming the arguments. */
static void append_role(struct gsl_buf *out, const struct gsl_node *call, const char *self,
			const struct gsl_name *name)
{
	struct gsl_str s = gsl_name_str(name);
	if (s.len && s.ptr[0] == '<') {
		gsl_buf_puts(out, "<ret>");
		return;
	}
	if (self && gsl_str_eq(s, self)) {
		gsl_buf_puts(out, "<self>");
		return;
	}
	int position = 0;
	struct gsl_iter it;
	gsl_iter_init(&it, call);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		const struct gsl_node *n = it.node;
		if (ev != GSL_EVENT_ENTER || n == call)
			continue;
		if (n->tag != GSL_TAG_ARG && n->tag != GSL_TAG_KEY_ARG) {
			if (n->tag == GSL_TAG_RETURNS || n->tag == GSL_TAG_EQUATION ||
			    n->tag == GSL_TAG_DESCRIPTION || n->tag == GSL_TAG_COMMENT)
				gsl_iter_skip_children(&it);
			continue;
		}
		gsl_iter_skip_children(&it);
		if (!surface_usable(n))
			continue;
		const struct gsl_name *an = arg_name(n);
		if (an && gsl_str_equal(gsl_name_str(an), s)) {
			if (n->tag == GSL_TAG_KEY_ARG)
				gsl_buf_printf(out, "%.*s=", (int)s.len, s.ptr);
			else
				gsl_buf_printf(out, "#%d", position);
			return;
		}
		position += n->tag == GSL_TAG_ARG;
	}
	gsl_buf_printf(out, "%.*s", (int)s.len, s.ptr);
}

static void read_cond(struct builder *b, struct compat_cond *c, const struct gsl_node *n,
		      const struct gsl_node *call, const char *self)
{
	struct gsl_buf args;
	gsl_buf_init(&args, b->side->ctx.mem);
	for (const struct gsl_name *a = n->u.cond->args; a; a = a->next) {
		if (a != n->u.cond->args)
			gsl_buf_putc(&args, ',');
		append_role(&args, call, self, a);
	}
	*c = (struct compat_cond){
		.node = n,
		.cond = n->u.cond->cond->ref,
		.args = gsl_intern(&b->side->ctx, gsl_buf_cstr(&args), args.len),
		.negated = n->u.cond->negated,
	};
	gsl_buf_free(&args);
}

static uint32_t count_children(const struct gsl_node *n, enum gsl_tag tag)
{
	uint32_t k = 0;
	for (const struct gsl_node *c = n->first_child; c; c = c->next)
		k += c->tag == tag && surface_usable(c);
	return k;
}

static void read_conds(struct builder *b, const struct gsl_node *parent, enum gsl_tag tag,
		       struct compat_cond **out, uint32_t *n, const struct gsl_node *call,
		       const char *self)
{
	*n = count_children(parent, tag);
	*out = *n ? gsl_arena_alloc(b->arena, *n * sizeof **out) : NULL;
	uint32_t i = 0;
	for (const struct gsl_node *c = parent->first_child; c; c = c->next)
		if (c->tag == tag && surface_usable(c))
			read_cond(b, &(*out)[i++], c, call, self);
}

/* Gives the unresolved kind names in an argument specification (a
 * child of a call) kinds of their own now, so that comparing grammars
 * later only looks kinds up. */
static void register_arg_kinds(struct builder *b, const struct gsl_node *spec)
{
	struct gsl_iter it;
	gsl_iter_init(&it, spec);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		const struct gsl_node *n = it.node;
		if (ev != GSL_EVENT_ENTER || !surface_usable(n))
			continue;
		if (n->tag == GSL_TAG_ARG || n->tag == GSL_TAG_KEY_ARG) {
			surface_kind(b, n->u.argspec->kind);
			gsl_iter_skip_children(&it);
		} else if (n->tag == GSL_TAG_ARGS) {
			for (const struct gsl_name *k = n->u.names; k; k = k->next)
				surface_kind(b, k);
		} else if (n->tag != GSL_TAG_OPTIONALS && n->tag != GSL_TAG_ALT &&
			   n->tag != GSL_TAG_SEQ && n->tag != GSL_TAG_REPEAT &&
			   n->tag != GSL_TAG_DRAW) {
			gsl_iter_skip_children(&it);
		}
	}
}

static void read_equations(struct builder *b, struct compat_call *call, const char *self)
{
	call->eqs = gsl_arena_alloc(b->arena, call->neqs * sizeof *call->eqs);
	uint32_t e = 0;
	for (const struct gsl_node *c = call->node->first_child; c; c = c->next) {
		if (c->tag != GSL_TAG_EQUATION || !surface_usable(c))
			continue;
		struct compat_equation *eq = &call->eqs[e++];
		struct compat_cond *pre, *post;
		eq->node = c;
		read_conds(b, c, GSL_TAG_PRECONDITION, &pre, &eq->npre, call->node, self);
		read_conds(b, c, GSL_TAG_POSTCONDITION, &post, &eq->npost, call->node, self);
		eq->conds = gsl_arena_alloc(b->arena, (eq->npre + eq->npost + 1) * sizeof *eq->conds);
		if (eq->npre)
			memcpy(eq->conds, pre, eq->npre * sizeof *pre);
		if (eq->npost)
			memcpy(eq->conds + eq->npre, post, eq->npost * sizeof *post);
	}
}

/* Several `.returns` promise all their kinds; their children describe
 * the returned value further (a job of its own). */
static void read_returns(struct builder *b, struct compat_call *call, uint32_t nret,
			 const char *self)
{
	call->ret = gsl_arena_alloc(b->arena, sizeof *call->ret);
	struct job job = { .shape = call->ret, .nodes = surface_nodes(b, nret), .kind = COMPAT_NONE,
			   .self = self };
	for (const struct gsl_node *c = call->node->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_RETURNS && surface_usable(c)) {
			surface_add_kinds(b, &call->ret->kinds, &call->ret->nkinds, c->u.names);
			job.nodes[job.nnodes++] = c;
		}
	surface_push(b, job);
}

void surface_read_call(struct builder *b, struct compat_call *call, const struct gsl_node *n,
		      enum compat_how how, const char *op, const char *self)
{
	*call = (struct compat_call){ .node = n, .how = (uint8_t)how, .op = op };
	uint32_t npre = 0, npost = 0, nret = 0;
	for (const struct gsl_node *c = n->first_child; c; c = c->next) {
		if (!surface_usable(c))
			continue;
		switch (c->tag) {
		case GSL_TAG_SELF:
			if (c->u.names)
				self = surface_name(b, c->u.names);
			break;
		case GSL_TAG_PRECONDITION: npre++; break;
		case GSL_TAG_POSTCONDITION: npost++; break;
		case GSL_TAG_EQUATION: call->neqs++; break;
		case GSL_TAG_RETURNS: nret++; break;
		case GSL_TAG_DESCRIPTION:
		case GSL_TAG_DESCRIPTION_WITH_HEADER:
		case GSL_TAG_COMMENT:
			break;
		default:
			register_arg_kinds(b, c);
			break;
		}
	}
	if (npre)
		read_conds(b, n, GSL_TAG_PRECONDITION, &call->pre, &call->npre, n, self);
	if (npost)
		read_conds(b, n, GSL_TAG_POSTCONDITION, &call->post, &call->npost, n, self);
	if (call->neqs)
		read_equations(b, call, self);
	if (nret)
		read_returns(b, call, nret, self);
}
