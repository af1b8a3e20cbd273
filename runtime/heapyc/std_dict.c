/* std_dict.c: dicts and mapping proxies. A dict refers to its keys
   (related by their position) and values (related by their key), in
   either layout: combined, or split with keys shared among the instances
   of a class. A dict with the view's hiding tag under "_hiding_tag_" is
   an instance __dict__ that hides what it holds.

   CPython 3.11's traversal of a dict skips the keys when they are all
   strings (strings cannot be part of a cycle): a split table, or a
   combined one of the string kind. The view visits them too; which
   tables those are is internal to 3.11, and known here only. */
#include "heapyc.h"

#undef _PyGC_FINALIZED
#define Py_BUILD_CORE
#include <internal/pycore_dict.h>
#undef Py_BUILD_CORE

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "std_dict.c knows the dict tables of CPython 3.11 only"
#endif

/* 1 if the type's traversal of dict leaves out the keys. */
static int
keys_left_out(PyObject *dict)
{
    const PyDictObject *d = (const PyDictObject *)dict;
    return d->ma_values != NULL || DK_IS_UNICODE(d->ma_keys);
}

static int
dict_traverse(NyHeapTraverse *ta)
{
    const NyHeapViewObject *hv = (const NyHeapViewObject *)ta->hv;
    PyObject *dict = ta->obj;
    if (PyDict_GetItem(dict, hv->_hiding_tag__name) == ta->_hiding_tag_)
        return 0;
    int r = Py_TYPE(dict)->tp_traverse(dict, ta->visit, ta->arg);
    if (r || !keys_left_out(dict))
        return r;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value))
        if ((r = ta->visit(key, ta->arg)))
            return r;
    return 0;
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
