/* cli_rcs.c: the classifier by referrer classification set: the kind of
   an object is the immutable nodeset of the kinds of its referrers under
   another classifier, memoized. Referrers come from a nodegraph from
   each object to its referrers (None marks an object with none). State:
   the tuple (view, referrer classifier, referrers, memo). */
#include "heapyc.h"

enum { RCS_HV, RCS_CLASSIFIER, RCS_REFERRERS, RCS_MEMO, RCS_N };

#define FIELD(self, i) PyTuple_GET_ITEM(self, i)

/* The memoized immutable copy of the mutable nodeset kinds (stolen). */
static PyObject *
memoize(PyObject *self, NyNodeSetObject *kinds)
{
    return memo_lookup_frozen(FIELD(self, RCS_MEMO), kinds);
}

static PyObject *
rcs_classify(PyObject *self, PyObject *obj)
{
    NyHeapViewObject *hv = (NyHeapViewObject *)FIELD(self, RCS_HV);
    NyObjectClassifierObject *cli =
        (NyObjectClassifierObject *)FIELD(self, RCS_CLASSIFIER);
    ng_edge *lo, *hi;
    NyNodeSetObject *kinds = hv_new_set(hv);
    if (!kinds)
        return NULL;
    ng_region((NyNodeGraphObject *)FIELD(self, RCS_REFERRERS), obj, &lo, &hi);
    for (; lo < hi; lo++) {
        if (lo->tgt == Py_None)
            continue;
        PyObject *kind = cli_classify(cli, lo->tgt);
        int r = kind ? sets_add(kinds, kind) : -1;
        Py_XDECREF(kind);
        if (r < 0) {
            Py_DECREF(kinds);
            return NULL;
        }
    }
    return memoize(self, kinds);
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
    return cli_new_packed(&rcs_def, RCS_N, hv, classifier, referrers, memo);
}
