/* cli_and.c: the 'and' classifier: the kind of an object is the NodeTuple
   of the kinds its classifiers give it, memoized. State: the tuple
   (classifiers, memo, scratch): the scratch NodeTuple collects the kinds
   of one object, and only a combination not memoized yet is copied to a
   tuple of its own. */
#include "heapyc.h"

enum { AND_CLASSIFIERS, AND_MEMO, AND_SCRATCH, AND_N };

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

/* Classify obj by every classifier into kinds, a NodeTuple of NULLs;
   0, or -1 with an exception. */
static int
classify_into(PyObject *self, PyObject *obj, PyObject *kinds)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kinds); i++) {
        PyObject *kind = cli_classify(subclassifier(self, i), obj);
        if (!kind)
            return -1;
        PyTuple_SET_ITEM(kinds, i, kind);
    }
    return 0;
}

/* The memoized copy of scratch's kinds; scratch is left empty. */
static PyObject *
memoize_scratch(PyObject *self, PyObject *scratch)
{
    Py_ssize_t n = PyTuple_GET_SIZE(scratch);
    PyObject *kind = PyDict_GetItemWithError(PyTuple_GET_ITEM(self, AND_MEMO),
                                             scratch);
    PyObject *copy = NULL;
    if (kind)
        Py_INCREF(kind);
    else if (!PyErr_Occurred() && (copy = nodetuple_new(n))) {
        for (Py_ssize_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(copy, i, Py_NewRef(PyTuple_GET_ITEM(scratch, i)));
        kind = memoize(self, copy);
    }
    for (Py_ssize_t i = 0; i < n; i++)
        Py_CLEAR(((PyTupleObject *)scratch)->ob_item[i]);
    return kind;
}

/* The scratch tuple is in use while an object is classified; a
   classification within it (a classifier classifying by this one) makes
   a tuple of its own. */
static PyObject *
and_classify(PyObject *self, PyObject *obj)
{
    PyObject *scratch = PyTuple_GET_ITEM(self, AND_SCRATCH);
    if (PyTuple_GET_SIZE(scratch) == 0 || PyTuple_GET_ITEM(scratch, 0)) {
        PyObject *kinds = nodetuple_new(count(self));
        if (kinds && classify_into(self, obj, kinds) < 0)
            Py_CLEAR(kinds);
        return memoize(self, kinds);
    }
    if (classify_into(self, obj, scratch) < 0) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(scratch); i++)
            Py_CLEAR(((PyTupleObject *)scratch)->ob_item[i]);
        return NULL;
    }
    return memoize_scratch(self, scratch);
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
    PyObject *scratch = nodetuple_new(PyTuple_GET_SIZE(classifiers));
    if (!scratch)
        return NULL;
    PyObject *cli = cli_new_packed(&and_def, AND_N, classifiers, memo,
                                   scratch);
    Py_DECREF(scratch);
    return cli;
}
