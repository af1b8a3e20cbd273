/* document.c: the expansion of a `.document:` into its tree. Markup is
 * passed through, macros and loops are expanded, other directives are
 * handed to directives.c. The expansion keeps its own stack of frames
 * instead of recursing, so markup nested 100,000 deep costs no C stack;
 * macros and man pages, which expand one another, nest up to a bound. */
#include "document.h"

#include <stdio.h>
#include <string.h>

/* How many nodes a document's expansion may visit: enough for any real
 * document, few enough that macros using one another many times over
 * stop in seconds. */
#define MAX_WORK 10000000

enum frame_kind {
	FRAME_LIST,      /* children expanded into an element */
	FRAME_DIRECTIVE, /* children expanded first, then the directive finished */
	FRAME_MACRO,     /* a macro's body; restores the caller's bindings */
	FRAME_FOR,       /* a loop's body, once for each name */
	FRAME_GSML,      /* children of `gsml`: text is read as HTML */
};

struct frame {
	enum frame_kind kind;
	const struct gsl_node *next;    /* the next source node to expand */
	struct gsl_dt_node *into;       /* where the expansion goes */
	const struct gsl_node *node;    /* DIRECTIVE, MACRO, FOR: whose frame it is */
	struct gsl_dt_node *result;     /* DIRECTIVE: where its output goes */
	struct gsl_dt_node *names;      /* FOR: the next name (a symbol) to bind */
	struct gsl_dt_node *saved_args; /* MACRO: the caller's macro arguments */
	size_t saved_scope;             /* MACRO: the caller's scope */
	size_t saved_bindings;          /* MACRO, FOR: bindings to drop at the end */
};

/* A macro or loop variable bound to a symbol (or to a macro argument). */
struct binding {
	struct gsl_str name;
	const struct gsl_dt_node *value;
};

/* ---- Output ------------------------------------------------------------ */

struct gsl_dt_node *gsl_docgen_put(struct gsl_docgen *g, enum gsl_dt_kind kind)
{
	struct gsl_dt_node *n = gsl_dt_new(g->arena, kind, g->loc);
	gsl_dt_append(g->out, n);
	return n;
}

struct gsl_dt_node *gsl_docgen_open_kind(struct gsl_docgen *g, enum gsl_dt_kind kind)
{
	return g->out = gsl_docgen_put(g, kind);
}

struct gsl_dt_node *gsl_docgen_open(struct gsl_docgen *g, const char *tag)
{
	struct gsl_dt_node *n = gsl_docgen_open_kind(g, GSL_DT_ELEMENT);
	n->u.elem.tag = tag;
	return n;
}

struct gsl_dt_node *gsl_docgen_open_link(struct gsl_docgen *g, enum gsl_dt_kind kind,
					 const char *link_name)
{
	struct gsl_dt_node *n = gsl_docgen_open_kind(g, kind);
	n->u.link.name = link_name;
	return n;
}

void gsl_docgen_close(struct gsl_docgen *g)
{
	g->out = g->out->parent;
}

void gsl_docgen_textn(struct gsl_docgen *g, const char *s, size_t n)
{
	gsl_dt_append(g->out, gsl_dt_text(g->arena, s, n, g->loc));
}

void gsl_docgen_text(struct gsl_docgen *g, const char *s)
{
	gsl_docgen_textn(g, s, strlen(s));
}

void gsl_docgen_char(struct gsl_docgen *g, const char *name)
{
	struct gsl_dt_node *c = gsl_docgen_put(g, GSL_DT_CHAR);
	c->u.text.ptr = name;
	c->u.text.len = strlen(name);
}

struct gsl_dt_node *gsl_docgen_symbol(struct gsl_docgen *g, struct gsl_str s)
{
	struct gsl_dt_node *n = gsl_dt_text(g->arena, s.ptr, s.len, g->loc);
	n->flags |= GSL_DT_SYMBOL;
	gsl_dt_append(g->out, n);
	return n;
}

