/* relate.c: HeapView.relate and numedges: how one object refers to
   another, as relators collected per kind of relation, and how many
   references there are. */
#include "heapyc.h"

struct collect {
    NyHeapRelate hr;              /* first: the relate callback's argument */
    PyObject *relators[NYHR_LIMIT]; /* lists per kind, or NULL */
    int failed;
};

/* Append relator (stolen; NULL means an error) to the list of kind. */
static int
collect_visit(unsigned int kind, PyObject *relator, NyHeapRelate *hr)
{
    struct collect *c = (struct collect *)hr;
    if (!relator || kind >= NYHR_LIMIT) {
        if (relator)
            PyErr_SetString(PyExc_SystemError,
                            "relate: invalid relation kind");
        Py_XDECREF(relator);
        c->failed = 1;
        return 1;
    }
    if (!c->relators[kind] && !(c->relators[kind] = PyList_New(0)))
        c->failed = 1;
    else if (PyList_Append(c->relators[kind], relator) < 0)
        c->failed = 1;
    Py_DECREF(relator);
    return c->failed;
}

/* The result: a tuple of NYHR_LIMIT tuples, the relators of each kind. */
static PyObject *
collected(struct collect *c)
{
    PyObject *result = PyTuple_New(NYHR_LIMIT);
    for (int kind = 0; result && kind < NYHR_LIMIT; kind++) {
        PyObject *relators = c->relators[kind]
                                 ? PyList_AsTuple(c->relators[kind])
                                 : PyTuple_New(0);
        if (!relators)
            Py_CLEAR(result);
        else
            PyTuple_SET_ITEM(result, kind, relators);
    }
    return result;
}

PyObject *
hv_relate_method(NyHeapViewObject *hv, PyObject *args, PyObject *kw)
{
    static char kw_src[] = "src", kw_tgt[] = "tgt";
    static char *kwlist[] = {kw_src, kw_tgt, NULL};
    struct collect c = {.hr = {.hv = (PyObject *)hv,
                               .visit = collect_visit}};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:relate", kwlist,
                                     &c.hr.src, &c.hr.tgt))
        return NULL;
    PyObject *result = NULL;
    if (hv_relate(hv, &c.hr) >= 0 && !c.failed)
        result = collected(&c);
    for (int kind = 0; kind < NYHR_LIMIT; kind++)
        Py_XDECREF(c.relators[kind]);
    return result;
}

struct count {
    PyObject *tgt;
    Py_ssize_t n;
};

static int
count_visit(PyObject *obj, void *arg)
{
    struct count *c = arg;
    if (obj == c->tgt)
        c->n++;
    return 0;
}

PyObject *
hv_numedges(NyHeapViewObject *hv, PyObject *args)
{
    PyObject *src;
    struct count c = {NULL, 0};
    if (!PyArg_ParseTuple(args, "OO:numedges", &src, &c.tgt) ||
        hv_traverse(hv, src, count_visit, &c) < 0)
        return NULL;
    return PyLong_FromSsize_t(c.n);
}
