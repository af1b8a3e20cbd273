/* report_markdown.c: the report as Markdown, for a comment on a pull
 * request: a verdict line, then a table of the findings, breaking first. */
#include "config.h"

#include "report.h"

/* Text for a table cell: pipes escaped, newlines as spaces, and (outside
 * code) what would read as HTML as entities. */
static void put_cell(struct gsl_buf *out, const char *s, bool code)
{
	for (; *s; s++) {
		if (*s == '|')
			gsl_buf_puts(out, "\\|");
		else if (*s == '\n')
			gsl_buf_putc(out, ' ');
		else if (!code && *s == '<')
			gsl_buf_puts(out, "&lt;");
		else if (!code && *s == '&')
			gsl_buf_puts(out, "&amp;");
		else
			gsl_buf_putc(out, *s);
	}
}

/* A code span, with a fence longer than any run of backquotes in s. */
static void put_code(struct gsl_buf *out, const char *s)
{
	size_t run = 0, longest = 0;
	for (const char *c = s; *c; c++) {
		run = *c == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	for (size_t i = 0; i <= longest; i++)
		gsl_buf_putc(out, '`');
	if (longest)
		gsl_buf_putc(out, ' ');
	put_cell(out, s, true);
	if (longest)
		gsl_buf_putc(out, ' ');
	for (size_t i = 0; i <= longest; i++)
		gsl_buf_putc(out, '`');
}

static void put_place(struct gsl_buf *out, struct compat_place p)
{
	if (!p.file)
		return;
	struct gsl_buf text;
	gsl_buf_init(&text, out->mem);
	compat_put_place(&text, p);
	put_code(out, gsl_buf_cstr(&text));
	gsl_buf_free(&text);
}

void compat_render_markdown(const struct compat_report *r, struct gsl_buf *out)
{
	gsl_buf_puts(out, "### gslc compat: ");
	put_code(out, r->old_label);
	gsl_buf_puts(out, " → ");
	put_code(out, r->new_label);
	gsl_buf_puts(out, "\n\n**Verdict:** ");
	compat_put_summary(out, r);
	gsl_buf_puts(out, "\n");
	if (!r->n)
		return;
	gsl_buf_puts(out, "\n| | rule | symbol | change | old | new |\n"
			  "|---|---|---|---|---|---|\n");
	for (uint32_t i = 0; i < r->n; i++) {
		const struct compat_finding *f = &r->findings[i];
		gsl_buf_printf(out, "| %s | `%s` | ", f->ignored ? "accepted"
					: compat_severity_name(f->severity), compat_rule_id(f->rule));
		put_code(out, f->symbol);
		gsl_buf_puts(out, " | ");
		put_cell(out, f->message, false);
		if (f->call) {
			gsl_buf_puts(out, "<br>call: ");
			put_code(out, f->call);
		}
		if (f->ignored) {
			gsl_buf_puts(out, "<br>accepted: ");
			put_cell(out, f->ignored, false);
		}
		gsl_buf_puts(out, " | ");
		put_place(out, f->where.file ? f->where : f->old);
		gsl_buf_puts(out, " | ");
		put_place(out, f->new);
		gsl_buf_puts(out, " |\n");
	}
}
