/* cli_prod.c: the classifier by producer: the kind of an object is the
   (filename, lineno) where tracemalloc saw its memory allocated, or None
   when tracemalloc did not trace it, memoized. A kind is <= another when
   its file name starts with the other's and its line is not greater;
   None in either tuple matches anything. State: (view, memo). */
#include "heapyc.h"

enum { PROD_HV, PROD_MEMO, PROD_N };

static PyObject *
prod_memoized_kind(PyObject *self, PyObject *kind)
{
    return memo_lookup(PyTuple_GET_ITEM(self, PROD_MEMO), kind);
}

/* A new reference to the newest frame, (filename, lineno), of the
   traceback of obj's allocation, or None; NULL on error. */
static PyObject *
allocation_site(PyObject *obj)
{
    PyObject *traceback = _PyTraceMalloc_GetTraceback(
        0, (uintptr_t)obj - cpy_preheader_size(Py_TYPE(obj)));
    if (!traceback)
        return NULL;
    PyObject *site;
    if (PyTuple_Check(traceback) && PyTuple_GET_SIZE(traceback) > 0)
        site = Py_NewRef(PyTuple_GET_ITEM(traceback, 0));
    else
        site = Py_NewRef(Py_None);
    Py_DECREF(traceback);
    return site;
}

static PyObject *
prod_classify(PyObject *self, PyObject *obj)
{
    PyObject *site = allocation_site(obj);
    if (!site)
        return NULL;
    PyObject *kind = prod_memoized_kind(self, site);
    Py_DECREF(site);
    return kind;
}

/* 1 if the string a starts with b, 0 if not, -1 on error. */
static int
starts_with(PyObject *a, PyObject *b)
{
    if (!PyUnicode_Check(a) || !PyUnicode_Check(b))
        return 0;
    Py_ssize_t r = PyUnicode_Tailmatch(a, b, 0, PY_SSIZE_T_MAX, -1);
    return r < 0 ? -1 : (int)r;
}

static int
prod_le(PyObject *self, PyObject *a, PyObject *b)
{
    (void)self;
    if (a == Py_None || b == Py_None)
        return a == b;
    if (!PyTuple_Check(a) || !PyTuple_Check(b) ||
        PyTuple_GET_SIZE(a) < 2 || PyTuple_GET_SIZE(b) < 2)
        return 0;
    PyObject *file_a = PyTuple_GET_ITEM(a, 0);
    PyObject *file_b = PyTuple_GET_ITEM(b, 0);
    int r = 1;
    if (file_a != Py_None && file_b != Py_None)
        r = starts_with(file_a, file_b);
    PyObject *line_a = PyTuple_GET_ITEM(a, 1);
    PyObject *line_b = PyTuple_GET_ITEM(b, 1);
    if (r > 0 && line_a != Py_None && line_b != Py_None)
        r = PyObject_RichCompareBool(line_a, line_b, Py_LE);
    return r;
}

static const struct cli_def prod_def = {
    .name = "cli_prod",
    .classify = prod_classify,
    .memoized_kind = prod_memoized_kind,
    .le = prod_le,
};

PyObject *
hv_cli_prod(NyHeapViewObject *hv, PyObject *args)
{
    PyObject *memo;
    if (!PyArg_ParseTuple(args, "O!:cli_prod", &PyDict_Type, &memo))
        return NULL;
    return cli_new_packed(&prod_def, PROD_N, hv, memo);
}
