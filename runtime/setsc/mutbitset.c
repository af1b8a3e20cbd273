/* mutbitset.c: the type MutBitSet: a bitset changed in place, its bits
   kept in a bitstore; a flag complements it, so in-place operations with
   complemented operands stay exact. */
#include "setsc.h"

#include <stddef.h>

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

int
mutbitset_hasbit(NyMutBitSetObject *v, NyBit bit)
{
    NyBits w = bitstore_get(&v->store, bit_pos(bit));
    return ((w & bit_mask(bit)) != 0) != v->cpl;
}

/* Add bit to v (add) or remove it; return whether it was in v, or -1 with
   MemoryError set. */
static int
set_or_clear(NyMutBitSetObject *v, NyBit bit, int add)
{
    NyBits was;
    /* Adding to the complement of a set is removing from the set. */
    enum setop op = add != v->cpl ? SETOP_OR : SETOP_SUB;
    if (bitstore_update(&v->store, op, bit_pos(bit), bit_mask(bit), &was) < 0)
        return -1;
    return ((was & bit_mask(bit)) != 0) != v->cpl;
}

int
mutbitset_setbit(NyMutBitSetObject *v, NyBit bit)
{
    return set_or_clear(v, bit, 1);
}

int
mutbitset_clrbit(NyMutBitSetObject *v, NyBit bit)
{
    return set_or_clear(v, bit, 0);
}

int
mutbitset_set_or_clr(NyMutBitSetObject *v, NyBit bit, int set_or_clr)
{
    return set_or_clear(v, bit, set_or_clr != 0);
}

int
mutbitset_clear(NyMutBitSetObject *v)
{
    bitstore_clear(&v->store);
    v->cpl = 0;
    return 0;
}

NyMutBitSetObject *
mutbitset_new_from(PyTypeObject *type, PyObject *arg)
{
    NyMutBitSetObject *v = (NyMutBitSetObject *)type->tp_alloc(type, 0);
    if (!v)
        return NULL;
    v->cpl = 0;
    bitstore_init(&v->store);
    if (!arg)
        return v;
    struct bitview bv;
    int r = bitview_get(arg, &bv);
    if (r > 0) {
        v->cpl = bv.cpl;
        r = bitstore_assign(&v->store, bv.f, bv.n);
        bitview_release(&bv);
    } else if (r == 0) {
        PyErr_Format(PyExc_TypeError,
                     "MutBitSet() argument must be a bitset, an int or an "
                     "iterable of ints, not '%.200s'", Py_TYPE(arg)->tp_name);
        r = -1;
    }
    if (r < 0)
        Py_CLEAR(v);
    return v;
}

NyMutBitSetObject *
mutbitset_new(void)
{
    return mutbitset_new_from(&NyMutBitSet_Type, NULL);
}

PyObject *
mutbitset_as_immutable(NyMutBitSetObject *v)
{
    const NyBitField *f;
    Py_ssize_t n;
    NyBitField *tmp;
    if (bitstore_flat(&v->store, &f, &n, &tmp) < 0)
        return NULL;
    PyObject *set = bitset_from_fields(v->cpl, f, n);
    PyMem_Free(tmp);
    return set;
}

/* MutBitSet(arg=None): a new reference, or NULL with an exception set. */
static PyObject *
mutbitset_type_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char arg_kw[] = "arg", *kwlist[] = {arg_kw, NULL};
    PyObject *arg = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:MutBitSet", kwlist,
                                     &arg))
        return NULL;
    return (PyObject *)mutbitset_new_from(type, arg);
}

static void
mutbitset_dealloc(PyObject *self)
{
    bitstore_clear(&((NyMutBitSetObject *)self)->store);
    Py_TYPE(self)->tp_free(self);
}

