/* immbitset.c: the immutable bitset type ImmBitSet, a sorted array of
   fields held inside the object, and its iterator. */
#include "setsc.h"

#include <stddef.h>
#include <string.h>

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

NyImmBitSetObject *ny_empty_bitset;


static size_t
immbitset_bytes(Py_ssize_t n)
{
    return offsetof(NyImmBitSetObject, fields) +
           (size_t)n * sizeof(NyBitField);
}

NyImmBitSetObject *
immbitset_alloc(PyTypeObject *type, Py_ssize_t n)
{
    NyImmBitSetObject *set;
    if (type == &NyImmBitSet_Type)
        set = PyObject_NewVar(NyImmBitSetObject, type, n);
    else
        set = (NyImmBitSetObject *)type->tp_alloc(type, n);
    if (!set)
        return NULL;
    set->length = -1;
    set->hash = -1;
    set->hint = SEARCH_HINT_NONE;
    return set;
}

NyImmBitSetObject *
immbitset_settle(NyImmBitSetObject *set, Py_ssize_t n)
{
    PyTypeObject *type = Py_TYPE(set);
    if (n == 0 && type == &NyImmBitSet_Type && set != ny_empty_bitset) {
        Py_DECREF(set);
        return (NyImmBitSetObject *)Py_NewRef((PyObject *)ny_empty_bitset);
    }
    if (n == Py_SIZE(set))
        return set;
    if (type == &NyImmBitSet_Type &&
        (size_t)(Py_SIZE(set) - n) * sizeof(NyBitField) < RESULT_SLACK) {
        Py_SET_SIZE(set, n);  /* not worth a reallocation */
        return set;
    }
#ifndef Py_TRACE_REFS
    if (type == &NyImmBitSet_Type) {
        /* Not yet seen by anyone: the block can shrink where it is. */
        NyImmBitSetObject *moved = PyObject_Realloc(set, immbitset_bytes(n));
        if (moved)
            set = moved;
        Py_SET_SIZE(set, n);
        return set;
    }
#endif
    NyImmBitSetObject *copy = immbitset_alloc(type, n);
    if (copy)
        memcpy(copy->fields, set->fields, (size_t)n * sizeof(NyBitField));
    Py_DECREF(set);
    return copy;
}

NyImmBitSetObject *
immbitset_from_fields(PyTypeObject *type, const NyBitField *f, Py_ssize_t n)
{
    if (n == 0 && type == &NyImmBitSet_Type)
        return (NyImmBitSetObject *)Py_NewRef((PyObject *)ny_empty_bitset);
    NyImmBitSetObject *set = immbitset_alloc(type, n);
    if (set && n > 0)
        memcpy(set->fields, f, (size_t)n * sizeof *f);
    return set;
}

PyObject *
bitset_from_fields(int cpl, const NyBitField *f, Py_ssize_t n)
{
    NyImmBitSetObject *set = immbitset_from_fields(&NyImmBitSet_Type, f, n);
    if (!set || !cpl)
        return (PyObject *)set;
    PyObject *c = cplbitset_new(&NyCplBitSet_Type, set);
    Py_DECREF(set);
    return c;
}

int
immbitset_hasbit(NyImmBitSetObject *v, NyBit bit)
{
    NyBit pos = bit_pos(bit);
    Py_ssize_t i = fields_search(v->fields, Py_SIZE(v), pos, &v->hint);
    return i < Py_SIZE(v) && v->fields[i].pos == pos &&
           (v->fields[i].bits & bit_mask(bit));
}