/* A detached container for expanded children that a directive takes
 * its arguments from. */
struct gsl_dt_node *gsl_docgen_scratch(struct gsl_docgen *g)
{
	return gsl_dt_new(g->arena, GSL_DT_BLOCK, g->loc);
}

/* ---- Errors ------------------------------------------------------------ */

const char *gsl_docgen_name(struct gsl_docgen *g, const char *s, size_t n)
{
	const char *name = gsl_strmap_get(&g->names, s, n);
	if (!name) {
		char *copy = gsl_arena_strndup(g->arena, s, n);
		*gsl_strmap_slot(&g->names, copy, n) = copy;
		name = copy;
	}
	return name;
}

void gsl_docgen_error(struct gsl_docgen *g, struct gsl_loc loc, const char *fmt, ...)
{
	g->failed = true;
	if (g->quiet)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	gsl_error(g->ctx, loc, "%s", msg);
	for (size_t i = g->nframes; i-- > 0;)
		if (g->frames[i].kind == FRAME_MACRO)
			gsl_note(g->ctx, gsl_node_loc(g->frames[i].node), "in the macro used here");
}

/* ---- Frames and bindings ---------------------------------------------- */

static struct frame *push(struct gsl_docgen *g, enum frame_kind kind, const struct gsl_node *first,
			  struct gsl_dt_node *into)
{
	if (g->nframes == g->frames_cap) {
		g->frames_cap = g->frames_cap ? 2 * g->frames_cap : 64;
		g->frames = gsl_xrealloc(g->ctx->mem, g->frames, g->frames_cap * sizeof *g->frames);
	}
	struct frame *f = &g->frames[g->nframes++];
	*f = (struct frame){ .kind = kind, .next = first, .into = into };
	return f;
}

static void bind(struct gsl_docgen *g, struct gsl_str name, const struct gsl_dt_node *value)
{
	if (g->nbindings == g->bindings_cap) {
		g->bindings_cap = g->bindings_cap ? 2 * g->bindings_cap : 16;
		g->bindings = gsl_xrealloc(g->ctx->mem, g->bindings,
					   g->bindings_cap * sizeof *g->bindings);
	}
	g->bindings[g->nbindings++] = (struct binding){ name, value };
}

/* (The original substituted only arguments written without the blank
 * after the colon; here the blanks do not matter.) */
struct gsl_str gsl_docgen_expand_arg(struct gsl_docgen *g, struct gsl_str arg)
{
	struct gsl_str name = gsl_str_strip(arg);
	for (size_t i = g->nbindings; i-- > g->scope;) {
		const struct binding *b = &g->bindings[i];
		if (gsl_str_equal(b->name, name))
			return gsl_docgen_is_symbol(b->value) ? gsl_docgen_symbol_str(b->value) : arg;
	}
	return arg;
}

bool gsl_docgen_enter(struct gsl_docgen *g, const struct gsl_subject *what, const char *which,
		      struct gsl_loc loc)
{
	for (size_t i = 0; i < g->nactive; i++)
		if (g->active[i] == what) {
			gsl_docgen_error(g, loc, "%s '%.*s' includes itself", which,
					 (int)what->name->len, what->name->text);
			return false;
		}
	if (g->nactive == GSL_DOCGEN_NESTING) {
		gsl_docgen_error(g, loc, "man pages, descriptions and macros nested more than %d "
				 "deep", GSL_DOCGEN_NESTING);
		return false;
	}
	g->active[g->nactive++] = what;
	return true;
}

void gsl_docgen_leave(struct gsl_docgen *g)
{
	g->nactive--;
}

/* ---- Macros and loops ---------------------------------------------------- */

