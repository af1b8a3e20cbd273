/* operators.c: operators in man pages (`x & y`, `x &= y`, `y in x`,
 * `len(x)`, `x[i]`, `x[i] = v`, `del x[i]`; sections 6.4 and 6.5 of the
 * language reference) and conditions (6.8). */
#include "manpage.h"

#include <string.h>

/* ---- Operators ------------------------------------------------------------------ */

/* `# ` linking to an operator, shown in HTML only. */
static void operator_link(struct page *p, const struct asp *op)
{
	gsl_docgen_open_kind(p->g, GSL_DT_HTML_ONLY);
	gsl_docgen_open_link(p->g, GSL_DT_LINK, asp_link(p, op));
	page_text(p, "# ");
	page_close(p);
	page_close(p);
}

static void symbol(struct page *p, const struct asp *op)
{
	struct gsl_str sym = gsl_node_arg_stripped(op->node);
	gsl_docgen_textn(p->g, sym.ptr, sym.len);
}

/* The arguments of an operator in turn, each after a blank if spaced. */
static void operands(struct page *p, const struct asps *args, bool spaced)
{
	for (size_t i = 0; i < args->n; i++) {
		if (spaced)
			page_text(p, " ");
		if (args->v[i].tag == GSL_TAG_ARG)
			page_argument(p, &args->v[i]);
		else
			page_ref(p, &args->v[i]);
	}
}

/* `x[args]`. */
static void subscript(struct page *p, const struct asp *op, const struct asps *args)
{
	page_self(p, op);
	page_text(p, "[");
	page_arguments(p, args);
	page_text(p, "]");
}

void page_operator_ref(struct page *p, const struct asp *op, bool definition)
{
	struct place pl = asp_place(op);
	struct asps args = { 0 };
	asp_arguments(p, &pl, &args);
	const char *link = asp_link(p, op);
	switch (op->tag) {
	case GSL_TAG_OPERATOR:
	case GSL_TAG_INPLACE_OPERATOR:
		if (definition)
			gsl_docgen_put(p->g, GSL_DT_DEFINE)->u.link.name = link;
		else
			operator_link(p, op);
		page_self(p, op);
		page_text(p, " ");
		page_open(p, "big");
		page_open(p, "strong");
		symbol(p, op);
		page_close(p);
		page_close(p);
		operands(p, &args, true);
		page_returns(p, op, definition);
		break;
	case GSL_TAG_REVERSE_OPERATOR:
		if (definition)
			gsl_docgen_put(p->g, GSL_DT_DEFINE)->u.link.name = link;
		else
			operator_link(p, op);
		operands(p, &args, false);
		page_open(p, "big");
		page_text(p, " ");
		page_open(p, "strong");
		symbol(p, op);
		page_close(p);
		page_text(p, " ");
		page_close(p);
		page_self(p, op);
		page_returns(p, op, definition);
		break;
	case GSL_TAG_FUNCTION_OPERATOR:
		gsl_docgen_open_link(p->g, definition ? GSL_DT_DEFINE : GSL_DT_LINK, link);
		page_open(p, "big");
		page_open(p, "strong");
		symbol(p, op);
		page_close(p);
		page_close(p);
		page_close(p);
		page_text(p, "(");
		page_self(p, op);
		operands(p, &args, false);
		page_text(p, ")");
		page_returns(p, op, definition);
		break;
	case GSL_TAG_GETITEM:
		if (definition) {
			gsl_docgen_put(p->g, GSL_DT_DEFINE)->u.link.name = link;
		} else {
			gsl_docgen_open_link(p->g, GSL_DT_LINK, link);
			page_text(p, "# ");
			page_close(p);
		}
		subscript(p, op, &args);
		page_returns(p, op, definition);
		break;
	case GSL_TAG_SETITEM: {
		if (definition)
			gsl_docgen_put(p->g, GSL_DT_DEFINE)->u.link.name = link;
		else
			operator_link(p, op);
		/* `x[index] = value`: the last argument is the value. Without
		 * arguments (an error the front end reported), both are empty. */
		struct asps index = args, value = { 0 };
		if (args.n) {
			index.n = args.n - 1;
			value = (struct asps){ .v = args.v + index.n, .n = 1 };
		}
		subscript(p, op, &index);
		page_open(p, "strong");
		page_open(p, "big");
		page_text(p, " = ");
		page_close(p);
		page_close(p);
		page_arguments(p, &value);
		break;
	}
	default: /* DELITEM */
		if (definition) {
			gsl_docgen_open_link(p->g, GSL_DT_DEFINE, link);
			page_open(p, "strong");
			page_open(p, "big");
			page_text(p, "del ");
			page_close(p);
			page_close(p);
			page_close(p);
		} else {
			gsl_docgen_open_link(p->g, GSL_DT_LINK, link);
			page_text(p, "del ");
			page_close(p);
		}
		subscript(p, op, &args);
		break;
	}
	asps_free(p, &args);
}