/* ImmBitSet(arg=None): a new reference, or NULL with an exception set. */
static PyObject *
immbitset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char arg_kw[] = "arg", *kwlist[] = {arg_kw, NULL};
    PyObject *arg = NULL;
    struct bitview bv;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:ImmBitSet", kwlist,
                                     &arg))
        return NULL;
    if (!arg)
        return (PyObject *)immbitset_from_fields(type, NULL, 0);
    int r = bitview_get(arg, &bv);
    if (r <= 0) {
        if (r == 0)
            PyErr_Format(PyExc_TypeError,
                         "ImmBitSet() argument must be a bitset, an int or "
                         "an iterable of ints, not '%.200s'",
                         Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *set = NULL;
    if (bv.cpl)
        PyErr_SetString(PyExc_TypeError,
                        "ImmBitSet() can not hold a complemented set; "
                        "immbitset() can");
    else
        set = (PyObject *)immbitset_from_fields(type, bv.f, bv.n);
    bitview_release(&bv);
    return set;
}

static void
immbitset_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

/* Returns a new reference to "ImmBitSet([bits...])", the bits as the
   object's own iteration yields them; NULL with an exception set. */
static PyObject *
immbitset_repr(PyObject *self)
{
    PyObject *bits = PySequence_List(self);
    if (!bits)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("ImmBitSet(%R)", bits);
    Py_DECREF(bits);
    return r;
}

static Py_hash_t
immbitset_hash(PyObject *self)
{
    NyImmBitSetObject *v = (NyImmBitSetObject *)self;
    if (v->hash == -1) {
        Py_uhash_t h = 0x2545F4914F6CDD1DULL;
        for (Py_ssize_t i = 0; i < Py_SIZE(v); i++) {
            h = (h ^ (Py_uhash_t)v->fields[i].pos) * 0x100000001B3ULL;
            h = (h ^ (Py_uhash_t)v->fields[i].bits) * 0x9E3779B97F4A7C15ULL;
        }
        h ^= h >> 29;
        v->hash = h == (Py_uhash_t)-1 ? -2 : (Py_hash_t)h;
    }
    return v->hash;
}

static Py_ssize_t
immbitset_length(PyObject *self)
{
    NyImmBitSetObject *v = (NyImmBitSetObject *)self;
    if (v->length < 0)
        v->length = fields_count(v->fields, Py_SIZE(v));
    return v->length;
}

static int
immbitset_contains(PyObject *self, PyObject *key)
{
    NyBit bit;
    if (bit_from_object(key, &bit) < 0)
        return -1;
    return immbitset_hasbit((NyImmBitSetObject *)self, bit);
}

static int
immbitset_bool(PyObject *self)
{
    return Py_SIZE(self) != 0;
}

/* The complement: a new reference, or NULL with MemoryError. */
static PyObject *
immbitset_invert(PyObject *self)
{
    return cplbitset_new(&NyCplBitSet_Type, (NyImmBitSetObject *)self);
}

/* int(s): a new reference to the int with s's bits, or NULL with
   OverflowError when s holds negative bits. */
static PyObject *
immbitset_int(PyObject *self)
{
    NyImmBitSetObject *v = (NyImmBitSetObject *)self;
    Py_ssize_t n = Py_SIZE(v);
    if (n == 0)
        return PyLong_FromLong(0);
    if (v->fields[0].pos < 0) {
        PyErr_SetString(PyExc_OverflowError,
                        "a bitset with negative bits has no int value");
        return NULL;
    }
    Py_ssize_t nwords = v->fields[n - 1].pos + 1;
    if ((size_t)nwords > PY_SSIZE_T_MAX / sizeof(NyBits)) {
        PyErr_SetString(PyExc_OverflowError, "bitset too large for an int");
        return NULL;
    }
    unsigned char *bytes = PyMem_Calloc((size_t)nwords, sizeof(NyBits));
    if (!bytes)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        NyBits w = v->fields[i].bits;
        unsigned char *b = bytes + v->fields[i].pos * sizeof(NyBits);
        for (size_t j = 0; j < sizeof w; j++, w >>= 8)
            b[j] = (unsigned char)w;
    }
    size_t nbytes = (size_t)nwords * sizeof(NyBits);
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *r = PyLong_FromUnsignedNativeBytes(
        bytes, nbytes, Py_ASNATIVEBYTES_LITTLE_ENDIAN);
#else
    PyObject *r = _PyLong_FromByteArray(bytes, nbytes, 1, 0);
#endif
    PyMem_Free(bytes);
    return r;
}

static PyObject *
immbitset_is_immutable(PyObject *self, void *closure)
{
    (void)self;
    (void)closure;
    Py_RETURN_TRUE;
}

