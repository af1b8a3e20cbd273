/* cli_rcs.c: the classifier by referrer classification set: the kind of
   an object is the immutable nodeset of the kinds of its referrers under
   another classifier, memoized. Referrers come from a nodegraph from
   each object to its referrers (None marks an object with none). State:
   the tuple (view, referrer classifier, referrers, memo, KindCache). */
#include "heapyc.h"

#include <stdint.h>
#include <string.h>

enum { RCS_HV, RCS_CLASSIFIER, RCS_REFERRERS, RCS_MEMO, RCS_CACHE, RCS_N };

#define FIELD(self, i) PyTuple_GET_ITEM(self, i)

/* The memoized immutable copy of the mutable nodeset kinds (stolen). */
static PyObject *
memoize(PyObject *self, NyNodeSetObject *kinds)
{
    return memo_lookup_frozen(FIELD(self, RCS_MEMO), kinds);
}

/* The kinds of the referrers of one object: new references. */
struct kinds {
    PyObject **items;
    Py_ssize_t n, cap;
    PyObject *few[16];            /* items, while there are few */
};

static int
kinds_append(struct kinds *k, PyObject *kind)
{
    if (k->n == k->cap) {
        Py_ssize_t cap = 2 * k->cap;
        PyObject **items = k->items == k->few
                               ? PyMem_Malloc((size_t)cap * sizeof *items)
                               : PyMem_Realloc(k->items,
                                               (size_t)cap * sizeof *items);
        if (!items) {
            Py_DECREF(kind);
            PyErr_NoMemory();
            return -1;
        }
        if (k->items == k->few)
            memcpy(items, k->few, sizeof k->few);
        k->items = items;
        k->cap = cap;
    }
    k->items[k->n++] = kind;
    return 0;
}

/* Sort by address and drop duplicates, as the elements of a nodeset. */
static void
kinds_normalize(struct kinds *k)
{
    for (Py_ssize_t i = 1; i < k->n; i++) {
        PyObject *x = k->items[i];
        Py_ssize_t j = i;
        for (; j > 0 && (uintptr_t)k->items[j - 1] > (uintptr_t)x; j--)
            k->items[j] = k->items[j - 1];
        k->items[j] = x;
    }
    Py_ssize_t kept = k->n ? 1 : 0;
    for (Py_ssize_t i = 1; i < k->n; i++) {
        if (k->items[i] == k->items[kept - 1])
            Py_DECREF(k->items[i]);
        else
            k->items[kept++] = k->items[i];
    }
    k->n = kept;
}

static void
kinds_release(struct kinds *k)
{
    while (k->n)
        Py_DECREF(k->items[--k->n]);
    if (k->items != k->few)
        PyMem_Free(k->items);
}

/* The kinds of the referrers of obj into k; 0, or -1. */
static int
referrer_kinds(PyObject *self, PyObject *obj, struct kinds *k)
{
    NyObjectClassifierObject *cli =
        (NyObjectClassifierObject *)FIELD(self, RCS_CLASSIFIER);
    ng_edge *lo, *hi;
    ng_region((NyNodeGraphObject *)FIELD(self, RCS_REFERRERS), obj, &lo, &hi);
    for (; lo < hi; lo++) {
        if (lo->tgt == Py_None)
            continue;
        PyObject *kind = cli_classify(cli, lo->tgt);
        if (!kind || kinds_append(k, kind) < 0)
            return -1;
    }
    kinds_normalize(k);
    return 0;
}

/* The memoized set of the kinds, made, memoized and cached anew. */
static PyObject *
new_kind(PyObject *self, const struct kinds *k)
{
    NyNodeSetObject *set = hv_new_set((NyHeapViewObject *)FIELD(self, RCS_HV));
    for (Py_ssize_t i = 0; set && i < k->n; i++)
        if (sets_add(set, k->items[i]) < 0)
            Py_CLEAR(set);
    PyObject *kind = memoize(self, set);
    if (kind && kindcache_add(FIELD(self, RCS_CACHE), kind) < 0)
        Py_CLEAR(kind);
    return kind;
}

static PyObject *
rcs_classify(PyObject *self, PyObject *obj)
{
    struct kinds k = {.cap = 16};
    k.items = k.few;
    PyObject *kind = NULL;
    if (referrer_kinds(self, obj, &k) == 0) {
        kind = kindcache_find(FIELD(self, RCS_CACHE), k.items, k.n);
        kind = kind ? Py_NewRef(kind) : new_kind(self, &k);
    }
    kinds_release(&k);
    return kind;
}

struct memoizing {
    NyObjectClassifierObject *cli;
    NyNodeSetObject *kinds;
};

static int
memoize_visit(PyObject *kind, void *arg)
{
    struct memoizing *m = arg;
    PyObject *memoized = cli_memoized_kind(m->cli, kind);
    int r = memoized ? sets_add(m->kinds, memoized) : -1;
    Py_XDECREF(memoized);
    return r < 0 ? -1 : 0;
}

/* The canonical kind for a nodeset of referrer kinds. */
static PyObject *
rcs_memoized_kind(PyObject *self, PyObject *kind)
{
    if (!sets_check(kind)) {
        PyErr_SetString(PyExc_TypeError,
                        "hv_cli_rcs_memoized_kind: nodeset object "
                        "(immutable) expected.");
        return NULL;
    }
    struct memoizing m = {
        (NyObjectClassifierObject *)FIELD(self, RCS_CLASSIFIER),
        hv_new_set((NyHeapViewObject *)FIELD(self, RCS_HV)),
    };
    if (m.kinds && iterable_iterate(kind, memoize_visit, &m) < 0)
        Py_CLEAR(m.kinds);
    return memoize(self, m.kinds);
}

static const struct cli_def rcs_def = {
    .name = "cli_rcs",
    .classify = rcs_classify,
    .memoized_kind = rcs_memoized_kind,
    .le = cli_le_by_value,
};

PyObject *
hv_cli_rcs(NyHeapViewObject *hv, PyObject *args)
{
    PyObject *referrers, *classifier, *memo;
    if (!PyArg_ParseTuple(args, "O!O!O!:cli_rcs", &NyNodeGraph_Type,
                          &referrers, &NyObjectClassifier_Type, &classifier,
                          &PyDict_Type, &memo))
        return NULL;
    PyObject *cache = kindcache_new(memo);
    if (!cache)
        return NULL;
    PyObject *cli = cli_new_packed(&rcs_def, RCS_N, hv, classifier,
                                   referrers, memo, cache);
    Py_DECREF(cache);
    return cli;
}
