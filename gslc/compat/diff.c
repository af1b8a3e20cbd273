/* diff.c: the comparison of two surfaces: kinds removed and added, and
 * the members of every value (removed, renamed, added), pairing what is
 * the same thing on both sides and handing pairs to the job stack; and
 * the helpers the other comparison files share. */
#include "config.h"

#include "diff.h"

#include <string.h>

#include "pycode.h"

#include "match.h"

/* ---- Helpers shared by the comparison files ------------------------------------ */

struct compat_place diff_place(const struct compat_side *side, struct gsl_loc loc)
{
	const struct gsl_file *f = gsl_ctx_file(&side->ctx, loc.file);
	if (!f)
		return (struct compat_place){ 0 };
	return (struct compat_place){ f->path, loc.line, loc.col ? loc.col : 1 };
}

const char *diff_kind_path(const struct differ *d, bool old, uint32_t k)
{
	const struct compat_side *side = old ? d->s.old : d->s.new;
	if (k == COMPAT_ANY)
		return "anything";
	if (!old && k >= side->nkinds && k - side->nkinds < d->s.old->nkinds)
		return d->s.old->kinds[k - side->nkinds]->path; /* a kind only OLD has */
	return k < side->nkinds ? side->kinds[k]->path : "?";
}

void diff_push(struct differ *d, const struct diff_job *job)
{
	if (d->njobs == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->jobs = gsl_xrealloc(d->arena.mem, d->jobs, d->cap * sizeof *d->jobs);
	}
	d->jobs[d->njobs++] = *job;
}

void diff_witness(struct differ *d, struct compat_finding *f, struct diff_job *job,
		  const char *body, const char *helpers)
{
	if (!f || !d->report->witnesses)
		return;
	const struct diff_reach *r = diff_reach_made(d, job->reach);
	if (!r->runnable || job->kind == COMPAT_NONE)
		return;
	struct compat_witness *w = gsl_arena_alloc(&d->report->arena, sizeof *w);
	const struct compat_kind *k = d->s.old->kinds[job->kind];
	w->kind = gsl_arena_strdup(&d->report->arena, k->tgt);
	w->name = gsl_arena_strdup(&d->report->arena, k->name);
	w->body = gsl_arena_strdup(&d->report->arena, body);
	w->helpers = gsl_arena_printf(&d->report->arena, "%s%s", r->whelpers,
				      helpers ? helpers : "");
	f->witness = w;
}

/* Whether kind k (an index of NEW; above NEW's kinds, only OLD has it)
 * has a member with this key. */
static bool new_kind_has(const struct differ *d, uint32_t k, const char *key)
{
	if (k >= d->s.new->nkinds)
		return false;
	const struct compat_kind *kind = d->s.new->kinds[k];
	return compat_member_find(kind->all, kind->nall, key) != NULL;
}

void diff_witness_member(struct differ *d, struct compat_finding *f, struct diff_job *job,
			 const uint32_t *old_kinds, uint32_t nold, const uint32_t *new_kinds,
			 uint32_t nnew)
{
	for (uint32_t i = 0; f && d->report->witnesses && i < nold; i++) {
		if (old_kinds[i] >= d->s.old->nkinds)
			continue;
		const struct compat_kind *k = d->s.old->kinds[old_kinds[i]];
		for (uint32_t m = 0; m < k->nall; m++) {
			const char *key = k->all[m].key;
			bool kept = false;
			for (uint32_t j = 0; j < nnew && !kept; j++)
				kept = new_kind_has(d, new_kinds[j], key);
			if (kept || k->all[m].type != COMPAT_MEMBER_ATTR)
				continue;
			struct gsl_buf body;
			gsl_buf_init(&body, d->arena.mem);
			gsl_buf_printf(&body, "t = %s\n", diff_reach_made(d, job->reach)->wexpr);
			gsl_py_attribute(&body, "t", key);
			diff_witness(d, f, job, gsl_buf_cstr(&body), NULL);
			gsl_buf_free(&body);
			return;
		}
	}
}

/* A key for a condition or constructor that is the same on both sides:
 * the NEW name of the kind it belongs to, then its path below the kind. */
