/* cplbitset.c: the type CplBitSet: an immutable bitset holding every int
   except those of an ImmBitSet, so that complements are exact. */
#include "setsc.h"

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

NyCplBitSetObject *ny_omega_bitset;

PyObject *
cplbitset_new(PyTypeObject *type, NyImmBitSetObject *v)
{
    if (type == &NyCplBitSet_Type && v == ny_empty_bitset &&
        ny_omega_bitset)
        return Py_NewRef((PyObject *)ny_omega_bitset);
    NyCplBitSetObject *c = (NyCplBitSetObject *)type->tp_alloc(type, 0);
    if (c)
        c->val = (NyImmBitSetObject *)Py_NewRef((PyObject *)v);
    return (PyObject *)c;
}

int
cplbitset_hasbit(NyCplBitSetObject *v, NyBit bit)
{
    return !immbitset_hasbit(v->val, bit);
}

/* CplBitSet(s): a new reference to the complement of ImmBitSet s. */
static PyObject *
cplbitset_type_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char arg_kw[] = "arg", *kwlist[] = {arg_kw, NULL};
    PyObject *arg;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!:CplBitSet", kwlist,
                                     &NyImmBitSet_Type, &arg))
        return NULL;
    return cplbitset_new(type, (NyImmBitSetObject *)arg);
}

static void
cplbitset_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(((NyCplBitSetObject *)self)->val);
    Py_TYPE(self)->tp_free(self);
}

/* A subtype of ImmBitSet may refer back to its complement: the collector
   must see the reference to find such cycles. */
static int
cplbitset_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((NyCplBitSetObject *)self)->val);
    return 0;
}

static PyObject *
cplbitset_repr(PyObject *self)
{
    return PyUnicode_FromFormat("(~%R)", ((NyCplBitSetObject *)self)->val);
}

static Py_hash_t
cplbitset_hash(PyObject *self)
{
    Py_hash_t h = PyObject_Hash((PyObject *)((NyCplBitSetObject *)self)->val);
    if (h == -1)
        return -1;
    h = ~h;
    return h == -1 ? -2 : h;
}

static int
cplbitset_contains(PyObject *self, PyObject *key)
{
    NyBit bit;
    if (bit_from_object(key, &bit) < 0)
        return -1;
    return cplbitset_hasbit((NyCplBitSetObject *)self, bit);
}

static int
cplbitset_bool(PyObject *self)
{
    (void)self;
    return 1;
}

/* ~~s is s: a new reference to the set complemented. */
static PyObject *
cplbitset_invert(PyObject *self)
{
    return Py_NewRef((PyObject *)((NyCplBitSetObject *)self)->val);
}

/* int(~s) == ~int(s), in two's complement. */
static PyObject *
cplbitset_int(PyObject *self)
{
    PyObject *plain = PyNumber_Long(
        (PyObject *)((NyCplBitSetObject *)self)->val);
    if (!plain)
        return NULL;
    PyObject *r = PyNumber_Invert(plain);
    Py_DECREF(plain);
    return r;
}

static PyObject *
cplbitset_is_immutable(PyObject *self, void *closure)
{
    (void)self;
    (void)closure;
    Py_RETURN_TRUE;
}

PyDoc_STRVAR(cplbitset_doc,
"CplBitSet(s) -> complemented immutable bitset\n"
"\n"
"The set of every int that is not in the ImmBitSet s; the same as ~s.\n"
"It has the operations of immutable bitsets except len() and iteration,\n"
"which an infinite set can not offer.");

static PyNumberMethods cplbitset_as_number = {
    .nb_subtract = bitset_sub,
    .nb_bool = cplbitset_bool,
    .nb_invert = cplbitset_invert,
    .nb_lshift = bitset_lshift,
    .nb_and = bitset_and,
    .nb_xor = bitset_xor,
    .nb_or = bitset_or,
    .nb_int = cplbitset_int,
};

static PySequenceMethods cplbitset_as_sequence = {
    .sq_contains = cplbitset_contains,
};

static PyMethodDef cplbitset_methods[] = {
    {"mutcopy", bitset_mutcopy, METH_NOARGS,
     "S.mutcopy() -> a new mutable bitset with the bits of S"},
    {"__reduce__", bitset_reduce, METH_NOARGS, "pickling support"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef cplbitset_getset[] = {
    {"is_immutable", cplbitset_is_immutable, NULL,
     "True: the set can not change", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject NyCplBitSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.CplBitSet",
    .tp_basicsize = sizeof(NyCplBitSetObject),
    .tp_dealloc = cplbitset_dealloc,
    .tp_repr = cplbitset_repr,
    .tp_as_number = &cplbitset_as_number,
    .tp_as_sequence = &cplbitset_as_sequence,
    .tp_hash = cplbitset_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = cplbitset_doc,
    .tp_traverse = cplbitset_traverse,
    .tp_richcompare = bitset_richcompare,
    .tp_methods = cplbitset_methods,
    .tp_getset = cplbitset_getset,
    .tp_base = &NyBitSet_Type,
    .tp_new = cplbitset_type_new,
    .tp_free = PyObject_GC_Del,
};
