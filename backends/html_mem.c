/* html_mem.c: libxml2's memory while a page is made: pieces of the
 * page's arena, never freed one by one, so that the many small nodes of
 * a page cost a pointer bump each and go at once with the arena.
 * Outside a page, on any thread, libxml2 uses malloc as usual. */
#include "config.h"

#include "html.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* The arena of the page this thread is making, or NULL. */
static _Thread_local struct gsl_arena *page_arena;

/* Each piece starts with its size, which realloc needs. */
static void *page_malloc(size_t size)
{
	if (!page_arena)
		return malloc(size);
	size_t *p = gsl_arena_alloc_raw(page_arena, sizeof *p + size);
	*p = size;
	return p + 1;
}

/* Whether p was allocated for the page this thread is making. */
static bool from_page(const void *p)
{
	return page_arena && gsl_arena_holds(page_arena, p);
}

/* Pieces are dropped with the arena, but the newest one gives its memory
 * back: a buffer used and freed at once (libxml2 escapes each text into
 * one) then takes no room. */
static void page_free(void *p)
{
	if (!p)
		return;
	if (!from_page(p)) {
		free(p);
		return;
	}
	size_t *head = (size_t *)p - 1;
	gsl_arena_resize(page_arena, head, sizeof *head + *head, 0);
}

/* The newest piece grows where it is when it can. */
static void *page_realloc(void *p, size_t size)
{
	if (!p || !from_page(p))
		return p || !page_arena ? realloc(p, size) : page_malloc(size);
	size_t *head = (size_t *)p - 1;
	size_t old = *head;
	if (size <= old ||
	    gsl_arena_resize(page_arena, head, sizeof *head + old, sizeof *head + size)) {
		*head = size > old ? size : old;
		return p;
	}
	void *q = page_malloc(size);
	memcpy(q, p, old);
	return q;
}

static char *page_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(page_malloc(n), s, n);
}

void gsl_html_mem_setup(void)
{
	xmlMemSetup(page_free, page_malloc, page_realloc, page_strdup);
}

void gsl_html_mem_begin(struct gsl_arena *arena)
{
	page_arena = arena;
}

void gsl_html_mem_end(void)
{
	/* libxml2 keeps its last error, message and all, after the call that
	 * raised it: that memory, made in the page's arena, goes now, before
	 * anything would hand it to free(). */
	xmlResetLastError();
	page_arena = NULL;
}
