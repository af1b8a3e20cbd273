/* ctest.c: the `ctest` format, a C program per document that embeds
 * CPython and makes the calls of the document's test plans through the C
 * API: the engine (ctest_engine.c), then the plans as its tables. */
#include "ctest.h"

#include <stddef.h>
#include <string.h>

#include "ccode.h"
#include "ptrmap.h"
#include "pycode.h"
#include "testplan.h"

/* A table of the program: its rows, as C text, and how many. */
struct table {
	struct gsl_buf rows;
	uint32_t n;
};

struct program {
	struct gsl_testjob *tj;
	const struct gsl_mem *mem;
	struct gsl_testdoc *td;
	struct table examples, conditions, values, operands, checks, equations, arrows, steps, kinds;
	uint32_t ntests;
	struct gsl_ptrmap example_rows; /* gsl_tp_example -> its row + 1 */
	struct gsl_ptrmap reported;     /* nodes whose operator was reported */
	struct gsl_buf text;            /* scratch */
	/* The current plan. */
	int32_t *arrow_rows;            /* by arrow index: its row, or -1 */
	uint32_t narrow_rows;           /* their room */
	struct gsl_ptrmap step_index;   /* gsl_tp_step -> its index + 1 in dag */
	struct dag {
		const struct gsl_tp_step **steps;
		uint32_t *statements;   /* in the tree below each, itself included */
		uint32_t *chain;        /* ... and in those below its next siblings */
		unsigned char *state;
		uint32_t n, cap;
	} dag;
};

/* ---- Rows ------------------------------------------------------------------------ */

static void put_string(struct gsl_buf *b, const char *field, const char *s)
{
	gsl_buf_printf(b, ", .%s = ", field);
	gsl_c_cstring(b, s);
}

/* The row of an example, made at its first use. */
static uint32_t example_row(struct program *pr, const struct gsl_tp_example *x)
{
	void **slot = gsl_ptrmap_slot(&pr->example_rows, gsl_ptr_key(x));
	if (*slot)
		return (uint32_t)((uintptr_t)*slot - 1);
	struct gsl_buf *b = &pr->examples.rows;
	gsl_buf_puts(b, "\t{ .where = ");
	gsl_c_cstring(b, x->where);
	gsl_buf_clear(&pr->text);
	if (x->number) {
		struct gsl_render r;
		gsl_render_init(&r, &pr->text, "    ", NULL, NULL);
		gsl_py_example_method(&r, x);
		put_string(b, "code", gsl_buf_cstr(&pr->text));
		gsl_buf_printf(b, ", .function = \"get_ex_%u\"", x->number);
	} else {
		gsl_buf_puts(b, ", .code = ");
		gsl_c_string(b, x->expr.ptr, x->expr.len);
	}
	gsl_buf_clear(&pr->text);
	gsl_py_value(&pr->text, &(struct gsl_tp_value){ .example = x });
	put_string(b, "text", gsl_buf_cstr(&pr->text));
	gsl_buf_puts(b, " },\n");
	*slot = (void *)(uintptr_t)++pr->examples.n;
	return pr->examples.n - 1;
}

static uint32_t value_row(struct program *pr, const struct gsl_tp_value *v)
{
	uint32_t example = example_row(pr, v->example);
	gsl_buf_printf(&pr->values.rows, "\t{ %u, ", example);
	gsl_c_cstring(&pr->values.rows, v->keyword);
	gsl_buf_puts(&pr->values.rows, " },\n");
	return pr->values.n++;
}

/* The rows of an argument list: the first, and their number after it. */
static uint32_t value_rows(struct program *pr, const struct gsl_tp_args *args)
{
	uint32_t first = pr->values.n;
	for (uint32_t i = 0; i < args->n; i++)
		value_row(pr, &args->v[i]);
	return first;
}

