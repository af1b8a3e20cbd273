/* html.h: what the files of the HTML backend share. html.c renders a
 * document tree into a libxml2 tree; html_page.c puts it into a page
 * (head, navigation, footer), serializes it with libxml2 as HTML5 or
 * XHTML, and writes what belongs to the run: the stylesheet and an
 * index of the documents and kinds; html_mem.c gives libxml2 the page's
 * memory. */
#ifndef GSL_HTML_H
#define GSL_HTML_H

#include <libxml/tree.h>

#include "doctree.h"
#include "emit.h"
#include "strmap.h"

/* The names of elements and attributes in a page's dictionary, by the
 * address of our string (names are a few literals and interned
 * strings), so that each is looked up once. */
struct html_name {
	const char *ours;
	const xmlChar *dict;
};
enum { HTML_NAMES = 64 };

/* Rendering one document tree. */
struct html {
	struct gsl_emit *e;
	const struct gsl_doctree *tree;
	xmlDocPtr doc;
	xmlNodePtr head;            /* where the children of `header` go */
	struct gsl_strmap anchors;  /* the anchors (ids) made so far in the page */
	struct gsl_arena *arena;    /* the page's memory: its strings, and
				       libxml2's (html_mem.c) */
	struct gsl_buf scratch;     /* for building strings */
	struct gsl_emit_job *job;   /* reports problems; NULL when they are
				       reported for another format */
	struct html_name names[HTML_NAMES];
};

/* Renders the children of the tree's root into `into`. Problems (markup
 * HTML has no element for) are reported at their source. */
void gsl_html_render(struct html *h, xmlNodePtr into);

/* Helpers for building the libxml2 tree. Names of elements and
 * attributes must live as long as the page (literals, interned
 * strings). */
xmlNodePtr gsl_html_element(struct html *h, xmlNodePtr parent, const char *tag);
void gsl_html_text(struct html *h, xmlNodePtr parent, const char *s, size_t n);
void gsl_html_attr(struct html *h, xmlNodePtr e, const char *name, const char *value);
/* The anchor of a link name, valid until the next call. */
const char *gsl_html_anchor(struct html *h, const char *link_name);

/* libxml2's memory (html_mem.c). Setup, once before libxml2 is used,
 * makes it allocate through us. Between begin and end, what libxml2
 * allocates on this thread comes from arena and is freed with it: the
 * page's tree is dropped, not freed node by node. */
void gsl_html_mem_setup(void);
void gsl_html_mem_begin(struct gsl_arena *arena);
void gsl_html_mem_end(void);

/* The stylesheet, doc/css/gsl.css (stylesheet.c, made by the build). */
extern const unsigned char gsl_html_stylesheet[];

#endif
