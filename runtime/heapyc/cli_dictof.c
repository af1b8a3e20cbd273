/* cli_dictof.c: the classifier by dict owner. An object that is not a
   dict has the kind notdictkind; a dict has the kind its owner (the
   object whose __dict__ it is) has under the owner classifier, or
   notownedkind when it has no owner. Owners come from a nodegraph from
   each dict to its owner or None, filled from the heap when a dict is
   missing from it. State: the tuple (view, owners, owner classifier,
   notdictkind, notownedkind). */
#include "heapyc.h"

enum {
    DICTOF_HV, DICTOF_OWNERS, DICTOF_CLASSIFIER, DICTOF_NOTDICT,
    DICTOF_NOTOWNED, DICTOF_N
};

#define FIELD(self, i) PyTuple_GET_ITEM(self, i)

/* The owner of dict (borrowed), Py_None when it has none, or NULL with
   an exception set. */
static PyObject *
owner_of(PyObject *self, PyObject *dict)
{
    NyNodeGraphObject *owners =
        (NyNodeGraphObject *)FIELD(self, DICTOF_OWNERS);
    ng_edge *lo, *hi;
    ng_region(owners, dict, &lo, &hi);
    if (lo == hi) {
        ng_clear(owners);
        if (hv_dictowners_update((NyHeapViewObject *)FIELD(self, DICTOF_HV),
                                 owners) < 0)
            return NULL;
        ng_region(owners, dict, &lo, &hi);
    }
    return lo < hi ? lo->tgt : Py_None;
}

/* Only exact dicts are owned; no standard owner has a dict subclass as
   its __dict__. */
static PyObject *
dictof_classify(PyObject *self, PyObject *obj)
{
    if (!PyDict_CheckExact(obj))
        return Py_NewRef(FIELD(self, DICTOF_NOTDICT));
    PyObject *owner = owner_of(self, obj);
    if (!owner)
        return NULL;
    if (owner == Py_None)
        return Py_NewRef(FIELD(self, DICTOF_NOTOWNED));
    return cli_classify(
        (NyObjectClassifierObject *)FIELD(self, DICTOF_CLASSIFIER), owner);
}

static PyObject *
dictof_memoized_kind(PyObject *self, PyObject *kind)
{
    return cli_memoized_kind(
        (NyObjectClassifierObject *)FIELD(self, DICTOF_CLASSIFIER), kind);
}

static const struct cli_def dictof_def = {
    .name = "cli_dictof",
    .classify = dictof_classify,
    .memoized_kind = dictof_memoized_kind,
};

PyObject *
hv_cli_dictof(NyHeapViewObject *hv, PyObject *args)
{
    PyObject *owners, *classifier, *notdict, *notowned;
    if (!PyArg_ParseTuple(args, "O!O!OO:cli_dictof", &NyNodeGraph_Type,
                          &owners, &NyObjectClassifier_Type, &classifier,
                          &notdict, &notowned))
        return NULL;
    return cli_new_packed(&dictof_def, DICTOF_N, hv, owners, classifier,
                          notdict, notowned);
}
