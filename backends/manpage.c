/* manpage.c: the man page of a kind (section 6 of the language
 * reference): its name, a synopsis of its aspects by category, then the
 * description of each; and the forms of kinds and attributes in them.
 * Aspects are seen where they are declared (manpage.h). */
#include "manpage.h"

#include <string.h>

/* How deeply kinds and argument lists may nest in a man page. */
#define MAX_DEPTH 100

/* ---- Output ---------------------------------------------------------------- */

void page_open(struct page *p, const char *tag)
{
	gsl_docgen_open(p->g, tag);
}

void page_close(struct page *p)
{
	gsl_docgen_close(p->g);
}

void page_text(struct page *p, const char *s)
{
	gsl_docgen_text(p->g, s);
}

void page_colon(struct page *p)
{
	gsl_docgen_put(p->g, GSL_DT_COLONKIND);
}

void page_outer_dt(struct page *p, const char *heading)
{
	page_open(p, "dt");
	page_open(p, p->level ? "strong" : "h2");
	if (p->level == 1)
		page_open(p, "big");
	page_text(p, heading);
	if (p->level == 1)
		page_close(p);
	page_close(p);
	page_close(p);
}

bool page_enter(struct page *p, const struct asp *at)
{
	if (p->depth >= MAX_DEPTH) {
		if (!p->bad_depth)
			gsl_docgen_error(p->g, at->node ? gsl_node_loc(at->node) : p->g->loc,
					 "kinds or arguments nested more than %d deep", MAX_DEPTH);
		p->bad_depth = true;
		return false;
	}
	p->depth++;
	return true;
}

void page_leave(struct page *p)
{
	p->depth--;
}

/* ---- Aspects ---------------------------------------------------------------- */

void asps_add(struct page *p, struct asps *a, struct asp item)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 8;
		a->v = gsl_xrealloc(p->g->ctx->mem, a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = item;
}

void asps_free(struct page *p, struct asps *a)
{
	gsl_xfree(p->g->ctx->mem, a->v);
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

bool asp_is_argument(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_ARG:
	case GSL_TAG_KEY_ARG:
	case GSL_TAG_ARGS:
	case GSL_TAG_OPTIONALS:
	case GSL_TAG_ALT:
	case GSL_TAG_SEQ:
	case GSL_TAG_REPEAT:
	case GSL_TAG_DRAW:
	case GSL_TAG_NO_ARG:
		return true;
	default:
		return false;
	}
}

