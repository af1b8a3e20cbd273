/* mapping.c: callable aspects in man pages: argument lists with their
 * parameter modes (section 6.6 of the language reference), the
 * description of a mapping (6.7), operators (6.4, 6.5) and conditions
 * (6.8). */
#include "manpage.h"

#include <string.h>

/* The argument aspects of x (arguments, argument groups, and the kinds
 * an `.args` lists). */
static void arguments_of(struct page *p, const struct place *pl, struct asps *out)
{
	struct asps all = { 0 };
	asp_aspects(p, pl, GSL_TAG_ROOT, &all);
	for (size_t i = 0; i < all.n; i++)
		if (asp_is_argument(all.v[i].tag) || all.v[i].tag == GSL_TAG_KIND ||
		    all.v[i].tag == GSL_TAG_SUPERKIND)
			asps_add(p, out, all.v[i]);
	asps_free(p, &all);
}

/* ---- Argument lists -------------------------------------------------------- */

/* An argument list being written: what separates the next item. */
struct arglist {
	struct page *p;
	const char *pending;  /* NULL, ", " or " " */
};

static void sep(struct arglist *l)
{
	if (l->pending)
		page_text(l->p, l->pending);
	l->pending = ", ";
}

static void lbracket(struct arglist *l, const char *b)
{
	if (l->pending)
		page_text(l->p, " ");
	page_text(l->p, b);
	l->pending = NULL;
}

static void rbracket(struct arglist *l, const char *b)
{
	page_text(l->p, b);
	l->pending = " ";
}

/* A mode word raised and bold: `alt:`, `0..*:`, ` or `. */
static void raised(struct page *p, const char *s)
{
	page_open(p, "sup");
	page_open(p, "strong");
	page_text(p, s);
	page_close(p);
	page_close(p);
}

static void item(struct arglist *l, const struct asp *a);

/* The items of a list, the groups `.args` and `.seq` spread out. */
static void items(struct arglist *l, const struct asps *list)
{
	for (size_t i = 0; i < list->n; i++) {
		const struct asp *a = &list->v[i];
		if (a->tag != GSL_TAG_ARGS && a->tag != GSL_TAG_SEQ) {
			item(l, a);
			continue;
		}
		if (!page_enter(l->p, a))
			continue;
		struct place pl = asp_place(a);
		struct asps inner = { 0 };
		arguments_of(l->p, &pl, &inner);
		items(l, &inner);
		asps_free(l->p, &inner);
		page_leave(l->p);
	}
}

/* Alternatives (or a sequence) separated by s. */
static void choices(struct arglist *l, const struct asps *list, const char *s, bool raise)
{
	for (size_t i = 0; i < list->n; i++) {
		if (i) {
			if (raise)
				raised(l->p, s);
			else
				page_text(l->p, s);
			l->pending = NULL;
		}
		item(l, &list->v[i]);
	}
}

/* A group with a mode (`alt:`, `seq:`, `draw:`, `m..n:`): the mode, then
 * its items, in brackets unless there is one. */
static void group(struct arglist *l, const char *mode, const struct asps *list,
		  const char *s, bool raise)
{
	if (mode) {
		page_text(l->p, " ");
		raised(l->p, gsl_arena_printf(l->p->g->arena, "%s:", mode));
		l->pending = NULL;
	}
	if (list->n != 1)
		lbracket(l, "[");
	else
		l->pending = NULL;
	if (s)
		choices(l, list, s, raise);
	else
		items(l, list);
	if (list->n != 1)
		rbracket(l, "]");
}

