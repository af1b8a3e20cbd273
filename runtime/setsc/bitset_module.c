/* bitset_module.c: the bitset part of the module: the abstract base type
   BitSet, the empty and the full set, and the functions immbit,
   immbitrange, immbitset and _bs. */
#include "setsc.h"
#include "bitrange.h"

#include <string.h>

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

PyObject *ny_bitset_form;

PyDoc_STRVAR(bitset_doc,
"The base of the bitset types ImmBitSet, CplBitSet and MutBitSet.\n"
"\n"
"A bitset is a set of ints, held as words of bits so that both dense and\n"
"sparse sets are compact. A complemented bitset holds every int except\n"
"finitely many. Bitsets combine with & | ^ - (and in place, for mutable\n"
"ones) with other bitsets, iterables of ints and ints, an int standing\n"
"for the set of its bits in two's complement; ~ complements; << adds a\n"
"number to every bit; comparisons test inclusion.");

PyTypeObject NyBitSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.BitSet",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = bitset_doc,
};

/* immbit(bit): a new reference to the set holding just bit. */
static PyObject *
immbit_function(PyObject *module, PyObject *arg)
{
    NyBit bit;
    (void)module;
    if (bit_from_object(arg, &bit) < 0)
        return NULL;
    NyBitField f = {.pos = bit_pos(bit), .bits = bit_mask(bit)};
    return (PyObject *)immbitset_from_fields(&NyImmBitSet_Type, &f, 1);
}

/* immbitset([arg]): a new reference to an immutable bitset, complemented
   when arg is; an immutable bitset argument is itself the result. */
static PyObject *
immbitset_function(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char arg_kw[] = "arg", *kwlist[] = {arg_kw, NULL};
    PyObject *arg = NULL;
    struct bitview bv;
    (void)module;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:immbitset", kwlist,
                                     &arg))
        return NULL;
    if (!arg)
        return Py_NewRef((PyObject *)ny_empty_bitset);
    if (NyImmBitSet_Check(arg) || NyCplBitSet_Check(arg))
        return Py_NewRef(arg);
    int r = bitview_get(arg, &bv);
    if (r <= 0) {
        if (r == 0)
            PyErr_Format(PyExc_TypeError,
                         "immbitset() argument must be a bitset, an int or "
                         "an iterable of ints, not '%.200s'",
                         Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *set = bitset_from_fields(bv.cpl, bv.f, bv.n);
    bitview_release(&bv);
    return set;
}

/* _bs(flags, data): the bitset pickled as data, the raw fields, and
   flags (BITSET_FORM_*). Any data gives some valid bitset. */
static PyObject *
form_function(PyObject *module, PyObject *args)
{
    int flags;
    Py_buffer data;
    (void)module;
    if (!PyArg_ParseTuple(args, "iy*:_bs", &flags, &data))
        return NULL;
    Py_ssize_t n = data.len / (Py_ssize_t)sizeof(NyBitField);
    NyBitField *f = PyMem_New(NyBitField, (size_t)n + 1);
    if (!f) {
        PyBuffer_Release(&data);
        return PyErr_NoMemory();
    }
    memcpy(f, data.buf, (size_t)n * sizeof *f);
    PyBuffer_Release(&data);
    n = fields_normalize(f, n);
    PyObject *set;
    if (flags & BITSET_FORM_MUT) {
        NyMutBitSetObject *m = mutbitset_new_from(&NyMutBitSet_Type, NULL);
        if (m && bitstore_assign(&m->store, f, n) < 0)
            Py_CLEAR(m);
        if (m)
            m->cpl = (flags & BITSET_FORM_CPL) != 0;
        set = (PyObject *)m;
    } else {
        set = bitset_from_fields(flags & BITSET_FORM_CPL, f, n);
    }
    PyMem_Free(f);
    return set;
}

static PyMethodDef bitset_functions[] = {
    {"immbit", immbit_function, METH_O,
     "immbit(bit) -> immutable bitset holding only bit"},
    {"immbitrange", bitrange_function, METH_VARARGS,
     "immbitrange([start,] stop[, step]) -> immutable bitset\n"
     "\n"
     "The bits of range(start, stop, step), step positive."},
    {"immbitset", (PyCFunction)(void (*)(void))immbitset_function,
     METH_VARARGS | METH_KEYWORDS,
     "immbitset([arg]) -> immutable bitset\n"
     "\n"
     "The bits of arg, a bitset, an iterable of ints, or an int (the bits\n"
     "of its two's complement; a negative int gives a complemented set).\n"
     "An immutable bitset is returned itself."},
    {"_bs", form_function, METH_VARARGS,
     "_bs(flags, data) -> bitset: rebuilds a pickled bitset"},
    {NULL, NULL, 0, NULL},
};

int
bitset_add_to_module(PyObject *module)
{
    if (!ny_empty_bitset) {
        ny_empty_bitset = immbitset_alloc(&NyImmBitSet_Type, 0);
        if (!ny_empty_bitset)
            return -1;
        ny_omega_bitset = (NyCplBitSetObject *)cplbitset_new(
            &NyCplBitSet_Type, ny_empty_bitset);
        if (!ny_omega_bitset)
            return -1;
    }
    if (PyModule_AddFunctions(module, bitset_functions) < 0)
        return -1;
    if (!ny_bitset_form) {
        ny_bitset_form = PyObject_GetAttrString(module, "_bs");
        if (!ny_bitset_form)
            return -1;
    }
    return 0;
}
