/* resolve.c: name resolution. Paths are split at dots and followed from
 * the package scope (or the enclosing kind, for `.mykind.`) through the
 * members of each subject. Every reference in a specification is
 * resolved once here and remembered in its gsl_name. */
#include "resolve.h"

#include <string.h>

#include "iter.h"

/* The next part of a dotted path, stripped; false at the end. */
static bool next_part(struct gsl_str *rest, struct gsl_str *part)
{
	if (!rest->ptr)
		return false;
	const char *dot = memchr(rest->ptr, '.', rest->len);
	size_t n = dot ? (size_t)(dot - rest->ptr) : rest->len;
	*part = gsl_str_strip((struct gsl_str){ rest->ptr, n });
	if (dot) {
		rest->ptr = dot + 1;
		rest->len -= n + 1;
	} else {
		rest->ptr = NULL;
		rest->len = 0;
	}
	return true;
}

static const struct gsl_subject *member(const struct gsl_subject *s, struct gsl_str name)
{
	const struct gsl_subject *ms = gsl_subject_member(s, name, GSL_SUBJECT_ATTRIBUTE);
	return ms ? ms : gsl_subject_member(s, name, GSL_SUBJECT_CONDITION);
}

/* For `.tgt.a.b.K`: the package whose name is the longest prefix. */
static const struct gsl_package *tgt_package(struct gsl_model *m, struct gsl_str *rest)
{
	const struct gsl_package *best = NULL;
	size_t best_len = 0;
	for (const struct gsl_package *p = m->packages; p; p = p->next) {
		size_t n = strlen(p->name);
		if (n < rest->len && n > best_len && memcmp(rest->ptr, p->name, n) == 0 &&
		    rest->ptr[n] == '.') {
			best = p;
			best_len = n;
		}
	}
	if (best) {
		rest->ptr += best_len + 1;
		rest->len -= best_len + 1;
	}
	return best;
}

const struct gsl_subject *gsl_resolve_path(struct gsl_model *m, const struct gsl_package *pkg,
					   const struct gsl_subject *mykind, struct gsl_str path,
					   struct gsl_loc loc, bool report)
{
	struct gsl_ctx *ctx = m->ctx;
	struct gsl_str rest = gsl_str_strip(path), part;
	const struct gsl_subject *s = NULL;
	if (rest.len && rest.ptr[0] == '.') {
		rest.ptr++;
		rest.len--;
		next_part(&rest, &part);
		if (gsl_str_eq(part, "mykind")) {
			if (!mykind) {
				if (report)
					gsl_error(ctx, loc, "'.mykind' used outside a kind");
				return NULL;
			}
			s = mykind;
		} else if (gsl_str_eq(part, "tgt")) {
			pkg = tgt_package(m, &rest);
			if (!pkg) {
				if (report)
					gsl_error(ctx, loc, "'%.*s' names no package of this run",
						  (int)path.len, path.ptr);
				return NULL;
			}
		} else if (!gsl_str_eq(part, "myfile")) {
			if (report)
				gsl_error(ctx, loc, "unknown prefix '.%.*s.' (expected .myfile. or "
					  ".mykind.)", (int)part.len, part.ptr);
			return NULL;
		}
	}
	while (next_part(&rest, &part)) {
		const struct gsl_subject *next = s ? member(s, part)
						   : gsl_strmap_get(&pkg->scope, part.ptr, part.len);
		if (!next) {
			if (!report)
				return NULL;
			if (!part.len)
				gsl_error(ctx, loc, "empty name in '%.*s'", (int)path.len, path.ptr);
			else if (s)
				gsl_error(ctx, loc, "'%.*s' has no attribute or condition '%.*s'",
					  (int)s->name->len, s->name->text, (int)part.len, part.ptr);
			else
				gsl_error(ctx, loc, "'%.*s' is not defined or imported in '%s'",
					  (int)part.len, part.ptr, pkg->name);
			return NULL;
		}
		s = next;
	}
	if (!s && report)
		gsl_error(ctx, loc, "empty name");
	return s;
}

