/* horizon.c: Horizon, the set of the objects that existed when it was
   made, minus those deallocated since: news(X) then tells which objects
   of X are new. A horizon records addresses only, and forgets an address
   when its object is deallocated (dealloc_hook.c). */
#include "heapyc.h"

typedef struct NyHorizonObject {
    PyObject_HEAD
    struct NyHorizonObject *next; /* the list of all horizons */
    NyNodeSetObject *addresses;   /* new reference: a nodeset that holds
                                     no references */
    int listed;                   /* it is in the list */
} NyHorizonObject;

static NyHorizonObject *horizons;

/* Called before each deallocation of an object of a watched type. A
   deallocation caused by the removal itself is not followed into. */
static void
forget_deallocated(PyObject *obj)
{
    static int busy;
    if (busy)
        return;
    busy = 1;
    for (NyHorizonObject *h = horizons; h; h = h->next)
        if (sets_remove(h->addresses, obj) < 0)
            Py_FatalError("heapyc: Horizon could not forget an object");
    busy = 0;
}

static int
remember(PyObject *obj, void *arg)
{
    NyHorizonObject *h = arg;
    int r = sets_add(h->addresses, obj);
    if (r != 0)
        return r < 0 ? -1 : 0;
    return dealloc_hook_install(obj, forget_deallocated);
}

static void
unlist(NyHorizonObject *h)
{
    NyHorizonObject **p = &horizons;
    while (*p != h)
        p = &(*p)->next;
    *p = h->next;
    h->listed = 0;
    if (!horizons)
        dealloc_hook_remove_all();
}

static void
horizon_dealloc(NyHorizonObject *h)
{
    if (h->listed)
        unlist(h);
    Py_XDECREF(h->addresses);
    Py_TYPE(h)->tp_free((PyObject *)h);
}

static PyObject *
horizon_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char kw_X[] = "X";
    static char *kwlist[] = {kw_X, NULL};
    PyObject *X;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O:Horizon", kwlist, &X))
        return NULL;
    NyHorizonObject *h = (NyHorizonObject *)type->tp_alloc(type, 0);
    if (!h)
        return NULL;
    /* Listed first, so that objects deallocated meanwhile are forgotten. */
    h->next = horizons;
    horizons = h;
    h->listed = 1;
    if (!(h->addresses = sets_api->newMutFlags(0)) ||
        iterable_iterate(X, remember, h) < 0 ||
        remember((PyObject *)h, h) < 0) {
        Py_DECREF(h);
        return NULL;
    }
    return (PyObject *)h;
}

struct news {
    NyHorizonObject *h;
    NyNodeSetObject *result;
};

static int
news_visit(PyObject *obj, void *arg)
{
    struct news *n = arg;
    int r = sets_has(n->h->addresses, obj);
    if (r == 0)
        r = sets_add(n->result, obj);
    return r < 0 ? -1 : 0;
}

static PyObject *
horizon_news(NyHorizonObject *h, PyObject *X)
{
    struct news n = {h, sets_api->newMut()};
    if (n.result && iterable_iterate(X, news_visit, &n) < 0)
        Py_CLEAR(n.result);
    return (PyObject *)n.result;
}

static PyMethodDef horizon_methods[] = {
    {"news", (PyCFunction)horizon_news, METH_O,
     "H.news(X:iterable) -> NodeSet\n\n"
     "The objects of X that H does not hold: when H was made from the\n"
     "heap, those allocated since."},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(horizon_doc,
"Horizon(X:iterable)\n"
"\n"
"The set of the objects of X, without references to them; an object\n"
"leaves the set when it is deallocated. news() compares it with a\n"
"later set of objects.");

PyTypeObject NyHorizon_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.Horizon",
    .tp_basicsize = sizeof(NyHorizonObject),
    .tp_dealloc = (destructor)horizon_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = horizon_doc,
    .tp_methods = horizon_methods,
    .tp_new = horizon_new,
};