void diff_subject_key(struct differ *d, bool old, const struct gsl_subject *s,
		      struct gsl_buf *out)
{
	const struct compat_side *side = old ? d->s.old : d->s.new;
	uint32_t depth = 0;
	const struct gsl_subject *top = s;
	for (; top->owner; top = top->owner)
		depth++;
	const struct gsl_subject *t = gsl_subject_target(top);
	const char *tgt = t ? gsl_subject_tgt(side->model, t) : "?";
	uint32_t k = compat_kind_find(side, tgt, strlen(tgt));
	if (old && k != COMPAT_NONE && side->kinds[k]->match != COMPAT_NONE)
		tgt = d->s.new->kinds[side->kinds[k]->match]->tgt;
	else if (old)
		gsl_buf_puts(out, "old:");
	gsl_buf_puts(out, tgt);
	/* The names below the top, outermost first. */
	const struct gsl_subject **chain = gsl_arena_alloc(&d->arena, (depth + 1) * sizeof *chain);
	uint32_t i = depth;
	for (const struct gsl_subject *x = s; x != top; x = x->owner)
		chain[--i] = x;
	for (i = 0; i < depth; i++)
		gsl_buf_printf(out, ".%.*s", (int)chain[i]->name->len, chain[i]->name->text);
}

/* ---- Members ---------------------------------------------------------------------- */

static const char *member_noun(const struct compat_member *m)
{
	switch ((enum compat_member_type)m->type) {
	case COMPAT_MEMBER_ATTR: return compat_member_callable(m) ? "method" : "attribute";
	case COMPAT_MEMBER_OPERATOR: return "operator";
	case COMPAT_MEMBER_ITEM: return "item access";
	}
	return "member";
}

static enum compat_rule removal_rule(const struct compat_member *m)
{
	switch ((enum compat_member_type)m->type) {
	case COMPAT_MEMBER_OPERATOR: return COMPAT_RULE_OPERATOR_REMOVED;
	case COMPAT_MEMBER_ITEM: return COMPAT_RULE_ITEM_ACCESS_REMOVED;
	default:
		return compat_member_callable(m) ? COMPAT_RULE_METHOD_REMOVED : COMPAT_RULE_ATTR_REMOVED;
	}
}

static enum compat_rule addition_rule(const struct compat_member *m)
{
	switch ((enum compat_member_type)m->type) {
	case COMPAT_MEMBER_OPERATOR: return COMPAT_RULE_OPERATOR_ADDED;
	case COMPAT_MEMBER_ITEM: return COMPAT_RULE_ITEM_ACCESS_ADDED;
	default:
		return compat_member_callable(m) ? COMPAT_RULE_METHOD_ADDED : COMPAT_RULE_ATTR_ADDED;
	}
}

const char *diff_join(struct differ *d, const char *a, const char *sep, const char *b)
{
	size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
	char *s = gsl_arena_alloc(&d->arena, na + ns + nb + 1);
	memcpy(s, a, na);
	memcpy(s + na, sep, ns);
	memcpy(s + na + ns, b, nb + 1);
	return s;
}

/* Compares a member of OLD with the member of NEW it is. */
static void pair_members(struct differ *d, struct diff_job *job,
			 const struct compat_member *m, const struct compat_member *n)
{
	struct diff_job sub = {
		.old = m->shape, .new = n->shape,
		.old_all = m->shape->members, .new_all = n->shape->members,
		.old_nall = m->shape->nmembers, .new_nall = n->shape->nmembers,
		.path = diff_join(d, job->path, ".", m->key),
		.new_path = diff_join(d, job->new_path, ".", n->key),
		.reach = m->type == COMPAT_MEMBER_ATTR ? diff_reach_attr(d, job->reach, m->key)
						       : job->reach,
		.kind = job->kind, .new_kind = job->new_kind,
		.oldp = diff_place(d->s.old, m->loc), .newp = diff_place(d->s.new, n->loc),
		.role = m->type == COMPAT_MEMBER_ATTR ? DIFF_ATTR : DIFF_CALLS,
	};
	diff_push(d, &sub);
}

