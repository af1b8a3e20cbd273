/* cli_inrel.c: the classifier by incoming relations: the kind of an
   object is the immutable nodeset of the relations (Relation objects,
   each memoized) by which its referrers refer to it. Referrers come from
   a nodegraph as for cli_rcs. State: the tuple (view, referrers, a
   scratch Relation used for lookups, kind memo, relation memo). */
#include "heapyc.h"

enum { INREL_HV, INREL_REFERRERS, INREL_SCRATCH, INREL_MEMOKIND,
       INREL_MEMOREL, INREL_N };

#define FIELD(self, i) PyTuple_GET_ITEM(self, i)

/* The memoized immutable copy of the mutable nodeset kinds (stolen). */
static PyObject *
memoize(PyObject *self, NyNodeSetObject *kinds)
{
    return memo_lookup_frozen(FIELD(self, INREL_MEMOKIND), kinds);
}

struct inrel_visit {
    NyHeapRelate hr;              /* first: the relate callback's argument */
    PyObject *self;
    NyNodeSetObject *relations;
    int failed;
};

/* Add the memoized relation (kind, relator) to the set; relator stolen.
   The scratch relation stands in for it in the memo lookup, saving an
   allocation per reference. */
static int
inrel_relate_visit(unsigned int kind, PyObject *relator, NyHeapRelate *hr)
{
    struct inrel_visit *v = (struct inrel_visit *)hr;
    PyObject *memorel = FIELD(v->self, INREL_MEMOREL);
    NyRelationObject *scratch =
        (NyRelationObject *)FIELD(v->self, INREL_SCRATCH);
    if (!relator) {
        v->failed = 1;
        return 1;
    }
    scratch->kind = (int)kind;
    scratch->relator = relator;
    PyObject *rel = PyDict_GetItemWithError(memorel, (PyObject *)scratch);
    scratch->relator = Py_None;
    Py_XINCREF(rel);
    if (!rel && !PyErr_Occurred() &&
        (rel = (PyObject *)rel_new((int)kind, relator)) &&
        PyDict_SetItem(memorel, rel, rel) < 0)
        Py_CLEAR(rel);
    Py_DECREF(relator);
    if (!rel || sets_add(v->relations, rel) < 0)
        v->failed = 1;
    Py_XDECREF(rel);
    return v->failed;
}

static PyObject *
inrel_classify(PyObject *self, PyObject *obj)
{
    NyHeapViewObject *hv = (NyHeapViewObject *)FIELD(self, INREL_HV);
    struct inrel_visit v = {
        .hr = {.hv = (PyObject *)hv, .tgt = obj, .visit = inrel_relate_visit},
        .self = self,
        .relations = hv_new_set(hv),
    };
    ng_edge *lo, *hi;
    if (!v.relations)
        return NULL;
    ng_region((NyNodeGraphObject *)FIELD(self, INREL_REFERRERS), obj, &lo,
              &hi);
    for (; lo < hi && !v.failed; lo++) {
        if (lo->tgt == Py_None)
            continue;
        v.hr.src = lo->tgt;
        if (hv_relate(hv, &v.hr) < 0)
            v.failed = 1;
    }
    if (v.failed) {
        Py_DECREF(v.relations);
        return NULL;
    }
    return memoize(self, v.relations);
}

struct memoizing {
    PyObject *memorel;
    NyNodeSetObject *relations;
};

static int
memoize_visit(PyObject *rel, void *arg)
{
    struct memoizing *m = arg;
    if (!rel_check(rel)) {
        PyErr_Format(PyExc_TypeError,
                     "inrel_visit_memoize_relation: can only memoize "
                     "relation (not \"%.200s\")", Py_TYPE(rel)->tp_name);
        return -1;
    }
    PyObject *memoized = memo_lookup(m->memorel, rel);
    int r = memoized ? sets_add(m->relations, memoized) : -1;
    Py_XDECREF(memoized);
    return r < 0 ? -1 : 0;
}

static PyObject *
inrel_memoized_kind(PyObject *self, PyObject *kind)
{
    struct memoizing m = {
        FIELD(self, INREL_MEMOREL),
        hv_new_set((NyHeapViewObject *)FIELD(self, INREL_HV)),
    };
    if (m.relations && iterable_iterate(kind, memoize_visit, &m) < 0)
        Py_CLEAR(m.relations);
    return memoize(self, m.relations);
}

static const struct cli_def inrel_def = {
    .name = "cli_inrel",
    .classify = inrel_classify,
    .memoized_kind = inrel_memoized_kind,
    .le = cli_le_by_value,
};

PyObject *
hv_cli_inrel(NyHeapViewObject *hv, PyObject *args)
{
    PyObject *referrers, *memokind, *memorel;
    if (!PyArg_ParseTuple(args, "O!O!O!:cli_inrel", &NyNodeGraph_Type,
                          &referrers, &PyDict_Type, &memokind, &PyDict_Type,
                          &memorel))
        return NULL;
    NyRelationObject *scratch = rel_new(NYHR_ATTRIBUTE, Py_None);
    if (!scratch)
        return NULL;
    PyObject *cli = cli_new_packed(&inrel_def, INREL_N, hv, referrers,
                                   scratch, memokind, memorel);
    Py_DECREF(scratch);
    return cli;
}
