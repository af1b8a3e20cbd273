/* latex.c: the LaTeX emitter. It renders the tree of a document
 * (doctree.h) as a manual that pdflatex compiles: headings become
 * sections with PDF bookmarks, description lists hanging terms and
 * indented descriptions, anchors and links labels and hyperlinks, and
 * `pre` blocks alltt environments (within gslpre). */
#include "latex.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charref.h"
#include "doctree.h"
#include "render.h"

/* How an element is rendered. */
enum rule {
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
	enum rule rule;
	const char *open, *close;
	unsigned flags;
};

/* The elements of documents (those the HTML emitter knows, and LaTeX
 * for LaTeX only), sorted by tag for bsearch. */
static const struct tag_rule rules[] = {
	{ "a", R_A, NULL, NULL, 0 },
	{ "abbr", R_PLAIN, NULL, NULL, 0 },
	{ "acronym", R_PLAIN, NULL, NULL, 0 },
	{ "address", R_PAR, "{\\itshape ", "\\par}", 0 },
	{ "area", R_SKIP, NULL, NULL, 0 },
	{ "b", R_GROUP, "{\\bfseries ", "}", 0 },
	{ "base", R_SKIP, NULL, NULL, 0 },
	{ "bdo", R_PLAIN, NULL, NULL, 0 },
	{ "big", R_BIG, NULL, NULL, 0 },
	{ "blockquote", R_ENV, "\\begin{quote}", "\\end{quote}", 0 },
	{ "br", R_BR, NULL, NULL, 0 },
	{ "button", R_PLAIN, NULL, NULL, 0 },
	{ "caption", R_CAPTION, NULL, NULL, 0 },
	{ "center", R_ENV, "\\begin{center}", "\\end{center}", 0 },
	{ "cite", R_GROUP, "{\\itshape ", "}", 0 },
	{ "code", R_GROUP, "{\\ttfamily ", "}", 0 },
	{ "col", R_SKIP, NULL, NULL, 0 },
	{ "col_width", R_SKIP, NULL, NULL, 0 },
	{ "colgroup", R_SKIP, NULL, NULL, 0 },
	{ "dd", R_DD, NULL, NULL, 0 },
	{ "del", R_PLAIN, NULL, NULL, 0 },
	{ "dfn", R_GROUP, "{\\itshape ", "}", 0 },
	{ "dir", R_LIST, "\\begin{itemize}", "\\end{itemize}", 0 },
	{ "div", R_PAR, "", "\\par", 0 },
	{ "dl", R_DL, NULL, NULL, 0 },
	{ "dt", R_DT, NULL, NULL, 0 },
	{ "em", R_GROUP, "{\\em ", "}", 0 },
	{ "enumerate", R_LIST, "\\begin{enumerate}", "\\end{enumerate}", WRAP },
	{ "fieldset", R_PAR, "", "\\par", 0 },
	{ "font", R_PLAIN, NULL, NULL, 0 },
	{ "form", R_PAR, "", "\\par", 0 },
	{ "h1", R_HEADING, NULL, NULL, 0 },
	{ "h2", R_HEADING, NULL, NULL, 0 },
	{ "h3", R_HEADING, NULL, NULL, 0 },
	{ "h4", R_HEADING, NULL, NULL, 0 },
	{ "h5", R_HEADING, NULL, NULL, 0 },
	{ "h6", R_HEADING, NULL, NULL, 0 },
	{ "hr", R_HR, NULL, NULL, 0 },
	{ "i", R_GROUP, "{\\itshape ", "}", 0 },
	{ "iframe", R_SKIP, NULL, NULL, 0 },
	{ "img", R_IMG, NULL, NULL, 0 },
	{ "input", R_SKIP, NULL, NULL, 0 },
	{ "ins", R_PLAIN, NULL, NULL, 0 },
	{ "itemize", R_LIST, "\\begin{itemize}", "\\end{itemize}", WRAP },
	{ "kbd", R_GROUP, "{\\ttfamily ", "}", 0 },
	{ "label", R_PLAIN, NULL, NULL, 0 },
	{ "latex", R_RAW, NULL, NULL, 0 },
	{ "legend", R_PAR, "{\\bfseries ", "\\par}", 0 },
	{ "li", R_ITEM, NULL, NULL, 0 },
	{ "link", R_SKIP, NULL, NULL, 0 },
	{ "literal_block", R_PRE, NULL, NULL, 0 },
	{ "lp", R_RAW, NULL, NULL, 0 },
	{ "meta", R_SKIP, NULL, NULL, 0 },
	{ "noscript", R_PLAIN, NULL, NULL, 0 },
	{ "object", R_SKIP, NULL, NULL, 0 },
	{ "ol", R_LIST, "\\begin{enumerate}", "\\end{enumerate}", 0 },
	{ "optgroup", R_PLAIN, NULL, NULL, 0 },
	{ "option", R_PLAIN, NULL, NULL, 0 },
	{ "p", R_PAR, "", "\\par", 0 },
	{ "param", R_SKIP, NULL, NULL, 0 },
	{ "pre", R_PRE, NULL, NULL, 0 },
	{ "q", R_GROUP, "\\textquotedblleft{}", "\\textquotedblright{}", 0 },
	{ "s", R_PLAIN, NULL, NULL, 0 },
	{ "samp", R_GROUP, "{\\ttfamily ", "}", 0 },
	{ "script", R_SKIP, NULL, NULL, 0 },
	{ "select", R_PLAIN, NULL, NULL, 0 },
	{ "small", R_SMALL, NULL, NULL, 0 },
	{ "span", R_PLAIN, NULL, NULL, 0 },
	{ "strike", R_PLAIN, NULL, NULL, 0 },
	{ "strong", R_GROUP, "{\\bfseries ", "}", 0 },
	{ "style", R_SKIP, NULL, NULL, 0 },
	{ "sub", R_GROUP, "\\textsubscript{", "}", ARGUMENT },
	{ "sup", R_GROUP, "\\textsuperscript{", "}", ARGUMENT },
	{ "table", R_TABLE, NULL, NULL, 0 },
	{ "tbody", R_PLAIN, NULL, NULL, 0 },
	{ "td", R_CELL, NULL, NULL, 0 },
	{ "textarea", R_PRE, NULL, NULL, 0 },
	{ "tfoot", R_PLAIN, NULL, NULL, 0 },
	{ "th", R_CELL, "{\\bfseries ", "}", 0 },
	{ "thead", R_PLAIN, NULL, NULL, 0 },
	{ "title", R_SKIP, NULL, NULL, 0 },
	{ "tr", R_ROW, NULL, NULL, 0 },
	{ "tt", R_GROUP, "{\\ttfamily ", "}", 0 },
	{ "u", R_PLAIN, NULL, NULL, 0 },
	{ "ul", R_LIST, "\\begin{itemize}", "\\end{itemize}", 0 },
	{ "var", R_GROUP, "{\\itshape ", "}", 0 },
};