static bool is_operator(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_OPERATOR:
	case GSL_TAG_INPLACE_OPERATOR:
	case GSL_TAG_REVERSE_OPERATOR:
	case GSL_TAG_FUNCTION_OPERATOR:
	case GSL_TAG_GETITEM:
	case GSL_TAG_SETITEM:
	case GSL_TAG_DELITEM:
		return true;
	default:
		return false;
	}
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
	struct asp a = { .tag = n->tag, .node = n, .at = at, .index = i };
	if (n->tag == GSL_TAG_CONDITION || (is_operator(n->tag) && gsl_node_syntax(n) ==
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
static void kind_aspects(struct page *p, const struct gsl_subject *k, enum gsl_tag want,
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
	if (is_operator(a->tag) && gsl_tag_alias(a->tag) && n)
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

void page_kind_subject(struct page *p, const struct gsl_subject *kind)
{
	gsl_docgen_open_link(p->g, GSL_DT_LINK, gsl_docgen_link_name(p->g, kind));
	gsl_docgen_textn(p->g, kind->name->text, kind->name->len);
	page_close(p);
}

void page_kind_name(struct page *p, const struct gsl_name *name)
{
	if (name->ref)
		page_kind_subject(p, name->ref);
	else
		gsl_docgen_textn(p->g, name->text, name->len);
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

/* ---- Kinds --------------------------------------------------------------------- */

static bool is_kind_aspect(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
	case GSL_TAG_MAPPING:
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
	case GSL_TAG_EITHER:
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
		return true;
	default:
		return false;
	}
}

void asp_kind_parts(struct page *p, const struct place *pl, struct asps *out)
{
	struct asps all = { 0 };
	asp_aspects(p, pl, GSL_TAG_ROOT, &all);
	for (size_t i = 0; i < all.n; i++)
		if (is_kind_aspect(all.v[i].tag))
			asps_add(p, out, all.v[i]);
	asps_free(p, &all);
}

struct asp asp_and_kind(const struct asps *parts)
{
	if (parts->n == 1 && (parts->v[0].tag == GSL_TAG_KIND || parts->v[0].tag == GSL_TAG_KIND_OF))
		return parts->v[0];
	return (struct asp){ .tag = GSL_TAG_KIND, .synthetic = true, .parts = parts->v,
			     .nparts = (uint32_t)parts->n };
}

void page_kind_list(struct page *p, const struct asp *k, bool definition)
{
	if (!k->nparts) {
		page_open(p, "strong");
		page_text(p, " anything");
		page_close(p);
		return;
	}
	if (!page_enter(p, k))
		return;
	page_text(p, " (");
	page_open(p, "dl");
	for (uint32_t i = 0; i < k->nparts; i++) {
		const struct asp *a = &k->parts[i];
		page_open(p, "dd");
		if (a->tag == GSL_TAG_KIND && !a->synthetic) {
			page_open(p, "em");
			page_text(p, "Subkind of: ");
			page_close(p);
		}
		if (definition)
			page_def(p, a);
		else
			page_ref(p, a);
		page_close(p);
	}
	page_open(p, "dd");
	page_text(p, " )");
	page_close(p);
	page_close(p);
	page_leave(p);
}

/* `kind of: K` (and `superkind of`): K; several kinds are shown as the
 * kind made of them. */
static void kind_of_ref(struct page *p, const struct asp *k, bool definition)
{
	struct place pl = asp_place(k);
	struct asps parts = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &parts);
	struct asp kind = asp_and_kind(&parts);
	if (parts.n == 1)
		page_ref(p, &parts.v[0]);
	else
		page_kind_list(p, &kind, definition);
	asps_free(p, &parts);
}

/* `either: A, B`: one of the kinds. */
static void either_ref(struct page *p, const struct asp *k)
{
	struct place pl = asp_place(k);
	struct asps kinds = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &kinds);
	page_open(p, "strong");
	page_open(p, "sup");
	page_text(p, " either:");
	page_close(p);
	page_close(p);
	page_text(p, "[");
	for (size_t i = 0; i < kinds.n; i++) {
		if (i) {
			page_open(p, "strong");
			page_open(p, "sup");
			page_text(p, " or ");
			page_close(p);
			page_close(p);
		}
		page_ref(p, &kinds.v[i]);
	}
	page_text(p, "]");
	asps_free(p, &kinds);
}

static void kind_ref(struct page *p, const struct asp *k, bool definition)
{
	if (k->synthetic)
		page_kind_list(p, k, definition);
	else if (k->kind)
		page_kind_subject(p, k->kind);
	else
		page_kind_name(p, k->name);
}

/* ---- Attributes ---------------------------------------------------------------- */

static void attribute_name(struct page *p, const struct asp *a)
{
	if (a->name) {
		gsl_docgen_textn(p->g, a->name->text, a->name->len);
		return;
	}
	for (const struct gsl_name *n = a->node->u.names; n; n = n->next) {
		if (n != a->node->u.names)
			page_text(p, ", ");
		gsl_docgen_textn(p->g, n->text, n->len);
	}
}

/* The kind of attribute a, shown after its name: the signature of its
 * one mapping, or `: kind`. */
static void attribute_kind(struct page *p, const struct asps *kas, bool definition)
{
	if (kas->n == 1 && kas->v[0].tag == GSL_TAG_MAPPING) {
		page_mapping_kind(p, &kas->v[0], definition, false);
		if (definition) {
			page_open(p, "dl");
			page_mapping_description(p, &kas->v[0]);
			page_close(p);
		}
		return;
	}
	page_colon(p);
	struct asp kind = asp_and_kind(kas);
	if (definition)
		page_def(p, &kind);
	else
		page_ref(p, &kind);
}

static void attribute_ref(struct page *p, const struct asp *a)
{
	bool self = page_self_name(p, a);
	page_open(p, "big");
	if (self) {
		page_open(p, "code");
		page_text(p, ".");
		page_close(p);
	}
	gsl_docgen_open_link(p->g, GSL_DT_LINK, asp_link(p, a));
	attribute_name(p, a);
	page_close(p);
	page_close(p);
	struct place pl = asp_place(a);
	struct asps kas = { 0 };
	asp_kind_parts(p, &pl, &kas);
	attribute_kind(p, &kas, false);
	asps_free(p, &kas);
}

/* The `dd` that shows attribute a: its anchor (the first time), name and
 * kind (if with_kind). */
static void attribute_dt(struct page *p, const struct asp *a, const struct asps *kas,
			 bool with_kind, bool *defined)
{
	page_open(p, "dd");
	if (!*defined)
		gsl_docgen_open_link(p->g, GSL_DT_DEFINE, asp_link(p, a));
	if (page_self_name(p, a)) {
		page_open(p, "code");
		page_text(p, ".");
		page_close(p);
	}
	page_open(p, "strong");
	page_open(p, "big");
	attribute_name(p, a);
	page_close(p);
	page_close(p);
	if (!*defined)
		page_close(p);
	*defined = true;
	if (with_kind)
		attribute_kind(p, kas, true);
	page_close(p);
}

/* An attribute in the description: name and kind, then its descriptions
 * in order. A description before the kind shows the name first without
 * the kind, then again with it (as the original does). */
static void attribute_def(struct page *p, const struct asp *a)
{
	struct place pl = asp_place(a);
	struct asps all = { 0 }, kas = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &all);
	asp_kind_parts(p, &pl, &kas);
	bool defined = false, shown = false, kind_shown = false;
	p->level++;
	for (size_t i = 0; i < all.n; i++) {
		const struct asp *d = &all.v[i];
		if (asp_is_description(d->tag)) {
			if (!shown)
				attribute_dt(p, a, &kas, !kas.n, &defined);
			kind_shown |= !kas.n;
			shown = true;
			page_open(p, "dd");
			page_open(p, "dl");
			page_description_dd(p, d);
			page_close(p);
			page_close(p);
		} else if (is_kind_aspect(d->tag) && !kind_shown) {
			attribute_dt(p, a, &kas, true, &defined);
			shown = kind_shown = true;
		}
	}
	if (!shown)
		attribute_dt(p, a, &kas, true, &defined);
	p->level--;
	asps_free(p, &kas);
	asps_free(p, &all);
}

