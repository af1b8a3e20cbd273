/* testplan_int.h: what the parts of the test planner share; each stage
 * has a file: the kind graph, argument lists, checks, paths, origins. */
#ifndef GSL_TESTPLAN_INT_H
#define GSL_TESTPLAN_INT_H

#include "buf.h"
#include "ptrmap.h"
#include "testplan.h"

/* A growable array of pointers, in malloc'd memory. */
struct tp_vec {
	void **v;
	uint32_t n;
	uint32_t cap;
};

void tp_vec_push(const struct gsl_mem *mem, struct tp_vec *vec, void *p);
/* The pointers of vec as an array in a (one more, NULL, at the end). */
void *tp_vec_copy(struct gsl_arena *a, const struct tp_vec *vec);

/* Conditions not yet used in the document have this number. */
#define TP_UNNUMBERED UINT32_MAX

enum tp_item_kind {
	TP_NONE,
	TP_KIND,                           /* a kind of the specification */
	TP_ATTR,                           /* an attribute (or method) */
	TP_MAPPING,                        /* the object is callable */
	TP_OPERATOR,                       /* op, iop, rop, fop, getitem, setitem, delitem */
	TP_EITHER,                         /* the object is of one of several kinds */
	TP_KIND_OF,                        /* the object is of the kinds listed */
};

/* What a kind of the graph is made of: a kind of the specification, or
 * one of its aspects, which makes a kind of the things that have it. */
struct tp_item {
	enum tp_item_kind kind;
	const struct gsl_node *node;       /* the aspect; NULL for TP_KIND */
	const struct gsl_name *name;       /* which of node's names (attributes,
					      operators), or NULL */
	const struct gsl_subject *subject; /* the kind, or the subject whose
					      block holds node */
};

struct tp_arrow;

/* A kind of the graph. */
struct tp_vertex {
	const char *key;                   /* tgt name, or "(...)" of its items */
	const struct tp_item *items;
	uint32_t nitems;
	struct tp_arrow *arrows;           /* what can be done to its objects */
	struct tp_arrow *last_arrow;
	struct tp_vertex *next_todo;       /* the stack of kinds to explore */
	uint32_t index;                    /* in order of making, from 0 */
	uint32_t removed;                  /* paths: how often it is taken out */
	bool explored;
};

struct tp_arrow {
	struct gsl_tp_arrow pub;
	struct tp_vertex *to;
	struct tp_arrow *next;             /* the next arrow of its vertex */
};

/* One way of calling a mapping: the arguments and what they check. */
struct tp_shape {
	struct gsl_tp_args args;
	const struct gsl_tp_check *posts;
	uint32_t nposts;
	const struct gsl_tp_equation *eqs;
	uint32_t neqs;
};

/* The calls a mapping (or operator) is tested with. */
struct tp_calls {
	const struct tp_shape *shapes;
	uint32_t n;
	const struct gsl_node *const *pres; /* its preconditions */
	uint32_t npres;
	const char *where;
};

struct gsl_testdoc {
	struct gsl_emit_job *job;          /* keeps the problems to report */
	struct gsl_model *m;               /* only read: jobs run at once */
	const struct gsl_ctx *ctx;         /* ... its files and memory too */
	const struct gsl_document *d;
	unsigned format;                   /* the format being emitted */
	bool report;                       /* report the problems of plans */
	bool origins;                      /* plan how objects are made */
	bool report_origins;
	bool superkinds_indexed;           /* superkind_examples is made */
	struct gsl_arena *arena;           /* what lives as long as the document's
					      planning: examples, conditions, calls
					      (the job's scratch memory) */
	struct gsl_arena scratch;          /* the current plan's graph and steps */
	/* Where the document walk is. */
	const struct gsl_node *test_of;
	const struct gsl_name *name;
	/* Kept for the whole document. */
	struct gsl_ptrmap examples;            /* `.eg` node -> gsl_tp_example */
	struct gsl_ptrmap conds;               /* condition subject -> gsl_tp_condition */
	struct gsl_ptrmap calls;               /* mapping node -> tp_calls */
	struct gsl_ptrmap wheres;              /* node -> "file:line" */
	struct gsl_ptrmap members;             /* aspect -> its names in messages */
	struct gsl_ptrmap reported;            /* nodes whose problem was reported */
	struct gsl_ptrmap superkind_examples;  /* kind -> first example of a superkind of it */
	struct gsl_strmap keywords;        /* keyword names, one copy of each */
	unsigned errors;                   /* errors reported */
	uint32_t nexamples;                /* examples with a context, numbered */
	uint32_t nconds;
	/* The current plan. */
	struct gsl_testplan plan;
	struct gsl_strmap vertices;        /* key -> tp_vertex */
	struct tp_vec all_vertices;        /* by index */
	struct tp_vertex *todo;
	uint32_t narrows;
	struct tp_vec made;                /* its steps, each once, as made */
	struct tp_vec new_examples;
	struct tp_vec new_conds;
	struct gsl_buf buf;                /* scratch text */
};

/* testplan.c */
bool tp_usable(const struct gsl_node *n);
/* Whether n's problem is to be reported now: the first time, by the
 * format that reports. */
bool tp_report_once(struct gsl_testdoc *td, const struct gsl_node *n);
/* Reports an error of the plans (kept by the job until all are done). */
void tp_error(struct gsl_testdoc *td, struct gsl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The one copy, NUL-terminated, of s[0..len) in the document's planning:
 * equal names are equal pointers. */
const char *tp_intern(struct gsl_testdoc *td, const char *s, size_t len);
const struct gsl_tp_example *tp_example(struct gsl_testdoc *td, const struct gsl_node *eg);
/* The examples of a kind, in order, appended to out (gsl_tp_example *). */
void tp_kind_examples(struct gsl_testdoc *td, const struct gsl_subject *kind, struct tp_vec *out);
/* The name an `.arg`, `.key arg` or `.self` gives, or an empty string. */
struct gsl_str tp_spec_name(const struct gsl_node *n);

/* testplan_graph.c: the graph of the current plan, explored from the
 * tested kind. */
struct tp_vertex *tp_graph_build(struct gsl_testdoc *td, const struct gsl_subject *kind);

/* testplan_args.c: the argument lists a mapping is called with, kept
 * for the document; false (and none) when some argument has no
 * examples, which is reported. */
bool tp_args_enumerate(struct gsl_testdoc *td, const struct gsl_node *mapping,
		       struct gsl_tp_args **lists, uint32_t *n);
/* The examples an `.arg` or `.key arg` takes. */
void tp_arg_examples(struct gsl_testdoc *td, const struct gsl_node *spec, struct tp_vec *out);

/* testplan_conds.c: the calls of a mapping, made once per document. */
const struct tp_calls *tp_calls_of(struct gsl_testdoc *td, const struct gsl_node *mapping);
/* The call that makes the preconditions of a mapping true before it is
 * called with args on an object of kind from, or NULL (reported). */
const struct gsl_tp_setup *tp_setup(struct gsl_testdoc *td, const struct tp_vertex *from,
				    const struct tp_calls *calls, const struct gsl_tp_args *args);

/* testplan_paths.c: the steps of the current plan. */
void tp_paths_build(struct gsl_testdoc *td, struct tp_vertex *root);

/* testplan_origin.c */
const struct gsl_tp_origin *tp_origin(struct gsl_testdoc *td, const struct gsl_subject *kind);

#endif
