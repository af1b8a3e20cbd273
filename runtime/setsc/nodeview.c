/* nodeview.c: seeing any operand of the nodeset algebra as its elements
   sorted by address, and merging such arrays. Merges compare addresses
   as numbers, branch-free, so their speed does not depend on how the
   operands interleave. */
#include "setsc.h"
#include "sortkeys.h"

#include <string.h>

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

void
nodeview_release(struct nodeview *nv)
{
    PyMem_Free(nv->tmp);
    nv->tmp = NULL;
    Py_CLEAR(nv->keep);
}

/* Collect the elements of any iterable, keeping them alive by the list
   (or tuple) PySequence_Fast gives, and sort their addresses. */
static int
view_of_iterable(PyObject *v, struct nodeview *nv)
{
    nv->keep = PySequence_Fast(v, "nodeset operand must be iterable");
    if (!nv->keep)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(nv->keep);
    PyObject **items = PySequence_Fast_ITEMS(nv->keep);
    Py_uintptr_t *keys = PyMem_New(Py_uintptr_t, 2 * (size_t)n + 1);
    if (!keys) {
        Py_CLEAR(nv->keep);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        keys[i] = (Py_uintptr_t)items[i];
    Py_uintptr_t *sorted = sortkeys(keys, keys + n, n);
    n = sortkeys_unique(sorted, n);
    /* The words become pointers again, in the first half of keys. */
    nv->tmp = (PyObject **)keys;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_uintptr_t k = sorted[i];
        nv->tmp[i] = (PyObject *)k;
    }
    nv->items = nv->tmp;
    nv->n = n;
    return 0;
}

int
nodeview_get(PyObject *v, struct nodeview *nv)
{
    nv->tmp = NULL;
    nv->keep = NULL;
    if (NyImmNodeSet_Check(v)) {
        nv->items = ((NyNodeSetObject *)v)->u.nodes;
        nv->n = Py_SIZE(v);
        return 0;
    }
    if (NyMutNodeSet_Check(v)) {
        if (mutnodeset_items((NyMutNodeSetObject *)v, &nv->tmp) < 0)
            return -1;
        nv->items = nv->tmp;
        nv->n = Py_SIZE(v);
        return 0;
    }
    return view_of_iterable(v, nv);
}

static inline Py_uintptr_t
address(PyObject *obj)
{
    return (Py_uintptr_t)obj;
}

/* The merge, written once; each call site passes a constant op so the
   compiler makes one loop per operation. */
static ALWAYS_INLINE Py_ssize_t
merge(enum setop op, PyObject *const *a, Py_ssize_t na,
      PyObject *const *b, Py_ssize_t nb, PyObject **out)
{
    Py_ssize_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        PyObject *x = a[i], *y = b[j];
        int in_a = address(x) <= address(y), in_b = address(y) <= address(x);
        out[k] = in_a ? x : y;
        k += setop_apply(op, (NyBits)in_a, (NyBits)in_b) & 1;
        i += in_a;
        j += in_b;
    }
    if (i < na && setop_apply(op, 1, 0)) {
        memcpy(out + k, a + i, (size_t)(na - i) * sizeof *a);
        k += na - i;
    }
    if (j < nb && setop_apply(op, 0, 1)) {
        memcpy(out + k, b + j, (size_t)(nb - j) * sizeof *b);
        k += nb - j;
    }
    return k;
}

Py_ssize_t
nodes_op(enum setop op, const struct nodeview *a, const struct nodeview *b,
         PyObject **out)
{
    switch (op) {
    case SETOP_AND: return merge(SETOP_AND, a->items, a->n, b->items, b->n, out);
    case SETOP_OR: return merge(SETOP_OR, a->items, a->n, b->items, b->n, out);
    case SETOP_XOR: return merge(SETOP_XOR, a->items, a->n, b->items, b->n, out);
    case SETOP_SUB: return merge(SETOP_SUB, a->items, a->n, b->items, b->n, out);
    case SETOP_SUBR: return merge(SETOP_SUB, b->items, b->n, a->items, a->n, out);
    }
    return 0;
}

int
nodes_subset(const struct nodeview *a, const struct nodeview *b)
{
    Py_ssize_t j = 0;
    if (a->n > b->n)
        return 0;
    for (Py_ssize_t i = 0; i < a->n; i++) {
        while (j < b->n && address(b->items[j]) < address(a->items[i]))
            j++;
        if (j == b->n || b->items[j] != a->items[i])
            return 0;
        j++;
    }
    return 1;
}