/* ---- Other aspects ------------------------------------------------------------- */

void page_doc(struct page *p, const struct asp *d)
{
	const struct gsl_node *n = d->node;
	p->g->loc = gsl_node_loc(n);
	if (n->tag == GSL_TAG_DESCRIPTION) {
		gsl_docgen_text_node(p->g, n);
		return;
	}
	/* A header (or `Default: value`) on the first line, the rest below. */
	struct gsl_str arg = gsl_node_arg_stripped(n), first = arg, rest = { "", 0 };
	const char *nl = memchr(arg.ptr, '\n', arg.len);
	if (nl) {
		first.len = (size_t)(nl - arg.ptr);
		rest = (struct gsl_str){ nl + 1, arg.len - first.len - 1 };
	}
	page_open(p, "dl");
	if (n->tag == GSL_TAG_DEFAULT) {
		page_open(p, "dt");
		page_open(p, "strong");
		page_text(p, "Default: ");
		page_close(p);
		gsl_docgen_textn(p->g, first.ptr, first.len);
		page_close(p);
	} else {
		page_outer_dt(p, gsl_arena_strndup(p->g->arena, first.ptr, first.len));
	}
	page_open(p, "dd");
	gsl_docgen_textn(p->g, rest.ptr, rest.len);
	gsl_docgen_expand(p->g, n->first_child);
	page_close(p);
	page_close(p);
}