static void item(struct arglist *l, const struct asp *a)
{
	struct page *p = l->p;
	if (a->tag == GSL_TAG_ARG || a->tag == GSL_TAG_KEY_ARG) {
		sep(l);
		page_argument(p, a);
		return;
	}
	if (a->tag == GSL_TAG_KIND || a->tag == GSL_TAG_SUPERKIND) {
		sep(l);
		page_ref(p, a);
		return;
	}
	if (a->tag == GSL_TAG_NO_ARG) {
		page_text(p, "[]");
		return;
	}
	if (!page_enter(p, a))
		return;
	struct place pl = asp_place(a);
	struct asps list = { 0 };
	arguments_of(p, &pl, &list);
	switch (a->tag) {
	case GSL_TAG_ALT:
		group(l, "alt", &list, " or ", true);
		break;
	case GSL_TAG_SEQ:
		group(l, "seq", &list, " , ", false);
		break;
	case GSL_TAG_DRAW:
		if (list.n > 1) {
			group(l, "draw", &list, " , ", false);
		} else if (list.n) {
			lbracket(l, " [");
			item(l, &list.v[0]);
			rbracket(l, "]");
		}
		break;
	case GSL_TAG_OPTIONALS:
		for (size_t i = 0; i < list.n; i++) {
			lbracket(l, " [");
			item(l, &list.v[i]);
		}
		if (list.n) {
			char *closing = gsl_arena_alloc(p->g->arena, list.n + 1);
			memset(closing, ']', list.n);
			rbracket(l, closing);
		}
		break;
	case GSL_TAG_REPEAT: {
		struct gsl_str range = gsl_node_arg_stripped(a->node);
		group(l, gsl_arena_strndup(p->g->arena, range.ptr, range.len), &list, NULL, false);
		break;
	}
	default:
		items(l, &list);
		break;
	}
	asps_free(p, &list);
	page_leave(p);
}

/* The argument list of x, without the parentheses. */
static void arguments(struct page *p, const struct asps *list)
{
	struct arglist l = { .p = p };
	items(&l, list);
}

/* The name of an argument: given on its line or by a `.name`; "?" if
 * neither. */
static struct gsl_str argument_name(const struct asp *a)
{
	const struct gsl_argspec *spec = a->node->u.argspec;
	if (spec->name)
		return gsl_name_str(spec->name);
	for (const struct gsl_node *c = a->node->first_child; c; c = c->next)
		if (c->tag == GSL_TAG_NAME && !(c->flags & GSL_NODE_BAD_ARG) && c->u.names)
			return gsl_name_str(c->u.names);
	return (struct gsl_str){ "?", 1 };
}

void page_argument(struct page *p, const struct asp *a)
{
	struct gsl_str name = argument_name(a);
	page_open(p, a->tag == GSL_TAG_ARG ? "var" : "code");
	gsl_docgen_textn(p->g, name.ptr, name.len);
	page_close(p);
	if (a->tag == GSL_TAG_ARG) {
		page_colon(p);
	} else {
		page_open(p, "strong");
		gsl_docgen_char(p->g, "nbsp");
		page_text(p, "=");
		gsl_docgen_char(p->g, "nbsp");
		page_close(p);
	}
	/* Its kind: the one given, or those it is a superkind of. */
	struct place pl = asp_place(a);
	struct asps kinds = { 0 };
	if (a->node->u.argspec->kind) {
		struct asp k = { .tag = GSL_TAG_KIND, .at = &pl, .name = a->node->u.argspec->kind,
				 .kind = a->node->u.argspec->kind->ref };
		if (gsl_subject_is_superkind(k.kind))
			k.tag = GSL_TAG_SUPERKIND;
		asps_add(p, &kinds, k);
	}
	asp_aspects(p, &pl, GSL_TAG_SUPERKIND_OF, &kinds);
	if (kinds.n == 1) {
		page_ref(p, &kinds.v[0]);
	} else {
		struct asp any = { .tag = GSL_TAG_KIND, .synthetic = true, .parts = kinds.v,
				   .nparts = (uint32_t)kinds.n };
		page_kind_list(p, &any, false);
	}
	asps_free(p, &kinds);
}

/* ---- Returns ------------------------------------------------------------------- */

void page_returns(struct page *p, const struct asp *m, bool definition)
{
	struct place pl = asp_place(m);
	struct asps rets = { 0 };
	asp_aspects(p, &pl, GSL_TAG_RETURNS, &rets);
	if (!rets.n)
		return;
	gsl_docgen_put(p->g, GSL_DT_MAPSTO);
	/* The kind of each `.returns`, then the kind made of those. */
	struct asps *parts = gsl_xmalloc(p->g->ctx->mem, rets.n * sizeof *parts);
	struct place *places = gsl_xmalloc(p->g->ctx->mem, rets.n * sizeof *places);
	struct asps kinds = { 0 };
	for (size_t i = 0; i < rets.n; i++) {
		parts[i] = (struct asps){ 0 };
		places[i] = asp_place(&rets.v[i]);
		asp_kind_parts(p, &places[i], &parts[i]);
		asps_add(p, &kinds, asp_and_kind(&parts[i]));
	}
	struct asp kind = asp_and_kind(&kinds);
	if (definition)
		page_def(p, &kind);
	else
		page_ref(p, &kind);
	for (size_t i = 0; i < rets.n; i++)
		asps_free(p, &parts[i]);
	gsl_xfree(p->g->ctx->mem, parts);
	gsl_xfree(p->g->ctx->mem, places);
	asps_free(p, &kinds);
	asps_free(p, &rets);
}

