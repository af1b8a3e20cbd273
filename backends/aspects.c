/* aspects.c: the aspects man pages show, seen where they are declared:
 * collecting them (a kind's blocks, an aspect's children, a method's one
 * mapping), their names and link names in their place (section 4.3 of
 * the language reference), and the object they are about (`.self`). */
#include "manpage.h"

#include <string.h>

/* ---- Aspects ---------------------------------------------------------------- */

/* Man pages make and drop many short arrays of aspects: dropped ones
 * are kept in the docgen and used again. */
void asps_add(struct page *p, struct asps *a, struct asp item)
{
	struct gsl_docgen *g = p->g;
	if (a->n == a->cap) {
		if (!a->v && g->nspare) {
			struct gsl_spare spare = g->spare[--g->nspare];
			a->v = spare.items;
			a->cap = spare.cap;
		} else {
			a->cap = a->cap ? 2 * a->cap : 8;
			a->v = gsl_xrealloc(g->ctx->mem, a->v, a->cap * sizeof *a->v);
		}
	}
	a->v[a->n++] = item;
}

void asps_free(struct page *p, struct asps *a)
{
	struct gsl_docgen *g = p->g;
	if (a->v) {
		if (g->nspare == g->spare_cap) {
			g->spare_cap = g->spare_cap ? 2 * g->spare_cap : 16;
			g->spare = gsl_xrealloc(g->ctx->mem, g->spare, g->spare_cap * sizeof *g->spare);
		}
		g->spare[g->nspare++] = (struct gsl_spare){ a->v, a->cap };
	}
	*a = (struct asps){ 0 };
}

bool asp_is_description(enum gsl_tag tag)
{
	return tag == GSL_TAG_DESCRIPTION || tag == GSL_TAG_DESCRIPTION_WITH_HEADER ||
	       tag == GSL_TAG_DEFAULT;
}

bool asp_is_attribute(enum gsl_tag tag)
{
	return tag == GSL_TAG_ATTRIBUTE || tag == GSL_TAG_METHOD;
}

static bool matches(enum gsl_tag tag, enum gsl_tag want)
{
	return want == GSL_TAG_ROOT || tag == want ||
	       (want == GSL_TAG_DESCRIPTION && asp_is_description(tag)) ||
	       (want == GSL_TAG_ATTRIBUTE && asp_is_attribute(tag));
}

/* Whether the names of a node with this tag are kinds. */
static bool names_kinds(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_RETURNS:
	case GSL_TAG_ARGS:
	case GSL_TAG_EITHER:
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
	case GSL_TAG_OPTIONALS:
	case GSL_TAG_ALT:
	case GSL_TAG_SEQ:
		return true;
	default:
		return false;
	}
}

static struct asp named_kind(const struct gsl_name *name, struct place *at)
{
	const struct gsl_subject *k = name->ref;
	return (struct asp){
		.tag = gsl_subject_is_superkind(k) ? GSL_TAG_SUPERKIND : GSL_TAG_KIND,
		.at = at,
		.name = name,
		.kind = k,
	};
}

/* Adds aspect node n of index i in place at (several for a list of
 * operators or conditions, which are aspects one by one). */
static void add_node(struct page *p, struct asps *out, const struct gsl_node *n,
		     struct place *at, uint32_t i, enum gsl_tag want)
{
	if (n->tag == GSL_TAG_COMMENT || (n->flags & GSL_NODE_BAD_ARG) || !gsl_tag_is_spec(n->tag) ||
	    !matches(n->tag, want))
		return;
	/* Aspects of tag KIND and SUPERKIND are named kinds, made by
	 * named_kind; a kind defined among aspects (an error the front end
	 * reported) is no aspect. */
	if (n->tag == GSL_TAG_KIND || n->tag == GSL_TAG_SUPERKIND)
		return;
	struct asp a = { .tag = n->tag, .node = n, .at = at, .index = i };
	if (n->tag == GSL_TAG_CONDITION || (gsl_tag_is_operator(n->tag) && gsl_node_syntax(n) ==
					    GSL_SYNTAX_NAMES)) {
		for (const struct gsl_name *name = n->u.names; name; name = name->next) {
			a.name = name;
			a.kind = name->ref;
			asps_add(p, out, a);
		}
		return;
	}
	if (asp_is_attribute(n->tag) && n->u.names)
		a.kind = n->u.names->ref;
	asps_add(p, out, a);
}

/* The aspects of a kind, each in the place of its block. */
void asp_kind_aspects(struct page *p, const struct gsl_subject *k, enum gsl_tag want,
			 struct asps *out)
{
	struct gsl_aspects it;
	gsl_aspects_init(&it, k);
	const struct gsl_subject *owner = NULL;
	struct place *at = NULL;
	uint32_t i = 0;
	for (const struct gsl_node *n; (n = gsl_aspects_next(&it));) {
		const struct gsl_subject *o = it.subject->view[it.block].owner;
		if (o != owner) {
			owner = o;
			at = gsl_arena_alloc(p->g->arena, sizeof *at);
			at->kind = o;
			i = 0;
		}
		add_node(p, out, n, at, i++, want);
	}
}

struct place asp_place(const struct asp *x)
{
	return (struct place){ .up = x->at, .asp = x };
}

