/* testplan_graph.c: the kind graph of a test: its kinds and what can be
 * done to their objects. */
#include "testplan_int.h"

#include <stdlib.h>
#include <string.h>

/* Appends the key of an item: a kind's tgt name, or where an aspect is
 * written (and which of its names it is). */
static void item_key(struct gsl_testdoc *td, const struct tp_item *it, struct gsl_buf *b)
{
	if (it->kind == TP_KIND) {
		gsl_buf_puts(b, gsl_subject_tgt(td->m, it->subject));
		return;
	}
	gsl_buf_printf(b, "@%u:%u:%u", it->node->file, it->node->line, it->node->col);
	if (it->name)
		gsl_buf_printf(b, ":%.*s", (int)it->name->len, it->name->text);
}

/* The vertex of a key, made of items (in the scratch arena) if new. */
static struct tp_vertex *vertex(struct gsl_testdoc *td, const char *key, size_t len,
				const struct tp_item *items, uint32_t n)
{
	struct tp_vertex *v = gsl_strmap_get(&td->vertices, key, len);
	if (v)
		return v;
	v = gsl_arena_alloc(&td->scratch, sizeof *v);
	v->key = gsl_arena_strndup(&td->scratch, key, len);
	v->items = items;
	v->nitems = n;
	v->index = td->all_vertices.n;
	tp_vec_push(td->ctx->mem, &td->all_vertices, v);
	v->next_todo = td->todo;
	td->todo = v;
	*gsl_strmap_slot(&td->vertices, v->key, len) = v;
	return v;
}

static struct tp_vertex *kind_vertex(struct gsl_testdoc *td, const struct gsl_subject *kind)
{
	const char *key = gsl_subject_tgt(td->m, kind);
	struct tp_vertex *v = gsl_strmap_get(&td->vertices, key, strlen(key));
	if (v)
		return v;
	struct tp_item *it = gsl_arena_alloc(&td->scratch, sizeof *it);
	*it = (struct tp_item){ .kind = TP_KIND, .subject = kind };
	return vertex(td, key, strlen(key), it, 1);
}

/* The kind of things that have all the items: a kind of the
 * specification when the items are that one kind, else a kind made of
 * them, named "(key&key...)". */
static struct tp_vertex *made_vertex(struct gsl_testdoc *td, const struct tp_item *items,
				     uint32_t n)
{
	if (n == 1 && items[0].kind == TP_KIND && !gsl_subject_is_superkind(items[0].subject))
		return kind_vertex(td, items[0].subject);
	struct gsl_buf *b = &td->buf;
	gsl_buf_clear(b);
	gsl_buf_putc(b, '(');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			gsl_buf_putc(b, '&');
		item_key(td, &items[i], b);
	}
	gsl_buf_putc(b, ')');
	return vertex(td, gsl_buf_cstr(b), b->len, items, n);
}

/* ---- Atomic aspects ------------------------------------------------------ */

static void push_item(struct gsl_testdoc *td, struct tp_vec *out, enum tp_item_kind kind,
		      const struct gsl_node *node, const struct gsl_name *name,
		      const struct gsl_subject *subject)
{
	struct tp_item *it = gsl_arena_alloc(&td->scratch, sizeof *it);
	*it = (struct tp_item){ .kind = kind, .node = node, .name = name, .subject = subject };
	tp_vec_push(td->ctx->mem, out, it);
}

static enum tp_item_kind kind_of_tag(enum gsl_tag tag)
{
	if (gsl_tag_is_operator(tag))
		return TP_OPERATOR;
	switch (tag) {
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
		return TP_ATTR;
	case GSL_TAG_MAPPING:
		return TP_MAPPING;
	case GSL_TAG_EITHER:
		return TP_EITHER;
	case GSL_TAG_KIND_OF:
		return TP_KIND_OF;
	default:
		return TP_NONE;
	}
}

