/* surface.c: reads the model of one side into its surface. Every kind
 * and superkind gets a shape made of all its blocks, wherever they are
 * written (`.and` blocks of imports included); attributes, returned
 * values and calls get shapes of their own, built from a work queue so
 * that deep nesting costs no C stack. */
#include "config.h"

#include "surface.h"

#include <stdlib.h>
#include <string.h>

/* ---- Kinds ------------------------------------------------------------------ */

uint32_t compat_kind_find(const struct compat_side *side, const char *tgt, size_t len)
{
	void *v = gsl_strmap_get(&side->by_tgt, tgt, len);
	return v ? (uint32_t)((uintptr_t)v - 1) : COMPAT_NONE;
}

/* The kind that subject s defines, or COMPAT_NONE. */
static uint32_t kind_of_def(const struct compat_side *side, const struct gsl_subject *s)
{
	void *v = s ? gsl_ptrmap_get(&side->by_def, gsl_ptr_key(s)) : NULL;
	return v ? (uint32_t)((uintptr_t)v - 1) : COMPAT_NONE;
}

static uint32_t add_kind(struct compat_side *side, struct compat_kind *k)
{
	if (side->nkinds == side->cap) {
		side->cap = side->cap ? 2 * side->cap : 256;
		side->kinds = gsl_xrealloc(side->ctx.mem, side->kinds,
					   side->cap * sizeof *side->kinds);
	}
	k->match = COMPAT_NONE;
	side->kinds[side->nkinds] = k;
	*gsl_strmap_slot(&side->by_tgt, k->tgt, strlen(k->tgt)) =
		(void *)(uintptr_t)(side->nkinds + 1);
	return side->nkinds++;
}

/* The tgt of the kind a name refers to: its definition's, or "?name"
 * for a name that did not resolve to a kind (already reported). */
static const char *ref_tgt(const struct compat_side *side, const struct gsl_name *name,
			   struct gsl_buf *scratch)
{
	const struct gsl_subject *s = gsl_subject_target(name->ref);
	if (s && gsl_subject_is_kind(s))
		return gsl_subject_tgt(side->model, s);
	gsl_buf_clear(scratch);
	gsl_buf_printf(scratch, "?%.*s", (int)name->len, name->text);
	return gsl_buf_cstr(scratch);
}

uint32_t compat_kind_of_name(const struct compat_side *side, const struct gsl_name *name)
{
	if (!name)
		return COMPAT_ANY;
	const struct gsl_subject *s = gsl_subject_target(name->ref);
	uint32_t found = kind_of_def(side, s);
	if (found != COMPAT_NONE)
		return found;
	struct gsl_buf scratch;
	gsl_buf_init(&scratch, side->ctx.mem);
	const char *tgt = ref_tgt(side, name, &scratch);
	uint32_t k = compat_kind_find(side, tgt, strlen(tgt));
	gsl_buf_free(&scratch);
	return k == COMPAT_NONE ? COMPAT_ANY : k;
}

/* As compat_kind_of_name, adding a kind for a name that did not
 * resolve. */
uint32_t surface_kind(struct builder *b, const struct gsl_name *name)
{
	if (!name)
		return COMPAT_ANY;
	struct compat_side *side = b->side;
	const struct gsl_subject *s = gsl_subject_target(name->ref);
	uint32_t found = kind_of_def(side, s);
	if (found != COMPAT_NONE)
		return found;
	const char *tgt = ref_tgt(side, name, &b->scratch);
	uint32_t k = compat_kind_find(side, tgt, strlen(tgt));
	if (k != COMPAT_NONE)
		return k;
	struct compat_kind *u = gsl_arena_alloc(b->arena, sizeof *u);
	u->tgt = gsl_arena_strdup(b->arena, tgt);
	u->path = u->name = u->tgt + 1;
	u->pkg = "";
	u->loc = name->loc;
	u->unknown = true;
	return add_kind(side, u);
}

/* The kinds named in a list, appended to an arena array. */
void surface_add_kinds(struct builder *b, uint32_t **kinds, uint32_t *n,
			   const struct gsl_name *names)
{
	uint32_t count = 0;
	for (const struct gsl_name *x = names; x; x = x->next)
		count++;
	if (!count)
		return;
	uint32_t *all = gsl_arena_alloc(b->arena, (*n + count) * sizeof *all);
	if (*n)
		memcpy(all, *kinds, *n * sizeof *all);
	for (const struct gsl_name *x = names; x; x = x->next)
		all[(*n)++] = surface_kind(b, x);
	*kinds = all;
}

/* ---- The work queue --------------------------------------------------------- */

