/* immnodeset.c: the type ImmNodeSet: the elements held in the object
   itself in address order, so membership is a search of a sorted array
   and the set algebra a merge; and its iterator. */
#include "setsc.h"

#include <stddef.h>
#include <structmember.h>

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */


/* A new set is allocated with room for its elements (untracked, unless
   it is of a subtype), filled, and then settled: shrunk to its final size
   and shown to the collector. Returns a new reference to a nodeset of
   type type with room for n elements, or NULL with MemoryError;
   hiding_tag is borrowed. */
static NyNodeSetObject *
immnodeset_alloc(PyTypeObject *type, Py_ssize_t n, PyObject *hiding_tag)
{
    NyNodeSetObject *ns;
    if (type == &NyImmNodeSet_Type)
        ns = PyObject_GC_NewVar(NyNodeSetObject, type, n);
    else
        ns = (NyNodeSetObject *)type->tp_alloc(type, n);
    if (!ns)
        return NULL;
    ns->flags = NS_HOLDOBJECTS;
    ns->_hiding_tag_ = Py_XNewRef(hiding_tag);
    return ns;
}

/* Give ns (a new reference, stolen, filled with n new references) its
   final size n and let the collector see it; returns a new reference, or
   NULL with MemoryError. */
static NyNodeSetObject *
settle(NyNodeSetObject *ns, Py_ssize_t n)
{
    if (Py_TYPE(ns) != &NyImmNodeSet_Type)
        return ns;            /* allocated at its size, already tracked */
    if ((size_t)(Py_SIZE(ns) - n) * sizeof(PyObject *) >= RESULT_SLACK) {
        NyNodeSetObject *moved = PyObject_GC_Resize(NyNodeSetObject, ns, n);
        if (moved)
            ns = moved;
    }
    Py_SET_SIZE(ns, n);
    PyObject_GC_Track(ns);
    return ns;
}

/* Drop a set that could not be filled: none of its slots is counted. */
static void
discard_unfilled(NyNodeSetObject *ns)
{
    Py_SET_SIZE(ns, 0);
    Py_DECREF(ns);
}

/* A new reference to an immutable nodeset of type type with the elements
   of nv, or NULL with MemoryError; hiding_tag is borrowed. */
static NyNodeSetObject *
immnodeset_from_view(PyTypeObject *type, const struct nodeview *nv,
                     PyObject *hiding_tag)
{
    NyNodeSetObject *ns = immnodeset_alloc(type, nv->n, hiding_tag);
    if (!ns)
        return NULL;
    memcpy(ns->u.nodes, nv->items, (size_t)nv->n * sizeof *nv->items);
    nodes_take(ns->u.nodes, nv->n);
    return settle(ns, nv->n);
}

/* A new reference to an immutable copy of the mutable set ms, or NULL
   with an exception set. Allocating may run the collector and through it
   any code, so ms is read only after its copy has room. */
static NyNodeSetObject *
from_mutable(PyTypeObject *type, NyMutNodeSetObject *ms,
             PyObject *hiding_tag)
{
    NyNodeSetObject *ns;
    for (;;) {
        Py_ssize_t n = Py_SIZE(ms);
        ns = immnodeset_alloc(type, n, hiding_tag);
        if (!ns)
            return NULL;
        if (Py_SIZE(ms) == n)
            break;
        discard_unfilled(ns);
    }
    if (mutnodeset_fill((NyMutNodeSetObject *)ms, ns->u.nodes) < 0) {
        discard_unfilled(ns);
        return NULL;
    }
    nodes_take(ns->u.nodes, Py_SIZE(ns));
    return settle(ns, Py_SIZE(ns));
}

/* A new reference to an immutable nodeset of type with the elements of
   iterable (borrowed); NULL with an exception set. */
static NyNodeSetObject *
from_iterable(PyTypeObject *type, PyObject *iterable, PyObject *hiding_tag)
{
    struct collected c;
    if (NyMutNodeSet_Check(iterable))
        return from_mutable(type, (NyMutNodeSetObject *)iterable, hiding_tag);
    if (NyImmNodeSet_Check(iterable)) {
        struct nodeview nv;
        (void)nodeview_get(iterable, &nv);    /* can not fail */
        return immnodeset_from_view(type, &nv, hiding_tag);
    }
    if (nodes_collect(iterable, &c, 0) < 0)
        return NULL;
    /* A subtype is allocated at its final size: count first. */
    Py_ssize_t n = type == &NyImmNodeSet_Type
        ? c.n : nodes_fill_unique((PyObject **)c.mem, c.sorted, c.n);
    const Py_uintptr_t *sorted = type == &NyImmNodeSet_Type
        ? c.sorted : c.mem;
    NyNodeSetObject *ns = immnodeset_alloc(type, n, hiding_tag);
    if (ns) {
        n = nodes_fill_unique(ns->u.nodes, sorted, n);
        /* Without repeats, the elements are taken in the order of the
           iterable, which is the order a program made them and, mostly,
           the order they lie in memory. */
        if (n == c.n)
            nodes_take(PySequence_Fast_ITEMS(c.keep), n);
        else
            nodes_take(ns->u.nodes, n);
        ns = settle(ns, n);
    }
    nodes_collected_release(&c);
    return ns;
}

