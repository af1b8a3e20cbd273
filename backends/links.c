/* links.c: link names and anchors (sections 4.3 to 4.6 of the language
 * reference), and the making and linking of all document trees of a
 * run: each link goes to the anchor of its name in the first document
 * that defines it. */
#include "document.h"

#include <string.h>

#include "emit.h"

/* The chain of owners of s, from s outwards, in a growing array: all of
 * them, or up to the first that is not an attribute. */
struct chain {
	const struct gsl_subject **items;
	size_t len, cap;
};

static void chain_of(struct gsl_ctx *ctx, struct chain *c, const struct gsl_subject *s,
		     bool to_kind)
{
	c->len = 0;
	for (; s; s = s->owner) {
		if (c->len == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 8;
			c->items = gsl_xrealloc(ctx->mem, c->items, c->cap * sizeof *c->items);
		}
		c->items[c->len++] = s;
		if (to_kind && s->kind != GSL_SUBJECT_ATTRIBUTE)
			break;
	}
}

/* Appends ".name" of member s (conditions are named `cond:name`). */
static void put_member(struct gsl_buf *b, const struct gsl_subject *s)
{
	gsl_buf_puts(b, s->kind == GSL_SUBJECT_CONDITION ? ".cond:" : ".");
	gsl_buf_put(b, s->name->text, s->name->len);
}

const char *gsl_docgen_declared_name(struct gsl_docgen *g, const struct gsl_subject *s)
{
	struct chain c = { 0 };
	chain_of(g->ctx, &c, s, false);
	struct gsl_buf b;
	gsl_buf_init(&b, g->ctx->mem);
	gsl_buf_puts(&b, s->pkg->name);
	while (c.len--)
		put_member(&b, c.items[c.len]);
	const char *name = gsl_arena_strndup(g->arena, gsl_buf_cstr(&b), b.len);
	gsl_buf_free(&b);
	gsl_xfree(g->ctx->mem, c.items);
	return name;
}

const char *gsl_docgen_link_name(struct gsl_docgen *g, const struct gsl_subject *s)
{
	if (s->kind == GSL_SUBJECT_CONDITION)
		return gsl_arena_printf(g->arena, ".tgt.%s", gsl_docgen_declared_name(g, s));
	if (s->kind != GSL_SUBJECT_ATTRIBUTE)
		return gsl_subject_tgt(g->m, s);
	/* An attribute: the link name of the kind it belongs to, then the
	 * names of the attributes down to it. */
	struct chain c = { 0 };
	chain_of(g->ctx, &c, s, true);
	struct gsl_buf b;
	gsl_buf_init(&b, g->ctx->mem);
	gsl_buf_puts(&b, gsl_docgen_link_name(g, c.items[c.len - 1]));
	for (size_t i = c.len - 1; i-- > 0;)
		put_member(&b, c.items[i]);
	const char *name = gsl_arena_strndup(g->arena, gsl_buf_cstr(&b), b.len);
	gsl_buf_free(&b);
	gsl_xfree(g->ctx->mem, c.items);
	return name;
}

/* ---- Anchors ------------------------------------------------------------ */

