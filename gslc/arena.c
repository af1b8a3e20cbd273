/* arena.c: the allocation table and the bump allocator behind the AST
 * and the model. */
#include "arena.h"

#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

const struct gsl_mem gsl_default_mem = { realloc, free };

static void out_of_memory(void)
{
	fputs("gslc: error: out of memory\n", stderr);
	exit(1);
}

void *gsl_xrealloc(const struct gsl_mem *mem, void *ptr, size_t size)
{
	void *p = mem->realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *gsl_xmalloc(const struct gsl_mem *mem, size_t size)
{
	return gsl_xrealloc(mem, NULL, size);
}

void gsl_xfree(const struct gsl_mem *mem, void *ptr)
{
	mem->free(ptr);
}

/* Pieces are aligned for pointers and doubles, all the tree holds; the
 * 16 bytes of max_align_t would waste a sixth of the memory of names. */
enum { ALIGN = 8 };

struct gsl_chunk {
	struct gsl_chunk *next;
	size_t cap;      /* bytes of data */
	uint64_t data[]; /* the pieces handed out */
};

/* Chunks grow from 256 KiB to 8 MiB, so small runs stay small and large
 * ones make few chunks. */
enum { FIRST_CHUNK = 256 * 1024, LAST_CHUNK = 8 * 1024 * 1024, HUGE_PAGE = 2 * 1024 * 1024 };

/* Most of the time of a large run goes to the kernel handing out and
 * zeroing fresh pages; in big chunks, 2 MiB pages make that far cheaper. */
static void prefer_huge_pages(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	uintptr_t end = ((uintptr_t)p + size) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}

static struct gsl_chunk *new_chunk(struct gsl_arena *a, size_t cap)
{
	struct gsl_chunk *c = gsl_xmalloc(a->mem, sizeof *c + cap);
	if (cap >= 2 * HUGE_PAGE)
		prefer_huge_pages(c, sizeof *c + cap);
	c->cap = cap;
	return c;
}

void gsl_arena_init(struct gsl_arena *a, const struct gsl_mem *mem)
{
	a->mem = mem;
	a->chunks = a->spare = NULL;
	a->next = a->end = NULL;
	a->chunk_size = 0;
}

static void free_chunks(const struct gsl_mem *mem, struct gsl_chunk *c)
{
	while (c) {
		struct gsl_chunk *next = c->next;
		gsl_xfree(mem, c);
		c = next;
	}
}

void gsl_arena_free(struct gsl_arena *a)
{
	free_chunks(a->mem, a->chunks);
	free_chunks(a->mem, a->spare);
	a->chunks = a->spare = NULL;
	a->next = a->end = NULL;
}

void gsl_arena_reset(struct gsl_arena *a)
{
	if (!a->chunks)
		return;
	struct gsl_chunk *last = a->chunks;
	while (last->next)
		last = last->next;
	last->next = a->spare;
	a->spare = a->chunks;
	a->chunks = NULL;
	a->next = a->end = NULL;
}

static size_t aligned(size_t size)
{
	return (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

bool gsl_arena_resize(struct gsl_arena *a, void *p, size_t old, size_t size)
{
	char *start = p;
	if (start + aligned(old) != a->next || aligned(size) > (size_t)(a->end - start))
		return false;
	a->next = start + aligned(size);
	return true;
}

bool gsl_arena_holds(const struct gsl_arena *a, const void *p)
{
	for (const struct gsl_chunk *c = a->chunks; c; c = c->next)
		if ((const char *)p >= (const char *)c->data &&
		    (const char *)p < (const char *)c->data + c->cap)
			return true;
	return false;
}

/* The first chunk of at least size bytes that a reset gave back, taken
 * off the spare list; NULL when none is that large. */
static struct gsl_chunk *take_spare(struct gsl_arena *a, size_t size)
{
	for (struct gsl_chunk **link = &a->spare; *link; link = &(*link)->next)
		if ((*link)->cap >= size) {
			struct gsl_chunk *c = *link;
			*link = c->next;
			return c;
		}
	return NULL;
}

void *gsl_arena_alloc_raw(struct gsl_arena *a, size_t size)
{
	size = aligned(size);
	if ((size_t)(a->end - a->next) < size) {
		/* A piece larger than a quarter chunk gets a chunk of its own,
		 * behind the current one, so the free space is not wasted. */
		size_t chunk = a->chunk_size ? a->chunk_size : FIRST_CHUNK;
		size_t cap = size > chunk / 4 ? size : chunk;
		struct gsl_chunk *c = take_spare(a, size);
		if (c) {
			cap = c->cap;
		} else {
			c = new_chunk(a, cap);
			if (cap == chunk && chunk < LAST_CHUNK)
				a->chunk_size = 2 * chunk;
		}
		if (cap == size && a->chunks) {
			c->next = a->chunks->next;
			a->chunks->next = c;
			return c->data;
		}
		c->next = a->chunks;
		a->chunks = c;
		a->next = (char *)c->data;
		a->end = a->next + cap;
	}
	void *p = a->next;
	a->next += size;
	return p;
}

void *gsl_arena_alloc(struct gsl_arena *a, size_t size)
{
	void *p = gsl_arena_alloc_raw(a, size);
	memset(p, 0, size);
	return p;
}

char *gsl_arena_strndup(struct gsl_arena *a, const char *s, size_t n)
{
	char *p = gsl_arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *gsl_arena_strdup(struct gsl_arena *a, const char *s)
{
	return gsl_arena_strndup(a, s, strlen(s));
}

char *gsl_arena_printf(struct gsl_arena *a, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if ((size_t)n < sizeof small)
		return gsl_arena_strndup(a, small, (size_t)n);
	char *p = gsl_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