/* Groups of the font sizes, smallest first. */
static const char *const sizes[] = {
	"{\\tiny ", "{\\scriptsize ", "{\\footnotesize ", "{\\small ", "{\\normalsize ",
	"{\\large ", "{\\Large ", "{\\LARGE ", "{\\huge ", "{\\Huge ",
};
enum { NORMAL_SIZE = 4, MAX_SIZE = sizeof sizes / sizeof *sizes - 1 };

/* Sectioning commands by heading level (h1 ...), and the sizes of
 * headings that are not sections (inside descriptions, lists ...). */
static const char *const sections[] = {
	NULL, "\\section*{", "\\subsection*{", "\\subsubsection*{", "\\gslheading{",
	"\\gslheading{", "\\gslheading{",
};
static const int heading_sizes[] = { 0, 6, 5, 4, 4, 4, 4 };

/* LaTeX allows four levels of itemize and of enumerate; deeper lists
 * are indented paragraphs. */
enum { MAX_LISTS = 4 };

/* What changes between an element and its content. */
struct state {
	int arg;      /* macro arguments open: no paragraph may begin */
	int lists;    /* LaTeX list environments open */
	int tables;   /* tables open */
	int size;     /* the font size, an index into sizes[] */
	bool pre;     /* in alltt: blanks and line ends are kept */
	bool raw;     /* text is LaTeX */
	bool man;     /* in a man page */
	bool hidden;  /* not shown (HTML only, head matter): only anchors */
};

