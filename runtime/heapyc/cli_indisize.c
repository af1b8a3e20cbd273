/* cli_indisize.c: the classifier by individual size: the kind of an
   object is its size in bytes, an int memoized in a dict. State: the
   tuple (view, memo). */
#include "heapyc.h"

enum { INDISIZE_HV, INDISIZE_MEMO, INDISIZE_N };

static PyObject *
indisize_memoized_kind(PyObject *self, PyObject *kind)
{
    return memo_lookup(PyTuple_GET_ITEM(self, INDISIZE_MEMO), kind);
}

static PyObject *
indisize_classify(PyObject *self, PyObject *obj)
{
    NyHeapViewObject *hv =
        (NyHeapViewObject *)PyTuple_GET_ITEM(self, INDISIZE_HV);
    size_t size = hv_size(hv, obj);
    if (size == (size_t)-1 && PyErr_Occurred())
        return NULL;
    PyObject *kind = PyLong_FromSize_t(size);
    if (!kind)
        return NULL;
    PyObject *memoized = indisize_memoized_kind(self, kind);
    Py_DECREF(kind);
    return memoized;
}

static const struct cli_def indisize_def = {
    .name = "cli_indisize",
    .classify = indisize_classify,
    .memoized_kind = indisize_memoized_kind,
    .le = cli_le_by_value,
};

PyObject *
hv_cli_indisize(NyHeapViewObject *hv, PyObject *args)
{
    PyObject *memo;
    if (!PyArg_ParseTuple(args, "O!:cli_indisize", &PyDict_Type, &memo))
        return NULL;
    return cli_new_packed(&indisize_def, INDISIZE_N, hv, memo);
}