void page_mapping_kind(struct page *p, const struct asp *m, bool definition, bool with_self)
{
	if (with_self)
		page_self_name(p, m);
	struct place pl = asp_place(m);
	struct asps args = { 0 };
	arguments_of(p, &pl, &args);
	page_text(p, "(");
	arguments(p, &args);
	page_text(p, ")");
	asps_free(p, &args);
	page_returns(p, m, definition);
}

/* ---- Mapping descriptions ----------------------------------------------------- */

/* The named arguments of x, found through its groups. */
static void named_arguments(struct page *p, const struct asp *x, struct asps *out)
{
	if (!page_enter(p, x))
		return;
	struct place pl = asp_place(x);
	struct asps list = { 0 };
	arguments_of(p, &pl, &list);
	for (size_t i = 0; i < list.n; i++) {
		const struct asp *a = &list.v[i];
		if (a->tag == GSL_TAG_ARG || a->tag == GSL_TAG_KEY_ARG)
			asps_add(p, out, *a);
		else if (a->node)
			named_arguments(p, a, out);
	}
	asps_free(p, &list);
	page_leave(p);
}

/* `Argument[s]`: each named argument with its descriptions. One without
 * descriptions is left out when another of its name has them. */
static void argument_descriptions(struct page *p, const struct asp *m)
{
	struct asps named = { 0 };
	named_arguments(p, m, &named);
	struct asps *descs = gsl_xmalloc(p->g->ctx->mem, (named.n + 1) * sizeof *descs);
	struct place *places = gsl_xmalloc(p->g->ctx->mem, (named.n + 1) * sizeof *places);
	size_t described = 0;
	for (size_t i = 0; i < named.n; i++) {
		descs[i] = (struct asps){ 0 };
		places[i] = asp_place(&named.v[i]);
		asp_aspects(p, &places[i], GSL_TAG_DESCRIPTION, &descs[i]);
	}
	/* Count the distinct described (tag, name) pairs. */
	for (size_t i = 0; i < named.n; i++) {
		if (!descs[i].n)
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = descs[j].n && named.v[j].tag == named.v[i].tag &&
			       gsl_str_equal(argument_name(&named.v[j]), argument_name(&named.v[i]));
		described += !seen;
	}
	if (described) {
		page_outer_dt(p, described > 1 ? "Arguments" : "Argument");
		page_open(p, "dd");
		page_open(p, "dl");
		for (size_t i = 0; i < named.n; i++) {
			bool elsewhere = false;
			for (size_t j = 0; j < named.n && !descs[i].n && !elsewhere; j++)
				elsewhere = descs[j].n && named.v[j].tag == named.v[i].tag &&
					    gsl_str_equal(argument_name(&named.v[j]),
							  argument_name(&named.v[i]));
			if (elsewhere)
				continue;
			page_open(p, "dt");
			page_argument(p, &named.v[i]);
			page_close(p);
			for (size_t k = 0; k < descs[i].n; k++)
				page_description_dd(p, &descs[i].v[k]);
		}
		page_close(p);
		page_close(p);
	}
	for (size_t i = 0; i < named.n; i++)
		asps_free(p, &descs[i]);
	gsl_xfree(p->g->ctx->mem, descs);
	gsl_xfree(p->g->ctx->mem, places);
	asps_free(p, &named);
}

