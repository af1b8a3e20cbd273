/* unparse.c: the tree as GSL text. Each node is a markup line of as many
 * dots as its depth, its tag in the form it was written (`tag`, `tag:`,
 * `tag::`, `key=value`) and its argument; text lines that would read as
 * markup lines get the quoting backslash that the lexer removes. */
#include "unparse.h"

#include <string.h>

#include "iter.h"

/* Ends a line. A line that ends in a carriage return gets "\r\n", whose
 * "\r" the lexer drops, so the text's own "\r" survives. */
static void newline(struct gsl_buf *out)
{
	if (out->len && out->data[out->len - 1] == '\r')
		gsl_buf_putc(out, '\r');
	gsl_buf_putc(out, '\n');
}

/* Appends text whose lines after the first start lines of the file
 * (all lines when first_at_line_start): a line that starts with a dot,
 * or with backslashes and a dot, gets one more backslash. */
static void put_lines(struct gsl_buf *out, const char *s, size_t n, bool first_at_line_start)
{
	bool line_start = first_at_line_start;
	const char *end = s + n;
	while (s < end) {
		if (line_start) {
			const char *p = s;
			while (p < end && *p == '\\')
				p++;
			if (p < end && *p == '.')
				gsl_buf_putc(out, '\\');
		}
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		gsl_buf_put(out, s, (size_t)(stop - s));
		if (nl)
			newline(out);
		line_start = nl != NULL;
		s = nl ? nl + 1 : end;
	}
}

static void put_node(struct gsl_buf *out, const struct gsl_node *n, uint32_t depth)
{
	struct gsl_str tag = gsl_node_tag(n), arg = gsl_node_arg(n);
	for (uint32_t i = 0; i < depth; i++)
		gsl_buf_putc(out, '.');
	/* A tag that starts with a dot was written after a blank, which
	 * keeps its dots from counting as depth. */
	if (tag.len && tag.ptr[0] == '.')
		gsl_buf_putc(out, ' ');
	gsl_buf_put(out, tag.ptr, tag.len);
	if (n->tag == GSL_TAG_HTMLATTR) {
		gsl_buf_putc(out, '=');
		put_lines(out, arg.ptr, arg.len, false);
	} else if (n->flags & GSL_NODE_BARE) {
		if (arg.len) {
			newline(out);
			put_lines(out, arg.ptr, arg.len, true);
		}
	} else {
		gsl_buf_puts(out, n->flags & GSL_NODE_DEFINITION ? "::" : ":");
		put_lines(out, arg.ptr, arg.len, false);
	}
	newline(out);
}

void gsl_unparse(const struct gsl_node *root, struct gsl_buf *out)
{
	struct gsl_iter it;
	gsl_iter_init(&it, root);
	uint32_t depth = 0;
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		const struct gsl_node *n = it.node;
		if (ev == GSL_EVENT_EXIT) {
			if (n != root)
				depth--;
			continue;
		}
		if (n == root)
			continue;
		depth++;
		if (n->flags & GSL_NODE_ROOT_TEXT) {
			/* The text before the first markup line. */
			put_lines(out, n->arg, n->arg_len, true);
			newline(out);
		} else {
			put_node(out, n, depth);
		}
	}
}
