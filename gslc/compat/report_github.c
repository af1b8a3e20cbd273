/* report_github.c: the report as GitHub Actions workflow commands, so
 * findings appear as annotations on the changed files: breaking changes
 * as errors, warnings as warnings, the rest as notices. */
#include "config.h"

#include "report.h"

/* Escapes for the message, and, with property, for a property value. */
static void put_escaped(struct gsl_buf *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': gsl_buf_puts(out, "%25"); break;
		case '\r': gsl_buf_puts(out, "%0D"); break;
		case '\n': gsl_buf_puts(out, "%0A"); break;
		case ':': gsl_buf_puts(out, property ? "%3A" : ":"); break;
		case ',': gsl_buf_puts(out, property ? "%2C" : ","); break;
		default: gsl_buf_putc(out, *s); break;
		}
	}
}

static const char *command(const struct compat_finding *f)
{
	if (f->ignored || f->severity == COMPAT_INFO)
		return "notice";
	return f->severity == COMPAT_BREAKING ? "error" : "warning";
}

void compat_render_github(const struct compat_report *r, struct gsl_buf *out)
{
	struct gsl_buf text;
	gsl_buf_init(&text, out->mem);
	for (uint32_t i = 0; i < r->n; i++) {
		const struct compat_finding *f = &r->findings[i];
		/* Annotate NEW, what a pull request changes, when it has the place. */
		struct compat_place p = f->where.file ? f->where : f->new.file ? f->new : f->old;
		gsl_buf_printf(out, "::%s ", command(f));
		if (p.file) {
			gsl_buf_puts(out, "file=");
			put_escaped(out, p.file, true);
			gsl_buf_printf(out, ",line=%u,col=%u,", (unsigned)p.line, (unsigned)p.col);
		}
		gsl_buf_puts(out, "title=");
		put_escaped(out, compat_rule_id(f->rule), true);
		gsl_buf_puts(out, "::");
		/* The message may hold lines: they are escaped with it. */
		gsl_buf_clear(&text);
		gsl_buf_puts(&text, f->message);
		if (f->call)
			gsl_buf_printf(&text, "\ncall: %s", f->call);
		if (f->ignored)
			gsl_buf_printf(&text, "\naccepted: %s", f->ignored);
		gsl_buf_printf(&text, "\n%s", compat_rule_why(f->rule));
		put_escaped(out, gsl_buf_cstr(&text), false);
		gsl_buf_putc(out, '\n');
	}
	gsl_buf_free(&text);
	bool breaking = compat_report_counts(r).breaking > 0;
	gsl_buf_printf(out, "::%s title=gslc compat::", breaking ? "error" : "notice");
	compat_put_summary(out, r);
	gsl_buf_putc(out, '\n');
}
