/* dump_model.c: the resolved model as JSON, the contract between the
 * front end and its users: packages, their definitions with canonical
 * names, the blocks and members of each, the aspects as seen from its
 * package (with every reference resolved), and the documents. The shape
 * is documented in doc/model.md. */
#include "dump.h"
#include "model.h"

static void location(struct gsl_json *j, struct gsl_ctx *ctx, struct gsl_loc loc)
{
	const struct gsl_file *f = gsl_ctx_file(ctx, loc.file);
	gsl_json_key(j, "file");
	gsl_json_cstring(j, f ? f->path : NULL);
	gsl_json_key(j, "line");
	gsl_json_int(j, loc.line);
	gsl_json_key(j, "col");
	gsl_json_int(j, loc.col);
}

/* The aspects of s. Blocks of one owner are next to each other in a
 * view, so each aspect's index is counted as they go. */
static void aspects(struct gsl_json *j, struct gsl_model *m, const struct gsl_subject *s)
{
	gsl_json_key(j, "aspects");
	gsl_json_array(j);
	uint32_t index = 0;
	for (uint32_t i = 0; i < s->nview; i++) {
		if (i && s->view[i].owner != s->view[i - 1].owner)
			index = 0;
		for (const struct gsl_node *c = s->view[i].node->first_child; c; c = c->next, index++) {
			if (c->tag == GSL_TAG_COMMENT)
				continue;
			gsl_json_object(j);
			gsl_json_key(j, "package");
			gsl_json_cstring(j, s->view[i].owner->pkg->name);
			gsl_json_key(j, "index");
			gsl_json_int(j, index);
			gsl_json_key(j, "node");
			gsl_dump_tree(j, m, c);
			gsl_json_end(j);
		}
	}
	gsl_json_end(j);
}

/* Opens the object of s and writes all but its members. */
static void subject_head(struct gsl_json *j, struct gsl_model *m, const struct gsl_subject *s)
{
	gsl_json_object(j);
	gsl_json_key(j, "kind");
	gsl_json_cstring(j, gsl_subject_kind_name(s->kind));
	gsl_json_key(j, "name");
	gsl_json_string(j, s->name->text, s->name->len);
	gsl_json_key(j, "tgt");
	gsl_json_cstring(j, gsl_subject_tgt(m, s));
	location(j, m->ctx, s->name->loc);
	if (s->kind == GSL_SUBJECT_IMPORT) {
		gsl_json_key(j, "imports");
		gsl_json_cstring(j, s->origin ? s->origin->pkg->name : NULL);
	}
	if (s->kind != GSL_SUBJECT_MACRO && s->nview)
		aspects(j, m, s);
}

/* A subject with its members, which nest (attributes of attributes):
 * walked with an explicit stack of the member lists being written. */
static void subject(struct gsl_json *j, struct gsl_model *m, const struct gsl_subject *s)
{
	const struct gsl_subject **stack = NULL;
	size_t depth = 0, cap = 0;
	for (;;) {
		if (s) {
			subject_head(j, m, s);
			if (!s->members) {
				gsl_json_end(j);
			} else {
				gsl_json_key(j, "members");
				gsl_json_array(j);
				if (depth == cap) {
					cap = cap ? 2 * cap : 16;
					stack = gsl_xrealloc(m->ctx->mem, stack, cap * sizeof *stack);
				}
				stack[depth++] = s->members;
				s = NULL;
				continue;
			}
		}
		/* Go on with the next member at the innermost open list. */
		while (depth && !stack[depth - 1]) {
			depth--;
			gsl_json_end(j); /* the members */
			gsl_json_end(j); /* their owner */
		}
		if (!depth)
			break;
		s = stack[depth - 1];
		stack[depth - 1] = s->next;
	}
	gsl_xfree(m->ctx->mem, stack);
}

static void document(struct gsl_json *j, struct gsl_model *m, const struct gsl_document *d)
{
	gsl_json_object(j);
	gsl_json_key(j, "name");
	gsl_json_cstring(j, d->name);
	location(j, m->ctx, gsl_node_loc(d->node));
	gsl_json_key(j, "formats");
	gsl_json_array(j);
	for (unsigned f = 1; f <= GSL_FORMAT_CTEST; f <<= 1)
		if (d->formats & f)
			gsl_json_cstring(j, gsl_format_name(f));
	gsl_json_end(j);
	gsl_json_key(j, "content");
	gsl_dump_tree(j, m, d->node);
	gsl_json_end(j);
}

void gsl_dump_model(struct gsl_ctx *ctx, struct gsl_model *m, struct gsl_buf *out)
{
	struct gsl_json j;
	gsl_json_init(&j, out);
	gsl_json_object(&j);
	gsl_json_key(&j, "packages");
	gsl_json_array(&j);
	for (const struct gsl_package *p = m->packages; p; p = p->next) {
		gsl_json_object(&j);
		gsl_json_key(&j, "name");
		gsl_json_cstring(&j, p->name);
		gsl_json_key(&j, "file");
		gsl_json_cstring(&j, gsl_ctx_file(ctx, p->file)->path);
		gsl_json_key(&j, "main");
		gsl_json_bool(&j, p->main);
		gsl_json_key(&j, "definitions");
		gsl_json_array(&j);
		for (const struct gsl_subject *s = p->defs; s; s = s->next)
			subject(&j, m, s);
		gsl_json_end(&j);
		gsl_json_end(&j);
	}
	gsl_json_end(&j);
	gsl_json_key(&j, "documents");
	gsl_json_array(&j);
	for (const struct gsl_document *d = m->documents; d; d = d->next)
		document(&j, m, d);
	gsl_json_end(&j);
	gsl_json_end(&j);
	gsl_json_finish(&j);
}
