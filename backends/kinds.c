/* kinds.c: kinds and attributes in man pages: a kind by name, a kind
 * made of aspects (` (` and a list), `either`, `kind of`; an attribute's
 * name with its kind or signature, in the synopsis and in the
 * description. */
#include "manpage.h"

/* ---- Kinds --------------------------------------------------------------------- */

void page_kind_subject(struct page *p, const struct gsl_subject *kind)
{
	gsl_docgen_open_link(p->g, GSL_DT_LINK, gsl_docgen_link_name(p->g, kind));
	gsl_docgen_textn(p->g, kind->name->text, kind->name->len);
	page_close(p);
}

void page_kind_name(struct page *p, const struct gsl_name *name)
{
	if (name->ref)
		page_kind_subject(p, name->ref);
	else
		gsl_docgen_textn(p->g, name->text, name->len);
}

static bool is_kind_aspect(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_ATTRIBUTE:
	case GSL_TAG_METHOD:
	case GSL_TAG_MAPPING:
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
	case GSL_TAG_EITHER:
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUPERKIND_OF:
		return true;
	default:
		return false;
	}
}

void asp_kind_parts(struct page *p, const struct place *pl, struct asps *out)
{
	struct asps all = { 0 };
	asp_aspects(p, pl, GSL_TAG_ROOT, &all);
	for (size_t i = 0; i < all.n; i++)
		if (is_kind_aspect(all.v[i].tag))
			asps_add(p, out, all.v[i]);
	asps_free(p, &all);
}

struct asp asp_and_kind(const struct asps *parts)
{
	if (parts->n == 1 && (parts->v[0].tag == GSL_TAG_KIND || parts->v[0].tag == GSL_TAG_KIND_OF))
		return parts->v[0];
	return (struct asp){ .tag = GSL_TAG_KIND, .synthetic = true, .parts = parts->v,
			     .nparts = (uint32_t)parts->n };
}

void page_kind_list(struct page *p, const struct asp *k, bool definition)
{
	if (!k->nparts) {
		page_open(p, "strong");
		page_text(p, " anything");
		page_close(p);
		return;
	}
	if (!page_enter(p, k))
		return;
	page_text(p, " (");
	page_open(p, "dl");
	for (uint32_t i = 0; i < k->nparts; i++) {
		const struct asp *a = &k->parts[i];
		page_open(p, "dd");
		if (a->tag == GSL_TAG_KIND && !a->synthetic) {
			page_open(p, "em");
			page_text(p, "Subkind of: ");
			page_close(p);
		}
		if (definition)
			page_def(p, a);
		else
			page_ref(p, a);
		page_close(p);
	}
	page_open(p, "dd");
	page_text(p, " )");
	page_close(p);
	page_close(p);
	page_leave(p);
}

/* `kind of: K` (and `superkind of`): K; several kinds are shown as the
 * kind made of them. */
void page_kind_of(struct page *p, const struct asp *k, bool definition)
{
	struct place pl = asp_place(k);
	struct asps parts = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &parts);
	struct asp kind = asp_and_kind(&parts);
	if (parts.n == 1)
		page_ref(p, &parts.v[0]);
	else
		page_kind_list(p, &kind, definition);
	asps_free(p, &parts);
}

/* `either: A, B`: one of the kinds. */
void page_either(struct page *p, const struct asp *k)
{
	struct place pl = asp_place(k);
	struct asps kinds = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &kinds);
	page_open(p, "strong");
	page_open(p, "sup");
	page_text(p, " either:");
	page_close(p);
	page_close(p);
	page_text(p, "[");
	for (size_t i = 0; i < kinds.n; i++) {
		if (i) {
			page_open(p, "strong");
			page_open(p, "sup");
			page_text(p, " or ");
			page_close(p);
			page_close(p);
		}
		page_ref(p, &kinds.v[i]);
	}
	page_text(p, "]");
	asps_free(p, &kinds);
}

