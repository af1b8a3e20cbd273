/* check.c: what may stand where in a specification, and the structure
 * that the grammar alone does not give: argument names, how many
 * arguments operators take, at most one `.self`, conditions called with
 * as many arguments as they have parameters. */
#include <string.h>

#include "buf.h"
#include "iter.h"
#include "resolve.h"

#define T(x) GSL_TAG_##x
#define END GSL_TAG_ROOT /* ends a list: ROOT is never a child */

static const uint8_t package_children[] = {
	T(AND), T(COMMENT), T(CONDITION), T(DOCUMENT), T(IMPORT), T(KIND), T(MACRO),
	T(SUPERKIND), T(INCLUDE), END };
static const uint8_t kind_children[] = {
	T(ATTRIBUTE), T(CONDITION), T(DESCRIPTION), T(DESCRIPTION_WITH_HEADER), T(COMMENT),
	T(CONSTRUCTOR), T(EXAMPLE), T(MAPPING), T(METHOD), T(OPERATOR), T(INPLACE_OPERATOR),
	T(REVERSE_OPERATOR), T(FUNCTION_OPERATOR), T(SELF), T(SUBKIND_OF), T(DELITEM),
	T(GETITEM), T(SETITEM), END };
static const uint8_t superkind_children[] = {
	T(COMMENT), T(DESCRIPTION), T(EXAMPLE), T(SUPERKIND_OF), END };
static const uint8_t import_children[] = {
	T(FROM), T(RESOLVE_BY), T(USING), T(COMMENT), END };
static const uint8_t attribute_children[] = {
	T(ATTRIBUTE), T(COMMENT), T(DESCRIPTION), T(DESCRIPTION_WITH_HEADER), T(EITHER),
	T(KIND_OF), T(MAPPING), T(METHOD), T(SELF), END };
static const uint8_t mapping_children[] = {
	T(ALT), T(ARG), T(ARGS), T(COMMENT), T(DESCRIPTION), T(DESCRIPTION_WITH_HEADER),
	T(EQUATION), T(DRAW), T(KEY_ARG), T(OPTIONALS), T(PRECONDITION), T(POSTCONDITION),
	T(REPEAT), T(RETURNS), T(SELF), T(SEQ), END };
static const uint8_t operator_children[] = {
	T(ARG), T(COMMENT), T(DESCRIPTION), T(DESCRIPTION_WITH_HEADER), T(EQUATION),
	T(POSTCONDITION), T(PRECONDITION), T(SELF), T(RETURNS), END };
static const uint8_t setitem_children[] = {
	T(ARG), T(COMMENT), T(DESCRIPTION), T(DESCRIPTION_WITH_HEADER), T(EQUATION),
	T(POSTCONDITION), T(PRECONDITION), T(SELF), END };
static const uint8_t arg_children[] = {
	T(COMMENT), T(DEFAULT), T(DESCRIPTION), T(SUPERKIND_OF), T(NAME), END };
static const uint8_t args_children[] = {
	T(COMMENT), T(DESCRIPTION), T(OPTIONALS), END };
static const uint8_t optionals_children[] = {
	T(ARG), T(ARGS), T(KEY_ARG), T(COMMENT), T(SEQ), T(ALT), T(REPEAT), T(DRAW),
	T(OPTIONALS), END };
static const uint8_t seq_children[] = {
	T(ARG), T(COMMENT), T(DESCRIPTION), T(OPTIONALS), T(KEY_ARG), T(ALT), T(REPEAT),
	T(SEQ), T(DRAW), T(ARGS), END };
static const uint8_t alt_children[] = {
	T(ARG), T(COMMENT), T(DESCRIPTION), T(KEY_ARG), T(NO_ARG), T(SEQ), T(OPTIONALS),
	T(REPEAT), T(ALT), T(DRAW), T(ARGS), END };
static const uint8_t repeat_children[] = {
	T(ALT), T(ARG), T(ARGS), T(COMMENT), T(DESCRIPTION), T(SEQ), T(KEY_ARG), END };
static const uint8_t draw_children[] = {
	T(COMMENT), T(DESCRIPTION), T(KEY_ARG), T(SEQ), END };
static const uint8_t returns_children[] = {
	T(ATTRIBUTE), T(COMMENT), T(DESCRIPTION), T(DESCRIPTION_WITH_HEADER), T(EITHER),
	T(MAPPING), T(METHOD), END };
static const uint8_t condition_children[] = {
	T(SELF), T(ARG), T(COMMENT), T(DESCRIPTION), T(PYTHON_CODE), END };
static const uint8_t code_children[] = {
	T(COMMENT), T(DESCRIPTION), T(IN_CONTEXT), END };
