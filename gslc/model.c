/* model.c: building the model. Packages are loaded (the named files,
 * then what they import), their top-level definitions collected into
 * scopes, imports connected to what they import, `.and` blocks attached,
 * the view of each definition computed and the members of kinds
 * declared. References are resolved afterwards by resolve.c, so names
 * may be used before they are defined. */
#include "config.h"

#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "resolve.h"

/* subject->state while views are computed. */
enum { VIEW_NONE, VIEW_BUSY, VIEW_DONE };

static struct gsl_package *add_package(struct gsl_model *m, const char *name, uint32_t file,
				       bool main);

const struct gsl_subject *gsl_subject_target(const struct gsl_subject *s)
{
	while (s && s->kind == GSL_SUBJECT_IMPORT)
		s = s->origin;
	return s;
}

bool gsl_subject_is_kind(const struct gsl_subject *s)
{
	s = gsl_subject_target(s);
	return s && (s->kind == GSL_SUBJECT_KIND || s->kind == GSL_SUBJECT_SUPERKIND);
}

bool gsl_subject_is_superkind(const struct gsl_subject *s)
{
	s = gsl_subject_target(s);
	return s && s->kind == GSL_SUBJECT_SUPERKIND;
}

/* What a tgt name is made from: the definition, or the import itself
 * when it failed. */
static struct gsl_subject *named(const struct gsl_subject *s)
{
	const struct gsl_subject *t = gsl_subject_target(s);
	return (struct gsl_subject *)(t ? t : s);
}

const char *gsl_subject_tgt(struct gsl_model *m, const struct gsl_subject *s)
{
	/* Members are named after their owners; attributes nest, so the
	 * chain of owners is walked with an array, not recursion. */
	struct gsl_subject **chain = NULL;
	size_t depth = 0, cap = 0;
	for (struct gsl_subject *t = named(s); !t->tgt; t = named(t->owner)) {
		if (depth == cap) {
			cap = cap ? 2 * cap : 8;
			chain = gsl_xrealloc(m->ctx->mem, chain, cap * sizeof *chain);
		}
		chain[depth++] = t;
		if (!t->owner)
			break;
	}
	while (depth--) {
		struct gsl_subject *t = chain[depth];
		int n = (int)t->name->len;
		t->tgt = t->owner
			? gsl_arena_printf(&m->ctx->arena, "%s.%.*s", named(t->owner)->tgt, n, t->name->text)
			: gsl_arena_printf(&m->ctx->arena, ".tgt.%s.%.*s", t->pkg->name, n, t->name->text);
	}
	gsl_xfree(m->ctx->mem, chain);
	return named(s)->tgt;
}

void gsl_model_name_all(struct gsl_model *m)
{
	if (m->named)
		return;
	/* Attributes nest: a stack of the members still to name. */
	const struct gsl_mem *mem = m->ctx->mem;
	struct gsl_subject **stack = NULL;
	size_t n = 0, cap = 0;
	for (struct gsl_package *p = m->packages; p; p = p->next)
		for (struct gsl_subject *def = p->defs; def; def = def->next) {
			for (struct gsl_subject *s = def;; s = stack[--n]) {
				gsl_subject_tgt(m, s);
				for (struct gsl_subject *ms = s->members; ms; ms = ms->next) {
					if (n == cap) {
						cap = cap ? 2 * cap : 64;
						stack = gsl_xrealloc(mem, stack, cap * sizeof *stack);
					}
					stack[n++] = ms;
				}
				if (!n)
					break;
			}
		}
	gsl_xfree(mem, stack);
	m->named = true;
}

struct gsl_str gsl_subject_name(const struct gsl_subject *s)
{
	return gsl_name_str(s->name);
}

/* ---- Packages and their top-level definitions --------------------------- */

static struct gsl_subject *new_subject(struct gsl_model *m, enum gsl_subject_kind kind,
				       const struct gsl_name *name, const struct gsl_node *node,
				       struct gsl_package *pkg, struct gsl_subject *owner)
{
	struct gsl_subject *s = gsl_arena_alloc(&m->ctx->arena, sizeof *s);
	s->kind = (uint8_t)kind;
	s->name = name;
	s->node = node;
	s->pkg = pkg;
	s->owner = owner;
	return s;
}

