/* unittest.c: the `unittest` format, a module that `python3 -m unittest`
 * runs and pytest collects, which makes its own objects under test and
 * names the member, statement and spec line of each failure. */
#include <string.h>

#include "pycode.h"
#include "pyemit.h"

/* What the module's base class says first: how failures are told. */
static const char spec_class[] =
	"class Spec(unittest.TestCase):\n"
	"    \"\"\"What the tests share: failures that name the place in the\n"
	"    specification, the member and the statement; the examples and the\n"
	"    conditions of the specification.\"\"\"\n"
	"\n"
	"    @contextlib.contextmanager\n"
	"    def calling(self, where, member, statement):\n"
	"        try:\n"
	"            yield\n"
	"        except self.failureException:\n"
	"            raise\n"
	"        except Exception as exc:\n"
	"            raise self.failureException('%s: %s: %s raised %s: %s' % (\n"
	"                where, member, statement, type(exc).__name__, exc)) from exc\n"
	"\n"
	"    def holds(self, where, what, statement, condition):\n"
	"        try:\n"
	"            ok = condition()\n"
	"        except Exception as exc:\n"
	"            raise self.failureException('%s: %s: evaluating it after %s raised %s: %s' % (\n"
	"                where, what, statement, type(exc).__name__, exc)) from exc\n"
	"        if not ok:\n"
	"            raise self.failureException('%s: %s does not hold after %s' % (\n"
	"                where, what, statement))\n";

struct module {
	struct gsl_arena *arena;        /* lives as long as the module is written */
	struct gsl_render r;            /* writes the test classes into classes */
	struct gsl_buf classes;
	struct gsl_buf stmt;            /* the statement of a step */
	struct gsl_buf text;            /* ... on one line, as messages quote it */
	struct gsl_buf what;            /* what a statement tests, for messages */
	struct gsl_buf tmp;
	struct gsl_strmap used;         /* class names given */
};

/* Writes s[0..n) as a str literal. */
static void quote(struct module *mod, const char *s, size_t n)
{
	gsl_buf_clear(&mod->tmp);
	gsl_py_repr(&mod->tmp, s, n);
	gsl_render_raw(&mod->r, gsl_buf_cstr(&mod->tmp));
}

static void quotes(struct module *mod, const char *s)
{
	quote(mod, s, strlen(s));
}

/* Opens `with self.calling(where, member, statement):`. */
static void calling(struct module *mod, const char *where, const char *member,
		    const struct gsl_buf *statement)
{
	gsl_render_raw(&mod->r, "with self.calling(");
	quotes(mod, where);
	gsl_render_raw(&mod->r, ", ");
	quotes(mod, member);
	gsl_render_raw(&mod->r, ", ");
	quote(mod, statement->data, statement->len);
	gsl_render_raw(&mod->r, "):\n");
	gsl_render_indent(&mod->r);
}

/* The statement in mod->stmt, on one line in mod->text. */
static void one_line(struct module *mod)
{
	gsl_buf_clear(&mod->text);
	const char *s = gsl_buf_cstr(&mod->stmt);
	for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
		gsl_buf_put(&mod->text, s, (size_t)(nl - s));
		gsl_buf_puts(&mod->text, "; ");
	}
	gsl_buf_puts(&mod->text, s);
}

/* The operator symbols by the names Python's operator module gives them. */
static const char *symbol_name(const char *sym)
{
	static const char *const names[][2] = {
		{ "+", "add" }, { "-", "sub" }, { "*", "mul" }, { "/", "truediv" },
		{ "//", "floordiv" }, { "%", "mod" }, { "**", "pow" }, { "<<", "lshift" },
		{ ">>", "rshift" }, { "&", "and" }, { "|", "or" }, { "^", "xor" },
		{ "@", "matmul" }, { "==", "eq" }, { "!=", "ne" }, { "<", "lt" },
		{ "<=", "le" }, { ">", "gt" }, { ">=", "ge" }, { "in", "contains" },
	};
	size_t n = strlen(sym);
	bool comparison = !strcmp(sym, "==") || !strcmp(sym, "!=") || !strcmp(sym, "<=") ||
			  !strcmp(sym, ">=");
	if (n > 1 && sym[n - 1] == '=' && !comparison)
		n--; /* in place: `&=` is and */
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i][0]) == n && memcmp(names[i][0], sym, n) == 0)
			return names[i][1];
	return NULL;
}