/* A node being rendered. */
struct frame {
	const struct gsl_dt_node *node;
	enum rule rule;          /* elements; R_PLAIN for other nodes */
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

struct latex {
	struct gsl_emit *e;
	const struct gsl_doctree *tree;
	struct gsl_render r;
	struct state s;
	struct frame *frames;
	size_t nframes, cap;
	struct gsl_arena arena;     /* the labels below */
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

/* ---- Output --------------------------------------------------------------- */

static bool ends_word(const char *s, size_t n)
{
	return n >= 2 && s[n - 1] == ' ' &&
	       ((s[n - 2] >= 'a' && s[n - 2] <= 'z') || (s[n - 2] >= 'A' && s[n - 2] <= 'Z'));
}

/* Writes LaTeX s (n bytes) through the render helper, which keeps
 * track of line starts; the rest of a line goes straight to the
 * buffer. */
static void put(struct latex *l, const char *s, size_t n)
{
	if (l->r.line_start || memchr(s, '\n', n))
		gsl_render_raw(&l->r, s);
	else
		gsl_buf_put(l->r.out, s, n);
}

/* Writes text s[0..n) with no line end in it, escaped, the same way. */
static void put_text(struct latex *l, const char *s, size_t n)
{
	if (l->r.line_start)
		gsl_render_text(&l->r, s, n);
	else
		latex_escape(l->r.out, s, n, LATEX_TEXT);
}

/* LaTeX that opens or closes a group, typesetting nothing. */
static void group(struct latex *l, const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return;
	put(l, s, n);
	l->after_word = ends_word(s, n);
}

/* LaTeX. */
static void raw(struct latex *l, const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return;
	put(l, s, n);
	l->after_word = ends_word(s, n);
	l->after_blank = s[n - 1] == ' ';
}

static void rawf(struct latex *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rawf(struct latex *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gsl_buf_clear(&l->fmt);
	gsl_buf_vprintf(&l->fmt, fmt, ap);
	va_end(ap);
	raw(l, gsl_buf_cstr(&l->fmt));
}

/* Ends the output line, outside macro arguments (where a line of
 * blanks would end the paragraph). */
static void newline(struct latex *l)
{
	if (!l->s.arg)
		gsl_render_newline(&l->r, false);
}

static void escape(struct gsl_render *r, const char *s, size_t n)
{
	latex_escape(r->out, s, n, LATEX_TEXT);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Text of a pre: tabs expanded to columns of 8, a line end just after
 * the start dropped (as HTML does). */
static void pre_text(struct latex *l, const char *s, size_t n)
{
	if (l->pre_start && n && s[0] == '\n') {
		s++;
		n--;
	}
	l->pre_start = false;
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			l->column = 0;
		} else if (s[i] == '\t') {
			gsl_render_text(&l->r, s + from, i - from);
			from = i + 1;
			do
				gsl_render_raw(&l->r, " ");
			while (++l->column % 8);
		} else if (((unsigned char)s[i] & 0xc0) != 0x80) {
			l->column++;
		}
	}
	gsl_render_text(&l->r, s + from, n - from);
}

/* Text. Outside pre, blanks after a blank are dropped and a run of
 * blanks with a line end becomes one line end (a blank line would end
 * the paragraph); a blank just after a control word is kept by an
 * empty group. */
static void text(struct latex *l, const char *s, size_t n)
{
	if (l->s.raw || l->s.pre) {
		if (l->s.raw)
			gsl_render_rawf(&l->r, "%.*s", (int)n, s);
		else
			pre_text(l, s, n);
		l->after_word = l->after_blank = false;
		return;
	}
	size_t i = 0;
	if (l->after_blank)
		while (i < n && blank(s[i]))
			i++;
	if (i == n)
		return;
	if (l->after_word && blank(s[i]))
		gsl_render_raw(&l->r, "{}");
	l->after_word = false;
	l->after_blank = blank(s[n - 1]);
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '\n')
			end++;
		if (end == n) {
			put_text(l, s + i, n - i);
			break;
		}
		/* The blanks around a line end, and further line ends, go. */
		size_t stop = end;
		while (stop > i && blank(s[stop - 1]))
			stop--;
		put_text(l, s + i, stop - i);
		if (l->s.arg)
			put(l, " ", 1);
		else
			newline(l);
		for (i = end; i < n && blank(s[i]); i++)
			;
	}
}

/* ---- Anchors and links ----------------------------------------------------- */

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

static const char *attr(const struct gsl_dt_node *n, const char *name)
{
	for (const struct gsl_dt_attr *a = n->u.elem.attrs; a; a = a->next)
		if (strcmp(a->name, name) == 0)
			return a->value;
	return NULL;
}

static bool is_tag(const struct gsl_dt_node *n, const char *tag)
{
	return n->kind == GSL_DT_ELEMENT && strcmp(n->u.elem.tag, tag) == 0;
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
	char *key = gsl_arena_strndup(&l->arena, label, len);
	*gsl_strmap_slot(set, key, len) = key;
	return true;
}

