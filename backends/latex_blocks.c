/* latex_blocks.c: headings, which become sections with PDF bookmarks
 * where they head a part of the document, and tables, which become
 * long tables of paragraph columns. */
#include "latex_render.h"

#include "charref.h"

/* Sectioning commands by heading level (h1 ...), and the sizes of
 * headings that are not sections (inside descriptions, lists ...). */
static const char *const sections[] = {
	NULL, "\\section*{", "\\subsection*{", "\\subsubsection*{", "\\gslheading{",
	"\\gslheading{", "\\gslheading{",
};
static const int heading_sizes[] = { 0, 6, 5, 4, 4, 4, 4 };

/* Nodes that do not change where a heading stands: anchors, groups. */
static bool transparent(const struct gsl_dt_node *n)
{
	if (n->kind == GSL_DT_DEFINE || n->kind == GSL_DT_BLOCK)
		return true;
	const struct tag_rule *t = n->kind == GSL_DT_ELEMENT ? latex_find_rule(n->u.elem.tag) : NULL;
	return t && (t->rule == R_A || t->rule == R_PLAIN || t->rule == R_PAR);
}

/* The heading that is all a dt holds (through anchors), or NULL. */
const struct gsl_dt_node *latex_dt_heading(const struct gsl_dt_node *dt)
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
			return latex_dt_heading(up) == h;
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

void latex_heading(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	int level = heading_level(n);
	if (l->s.arg) {
		latex_open_inline(l, n, f, "{\\bfseries ", "}");
		return;
	}
	latex_newline(l);
	if (l->s.tables || !is_section(n)) {
		latex_raw(l, "\\par");
		latex_group(l, latex_sizes[heading_sizes[level]]);
		latex_raw(l, "\\bfseries ");
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
		latex_group(l, l->label.data);
		latex_newline(l);
	}
	latex_raw(l, sections[level]);
	l->after_blank = true;
	l->s.arg++;
	f->close = "}";
}

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
unsigned latex_columns(const struct gsl_dt_node *table)
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
void latex_table(struct latex *l, const struct gsl_dt_node *n, struct frame *f)
{
	const char *border = attr(n, "border");
	f->border = border && strcmp(border, "0") != 0;
	latex_newline(l);
	bool inner = l->s.tables;
	latex_raw(l, inner ? "\\par\\noindent" : "\\gsltableleft\n");
	latex_rawf(l, "\\begin{%s}%s{@{}*{%u}{p{\\dimexpr(\\linewidth-\\leftskip)/%u-2\\tabcolsep\\relax}}"
	     "@{}}", inner ? "tabular" : "longtable", inner ? "[t]" : "", f->cells, f->cells);
	latex_newline(l);
	if (f->border)
		latex_raw(l, "\\hline\n");
	f->close = inner ? "\\end{tabular}\\par" : "\\end{longtable}";
	l->s.tables++;
}

/* The frame of the parent of frame f's node if it is an element of
 * rule r, not rendered otherwise; else NULL. */
struct frame *latex_parent(struct latex *l, struct frame *f, enum latex_rule r)
{
	struct frame *up = f > l->frames ? f - 1 : NULL;
	return up && up->rule == r && !up->degraded ? up : NULL;
}

/* The frame of the table of a row: its parent or grandparent (through
 * thead, tbody, tfoot). */
struct frame *latex_table_of(struct latex *l, struct frame *row)
{
	struct frame *t = latex_parent(l, row, R_TABLE);
	if (!t && row > l->frames && is_row_group(row[-1].node))
		t = latex_parent(l, row - 1, R_TABLE);
	return t;
}
