/* nodetuple.c: NodeTuple, the kind the 'and' classifier gives: a tuple
   of the kinds its classifiers gave, hashed and compared by the
   addresses of its items, which are canonical (memoized) kinds. */
#include "heapyc.h"

PyObject *
nodetuple_new(Py_ssize_t n)
{
    PyTupleObject *t = PyObject_GC_NewVar(PyTupleObject, &NyNodeTuple_Type, n);
    if (!t)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        t->ob_item[i] = NULL;
    PyObject_GC_Track(t);
    return (PyObject *)t;
}

static Py_hash_t
nodetuple_hash(PyTupleObject *t)
{
    Py_uhash_t h = 0x436587;
    for (Py_ssize_t i = 0; i < Py_SIZE(t); i++)
        h = (1000003 * h) ^ (Py_uhash_t)(uintptr_t)t->ob_item[i];
    h ^= (Py_uhash_t)Py_SIZE(t);
    return h == (Py_uhash_t)-1 ? -2 : (Py_hash_t)h;
}

/* Ordered as the address of the first differing item, or as the
   length when one is a prefix of the other. */
static PyObject *
nodetuple_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyObject_TypeCheck(v, &NyNodeTuple_Type) ||
        !PyObject_TypeCheck(w, &NyNodeTuple_Type))
        Py_RETURN_NOTIMPLEMENTED;
    PyTupleObject *a = (PyTupleObject *)v, *b = (PyTupleObject *)w;
    Py_ssize_t i = 0;
    while (i < Py_SIZE(a) && i < Py_SIZE(b) && a->ob_item[i] == b->ob_item[i])
        i++;
    if (i < Py_SIZE(a) && i < Py_SIZE(b))
        Py_RETURN_RICHCOMPARE((uintptr_t)a->ob_item[i],
                              (uintptr_t)b->ob_item[i], op);
    Py_RETURN_RICHCOMPARE(Py_SIZE(a), Py_SIZE(b), op);
}

/* Declared, not inherited: a subtype of tuple with its own GC flag would
   otherwise have no traversal. */
static int
nodetuple_traverse(PyObject *t, visitproc visit, void *arg)
{
    return PyTuple_Type.tp_traverse(t, visit, arg);
}

PyDoc_STRVAR(nodetuple_doc,
"A tuple hashed and compared by the addresses of its items.");

PyTypeObject NyNodeTuple_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.NodeTuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_hash = (hashfunc)nodetuple_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = nodetuple_doc,
    .tp_traverse = nodetuple_traverse,
    .tp_richcompare = nodetuple_richcompare,
    .tp_base = &PyTuple_Type,
};
