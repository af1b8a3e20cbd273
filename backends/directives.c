/* directives.c: the directives of documents that name definitions or
 * take arguments (section 5.3 of the language reference): man pages,
 * references and labels, anchors and links, the names, descriptions
 * and aspects of a definition, symbols, meta; and how directives take
 * their arguments, on their line or as symbols among their children. */
#include "document.h"

#include <string.h>

#include "resolve.h"

/* ---- Arguments of directives -------------------------------------------- */

struct gsl_str gsl_docgen_take_arg(struct gsl_docgen *g, const struct gsl_node *n,
				   struct gsl_dt_node *rest, unsigned opts)
{
	struct gsl_str arg = gsl_node_arg_stripped(n);
	if (arg.len) {
		arg = gsl_str_strip(gsl_docgen_expand_arg(g, arg));
	} else if (gsl_docgen_is_symbol(rest->first_child)) {
		arg = gsl_docgen_symbol_str(gsl_dt_take_first(rest));
	} else if (!(opts & GSL_ARG_OPTIONAL)) {
		gsl_docgen_error(g, gsl_node_loc(n), "'%s' needs an argument, on its line or as "
				 "a symbol", gsl_tag_name(n->tag));
	}
	if (gsl_docgen_is_symbol(rest->first_child) && !(opts & GSL_ARG_MORE))
		gsl_docgen_error(g, rest->first_child->loc, "more arguments than '%s' takes",
				 gsl_tag_name(n->tag));
	return arg;
}

struct gsl_dt_node *gsl_docgen_take_names(struct gsl_docgen *g, const struct gsl_node *n,
					  struct gsl_dt_node *rest)
{
	struct gsl_dt_node *names = gsl_docgen_scratch(g), *out = g->out;
	g->out = names;
	bool parsed = gsl_node_syntax(n) == GSL_SYNTAX_NAMES || gsl_node_syntax(n) == GSL_SYNTAX_NAME;
	if (parsed && !(n->flags & GSL_NODE_BAD_ARG))
		for (const struct gsl_name *name = n->u.names; name; name = name->next) {
			g->loc = name->loc;
			gsl_docgen_symbol(g, gsl_str_strip(gsl_docgen_expand_arg(g, gsl_name_str(name))));
		}
	while (gsl_docgen_is_symbol(rest->first_child))
		gsl_dt_append(names, gsl_dt_take_first(rest));
	for (const struct gsl_dt_node *c = rest->first_child; c; c = c->next)
		if (gsl_docgen_is_symbol(c))
			gsl_docgen_error(g, c->loc, "symbols must come first in '%s'",
					 gsl_tag_name(n->tag));
	g->out = out;
	return names;
}

const struct gsl_subject *gsl_docgen_lookup(struct gsl_docgen *g, struct gsl_str name,
					    struct gsl_loc loc)
{
	const struct gsl_subject *s = gsl_resolve_path(g->m, g->pkg, NULL, name, loc, !g->quiet);
	g->failed |= !s;
	return s;
}


/* ---- Directives ----------------------------------------------------------- */

static void man_pages(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_dt_node *names = gsl_docgen_take_names(g, n, rest);
	if (rest->first_child)
		gsl_docgen_error(g, rest->first_child->loc, "'man page of' takes only names");
	/* The names written on the line were resolved with the model. */
	const struct gsl_name *checked = n->parent == g->tree->doc->node ? n->u.names : NULL;
	for (const struct gsl_dt_node *s = names->first_child; s; s = s->next) {
		const struct gsl_subject *kind;
		if (checked) {
			kind = checked->ref;
			checked = checked->next;
		} else {
			kind = gsl_docgen_lookup(g, gsl_docgen_symbol_str(s), s->loc);
			if (kind && !gsl_subject_is_kind(kind)) {
				gsl_docgen_error(g, s->loc, "'%.*s' is not a kind", (int)s->u.text.len,
						 s->u.text.ptr);
				kind = NULL;
			}
		}
		if (!kind)
			continue;
		if (!gsl_docgen_enter(g, kind, "the man page of", s->loc))
			continue;
		g->tree->has_man_pages = true;
		gsl_docgen_man_page(g, kind);
		gsl_docgen_leave(g);
	}
}

/* The package of the file node n is written in (whose tree it is in;
 * included files are part of it). */
static const struct gsl_package *package_of(struct gsl_docgen *g, const struct gsl_node *n)
{
	while (n->parent)
		n = n->parent;
	for (const struct gsl_package *p = g->m->packages; p; p = p->next)
		if (p->root == n)
			return p;
	return g->pkg;
}

