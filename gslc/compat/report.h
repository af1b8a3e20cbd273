/* report.h: findings, and the report that holds them. A finding names
 * a rule, the thing it is about (a symbol path such as "sets.NodeSet.add"),
 * where that thing is written on each side, one sentence on what changed
 * and, for argument lists, a call that shows it. Renderers turn a report
 * into text, JSON, Markdown, HTML or GitHub annotations. */
#ifndef GSL_COMPAT_REPORT_H
#define GSL_COMPAT_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "rules.h"

#define COMPAT_SCHEMA "gslc-compat/1"
#define COMPAT_RULES_SCHEMA "gslc-compat-rules/1"

enum compat_format { COMPAT_FORMAT_TEXT, COMPAT_FORMAT_JSON, COMPAT_FORMAT_MARKDOWN,
		     COMPAT_FORMAT_HTML, COMPAT_FORMAT_GITHUB };

/* A place in a source file; file NULL: none. */
struct compat_place {
	const char *file;
	uint32_t line;
	uint32_t col;
};

/* A Python test that objects conforming to OLD pass and objects that
 * conform only to NEW may fail (witness.c writes it). */
struct compat_witness {
	const char *kind;       /* tgt of the kind whose object the test takes */
	const char *name;       /* its local name, for the test's name */
	const char *body;       /* statements on `arg`, one per line */
	const char *helpers;    /* methods the body calls, or "" */
};

struct compat_finding {
	enum compat_rule rule;
	enum compat_severity severity;
	const char *symbol;     /* the thing, as OLD names it (NEW, for additions) */
	const char *message;    /* what changed, one sentence */
	const char *detail;     /* what else tells it apart, for the fingerprint */
	const char *call;       /* an argument list that shows the change, or NULL */
	struct compat_place old;
	struct compat_place new;
	struct compat_place where; /* ignore-stale: the entry in the ignore file */
	const char *ignored;    /* the reason an ignore entry gives, or NULL */
	const struct compat_witness *witness;
	char fingerprint[17];   /* hex; stable across runs and line moves */
};

struct compat_report {
	struct gsl_arena arena; /* strings of findings */
	const char *old_label;
	const char *new_label;
	struct compat_finding *findings;
	uint32_t n, cap;
	enum compat_severity severity[COMPAT_RULE_COUNT]; /* per rule, after overrides */
	bool witnesses;         /* make witnesses (they cost time) */
};

void compat_report_init(struct compat_report *r, const struct gsl_mem *mem);
void compat_report_free(struct compat_report *r);

/* Adds a finding; message is printf-like. Findings whose rule is off are
 * not added (NULL is returned). */
struct compat_finding *compat_report_add(struct compat_report *r, enum compat_rule rule,
					 const char *symbol, struct compat_place old,
					 struct compat_place new, const char *detail,
					 const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Sorts the findings (severity, symbol, rule), drops repeats and
 * computes fingerprints. */
void compat_report_finish(struct compat_report *r);

/* Counts of findings by severity that no ignore entry accepts. */
struct compat_counts {
	uint32_t breaking, warning, info, ignored;
};
struct compat_counts compat_report_counts(const struct compat_report *r);
/* Appends "breaking (3 breaking, 1 warning, 2 info, 1 accepted)" (the
 * verdict, then the counts; accepted only when there are some). */
void compat_put_summary(struct gsl_buf *out, const struct compat_report *r);

/* Renderers: report_text.c, report_json.c, report_markdown.c,
 * report_github.c, and backends/compat_html.c. */
void compat_render_text(const struct compat_report *r, struct gsl_buf *out, bool color);
void compat_render_json(const struct compat_report *r, struct gsl_buf *out);
void compat_render_markdown(const struct compat_report *r, struct gsl_buf *out);
void compat_render_github(const struct compat_report *r, struct gsl_buf *out);
void compat_render_html(const struct compat_report *r, struct gsl_buf *out);

/* The rule catalogue in a format (text, json or markdown). */
void compat_rules_print(struct gsl_buf *out, enum compat_format format);

/* Appends "file:line:col" (or "-" for no place). */
void compat_put_place(struct gsl_buf *out, struct compat_place p);

#endif
