/* dictowners.c: the owners of dicts. The owner of a dict is the object
   whose __dict__ it is; the objects looked at are the static types (found
   by a heap walk the first time) and everything the garbage collector
   tracks. A dict found with no owner, among those objects or (if the
   collector does not track it) the referents the view sees of them, gets
   an edge to None. (Objects hidden from the view, heapy's own sets and
   graphs among them, hide their referents: the dicts they hold are in
   the heap through others, or are not in it.) */
#include "heapyc.h"

PyObject *
hv_static_types_list(NyHeapViewObject *hv)
{
    Py_ssize_t n = PyObject_Length(hv->static_types);
    if (n < 0)
        return NULL;
    if (n == 0) {
        PyObject *heap = hv_heap(hv, NULL);   /* fills static_types */
        if (!heap)
            return NULL;
        Py_DECREF(heap);
    }
    return PySequence_List(hv->static_types);
}

struct owners {
    NyHeapViewObject *hv;
    NyNodeGraphObject *owners;
    NyNodeSetObject *owned;       /* the dicts with an owner, or met */
    struct sets_batch batch;      /* dicts with an owner, to go to owned */
};

/* Record obj as the owner of its __dict__, if it has one. */
static int
add_owned(struct owners *o, PyObject *obj)
{
    PyObject **dictp = _PyObject_GetDictPtr(obj);
    if (!dictp || !*dictp)
        return 0;
    if (ng_add_edge(o->owners, *dictp, obj) < 0)
        return -1;
    return sets_batch_add(&o->batch, *dictp);
}

/* Give dict, if it has no owner and was not met before, the owner None. */
static int
add_unowned(struct owners *o, PyObject *dict)
{
    int r = sets_add(o->owned, dict);
    if (r != 0)
        return r < 0 ? -1 : 0;
    return ng_add_edge(o->owners, dict, Py_None);
}

/* A referent: the dicts the collector tracks are met in its list, so
   only the others need looking at here. */
static int
referent_visit(PyObject *obj, void *arg)
{
    if (!PyDict_CheckExact(obj) || PyObject_GC_IsTracked(obj))
        return 0;
    return add_unowned(arg, obj);
}

static int
add_all(struct owners *o, PyObject *lists[2])
{
    for (int k = 0; k < 2; k++)
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lists[k]); i++)
            if (add_owned(o, PyList_GET_ITEM(lists[k], i)) < 0)
                return -1;
    if (sets_batch_end(&o->batch, 1) < 0)
        return -1;
    for (int k = 0; k < 2; k++)
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lists[k]); i++) {
            PyObject *obj = PyList_GET_ITEM(lists[k], i);
            if (PyDict_CheckExact(obj) && add_unowned(o, obj) < 0)
                return -1;
            if (PyObject_IS_GC(obj) &&
                hv_traverse(o->hv, obj, referent_visit, o) < 0)
                return -1;
        }
    return 0;
}

int
hv_dictowners_update(NyHeapViewObject *hv, NyNodeGraphObject *owners)
{
    struct owners o;
    o.hv = hv;
    o.owners = owners;
    o.owned = sets_api->newMut();
    sets_batch_init(&o.batch, o.owned);
    PyObject *lists[2] = {NULL, NULL};
    int r = -1;
    if (o.owned && (lists[0] = hv_static_types_list(hv)) &&
        (lists[1] = gc_objects()))
        r = add_all(&o, lists);
    sets_batch_end(&o.batch, 0);
    Py_XDECREF(o.owned);
    Py_XDECREF(lists[0]);
    Py_XDECREF(lists[1]);
    return r;
}

PyObject *
hv_update_dictowners(NyHeapViewObject *hv, PyObject *args)
{
    NyNodeGraphObject *owners;
    if (!PyArg_ParseTuple(args, "O!:update_dictowners", &NyNodeGraph_Type,
                          &owners) ||
        hv_dictowners_update(hv, owners) < 0)
        return NULL;
    Py_RETURN_NONE;
}
