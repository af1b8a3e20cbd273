/* pycode.h: the Python that both test renderers write (tester.c and
 * unittest.c): literals, names, statements, helper methods, and the walk
 * over a plan's steps. */
#ifndef GSL_PYCODE_H
#define GSL_PYCODE_H

#include "render.h"
#include "testplan.h"

/* Appends s[0..n) as a Python str literal, quoted as repr() quotes. */
void gsl_py_repr(struct gsl_buf *b, const char *s, size_t n);
/* Whether s[0..n) can follow a dot: an identifier, not a keyword. */
bool gsl_py_is_identifier(const char *s, size_t n);
/* Appends "obj.name", or "getattr(obj, 'name')" when name cannot follow
 * a dot. */
void gsl_py_attribute(struct gsl_buf *b, const char *obj, const char *name);
/* Appends s[0..n) made an identifier: other characters become '_'. */
void gsl_py_slug(struct gsl_buf *b, const char *s, size_t n);
/* prefix and name made an identifier; "_1", "_2" ... added when used
 * (which counts the names given, and keeps them) has it already. In a,
 * which lives as long as used. */
const char *gsl_py_name(struct gsl_arena *a, struct gsl_strmap *used, const char *prefix,
			const char *name);

/* Appends what an argument is: its expression, or the call of its
 * example's helper method; keyword arguments as name=value. */
void gsl_py_value(struct gsl_buf *b, const struct gsl_tp_value *v);
void gsl_py_args(struct gsl_buf *b, const struct gsl_tp_args *a);

/* The statements of taking an arrow from the object in src, giving dst
 * (lines separated by '\n', no final newline); nothing for either
 * groups and their alternatives. */
void gsl_py_call(struct gsl_buf *b, const struct gsl_tp_arrow *a, const char *src, const char *dst);
/* "src.name(args)": the set-up of a call. */
void gsl_py_setup(struct gsl_buf *b, const struct gsl_tp_setup *s, const char *src);
/* The lines that come before the call of an arrow from src: its set-up
 * and its equations' preconditions (pre_0 = ...), each ended. */
void gsl_py_prepare(struct gsl_buf *b, const struct gsl_tp_arrow *a, const char *src);
/* "[not ]self.cond_N(operands)" for a check after a call from src that
 * gave dst. */
void gsl_py_check(struct gsl_buf *b, const struct gsl_tp_check *c, const char *src, const char *dst);

/* `def get_ex_N(self):` returning an example after its context. */
void gsl_py_example_method(struct gsl_render *r, const struct gsl_tp_example *x);
/* `def cond_N(_self, params):` true when all the python codes of the
 * condition are. */
void gsl_py_condition_method(struct gsl_render *r, const struct gsl_tp_condition *c);

/* A variable of the tests: arg, t0, t1 ... */
struct gsl_py_var {
	char name[16];
	size_t len;
};

/* A variable of that name (cut to 15 bytes). */
struct gsl_py_var gsl_py_var(const char *name);

/* Walks steps and writes their statements through a renderer's
 * callback, giving each object a variable (t0, t1 ... in order). */
struct gsl_py_walk {
	struct gsl_render *r;
	/* Writes the statements of step s, from the object in src to dst. */
	void (*statements)(struct gsl_py_walk *w, const struct gsl_tp_step *s,
			   const struct gsl_py_var *src, const struct gsl_py_var *dst);
	/* Writes what ends the try blocks of an either group when every
	 * alternative failed (either is its step); NULL: `raise`. */
	void (*none_held)(struct gsl_py_walk *w, const struct gsl_tp_step *either);
	const char *except;           /* the except clause of those blocks */
	const struct gsl_tp_step *from; /* for statements: the step that made the
					   object they apply to (the root or the
					   parent given, at the first level) */
	void *data;
	uint32_t nvars;               /* variables given so far */
	struct gsl_buf line;          /* scratch for the callback */
	/* The statement of each arrow of the plan, made once (see
	 * template_of in pycode.c). */
	struct gsl_buf templates;
	uint32_t *template_at;        /* by arrow index: offset + 1, 0 if not made */
	uint32_t ntemplates;
	struct gsl_py_var var;        /* the variable t<var_number> */
	uint32_t var_number;
	struct gsl_buf raw;           /* a statement being made a template */
	struct gsl_buf indent;        /* the indentation of indent_level, padded */
	size_t indent_len;            /* ... without the padding */
	int indent_level;
};

void gsl_py_walk_init(struct gsl_py_walk *w, struct gsl_render *r, void *data,
		      void (*statements)(struct gsl_py_walk *, const struct gsl_tp_step *,
					 const struct gsl_py_var *, const struct gsl_py_var *));
/* Starts a plan: forgets the statements of the last one's arrows. */
void gsl_py_walk_plan(struct gsl_py_walk *w, const struct gsl_testplan *p);
void gsl_py_walk_free(struct gsl_py_walk *w);
/* Appends the statement of arrow a of the current plan, as gsl_py_call
 * writes it (made once per arrow). */
void gsl_py_walk_call(struct gsl_py_walk *w, struct gsl_buf *b, const struct gsl_tp_arrow *a,
		      const struct gsl_py_var *src, const struct gsl_py_var *dst);
/* Writes it as lines at the renderer's indentation. */
void gsl_py_walk_statement(struct gsl_py_walk *w, const struct gsl_tp_arrow *a,
			   const struct gsl_py_var *src, const struct gsl_py_var *dst);

/* The statements of the steps below parent, whose object is in var; of
 * the step only and those below it, if only is not NULL. Either groups
 * take no statement; the steps of their alternatives are tried in turn
 * in nested try blocks (`try:` ... w->except ...), and what none_held
 * writes ends them. */
void gsl_py_walk_steps(struct gsl_py_walk *w, const struct gsl_tp_step *parent, const char *var,
		       const struct gsl_tp_step *only);

#endif
