/* std_dict.c: dicts and mapping proxies. A dict refers to its keys
   (related by their position) and values (related by their key), in
   either layout: combined, or split with keys shared among the instances
   of a class. A dict with the view's hiding tag under "_hiding_tag_" is
   an instance __dict__ that hides what it holds. */
#include "heapyc.h"

static int
dict_traverse(NyHeapTraverse *ta)
{
    const NyHeapViewObject *hv = (const NyHeapViewObject *)ta->hv;
    if (PyDict_GetItem(ta->obj, hv->_hiding_tag__name) == ta->_hiding_tag_)
        return 0;
    return Py_TYPE(ta->obj)->tp_traverse(ta->obj, ta->visit, ta->arg);
}

static int
dict_relate(NyHeapRelate *r)
{
    return std_relate_dict_items(r, r->src, NYHR_INDEXKEY, NYHR_INDEXVAL);
}

/* The object layout of types.MappingProxyType, which CPython does not
   export: the head and the mapping it shows. */
struct mappingproxy {
    PyObject_HEAD
    PyObject *mapping;
};

static int
mappingproxy_relate(NyHeapRelate *r)
{
    PyObject *mapping = ((struct mappingproxy *)r->src)->mapping;
    int stop = std_relate_field(r, mapping, NYHR_INTERATTR, "mapping");
    if (stop)
        return stop;
    return std_relate_dict_items(r, mapping, NYHR_INDEXKEY, NYHR_INDEXVAL);
}

const NyHeapDef std_dict_defs[] = {
    {.type = &PyDict_Type, .traverse = dict_traverse, .relate = dict_relate},
    {.type = &PyDictProxy_Type, .relate = mappingproxy_relate},
    {0},
};
