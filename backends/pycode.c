/* pycode.c: Python text for the test renderers. */
#include "pycode.h"

#include <stdio.h>
#include <string.h>

/* ---- Literals and names ---------------------------------------------------- */

void gsl_py_repr(struct gsl_buf *b, const char *s, size_t n)
{
	/* As repr(): single quotes unless the text has a single quote and
	 * no double quote. */
	bool single = memchr(s, '\'', n) && !memchr(s, '"', n);
	char quote = single ? '"' : '\'';
	gsl_buf_putc(b, quote);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\\':
			gsl_buf_puts(b, "\\\\");
			break;
		case '\n':
			gsl_buf_puts(b, "\\n");
			break;
		case '\r':
			gsl_buf_puts(b, "\\r");
			break;
		case '\t':
			gsl_buf_puts(b, "\\t");
			break;
		default:
			if (c == (unsigned char)quote)
				gsl_buf_printf(b, "\\%c", c);
			else if (c < 0x20 || c == 0x7f)
				gsl_buf_printf(b, "\\x%02x", c);
			else
				gsl_buf_putc(b, (char)c);
		}
	}
	gsl_buf_putc(b, quote);
}

static bool is_word(char c, bool first)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (!first && c >= '0' && c <= '9');
}

bool gsl_py_is_identifier(const char *s, size_t n)
{
	/* Python's keywords, by length. */
	static const char *const keywords[] = {
		[2] = "as if in is or",
		[3] = "and def del for not try",
		[4] = "None True elif else from pass with",
		[5] = "False async await break class raise while yield",
		[6] = "assert except global import lambda return",
		[7] = "finally",
		[8] = "continue nonlocal",
	};
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_word(s[i], i == 0))
			return false;
	if (n >= sizeof keywords / sizeof *keywords || !keywords[n])
		return true;
	for (const char *k = keywords[n]; *k; k += n + (k[n] == ' '))
		if (k[0] == s[0] && memcmp(k, s, n) == 0)
			return false;
	return true;
}

void gsl_py_slug(struct gsl_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		gsl_buf_putc(b, is_word(s[i], false) ? s[i] : '_');
}

const char *gsl_py_name(struct gsl_arena *a, struct gsl_strmap *used, const char *prefix,
			const char *name)
{
	char *slug = gsl_arena_printf(a, "%s%s", prefix, name);
	for (char *c = slug + strlen(prefix); *c; c++)
		if (!is_word(*c, false))
			*c = '_';
	void **count = gsl_strmap_slot(used, slug, strlen(slug));
	uintptr_t n = (uintptr_t)*count;
	*count = (void *)(n + 1);
	return n ? gsl_arena_printf(a, "%s_%u", slug, (unsigned)n) : slug;
}

void gsl_py_attribute(struct gsl_buf *b, const char *obj, const char *name)
{
	size_t n = strlen(name);
	if (gsl_py_is_identifier(name, n)) {
		gsl_buf_puts(b, obj);
		gsl_buf_putc(b, '.');
		gsl_buf_put(b, name, n);
		return;
	}
	gsl_buf_puts(b, "getattr(");
	gsl_buf_puts(b, obj);
	gsl_buf_puts(b, ", ");
	gsl_py_repr(b, name, n);
	gsl_buf_putc(b, ')');
}

/* ---- Values and statements ------------------------------------------------- */

void gsl_py_value(struct gsl_buf *b, const struct gsl_tp_value *v)
{
	if (v->keyword) {
		gsl_buf_puts(b, v->keyword);
		gsl_buf_putc(b, '=');
	}
	const struct gsl_tp_example *x = v->example;
	if (x->number)
		gsl_buf_printf(b, "self.get_ex_%u()", x->number);
	else
		gsl_buf_put(b, x->expr.ptr, x->expr.len);
}

void gsl_py_args(struct gsl_buf *b, const struct gsl_tp_args *a)
{
	for (uint32_t i = 0; i < a->n; i++) {
		if (i)
			gsl_buf_puts(b, ", ");
		gsl_py_value(b, &a->v[i]);
	}
}

