/* diff_calls.c: how a value is called. Argument lists are contravariant:
 * the language of NEW's grammars must include OLD's (decided on the
 * automata, with a shortest counterexample). The calls of OLD and NEW
 * that share an argument list are then compared: returned values are
 * covariant, preconditions may only weaken and postconditions and
 * equations only strengthen. */
#include "config.h"

#include "diff.h"

#include <string.h>

static const struct compat_shape no_shape;

/* ---- Witnesses -------------------------------------------------------------------- */

void diff_witness_call(struct differ *d, struct compat_finding *f, struct diff_job *job,
		       const struct compat_call *call)
{
	if (!f || !d->report->witnesses)
		return;
	const char *object = diff_reach_made(d, job->reach)->wexpr;
	struct gsl_buf helpers, body;
	gsl_buf_init(&helpers, d->arena.mem);
	gsl_buf_init(&body, d->arena.mem);
	struct compat_code code = { .helpers = &helpers };
	struct compat_args args;
	if (diff_shortest_args(d, call, &code, &args) && !code.placeholder) {
		compat_code_call(&body, call, object, &args, true);
		diff_witness(d, f, job, gsl_buf_cstr(&body), gsl_buf_cstr(&helpers));
	}
	gsl_buf_free(&helpers);
	gsl_buf_free(&body);
}

/* ---- Conditions -------------------------------------------------------------------- */

static const char *cond_key(struct differ *d, bool old, const struct compat_cond *c)
{
	struct gsl_buf *b = &d->scratch;
	gsl_buf_clear(b);
	if (c->negated)
		gsl_buf_puts(b, "not ");
	if (c->cond) {
		diff_subject_key(d, old, c->cond, b);
	} else {
		struct gsl_str name = gsl_name_str(c->node->u.cond->cond);
		gsl_buf_printf(b, "?%.*s", (int)name.len, name.ptr);
	}
	gsl_buf_printf(b, "(%s)", c->args);
	return gsl_arena_strdup(&d->arena, gsl_buf_cstr(b));
}

