/* html.c: a document tree rendered into a libxml2 tree, which libxml2
 * serializes (so escaping is right by construction). Markup becomes the
 * HTML5 element of its name (obsolete ones are mapped to their modern
 * forms). Anchors get both `id` and the legacy `name`, so old links keep
 * working, and link to themselves: a permalink, marked on hover. */
#include "config.h"

#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "charref.h"

enum tag_flags {
	VOID = 1,       /* no content: <br>, <img> */
	HEAD = 2,       /* belongs in the head: only inside `header` */
	LIST = 4,       /* itemize, enumerate: each child is an item */
	WIDTH = 8,      /* col_width: its text is the width */
	BLOCK = 16,     /* a block, which a paragraph or a <dt> cannot hold */
};

/* The markup HTML output knows, sorted by name: the element it makes,
 * with a class when the name is not HTML5's. */
static const struct tag {
	const char *name;
	const char *element;
	const char *class_;
	unsigned flags;
} tags[] = {
	{ "a", "a", NULL, 0 }, { "abbr", "abbr", NULL, 0 }, { "acronym", "abbr", NULL, 0 },
	{ "address", "address", NULL, BLOCK }, { "area", "area", NULL, VOID }, { "b", "b", NULL, 0 },
	{ "base", "base", NULL, VOID | HEAD }, { "bdo", "bdo", NULL, 0 },
	{ "big", "span", "big", 0 }, { "blockquote", "blockquote", NULL, BLOCK },
	{ "br", "br", NULL, VOID }, { "button", "button", NULL, 0 },
	{ "caption", "caption", NULL, 0 }, { "center", "div", "center", BLOCK },
	{ "cite", "cite", NULL, 0 }, { "code", "code", NULL, 0 }, { "col", "col", NULL, VOID },
	{ "col_width", "col", NULL, VOID | WIDTH }, { "colgroup", "colgroup", NULL, 0 },
	{ "dd", "dd", NULL, 0 }, { "del", "del", NULL, 0 }, { "dfn", "dfn", NULL, 0 },
	{ "dir", "ul", NULL, BLOCK }, { "div", "div", NULL, BLOCK }, { "dl", "dl", NULL, BLOCK },
	{ "dt", "dt", NULL, 0 }, { "em", "em", NULL, 0 }, { "enumerate", "ol", NULL, LIST | BLOCK },
	{ "fieldset", "fieldset", NULL, BLOCK }, { "font", "span", NULL, 0 },
	{ "form", "form", NULL, BLOCK }, { "h1", "h1", NULL, BLOCK }, { "h2", "h2", NULL, BLOCK },
	{ "h3", "h3", NULL, BLOCK }, { "h4", "h4", NULL, BLOCK }, { "h5", "h5", NULL, BLOCK },
	{ "h6", "h6", NULL, BLOCK }, { "hr", "hr", NULL, VOID | BLOCK }, { "i", "i", NULL, 0 },
	{ "iframe", "iframe", NULL, 0 }, { "img", "img", NULL, VOID },
	{ "input", "input", NULL, VOID }, { "ins", "ins", NULL, 0 },
	{ "itemize", "ul", NULL, LIST | BLOCK }, { "kbd", "kbd", NULL, 0 }, { "label", "label", NULL, 0 },
	{ "legend", "legend", NULL, 0 }, { "li", "li", NULL, 0 },
	{ "link", "link", NULL, VOID | HEAD }, { "literal_block", "pre", NULL, BLOCK },
	{ "meta", "meta", NULL, VOID | HEAD }, { "noscript", "noscript", NULL, BLOCK },
	{ "object", "object", NULL, 0 }, { "ol", "ol", NULL, BLOCK },
	{ "optgroup", "optgroup", NULL, 0 }, { "option", "option", NULL, 0 },
	{ "p", "p", NULL, BLOCK }, { "param", "param", NULL, VOID }, { "pre", "pre", NULL, BLOCK },
	{ "q", "q", NULL, 0 }, { "s", "s", NULL, 0 }, { "samp", "samp", NULL, 0 },
	{ "script", "script", NULL, HEAD }, { "select", "select", NULL, 0 },
	{ "small", "small", NULL, 0 }, { "span", "span", NULL, 0 }, { "strike", "s", NULL, 0 },
	{ "strong", "strong", NULL, 0 }, { "style", "style", NULL, HEAD },
	{ "sub", "sub", NULL, 0 }, { "sup", "sup", NULL, 0 }, { "table", "table", NULL, BLOCK },
	{ "tbody", "tbody", NULL, 0 }, { "td", "td", NULL, 0 },
	{ "textarea", "textarea", NULL, 0 }, { "tfoot", "tfoot", NULL, 0 },
	{ "th", "th", NULL, 0 }, { "thead", "thead", NULL, 0 },
	{ "title", "title", NULL, HEAD }, { "tr", "tr", NULL, 0 }, { "tt", "code", NULL, 0 },
	{ "u", "u", NULL, 0 }, { "ul", "ul", NULL, BLOCK }, { "var", "var", NULL, 0 },
};