/* The link name of `.mykind.name` in a man page: its member's, or with
 * --fix-refs, when the kind has no member of that name, the anchor of
 * the kind's label of that name (that the original never links to). */
static const char *kind_ref(struct gsl_docgen *g, struct gsl_str name)
{
	bool member = gsl_subject_member(g->page_kind, name, GSL_SUBJECT_ATTRIBUTE) ||
		      gsl_subject_member(g->page_kind, name, GSL_SUBJECT_CONDITION);
	return gsl_arena_printf(g->arena, "%s.%s%.*s", g->page_link,
				g->opt->fix_refs && !member ? "label:" : "", (int)name.len, name.ptr);
}

/* `.ref: target`: a link from a man page's description, see section 4.4
 * of the language reference. The original's forms are kept, including
 * `.myfile.x`, which names ".tgt.x" without the package; with
 * --fix-refs, `.myfile.x` is the definition x of the file the reference
 * is written in, if there is one (the front end warned if not). */
static void ref(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_str arg = gsl_docgen_take_arg(g, n, rest, 0);
	if (!g->page_link) {
		gsl_docgen_error(g, gsl_node_loc(n), "'ref' is only allowed in man pages");
		return;
	}
	gsl_docgen_text(g, " ");
	struct gsl_str tag = { "myfile", 6 }, name = arg, text = arg;
	if (arg.len && arg.ptr[0] == '.') {
		const char *dot = memchr(arg.ptr + 1, '.', arg.len - 1);
		size_t taglen = dot ? (size_t)(dot - arg.ptr - 1) : arg.len - 1;
		tag = gsl_str_strip((struct gsl_str){ arg.ptr + 1, taglen });
		name = dot ? gsl_str_strip((struct gsl_str){ dot + 1, arg.len - taglen - 2 })
			   : (struct gsl_str){ "", 0 };
	}
	const char *link;
	if (gsl_str_eq(tag, "mykind")) {
		link = g->page_link;
		if (name.len) {
			link = kind_ref(g, name);
			text = name;
		} else {
			const char *last = strrchr(link, '.');
			text = (struct gsl_str){ last + 1, strlen(last + 1) };
		}
	} else if (gsl_str_eq(tag, "myfile")) {
		bool dotted = arg.ptr[0] == '.' && name.len;
		if (dotted)
			text = name;
		const struct gsl_subject *s = dotted && g->opt->fix_refs
			? gsl_resolve_path(g->m, package_of(g, n), NULL, arg, gsl_node_loc(n), false)
			: NULL;
		if (s)
			link = gsl_docgen_link_name(g, s);
		else
			link = name.len ? gsl_arena_printf(g->arena, ".tgt.%.*s", (int)name.len, name.ptr)
					: ".tgt";
	} else {
		gsl_docgen_error(g, gsl_node_loc(n), "'ref' to '%.*s': the target starts with "
				 "'.mykind.', '.myfile.' or a name", (int)arg.len, arg.ptr);
		return;
	}
	struct gsl_dt_node *out = g->out;
	gsl_docgen_open_link(g, GSL_DT_LINK, link);
	if (rest->first_child)
		gsl_dt_move_children(g->out, rest);
	else
		gsl_docgen_textn(g, text.ptr, text.len);
	g->out = out;
}

/* `.label: text`: an anchor in a man page's description. */
static void label(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_str arg = gsl_docgen_take_arg(g, n, rest, 0);
	if (!g->page_link) {
		gsl_docgen_error(g, gsl_node_loc(n), "'label' is only allowed in man pages");
		return;
	}
	gsl_docgen_put(g, GSL_DT_DEFINE)->u.link.name =
		gsl_arena_printf(g->arena, "%s.label:%.*s", g->page_link, (int)arg.len, arg.ptr);
	gsl_dt_move_children(g->out, rest);
}

/* `.define: N` and `.link to: N`: an anchor of, or a link to, N. */
static void define_or_link(struct gsl_docgen *g, const struct gsl_node *n,
			   struct gsl_dt_node *rest, enum gsl_dt_kind kind)
{
	struct gsl_str arg = gsl_docgen_take_arg(g, n, rest, 0);
	const struct gsl_subject *s = arg.len ? gsl_docgen_lookup(g, arg, gsl_node_loc(n)) : NULL;
	if (!s)
		return;
	struct gsl_dt_node *out = g->out;
	gsl_docgen_open_link(g, kind, gsl_docgen_link_name(g, s));
	gsl_dt_move_children(g->out, rest);
	g->out = out;
}

