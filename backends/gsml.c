/* gsml.c: `.gsml:` text, HTML written as HTML, read into document nodes:
 * tags become elements with their attributes, entity and character
 * references become characters, comments and declarations are dropped.
 * A tag-soup reader: it only asks that elements be closed in order. */
#include "document.h"

#include <string.h>

/* Elements HTML never closes. */
static bool is_void(const char *tag)
{
	static const char *const tags[] = { "area", "base", "br", "col", "hr", "img", "input",
					    "link", "meta", "param" };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		if (strcmp(tag, tags[i]) == 0)
			return true;
	return false;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == ':' || c == '.';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A reader over the text. */
struct reader {
	struct gsl_docgen *g;
	const char *p, *end;
	struct gsl_loc loc;
};

static void skip_blanks(struct reader *r)
{
	while (r->p < r->end && is_blank(*r->p))
		r->p++;
}

static struct gsl_str name(struct reader *r)
{
	const char *s = r->p;
	while (r->p < r->end && is_name_char(*r->p))
		r->p++;
	return (struct gsl_str){ s, (size_t)(r->p - s) };
}

/* Skips past the first occurrence of s; false if there is none. */
static bool skip_past(struct reader *r, const char *s)
{
	size_t n = strlen(s);
	for (const char *q = r->p; q + n <= r->end; q++)
		if (memcmp(q, s, n) == 0) {
			r->p = q + n;
			return true;
		}
	r->p = r->end;
	return false;
}

/* Text up to the next tag or reference. */
static void text(struct reader *r)
{
	const char *s = r->p;
	while (r->p < r->end && *r->p != '<' && *r->p != '&')
		r->p++;
	gsl_docgen_textn(r->g, s, (size_t)(r->p - s));
}

/* `&name;`, `&#N;`, `&#xN;`: a character (ASCII as text). */
static void reference(struct reader *r)
{
	r->p++;
	bool numeric = r->p < r->end && *r->p == '#';
	r->p += numeric;
	bool hex = numeric && r->p < r->end && (*r->p == 'x' || *r->p == 'X');
	r->p += hex;
	struct gsl_str n = name(r);
	if (r->p < r->end && *r->p == ';')
		r->p++;
	if (!n.len) {
		gsl_docgen_error(r->g, r->loc, "'&' without a character name in 'gsml'");
		return;
	}
	unsigned long code = 0;
	for (size_t i = 0; numeric && i < n.len; i++) {
		char c = n.ptr[i] | 0x20;
		unsigned d = c >= 'a' ? (unsigned)(c - 'a' + 10) : (unsigned)(c - '0');
		code = code * (hex ? 16 : 10) + d;
		if (code > 0x10ffff)
			break;
	}
	if (numeric && code < 128 && code > 0) {
		char c = (char)code;
		gsl_docgen_textn(r->g, gsl_arena_strndup(r->g->arena, &c, 1), 1);
		return;
	}
	gsl_docgen_char(r->g, numeric ? gsl_arena_printf(r->g->arena, "%lu", code)
				      : gsl_arena_strndup(r->g->arena, n.ptr, n.len));
}

/* The attributes of a start tag, up to `>` or `/>`; true if `/>`. */
static bool attributes(struct reader *r, struct gsl_dt_node *e)
{
	for (;;) {
		skip_blanks(r);
		if (r->p >= r->end || *r->p == '>') {
			r->p += r->p < r->end;
			return false;
		}
		if (*r->p == '/' && r->p + 1 < r->end && r->p[1] == '>') {
			r->p += 2;
			return true;
		}
		struct gsl_str key = name(r);
		if (!key.len) {
			r->p++;
			continue;
		}
		struct gsl_str value = { "", 0 };
		skip_blanks(r);
		if (r->p < r->end && *r->p == '=') {
			r->p++;
			skip_blanks(r);
			char quote = r->p < r->end && (*r->p == '"' || *r->p == '\'') ? *r->p : 0;
			r->p += quote != 0;
			const char *s = r->p;
			while (r->p < r->end && (quote ? *r->p != quote : !is_blank(*r->p) && *r->p != '>'))
				r->p++;
			value = (struct gsl_str){ s, (size_t)(r->p - s) };
			r->p += quote && r->p < r->end;
		}
		gsl_dt_add_attr(r->g->arena, e, gsl_docgen_name(r->g, key.ptr, key.len),
				gsl_arena_strndup(r->g->arena, value.ptr, value.len));
	}
}

/* A tag: opens or closes an element; comments, declarations and
 * processing instructions are skipped. */
static void tag(struct reader *r, struct gsl_dt_node *top)
{
	const char *at = r->p++;
	if (r->p < r->end && (*r->p == '!' || *r->p == '?')) {
		skip_past(r, r->p + 2 < r->end && r->p[1] == '-' && r->p[2] == '-' ? "-->" : ">");
		return;
	}
	bool closing = r->p < r->end && *r->p == '/';
	r->p += closing;
	struct gsl_str t = name(r);
	if (!t.len) {
		r->p = at + 1;
		gsl_docgen_textn(r->g, "<", 1);
		return;
	}
	const char *tagname = gsl_docgen_name(r->g, t.ptr, t.len);
	if (closing) {
		skip_past(r, ">");
		if (r->g->out == top || strcmp(r->g->out->u.elem.tag, tagname) != 0) {
			gsl_docgen_error(r->g, r->loc, "'</%s>' closes no open element in 'gsml'",
					 tagname);
			return;
		}
		gsl_docgen_close(r->g);
		return;
	}
	struct gsl_dt_node *e = gsl_docgen_open(r->g, tagname);
	if (attributes(r, e) || is_void(tagname))
		gsl_docgen_close(r->g);
}

void gsl_docgen_gsml(struct gsl_docgen *g, struct gsl_str s, struct gsl_loc loc)
{
	struct reader r = { .g = g, .p = s.ptr, .end = s.ptr + s.len, .loc = loc };
	struct gsl_dt_node *top = g->out;
	while (r.p < r.end) {
		if (*r.p == '<')
			tag(&r, top);
		else if (*r.p == '&')
			reference(&r);
		else
			text(&r);
	}
	if (g->out != top)
		gsl_docgen_error(g, loc, "'<%s>' is not closed in 'gsml'", g->out->u.elem.tag);
	g->out = top;
}