static int by_name(const void *key, const void *t)
{
	return strcmp(key, ((const struct tag *)t)->name);
}

static const struct tag *find_tag(const char *name)
{
	return bsearch(name, tags, sizeof tags / sizeof *tags, sizeof *tags, by_name);
}

/* ---- Building the libxml2 tree --------------------------------------------- */

/* Name in the page's dictionary: a node made with it does not copy it,
 * and the dictionary frees it with the page. */
static xmlChar *dict_name(struct html *h, const char *name)
{
	struct html_name *n = &h->names[((uintptr_t)name >> 3) % HTML_NAMES];
	if (n->ours != name) {
		n->ours = name;
		n->dict = xmlDictLookup(h->doc->dict, BAD_CAST name, -1);
	}
	return (xmlChar *)n->dict;
}

xmlNodePtr gsl_html_element(struct html *h, xmlNodePtr parent, const char *tag)
{
	return xmlAddChild(parent, xmlNewDocNodeEatName(h->doc, NULL, dict_name(h, tag), NULL));
}

void gsl_html_text(struct html *h, xmlNodePtr parent, const char *s, size_t n)
{
	if (n)
		xmlAddChild(parent, xmlNewDocTextLen(h->doc, BAD_CAST s, (int)n));
}

void gsl_html_attr(struct html *h, xmlNodePtr e, const char *name, const char *value)
{
	xmlNewNsPropEatName(e, NULL, dict_name(h, name), BAD_CAST value);
}

const char *gsl_html_anchor(struct html *h, const char *link_name)
{
	gsl_buf_clear(&h->scratch);
	gsl_dt_anchor(&h->scratch, link_name);
	return gsl_buf_cstr(&h->scratch);
}

/* Claims anchor a for this page: false if it is taken (a second anchor
 * of one name gets no id, so ids stay unique). */
static bool claim(struct html *h, const char *a)
{
	size_t n = strlen(a);
	if (gsl_strmap_get(&h->anchors, a, n))
		return false;
	char *copy = gsl_arena_strndup(h->arena, a, n);
	*gsl_strmap_slot(&h->anchors, copy, n) = copy;
	return true;
}

/* ---- Rendering ------------------------------------------------------------------- */

/* What was open when a node was entered. */
struct level {
	xmlNodePtr parent;     /* where the node was rendered */
	bool pre;              /* the node is a <pre> */
};

struct render {
	struct html *h;
	xmlNodePtr cur;        /* where children go */
	xmlNodePtr heading;    /* an anchored heading made before its element */
	xmlNodePtr heading_in; /* where the heading's content goes */
	struct gsl_buf text;   /* text not yet added to cur */
	int pre;               /* <pre> elements open */
	int header;            /* `header` nodes open */
	int man_pages;         /* man pages open */
	struct level *levels;
	size_t nlevels, cap;
	struct {
		const char *name;
		const struct tag *tag;
	} tags[64];            /* the tags last looked up, by address */
};

static void report(struct render *r, const struct gsl_dt_node *n, const char *fmt, const char *s)
{
	if (r->h->job)
		gsl_emit_job_error(r->h->job, n->loc, fmt, s);
}