static const uint8_t described_children[] = { T(COMMENT), T(DESCRIPTION), END };
static const uint8_t equation_children[] = {
	T(COMMENT), T(DESCRIPTION), T(PRECONDITION), T(POSTCONDITION), END };
static const uint8_t leaf_children[] = { T(COMMENT), END };

/* What may stand under a node with the given tag, in a specification;
 * NULL where children are free (documents, descriptions). */
static const uint8_t *allowed_under(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_ROOT: return package_children;
	case GSL_TAG_KIND: return kind_children;
	case GSL_TAG_SUPERKIND: return superkind_children;
	case GSL_TAG_IMPORT: return import_children;
	case GSL_TAG_ATTRIBUTE: return attribute_children;
	case GSL_TAG_METHOD:
	case GSL_TAG_MAPPING: return mapping_children;
	case GSL_TAG_OPERATOR:
	case GSL_TAG_INPLACE_OPERATOR:
	case GSL_TAG_REVERSE_OPERATOR:
	case GSL_TAG_FUNCTION_OPERATOR:
	case GSL_TAG_GETITEM: return operator_children;
	case GSL_TAG_SETITEM:
	case GSL_TAG_DELITEM: return setitem_children;
	case GSL_TAG_ARG:
	case GSL_TAG_KEY_ARG: return arg_children;
	case GSL_TAG_ARGS: return args_children;
	case GSL_TAG_OPTIONALS: return optionals_children;
	case GSL_TAG_SEQ: return seq_children;
	case GSL_TAG_ALT: return alt_children;
	case GSL_TAG_REPEAT: return repeat_children;
	case GSL_TAG_DRAW: return draw_children;
	case GSL_TAG_RETURNS: return returns_children;
	case GSL_TAG_CONDITION: return condition_children;
	case GSL_TAG_PYTHON_CODE:
	case GSL_TAG_EXAMPLE: return code_children;
	case GSL_TAG_CONSTRUCTOR:
	case GSL_TAG_SUBKIND_OF:
	case GSL_TAG_PRECONDITION:
	case GSL_TAG_POSTCONDITION: return described_children;
	case GSL_TAG_EQUATION: return equation_children;
	case GSL_TAG_DOCUMENT:
	case GSL_TAG_MACRO:
	case GSL_TAG_DESCRIPTION:
	case GSL_TAG_DESCRIPTION_WITH_HEADER:
	case GSL_TAG_DEFAULT:
	case GSL_TAG_COMMENT: return NULL;
	default: return leaf_children;
	}
}

/* For the children of `.and: X`: what may stand under X's definition. */
static const uint8_t *allowed_under_and(const struct gsl_node *and)
{
	const struct gsl_subject *s = and->flags & GSL_NODE_BAD_ARG || !and->u.names
		? NULL : gsl_subject_target(and->u.names->ref);
	if (!s)
		return NULL;
	switch (s->kind) {
	case GSL_SUBJECT_SUPERKIND: return superkind_children;
	case GSL_SUBJECT_CONDITION: return condition_children;
	default: return kind_children;
	}
}

static bool in_list(const uint8_t *list, enum gsl_tag tag)
{
	for (; *list != END; list++)
		if (*list == tag)
			return true;
	return false;
}

static void not_allowed(struct gsl_model *m, const struct gsl_node *n, const struct gsl_node *parent,
			const uint8_t *list)
{
	struct gsl_buf b;
	gsl_buf_init(&b, m->ctx->mem);
	char words[GSL_TAG_WORDS_MAX];
	for (const uint8_t *t = list; *t != END; t++)
		gsl_buf_printf(&b, "%s%s", t == list ? "" : ", ", gsl_tag_words(*t, words));
	struct gsl_str tag = gsl_node_tag(n);
	if (n->tag != GSL_TAG_MARKUP && n->tag != GSL_TAG_HTMLATTR) {
		gsl_tag_words(n->tag, words);
		tag = (struct gsl_str){ words, strlen(words) };
	}
	char pwords[GSL_TAG_WORDS_MAX];
	if (parent->tag == GSL_TAG_ROOT)
		gsl_error(m->ctx, gsl_node_loc(n), "'%.*s' is not allowed at the top of a file; "
			  "allowed there: %s", (int)tag.len, tag.ptr, gsl_buf_cstr(&b));
	else
		gsl_error(m->ctx, gsl_node_loc(n), "'%.*s' is not allowed in '%s'; allowed there: %s",
			  (int)tag.len, tag.ptr, gsl_tag_words(parent->tag, pwords), gsl_buf_cstr(&b));
	gsl_buf_free(&b);
}

/* ---- Argument structure -------------------------------------------------- */