/* An aspect node as items: one per name for attributes and operators. */
static void push_aspect(struct gsl_testdoc *td, struct tp_vec *out, const struct gsl_node *n,
			const struct gsl_subject *owner)
{
	enum tp_item_kind kind = kind_of_tag(n->tag);
	if (kind == TP_NONE || !tp_usable(n))
		return;
	bool named = kind == TP_ATTR || (kind == TP_OPERATOR && gsl_node_syntax(n) == GSL_SYNTAX_NAMES);
	if (!named) {
		push_item(td, out, kind, n, NULL, owner);
		return;
	}
	for (const struct gsl_name *name = n->u.names; name; name = name->next)
		push_item(td, out, kind, n, name, owner);
}

/* The items a vector points to, copied into an array. */
static const struct tp_item *items_of(struct gsl_testdoc *td, const struct tp_vec *vec)
{
	struct tp_item *items = gsl_arena_alloc(&td->scratch, (vec->n + 1) * sizeof *items);
	for (uint32_t i = 0; i < vec->n; i++)
		items[i] = *(const struct tp_item *)vec->v[i];
	return items;
}

static bool seen(const struct tp_vec *kinds, const struct gsl_subject *k)
{
	for (uint32_t i = 0; i < kinds->n; i++)
		if (kinds->v[i] == k)
			return true;
	return false;
}

/* Where expand_kind is: the aspects of the kinds being expanded. */
struct expansion {
	struct gsl_aspects *stack;
	uint32_t depth;
	uint32_t cap;
	struct tp_vec *visited;
};

static void enter(struct gsl_testdoc *td, struct expansion *x, const struct gsl_subject *k)
{
	const struct gsl_subject *target = gsl_subject_target(k);
	if (!target || gsl_subject_is_superkind(k) || seen(x->visited, target))
		return;
	tp_vec_push(td->ctx->mem, x->visited, (void *)target);
	if (x->depth == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 8;
		x->stack = gsl_xrealloc(td->ctx->mem, x->stack, x->cap * sizeof *x->stack);
	}
	gsl_aspects_init(&x->stack[x->depth++], k);
}

/* Appends the atomic aspects of a kind: its attributes, mappings,
 * operators and either groups, and, in place, those of the kinds it is
 * a subkind of. A kind met again (through a cycle, or twice by
 * inheritance) adds nothing more. Superkinds have none. */
static void expand_kind(struct gsl_testdoc *td, const struct gsl_subject *kind,
			struct tp_vec *visited, struct tp_vec *out)
{
	struct expansion x = { .visited = visited };
	enter(td, &x, kind);
	while (x.depth) {
		struct gsl_aspects *it = &x.stack[x.depth - 1];
		const struct gsl_node *n = gsl_aspects_next(it);
		if (!n) {
			x.depth--;
			continue;
		}
		if (n->tag != GSL_TAG_SUBKIND_OF) {
			push_aspect(td, out, n, it->subject->view[it->block].owner);
			continue;
		}
		if (!tp_usable(n))
			continue;
		/* The first kind listed is expanded first: entered last. */
		struct tp_vec kinds = { 0 };
		for (const struct gsl_name *name = n->u.names; name; name = name->next)
			if (name->ref && gsl_subject_is_kind(name->ref))
				tp_vec_push(td->ctx->mem, &kinds, name->ref);
		while (kinds.n)
			enter(td, &x, kinds.v[--kinds.n]);
		gsl_xfree(td->ctx->mem, kinds.v);
	}
	gsl_xfree(td->ctx->mem, x.stack);
}

/* Appends the atomic aspects of items: kinds and `kind of` expanded. */
static void atoms(struct gsl_testdoc *td, const struct tp_item *items, uint32_t n,
		  struct tp_vec *out)
{
	struct tp_vec visited = { 0 };
	for (uint32_t i = 0; i < n; i++) {
		const struct tp_item *it = &items[i];
		if (it->kind == TP_KIND) {
			expand_kind(td, it->subject, &visited, out);
		} else if (it->kind == TP_KIND_OF) {
			for (const struct gsl_name *name = it->node->u.names; name; name = name->next)
				if (name->ref && gsl_subject_is_kind(name->ref))
					expand_kind(td, name->ref, &visited, out);
		} else {
			tp_vec_push(td->ctx->mem, out, (void *)it);
		}
	}
	gsl_xfree(td->ctx->mem, visited.v);
}