/* A condition as a mapping refers to it: `[not ]Owner.cond:name(a, b)`. */
static void condition_use(struct page *p, const struct asp *c)
{
	const struct gsl_condref *ref = c->node->u.cond;
	if (ref->negated)
		page_text(p, "not ");
	const struct gsl_subject *cond = ref->cond->ref;
	if (cond) {
		gsl_docgen_open_link(p->g, GSL_DT_LINK, gsl_docgen_link_name(p->g, cond));
		struct gsl_str owner = cond->owner ? gsl_subject_name(cond->owner)
			: (struct gsl_str){ cond->pkg->name, strlen(cond->pkg->name) };
		if (!cond->owner && strrchr(cond->pkg->name, '.')) {
			owner.ptr = strrchr(cond->pkg->name, '.') + 1;
			owner.len = strlen(owner.ptr);
		}
		page_text(p, gsl_arena_printf(p->g->arena, "%.*s.cond:%.*s", (int)owner.len,
					      owner.ptr, (int)cond->name->len, cond->name->text));
		page_close(p);
	} else {
		gsl_docgen_textn(p->g, ref->cond->text, ref->cond->len);
	}
	page_text(p, "(");
	for (const struct gsl_name *a = ref->args; a; a = a->next) {
		if (a != ref->args)
			page_text(p, ", ");
		if (a->len >= 2 && a->text[0] == '<' && a->text[a->len - 1] == '>') {
			page_open(p, "em");
			gsl_docgen_textn(p->g, a->text + 1, a->len - 2);
			page_close(p);
		} else {
			gsl_docgen_textn(p->g, a->text, a->len);
		}
	}
	page_text(p, ")");
}

/* `Precondition[s]` or `Postcondition[s]` of m, with their descriptions. */
static void conditions(struct page *p, const struct asp *m, enum gsl_tag which)
{
	struct place pl = asp_place(m);
	struct asps conds = { 0 };
	asp_aspects(p, &pl, which, &conds);
	page_open(p, "dd");
	page_open(p, "dl");
	if (conds.n) {
		page_open(p, "dt");
		page_open(p, "strong");
		if (which == GSL_TAG_PRECONDITION)
			page_text(p, conds.n > 1 ? "Preconditions" : "Precondition");
		else
			page_text(p, conds.n > 1 ? "Postconditions" : "Postcondition");
		page_close(p);
		page_close(p);
		page_open(p, "dd");
		page_open(p, "dl");
		for (size_t i = 0; i < conds.n; i++) {
			page_open(p, "dt");
			condition_use(p, &conds.v[i]);
			page_close(p);
			struct place cpl = asp_place(&conds.v[i]);
			struct asps ds = { 0 };
			asp_aspects(p, &cpl, GSL_TAG_DESCRIPTION, &ds);
			for (size_t k = 0; k < ds.n; k++)
				page_description_dd(p, &ds.v[k]);
			asps_free(p, &ds);
		}
		page_close(p);
		page_close(p);
	}
	page_close(p);
	page_close(p);
	asps_free(p, &conds);
}

/* `Equation`: its descriptions, and `pre: c == post: d ...`. */
static void equation(struct page *p, const struct asp *e)
{
	page_open(p, "dd");
	page_open(p, "dl");
	page_open(p, "dt");
	page_open(p, "strong");
	page_text(p, "Equation");
	page_close(p);
	page_close(p);
	page_open(p, "dd");
	page_open(p, "dl");
	struct place pl = asp_place(e);
	struct asps all = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &all);
	bool conditions_done = false;
	for (size_t i = 0; i < all.n; i++) {
		if (asp_is_description(all.v[i].tag)) {
			page_description_dd(p, &all.v[i]);
			continue;
		}
		if (conditions_done)
			continue;
		conditions_done = true;
		page_open(p, "dt");
		size_t last = 0;
		for (size_t k = 0; k < all.n; k++)
			if (all.v[k].tag == GSL_TAG_PRECONDITION || all.v[k].tag == GSL_TAG_POSTCONDITION)
				last = k;
		for (size_t k = 0; k < all.n; k++) {
			const struct asp *c = &all.v[k];
			if (c->tag != GSL_TAG_PRECONDITION && c->tag != GSL_TAG_POSTCONDITION)
				continue;
			page_open(p, "strong");
			page_open(p, "sup");
			page_text(p, c->tag == GSL_TAG_PRECONDITION ? "pre:" : "post:");
			page_close(p);
			page_close(p);
			condition_use(p, c);
			if (k != last) {
				page_open(p, "big");
				page_text(p, " == ");
				page_close(p);
			}
		}
		page_close(p);
	}
	asps_free(p, &all);
	page_close(p);
	page_close(p);
	page_close(p);
	page_close(p);
}