static bool is_letter(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool keeps(unsigned char c)
{
	return is_letter(c) || (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '.';
}

/* The code point of the UTF-8 sequence at s (at most n bytes); *len gets
 * its length. A byte that starts no valid sequence stands for itself. */
static unsigned long code_point(const unsigned char *s, size_t n, size_t *len)
{
	unsigned long cp = s[0];
	size_t k = s[0] >= 0xf0 ? 3 : s[0] >= 0xe0 ? 2 : s[0] >= 0xc0 ? 1 : 0;
	*len = 1;
	if (!k || k >= n)
		return cp;
	cp &= 0x3fu >> k;
	for (size_t i = 1; i <= k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return s[0];
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	*len = k + 1;
	return cp;
}

void gsl_dt_anchor(struct gsl_buf *out, const char *link_name)
{
	static const char prefix[] = ".tgt.";
	const unsigned char *s = (const unsigned char *)link_name;
	if (strncmp(link_name, prefix, sizeof prefix - 1) == 0)
		s += sizeof prefix - 1;
	if (*s == 'z' || !is_letter(*s))
		gsl_buf_puts(out, *s == 'z' ? "zz" : "z");
	size_t n = strlen((const char *)s);
	while (n) {
		/* A run of characters kept as they are, then one spelled. */
		size_t run = 0;
		while (run < n && keeps(s[run]))
			run++;
		gsl_buf_put(out, (const char *)s, run);
		s += run;
		n -= run;
		if (!n)
			break;
		size_t len = 1;
		if (*s == '-')
			gsl_buf_puts(out, "--");
		else
			gsl_buf_printf(out, "-%lu-", code_point(s, n, &len));
		s += len;
		n -= len;
	}
}

/* ---- The documents of a run ------------------------------------------- */

/* What the run knows of its documents. Trees are made twice: a survey
 * makes each shown document's tree once, at the start, to learn which
 * document defines each link name first, then drops it; each job that
 * renders a document makes its tree again, links it and drops it when
 * done. So a run holds a few trees at a time, not all of them, and each
 * is made in memory its thread used for the one before. */
struct gsl_docrun {
	struct gsl_strmap first;        /* link name -> the first document that
					   defines it */
	struct survey *surveys;         /* by document, in the model's order */
	size_t ndocs;
	struct gsl_dt_page *pages;
	size_t npages, pages_cap;
	const char **titles;            /* by document, in the model's order */
	struct gsl_dt_index index;
};

/* What the survey learned of one document, once its tree was gone. */
struct survey {
	struct gsl_emit_job job;        /* makes the tree, quietly */
	const struct gsl_document *doc;
	bool failed;                    /* there were problems, not reported */
	struct gsl_buf defines;         /* the link names it defines */
	struct gsl_buf pages;           /* each man page's kind and link name */
	size_t ndefines, npages;        /* all names NUL-terminated, in document
					   order */
	struct gsl_str title;           /* `document_title` */
};

/* Documents shown as documents (HTML, XHTML, LaTeX) define anchors. */
static bool is_shown(const struct gsl_document *d)
{
	return d->formats & (GSL_FORMAT_HTML | GSL_FORMAT_XHTML | GSL_FORMAT_LATEX);
}

static void put_name(struct gsl_buf *b, const char *name)
{
	gsl_buf_put(b, name, strlen(name) + 1);
}

/* Notes in sv what tree t defines and its man pages. */
static void learn(struct survey *sv, const struct gsl_doctree *t)
{
	for (const struct gsl_dt_node *n = t->root; n; n = gsl_dt_following(t->root, n)) {
		if (n->kind == GSL_DT_DEFINE) {
			put_name(&sv->defines, n->u.link.name);
			sv->ndefines++;
		} else if (n->kind == GSL_DT_MAN_PAGE) {
			put_name(&sv->pages, n->u.page.kind);
			put_name(&sv->pages, n->u.page.link);
			sv->npages++;
		}
	}
	sv->title = t->title;
}

static void survey(struct gsl_emit_job *job)
{
	struct survey *sv = (struct survey *)job;
	const struct gsl_doctree *t = gsl_docgen_document(job->e->model, job->e->opt, sv->doc,
							  job->scratch, true);
	sv->failed = t->failed;
	if (!sv->failed)
		learn(sv, t);
}

static void add_page(struct gsl_ctx *ctx, struct gsl_docrun *run, const char *kind,
		     const char *link, const struct gsl_document *d)
{
	if (run->npages == run->pages_cap) {
		run->pages_cap = run->pages_cap ? 2 * run->pages_cap : 64;
		run->pages = gsl_xrealloc(ctx->mem, run->pages, run->pages_cap * sizeof *run->pages);
	}
	run->pages[run->npages++] = (struct gsl_dt_page){ .kind = kind, .link = link, .doc = d };
}

/* Takes in what the survey of a document learned: the first definer of
 * a link name wins. */
static void take_in(struct gsl_ctx *ctx, struct gsl_docrun *run, const struct survey *sv)
{
	const char *name = sv->defines.data;
	for (size_t k = 0; k < sv->ndefines; k++) {
		size_t len = strlen(name);
		void **slot = gsl_strmap_slot(&run->first, name, len);
		if (!*slot)
			*slot = (void *)sv->doc;
		name += len + 1;
	}
	const char *kind = sv->pages.data;
	for (size_t k = 0; k < sv->npages; k++) {
		const char *link = kind + strlen(kind) + 1;
		add_page(ctx, run, kind, link, sv->doc);
		kind = link + strlen(link) + 1;
	}
}

/* Resolves the links of tree t to the first document of the run that
 * defines each name (as the original: a document that defines a name
 * after another does links to the other). Links to a kind share its
 * name's string, so the last documents found are kept by its address. */
static void link_tree(const struct gsl_docrun *run, struct gsl_doctree *t)
{
	struct {
		const char *name;
		const struct gsl_document *doc;
	} seen[256] = { 0 };
	for (const struct gsl_dt_node *n = t->root; n; n = gsl_dt_following(t->root, n)) {
		if (n->kind != GSL_DT_LINK)
			continue;
		struct gsl_dt_node *link = (struct gsl_dt_node *)n;
		const char *name = link->u.link.name;
		size_t i = ((uintptr_t)name >> 3) % (sizeof seen / sizeof *seen);
		if (seen[i].name != name) {
			seen[i].name = name;
			seen[i].doc = gsl_strmap_get(&run->first, name, strlen(name));
		}
		link->u.link.doc = seen[i].doc;
	}
}

/* Surveys every shown document, on all threads; a document with
 * problems is made again here, reporting them. Then takes in what each
 * defines, its man pages and title, in the order of the documents. */
static struct gsl_docrun *start(struct gsl_emit *e)
{
	struct gsl_ctx *ctx = e->ctx;
	struct gsl_docrun *run = gsl_arena_alloc(&ctx->arena, sizeof *run);
	gsl_strmap_init(&run->first, ctx->mem);
	for (const struct gsl_document *d = e->model->documents; d; d = d->next)
		run->ndocs++;
	run->titles = gsl_arena_alloc(&ctx->arena, (run->ndocs + 1) * sizeof *run->titles);
	run->surveys = gsl_arena_alloc(&ctx->arena, (run->ndocs + 1) * sizeof *run->surveys);
	struct gsl_emit_job **todo = gsl_arena_alloc(&ctx->arena, (run->ndocs + 1) * sizeof *todo);
	size_t i = 0, n = 0;
	for (const struct gsl_document *d = e->model->documents; d; d = d->next, i++) {
		struct survey *sv = &run->surveys[i];
		*sv = (struct survey){ .job.run = survey, .doc = d };
		gsl_buf_init(&sv->defines, ctx->mem);
		gsl_buf_init(&sv->pages, ctx->mem);
		if (is_shown(d))
			todo[n++] = &sv->job;
	}
	gsl_model_name_all(e->model);
	gsl_emit_run(e, todo, n);
	struct gsl_arena arena;
	gsl_arena_init(&arena, ctx->mem);
	for (i = 0; i < run->ndocs; i++) {
		struct survey *sv = &run->surveys[i];
		if (!is_shown(sv->doc))
			continue;
		if (sv->failed) {
			learn(sv, gsl_docgen_document(e->model, e->opt, sv->doc, &arena, false));
			gsl_arena_reset(&arena);
		}
		take_in(ctx, run, sv);
		struct gsl_str title = gsl_str_strip(sv->title);
		if (title.len)
			run->titles[i] = gsl_arena_strndup(&ctx->arena, title.ptr, title.len);
	}
	gsl_arena_free(&arena);
	run->index = (struct gsl_dt_index){ run->pages, run->npages, run->titles };
	return run;
}

void gsl_doctrees_prepare(struct gsl_emit *e)
{
	if (!e->docs)
		e->docs = start(e);
}

const struct gsl_doctree *gsl_doctree_make(struct gsl_emit_job *job, const struct gsl_document *d)
{
	struct gsl_doctree *t = gsl_docgen_document(job->e->model, job->e->opt, d, job->scratch,
						    true);
	link_tree(job->e->docs, t);
	return t;
}

const struct gsl_dt_index *gsl_doctree_index(struct gsl_emit *e)
{
	gsl_doctrees_prepare(e);
	return &e->docs->index;
}

void gsl_doctrees_free(struct gsl_emit *e)
{
	struct gsl_docrun *run = e->docs;
	if (!run)
		return;
	gsl_strmap_free(&run->first);
	gsl_xfree(e->ctx->mem, run->pages);
	for (size_t i = 0; i < run->ndocs; i++) {
		gsl_buf_free(&run->surveys[i].defines);
		gsl_buf_free(&run->surveys[i].pages);
	}
	e->docs = NULL;
}