static void condition_row(struct program *pr, const struct gsl_tp_condition *c)
{
	struct gsl_buf *b = &pr->conditions.rows;
	gsl_buf_printf(b, "\t[%u] = { .id = ", c->number);
	gsl_c_cstring(b, c->id);
	put_string(b, "where", gsl_testdoc_where(pr->td, c->subject->node));
	gsl_buf_clear(&pr->text);
	struct gsl_render r;
	gsl_render_init(&r, &pr->text, "    ", NULL, NULL);
	gsl_py_condition_method(&r, c);
	put_string(b, "code", gsl_buf_cstr(&pr->text));
	gsl_buf_printf(b, ", .function = \"cond_%u\" },\n", c->number);
	pr->conditions.n++;
}

static uint32_t check_row(struct program *pr, const struct gsl_tp_check *c)
{
	uint32_t first = pr->operands.n;
	struct gsl_buf *o = &pr->operands.rows;
	gsl_buf_putc(o, '\t');
	for (uint32_t i = 0; i < c->noperands; i++) {
		const struct gsl_tp_operand *op = &c->operands[i];
		if (op->kind == GSL_TP_SOURCE)
			gsl_buf_puts(o, "CT_SOURCE, ");
		else if (op->kind == GSL_TP_RESULT)
			gsl_buf_puts(o, "CT_RESULT, ");
		else
			gsl_buf_printf(o, "%u, ", value_row(pr, op->value));
	}
	gsl_buf_printf(o, "/* %s */\n", c->where);
	pr->operands.n += c->noperands;
	struct gsl_buf *b = &pr->checks.rows;
	gsl_buf_printf(b, "\t{ .condition = %u, .negated = %s, .operands = { %u, %u }",
		       c->cond->number, c->negated ? "true" : "false", first, c->noperands);
	put_string(b, "where", c->where);
	gsl_buf_clear(&pr->text);
	gsl_buf_put(&pr->text, c->text.ptr, c->text.len);
	put_string(b, "text", gsl_buf_cstr(&pr->text));
	gsl_buf_puts(b, " },\n");
	return pr->checks.n++;
}

/* What the engine's struct ct_arrow holds. */
struct arrow_row {
	struct gsl_c_form form;
	const char *name;
	const struct gsl_tp_args *args;
	const char *member;
	const char *where;
	const char *statement;          /* \1: the object, \2: the result */
	int32_t setup;
	uint32_t posts, nposts;
	uint32_t equations, nequations;
};

static uint32_t put_arrow(struct program *pr, const struct arrow_row *a)
{
	uint32_t args = value_rows(pr, a->args);
	struct gsl_buf *b = &pr->arrows.rows;
	gsl_buf_printf(b, "\t{ .op = %s", a->form.op);
	put_string(b, "name", a->name);
	if (a->form.field)
		gsl_buf_printf(b, ", .%s = %s", a->form.field, a->form.function);
	if (a->form.reversed)
		gsl_buf_puts(b, ", .reversed = true");
	if (a->form.negated)
		gsl_buf_puts(b, ", .negated = true");
	gsl_buf_printf(b, ", .args = { %u, %u }", args, a->args->n);
	put_string(b, "member", a->member);
	put_string(b, "where", a->where);
	put_string(b, "statement", a->statement);
	gsl_buf_printf(b, ", .setup = %d, .posts = { %u, %u }, .equations = { %u, %u } },\n",
		       a->setup, a->posts, a->nposts, a->equations, a->nequations);
	return pr->arrows.n++;
}

/* The row of a call made to prepare the tests (a set-up, a constructor):
 * the attribute named of the object, called with args (or read, when
 * not call); its result is kept in a variable when assign. */
static uint32_t preparing_row(struct program *pr, const struct gsl_tp_setup *s, bool call,
			      bool assign, const char *member)
{
	gsl_buf_clear(&pr->text);
	if (assign)
		gsl_buf_puts(&pr->text, "\2 = ");
	if (call)
		gsl_py_setup(&pr->text, s, "\1");
	else
		gsl_py_attribute(&pr->text, "\1", s->name);
	struct arrow_row row = {
		.form = { .op = call ? "CT_CALLATTR" : "CT_GETATTR" },
		.name = s->name,
		.args = &s->args,
		.member = member,
		.where = s->where,
		.statement = gsl_arena_strdup(pr->tj->job.scratch, gsl_buf_cstr(&pr->text)),
		.setup = -1,
	};
	return put_arrow(pr, &row);
}

