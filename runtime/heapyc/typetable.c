/* typetable.c: what a heap view knows about each type it has met: which
   heap definition applies, how objects of the type are traversed and how
   they may be hidden. Entries are created on first sight, from the
   entry of the base type, and dropped by a weak-reference callback when
   the type itself goes away. */
#include "heapyc.h"

#include <stdint.h>

static size_t
slot_of(const struct hv_typetable *t, const PyTypeObject *type)
{
    uint64_t h = (uint64_t)(uintptr_t)type * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & t->mask;
}

/* The slot holding type's entry, or the empty slot where it would go. */
static size_t
probe(const struct hv_typetable *t, const PyTypeObject *type)
{
    size_t i = slot_of(t, type);
    while (t->slots[i] && t->slots[i]->type != type)
        i = (i + 1) & t->mask;
    return i;
}

/* Double the table (or create it); 0, or -1 with MemoryError. */
static int
grow(struct hv_typetable *t)
{
    size_t oldsize = t->slots ? t->mask + 1 : 0;
    size_t size = oldsize ? 2 * oldsize : 256;
    struct hv_typeinfo **old = t->slots;
    t->slots = PyMem_Calloc(size, sizeof *t->slots);
    if (!t->slots) {
        t->slots = old;
        PyErr_NoMemory();
        return -1;
    }
    t->mask = size - 1;
    for (size_t i = 0; i < oldsize; i++)
        if (old[i])
            t->slots[probe(t, old[i]->type)] = old[i];
    PyMem_Free(old);
    return 0;
}

/* Keeps the C function behind ti->type's __sizeof__ when it is a method
   descriptor without arguments (object's, list's, dict's ...), so sizes
   are had without making a bound method per object. The descriptor must
   be of a base of the type: a class may borrow another type's
   (`__sizeof__ = dict.__sizeof__`), which the descriptor refuses to call
   on it, and its function must not be called either. A type whose
   version tag is not valid keeps none. */