void page_description_dd(struct page *p, const struct asp *d)
{
	page_open(p, "dd");
	page_doc(p, d);
	page_close(p);
}

static void descriptions_dd(struct page *p, const struct asp *x)
{
	struct place pl = asp_place(x);
	struct asps ds = { 0 };
	asp_aspects(p, &pl, GSL_TAG_DESCRIPTION, &ds);
	for (size_t i = 0; i < ds.n; i++)
		page_description_dd(p, &ds.v[i]);
	asps_free(p, &ds);
}

/* `Subkind of: A, B`, an anchor (definition) or a link. */
static void subkind_of_ref(struct page *p, const struct asp *k, bool definition)
{
	page_open(p, "dt");
	page_open(p, p->level ? "strong" : "h2");
	if (p->level == 1)
		page_open(p, "big");
	gsl_docgen_open_link(p->g, definition ? GSL_DT_DEFINE : GSL_DT_LINK, asp_link(p, k));
	page_text(p, "Subkind of");
	page_close(p);
	page_colon(p);
	for (const struct gsl_name *n = k->node->u.names; n; n = n->next) {
		if (n != k->node->u.names)
			page_text(p, ", ");
		page_kind_name(p, n);
	}
	if (p->level == 1)
		page_close(p);
	page_close(p);
	page_close(p);
}

/* `For any object x of kind K:` */
static void self_ref(struct page *p, const struct asp *s)
{
	page_open(p, "h3");
	page_text(p, "For any object ");
	page_open(p, "var");
	struct gsl_str name = gsl_node_arg_stripped(s->node);
	gsl_docgen_textn(p->g, name.ptr, name.len);
	page_close(p);
	page_text(p, " of kind ");
	page_kind_subject(p, s->at->kind);
	page_text(p, ":");
	page_close(p);
}

/* The constructors of a kind: in the synopsis (definition false) and,
 * when some have descriptions, in the description. Each names an
 * attribute `Owner.attr` that makes objects of the kind. */
static void constructors(struct page *p, const struct asp *li, size_t n, bool definition)
{
	size_t ncons = 0, ndescs = 0;
	for (size_t i = 0; i < n; i++) {
		for (const struct gsl_name *c = li[i].node->u.names; c; c = c->next)
			ncons++;
		struct place pl = asp_place(&li[i]);
		struct asps ds = { 0 };
		asp_aspects(p, &pl, GSL_TAG_DESCRIPTION, &ds);
		ndescs += ds.n;
		asps_free(p, &ds);
	}
	if (definition && !ndescs)
		return;
	page_open(p, "dt");
	page_open(p, definition ? "h2" : "big");
	if (!definition)
		page_open(p, "strong");
	if (ndescs)
		gsl_docgen_open_link(p->g, definition ? GSL_DT_DEFINE : GSL_DT_LINK,
				     asp_link(p, &li[0]));
	page_text(p, ncons == 1 ? "Constructor" : "Constructors");
	if (ndescs)
		page_close(p);
	if (!definition)
		page_close(p);
	page_close(p);
	page_close(p);
	page_open(p, "dd");
	page_open(p, "dl");
	for (size_t i = 0; i < n; i++) {
		for (const struct gsl_name *c = li[i].node->u.names; c; c = c->next) {
			const struct gsl_subject *attr = c->ref;
			if (!attr || attr->kind != GSL_SUBJECT_ATTRIBUTE || !attr->owner) {
				gsl_docgen_error(p->g, c->loc, "a constructor names an attribute "
						 "(Owner.attribute) that makes objects of the kind");
				continue;
			}
			/* The owner, shown where `self` would be. */
			struct gsl_dt_node *owner = gsl_dt_new(p->g->arena, GSL_DT_BLOCK, p->g->loc);
			struct gsl_dt_node *out = p->g->out;
			p->g->out = owner;
			page_kind_subject(p, attr->owner);
			p->g->out = out;
			struct place at = { .path = gsl_docgen_declared_name(p->g, attr->owner),
					    .link = gsl_docgen_link_name(p->g, attr->owner) };
			struct asp a = { .tag = attr->node->tag, .node = attr->node, .at = &at,
					 .name = attr->name, .kind = attr };
			page_open(p, "dt");
			p->use_self = owner;
			attribute_ref(p, &a);
			p->use_self = NULL;
			page_close(p);
		}
		if (definition)
			descriptions_dd(p, &li[i]);
	}
	page_close(p);
	page_close(p);
}