/* The row of the call that makes the preconditions of arrow a true. */
static int32_t setup_row(struct program *pr, const struct gsl_tp_arrow *a)
{
	const char *member = gsl_arena_printf(pr->tj->job.scratch, "the set-up of %s",
						a->member);
	return (int32_t)preparing_row(pr, a->setup, true, false, member);
}

/* The row of arrow a of the current plan, made at its first use. */
static int32_t arrow_row(struct program *pr, const struct gsl_tp_arrow *a)
{
	if (pr->arrow_rows[a->index] >= 0)
		return pr->arrow_rows[a->index];
	struct arrow_row row = {
		.name = a->name,
		.args = &a->args,
		.member = a->member,
		.where = a->where,
		.setup = a->setup ? setup_row(pr, a) : -1,
	};
	if (!gsl_c_form(a, &row.form)) {
		void **reported = gsl_ptrmap_slot(&pr->reported, gsl_ptr_key(a->node));
		if (!*reported)
			gsl_emit_job_error(&pr->tj->job, gsl_node_loc(a->node), "the ctest format has "
					   "no C API call for the operator '%s'", a->name);
		*reported = (void *)a->node;
		row.form = (struct gsl_c_form){ .op = "CT_BUILTIN" };
	}
	row.posts = pr->checks.n;
	for (uint32_t i = 0; i < a->nposts; i++)
		check_row(pr, &a->posts[i]);
	row.nposts = a->nposts;
	row.equations = pr->equations.n;
	row.nequations = a->neqs;
	for (uint32_t i = 0; i < a->neqs; i++) {
		uint32_t pre = check_row(pr, &a->eqs[i].pre), posts = pr->checks.n;
		for (uint32_t j = 0; j < a->eqs[i].nposts; j++)
			check_row(pr, &a->eqs[i].posts[j]);
		gsl_buf_printf(&pr->equations.rows, "\t{ %u, { %u, %u } },\n", pre, posts,
			       a->eqs[i].nposts);
	}
	pr->equations.n += a->neqs;
	gsl_buf_clear(&pr->text);
	gsl_py_call(&pr->text, a, "\1", "\2");
	row.statement = gsl_arena_strdup(pr->tj->job.scratch, gsl_buf_cstr(&pr->text));
	return pr->arrow_rows[a->index] = (int32_t)put_arrow(pr, &row);
}

/* ---- Steps ------------------------------------------------------------------------- */

enum { STEP_NEW, STEP_OPEN, STEP_DONE };

/* The index of step s in the DAG of the plan, added if new. */
static uint32_t step_index(struct program *pr, const struct gsl_tp_step *s)
{
	void **slot = gsl_ptrmap_slot(&pr->step_index, gsl_ptr_key(s));
	if (*slot)
		return (uint32_t)((uintptr_t)*slot - 1);
	struct dag *g = &pr->dag;
	if (g->n == g->cap) {
		const struct gsl_mem *mem = pr->mem;
		g->cap = g->cap ? 2 * g->cap : 64;
		g->steps = gsl_xrealloc(mem, g->steps, g->cap * sizeof *g->steps);
		g->statements = gsl_xrealloc(mem, g->statements, g->cap * sizeof *g->statements);
		g->chain = gsl_xrealloc(mem, g->chain, g->cap * sizeof *g->chain);
		g->state = gsl_xrealloc(mem, g->state, g->cap * sizeof *g->state);
	}
	g->steps[g->n] = s;
	g->state[g->n] = STEP_NEW;
	*slot = (void *)(uintptr_t)(g->n + 1);
	return g->n++;
}

/* Numbers the steps from first (its siblings and the steps below them,
 * each shared step once) and counts the statements of the tree each
 * stands for, children before parents, without recursion. */