/* ---- References in specifications --------------------------------------- */

struct walk {
	struct gsl_model *m;
	const struct gsl_package *pkg;
	const struct gsl_subject *mykind;  /* owner of the current top-level block */
};

static const struct gsl_subject *resolve_name(struct walk *w, struct gsl_name *name)
{
	const struct gsl_subject *s = gsl_resolve_path(w->m, w->pkg, w->mykind,
						       gsl_name_str(name), name->loc, true);
	name->ref = (struct gsl_subject *)s;
	return s;
}

static void kind_ref(struct walk *w, struct gsl_name *name)
{
	const struct gsl_subject *s = resolve_name(w, name);
	if (s && !gsl_subject_is_kind(s) && gsl_subject_target(s)) {
		static const char *const what[] = {
			[GSL_SUBJECT_CONDITION] = "a condition",
			[GSL_SUBJECT_MACRO] = "a macro",
			[GSL_SUBJECT_ATTRIBUTE] = "an attribute",
		};
		gsl_error(w->m->ctx, name->loc, "'%.*s' is %s, not a kind", (int)name->len,
			  name->text, what[gsl_subject_target(s)->kind]);
		name->ref = NULL;
	}
}

/* `K.cond(...)` names the condition cond of K; a bare `cond(...)` a
 * condition of the file or of the enclosing kind. */
static void cond_ref(struct walk *w, struct gsl_condref *c)
{
	struct gsl_name *name = c->cond;
	struct gsl_str path = gsl_name_str(name);
	const char *dot = NULL;
	for (size_t i = path.len; i-- > 0;)
		if (path.ptr[i] == '.') {
			dot = path.ptr + i;
			break;
		}
	const struct gsl_subject *owner = NULL, *cond = NULL;
	struct gsl_str cname = path;
	if (dot) {
		struct gsl_str opath = { path.ptr, (size_t)(dot - path.ptr) };
		cname = gsl_str_strip((struct gsl_str){ dot + 1, path.len - opath.len - 1 });
		owner = gsl_resolve_path(w->m, w->pkg, w->mykind, opath, name->loc, true);
		if (!owner)
			return;
		cond = gsl_subject_member(owner, cname, GSL_SUBJECT_CONDITION);
	} else {
		cond = gsl_strmap_get(&w->pkg->scope, cname.ptr, cname.len);
		if (cond && gsl_subject_target(cond) &&
		    gsl_subject_target(cond)->kind != GSL_SUBJECT_CONDITION)
			cond = NULL;
		if (!cond && w->mykind)
			cond = gsl_subject_member(w->mykind, cname, GSL_SUBJECT_CONDITION);
	}
	if (!cond) {
		if (owner)
			gsl_error(w->m->ctx, name->loc, "'%.*s' has no condition '%.*s'",
				  (int)owner->name->len, owner->name->text, (int)cname.len, cname.ptr);
		else
			gsl_error(w->m->ctx, name->loc, "no condition '%.*s' here", (int)cname.len,
				  cname.ptr);
		return;
	}
	name->ref = (struct gsl_subject *)cond;
}

/* Whether the descriptions of s hold a `.label: name`. */
static bool has_label(const struct gsl_subject *s, struct gsl_str name)
{
	for (uint32_t i = 0; i < s->nview; i++) {
		struct gsl_iter it;
		gsl_iter_init(&it, s->view[i].node);
		while (gsl_iter_next(&it) != GSL_EVENT_DONE)
			if (it.event == GSL_EVENT_ENTER && it.node->tag == GSL_TAG_LABEL &&
			    gsl_str_equal(gsl_node_arg_stripped(it.node), name))
				return true;
	}
	return false;
}

/* A reference that names its package first, `pkg.K.m`, in a package of
 * the run (the original's `.ref` accepts that form). */