/* The part of a test method's name that says what it tests. */
static void method_slug(struct gsl_buf *b, const struct gsl_tp_arrow *a)
{
	static const char *const fixed[] = {
		[GSL_TP_CALL] = "call", [GSL_TP_GETITEM] = "getitem", [GSL_TP_SETITEM] = "setitem",
		[GSL_TP_DELITEM] = "delitem", [GSL_TP_EITHER] = "either",
		[GSL_TP_ALTERNATIVE] = "either",
		[GSL_TP_OPERATOR] = "op_", [GSL_TP_REVERSE] = "rop_", [GSL_TP_INPLACE] = "iop_",
		[GSL_TP_FUNCTION] = "fop_",
	};
	if (a->op == GSL_TP_GETATTR || a->op == GSL_TP_CALLATTR) {
		gsl_py_slug(b, a->name, strlen(a->name));
		return;
	}
	gsl_buf_puts(b, fixed[a->op]);
	if (a->op != GSL_TP_OPERATOR && a->op != GSL_TP_REVERSE && a->op != GSL_TP_INPLACE &&
	    a->op != GSL_TP_FUNCTION)
		return;
	const char *name = a->op == GSL_TP_FUNCTION ? NULL : symbol_name(a->name);
	if (name)
		gsl_buf_puts(b, name);
	else
		gsl_py_slug(b, a->name, strlen(a->name));
}

/* The member a step tests, and, below the first step, what it is
 * applied to: "Stack.push, on what Stack.copy (stacks.gsl:61) gave". */
static const char *member(struct module *mod, const struct gsl_py_walk *w,
			  const struct gsl_tp_step *s)
{
	if (!w->from->arrow)
		return s->arrow->member;
	gsl_buf_clear(&mod->what);
	gsl_buf_printf(&mod->what, "%s, on what %s (%s) gave", s->arrow->member,
		       w->from->arrow->member, w->from->arrow->where);
	return gsl_buf_cstr(&mod->what);
}

/* `self.holds(where, what, statement, lambda: check)`: what is the
 * kind of check, the check as written and the member checked; before
 * is the number of the equation's precondition variable, or -1. */
static void holds(struct module *mod, const struct gsl_tp_check *c, const char *what, int before,
		  const char *member, const char *src, const char *dst)
{
	struct gsl_render *r = &mod->r;
	gsl_render_raw(r, "self.holds(");
	quotes(mod, c->where);
	gsl_render_raw(r, ", ");
	gsl_buf_clear(&mod->stmt);
	gsl_buf_printf(&mod->stmt, "%s %.*s of %s", what, (int)c->text.len, c->text.ptr, member);
	quote(mod, mod->stmt.data, mod->stmt.len);
	gsl_render_raw(r, ", ");
	quote(mod, mod->text.data, mod->text.len);
	gsl_buf_clear(&mod->tmp);
	gsl_buf_puts(&mod->tmp, ", lambda: ");
	if (before >= 0)
		gsl_buf_printf(&mod->tmp, "pre_%d == ", before);
	gsl_py_check(&mod->tmp, c, src, dst);
	gsl_buf_puts(&mod->tmp, ")\n");
	gsl_render_raw(r, gsl_buf_cstr(&mod->tmp));
}

/* The statements of one step: the set-up, the equations' preconditions
 * and the call inside self.calling, then the checks through
 * self.holds. */
static void statements(struct gsl_py_walk *w, const struct gsl_tp_step *s,
		       const struct gsl_py_var *src_var, const struct gsl_py_var *dst_var)
{
	const char *src = src_var->name, *dst = dst_var->name;
	struct module *mod = w->data;
	struct gsl_render *r = &mod->r;
	struct gsl_buf *b = &w->line;
	const struct gsl_tp_arrow *a = s->arrow;
	gsl_buf_clear(&mod->stmt);
	gsl_py_walk_call(w, &mod->stmt, a, src_var, dst_var);
	one_line(mod);
	calling(mod, a->where, member(mod, w, s), &mod->text);
	gsl_buf_clear(b);
	gsl_py_prepare(b, a, src);
	gsl_buf_puts(b, gsl_buf_cstr(&mod->stmt));
	gsl_buf_putc(b, '\n');
	gsl_render_raw(r, gsl_buf_cstr(b));
	gsl_render_dedent(r);
	for (uint32_t i = 0; i < a->nposts; i++)
		holds(mod, &a->posts[i], "postcondition", -1, a->member, src, dst);
	for (uint32_t i = 0; i < a->neqs; i++)
		for (uint32_t j = 0; j < a->eqs[i].nposts; j++)
			holds(mod, &a->eqs[i].posts[j], "equation: what the precondition gave "
			      "before the call equals", (int)i, a->member, src, dst);
}