NyNodeSetObject *
immnodeset_new_copy(NyNodeSetObject *v)
{
    if (Py_TYPE(v) == &NyImmNodeSet_Type)
        return (NyNodeSetObject *)Py_NewRef((PyObject *)v);
    return from_iterable(&NyImmNodeSet_Type, (PyObject *)v, v->_hiding_tag_);
}

NyNodeSetObject *
immnodeset_new_singleton(PyObject *element, PyObject *hiding_tag)
{
    NyNodeSetObject *ns = immnodeset_alloc(&NyImmNodeSet_Type, 1, hiding_tag);
    if (!ns)
        return NULL;
    ns->u.nodes[0] = Py_NewRef(element);
    return settle(ns, 1);
}

/* The version of a mutable nodeset, which changes whenever it does. */
static size_t
version(PyObject *v)
{
    return NyMutNodeSet_Check(v) ? ((NyMutNodeSetObject *)v)->store.version
                                 : 0;
}

/* See v again if it is a mutable nodeset that changed since version was
   taken. Returns 0, or -1 with an exception set. */
static int
see_again(PyObject *v, struct nodeview *nv, size_t was)
{
    if (version(v) == was)
        return 0;
    nodeview_release(nv);
    return nodeview_get(v, nv);
}

NyNodeSetObject *
immnodeset_op(enum setop op, NyNodeSetObject *v, PyObject *w)
{
    struct nodeview a = {0}, b = {0};
    NyNodeSetObject *ns = NULL, *result = NULL;
    /* Iterating w runs Python code: that comes first. */
    if (nodeview_get(w, &b) < 0 || nodeview_get((PyObject *)v, &a) < 0)
        goto done;
    size_t was_v = version((PyObject *)v), was_w = version(w);
    Py_ssize_t room = fields_op_bound(op, a.n, b.n);
    if ((size_t)room * sizeof(PyObject *) > COUNT_FIRST_BYTES)
        room = nodes_op_count(op, &a, &b) + 1;
    ns = immnodeset_alloc(&NyImmNodeSet_Type, room, v->_hiding_tag_);
    if (!ns)
        goto done;
    /* Allocating may run the collector and through it any code: a
       mutable operand that changed meanwhile is seen again. */
    if (version((PyObject *)v) != was_v || version(w) != was_w) {
        if (see_again((PyObject *)v, &a, was_v) < 0 ||
            see_again(w, &b, was_w) < 0)
            goto unfilled;
        Py_ssize_t need = fields_op_bound(op, a.n, b.n);
        if (need > room) {
            NyNodeSetObject *moved = PyObject_GC_Resize(NyNodeSetObject, ns,
                                                        need);
            if (!moved)
                goto unfilled;
            ns = moved;
        }
    }
    Py_ssize_t n = nodes_op(op, &a, &b, ns->u.nodes);
    nodes_take(ns->u.nodes, n);
    result = settle(ns, n);
    goto done;
unfilled:
    discard_unfilled(ns);
done:
    nodeview_release(&a);
    nodeview_release(&b);
    return result;
}

int
immnodeset_hasobj(NyNodeSetObject *v, PyObject *obj)
{
    Py_ssize_t i = search_sorted(v->u.nodes, sizeof *v->u.nodes, Py_SIZE(v),
                                 (Py_uintptr_t)obj, 0, NULL);
    return i < Py_SIZE(v) && v->u.nodes[i] == obj;
}

/* ImmNodeSet(iterable=(), hiding_tag=None): a new reference, or NULL
   with an exception set. */
static PyObject *
immnodeset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char iterable_kw[] = "iterable", hiding_tag_kw[] = "hiding_tag";
    static char *kwlist[] = {iterable_kw, hiding_tag_kw, NULL};
    PyObject *iterable = NULL, *hiding_tag = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:ImmNodeSet", kwlist,
                                     &iterable, &hiding_tag))
        return NULL;
    if (!iterable) {
        NyNodeSetObject *ns = immnodeset_alloc(type, 0, hiding_tag);
        return ns ? (PyObject *)settle(ns, 0) : NULL;
    }
    if (type == &NyImmNodeSet_Type && Py_TYPE(iterable) == type &&
        ((NyNodeSetObject *)iterable)->_hiding_tag_ == hiding_tag)
        return Py_NewRef(iterable);
    return (PyObject *)from_iterable(type, iterable, hiding_tag);
}

static int
immnodeset_traverse(PyObject *self, visitproc visit, void *arg)
{
    NyNodeSetObject *v = (NyNodeSetObject *)self;
    for (Py_ssize_t i = 0; i < Py_SIZE(v); i++)
        Py_VISIT(v->u.nodes[i]);
    Py_VISIT(v->_hiding_tag_);
    return 0;
}

