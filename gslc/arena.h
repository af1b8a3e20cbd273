/* arena.h: memory for everything that lives as long as a compilation.
 * All allocation goes through one table (struct gsl_mem), so tests can
 * inject failures; the arena hands out pieces of large chunks that are
 * freed all at once. */
#ifndef GSL_ARENA_H
#define GSL_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* The allocation table. Running out of memory is fatal: gsl_xmalloc and
 * friends report it and exit with status 1, so callers never see NULL. */
struct gsl_mem {
	void *(*realloc)(void *ptr, size_t size); /* like realloc(3) */
	void (*free)(void *ptr);                  /* like free(3) */
};

extern const struct gsl_mem gsl_default_mem;

void *gsl_xmalloc(const struct gsl_mem *mem, size_t size);
void *gsl_xrealloc(const struct gsl_mem *mem, void *ptr, size_t size);
void gsl_xfree(const struct gsl_mem *mem, void *ptr);

struct gsl_chunk;

struct gsl_arena {
	const struct gsl_mem *mem;
	struct gsl_chunk *chunks; /* newest first */
	struct gsl_chunk *spare;  /* chunks taken back by gsl_arena_reset */
	char *next;               /* free space in the newest chunk */
	char *end;
	size_t chunk_size;        /* of the next chunk */
};

void gsl_arena_init(struct gsl_arena *a, const struct gsl_mem *mem);
void gsl_arena_free(struct gsl_arena *a);

/* Zeroed memory aligned for pointers and doubles, valid until
 * gsl_arena_free or gsl_arena_reset. */
void *gsl_arena_alloc(struct gsl_arena *a, size_t size);
/* The same, not zeroed: for pieces the caller fills. */
void *gsl_arena_alloc_raw(struct gsl_arena *a, size_t size);

/* Resizes p, the newest piece of the arena, from old to size bytes where
 * it is; size 0 gives its memory back to the next piece. Returns false,
 * changing nothing, when p is not the newest piece or its chunk has no
 * room. For memory used and dropped at once, as malloc's users do. */
bool gsl_arena_resize(struct gsl_arena *a, void *p, size_t old, size_t size);

/* Whether p points into memory the arena handed out. */
bool gsl_arena_holds(const struct gsl_arena *a, const void *p);

/* Takes back all pieces but keeps the memory for the next ones: work
 * done again and again (a page, then the next) reuses memory already
 * touched, which is much cheaper than fresh pages. */
void gsl_arena_reset(struct gsl_arena *a);

/* A NUL-terminated copy of s[0..n). */
char *gsl_arena_strndup(struct gsl_arena *a, const char *s, size_t n);
char *gsl_arena_strdup(struct gsl_arena *a, const char *s);

/* printf into the arena. */
char *gsl_arena_printf(struct gsl_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