static void assign(struct gsl_buf *b, const char *dst)
{
	gsl_buf_puts(b, dst);
	gsl_buf_puts(b, " = ");
}

void gsl_py_call(struct gsl_buf *b, const struct gsl_tp_arrow *a, const char *src, const char *dst)
{
	switch (a->op) {
	case GSL_TP_GETATTR:
		assign(b, dst);
		gsl_py_attribute(b, src, a->name);
		break;
	case GSL_TP_CALLATTR:
		assign(b, dst);
		gsl_py_attribute(b, src, a->name);
		gsl_buf_putc(b, '(');
		gsl_py_args(b, &a->args);
		gsl_buf_putc(b, ')');
		break;
	case GSL_TP_CALL:
		assign(b, dst);
		gsl_buf_printf(b, "%s(", src);
		gsl_py_args(b, &a->args);
		gsl_buf_putc(b, ')');
		break;
	case GSL_TP_OPERATOR:
		assign(b, dst);
		gsl_buf_printf(b, "%s %s ", src, a->name);
		gsl_py_args(b, &a->args);
		break;
	case GSL_TP_REVERSE:
		assign(b, dst);
		gsl_py_args(b, &a->args);
		gsl_buf_printf(b, " %s %s", a->name, src);
		break;
	case GSL_TP_INPLACE:
		gsl_buf_printf(b, "%s = %s\n%s %s ", dst, src, dst, a->name);
		gsl_py_args(b, &a->args);
		break;
	case GSL_TP_FUNCTION:
		assign(b, dst);
		gsl_buf_printf(b, "%s(%s", a->name, src);
		if (a->args.n)
			gsl_buf_puts(b, ", ");
		gsl_py_args(b, &a->args);
		gsl_buf_putc(b, ')');
		break;
	case GSL_TP_GETITEM:
		assign(b, dst);
		gsl_buf_printf(b, "%s[", src);
		gsl_py_args(b, &a->args);
		gsl_buf_putc(b, ']');
		break;
	case GSL_TP_SETITEM: {
		/* The keys, then the value assigned. */
		struct gsl_tp_args keys = { a->args.v, a->args.n ? a->args.n - 1 : 0 };
		gsl_buf_printf(b, "%s[", src);
		gsl_py_args(b, &keys);
		gsl_buf_puts(b, "] = ");
		if (a->args.n)
			gsl_py_value(b, &a->args.v[a->args.n - 1]);
		break;
	}
	case GSL_TP_DELITEM:
		gsl_buf_printf(b, "del %s[", src);
		gsl_py_args(b, &a->args);
		gsl_buf_putc(b, ']');
		break;
	case GSL_TP_EITHER:
	case GSL_TP_ALTERNATIVE:
		break;
	}
}

void gsl_py_setup(struct gsl_buf *b, const struct gsl_tp_setup *s, const char *src)
{
	gsl_py_attribute(b, src, s->name);
	gsl_buf_putc(b, '(');
	gsl_py_args(b, &s->args);
	gsl_buf_putc(b, ')');
}

void gsl_py_prepare(struct gsl_buf *b, const struct gsl_tp_arrow *a, const char *src)
{
	if (a->setup) {
		gsl_py_setup(b, a->setup, src);
		gsl_buf_putc(b, '\n');
	}
	for (uint32_t i = 0; i < a->neqs; i++) {
		gsl_buf_printf(b, "pre_%u = ", i);
		gsl_py_check(b, &a->eqs[i].pre, src, NULL);
		gsl_buf_putc(b, '\n');
	}
}