/* Whether the document has an anchor of label s[0..n). Links made by
 * the document layer always have one; links written as `a href=#name`
 * are checked against all the anchors, found on first use. */
static bool has_anchor(struct latex *l, const char *s, size_t n)
{
	if (!l->named) {
		struct gsl_dt_iter it;
		gsl_dt_iter_init(&it, l->tree->root);
		for (enum gsl_dt_event ev; (ev = gsl_dt_iter_next(&it)) != GSL_DT_DONE;) {
			const char *a = ev == GSL_DT_ENTER ? anchor_label(l, it.node) : NULL;
			if (a)
				add_label(l, &l->names, a);
		}
		l->named = true;
	}
	return gsl_strmap_get(&l->names, s, n) != NULL;
}

/* The anchor that node n makes, unless one of its label is placed. */
static void place(struct latex *l, const struct gsl_dt_node *n)
{
	const char *label = anchor_label(l, n);
	if (!label || !add_label(l, &l->placed, label))
		return;
	gsl_buf_clear(&l->fmt);
	gsl_buf_puts(&l->fmt, "\\gsltarget{");
	gsl_buf_puts(&l->fmt, label);
	gsl_buf_puts(&l->fmt, "}");
	group(l, l->fmt.data);
}

/* Whether the text of n starts with a blank. */
static bool starts_blank(const struct gsl_dt_node *n)
{
	while (n->first_child)
		n = n->first_child;
	return n->kind == GSL_DT_TEXT && n->u.text.len && blank(n->u.text.ptr[0]);
}

/* Opens the inline group of node n (frame f): a blank that starts its
 * text goes before it (where a macro argument cannot lose it, and the
 * LaTeX reads better); close ends it. */
static void open_inline(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
			const char *open, const char *close)
{
	if (!l->after_blank && starts_blank(n))
		raw(l, " ");
	group(l, open);
	f->close = close;
	f->group = true;
}

/* Opens a link of node n put together in l->fmt: its text is a macro
 * argument. */
static void open_link(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
		      const char *close)
{
	open_inline(l, n, f, gsl_buf_cstr(&l->fmt), close);
	l->s.arg++;
}

/* Opens a link, in typewriter type in man pages (where links name
 * kinds and their members): to this document's anchors, to another
 * document's, or, unresolved, emphasized text. */
static void link(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
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
		open_inline(l, n, f, gsl_buf_cstr(b), close);
	if (!n->first_child)
		text(l, n->u.link.name, strlen(n->u.link.name));
}

/* `a`: an anchor (name=), a link (href=), or both. */
static void a_element(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	place(l, n);
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

/* ---- Headings ------------------------------------------------------------- */

static int heading_level(const struct gsl_dt_node *n)
{
	const char *t = n->kind == GSL_DT_ELEMENT ? n->u.elem.tag : "";
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2] ? t[1] - '0' : 0;
}

static int compare_rule(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag_rule *)elem)->tag);
}

static const struct tag_rule *find_rule(const char *tag)
{
	return bsearch(tag, rules, sizeof rules / sizeof *rules, sizeof *rules, compare_rule);
}

/* Nodes that do not change where a heading stands: anchors, groups. */
static bool transparent(const struct gsl_dt_node *n)
{
	if (n->kind == GSL_DT_DEFINE || n->kind == GSL_DT_BLOCK)
		return true;
	const struct tag_rule *t = n->kind == GSL_DT_ELEMENT ? find_rule(n->u.elem.tag) : NULL;
	return t && (t->rule == R_A || t->rule == R_PLAIN || t->rule == R_PAR);
}

/* The heading that is all a dt holds (through anchors), or NULL. */
static const struct gsl_dt_node *dt_heading(const struct gsl_dt_node *dt)
{
	const struct gsl_dt_node *n = dt->first_child;
	while (n && !n->next && !heading_level(n) && transparent(n))
		n = n->first_child;
	return n && !n->next && heading_level(n) ? n : NULL;
}

/* Whether heading h heads a section of the document: it stands at the
 * top of the document or of a man page, or is all of a dt. */
static bool is_section(const struct gsl_dt_node *h)
{
	for (const struct gsl_dt_node *up = h->parent; up; up = up->parent) {
		if (up->kind == GSL_DT_ROOT || up->kind == GSL_DT_MAN_PAGE)
			return true;
		if (is_tag(up, "dt"))
			return dt_heading(up) == h;
		if (!transparent(up))
			return false;
	}
	return false;
}