static void use(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	/* Symbols among the children are arguments too (the original took
	 * only one argument, after the colon). */
	struct gsl_str arg = gsl_docgen_take_arg(g, n, rest, GSL_ARG_MORE), name = arg;
	const char *colon = memchr(arg.ptr, ':', arg.len);
	if (colon && colon > arg.ptr) {
		name = gsl_str_strip((struct gsl_str){ arg.ptr, (size_t)(colon - arg.ptr) });
		struct gsl_str value = gsl_str_strip((struct gsl_str){ colon + 1,
			(size_t)(arg.ptr + arg.len - colon - 1) });
		if (!value.len)
			gsl_docgen_error(g, gsl_node_loc(n), "'use' takes 'macro' or 'macro: argument'");
		struct gsl_dt_node *args = gsl_docgen_scratch(g), *out = g->out;
		g->out = args;
		gsl_docgen_symbol(g, gsl_str_strip(gsl_docgen_expand_arg(g, value)));
		g->out = out;
		gsl_dt_move_children(args, rest);
		rest = args;
	}
	const struct gsl_subject *macro = name.len ? gsl_docgen_lookup(g, name, gsl_node_loc(n)) : NULL;
	macro = gsl_subject_target(macro);
	if (!macro)
		return;
	if (macro->kind != GSL_SUBJECT_MACRO) {
		gsl_docgen_error(g, gsl_node_loc(n), "'%.*s' is not a macro", (int)name.len, name.ptr);
		return;
	}
	if (!gsl_docgen_enter(g, macro, "the macro", gsl_node_loc(n)))
		return;
	struct frame *f = push(g, FRAME_MACRO, macro->node->first_child, g->out);
	f->node = n;
	f->saved_args = g->macro_args;
	f->saved_scope = g->scope;
	f->saved_bindings = g->nbindings;
	g->macro_args = rest;
	g->scope = g->nbindings;
}

/* `.args: a, b` in a macro: names its arguments. */
static void args(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	struct gsl_dt_node *names = gsl_docgen_take_names(g, n, rest);
	if (rest->first_child)
		gsl_docgen_error(g, rest->first_child->loc, "'args' takes only names");
	if (!g->macro_args) {
		gsl_docgen_error(g, gsl_node_loc(n), "'args' outside a macro");
		return;
	}
	size_t nnames = 0, nargs = 0;
	for (const struct gsl_dt_node *c = names->first_child; c; c = c->next)
		nnames++;
	for (const struct gsl_dt_node *c = g->macro_args->first_child; c; c = c->next)
		nargs++;
	if (nnames != nargs)
		gsl_docgen_error(g, gsl_node_loc(n), "%zu argument%s passed to the macro, %zu "
				 "named here", nargs, nargs == 1 ? "" : "s", nnames);
	const struct gsl_dt_node *a = g->macro_args->first_child;
	for (const struct gsl_dt_node *c = names->first_child; c && a; c = c->next, a = a->next)
		bind(g, gsl_docgen_symbol_str(c), a);
}

/* `.take all`, `.take first`, `.take rest`: copies of macro arguments. */
static void take(struct gsl_docgen *g, const struct gsl_node *n)
{
	if (!g->macro_args) {
		gsl_docgen_error(g, gsl_node_loc(n), "'%s' outside a macro", gsl_tag_name(n->tag));
		return;
	}
	const struct gsl_dt_node *a = g->macro_args->first_child;
	if (!a && n->tag != GSL_TAG_TAKE_ALL) {
		gsl_docgen_error(g, gsl_node_loc(n), "no argument passed to the macro");
		return;
	}
	if (n->tag == GSL_TAG_TAKE_REST)
		a = a->next;
	for (; a; a = n->tag == GSL_TAG_TAKE_FIRST ? NULL : a->next)
		gsl_dt_append(g->out, gsl_dt_copy(g->arena, a));
}

/* `.for: v` with `..in: a, b` and a body: the `in` list was expanded
 * into rest; starts the loop. */