/* v op= w: returns a new reference to v, or NULL with an exception set. */
static PyObject *
inplace(PyObject *self, PyObject *w, enum setop op)
{
    NyMutBitSetObject *v = (NyMutBitSetObject *)self;
    struct bitview b;
    enum setop fop;
    int r = bitview_get(w, &b);
    if (r <= 0)
        return r ? NULL : Py_NewRef(Py_NotImplemented);
    int cpl = bitset_resolve(op, v->cpl, b.cpl, &fop);
    r = bitstore_combine(&v->store, fop, b.f, b.n, NULL, NULL);
    bitview_release(&b);
    if (r < 0)
        return NULL;
    v->cpl = cpl;
    return Py_NewRef(self);
}

BINARY_SLOT(static, mutbitset_iand, inplace, SETOP_AND)
BINARY_SLOT(static, mutbitset_ior, inplace, SETOP_OR)
BINARY_SLOT(static, mutbitset_ixor, inplace, SETOP_XOR)
BINARY_SLOT(static, mutbitset_isub, inplace, SETOP_SUB)

static int
mutbitset_bool(PyObject *self)
{
    NyMutBitSetObject *v = (NyMutBitSetObject *)self;
    return v->cpl || !bitstore_is_empty(&v->store);
}

/* ~s: a new reference to the immutable complement. */
static PyObject *
mutbitset_invert(PyObject *self)
{
    PyObject *imm = mutbitset_as_immutable((NyMutBitSetObject *)self);
    if (!imm)
        return NULL;
    PyObject *r = PyNumber_Invert(imm);
    Py_DECREF(imm);
    return r;
}

static PyObject *
mutbitset_int(PyObject *self)
{
    PyObject *imm = mutbitset_as_immutable((NyMutBitSetObject *)self);
    if (!imm)
        return NULL;
    PyObject *r = PyNumber_Long(imm);
    Py_DECREF(imm);
    return r;
}

static Py_ssize_t
mutbitset_length(PyObject *self)
{
    NyMutBitSetObject *v = (NyMutBitSetObject *)self;
    if (v->cpl) {
        PyErr_SetString(PyExc_TypeError,
                        "a complemented bitset has no len()");
        return -1;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t g = 0; g < v->store.nsegs; g++)
        n += fields_count(v->store.segs[g].f, v->store.segs[g].n);
    return n;
}

static int
mutbitset_contains(PyObject *self, PyObject *key)
{
    NyBit bit;
    if (bit_from_object(key, &bit) < 0)
        return -1;
    return mutbitset_hasbit((NyMutBitSetObject *)self, bit);
}

/* iter(s): iterates over the bits s has now; changing s meanwhile does
   not disturb it. A new reference, or NULL with an exception set. */
static PyObject *
mutbitset_iter(PyObject *self)
{
    if (((NyMutBitSetObject *)self)->cpl) {
        PyErr_SetString(PyExc_TypeError,
                        "a complemented bitset is not iterable");
        return NULL;
    }
    PyObject *imm = mutbitset_as_immutable((NyMutBitSetObject *)self);
    if (!imm)
        return NULL;
    PyObject *it = PyObject_GetIter(imm);
    Py_DECREF(imm);
    return it;
}

static PyObject *
mutbitset_repr(PyObject *self)
{
    if (((NyMutBitSetObject *)self)->cpl) {
        PyObject *imm = mutbitset_as_immutable((NyMutBitSetObject *)self);
        if (!imm)
            return NULL;
        PyObject *r = PyUnicode_FromFormat(
            "MutBitSet(~%R)", ((NyCplBitSetObject *)imm)->val);
        Py_DECREF(imm);
        return r;
    }
    PyObject *bits = PySequence_List(self);
    if (!bits)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("MutBitSet(%R)", bits);
    Py_DECREF(bits);
    return r;
}

/* The methods that change single bits -------------------------------------- */

/* Set or clear the bit given as a Python int; return whether it was in
   the set before, or -1 with an exception set. */
static int
change_bit(PyObject *self, PyObject *arg, int add)
{
    NyBit bit;
    if (bit_from_object(arg, &bit) < 0)
        return -1;
    return set_or_clear((NyMutBitSetObject *)self, bit, add);
}