const char *gsl_subject_kind_name(enum gsl_subject_kind kind)
{
	static const char *const names[] = {
		[GSL_SUBJECT_KIND] = "kind",
		[GSL_SUBJECT_SUPERKIND] = "superkind",
		[GSL_SUBJECT_CONDITION] = "condition",
		[GSL_SUBJECT_MACRO] = "macro",
		[GSL_SUBJECT_IMPORT] = "import",
		[GSL_SUBJECT_ATTRIBUTE] = "attribute",
	};
	return names[kind];
}

/* Adds a top-level definition to its package's scope. */
static void define(struct gsl_model *m, struct gsl_package *pkg, enum gsl_subject_kind kind,
		   struct gsl_name *name, const struct gsl_node *node)
{
	void **slot = gsl_strmap_slot(&pkg->scope, name->text, name->len);
	if (*slot) {
		const struct gsl_subject *first = *slot;
		gsl_error(m->ctx, name->loc, "redefinition of '%.*s'", (int)name->len, name->text);
		gsl_note(m->ctx, first->name->loc, "'%.*s' was first defined here as a %s",
			 (int)name->len, name->text, gsl_subject_kind_name(first->kind));
		return;
	}
	struct gsl_subject *s = new_subject(m, kind, name, node, pkg, NULL);
	name->ref = s;
	*slot = s;
	if (pkg->last_def)
		pkg->last_def->next = s;
	else
		pkg->defs = s;
	pkg->last_def = s;
}

static bool usable(const struct gsl_node *n)
{
	return !(n->flags & GSL_NODE_BAD_ARG);
}

/* The file of a package named `a.b` imported from the file `from_path`:
 * a/b.gsl beside it, else on the include path. NULL if not found. */
static const char *find_package_file(struct gsl_model *m, struct gsl_str name,
				     const char *from_path)
{
	struct gsl_ctx *ctx = m->ctx;
	char *rel = gsl_arena_printf(&ctx->arena, "%.*s.gsl", (int)name.len, name.ptr);
	for (char *c = rel; *c; c++)
		if (*c == '.' && c[1] != 'g')
			*c = '/';
	rel[name.len] = '.';
	const char *slash = strrchr(from_path, '/');
	int dir = slash ? (int)(slash - from_path) + 1 : 0;
	const char *path = gsl_arena_printf(&ctx->arena, "%.*s%s", dir, from_path, rel);
	bool found = gsl_ctx_exists(ctx, path);
	for (size_t i = 0; !found && i < ctx->ninclude_dirs; i++) {
		path = gsl_arena_printf(&ctx->arena, "%s/%s", ctx->include_dirs[i], rel);
		found = gsl_ctx_exists(ctx, path);
	}
	return found ? path : NULL;
}

/* Loads the packages an `.import` names in its `..from:` clauses. */
static void load_imports(struct gsl_model *m, struct gsl_package *pkg, const struct gsl_node *imp)
{
	for (const struct gsl_node *c = imp->first_child; c; c = c->next) {
		if (c->tag != GSL_TAG_FROM || !usable(c))
			continue;
		for (const struct gsl_name *n = c->u.names; n; n = n->next) {
			struct gsl_str name = gsl_name_str(n);
			struct gsl_package *p = gsl_strmap_get(&m->by_name, name.ptr, name.len);
			if (p && p->loading) {
				gsl_error(m->ctx, n->loc, "import cycle: '%.*s' imports '%s', which "
					  "is still being loaded", (int)name.len, name.ptr, pkg->name);
				continue;
			}
			if (p)
				continue;
			const char *path = find_package_file(m, name,
							     gsl_ctx_file(m->ctx, pkg->file)->path);
			if (!path) {
				gsl_error(m->ctx, n->loc, "cannot find '%.*s.gsl' to import from",
					  (int)name.len, name.ptr);
				continue;
			}
			uint32_t file = gsl_ctx_load(m->ctx, path, gsl_node_loc(c));
			if (file)
				add_package(m, gsl_intern(m->ctx, name.ptr, name.len), file, false);
		}
	}
}