/* Whether a multi-line example is enclosed in brackets or triple
 * quotes; the original puts others in parentheses. */
static bool bracketed(struct gsl_str ex)
{
	static const char *const pairs[][2] = {
		{ "(", ")" }, { "[", "]" }, { "{", "}" }, { "'''", "'''" }, { "\"\"\"", "\"\"\"" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		size_t n = strlen(pairs[i][0]);
		if (ex.len >= n && memcmp(ex.ptr, pairs[i][0], n) == 0 &&
		    memcmp(ex.ptr + ex.len - n, pairs[i][1], n) == 0)
			return true;
	}
	return false;
}

/* `Example[s]`: each as `return expression` after its context. */
static void examples(struct page *p, const struct asp *li, size_t n)
{
	page_outer_dt(p, n > 1 ? "Examples" : "Example");
	for (size_t i = 0; i < n; i++) {
		page_open(p, "dd");
		page_open(p, "pre");
		for (const struct gsl_node *c = li[i].node->first_child; c; c = c->next)
			if (c->tag == GSL_TAG_IN_CONTEXT) {
				struct gsl_str ctx = gsl_node_arg_stripped(c);
				gsl_docgen_textn(p->g, ctx.ptr, ctx.len);
				if (ctx.len)
					page_text(p, "\n");
				break;
			}
		page_open(p, "strong");
		page_text(p, "return ");
		struct gsl_str ex = gsl_node_arg_stripped(li[i].node);
		if (memchr(ex.ptr, '\n', ex.len) && !bracketed(ex))
			page_text(p, gsl_arena_printf(p->g->arena, "(%.*s)", (int)ex.len, ex.ptr));
		else
			gsl_docgen_textn(p->g, ex.ptr, ex.len);
		page_close(p);
		page_close(p);
		page_close(p);
	}
}

/* ---- Dispatch ----------------------------------------------------------------- */

void page_ref(struct page *p, const struct asp *a)
{
	if (a->node)
		p->g->loc = gsl_node_loc(a->node);
	switch (a->tag) {
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
		attribute_ref(p, a);
		break;
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
		kind_ref(p, a, false);
		break;
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
		kind_of_ref(p, a, false);
		break;
	case GSL_TAG_EITHER:
		either_ref(p, a);
		break;
	case GSL_TAG_MAPPING:
		gsl_docgen_open_link(p->g, GSL_DT_LINK, asp_link(p, a));
		page_open(p, "strong");
		page_text(p, "callable");
		page_close(p);
		page_close(p);
		page_colon(p);
		page_mapping_kind(p, a, false, true);
		break;
	case GSL_TAG_CONDITION:
		page_condition_ref(p, a, false);
		break;
	case GSL_TAG_SUBKIND_OF:
		subkind_of_ref(p, a, false);
		break;
	case GSL_TAG_SELF:
		self_ref(p, a);
		break;
	default:
		if (is_operator(a->tag))
			page_operator_ref(p, a, false);
		break;
	}
}

void page_def(struct page *p, const struct asp *a)
{
	if (a->node)
		p->g->loc = gsl_node_loc(a->node);
	switch (a->tag) {
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
		attribute_def(p, a);
		break;
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
		kind_ref(p, a, true);
		break;
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
		kind_of_ref(p, a, true);
		break;
	case GSL_TAG_MAPPING:
		/* In a `dd`, which the original left out. */
		page_open(p, "dd");
		gsl_docgen_open_link(p->g, GSL_DT_DEFINE, asp_link(p, a));
		page_open(p, "strong");
		page_text(p, "callable");
		page_close(p);
		page_close(p);
		page_colon(p);
		page_mapping_kind(p, a, true, true);
		page_open(p, "dl");
		page_mapping_description(p, a);
		page_close(p);
		page_close(p);
		break;
	case GSL_TAG_CONDITION:
		page_condition_def(p, a);
		break;
	case GSL_TAG_SELF:
		break;
	case GSL_TAG_DESCRIPTION:
	case GSL_TAG_DESCRIPTION_WITH_HEADER:
	case GSL_TAG_DEFAULT:
		page_description_dd(p, a);
		break;
	default:
		if (is_operator(a->tag))
			page_operator_def(p, a);
		else
			page_ref(p, a);
		break;
	}
}

/* ---- The page ------------------------------------------------------------------- */

/* The categories of aspects, in the order man pages show them. */
enum category { C_DESCRIPTION, C_SUBKIND_OF, C_CONSTRUCTOR, C_SELF, C_METHOD, C_OPERATOR,
		C_MAPPING, C_ATTRIBUTE, C_CONDITION, C_EXAMPLE, C_COUNT, C_NONE = C_COUNT };

static const char *const category_names[C_COUNT][2] = {
	{ "Description", "Description" }, { "Subkind of", "Subkind of" },
	{ "Constructor", "Constructors" }, { "Self", "Selfs" }, { "Method", "Methods" },
	{ "Operator", "Operators" }, { "Mapping", "Mappings" }, { "Attribute", "Attributes" },
	{ "Condition", "Conditions" }, { "Example", "Examples" },
};

/* Whether attribute a is shown as a method: it has a mapping and no
 * `kind of`. Attributes declared together never are (as in the
 * original). */
static bool is_method(struct page *p, const struct asp *a)
{
	if (!a->name && a->node->u.names && a->node->u.names->next)
		return false;
	struct place pl = asp_place(a);
	struct asps all = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &all);
	bool mapping = false, kind_of = false;
	for (size_t i = 0; i < all.n; i++) {
		mapping |= all.v[i].tag == GSL_TAG_MAPPING;
		kind_of |= all.v[i].tag == GSL_TAG_KIND_OF;
	}
	asps_free(p, &all);
	return mapping && !kind_of;
}