void page_mapping_description(struct page *p, const struct asp *m)
{
	struct place pl = asp_place(m);
	struct asps all = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &all);
	bool args_done = false, pre_done = false, post_done = false;
	p->level++;
	for (size_t i = 0; i < all.n; i++) {
		const struct asp *a = &all.v[i];
		if (asp_is_description(a->tag)) {
			page_description_dd(p, a);
		} else if (a->tag == GSL_TAG_RETURNS) {
			struct place rpl = asp_place(a);
			struct asps ds = { 0 };
			asp_aspects(p, &rpl, GSL_TAG_DESCRIPTION, &ds);
			if (ds.n) {
				page_open(p, "dd");
				page_open(p, "dl");
				page_open(p, "dt");
				page_open(p, "strong");
				page_text(p, "Returns ");
				page_close(p);
				page_doc(p, &ds.v[0]);
				page_close(p);
				for (size_t k = 1; k < ds.n; k++)
					page_description_dd(p, &ds.v[k]);
				page_close(p);
				page_close(p);
			}
			asps_free(p, &ds);
		} else if (a->tag == GSL_TAG_PRECONDITION || a->tag == GSL_TAG_POSTCONDITION) {
			bool *done = a->tag == GSL_TAG_PRECONDITION ? &pre_done : &post_done;
			if (!*done)
				conditions(p, m, a->tag);
			*done = true;
		} else if (a->tag == GSL_TAG_EQUATION) {
			equation(p, a);
		} else if (!args_done) {
			/* The first other aspect (arguments, self ...) describes
			 * the arguments, even when none has descriptions. */
			page_open(p, "dd");
			page_open(p, "dl");
			argument_descriptions(p, m);
			page_close(p);
			page_close(p);
			args_done = true;
		}
	}
	p->level--;
	asps_free(p, &all);
}

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
static void operands(struct page *p, const struct asps *args, size_t from, size_t to, bool spaced)
{
	for (size_t i = from; i < to; i++) {
		if (spaced)
			page_text(p, " ");
		if (args->v[i].tag == GSL_TAG_ARG)
			page_argument(p, &args->v[i]);
		else
			page_ref(p, &args->v[i]);
	}
}

void page_operator_ref(struct page *p, const struct asp *op, bool definition)
{
	struct place pl = asp_place(op);
	struct asps args = { 0 };
	arguments_of(p, &pl, &args);
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
		operands(p, &args, 0, args.n, true);
		page_returns(p, op, definition);
		break;
	case GSL_TAG_REVERSE_OPERATOR:
		if (definition)
			gsl_docgen_put(p->g, GSL_DT_DEFINE)->u.link.name = link;
		else
			operator_link(p, op);
		operands(p, &args, 0, args.n, false);
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
		operands(p, &args, 0, args.n, false);
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
		page_self(p, op);
		page_text(p, "[");
		arguments(p, &args);
		page_text(p, "]");
		page_returns(p, op, definition);
		break;
	case GSL_TAG_SETITEM: {
		if (definition)
			gsl_docgen_put(p->g, GSL_DT_DEFINE)->u.link.name = link;
		else
			operator_link(p, op);
		page_self(p, op);
		struct asps index = args, value = args;
		index.n = args.n ? args.n - 1 : 0;
		value.v = args.v + index.n;
		value.n = args.n - index.n;
		page_text(p, "[");
		arguments(p, &index);
		page_text(p, "]");
		page_open(p, "strong");
		page_open(p, "big");
		page_text(p, " = ");
		page_close(p);
		page_close(p);
		arguments(p, &value);
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
		page_self(p, op);
		page_text(p, "[");
		arguments(p, &args);
		page_text(p, "]");
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
			page_open(p, "dt");
			page_open(p, "strong");
			page_text(p, "Python code: ");
			page_close(p);
			page_open(p, "code");
			struct gsl_str code = gsl_node_arg_stripped(c);
			gsl_docgen_textn(p->g, code.ptr, code.len);
			page_close(p);
			page_close(p);
			bool any = false;
			for (const struct gsl_node *x = c->first_child; x; x = x->next) {
				if (x->tag != GSL_TAG_IN_CONTEXT)
					continue;
				if (!any) {
					page_open(p, "dd");
					page_open(p, "dl");
				}
				any = true;
				page_open(p, "dt");
				page_open(p, "strong");
				page_text(p, "in context: ");
				page_close(p);
				page_open(p, "code");
				struct gsl_str ctx = gsl_node_arg_stripped(x);
				gsl_docgen_textn(p->g, ctx.ptr, ctx.len);
				page_close(p);
				page_close(p);
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
