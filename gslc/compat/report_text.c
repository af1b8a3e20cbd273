/* report_text.c: the report for people at a terminal, in the form of
 * compiler diagnostics (`file:line:col: severity: message [rule]`), so
 * editors jump to both sides of each change; colour only when asked. */
#include "config.h"

#include "report.h"

#define RESET "\033[0m"
#define BOLD "\033[1m"

static const char *colour(enum compat_severity s)
{
	switch (s) {
	case COMPAT_BREAKING: return "\033[1;31m";
	case COMPAT_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

static void put_severity(struct gsl_buf *out, const char *word, const char *col, bool color)
{
	if (color)
		gsl_buf_puts(out, col);
	gsl_buf_puts(out, word);
	gsl_buf_puts(out, color ? ":" RESET " " : ": ");
}

/* Reports can be long: pieces are appended, not printed. */
static void put_line(struct gsl_buf *out, const char *a, const char *b, const char *c)
{
	gsl_buf_puts(out, a);
	gsl_buf_puts(out, b);
	gsl_buf_puts(out, c);
	gsl_buf_putc(out, '\n');
}

static void put_finding(struct gsl_buf *out, const struct compat_finding *f, bool color)
{
	struct compat_place first = f->where.file ? f->where : f->old.file ? f->old : f->new;
	if (color)
		gsl_buf_puts(out, BOLD);
	compat_put_place(out, first);
	gsl_buf_puts(out, color ? ":" RESET " " : ": ");
	put_severity(out, f->ignored ? "accepted" : compat_severity_name(f->severity),
		     colour(f->severity), color);
	gsl_buf_puts(out, f->message);
	put_line(out, " [", compat_rule_id(f->rule), "]");
	if (f->old.file && f->new.file) {
		compat_put_place(out, f->new);
		gsl_buf_puts(out, ": ");
		put_severity(out, "note", BOLD, color);
		gsl_buf_puts(out, "in NEW here\n");
	}
	if (f->call)
		put_line(out, "    call: ", f->call, "");
	if (f->ignored)
		put_line(out, "    accepted: ", f->ignored, "");
	put_line(out, "    why: ", compat_rule_why(f->rule), "");
}

void compat_render_text(const struct compat_report *r, struct gsl_buf *out, bool color)
{
	for (uint32_t i = 0; i < r->n; i++)
		put_finding(out, &r->findings[i], color);
	gsl_buf_printf(out, "gslc compat: %s -> %s: ", r->old_label, r->new_label);
	compat_put_summary(out, r);
	gsl_buf_putc(out, '\n');
}
