/* context.h: the compilation context. It owns every byte of a run: the
 * source files, the arena holding the AST and the model, and the
 * diagnostics state. Nothing is global; freeing the context frees all. */
#ifndef GSL_CONTEXT_H
#define GSL_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "strmap.h"

struct gsl_tag_index;

/* A loaded source file. */
struct gsl_file {
	char *path;         /* as given or found on the include path */
	char *text;         /* whole contents, NUL-terminated */
	size_t len;
	uint32_t *lines;    /* byte offset of each line start, built lazily */
	uint32_t nlines;
};

/* A source of files besides the file system (gslc compat reads the
 * files of a git revision): find says whether it has path and, if so,
 * gives its text (NUL-terminated, len bytes, owned by the reader). */
struct gsl_reader {
	bool (*find)(void *data, const char *path, const char **text, size_t *len);
	void *data;
};

/* Nodes keep their file number in 16 bits. */
#define GSL_MAX_FILES 65535u

struct gsl_ctx {
	const struct gsl_mem *mem;
	struct gsl_arena arena;    /* AST, model, strings */
	struct gsl_file *files;    /* indexed by gsl_loc.file - 1 */
	uint32_t nfiles;
	const struct gsl_reader *reader; /* asked before the file system, if set */
	const char **include_dirs; /* -I directories, searched in order */
	size_t ninclude_dirs;
	struct gsl_diag_state diag;
	struct gsl_tag_index *tag_index; /* built by gsl_tag_lookup */
	struct gsl_strmap strings;       /* interned strings */
};

void gsl_ctx_init(struct gsl_ctx *ctx, const struct gsl_mem *mem);
void gsl_ctx_free(struct gsl_ctx *ctx);

void gsl_ctx_add_include_dir(struct gsl_ctx *ctx, const char *dir);

/* Loads a file; returns its file number for gsl_loc, or 0 after
 * reporting why it could not be read (at `from`, if given). */
uint32_t gsl_ctx_load(struct gsl_ctx *ctx, const char *path, struct gsl_loc from);

/* Whether gsl_ctx_load would find path. */
bool gsl_ctx_exists(struct gsl_ctx *ctx, const char *path);

/* Adds a file from memory (a copy of text[0..len)); used by tests and
 * the fuzzer. */
uint32_t gsl_ctx_add_file(struct gsl_ctx *ctx, const char *path,
			  const char *text, size_t len);

/* The one NUL-terminated copy of s[0..len) in this context. */
const char *gsl_intern(struct gsl_ctx *ctx, const char *s, size_t len);

const struct gsl_file *gsl_ctx_file(const struct gsl_ctx *ctx, uint32_t file);

/* The text of line `line` (1-based) of a file, without its newline. */
const char *gsl_file_line(struct gsl_ctx *ctx, uint32_t file, uint32_t line,
			  size_t *len);

#endif
