/* doctree.h: the document tree. The document layer makes one tree of
 * each `.document:` of a run (document.c expands its directives and
 * macros, manpage*.c lays out man pages of kinds), links the trees of a
 * run together (links.c), and the HTML and LaTeX emitters render them.
 * Nodes live in an arena (the scratch memory of the job rendering the
 * tree) and are never freed one by one. */
#ifndef GSL_DOCTREE_H
#define GSL_DOCTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"

struct gsl_emit;
struct gsl_emit_job;

/* X(ID, name): the kinds of nodes, declared once. */
#define GSL_DT_KINDS(X) \
	X(ROOT, "document")       /* a document: its children are the content */ \
	X(ELEMENT, "element")     /* markup: u.elem.tag ("p", "dl", "em", "a" ...) */ \
	X(TEXT, "text")           /* u.text, verbatim (escaping is the emitter's) */ \
	X(CHAR, "char")           /* u.text: an entity name ("nbsp") or code ("169", "0xa9") */ \
	X(DEFINE, "define")       /* an anchor for u.link.name, around its children */ \
	X(LINK, "link")           /* a link to u.link.name; the children are its text */ \
	X(COLONKIND, "colonkind") /* the ':' between a name and its kind */ \
	X(MAPSTO, "mapsto")       /* the '->' before what a mapping returns */ \
	X(MAN_PAGE, "man_page")   /* u.page: a man page of a kind; its headings are its own */ \
	X(HTML_ONLY, "html_only") /* shown in HTML only (the '# ' links of operators) */ \
	X(HEADER, "header")       /* its children belong to the HTML head */ \
	X(BLOCK, "block")         /* a group with no markup of its own */

#define GSL_DT_ENUM(id, name) GSL_DT_##id,
enum gsl_dt_kind { GSL_DT_KINDS(GSL_DT_ENUM) GSL_DT_KIND_COUNT };
#undef GSL_DT_ENUM

/* The name of a kind of node ("define"). */
const char *gsl_dt_kind_name(enum gsl_dt_kind kind);

enum gsl_dt_flags {
	GSL_DT_ARG = 1 << 0,    /* TEXT: the argument written on the element's own
				   line (`.pre: x`), before its children */
	GSL_DT_SYMBOL = 1 << 1, /* TEXT: a symbol, an argument passed to a directive
				   (`.symbol: x`, macro arguments); shown as text
				   where nothing took it */
};

/* An attribute of an element (`href=...` lines, `with` groups). */
struct gsl_dt_attr {
	const char *name;
	const char *value;        /* stripped */
	struct gsl_dt_attr *next;
};

struct gsl_dt_node {
	struct gsl_dt_node *parent;
	struct gsl_dt_node *first_child;
	struct gsl_dt_node *last_child;
	struct gsl_dt_node *next;
	union {
		struct {
			const char *tag;          /* interned */
			struct gsl_dt_attr *attrs;
		} elem;                           /* ELEMENT */
		struct {
			const char *ptr;          /* not NUL-terminated */
			size_t len;
		} text;                           /* TEXT, CHAR */
		struct {
			const char *name;         /* the link name, ".tgt.pkg.K.m" */
			const struct gsl_document *doc; /* LINK: the document that defines
							   it, NULL while unresolved */
		} link;                           /* DEFINE, LINK */
		struct {
			const char *kind;         /* the kind's name where the document is */
			const char *link;         /* its link name */
		} page;                           /* MAN_PAGE */
	} u;
	struct gsl_loc loc;       /* where it comes from, for messages */
	uint8_t kind;             /* enum gsl_dt_kind */
	uint8_t flags;            /* enum gsl_dt_flags */
};

/* The tree of one document. */
struct gsl_doctree {
	const struct gsl_document *doc;
	const char *name;          /* the document's name: outputs are NAME.html, NAME.tex */
	struct gsl_dt_node *root;
	struct gsl_str title;      /* `document_title`, unstripped; ptr NULL when none */
	struct gsl_str lang;       /* `document_lang`, stripped; ptr NULL when none */
	bool has_man_pages;
	bool failed;               /* it had problems (reported unless made quietly) */
};

