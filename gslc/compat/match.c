/* match.c: which kind of NEW is which kind of OLD, and which member is
 * which. Kinds match by canonical name; of the rest, a removed kind and
 * an added one that look alike are a rename. Looking alike is measured on
 * features (member keys, kinds, argument grammars): the share of features
 * they have in common, with the likeness of their names to break ties. */
#include "config.h"

#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "grammar.h"

/* A pair proposed by likeness. */
struct proposal {
	double score;
	uint32_t old, new;
};

static int by_score(const void *x, const void *y)
{
	const struct proposal *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->old != b->old)
		return a->old < b->old ? -1 : 1;
	return (a->new > b->new) - (a->new < b->new);
}

/* ---- Likeness ------------------------------------------------------------------ */

static int by_text(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

void compat_features_sort(struct compat_features *f)
{
	if (f->n > 1)
		qsort(f->items, f->n, sizeof *f->items, by_text);
}

void compat_features_add(struct compat_features *f, struct gsl_arena *arena, const char *text)
{
	if (f->n == f->cap) {
		uint32_t cap = f->cap ? 2 * f->cap : 8;
		const char **items = gsl_arena_alloc(arena, cap * sizeof *items);
		if (f->n)
			memcpy(items, f->items, f->n * sizeof *items);
		f->items = items;
		f->cap = cap;
	}
	f->items[f->n++] = gsl_arena_strdup(arena, text);
}

/* The share of features in common (Jaccard), of sorted feature lists;
 * -1 when both are empty. */
static double shared(const struct compat_features *a, const struct compat_features *b)
{
	if (!a->n && !b->n)
		return -1;
	uint32_t i = 0, j = 0, both = 0;
	while (i < a->n && j < b->n) {
		int c = strcmp(a->items[i], b->items[j]);
		both += c == 0;
		i += c <= 0;
		j += c >= 0;
	}
	return (double)both / (a->n + b->n - both);
}

/* Likeness of two names: shared letter pairs (Dice's coefficient). */
static double name_likeness(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na < 2 || nb < 2)
		return strcmp(a, b) == 0;
	size_t both = 0;
	/* Each pair of b is used once. */
	uint8_t used[256] = { 0 };
	size_t limit = nb - 1 < sizeof used ? nb - 1 : sizeof used;
	for (size_t i = 0; i + 1 < na; i++)
		for (size_t j = 0; j < limit; j++)
			if (!used[j] && a[i] == b[j] && a[i + 1] == b[j + 1]) {
				used[j] = 1;
				both++;
				break;
			}
	return 2.0 * (double)both / (double)(na - 1 + nb - 1);
}

double compat_likeness(const struct compat_features *a, const char *name_a,
		       const struct compat_features *b, const char *name_b)
{
	double shape = shared(a, b);
	if (shape >= 0 && shape < 0.5)
		return 0;
	double names = name_likeness(name_a, name_b);
	if (shape < 0)
		return names >= 0.5 ? names : 0;
	return shape + 0.25 * names;
}

/* Pairs candidates greedily, best likeness first; pair[i] receives the
 * new index paired with old candidate i, or COMPAT_NONE. */
void compat_pair(const struct gsl_mem *mem, uint32_t nold, uint32_t nnew,
		 double (*likeness)(void *data, uint32_t i, uint32_t j), void *data,
		 uint32_t *pair)
{
	for (uint32_t i = 0; i < nold; i++)
		pair[i] = COMPAT_NONE;
	if (!nold || !nnew)
		return;
	size_t cap = 64, n = 0;
	struct proposal *p = gsl_xmalloc(mem, cap * sizeof *p);
	for (uint32_t i = 0; i < nold; i++)
		for (uint32_t j = 0; j < nnew; j++) {
			double score = likeness(data, i, j);
			if (score <= 0)
				continue;
			if (n == cap) {
				cap *= 2;
				p = gsl_xrealloc(mem, p, cap * sizeof *p);
			}
			p[n++] = (struct proposal){ score, i, j };
		}
	qsort(p, n, sizeof *p, by_score);
	uint8_t *taken = gsl_xmalloc(mem, nnew);
	memset(taken, 0, nnew);
	for (size_t k = 0; k < n; k++)
		if (pair[p[k].old] == COMPAT_NONE && !taken[p[k].new]) {
			pair[p[k].old] = p[k].new;
			taken[p[k].new] = 1;
		}
	gsl_xfree(mem, taken);
	gsl_xfree(mem, p);
}

