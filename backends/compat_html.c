/* compat_html.c: the compatibility report as an HTML page in the look of
 * the HTML backend (its frame and its stylesheet, inline, so the report
 * is one file), built as a libxml2 tree and serialised by libxml2, so
 * every text is escaped by construction: a verdict, then a table of
 * findings, breaking first. */
#include "config.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <string.h>

#include "html.h"
#include "report.h"

/* What the report adds to the backend's stylesheet: a table as wide as
 * the page, and severities. */
static const char severities[] =
	".content { max-width: none; }\n"
	"td code { white-space: nowrap; }\n"
	".breaking { color: #d1242f; font-weight: 600; }\n"
	".warning { color: #9a6700; }\n"
	".info, .accepted { color: var(--muted); }\n";

static xmlNodePtr add(xmlNodePtr parent, const char *tag, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST tag, text ? BAD_CAST text : NULL);
}

static void add_place(xmlNodePtr row, struct compat_place p)
{
	xmlNodePtr cell = add(row, "td", NULL);
	if (!p.file)
		return;
	struct gsl_buf text;
	gsl_buf_init(&text, &gsl_default_mem);
	compat_put_place(&text, p);
	add(cell, "code", gsl_buf_cstr(&text));
	gsl_buf_free(&text);
}

static void add_finding(xmlNodePtr table, const struct compat_finding *f)
{
	xmlNodePtr row = add(table, "tr", NULL);
	const char *sev = f->ignored ? "accepted" : compat_severity_name(f->severity);
	xmlSetProp(add(row, "td", sev), BAD_CAST "class", BAD_CAST sev);
	xmlNodePtr rule = add(add(row, "td", NULL), "code", compat_rule_id(f->rule));
	xmlSetProp(rule, BAD_CAST "title", BAD_CAST compat_rule_why(f->rule));
	add(add(row, "td", NULL), "code", f->symbol);
	xmlNodePtr change = add(row, "td", f->message);
	if (f->call) {
		add(change, "br", NULL);
		xmlAddChild(change, xmlNewText(BAD_CAST "call: "));
		add(change, "code", f->call);
	}
	if (f->ignored) {
		add(change, "br", NULL);
		xmlAddChild(change, xmlNewText(BAD_CAST "accepted: "));
		xmlAddChild(change, xmlNewText(BAD_CAST f->ignored));
	}
	add_place(row, f->where.file ? f->where : f->old);
	add_place(row, f->new);
}

void compat_render_html(const struct compat_report *r, struct gsl_buf *out)
{
	struct compat_counts c = compat_report_counts(r);
	struct gsl_buf text;
	gsl_buf_init(&text, &gsl_default_mem);
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
	xmlDocSetRootElement(doc, html);
	xmlSetProp(html, BAD_CAST "lang", BAD_CAST "en");
	xmlNodePtr head = add(html, "head", NULL);
	xmlSetProp(add(head, "meta", NULL), BAD_CAST "charset", BAD_CAST "utf-8");
	xmlNodePtr viewport = add(head, "meta", NULL);
	xmlSetProp(viewport, BAD_CAST "name", BAD_CAST "viewport");
	xmlSetProp(viewport, BAD_CAST "content", BAD_CAST "width=device-width, initial-scale=1");
	gsl_buf_printf(&text, "gslc compat: %s \xe2\x86\x92 %s", r->old_label, r->new_label);
	add(head, "title", gsl_buf_cstr(&text));
	gsl_buf_clear(&text);
	gsl_buf_puts(&text, (const char *)gsl_html_stylesheet);
	gsl_buf_puts(&text, severities);
	add(head, "style", gsl_buf_cstr(&text));
	/* The backend's frame: a bar, the content, a footer. */
	xmlNodePtr page = add(add(html, "body", NULL), "div", NULL);
	xmlSetProp(page, BAD_CAST "class", BAD_CAST "page");
	xmlNodePtr bar = add(page, "div", NULL);
	xmlSetProp(bar, BAD_CAST "class", BAD_CAST "bar");
	add(bar, "strong", "gslc compat");
	gsl_buf_clear(&text);
	gsl_buf_printf(&text, "%s \xe2\x86\x92 %s", r->old_label, r->new_label);
	add(bar, "span", gsl_buf_cstr(&text));
	xmlNodePtr layout = add(page, "div", NULL);
	xmlSetProp(layout, BAD_CAST "class", BAD_CAST "layout");
	xmlNodePtr body = add(layout, "div", NULL);
	xmlSetProp(body, BAD_CAST "class", BAD_CAST "content");
	add(body, "h1", "Compatibility report");
	gsl_buf_clear(&text);
	gsl_buf_puts(&text, "Verdict: ");
	compat_put_summary(&text, r);
	xmlSetProp(add(body, "p", gsl_buf_cstr(&text)), BAD_CAST "class",
		   BAD_CAST (c.breaking ? "breaking" : "info"));
	if (r->n) {
		xmlNodePtr table = add(body, "table", NULL);
		xmlNodePtr head_row = add(table, "tr", NULL);
		static const char *const heads[] = { "", "rule", "symbol", "change", "old", "new" };
		for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
			add(head_row, "th", heads[i]);
		for (uint32_t i = 0; i < r->n; i++)
			add_finding(table, &r->findings[i]);
	}
	xmlNodePtr footer = add(page, "div", "The rules and their reasons: gslc compat --list-rules.");
	xmlSetProp(footer, BAD_CAST "class", BAD_CAST "footer");
	xmlChar *mem;
	int size;
	htmlDocDumpMemoryFormat(doc, &mem, &size, 1);
	gsl_buf_put(out, (const char *)mem, (size_t)size);
	xmlFree(mem);
	xmlFreeDoc(doc);
	gsl_buf_free(&text);
}