void gsl_py_check(struct gsl_buf *b, const struct gsl_tp_check *c, const char *src, const char *dst)
{
	gsl_buf_printf(b, "%sself.cond_%u(", c->negated ? "not " : "", c->cond->number);
	for (uint32_t i = 0; i < c->noperands; i++) {
		if (i)
			gsl_buf_puts(b, ", ");
		const struct gsl_tp_operand *o = &c->operands[i];
		if (o->kind == GSL_TP_SOURCE)
			gsl_buf_puts(b, src);
		else if (o->kind == GSL_TP_RESULT)
			gsl_buf_puts(b, dst ? dst : "None");
		else
			gsl_py_value(b, o->value);
	}
	gsl_buf_putc(b, ')');
}

/* ---- Helper methods -------------------------------------------------------- */

/* Writes code lines, each indented at the current level (blank lines
 * stay empty). */
static void code_lines(struct gsl_render *r, struct gsl_str code)
{
	gsl_render_text(r, code.ptr, code.len);
	gsl_render_newline(r, false);
}

void gsl_py_example_method(struct gsl_render *r, const struct gsl_tp_example *x)
{
	gsl_render_rawf(r, "def get_ex_%u(self):\n", x->number);
	gsl_render_indent(r);
	code_lines(r, x->context);
	gsl_render_raw(r, "return ");
	gsl_render_text(r, x->expr.ptr, x->expr.len);
	gsl_render_newline(r, false);
	gsl_render_dedent(r);
}

void gsl_py_condition_method(struct gsl_render *r, const struct gsl_tp_condition *c)
{
	/* The first parameter takes more underscores until it is no
	 * parameter's name. */
	size_t underscores = 1;
	for (bool clash = true; clash; underscores += clash) {
		clash = false;
		for (uint32_t i = 0; i < c->nparams; i++) {
			const char *p = c->params[i];
			size_t n = strspn(p, "_");
			clash |= n == underscores && strcmp(p + n, "self") == 0;
		}
	}
	gsl_render_rawf(r, "def cond_%u(%.*sself", c->number, (int)underscores,
			"________________________________");
	for (uint32_t i = 0; i < c->nparams; i++)
		gsl_render_rawf(r, ", %s", c->params[i]);
	gsl_render_raw(r, "):\n");
	gsl_render_indent(r);
	gsl_render_rawf(r, "# Condition: %s\n", c->id);
	if (!c->ncode)
		gsl_render_raw(r, "return True\n");
	for (uint32_t i = 0; i < c->ncode; i++) {
		const struct gsl_node *code = c->code[i];
		for (const struct gsl_node *k = code->first_child; k; k = k->next)
			if (k->tag == GSL_TAG_IN_CONTEXT)
				code_lines(r, gsl_node_arg_stripped(k));
		struct gsl_str expr = gsl_node_arg_stripped(code);
		if (i + 1 < c->ncode) {
			gsl_render_raw(r, "if not (");
			gsl_render_text(r, expr.ptr, expr.len);
			gsl_render_raw(r, "):\n");
			gsl_render_indent(r);
			gsl_render_raw(r, "return False\n");
			gsl_render_dedent(r);
		} else {
			gsl_render_raw(r, "return (");
			gsl_render_text(r, expr.ptr, expr.len);
			gsl_render_raw(r, ")\n");
		}
	}
	gsl_render_dedent(r);
}

/* ---- The walk over steps ---------------------------------------------------------- */

void gsl_py_walk_init(struct gsl_py_walk *w, struct gsl_render *r, void *data,
		      void (*statements)(struct gsl_py_walk *, const struct gsl_tp_step *,
					 const struct gsl_py_var *, const struct gsl_py_var *))
{
	*w = (struct gsl_py_walk){ .r = r, .data = data, .statements = statements,
				   .except = "except:" };
	gsl_buf_init(&w->line, r->out->mem);
	gsl_buf_init(&w->templates, r->out->mem);
	gsl_buf_init(&w->raw, r->out->mem);
	gsl_buf_init(&w->indent, r->out->mem);
	w->indent_level = -1;
	w->var = gsl_py_var("t0");
}