void surface_push(struct builder *b, struct job job)
{
	if (b->njobs == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 1024;
		b->jobs = gsl_xrealloc(b->side->ctx.mem, b->jobs, b->cap * sizeof *b->jobs);
	}
	b->jobs[b->njobs++] = job;
}

const struct gsl_node **surface_nodes(struct builder *b, uint32_t n)
{
	return gsl_arena_alloc(b->arena, n * sizeof(const struct gsl_node *));
}

const char *surface_name(struct builder *b, const struct gsl_name *n)
{
	return gsl_intern(&b->side->ctx, n->text, n->len);
}

/* The name `.self` gives among the children of n, else self. */
static const char *own_self(struct builder *b, const struct gsl_node *n, const char *self)
{
	for (const struct gsl_node *c = n->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_SELF && surface_usable(c) && c->u.names)
			return surface_name(b, c->u.names);
	return self;
}

/* ---- Members ---------------------------------------------------------------- */

static void add_entry(struct builder *b, const char *key, const struct gsl_node *n,
		      struct gsl_loc loc, enum compat_member_type type)
{
	if (b->nentries == b->entries_cap) {
		b->entries_cap = b->entries_cap ? 2 * b->entries_cap : 64;
		b->entries = gsl_xrealloc(b->side->ctx.mem, b->entries,
					  b->entries_cap * sizeof *b->entries);
	}
	b->entries[b->nentries] = (struct entry){ key, n, loc, (uint32_t)b->nentries, (uint8_t)type };
	b->nentries++;
}

