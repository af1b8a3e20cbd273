/* report_json.c: the report as JSON for tools (schema "gslc-compat/1",
 * documented in doc/compat.md). Findings keep their order; fingerprints
 * identify them across runs. */
#include "config.h"

#include "json.h"
#include "report.h"

static void put_place(struct gsl_json *j, const char *key, struct compat_place p)
{
	gsl_json_key(j, key);
	if (!p.file) {
		gsl_json_null(j);
		return;
	}
	gsl_json_object(j);
	gsl_json_key(j, "file");
	gsl_json_cstring(j, p.file);
	gsl_json_key(j, "line");
	gsl_json_int(j, p.line);
	gsl_json_key(j, "col");
	gsl_json_int(j, p.col);
	gsl_json_end(j);
}

static void put_finding(struct gsl_json *j, const struct compat_finding *f)
{
	gsl_json_object(j);
	gsl_json_key(j, "rule");
	gsl_json_cstring(j, compat_rule_id(f->rule));
	gsl_json_key(j, "severity");
	gsl_json_cstring(j, compat_severity_name(f->severity));
	gsl_json_key(j, "symbol");
	gsl_json_cstring(j, f->symbol);
	gsl_json_key(j, "message");
	gsl_json_cstring(j, f->message);
	gsl_json_key(j, "why");
	gsl_json_cstring(j, compat_rule_why(f->rule));
	gsl_json_key(j, "fingerprint");
	gsl_json_cstring(j, f->fingerprint);
	put_place(j, "old", f->old);
	put_place(j, "new", f->new);
	if (f->where.file)
		put_place(j, "where", f->where);
	if (f->call) {
		gsl_json_key(j, "call");
		gsl_json_cstring(j, f->call);
	}
	gsl_json_key(j, "ignored");
	gsl_json_cstring(j, f->ignored);
	gsl_json_key(j, "witness");
	gsl_json_bool(j, f->witness != NULL);
	gsl_json_end(j);
}

void compat_render_json(const struct compat_report *r, struct gsl_buf *out)
{
	struct compat_counts c = compat_report_counts(r);
	struct gsl_json j;
	gsl_json_init(&j, out);
	gsl_json_object(&j);
	gsl_json_key(&j, "schema");
	gsl_json_cstring(&j, COMPAT_SCHEMA);
	gsl_json_key(&j, "old");
	gsl_json_cstring(&j, r->old_label);
	gsl_json_key(&j, "new");
	gsl_json_cstring(&j, r->new_label);
	gsl_json_key(&j, "verdict");
	gsl_json_cstring(&j, c.breaking ? "breaking" : "compatible");
	gsl_json_key(&j, "summary");
	gsl_json_object(&j);
	gsl_json_key(&j, "breaking");
	gsl_json_int(&j, c.breaking);
	gsl_json_key(&j, "warning");
	gsl_json_int(&j, c.warning);
	gsl_json_key(&j, "info");
	gsl_json_int(&j, c.info);
	gsl_json_key(&j, "ignored");
	gsl_json_int(&j, c.ignored);
	gsl_json_end(&j);
	gsl_json_key(&j, "findings");
	gsl_json_array(&j);
	for (uint32_t i = 0; i < r->n; i++)
		put_finding(&j, &r->findings[i]);
	gsl_json_end(&j);
	gsl_json_end(&j);
	gsl_json_finish(&j);
}
