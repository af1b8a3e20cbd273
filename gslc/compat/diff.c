/* diff.c: the comparison of two surfaces: kinds (removed, renamed,
 * added; their relations, examples, constructors and conditions) and the
 * members of every value (removed, renamed, added), pairing what is the
 * same thing on both sides and handing pairs to the job stack. */
#include "config.h"

#include "diff.h"

#include <string.h>

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
			compat_code_attr(&body, "t", key);
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

/* ---- Kinds ------------------------------------------------------------------------ */

static bool le(struct differ *d, uint32_t a, uint32_t b)
{
	return compat_relation_le(d->rel, a, b);
}

static uint32_t to_new(const struct differ *d, uint32_t k)
{
	return compat_to_new(d->s.old, d->s.new, k);
}

static void compare_relations(struct differ *d, uint32_t ko, uint32_t kn,
			      struct diff_job *job)
{
	const struct compat_kind *a = d->s.old->kinds[ko], *b = d->s.new->kinds[kn];
	for (uint32_t i = 0; i < a->shape.nkinds; i++) {
		uint32_t s = a->shape.kinds[i];
		if (le(d, kn, to_new(d, s)))
			continue;
		struct compat_finding *f = compat_report_add(d->report, COMPAT_RULE_SUBKIND_REMOVED,
			a->path, job->oldp, job->newp, diff_kind_path(d, true, s),
			"'%s' is no longer a subkind of '%s'", a->path, diff_kind_path(d, true, s));
		diff_witness_member(d, f, job, &a->shape.kinds[i], 1, &kn, 1);
	}
	for (uint32_t j = 0; j < b->shape.nkinds; j++) {
		uint32_t s = b->shape.kinds[j];
		bool implied = false;
		for (uint32_t i = 0; i < a->shape.nkinds && !implied; i++)
			implied = le(d, to_new(d, a->shape.kinds[i]), s);
		if (!implied)
			compat_report_add(d->report, COMPAT_RULE_SUBKIND_ADDED, a->path, job->oldp,
					  job->newp, diff_kind_path(d, false, s),
					  "'%s' is now also a subkind of '%s'", b->path,
					  diff_kind_path(d, false, s));
	}
	for (uint32_t i = 0; i < a->ncovers; i++)
		if (!le(d, to_new(d, a->covers[i]), kn))
			compat_report_add(d->report, COMPAT_RULE_SUPERKIND_OF_REMOVED, a->path,
					  job->oldp, job->newp, diff_kind_path(d, true, a->covers[i]),
					  "'%s' no longer covers '%s'", a->path,
					  diff_kind_path(d, true, a->covers[i]));
	for (uint32_t j = 0; j < b->ncovers; j++) {
		bool known = false;
		for (uint32_t i = 0; i < a->ncovers && !known; i++)
			known = to_new(d, a->covers[i]) == b->covers[j];
		if (!known)
			compat_report_add(d->report, COMPAT_RULE_SUPERKIND_OF_ADDED, a->path, job->oldp,
					  job->newp, diff_kind_path(d, false, b->covers[j]),
					  "'%s' now also covers '%s'", b->path,
					  diff_kind_path(d, false, b->covers[j]));
	}
}

/* The key of the constructor named by n. */
static const char *ctor_key(struct differ *d, bool old, const struct gsl_name *n)
{
	gsl_buf_clear(&d->scratch);
	if (n->ref)
		diff_subject_key(d, old, n->ref, &d->scratch);
	else
		gsl_buf_printf(&d->scratch, "?%.*s", (int)n->len, n->text);
	return gsl_arena_strdup(&d->arena, gsl_buf_cstr(&d->scratch));
}

static void compare_ctors(struct differ *d, const struct compat_kind *a,
			  const struct compat_kind *b, struct diff_job *job)
{
	const char **kb = gsl_arena_alloc(&d->arena, (b->nctors + 1) * sizeof *kb);
	bool *used = gsl_arena_alloc(&d->arena, b->nctors + 1);
	for (uint32_t j = 0; j < b->nctors; j++)
		kb[j] = ctor_key(d, false, b->ctors[j]);
	for (uint32_t i = 0; i < a->nctors; i++) {
		const char *key = ctor_key(d, true, a->ctors[i]);
		bool kept = false;
		for (uint32_t j = 0; j < b->nctors; j++)
			if (strcmp(kb[j], key) == 0)
				kept = used[j] = true;
		if (!kept)
			compat_report_add(d->report, COMPAT_RULE_CONSTRUCTOR_REMOVED, a->path,
					  diff_place(d->s.old, a->ctors[i]->loc), job->newp, key,
					  "'%.*s' no longer constructs '%s'", (int)a->ctors[i]->len,
					  a->ctors[i]->text, a->path);
	}
	for (uint32_t j = 0; j < b->nctors; j++)
		if (!used[j])
			compat_report_add(d->report, COMPAT_RULE_CONSTRUCTOR_ADDED, a->path, job->oldp,
					  diff_place(d->s.new, b->ctors[j]->loc), kb[j],
					  "'%.*s' now constructs '%s'", (int)b->ctors[j]->len,
					  b->ctors[j]->text, b->path);
}

static bool has_example(const struct compat_kind *k, struct gsl_str text)
{
	for (uint32_t i = 0; i < k->nexamples; i++)
		if (gsl_str_equal(gsl_node_arg_stripped(k->examples[i]), text))
			return true;
	return false;
}