/* Appends the words of the text of n to b, one blank apart, for a PDF
 * bookmark. */
static void plain_text(struct gsl_buf *b, const struct gsl_dt_node *n)
{
	bool space = false; /* a blank is due before the next word */
	struct gsl_dt_iter it;
	gsl_dt_iter_init(&it, n);
	for (enum gsl_dt_event ev; (ev = gsl_dt_iter_next(&it)) != GSL_DT_DONE;) {
		const struct gsl_dt_node *c = it.node;
		if (ev != GSL_DT_ENTER)
			continue;
		if (c->kind == GSL_DT_HTML_ONLY) {
			gsl_dt_iter_skip_children(&it);
		} else if (c->kind == GSL_DT_CHAR) {
			unsigned long cp = gsl_charref(c->u.text.ptr, c->u.text.len);
			if (space && b->len)
				gsl_buf_putc(b, ' ');
			space = false;
			if (cp)
				latex_escape_char(b, cp, LATEX_PDFSTRING);
		} else if (c->kind == GSL_DT_TEXT) {
			const char *s = c->u.text.ptr, *end = s + c->u.text.len;
			while (s < end) {
				if (blank(*s)) {
					space = true;
					s++;
					continue;
				}
				const char *word = s;
				while (s < end && !blank(*s))
					s++;
				if (space && b->len)
					gsl_buf_putc(b, ' ');
				space = false;
				latex_escape(b, word, (size_t)(s - word), LATEX_PDFSTRING);
			}
		}
	}
}

static void heading(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	int level = heading_level(n);
	if (l->s.arg) {
		open_inline(l, n, f, "{\\bfseries ", "}");
		return;
	}
	newline(l);
	if (l->s.tables || !is_section(n)) {
		raw(l, "\\par");
		group(l, sizes[heading_sizes[level]]);
		raw(l, "\\bfseries ");
		f->close = "\\par}";
		return;
	}
	gsl_buf_clear(&l->fmt);
	plain_text(&l->fmt, n);
	if (l->fmt.len) {
		/* A PDF bookmark for the section, named after the document
		 * (bodies share a manual) and "+bookmark", which no label has. */
		gsl_buf_clear(&l->label);
		gsl_buf_printf(&l->label, "\\pdfbookmark[%d]{%s}{", level, l->fmt.data);
		latex_label(&l->label, l->tree->name, "", 0);
		gsl_buf_printf(&l->label, "+bookmark.%u}", ++l->bookmarks);
		group(l, l->label.data);
		newline(l);
	}
	raw(l, sections[level]);
	l->after_blank = true;
	l->s.arg++;
	f->close = "}";
}

/* ---- Tables --------------------------------------------------------------- */

static unsigned row_cells(const struct gsl_dt_node *row)
{
	unsigned cells = 0;
	if (is_tag(row, "tr"))
		for (const struct gsl_dt_node *c = row->first_child; c; c = c->next)
			cells += is_tag(c, "td") || is_tag(c, "th");
	return cells;
}

static bool is_row_group(const struct gsl_dt_node *n)
{
	return is_tag(n, "thead") || is_tag(n, "tbody") || is_tag(n, "tfoot");
}

/* The columns of a table: the most cells of a row. */
static unsigned columns(const struct gsl_dt_node *table)
{
	unsigned most = 0;
	for (const struct gsl_dt_node *c = table->first_child; c; c = c->next) {
		unsigned cells = row_cells(c);
		if (is_row_group(c))
			for (const struct gsl_dt_node *row = c->first_child; row; row = row->next)
				cells = row_cells(row) > cells ? row_cells(row) : cells;
		most = cells > most ? cells : most;
	}
	return most;
}

/* A table of p columns of equal widths: a longtable, which breaks
 * across pages, or inside another table a tabular. */
static void table(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	const char *border = attr(n, "border");
	f->border = border && strcmp(border, "0") != 0;
	newline(l);
	bool inner = l->s.tables;
	raw(l, inner ? "\\par\\noindent" : "\\gsltableleft\n");
	rawf(l, "\\begin{%s}%s{@{}*{%u}{p{\\dimexpr(\\linewidth-\\leftskip)/%u-2\\tabcolsep\\relax}}"
	     "@{}}", inner ? "tabular" : "longtable", inner ? "[t]" : "", f->cells, f->cells);
	newline(l);
	if (f->border)
		raw(l, "\\hline\n");
	f->close = inner ? "\\end{tabular}\\par" : "\\end{longtable}";
	l->s.tables++;
}

