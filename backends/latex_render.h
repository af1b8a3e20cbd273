/* latex_render.h: what the files that render a document tree into
 * LaTeX share: the renderer's state and the node being rendered
 * (latex.c walks the tree and renders elements), its output of LaTeX
 * and text (latex_out.c), anchors and links (latex_links.c), headings
 * and tables (latex_blocks.c). */
#ifndef GSL_LATEX_RENDER_H
#define GSL_LATEX_RENDER_H

#include <stdbool.h>
#include <string.h>

#include "doctree.h"
#include "latex.h"
#include "render.h"
#include "strmap.h"

/* How an element is rendered. */
enum latex_rule {
	R_SKIP,    /* nothing (but anchors): head matter, scripts, controls */
	R_PLAIN,   /* its content */
	R_GROUP,   /* its content between open and close (a font, a script) */
	R_BIG,     /* its content one size larger */
	R_SMALL,   /* its content one size smaller */
	R_PAR,     /* a paragraph of its own, between open and close */
	R_ENV,     /* a list environment, between open and close */
	R_LIST,    /* a list of items, between open and close */
	R_ITEM,
	R_DL,
	R_DT,
	R_DD,
	R_HEADING,
	R_PRE,
	R_TABLE,
	R_ROW,
	R_CELL,
	R_CAPTION,
	R_HR,
	R_BR,
	R_IMG,
	R_A,
	R_RAW,     /* LaTeX written by the author */
};

enum {
	ARGUMENT = 1 << 0, /* open starts a macro argument: no paragraph inside */
	WRAP = 1 << 1,     /* a list whose every child is an item */
};

struct tag_rule {
	const char *tag;
	enum latex_rule rule;
	const char *open, *close;
	unsigned flags;
};

/* The rule of an element's tag, or NULL (latex.c). */
const struct tag_rule *latex_find_rule(const char *tag);

/* Groups of the font sizes, smallest first (latex.c). */
extern const char *const latex_sizes[];
enum { NORMAL_SIZE = 4, MAX_SIZE = 9 };

/* What changes between an element and its content. */
struct state {
	int arg;      /* macro arguments open: no paragraph may begin */
	int lists;    /* LaTeX list environments open */
	int tables;   /* tables open */
	int size;     /* the font size, an index into latex_sizes[] */
	bool pre;     /* in alltt: blanks and line ends are kept */
	bool raw;     /* text is LaTeX */
	bool man;     /* in a man page */
	bool hidden;  /* not shown (HTML only, head matter): only anchors */
};

/* A node being rendered. */
struct frame {
	const struct gsl_dt_node *node;
	enum latex_rule rule;    /* elements; R_PLAIN for other nodes */
	bool wrap;               /* a list whose children are items */
	bool item;               /* it was made an item of its parent */
	bool degraded;           /* a block rendered inline, a list as paragraphs */
	bool group;              /* close ends a group and typesets nothing */
	bool border;             /* tables: rules between rows */
	unsigned cells;          /* tables: columns; rows: cells so far; lists:
				    items so far */
	const char *close;       /* written when the node is left */
	struct state saved;      /* the state to restore then */
};

/* The rules of elements met so far, by the address of their interned
 * tag. */
struct rule_cache {
	const char *tag;
	const struct tag_rule *rule;
};
enum { RULE_CACHE = 64 };

/* The renderer of one document. */
struct latex {
	struct gsl_emit *e;
	struct gsl_emit_job *job;   /* reports problems */
	const struct gsl_doctree *tree;
	struct gsl_render r;
	struct state s;
	struct frame *frames;       /* the nodes being rendered, outermost first */
	size_t nframes, cap;
	struct gsl_arena *arena;    /* the labels below (the job's scratch memory) */
	struct gsl_strmap placed;   /* labels of the anchors placed so far */
	struct gsl_strmap names;    /* labels of all anchors, for links written
				       as `a href=#name` (found on first use) */
	bool named;                 /* names was filled */
	struct rule_cache rules[RULE_CACHE];
	struct gsl_buf anchor;      /* scratch: an anchor name */
	struct gsl_buf label;       /* scratch: a label */
	struct gsl_buf fmt;         /* scratch: LaTeX being put together */
	bool after_word;            /* the output ends with a control word and the
				       blank that ends it */
	bool after_blank;           /* what was typeset last is a blank (or the
				       start of a paragraph): blanks that follow
				       are dropped, as HTML does */
	bool pre_start;             /* nothing written in the pre yet */
	unsigned column;            /* in pre: for tabs */
	unsigned bookmarks;         /* made so far, to name them */
};

static inline bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline const char *attr(const struct gsl_dt_node *n, const char *name)
{
	for (const struct gsl_dt_attr *a = n->u.elem.attrs; a; a = a->next)
		if (strcmp(a->name, name) == 0)
			return a->value;
	return NULL;
}

static inline bool is_tag(const struct gsl_dt_node *n, const char *tag)
{
	return n->kind == GSL_DT_ELEMENT && strcmp(n->u.elem.tag, tag) == 0;
}

/* The level of a heading element (h1 ... h6), 0 for other nodes. */
static inline int heading_level(const struct gsl_dt_node *n)
{
	const char *t = n->kind == GSL_DT_ELEMENT ? n->u.elem.tag : "";
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2] ? t[1] - '0' : 0;
}

/* ---- Output (latex_out.c) ------------------------------------------------- */

/* Starts the output into out. */
void latex_render_init(struct latex *l, struct gsl_buf *out);
/* LaTeX. */
void latex_raw(struct latex *l, const char *s);
void latex_rawf(struct latex *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* LaTeX that opens or closes a group, typesetting nothing. */
void latex_group(struct latex *l, const char *s);
/* Ends the output line, outside macro arguments. */
void latex_newline(struct latex *l);
/* Text of the document, escaped, its blanks as HTML would show them. */
void latex_text(struct latex *l, const char *s, size_t n);
/* Opens the inline group of node n (frame f); close ends it. */
void latex_open_inline(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
		       const char *open, const char *close);

/* ---- Anchors and links (latex_links.c) ------------------------------------- */

/* The anchor that node n (a define, an `a name=`) makes, once a label. */
void latex_place(struct latex *l, const struct gsl_dt_node *n);
/* Opens a link of the document layer, or an `a` element. */
void latex_link(struct latex *l, const struct gsl_dt_node *n, struct frame *f);
void latex_a(struct latex *l, const struct gsl_dt_node *n, struct frame *f);

/* ---- Headings and tables (latex_blocks.c) ----------------------------------- */

/* The heading that is all a dt holds (through anchors), or NULL. */
const struct gsl_dt_node *latex_dt_heading(const struct gsl_dt_node *dt);
void latex_heading(struct latex *l, const struct gsl_dt_node *n, struct frame *f);
/* The columns of a table: the most cells of a row. */
unsigned latex_columns(const struct gsl_dt_node *table);
/* Opens a table of f->cells columns. */
void latex_table(struct latex *l, const struct gsl_dt_node *n, struct frame *f);
/* The frame of the parent of frame f's node if it is an element of rule
 * r rendered as such; else NULL. */
struct frame *latex_parent(struct latex *l, struct frame *f, enum latex_rule r);
/* The frame of the table of a row (through thead, tbody, tfoot). */
struct frame *latex_table_of(struct latex *l, struct frame *row);

#endif