static enum category category(struct page *p, const struct asp *a)
{
	if (asp_is_description(a->tag))
		return C_DESCRIPTION;
	if (asp_is_attribute(a->tag))
		return is_method(p, a) ? C_METHOD : C_ATTRIBUTE;
	if (is_operator(a->tag))
		return C_OPERATOR;
	switch (a->tag) {
	case GSL_TAG_SUBKIND_OF:
		return C_SUBKIND_OF;
	case GSL_TAG_CONSTRUCTOR:
		return C_CONSTRUCTOR;
	case GSL_TAG_SELF:
		return C_SELF;
	case GSL_TAG_MAPPING:
		return C_MAPPING;
	case GSL_TAG_CONDITION:
		return C_CONDITION;
	case GSL_TAG_EXAMPLE:
		return C_EXAMPLE;
	default:
		return C_NONE;
	}
}

/* The aspects of a kind sorted into categories, each in declaration
 * order. */
struct categories {
	struct asps of[C_COUNT];
};

static void sort_up(struct page *p, const struct asps *all, struct categories *c)
{
	*c = (struct categories){ 0 };
	for (size_t i = 0; i < all->n; i++) {
		enum category k = category(p, &all->v[i]);
		if (k != C_NONE)
			asps_add(p, &c->of[k], all->v[i]);
	}
}

