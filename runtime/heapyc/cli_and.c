/* cli_and.c: the 'and' classifier: the kind of an object is the NodeTuple
   of the kinds its classifiers give it, memoized. State: the tuple
   (classifiers, memo). */
#include "heapyc.h"

enum { AND_CLASSIFIERS, AND_MEMO, AND_N };

static NyObjectClassifierObject *
subclassifier(PyObject *self, Py_ssize_t i)
{
    PyObject *classifiers = PyTuple_GET_ITEM(self, AND_CLASSIFIERS);
    return (NyObjectClassifierObject *)PyTuple_GET_ITEM(classifiers, i);
}

static Py_ssize_t
count(PyObject *self)
{
    return PyTuple_GET_SIZE(PyTuple_GET_ITEM(self, AND_CLASSIFIERS));
}

/* The memoized NodeTuple of kinds (stolen), or NULL. */
static PyObject *
memoize(PyObject *self, PyObject *kinds)
{
    if (!kinds)
        return NULL;
    PyObject *kind = memo_lookup(PyTuple_GET_ITEM(self, AND_MEMO), kinds);
    Py_DECREF(kinds);
    return kind;
}

static PyObject *
and_classify(PyObject *self, PyObject *obj)
{
    Py_ssize_t n = count(self);
    PyObject *kinds = nodetuple_new(n);
    for (Py_ssize_t i = 0; kinds && i < n; i++) {
        PyObject *kind = cli_classify(subclassifier(self, i), obj);
        if (!kind)
            Py_CLEAR(kinds);
        else
            PyTuple_SET_ITEM(kinds, i, kind);
    }
    return memoize(self, kinds);
}

/* The canonical kind for a tuple of kinds, one per classifier. */
static PyObject *
and_memoized_kind(PyObject *self, PyObject *kind)
{
    Py_ssize_t n = count(self);
    if (!PyTuple_Check(kind)) {
        PyErr_SetString(PyExc_TypeError,
                        "cli_and_memoized_kind: argument must be a (subtype "
                        "of) tuple.");
        return NULL;
    }
    if (PyTuple_GET_SIZE(kind) != n) {
        PyErr_SetString(PyExc_ValueError,
                        "cli_and_memoized_kind: wrong length of argument.");
        return NULL;
    }
    PyObject *kinds = nodetuple_new(n);
    for (Py_ssize_t i = 0; kinds && i < n; i++) {
        PyObject *sub = cli_memoized_kind(subclassifier(self, i),
                                          PyTuple_GET_ITEM(kind, i));
        if (!sub)
            Py_CLEAR(kinds);
        else
            PyTuple_SET_ITEM(kinds, i, sub);
    }
    return memoize(self, kinds);
}

static const struct cli_def and_def = {
    .name = "cli_and",
    .classify = and_classify,
    .memoized_kind = and_memoized_kind,
};

PyObject *
hv_cli_and(NyHeapViewObject *hv, PyObject *args)
{
    (void)hv;
    PyObject *classifiers, *memo;
    if (!PyArg_ParseTuple(args, "O!O!:cli_and", &PyTuple_Type, &classifiers,
                          &PyDict_Type, &memo))
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(classifiers); i++)
        if (!cli_check(PyTuple_GET_ITEM(classifiers, i))) {
            PyErr_SetString(PyExc_TypeError,
                            "cli_and: classifiers argument must contain "
                            "classifier objects.");
            return NULL;
        }
    return cli_new_packed(&and_def, AND_N, classifiers, memo);
}