/* The iterator ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    NyImmBitSetObject *set;   /* owned; NULL when exhausted */
    Py_ssize_t idx;           /* the field being walked */
    NyBits rest;              /* its bits not yet returned */
} ImmBitSetIterObject;

/* iter(s): a new reference to an iterator over s's bits, ascending. */
static PyObject *
immbitset_iter(PyObject *self)
{
    NyImmBitSetObject *v = (NyImmBitSetObject *)self;
    ImmBitSetIterObject *it = PyObject_New(ImmBitSetIterObject,
                                           &NyImmBitSetIter_Type);
    if (!it)
        return NULL;
    Py_INCREF(v);
    it->set = v;
    it->idx = 0;
    it->rest = Py_SIZE(v) ? v->fields[0].bits : 0;
    return (PyObject *)it;
}

static void
immbitset_iter_dealloc(PyObject *self)
{
    Py_XDECREF(((ImmBitSetIterObject *)self)->set);
    PyObject_Free(self);
}

/* A new reference to the next bit, or NULL at the end. */
static PyObject *
immbitset_iter_next(PyObject *self)
{
    ImmBitSetIterObject *it = (ImmBitSetIterObject *)self;
    NyImmBitSetObject *v = it->set;
    if (!v)
        return NULL;
    while (!it->rest) {
        if (++it->idx >= Py_SIZE(v)) {
            it->set = NULL;
            Py_DECREF(v);
            return NULL;
        }
        it->rest = v->fields[it->idx].bits;
    }
    int i = bits_first(it->rest);
    it->rest &= it->rest - 1;
    return PyLong_FromSsize_t(bit_at(v->fields[it->idx].pos, i));
}

PyTypeObject NyImmBitSetIter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.ImmBitSetIterator",
    .tp_basicsize = sizeof(ImmBitSetIterObject),
    .tp_dealloc = immbitset_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = immbitset_iter_next,
};

/* The type ------------------------------------------------------------------ */

PyDoc_STRVAR(immbitset_doc,
"ImmBitSet([arg]) -> immutable bitset\n"
"\n"
"An immutable set of ints. arg may be a bitset, an iterable of ints, or\n"
"an int, whose bits in binary are the members; a complemented set (as a\n"
"negative int gives) is refused: immbitset() accepts those. Immutable\n"
"bitsets are hashable.");

static PyNumberMethods immbitset_as_number = {
    .nb_subtract = bitset_sub,
    .nb_bool = immbitset_bool,
    .nb_invert = immbitset_invert,
    .nb_lshift = bitset_lshift,
    .nb_and = bitset_and,
    .nb_xor = bitset_xor,
    .nb_or = bitset_or,
    .nb_int = immbitset_int,
};

static PySequenceMethods immbitset_as_sequence = {
    .sq_contains = immbitset_contains,
};

static PyMappingMethods immbitset_as_mapping = {
    .mp_length = immbitset_length,
    .mp_subscript = bitset_subscript,
};

static PyMethodDef immbitset_methods[] = {
    {"mutcopy", bitset_mutcopy, METH_NOARGS,
     "S.mutcopy() -> a new mutable bitset with the bits of S"},
    {"__reduce__", bitset_reduce, METH_NOARGS, "pickling support"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef immbitset_getset[] = {
    {"is_immutable", immbitset_is_immutable, NULL,
     "True: the set can not change", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject NyImmBitSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.ImmBitSet",
    .tp_basicsize = offsetof(NyImmBitSetObject, fields),
    .tp_itemsize = sizeof(NyBitField),
    .tp_dealloc = immbitset_dealloc,
    .tp_repr = immbitset_repr,
    .tp_as_number = &immbitset_as_number,
    .tp_as_sequence = &immbitset_as_sequence,
    .tp_as_mapping = &immbitset_as_mapping,
    .tp_hash = immbitset_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = immbitset_doc,
    .tp_richcompare = bitset_richcompare,
    .tp_iter = immbitset_iter,
    .tp_methods = immbitset_methods,
    .tp_getset = immbitset_getset,
    .tp_base = &NyBitSet_Type,
    .tp_new = immbitset_new,
    .tp_free = PyObject_Free,
};
