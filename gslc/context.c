/* context.c: creating and freeing the compilation context, and loading
 * source files into it. */
#include "config.h"

#include "context.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void gsl_ctx_init(struct gsl_ctx *ctx, const struct gsl_mem *mem)
{
	*ctx = (struct gsl_ctx){
		.mem = mem,
		.diag = { .out = stderr },
	};
	gsl_arena_init(&ctx->arena, mem);
	gsl_strmap_init(&ctx->strings, mem);
}

void gsl_ctx_free(struct gsl_ctx *ctx)
{
	gsl_diag_flush(ctx);
	for (uint32_t i = 0; i < ctx->nfiles; i++) {
		gsl_xfree(ctx->mem, ctx->files[i].path);
		gsl_xfree(ctx->mem, ctx->files[i].text);
		gsl_xfree(ctx->mem, ctx->files[i].lines);
	}
	gsl_xfree(ctx->mem, ctx->files);
	gsl_xfree(ctx->mem, ctx->include_dirs);
	gsl_strmap_free(&ctx->strings);
	gsl_arena_free(&ctx->arena);
}

void gsl_ctx_add_include_dir(struct gsl_ctx *ctx, const char *dir)
{
	ctx->include_dirs = gsl_xrealloc(ctx->mem, ctx->include_dirs,
					 (ctx->ninclude_dirs + 1) * sizeof *ctx->include_dirs);
	ctx->include_dirs[ctx->ninclude_dirs++] = dir;
}

static char *copy_string(const struct gsl_mem *mem, const char *s, size_t n)
{
	char *p = gsl_xmalloc(mem, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Takes ownership of text (NUL-terminated, len bytes). */
static uint32_t add_file(struct gsl_ctx *ctx, const char *path, char *text, size_t len)
{
	if (ctx->nfiles == GSL_MAX_FILES) {
		gsl_error(ctx, gsl_loc(0, 0, 0), "too many files (at most %u)", GSL_MAX_FILES);
		gsl_xfree(ctx->mem, text);
		return 0;
	}
	ctx->files = gsl_xrealloc(ctx->mem, ctx->files, (ctx->nfiles + 1) * sizeof *ctx->files);
	ctx->files[ctx->nfiles] = (struct gsl_file){
		.path = copy_string(ctx->mem, path, strlen(path)),
		.text = text,
		.len = len,
	};
	return ++ctx->nfiles;
}

uint32_t gsl_ctx_add_file(struct gsl_ctx *ctx, const char *path, const char *text, size_t len)
{
	return add_file(ctx, path, copy_string(ctx->mem, text, len), len);
}

bool gsl_ctx_exists(struct gsl_ctx *ctx, const char *path)
{
	const char *text;
	size_t len;
	if (ctx->reader && ctx->reader->find(ctx->reader->data, path, &text, &len))
		return true;
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	return f != NULL;
}

uint32_t gsl_ctx_load(struct gsl_ctx *ctx, const char *path, struct gsl_loc from)
{
	const char *given;
	size_t given_len;
	if (ctx->reader && ctx->reader->find(ctx->reader->data, path, &given, &given_len))
		return gsl_ctx_add_file(ctx, path, given, given_len);
	FILE *f = fopen(path, "rb");
	if (!f) {
		gsl_error(ctx, from, "cannot open '%s': %s", path, strerror(errno));
		return 0;
	}
	/* Start with the file's size, so a whole file costs its size. */
	struct stat st;
	size_t cap = fstat(fileno(f), &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 2 : 4096;
	size_t len = 0;
	char *text = gsl_xmalloc(ctx->mem, cap);
	size_t n;
	while ((n = fread(text + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0) {
			cap *= 2;
			text = gsl_xrealloc(ctx->mem, text, cap);
		}
	}
	bool failed = ferror(f);
	int err = errno;
	fclose(f);
	if (failed) {
		gsl_xfree(ctx->mem, text);
		gsl_error(ctx, from, "cannot read '%s': %s", path, strerror(err));
		return 0;
	}
	text[len] = '\0';
	if (len > UINT32_MAX - 1) {
		gsl_xfree(ctx->mem, text);
		gsl_error(ctx, from, "'%s' is too large (4 GiB at most)", path);
		return 0;
	}
	return add_file(ctx, path, text, len);
}

const char *gsl_intern(struct gsl_ctx *ctx, const char *s, size_t len)
{
	const char *found = gsl_strmap_get(&ctx->strings, s, len);
	if (found)
		return found;
	char *copy = gsl_arena_strndup(&ctx->arena, s, len);
	*gsl_strmap_slot(&ctx->strings, copy, len) = copy;
	return copy;
}

const struct gsl_file *gsl_ctx_file(const struct gsl_ctx *ctx, uint32_t file)
{
	return file && file <= ctx->nfiles ? &ctx->files[file - 1] : NULL;
}

/* The line index is only needed to quote a line in a diagnostic, so it
 * is built on first use. */
static void index_lines(struct gsl_ctx *ctx, struct gsl_file *f)
{
	uint32_t n = 1;
	for (size_t i = 0; i < f->len; i++)
		n += f->text[i] == '\n';
	f->lines = gsl_xmalloc(ctx->mem, n * sizeof *f->lines);
	f->lines[0] = 0;
	uint32_t k = 1;
	for (size_t i = 0; i < f->len; i++)
		if (f->text[i] == '\n')
			f->lines[k++] = (uint32_t)(i + 1);
	f->nlines = n;
}

const char *gsl_file_line(struct gsl_ctx *ctx, uint32_t file, uint32_t line, size_t *len)
{
	if (!file || file > ctx->nfiles)
		return NULL;
	struct gsl_file *f = &ctx->files[file - 1];
	if (!f->lines)
		index_lines(ctx, f);
	if (line == 0 || line > f->nlines)
		return NULL;
	const char *s = f->text + f->lines[line - 1];
	const char *e = s;
	while (e < f->text + f->len && *e != '\n')
		e++;
	if (e > s && e[-1] == '\r')
		e--;
	*len = (size_t)(e - s);
	return s;
}
