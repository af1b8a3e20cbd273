/* sources.c: loading one side of a comparison into a context and a model
 * of its own: a .gsl file, a directory (its .gsl files, in name order), or
 * REV:path read from git, where imports are found in the same revision. */
#include "config.h"

#include "sources.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git.h"

struct paths {
	const char **items;
	size_t n, cap;
};

static void add_path(struct compat_side *side, struct paths *p, const char *path)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->items = gsl_xrealloc(side->ctx.mem, p->items, p->cap * sizeof *p->items);
	}
	p->items[p->n++] = gsl_arena_strdup(&side->ctx.arena, path);
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool is_gsl(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".gsl") == 0;
}

static bool list_dir(struct compat_side *side, const char *dir, struct paths *p)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	size_t first = p->n;
	struct dirent *e;
	while ((e = readdir(d)))
		if (is_gsl(e->d_name)) {
			char *path = gsl_arena_printf(&side->ctx.arena, "%s/%s", dir, e->d_name);
			add_path(side, p, path);
		}
	closedir(d);
	if (p->n - first > 1)
		qsort(p->items + first, p->n - first, sizeof *p->items, by_name);
	return true;
}

/* "REV:path", with "./" before a path without a slash, so that the front
 * end finds its directory (and its package name) as for any file. */
static const char *git_name(struct compat_side *side, const char *rev, const char *path)
{
	return gsl_arena_printf(&side->ctx.arena, "%s:%s%s", rev, strchr(path, '/') ? "" : "./",
				path);
}

static bool load_git(struct compat_side *side, const char *label, const char *const *dirs,
		     size_t ndirs, struct paths *p)
{
	const struct gsl_mem *mem = side->ctx.mem;
	const char *colon = strchr(label, ':');
	char *rev = gsl_arena_strndup(&side->ctx.arena, label, (size_t)(colon - label));
	side->git = compat_git_open(mem, rev);
	if (!side->git)
		return false;
	struct compat_git *g = side->git;
	const char *given = colon + 1;
	/* As git reads it: from the top, or from here with "./". */
	char *path = given[0] == '.' ? compat_git_from_top(g, given) : NULL;
	if (!path) {
		path = gsl_xmalloc(mem, strlen(given) + 1);
		strcpy(path, given);
	}
	bool ok = true;
	if (compat_git_is_file(g, path)) {
		add_path(side, p, git_name(side, rev, path));
	} else if (compat_git_is_dir(g, path)) {
		size_t n;
		const char **files = compat_git_list(g, path, &n);
		for (size_t i = 0; i < n; i++)
			add_path(side, p, git_name(side, rev, files[i]));
		gsl_xfree(mem, files);
	} else {
		fprintf(stderr, "gslc compat: '%s' names no .gsl file or directory of them\n", label);
		ok = false;
	}
	gsl_xfree(mem, path);
	/* Imported files are looked for in the revision too. */
	for (size_t i = 0; ok && i < ndirs; i++) {
		char *top = compat_git_from_top(g, dirs[i]);
		gsl_ctx_add_include_dir(&side->ctx, top ? git_name(side, rev, *top ? top : ".")
						       : dirs[i]);
		gsl_xfree(mem, top);
	}
	side->ctx.reader = compat_git_reader(g);
	return ok;
}

bool compat_side_load(struct compat_side *side, const char *label, const char *const *dirs,
		      size_t ndirs)
{
	*side = (struct compat_side){ .label = label };
	gsl_ctx_init(&side->ctx, &gsl_default_mem);
	gsl_strmap_init(&side->by_tgt, side->ctx.mem);
	gsl_ptrmap_init(&side->by_def, side->ctx.mem);
	side->ctx.diag.show_source = isatty(2);
	const char *term = getenv("TERM");
	side->ctx.diag.color = side->ctx.diag.show_source && !getenv("NO_COLOR") &&
			       !(term && strcmp(term, "dumb") == 0);
	struct paths p = { 0 };
	struct stat st;
	bool ok = true;
	if (stat(label, &st) == 0) {
		for (size_t i = 0; i < ndirs; i++)
			gsl_ctx_add_include_dir(&side->ctx, dirs[i]);
		if (S_ISDIR(st.st_mode))
			ok = list_dir(side, label, &p);
		else
			add_path(side, &p, label);
	} else if (strchr(label, ':')) {
		ok = load_git(side, label, dirs, ndirs, &p);
	} else {
		fprintf(stderr, "gslc compat: cannot read '%s'\n", label);
		ok = false;
	}
	if (ok && !p.n) {
		fprintf(stderr, "gslc compat: '%s' holds no .gsl file\n", label);
		ok = false;
	}
	if (ok) {
		side->model = gsl_model_build(&side->ctx, p.items, (int)p.n);
		ok = !gsl_diag_failed(&side->ctx);
	}
	gsl_xfree(side->ctx.mem, p.items);
	if (ok) {
		compat_surface_build(side);
		compat_inherit(side);
	}
	side->failed = !ok;
	return ok;
}

void compat_side_diagnose(struct compat_side *side)
{
	/* Diagnostics are shown only when they stop the comparison:
	 * warnings about documentation are `gslc --check`'s business. */
	FILE *nowhere = side->failed ? NULL : fopen("/dev/null", "w");
	if (nowhere)
		side->ctx.diag.out = nowhere;
	gsl_diag_flush(&side->ctx);
	side->ctx.diag.out = stderr;
	if (nowhere)
		fclose(nowhere);
}

void compat_side_free(struct compat_side *side)
{
	if (side->model)
		gsl_model_free(side->model);
	compat_git_free(side->git);
	gsl_strmap_free(&side->by_tgt);
	gsl_ptrmap_free(&side->by_def);
	gsl_xfree(side->ctx.mem, side->kinds);
	gsl_ctx_free(&side->ctx);
}