/* What a member looks like, for finding renames. */
static void member_features(struct differ *d, bool old, const struct compat_member *m,
			    struct compat_features *f)
{
	const struct compat_shape *s = m->shape;
	struct gsl_buf *b = &d->scratch;
	compat_features_add(f, &d->arena, compat_member_callable(m) ? "callable" : "value");
	for (uint32_t i = 0; i < s->nkinds; i++) {
		gsl_buf_clear(b);
		gsl_buf_printf(b, "kind %u", old ? diff_to_new(d, s->kinds[i])
						    : s->kinds[i]);
		compat_features_add(f, &d->arena, gsl_buf_cstr(b));
	}
	for (uint32_t i = 0; i < s->neither; i++) {
		gsl_buf_clear(b);
		gsl_buf_printf(b, "either %u", old ? diff_to_new(d, s->either[i])
						      : s->either[i]);
		compat_features_add(f, &d->arena, gsl_buf_cstr(b));
	}
	for (uint32_t i = 0; i < s->nmembers; i++) {
		gsl_buf_clear(b);
		gsl_buf_printf(b, "member %s", s->members[i].key);
		compat_features_add(f, &d->arena, gsl_buf_cstr(b));
	}
	for (uint32_t i = 0; i < s->ncalls; i++) {
		const struct compat_call *c = &s->calls[i];
		compat_features_add(f, &d->arena, compat_grammar_key(b, &d->s, old, c->node));
		for (uint32_t k = 0; c->ret && k < c->ret->nkinds; k++) {
			gsl_buf_clear(b);
			gsl_buf_printf(b, "returns %u",
				       old ? diff_to_new(d, c->ret->kinds[k])
					   : c->ret->kinds[k]);
			compat_features_add(f, &d->arena, gsl_buf_cstr(b));
		}
	}
	compat_features_sort(f);
}

struct renames {
	const struct compat_member **old, **new;
	struct compat_features *fold, *fnew;
};

static double member_likeness(void *data, uint32_t i, uint32_t j)
{
	const struct renames *r = data;
	if (r->old[i]->type != COMPAT_MEMBER_ATTR || r->new[j]->type != COMPAT_MEMBER_ATTR ||
	    compat_member_callable(r->old[i]) != compat_member_callable(r->new[j]))
		return 0;
	return compat_likeness(&r->fold[i], r->old[i]->key, &r->fnew[j], r->new[j]->key);
}

/* Reports the members only one side has, pairing removed with added
 * ones that look alike as renames. */
static void unpaired(struct differ *d, struct diff_job *job, const struct compat_member **gone,
		     uint32_t ngone, const struct compat_member **added, uint32_t nadded)
{
	struct renames r = { gone, added, NULL, NULL };
	uint32_t *pair = gsl_arena_alloc(&d->arena, (ngone + 1) * sizeof *pair);
	bool *taken = gsl_arena_alloc(&d->arena, nadded + 1);
	if (ngone && nadded) {
		r.fold = gsl_arena_alloc(&d->arena, ngone * sizeof *r.fold);
		r.fnew = gsl_arena_alloc(&d->arena, nadded * sizeof *r.fnew);
		for (uint32_t i = 0; i < ngone; i++)
			member_features(d, true, gone[i], &r.fold[i]);
		for (uint32_t j = 0; j < nadded; j++)
			member_features(d, false, added[j], &r.fnew[j]);
	}
	compat_pair(d->arena.mem, ngone, ngone && nadded ? nadded : 0, member_likeness, &r, pair);
	for (uint32_t i = 0; i < ngone; i++) {
		const struct compat_member *m = gone[i];
		const char *symbol = diff_join(d, job->path, ".", m->key);
		struct compat_place old = diff_place(d->s.old, m->loc);
		struct compat_finding *f;
		if (pair[i] != COMPAT_NONE) {
			const struct compat_member *n = added[pair[i]];
			taken[pair[i]] = true;
			f = compat_report_add(d->report, compat_member_callable(m)
						  ? COMPAT_RULE_METHOD_RENAMED : COMPAT_RULE_ATTR_RENAMED,
					      symbol, old, diff_place(d->s.new, n->loc), n->key,
					      "%s '%s' of '%s' is now '%s'", member_noun(m), m->key,
					      job->path, n->key);
			pair_members(d, job, m, n);
		} else {
			f = compat_report_add(d->report, removal_rule(m), symbol, old, job->newp, NULL,
					      "%s '%s' of '%s' was removed", member_noun(m), m->key,
					      job->path);
		}
		if (!f || !d->report->witnesses)
			continue;
		if (m->type == COMPAT_MEMBER_ATTR) {
			gsl_buf_clear(&d->scratch);
			gsl_buf_puts(&d->scratch, "t = ");
			gsl_py_attribute(&d->scratch, diff_reach_made(d, job->reach)->wexpr, m->key);
			diff_witness(d, f, job, gsl_buf_cstr(&d->scratch), NULL);
		} else if (m->shape->ncalls) {
			diff_witness_call(d, f, job, &m->shape->calls[0]);
		}
	}
	for (uint32_t j = 0; j < nadded; j++) {
		if (taken[j])
			continue;
		const struct compat_member *n = added[j];
		compat_report_add(d->report, addition_rule(n),
				  diff_join(d, job->new_path, ".", n->key),
				  job->oldp, diff_place(d->s.new, n->loc), NULL,
				  "'%s' has a new %s '%s'", job->new_path, member_noun(n), n->key);
	}
}