void gsl_py_walk_plan(struct gsl_py_walk *w, const struct gsl_testplan *p)
{
	w->nvars = 0;
	gsl_buf_clear(&w->templates);
	if (p->narrows > w->ntemplates) {
		gsl_xfree(w->r->out->mem, w->template_at);
		w->ntemplates = p->narrows;
		w->template_at = gsl_xmalloc(w->r->out->mem, w->ntemplates * sizeof *w->template_at);
	}
	if (w->ntemplates)
		memset(w->template_at, 0, w->ntemplates * sizeof *w->template_at);
}

void gsl_py_walk_free(struct gsl_py_walk *w)
{
	gsl_buf_free(&w->line);
	gsl_buf_free(&w->templates);
	gsl_buf_free(&w->raw);
	gsl_buf_free(&w->indent);
	gsl_xfree(w->r->out->mem, w->template_at);
}

/* Bytes that follow each piece expand copies (a run of a template, the
 * indentation, a variable's name) and each line it copies into: pieces
 * are copied 16 bytes at a time, past their end, which for the few
 * bytes they usually are beats a call of memcpy. */
enum { PAD = 16 };

/* The template of an arrow's statement, made once per plan from what
 * gsl_py_call writes with \1 for the source and \2 for the result: the
 * runs of text between those and the newlines, each as its length (two
 * bytes) and its bytes, then what ends it (\1, \2, \n, or \0 at the
 * end), then PAD bytes of padding. Long runs are split. */
static const unsigned char *template_of(struct gsl_py_walk *w, const struct gsl_tp_arrow *a)
{
	uint32_t *at = &w->template_at[a->index];
	if (*at)
		return (const unsigned char *)w->templates.data + *at - 1;
	*at = (uint32_t)w->templates.len + 1;
	gsl_buf_clear(&w->raw);
	gsl_py_call(&w->raw, a, "\1", "\2");
	const char *t = gsl_buf_cstr(&w->raw);
	for (;;) {
		size_t k = strcspn(t, "\1\2\n");
		while (k > 0xffff) {
			gsl_buf_put(&w->templates, (const char[]){ (char)0xff, (char)0xff }, 2);
			gsl_buf_put(&w->templates, t, 0xffff);
			gsl_buf_putc(&w->templates, '\3'); /* nothing to put in */
			t += 0xffff;
			k -= 0xffff;
		}
		gsl_buf_put(&w->templates, (const char[]){ (char)(k & 0xff), (char)(k >> 8) }, 2);
		gsl_buf_put(&w->templates, t, k);
		gsl_buf_putc(&w->templates, t[k]);
		if (!t[k])
			break;
		t += k + 1;
	}
	gsl_buf_put(&w->templates, (const char[PAD]){ 0 }, PAD);
	return (const unsigned char *)w->templates.data + *at - 1;
}

/* The longest line made at once; longer ones are appended in pieces. */
#define LINE 256

/* Copies n bytes, and up to PAD - 1 more: from has them to read and to
 * has them to spare. */
static void copy(char *to, const char *from, size_t n)
{
	if (n <= PAD) {
		memcpy(to, from, PAD);
	} else if (n <= 2 * PAD) {
		memcpy(to, from, PAD);
		memcpy(to + PAD, from + PAD, PAD);
	} else {
		memcpy(to, from, n);
	}
}

/* Where expand makes a line: in the free space of the output buffer
 * while it has room for a whole line, else in a local array that is
 * then appended. */
struct line {
	struct gsl_buf *b;
	char *at;                       /* b's free space, or local */
	size_t n;                       /* bytes made */
	char local[LINE + PAD];
};

static void line_start(struct line *l)
{
	struct gsl_buf *b = l->b;
	l->n = 0;
	l->at = b->data && b->cap - b->len > LINE + PAD ? b->data + b->len : l->local;
}

/* Puts the bytes made into the buffer, and starts again. */
static void line_flush(struct line *l)
{
	if (l->at == l->local) {
		gsl_buf_put(l->b, l->local, l->n);
	} else {
		l->b->len += l->n;
		l->b->data[l->b->len] = '\0';
	}
	line_start(l);
}

