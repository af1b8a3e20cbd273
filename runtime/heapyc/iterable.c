/* iterable.c: the one way heapyc goes over a collection of objects given
   by Python code: a nodeset, a heap view (the objects it can reach), a
   list, or any other iterable. */
#include "heapyc.h"

/* Nodeset iteration stops only on -1; a visit's 1 (stop, no error)
   travels through it as -1 with this flag set. */
struct stoppable {
    int (*visit)(PyObject *, void *);
    void *arg;
    int stopped;
};

static int
stoppable_visit(PyObject *obj, void *arg)
{
    struct stoppable *s = arg;
    int r = s->visit(obj, s->arg);
    if (r == 1) {
        s->stopped = 1;
        return -1;
    }
    return r;
}

static int
iterate_nodeset(NyNodeSetObject *ns, int (*visit)(PyObject *, void *),
                void *arg)
{
    struct stoppable s = {visit, arg, 0};
    int r = sets_iterate(ns, stoppable_visit, &s);
    return s.stopped ? 0 : r;
}

/* The list may change under the visits; each item is held meanwhile. */
static int
iterate_list(PyObject *list, int (*visit)(PyObject *, void *), void *arg)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *item = Py_NewRef(PyList_GET_ITEM(list, i));
        int r = visit(item, arg);
        Py_DECREF(item);
        if (r)
            return r < 0 ? -1 : 0;
    }
    return 0;
}

static int
iterate_any(PyObject *iterable, int (*visit)(PyObject *, void *), void *arg)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (!it)
        return -1;
    PyObject *item;
    int r = 0;
    while (r == 0 && (item = PyIter_Next(it))) {
        r = visit(item, arg);
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (r < 0 || PyErr_Occurred())
        return -1;
    return 0;
}

int
iterable_iterate(PyObject *it, int (*visit)(PyObject *, void *), void *arg)
{
    if (sets_check(it))
        return iterate_nodeset((NyNodeSetObject *)it, visit, arg);
    if (hv_check(it))
        return hv_iterate((NyHeapViewObject *)it, visit, arg);
    if (PyList_Check(it))
        return iterate_list(it, visit, arg);
    return iterate_any(it, visit, arg);
}

PyObject *
gc_objects(void)
{
    PyObject *gc = PyImport_ImportModule("gc");
    if (!gc)
        return NULL;
    PyObject *objects = PyObject_CallMethod(gc, "get_objects", NULL);
    Py_DECREF(gc);
    return objects;
}