static void synopsis(struct page *p, const struct categories *c)
{
	bool any = false;
	for (int k = C_SUBKIND_OF; k < C_COUNT; k++)
		any |= c->of[k].n > 0;
	if (!any)
		return;
	page_outer_dt(p, "Synopsis");
	page_open(p, "dd");
	page_open(p, "dl");
	p->level++;
	for (int k = C_SUBKIND_OF; k < C_COUNT; k++) {
		const struct asps *li = &c->of[k];
		if (!li->n || k == C_EXAMPLE)
			continue;
		if (k == C_CONSTRUCTOR) {
			constructors(p, li->v, li->n, false);
			continue;
		}
		if (k == C_SUBKIND_OF || k == C_SELF) {
			for (size_t i = 0; i < li->n; i++) {
				if (k == C_SELF)
					page_open(p, "dt");
				page_ref(p, &li->v[i]);
				if (k == C_SELF)
					page_close(p);
			}
			continue;
		}
		page_outer_dt(p, category_names[k][li->n != 1]);
		for (size_t i = 0; i < li->n; i++) {
			page_open(p, "dd");
			page_ref(p, &li->v[i]);
			page_close(p);
		}
	}
	p->level--;
	page_close(p);
	page_close(p);
}

static void descriptions(struct page *p, const struct categories *c)
{
	for (int k = 0; k < C_COUNT; k++) {
		const struct asps *li = &c->of[k];
		if (!li->n || k == C_SELF)
			continue;
		switch (k) {
		case C_CONSTRUCTOR:
			constructors(p, li->v, li->n, true);
			break;
		case C_EXAMPLE:
			examples(p, li->v, li->n);
			break;
		case C_SUBKIND_OF:
			for (size_t i = 0; i < li->n; i++) {
				subkind_of_ref(p, &li->v[i], true);
				descriptions_dd(p, &li->v[i]);
			}
			break;
		default:
			page_outer_dt(p, category_names[k][li->n > 1]);
			for (size_t i = 0; i < li->n; i++)
				page_def(p, &li->v[i]);
			break;
		}
	}
}

void gsl_docgen_man_page(struct gsl_docgen *g, const struct gsl_subject *kind)
{
	struct page p = { .g = g };
	struct gsl_dt_node *out = g->out;
	const char *saved_link = g->page_link;
	g->loc = gsl_node_loc(kind->node);
	struct gsl_dt_node *page = gsl_docgen_open_kind(g, GSL_DT_MAN_PAGE);
	g->page_link = gsl_docgen_link_name(g, kind);
	page->u.page.kind = gsl_arena_strndup(g->arena, kind->name->text, kind->name->len);
	page->u.page.link = g->page_link;
	gsl_docgen_open_link(g, GSL_DT_DEFINE, g->page_link);
	page_open(&p, "h1");
	page_text(&p, gsl_subject_tgt(g->m, kind));
	page_close(&p);
	page_close(&p);
	page_open(&p, "dl");
	page_outer_dt(&p, "Name");
	page_open(&p, "dd");
	page_open(&p, "h2");
	gsl_docgen_textn(g, kind->name->text, kind->name->len);
	page_close(&p);
	page_close(&p);
	struct asps all = { 0 };
	kind_aspects(&p, kind, GSL_TAG_ROOT, &all);
	struct categories c;
	sort_up(&p, &all, &c);
	synopsis(&p, &c);
	descriptions(&p, &c);
	for (int k = 0; k < C_COUNT; k++)
		asps_free(&p, &c.of[k]);
	asps_free(&p, &all);
	g->page_link = saved_link;
	g->out = out;
}
