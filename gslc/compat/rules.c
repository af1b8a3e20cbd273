/* rules.c: the rule catalogue's tables, lookups, and the listing that
 * `gslc compat --list-rules` prints. */
#include "config.h"

#include "rules.h"

#include <string.h>

#include "json.h"
#include "report.h"

#define RULE_ROW(id, name, severity, why) [COMPAT_RULE_##id] = { name, COMPAT_##severity, why },
static const struct {
	const char *id;
	enum compat_severity severity;
	const char *why;
} rules[COMPAT_RULE_COUNT] = { COMPAT_RULES(RULE_ROW) };
#undef RULE_ROW

static const char *const severity_names[] = {
	[COMPAT_OFF] = "off",
	[COMPAT_INFO] = "info",
	[COMPAT_WARNING] = "warning",
	[COMPAT_BREAKING] = "breaking",
};

const char *compat_rule_id(enum compat_rule rule) { return rules[rule].id; }
const char *compat_rule_why(enum compat_rule rule) { return rules[rule].why; }
enum compat_severity compat_rule_default(enum compat_rule rule) { return rules[rule].severity; }

bool compat_rule_lookup(const char *id, enum compat_rule *rule)
{
	for (int r = 0; r < COMPAT_RULE_COUNT; r++)
		if (strcmp(rules[r].id, id) == 0) {
			*rule = (enum compat_rule)r;
			return true;
		}
	return false;
}

const char *compat_severity_name(enum compat_severity sev) { return severity_names[sev]; }

bool compat_severity_lookup(const char *name, enum compat_severity *sev)
{
	for (int s = COMPAT_OFF; s <= COMPAT_BREAKING; s++)
		if (strcmp(severity_names[s], name) == 0) {
			*sev = (enum compat_severity)s;
			return true;
		}
	return false;
}

void compat_rules_print(struct gsl_buf *out, enum compat_format format)
{
	if (format == COMPAT_FORMAT_JSON) {
		struct gsl_json j;
		gsl_json_init(&j, out);
		gsl_json_object(&j);
		gsl_json_key(&j, "schema");
		gsl_json_cstring(&j, COMPAT_RULES_SCHEMA);
		gsl_json_key(&j, "rules");
		gsl_json_array(&j);
		for (int r = 0; r < COMPAT_RULE_COUNT; r++) {
			gsl_json_object(&j);
			gsl_json_key(&j, "id");
			gsl_json_cstring(&j, rules[r].id);
			gsl_json_key(&j, "severity");
			gsl_json_cstring(&j, severity_names[rules[r].severity]);
			gsl_json_key(&j, "why");
			gsl_json_cstring(&j, rules[r].why);
			gsl_json_end(&j);
		}
		gsl_json_end(&j);
		gsl_json_end(&j);
		gsl_json_finish(&j);
		return;
	}
	if (format == COMPAT_FORMAT_MARKDOWN) {
		gsl_buf_puts(out, "| rule | severity | why |\n|---|---|---|\n");
		for (int r = 0; r < COMPAT_RULE_COUNT; r++)
			gsl_buf_printf(out, "| `%s` | %s | %s |\n", rules[r].id,
				       severity_names[rules[r].severity], rules[r].why);
		return;
	}
	for (int r = 0; r < COMPAT_RULE_COUNT; r++)
		gsl_buf_printf(out, "%-22s %-8s %s\n", rules[r].id,
			       severity_names[rules[r].severity], rules[r].why);
}
