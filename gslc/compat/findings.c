/* findings.c: collecting findings into a report, putting them in a
 * stable order and giving each a fingerprint: a hash of its rule, its
 * symbol and its detail, so it survives edits that only move lines. */
#include "config.h"

#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void compat_report_init(struct compat_report *r, const struct gsl_mem *mem)
{
	*r = (struct compat_report){ 0 };
	gsl_arena_init(&r->arena, mem);
	for (int i = 0; i < COMPAT_RULE_COUNT; i++)
		r->severity[i] = compat_rule_default((enum compat_rule)i);
}

void compat_report_free(struct compat_report *r)
{
	gsl_xfree(r->arena.mem, r->findings);
	gsl_arena_free(&r->arena);
}

struct compat_finding *compat_report_add(struct compat_report *r, enum compat_rule rule,
					 const char *symbol, struct compat_place old,
					 struct compat_place new, const char *detail,
					 const char *fmt, ...)
{
	if (r->severity[rule] == COMPAT_OFF)
		return NULL;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->findings = gsl_xrealloc(r->arena.mem, r->findings, r->cap * sizeof *r->findings);
	}
	struct gsl_buf msg;
	gsl_buf_init(&msg, r->arena.mem);
	va_list ap;
	va_start(ap, fmt);
	gsl_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	struct compat_finding *f = &r->findings[r->n++];
	*f = (struct compat_finding){
		.rule = rule,
		.severity = r->severity[rule],
		.symbol = gsl_arena_strdup(&r->arena, symbol),
		.message = gsl_arena_strdup(&r->arena, gsl_buf_cstr(&msg)),
		.detail = gsl_arena_strdup(&r->arena, detail ? detail : ""),
		.old = old,
		.new = new,
	};
	gsl_buf_free(&msg);
	return f;
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return (h ^ 0xff) * 0x100000001b3u; /* ends the field */
}

static int by_order(const void *x, const void *y)
{
	const struct compat_finding *a = x, *b = y;
	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	int c = strcmp(a->symbol, b->symbol);
	if (c)
		return c;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return strcmp(a->fingerprint, b->fingerprint);
}

void compat_report_finish(struct compat_report *r)
{
	for (uint32_t i = 0; i < r->n; i++) {
		struct compat_finding *f = &r->findings[i];
		uint64_t h = 0xcbf29ce484222325u;
		h = fnv(h, compat_rule_id(f->rule));
		h = fnv(h, f->symbol);
		h = fnv(h, f->detail);
		for (int k = 15; k >= 0; k--, h >>= 4)
			f->fingerprint[k] = "0123456789abcdef"[h & 15];
		f->fingerprint[16] = '\0';
	}
	if (r->n > 1)
		qsort(r->findings, r->n, sizeof *r->findings, by_order);
	/* The same change seen twice (say, through two views) is one finding. */
	uint32_t w = 0;
	for (uint32_t i = 0; i < r->n; i++)
		if (!w || strcmp(r->findings[w - 1].fingerprint, r->findings[i].fingerprint) != 0)
			r->findings[w++] = r->findings[i];
	r->n = w;
}

struct compat_counts compat_report_counts(const struct compat_report *r)
{
	struct compat_counts c = { 0 };
	for (uint32_t i = 0; i < r->n; i++) {
		const struct compat_finding *f = &r->findings[i];
		if (f->ignored)
			c.ignored++;
		else if (f->severity == COMPAT_BREAKING)
			c.breaking++;
		else if (f->severity == COMPAT_WARNING)
			c.warning++;
		else if (f->severity == COMPAT_INFO)
			c.info++;
	}
	return c;
}

void compat_put_summary(struct gsl_buf *out, const struct compat_report *r)
{
	struct compat_counts c = compat_report_counts(r);
	gsl_buf_printf(out, "%s (%u breaking, %u warning%s, %u info", c.breaking ? "breaking"
		       : "compatible", (unsigned)c.breaking, (unsigned)c.warning,
		       c.warning == 1 ? "" : "s", (unsigned)c.info);
	if (c.ignored)
		gsl_buf_printf(out, ", %u accepted", (unsigned)c.ignored);
	gsl_buf_putc(out, ')');
}

void compat_put_place(struct gsl_buf *out, struct compat_place p)
{
	if (!p.file) {
		gsl_buf_putc(out, '-');
		return;
	}
	/* Reports can hold many places: no printf. */
	char digits[24];
	gsl_buf_puts(out, p.file);
	uint32_t parts[2] = { p.line, p.col };
	for (int k = 0; k < 2; k++) {
		size_t i = sizeof digits;
		uint32_t v = parts[k];
		do
			digits[--i] = (char)('0' + v % 10);
		while (v /= 10);
		digits[--i] = ':';
		gsl_buf_put(out, digits + i, sizeof digits - i);
	}
}
