/* pytext.c: Python text of values, calls and condition checks, for the
 * counterexamples of findings and for witness tests. */
#include "config.h"

#include "pytext.h"
#include "pycode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void compat_code_indent(struct gsl_buf *out, struct gsl_str text, int indent)
{
	while (text.len) {
		const char *nl = memchr(text.ptr, '\n', text.len);
		size_t n = nl ? (size_t)(nl - text.ptr) : text.len;
		gsl_buf_printf(out, "%*s%.*s\n", indent, "", (int)n, text.ptr);
		text.ptr += nl ? n + 1 : n;
		text.len -= nl ? n + 1 : n;
	}
}

/* Whether the helper `def name(` is already in the helpers. */
static bool has_helper(const struct gsl_buf *helpers, const char *name)
{
	char head[128];
	snprintf(head, sizeof head, "def %s(", name);
	return helpers->len && strstr(gsl_buf_cstr(helpers), head);
}

/* A multi-line expression reads as one in parentheses. */
static void put_expression(struct gsl_buf *out, struct gsl_str e)
{
	bool lines = memchr(e.ptr, '\n', e.len) != NULL;
	if (lines)
		gsl_buf_putc(out, '(');
	gsl_buf_put(out, e.ptr, e.len);
	if (lines)
		gsl_buf_putc(out, ')');
}

/* Appends a value of kind (a kind index of side; COMPAT_ANY for any):
 * its first example. */
static void put_value(struct gsl_buf *out, const struct compat_side *side, uint32_t kind,
		      struct compat_code *code)
{
	if (kind == COMPAT_ANY) {
		gsl_buf_puts(out, "None");
		return;
	}
	const struct compat_kind *k = kind < side->nkinds ? side->kinds[kind] : NULL;
	if (!k || !k->nexamples) {
		gsl_buf_printf(out, "<%s>", k ? k->name : "?");
		code->placeholder = true;
		return;
	}
	const struct gsl_node *eg = k->examples[0];
	struct gsl_str expr = gsl_node_arg_stripped(eg);
	const struct gsl_node *context = NULL;
	for (const struct gsl_node *c = eg->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_IN_CONTEXT)
			context = c;
	if (!context || !code->helpers) {
		put_expression(out, expr);
		return;
	}
	char name[64];
	snprintf(name, sizeof name, "ex_%u_%u_%u", (unsigned)eg->file, (unsigned)eg->line,
		 (unsigned)eg->col);
	if (!has_helper(code->helpers, name)) {
		gsl_buf_printf(code->helpers, "    def %s(self):\n", name);
		compat_code_indent(code->helpers, gsl_node_arg_stripped(context), 8);
		gsl_buf_puts(code->helpers, "        return ");
		put_expression(code->helpers, expr);
		gsl_buf_putc(code->helpers, '\n');
	}
	gsl_buf_printf(out, "self.%s()", name);
}

static uint32_t side_kind(const struct compat_symbol *s, bool old)
{
	if (s->kind == COMPAT_ANY)
		return COMPAT_ANY;
	return old ? s->old_kind : s->new_kind;
}

void compat_code_args(struct gsl_arena *arena, const struct compat_alphabet *al,
		      const struct compat_word *w, const struct compat_side *side, bool old,
		      struct compat_code *code, struct compat_args *out)
{
	*out = (struct compat_args){ 0 };
	out->pos = gsl_arena_alloc(arena, (w->len + 1) * sizeof *out->pos);
	out->kwname = gsl_arena_alloc(arena, (w->len + 1) * sizeof *out->kwname);
	out->kwvalue = gsl_arena_alloc(arena, (w->len + 1) * sizeof *out->kwvalue);
	struct gsl_buf v;
	gsl_buf_init(&v, arena->mem);
	for (uint32_t i = 0; i < w->len; i++) {
		const struct compat_symbol *s = &al->symbols[w->sym[i]];
		gsl_buf_clear(&v);
		put_value(&v, side, side_kind(s, old), code);
		const char *text = gsl_arena_strdup(arena, gsl_buf_cstr(&v));
		if (s->name) {
			out->kwname[out->nkw] = s->name;
			out->kwvalue[out->nkw++] = text;
		} else {
			out->pos[out->npos++] = text;
		}
	}
	gsl_buf_free(&v);
}

