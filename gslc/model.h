/* model.h: the resolved model of a run, what backends read. Packages
 * (one per file) hold definitions: kinds, superkinds, conditions, macros,
 * imports and, inside kinds, attributes. Every name in a structured
 * argument that refers to a definition points to it (gsl_name.ref). The
 * aspects of a definition are the children of its blocks (the `.kind`
 * node, then each `.and`), seen from a package: an import shows the
 * aspects of what it imports first, then its own. */
#ifndef GSL_MODEL_H
#define GSL_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "strmap.h"

enum gsl_subject_kind {
	GSL_SUBJECT_KIND,
	GSL_SUBJECT_SUPERKIND,
	GSL_SUBJECT_CONDITION,
	GSL_SUBJECT_MACRO,
	GSL_SUBJECT_IMPORT,
	GSL_SUBJECT_ATTRIBUTE,  /* `.attr::` and `.method::` */
};

/* "kind", "superkind", "condition" ...: for messages and the JSON model. */
const char *gsl_subject_kind_name(enum gsl_subject_kind kind);

struct gsl_package;

/* A block of aspects: a node whose children are aspects of owner. */
struct gsl_block {
	const struct gsl_node *node;
	const struct gsl_subject *owner; /* the subject as named where the block is */
};

/* A named definition. Fields are ordered to keep it at 72 bytes. */
struct gsl_subject {
	const struct gsl_name *name;    /* the name where it is defined */
	const struct gsl_node *node;    /* the defining node */
	struct gsl_package *pkg;        /* the package that defines it */
	struct gsl_subject *owner;      /* the kind of an attribute or of a kind's
					   condition, the attribute of an attribute;
					   NULL at the top level */
	struct gsl_subject *origin;     /* IMPORT: what it imports, as defined in
					   the source package (maybe an import itself) */
	const struct gsl_block *view;   /* its aspects' blocks, as seen here: the
					   origin's view, then its own blocks */
	struct gsl_subject *members;    /* attributes and conditions declared in
					   its own blocks, in order */
	struct gsl_subject *next;       /* the next in its scope */
	const char *tgt;                /* see gsl_subject_tgt; built on first use */
	uint32_t nview;
	uint8_t kind;                   /* enum gsl_subject_kind */
	uint8_t state;                  /* used while resolving */
};

enum gsl_format {
	GSL_FORMAT_HTML = 1 << 0,
	GSL_FORMAT_XHTML = 1 << 1,
	GSL_FORMAT_LATEX = 1 << 2,
	GSL_FORMAT_TESTER = 1 << 3,
	GSL_FORMAT_UNITTEST = 1 << 4,
	GSL_FORMAT_CTEST = 1 << 5,
};
#define GSL_FORMAT_NAMES "html, xhtml, latex, tester, unittest, ctest"

/* A `.document:` of a file named on the command line. */
struct gsl_document {
	const char *name;               /* output file name without extension */
	const struct gsl_node *node;
	struct gsl_package *pkg;
	unsigned formats;               /* enum gsl_format bits */
	struct gsl_document *next;
};

struct gsl_package {
	const char *name;               /* "sets", "a.b" */
	uint32_t file;
	struct gsl_node *root;
	struct gsl_strmap scope;        /* top-level name -> subject */
	struct gsl_subject *defs;       /* top-level definitions, in order */
	struct gsl_subject *last_def;
	struct gsl_document *documents; /* only for main packages */
	struct gsl_package *next;
	bool main;                      /* named on the command line */
	bool loading;                   /* being loaded: an import cycle */
	bool imports_resolved;
};

struct gsl_model {
	struct gsl_ctx *ctx;
	struct gsl_package *packages;   /* all, in the order loaded */
	struct gsl_package *last_package;
	struct gsl_strmap by_name;      /* package name -> package */
	struct gsl_document *documents; /* of all main packages, in order */
	struct gsl_document *last_document;
	bool named;                     /* every subject has its tgt name */
};

/* Loads and resolves the named files and everything they import.
 * Problems are reported through ctx; the model holds what resolved. */
struct gsl_model *gsl_model_build(struct gsl_ctx *ctx, const char *const *paths, int npaths);
/* The same for files already in the context (by file number). */
struct gsl_model *gsl_model_build_files(struct gsl_ctx *ctx, const uint32_t *files, int nfiles);
/* Frees what the model holds outside the context's arena. */
void gsl_model_free(struct gsl_model *m);

/* The canonical name of a definition: ".tgt." and its path from the
 * package where it is written ("sets.NodeSet.add"); for an import, that
 * of what it imports. Built on first use. */
const char *gsl_subject_tgt(struct gsl_model *m, const struct gsl_subject *s);
/* Builds the tgt name of every definition now: after it, gsl_subject_tgt
 * only reads the model, and threads may call it at once. Does nothing
 * the second time. */
void gsl_model_name_all(struct gsl_model *m);

/* The definition behind imports: the subject that is not an import. */
const struct gsl_subject *gsl_subject_target(const struct gsl_subject *s);
bool gsl_subject_is_kind(const struct gsl_subject *s); /* kind or superkind */
bool gsl_subject_is_superkind(const struct gsl_subject *s);
struct gsl_str gsl_subject_name(const struct gsl_subject *s);

/* A member (attribute or condition) named name of s, as seen through its
 * view, or NULL. */
const struct gsl_subject *gsl_subject_member(const struct gsl_subject *s, struct gsl_str name,
					     enum gsl_subject_kind kind);

/* Walks the aspects of s as seen from its package: for each block in
 * its view, each child node. Comments are included. */
struct gsl_aspects {
	const struct gsl_subject *subject;
	uint32_t block;                 /* index in subject->view */
	const struct gsl_node *node;    /* the current aspect */
};
void gsl_aspects_init(struct gsl_aspects *it, const struct gsl_subject *s);
/* The next aspect, or NULL; it->subject->view[it->block].owner is its
 * owner as named where it was written. */
const struct gsl_node *gsl_aspects_next(struct gsl_aspects *it);

/* The index <N> that names an anonymous aspect: how many children its
 * owner had before it, counted over its owner's blocks in its package. */
uint32_t gsl_aspect_index(const struct gsl_subject *owner, const struct gsl_node *aspect);

/* `coverage: length N` or `coverage: N` of a `test of`. */
struct gsl_coverage {
	bool length;   /* all paths up to N arrows long */
	uint32_t n;
};
struct gsl_coverage gsl_test_coverage(const struct gsl_node *test_of);

/* The format bit named name, or 0. */
unsigned gsl_format_lookup(struct gsl_str name);
const char *gsl_format_name(unsigned format);

#endif
