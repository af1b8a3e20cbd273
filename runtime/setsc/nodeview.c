/* nodeview.c: seeing any operand of the nodeset algebra as its elements
   sorted by address, and merging such arrays. Merges compare addresses
   as numbers, branch-free, so their speed does not depend on how the
   operands interleave. */
#include "setsc.h"
#include "sortkeys.h"

#include <string.h>

void
nodeview_release(struct nodeview *nv)
{
    PyMem_Free(nv->tmp);
    nv->tmp = NULL;
    Py_CLEAR(nv->keep);
}

int
nodes_collect(PyObject *iterable, struct collected *c, int shift)
{
    c->mem = NULL;
    c->keep = PySequence_Fast(iterable, "nodeset operand must be iterable");
    if (!c->keep)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(c->keep);
    PyObject **items = PySequence_Fast_ITEMS(c->keep);
    c->mem = PyMem_New(Py_uintptr_t, 2 * (size_t)n + 1);
    if (!c->mem) {
        Py_CLEAR(c->keep);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        c->mem[i] = (Py_uintptr_t)items[i];
    c->sorted = sortkeys(c->mem, c->mem + n, n, shift);
    c->n = n;
    return 0;
}

void
nodes_collected_release(struct collected *c)
{
    PyMem_Free(c->mem);
    c->mem = NULL;
    Py_CLEAR(c->keep);
}

/* Objects far apart in memory: their reference counts are fetched a few
   elements ahead of use. */
#define AHEAD 8

Py_ssize_t
nodes_fill_unique(PyObject **out, const Py_uintptr_t *sorted, Py_ssize_t n)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_uintptr_t key = sorted[i];
        if (k > 0 && (Py_uintptr_t)out[k - 1] == key)
            continue;
        out[k++] = (PyObject *)key;
    }
    return k;
}

void
nodes_take(PyObject *const *items, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i + AHEAD < n)
            __builtin_prefetch(items[i + AHEAD], 1);
        Py_INCREF(items[i]);
    }
}

void
nodes_release(PyObject **items, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i + AHEAD < n)
            __builtin_prefetch(items[i + AHEAD], 1);
        Py_CLEAR(items[i]);
    }
}

/* Collect the elements of any iterable, kept alive by the list (or
   tuple) PySequence_Fast gives, sorted and without repeats. */