static void put_list(struct gsl_buf *out, const struct compat_args *a, uint32_t from)
{
	bool comma = false;
	for (uint32_t i = from; i < a->npos; i++, comma = true) {
		gsl_buf_puts(out, comma ? ", " : "");
		gsl_buf_puts(out, a->pos[i]);
	}
	for (uint32_t i = 0; i < a->nkw; i++, comma = true) {
		gsl_buf_puts(out, comma ? ", " : "");
		gsl_buf_puts(out, a->kwname[i]);
		gsl_buf_putc(out, '=');
		gsl_buf_puts(out, a->kwvalue[i]);
	}
}

static const char *first_pos(const struct compat_args *a)
{
	return a->npos ? a->pos[0] : "None";
}

void compat_code_call(struct gsl_buf *out, const struct compat_call *call, const char *callee,
		      const struct compat_args *args, bool statement)
{
	const char *t = statement ? "t = " : "";
	switch ((enum compat_how)call->how) {
	case COMPAT_HOW_CALL:
		gsl_buf_printf(out, "%s%s(", t, callee);
		put_list(out, args, 0);
		gsl_buf_putc(out, ')');
		break;
	case COMPAT_HOW_BINARY:
		gsl_buf_printf(out, "%s%s %s %s", t, callee, call->op, first_pos(args));
		break;
	case COMPAT_HOW_REVERSE:
		gsl_buf_printf(out, "%s%s %s %s", t, first_pos(args), call->op, callee);
		break;
	case COMPAT_HOW_INPLACE:
		if (statement)
			gsl_buf_printf(out, "t = %s\nt %s %s", callee, call->op, first_pos(args));
		else
			gsl_buf_printf(out, "%s %s %s", callee, call->op, first_pos(args));
		break;
	case COMPAT_HOW_FUNCTION:
		gsl_buf_printf(out, "%s%s(%s", t, call->op, callee);
		if (args->npos || args->nkw)
			gsl_buf_puts(out, ", ");
		put_list(out, args, 0);
		gsl_buf_putc(out, ')');
		break;
	case COMPAT_HOW_GETITEM:
		gsl_buf_printf(out, "%s%s[", t, callee);
		put_list(out, args, 0);
		gsl_buf_putc(out, ']');
		break;
	case COMPAT_HOW_SETITEM: {
		struct compat_args keys = *args;
		keys.npos = args->npos ? args->npos - 1 : 0;
		keys.nkw = 0;
		gsl_buf_printf(out, "%s[", callee);
		put_list(out, &keys, 0);
		gsl_buf_printf(out, "] = %s", args->npos ? args->pos[args->npos - 1] : "None");
		break;
	}
	case COMPAT_HOW_DELITEM:
		gsl_buf_printf(out, "del %s[", callee);
		put_list(out, args, 0);
		gsl_buf_putc(out, ']');
		break;
	}
}

void compat_code_kinds(struct gsl_buf *out, const struct compat_alphabet *al,
		       const struct compat_word *w, const struct compat_side *side, bool old)
{
	gsl_buf_putc(out, '(');
	for (uint32_t i = 0; i < w->len; i++) {
		const struct compat_symbol *s = &al->symbols[w->sym[i]];
		uint32_t k = side_kind(s, old);
		if (i)
			gsl_buf_puts(out, ", ");
		if (s->name) {
			gsl_buf_puts(out, s->name);
			gsl_buf_putc(out, '=');
		}
		gsl_buf_puts(out, k == COMPAT_ANY ? "*" : k < side->nkinds ? side->kinds[k]->path : "?");
	}
	gsl_buf_putc(out, ')');
}

/* Defines the helper method that evaluates condition s: its parameters
 * are its `.self` and `.arg` names; each python code must hold. */