static int by_key(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* How an operator tag is written: its prefix in member keys and the
 * form of its calls. */
static bool operator_form(enum gsl_tag tag, const char **prefix, enum compat_how *how)
{
	switch (tag) {
	case GSL_TAG_OPERATOR: *prefix = "op"; *how = COMPAT_HOW_BINARY; return true;
	case GSL_TAG_INPLACE_OPERATOR: *prefix = "iop"; *how = COMPAT_HOW_INPLACE; return true;
	case GSL_TAG_REVERSE_OPERATOR: *prefix = "rop"; *how = COMPAT_HOW_REVERSE; return true;
	case GSL_TAG_FUNCTION_OPERATOR: *prefix = "fop"; *how = COMPAT_HOW_FUNCTION; return true;
	case GSL_TAG_GETITEM: *prefix = "getitem"; *how = COMPAT_HOW_GETITEM; return true;
	case GSL_TAG_SETITEM: *prefix = "setitem"; *how = COMPAT_HOW_SETITEM; return true;
	case GSL_TAG_DELITEM: *prefix = "delitem"; *how = COMPAT_HOW_DELITEM; return true;
	default: return false;
	}
}

/* Turns the entries of a job into its shape's members: entries with one
 * key make one member; attributes get a job for their value. */
static void make_members(struct builder *b, struct job *job)
{
	struct compat_shape *shape = job->shape;
	if (!b->nentries)
		return;
	qsort(b->entries, b->nentries, sizeof *b->entries, by_key);
	uint32_t groups = 0;
	for (size_t i = 0; i < b->nentries; i++)
		groups += i == 0 || strcmp(b->entries[i].key, b->entries[i - 1].key) != 0;
	if (!groups)
		return;
	shape->members = gsl_arena_alloc(b->arena, groups * sizeof *shape->members);
	for (size_t i = 0, j; i < b->nentries; i = j) {
		for (j = i + 1; j < b->nentries && strcmp(b->entries[j].key, b->entries[i].key) == 0;)
			j++;
		const struct entry *e = &b->entries[i];
		struct compat_member *m = &shape->members[shape->nmembers++];
		*m = (struct compat_member){ .key = e->key, .node = e->node, .loc = e->loc,
					     .owner = job->kind, .type = e->type };
		m->shape = gsl_arena_alloc(b->arena, sizeof *m->shape);
		if (e->type == COMPAT_MEMBER_ATTR) {
			struct job sub = { .shape = m->shape, .nodes = surface_nodes(b, (uint32_t)(j - i)),
					   .kind = COMPAT_NONE, .self = job->self };
			for (size_t k = i; k < j; k++)
				sub.nodes[sub.nnodes++] = b->entries[k].node;
			surface_push(b, sub);
			continue;
		}
		m->shape->calls = gsl_arena_alloc(b->arena, (j - i) * sizeof *m->shape->calls);
		for (size_t k = i; k < j; k++) {
			const struct gsl_node *n = b->entries[k].node;
			const char *prefix;
			enum compat_how how;
			operator_form(n->tag, &prefix, &how);
			const char *colon = strchr(e->key, ':');
			surface_read_call(b, &m->shape->calls[m->shape->ncalls++], n, how,
				  colon ? colon + 1 : NULL, job->self);
		}
	}
}

/* ---- Kind-level aspects ------------------------------------------------------ */

static void append_node(struct builder *b, const struct gsl_node ***list, uint32_t *n,
			const struct gsl_node *node)
{
	const struct gsl_node **all = surface_nodes(b, *n + 1);
	if (*n)
		memcpy(all, *list, *n * sizeof *all);
	all[(*n)++] = node;
	*list = all;
}

/* The python code of a condition, stripped and joined, with the
 * contexts it runs in. */
static const char *condition_code(struct builder *b, const struct gsl_node *cond)
{
	struct gsl_buf code;
	gsl_buf_init(&code, b->side->ctx.mem);
	for (const struct gsl_node *c = cond->first_child; c; c = c->next) {
		if (c->tag != GSL_TAG_PYTHON_CODE)
			continue;
		for (const struct gsl_node *x = c->first_child; x; x = x->next)
			if (x->tag == GSL_TAG_IN_CONTEXT) {
				struct gsl_str s = gsl_node_arg_stripped(x);
				gsl_buf_printf(&code, "%.*s\n", (int)s.len, s.ptr);
			}
		struct gsl_str s = gsl_node_arg_stripped(c);
		gsl_buf_printf(&code, "%.*s\n", (int)s.len, s.ptr);
	}
	const char *text = gsl_arena_strdup(b->arena, gsl_buf_cstr(&code));
	gsl_buf_free(&code);
	return text;
}

static void kind_aspect(struct builder *b, struct compat_kind *k, const struct gsl_node *c)
{
	switch (c->tag) {
	case GSL_TAG_SUPERKIND_OF:
		surface_add_kinds(b, &k->covers, &k->ncovers, c->u.names);
		break;
	case GSL_TAG_EXAMPLE:
		append_node(b, &k->examples, &k->nexamples, c);
		break;
	case GSL_TAG_CONSTRUCTOR: {
		const struct gsl_name **all = gsl_arena_alloc(b->arena, (k->nctors + 1) * sizeof *all);
		if (k->nctors)
			memcpy(all, k->ctors, k->nctors * sizeof *all);
		if (c->u.names)
			all[k->nctors++] = c->u.names;
		k->ctors = all;
		break;
	}
	case GSL_TAG_CONDITION: {
		uint32_t count = 0;
		for (const struct gsl_name *x = c->u.names; x; x = x->next)
			count++;
		struct compat_condef *all = gsl_arena_alloc(b->arena,
							    (k->nconds + count) * sizeof *all);
		if (k->nconds)
			memcpy(all, k->conds, k->nconds * sizeof *all);
		const char *code = condition_code(b, c);
		for (const struct gsl_name *x = c->u.names; x; x = x->next)
			all[k->nconds++] = (struct compat_condef){ x->ref, code };
		k->conds = all;
		break;
	}
	default:
		break;
	}
}

/* ---- Jobs ------------------------------------------------------------------- */

/* A new call of shape; shapes have few calls, so they are copied. */
static struct compat_call *new_call(struct builder *b, struct compat_shape *shape)
{
	struct compat_call *calls = gsl_arena_alloc(b->arena, (shape->ncalls + 1) * sizeof *calls);
	if (shape->ncalls)
		memcpy(calls, shape->calls, shape->ncalls * sizeof *calls);
	shape->calls = calls;
	return &calls[shape->ncalls++];
}

static void aspect(struct builder *b, struct job *job, const struct gsl_node *c)
{
	struct compat_shape *shape = job->shape;
	const char *prefix;
	enum compat_how how;
	switch (c->tag) {
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUBKIND_OF:
		surface_add_kinds(b, &shape->kinds, &shape->nkinds, c->u.names);
		return;
	case GSL_TAG_EITHER:
		surface_add_kinds(b, &shape->either, &shape->neither, c->u.names);
		return;
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
		for (const struct gsl_name *x = c->u.names; x; x = x->next)
			add_entry(b, surface_name(b, x), c, x->loc, COMPAT_MEMBER_ATTR);
		return;
	case GSL_TAG_MAPPING:
		surface_read_call(b, new_call(b, shape), c, COMPAT_HOW_CALL, NULL, job->self);
		return;
	default:
		break;
	}
	if (operator_form(c->tag, &prefix, &how)) {
		enum compat_member_type type = how >= COMPAT_HOW_GETITEM ? COMPAT_MEMBER_ITEM
									 : COMPAT_MEMBER_OPERATOR;
		if (type == COMPAT_MEMBER_ITEM) {
			add_entry(b, prefix, c, gsl_node_loc(c), type);
			return;
		}
		for (const struct gsl_name *x = c->u.names; x; x = x->next)
			add_entry(b, gsl_arena_printf(b->arena, "%s:%.*s", prefix, (int)x->len, x->text),
				  c, x->loc, type);
		return;
	}
	if (job->kind != COMPAT_NONE)
		kind_aspect(b, b->side->kinds[job->kind], c);
}

static void run_job(struct builder *b, struct job *job)
{
	b->nentries = 0;
	for (uint32_t i = 0; i < job->nnodes; i++)
		job->self = own_self(b, job->nodes[i], job->self);
	job->shape->self = job->self;
	for (uint32_t i = 0; i < job->nnodes; i++) {
		const struct gsl_node *n = job->nodes[i];
		if (n->tag == GSL_TAG_METHOD) {
			/* A method is an attribute whose node is also its mapping. */
			surface_read_call(b, new_call(b, job->shape), n, COMPAT_HOW_CALL, NULL, job->self);
			continue;
		}
		for (const struct gsl_node *c = n->first_child; c; c = c->next)
			if (surface_usable(c))
				aspect(b, job, c);
	}
	make_members(b, job);
}

/* ---- The whole ---------------------------------------------------------------- */

/* Whether block i of s's view is written for s itself (not inherited
 * from what s imports). */
static bool own_block(const struct gsl_subject *s, uint32_t i)
{
	return s->view[i].owner == s;
}

/* Calls f(b, k, node) for each own block of each kind, wherever it is
 * written: at the definition, or in an `.and` of an import of it. */
static void each_block(struct builder *b, void (*f)(struct builder *, uint32_t,
						      const struct gsl_node *, void *), void *data)
{
	struct gsl_model *m = b->side->model;
	for (struct gsl_package *p = m->packages; p; p = p->next)
		for (struct gsl_subject *s = p->defs; s; s = s->next) {
			const struct gsl_subject *t = gsl_subject_target(s);
			uint32_t k = kind_of_def(b->side, t);
			if (k == COMPAT_NONE)
				continue;
			for (uint32_t i = 0; i < s->nview; i++)
				if (own_block(s, i))
					f(b, k, s->view[i].node, data);
		}
}

static void count_block(struct builder *b, uint32_t k, const struct gsl_node *n, void *data)
{
	(void)b, (void)n;
	((uint32_t *)data)[k]++;
}

static void take_block(struct builder *b, uint32_t k, const struct gsl_node *n, void *data)
{
	struct job *job = &((struct job *)data)[k];
	(void)b;
	job->nodes[job->nnodes++] = n;
}

void compat_surface_build(struct compat_side *side)
{
	struct gsl_model *m = side->model;
	const struct gsl_mem *mem = side->ctx.mem;
	struct builder b = { .side = side, .arena = &side->ctx.arena };
	gsl_buf_init(&b.scratch, mem);
	for (struct gsl_package *p = m->packages; p; p = p->next)
		for (struct gsl_subject *s = p->defs; s; s = s->next) {
			if (s->kind != GSL_SUBJECT_KIND && s->kind != GSL_SUBJECT_SUPERKIND)
				continue;
			struct compat_kind *k = gsl_arena_alloc(b.arena, sizeof *k);
			k->tgt = gsl_subject_tgt(m, s);
			k->path = k->tgt + strlen(".tgt.");
			k->name = gsl_intern(&side->ctx, s->name->text, s->name->len);
			k->pkg = p->name;
			k->loc = s->name->loc;
			k->superkind = s->kind == GSL_SUBJECT_SUPERKIND;
			*gsl_ptrmap_slot(&side->by_def, gsl_ptr_key(s)) =
				(void *)(uintptr_t)(add_kind(side, k) + 1);
		}
	/* One job per kind, over all its blocks. */
	uint32_t ndefs = side->nkinds;
	uint32_t *nblocks = gsl_xmalloc(mem, (ndefs + 1) * sizeof *nblocks);
	memset(nblocks, 0, (ndefs + 1) * sizeof *nblocks);
	each_block(&b, count_block, nblocks);
	struct job *jobs = gsl_xmalloc(mem, (ndefs + 1) * sizeof *jobs);
	for (uint32_t k = 0; k < ndefs; k++)
		jobs[k] = (struct job){ .shape = &side->kinds[k]->shape,
					.nodes = surface_nodes(&b, nblocks[k] + 1), .kind = k };
	each_block(&b, take_block, jobs);
	for (uint32_t k = 0; k < ndefs; k++)
		surface_push(&b, jobs[k]);
	gsl_xfree(mem, jobs);
	gsl_xfree(mem, nblocks);
	while (b.head < b.njobs) {
		struct job job = b.jobs[b.head++];
		run_job(&b, &job);
	}
	gsl_xfree(mem, b.jobs);
	gsl_xfree(mem, b.entries);
	gsl_buf_free(&b.scratch);
}
