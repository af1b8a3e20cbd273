/* cli_id.c: the classifier by identity: an object is its own kind, and
   kinds are ordered by address. */
#include "heapyc.h"

#include <stdint.h>

static PyObject *
id_classify(PyObject *self, PyObject *obj)
{
    (void)self;
    return Py_NewRef(obj);
}

static int
id_le(PyObject *self, PyObject *a, PyObject *b)
{
    (void)self;
    return (uintptr_t)a <= (uintptr_t)b;
}

static const struct cli_def id_def = {
    .name = "cli_id",
    .classify = id_classify,
    .le = id_le,
};

PyObject *
hv_cli_id(NyHeapViewObject *hv, PyObject *unused)
{
    (void)unused;
    return cli_new(&id_def, (PyObject *)hv);
}