static void loop(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	const struct gsl_node *in = n->first_child;
	struct gsl_dt_node *names = gsl_docgen_take_names(g, in, rest);
	if (rest->first_child)
		gsl_docgen_error(g, rest->first_child->loc, "'in' takes only names");
	if (!in->next) {
		gsl_docgen_error(g, gsl_node_loc(n), "'for' loop without a body");
		return;
	}
	if (!names->first_child)
		return;
	struct frame *f = push(g, FRAME_FOR, in->next, g->out);
	f->node = n;
	f->names = names->first_child->next;
	f->saved_bindings = g->nbindings;
	bind(g, gsl_name_str(n->u.names), names->first_child);
}

/* `.symbol: x`: an argument for the enclosing directive. */

/* Finishes a directive whose children have been expanded into rest. */
static void finish(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest)
{
	g->loc = gsl_node_loc(n);
	switch (n->tag) {
	case GSL_TAG_USE:
		use(g, n, rest);
		break;
	case GSL_TAG_ARGS:
		args(g, n, rest);
		break;
	case GSL_TAG_FOR:
		loop(g, n, rest);
		break;
	default:
		gsl_docgen_directive(g, n, rest);
		break;
	}
}

/* ---- Markup ------------------------------------------------------------- */

/* Adds the attribute lines (`href=...`) and `with` groups among the
 * children of n to the element e. */
static void add_attrs(struct gsl_docgen *g, struct gsl_dt_node *e, const struct gsl_node *n)
{
	for (const struct gsl_node *c = n->first_child; c; c = c->next) {
		if (c->tag == GSL_TAG_HTMLATTR) {
			struct gsl_str v = gsl_str_strip(gsl_docgen_expand_arg(g, gsl_node_arg_stripped(c)));
			gsl_dt_add_attr(g->arena, e, c->u.tag, gsl_arena_strndup(g->arena, v.ptr, v.len));
		} else if (c->tag == GSL_TAG_MARKUP && strcmp(c->u.tag, "with") == 0) {
			for (const struct gsl_node *a = c->first_child; a; a = a->next) {
				struct gsl_str v = gsl_str_strip(gsl_docgen_expand_arg(g, gsl_node_arg_stripped(a)));
				struct gsl_str t = gsl_node_tag(a);
				gsl_dt_add_attr(g->arena, e, gsl_docgen_name(g, t.ptr, t.len),
						gsl_arena_strndup(g->arena, v.ptr, v.len));
			}
		}
	}
}

static bool is_attr(const struct gsl_node *n)
{
	return n->tag == GSL_TAG_HTMLATTR ||
	       (n->tag == GSL_TAG_MARKUP && strcmp(n->u.tag, "with") == 0);
}

/* Text of n's argument, kept with its blanks (HTML shows them); flags
 * says whether it is an element's own argument. */
static void arg_text(struct gsl_docgen *g, const struct gsl_node *n, uint8_t flags)
{
	struct gsl_str arg = gsl_node_arg(n);
	if (!arg.len)
		return;
	struct gsl_dt_node *t = gsl_dt_text(g->arena, arg.ptr, arg.len, gsl_node_loc(n));
	t->flags |= flags;
	gsl_dt_append(g->out, t);
}

/* Markup: an element of the node's tag, its argument as text (or the
 * symbol a variable of that name is bound to), then its children. */
static void markup(struct gsl_docgen *g, const struct gsl_node *n)
{
	if (n->tag == GSL_TAG_MARKUP && strcmp(n->u.tag, "char") == 0) {
		struct gsl_str name = gsl_str_strip(gsl_docgen_expand_arg(g, gsl_node_arg_stripped(n)));
		gsl_docgen_char(g, gsl_arena_strndup(g->arena, name.ptr, name.len));
		return;
	}
	struct gsl_str tag = gsl_node_tag(n);
	struct gsl_dt_node *out = g->out;
	struct gsl_dt_node *e = gsl_docgen_open(g, n->tag == GSL_TAG_MARKUP ? n->u.tag
						: gsl_docgen_name(g, tag.ptr, tag.len));
	add_attrs(g, e, n);
	struct gsl_str arg = gsl_node_arg(n), value = gsl_docgen_expand_arg(g, arg);
	if (value.ptr != arg.ptr)
		gsl_docgen_symbol(g, value);
	else
		arg_text(g, n, GSL_DT_ARG);
	g->out = out;
	push(g, FRAME_LIST, n->first_child, e);
}

