/* latex.c: the LaTeX emitter. It walks the tree of a document
 * (doctree.h) and renders each element as LaTeX that pdflatex compiles
 * wherever the element stands: description lists as hanging terms and
 * indented descriptions, `pre` as alltt (within gslpre), blocks inside
 * macro arguments as inline text, lists deeper than LaTeX allows as
 * indented paragraphs. */
#include "latex_render.h"

#include <stdint.h>
#include <stdlib.h>

#include "charref.h"

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
const char *const latex_sizes[] = {
	"{\\tiny ", "{\\scriptsize ", "{\\footnotesize ", "{\\small ", "{\\normalsize ",
	"{\\large ", "{\\Large ", "{\\LARGE ", "{\\huge ", "{\\Huge ",
};
/* LaTeX allows four levels of itemize and of enumerate; deeper lists
 * are indented paragraphs. */
enum { MAX_LISTS = 4 };

static int compare_rule(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag_rule *)elem)->tag);
}

const struct tag_rule *latex_find_rule(const char *tag)
{
	return bsearch(tag, rules, sizeof rules / sizeof *rules, sizeof *rules, compare_rule);
}

static const struct tag_rule *rule_of(struct latex *l, const char *tag)
{
	struct rule_cache *c = &l->rules[((uintptr_t)tag >> 4) % RULE_CACHE];
	if (c->tag != tag) {
		c->tag = tag;
		c->rule = latex_find_rule(tag);
	}
	return c->rule;
}

/* A block inside a macro argument, or a table part outside a table:
 * its content, apart from what is around. */
static void inline_block(struct latex *l, struct frame *f)
{
	latex_raw(l, " ");
	f->close = " ";
	f->degraded = true;
}

/* Opens a block that begins a new paragraph. */
static void block(struct latex *l, struct frame *f, const char *open, const char *close)
{
	latex_newline(l);
	latex_raw(l, open);
	/* A paragraph ignores blanks at its start. */
	l->after_word = false;
	l->after_blank = true;
	f->close = close;
}

static bool is_block(enum latex_rule r)
{
	return r == R_PAR || r == R_ENV || r == R_LIST || r == R_ITEM || r == R_DL ||
	       r == R_DT || r == R_DD || r == R_TABLE || r == R_ROW || r == R_CELL ||
	       r == R_CAPTION || r == R_BR || r == R_HR;
}

static void pre(struct latex *l, struct frame *f)
{
	latex_newline(l);
	if (l->s.arg) {
		/* No paragraph here: typewriter text. */
		latex_group(l, "{\\ttfamily ");
		f->close = "}";
		f->group = true;
		return;
	}
	latex_raw(l, "\\begin{gslpre}\n");
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
	latex_newline(l);
	latex_raw(l, "\\item ");
	f[-1].cells++;
	f->item = true;
}

static void cell(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
		 const struct tag_rule *t)
{
	struct frame *row = latex_parent(l, f, R_ROW);
	if (!row) {
		inline_block(l, f);
		return;
	}
	if (row->cells++)
		latex_raw(l, " & ");
	if (t->open)
		latex_open_inline(l, n, f, t->open, t->close);
}

static void caption(struct latex *l, struct frame *f)
{
	struct frame *t = latex_parent(l, f, R_TABLE);
	if (!t) {
		block(l, f, "\\par ", "\\par");
		return;
	}
	latex_newline(l);
	latex_rawf(l, "\\multicolumn{%u}{@{}l@{}}{\\itshape ", t->cells);
	l->s.arg++;
	f->close = "}\\\\";
}

static void img(struct latex *l, const struct gsl_dt_node *n)
{
	const char *alt = attr(n, "alt");
	if (alt && *alt) {
		latex_raw(l, "{\\em [");
		latex_text(l, alt, strlen(alt));
		latex_raw(l, "]}");
	}
}

