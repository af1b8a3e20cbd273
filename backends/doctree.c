/* doctree.c: nodes of the document tree: making, moving, copying and
 * walking them. */
#include "doctree.h"

#include <string.h>

const char *gsl_dt_kind_name(enum gsl_dt_kind kind)
{
#define GSL_DT_NAME(id, name) [GSL_DT_##id] = name,
	static const char *const names[] = { GSL_DT_KINDS(GSL_DT_NAME) };
#undef GSL_DT_NAME
	return kind < GSL_DT_KIND_COUNT ? names[kind] : "?";
}

struct gsl_dt_node *gsl_dt_new(struct gsl_arena *a, enum gsl_dt_kind kind, struct gsl_loc loc)
{
	struct gsl_dt_node *n = gsl_arena_alloc(a, sizeof *n);
	n->kind = (uint8_t)kind;
	n->loc = loc;
	return n;
}

struct gsl_dt_node *gsl_dt_text(struct gsl_arena *a, const char *s, size_t len,
				struct gsl_loc loc)
{
	struct gsl_dt_node *n = gsl_dt_new(a, GSL_DT_TEXT, loc);
	n->u.text.ptr = s;
	n->u.text.len = len;
	return n;
}

void gsl_dt_append(struct gsl_dt_node *parent, struct gsl_dt_node *child)
{
	child->parent = parent;
	child->next = NULL;
	if (parent->last_child)
		parent->last_child->next = child;
	else
		parent->first_child = child;
	parent->last_child = child;
}

void gsl_dt_move_children(struct gsl_dt_node *to, struct gsl_dt_node *from)
{
	if (!from->first_child)
		return;
	for (struct gsl_dt_node *c = from->first_child; c; c = c->next)
		c->parent = to;
	if (to->last_child)
		to->last_child->next = from->first_child;
	else
		to->first_child = from->first_child;
	to->last_child = from->last_child;
	from->first_child = from->last_child = NULL;
}

struct gsl_dt_node *gsl_dt_take_first(struct gsl_dt_node *n)
{
	struct gsl_dt_node *c = n->first_child;
	if (!c)
		return NULL;
	n->first_child = c->next;
	if (!c->next)
		n->last_child = NULL;
	c->parent = c->next = NULL;
	return c;
}

void gsl_dt_add_attr(struct gsl_arena *a, struct gsl_dt_node *elem, const char *name,
		     const char *value)
{
	struct gsl_dt_attr *attr = gsl_arena_alloc(a, sizeof *attr);
	attr->name = name;
	attr->value = value;
	struct gsl_dt_attr **p = &elem->u.elem.attrs;
	while (*p)
		p = &(*p)->next;
	*p = attr;
}

/* A copy of n alone: no parent, no children; attributes are shared
 * (nothing changes them once made). */
static struct gsl_dt_node *copy_one(struct gsl_arena *a, const struct gsl_dt_node *n)
{
	struct gsl_dt_node *c = gsl_arena_alloc(a, sizeof *c);
	*c = *n;
	c->parent = c->first_child = c->last_child = c->next = NULL;
	return c;
}

struct gsl_dt_node *gsl_dt_copy(struct gsl_arena *a, const struct gsl_dt_node *n)
{
	struct gsl_dt_node *top = NULL, *into = NULL;
	struct gsl_dt_iter it;
	gsl_dt_iter_init(&it, n);
	enum gsl_dt_event ev;
	while ((ev = gsl_dt_iter_next(&it)) != GSL_DT_DONE) {
		if (ev == GSL_DT_EXIT) {
			if (into)
				into = into->parent;
			continue;
		}
		struct gsl_dt_node *c = copy_one(a, it.node);
		if (into)
			gsl_dt_append(into, c);
		else
			top = c;
		into = c;
	}
	return top;
}

void gsl_dt_iter_init(struct gsl_dt_iter *it, const struct gsl_dt_node *root)
{
	*it = (struct gsl_dt_iter){ .root = root, .event = GSL_DT_DONE };
}

enum gsl_dt_event gsl_dt_iter_next(struct gsl_dt_iter *it)
{
	const struct gsl_dt_node *n = it->node;
	if (!n) {
		if (!it->root)
			return GSL_DT_DONE;
		it->node = it->root;
		return it->event = GSL_DT_ENTER;
	}
	if (it->skip) {
		it->skip = false;
		return it->event = GSL_DT_EXIT;
	}
	if (it->event == GSL_DT_ENTER && n->first_child) {
		it->node = n->first_child;
		return it->event = GSL_DT_ENTER;
	}
	if (it->event == GSL_DT_ENTER)
		return it->event = GSL_DT_EXIT;
	if (n == it->root) {
		it->root = NULL;
		return it->event = GSL_DT_DONE;
	}
	if (n->next) {
		it->node = n->next;
		return it->event = GSL_DT_ENTER;
	}
	it->node = n->parent;
	return it->event = GSL_DT_EXIT;
}

void gsl_dt_iter_skip_children(struct gsl_dt_iter *it)
{
	it->skip = it->event == GSL_DT_ENTER;
}