/* The fewest and most positional arguments a grammar takes. */
struct count {
	uint32_t min;
	uint32_t max; /* UINT32_MAX: unbounded */
};

static uint32_t add_max(uint32_t a, uint32_t b)
{
	return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

static uint32_t mul_max(uint32_t a, int32_t times)
{
	if (times == GSL_UNBOUNDED)
		return a ? UINT32_MAX : 0;
	return a && (uint32_t)times > UINT32_MAX / a ? UINT32_MAX : a * (uint32_t)times;
}

/* Combines the count of a finished grammar node with its children's,
 * which were accumulated into *acc (as a sequence, or as alternatives
 * for alt). Optionals nest: [a [b [c]]] takes 0 to 3. */
static struct count finish(const struct gsl_node *n, struct count acc, struct count alt)
{
	switch (n->tag) {
	case GSL_TAG_ARG:
		return (struct count){ 1, 1 };
	case GSL_TAG_ARGS: {
		uint32_t k = 0;
		for (const struct gsl_name *x = n->flags & GSL_NODE_BAD_ARG ? NULL : n->u.names; x; x = x->next)
			k++;
		return (struct count){ acc.min + k, add_max(acc.max, k) };
	}
	case GSL_TAG_OPTIONALS:
	case GSL_TAG_DRAW:
		return (struct count){ 0, acc.max };
	case GSL_TAG_ALT:
		return alt;
	case GSL_TAG_REPEAT: {
		struct gsl_range r = n->flags & GSL_NODE_BAD_ARG ? (struct gsl_range){ 1, 1 } : n->u.range;
		return (struct count){ acc.min * (uint32_t)r.min, mul_max(acc.max, r.max) };
	}
	default: /* seq; key args and no arg take no positional argument */
		return acc;
	}
}

/* The positional argument count of a mapping-like node, computed with
 * an explicit stack (grammars may nest deeply). */
static struct count count_args(struct gsl_model *m, const struct gsl_node *mapping)
{
	struct frame {
		struct count seq;  /* children so far, in sequence */
		struct count alt;  /* children so far, as alternatives */
		bool any;          /* an alternative was seen */
	} *stack = NULL;
	size_t depth = 0, cap = 0;
	struct gsl_iter it;
	gsl_iter_init(&it, mapping);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		const struct gsl_node *n = it.node;
		if (n != mapping && !gsl_tag_is_grammar(n->tag)) {
			if (ev == GSL_EVENT_ENTER)
				gsl_iter_skip_children(&it);
			continue;
		}
		if (ev == GSL_EVENT_ENTER) {
			if (depth == cap) {
				cap = cap ? 2 * cap : 16;
				stack = gsl_xrealloc(m->ctx->mem, stack, cap * sizeof *stack);
			}
			stack[depth++] = (struct frame){ { 0, 0 }, { UINT32_MAX, 0 }, false };
			continue;
		}
		struct frame f = stack[--depth];
		if (!f.any)
			f.alt = (struct count){ 0, 0 };
		struct count c = finish(n, f.seq, f.alt);
		if (!depth) {
			gsl_xfree(m->ctx->mem, stack);
			return c;
		}
		struct frame *p = &stack[depth - 1];
		p->seq = (struct count){ p->seq.min + c.min, add_max(p->seq.max, c.max) };
		p->alt.min = c.min < p->alt.min ? c.min : p->alt.min;
		p->alt.max = c.max > p->alt.max ? c.max : p->alt.max;
		p->any = true;
	}
	gsl_xfree(m->ctx->mem, stack);
	return (struct count){ 0, 0 };
}

/* op, iop and rop take one argument; fop none; getitem and delitem at
 * least one, setitem at least two (the keys and the value). */
static void check_operator(struct gsl_model *m, const struct gsl_node *n)
{
	uint32_t min, max;
	switch (n->tag) {
	case GSL_TAG_OPERATOR:
	case GSL_TAG_INPLACE_OPERATOR:
	case GSL_TAG_REVERSE_OPERATOR:
		min = max = 1;
		break;
	case GSL_TAG_FUNCTION_OPERATOR:
		min = max = 0;
		break;
	case GSL_TAG_SETITEM:
		min = 2, max = UINT32_MAX;
		break;
	default:
		min = 1, max = UINT32_MAX;
		break;
	}
	struct count c = count_args(m, n);
	char words[GSL_TAG_WORDS_MAX];
	const char *tag = gsl_tag_words(n->tag, words);
	if (min == max && (c.min != min || c.max != max))
		gsl_error(m->ctx, gsl_node_loc(n), "'%s' takes %u argument%s", tag, min,
			  min == 1 ? "" : "s");
	else if (c.min < min)
		gsl_error(m->ctx, gsl_node_loc(n), "'%s' takes at least %u argument%s", tag, min,
			  min == 1 ? "" : "s");
}