/* ---- Kinds --------------------------------------------------------------------- */

/* The features of a kind: its own member keys, and for a superkind its
 * examples. */
static void kind_features(struct gsl_arena *arena, const struct compat_kind *k,
			  struct compat_features *f)
{
	struct gsl_buf b;
	gsl_buf_init(&b, arena->mem);
	for (uint32_t i = 0; i < k->shape.nmembers; i++)
		compat_features_add(f, arena, k->shape.members[i].key);
	for (uint32_t i = 0; i < k->nexamples; i++) {
		struct gsl_str t = gsl_node_arg_stripped(k->examples[i]);
		gsl_buf_clear(&b);
		gsl_buf_printf(&b, ".eg %.*s", (int)t.len, t.ptr);
		compat_features_add(f, arena, gsl_buf_cstr(&b));
	}
	gsl_buf_free(&b);
	compat_features_sort(f);
}

/* Candidates of one package (or all), for pairing. */
struct group {
	struct compat_side *old, *new;
	uint32_t *olds, *news;
	uint32_t nold, nnew;
	struct compat_features *fold, *fnew;
};

static double kind_likeness(void *data, uint32_t i, uint32_t j)
{
	struct group *g = data;
	const struct compat_kind *a = g->old->kinds[g->olds[i]], *b = g->new->kinds[g->news[j]];
	if (a->superkind != b->superkind)
		return 0;
	return compat_likeness(&g->fold[i], a->name, &g->fnew[j], b->name);
}

static void pair_kinds(struct compat_side *old, struct compat_side *new, uint32_t a, uint32_t b,
		       bool renamed)
{
	old->kinds[a]->match = b;
	new->kinds[b]->match = a;
	old->kinds[a]->renamed = new->kinds[b]->renamed = renamed;
}

/* Larger groups are paired by exact features only: likeness is
 * quadratic in the group. */
#define GROUP_LIMIT 4096u

struct candidate {
	const char *pkg;
	uint32_t kind;
};

static int by_package(const void *x, const void *y)
{
	const struct candidate *a = x, *b = y;
	int c = strcmp(a->pkg, b->pkg);
	return c ? c : (a->kind > b->kind) - (a->kind < b->kind);
}

/* The unmatched kinds of a side, sorted by package (package from taken
 * for package to). */
static uint32_t *unmatched(struct compat_side *side, const char *from, const char *to,
			   uint32_t *n)
{
	const struct gsl_mem *mem = side->ctx.mem;
	struct candidate *c = gsl_xmalloc(mem, (side->nkinds + 1) * sizeof *c);
	*n = 0;
	for (uint32_t k = 0; k < side->nkinds; k++) {
		const struct compat_kind *kind = side->kinds[k];
		if (kind->match == COMPAT_NONE && !kind->unknown)
			c[(*n)++] = (struct candidate){
				from && strcmp(kind->pkg, from) == 0 ? to : kind->pkg, k };
	}
	qsort(c, *n, sizeof *c, by_package);
	uint32_t *list = gsl_xmalloc(mem, (*n + 1) * sizeof *list);
	for (uint32_t i = 0; i < *n; i++)
		list[i] = c[i].kind;
	gsl_xfree(mem, c);
	return list;
}

static void pair_group(struct group *g)
{
	const struct gsl_mem *mem = g->old->ctx.mem;
	if ((uint64_t)g->nold * g->nnew > GROUP_LIMIT || !g->nold || !g->nnew)
		return;
	struct gsl_arena arena;
	gsl_arena_init(&arena, mem);
	g->fold = gsl_arena_alloc(&arena, g->nold * sizeof *g->fold);
	g->fnew = gsl_arena_alloc(&arena, g->nnew * sizeof *g->fnew);
	for (uint32_t i = 0; i < g->nold; i++)
		kind_features(&arena, g->old->kinds[g->olds[i]], &g->fold[i]);
	for (uint32_t j = 0; j < g->nnew; j++)
		kind_features(&arena, g->new->kinds[g->news[j]], &g->fnew[j]);
	uint32_t *pair = gsl_xmalloc(mem, g->nold * sizeof *pair);
	compat_pair(mem, g->nold, g->nnew, kind_likeness, g, pair);
	for (uint32_t i = 0; i < g->nold; i++)
		if (pair[i] != COMPAT_NONE)
			pair_kinds(g->old, g->new, g->olds[i], g->news[pair[i]], true);
	gsl_xfree(mem, pair);
	gsl_arena_free(&arena);
}