static void add_document(struct gsl_model *m, struct gsl_package *pkg, const struct gsl_node *n)
{
	struct gsl_document *d = gsl_arena_alloc(&m->ctx->arena, sizeof *d);
	struct gsl_str name = gsl_name_str(n->u.names);
	/* The name makes the names of the files written into the output
	 * directory: a slash would write elsewhere. */
	if (memchr(name.ptr, '/', name.len))
		gsl_error(m->ctx, n->u.names->loc, "a document's name names its files: "
			  "'%.*s' may not hold a '/'", (int)name.len, name.ptr);
	d->name = gsl_intern(m->ctx, name.ptr, name.len);
	d->node = n;
	d->pkg = pkg;
	if (m->last_document)
		m->last_document->next = d;
	else
		m->documents = d;
	m->last_document = d;
}

/* Collects the top-level definitions of a package and loads what it
 * imports. */
static void collect(struct gsl_model *m, struct gsl_package *pkg)
{
	static const enum gsl_subject_kind kinds[GSL_TAG_COUNT] = {
		[GSL_TAG_KIND] = GSL_SUBJECT_KIND,
		[GSL_TAG_SUPERKIND] = GSL_SUBJECT_SUPERKIND,
		[GSL_TAG_CONDITION] = GSL_SUBJECT_CONDITION,
		[GSL_TAG_MACRO] = GSL_SUBJECT_MACRO,
		[GSL_TAG_IMPORT] = GSL_SUBJECT_IMPORT,
	};
	for (const struct gsl_node *n = pkg->root->first_child; n; n = n->next) {
		if (!usable(n))
			continue;
		switch (n->tag) {
		case GSL_TAG_KIND:
		case GSL_TAG_SUPERKIND:
		case GSL_TAG_CONDITION:
		case GSL_TAG_MACRO:
		case GSL_TAG_IMPORT:
			for (struct gsl_name *name = n->u.names; name; name = name->next)
				define(m, pkg, kinds[n->tag], name, n);
			if (n->tag == GSL_TAG_IMPORT)
				load_imports(m, pkg, n);
			break;
		default:
			break;
		}
	}
}

/* Makes a loaded file a package, parses it, and loads what it imports. */
static struct gsl_package *add_package(struct gsl_model *m, const char *name, uint32_t file,
				       bool main)
{
	struct gsl_ctx *ctx = m->ctx;
	struct gsl_package *pkg = gsl_arena_alloc(&ctx->arena, sizeof *pkg);
	pkg->name = name;
	pkg->file = file;
	pkg->main = main;
	gsl_strmap_init(&pkg->scope, ctx->mem);
	*gsl_strmap_slot(&m->by_name, name, strlen(name)) = pkg;
	if (m->last_package)
		m->last_package->next = pkg;
	else
		m->packages = pkg;
	m->last_package = pkg;

	pkg->root = gsl_parse_file(ctx, file);
	pkg->loading = true;
	collect(m, pkg);
	pkg->loading = false;
	return pkg;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (strcmp(a, b) == 0)
		return true; /* also files that a reader gives */
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* The package name of a file named on the command line: its base name
 * without ".gsl". */
static const char *main_package_name(struct gsl_ctx *ctx, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".gsl") == 0)
		len -= 4;
	return gsl_intern(ctx, base, len);
}

/* ---- Imports ------------------------------------------------------------------ */

/* The node of the first child of n with the given tag, or NULL. */
static const struct gsl_node *child(const struct gsl_node *n, enum gsl_tag tag)
{
	for (const struct gsl_node *c = n->first_child; c; c = c->next)
		if (c->tag == tag)
			return c;
	return NULL;
}

/* The position of name in the list that starts at first, or -1. */
static int position(const struct gsl_name *first, const struct gsl_name *name)
{
	int i = 0;
	for (const struct gsl_name *n = first; n; n = n->next, i++)
		if (n == name)
			return i;
	return -1;
}

static const struct gsl_name *nth(const struct gsl_name *n, int i)
{
	while (n && i-- > 0)
		n = n->next;
	return n;
}

