/* diff_kind.c: what belongs to a kind as a whole: its name (renames),
 * its relations (subkind of, superkind of, read in NEW's hierarchy so
 * that a restructured hierarchy that keeps them is no change), its
 * constructors, examples and conditions. Its members go to the job
 * stack. */
#include "config.h"

#include "diff.h"

#include <string.h>

static void compare_relations(struct differ *d, uint32_t ko, uint32_t kn,
			      struct diff_job *job)
{
	const struct compat_kind *a = d->s.old->kinds[ko], *b = d->s.new->kinds[kn];
	for (uint32_t i = 0; i < a->shape.nkinds; i++) {
		uint32_t s = a->shape.kinds[i];
		if (diff_le(d, kn, diff_to_new(d, s)))
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
			implied = diff_le(d, diff_to_new(d, a->shape.kinds[i]), s);
		if (!implied)
			compat_report_add(d->report, COMPAT_RULE_SUBKIND_ADDED, a->path, job->oldp,
					  job->newp, diff_kind_path(d, false, s),
					  "'%s' is now also a subkind of '%s'", b->path,
					  diff_kind_path(d, false, s));
	}
	for (uint32_t i = 0; i < a->ncovers; i++)
		if (!diff_le(d, diff_to_new(d, a->covers[i]), kn))
			compat_report_add(d->report, COMPAT_RULE_SUPERKIND_OF_REMOVED, a->path,
					  job->oldp, job->newp, diff_kind_path(d, true, a->covers[i]),
					  "'%s' no longer covers '%s'", a->path,
					  diff_kind_path(d, true, a->covers[i]));
	for (uint32_t j = 0; j < b->ncovers; j++) {
		bool known = false;
		for (uint32_t i = 0; i < a->ncovers && !known; i++)
			known = diff_to_new(d, a->covers[i]) == b->covers[j];
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

void diff_kind(struct differ *d, uint32_t ko, uint32_t kn)
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
