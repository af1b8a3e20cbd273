/* memo.c: memoization of kinds. Classifiers make kinds anew for each
   object classified; a memo dict maps each kind to the first equal kind
   seen, so that equal kinds are one object and compare by identity. */
#include "heapyc.h"

PyObject *
memo_lookup(PyObject *memo, PyObject *kind)
{
    PyObject *canonical = PyDict_GetItemWithError(memo, kind);
    if (canonical)
        return Py_NewRef(canonical);
    if (PyErr_Occurred() || PyDict_SetItem(memo, kind, kind) < 0)
        return NULL;
    return Py_NewRef(kind);
}

PyObject *
memo_lookup_frozen(PyObject *memo, NyNodeSetObject *set)
{
    if (!set)
        return NULL;
    PyObject *kind = NULL;
    if (sets_api->be_immutable(&set) == 0)
        kind = memo_lookup(memo, (PyObject *)set);
    Py_DECREF(set);
    return kind;
}
