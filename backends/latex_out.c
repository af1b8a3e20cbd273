/* latex_out.c: the output of the LaTeX renderer: LaTeX and the text of
 * the document, whose blanks and line ends become what HTML would show
 * (and never a blank line, which would end a paragraph). */
#include "latex_render.h"

#include <stdarg.h>

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
void latex_group(struct latex *l, const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return;
	put(l, s, n);
	l->after_word = ends_word(s, n);
}

/* LaTeX. */
void latex_raw(struct latex *l, const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return;
	put(l, s, n);
	l->after_word = ends_word(s, n);
	l->after_blank = s[n - 1] == ' ';
}

void latex_rawf(struct latex *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gsl_buf_clear(&l->fmt);
	gsl_buf_vprintf(&l->fmt, fmt, ap);
	va_end(ap);
	latex_raw(l, gsl_buf_cstr(&l->fmt));
}

/* Ends the output line, outside macro arguments (where a line of
 * blanks would end the paragraph). */
void latex_newline(struct latex *l)
{
	if (!l->s.arg)
		gsl_render_newline(&l->r, false);
}

static void escape(struct gsl_render *r, const char *s, size_t n)
{
	latex_escape(r->out, s, n, LATEX_TEXT);
}

void latex_render_init(struct latex *l, struct gsl_buf *out)
{
	gsl_render_init(&l->r, out, "", escape, NULL);
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
void latex_text(struct latex *l, const char *s, size_t n)
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
			latex_newline(l);
		for (i = end; i < n && blank(s[i]); i++)
			;
	}
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
void latex_open_inline(struct latex *l, const struct gsl_dt_node *n, struct frame *f,
			const char *open, const char *close)
{
	if (!l->after_blank && starts_blank(n))
		latex_raw(l, " ");
	latex_group(l, open);
	f->close = close;
	f->group = true;
}
