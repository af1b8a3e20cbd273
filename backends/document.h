/* document.h: what the parts of the document layer share (emitters read
 * doctree.h instead). A docgen is the state of making the tree of one
 * document: where output goes, the macro and loop bindings, and the man
 * page being laid out. document.c expands markup, macros and loops,
 * directives.c the other directives; manpage.c and the files it names
 * lay out man pages through the output calls below. */
#ifndef GSL_DOCUMENT_H
#define GSL_DOCUMENT_H

#include <stdarg.h>

#include "doctree.h"
#include "emit.h"
#include "model.h"

struct frame;
struct binding;

/* An array no longer used, kept to be used again. */
struct gsl_spare {
	void *items;
	size_t cap;
};

/* How deep man pages, descriptions and macros may expand inside one
 * another. */
#define GSL_DOCGEN_NESTING 64

struct gsl_docgen {
	struct gsl_model *m;
	struct gsl_ctx *ctx;
	const struct gsl_emit_options *opt;
	struct gsl_arena *arena;       /* the tree's */
	bool quiet;                    /* problems are not reported, only noted in
					  failed (trees are made on several threads,
					  and only one may report) */
	bool failed;                   /* there were problems */
	struct gsl_strmap names;       /* the tree's names of elements and attributes */
	struct gsl_doctree *tree;      /* the document being made */
	const struct gsl_package *pkg; /* names in the document are resolved in it */
	struct gsl_dt_node *out;       /* where output is appended */
	struct gsl_loc loc;            /* the location given to new nodes */
	const char *page_link;         /* the link name of the man page's kind, NULL
					  outside man pages (`.ref`, `.label`) */
	const struct gsl_subject *page_kind; /* that kind */
	const struct gsl_subject *active[GSL_DOCGEN_NESTING]; /* the kinds of man
					  pages, subjects of descriptions and macros
					  being expanded, outermost first */
	size_t nactive;
	unsigned long work;            /* nodes expanded so far, bounded */
	unsigned depth;                /* kinds and argument lists being laid out
					  inside one another (in all man pages being
					  made), bounded */
	bool too_deep;                 /* too deep was reported */
	/* Expansion state (document.c). */
	struct frame *frames;          /* the expansion stack */
	size_t nframes, frames_cap;
	struct binding *bindings;      /* macro and loop variables, innermost last */
	size_t nbindings, bindings_cap;
	size_t scope;                  /* bindings below this index are not visible */
	struct gsl_dt_node *macro_args;/* the arguments of the macro being expanded */
	struct gsl_str *defines;       /* `.defines:` names */
	size_t ndefines, defines_cap;
	/* Man pages (aspects.c): the arrays of aspects they are done with. */
	struct gsl_spare *spare;
	size_t nspare, spare_cap;
};

/* Makes the tree of document d in arena, reporting its problems; quiet,
 * it reports none, only notes in the tree whether there were any. Quiet,
 * it may run on several threads at once: it only reads the model, once
 * the tgt names of all its definitions are made. */
struct gsl_doctree *gsl_docgen_document(struct gsl_model *m, const struct gsl_emit_options *opt,
					const struct gsl_document *d, struct gsl_arena *arena,
					bool quiet);

/* Expands the source nodes first, first->next, ... into g->out. */
void gsl_docgen_expand(struct gsl_docgen *g, const struct gsl_node *first);
/* Expands a text node of a specification (a description): its argument
 * as text, then its children. */
void gsl_docgen_text_node(struct gsl_docgen *g, const struct gsl_node *n);

/* A name of an element or attribute, NUL-terminated, made once per tree. */
const char *gsl_docgen_name(struct gsl_docgen *g, const char *s, size_t n);