/* The frame of the parent of frame f's node if it is an element of
 * rule r, not rendered otherwise; else NULL. */
static struct frame *parent_of_rule(struct latex *l, struct frame *f, enum rule r)
{
	struct frame *up = f > l->frames ? f - 1 : NULL;
	return up && up->rule == r && !up->degraded ? up : NULL;
}

/* The frame of the table of a row: its parent or grandparent (through
 * thead, tbody, tfoot). */
static struct frame *table_of(struct latex *l, struct frame *row)
{
	struct frame *t = parent_of_rule(l, row, R_TABLE);
	if (!t && row > l->frames && is_row_group(row[-1].node))
		t = parent_of_rule(l, row - 1, R_TABLE);
	return t;
}

/* ---- Elements ------------------------------------------------------------- */

static const struct tag_rule *rule_of(struct latex *l, const char *tag)
{
	struct rule_cache *c = &l->rules[((uintptr_t)tag >> 4) % RULE_CACHE];
	if (c->tag != tag) {
		c->tag = tag;
		c->rule = find_rule(tag);
	}
	return c->rule;
}

/* A block inside a macro argument, or a table part outside a table:
 * its content, apart from what is around. */
static void inline_block(struct latex *l, struct frame *f)
{
	raw(l, " ");
	f->close = " ";
	f->degraded = true;
}

/* Opens a block that begins a new paragraph. */
static void block(struct latex *l, struct frame *f, const char *open, const char *close)
{
	newline(l);
	raw(l, open);
	/* A paragraph ignores blanks at its start. */
	l->after_word = false;
	l->after_blank = true;
	f->close = close;
}

static bool is_block(enum rule r)
{
	return r == R_PAR || r == R_ENV || r == R_LIST || r == R_ITEM || r == R_DL ||
	       r == R_DT || r == R_DD || r == R_TABLE || r == R_ROW || r == R_CELL ||
	       r == R_CAPTION || r == R_BR || r == R_HR;
}

static void pre(struct latex *l, struct frame *f)
{
	newline(l);
	if (l->s.arg) {
		/* No paragraph here: typewriter text. */
		group(l, "{\\ttfamily ");
		f->close = "}";
		f->group = true;
		return;
	}
	raw(l, "\\begin{gslpre}\n");
	l->s.pre = true;
	l->pre_start = true;
	l->column = 0;
	f->close = "\\end{gslpre}";
}

static void list(struct latex *l, struct frame *f, const struct tag_rule *t)
{
	f->wrap = t->flags & WRAP;
	if (l->s.lists >= MAX_LISTS) {
		f->degraded = true;
		block(l, f, "{\\gsldd ", "\\par}");
		return;
	}
	block(l, f, t->open, t->close);
	l->s.lists++;
}

/* Starts an item of the list that is the parent of f's node. */
static void item(struct latex *l, struct frame *f)
{
	newline(l);
	raw(l, "\\item ");
	f[-1].cells++;
	f->item = true;
}

static void cell(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
		 const struct tag_rule *t)
{
	struct frame *row = parent_of_rule(l, f, R_ROW);
	if (!row) {
		inline_block(l, f);
		return;
	}
	if (row->cells++)
		raw(l, " & ");
	if (t->open)
		open_inline(l, n, f, t->open, t->close);
}

static void caption(struct latex *l, struct frame *f)
{
	struct frame *t = parent_of_rule(l, f, R_TABLE);
	if (!t) {
		block(l, f, "\\par ", "\\par");
		return;
	}
	newline(l);
	rawf(l, "\\multicolumn{%u}{@{}l@{}}{\\itshape ", t->cells);
	l->s.arg++;
	f->close = "}\\\\";
}

static void img(struct latex *l, const struct gsl_dt_node *n)
{
	const char *alt = attr(n, "alt");
	if (alt && *alt) {
		raw(l, "{\\em [");
		text(l, alt, strlen(alt));
		raw(l, "]}");
	}
}