void page_operator_def(struct page *p, const struct asp *op)
{
	bool indexing = op->tag == GSL_TAG_GETITEM || op->tag == GSL_TAG_SETITEM ||
			op->tag == GSL_TAG_DELITEM;
	if (indexing) {
		page_open(p, "dt");
		page_operator_ref(p, op, true);
		page_close(p);
		page_mapping_description(p, op);
		return;
	}
	page_open(p, "dd");
	page_operator_ref(p, op, true);
	page_open(p, "dl");
	page_mapping_description(p, op);
	page_close(p);
	page_close(p);
}

/* ---- Conditions ---------------------------------------------------------------- */

void page_condition_ref(struct page *p, const struct asp *cond, bool definition)
{
	gsl_docgen_open_link(p->g, definition ? GSL_DT_DEFINE : GSL_DT_LINK, asp_link(p, cond));
	page_open(p, "strong");
	page_open(p, "big");
	page_text(p, gsl_arena_printf(p->g->arena, "cond:%.*s", (int)cond->name->len,
				      cond->name->text));
	page_close(p);
	page_close(p);
	page_close(p);
	/* The parameters: its `.self` and `.arg`s as written. */
	struct gsl_buf params;
	gsl_buf_init(&params, p->g->ctx->mem);
	for (const struct gsl_node *c = cond->node->first_child; c; c = c->next) {
		if (c->tag != GSL_TAG_SELF && c->tag != GSL_TAG_ARG)
			continue;
		struct gsl_str a = gsl_node_arg_stripped(c);
		if (params.len)
			gsl_buf_puts(&params, ", ");
		gsl_buf_put(&params, a.ptr, a.len);
	}
	page_text(p, "(");
	if (params.len)
		page_text(p, gsl_arena_strndup(p->g->arena, params.data, params.len));
	page_text(p, ")");
	gsl_buf_free(&params);
}

/* `<dt><strong>label</strong><code>argument of n</code></dt>`. */
static void labelled_code(struct page *p, const char *label, const struct gsl_node *n)
{
	page_open(p, "dt");
	page_open(p, "strong");
	page_text(p, label);
	page_close(p);
	page_open(p, "code");
	struct gsl_str code = gsl_node_arg_stripped(n);
	gsl_docgen_textn(p->g, code.ptr, code.len);
	page_close(p);
	page_close(p);
}

void page_condition_def(struct page *p, const struct asp *cond)
{
	page_open(p, "dt");
	page_condition_ref(p, cond, true);
	page_close(p);
	p->level++;
	for (const struct gsl_node *c = cond->node->first_child; c; c = c->next) {
		if (c->flags & GSL_NODE_BAD_ARG)
			continue;
		if (asp_is_description(c->tag)) {
			page_description_dd(p, &(struct asp){ .tag = c->tag, .node = c, .at = cond->at });
		} else if (c->tag == GSL_TAG_PYTHON_CODE) {
			page_open(p, "dd");
			page_open(p, "dl");
			labelled_code(p, "Python code: ", c);
			bool any = false;
			for (const struct gsl_node *x = c->first_child; x; x = x->next) {
				if (x->tag != GSL_TAG_IN_CONTEXT)
					continue;
				if (!any) {
					page_open(p, "dd");
					page_open(p, "dl");
				}
				any = true;
				labelled_code(p, "in context: ", x);
			}
			if (any) {
				page_close(p);
				page_close(p);
			}
			page_close(p);
			page_close(p);
		}
	}
	p->level--;
}
