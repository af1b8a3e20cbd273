/* testplan.c: planning the tests of a document, one `test of` kind at a
 * time, and what the plans of a document share: examples, conditions and
 * the calls of each mapping. */
#include "testplan_int.h"

#include <stdarg.h>
#include <string.h>

/* ---- Small containers -------------------------------------------------- */

void tp_vec_push(const struct gsl_mem *mem, struct tp_vec *vec, void *p)
{
	if (vec->n == vec->cap) {
		vec->cap = vec->cap ? 2 * vec->cap : 16;
		vec->v = gsl_xrealloc(mem, vec->v, vec->cap * sizeof *vec->v);
	}
	vec->v[vec->n++] = p;
}

void *tp_vec_copy(struct gsl_arena *a, const struct tp_vec *vec)
{
	void **copy = gsl_arena_alloc(a, (vec->n + 1) * sizeof *copy);
	for (uint32_t i = 0; i < vec->n; i++)
		copy[i] = vec->v[i];
	return copy;
}

/* ---- What the plans share ---------------------------------------------- */

bool tp_usable(const struct gsl_node *n)
{
	return !(n->flags & GSL_NODE_BAD_ARG);
}

bool tp_report_once(struct gsl_testdoc *td, const struct gsl_node *n)
{
	void **slot = gsl_ptrmap_slot(&td->reported, gsl_ptr_key(n));
	if (*slot)
		return false;
	*slot = (void *)n;
	return td->report;
}

void tp_error(struct gsl_testdoc *td, struct gsl_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gsl_emit_job_vdiag(td->job, loc, GSL_ERROR, fmt, ap);
	va_end(ap);
	td->errors++;
}

const char *tp_intern(struct gsl_testdoc *td, const char *s, size_t len)
{
	const char *found = gsl_strmap_get(&td->keywords, s, len);
	if (found)
		return found;
	char *copy = gsl_arena_strndup(td->arena, s, len);
	*gsl_strmap_slot(&td->keywords, copy, len) = copy;
	return copy;
}

struct gsl_str tp_spec_name(const struct gsl_node *n)
{
	if (!tp_usable(n))
		return (struct gsl_str){ "", 0 };
	if (n->tag == GSL_TAG_SELF)
		return n->u.names ? gsl_name_str(n->u.names) : (struct gsl_str){ "", 0 };
	if (n->u.argspec->name)
		return gsl_name_str(n->u.argspec->name);
	for (const struct gsl_node *c = n->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_NAME && tp_usable(c) && c->u.names)
			return gsl_name_str(c->u.names);
	return (struct gsl_str){ "", 0 };
}

/* The path of a package's file as tests quote it: its package name with
 * dots made slashes, and ".gsl". */
static const char *package_path(struct gsl_testdoc *td, uint32_t file)
{
	for (const struct gsl_package *p = td->m->packages; p; p = p->next)
		if (p->file == file) {
			char *path = gsl_arena_printf(td->arena, "%s.gsl", p->name);
			for (char *c = path + strlen(p->name); c-- > path;)
				if (*c == '.')
					*c = '/';
			return path;
		}
	const char *path = gsl_ctx_file(td->ctx, file)->path;
	const char *base = strrchr(path, '/');
	return base ? base + 1 : path;
}

const char *gsl_testdoc_where(struct gsl_testdoc *td, const struct gsl_node *n)
{
	const char *where = gsl_ptrmap_get(&td->wheres, gsl_ptr_key(n));
	if (where)
		return where;
	/* Files are keyed by odd numbers, which no node's address is. */
	void **file = gsl_ptrmap_slot(&td->wheres, ((uint64_t)n->file << 1) | 1);
	if (!*file)
		*file = (void *)package_path(td, n->file);
	where = gsl_arena_printf(td->arena, "%s:%u", (const char *)*file, n->line);
	*gsl_ptrmap_slot(&td->wheres, gsl_ptr_key(n)) = (void *)where;
	return where;
}

const struct gsl_tp_example *tp_example(struct gsl_testdoc *td, const struct gsl_node *eg)
{
	void **slot = gsl_ptrmap_slot(&td->examples, gsl_ptr_key(eg));
	if (*slot)
		return *slot;
	struct gsl_tp_example *x = gsl_arena_alloc(td->arena, sizeof *x);
	x->node = eg;
	x->where = gsl_testdoc_where(td, eg);
	x->expr = gsl_node_arg_stripped(eg);
	if (memchr(x->expr.ptr, '\n', x->expr.len)) {
		/* As the original does: a multi-line expression is parenthesised. */
		char *p = gsl_arena_printf(td->arena, "(%.*s)", (int)x->expr.len, x->expr.ptr);
		x->expr = (struct gsl_str){ p, x->expr.len + 2 };
	}
	for (const struct gsl_node *c = eg->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_IN_CONTEXT) {
			x->context = gsl_node_arg_stripped(c);
			break;
		}
	*slot = x;
	return x;
}

