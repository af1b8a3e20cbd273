/* stack.h: a growable stack of object pointers, the work list of every
   walk over the heap graph. Whether its entries own references is up to
   the walk using it; the stack itself never touches reference counts. */
#ifndef HEAPYC_STACK_H
#define HEAPYC_STACK_H

#include <Python.h>

struct stack {
    PyObject **items;         /* PyMem array, or NULL when never used */
    size_t len;               /* entries in use */
    size_t cap;               /* entries allocated */
};

#define STACK_INIT {NULL, 0, 0}

/* Make room for one more entry; 0, or -1 with MemoryError. */
static inline int
stack_grow(struct stack *s)
{
    size_t cap = s->cap ? 2 * s->cap : 1024;
    PyObject **items = PyMem_Realloc(s->items, cap * sizeof *items);
    if (!items) {
        PyErr_NoMemory();
        return -1;
    }
    s->items = items;
    s->cap = cap;
    return 0;
}

/* Push obj; 0, or -1 with MemoryError. */
static inline int
stack_push(struct stack *s, PyObject *obj)
{
    if (s->len == s->cap && stack_grow(s) < 0)
        return -1;
    s->items[s->len++] = obj;
    return 0;
}

/* Pop the top entry; the stack must not be empty. */
static inline PyObject *
stack_pop(struct stack *s)
{
    return s->items[--s->len];
}

/* Release the memory; the entries are dropped as they are. */
static inline void
stack_free(struct stack *s)
{
    PyMem_Free(s->items);
    s->items = NULL;
    s->len = s->cap = 0;
}

/* Release the memory, and the reference each entry owns (NULL entries
   own none). */
static inline void
stack_free_refs(struct stack *s)
{
    while (s->len)
        Py_XDECREF(stack_pop(s));
    stack_free(s);
}

#endif