/* ---- Attributes and returned kinds ----------------------------------------- */

/* The aspects of an attribute that say what kind its value is: nested
 * attributes, mappings, either groups, `kind of`. A method is its own
 * mapping. */
static void value_items(struct gsl_testdoc *td, const struct tp_item *attr, struct tp_vec *out)
{
	if (attr->node->tag == GSL_TAG_METHOD) {
		push_item(td, out, TP_MAPPING, attr->node, NULL, attr->subject);
		return;
	}
	for (const struct gsl_node *c = attr->node->first_child; c; c = c->next)
		push_aspect(td, out, c, attr->subject);
}

/* The kind of what a mapping or operator returns: `()`, anything, when
 * it says nothing; else the kind made of all that its `returns` name or
 * describe (the kind itself when that is one kind). */
static struct tp_vertex *returned(struct gsl_testdoc *td, const struct gsl_node *mapping,
				  const struct gsl_subject *owner)
{
	struct tp_vec all = { 0 };
	for (const struct gsl_node *r = mapping->first_child; r; r = r->next) {
		if (r->tag != GSL_TAG_RETURNS || !tp_usable(r))
			continue;
		for (const struct gsl_name *name = r->u.names; name; name = name->next)
			if (name->ref && gsl_subject_is_kind(name->ref))
				push_item(td, &all, TP_KIND, NULL, NULL, name->ref);
		for (const struct gsl_node *c = r->first_child; c; c = c->next)
			push_aspect(td, &all, c, owner);
	}
	struct tp_vertex *v = made_vertex(td, items_of(td, &all), all.n);
	gsl_xfree(td->ctx->mem, all.v);
	return v;
}

/* ---- Arrows ------------------------------------------------------------------- */

static struct tp_arrow *arrow(struct gsl_testdoc *td, struct tp_vertex *from, struct tp_vertex *to,
			      enum gsl_tp_op op, const char *name, const struct gsl_node *node,
			      const char *member)
{
	struct tp_arrow *a = gsl_arena_alloc(&td->scratch, sizeof *a);
	a->pub = (struct gsl_tp_arrow){
		.op = op,
		.name = name,
		.node = node,
		.where = gsl_testdoc_where(td, node),
		.member = member,
		.index = td->narrows++,
	};
	a->to = to;
	if (from->last_arrow)
		from->last_arrow->next = a;
	else
		from->arrows = a;
	from->last_arrow = a;
	return a;
}

static const char *name_of(struct gsl_testdoc *td, const struct gsl_name *name)
{
	return gsl_arena_strndup(&td->scratch, name->text, name->len);
}

/* A message name of an aspect, as its owner names it. */
struct member {
	const struct gsl_subject *owner;
	const char *text;
	struct member *next;            /* of the same aspect, other owners */
};

/* "Owner.what" or "Owner.tag:what", naming an aspect in messages; made
 * once per document. */
static const char *member_of(struct gsl_testdoc *td, const struct tp_item *it, const char *tag)
{
	void **slot = gsl_ptrmap_slot(&td->members, gsl_ptr_key(it->name ? (const void *)it->name
						       : (const void *)it->node));
	for (const struct member *m = *slot; m; m = m->next)
		if (m->owner == it->subject)
			return m->text;
	struct member *m = gsl_arena_alloc(td->arena, sizeof *m);
	struct gsl_str owner = gsl_subject_name(it->subject);
	struct gsl_buf *b = &td->buf;
	gsl_buf_clear(b);
	gsl_buf_put(b, owner.ptr, owner.len);
	gsl_buf_putc(b, '.');
	gsl_buf_puts(b, tag);
	if (it->name) {
		if (*tag)
			gsl_buf_putc(b, ':');
		gsl_buf_put(b, it->name->text, it->name->len);
	}
	m->text = gsl_arena_strndup(td->arena, b->data, b->len);
	m->owner = it->subject;
	m->next = *slot;
	*slot = m;
	return m->text;
}

