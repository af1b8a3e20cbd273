/* diff_value.c: what the value of an attribute, or a returned value, is
 * promised to be. Values are covariant: NEW must promise at least what
 * OLD promised (every kind OLD names, or a kind below it), so a test
 * that uses the value as OLD describes it still holds. */
#include "config.h"

#include "diff.h"

#include <string.h>

/* Whether everything NEW promises of a value makes it a value of kind k
 * (an index of NEW). */
static bool implies(struct differ *d, const struct compat_shape *n, uint32_t k)
{
	for (uint32_t i = 0; i < n->nkinds; i++)
		if (diff_le(d, n->kinds[i], k))
			return true;
	if (!n->neither)
		return false;
	for (uint32_t i = 0; i < n->neither; i++)
		if (!diff_le(d, n->either[i], k))
			return false;
	return true;
}

/* Whether NEW's promise makes the value one of OLD's alternatives. */
static bool implies_either(struct differ *d, const struct compat_shape *n,
			   const struct compat_shape *o)
{
	for (uint32_t i = 0; i < n->nkinds; i++)
		for (uint32_t j = 0; j < o->neither; j++)
			if (diff_le(d, n->kinds[i], diff_to_new(d, o->either[j])))
				return true;
	if (!n->neither)
		return false;
	for (uint32_t i = 0; i < n->neither; i++) {
		bool some = false;
		for (uint32_t j = 0; j < o->neither && !some; j++)
			some = diff_le(d, n->either[i], diff_to_new(d, o->either[j]));
		if (!some)
			return false;
	}
	return true;
}

static bool has(const uint32_t *set, uint32_t n, uint32_t k)
{
	for (uint32_t i = 0; i < n; i++)
		if (set[i] == k)
			return true;
	return false;
}

/* Whether new[0..nn) holds the kinds of old[0..no) (mapped), no more. */
static bool same_kinds(const struct differ *d, const uint32_t *old, uint32_t no,
		       const uint32_t *new, uint32_t nn)
{
	for (uint32_t i = 0; i < no; i++)
		if (!has(new, nn, diff_to_new(d, old[i])))
			return false;
	for (uint32_t j = 0; j < nn; j++) {
		bool found = false;
		for (uint32_t i = 0; i < no && !found; i++)
			found = diff_to_new(d, old[i]) == new[j];
		if (!found)
			return false;
	}
	return true;
}

/* "K", "K and L", "one of K, L" (with either). */
static const char *promise(struct differ *d, bool old, const struct compat_shape *s)
{
	struct gsl_buf *b = &d->scratch;
	gsl_buf_clear(b);
	for (uint32_t i = 0; i < s->nkinds; i++)
		gsl_buf_printf(b, "%s'%s'", i ? " and " : "", diff_kind_path(d, old, s->kinds[i]));
	if (s->neither)
		gsl_buf_puts(b, s->nkinds ? " and one of " : "one of ");
	for (uint32_t i = 0; i < s->neither; i++)
		gsl_buf_printf(b, "%s'%s'", i ? ", " : "", diff_kind_path(d, old, s->either[i]));
	return gsl_arena_strdup(&d->arena, gsl_buf_cstr(b));
}

void diff_value(struct differ *d, struct diff_job *job)
{
	const struct compat_shape *o = job->old, *n = job->new;
	bool ret = job->role == DIFF_RETURN;
	const char *what = ret ? "the value returned by" : "the value of";
	bool old_promises = o->nkinds || o->neither, new_promises = n->nkinds || n->neither;
	if (!old_promises) {
		if (new_promises)
			compat_report_add(d->report, ret ? COMPAT_RULE_RETURN_NARROWED
							 : COMPAT_RULE_ATTR_KIND_NARROWED,
					  job->path, job->oldp, job->newp, promise(d, false, n),
					  "%s '%s' is now promised to be %s", what, job->new_path,
					  promise(d, false, n));
		return;
	}
	struct compat_finding *f = NULL;
	if (!new_promises) {
		f = compat_report_add(d->report, ret ? COMPAT_RULE_RETURN_REMOVED
						     : COMPAT_RULE_ATTR_KIND_REMOVED,
				      job->path, job->oldp, job->newp, promise(d, true, o),
				      "%s '%s' was promised to be %s; NEW promises no kind", what,
				      job->path, promise(d, true, o));
	} else {
		bool holds = true;
		for (uint32_t i = 0; i < o->nkinds && holds; i++)
			holds = implies(d, n, diff_to_new(d, o->kinds[i]));
		if (holds && o->neither)
			holds = implies_either(d, n, o);
		if (!holds) {
			const char *was = promise(d, true, o);
			f = compat_report_add(d->report, ret ? COMPAT_RULE_RETURN_WIDENED
							     : COMPAT_RULE_ATTR_KIND_WIDENED,
					      job->path, job->oldp, job->newp, was,
					      "%s '%s' was promised to be %s; NEW promises only %s",
					      what, job->path, was, promise(d, false, n));
		} else if (!same_kinds(d, o->kinds, o->nkinds, n->kinds, n->nkinds) ||
			   !same_kinds(d, o->either, o->neither, n->either, n->neither)) {
			compat_report_add(d->report, ret ? COMPAT_RULE_RETURN_NARROWED
							 : COMPAT_RULE_ATTR_KIND_NARROWED,
					  job->path, job->oldp, job->newp, promise(d, false, n),
					  "%s '%s' is now promised to be %s, which is %s or more", what,
					  job->new_path, promise(d, false, n), promise(d, true, o));
		}
	}
	if (f)
		diff_witness_member(d, f, job, o->kinds, o->nkinds, n->kinds, n->nkinds);
}