void page_kind_ref(struct page *p, const struct asp *k, bool definition)
{
	if (k->synthetic)
		page_kind_list(p, k, definition);
	else if (k->kind)
		page_kind_subject(p, k->kind);
	else
		page_kind_name(p, k->name);
}

/* ---- Attributes ---------------------------------------------------------------- */

static void attribute_name(struct page *p, const struct asp *a)
{
	if (a->name) {
		gsl_docgen_textn(p->g, a->name->text, a->name->len);
		return;
	}
	for (const struct gsl_name *n = a->node->u.names; n; n = n->next) {
		if (n != a->node->u.names)
			page_text(p, ", ");
		gsl_docgen_textn(p->g, n->text, n->len);
	}
}

/* The kind of attribute a, shown after its name: the signature of its
 * one mapping, or `: kind`. */
static void attribute_kind(struct page *p, const struct asps *kas, bool definition)
{
	if (kas->n == 1 && kas->v[0].tag == GSL_TAG_MAPPING) {
		page_mapping_kind(p, &kas->v[0], definition, false);
		if (definition) {
			page_open(p, "dl");
			page_mapping_description(p, &kas->v[0]);
			page_close(p);
		}
		return;
	}
	page_colon(p);
	struct asp kind = asp_and_kind(kas);
	if (definition)
		page_def(p, &kind);
	else
		page_ref(p, &kind);
}

void page_attribute_ref(struct page *p, const struct asp *a)
{
	bool self = page_self_name(p, a);
	page_open(p, "big");
	if (self) {
		page_open(p, "code");
		page_text(p, ".");
		page_close(p);
	}
	gsl_docgen_open_link(p->g, GSL_DT_LINK, asp_link(p, a));
	attribute_name(p, a);
	page_close(p);
	page_close(p);
	struct place pl = asp_place(a);
	struct asps kas = { 0 };
	asp_kind_parts(p, &pl, &kas);
	attribute_kind(p, &kas, false);
	asps_free(p, &kas);
}

/* The `dd` that shows attribute a: its anchor (the first time), name and
 * kind (if with_kind). */
static void attribute_dt(struct page *p, const struct asp *a, const struct asps *kas,
			 bool with_kind, bool *defined)
{
	page_open(p, "dd");
	if (!*defined)
		gsl_docgen_open_link(p->g, GSL_DT_DEFINE, asp_link(p, a));
	if (page_self_name(p, a)) {
		page_open(p, "code");
		page_text(p, ".");
		page_close(p);
	}
	page_open(p, "strong");
	page_open(p, "big");
	attribute_name(p, a);
	page_close(p);
	page_close(p);
	if (!*defined)
		page_close(p);
	*defined = true;
	if (with_kind)
		attribute_kind(p, kas, true);
	page_close(p);
}

/* An attribute in the description: name and kind, then its descriptions
 * in order. A description before the kind shows the name first without
 * the kind, then again with it (as the original does). */
void page_attribute_def(struct page *p, const struct asp *a)
{
	struct place pl = asp_place(a);
	struct asps all = { 0 }, kas = { 0 };
	asp_aspects(p, &pl, GSL_TAG_ROOT, &all);
	asp_kind_parts(p, &pl, &kas);
	bool defined = false, shown = false, kind_shown = false;
	p->level++;
	for (size_t i = 0; i < all.n; i++) {
		const struct asp *d = &all.v[i];
		if (asp_is_description(d->tag)) {
			if (!shown)
				attribute_dt(p, a, &kas, !kas.n, &defined);
			kind_shown |= !kas.n;
			shown = true;
			page_open(p, "dd");
			page_open(p, "dl");
			page_description_dd(p, d);
			page_close(p);
			page_close(p);
		} else if (is_kind_aspect(d->tag) && !kind_shown) {
			attribute_dt(p, a, &kas, true, &defined);
			shown = kind_shown = true;
		}
	}
	if (!shown)
		attribute_dt(p, a, &kas, true, &defined);
	p->level--;
	asps_free(p, &kas);
	asps_free(p, &all);
}