void tp_kind_examples(struct gsl_testdoc *td, const struct gsl_subject *kind, struct tp_vec *out)
{
	struct gsl_aspects it;
	gsl_aspects_init(&it, kind);
	for (const struct gsl_node *n; (n = gsl_aspects_next(&it));)
		if (n->tag == GSL_TAG_EXAMPLE)
			tp_vec_push(td->ctx->mem, out, (void *)tp_example(td, n));
}

/* ---- The document ------------------------------------------------------ */

/* The lowest format bit of mask that the document asks for. */
static unsigned first_format(const struct gsl_document *d, unsigned mask)
{
	unsigned f = d->formats & mask;
	return f & -f;
}

/* A tester document holds `test of` directives; man pages and titles
 * belong to its other formats and comments to nobody. */
static void check_children(struct gsl_testdoc *td)
{
	for (const struct gsl_node *c = td->d->node->first_child; c; c = c->next) {
		switch (c->tag) {
		case GSL_TAG_OUTPUT:
		case GSL_TAG_TEST_OF:
		case GSL_TAG_MAN_PAGE_OF:
		case GSL_TAG_SYNOPSIS_OF:
		case GSL_TAG_DOCUMENT_TITLE:
		case GSL_TAG_DOCUMENT_LANG:
		case GSL_TAG_COMMENT:
			break;
		default: {
			struct gsl_str tag = gsl_node_tag(c);
			tp_error(td, gsl_node_loc(c), "a document with %s output holds only "
				 "'test of' directives, not '%.*s'",
				 gsl_format_name(first_format(td->d, GSL_FORMAT_TESTER |
							      GSL_FORMAT_UNITTEST |
							      GSL_FORMAT_CTEST)),
				 (int)tag.len, tag.ptr);
		}
		}
	}
}

static struct gsl_testdoc *open_testdoc(struct gsl_testjob *tj)
{
	const struct gsl_ctx *ctx = tj->job.e->ctx;
	const struct gsl_document *d = tj->d;
	struct gsl_testdoc *td = gsl_xmalloc(ctx->mem, sizeof *td);
	unsigned tests = GSL_FORMAT_TESTER | GSL_FORMAT_UNITTEST | GSL_FORMAT_CTEST;
	unsigned making = GSL_FORMAT_UNITTEST | GSL_FORMAT_CTEST;
	*td = (struct gsl_testdoc){
		.job = &tj->job,
		.m = tj->job.e->model,
		.ctx = ctx,
		.d = d,
		.format = tj->format,
		.report = first_format(d, tests) == tj->format,
		.origins = (tj->format & making) != 0,
		.report_origins = first_format(d, making) == tj->format,
		.arena = tj->job.scratch,
		.test_of = d->node->first_child,
	};
	gsl_arena_init(&td->scratch, ctx->mem);
	gsl_ptrmap_init(&td->examples, ctx->mem);
	gsl_ptrmap_init(&td->conds, ctx->mem);
	gsl_ptrmap_init(&td->calls, ctx->mem);
	gsl_ptrmap_init(&td->wheres, ctx->mem);
	gsl_ptrmap_init(&td->members, ctx->mem);
	gsl_ptrmap_init(&td->reported, ctx->mem);
	gsl_ptrmap_init(&td->superkind_examples, ctx->mem);
	gsl_strmap_init(&td->keywords, ctx->mem);
	gsl_strmap_init(&td->vertices, ctx->mem);
	gsl_buf_init(&td->buf, ctx->mem);
	if (td->report)
		check_children(td);
	return td;
}

static void close_testdoc(struct gsl_testdoc *td)
{
	const struct gsl_mem *mem = td->ctx->mem;
	gsl_ptrmap_free(&td->examples);
	gsl_ptrmap_free(&td->conds);
	gsl_ptrmap_free(&td->calls);
	gsl_ptrmap_free(&td->wheres);
	gsl_ptrmap_free(&td->members);
	gsl_ptrmap_free(&td->reported);
	gsl_ptrmap_free(&td->superkind_examples);
	gsl_strmap_free(&td->keywords);
	gsl_strmap_free(&td->vertices);
	gsl_buf_free(&td->buf);
	gsl_xfree(mem, td->new_examples.v);
	gsl_xfree(mem, td->new_conds.v);
	gsl_xfree(mem, td->all_vertices.v);
	gsl_xfree(mem, td->made.v);
	gsl_arena_free(&td->scratch);
	gsl_xfree(mem, td);
}

/* A job of gsl_testdoc_later: the document planned as its writer asks. */
static void run(struct gsl_emit_job *job)
{
	struct gsl_testjob *tj = (struct gsl_testjob *)job;
	struct gsl_testdoc *td = open_testdoc(tj);
	tj->write(tj, td);
	close_testdoc(td);
}

void gsl_testdoc_later(struct gsl_emit *e, const struct gsl_document *d, unsigned format,
		       const char *file,
		       void (*write)(struct gsl_testjob *tj, struct gsl_testdoc *td))
{
	/* Jobs read tgt names at once: none may be made while they run. */
	gsl_model_name_all(e->model);
	struct gsl_testjob *tj = gsl_arena_alloc(&e->ctx->arena, sizeof *tj);
	*tj = (struct gsl_testjob){
		.job.run = run,
		.d = d,
		.format = format,
		.out = gsl_emit_file(e, d, file),
		.write = write,
	};
	gsl_emit_later(e, &tj->job);
}

