/* manpage.c: the man page of a kind (section 6 of the language
 * reference): its name, a synopsis of its aspects by category, then the
 * description of each. Aspects are seen where they are declared
 * (aspects.c); kinds and attributes are laid out in kinds.c, mappings in
 * mapping.c. */
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
	if (p->g->depth >= MAX_DEPTH) {
		if (!p->g->too_deep)
			gsl_docgen_error(p->g, at->node ? gsl_node_loc(at->node) : p->g->loc,
					 "kinds or arguments nested more than %d deep", MAX_DEPTH);
		p->g->too_deep = true;
		return false;
	}
	p->g->depth++;
	return true;
}

void page_leave(struct page *p)
{
	p->g->depth--;
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
			page_attribute_ref(p, &a);
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

/* A mapping of a kind: `callable: x(args) -> returns`, its word linked
 * (definition: anchored). */
static void callable(struct page *p, const struct asp *m, bool definition)
{
	gsl_docgen_open_link(p->g, definition ? GSL_DT_DEFINE : GSL_DT_LINK, asp_link(p, m));
	page_open(p, "strong");
	page_text(p, "callable");
	page_close(p);
	page_close(p);
	page_colon(p);
	page_mapping_kind(p, m, definition, true);
}

void page_ref(struct page *p, const struct asp *a)
{
	if (a->node)
		p->g->loc = gsl_node_loc(a->node);
	switch (a->tag) {
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
		page_attribute_ref(p, a);
		break;
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
		page_kind_ref(p, a, false);
		break;
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
		page_kind_of(p, a, false);
		break;
	case GSL_TAG_EITHER:
		page_either(p, a);
		break;
	case GSL_TAG_MAPPING:
		callable(p, a, false);
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
		if (gsl_tag_is_operator(a->tag))
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
		page_attribute_def(p, a);
		break;
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
		page_kind_ref(p, a, true);
		break;
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
		page_kind_of(p, a, true);
		break;
	case GSL_TAG_MAPPING:
		/* In a `dd`, which the original left out. */
		page_open(p, "dd");
		callable(p, a, true);
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
		if (gsl_tag_is_operator(a->tag))
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
	if (gsl_tag_is_operator(a->tag))
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
	const struct gsl_subject *saved_kind = g->page_kind;
	g->loc = gsl_node_loc(kind->node);
	struct gsl_dt_node *page = gsl_docgen_open_kind(g, GSL_DT_MAN_PAGE);
	g->page_link = gsl_docgen_link_name(g, kind);
	g->page_kind = kind;
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
	asp_kind_aspects(&p, kind, GSL_TAG_ROOT, &all);
	struct categories c;
	sort_up(&p, &all, &c);
	synopsis(&p, &c);
	descriptions(&p, &c);
	for (int k = 0; k < C_COUNT; k++)
		asps_free(&p, &c.of[k]);
	asps_free(&p, &all);
	g->page_link = saved_link;
	g->page_kind = saved_kind;
	g->out = out;
}