/* The text aspects (descriptions) of s. */
static void description_of(struct gsl_docgen *g, const struct gsl_subject *s,
			   const struct gsl_node *n)
{
	if (!gsl_docgen_enter(g, s, "the description of", gsl_node_loc(n)))
		return;
	bool any = false;
	struct gsl_aspects it;
	gsl_aspects_init(&it, s);
	for (const struct gsl_node *a; (a = gsl_aspects_next(&it));)
		if (a->tag == GSL_TAG_DESCRIPTION || a->tag == GSL_TAG_DESCRIPTION_WITH_HEADER) {
			gsl_docgen_text_node(g, a);
			any = true;
		}
	if (!any)
		gsl_docgen_text(g, gsl_arena_printf(g->arena, "<NO DESCRIPTION OF '%s'>",
						    gsl_subject_tgt(g->m, s)));
	gsl_docgen_leave(g);
}

/* The attributes or mappings of a kind, as symbols of their tgt names. */
static void aspects_of(struct gsl_docgen *g, const struct gsl_subject *s, enum gsl_tag which)
{
	struct gsl_aspects it;
	gsl_aspects_init(&it, s);
	for (const struct gsl_node *a; (a = gsl_aspects_next(&it));) {
		const struct gsl_subject *owner = it.subject->view[it.block].owner;
		const char *base = gsl_docgen_declared_name(g, owner);
		if (which == GSL_TAG_MAPPING && a->tag == GSL_TAG_MAPPING) {
			const char *t = gsl_arena_printf(g->arena, ".tgt.%s.<%u>", base,
							 gsl_aspect_index(owner, a));
			gsl_docgen_symbol(g, (struct gsl_str){ t, strlen(t) });
		} else if (which == GSL_TAG_ATTRIBUTE && (a->tag == GSL_TAG_ATTRIBUTE ||
							  a->tag == GSL_TAG_METHOD) &&
			   !(a->flags & GSL_NODE_BAD_ARG)) {
			for (const struct gsl_name *name = a->u.names; name; name = name->next) {
				const char *t = gsl_arena_printf(g->arena, ".tgt.%s.%.*s", base,
								 (int)name->len, name->text);
				gsl_docgen_symbol(g, (struct gsl_str){ t, strlen(t) });
			}
		}
	}
}

/* The kind of an attribute: the one kind its `kind of` names. */
static const struct gsl_subject *kind_of(const struct gsl_subject *attr)
{
	const struct gsl_subject *kind = NULL;
	for (const struct gsl_node *c = attr->node->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_KIND_OF && !(c->flags & GSL_NODE_BAD_ARG) && c->u.names &&
		    !c->u.names->next) {
			if (kind)
				return NULL;
			kind = c->u.names->ref;
		}
	return kind;
}

/* Directives about a definition named by their argument. */
static void about(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_str arg = gsl_docgen_take_arg(g, n, rest, 0);
	if (rest->first_child)
		gsl_docgen_error(g, rest->first_child->loc, "'%s' takes one argument, no content",
				 gsl_tag_name(n->tag));
	const struct gsl_subject *s = arg.len ? gsl_docgen_lookup(g, arg, gsl_node_loc(n)) : NULL;
	if (!s)
		return;
	bool attr = s->kind == GSL_SUBJECT_ATTRIBUTE;
	switch (n->tag) {
	case GSL_TAG_ID_OF:
		gsl_docgen_text(g, attr ? gsl_arena_printf(g->arena, ".tgt.%s",
							   gsl_docgen_declared_name(g, s))
					: gsl_subject_tgt(g->m, s));
		break;
	case GSL_TAG_NAME_OF:
		if (attr)
			gsl_docgen_textn(g, s->name->text, s->name->len);
		else
			gsl_docgen_text(g, gsl_subject_tgt(g->m, s));
		break;
	case GSL_TAG_DESCRIPTION_OF:
		description_of(g, s, n);
		break;
	case GSL_TAG_ATTR_NAME_OF:
	case GSL_TAG_KIND_OF: {
		const struct gsl_subject *kind = attr ? kind_of(s) : NULL;
		if (!attr || (n->tag == GSL_TAG_KIND_OF && !kind)) {
			gsl_docgen_error(g, gsl_node_loc(n), "'%s' needs an attribute with one "
					 "'kind of'", gsl_tag_name(n->tag));
			break;
		}
		const char *t = n->tag == GSL_TAG_KIND_OF
			? gsl_subject_tgt(g->m, kind)
			: gsl_arena_strndup(g->arena, s->name->text, s->name->len);
		gsl_docgen_symbol(g, (struct gsl_str){ t, strlen(t) });
		break;
	}
	case GSL_TAG_ATTRIBUTES_OF:
	case GSL_TAG_MAPPINGS_OF:
		if (!gsl_subject_is_kind(s))
			gsl_docgen_error(g, gsl_node_loc(n), "'%s' needs a kind", gsl_tag_name(n->tag));
		else
			aspects_of(g, s, n->tag == GSL_TAG_MAPPINGS_OF ? GSL_TAG_MAPPING
								      : GSL_TAG_ATTRIBUTE);
		break;
	default:
		gsl_docgen_error(g, gsl_node_loc(n), "'%s' needs a mapping, and mappings have "
				 "no names", gsl_tag_name(n->tag));
		break;
	}
}