static void number_steps(struct program *pr, const struct gsl_tp_step *first)
{
	struct dag *g = &pr->dag;
	const struct gsl_mem *mem = pr->mem;
	uint32_t depth = 0, cap = 64;
	uint32_t *stack = gsl_xmalloc(mem, cap * sizeof *stack);
	stack[depth++] = step_index(pr, first);
	while (depth) {
		uint32_t i = stack[depth - 1];
		const struct gsl_tp_step *s = g->steps[i];
		if (g->state[i] == STEP_DONE) {
			depth--;
		} else if (g->state[i] == STEP_OPEN) {
			/* Its child and its next sibling are done. */
			const struct gsl_tp_arrow *a = s->arrow;
			bool statement = a->op != GSL_TP_EITHER && a->op != GSL_TP_ALTERNATIVE;
			uint32_t child = s->first_child ? step_index(pr, s->first_child) : 0;
			uint32_t next = s->next ? step_index(pr, s->next) : 0;
			g->statements[i] = statement + (s->first_child ? g->chain[child] : 0);
			g->chain[i] = g->statements[i] + (s->next ? g->chain[next] : 0);
			g->state[i] = STEP_DONE;
			depth--;
		} else {
			g->state[i] = STEP_OPEN;
			if (depth + 2 > cap) {
				cap *= 2;
				stack = gsl_xrealloc(mem, stack, cap * sizeof *stack);
			}
			const struct gsl_tp_step *then[] = { s->first_child, s->next };
			for (int k = 0; k < 2; k++) {
				if (!then[k])
					continue;
				/* Numbering may move the arrays: the index first. */
				uint32_t j = step_index(pr, then[k]);
				if (g->state[j] != STEP_DONE)
					stack[depth++] = j;
			}
		}
	}
	gsl_xfree(mem, stack);
}

/* The rows of the steps of a plan from first; the row of first. */
static int32_t step_rows(struct program *pr, const struct gsl_tp_step *first)
{
	struct dag *g = &pr->dag;
	gsl_ptrmap_free(&pr->step_index);
	g->n = 0;
	if (!first)
		return -1;
	number_steps(pr, first);
	uint32_t base = pr->steps.n;
	for (uint32_t i = 0; i < g->n; i++) {
		const struct gsl_tp_step *s = g->steps[i];
		int32_t arrow = arrow_row(pr, s->arrow);
		int32_t child = s->first_child ? (int32_t)(base + step_index(pr, s->first_child)) : -1;
		int32_t next = s->next ? (int32_t)(base + step_index(pr, s->next)) : -1;
		gsl_buf_printf(&pr->steps.rows, "\t{ %d, %d, %d, %u },\n", arrow, child, next,
			       g->statements[i]);
	}
	pr->steps.n += g->n;
	return (int32_t)base;
}

/* ---- Plans --------------------------------------------------------------------------- */

/* The rows of the constructor calls that make an object of the kind. */
static uint32_t construct_rows(struct program *pr, const struct gsl_tp_origin *o)
{
	uint32_t first = pr->arrows.n;
	for (uint32_t i = 0; o && i < o->nconstructs; i++) {
		const struct gsl_tp_construct *c = &o->constructs[i];
		struct gsl_tp_setup s = { .name = c->name, .args = c->args, .where = c->where };
		preparing_row(pr, &s, c->call, true, gsl_arena_printf(pr->tj->job.scratch,
								      "constructor %s", c->name));
	}
	return first;
}