static bool in_named_package(struct walk *w, struct gsl_str target)
{
	struct gsl_str rest = target;
	const struct gsl_package *pkg = tgt_package(w->m, &rest);
	return pkg && gsl_resolve_path(w->m, pkg, NULL, rest, gsl_loc(0, 0, 0), false);
}

/* `.ref: target` in a description: warn when it resolves to nothing (a
 * label of the kind counts, and so does a target in a named package). */
static void text_ref(struct walk *w, const struct gsl_node *n)
{
	struct gsl_str target = gsl_node_arg_stripped(n);
	const char *dot = memchr(target.ptr, '.', target.len) ? target.ptr + target.len : NULL;
	while (dot && dot[-1] != '.')
		dot--;
	struct gsl_str last = dot ? (struct gsl_str){ dot, (size_t)(target.ptr + target.len - dot) }
				  : target;
	if (!gsl_resolve_path(w->m, w->pkg, w->mykind, target, gsl_node_loc(n), false) &&
	    !has_label(w->mykind, gsl_str_strip(last)) && !in_named_package(w, target))
		gsl_warning(w->m->ctx, gsl_node_loc(n), "reference to '%.*s' does not resolve",
			    (int)target.len, target.ptr);
}

static void resolve_node(struct walk *w, struct gsl_node *n)
{
	if (n->flags & GSL_NODE_BAD_ARG)
		return;
	if (n->flags & GSL_NODE_IN_DOC) {
		if (n->tag == GSL_TAG_REF && w->mykind)
			text_ref(w, n);
		return;
	}
	switch (n->tag) {
	case GSL_TAG_KIND_OF:
	case GSL_TAG_SUBKIND_OF:
	case GSL_TAG_SUPERKIND_OF:
	case GSL_TAG_EITHER:
	case GSL_TAG_RETURNS:
	case GSL_TAG_ARGS:
		for (struct gsl_name *name = n->u.names; name; name = name->next)
			kind_ref(w, name);
		break;
	case GSL_TAG_ARG:
	case GSL_TAG_KEY_ARG:
		if (n->u.argspec->kind)
			kind_ref(w, n->u.argspec->kind);
		break;
	case GSL_TAG_CONSTRUCTOR:
		for (struct gsl_name *name = n->u.names; name; name = name->next)
			resolve_name(w, name);
		break;
	case GSL_TAG_PRECONDITION:
	case GSL_TAG_POSTCONDITION:
		cond_ref(w, n->u.cond);
		break;
	default:
		break;
	}
}

/* The subject whose block a top-level node is, if any. */
static const struct gsl_subject *block_owner(const struct gsl_node *n)
{
	switch (n->tag) {
	case GSL_TAG_KIND:
	case GSL_TAG_SUPERKIND:
	case GSL_TAG_CONDITION:
	case GSL_TAG_AND:
		return !(n->flags & GSL_NODE_BAD_ARG) && n->u.names ? n->u.names->ref : NULL;
	default:
		return NULL;
	}
}

void gsl_resolve_package(struct gsl_model *m, struct gsl_package *pkg)
{
	struct walk w = { .m = m, .pkg = pkg };
	for (struct gsl_node *top = pkg->root->first_child; top; top = top->next) {
		if (top->tag == GSL_TAG_COMMENT || top->tag == GSL_TAG_IMPORT ||
		    top->tag == GSL_TAG_DOCUMENT || top->tag == GSL_TAG_MACRO)
			continue;
		w.mykind = block_owner(top);
		struct gsl_iter it;
		gsl_iter_init(&it, top);
		enum gsl_event ev;
		while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
			if (ev != GSL_EVENT_ENTER || it.node == top)
				continue;
			if (it.node->tag == GSL_TAG_COMMENT) {
				gsl_iter_skip_children(&it);
				continue;
			}
			resolve_node(&w, (struct gsl_node *)it.node);
		}
	}
}
