/* surface.h: what the two files that build a surface share: the work
 * queue of shapes to build (surface.c) and the reading of calls, with
 * their conditions and returned values (surface_call.c). */
#ifndef GSL_COMPAT_SURFACE_H
#define GSL_COMPAT_SURFACE_H

#include "compat.h"

/* A shape to build from the children of some nodes. */
struct job {
	struct compat_shape *shape;
	const struct gsl_node **nodes;
	uint32_t nnodes;
	uint32_t kind;                  /* the kind whose blocks these are, or COMPAT_NONE */
	const char *self;               /* the enclosing `.self` */
};

/* A member found among the children of a job's nodes. */
struct entry {
	const char *key;
	const struct gsl_node *node;
	struct gsl_loc loc;
	uint32_t order;
	uint8_t type;
};

struct builder {
	struct compat_side *side;
	struct gsl_arena *arena;
	struct job *jobs;
	size_t njobs, head, cap;
	struct entry *entries;          /* scratch, per job */
	size_t nentries, entries_cap;
	struct gsl_buf scratch;
};

void surface_push(struct builder *b, struct job job);
/* An arena array of n node pointers. */
const struct gsl_node **surface_nodes(struct builder *b, uint32_t n);
/* The interned text of a name. */
const char *surface_name(struct builder *b, const struct gsl_name *n);
/* The kind a name refers to; an unresolved name gets a kind of its own. */
uint32_t surface_kind(struct builder *b, const struct gsl_name *name);
/* Appends the kinds of a name list to an arena array. */
void surface_add_kinds(struct builder *b, uint32_t **kinds, uint32_t *n,
		       const struct gsl_name *names);

/* Reads the call that node n makes possible (a mapping, method, operator
 * or item access), written `how` (with the operator's symbol op), whose
 * conditions call the object self; its returned value becomes a job. */
void surface_read_call(struct builder *b, struct compat_call *call, const struct gsl_node *n,
		       enum compat_how how, const char *op, const char *self);

static inline bool surface_usable(const struct gsl_node *n)
{
	return !(n->flags & GSL_NODE_BAD_ARG);
}

#endif
