/* cli_type.c: the classifier by type; a type is <= its supertypes. */
#include "heapyc.h"

static PyObject *
type_classify(PyObject *self, PyObject *obj)
{
    (void)self;
    return Py_NewRef((PyObject *)Py_TYPE(obj));
}

static int
type_le(PyObject *self, PyObject *a, PyObject *b)
{
    (void)self;
    if (a == b)
        return 1;
    return PyType_Check(a) && PyType_Check(b) &&
           PyType_IsSubtype((PyTypeObject *)a, (PyTypeObject *)b);
}

static const struct cli_def type_def = {
    .name = "cli_type",
    .classify = type_classify,
    .le = type_le,
};

PyObject *
hv_cli_type(NyHeapViewObject *hv, PyObject *unused)
{
    (void)unused;
    return cli_new(&type_def, (PyObject *)hv);
}