/* The next kind named by a `test of` of the document, or NULL. */
static const struct gsl_name *next_name(struct gsl_testdoc *td)
{
	for (;;) {
		const struct gsl_name *n;
		if (td->name) {
			n = td->name->next;
		} else {
			while (td->test_of && (td->test_of->tag != GSL_TAG_TEST_OF ||
					       !tp_usable(td->test_of)))
				td->test_of = td->test_of->next;
			if (!td->test_of)
				return NULL;
			n = td->test_of->u.names;
		}
		for (; n; n = n->next)
			if (n->ref)
				return td->name = n;
		td->test_of = td->test_of->next;
		td->name = NULL;
	}
}

static void use_example(struct gsl_testdoc *td, const struct gsl_tp_example *x)
{
	struct gsl_tp_example *ex = (struct gsl_tp_example *)x;
	if (!ex->context.len || ex->number)
		return;
	ex->number = ++td->nexamples;
	tp_vec_push(td->ctx->mem, &td->new_examples, ex);
}

static void use_args(struct gsl_testdoc *td, const struct gsl_tp_args *a)
{
	for (uint32_t i = 0; i < a->n; i++)
		use_example(td, a->v[i].example);
}

static void use_check(struct gsl_testdoc *td, const struct gsl_tp_check *c)
{
	struct gsl_tp_condition *cond = (struct gsl_tp_condition *)c->cond;
	if (cond->number == TP_UNNUMBERED) {
		cond->number = td->nconds++;
		tp_vec_push(td->ctx->mem, &td->new_conds, cond);
	}
	for (uint32_t i = 0; i < c->noperands; i++)
		if (c->operands[i].kind == GSL_TP_ARGUMENT)
			use_example(td, c->operands[i].value->example);
}

static void use_arrow(struct gsl_testdoc *td, const struct gsl_tp_arrow *a)
{
	if (a->setup)
		use_args(td, &a->setup->args);
	for (uint32_t i = 0; i < a->neqs; i++)
		use_check(td, &a->eqs[i].pre);
	use_args(td, &a->args);
	for (uint32_t i = 0; i < a->nposts; i++)
		use_check(td, &a->posts[i]);
	for (uint32_t i = 0; i < a->neqs; i++)
		for (uint32_t j = 0; j < a->eqs[i].nposts; j++)
			use_check(td, &a->eqs[i].posts[j]);
}

/* Numbers the examples and conditions the plan uses first, in the order
 * its steps were made (each step once: steps below may be shared). */
static void use_plan(struct gsl_testdoc *td)
{
	struct gsl_testplan *p = &td->plan;
	td->new_examples.n = td->new_conds.n = 0;
	if (p->origin) {
		use_example(td, p->origin->example);
		for (uint32_t i = 0; i < p->origin->nconstructs; i++)
			use_args(td, &p->origin->constructs[i].args);
	}
	if (p->root.first_child)
		for (uint32_t i = 0; i < td->made.n; i++)
			use_arrow(td, ((const struct gsl_tp_step *)td->made.v[i])->arrow);
	p->new_examples = (const struct gsl_tp_example *const *)td->new_examples.v;
	p->nnew_examples = td->new_examples.n;
	p->new_conds = (const struct gsl_tp_condition *const *)td->new_conds.v;
	p->nnew_conds = td->new_conds.n;
}

const struct gsl_testplan *gsl_testdoc_next(struct gsl_testdoc *td)
{
	const struct gsl_name *name = next_name(td);
	if (!name)
		return NULL;
	gsl_arena_reset(&td->scratch);
	gsl_strmap_free(&td->vertices);
	td->all_vertices.n = 0;
	td->narrows = 0;
	const struct gsl_subject *kind = name->ref;
	struct gsl_str local = gsl_subject_name(kind);
	td->plan = (struct gsl_testplan){
		.kind = kind,
		.name = name,
		.tgt = gsl_subject_tgt(td->m, kind),
		.local = gsl_arena_strndup(td->arena, local.ptr, local.len),
		.where = gsl_testdoc_where(td, gsl_subject_target(kind) ?
					   gsl_subject_target(kind)->node : kind->node),
		.coverage = gsl_test_coverage(td->test_of),
	};
	unsigned errors = td->errors;
	struct tp_vertex *root = tp_graph_build(td, kind);
	td->plan.narrows = td->narrows;
	tp_paths_build(td, root);
	if (td->origins)
		td->plan.origin = tp_origin(td, kind);
	use_plan(td);
	/* Nothing to test is worth a word unless an error said why. */
	if (!td->plan.nsteps && td->report && td->errors == errors)
		gsl_emit_job_warning(td->job, name->loc, "no tests of '%s': its kind has no "
				     "attributes, mappings or operators to test", td->plan.tgt);
	return &td->plan;
}
