/* compat.h: the shared vocabulary of gslc compat. Each side of a
 * comparison is loaded into a context and model of its own, then read
 * into a surface: its kinds and, for each, the shape of its values (what
 * they are, their members, how they are called). The two surfaces are
 * matched and compared; differences become findings (report.h). */
#ifndef GSL_COMPAT_H
#define GSL_COMPAT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "context.h"
#include "model.h"
#include "ptrmap.h"

#define COMPAT_NONE UINT32_MAX          /* no kind, no match */
#define COMPAT_ANY (UINT32_MAX - 1)     /* an argument of unspecified kind */

struct compat_shape;

/* `[not] K.cond(a, b)` in a precondition, postcondition or equation. */
struct compat_cond {
	const struct gsl_node *node;
	const struct gsl_subject *cond; /* the condition; NULL if unresolved */
	const char *args;               /* the arguments by role: "<self>,#0,<ret>" */
	bool negated;
};

struct compat_equation {
	const struct gsl_node *node;
	struct compat_cond *conds;      /* the preconditions, then the postconditions */
	uint32_t npre;
	uint32_t npost;
};

/* One way of calling a value: a mapping, a method, an operator, item
 * access. Its argument specifications are the children of its node. */
struct compat_call {
	const struct gsl_node *node;
	struct compat_shape *ret;       /* the returned value; NULL: unspecified */
	struct compat_cond *pre;
	struct compat_cond *post;
	struct compat_equation *eqs;
	uint32_t npre;
	uint32_t npost;
	uint32_t neqs;
	uint8_t how;                    /* enum compat_how */
	const char *op;                 /* the operator's symbol or function */
};

/* How a call is written, for counterexamples and witnesses. */
enum compat_how { COMPAT_HOW_CALL, COMPAT_HOW_BINARY, COMPAT_HOW_INPLACE, COMPAT_HOW_REVERSE,
		  COMPAT_HOW_FUNCTION, COMPAT_HOW_GETITEM, COMPAT_HOW_SETITEM,
		  COMPAT_HOW_DELITEM };

enum compat_member_type { COMPAT_MEMBER_ATTR, COMPAT_MEMBER_OPERATOR, COMPAT_MEMBER_ITEM };

/* An attribute (or method), an operator, or item access of a value. */
struct compat_member {
	const char *key;                /* "name", "op:+", "getitem" */
	const struct gsl_node *node;    /* the first node that declares it */
	struct gsl_loc loc;             /* where: its name, or its node */
	struct compat_shape *shape;     /* its value (attribute), its calls (others) */
	uint32_t owner;                 /* the kind that declares it (inherited members) */
	uint8_t type;                   /* enum compat_member_type */
};

/* What a value is known to be. */
struct compat_shape {
	uint32_t *kinds;                /* all of these: kind of, returns, subkind of */
	uint32_t *either;               /* and one of these, when neither > 0 */
	struct compat_member *members;  /* sorted by key */
	struct compat_call *calls;      /* it can be called so */
	uint32_t nkinds;
	uint32_t neither;
	uint32_t nmembers;
	uint32_t ncalls;
	const char *self;               /* its name in conditions, from `.self` */
};

/* A condition declared by a kind or at the top level of a package. */
struct compat_condef {
	const struct gsl_subject *subject;
	const char *code;               /* its python code lines, stripped, joined */
};

/* A kind or superkind, or an unresolved kind name. */
struct compat_kind {
	const char *tgt;                /* ".tgt.pkg.K"; "?K" when unresolved */
	const char *path;               /* "pkg.K", for people */
	const char *name;               /* "K" */
	const char *pkg;                /* "pkg" */
	struct gsl_loc loc;
	struct compat_shape shape;      /* its own aspects; kinds: what it is a subkind of */
	uint32_t *covers;               /* `superkind of` */
	const struct gsl_node **examples;
	const struct gsl_name **ctors;  /* `constructor` */
	struct compat_condef *conds;
	struct compat_member *all;      /* own and inherited members, sorted (inherit.c) */
	uint32_t ncovers;
	uint32_t nexamples;
	uint32_t nctors;
	uint32_t nconds;
	uint32_t nall;
	uint32_t match;                 /* the kind on the other side, or COMPAT_NONE */
	bool superkind;
	bool unknown;                   /* an unresolved name: compared by name only */
	bool renamed;                   /* matched by shape, not by name */
};

/* A side of the comparison. */
struct compat_side {
	const char *label;              /* as given on the command line */
	struct gsl_ctx ctx;
	struct gsl_model *model;
	struct compat_kind **kinds;     /* by index; each lives in the context's arena */
	uint32_t nkinds;
	uint32_t cap;
	struct gsl_strmap by_tgt;       /* tgt -> kind index + 1 */
	struct gsl_ptrmap by_def;       /* defining subject -> kind index + 1 */
	struct compat_git *git;         /* its revision, for REV:path (sources.c) */
	bool failed;                    /* it could not be loaded */
};

/* surface.c: reads the model of a side into its kinds. */
void compat_surface_build(struct compat_side *side);
/* The index of the kind with this tgt, or COMPAT_NONE. */
uint32_t compat_kind_find(const struct compat_side *side, const char *tgt, size_t len);
/* The index of the kind a name refers to (an unresolved name has a kind
 * of its own); COMPAT_ANY when name is NULL. */
uint32_t compat_kind_of_name(const struct compat_side *side, const struct gsl_name *name);

/* inherit.c: computes each kind's own and inherited members. */
void compat_inherit(struct compat_side *side);
/* The member with this key among members[0..n) (sorted), or NULL. */
const struct compat_member *compat_member_find(const struct compat_member *members, uint32_t n,
					       const char *key);

/* relate.c: whether a value of kind a (an index of NEW, or COMPAT_ANY)
 * is a value of kind b, in NEW's hierarchy. */
struct compat_relation;
struct compat_relation *compat_relation_new(const struct compat_side *side);
bool compat_relation_le(struct compat_relation *r, uint32_t a, uint32_t b);
void compat_relation_free(struct compat_relation *r);

/* A kind of OLD as a kind index of NEW: its match, or a number above
 * NEW's kinds that only equals itself. */
static inline uint32_t compat_to_new(const struct compat_side *old, const struct compat_side *new,
				     uint32_t k)
{
	if (k == COMPAT_ANY || k == COMPAT_NONE)
		return k;
	return old->kinds[k]->match != COMPAT_NONE ? old->kinds[k]->match : new->nkinds + k;
}

/* Whether a member has calls (a method rather than a plain attribute). */
static inline bool compat_member_callable(const struct compat_member *m)
{
	return m->shape && m->shape->ncalls > 0;
}

#endif
