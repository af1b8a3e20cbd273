/* std_type.c: type objects, static and heap types alike. CPython's own
   traversal of types covers heap types only and skips the fields that
   cannot form cycles; a view wants every reference. Written against the
   3.11 layout, where even static types keep tp_dict and tp_subclasses in
   the type object (3.12 moves them to the interpreter). */
#include "heapyc.h"

#include <stddef.h>

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
    return std_visit_fields(type, heaptype_fields, ta->visit, ta->arg);
}

static int
type_relate(NyHeapRelate *r)
{
    int stop = std_relate_fields(r, type_fields);
    if (stop || !is_heaptype(r->src))
        return stop;
    return std_relate_fields(r, heaptype_fields);
}

const NyHeapDef std_type_defs[] = {
    {.type = &PyType_Type, .traverse = type_traverse, .relate = type_relate},
    {0},
};
