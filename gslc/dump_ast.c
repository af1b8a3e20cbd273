/* dump_ast.c: the syntax tree as JSON, one object per node with its tag,
 * location, argument and parsed structure. */
#include "dump.h"
#include "iter.h"
#include "model.h"

static void str(struct gsl_json *j, struct gsl_str s)
{
	gsl_json_string(j, s.ptr, s.len);
}

/* A name; in a model dump, with what it refers to. */
static void name_value(struct gsl_json *j, struct gsl_model *m, const struct gsl_name *n)
{
	if (!m) {
		str(j, gsl_name_str(n));
		return;
	}
	gsl_json_object(j);
	gsl_json_key(j, "name");
	str(j, gsl_name_str(n));
	gsl_json_key(j, "ref");
	gsl_json_cstring(j, n->ref ? gsl_subject_tgt(m, n->ref) : NULL);
	gsl_json_end(j);
}

static void names(struct gsl_json *j, struct gsl_model *m, const char *key,
		  const struct gsl_name *n)
{
	gsl_json_key(j, key);
	gsl_json_array(j);
	for (; n; n = n->next)
		name_value(j, m, n);
	gsl_json_end(j);
}

static void name(struct gsl_json *j, struct gsl_model *m, const char *key,
		 const struct gsl_name *n)
{
	gsl_json_key(j, key);
	if (n)
		name_value(j, m, n);
	else
		gsl_json_null(j);
}

static void parsed(struct gsl_json *j, struct gsl_model *m, const struct gsl_node *n)
{
	if (n->flags & GSL_NODE_BAD_ARG) {
		gsl_json_key(j, "bad_arg");
		gsl_json_bool(j, true);
		return;
	}
	switch (gsl_node_syntax(n)) {
	case GSL_SYNTAX_TEXT:
		break;
	case GSL_SYNTAX_NAMES:
	case GSL_SYNTAX_NAME:
		names(j, m, "names", n->u.names);
		break;
	case GSL_SYNTAX_ARGSPEC:
		name(j, m, "name", n->u.argspec->name);
		name(j, m, "kind", n->u.argspec->kind);
		break;
	case GSL_SYNTAX_RANGE:
		gsl_json_key(j, "min");
		gsl_json_int(j, n->u.range.min);
		gsl_json_key(j, "max");
		if (n->u.range.max == GSL_UNBOUNDED)
			gsl_json_null(j);
		else
			gsl_json_int(j, n->u.range.max);
		break;
	case GSL_SYNTAX_COND:
		gsl_json_key(j, "negated");
		gsl_json_bool(j, n->u.cond->negated);
		name(j, m, "condition", n->u.cond->cond);
		names(j, m, "args", n->u.cond->args);
		break;
	}
}

static void enter(struct gsl_json *j, struct gsl_model *m, const struct gsl_node *n)
{
	gsl_json_object(j);
	gsl_json_key(j, "tag");
	str(j, gsl_node_tag(n));
	if (n->tag == GSL_TAG_MARKUP || n->tag == GSL_TAG_HTMLATTR) {
		gsl_json_key(j, "form");
		gsl_json_cstring(j, n->tag == GSL_TAG_MARKUP ? "markup" : "attribute");
	}
	if (n->tag != GSL_TAG_ROOT) {
		gsl_json_key(j, "line");
		gsl_json_int(j, n->line);
		gsl_json_key(j, "col");
		gsl_json_int(j, n->col);
	}
	if (n->flags & GSL_NODE_DEFINITION) {
		gsl_json_key(j, "definition");
		gsl_json_bool(j, true);
	}
	if (n->arg_len) {
		gsl_json_key(j, "arg");
		str(j, gsl_node_arg(n));
	}
	parsed(j, m, n);
	if (n->first_child) {
		gsl_json_key(j, "children");
		gsl_json_array(j);
	}
}

void gsl_dump_tree(struct gsl_json *j, struct gsl_model *model, const struct gsl_node *root)
{
	struct gsl_iter it;
	gsl_iter_init(&it, root);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		if (ev == GSL_EVENT_ENTER) {
			enter(j, model, it.node);
		} else {
			if (it.node->first_child)
				gsl_json_end(j);
			gsl_json_end(j);
		}
	}
}

void gsl_dump_ast(struct gsl_ctx *ctx, const struct gsl_node *root, struct gsl_buf *out)
{
	(void)ctx;
	struct gsl_json j;
	gsl_json_init(&j, out);
	gsl_dump_tree(&j, NULL, root);
	gsl_json_finish(&j);
}
