/* mutnodeset.c: the type MutNodeSet: a nodeset changed in place. Each
   element is recorded as one bit of a bitstore, numbered by its address
   divided by the pointer size, which keeps nearby objects in the same
   words; and its iterator. */
#include "setsc.h"

#include <stddef.h>
#include <structmember.h>

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

/* A new reference to an empty mutable nodeset of type type with the given
   flags and hiding tag (borrowed, may be NULL); NULL with MemoryError. */
static NyMutNodeSetObject *
mutnodeset_alloc(PyTypeObject *type, int flags, PyObject *hiding_tag)
{
    NyMutNodeSetObject *v = (NyMutNodeSetObject *)type->tp_alloc(type, 0);
    if (!v)
        return NULL;
    v->flags = flags;
    v->_hiding_tag_ = Py_XNewRef(hiding_tag);
    bitstore_init(&v->store);
    return v;
}

NyNodeSetObject *
mutnodeset_new_flags(int flags)
{
    return (NyNodeSetObject *)mutnodeset_alloc(&NyMutNodeSet_Type, flags,
                                               NULL);
}

NyNodeSetObject *
mutnodeset_new(void)
{
    return mutnodeset_new_flags(NS_HOLDOBJECTS);
}

NyNodeSetObject *
mutnodeset_new_hiding(PyObject *hiding_tag)
{
    return (NyNodeSetObject *)mutnodeset_alloc(&NyMutNodeSet_Type,
                                               NS_HOLDOBJECTS, hiding_tag);
}

/* The element a bit stands for: a new reference to the object, or, in a
   set not holding its elements, to its address as an int. */
static PyObject *
element(NyMutNodeSetObject *v, NyBit bit)
{
    PyObject *obj = bit_node(bit);
    return v->flags & NS_HOLDOBJECTS ? Py_NewRef(obj)
                                     : PyLong_FromVoidPtr(obj);
}

/* 0 if v holds its elements, else -1 with ValueError. */
static int
require_holding(NyMutNodeSetObject *v)
{
    if (v->flags & NS_HOLDOBJECTS)
        return 0;
    PyErr_SetString(PyExc_ValueError,
                    "this nodeset records addresses, not objects");
    return -1;
}

int
mutnodeset_fill(NyMutNodeSetObject *v, PyObject **out)
{
    Py_ssize_t k = 0;
    if (require_holding(v) < 0)
        return -1;
    for (Py_ssize_t g = 0; g < v->store.nsegs; g++) {
        const struct bitseg *sg = &v->store.segs[g];
        for (Py_ssize_t i = 0; i < sg->n; i++)
            for (NyBits w = sg->f[i].bits; w; w &= w - 1)
                out[k++] = bit_node(bit_at(sg->f[i].pos, bits_first(w)));
    }
    return 0;
}

int
mutnodeset_items(NyMutNodeSetObject *v, PyObject ***items)
{
    *items = PyMem_New(PyObject *, (size_t)Py_SIZE(v) + 1);
    if (!*items) {
        PyErr_NoMemory();
        return -1;
    }
    if (mutnodeset_fill(v, *items) < 0) {
        PyMem_Free(*items);
        *items = NULL;
        return -1;
    }
    return 0;
}

int
mutnodeset_setobj(NyMutNodeSetObject *v, PyObject *obj)
{
    NyBit bit = node_bit(obj);
    NyBits was;
    if (bitstore_update(&v->store, SETOP_OR, bit_pos(bit), bit_mask(bit),
                        &was) < 0)
        return -1;
    if (was & bit_mask(bit))
        return 1;
    if (v->flags & NS_HOLDOBJECTS)
        Py_INCREF(obj);
    Py_SET_SIZE(v, Py_SIZE(v) + 1);
    return 0;
}

int
mutnodeset_clrobj(NyMutNodeSetObject *v, PyObject *obj)
{
    NyBit bit = node_bit(obj);
    NyBits was;
    /* Removing never needs memory. */
    (void)bitstore_update(&v->store, SETOP_SUB, bit_pos(bit), bit_mask(bit),
                          &was);
    if (!(was & bit_mask(bit)))
        return 0;
    Py_SET_SIZE(v, Py_SIZE(v) - 1);
    if (v->flags & NS_HOLDOBJECTS)
        Py_DECREF(obj);
    return 1;
}

