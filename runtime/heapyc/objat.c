/* objat.c: HeapView.obj_at, the object at an address, looked for where
   objects can be found without a walk (static types, objects the garbage
   collector tracks), then in the heap. */
#include "heapyc.h"

struct search {
    uintptr_t address;
    PyObject *found;              /* borrowed */
};

static int
search_visit(PyObject *obj, void *arg)
{
    struct search *s = arg;
    if ((uintptr_t)obj != s->address)
        return 0;
    s->found = obj;
    return 1;
}

/* Look for the address among the objects of the collection c (stolen). */
static int
search_in(struct search *s, PyObject *c)
{
    if (!c)
        return -1;
    int r = iterable_iterate(c, search_visit, s);
    if (s->found)
        Py_INCREF(s->found);
    Py_DECREF(c);
    return r;
}

PyObject *
hv_obj_at(NyHeapViewObject *hv, PyObject *address)
{
    struct search s = {(uintptr_t)PyLong_AsVoidPtr(address), NULL};
    if (PyErr_Occurred())
        return NULL;
    if (search_in(&s, Py_NewRef(hv->static_types)) < 0 ||
        (!s.found && search_in(&s, gc_objects()) < 0) ||
        (!s.found && search_in(&s, hv_heap(hv, NULL)) < 0))
        return NULL;
    if (!s.found)
        PyErr_Format(PyExc_ValueError, "No object found at address %p",
                     (void *)s.address);
    return s.found;
}