static void check_argspec(struct gsl_model *m, const struct gsl_node *n)
{
	if (n->flags & GSL_NODE_BAD_ARG)
		return;
	const struct gsl_node *named = NULL;
	for (const struct gsl_node *c = n->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_NAME) {
			if (named || n->u.argspec->name)
				gsl_error(m->ctx, gsl_node_loc(c), "the argument already has a name");
			named = c;
		}
	if (n->tag == GSL_TAG_KEY_ARG && !n->u.argspec->name)
		gsl_error(m->ctx, gsl_node_loc(n), "a keyword argument needs a name: "
			  "'.key arg: name: kind'");
	else if (!n->u.argspec->name && !named)
		gsl_error(m->ctx, gsl_node_loc(n), "the argument has no name: write "
			  "'.arg: name: kind' or give a '.name' child");
}

/* Counts the parameters of a condition: its `.self` and `.arg`s. */
static int parameters(const struct gsl_subject *cond)
{
	int n = 0;
	for (const struct gsl_node *c = cond->node->first_child; c; c = c->next)
		n += c->tag == GSL_TAG_SELF || c->tag == GSL_TAG_ARG;
	return n;
}

static void check_condref(struct gsl_model *m, const struct gsl_node *n)
{
	if (n->flags & GSL_NODE_BAD_ARG || !n->u.cond->cond->ref)
		return;
	const struct gsl_subject *cond = n->u.cond->cond->ref;
	int given = 0;
	for (const struct gsl_name *a = n->u.cond->args; a; a = a->next)
		given++;
	int want = parameters(cond);
	if (given != want)
		gsl_error(m->ctx, n->u.cond->cond->loc, "condition '%.*s' has %d parameter%s, "
			  "given %d argument%s", (int)cond->name->len, cond->name->text, want,
			  want == 1 ? "" : "s", given, given == 1 ? "" : "s");
}

static void check_once(struct gsl_model *m, const struct gsl_node *n, enum gsl_tag tag)
{
	const struct gsl_node *first = NULL;
	for (const struct gsl_node *c = n->first_child; c; c = c->next)
		if (c->tag == tag) {
			if (first) {
				char w1[GSL_TAG_WORDS_MAX], w2[GSL_TAG_WORDS_MAX];
				gsl_error(m->ctx, gsl_node_loc(c), "second '%s' in '%s'",
					  gsl_tag_words(tag, w1), gsl_tag_words(n->tag, w2));
				gsl_note(m->ctx, gsl_node_loc(first), "the first is here");
			}
			first = c;
		}
}

static void check_node(struct gsl_model *m, const struct gsl_node *n)
{
	if (gsl_tag_is_operator(n->tag)) {
		check_operator(m, n);
		check_once(m, n, GSL_TAG_SELF);
		return;
	}
	switch (n->tag) {
	case GSL_TAG_ARG:
	case GSL_TAG_KEY_ARG:
		check_argspec(m, n);
		break;
	case GSL_TAG_PRECONDITION:
	case GSL_TAG_POSTCONDITION:
		check_condref(m, n);
		break;
	case GSL_TAG_EXAMPLE:
	case GSL_TAG_PYTHON_CODE:
		check_once(m, n, GSL_TAG_IN_CONTEXT);
		break;
	case GSL_TAG_KIND:
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
	case GSL_TAG_MAPPING:
		check_once(m, n, GSL_TAG_SELF);
		break;
	default:
		break;
	}
}

void gsl_check_package(struct gsl_model *m, struct gsl_package *pkg)
{
	struct gsl_iter it;
	gsl_iter_init(&it, pkg->root);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		const struct gsl_node *n = it.node;
		if (ev != GSL_EVENT_ENTER)
			continue;
		const struct gsl_node *parent = n->parent;
		if (parent) {
			const uint8_t *list = parent->tag == GSL_TAG_AND ? allowed_under_and(parent)
									  : allowed_under(parent->tag);
			if (list && !in_list(list, n->tag)) {
				if (n->tag == GSL_TAG_TEXT && parent->tag == GSL_TAG_ROOT)
					gsl_error(m->ctx, gsl_node_loc(n), "text before the first markup "
						  "line; a specification starts with a line like '.kind:: K'");
				else
					not_allowed(m, n, parent, list);
				gsl_iter_skip_children(&it);
				continue;
			}
		}
		/* Free markup below here: documents, macros, descriptions. */
		if (n != pkg->root && !allowed_under(n->tag) && n->tag != GSL_TAG_AND) {
			gsl_iter_skip_children(&it);
			continue;
		}
		check_node(m, n);
	}
}
