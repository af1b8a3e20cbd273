/* size.c: HeapView.indisize_sum, the total individual size of a
   collection of objects. */
#include "heapyc.h"

struct sum {
    NyHeapViewObject *hv;
    size_t total;
};

static int
sum_visit(PyObject *obj, void *arg)
{
    struct sum *s = arg;
    size_t size = hv_size(s->hv, obj);
    if (size == (size_t)-1 && PyErr_Occurred())
        return -1;
    s->total += size;
    return 0;
}

PyObject *
hv_indisize_sum(NyHeapViewObject *hv, PyObject *S)
{
    struct sum s = {hv, 0};
    if (iterable_iterate(S, sum_visit, &s) < 0)
        return NULL;
    return PyLong_FromSize_t(s.total);
}