/* `.use: macro` or `.use: macro: argument`, and the children as further
 * arguments: expands the macro's body. */

static void symbol(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_str arg = gsl_docgen_take_arg(g, n, rest, 0);
	if (rest->first_child)
		gsl_docgen_error(g, rest->first_child->loc, "'symbol' takes one argument, no "
				 "content");
	gsl_docgen_symbol(g, arg);
}

/* `.defines: a, b` collects names that `.specified definitions` emits. */
static void defines(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_dt_node *names = gsl_docgen_take_names(g, n, rest);
	for (const struct gsl_dt_node *c = names->first_child; c; c = c->next) {
		if (g->ndefines == g->defines_cap) {
			g->defines_cap = g->defines_cap ? 2 * g->defines_cap : 8;
			g->defines = gsl_xrealloc(g->ctx->mem, g->defines,
						  g->defines_cap * sizeof *g->defines);
		}
		g->defines[g->ndefines++] = gsl_docgen_symbol_str(c);
	}
}

void gsl_docgen_specified(struct gsl_docgen *g, const struct gsl_node *n)
{
	if (!g->ndefines)
		gsl_docgen_error(g, gsl_node_loc(n), "no definitions have been specified "
				 "(with 'defines')");
	for (size_t i = 0; i < g->ndefines; i++)
		gsl_docgen_symbol(g, g->defines[i]);
}

/* `.meta: name: content`: a meta element of the page's head. */
void gsl_docgen_meta(struct gsl_docgen *g, const struct gsl_node *n)
{
	struct gsl_str arg = gsl_node_arg_stripped(n);
	const char *colon = memchr(arg.ptr, ':', arg.len);
	if (!colon || colon == arg.ptr) {
		gsl_docgen_error(g, gsl_node_loc(n), "'meta' takes 'name: content'");
		return;
	}
	struct gsl_str name = gsl_str_strip((struct gsl_str){ arg.ptr, (size_t)(colon - arg.ptr) });
	struct gsl_str content = gsl_str_strip((struct gsl_str){ colon + 1,
		(size_t)(arg.ptr + arg.len - colon - 1) });
	struct gsl_dt_node *out = g->out;
	gsl_docgen_open_kind(g, GSL_DT_HEADER);
	struct gsl_dt_node *e = gsl_docgen_open(g, "meta");
	gsl_dt_add_attr(g->arena, e, "name", gsl_arena_strndup(g->arena, name.ptr, name.len));
	gsl_dt_add_attr(g->arena, e, "content", gsl_arena_strndup(g->arena, content.ptr,
								  content.len));
	g->out = out;
}

void gsl_docgen_directive(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	switch (n->tag) {
	case GSL_TAG_MAN_PAGE_OF:
		man_pages(g, n, rest);
		break;
	case GSL_TAG_REF:
		ref(g, n, rest);
		break;
	case GSL_TAG_LABEL:
		label(g, n, rest);
		break;
	case GSL_TAG_DEFINE:
		define_or_link(g, n, rest, GSL_DT_DEFINE);
		break;
	case GSL_TAG_LINK_TO:
		define_or_link(g, n, rest, GSL_DT_LINK);
		break;
	case GSL_TAG_SYMBOL:
		symbol(g, n, rest);
		break;
	case GSL_TAG_DEFINES:
		defines(g, n, rest);
		break;
	default:
		about(g, n, rest);
		break;
	}
}
