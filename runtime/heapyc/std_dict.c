/* std_dict.c: dicts and mapping proxies. A dict refers to its values
   (related by their key) and, unless its keys are shared, to its keys
   (related by their position). A split dict, an instance __dict__ whose
   keys are shared among the instances of a class, does not hold them:
   the class does (std_type.c). A dict with the view's hiding tag under
   "_hiding_tag_" is an instance __dict__ that hides what it holds.

   CPython 3.11's traversal of a dict skips the keys when they are all
   strings (strings cannot be part of a cycle), in a combined table of
   the string kind too. The view visits those; which tables are of that
   kind is internal to 3.11, and known here only. */
#include "heapyc.h"

#undef _PyGC_FINALIZED
#define Py_BUILD_CORE
#include <internal/pycore_dict.h>
#undef Py_BUILD_CORE

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "std_dict.c knows the dict tables of CPython 3.11 only"
#endif

static int
is_split(PyObject *dict)
{
    return ((const PyDictObject *)dict)->ma_values != NULL;
}

/* 1 if the dict holds its keys but its type's traversal leaves them out. */
static int
keys_left_out(PyObject *dict)
{
    return !is_split(dict) && DK_IS_UNICODE(((PyDictObject *)dict)->ma_keys);
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
    return std_relate_dict_items(r, r->src,
                                 is_split(r->src) ? 0 : NYHR_INDEXKEY,
                                 NYHR_INDEXVAL);
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