/* The package of kind k, package from taken for package to. */
static const char *package(const struct compat_side *side, uint32_t k, const char *from,
			   const char *to)
{
	const char *pkg = side->kinds[k]->pkg;
	return from && to && strcmp(pkg, from) == 0 ? to : pkg;
}

/* The one file named on the command line of a side, or NULL. */
static const char *single_main(const struct compat_side *side)
{
	const char *name = NULL;
	for (const struct gsl_package *p = side->model->packages; p; p = p->next)
		if (p->main) {
			if (name)
				return NULL;
			name = p->name;
		}
	return name;
}

void compat_match_kinds(struct compat_side *old, struct compat_side *new)
{
	/* Two files compared (old.gsl, new.gsl) are one package. */
	const char *from = single_main(old), *to = single_main(new);
	struct gsl_buf tgt;
	gsl_buf_init(&tgt, old->ctx.mem);
	for (uint32_t k = 0; k < old->nkinds; k++) {
		const struct compat_kind *a = old->kinds[k];
		gsl_buf_clear(&tgt);
		if (from && to && !a->unknown && strcmp(a->pkg, from) == 0)
			gsl_buf_printf(&tgt, ".tgt.%s%s", to, a->tgt + strlen(".tgt.") + strlen(from));
		else
			gsl_buf_puts(&tgt, a->tgt);
		uint32_t m = compat_kind_find(new, tgt.data, tgt.len);
		if (m != COMPAT_NONE && new->kinds[m]->match == COMPAT_NONE)
			pair_kinds(old, new, k, m, false);
	}
	gsl_buf_free(&tgt);
	/* Renames within a package. */
	uint32_t nold, nnew;
	const char *alias = from && to ? to : NULL;
	uint32_t *olds = unmatched(old, from, alias, &nold), *news = unmatched(new, NULL, NULL, &nnew);
	for (uint32_t i = 0, j = 0; i < nold;) {
		const char *pkg = package(old, olds[i], from, alias);
		uint32_t i_end = i;
		while (i_end < nold && strcmp(package(old, olds[i_end], from, alias), pkg) == 0)
			i_end++;
		while (j < nnew && strcmp(new->kinds[news[j]]->pkg, pkg) < 0)
			j++;
		uint32_t j_end = j;
		while (j_end < nnew && strcmp(new->kinds[news[j_end]]->pkg, pkg) == 0)
			j_end++;
		struct group g = { old, new, olds + i, news + j, i_end - i, j_end - j, NULL, NULL };
		pair_group(&g);
		i = i_end;
		j = j_end;
	}
	gsl_xfree(old->ctx.mem, olds);
	gsl_xfree(new->ctx.mem, news);
	/* A kind moved to another package keeps its name. */
	olds = unmatched(old, NULL, NULL, &nold);
	news = unmatched(new, NULL, NULL, &nnew);
	struct gsl_strmap by_name;
	gsl_strmap_init(&by_name, new->ctx.mem);
	for (uint32_t j = 0; j < nnew; j++) {
		const char *name = new->kinds[news[j]]->name;
		void **slot = gsl_strmap_slot(&by_name, name, strlen(name));
		/* Two candidates of one name: neither is taken for the other. */
		*slot = *slot ? (void *)(uintptr_t)UINT32_MAX : (void *)(uintptr_t)(news[j] + 1);
	}
	for (uint32_t i = 0; i < nold; i++) {
		const char *name = old->kinds[olds[i]]->name;
		uintptr_t v = (uintptr_t)gsl_strmap_get(&by_name, name, strlen(name));
		if (v && v != UINT32_MAX && new->kinds[v - 1]->match == COMPAT_NONE &&
		    new->kinds[v - 1]->superkind == old->kinds[olds[i]]->superkind)
			pair_kinds(old, new, olds[i], (uint32_t)(v - 1), true);
	}
	gsl_strmap_free(&by_name);
	gsl_xfree(old->ctx.mem, olds);
	gsl_xfree(new->ctx.mem, news);
}