/* Adds the text gathered so far as one text node. */
static void flush(struct render *r)
{
	if (!r->text.len)
		return;
	gsl_html_text(r->h, r->cur, r->text.data, r->text.len);
	gsl_buf_clear(&r->text);
}

/* The element for tag name (most names are the same few strings). */
static const struct tag *lookup(struct render *r, const char *name)
{
	size_t i = ((uintptr_t)name >> 3) % (sizeof r->tags / sizeof *r->tags);
	if (r->tags[i].name != name) {
		r->tags[i].name = name;
		r->tags[i].tag = find_tag(name);
	}
	return r->tags[i].tag;
}

static xmlNodePtr element(struct render *r, const char *tag)
{
	flush(r);
	return gsl_html_element(r->h, r->cur, tag);
}

/* Whether text n is the title of a man page: the kind's full name. */
static bool is_page_title(const struct gsl_dt_node *n)
{
	const struct gsl_dt_node *h = n->parent, *d = h->parent;
	return h->kind == GSL_DT_ELEMENT && strcmp(h->u.elem.tag, "h1") == 0 && d &&
	       d->kind == GSL_DT_DEFINE && d->parent && d->parent->kind == GSL_DT_MAN_PAGE;
}

/* Text, with a line break before long text as the original wrote it
 * (words next to it stay apart), except in <pre>. The title of a man
 * page shows the kind's full name without the original's ".tgt.". */
static void text(struct render *r, const struct gsl_dt_node *n)
{
	const char *s = n->u.text.ptr;
	size_t len = n->u.text.len;
	if (len > 5 && memcmp(s, ".tgt.", 5) == 0 && is_page_title(n)) {
		s += 5;
		len -= 5;
	}
	if (!r->pre && len && (len > 80 || memchr(s, '\n', len)))
		gsl_buf_putc(&r->text, '\n');
	gsl_buf_put(&r->text, s, len);
}

static bool is_heading(const struct gsl_dt_node *n)
{
	const char *t;
	return n->kind == GSL_DT_ELEMENT && (t = n->u.elem.tag)[0] == 'h' && t[1] >= '1' &&
	       t[1] <= '6' && !t[2];
}

/* Whether the children of a define are one heading. */
static bool is_heading_only(const struct gsl_dt_node *first)
{
	return first && !first->next && is_heading(first);
}

/* An anchor: `<a class="anchor" id=".." name=".." href="#..">` around
 * the define's content (in a heading, inside the heading). */
static void define(struct render *r, const struct gsl_dt_node *n)
{
	const char *a = gsl_html_anchor(r->h, n->u.link.name);
	xmlNodePtr in = r->cur;
	if (is_heading_only(n->first_child))
		in = r->heading = element(r, n->first_child->u.elem.tag);
	flush(r);
	xmlNodePtr e = gsl_html_element(r->h, in, "a");
	gsl_html_attr(r->h, e, "class", "anchor");
	if (claim(r->h, a)) {
		gsl_html_attr(r->h, e, "id", a);
		gsl_html_attr(r->h, e, "name", a);
	}
	gsl_buf_clear(&r->h->scratch);
	gsl_buf_putc(&r->h->scratch, '#');
	gsl_dt_anchor(&r->h->scratch, n->u.link.name);
	gsl_html_attr(r->h, e, "href", gsl_buf_cstr(&r->h->scratch));
	if (r->heading)
		r->heading_in = e;
	else
		r->cur = e;
}

static void link(struct render *r, const struct gsl_dt_node *n)
{
	const struct gsl_document *doc = n->u.link.doc;
	if (!doc) {
		r->cur = element(r, "em");
	} else {
		struct gsl_buf *b = &r->h->scratch;
		gsl_buf_clear(b);
		if (!gsl_dt_link_is_local(n, r->h->tree))
			gsl_buf_printf(b, "%s.html", doc->name);
		gsl_buf_putc(b, '#');
		gsl_dt_anchor(b, n->u.link.name);
		r->cur = element(r, "a");
		gsl_html_attr(r->h, r->cur, "href", gsl_buf_cstr(b));
	}
	if (!n->first_child)
		gsl_buf_puts(&r->text, n->u.link.name);
}

/* Attributes of an element: its class (the tag's, then the markup's),
 * the others as given; an `a` with a `name` gets the same `id`. */