static bool has_key(const char **keys, uint32_t n, const char *key)
{
	for (uint32_t i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

static const char **cond_keys(struct differ *d, bool old, const struct compat_cond *c, uint32_t n)
{
	const char **keys = gsl_arena_alloc(&d->arena, (n + 1) * sizeof *keys);
	for (uint32_t i = 0; i < n; i++)
		keys[i] = cond_key(d, old, &c[i]);
	return keys;
}

static const char **equation_keys(struct differ *d, bool old, const struct compat_call *call)
{
	const char **keys = gsl_arena_alloc(&d->arena, (call->neqs + 1) * sizeof *keys);
	for (uint32_t e = 0; e < call->neqs; e++) {
		const struct compat_equation *eq = &call->eqs[e];
		const char *key = "";
		for (uint32_t i = 0; i < eq->npre + eq->npost; i++)
			key = gsl_arena_printf(&d->arena, "%s%s%s", key,
					       i == eq->npre ? " == " : i ? ", " : "",
					       cond_key(d, old, &eq->conds[i]));
		keys[e] = key;
	}
	return keys;
}

/* The text of a condition as written. */
static struct gsl_str cond_text(const struct compat_cond *c)
{
	return gsl_node_arg_stripped(c->node);
}

/* "pre == post, post" as written. */
static const char *equation_text(struct differ *d, const struct compat_equation *eq)
{
	gsl_buf_clear(&d->scratch);
	for (uint32_t i = 0; i < eq->npre + eq->npost; i++) {
		struct gsl_str t = cond_text(&eq->conds[i]);
		gsl_buf_puts(&d->scratch, i == eq->npre ? " == " : i ? ", " : "");
		gsl_buf_put(&d->scratch, t.ptr, t.len);
	}
	return gsl_arena_strdup(&d->arena, gsl_buf_cstr(&d->scratch));
}

/* A witness that calls co with a shortest argument list and asserts
 * conditions: each of post after the call; for an equation, that its
 * precondition before the call equals its postconditions after. */
static void witness_conditions(struct differ *d, struct compat_finding *f, struct diff_job *job,
			       const struct compat_call *co, const struct compat_cond *post,
			       const struct compat_equation *eq)
{
	if (!f || co->npre || !d->report->witnesses)
		return; /* setting up preconditions is the tests backend's job */
	const char *callee = diff_reach_made(d, job->reach)->wexpr;
	/* Conditions name the object whose method is called, or the object
	 * an operator is applied to. */
	const char *object = job->role == DIFF_ATTR && job->reach->up ? job->reach->up->wexpr
								      : callee;
	struct gsl_buf helpers, body;
	gsl_buf_init(&helpers, d->arena.mem);
	gsl_buf_init(&body, d->arena.mem);
	struct compat_code code = { .helpers = &helpers };
	struct compat_args args;
	bool ok = diff_shortest_args(d, co, &code, &args);
	if (ok && eq) {
		gsl_buf_puts(&body, "pre = ");
		ok = compat_code_condition(&body, &eq->conds[0], object, &args, &code);
		gsl_buf_putc(&body, '\n');
	}
	if (ok) {
		compat_code_call(&body, co, callee, &args, true);
		gsl_buf_putc(&body, '\n');
	}
	for (uint32_t i = eq ? eq->npre : 0; ok && i < (eq ? eq->npre + eq->npost : 1); i++) {
		gsl_buf_puts(&body, eq ? "assert pre == " : "assert ");
		ok = compat_code_condition(&body, eq ? &eq->conds[i] : post, object, &args, &code);
		gsl_buf_putc(&body, '\n');
	}
	if (ok && !code.placeholder)
		diff_witness(d, f, job, gsl_buf_cstr(&body), gsl_buf_cstr(&helpers));
	gsl_buf_free(&helpers);
	gsl_buf_free(&body);
}

static void compare_conditions(struct differ *d, struct diff_job *job,
			       const struct compat_call *co, const struct compat_call *cn)
{
	struct compat_place po = diff_place(d->s.old, gsl_node_loc(co->node));
	struct compat_place pn = diff_place(d->s.new, gsl_node_loc(cn->node));
	const char **opre = cond_keys(d, true, co->pre, co->npre);
	const char **npre = cond_keys(d, false, cn->pre, cn->npre);
	for (uint32_t j = 0; j < cn->npre; j++)
		if (!has_key(opre, co->npre, npre[j]))
			compat_report_add(d->report, COMPAT_RULE_PRECONDITION_ADDED, job->path, po,
					  diff_place(d->s.new, gsl_node_loc(cn->pre[j].node)), npre[j],
					  "'%s' has a new precondition '%.*s'", job->new_path,
					  (int)cond_text(&cn->pre[j]).len, cond_text(&cn->pre[j]).ptr);
	for (uint32_t i = 0; i < co->npre; i++)
		if (!has_key(npre, cn->npre, opre[i]))
			compat_report_add(d->report, COMPAT_RULE_PRECONDITION_REMOVED, job->path,
					  diff_place(d->s.old, gsl_node_loc(co->pre[i].node)), pn,
					  opre[i], "'%s' no longer requires '%.*s'", job->path,
					  (int)cond_text(&co->pre[i]).len, cond_text(&co->pre[i]).ptr);
	const char **opost = cond_keys(d, true, co->post, co->npost);
	const char **npost = cond_keys(d, false, cn->post, cn->npost);
	for (uint32_t i = 0; i < co->npost; i++) {
		if (has_key(npost, cn->npost, opost[i]))
			continue;
		struct compat_finding *f = compat_report_add(d->report,
			COMPAT_RULE_POSTCONDITION_REMOVED, job->path,
			diff_place(d->s.old, gsl_node_loc(co->post[i].node)), pn, opost[i],
			"'%s' no longer guarantees '%.*s'", job->path,
			(int)cond_text(&co->post[i]).len, cond_text(&co->post[i]).ptr);
		witness_conditions(d, f, job, co, &co->post[i], NULL);
	}
	for (uint32_t j = 0; j < cn->npost; j++)
		if (!has_key(opost, co->npost, npost[j]))
			compat_report_add(d->report, COMPAT_RULE_POSTCONDITION_ADDED, job->path, po,
					  diff_place(d->s.new, gsl_node_loc(cn->post[j].node)),
					  npost[j], "'%s' now also guarantees '%.*s'", job->new_path,
					  (int)cond_text(&cn->post[j]).len, cond_text(&cn->post[j]).ptr);
	const char **oeq = equation_keys(d, true, co), **neq = equation_keys(d, false, cn);
	for (uint32_t i = 0; i < co->neqs; i++) {
		if (has_key(neq, cn->neqs, oeq[i]))
			continue;
		struct compat_finding *f = compat_report_add(d->report,
			COMPAT_RULE_EQUATION_REMOVED, job->path,
			diff_place(d->s.old, gsl_node_loc(co->eqs[i].node)), pn, oeq[i],
			"'%s' no longer guarantees the equation %s", job->path,
			equation_text(d, &co->eqs[i]));
		if (co->eqs[i].npre == 1 && co->eqs[i].npost)
			witness_conditions(d, f, job, co, NULL, &co->eqs[i]);
	}
	for (uint32_t j = 0; j < cn->neqs; j++)
		if (!has_key(oeq, co->neqs, neq[j]))
			compat_report_add(d->report, COMPAT_RULE_EQUATION_ADDED, job->path, po,
					  diff_place(d->s.new, gsl_node_loc(cn->eqs[j].node)), neq[j],
					  "'%s' now also guarantees the equation %s", job->new_path,
					  equation_text(d, &cn->eqs[j]));
}

/* ---- Pairs of calls ------------------------------------------------------------------ */

/* Compares two calls that share argument lists: conditions, and the
 * returned values (a job of their own). */
static void compare_pair(struct differ *d, struct diff_job *job, const struct compat_call *co,
			 const struct compat_call *cn)
{
	compare_conditions(d, job, co, cn);
	if (!co->ret && !cn->ret)
		return;
	const struct compat_shape *ro = co->ret ? co->ret : &no_shape;
	const struct compat_shape *rn = cn->ret ? cn->ret : &no_shape;
	struct diff_job sub = {
		.old = ro, .new = rn,
		.old_all = ro->members, .new_all = rn->members,
		.old_nall = ro->nmembers, .new_nall = rn->nmembers,
		.path = diff_join(d, job->path, "", "()"),
		.new_path = diff_join(d, job->new_path, "", "()"),
		.reach = diff_reach_call(d, job->reach, co),
		.kind = job->kind, .new_kind = job->new_kind,
		.oldp = diff_place(d->s.old, gsl_node_loc(co->node)),
		.newp = diff_place(d->s.new, gsl_node_loc(cn->node)),
		.role = DIFF_RETURN,
	};
	diff_push(d, &sub);
}

/* Reports a word one grammar accepts and the other does not. */
static struct compat_finding *report_word(struct differ *d, struct diff_job *job,
					  enum compat_rule rule, const struct compat_word *w,
					  bool old, const struct compat_call *call)
{
	const struct diff_reach *reach = diff_reach_made(d, job->reach);
	struct gsl_buf text, kinds;
	gsl_buf_init(&text, d->arena.mem);
	gsl_buf_init(&kinds, d->arena.mem);
	struct compat_code people = { 0 };
	struct compat_args args;
	compat_code_args(&d->arena, &d->al, w, old ? d->s.old : d->s.new, old, &people, &args);
	compat_code_call(&text, call, reach->expr, &args, false);
	compat_code_kinds(&kinds, &d->al, w, old ? d->s.old : d->s.new, old);
	struct compat_finding *f = compat_report_add(d->report, rule, job->path, job->oldp,
		job->newp, gsl_buf_cstr(&kinds), "'%s' %s %s%s",
		old ? job->path : job->new_path, old ? "no longer accepts" : "now also accepts",
		w->len ? "the arguments " : "a call without arguments",
		w->len ? gsl_buf_cstr(&kinds) : "");
	if (f)
		f->call = gsl_arena_strdup(&d->report->arena, gsl_buf_cstr(&text));
	if (f && old && d->report->witnesses) {
		struct gsl_buf helpers, body;
		gsl_buf_init(&helpers, d->arena.mem);
		gsl_buf_init(&body, d->arena.mem);
		struct compat_code code = { .helpers = &helpers };
		compat_code_args(&d->arena, &d->al, w, d->s.old, true, &code, &args);
		compat_code_call(&body, call, reach->wexpr, &args, true);
		if (!code.placeholder)
			diff_witness(d, f, job, gsl_buf_cstr(&body), gsl_buf_cstr(&helpers));
		gsl_buf_free(&helpers);
		gsl_buf_free(&body);
	}
	gsl_buf_free(&text);
	gsl_buf_free(&kinds);
	return f;
}

/* Whether the grammars are written alike, call by call. */
static bool alike(struct differ *d, const struct compat_shape *o, const struct compat_shape *n)
{
	if (o->ncalls != n->ncalls)
		return false;
	struct gsl_buf other;
	gsl_buf_init(&other, d->arena.mem);
	bool same = true;
	for (uint32_t i = 0; i < o->ncalls && same; i++) {
		compat_grammar_key(&other, &d->s, true, o->calls[i].node);
		same = strcmp(compat_grammar_key(&d->scratch, &d->s, false, n->calls[i].node),
			      gsl_buf_cstr(&other)) == 0;
	}
	gsl_buf_free(&other);
	return same;
}

static void free_nfas(struct differ *d, struct compat_nfa *nfas, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		compat_nfa_free(d->arena.mem, &nfas[i]);
	gsl_xfree(d->arena.mem, nfas);
}

/* Compiles the grammars of a shape's calls; false if one is too large. */
static bool compile_all(struct differ *d, const struct compat_shape *s, bool old,
			struct compat_nfa **out)
{
	*out = gsl_xmalloc(d->arena.mem, (s->ncalls + 1) * sizeof **out);
	memset(*out, 0, (s->ncalls + 1) * sizeof **out);
	bool ok = true;
	for (uint32_t i = 0; i < s->ncalls && ok; i++)
		ok = compat_grammar_compile(&d->al, &d->s, old, s->calls[i].node, &(*out)[i]) ==
		     COMPAT_YES;
	return ok;
}

/* Whether the union of a's languages is within the union of b's. */
static enum compat_verdict included(struct differ *d, const struct compat_nfa *a, uint32_t na,
				    const struct compat_nfa *b, uint32_t nb, struct compat_word *w)
{
	struct compat_nfa ua, ub;
	const struct compat_nfa *pa = a, *pb = b;
	if (na > 1) {
		compat_nfa_union(d->arena.mem, a, na, &ua);
		pa = &ua;
	}
	if (nb > 1) {
		compat_nfa_union(d->arena.mem, b, nb, &ub);
		pb = &ub;
	}
	enum compat_verdict v = compat_included(d->arena.mem, &d->al, pa, pb, w);
	if (na > 1)
		compat_nfa_free(d->arena.mem, &ua);
	if (nb > 1)
		compat_nfa_free(d->arena.mem, &ub);
	return v;
}

static void compare_grammars(struct differ *d, struct diff_job *job)
{
	const struct compat_shape *o = job->old, *n = job->new;
	struct compat_nfa *a, *b;
	compat_alphabet_clear(&d->al);
	bool ok = compile_all(d, o, true, &a);
	ok = compile_all(d, n, false, &b) && ok;
	if (!ok) {
		compat_report_add(d->report, COMPAT_RULE_ARGS_UNDECIDED, job->path, job->oldp,
				  job->newp, NULL, "the argument lists of '%s' are too large to "
				  "compare (more than %u states)", job->path, COMPAT_STATE_LIMIT);
	} else {
		compat_alphabet_close(&d->al, d->rel);
		struct compat_word w;
		enum compat_verdict v = included(d, a, o->ncalls, b, n->ncalls, &w);
		if (v == COMPAT_NO) {
			report_word(d, job, COMPAT_RULE_ARGS_NARROWED, &w, true, &o->calls[0]);
			compat_word_free(d->arena.mem, &w);
		}
		enum compat_verdict back = included(d, b, n->ncalls, a, o->ncalls, &w);
		if (back == COMPAT_NO) {
			report_word(d, job, COMPAT_RULE_ARGS_WIDENED, &w, false, &n->calls[0]);
			compat_word_free(d->arena.mem, &w);
		}
		if (v == COMPAT_TOO_LARGE || back == COMPAT_TOO_LARGE)
			compat_report_add(d->report, COMPAT_RULE_ARGS_UNDECIDED, job->path, job->oldp,
					  job->newp, NULL, "comparing the argument lists of '%s' "
					  "needs more than %u steps", job->path, COMPAT_SEARCH_LIMIT);
		/* Calls that share an argument list are held to each other. */
		for (uint32_t i = 0; i < o->ncalls; i++)
			for (uint32_t j = 0; j < n->ncalls; j++)
				if ((o->ncalls == 1 && n->ncalls == 1) ||
				    compat_overlap(d->arena.mem, &d->al, &a[i], &b[j]) == COMPAT_YES)
					compare_pair(d, job, &o->calls[i], &n->calls[j]);
	}
	free_nfas(d, a, o->ncalls);
	free_nfas(d, b, n->ncalls);
}

void diff_calls(struct differ *d, struct diff_job *job)
{
	const struct compat_shape *o = job->old, *n = job->new;
	if (!o->ncalls) {
		if (n->ncalls && job->role != DIFF_CALLS)
			compat_report_add(d->report, COMPAT_RULE_CALL_ADDED, job->path, job->oldp,
					  job->newp, NULL, "'%s' can now be called", job->new_path);
		return;
	}
	if (!n->ncalls) {
		struct compat_finding *f = compat_report_add(d->report, COMPAT_RULE_CALL_REMOVED,
			job->path, job->oldp, job->newp, NULL, "'%s' can no longer be called",
			job->path);
		diff_witness_call(d, f, job, &o->calls[0]);
		return;
	}
	if (alike(d, o, n)) {
		for (uint32_t i = 0; i < o->ncalls; i++)
			compare_pair(d, job, &o->calls[i], &n->calls[i]);
		return;
	}
	compare_grammars(d, job);
}
