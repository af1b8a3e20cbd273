/* report_markdown.c: the report as Markdown, for a comment on a pull
 * request: a verdict line, then a table of the findings, breaking first. */
#include "config.h"

#include "report.h"

/* Text for a table cell: pipes escaped, newlines as spaces. */
static void put_cell(struct gsl_buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			gsl_buf_puts(out, "\\|");
		else if (*s == '\n')
			gsl_buf_putc(out, ' ');
		else
			gsl_buf_putc(out, *s);
	}
}

/* A code span; backticks in s are doubled around. */
static void put_code(struct gsl_buf *out, const char *s)
{
	gsl_buf_puts(out, "`` ");
	put_cell(out, s);
	gsl_buf_puts(out, " ``");
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
	struct compat_counts c = compat_report_counts(r);
	gsl_buf_puts(out, "### gslc compat: ");
	put_code(out, r->old_label);
	gsl_buf_puts(out, " → ");
	put_code(out, r->new_label);
	gsl_buf_printf(out, "\n\n**%s**: %u breaking, %u warnings, %u info",
		       c.breaking ? "Breaking" : "Compatible", (unsigned)c.breaking,
		       (unsigned)c.warning, (unsigned)c.info);
	if (c.ignored)
		gsl_buf_printf(out, ", %u accepted", (unsigned)c.ignored);
	gsl_buf_puts(out, ".\n");
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
		put_cell(out, f->message);
		if (f->call) {
			gsl_buf_puts(out, "<br>call: ");
			put_code(out, f->call);
		}
		if (f->ignored) {
			gsl_buf_puts(out, "<br>accepted: ");
			put_cell(out, f->ignored);
		}
		gsl_buf_puts(out, " | ");
		put_place(out, f->where.file ? f->where : f->old);
		gsl_buf_puts(out, " | ");
		put_place(out, f->new);
		gsl_buf_puts(out, " |\n");
	}
}