/* When the object of an either group is of none of its kinds (those
 * that have something to test): a failure that says so, from the last
 * one's. */
static void none_held(struct gsl_py_walk *w, const struct gsl_tp_step *either)
{
	struct module *mod = w->data;
	const struct gsl_tp_arrow *a = either->arrow;
	gsl_buf_clear(&mod->what);
	gsl_buf_printf(&mod->what, "%s: %s: the object is of none of the kinds", a->where,
		       a->member);
	const char *sep = " ";
	for (const struct gsl_tp_step *c = either->first_child; c; c = c->next)
		if (c->first_child) {
			gsl_buf_printf(&mod->what, "%s%s", sep, c->arrow->name);
			sep = ", ";
		}
	gsl_buf_puts(&mod->what, "; the last said: ");
	gsl_render_raw(&mod->r, "raise self.failureException(");
	quote(mod, mod->what.data, mod->what.len);
	gsl_render_raw(&mod->r, " + str(failure)) from failure\n");
}

/* def subject(self): how the class makes an object under test. */
static void subject(struct module *mod, const struct gsl_testplan *p)
{
	struct gsl_render *r = &mod->r;
	const struct gsl_tp_origin *o = p->origin;
	gsl_render_raw(r, "def subject(self):\n");
	gsl_render_indent(r);
	if (!o) {
		gsl_render_raw(r, "self.skipTest(");
		gsl_buf_clear(&mod->text);
		gsl_buf_printf(&mod->text, "no way to make a %s", p->local);
		quote(mod, mod->text.data, mod->text.len);
		gsl_render_raw(r, ")\n");
		gsl_render_dedent(r);
		return;
	}
	struct gsl_tp_value v = { .example = o->example };
	gsl_buf_clear(&mod->stmt);
	gsl_buf_puts(&mod->stmt, "obj = ");
	gsl_py_value(&mod->stmt, &v);
	gsl_buf_clear(&mod->text);
	gsl_buf_printf(&mod->text, "%s (an example)", o->kind);
	calling(mod, o->example->where, gsl_buf_cstr(&mod->text), &mod->stmt);
	gsl_render_raw(r, gsl_buf_cstr(&mod->stmt));
	gsl_render_newline(r, true);
	gsl_render_dedent(r);
	for (uint32_t i = 0; i < o->nconstructs; i++) {
		const struct gsl_tp_construct *c = &o->constructs[i];
		gsl_buf_clear(&mod->stmt);
		gsl_buf_puts(&mod->stmt, "obj = ");
		gsl_py_attribute(&mod->stmt, "obj", c->name);
		if (c->call) {
			gsl_buf_putc(&mod->stmt, '(');
			gsl_py_args(&mod->stmt, &c->args);
			gsl_buf_putc(&mod->stmt, ')');
		}
		gsl_buf_clear(&mod->text);
		gsl_buf_printf(&mod->text, "constructor %s", c->name);
		calling(mod, c->where, gsl_buf_cstr(&mod->text), &mod->stmt);
		gsl_render_raw(r, gsl_buf_cstr(&mod->stmt));
		gsl_render_newline(r, true);
		gsl_render_dedent(r);
	}
	gsl_render_raw(r, "return obj\n");
	gsl_render_dedent(r);
}

/* The class of a tested kind: one method per first step. */
static void test_class(struct module *mod, struct gsl_py_walk *w, const struct gsl_testplan *p)
{
	struct gsl_render *r = &mod->r;
	gsl_render_rawf(r, "\n\nclass %s(Spec):\n", gsl_py_name(mod->arena, &mod->used, "Test_",
								    p->local));
	gsl_render_indent(r);
	gsl_buf_clear(&mod->text);
	gsl_buf_printf(&mod->text, "%s (%s): %u statements, coverage %s%u.", p->tgt, p->where,
		       p->nsteps, p->coverage.length ? "length " : "", p->coverage.n);
	quote(mod, mod->text.data, mod->text.len);
	gsl_render_raw(r, "\n\n");
	subject(mod, p);
	uint32_t i = 0;
	for (const struct gsl_tp_step *c = p->root.first_child; c; c = c->next) {
		gsl_buf_clear(&mod->tmp);
		gsl_buf_printf(&mod->tmp, "test_%04u_", ++i);
		method_slug(&mod->tmp, c->arrow);
		gsl_render_rawf(r, "\ndef %s(self):\n", gsl_buf_cstr(&mod->tmp));
		gsl_render_indent(r);
		gsl_buf_clear(&mod->stmt);
		gsl_py_call(&mod->stmt, c->arrow, "arg", "t0");
		one_line(mod);
		gsl_buf_clear(&mod->stmt);
		gsl_buf_printf(&mod->stmt, "%s (%s): %s", c->arrow->member, c->arrow->where,
			       gsl_buf_cstr(&mod->text));
		quote(mod, mod->stmt.data, mod->stmt.len);
		gsl_render_raw(r, "\narg = self.subject()\n");
		w->nvars = 0;
		gsl_py_walk_steps(w, &p->root, "arg", c);
		gsl_render_dedent(r);
	}
	gsl_render_dedent(r);
}