static void plan_rows(struct program *pr, const struct gsl_testplan *p)
{
	for (uint32_t i = 0; i < p->nnew_conds; i++)
		condition_row(pr, p->new_conds[i]);
	if (p->narrows > pr->narrow_rows) {
		gsl_xfree(pr->mem, pr->arrow_rows);
		pr->narrow_rows = p->narrows;
		pr->arrow_rows = gsl_xmalloc(pr->mem, p->narrows * sizeof *pr->arrow_rows);
	}
	for (uint32_t i = 0; i < p->narrows; i++)
		pr->arrow_rows[i] = -1;
	const struct gsl_tp_origin *o = p->origin;
	int32_t example = o ? (int32_t)example_row(pr, o->example) : -1;
	uint32_t constructs = construct_rows(pr, o);
	int32_t first = step_rows(pr, p->root.first_child);
	struct gsl_buf *b = &pr->kinds.rows;
	gsl_buf_puts(b, "\t{ .tgt = ");
	gsl_c_cstring(b, p->tgt);
	put_string(b, "where", p->where);
	gsl_buf_printf(b, ", .example = %d", example);
	put_string(b, "example_of", o ? o->kind : NULL);
	gsl_buf_printf(b, ", .constructs = { %u, %u }, .first_step = %d },\n", constructs,
		       o ? o->nconstructs : 0, first);
	pr->kinds.n++;
	for (const struct gsl_tp_step *s = p->root.first_child; s; s = s->next)
		pr->ntests++;
}

/* ---- The program ------------------------------------------------------------------------ */

/* Writes a table, or nothing when it is empty; after a comment, if one
 * is given. */
static void put_table(struct gsl_render *r, const char *comment, const char *type,
		      const char *name, const struct table *t)
{
	if (!t->n)
		return;
	if (comment)
		gsl_render_rawf(r, "/* %s */\n", comment);
	gsl_render_rawf(r, "static const %s %s[] = {\n", type, name);
	gsl_render_raw(r, gsl_buf_cstr(&t->rows));
	gsl_render_raw(r, "};\n\n");
}

/* The document the engine runs: the tables, NULL for the empty ones. */
static void put_document(struct gsl_render *r, struct program *pr, const struct gsl_document *d)
{
	static const struct {
		const char *name;
		size_t offset;
	} tables[] = {
		{ "examples", offsetof(struct program, examples) },
		{ "conditions", offsetof(struct program, conditions) },
		{ "values", offsetof(struct program, values) },
		{ "operands", offsetof(struct program, operands) },
		{ "checks", offsetof(struct program, checks) },
		{ "equations", offsetof(struct program, equations) },
		{ "arrows", offsetof(struct program, arrows) },
		{ "steps", offsetof(struct program, steps) },
		{ "kinds", offsetof(struct program, kinds) },
	};
	gsl_buf_clear(&pr->text);
	gsl_buf_puts(&pr->text, "static const struct ct_document document = {\n\t.name = ");
	gsl_c_cstring(&pr->text, d->name);
	gsl_buf_puts(&pr->text, ",\n\t.where = ");
	gsl_c_cstring(&pr->text, gsl_testdoc_where(pr->td, d->node));
	gsl_buf_puts(&pr->text, ",\n");
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		const struct table *t = (const struct table *)((const char *)pr + tables[i].offset);
		gsl_buf_printf(&pr->text, "\t.%s = %s,\n", tables[i].name, t->n ? tables[i].name : "NULL");
	}
	gsl_buf_printf(&pr->text, "\t.nexamples = %u,\n\t.nconditions = %u,\n\t.nkinds = %u,\n"
		       "\t.ntests = %u,\n};\n", pr->examples.n, pr->conditions.n, pr->kinds.n,
		       pr->ntests);
	gsl_render_raw(r, gsl_buf_cstr(&pr->text));
}

/* The program is the engine followed by the tables of the plans, one
 * row a line. Examples and conditions keep the Python the Python tests
 * give them (get_ex_N, cond_N); calls keep their Python statement, for
 * messages. */