int
mutnodeset_hasobj(NyMutNodeSetObject *v, PyObject *obj)
{
    NyBit bit = node_bit(obj);
    return (bitstore_get(&v->store, bit_pos(bit)) & bit_mask(bit)) != 0;
}

/* Take (incref) or release (decref) the element of each bit of n
   fields; the elements of each field are fetched while those of the
   field before are handled, as elements lie apart in memory. */
static void
reference_elements(const NyBitField *f, Py_ssize_t n, int take)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i + 1 < n)
            for (NyBits w = f[i + 1].bits; w; w &= w - 1)
                __builtin_prefetch(
                    bit_node(bit_at(f[i + 1].pos, bits_first(w))), 1);
        for (NyBits w = f[i].bits; w; w &= w - 1) {
            PyObject *obj = bit_node(bit_at(f[i].pos, bits_first(w)));
            if (take)
                Py_INCREF(obj);
            else
                Py_DECREF(obj);
        }
    }
}

/* Empty v, releasing its elements last, when v is consistent again:
   releasing may run code that uses v. */
static void
release_all(NyMutNodeSetObject *v)
{
    struct bitstore old = v->store;
    bitstore_init(&v->store);
    v->store.split = old.split;
    v->store.version = old.version + 1;
    Py_SET_SIZE(v, 0);
    if (v->flags & NS_HOLDOBJECTS)
        for (Py_ssize_t g = 0; g < old.nsegs; g++)
            reference_elements(old.segs[g].f, old.segs[g].n, 0);
    bitstore_clear(&old);
}

/* What an in-place operation changed, gathered while the store changes:
   added elements are taken at once, removed ones released afterwards. */
struct changes {
    int hold;                 /* the set holds its elements */
    Py_ssize_t added;
    PyObject **removed;       /* room for every possible removal */
    Py_ssize_t nremoved;
};

static void
record_change(NyBit pos, NyBits added, NyBits removed, void *arg)
{
    struct changes *c = arg;
    for (; added; added &= added - 1) {
        if (c->hold)
            Py_INCREF(bit_node(bit_at(pos, bits_first(added))));
        c->added++;
    }
    for (; removed; removed &= removed - 1)
        c->removed[c->nremoved++] = bit_node(bit_at(pos, bits_first(removed)));
}

/* The elements of an operand as the fields of their bits. */
struct elements {
    const NyBitField *f;
    Py_ssize_t n;
    Py_ssize_t most;          /* at least the number of elements */
    NyBitField *tmp;          /* PyMem memory f points into, or NULL */
    PyObject *keep;           /* owned: keeps the elements alive, or NULL */
};

/* Add the bit of the element at address to the fields f[0 .. k), which
   hold the elements met so far, grouped by word; return the new count. */
static Py_ssize_t
add_element(NyBitField *f, Py_ssize_t k, Py_uintptr_t address)
{
    NyBit bit = node_bit((PyObject *)address);
    NyBit pos = bit_pos(bit);
    if (k == 0 || f[k - 1].pos != pos)
        f[k++] = (NyBitField){.pos = pos, .bits = 0};
    f[k - 1].bits |= bit_mask(bit);
    return k;
}

/* Room in e->tmp (a new PyMem array) for the fields of n elements.
   Returns 0, or -1 with MemoryError set. */
static int
room_for(struct elements *e, Py_ssize_t n)
{
    e->most = n;
    e->n = 0;
    e->f = e->tmp = PyMem_New(NyBitField, (size_t)n + 1);
    if (e->tmp)
        return 0;
    PyErr_NoMemory();
    return -1;
}

/* See w (borrowed): a mutable nodeset holding its elements through its
   own fields, an immutable one through its sorted elements, and any
   other iterable through its elements collected and grouped by word.
   Returns 0, or -1 with an exception set. */
