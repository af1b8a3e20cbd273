/* arguments.c: argument lists in man pages, with the original's
 * parameter modes (section 6.6 of the language reference): `[a [b]]`
 * optional, `alt:[a or b]`, `m..n:` repeats, `draw:[...]` keyword draws,
 * `seq:[...]`; and an argument with its kind, `a: K` or `k = K`. */
#include "manpage.h"

#include <string.h>

/* The argument aspects of x (arguments, argument groups, and the kinds
 * an `.args` lists). */
void asp_arguments(struct page *p, const struct place *pl, struct asps *out)
{
	struct asps all = { 0 };
	asp_aspects(p, pl, GSL_TAG_ROOT, &all);
	for (size_t i = 0; i < all.n; i++)
		if (gsl_tag_is_grammar(all.v[i].tag) || all.v[i].tag == GSL_TAG_KIND ||
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
		asp_arguments(l->p, &pl, &inner);
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
	asp_arguments(p, &pl, &list);
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

void page_arguments(struct page *p, const struct asps *list)
{
	struct arglist l = { .p = p };
	items(&l, list);
}

/* The name of an argument: given on its line or by a `.name`; "?" if
 * neither. */
struct gsl_str asp_argument_name(const struct asp *a)
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
	struct gsl_str name = asp_argument_name(a);
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
