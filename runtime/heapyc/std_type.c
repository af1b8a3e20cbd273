/* std_type.c: type objects, static and heap types alike. CPython's own
   traversal of types covers heap types only and skips the fields that
   cannot form cycles; a view wants every reference. A heap type also
   holds the keys its instances' split __dict__s share. Written against
   the 3.11 layout, where even static types keep tp_dict and
   tp_subclasses in the type object (3.12 moves them to the
   interpreter), and the shared keys are an internal table. */
#include "heapyc.h"

#include <stddef.h>

#undef _PyGC_FINALIZED
#define Py_BUILD_CORE
#include <internal/pycore_dict.h>
#undef Py_BUILD_CORE

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "std_type.c knows the type object layout of CPython 3.11 only"
#endif

static const struct std_field type_fields[] = {
    STD_FIELD(PyTypeObject, tp_dict, NYHR_ATTRIBUTE, "__dict__"),
    STD_FIELD(PyTypeObject, tp_subclasses, NYHR_INTERATTR, "tp_subclasses"),
    STD_FIELD(PyTypeObject, tp_mro, NYHR_ATTRIBUTE, "__mro__"),
    STD_FIELD(PyTypeObject, tp_bases, NYHR_ATTRIBUTE, "__bases__"),
    STD_FIELD(PyTypeObject, tp_cache, NYHR_INTERATTR, "tp_cache"),
    STD_FIELD(PyTypeObject, tp_base, NYHR_ATTRIBUTE, "__base__"),
    {0},
};

static const struct std_field heaptype_fields[] = {
    STD_FIELD(PyHeapTypeObject, ht_name, NYHR_ATTRIBUTE, "__name__"),
    STD_FIELD(PyHeapTypeObject, ht_slots, NYHR_ATTRIBUTE, "__slots__"),
    STD_FIELD(PyHeapTypeObject, ht_qualname, NYHR_ATTRIBUTE, "__qualname__"),
    STD_FIELD(PyHeapTypeObject, ht_module, NYHR_INTERATTR, "ht_module"),
    {0},
};

static int
is_heaptype(PyObject *type)
{
    return (((PyTypeObject *)type)->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

/* The entries of the keys the instances of the heap type share, *n of
   them (keys may be NULL). */
static const PyDictUnicodeEntry *
shared_keys(PyObject *type, Py_ssize_t *n)
{
    PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
    *n = keys ? keys->dk_nentries : 0;
    return keys ? DK_UNICODE_ENTRIES(keys) : NULL;
}

/* A class of a heap metaclass holds a reference to the metaclass. */
static int
type_traverse(NyHeapTraverse *ta)
{
    PyObject *type = ta->obj;
    int r = std_visit_fields(type, type_fields, ta->visit, ta->arg);
    if (r || !is_heaptype(type))
        return r;
    if (is_heaptype((PyObject *)Py_TYPE(type)) &&
        (r = ta->visit((PyObject *)Py_TYPE(type), ta->arg)))
        return r;
    if ((r = std_visit_fields(type, heaptype_fields, ta->visit, ta->arg)))
        return r;
    Py_ssize_t n;
    const PyDictUnicodeEntry *keys = shared_keys(type, &n);
    for (Py_ssize_t i = 0; i < n; i++)
        if (keys[i].me_key && (r = ta->visit(keys[i].me_key, ta->arg)))
            return r;
    return 0;
}

static int
type_relate(NyHeapRelate *r)
{
    int stop = std_relate_fields(r, type_fields);
    if (stop || !is_heaptype(r->src))
        return stop;
    if ((stop = std_relate_fields(r, heaptype_fields)))
        return stop;
    Py_ssize_t n;
    const PyDictUnicodeEntry *keys = shared_keys(r->src, &n);
    for (Py_ssize_t i = 0; i < n; i++)
        if ((stop = std_relate_field(r, keys[i].me_key, NYHR_INTERATTR,
                                     "ht_cached_keys")))
            return stop;
    return 0;
}

const NyHeapDef std_type_defs[] = {
    {.type = &PyType_Type, .traverse = type_traverse, .relate = type_relate},
    {0},
};
