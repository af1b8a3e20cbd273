/* mapping.c: callable aspects in man pages: the signature of a mapping,
 * `(args) -> returns`, and its description (section 6.7 of the language
 * reference): descriptions, what it returns, its arguments, pre- and
 * postconditions and equations. */
#include "manpage.h"

#include <string.h>

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
	asp_arguments(p, &pl, &args);
	page_text(p, "(");
	page_arguments(p, &args);
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
	asp_arguments(p, &pl, &list);
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
			       gsl_str_equal(asp_argument_name(&named.v[j]), asp_argument_name(&named.v[i]));
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
					    gsl_str_equal(asp_argument_name(&named.v[j]),
							  asp_argument_name(&named.v[i]));
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