static void diff_members(struct differ *d, struct diff_job *job)
{
	const struct compat_shape *o = job->old, *n = job->new;
	uint32_t ngone = 0, nadded = 0;
	const struct compat_member **gone = gsl_arena_alloc(&d->arena,
							    (o->nmembers + 1) * sizeof *gone);
	const struct compat_member **added = gsl_arena_alloc(&d->arena,
							     (n->nmembers + 1) * sizeof *added);
	for (uint32_t i = 0; i < o->nmembers; i++) {
		const struct compat_member *m = &o->members[i];
		const struct compat_member *found = compat_member_find(job->new_all, job->new_nall,
								       m->key);
		if (found)
			pair_members(d, job, m, found);
		else
			gone[ngone++] = m;
	}
	for (uint32_t j = 0; j < n->nmembers; j++) {
		const struct compat_member *m = &n->members[j];
		const struct compat_member *found = compat_member_find(job->old_all, job->old_nall,
								       m->key);
		if (!found)
			added[nadded++] = m;
		else if (!compat_member_find(o->members, o->nmembers, m->key))
			pair_members(d, job, found, m); /* moved down from a superkind */
	}
	if (ngone || nadded)
		unpaired(d, job, gone, ngone, added, nadded);
}

/* ---- The whole ---------------------------------------------------------------------- */

void compat_compare(struct compat_side *old, struct compat_side *new,
		    struct compat_report *report)
{
	const struct gsl_mem *mem = old->ctx.mem;
	struct differ d = { .s = { old, new }, .report = report };
	gsl_arena_init(&d.arena, mem);
	gsl_buf_init(&d.scratch, mem);
	compat_alphabet_init(&d.al, mem);
	d.rel = compat_relation_new(new);
	for (uint32_t k = 0; k < old->nkinds; k++) {
		const struct compat_kind *a = old->kinds[k];
		if (a->unknown)
			continue;
		if (a->match != COMPAT_NONE) {
			diff_kind(&d, k, a->match);
			continue;
		}
		compat_report_add(report, COMPAT_RULE_KIND_REMOVED, a->path,
				  diff_place(old, a->loc), (struct compat_place){ 0 }, NULL,
				  "%s '%s' was removed", a->superkind ? "superkind" : "kind", a->path);
	}
	for (uint32_t k = 0; k < new->nkinds; k++) {
		const struct compat_kind *b = new->kinds[k];
		if (!b->unknown && b->match == COMPAT_NONE)
			compat_report_add(report, COMPAT_RULE_KIND_ADDED, b->path,
					  (struct compat_place){ 0 }, diff_place(new, b->loc), NULL,
					  "%s '%s' was added", b->superkind ? "superkind" : "kind",
					  b->path);
	}
	while (d.njobs) {
		struct diff_job job = d.jobs[--d.njobs];
		diff_members(&d, &job);
		if (job.role == DIFF_ATTR || job.role == DIFF_RETURN)
			diff_value(&d, &job);
		diff_calls(&d, &job);
	}
	compat_relation_free(d.rel);
	compat_alphabet_free(&d.al);
	gsl_buf_free(&d.scratch);
	gsl_xfree(mem, d.jobs);
	gsl_arena_free(&d.arena);
}