void gsl_docgen_text_node(struct gsl_docgen *g, const struct gsl_node *n)
{
	arg_text(g, n, 0);
	gsl_docgen_expand(g, n->first_child);
}

/* ---- The expansion loop ------------------------------------------------ */

/* Starts the expansion of node n into g->out. */
static void begin(struct gsl_docgen *g, const struct gsl_node *n)
{
	g->loc = gsl_node_loc(n);
	if (n->flags & GSL_NODE_BAD_ARG)
		return;
	if (++g->work > MAX_WORK) {
		if (g->work == MAX_WORK + 1)
			gsl_docgen_error(g, g->loc, "the document expands to more than %d nodes (do "
					 "macros use one another many times over?)", MAX_WORK);
		return;
	}
	struct frame *f;
	switch (n->tag) {
	case GSL_TAG_COMMENT:
	case GSL_TAG_OUTPUT:
	case GSL_TAG_TEST_OF:
	case GSL_TAG_HTMLATTR:
		return;
	case GSL_TAG_TEXT:
		arg_text(g, n, 0);
		push(g, FRAME_LIST, n->first_child, g->out);
		return;
	case GSL_TAG_DOCUMENT_TITLE:
		if (!g->tree->title.ptr)
			g->tree->title = gsl_node_arg(n);
		return;
	case GSL_TAG_DOCUMENT_LANG:
		g->tree->lang = gsl_node_arg_stripped(n);
		return;
	case GSL_TAG_HEADER:
	case GSL_TAG_BLOCK:
		push(g, FRAME_LIST, n->first_child,
		     gsl_docgen_put(g, n->tag == GSL_TAG_HEADER ? GSL_DT_HEADER : GSL_DT_BLOCK));
		return;
	case GSL_TAG_TAKE_ALL:
	case GSL_TAG_TAKE_FIRST:
	case GSL_TAG_TAKE_REST:
		take(g, n);
		return;
	case GSL_TAG_SPECIFIED_DEFINITIONS:
		gsl_docgen_specified(g, n);
		return;
	case GSL_TAG_FOR:
		if (!n->first_child || n->first_child->tag != GSL_TAG_IN) {
			gsl_docgen_error(g, gsl_node_loc(n), "a 'for' loop begins with 'in'");
			return;
		}
		f = push(g, FRAME_DIRECTIVE, n->first_child->first_child, gsl_docgen_scratch(g));
		f->node = n;
		f->result = g->out;
		return;
	case GSL_TAG_MAN_PAGE_OF:
	case GSL_TAG_REF:
	case GSL_TAG_LABEL:
	case GSL_TAG_DEFINE:
	case GSL_TAG_LINK_TO:
	case GSL_TAG_USE:
	case GSL_TAG_ARGS:
	case GSL_TAG_SYMBOL:
	case GSL_TAG_DEFINES:
	case GSL_TAG_ID_OF:
	case GSL_TAG_NAME_OF:
	case GSL_TAG_DESCRIPTION_OF:
	case GSL_TAG_KIND_OF:
	case GSL_TAG_ATTR_NAME_OF:
	case GSL_TAG_ARGUMENTS_OF:
	case GSL_TAG_ATTRIBUTES_OF:
	case GSL_TAG_MAPPINGS_OF:
		f = push(g, FRAME_DIRECTIVE, n->first_child, gsl_docgen_scratch(g));
		f->node = n;
		f->result = g->out;
		return;
	case GSL_TAG_SYNOPSIS_OF:
		gsl_docgen_error(g, gsl_node_loc(n), "'synopsis of' is not supported: mappings "
				 "have no names (use 'man page of' the kind)");
		return;
	case GSL_TAG_GSML: {
		struct gsl_dt_node *block = gsl_docgen_put(g, GSL_DT_BLOCK), *out = g->out;
		g->out = block;
		gsl_docgen_gsml(g, gsl_node_arg(n), gsl_node_loc(n));
		g->out = out;
		push(g, FRAME_GSML, n->first_child, block);
		return;
	}
	case GSL_TAG_META:
		gsl_docgen_meta(g, n);
		return;
	default:
		if (is_attr(n))
			return;
		markup(g, n);
		return;
	}
}

