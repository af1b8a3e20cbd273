/* diff_reach.c: how the values a comparison visits are reached from the
 * object a test takes, as Python text for counterexamples and witnesses.
 * Most values never need it, so the text is made on first use, walking
 * up the chain without recursion. */
#include "config.h"

#include "diff.h"

#include <string.h>

#include "pycode.h"

static struct diff_reach *new_reach(struct differ *d, struct diff_reach *up)
{
	struct diff_reach *r = gsl_arena_alloc(&d->arena, sizeof *r);
	r->up = up;
	return r;
}

struct diff_reach *diff_reach_object(struct differ *d, const char *name)
{
	struct diff_reach *r = new_reach(d, NULL);
	*r = (struct diff_reach){ .expr = name, .wexpr = "arg", .whelpers = "", .runnable = true,
				  .made = true };
	return r;
}

struct diff_reach *diff_reach_attr(struct differ *d, struct diff_reach *up, const char *key)
{
	struct diff_reach *r = new_reach(d, up);
	r->key = key;
	return r;
}

struct diff_reach *diff_reach_call(struct differ *d, struct diff_reach *up,
				   const struct compat_call *call)
{
	struct diff_reach *r = new_reach(d, up);
	r->via = call;
	return r;
}

bool diff_shortest_args(struct differ *d, const struct compat_call *call,
			struct compat_code *code, struct compat_args *args)
{
	struct compat_nfa nfa;
	if (compat_grammar_compile(&d->al, &d->s, true, call->node, &nfa) != COMPAT_YES)
		return false;
	struct compat_word w;
	bool found = compat_shortest(d->arena.mem, &nfa, &w);
	compat_nfa_free(d->arena.mem, &nfa);
	if (!found)
		return false;
	compat_code_args(&d->arena, &d->al, &w, d->s.old, true, code, args);
	compat_word_free(d->arena.mem, &w);
	return true;
}

/* Whether a call of this form is an expression (has a value). */
static bool has_value(const struct compat_call *call)
{
	return call->how != COMPAT_HOW_INPLACE && call->how != COMPAT_HOW_SETITEM &&
	       call->how != COMPAT_HOW_DELITEM;
}

/* Makes r's texts from those of r->up (made). */
static void make(struct differ *d, struct diff_reach *r)
{
	const struct diff_reach *up = r->up;
	struct gsl_buf text;
	gsl_buf_init(&text, d->arena.mem);
	r->whelpers = up->whelpers;
	r->runnable = up->runnable;
	if (r->key) {
		gsl_py_attribute(&text, up->expr, r->key);
		r->expr = gsl_arena_strdup(&d->arena, gsl_buf_cstr(&text));
		gsl_buf_clear(&text);
		gsl_py_attribute(&text, up->wexpr, r->key);
		r->wexpr = gsl_arena_strdup(&d->arena, gsl_buf_cstr(&text));
	} else {
		struct gsl_buf helpers;
		gsl_buf_init(&helpers, d->arena.mem);
		gsl_buf_puts(&helpers, up->whelpers);
		struct compat_code people = { 0 }, code = { .helpers = &helpers };
		struct compat_args pargs, wargs;
		if (diff_shortest_args(d, r->via, &people, &pargs) &&
		    diff_shortest_args(d, r->via, &code, &wargs)) {
			compat_code_call(&text, r->via, up->expr, &pargs, false);
			r->expr = gsl_arena_strdup(&d->arena, gsl_buf_cstr(&text));
			gsl_buf_clear(&text);
			compat_code_call(&text, r->via, up->wexpr, &wargs, false);
			r->wexpr = gsl_arena_strdup(&d->arena, gsl_buf_cstr(&text));
			r->whelpers = gsl_arena_strdup(&d->arena, gsl_buf_cstr(&helpers));
			r->runnable = r->runnable && !code.placeholder && has_value(r->via);
		} else {
			r->expr = r->wexpr = "<none>";
			r->runnable = false;
		}
		gsl_buf_free(&helpers);
	}
	gsl_buf_free(&text);
	r->made = true;
}

const struct diff_reach *diff_reach_made(struct differ *d, struct diff_reach *r)
{
	while (!r->made) {
		/* The highest reach not made yet has a made one above it. */
		struct diff_reach *top = r;
		while (!top->up->made)
			top = top->up;
		make(d, top);
	}
	return r;
}