static int
immnodeset_clear(PyObject *self)
{
    NyNodeSetObject *v = (NyNodeSetObject *)self;
    Py_ssize_t n = Py_SIZE(v);
    /* Emptied first: releasing elements may run code that sees v. */
    Py_SET_SIZE(v, 0);
    nodes_release(v->u.nodes, n);
    Py_CLEAR(v->_hiding_tag_);
    return 0;
}

static void
immnodeset_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, immnodeset_dealloc)
    immnodeset_clear(self);
    Py_TYPE(self)->tp_free(self);
    Py_TRASHCAN_END
}

/* Depends on the addresses of the elements, in order. */
static Py_hash_t
immnodeset_hash(PyObject *self)
{
    NyNodeSetObject *v = (NyNodeSetObject *)self;
    Py_uhash_t h = 0x6A09E667F3BCC909ULL ^ (Py_uhash_t)Py_SIZE(v);
    for (Py_ssize_t i = 0; i < Py_SIZE(v); i++)
        h = (h ^ (Py_uhash_t)v->u.nodes[i]) * 0x100000001B3ULL;
    h ^= h >> 31;
    return h == (Py_uhash_t)-1 ? -2 : (Py_hash_t)h;
}

/* S.obj_at(address): a new reference to the element at address, or
   NULL with ValueError if there is none. */
static PyObject *
immnodeset_obj_at(PyObject *self, PyObject *arg)
{
    NyNodeSetObject *v = (NyNodeSetObject *)self;
    Py_uintptr_t addr = (Py_uintptr_t)PyLong_AsVoidPtr(arg);
    if (PyErr_Occurred())
        return NULL;
    Py_ssize_t i = search_sorted(v->u.nodes, sizeof *v->u.nodes, Py_SIZE(v),
                                 addr, 0, NULL);
    if (i < Py_SIZE(v) && (Py_uintptr_t)v->u.nodes[i] == addr)
        return Py_NewRef(v->u.nodes[i]);
    PyErr_Format(PyExc_ValueError, "no element at address %p",
                 (void *)addr);
    return NULL;
}

static PyObject *
immnodeset_is_immutable(PyObject *self, void *closure)
{
    (void)self;
    (void)closure;
    Py_RETURN_TRUE;
}

/* The iterator ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    NyNodeSetObject *set;     /* owned; NULL when exhausted */
    Py_ssize_t i;             /* the next element's index */
} ImmNodeSetIterObject;

static PyObject *
immnodeset_iter(PyObject *self)
{
    ImmNodeSetIterObject *it = PyObject_GC_New(ImmNodeSetIterObject,
                                               &NyImmNodeSetIter_Type);
    if (!it)
        return NULL;
    it->set = (NyNodeSetObject *)Py_NewRef(self);
    it->i = 0;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
immnodeset_iter_next(PyObject *self)
{
    ImmNodeSetIterObject *it = (ImmNodeSetIterObject *)self;
    if (!it->set)
        return NULL;
    if (it->i < Py_SIZE(it->set))
        return Py_NewRef(it->set->u.nodes[it->i++]);
    Py_CLEAR(it->set);
    return NULL;
}

static int
immnodeset_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((ImmNodeSetIterObject *)self)->set);
    return 0;
}

static void
immnodeset_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((ImmNodeSetIterObject *)self)->set);
    PyObject_GC_Del(self);
}

PyTypeObject NyImmNodeSetIter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.ImmNodeSetIterator",
    .tp_basicsize = sizeof(ImmNodeSetIterObject),
    .tp_dealloc = immnodeset_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = immnodeset_iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = immnodeset_iter_next,
};

/* The type ------------------------------------------------------------------ */

PyDoc_STRVAR(immnodeset_doc,
"ImmNodeSet([iterable[, hiding_tag]]) -> immutable nodeset\n"
"\n"
"An immutable set of objects compared by identity, with the elements of\n"
"iterable. It is hashable. hiding_tag becomes its _hiding_tag_: heap\n"
"views with that hiding tag do not see the elements through it.");

static PyMethodDef immnodeset_methods[] = {
    {"obj_at", immnodeset_obj_at, METH_O,
     "S.obj_at(address) -> the element at address, or ValueError"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef immnodeset_members[] = {
    {"_hiding_tag_", T_OBJECT_EX, offsetof(NyNodeSetObject, _hiding_tag_),
     READONLY, "the hiding tag (AttributeError when there is none)"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef immnodeset_getset[] = {
    {"is_immutable", immnodeset_is_immutable, NULL,
     "True: the set can not change", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject NyImmNodeSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.ImmNodeSet",
    .tp_basicsize = offsetof(NyNodeSetObject, u),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = immnodeset_dealloc,
    .tp_hash = immnodeset_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = immnodeset_doc,
    .tp_traverse = immnodeset_traverse,
    .tp_clear = immnodeset_clear,
    .tp_richcompare = nodeset_richcompare,
    .tp_iter = immnodeset_iter,
    .tp_methods = immnodeset_methods,
    .tp_members = immnodeset_members,
    .tp_getset = immnodeset_getset,
    .tp_base = &NyNodeSet_Type,
    .tp_new = immnodeset_new,
    .tp_free = PyObject_GC_Del,
};
