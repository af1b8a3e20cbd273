/* manpage.h: what the files that lay out man pages share. A man page is
 * made from aspects: the children of a kind's blocks, of an attribute,
 * of a mapping ... seen in the place where they are declared, which
 * gives them their link names (section 4.3 of the language reference)
 * and the name of the object they are about (`.self`). manpage.c lays
 * out pages; aspects.c collects and names aspects; kinds.c lays out
 * kinds and attributes, arguments.c argument lists, mapping.c mappings,
 * operators.c operators and conditions. */
#ifndef GSL_MANPAGE_H
#define GSL_MANPAGE_H

#include "document.h"

struct asp;

/* Where aspects are declared: a kind's block (the kind as named there)
 * or the aspects of an aspect. Names are made on first use. */
struct place {
	struct place *up;               /* the place of asp; NULL for a kind */
	const struct asp *asp;          /* whose aspects are here, or NULL */
	const struct gsl_subject *kind; /* a kind's place: the kind as named in
					   the block */
	const char *path;               /* full name, after ".tgt." */
	const char *link;               /* link name */
};

/* An aspect, or a kind that man pages show (a named kind or a synthetic
 * one made of aspects). */
struct asp {
	enum gsl_tag tag;               /* the node's; MAPPING for the mapping of a
					   `.method::`; KIND or SUPERKIND for kinds */
	const struct gsl_node *node;    /* NULL for kinds */
	struct place *at;               /* where it is declared (names are made
					   there on first use) */
	const struct gsl_name *name;    /* operators, conditions: its name of the
					   node's list; attributes: NULL for all */
	const struct gsl_subject *kind; /* a named kind (or an attribute's subject) */
	const struct asp *parts;        /* a synthetic kind: what it is made of */
	uint32_t nparts;
	uint32_t index;                 /* its <N> in its place */
	bool synthetic;
};

/* A sequence of aspects. */
struct asps {
	struct asp *v;
	size_t n, cap;
};

/* The state of laying out one man page. */
struct page {
	struct gsl_docgen *g;
	int level;                      /* headings: 0 h2, 1 strong big, 2+ strong */
	const struct gsl_dt_node *use_self; /* the object shown for `self` (constructors) */
};

/* ---- Aspects (manpage.c) ---------------------------------------------- */

void asps_add(struct page *p, struct asps *a, struct asp item);
void asps_free(struct page *p, struct asps *a);
/* The place of x's own aspects. */
struct place asp_place(const struct asp *x);
/* The aspects of x, declared in place (from asp_place(x)), comments
 * left out; with tag != GSL_TAG_ROOT, only those of that tag
 * (DESCRIPTION also takes those with headers and defaults). */
void asp_aspects(struct page *p, const struct place *place, enum gsl_tag tag, struct asps *out);
bool asp_is_description(enum gsl_tag tag);
bool asp_is_attribute(enum gsl_tag tag);
/* The aspects of kind k (with tag want, or all with GSL_TAG_ROOT), each
 * in the place of its block. */
void asp_kind_aspects(struct page *p, const struct gsl_subject *k, enum gsl_tag want,
		      struct asps *out);
const char *asp_link(struct page *p, const struct asp *a);
/* The kind aspects of x (in place pl of x) into out. */
void asp_kind_parts(struct page *p, const struct place *pl, struct asps *out);
/* The kind made of parts: the one part if it is a kind or a `kind of`,
 * else a synthetic kind. parts must live as long as the result. */
struct asp asp_and_kind(const struct asps *parts);
/* A named kind: a link to it, by the name it has where it is used. */
void page_kind_name(struct page *p, const struct gsl_name *name);
void page_kind_subject(struct page *p, const struct gsl_subject *kind);

/* Limits the nesting of kinds in kinds and of argument lists; false (and
 * reported once) when too deep. */
bool page_enter(struct page *p, const struct asp *at);
void page_leave(struct page *p);

/* Output shorthands. */
void page_open(struct page *p, const char *tag);
void page_close(struct page *p);
void page_text(struct page *p, const char *s);
/* `<dt>` with a heading of the current level. */
void page_outer_dt(struct page *p, const char *heading);
void page_colon(struct page *p);
/* The object x is about: its `.self` name, else "self". */
void page_self(struct page *p, const struct asp *x);
/* Its `.self` name only, if any; false if none. */
bool page_self_name(struct page *p, const struct asp *x);

/* ---- Kinds and attributes (kinds.c) ----------------------------------- */

/* A synthetic kind: ` (` and its parts in a list, or `anything`. */
void page_kind_list(struct page *p, const struct asp *k, bool definition);
/* A kind: by name, or made of aspects. */
void page_kind_ref(struct page *p, const struct asp *k, bool definition);
/* `kind of: K`, `superkind of: K`: K. */
void page_kind_of(struct page *p, const struct asp *k, bool definition);
/* `either: A, B`: one of the kinds. */
void page_either(struct page *p, const struct asp *k);
/* An attribute in the synopsis: its name, linked, and kind or signature. */
void page_attribute_ref(struct page *p, const struct asp *a);
/* An attribute in the description: anchored, with its descriptions. */
void page_attribute_def(struct page *p, const struct asp *a);

/* The reference form (synopsis) and the definition form (description)
 * of an aspect or kind. */
void page_ref(struct page *p, const struct asp *a);
void page_def(struct page *p, const struct asp *a);
/* A description: its text, with its header or default. */
void page_doc(struct page *p, const struct asp *d);
void page_description_dd(struct page *p, const struct asp *d);

/* ---- Arguments (arguments.c) ------------------------------------------ */

/* The argument aspects of x (arguments, argument groups, and the kinds
 * an `.args` lists), from its place pl. */
void asp_arguments(struct page *p, const struct place *pl, struct asps *out);
/* The name of an argument: given on its line or by a `.name`; "?" if
 * neither. */
struct gsl_str asp_argument_name(const struct asp *a);
/* An argument list, without the brackets around it. */
void page_arguments(struct page *p, const struct asps *list);
/* An argument and its kind: `a: K`, `k = K`. */
void page_argument(struct page *p, const struct asp *arg);

/* ---- Mappings (mapping.c) ----------------------------------------------- */

/* `(args) -> returns` of a mapping m. */
void page_mapping_kind(struct page *p, const struct asp *m, bool definition, bool with_self);
void page_mapping_description(struct page *p, const struct asp *m);
/* `->` and the kind of what m returns, if it says. */
void page_returns(struct page *p, const struct asp *m, bool definition);

/* ---- Operators and conditions (operators.c) ------------------------------ */

void page_operator_ref(struct page *p, const struct asp *op, bool definition);
void page_operator_def(struct page *p, const struct asp *op);
void page_condition_ref(struct page *p, const struct asp *cond, bool definition);
void page_condition_def(struct page *p, const struct asp *cond);

#endif
