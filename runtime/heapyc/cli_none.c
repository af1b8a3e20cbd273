/* cli_none.c: the classifier that gives every object the kind None. */
#include "heapyc.h"

static PyObject *
none_classify(PyObject *self, PyObject *obj)
{
    (void)self;
    (void)obj;
    Py_RETURN_NONE;
}

/* There is one kind, so every kind is <= every other. */
static int
none_le(PyObject *self, PyObject *a, PyObject *b)
{
    (void)self;
    (void)a;
    (void)b;
    return 1;
}

static const struct cli_def none_def = {
    .name = "cli_none",
    .classify = none_classify,
    .le = none_le,
};

PyObject *
hv_cli_none(NyHeapViewObject *hv, PyObject *unused)
{
    (void)unused;
    return cli_new(&none_def, (PyObject *)hv);
}