static void write_program(struct gsl_testjob *tj, struct gsl_testdoc *td)
{
	const struct gsl_mem *mem = tj->job.e->ctx->mem;
	const struct gsl_document *d = tj->d;
	struct program pr = { .tj = tj, .mem = mem, .td = td };
	struct table *tables[] = { &pr.examples, &pr.conditions, &pr.values, &pr.operands,
				   &pr.checks, &pr.equations, &pr.arrows, &pr.steps, &pr.kinds };
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		gsl_buf_init(&tables[i]->rows, mem);
	gsl_buf_init(&pr.text, mem);
	gsl_ptrmap_init(&pr.example_rows, mem);
	gsl_ptrmap_init(&pr.reported, mem);
	gsl_ptrmap_init(&pr.step_index, mem);

	for (const struct gsl_testplan *p; (p = gsl_testdoc_next(td));)
		plan_rows(&pr, p);

	struct gsl_render r;
	gsl_render_init(&r, tj->out, "\t", NULL, NULL);
	gsl_buf_clear(&pr.text);
	gsl_c_cstring(&pr.text, d->name);
	gsl_render_rawf(&r, "/* Conformance tests generated by gslc from the document %s (%s):\n"
			" * the calls its specification plans, made through the CPython C API,\n"
			" * with checks of references and exceptions. Build it with\n"
			" *     cc -o %s %s.c $(gslc --ctest-flags)\n"
			" * and run it with the implementation on PYTHONPATH: it prints TAP and\n"
			" * exits with 0 when every test passes. */\n", gsl_buf_cstr(&pr.text),
			gsl_testdoc_where(td, d->node), d->name, d->name);
	gsl_render_raw(&r, (const char *)gsl_ctest_engine);
	gsl_render_raw(&r, "\n/* ---- The tests ------------------------------------------------"
		       "------------ */\n\n");
	put_table(&r, NULL, "struct ct_example", "examples", &pr.examples);
	put_table(&r, NULL, "struct ct_condition", "conditions", &pr.conditions);
	put_table(&r, "example, keyword", "struct ct_value", "values", &pr.values);
	put_table(&r, "the operands of each check", "int32_t", "operands", &pr.operands);
	put_table(&r, NULL, "struct ct_check", "checks", &pr.checks);
	put_table(&r, "precondition, postconditions", "struct ct_equation", "equations",
		  &pr.equations);
	put_table(&r, NULL, "struct ct_arrow", "arrows", &pr.arrows);
	put_table(&r, "arrow, first child, next sibling, statements", "struct ct_step", "steps",
		  &pr.steps);
	put_table(&r, NULL, "struct ct_kind", "kinds", &pr.kinds);
	put_document(&r, &pr, d);

	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		gsl_buf_free(&tables[i]->rows);
	gsl_buf_free(&pr.text);
	gsl_ptrmap_free(&pr.example_rows);
	gsl_ptrmap_free(&pr.reported);
	gsl_ptrmap_free(&pr.step_index);
	gsl_xfree(mem, pr.arrow_rows);
	gsl_xfree(mem, pr.dag.steps);
	gsl_xfree(mem, pr.dag.statements);
	gsl_xfree(mem, pr.dag.chain);
	gsl_xfree(mem, pr.dag.state);
}

void gsl_emit_ctest(struct gsl_emit *e, const struct gsl_document *d)
{
	gsl_testdoc_later(e, d, GSL_FORMAT_CTEST, gsl_arena_printf(&e->ctx->arena, "%s.c", d->name),
			  write_program);
}

/* ---- Building ----------------------------------------------------------------------------- */

int gsl_ctest_print_build(FILE *out, const char *what)
{
	if (strcmp(what, "flags") == 0) {
		fprintf(out, "%s %s\n", gsl_ctest_cflags, gsl_ctest_libs);
		return 0;
	}
	if (strcmp(what, "makefile") != 0)
		return 2;
	fprintf(out, "# Made by gslc --ctest-makefile: how to build the C conformance tests\n"
		"# that gslc writes (documents with output: ctest). Include it in a\n"
		"# Makefile; then `make NAME` builds the program NAME from NAME.c.\n"
		"GSLC_CTEST_CFLAGS = %s\n"
		"GSLC_CTEST_LIBS = %s\n"
		".c:\n"
		"\t$(CC) $(CPPFLAGS) $(GSLC_CTEST_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< "
		"$(GSLC_CTEST_LIBS) $(LIBS)\n", gsl_ctest_cflags, gsl_ctest_libs);
	return 0;
}