/* Ends the frame on top of the stack. */
static void end(struct gsl_docgen *g)
{
	struct frame f = g->frames[--g->nframes];
	switch (f.kind) {
	case FRAME_LIST:
	case FRAME_GSML:
		break;
	case FRAME_DIRECTIVE:
		g->out = f.result;
		finish(g, f.node, f.into);
		break;
	case FRAME_MACRO:
		g->macro_args = f.saved_args;
		g->scope = f.saved_scope;
		g->nbindings = f.saved_bindings;
		gsl_docgen_leave(g);
		break;
	case FRAME_FOR:
		g->nbindings = f.saved_bindings;
		if (f.names) {
			struct frame *again = push(g, FRAME_FOR, f.node->first_child->next, f.into);
			*again = f;
			again->next = f.node->first_child->next;
			again->names = f.names->next;
			bind(g, gsl_name_str(f.node->u.names), f.names);
		}
		break;
	}
}

void gsl_docgen_expand(struct gsl_docgen *g, const struct gsl_node *first)
{
	struct gsl_dt_node *out = g->out;
	size_t base = g->nframes;
	push(g, FRAME_LIST, first, out);
	while (g->nframes > base) {
		struct frame *f = &g->frames[g->nframes - 1];
		if (!f->next) {
			end(g);
			continue;
		}
		const struct gsl_node *n = f->next;
		f->next = n->next;
		g->out = f->into;
		if (f->kind == FRAME_GSML && n->tag == GSL_TAG_TEXT)
			gsl_docgen_gsml(g, gsl_node_arg(n), gsl_node_loc(n));
		else
			begin(g, n);
	}
	g->out = out;
}

struct gsl_doctree *gsl_docgen_document(struct gsl_model *m, const struct gsl_emit_options *opt,
					const struct gsl_document *d, struct gsl_arena *arena,
					bool quiet)
{
	struct gsl_ctx *ctx = m->ctx;
	struct gsl_doctree *tree = gsl_arena_alloc(arena, sizeof *tree);
	tree->doc = d;
	tree->name = d->name;
	tree->root = gsl_dt_new(arena, GSL_DT_ROOT, gsl_node_loc(d->node));
	struct gsl_docgen g = {
		.m = m,
		.ctx = ctx,
		.opt = opt,
		.arena = arena,
		.quiet = quiet,
		.tree = tree,
		.pkg = d->pkg,
		.out = tree->root,
		.loc = gsl_node_loc(d->node),
	};
	gsl_strmap_init(&g.names, ctx->mem);
	gsl_docgen_expand(&g, d->node->first_child);
	gsl_strmap_free(&g.names);
	gsl_xfree(ctx->mem, g.frames);
	gsl_xfree(ctx->mem, g.bindings);
	gsl_xfree(ctx->mem, g.defines);
	for (size_t i = 0; i < g.nspare; i++)
		gsl_xfree(ctx->mem, g.spare[i].items);
	gsl_xfree(ctx->mem, g.spare);
	tree->failed = g.failed;
	return tree;
}