/* Reports an error at loc, with the macro calls that led there. */
void gsl_docgen_error(struct gsl_docgen *g, struct gsl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Output: nodes are appended to g->out at g->loc. */
struct gsl_dt_node *gsl_docgen_put(struct gsl_docgen *g, enum gsl_dt_kind kind);
/* An element, which becomes g->out until gsl_docgen_close. */
struct gsl_dt_node *gsl_docgen_open(struct gsl_docgen *g, const char *tag);
/* A node of another kind (DEFINE, LINK, ...) opened the same way. */
struct gsl_dt_node *gsl_docgen_open_kind(struct gsl_docgen *g, enum gsl_dt_kind kind);
struct gsl_dt_node *gsl_docgen_open_link(struct gsl_docgen *g, enum gsl_dt_kind kind,
					 const char *link_name);
void gsl_docgen_close(struct gsl_docgen *g);
void gsl_docgen_text(struct gsl_docgen *g, const char *s);
void gsl_docgen_textn(struct gsl_docgen *g, const char *s, size_t n);
/* A character by its entity name or code ("nbsp", "169"). */
void gsl_docgen_char(struct gsl_docgen *g, const char *name);

/* ---- Between the expansion (document.c) and the directives
 * (directives.c) --------------------------------------------------------- */

/* A symbol: an argument for the directive it stands in. */
struct gsl_dt_node *gsl_docgen_symbol(struct gsl_docgen *g, struct gsl_str s);
static inline bool gsl_docgen_is_symbol(const struct gsl_dt_node *n)
{
	return n && n->kind == GSL_DT_TEXT && (n->flags & GSL_DT_SYMBOL);
}
static inline struct gsl_str gsl_docgen_symbol_str(const struct gsl_dt_node *n)
{
	return (struct gsl_str){ n->u.text.ptr, n->u.text.len };
}
/* A detached container for the expanded children a directive takes its
 * arguments from. */
struct gsl_dt_node *gsl_docgen_scratch(struct gsl_docgen *g);
/* An argument, or the symbol a macro or loop variable of that name is
 * bound to. */
struct gsl_str gsl_docgen_expand_arg(struct gsl_docgen *g, struct gsl_str arg);
/* Starts expanding what (the kind of a man page, the subject of a
 * description, a macro; which says which) at loc. False, reported, if it
 * is being expanded already (it would include itself without end) or
 * expansions nest too deep. */
bool gsl_docgen_enter(struct gsl_docgen *g, const struct gsl_subject *what, const char *which,
		      struct gsl_loc loc);
void gsl_docgen_leave(struct gsl_docgen *g);

enum { GSL_ARG_OPTIONAL = 1, GSL_ARG_MORE = 2 };
/* The argument of directive n: on its line, else the first symbol of
 * its expanded children rest (which is then removed from rest). A
 * missing one is reported unless GSL_ARG_OPTIONAL, a second symbol
 * unless GSL_ARG_MORE. */
struct gsl_str gsl_docgen_take_arg(struct gsl_docgen *g, const struct gsl_node *n,
				   struct gsl_dt_node *rest, unsigned opts);
/* The names of a directive that takes a list: those on its line, then
 * the symbols leading its expanded children rest (removed from rest).
 * Returns a container of symbols. */
struct gsl_dt_node *gsl_docgen_take_names(struct gsl_docgen *g, const struct gsl_node *n,
					  struct gsl_dt_node *rest);
/* The definition a name in the document refers to, or NULL (reported). */
const struct gsl_subject *gsl_docgen_lookup(struct gsl_docgen *g, struct gsl_str name,
					    struct gsl_loc loc);
/* Finishes a directive of directives.c whose children were expanded
 * into rest. */
void gsl_docgen_directive(struct gsl_docgen *g, const struct gsl_node *n, struct gsl_dt_node *rest);
/* `.specified definitions` and `.meta: name: content`. */
void gsl_docgen_specified(struct gsl_docgen *g, const struct gsl_node *n);
void gsl_docgen_meta(struct gsl_docgen *g, const struct gsl_node *n);

/* HTML text read into nodes (gsml.c), reporting problems at loc. */
void gsl_docgen_gsml(struct gsl_docgen *g, struct gsl_str text, struct gsl_loc loc);

/* The man page of a kind (manpage.c). */
void gsl_docgen_man_page(struct gsl_docgen *g, const struct gsl_subject *kind);

/* The link name of a definition: its tgt name; for attributes, the link
 * name of their owner and their name; for conditions, the name of the
 * package and kind that declare them and `cond:name` (links.c). */
const char *gsl_docgen_link_name(struct gsl_docgen *g, const struct gsl_subject *s);
/* The full name of a definition in the package that declares it, after
 * ".tgt." ("sets.CommonSet.cond:empty"; for a top-level definition its
 * package and name, for an import the importing package's). */
const char *gsl_docgen_declared_name(struct gsl_docgen *g, const struct gsl_subject *s);

#endif