/* The module needs only the standard library and the implementation under
 * test. Each tested kind K becomes a TestCase class; each first step of
 * K's plan (a member read, called or applied with one argument list)
 * becomes a test method that makes a fresh object of K and runs that step
 * and the steps below it. Every statement runs inside self.calling(where,
 * member, statement), and every postcondition through self.holds(...).
 *
 * How an object of K is made (testplan_origin.c): from an `.eg:` of K,
 * else from an `.eg:` of a superkind that is `.superkind of: K`, else by
 * K's `.constructor: Owner.attr` called on an object of Owner made by the
 * same rule. Examples run with self bound to the TestCase. */
static void write_module(struct gsl_testjob *tj, struct gsl_testdoc *td)
{
	const struct gsl_mem *mem = tj->job.e->ctx->mem;
	const struct gsl_document *d = tj->d;
	struct module mod = { .arena = tj->job.scratch };
	gsl_buf_init(&mod.classes, mem);
	gsl_buf_init(&mod.stmt, mem);
	gsl_buf_init(&mod.text, mem);
	gsl_buf_init(&mod.tmp, mem);
	gsl_buf_init(&mod.what, mem);
	gsl_strmap_init(&mod.used, mem);
	gsl_render_init(&mod.r, &mod.classes, "    ", NULL, NULL);
	struct gsl_buf helpers;
	gsl_buf_init(&helpers, mem);
	struct gsl_render hr;
	gsl_render_init(&hr, &helpers, "    ", NULL, NULL);
	gsl_render_indent(&hr);
	struct gsl_py_walk w;
	gsl_py_walk_init(&w, &mod.r, &mod, statements);
	w.except = "except Exception as failure:";
	w.none_held = none_held;

	for (const struct gsl_testplan *p; (p = gsl_testdoc_next(td));) {
		for (uint32_t i = 0; i < p->nnew_examples; i++) {
			gsl_render_newline(&hr, true);
			gsl_py_example_method(&hr, p->new_examples[i]);
		}
		for (uint32_t i = 0; i < p->nnew_conds; i++) {
			gsl_render_newline(&hr, true);
			gsl_py_condition_method(&hr, p->new_conds[i]);
		}
		gsl_py_walk_plan(&w, p);
		test_class(&mod, &w, p);
	}

	struct gsl_render r;
	gsl_render_init(&r, tj->out, "    ", NULL, NULL);
	gsl_render_rawf(&r, "# Conformance tests generated by gslc from the document '%s'\n"
			"# (%s). Run them with: python3 -m unittest test_%s\n",
			d->name, gsl_testdoc_where(td, d->node), d->name);
	gsl_render_raw(&r, "import contextlib\nimport unittest\n\n\n");
	gsl_render_raw(&r, spec_class);
	gsl_render_raw(&r, gsl_buf_cstr(&helpers));
	gsl_render_raw(&r, gsl_buf_cstr(&mod.classes));
	gsl_render_raw(&r, "\n\nif __name__ == '__main__':\n    unittest.main()\n");

	gsl_py_walk_free(&w);
	gsl_buf_free(&helpers);
	gsl_buf_free(&mod.classes);
	gsl_buf_free(&mod.stmt);
	gsl_buf_free(&mod.text);
	gsl_buf_free(&mod.tmp);
	gsl_buf_free(&mod.what);
	gsl_strmap_free(&mod.used);
}

void gsl_emit_unittest(struct gsl_emit *e, const struct gsl_document *d)
{
	gsl_testdoc_later(e, d, GSL_FORMAT_UNITTEST,
			  gsl_arena_printf(&e->ctx->arena, "test_%s.py", d->name), write_module);
}
