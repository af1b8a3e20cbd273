/* testplan.h: the tests of a document, planned apart from the language
 * they are written in; the Python renderers (tester.c, unittest.c) and
 * a C renderer write the same plans. */
#ifndef GSL_TESTPLAN_H
#define GSL_TESTPLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "emit.h"
#include "model.h"

/* An example value of a kind: a Python expression, evaluated after the
 * code of its context. */
struct gsl_tp_example {
	const struct gsl_node *node;    /* the `.eg` */
	struct gsl_str expr;            /* stripped; parenthesised when it spans lines */
	struct gsl_str context;         /* the `.in context:` code, stripped; len 0 if none */
	const char *where;              /* "kindnames.gsl:62" */
	uint32_t number;                /* 1, 2 ...: among the examples with a context,
					   in order of first use in the document; 0 if none */
};

/* One argument of a call. */
struct gsl_tp_value {
	const struct gsl_tp_example *example;
	const char *keyword;            /* NUL-terminated keyword name; NULL: positional */
	const struct gsl_node *spec;    /* the `.arg`, `.key arg` or `.args` it fills */
};

struct gsl_tp_args {
	const struct gsl_tp_value *v;
	uint32_t n;
};

/* A condition of the specification, as the tests evaluate it. */
struct gsl_tp_condition {
	const struct gsl_subject *subject;
	const char *id;                 /* ".tgt.sets.CommonSet.cond:contains" */
	const char *const *params;      /* its `.self` and `.arg` names, in order */
	uint32_t nparams;
	const struct gsl_node *const *code; /* its `.python code` nodes */
	uint32_t ncode;
	uint32_t number;                /* 0, 1 ...: in order of first use in the document */
};

/* What a condition is applied to. */
enum gsl_tp_operand_kind {
	GSL_TP_SOURCE,                  /* the object the call is made on */
	GSL_TP_RESULT,                  /* what the call returned */
	GSL_TP_ARGUMENT,                /* one of the call's arguments */
};

struct gsl_tp_operand {
	enum gsl_tp_operand_kind kind;
	const struct gsl_tp_value *value; /* ARGUMENT */
};

/* A precondition or postcondition: a condition applied to operands. */
struct gsl_tp_check {
	const struct gsl_tp_condition *cond;
	const struct gsl_node *node;    /* the `.precondition` or `.postcondition` */
	const char *where;              /* "sets.gsl:205" */
	struct gsl_str text;            /* as written: "not CommonSet.empty(S)" */
	const struct gsl_tp_operand *operands;
	uint32_t noperands;
	bool negated;
};

/* `.equation`: what the precondition gives before the call equals what
 * each postcondition gives after it. */
struct gsl_tp_equation {
	struct gsl_tp_check pre;
	const struct gsl_tp_check *posts;
	uint32_t nposts;
};

/* A call made first to make the preconditions of a call true: a method
 * of the object whose postconditions give them. */
struct gsl_tp_setup {
	const char *name;               /* the attribute called */
	struct gsl_tp_args args;
	const char *where;              /* its mapping's place */
};

enum gsl_tp_op {
	GSL_TP_GETATTR,                 /* T = S.name */
	GSL_TP_CALLATTR,                /* T = S.name(A) */
	GSL_TP_CALL,                    /* T = S(A) */
	GSL_TP_OPERATOR,                /* T = S name A */
	GSL_TP_REVERSE,                 /* T = A name S */
	GSL_TP_INPLACE,                 /* T = S; T name A */
	GSL_TP_FUNCTION,                /* T = name(S, A) */
	GSL_TP_GETITEM,                 /* T = S[A] */
	GSL_TP_SETITEM,                 /* S[A but the last] = the last */
	GSL_TP_DELITEM,                 /* del S[A] */
	GSL_TP_EITHER,                  /* S is of one of several kinds: no statement */
	GSL_TP_ALTERNATIVE,             /* ... of this one: no statement; the steps
					   below alternatives are tried in turn */
};