static PyObject *
mutbitset_add(PyObject *self, PyObject *arg)
{
    if (change_bit(self, arg, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
mutbitset_discard(PyObject *self, PyObject *arg)
{
    if (change_bit(self, arg, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
mutbitset_append(PyObject *self, PyObject *arg)
{
    int r = change_bit(self, arg, 1);
    if (r < 0)
        return NULL;
    if (r) {
        PyErr_Format(PyExc_ValueError, "%R is already in the set", arg);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mutbitset_remove(PyObject *self, PyObject *arg)
{
    int r = change_bit(self, arg, 0);
    if (r < 0)
        return NULL;
    if (!r) {
        PyErr_Format(PyExc_ValueError, "%R is not in the set", arg);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
mutbitset_tas(PyObject *self, PyObject *arg)
{
    int r = change_bit(self, arg, 1);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *
mutbitset_tac(PyObject *self, PyObject *arg)
{
    int r = change_bit(self, arg, 0);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *
mutbitset_clear_method(PyObject *self, PyObject *unused)
{
    (void)unused;
    mutbitset_clear((NyMutBitSetObject *)self);
    Py_RETURN_NONE;
}

/* S.pop([index]): remove and return the lowest (index 0) or highest
   (index -1, the default) bit. */
static PyObject *
mutbitset_pop(PyObject *self, PyObject *args)
{
    NyMutBitSetObject *v = (NyMutBitSetObject *)self;
    Py_ssize_t index = -1;
    NyBitField f;
    NyBits was;
    if (!PyArg_ParseTuple(args, "|n:pop", &index))
        return NULL;
    if (v->cpl) {
        PyErr_SetString(PyExc_ValueError,
                        "pop() from a complemented bitset");
        return NULL;
    }
    if (index != 0 && index != -1) {
        PyErr_SetString(PyExc_IndexError, "pop() index must be 0 or -1");
        return NULL;
    }
    if (!(index == 0 ? bitstore_first : bitstore_last)(&v->store, &f)) {
        PyErr_SetString(PyExc_ValueError, "pop() from an empty bitset");
        return NULL;
    }
    int i = index == 0 ? bits_first(f.bits) : bits_last(f.bits);
    /* Removing never needs memory. */
    (void)bitstore_update(&v->store, SETOP_SUB, f.pos, (NyBits)1 << i, &was);
    return PyLong_FromSsize_t(bit_at(f.pos, i));
}

static Py_ssize_t
mutbitset_bytes(PyObject *self)
{
    return Py_TYPE(self)->tp_basicsize +
           (Py_ssize_t)bitstore_memsize(&((NyMutBitSetObject *)self)->store);
}

static PyObject *
mutbitset_sizeof(PyObject *self, PyObject *unused)
{
    (void)unused;
    return PyLong_FromSsize_t(mutbitset_bytes(self));
}

static PyObject *
mutbitset_get_indisize(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromSsize_t(mutbitset_bytes(self));
}

static PyObject *
mutbitset_get_num_seg(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromSsize_t(((NyMutBitSetObject *)self)->store.nsegs);
}

static PyObject *
mutbitset_get_splitting_size(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromSsize_t(((NyMutBitSetObject *)self)->store.split);
}

static int
mutbitset_set_splitting_size(PyObject *self, PyObject *value, void *closure)
{
    (void)closure;
    if (!value) {
        PyErr_SetString(PyExc_TypeError, "_splitting_size can not be deleted");
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(value, PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "_splitting_size must be positive");
        return -1;
    }
    ((NyMutBitSetObject *)self)->store.split = n;
    return 0;
}

static PyObject *
mutbitset_is_immutable(PyObject *self, void *closure)
{
    (void)self;
    (void)closure;
    Py_RETURN_FALSE;
}

PyDoc_STRVAR(mutbitset_doc,
"MutBitSet([arg]) -> mutable bitset\n"
"\n"
"A set of ints that changes in place. arg may be a bitset, an iterable of\n"
"ints, or an int (negative ints give complemented sets). Besides the\n"
"bitset algebra it has the in-place operators &= |= ^= -= and the\n"
"methods add, append, clear, discard, pop, remove, tac and tas.");

static PyNumberMethods mutbitset_as_number = {
    .nb_subtract = bitset_sub,
    .nb_bool = mutbitset_bool,
    .nb_invert = mutbitset_invert,
    .nb_lshift = bitset_lshift,
    .nb_and = bitset_and,
    .nb_xor = bitset_xor,
    .nb_or = bitset_or,
    .nb_int = mutbitset_int,
    .nb_inplace_subtract = mutbitset_isub,
    .nb_inplace_and = mutbitset_iand,
    .nb_inplace_xor = mutbitset_ixor,
    .nb_inplace_or = mutbitset_ior,
};

static PySequenceMethods mutbitset_as_sequence = {
    .sq_contains = mutbitset_contains,
};

static PyMappingMethods mutbitset_as_mapping = {
    .mp_length = mutbitset_length,
    .mp_subscript = bitset_subscript,
};

static PyMethodDef mutbitset_methods[] = {
    {"add", mutbitset_add, METH_O,
     "S.add(e): add e to S; no effect if e is in S"},
    {"append", mutbitset_append, METH_O,
     "S.append(e): add e to S, or raise ValueError if e is in S"},
    {"clear", mutbitset_clear_method, METH_NOARGS,
     "S.clear(): remove every element of S"},
    {"discard", mutbitset_discard, METH_O,
     "S.discard(e): remove e from S; no effect if e is not in S"},
    {"pop", mutbitset_pop, METH_VARARGS,
     "S.pop([index]) -> int: remove and return the highest bit (index -1,\n"
     "the default) or the lowest (index 0); ValueError if S is empty"},
    {"remove", mutbitset_remove, METH_O,
     "S.remove(e): remove e from S, or raise ValueError if e is not in S"},
    {"tas", mutbitset_tas, METH_O,
     "S.tas(e) -> int: test and set: 1 if e was in S, else add it, 0"},
    {"tac", mutbitset_tac, METH_O,
     "S.tac(e) -> int: test and clear: 1 if e was in S and is removed, "
     "else 0"},
    {"mutcopy", bitset_mutcopy, METH_NOARGS,
     "S.mutcopy() -> a new mutable bitset with the bits of S"},
    {"__reduce__", bitset_reduce, METH_NOARGS, "pickling support"},
    {"__sizeof__", mutbitset_sizeof, METH_NOARGS,
     "the bytes S occupies, its storage included"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef mutbitset_getset[] = {
    {"is_immutable", mutbitset_is_immutable, NULL,
     "False: the set can change", NULL},
    {"_indisize", mutbitset_get_indisize, NULL,
     "the bytes the set occupies, its storage included", NULL},
    {"_num_seg", mutbitset_get_num_seg, NULL,
     "the number of segments the bits are stored in", NULL},
    {"_splitting_size", mutbitset_get_splitting_size,
     mutbitset_set_splitting_size,
     "a change moves at most this many words before a segment is split",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject NyMutBitSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.MutBitSet",
    .tp_basicsize = sizeof(NyMutBitSetObject),
    .tp_dealloc = mutbitset_dealloc,
    .tp_repr = mutbitset_repr,
    .tp_as_number = &mutbitset_as_number,
    .tp_as_sequence = &mutbitset_as_sequence,
    .tp_as_mapping = &mutbitset_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = mutbitset_doc,
    .tp_richcompare = bitset_richcompare,
    .tp_iter = mutbitset_iter,
    .tp_methods = mutbitset_methods,
    .tp_getset = mutbitset_getset,
    .tp_base = &NyBitSet_Type,
    .tp_new = mutbitset_type_new,
    .tp_free = PyObject_Free,
};