/* Connects an import to what it imports from each `from` package. */
static void resolve_import(struct gsl_model *m, struct gsl_subject *s)
{
	struct gsl_ctx *ctx = m->ctx;
	const struct gsl_node *imp = s->node;
	const struct gsl_node *from = child(imp, GSL_TAG_FROM);
	const struct gsl_node *using = child(imp, GSL_TAG_USING);
	const struct gsl_node *resolve_by = child(imp, GSL_TAG_RESOLVE_BY);
	if (!from) {
		gsl_error(ctx, s->name->loc, "import of '%.*s' has no 'from' clause",
			  (int)s->name->len, s->name->text);
		return;
	}
	if (!usable(from))
		return;
	/* `..using: b` imports the name b under the local name. */
	struct gsl_str wanted = gsl_subject_name(s);
	if (using && usable(using)) {
		const struct gsl_name *u = nth(using->u.names, position(imp->u.names, s->name));
		if (u)
			wanted = gsl_name_str(u);
	}
	if (from->u.names && from->u.names->next && !resolve_by)
		gsl_error(ctx, gsl_node_loc(from), "importing from several packages needs a "
			  "'resolve by: and' or 'resolve by: or' clause");
	struct gsl_subject *first = NULL;
	for (const struct gsl_name *p = from->u.names; p; p = p->next) {
		struct gsl_package *pkg = gsl_strmap_get(&m->by_name, p->text, p->len);
		if (!pkg)
			continue; /* reported when loading */
		struct gsl_subject *o = gsl_strmap_get(&pkg->scope, wanted.ptr, wanted.len);
		if (!o) {
			gsl_error(ctx, p->loc, "'%s' defines no '%.*s' to import", pkg->name,
				  (int)wanted.len, wanted.ptr);
			continue;
		}
		if (!first)
			first = o;
		else if (gsl_subject_target(o) != gsl_subject_target(first) &&
			 gsl_subject_target(o) && gsl_subject_target(first))
			gsl_error(ctx, p->loc, "'%.*s' from '%s' is not the definition that '%s' "
				  "gives it", (int)wanted.len, wanted.ptr, pkg->name,
				  first->pkg->name);
	}
	s->origin = first;
}

/* Checks the clauses of an import and the lengths of `using` lists. */
static void check_import(struct gsl_model *m, const struct gsl_node *imp)
{
	struct gsl_ctx *ctx = m->ctx;
	int seen_resolve = 0, seen_using = 0;
	for (const struct gsl_node *c = imp->first_child; c; c = c->next) {
		switch (c->tag) {
		case GSL_TAG_RESOLVE_BY:
			if (seen_resolve++)
				gsl_error(ctx, gsl_node_loc(c), "second 'resolve by' clause");
			else if (usable(c) && !gsl_str_eq(gsl_name_str(c->u.names), "and") &&
				 !gsl_str_eq(gsl_name_str(c->u.names), "or"))
				gsl_error(ctx, c->u.names->loc, "'resolve by' takes 'and' or 'or'");
			break;
		case GSL_TAG_USING: {
			if (seen_using++)
				gsl_error(ctx, gsl_node_loc(c), "second 'using' clause");
			int n = 0, k = 0;
			for (const struct gsl_name *x = c->u.names; x; x = x->next)
				n++;
			for (const struct gsl_name *x = imp->u.names; x; x = x->next)
				k++;
			if (usable(c) && n != k)
				gsl_error(ctx, gsl_node_loc(c), "'using' names %d name%s for %d "
					  "imported name%s", n, n == 1 ? "" : "s", k, k == 1 ? "" : "s");
			break;
		}
		default:
			break;
		}
	}
}

/* ---- Blocks and views ------------------------------------------------------ */

/* A block found in a package, before it is given to its subject. */
struct pending {
	struct gsl_subject *subject;
	const struct gsl_node *node;
	size_t order;               /* position in the file */
};

struct pendings {
	struct pending *items;
	size_t len;
	size_t cap;
};

static void add_pending(struct gsl_model *m, struct pendings *p, struct gsl_subject *s,
			const struct gsl_node *node)
{
	if (p->len == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 256;
		p->items = gsl_xrealloc(m->ctx->mem, p->items, p->cap * sizeof *p->items);
	}
	p->items[p->len] = (struct pending){ s, node, p->len };
	p->len++;
}