/* Appends the indentation of a new line of w's renderer to l, from a
 * copy made when the level changes. The statements of steps are written
 * straight into the output this way, a line at a time, without the
 * renderer's scan for newlines: the tests of a large corpus are millions
 * of lines. */
static void indentation(struct gsl_py_walk *w, struct line *l)
{
	struct gsl_render *r = w->r;
	if (w->indent_level != r->level) {
		gsl_buf_clear(&w->indent);
		for (int i = 0; i < r->level; i++)
			gsl_buf_puts(&w->indent, r->unit);
		w->indent_len = w->indent.len;
		gsl_buf_put(&w->indent, (const char[PAD]){ 0 }, PAD);
		w->indent_level = r->level;
	}
	if (l->n + w->indent_len > LINE / 2) {
		line_flush(l);
		gsl_buf_put(l->b, w->indent.data, w->indent_len);
		line_start(l);
		return;
	}
	copy(l->at + l->n, w->indent.data, w->indent_len);
	l->n += w->indent_len;
}

/* Writes a template with src and dst (variable names) put in: into b,
 * or, when w is given, into its renderer's output as lines at its
 * indentation, each ended. */
static void expand(struct gsl_buf *b, struct gsl_py_walk *w, const unsigned char *t,
		   const struct gsl_py_var *src, const struct gsl_py_var *dst)
{
	struct line l;                  /* not zeroed: only the bytes made are read */
	l.b = w ? w->r->out : b;
	line_start(&l);
	if (w && w->r->line_start)
		indentation(w, &l);
	for (;;) {
		size_t k = (size_t)t[0] | (size_t)t[1] << 8;
		t += 2;
		if (l.n + k + src->len + dst->len + 1 > LINE) {
			line_flush(&l);
			gsl_buf_put(l.b, (const char *)t, k);
			line_start(&l);
		} else {
			copy(l.at + l.n, (const char *)t, k);
			l.n += k;
		}
		t += k;
		unsigned char c = *t++;
		if (c == '\1') {
			copy(l.at + l.n, src->name, src->len);
			l.n += src->len;
		} else if (c == '\2') {
			copy(l.at + l.n, dst->name, dst->len);
			l.n += dst->len;
		} else if (c == '\n') {
			l.at[l.n++] = '\n';
			if (w) {
				line_flush(&l);
				indentation(w, &l);
			}
		} else if (!c) {
			break;
		}
	}
	if (w) {
		l.at[l.n++] = '\n';
		w->r->line_start = true;
	}
	line_flush(&l);
}

struct gsl_py_var gsl_py_var(const char *name)
{
	struct gsl_py_var v = { .len = 0 };
	v.len = strlen(name);
	if (v.len >= sizeof v.name)
		v.len = sizeof v.name - 1;
	memcpy(v.name, name, v.len);
	v.name[v.len] = '\0';
	return v;
}

void gsl_py_walk_call(struct gsl_py_walk *w, struct gsl_buf *b, const struct gsl_tp_arrow *a,
		      const struct gsl_py_var *src, const struct gsl_py_var *dst)
{
	expand(b, NULL, template_of(w, a), src, dst);
}

void gsl_py_walk_statement(struct gsl_py_walk *w, const struct gsl_tp_arrow *a,
			   const struct gsl_py_var *src, const struct gsl_py_var *dst)
{
	expand(NULL, w, template_of(w, a), src, dst);
}

/* A step whose children are being written. */
struct frame {
	const struct gsl_tp_step *step;
	const struct gsl_tp_step *child;  /* the next child to write */
	const struct gsl_tp_step *from;   /* the step that made step's object: step,
					     or the one above an either group */
	struct gsl_py_var var;            /* the variable of step's object */
	bool alternatives;                /* step is an either group: its children
					     are tried in turn */
	bool in_try;                      /* an alternative's try block is open */
	uint32_t tries;                   /* try blocks that got statements */
	size_t mark;                      /* where the open try block began */
	size_t body;                      /* where its statements begin */
};