static void
find_sizeof(struct hv_typeinfo *ti)
{
    static PyObject *name;
    if (!name && !(name = PyUnicode_InternFromString("__sizeof__"))) {
        PyErr_Clear();
        return;
    }
    PyObject *descr = _PyType_Lookup(ti->type, name); /* borrowed */
    if (!descr || !PyObject_TypeCheck(descr, &PyMethodDescr_Type) ||
        !(ti->type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return;
    PyMethodDef *method = ((PyMethodDescrObject *)descr)->d_method;
    if (method->ml_flags != METH_NOARGS ||
        !PyType_IsSubtype(ti->type, PyDescr_TYPE(descr)))
        return;
    ti->sizeof_fn = method->ml_meth;
    ti->sizeof_version = ti->type->tp_version_tag;
}

/* How objects of ti->type are traversed, given ti->def. */
static enum hv_trav
trav_for(const struct hv_typeinfo *ti)
{
    if (ti->def && ti->def->traverse)
        return HV_TRAV_DEF;
    if (ti->type->tp_traverse)
        return HV_TRAV_TP;
    return HV_TRAV_NONE;
}

/* Returns a new entry for type, inserted in the table (which owns it),
   with def and hiding inherited from base (NULL for a root type); NULL
   with an exception set on failure. */
static struct hv_typeinfo *
insert(NyHeapViewObject *hv, PyTypeObject *type,
       const struct hv_typeinfo *base)
{
    struct hv_typetable *t = &hv->types;
    if ((t->used + 1) * 2 > (t->slots ? t->mask + 1 : 0) && grow(t) < 0)
        return NULL;
    struct hv_typeinfo *ti = PyMem_Calloc(1, sizeof *ti);
    if (!ti) {
        PyErr_NoMemory();
        return NULL;
    }
    ti->weakref = PyWeakref_NewRef((PyObject *)type, hv->weak_type_callback);
    if (!ti->weakref) {
        PyMem_Free(ti);
        return NULL;
    }
    ti->type = type;
    ti->managed_dict = (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) != 0;
    ti->has_dict = type->tp_dictoffset != 0 || ti->managed_dict;
    ti->hide = HV_HIDE_DICT;
    if (base) {
        ti->def = base->def;
        if (base->hide == HV_HIDE_SLOT) {
            ti->hide = HV_HIDE_SLOT;
            ti->tag_offset = base->tag_offset;
        }
    }
    ti->trav = trav_for(ti);
    find_sizeof(ti);
    t->slots[probe(t, type)] = ti;
    t->used++;
    return ti;
}

struct hv_typeinfo *
hv_typeinfo_lookup_slow(NyHeapViewObject *hv, PyTypeObject *type)
{
    struct hv_typetable *t = &hv->types;
    struct hv_typeinfo *ti = t->slots ? t->slots[probe(t, type)] : NULL;
    if (!ti) {
        struct hv_typeinfo *base = NULL;
        if (type->tp_base && !(base = hv_typeinfo(hv, type->tp_base)))
            return NULL;
        if (!(ti = insert(hv, type, base)))
            return NULL;
    }
    t->last = ti;
    return ti;
}

/* Give type the definition def; 0, or -1 with ValueError when the type
   has a different definition already. The same definition twice (a
   module listed under two names) is accepted. */
static int
add_def(NyHeapViewObject *hv, const NyHeapDef *def)
{
    struct hv_typetable *t = &hv->types;
    struct hv_typeinfo *ti = t->slots ? t->slots[probe(t, def->type)] : NULL;
    if (ti && ti->own_def) {
        if (ti->def == def)
            return 0;
        PyErr_Format(PyExc_ValueError,
                     "Duplicate heap definition for type '%.50s'",
                     def->type->tp_name);
        return -1;
    }
    if (!ti && !(ti = insert(hv, def->type, NULL)))
        return -1;
    ti->def = def;
    ti->own_def = 1;
    ti->trav = trav_for(ti);
    return 0;
}

int
hv_typetable_add_defs(NyHeapViewObject *hv, const NyHeapDef *defs)
{
    for (; defs->type; defs++)
        if (add_def(hv, defs) < 0)
            return -1;
    return 0;
}

static void
free_entry(struct hv_typeinfo *ti)
{
    Py_DECREF(ti->weakref);
    PyMem_Free(ti);
}

void
hv_typetable_clear(NyHeapViewObject *hv)
{
    struct hv_typetable *t = &hv->types;
    struct hv_typeinfo **slots = t->slots;
    size_t size = slots ? t->mask + 1 : 0;
    t->slots = NULL;
    t->mask = t->used = 0;
    t->last = NULL;
    for (size_t i = 0; i < size; i++)
        if (slots[i])
            free_entry(slots[i]);
    PyMem_Free(slots);
}

int
hv_typetable_traverse(NyHeapViewObject *hv, visitproc visit, void *arg)
{
    const struct hv_typetable *t = &hv->types;
    for (size_t i = 0; t->slots && i <= t->mask; i++)
        if (t->slots[i])
            Py_VISIT(t->slots[i]->weakref);
    return 0;
}

/* Empty slot i and move later entries of its probe run back, so that
   every entry stays reachable from its home slot. */
static void
remove_slot(struct hv_typetable *t, size_t i)
{
    size_t j = i;
    t->slots[i] = NULL;
    for (;;) {
        j = (j + 1) & t->mask;
        if (!t->slots[j])
            break;
        size_t home = slot_of(t, t->slots[j]->type);
        /* Move the entry at j to i unless its home lies cyclically in
           (i, j]. */
        if ((i < j) ? (home <= i || home > j) : (home <= i && home > j)) {
            t->slots[i] = t->slots[j];
            t->slots[j] = NULL;
            i = j;
        }
    }
    t->used--;
}

int
hv_typetable_forget(NyHeapViewObject *hv, PyObject *wr)
{
    struct hv_typetable *t = &hv->types;
    for (size_t i = 0; t->slots && i <= t->mask; i++) {
        struct hv_typeinfo *ti = t->slots[i];
        if (ti && ti->weakref == wr) {
            if (t->last == ti)
                t->last = NULL;
            remove_slot(t, i);
            free_entry(ti);
            return 0;
        }
    }
    PyErr_Format(PyExc_ValueError,
                 "delete_extra_type: reference object %p not found", wr);
    return -1;
}

/* The entry of type, for registering a way of hiding; NULL with
   ValueError when the type is registered already. */
static struct hv_typeinfo *
unregistered(NyHeapViewObject *hv, PyTypeObject *type, const char *method)
{
    struct hv_typeinfo *ti = hv_typeinfo(hv, type);
    if (ti && ti->hide != HV_HIDE_DICT) {
        PyErr_Format(PyExc_ValueError, "%s: type is already registered",
                     method);
        return NULL;
    }
    return ti;
}

int
hv_typetable_hide_by_slot(NyHeapViewObject *hv, PyTypeObject *type,
                          Py_ssize_t offset)
{
    struct hv_typeinfo *ti = unregistered(hv, type,
                                          "register__hiding_tag__type");
    if (!ti)
        return -1;
    ti->hide = HV_HIDE_SLOT;
    ti->tag_offset = offset;
    /* Subtypes met before inherit the registration too. */
    const struct hv_typetable *t = &hv->types;
    for (size_t i = 0; i <= t->mask; i++) {
        struct hv_typeinfo *sub = t->slots[i];
        if (sub && sub->hide == HV_HIDE_DICT &&
            PyType_IsSubtype(sub->type, type)) {
            sub->hide = HV_HIDE_SLOT;
            sub->tag_offset = offset;
        }
    }
    return 0;
}

int
hv_typetable_hide_exact(NyHeapViewObject *hv, PyTypeObject *type)
{
    struct hv_typeinfo *ti = unregistered(hv, type,
                                          "register_hidden_exact_type");
    if (!ti)
        return -1;
    ti->hide = HV_HIDE_ALWAYS;
    ti->trav = HV_TRAV_NONE;
    return 0;
}
