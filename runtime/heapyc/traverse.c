/* traverse.c: what a view does with one object: visit its referents,
   tell whether it is hidden, measure it, and describe how it refers to
   another object. Each dispatches on the view's entry for the type. */
#include "heapyc.h"

static PyObject **
tag_slot(const struct hv_typeinfo *ti, PyObject *obj)
{
    return (PyObject **)((char *)obj + ti->tag_offset);
}

int
hv_traverse_as(NyHeapViewObject *hv, struct hv_typeinfo *ti, PyObject *obj,
               visitproc visit, void *arg)
{
    if (ti->hide == HV_HIDE_SLOT && *tag_slot(ti, obj) == hv->_hiding_tag_)
        return 0;
    /* CPython 3.11 keeps the attributes of most instances in a values
       array until someone asks for __dict__; ask, so that the dict is an
       object of the heap and the attributes are reached through it, the
       same on every traversal. */
    if (ti->managed_dict)
        (void)_PyObject_GetDictPtr(obj);
    switch (ti->trav) {
    case HV_TRAV_TP:
        return Py_TYPE(obj)->tp_traverse(obj, visit, arg);
    case HV_TRAV_DEF: {
        NyHeapTraverse ta = {
            .flags = 0,
            .hv = (PyObject *)hv,
            .obj = obj,
            .arg = arg,
            .visit = visit,
            ._hiding_tag_ = hv->_hiding_tag_,
        };
        return ti->def->traverse(&ta);
    }
    default:
        return 0;
    }
}

int
hv_traverse(NyHeapViewObject *hv, PyObject *obj, visitproc visit, void *arg)
{
    struct hv_typeinfo *ti = hv_typeinfo(hv, Py_TYPE(obj));
    if (!ti)
        return -1;
    return hv_traverse_as(hv, ti, obj, visit, arg);
}

int
hv_is_hidden_as(NyHeapViewObject *hv, struct hv_typeinfo *ti, PyObject *obj)
{
    switch (ti->hide) {
    case HV_HIDE_ALWAYS:
        return 1;
    case HV_HIDE_SLOT:
        return *tag_slot(ti, obj) == hv->_hiding_tag_;
    default:
        if (ti->has_dict) {
            PyObject **dictp = _PyObject_GetDictPtr(obj);
            return dictp && *dictp &&
                   PyDict_GetItem(*dictp, hv->_hiding_tag__name) ==
                   hv->_hiding_tag_;
        }
        return 0;
    }
}

int
hv_is_hidden(NyHeapViewObject *hv, PyObject *obj)
{
    struct hv_typeinfo *ti = hv_typeinfo(hv, Py_TYPE(obj));
    if (!ti) {
        PyErr_Clear();
        return 0;
    }
    return hv_is_hidden_as(hv, ti, obj);
}

/* The size sys.getsizeof reports (the object's __sizeof__ plus the GC
   header of a GC object); for an object without __sizeof__, its basic
   and item size, pointer aligned, plus the GC header. (size_t)-1 with
   an exception set on failure. */
static size_t
default_size(PyObject *obj)
{
    size_t size = _PySys_GetSizeOf(obj);
    if (size != (size_t)-1 || !PyErr_ExceptionMatches(PyExc_TypeError))
        return size;
    PyErr_Clear();
    PyTypeObject *type = Py_TYPE(obj);
    size = (size_t)type->tp_basicsize;
    if (type->tp_itemsize) {
        Py_ssize_t n = Py_SIZE(obj) < 0 ? -Py_SIZE(obj) : Py_SIZE(obj);
        size += (size_t)(n * (type->tp_itemsize < 0 ? -type->tp_itemsize
                                                    : type->tp_itemsize));
        size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    }
    if (PyObject_IS_GC(obj))
        size += cpy_gc_header_size();
    return size;
}

/* What sys.getsizeof reports, through the C function of the type's
   __sizeof__ (see find_sizeof in typetable.c) while the type is
   unchanged; the checks are those of sys.getsizeof. */
static size_t
known_size(const struct hv_typeinfo *ti, PyObject *obj)
{
    PyObject *result = ti->sizeof_fn(obj, NULL); /* new reference */
    if (!result)
        return (size_t)-1;
    Py_ssize_t size = PyLong_AsSsize_t(result);
    Py_DECREF(result);
    if (size == -1 && PyErr_Occurred())
        return (size_t)-1;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return (size_t)-1;
    }
    return (size_t)size + cpy_preheader_size(ti->type);
}

size_t
hv_size(NyHeapViewObject *hv, PyObject *obj)
{
    struct hv_typeinfo *ti = hv_typeinfo(hv, Py_TYPE(obj));
    if (!ti)
        return (size_t)-1;
    if (ti->def && ti->def->size)
        return ti->def->size(obj);
    if (ti->sizeof_fn && ti->type->tp_version_tag == ti->sizeof_version &&
        (ti->type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return known_size(ti, obj);
    return default_size(obj);
}

/* The relation of r->src to r->tgt seen as an object of type (r->src's
   type or a base of it), whose entry is ti. */
static int
relate_as(NyHeapViewObject *hv, struct hv_typeinfo *ti, NyHeapRelate *r)
{
    PyTypeObject *type = ti->type;
    if (ti->own_def && ti->def->relate)
        return ti->def->relate(r);
    int stop = std_relate_members(r, type);
    if (stop)
        return stop;
    if (ti->own_def || !type->tp_base)
        return std_relate_instance_dict(r);
    struct hv_typeinfo *base = hv_typeinfo(hv, type->tp_base);
    return base ? relate_as(hv, base, r) : -1;
}

int
hv_relate(NyHeapViewObject *hv, NyHeapRelate *r)
{
    struct hv_typeinfo *ti = hv_typeinfo(hv, Py_TYPE(r->src));
    if (!ti)
        return -1;
    int stop = std_relate_field(r, (PyObject *)Py_TYPE(r->src),
                                NYHR_INTERATTR, "ob_type");
    if (stop)
        return stop < 0 ? -1 : 0;
    return relate_as(hv, ti, r);
}

NyNodeSetObject *
hv_new_set(NyHeapViewObject *hv)
{
    return sets_new(hv->_hiding_tag_);
}