/* The variable t<n>. */
static struct gsl_py_var variable(uint32_t n)
{
	char digits[12];
	size_t k = 0;
	do
		digits[k++] = (char)('0' + n % 10);
	while ((n /= 10));
	struct gsl_py_var v = { .len = k + 1 };
	v.name[0] = 't';
	for (size_t i = 1; k;)
		v.name[i++] = digits[--k];
	v.name[v.len] = '\0';
	return v;
}

/* The variable t<w->nvars>, counted: the next one is made from it by
 * adding one to its digits, which beats dividing for each digit. */
static struct gsl_py_var next_variable(struct gsl_py_walk *w)
{
	if (w->var_number != w->nvars)
		w->var = variable(w->nvars);
	struct gsl_py_var v = w->var;
	w->var_number = ++w->nvars;
	size_t i = w->var.len - 1;
	for (; i > 0 && w->var.name[i] == '9'; i--)
		w->var.name[i] = '0';
	if (i > 0)
		w->var.name[i]++;
	else
		w->var = variable(w->nvars);
	return v;
}

/* Closes the try block of the alternative just written: dropped when
 * it had nothing to try, else followed by the except clause. */
static void end_try(struct gsl_py_walk *w, struct frame *f)
{
	struct gsl_render *r = w->r;
	f->in_try = false;
	gsl_render_dedent(r);
	if (r->out->len == f->body) {
		r->out->len = f->mark;
		r->out->data[f->mark] = '\0';
		return;
	}
	gsl_render_raw(r, w->except);
	gsl_render_newline(r, true);
	gsl_render_indent(r);
	f->tries++;
}

/* Ends the either group of a frame when all its alternatives are
 * written: what none_held writes, or raise, then the dedents. */
static void end_either(struct gsl_py_walk *w, const struct frame *f)
{
	if (f->tries && w->none_held)
		w->none_held(w, f->step);
	else if (f->tries)
		gsl_render_raw(w->r, "raise\n");
	for (uint32_t i = 0; i < f->tries; i++)
		gsl_render_dedent(w->r);
}

void gsl_py_walk_steps(struct gsl_py_walk *w, const struct gsl_tp_step *parent, const char *var,
		       const struct gsl_tp_step *only)
{
	const struct gsl_mem *mem = w->r->out->mem;
	struct gsl_render *r = w->r;
	uint32_t depth = 0, cap = 16;
	struct frame *stack = gsl_xmalloc(mem, cap * sizeof *stack);
	stack[depth++] = (struct frame){ .step = parent,
					 .child = only ? only : parent->first_child,
					 .from = parent, .var = gsl_py_var(var) };
	while (depth) {
		struct frame *f = &stack[depth - 1];
		if (f->in_try)
			end_try(w, f);
		const struct gsl_tp_step *next = f->child;
		if (!next || (depth == 1 && only && next != only)) {
			if (f->alternatives)
				end_either(w, f);
			depth--;
			continue;
		}
		f->child = next->next;
		struct gsl_py_var var_of_next = f->var;
		if (f->alternatives) {
			f->in_try = true;
			f->mark = r->out->len;
			gsl_render_raw(r, "try:\n");
			gsl_render_indent(r);
			f->body = r->out->len;
		} else if (next->arrow->op != GSL_TP_EITHER) {
			var_of_next = next_variable(w);
			w->from = f->from;
			w->statements(w, next, &f->var, &var_of_next);
		}
		if (!next->first_child)
			continue;
		if (depth == cap) {
			cap *= 2;
			stack = gsl_xrealloc(mem, stack, cap * sizeof *stack);
		}
		bool either = next->arrow->op == GSL_TP_EITHER || next->arrow->op == GSL_TP_ALTERNATIVE;
		stack[depth++] = (struct frame){ .step = next, .child = next->first_child,
						 .from = either ? f->from : next, .var = var_of_next,
						 .alternatives = next->arrow->op == GSL_TP_EITHER };
	}
	gsl_xfree(mem, stack);
}