static void attributes(struct render *r, const struct gsl_dt_node *n, const struct tag *t,
		       xmlNodePtr e)
{
	const char *name = NULL, *class_ = t->class_;
	bool id = false;
	for (const struct gsl_dt_attr *a = n->u.elem.attrs; a; a = a->next) {
		if (strcmp(a->name, "class") == 0) {
			class_ = class_ ? gsl_arena_printf(r->h->arena, "%s %s", class_, a->value)
					: a->value;
			continue;
		}
		/* An id given twice in a page is kept the first time only. */
		if (strcmp(a->name, "id") == 0 && !claim(r->h, a->value))
			continue;
		gsl_html_attr(r->h, e, a->name, a->value);
		if (strcmp(a->name, "name") == 0)
			name = a->value;
		else if (strcmp(a->name, "id") == 0)
			id = true;
	}
	if (class_)
		gsl_html_attr(r->h, e, "class", class_);
	if (name && !id && strcmp(t->element, "a") == 0 && claim(r->h, name))
		gsl_html_attr(r->h, e, "id", name);
}

/* The text of an element's children, for col_width. */
static void width(struct render *r, const struct gsl_dt_node *n, xmlNodePtr e)
{
	struct gsl_buf *b = &r->h->scratch;
	gsl_buf_clear(b);
	for (const struct gsl_dt_node *c = n->first_child; c; c = c->next)
		if (c->kind == GSL_DT_TEXT)
			gsl_buf_put(b, c->u.text.ptr, c->u.text.len);
	struct gsl_str w = gsl_str_strip((struct gsl_str){ gsl_buf_cstr(b), b->len });
	gsl_html_attr(r->h, e, "width", gsl_arena_strndup(r->h->arena, w.ptr, w.len));
}

/* Whether n is rendered as a block. */
static bool is_block(struct render *r, const struct gsl_dt_node *n)
{
	if (n->kind == GSL_DT_MAN_PAGE || (n->kind == GSL_DT_DEFINE && is_heading_only(n->first_child)))
		return true;
	const struct tag *t = n->kind == GSL_DT_ELEMENT ? lookup(r, n->u.elem.tag) : NULL;
	return t && (t->flags & BLOCK);
}

/* Whether n holds a block, itself or in a group without markup. */
static bool holds_block(struct render *r, const struct gsl_dt_node *n)
{
	for (const struct gsl_dt_node *c = n->first_child; c; c = c->next) {
		if (is_block(r, c))
			return true;
		if (c->kind == GSL_DT_BLOCK || c->kind == GSL_DT_HTML_ONLY)
			for (const struct gsl_dt_node *d = c->first_child; d; d = d->next)
				if (is_block(r, d))
					return true;
	}
	return false;
}

/* The element of markup t, when HTML's content rules need another: a
 * paragraph holding blocks (lists, tables ...) is a <div class="p">, as
 * HTML has no such <p>; in man pages, the lists of sections and entries,
 * which hold headings and entries without terms, are <div class="dl">
 * with <div class="dt"> and <div class="dd">. NULL if t is right. */
static const char *div_class(struct render *r, const struct gsl_dt_node *n, const struct tag *t)
{
	if (strcmp(t->element, "p") == 0 && holds_block(r, n))
		return "p";
	if (r->man_pages && (strcmp(t->element, "dl") == 0 || strcmp(t->element, "dt") == 0 ||
			     strcmp(t->element, "dd") == 0))
		return t->element;
	return NULL;
}

/* Markup; returns false to skip the children. */
static bool markup(struct render *r, const struct gsl_dt_node *n, struct level *l)
{
	const struct tag *t = lookup(r, n->u.elem.tag);
	if (!t) {
		report(r, n, "HTML has no element '%s'", n->u.elem.tag);
		return false;
	}
	if ((t->flags & HEAD) && !r->header) {
		report(r, n, "'%s' belongs in the page's head: put it in a 'header'", t->name);
		return false;
	}
	xmlNodePtr e = r->heading, in = r->heading_in;
	r->heading = r->heading_in = NULL;
	const char *div = div_class(r, n, t);
	if (!e)
		e = in = element(r, div ? "div" : t->element);
	if (div)
		gsl_html_attr(r->h, e, "class", div);
	attributes(r, n, t, e);
	if (t->flags & WIDTH) {
		width(r, n, e);
		return false;
	}
	if ((t->flags & VOID) && n->first_child) {
		report(r, n, "'%s' takes no content", t->name);
		return false;
	}
	l->pre = strcmp(t->element, "pre") == 0;
	r->pre += l->pre;
	r->cur = in;
	return true;
}