/* Prepares the making of the run's trees; emitters call it before they
 * leave jobs that make trees. The first call makes the tree of each
 * document shown (HTML, XHTML, LaTeX), reporting its problems, to learn
 * which document defines each link name first. */
void gsl_doctrees_prepare(struct gsl_emit *e);

/* The tree of document d, linked to the run's other documents, made in
 * the scratch memory of job, and valid until the job ends. Its problems
 * were reported by gsl_doctrees_prepare. */
const struct gsl_doctree *gsl_doctree_make(struct gsl_emit_job *job, const struct gsl_document *d);

/* Whether a link resolves into the document of tree. */
static inline bool gsl_dt_link_is_local(const struct gsl_dt_node *link,
					const struct gsl_doctree *tree)
{
	return link->u.link.doc == tree->doc;
}

/* A man page of the run, and the title of each document, for an index. */
struct gsl_dt_page {
	const char *kind;                 /* the kind's name in its document */
	const char *link;                 /* its link name */
	const struct gsl_document *doc;
};
struct gsl_dt_index {
	const struct gsl_dt_page *pages;  /* in the order of the documents */
	size_t npages;
	const char *const *titles;        /* of each document of the model, in order:
					     stripped, NULL when none */
};
const struct gsl_dt_index *gsl_doctree_index(struct gsl_emit *e);

/* Frees what the run's trees hold (gsl_emit_free calls it). */
void gsl_doctrees_free(struct gsl_emit *e);

/* The anchor of a link name (section 4.6 of the language reference):
 * ".tgt.sets.NodeSet.op:&" -> "sets.NodeSet.op:-38-". Appended to out. */
void gsl_dt_anchor(struct gsl_buf *out, const char *link_name);

/* ---- Walking ---------------------------------------------------------- */

enum gsl_dt_event { GSL_DT_DONE, GSL_DT_ENTER, GSL_DT_EXIT };

/* Walks a tree without recursion: each node is entered, its children
 * walked, then it is exited. */
struct gsl_dt_iter {
	const struct gsl_dt_node *root;
	const struct gsl_dt_node *node;  /* the node of the last event */
	enum gsl_dt_event event;
	bool skip;
};

void gsl_dt_iter_init(struct gsl_dt_iter *it, const struct gsl_dt_node *root);
enum gsl_dt_event gsl_dt_iter_next(struct gsl_dt_iter *it);
/* After an ENTER: skips the children, so the next event exits the node. */
void gsl_dt_iter_skip_children(struct gsl_dt_iter *it);

/* Walks that only visit nodes go in document order with these. The
 * node that follows n and all its children in the tree of root, or
 * NULL. */
static inline const struct gsl_dt_node *gsl_dt_after(const struct gsl_dt_node *root,
						     const struct gsl_dt_node *n)
{
	for (; n != root; n = n->parent)
		if (n->next)
			return n->next;
	return NULL;
}

/* The node that follows n: its first child, if any. */
static inline const struct gsl_dt_node *gsl_dt_following(const struct gsl_dt_node *root,
							 const struct gsl_dt_node *n)
{
	return n->first_child ? n->first_child : gsl_dt_after(root, n);
}

/* ---- Building (the document layer) ------------------------------------ */

struct gsl_dt_node *gsl_dt_new(struct gsl_arena *a, enum gsl_dt_kind kind, struct gsl_loc loc);
struct gsl_dt_node *gsl_dt_text(struct gsl_arena *a, const char *s, size_t n,
				struct gsl_loc loc);
/* Makes child the last child of parent (child has no parent yet). */
void gsl_dt_append(struct gsl_dt_node *parent, struct gsl_dt_node *child);
/* Moves all children of from to the end of to's children. */
void gsl_dt_move_children(struct gsl_dt_node *to, struct gsl_dt_node *from);
/* Detaches the first child of n and returns it (NULL if none). */
struct gsl_dt_node *gsl_dt_take_first(struct gsl_dt_node *n);
/* Adds an attribute after those already there. */
void gsl_dt_add_attr(struct gsl_arena *a, struct gsl_dt_node *elem, const char *name,
		     const char *value);
/* A deep copy of n, without parent. */
struct gsl_dt_node *gsl_dt_copy(struct gsl_arena *a, const struct gsl_dt_node *n);

#endif