/* By subject, then in file order. */
static int by_subject(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	if (x->subject != y->subject)
		return (uintptr_t)x->subject < (uintptr_t)y->subject ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Finds the blocks of a package: the nodes that define kinds,
 * superkinds and conditions, and the `.and` nodes, whose targets are
 * looked up in the package scope. */
static void find_blocks(struct gsl_model *m, struct gsl_package *pkg, struct pendings *p)
{
	for (const struct gsl_node *n = pkg->root->first_child; n; n = n->next) {
		if (!usable(n))
			continue;
		switch (n->tag) {
		case GSL_TAG_KIND:
		case GSL_TAG_SUPERKIND:
		case GSL_TAG_CONDITION:
			for (const struct gsl_name *name = n->u.names; name; name = name->next)
				if (name->ref && name->ref->node == n)
					add_pending(m, p, name->ref, n);
			break;
		case GSL_TAG_AND:
			for (struct gsl_name *name = n->u.names; name; name = name->next) {
				struct gsl_subject *s = gsl_strmap_get(&pkg->scope, name->text, name->len);
				if (!s) {
					gsl_error(m->ctx, name->loc, "'.and' names '%.*s', which is not "
						  "defined or imported here", (int)name->len, name->text);
					continue;
				}
				name->ref = s;
				add_pending(m, p, s, n);
			}
			break;
		default:
			break;
		}
	}
}

/* Gives each subject its own blocks, in file order, as its view; the
 * views of imports are completed by complete_view. */
static void own_views(struct gsl_model *m, struct pendings *p)
{
	if (p->len)
		qsort(p->items, p->len, sizeof *p->items, by_subject);
	for (size_t i = 0; i < p->len;) {
		size_t j = i;
		while (j < p->len && p->items[j].subject == p->items[i].subject)
			j++;
		struct gsl_subject *s = p->items[i].subject;
		struct gsl_block *view = gsl_arena_alloc(&m->ctx->arena, (j - i) * sizeof *view);
		for (size_t k = i; k < j; k++)
			view[k - i] = (struct gsl_block){ p->items[k].node, s };
		s->view = view;
		s->nview = (uint32_t)(j - i);
		i = j;
	}
}

/* Puts the view of what s imports before its own blocks. The import
 * chain is followed with an explicit stack; a chain that comes back on
 * itself is reported. */
static void complete_view(struct gsl_model *m, struct gsl_subject *s)
{
	struct gsl_subject **stack = NULL;
	size_t depth = 0, cap = 0;
	for (struct gsl_subject *t = s; t && t->state != VIEW_DONE; t = t->origin) {
		if (t->state == VIEW_BUSY) {
			gsl_error(m->ctx, t->name->loc, "'%.*s' imports itself", (int)t->name->len,
				  t->name->text);
			break;
		}
		t->state = VIEW_BUSY;
		if (depth == cap) {
			cap = cap ? 2 * cap : 16;
			stack = gsl_xrealloc(m->ctx->mem, stack, cap * sizeof *stack);
		}
		stack[depth++] = t;
	}
	while (depth) {
		struct gsl_subject *t = stack[--depth];
		const struct gsl_subject *o = t->origin;
		if (o && o->state == VIEW_DONE && o->nview) {
			uint32_t n = o->nview + t->nview;
			struct gsl_block *view = gsl_arena_alloc(&m->ctx->arena, n * sizeof *view);
			memcpy(view, o->view, o->nview * sizeof *view);
			if (t->nview)
				memcpy(view + o->nview, t->view, t->nview * sizeof *view);
			t->view = view;
			t->nview = n;
		}
		t->state = VIEW_DONE;
	}
	gsl_xfree(m->ctx->mem, stack);
}

/* ---- Members ----------------------------------------------------------------- */

/* The members an owner has so far, by name, to find duplicates:
 * attributes and conditions are named apart. */
struct member_names {
	struct gsl_strmap attributes;
	struct gsl_strmap conditions;
};

static struct gsl_strmap *names_of(struct member_names *mn, enum gsl_subject_kind kind)
{
	return kind == GSL_SUBJECT_CONDITION ? &mn->conditions : &mn->attributes;
}

/* Records ms; reports it when its owner already has a member so named. */
static void check_unique(struct gsl_model *m, struct member_names *mn, struct gsl_subject *ms)
{
	void **slot = gsl_strmap_slot(names_of(mn, ms->kind), ms->name->text, ms->name->len);
	if (*slot) {
		const struct gsl_subject *first = *slot;
		gsl_error(m->ctx, ms->name->loc, "'%.*s' has a second %s named '%.*s'",
			  (int)ms->owner->name->len, ms->owner->name->text,
			  gsl_subject_kind_name(ms->kind), (int)ms->name->len, ms->name->text);
		gsl_note(m->ctx, first->name->loc, "the first is here");
		return;
	}
	*slot = ms;
}

/* Declares a member of owner named name, defined by node c. */
static struct gsl_subject *declare(struct gsl_model *m, struct gsl_subject *owner,
				   const struct gsl_node *c, struct gsl_name *name)
{
	bool attr = c->tag != GSL_TAG_CONDITION;
	struct gsl_subject *ms = new_subject(m, attr ? GSL_SUBJECT_ATTRIBUTE : GSL_SUBJECT_CONDITION,
					     name, c, owner->pkg, owner);
	name->ref = ms;
	/* A member's own aspects are its node's children. */
	struct gsl_block *view = gsl_arena_alloc(&m->ctx->arena, sizeof *view);
	*view = (struct gsl_block){ c, ms };
	ms->view = view;
	ms->nview = 1;
	ms->state = VIEW_DONE;
	return ms;
}

/* Declares the members in the own blocks of owner, in order, and puts
 * its attributes on the work queue (their attributes come next). */
static void declare_own(struct gsl_model *m, struct gsl_subject *owner,
			struct gsl_subject ***queue, size_t *tail, size_t *cap)
{
	struct member_names mn;
	gsl_strmap_init(&mn.attributes, m->ctx->mem);
	gsl_strmap_init(&mn.conditions, m->ctx->mem);
	/* What it imports comes first, and may not be declared again. */
	for (uint32_t i = 0; i < owner->nview; i++)
		if (owner->view[i].owner != owner && (!i || owner->view[i - 1].owner != owner->view[i].owner))
			for (struct gsl_subject *ms = owner->view[i].owner->members; ms; ms = ms->next)
				*gsl_strmap_slot(names_of(&mn, ms->kind), ms->name->text, ms->name->len) = ms;
	struct gsl_subject *last = NULL;
	for (uint32_t i = 0; i < owner->nview; i++) {
		if (owner->view[i].owner != owner)
			continue;
		for (const struct gsl_node *c = owner->view[i].node->first_child; c; c = c->next) {
			bool member = c->tag == GSL_TAG_ATTRIBUTE || c->tag == GSL_TAG_METHOD ||
				      c->tag == GSL_TAG_CONDITION;
			if (!member || !usable(c))
				continue;
			for (struct gsl_name *name = c->u.names; name; name = name->next) {
				struct gsl_subject *ms = declare(m, owner, c, name);
				check_unique(m, &mn, ms);
				if (last)
					last->next = ms;
				else
					owner->members = ms;
				last = ms;
				if (c->tag != GSL_TAG_ATTRIBUTE)
					continue;
				/* Attributes have attributes: declared later. */
				if (*tail == *cap) {
					*cap *= 2;
					*queue = gsl_xrealloc(m->ctx->mem, *queue, *cap * sizeof **queue);
				}
				(*queue)[(*tail)++] = ms;
			}
		}
	}
	gsl_strmap_free(&mn.attributes);
	gsl_strmap_free(&mn.conditions);
}

/* Declares the attributes and conditions in the own blocks of s, then
 * those of its attributes, breadth first (attributes nest). */
static void declare_members(struct gsl_model *m, struct gsl_subject *s)
{
	size_t head = 0, tail = 0, cap = 16;
	struct gsl_subject **queue = gsl_xmalloc(m->ctx->mem, cap * sizeof *queue);
	queue[tail++] = s;
	while (head < tail)
		declare_own(m, queue[head++], &queue, &tail, &cap);
	gsl_xfree(m->ctx->mem, queue);
}

const struct gsl_subject *gsl_subject_member(const struct gsl_subject *s, struct gsl_str name,
					     enum gsl_subject_kind kind)
{
	/* Later blocks may be of the same owner as earlier ones; an owner's
	 * members are searched at its first block only. */
	for (uint32_t i = 0; i < s->nview; i++) {
		const struct gsl_subject *owner = s->view[i].owner;
		if (i && s->view[i - 1].owner == owner)
			continue;
		for (const struct gsl_subject *ms = owner->members; ms; ms = ms->next)
			if (ms->kind == kind && gsl_str_equal(gsl_subject_name(ms), name))
				return ms;
	}
	return NULL;
}

/* ---- Aspects -------------------------------------------------------------------- */

void gsl_aspects_init(struct gsl_aspects *it, const struct gsl_subject *s)
{
	it->subject = s;
	it->block = 0;
	it->node = NULL;
}

const struct gsl_node *gsl_aspects_next(struct gsl_aspects *it)
{
	const struct gsl_subject *s = it->subject;
	if (it->node && it->node->next)
		return it->node = it->node->next;
	if (it->node)
		it->block++;
	while (it->block < s->nview && !s->view[it->block].node->first_child)
		it->block++;
	if (it->block >= s->nview)
		return it->node = NULL;
	return it->node = s->view[it->block].node->first_child;
}

uint32_t gsl_aspect_index(const struct gsl_subject *owner, const struct gsl_node *aspect)
{
	uint32_t index = 0;
	for (uint32_t i = 0; i < owner->nview; i++) {
		if (owner->view[i].owner != owner)
			continue;
		for (const struct gsl_node *c = owner->view[i].node->first_child; c; c = c->next) {
			if (c == aspect)
				return index;
			index++;
		}
	}
	return index;
}

/* ---- Documents ------------------------------------------------------------------ */

static const char *const format_names[] = { "html", "xhtml", "latex", "tester", "unittest",
					    "ctest" };

unsigned gsl_format_lookup(struct gsl_str name)
{
	for (unsigned i = 0; i < sizeof format_names / sizeof *format_names; i++) {
		const char *f = format_names[i];
		size_t k = 0;
		while (k < name.len && f[k] && (name.ptr[k] | 0x20) == f[k])
			k++;
		if (k == name.len && !f[k])
			return 1u << i;
	}
	return 0;
}

const char *gsl_format_name(unsigned format)
{
	for (unsigned i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if (format == 1u << i)
			return format_names[i];
	return "?";
}

/* Parses `coverage: length N` or `coverage: N`; returns false if it is
 * neither. */
static bool parse_coverage(struct gsl_str s, struct gsl_coverage *c)
{
	s = gsl_str_strip(s);
	*c = (struct gsl_coverage){ .n = 1 };
	if (s.len >= 6 && memcmp(s.ptr, "length", 6) == 0) {
		c->length = true;
		s.ptr += 6;
		s.len -= 6;
		s = gsl_str_strip(s);
	}
	if (!s.len || s.len > 6)
		return false;
	uint32_t n = 0;
	for (size_t i = 0; i < s.len; i++) {
		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return false;
		n = n * 10 + (uint32_t)(s.ptr[i] - '0');
	}
	c->n = n;
	return true;
}

struct gsl_coverage gsl_test_coverage(const struct gsl_node *test_of)
{
	struct gsl_coverage c = { .n = 1 };
	const struct gsl_node *cov = child(test_of, GSL_TAG_COVERAGE);
	if (cov)
		parse_coverage(gsl_node_arg(cov), &c);
	return c;
}

/* Checks a document's output formats, targets and test coverage. */
static void check_document(struct gsl_model *m, struct gsl_document *d)
{
	struct gsl_ctx *ctx = m->ctx;
	const struct gsl_node *output = NULL;
	for (const struct gsl_node *c = d->node->first_child; c; c = c->next) {
		if (c->tag == GSL_TAG_OUTPUT) {
			if (output) {
				gsl_error(ctx, gsl_node_loc(c), "second 'output' of document '%s'", d->name);
				gsl_note(ctx, gsl_node_loc(output), "the first is here");
				continue;
			}
			output = c;
			if (!usable(c))
				continue;
			for (const struct gsl_name *n = c->u.names; n; n = n->next) {
				unsigned f = gsl_format_lookup(gsl_name_str(n));
				if (!f)
					gsl_error(ctx, n->loc, "unknown output format '%.*s' (expected one "
						  "of %s)", (int)n->len, n->text, GSL_FORMAT_NAMES);
				d->formats |= f;
			}
		} else if ((c->tag == GSL_TAG_MAN_PAGE_OF || c->tag == GSL_TAG_TEST_OF) && usable(c)) {
			for (struct gsl_name *n = c->u.names; n; n = n->next) {
				n->ref = (struct gsl_subject *)gsl_resolve_path(m, d->pkg, NULL,
										gsl_name_str(n), n->loc, true);
				if (n->ref && !gsl_subject_is_kind(n->ref)) {
					gsl_error(ctx, n->loc, "'%.*s' is not a kind", (int)n->len, n->text);
					n->ref = NULL;
				}
			}
		}
		if (c->tag == GSL_TAG_TEST_OF) {
			int covs = 0;
			for (const struct gsl_node *k = c->first_child; k; k = k->next) {
				struct gsl_coverage cov;
				if (k->tag == GSL_TAG_COMMENT)
					continue;
				if (k->tag != GSL_TAG_COVERAGE)
					gsl_error(ctx, gsl_node_loc(k), "'test of' takes only a 'coverage'");
				else if (covs++)
					gsl_error(ctx, gsl_node_loc(k), "second 'coverage' of this test");
				else if (!parse_coverage(gsl_node_arg(k), &cov))
					gsl_error(ctx, gsl_node_loc(k), "coverage is 'length N' or 'N', "
						  "N a number of calls");
			}
		}
	}
	if (!output)
		gsl_error(ctx, gsl_node_loc(d->node), "document '%s' has no 'output' (one or more "
			  "of %s)", d->name, GSL_FORMAT_NAMES);
}

/* ---- The whole ---------------------------------------------------------------- */

void gsl_model_free(struct gsl_model *m)
{
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next)
		gsl_strmap_free(&pkg->scope);
	gsl_strmap_free(&m->by_name);
}

struct gsl_model *gsl_model_build(struct gsl_ctx *ctx, const char *const *paths, int npaths)
{
	uint32_t *files = gsl_xmalloc(ctx->mem, ((size_t)npaths + 1) * sizeof *files);
	int n = 0;
	for (int i = 0; i < npaths; i++) {
		uint32_t file = gsl_ctx_load(ctx, paths[i], gsl_loc(0, 0, 0));
		if (file)
			files[n++] = file;
	}
	struct gsl_model *m = gsl_model_build_files(ctx, files, n);
	gsl_xfree(ctx->mem, files);
	return m;
}

struct gsl_model *gsl_model_build_files(struct gsl_ctx *ctx, const uint32_t *files, int nfiles)
{
	struct gsl_model *m = gsl_arena_alloc(&ctx->arena, sizeof *m);
	m->ctx = ctx;
	gsl_strmap_init(&m->by_name, ctx->mem);
	for (int i = 0; i < nfiles; i++) {
		const char *path = gsl_ctx_file(ctx, files[i])->path;
		const char *name = main_package_name(ctx, path);
		struct gsl_package *pkg = gsl_strmap_get(&m->by_name, name, strlen(name));
		if (!pkg) {
			add_package(m, name, files[i], true);
			continue;
		}
		/* Named on the command line after a file that imports it. */
		if (!same_file(gsl_ctx_file(ctx, pkg->file)->path, path))
			gsl_error(ctx, gsl_loc(0, 0, 0), "two files give the package name '%s': "
				  "'%s' and '%s'", name, gsl_ctx_file(ctx, pkg->file)->path, path);
		pkg->main = true;
	}
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next) {
		for (struct gsl_subject *s = pkg->defs; s; s = s->next)
			if (s->kind == GSL_SUBJECT_IMPORT)
				resolve_import(m, s);
		for (const struct gsl_node *n = pkg->root->first_child; n; n = n->next)
			if (n->tag == GSL_TAG_IMPORT)
				check_import(m, n);
	}
	struct pendings p = { 0 };
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next)
		find_blocks(m, pkg, &p);
	own_views(m, &p);
	gsl_xfree(ctx->mem, p.items);
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next)
		for (struct gsl_subject *s = pkg->defs; s; s = s->next)
			complete_view(m, s);
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next)
		for (struct gsl_subject *s = pkg->defs; s; s = s->next)
			if (s->kind != GSL_SUBJECT_IMPORT && s->kind != GSL_SUBJECT_MACRO)
				declare_members(m, s);
	/* `.and` blocks of imports declare members too. */
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next)
		for (struct gsl_subject *s = pkg->defs; s; s = s->next)
			if (s->kind == GSL_SUBJECT_IMPORT)
				declare_members(m, s);
	for (struct gsl_package *pkg = m->packages; pkg; pkg = pkg->next) {
		gsl_resolve_package(m, pkg);
		gsl_check_package(m, pkg);
		if (!pkg->main)
			continue;
		for (const struct gsl_node *n = pkg->root->first_child; n; n = n->next)
			if (n->tag == GSL_TAG_DOCUMENT && usable(n) && n->u.names)
				add_document(m, pkg, n);
	}
	for (struct gsl_document *d = m->documents; d; d = d->next)
		check_document(m, d);
	return m;
}