/* Renders n on entering it; returns false to skip its children. */
static bool enter(struct render *r, const struct gsl_dt_node *n, struct level *l)
{
	/* Items of lists are <li>; a block in a <dt> is put in a <div>. */
	const struct gsl_dt_node *up = n->parent;
	if (up && up->kind == GSL_DT_ELEMENT) {
		const struct tag *t = lookup(r, up->u.elem.tag);
		if (t && (t->flags & LIST))
			r->cur = element(r, "li");
		else if (!r->man_pages && strcmp(up->u.elem.tag, "dt") == 0 && is_block(r, n) &&
			 !is_heading(n))
			r->cur = element(r, "div");
	}
	switch ((enum gsl_dt_kind)n->kind) {
	case GSL_DT_ELEMENT:
		return markup(r, n, l);
	case GSL_DT_TEXT:
		text(r, n);
		return false;
	case GSL_DT_CHAR: {
		unsigned long cp = gsl_charref(n->u.text.ptr, n->u.text.len);
		if (cp)
			gsl_charref_utf8(&r->text, cp);
		else
			report(r, n, "no such character: '%s'",
			       gsl_arena_strndup(r->h->arena, n->u.text.ptr, n->u.text.len));
		return false;
	}
	case GSL_DT_DEFINE:
		define(r, n);
		return true;
	case GSL_DT_LINK:
		link(r, n);
		return true;
	case GSL_DT_COLONKIND:
		gsl_buf_puts(&r->text, ":\xc2\xa0");
		return false;
	case GSL_DT_MAPSTO:
		gsl_buf_putc(&r->text, ' ');
		gsl_html_text(r->h, element(r, "strong"), "->", 2);
		gsl_buf_putc(&r->text, ' ');
		return false;
	case GSL_DT_MAN_PAGE:
		r->cur = element(r, "div");
		gsl_html_attr(r->h, r->cur, "class", "manpage");
		r->man_pages++;
		return true;
	case GSL_DT_HEADER:
		flush(r);
		r->header++;
		r->cur = r->h->head;
		return true;
	default: /* ROOT, HTML_ONLY, BLOCK: their children only */
		return true;
	}
}

static void leave(struct render *r, const struct gsl_dt_node *n, const struct level *l)
{
	if (r->cur != l->parent)
		flush(r);
	r->pre -= l->pre;
	r->header -= n->kind == GSL_DT_HEADER;
	r->man_pages -= n->kind == GSL_DT_MAN_PAGE;
	r->cur = l->parent;
}

void gsl_html_render(struct html *h, xmlNodePtr into)
{
	struct render r = { .h = h, .cur = into };
	gsl_buf_init(&r.text, h->e->ctx->mem);
	struct gsl_dt_iter it;
	gsl_dt_iter_init(&it, h->tree->root);
	for (enum gsl_dt_event ev; (ev = gsl_dt_iter_next(&it)) != GSL_DT_DONE;) {
		if (ev == GSL_DT_EXIT) {
			struct level l = r.levels[--r.nlevels];
			leave(&r, it.node, &l);
			continue;
		}
		if (r.nlevels == r.cap) {
			r.cap = r.cap ? 2 * r.cap : 64;
			r.levels = gsl_xrealloc(h->e->ctx->mem, r.levels, r.cap * sizeof *r.levels);
		}
		struct level *l = &r.levels[r.nlevels++];
		*l = (struct level){ .parent = r.cur };
		if (!enter(&r, it.node, l))
			gsl_dt_iter_skip_children(&it);
	}
	flush(&r);
	gsl_xfree(h->e->ctx->mem, r.levels);
	gsl_buf_free(&r.text);
}