/* What can be done to an object of a kind, and what is checked then. */
struct gsl_tp_arrow {
	enum gsl_tp_op op;
	const char *name;               /* attribute name, operator symbol, function */
	struct gsl_tp_args args;
	const struct gsl_node *node;    /* the aspect it tests */
	const char *where;              /* "docexample.gsl:57" */
	const char *member;             /* "example_kind.m_opt", "NodeSet.op:&" */
	const struct gsl_tp_setup *setup; /* NULL when there are no preconditions */
	const struct gsl_tp_check *posts;
	uint32_t nposts;
	const struct gsl_tp_equation *eqs;
	uint32_t neqs;
	uint32_t index;                 /* order of creation in its plan */
};

/* A step: an arrow taken from what the step above gave. The root step
 * stands for the object under test. Steps may share the steps below
 * them (the same calls follow each loop of a kind): the steps form a DAG,
 * which is written as the tree it stands for. */
struct gsl_tp_step {
	const struct gsl_tp_arrow *arrow; /* NULL at the root */
	struct gsl_tp_step *first_child;  /* in arrow order */
	struct gsl_tp_step *next;
};

/* How an object of the tested kind is made, for tests that make their
 * own (see testplan_origin.c): an example, then calls of constructors. */
struct gsl_tp_construct {
	const char *name;               /* the constructor attribute */
	struct gsl_tp_args args;        /* NULL args with n 0 and call false: read it */
	bool call;                      /* it has a mapping: call it */
	const char *where;
};

struct gsl_tp_origin {
	const struct gsl_tp_example *example;
	const char *kind;               /* the kind the example is of, for messages */
	const struct gsl_tp_construct *constructs;
	uint32_t nconstructs;
};

/* The plan of one `test of: K`. The kinds that K's objects lead to form a
 * graph whose arrows are attribute reads, calls and operators, one arrow
 * per example argument list; the paths that the coverage asks for are
 * the steps below the root, each a statement on what the step above it
 * gave. */
struct gsl_testplan {
	const struct gsl_subject *kind; /* as named in the document */
	const struct gsl_name *name;    /* the name in `test of`, for messages */
	const char *tgt;                /* the kind's tgt name */
	const char *local;              /* its name as written ("module heapyc") */
	const char *where;              /* where the kind is defined */
	struct gsl_coverage coverage;
	struct gsl_tp_step root;
	uint32_t nsteps;                /* steps below the root, in the tree */
	uint32_t narrows;               /* arrows of its graph: their indexes are below */
	const struct gsl_tp_origin *origin; /* NULL in the tester format */
	/* What this plan uses first in its document, to define before it. */
	const struct gsl_tp_example *const *new_examples;
	uint32_t nnew_examples;
	const struct gsl_tp_condition *const *new_conds;
	uint32_t nnew_conds;
};

struct gsl_testdoc;

/* The tests of a document in one format, planned and written by a job
 * of their own: jobs run at the end of the run, on all processors (see
 * emit.h). Each problem of the plans is reported once, by the first
 * test format of the document; the formats that make their own objects
 * also plan origins. */
struct gsl_testjob {
	struct gsl_emit_job job;
	const struct gsl_document *d;
	unsigned format;
	struct gsl_buf *out;            /* the output file */
	/* Writes the tests into out, taking the plans from td; memory that
	 * lasts as long as the job is in job.scratch. */
	void (*write)(struct gsl_testjob *tj, struct gsl_testdoc *td);
};

/* Leaves the tests of document d in format, written into the output
 * file of that name, to a job that calls write. */
void gsl_testdoc_later(struct gsl_emit *e, const struct gsl_document *d, unsigned format,
		       const char *file,
		       void (*write)(struct gsl_testjob *tj, struct gsl_testdoc *td));
/* The plan of the next kind tested in the document, or NULL at the end.
 * It is valid until the next call. */
const struct gsl_testplan *gsl_testdoc_next(struct gsl_testdoc *td);

/* The name of the file of a node, as its package names it ("sets.gsl",
 * "a/b.gsl"), and its line: what generated tests quote. */
const char *gsl_testdoc_where(struct gsl_testdoc *td, const struct gsl_node *n);

#endif