/* The arrows of calling a mapping (or applying an operator), one for
 * each of its example argument lists. */
static void calls(struct gsl_testdoc *td, struct tp_vertex *from, const struct tp_item *mapping,
		  enum gsl_tp_op op, const char *name, const char *member)
{
	const struct tp_calls *c = tp_calls_of(td, mapping->node);
	if (!c->n)
		return;
	struct tp_vertex *to = returned(td, mapping->node, mapping->subject);
	for (uint32_t i = 0; i < c->n; i++) {
		const struct tp_shape *shape = &c->shapes[i];
		struct tp_arrow *a = arrow(td, from, to, op, name, mapping->node, member);
		a->pub.where = c->where;
		a->pub.args = shape->args;
		a->pub.posts = shape->posts;
		a->pub.nposts = shape->nposts;
		a->pub.eqs = shape->eqs;
		a->pub.neqs = shape->neqs;
		if (c->npres)
			a->pub.setup = tp_setup(td, from, c, &shape->args);
	}
}

struct keyed {
	const char *key;
	const struct tp_item *item;
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

/* The kind made of the aspects of an attribute's value that are not
 * mappings, in the order of their keys, as the original orders them. */
static struct tp_vertex *sorted_vertex(struct gsl_testdoc *td, const struct tp_vec *others)
{
	struct keyed *k = gsl_arena_alloc(&td->scratch, others->n * sizeof *k);
	for (uint32_t i = 0; i < others->n; i++) {
		gsl_buf_clear(&td->buf);
		item_key(td, others->v[i], &td->buf);
		k[i] = (struct keyed){ gsl_arena_strdup(&td->scratch, gsl_buf_cstr(&td->buf)),
				       others->v[i] };
	}
	qsort(k, others->n, sizeof *k, by_key);
	struct tp_item *items = gsl_arena_alloc(&td->scratch, others->n * sizeof *items);
	for (uint32_t i = 0; i < others->n; i++)
		items[i] = *k[i].item;
	return made_vertex(td, items, others->n);
}

/* An attribute is called through each mapping its value has (its own or
 * those of the kinds it is a kind of), and read when its value has other
 * aspects or none at all. */
static void attribute(struct gsl_testdoc *td, struct tp_vertex *from, const struct tp_item *attr)
{
	const struct gsl_mem *mem = td->ctx->mem;
	struct tp_vec parts = { 0 }, all = { 0 }, others = { 0 };
	value_items(td, attr, &parts);
	atoms(td, items_of(td, &parts), parts.n, &all);
	const char *name = name_of(td, attr->name);
	const char *member = member_of(td, attr, "");
	uint32_t nmappings = 0;
	for (uint32_t i = 0; i < all.n; i++) {
		const struct tp_item *it = all.v[i];
		if (it->kind == TP_MAPPING) {
			calls(td, from, it, GSL_TP_CALLATTR, name, member);
			nmappings++;
		} else {
			tp_vec_push(mem, &others, (void *)it);
		}
	}
	if (others.n || !all.n) {
		struct tp_vertex *to = nmappings ? sorted_vertex(td, &others)
			: made_vertex(td, items_of(td, &parts), parts.n);
		arrow(td, from, to, GSL_TP_GETATTR, name, attr->node, member);
	}
	gsl_xfree(mem, parts.v);
	gsl_xfree(mem, all.v);
	gsl_xfree(mem, others.v);
}

static void operator(struct gsl_testdoc *td, struct tp_vertex *from, const struct tp_item *it)
{
	static const struct {
		enum gsl_tp_op op;
		const char *tag;
	} ops[GSL_TAG_COUNT] = {
		[GSL_TAG_OPERATOR] = { GSL_TP_OPERATOR, "op" },
		[GSL_TAG_INPLACE_OPERATOR] = { GSL_TP_INPLACE, "iop" },
		[GSL_TAG_REVERSE_OPERATOR] = { GSL_TP_REVERSE, "rop" },
		[GSL_TAG_FUNCTION_OPERATOR] = { GSL_TP_FUNCTION, "fop" },
		[GSL_TAG_GETITEM] = { GSL_TP_GETITEM, "getitem" },
		[GSL_TAG_SETITEM] = { GSL_TP_SETITEM, "setitem" },
		[GSL_TAG_DELITEM] = { GSL_TP_DELITEM, "delitem" },
	};
	const char *name = it->name ? name_of(td, it->name) : "[]";
	calls(td, from, it, ops[it->node->tag].op, name, member_of(td, it, ops[it->node->tag].tag));
}

/* An either group is a vertex of its own, entered without a statement,
 * with an arrow to each of its kinds. */
static void either(struct gsl_testdoc *td, struct tp_vertex *from, const struct tp_item *it)
{
	gsl_buf_clear(&td->buf);
	item_key(td, it, &td->buf);
	struct tp_vertex *e = gsl_strmap_get(&td->vertices, gsl_buf_cstr(&td->buf), td->buf.len);
	if (!e) {
		struct tp_item *items = gsl_arena_alloc(&td->scratch, sizeof *items);
		*items = *it;
		e = vertex(td, gsl_buf_cstr(&td->buf), td->buf.len, items, 1);
		e->explored = true;
		const char *member = member_of(td, it, "either");
		for (const struct gsl_name *name = it->node->u.names; name; name = name->next) {
			if (!name->ref || !gsl_subject_is_kind(name->ref))
				continue;
			struct tp_vertex *to = kind_vertex(td, name->ref);
			bool dup = false;
			for (const struct tp_arrow *a = e->arrows; a; a = a->next)
				dup |= a->to == to;
			if (!dup)
				arrow(td, e, to, GSL_TP_ALTERNATIVE, name_of(td, name), it->node, member);
		}
	}
	if (e != from)
		arrow(td, from, e, GSL_TP_EITHER, NULL, it->node, member_of(td, it, "either"));
}

static void explore(struct gsl_testdoc *td, struct tp_vertex *v)
{
	struct tp_vec list = { 0 };
	atoms(td, v->items, v->nitems, &list);
	for (uint32_t i = 0; i < list.n; i++) {
		const struct tp_item *it = list.v[i];
		switch (it->kind) {
		case TP_ATTR:
			attribute(td, v, it);
			break;
		case TP_MAPPING:
			calls(td, v, it, GSL_TP_CALL, NULL, member_of(td, it, "mapping"));
			break;
		case TP_OPERATOR:
			operator(td, v, it);
			break;
		case TP_EITHER:
			either(td, v, it);
			break;
		default:
			break;
		}
	}
	gsl_xfree(td->ctx->mem, list.v);
}

/* The vertices of the graph are kinds: those of the specification, named
 * by tgt name, and kinds made of aspects (what an attribute's value is,
 * what a mapping returns when `returns` names several kinds or describes
 * the value inline, an either group). Its arrows are what can be done to
 * an object of a kind: read an attribute, call it or the object (once
 * per example argument list), apply an operator; an either group leads
 * to each of its kinds. The graph is explored from the tested kind as the
 * original explores it (the kind found last is explored first), which
 * decides which view of a kind seen from several packages is used: the
 * first one found. */
struct tp_vertex *tp_graph_build(struct gsl_testdoc *td, const struct gsl_subject *kind)
{
	td->todo = NULL;
	struct tp_vertex *root = kind_vertex(td, kind);
	while (td->todo) {
		struct tp_vertex *v = td->todo;
		td->todo = v->next_todo;
		if (!v->explored) {
			v->explored = true;
			explore(td, v);
		}
	}
	return root;
}