void asp_aspects(struct page *p, const struct place *place, enum gsl_tag want, struct asps *out)
{
	const struct asp *x = place->asp;
	struct place *at = (struct place *)place;
	if (x->synthetic) {
		for (uint32_t i = 0; i < x->nparts; i++)
			if (matches(x->parts[i].tag, want))
				asps_add(p, out, x->parts[i]);
		return;
	}
	if (!x->node)
		return;
	if (x->node->tag == GSL_TAG_METHOD && x->tag == GSL_TAG_METHOD) {
		/* A method is an attribute with one mapping: the method's node. */
		if (matches(GSL_TAG_MAPPING, want))
			asps_add(p, out, (struct asp){ .tag = GSL_TAG_MAPPING, .node = x->node,
						       .at = at });
		return;
	}
	if (names_kinds(x->tag) && gsl_node_syntax(x->node) == GSL_SYNTAX_NAMES)
		for (const struct gsl_name *name = x->node->u.names; name; name = name->next)
			if (matches(named_kind(name, at).tag, want))
				asps_add(p, out, named_kind(name, at));
	uint32_t i = 0;
	for (const struct gsl_node *c = x->node->first_child; c; c = c->next)
		add_node(p, out, c, at, i++, want);
}

/* ---- Names ------------------------------------------------------------------- */

/* The first (or only) name of an attribute, operator or condition. */
static const struct gsl_name *first_name(const struct asp *a)
{
	return a->name ? a->name : a->node->u.names;
}

/* The name of aspect a in its place: `attr`, `op:&`, `cond:c`, `<3>`. */
static const char *local_name(struct page *p, const struct asp *a)
{
	struct gsl_arena *ar = p->g->arena;
	const struct gsl_name *n = a->node && gsl_node_syntax(a->node) == GSL_SYNTAX_NAMES
		? first_name(a) : NULL;
	if (asp_is_attribute(a->tag) && n)
		return gsl_arena_strndup(ar, n->text, n->len);
	if (a->tag == GSL_TAG_CONDITION && n)
		return gsl_arena_printf(ar, "cond:%.*s", (int)n->len, n->text);
	if (gsl_tag_is_operator(a->tag) && gsl_tag_alias(a->tag) && n)
		return gsl_arena_printf(ar, "%s:%.*s", gsl_tag_alias(a->tag), (int)n->len, n->text);
	return gsl_arena_printf(ar, "<%u>", a->index);
}

static const char *place_path(struct page *p, struct place *pl)
{
	if (!pl->path)
		pl->path = pl->kind ? gsl_docgen_declared_name(p->g, pl->kind)
			: gsl_arena_printf(p->g->arena, "%s.%s", place_path(p, pl->up),
					   local_name(p, pl->asp));
	return pl->path;
}

static const char *place_link(struct page *p, struct place *pl)
{
	if (!pl->link) {
		if (pl->kind)
			pl->link = gsl_docgen_link_name(p->g, pl->kind);
		else if (asp_is_attribute(pl->asp->tag))
			pl->link = gsl_arena_printf(p->g->arena, "%s.%s", place_link(p, pl->up),
						    local_name(p, pl->asp));
		else
			pl->link = gsl_arena_printf(p->g->arena, ".tgt.%s", place_path(p, pl));
	}
	return pl->link;
}

const char *asp_link(struct page *p, const struct asp *a)
{
	if (a->tag == GSL_TAG_KIND || a->tag == GSL_TAG_SUPERKIND)
		return gsl_docgen_link_name(p->g, a->kind);
	struct place self = asp_place(a);
	if (!asp_is_attribute(a->tag) || a->name || !a->node->u.names->next)
		return place_link(p, &self);
	/* Attributes declared together are documented together. */
	struct gsl_buf b;
	gsl_buf_init(&b, p->g->ctx->mem);
	gsl_buf_puts(&b, ".tgt.(");
	for (const struct gsl_name *n = a->node->u.names; n; n = n->next)
		gsl_buf_printf(&b, "%s%s.%.*s", n == a->node->u.names ? "" : ",",
			       place_link(p, a->at), (int)n->len, n->text);
	gsl_buf_putc(&b, ')');
	const char *link = gsl_arena_strndup(p->g->arena, gsl_buf_cstr(&b), b.len);
	gsl_buf_free(&b);
	return link;
}


/* ---- Self ----------------------------------------------------------------------- */

/* The `.self` among the aspects in place pl, or NULL. */
static const struct gsl_node *self_in(struct page *p, struct place *pl)
{
	if (pl->kind) {
		struct gsl_aspects it;
		gsl_aspects_init(&it, pl->kind);
		for (const struct gsl_node *n; (n = gsl_aspects_next(&it));)
			if (n->tag == GSL_TAG_SELF && !(n->flags & GSL_NODE_BAD_ARG))
				return n;
		return NULL;
	}
	struct asps a = { 0 };
	asp_aspects(p, pl, GSL_TAG_SELF, &a);
	const struct gsl_node *self = a.n ? a.v[0].node : NULL;
	asps_free(p, &a);
	return self;
}

bool page_self_name(struct page *p, const struct asp *x)
{
	if (p->use_self) {
		for (const struct gsl_dt_node *c = p->use_self->first_child; c; c = c->next)
			gsl_dt_append(p->g->out, gsl_dt_copy(p->g->arena, c));
		return true;
	}
	struct place own = asp_place(x);
	for (struct place *pl = &own; pl && (pl->kind || pl->asp); pl = pl->up) {
		const struct gsl_node *self = self_in(p, pl);
		if (self) {
			struct gsl_str name = gsl_node_arg_stripped(self);
			gsl_docgen_textn(p->g, name.ptr, name.len);
			return true;
		}
		if (pl->kind)
			break;
	}
	return false;
}

void page_self(struct page *p, const struct asp *x)
{
	if (page_self_name(p, x))
		return;
	page_open(p, "em");
	page_text(p, "self");
	page_close(p);
}
