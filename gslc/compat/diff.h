/* diff.h: comparing the surfaces of OLD and NEW. The comparison runs
 * over a stack of jobs, each a pair of shapes (a kind, the value of an
 * attribute, a returned value) with where and how to name it, so nesting
 * costs no C stack. diff.c compares kinds and members, diff_value.c the
 * kinds promised for values, diff_calls.c argument lists, returned values
 * and conditions. */
#ifndef GSL_COMPAT_DIFF_H
#define GSL_COMPAT_DIFF_H

#include "compat.h"
#include "grammar.h"
#include "pytext.h"
#include "report.h"

/* Compares old with new (kinds already built), adding findings to report. */
void compat_compare(struct compat_side *old, struct compat_side *new,
		    struct compat_report *report);

enum diff_role {
	DIFF_KIND,      /* a kind: its members include inherited ones */
	DIFF_ATTR,      /* the value of an attribute */
	DIFF_RETURN,    /* a returned value */
	DIFF_CALLS,     /* an operator or item access: calls only */
};

/* How a value is reached from the object a test takes: the object, an
 * attribute of a value, or what a call of a value returns. Its Python
 * text is made only when a finding needs it (diff_reach.c). */
struct diff_reach {
	struct diff_reach *up;          /* NULL: the object itself */
	const char *key;                /* an attribute: its name */
	const struct compat_call *via;  /* a returned value: the call */
	const char *expr;               /* the value in Python, for people */
	const char *wexpr;              /* ... in witness code, from `arg` */
	const char *whelpers;           /* helper methods wexpr needs */
	bool runnable;                  /* wexpr can run (its values have examples) */
	bool made;                      /* the texts are made */
};

struct diff_job {
	const struct compat_shape *old, *new;
	const struct compat_member *old_all, *new_all; /* members to look things up in */
	uint32_t old_nall, new_nall;
	const char *path;       /* symbol path of the value, as OLD names it */
	const char *new_path;   /* ... as NEW names it */
	struct diff_reach *reach;
	uint32_t kind;          /* the kind of OLD whose object witnesses take */
	uint32_t new_kind;      /* the kind of NEW that holds the value */
	struct compat_place oldp, newp; /* where the value is declared */
	uint8_t role;           /* enum diff_role */
};

struct differ {
	struct compat_sides s;
	struct compat_relation *rel;    /* NEW's kind hierarchy */
	struct compat_report *report;
	struct compat_alphabet al;
	struct gsl_buf scratch;
	struct gsl_arena arena;         /* texts of jobs */
	struct diff_job *jobs;
	uint32_t njobs, cap;
};

/* Whether every value of kind a is one of kind b (NEW's hierarchy), and
 * a kind of OLD as a kind of NEW. */
static inline bool diff_le(struct differ *d, uint32_t a, uint32_t b)
{
	return compat_relation_le(d->rel, a, b);
}
static inline uint32_t diff_to_new(const struct differ *d, uint32_t k)
{
	return compat_to_new(d->s.old, d->s.new, k);
}

void diff_push(struct differ *d, const struct diff_job *job);
/* "a" sep "b", in the differ's arena. */
const char *diff_join(struct differ *d, const char *a, const char *sep, const char *b);

/* diff_reach.c: ways to a value, and their Python text, made on demand
 * (a returned value: its call with a shortest argument list). */
struct diff_reach *diff_reach_object(struct differ *d, const char *name);
struct diff_reach *diff_reach_attr(struct differ *d, struct diff_reach *up, const char *key);
struct diff_reach *diff_reach_call(struct differ *d, struct diff_reach *up,
				   const struct compat_call *call);
const struct diff_reach *diff_reach_made(struct differ *d, struct diff_reach *r);
/* The values of a shortest argument list call accepts on OLD, for
 * people (code without helpers) or witnesses; false if it accepts none. */
bool diff_shortest_args(struct differ *d, const struct compat_call *call,
			struct compat_code *code, struct compat_args *args);
struct compat_place diff_place(const struct compat_side *side, struct gsl_loc loc);
/* The path of kind k of OLD (old) or NEW. */
const char *diff_kind_path(const struct differ *d, bool old, uint32_t k);
/* Attaches a witness to f (when f is not NULL and the job's value can
 * be reached): body runs on `arg`, helpers are extra methods. */
void diff_witness(struct differ *d, struct compat_finding *f, struct diff_job *job,
		  const char *body, const char *helpers);
/* A witness that reads a member that OLD's kinds of the value have and
 * NEW's do not ("t = <value>\nt.<member>"), if there is one. */
void diff_witness_member(struct differ *d, struct compat_finding *f, struct diff_job *job,
			 const uint32_t *old_kinds, uint32_t nold, const uint32_t *new_kinds,
			 uint32_t nnew);

/* A witness that calls call (of the job's value) with a shortest
 * argument list OLD accepts (diff_calls.c). */
void diff_witness_call(struct differ *d, struct compat_finding *f, struct diff_job *job,
		       const struct compat_call *call);
/* A key for a condition or constructor subject, the same on both sides. */
void diff_subject_key(struct differ *d, bool old, const struct gsl_subject *s,
		      struct gsl_buf *out);

/* Compares kind ko of OLD with kind kn of NEW (diff_kind.c). */
void diff_kind(struct differ *d, uint32_t ko, uint32_t kn);
void diff_value(struct differ *d, struct diff_job *job);
void diff_calls(struct differ *d, struct diff_job *job);

#endif