static void element(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	const struct tag_rule *t = rule_of(l, n->u.elem.tag);
	if (!t) {
		gsl_error(l->e->ctx, n->loc, "LaTeX has no rendering of the element '%s'",
			  n->u.elem.tag);
		l->s.hidden = true;
		return;
	}
	f->rule = t->rule;
	if (l->s.arg && is_block(t->rule)) {
		inline_block(l, f);
		l->s.hidden = t->rule == R_HR || t->rule == R_BR;
		return;
	}
	switch (t->rule) {
	case R_SKIP:
		l->s.hidden = true;
		break;
	case R_PLAIN:
		break;
	case R_GROUP:
		open_inline(l, n, f, t->open, t->close);
		l->s.arg += (t->flags & ARGUMENT) != 0;
		break;
	case R_BIG:
	case R_SMALL:
		l->s.size += t->rule == R_BIG ? l->s.size < MAX_SIZE : -(l->s.size > 0);
		open_inline(l, n, f, sizes[l->s.size], "}");
		break;
	case R_PAR:
		block(l, f, "\\par ", t->close);
		group(l, t->open);
		break;
	case R_ENV:
		block(l, f, t->open, t->close);
		l->s.lists++;
		break;
	case R_LIST:
		list(l, f, t);
		break;
	case R_ITEM:
		if (f->item)
			break;
		if (parent_of_rule(l, f, R_LIST))
			item(l, f);
		else
			block(l, f, "\\par\\textbullet\\ ", "\\par");
		break;
	case R_DL:
		block(l, f, "\\par ", "\\par");
		break;
	case R_DT:
		if (!dt_heading(n))
			block(l, f, "{\\gsldt ", "\\gslenddt}");
		break;
	case R_DD:
		block(l, f, "{\\gsldd ", "\\par}");
		break;
	case R_HEADING:
		heading(l, n, f);
		break;
	case R_PRE:
		pre(l, f);
		break;
	case R_TABLE:
		f->cells = columns(n);
		if (!f->cells) {
			f->degraded = true;
			break;
		}
		table(l, n, f);
		break;
	case R_ROW:
		if (!table_of(l, f)) {
			inline_block(l, f);
			break;
		}
		newline(l);
		l->after_blank = true;
		f->close = "\\\\";
		break;
	case R_CELL:
		cell(l, n, f, t);
		break;
	case R_CAPTION:
		caption(l, f);
		break;
	case R_HR:
		newline(l);
		raw(l, "\\par\\noindent\\rule{\\linewidth}{0.4pt}\\par");
		newline(l);
		l->s.hidden = true;
		break;
	case R_BR:
		raw(l, "\\hfil\\break ");
		l->s.hidden = true;
		break;
	case R_IMG:
		img(l, n);
		l->s.hidden = true;
		break;
	case R_A:
		a_element(l, n, f);
		break;
	case R_RAW:
		l->s.raw = true;
		break;
	}
}

/* `.char: nbsp`, `.char: 169`: a character by name or code. */
static void character(struct latex *l, const struct gsl_dt_node *n)
{
	unsigned long cp = gsl_charref(n->u.text.ptr, n->u.text.len);
	if (!cp) {
		gsl_error(l->e->ctx, n->loc, "no such character: '%.*s'", (int)n->u.text.len,
			  n->u.text.ptr);
		return;
	}
	gsl_buf_clear(&l->fmt);
	latex_escape_char(&l->fmt, cp, LATEX_TEXT);
	raw(l, gsl_buf_cstr(&l->fmt));
}

/* ---- The walk ------------------------------------------------------------- */

static struct frame *push(struct latex *l, const struct gsl_dt_node *n)
{
	if (l->nframes == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->frames = gsl_xrealloc(l->e->ctx->mem, l->frames, l->cap * sizeof *l->frames);
	}
	struct frame *f = &l->frames[l->nframes++];
	*f = (struct frame){ .node = n, .rule = R_PLAIN, .saved = l->s };
	return f;
}

static bool is_blank_text(const struct gsl_dt_node *n)
{
	if (n->kind != GSL_DT_TEXT)
		return false;
	for (size_t i = 0; i < n->u.text.len; i++)
		if (!blank(n->u.text.ptr[i]))
			return false;
	return true;
}

/* Renders the start of node n, whose frame is f. */
static void enter(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	if (l->s.hidden) {
		/* Links may go to anchors there. */
		place(l, n);
		return;
	}
	/* What a list holds is in items: LaTeX allows nothing before the first. */
	struct frame *list = parent_of_rule(l, f, R_LIST);
	if (list && !is_blank_text(n) && (list->wrap || (!list->cells && !is_tag(n, "li"))))
		item(l, f);
	switch ((enum gsl_dt_kind)n->kind) {
	case GSL_DT_ROOT:
	case GSL_DT_BLOCK:
		break;
	case GSL_DT_MAN_PAGE:
		l->s.man = true;
		break;
	case GSL_DT_TEXT:
		text(l, n->u.text.ptr, n->u.text.len);
		break;
	case GSL_DT_CHAR:
		character(l, n);
		break;
	case GSL_DT_DEFINE:
		place(l, n);
		if (l->s.man && n->first_child && !heading_level(n->first_child))
			open_inline(l, n, f, "{\\ttfamily ", "}"); /* the name a man page defines */
		break;
	case GSL_DT_LINK:
		link(l, n, f);
		break;
	case GSL_DT_COLONKIND:
		raw(l, "\\texttt{:}~");
		break;
	case GSL_DT_MAPSTO:
		raw(l, " \\textrightarrow{} ");
		break;
	case GSL_DT_HTML_ONLY:
	case GSL_DT_HEADER:
		l->s.hidden = true;
		break;
	case GSL_DT_ELEMENT:
		element(l, n, f);
		break;
	case GSL_DT_KIND_COUNT:
		break;
	}
}