static void define_condition(struct gsl_buf *helpers, const char *name,
			     const struct gsl_subject *s)
{
	const struct gsl_node *cond = s->node;
	gsl_buf_printf(helpers, "    def %s(_self", name);
	for (const struct gsl_node *c = cond->first_child; c; c = c->next) {
		if (c->flags & GSL_NODE_BAD_ARG)
			continue;
		if (c->tag == GSL_TAG_SELF && c->u.names)
			gsl_buf_printf(helpers, ", %.*s", (int)c->u.names->len, c->u.names->text);
		else if (c->tag == GSL_TAG_ARG && c->u.argspec->name)
			gsl_buf_printf(helpers, ", %.*s", (int)c->u.argspec->name->len,
				       c->u.argspec->name->text);
	}
	gsl_buf_puts(helpers, "):\n");
	const struct gsl_node *last = NULL;
	for (const struct gsl_node *c = cond->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_PYTHON_CODE)
			last = c;
	for (const struct gsl_node *c = cond->first_child; c; c = c->next) {
		if (c->tag != GSL_TAG_PYTHON_CODE)
			continue;
		for (const struct gsl_node *x = c->first_child; x; x = x->next)
			if (x->tag == GSL_TAG_IN_CONTEXT)
				compat_code_indent(helpers, gsl_node_arg_stripped(x), 8);
		struct gsl_str code = gsl_node_arg_stripped(c);
		gsl_buf_puts(helpers, c == last ? "        return (" : "        if not (");
		gsl_buf_put(helpers, code.ptr, code.len);
		gsl_buf_puts(helpers, c == last ? ")\n" : "):\n            return False\n");
	}
	if (!last)
		gsl_buf_puts(helpers, "        return True\n");
}

/* The next argument role of a condition's argument list "a,b,c". */
static bool next_role(const char **p, char *role, size_t size)
{
	if (!**p)
		return false;
	size_t n = 0;
	while (**p && **p != ',') {
		if (n + 1 < size)
			role[n++] = **p;
		(*p)++;
	}
	role[n] = '\0';
	if (**p == ',')
		(*p)++;
	return true;
}

bool compat_code_condition(struct gsl_buf *out, const struct compat_cond *c, const char *object,
			   const struct compat_args *args, struct compat_code *code)
{
	if (!c->cond || !code->helpers)
		return false;
	struct gsl_buf slug;
	gsl_buf_init(&slug, out->mem);
	gsl_buf_puts(&slug, "cond_");
	gsl_py_slug(&slug, c->cond->name->text, c->cond->name->len);
	gsl_buf_printf(&slug, "_%u", (unsigned)c->cond->node->line);
	const char *name = gsl_buf_cstr(&slug);
	if (!has_helper(code->helpers, name))
		define_condition(code->helpers, name, c->cond);
	gsl_buf_printf(out, "%sself.%s(", c->negated ? "not " : "", name);
	gsl_buf_free(&slug);
	const char *p = c->args;
	char role[128];
	for (int i = 0; next_role(&p, role, sizeof role); i++) {
		if (i)
			gsl_buf_puts(out, ", ");
		if (strcmp(role, "<self>") == 0) {
			gsl_buf_puts(out, object);
		} else if (strcmp(role, "<ret>") == 0) {
			gsl_buf_putc(out, 't');
		} else if (role[0] == '#') {
			uint32_t k = (uint32_t)strtoul(role + 1, NULL, 10);
			if (k >= args->npos)
				return false;
			gsl_buf_puts(out, args->pos[k]);
		} else {
			size_t n = strlen(role);
			if (!n || role[n - 1] != '=')
				return false;
			role[n - 1] = '\0';
			uint32_t k = 0;
			while (k < args->nkw && strcmp(args->kwname[k], role) != 0)
				k++;
			if (k == args->nkw)
				return false;
			gsl_buf_puts(out, args->kwvalue[k]);
		}
	}
	gsl_buf_putc(out, ')');
	return true;
}