static void compare_examples(struct differ *d, const struct compat_kind *a,
			     const struct compat_kind *b, struct diff_job *job)
{
	for (uint32_t i = 0; i < a->nexamples; i++) {
		struct gsl_str t = gsl_node_arg_stripped(a->examples[i]);
		if (has_example(b, t))
			continue;
		const char *text = gsl_arena_strndup(&d->arena, t.ptr, t.len);
		compat_report_add(d->report, COMPAT_RULE_EXAMPLE_REMOVED, a->path,
				  diff_place(d->s.old, gsl_node_loc(a->examples[i])), job->newp, text,
				  "the example \"%s\" of '%s' was removed", text, a->path);
	}
	for (uint32_t j = 0; j < b->nexamples; j++) {
		struct gsl_str t = gsl_node_arg_stripped(b->examples[j]);
		if (has_example(a, t))
			continue;
		const char *text = gsl_arena_strndup(&d->arena, t.ptr, t.len);
		compat_report_add(d->report, COMPAT_RULE_EXAMPLE_ADDED, a->path, job->oldp,
				  diff_place(d->s.new, gsl_node_loc(b->examples[j])), text,
				  "'%s' has a new example \"%s\"", b->path, text);
	}
}

static const struct compat_condef *find_cond(const struct compat_kind *k, struct gsl_str name)
{
	for (uint32_t i = 0; i < k->nconds; i++)
		if (k->conds[i].subject && gsl_str_equal(gsl_subject_name(k->conds[i].subject), name))
			return &k->conds[i];
	return NULL;
}

static void compare_conds(struct differ *d, const struct compat_kind *a,
			  const struct compat_kind *b, struct diff_job *job)
{
	for (uint32_t i = 0; i < a->nconds; i++) {
		const struct gsl_subject *s = a->conds[i].subject;
		if (!s)
			continue;
		struct gsl_str name = gsl_subject_name(s);
		const struct compat_condef *c = find_cond(b, name);
		const char *symbol = gsl_arena_printf(&d->arena, "%s.cond:%.*s", a->path,
						      (int)name.len, name.ptr);
		struct compat_place old = diff_place(d->s.old, s->name->loc);
		if (!c)
			compat_report_add(d->report, COMPAT_RULE_CONDITION_REMOVED, symbol, old,
					  job->newp, NULL, "the condition '%.*s' of '%s' was removed",
					  (int)name.len, name.ptr, a->path);
		else if (strcmp(c->code, a->conds[i].code) != 0)
			compat_report_add(d->report, COMPAT_RULE_CONDITION_CHANGED, symbol, old,
					  diff_place(d->s.new, c->subject->name->loc), c->code,
					  "the code of condition '%.*s' of '%s' changed", (int)name.len,
					  name.ptr, a->path);
	}
	for (uint32_t j = 0; j < b->nconds; j++) {
		const struct gsl_subject *s = b->conds[j].subject;
		if (!s || find_cond(a, gsl_subject_name(s)))
			continue;
		struct gsl_str name = gsl_subject_name(s);
		compat_report_add(d->report, COMPAT_RULE_CONDITION_ADDED,
				  gsl_arena_printf(&d->arena, "%s.cond:%.*s", b->path, (int)name.len,
						   name.ptr),
				  job->oldp, diff_place(d->s.new, s->name->loc), NULL,
				  "'%s' has a new condition '%.*s'", b->path, (int)name.len, name.ptr);
	}
}

static void compare_kind(struct differ *d, uint32_t ko, uint32_t kn)
{
	const struct compat_kind *a = d->s.old->kinds[ko], *b = d->s.new->kinds[kn];
	struct diff_job job = {
		.old = &a->shape, .new = &b->shape,
		.old_all = a->all, .new_all = b->all, .old_nall = a->nall, .new_nall = b->nall,
		.path = a->path, .new_path = b->path,
		.reach = diff_reach_object(d, a->shape.self ? a->shape.self : "x"),
		.kind = ko, .new_kind = kn,
		.oldp = diff_place(d->s.old, a->loc), .newp = diff_place(d->s.new, b->loc),
		.role = DIFF_KIND,
	};
	if (a->renamed)
		compat_report_add(d->report, COMPAT_RULE_KIND_RENAMED, a->path, job.oldp, job.newp,
				  b->path, "%s '%s' is now '%s'", a->superkind ? "superkind" : "kind",
				  a->path, b->path);
	compare_relations(d, ko, kn, &job);
	compare_ctors(d, a, b, &job);
	compare_examples(d, a, b, &job);
	compare_conds(d, a, b, &job);
	diff_push(d, &job);
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
		gsl_buf_printf(b, "kind %u", old ? to_new(d, s->kinds[i]) : s->kinds[i]);
		compat_features_add(f, &d->arena, gsl_buf_cstr(b));
	}
	for (uint32_t i = 0; i < s->neither; i++) {
		gsl_buf_clear(b);
		gsl_buf_printf(b, "either %u", old ? to_new(d, s->either[i]) : s->either[i]);
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
			gsl_buf_printf(b, "returns %u", old ? to_new(d, c->ret->kinds[k])
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
			compat_code_attr(&d->scratch, diff_reach_made(d, job->reach)->wexpr, m->key);
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
			compare_kind(&d, k, a->match);
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