/* Renders the end of the node of frame f. */
static void leave(struct latex *l, struct frame *f)
{
	if (f->rule == R_PRE && l->s.pre)
		newline(l);
	if (f->rule == R_ROW && !f->degraded) {
		raw(l, table_of(l, f)->border ? "\\\\\\hline" : "\\\\");
		newline(l);
		f->close = NULL;
	}
	if (f->close) {
		bool own_line = f->rule == R_TABLE || f->rule == R_LIST || f->rule == R_ENV ||
				f->rule == R_PRE;
		if (own_line && !f->degraded)
			newline(l);
		if (f->group)
			group(l, f->close);
		else
			raw(l, f->close);
		if ((is_block(f->rule) && f->rule != R_CELL) || f->rule == R_PRE ||
		    f->rule == R_HEADING)
			newline(l);
	}
	l->s = f->saved;
}

static void render(struct latex *l)
{
	struct gsl_dt_iter it;
	gsl_dt_iter_init(&it, l->tree->root);
	for (enum gsl_dt_event ev; (ev = gsl_dt_iter_next(&it)) != GSL_DT_DONE;) {
		if (ev == GSL_DT_ENTER) {
			enter(l, it.node, push(l, it.node));
		} else {
			leave(l, &l->frames[l->nframes - 1]);
			l->nframes--;
		}
	}
	newline(l);
}

/* The title on one line: blanks collapsed, ends stripped. */
static struct gsl_str one_line(struct gsl_arena *a, struct gsl_str s)
{
	char *out = gsl_arena_alloc(a, s.len + 1);
	size_t n = 0;
	for (size_t i = 0; i < s.len; i++) {
		if (!blank(s.ptr[i]))
			out[n++] = s.ptr[i];
		else if (n && out[n - 1] != ' ')
			out[n++] = ' ';
	}
	while (n && out[n - 1] == ' ')
		n--;
	return (struct gsl_str){ out, n };
}

void gsl_emit_latex(struct gsl_emit *e, const struct gsl_document *d)
{
	const struct gsl_doctree *tree = gsl_doctree_of(e, d);
	struct gsl_arena *arena = &e->ctx->arena;
	struct gsl_buf *out = gsl_emit_file(e, d, gsl_arena_printf(arena, "%s.tex", d->name));
	struct gsl_str title = tree->title.ptr ? one_line(arena, tree->title)
					       : (struct gsl_str){ NULL, 0 };
	struct latex_frame frame = {
		.name = tree->name,
		.title = title.len ? title.ptr : NULL,
		.title_len = title.len,
		.lang = tree->lang.ptr,
		.lang_len = tree->lang.len,
		.body_only = e->opt->latex_body_only,
		.date = e->opt->date,
		.source_date = e->opt->source_date,
	};
	const struct gsl_mem *mem = e->ctx->mem;
	struct latex l = { .e = e, .tree = tree, .s = { .size = NORMAL_SIZE } };
	gsl_render_init(&l.r, out, "", escape, NULL);
	gsl_arena_init(&l.arena, mem);
	gsl_strmap_init(&l.placed, mem);
	gsl_strmap_init(&l.names, mem);
	gsl_buf_init(&l.anchor, mem);
	gsl_buf_init(&l.label, mem);
	gsl_buf_init(&l.fmt, mem);
	latex_begin(out, &frame);
	render(&l);
	latex_end(out, &frame);
	gsl_xfree(mem, l.frames);
	gsl_arena_free(&l.arena);
	gsl_strmap_free(&l.placed);
	gsl_strmap_free(&l.names);
	gsl_buf_free(&l.anchor);
	gsl_buf_free(&l.label);
	gsl_buf_free(&l.fmt);
}