static void element(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	const struct tag_rule *t = rule_of(l, n->u.elem.tag);
	if (!t) {
		gsl_emit_job_error(l->job, n->loc, "LaTeX has no rendering of the element '%s'",
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
		latex_open_inline(l, n, f, t->open, t->close);
		l->s.arg += (t->flags & ARGUMENT) != 0;
		break;
	case R_BIG:
	case R_SMALL:
		l->s.size += t->rule == R_BIG ? l->s.size < MAX_SIZE : -(l->s.size > 0);
		latex_open_inline(l, n, f, latex_sizes[l->s.size], "}");
		break;
	case R_PAR:
		block(l, f, "\\par ", t->close);
		latex_group(l, t->open);
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
		if (latex_parent(l, f, R_LIST))
			item(l, f);
		else
			block(l, f, "\\par\\textbullet\\ ", "\\par");
		break;
	case R_DL:
		block(l, f, "\\par ", "\\par");
		break;
	case R_DT:
		if (!latex_dt_heading(n))
			block(l, f, "{\\gsldt ", "\\gslenddt}");
		break;
	case R_DD:
		block(l, f, "{\\gsldd ", "\\par}");
		break;
	case R_HEADING:
		latex_heading(l, n, f);
		break;
	case R_PRE:
		pre(l, f);
		break;
	case R_TABLE:
		f->cells = latex_columns(n);
		if (!f->cells) {
			f->degraded = true;
			break;
		}
		latex_table(l, n, f);
		break;
	case R_ROW:
		if (!latex_table_of(l, f)) {
			inline_block(l, f);
			break;
		}
		latex_newline(l);
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
		latex_newline(l);
		latex_raw(l, "\\par\\noindent\\rule{\\linewidth}{0.4pt}\\par");
		latex_newline(l);
		l->s.hidden = true;
		break;
	case R_BR:
		latex_raw(l, "\\hfil\\break ");
		l->s.hidden = true;
		break;
	case R_IMG:
		img(l, n);
		l->s.hidden = true;
		break;
	case R_A:
		latex_a(l, n, f);
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
		gsl_emit_job_error(l->job, n->loc, "no such character: '%.*s'",
				   (int)n->u.text.len, n->u.text.ptr);
		return;
	}
	gsl_buf_clear(&l->fmt);
	latex_escape_char(&l->fmt, cp, LATEX_TEXT);
	latex_raw(l, gsl_buf_cstr(&l->fmt));
}

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
		latex_place(l, n);
		return;
	}
	/* What a list holds is in items: LaTeX allows nothing before the first. */
	struct frame *list = latex_parent(l, f, R_LIST);
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
		latex_text(l, n->u.text.ptr, n->u.text.len);
		break;
	case GSL_DT_CHAR:
		character(l, n);
		break;
	case GSL_DT_DEFINE:
		latex_place(l, n);
		if (l->s.man && n->first_child && !heading_level(n->first_child))
			latex_open_inline(l, n, f, "{\\ttfamily ", "}"); /* the name a man page defines */
		break;
	case GSL_DT_LINK:
		latex_link(l, n, f);
		break;
	case GSL_DT_COLONKIND:
		latex_raw(l, "\\texttt{:}~");
		break;
	case GSL_DT_MAPSTO:
		latex_raw(l, " \\textrightarrow{} ");
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
		latex_newline(l);
	if (f->rule == R_ROW && !f->degraded) {
		latex_raw(l, latex_table_of(l, f)->border ? "\\\\\\hline" : "\\\\");
		latex_newline(l);
		f->close = NULL;
	}
	if (f->close) {
		bool own_line = f->rule == R_TABLE || f->rule == R_LIST || f->rule == R_ENV ||
				f->rule == R_PRE;
		if (own_line && !f->degraded)
			latex_newline(l);
		if (f->group)
			latex_group(l, f->close);
		else
			latex_raw(l, f->close);
		if ((is_block(f->rule) && f->rule != R_CELL) || f->rule == R_PRE ||
		    f->rule == R_HEADING)
			latex_newline(l);
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
	latex_newline(l);
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

/* The LaTeX of a document, made by a job of its own. */
struct latex_job {
	struct gsl_emit_job job;
	const struct gsl_document *doc;
	struct gsl_buf *out;
};

static void make_latex(struct gsl_emit_job *job)
{
	struct latex_job *j = (struct latex_job *)job;
	struct gsl_emit *e = job->e;
	const struct gsl_mem *mem = e->ctx->mem;
	const struct gsl_doctree *tree = gsl_doctree_make(job, j->doc);
	struct latex l = {
		.e = e,
		.job = job,
		.tree = tree,
		.arena = job->scratch,
		.s = { .size = NORMAL_SIZE },
	};
	latex_render_init(&l, j->out);
	gsl_strmap_init(&l.placed, mem);
	gsl_strmap_init(&l.names, mem);
	gsl_buf_init(&l.anchor, mem);
	gsl_buf_init(&l.label, mem);
	gsl_buf_init(&l.fmt, mem);
	struct gsl_str title = tree->title.ptr ? one_line(l.arena, tree->title)
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
	latex_begin(j->out, &frame);
	render(&l);
	latex_end(j->out, &frame);
	gsl_xfree(mem, l.frames);
	gsl_strmap_free(&l.placed);
	gsl_strmap_free(&l.names);
	gsl_buf_free(&l.anchor);
	gsl_buf_free(&l.label);
	gsl_buf_free(&l.fmt);
}

void gsl_emit_latex(struct gsl_emit *e, const struct gsl_document *d)
{
	struct gsl_arena *arena = &e->ctx->arena;
	struct latex_job *j = gsl_arena_alloc(arena, sizeof *j);
	gsl_doctrees_prepare(e);
	*j = (struct latex_job){
		.job.run = make_latex,
		.doc = d,
		.out = gsl_emit_file(e, d, gsl_arena_printf(arena, "%s.tex", d->name)),
	};
	gsl_emit_later(e, &j->job);
}