static int
elements_get(PyObject *w, struct elements *e)
{
    e->tmp = NULL;
    e->keep = NULL;
    if (NyMutNodeSet_Check(w)) {
        NyMutNodeSetObject *m = (NyMutNodeSetObject *)w;
        e->most = Py_SIZE(m);
        if (require_holding(m) < 0)
            return -1;
        return bitstore_flat(&m->store, &e->f, &e->n, &e->tmp);
    }
    if (NyImmNodeSet_Check(w)) {
        NyNodeSetObject *s = (NyNodeSetObject *)w;
        if (room_for(e, Py_SIZE(s)) < 0)
            return -1;
        for (Py_ssize_t i = 0; i < Py_SIZE(s); i++)
            e->n = add_element(e->tmp, e->n, (Py_uintptr_t)s->u.nodes[i]);
        return 0;
    }
    struct collected c;
    if (nodes_collect(w, &c, NODE_FIELD_SHIFT) < 0)
        return -1;
    int r = room_for(e, c.n);
    for (Py_ssize_t i = 0; r == 0 && i < c.n; i++)
        e->n = add_element(e->tmp, e->n, c.sorted[i]);
    e->keep = c.keep;
    c.keep = NULL;
    nodes_collected_release(&c);
    return r;
}

static void
elements_release(struct elements *e)
{
    PyMem_Free(e->tmp);
    e->tmp = NULL;
    Py_CLEAR(e->keep);
}

/* Take a reference to each of the count elements of segment sg, which
   came from e. When e's sequence holds no element twice, it is walked
   instead: in the order a program made them, objects are read as they lie
   in memory. */
static void
take_elements(const struct bitseg *sg, const struct elements *e,
              Py_ssize_t count)
{
    if (e->keep && PySequence_Fast_GET_SIZE(e->keep) == count)
        nodes_take(PySequence_Fast_ITEMS(e->keep), count);
    else
        reference_elements(sg->f, sg->n, 1);
}

PyObject *
mutnodeset_iop(NyMutNodeSetObject *v, enum setop op, PyObject *w)
{
    struct elements e;
    struct changes c = {.hold = v->flags & NS_HOLDOBJECTS};
    int r = -1;
    if (elements_get(w, &e) < 0)
        return NULL;
    Py_ssize_t most_removed = op == SETOP_AND ? Py_SIZE(v)
                            : op == SETOP_OR ? 0 : e.most;
    c.removed = PyMem_New(PyObject *, (size_t)most_removed + 1);
    if (!c.removed) {
        PyErr_NoMemory();
        goto done;
    }
    if ((op == SETOP_OR || op == SETOP_XOR) && bitstore_is_empty(&v->store)) {
        /* All of w is added: its fields become the store. */
        r = e.tmp ? bitstore_adopt(&v->store, e.tmp, e.most + 1, e.n)
                  : bitstore_assign(&v->store, e.f, e.n);
        e.tmp = NULL;
        if (r == 0 && v->store.nsegs) {
            const struct bitseg *sg = &v->store.segs[0];
            c.added = fields_count(sg->f, sg->n);
            if (c.hold)
                take_elements(sg, &e, c.added);
        }
    } else {
        r = bitstore_combine(&v->store, op, e.f, e.n, record_change, &c);
    }
    /* Even a failed combination may have applied some changes. */
    Py_SET_SIZE(v, Py_SIZE(v) + c.added - c.nremoved);
done:
    elements_release(&e);
    if (c.hold)
        for (Py_ssize_t i = 0; i < c.nremoved; i++)
            Py_DECREF(c.removed[i]);
    PyMem_Free(c.removed);
    return r < 0 ? NULL : Py_NewRef((PyObject *)v);
}

/* MutNodeSet(iterable=()): a new reference, or NULL with an exception. */
static PyObject *
mutnodeset_type_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char iterable_kw[] = "iterable", *kwlist[] = {iterable_kw, NULL};
    PyObject *iterable = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:MutNodeSet", kwlist,
                                     &iterable))
        return NULL;
    NyMutNodeSetObject *v = mutnodeset_alloc(type, NS_HOLDOBJECTS, NULL);
    if (!v || !iterable)
        return (PyObject *)v;
    PyObject *r = mutnodeset_iop(v, SETOP_OR, iterable);
    Py_DECREF(v);
    return r;
}