static int
view_of_iterable(PyObject *v, struct nodeview *nv)
{
    struct collected c;
    if (nodes_collect(v, &c, 0) < 0)
        return -1;
    nv->tmp = (PyObject **)c.mem;
    nv->items = nv->tmp;
    nv->n = nodes_fill_unique(nv->tmp, c.sorted, c.n);
    nv->keep = c.keep;
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

/* Merging two address-sorted arrays. Sets in a heap share long runs
   (objects made together lie together), so whole blocks of RUN elements
   are first tried as a run of one side, or as equal on both sides, and
   copied at once; interleaved elements are merged without branches.
   Counting goes from both ends at once, which gives the processor two
   independent chains of work. */

#define RUN 16

/* Whether op keeps an element in a only, in b only, in both. */
#define KEEPS_A(op) (setop_apply(op, 1, 0) != 0)
#define KEEPS_B(op) (setop_apply(op, 0, 1) != 0)
#define KEEPS_BOTH(op) (setop_apply(op, 1, 1) != 0)

/* Copy n elements to out[at] unless only counting. */
static inline void
copy(PyObject **out, Py_ssize_t at, PyObject *const *from, Py_ssize_t n)
{
    if (out)
        memcpy(out + at, from, (size_t)n * sizeof *from);
}

/* Whether the RUN elements from a and from b are the same. */
static ALWAYS_INLINE int
same_run(PyObject *const *a, PyObject *const *b)
{
    if (a[0] != b[0])
        return 0;
    Py_uintptr_t differ = 0;
    for (int r = 1; r < RUN; r++)
        differ |= address(a[r]) ^ address(b[r]);
    return !differ;
}

/* Pass a block at the front of a[*i..] and b[*j..], written at out[*k]
   (out NULL: only count): returns whether the next RUN elements of one
   side all come before the other side, or are the same on both. */
static ALWAYS_INLINE int
front_block(enum setop op, PyObject *const *a, Py_ssize_t *i,
            PyObject *const *b, Py_ssize_t *j, PyObject **out, Py_ssize_t *k)
{
    int run_a = address(a[*i + RUN - 1]) < address(b[*j]);
    int run_b = !run_a && address(b[*j + RUN - 1]) < address(a[*i]);
    if (!run_a && !run_b && !same_run(a + *i, b + *j))
        return 0;
    if (run_a ? KEEPS_A(op) : run_b ? KEEPS_B(op) : KEEPS_BOTH(op)) {
        copy(out, *k, run_b ? b + *j : a + *i, RUN);
        *k += RUN;
    }
    *i += run_b ? 0 : RUN;
    *j += run_a ? 0 : RUN;
    return 1;
}

/* Count a block at the back of a[..*i] and b[..*j], as front_block. */
static ALWAYS_INLINE int
back_block(enum setop op, PyObject *const *a, Py_ssize_t *i,
           PyObject *const *b, Py_ssize_t *j, Py_ssize_t *k)
{
    int run_a = address(a[*i - RUN + 1]) > address(b[*j]);
    int run_b = !run_a && address(b[*j - RUN + 1]) > address(a[*i]);
    if (!run_a && !run_b && !same_run(a + *i - RUN + 1, b + *j - RUN + 1))
        return 0;
    if (run_a ? KEEPS_A(op) : run_b ? KEEPS_B(op) : KEEPS_BOTH(op))
        *k += RUN;
    *i -= run_b ? 0 : RUN;
    *j -= run_a ? 0 : RUN;
    return 1;
}

/* One branch-free step from the front: the lower of a[*i] and b[*j] is
   passed; it is written to out[*k], and counted if op keeps it. The
   write happens either way: out needs room for one element more than is
   kept. */
static ALWAYS_INLINE void
front_step(enum setop op, PyObject *const *a, Py_ssize_t *i,
           PyObject *const *b, Py_ssize_t *j, PyObject **out, Py_ssize_t *k)
{
    PyObject *x = a[*i], *y = b[*j];
    int in_a = address(x) <= address(y), in_b = address(y) <= address(x);
    if (out)
        out[*k] = in_a ? x : y;
    *k += setop_apply(op, (NyBits)in_a, (NyBits)in_b) & 1;
    *i += in_a;
    *j += in_b;
}

/* One counting step from the back: the higher of a[*i] and b[*j]. */
static ALWAYS_INLINE void
back_step(enum setop op, PyObject *const *a, Py_ssize_t *i,
          PyObject *const *b, Py_ssize_t *j, Py_ssize_t *k)
{
    int in_a = address(a[*i]) >= address(b[*j]);
    int in_b = address(b[*j]) >= address(a[*i]);
    *k += setop_apply(op, (NyBits)in_a, (NyBits)in_b) & 1;
    *i -= in_a;
    *j -= in_b;
}

typedef PyObject *node;
#define ELEMENT node
#include "merge_loops.h"

/* Dispatch on op with constant arguments, so each case gets its loop. */
#define DISPATCH(call) \
    switch (op) { \
    case SETOP_AND: return call(SETOP_AND, a, b); \
    case SETOP_OR: return call(SETOP_OR, a, b); \
    case SETOP_XOR: return call(SETOP_XOR, a, b); \
    case SETOP_SUB: return call(SETOP_SUB, a, b); \
    case SETOP_SUBR: return call(SETOP_SUB, b, a); \
    } \
    return 0

#define COUNT(op, x, y) count(op, x->items, x->n, y->items, y->n)
#define WRITE(op, x, y) merge(op, x->items, x->n, y->items, y->n, out)

Py_ssize_t
nodes_op_count(enum setop op, const struct nodeview *a,
               const struct nodeview *b)
{
    DISPATCH(COUNT);
}

Py_ssize_t
nodes_op(enum setop op, const struct nodeview *a, const struct nodeview *b,
         PyObject **out)
{
    DISPATCH(WRITE);
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
