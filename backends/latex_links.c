/* latex_links.c: anchors and links. An anchor is a label (for
 * \hyperref) and a named destination (for links from other PDFs), both
 * named after the document and the HTML anchor; a link goes to it within
 * the document or the manual, or to the other document's PDF. */
#include "latex_render.h"

/* The label of an HTML anchor name in document doc, in l->label. */
static const char *label_of(struct latex *l, const char *doc, const char *anchor, size_t n)
{
	gsl_buf_clear(&l->label);
	latex_label(&l->label, doc, anchor, n);
	return gsl_buf_cstr(&l->label);
}

/* The HTML anchor name of a link name, in l->anchor. */
static const char *anchor_of(struct latex *l, const char *link_name)
{
	gsl_buf_clear(&l->anchor);
	gsl_dt_anchor(&l->anchor, link_name);
	return gsl_buf_cstr(&l->anchor);
}

static const char *link_label(struct latex *l, const char *doc, const char *link_name)
{
	const char *a = anchor_of(l, link_name);
	return label_of(l, doc, a, l->anchor.len);
}

/* The label of an anchor the node makes, in l->label, or NULL. */
static const char *anchor_label(struct latex *l, const struct gsl_dt_node *n)
{
	if (n->kind == GSL_DT_DEFINE)
		return link_label(l, l->tree->name, n->u.link.name);
	const char *name = is_tag(n, "a") ? attr(n, "name") : NULL;
	return name ? label_of(l, l->tree->name, name, strlen(name)) : NULL;
}

/* Adds label to set (a copy of it, which lives as long as l); returns
 * false if it was there. */
static bool add_label(struct latex *l, struct gsl_strmap *set, const char *label)
{
	size_t len = strlen(label);
	if (gsl_strmap_get(set, label, len))
		return false;
	char *key = gsl_arena_strndup(l->arena, label, len);
	*gsl_strmap_slot(set, key, len) = key;
	return true;
}

/* Whether the document has an anchor of label s[0..n). Links made by
 * the document layer always have one; links written as `a href=#name`
 * are checked against all the anchors, found on first use. */
static bool has_anchor(struct latex *l, const char *s, size_t n)
{
	if (!l->named) {
		const struct gsl_dt_node *root = l->tree->root;
		for (const struct gsl_dt_node *c = root; c; c = gsl_dt_following(root, c)) {
			const char *a = anchor_label(l, c);
			if (a)
				add_label(l, &l->names, a);
		}
		l->named = true;
	}
	return gsl_strmap_get(&l->names, s, n) != NULL;
}

/* The anchor that node n makes, unless one of its label is placed. */
void latex_place(struct latex *l, const struct gsl_dt_node *n)
{
	const char *label = anchor_label(l, n);
	if (!label || !add_label(l, &l->placed, label))
		return;
	gsl_buf_clear(&l->fmt);
	gsl_buf_puts(&l->fmt, "\\gsltarget{");
	gsl_buf_puts(&l->fmt, label);
	gsl_buf_puts(&l->fmt, "}");
	latex_group(l, l->fmt.data);
}

/* Opens a link of node n put together in l->fmt: its text is a macro
 * argument. */
static void open_link(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
		      const char *close)
{
	latex_open_inline(l, n, f, gsl_buf_cstr(&l->fmt), close);
	l->s.arg++;
}

/* Opens a link, in typewriter type in man pages (where links name
 * kinds and their members): to this document's anchors, to another
 * document's, or, unresolved, emphasized text. */
void latex_link(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	const struct gsl_document *doc = n->u.link.doc;
	struct gsl_buf *b = &l->fmt;
	gsl_buf_clear(b);
	if (l->s.man)
		gsl_buf_puts(b, "{\\ttfamily ");
	enum { NONE, EM, LINK } how = LINK;
	if (!doc) {
		gsl_buf_puts(b, "{\\em ");
		how = EM;
	} else if (gsl_dt_link_is_local(n, l->tree) || l->e->opt->latex_body_only) {
		/* A body alone goes into a manual with the other documents. */
		gsl_buf_puts(b, "\\hyperref[");
		gsl_buf_puts(b, link_label(l, doc->name, n->u.link.name));
		gsl_buf_puts(b, "]{");
	} else if (doc->formats & (GSL_FORMAT_LATEX | GSL_FORMAT_HTML | GSL_FORMAT_XHTML)) {
		/* The other document's PDF, else its HTML page. */
		bool pdf = doc->formats & GSL_FORMAT_LATEX;
		gsl_buf_puts(b, "\\href{");
		latex_url(b, doc->name, strlen(doc->name));
		gsl_buf_puts(b, pdf ? ".pdf\\#" : ".html\\#");
		if (pdf) {
			gsl_buf_puts(b, link_label(l, doc->name, n->u.link.name));
		} else {
			const char *a = anchor_of(l, n->u.link.name);
			latex_url(b, a, strlen(a));
		}
		gsl_buf_puts(b, "}{");
	} else {
		how = NONE;
	}
	const char *close = how == NONE ? NULL : "}";
	if (l->s.man)
		close = close ? "}}" : "}";
	if (how == LINK)
		open_link(l, n, f, close);
	else
		latex_open_inline(l, n, f, gsl_buf_cstr(b), close);
	if (!n->first_child)
		latex_text(l, n->u.link.name, strlen(n->u.link.name));
}

/* `a`: an anchor (name=), a link (href=), or both. */
void latex_a(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	latex_place(l, n);
	const char *href = attr(n, "href");
	if (!href)
		return;
	struct gsl_buf *b = &l->fmt;
	gsl_buf_clear(b);
	if (href[0] == '#') {
		gsl_buf_puts(b, "\\hyperref[");
		size_t label = b->len;
		latex_label(b, l->tree->name, href + 1, strlen(href + 1));
		if (!has_anchor(l, b->data + label, b->len - label))
			return;
		gsl_buf_puts(b, "]{");
	} else {
		gsl_buf_puts(b, "\\href{");
		latex_url(b, href, strlen(href));
		gsl_buf_puts(b, "}{");
	}
	open_link(l, n, f, "}");
}