static int
mutnodeset_traverse(PyObject *self, visitproc visit, void *arg)
{
    NyMutNodeSetObject *v = (NyMutNodeSetObject *)self;
    if (v->flags & NS_HOLDOBJECTS) {
        for (Py_ssize_t g = 0; g < v->store.nsegs; g++) {
            const struct bitseg *sg = &v->store.segs[g];
            for (Py_ssize_t i = 0; i < sg->n; i++)
                for (NyBits w = sg->f[i].bits; w; w &= w - 1)
                    Py_VISIT(bit_node(bit_at(sg->f[i].pos, bits_first(w))));
        }
    }
    Py_VISIT(v->_hiding_tag_);
    return 0;
}

static int
mutnodeset_clear(PyObject *self)
{
    NyMutNodeSetObject *v = (NyMutNodeSetObject *)self;
    release_all(v);
    Py_CLEAR(v->_hiding_tag_);
    return 0;
}

static void
mutnodeset_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, mutnodeset_dealloc)
    mutnodeset_clear(self);
    bitstore_clear(&((NyMutNodeSetObject *)self)->store);
    Py_TYPE(self)->tp_free(self);
    Py_TRASHCAN_END
}

/* The methods ------------------------------------------------------------------ */

static PyObject *
mutnodeset_add(PyObject *self, PyObject *obj)
{
    if (mutnodeset_setobj((NyMutNodeSetObject *)self, obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
mutnodeset_append(PyObject *self, PyObject *obj)
{
    int r = mutnodeset_setobj((NyMutNodeSetObject *)self, obj);
    if (r < 0)
        return NULL;
    if (r) {
        PyErr_SetString(PyExc_ValueError, "S.append(e): e is already in S");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mutnodeset_discard(PyObject *self, PyObject *obj)
{
    mutnodeset_clrobj((NyMutNodeSetObject *)self, obj);
    Py_RETURN_NONE;
}

static PyObject *
mutnodeset_remove(PyObject *self, PyObject *obj)
{
    if (!mutnodeset_clrobj((NyMutNodeSetObject *)self, obj)) {
        PyErr_SetString(PyExc_ValueError, "S.remove(e): e is not in S");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mutnodeset_tas(PyObject *self, PyObject *obj)
{
    int r = mutnodeset_setobj((NyMutNodeSetObject *)self, obj);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *
mutnodeset_tac(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(mutnodeset_clrobj((NyMutNodeSetObject *)self, obj));
}

static PyObject *
mutnodeset_clear_method(PyObject *self, PyObject *unused)
{
    (void)unused;
    release_all((NyMutNodeSetObject *)self);
    Py_RETURN_NONE;
}

/* S.pop(): remove the element of lowest address and return it; the
   set's reference passes to the caller. */
static PyObject *
mutnodeset_pop(PyObject *self, PyObject *unused)
{
    NyMutNodeSetObject *v = (NyMutNodeSetObject *)self;
    NyBitField f;
    NyBits was;
    (void)unused;
    if (!bitstore_first(&v->store, &f)) {
        PyErr_SetString(PyExc_ValueError, "pop() from an empty nodeset");
        return NULL;
    }
    NyBit bit = bit_at(f.pos, bits_first(f.bits));
    (void)bitstore_update(&v->store, SETOP_SUB, f.pos, bit_mask(bit), &was);
    Py_SET_SIZE(v, Py_SIZE(v) - 1);
    PyObject *obj = bit_node(bit);
    return v->flags & NS_HOLDOBJECTS ? obj : PyLong_FromVoidPtr(obj);
}

static PyObject *
mutnodeset_sizeof(PyObject *self, PyObject *unused)
{
    (void)unused;
    return PyLong_FromSize_t(nodeset_size(self));
}

static PyObject *
mutnodeset_is_immutable(PyObject *self, void *closure)
{
    (void)self;
    (void)closure;
    Py_RETURN_FALSE;
}

/* The iterator -------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    NyMutNodeSetObject *set;  /* owned; NULL when exhausted */
    struct bitcursor cursor;  /* its version is the set's as it began */
} MutNodeSetIterObject;

/* iter(S): changing S while iterating makes the iterator raise
   RuntimeError. */
static PyObject *
mutnodeset_iter(PyObject *self)
{
    MutNodeSetIterObject *it = PyObject_GC_New(MutNodeSetIterObject,
                                               &NyMutNodeSetIter_Type);
    if (!it)
        return NULL;
    it->set = (NyMutNodeSetObject *)Py_NewRef(self);
    bitcursor_init(&it->cursor, &it->set->store);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
mutnodeset_iter_next(PyObject *self)
{
    MutNodeSetIterObject *it = (MutNodeSetIterObject *)self;
    NyBit bit;
    if (!it->set)
        return NULL;
    if (it->cursor.version != it->set->store.version) {
        PyErr_SetString(PyExc_RuntimeError,
                        "MutNodeSet changed during iteration");
        return NULL;
    }
    if (!bitcursor_next(&it->set->store, &it->cursor, &bit)) {
        Py_CLEAR(it->set);
        return NULL;
    }
    return element(it->set, bit);
}

static int
mutnodeset_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((MutNodeSetIterObject *)self)->set);
    return 0;
}

static void
mutnodeset_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((MutNodeSetIterObject *)self)->set);
    PyObject_GC_Del(self);
}

PyTypeObject NyMutNodeSetIter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.MutNodeSetIterator",
    .tp_basicsize = sizeof(MutNodeSetIterObject),
    .tp_dealloc = mutnodeset_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = mutnodeset_iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = mutnodeset_iter_next,
};

/* The type ------------------------------------------------------------------ */

PyDoc_STRVAR(mutnodeset_doc,
"MutNodeSet([iterable]) -> mutable nodeset\n"
"\n"
"A set of objects compared by identity that changes in place, with the\n"
"elements of iterable. Besides the nodeset algebra it has the in-place\n"
"operators &= |= ^= -= and the methods add, append, clear, discard, pop,\n"
"remove, tac and tas. Changing it while iterating over it makes the\n"
"iterator raise RuntimeError.");

static PyMethodDef mutnodeset_methods[] = {
    {"add", mutnodeset_add, METH_O,
     "S.add(e): add e to S; no effect if e is in S"},
    {"append", mutnodeset_append, METH_O,
     "S.append(e): add e to S, or raise ValueError if e is in S"},
    {"clear", mutnodeset_clear_method, METH_NOARGS,
     "S.clear(): remove every element of S"},
    {"discard", mutnodeset_discard, METH_O,
     "S.discard(e): remove e from S; no effect if e is not in S"},
    {"pop", mutnodeset_pop, METH_NOARGS,
     "S.pop() -> an element removed from S; ValueError if S is empty"},
    {"remove", mutnodeset_remove, METH_O,
     "S.remove(e): remove e from S, or raise ValueError if e is not in S"},
    {"tas", mutnodeset_tas, METH_O,
     "S.tas(e) -> bool: test and set: True if e was in S, else add it, "
     "False"},
    {"tac", mutnodeset_tac, METH_O,
     "S.tac(e) -> bool: test and clear: True if e was in S and is "
     "removed, else False"},
    {"__sizeof__", mutnodeset_sizeof, METH_NOARGS,
     "the bytes S occupies, its storage included"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef mutnodeset_members[] = {
    {"_hiding_tag_", T_OBJECT_EX, offsetof(NyMutNodeSetObject, _hiding_tag_),
     0, "the hiding tag (AttributeError when there is none)"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef mutnodeset_getset[] = {
    {"is_immutable", mutnodeset_is_immutable, NULL,
     "False: the set can change", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject NyMutNodeSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.MutNodeSet",
    .tp_basicsize = sizeof(NyMutNodeSetObject),
    .tp_dealloc = mutnodeset_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = mutnodeset_doc,
    .tp_traverse = mutnodeset_traverse,
    .tp_clear = mutnodeset_clear,
    .tp_richcompare = nodeset_richcompare,
    .tp_iter = mutnodeset_iter,
    .tp_methods = mutnodeset_methods,
    .tp_members = mutnodeset_members,
    .tp_getset = mutnodeset_getset,
    .tp_base = &NyNodeSet_Type,
    .tp_new = mutnodeset_type_new,
    .tp_free = PyObject_GC_Del,
};
