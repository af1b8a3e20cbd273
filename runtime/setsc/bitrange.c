/* bitrange.c: arithmetic progressions of bits. With a step below the word
   size every word from the first element's to the last one's holds
   elements, in the same pattern shifted by the offset of the word's first
   element, so each word costs a shift and a mask. */
#include "bitrange.h"
#include "setsc.h"

/* The k-th element, computed without signed overflow. */
static NyBit
element(NyBit first, size_t k, size_t step)
{
    return (NyBit)((size_t)first + k * step);
}

Py_ssize_t
bitrange_nfields(NyBit first, Py_ssize_t count, size_t step)
{
    if (count == 0)
        return 0;
    if (step >= NyBits_N)
        return count;
    NyBit last = element(first, (size_t)count - 1, step);
    return bit_pos(last) - bit_pos(first) + 1;
}

void
bitrange_fill(NyBit first, Py_ssize_t count, size_t step, NyBitField *out)
{
    if (count == 0)
        return;
    if (step >= NyBits_N) {
        for (Py_ssize_t k = 0; k < count; k++) {
            NyBit e = element(first, (size_t)k, step);
            out[k] = (NyBitField){.pos = bit_pos(e), .bits = bit_mask(e)};
        }
        return;
    }
    NyBit last = element(first, (size_t)count - 1, step);
    NyBits pattern = 0;
    for (size_t i = 0; i < NyBits_N; i += step)
        pattern |= (NyBits)1 << i;
    NyBit pos = bit_pos(first);
    Py_ssize_t nwords = bit_pos(last) - pos + 1;
    int offset = bit_index(first);
    for (Py_ssize_t k = 0; k < nwords; k++) {
        out[k].pos = pos + k;
        out[k].bits = pattern << offset;
        /* The next word starts at the first element past this one. */
        int r = (int)((size_t)(NyBits_N - offset) % step);
        offset = r ? (int)step - r : 0;
    }
    out[nwords - 1].bits &= ~bits_from(bit_index(last) + 1);
}

int
bitrange_fields(NyBit first, Py_ssize_t count, size_t step,
                NyBitField **f, Py_ssize_t *n)
{
    *n = bitrange_nfields(first, count, step);
    *f = PyMem_New(NyBitField, (size_t)*n + 1);
    if (!*f) {
        PyErr_NoMemory();
        return -1;
    }
    bitrange_fill(first, count, step, *f);
    return 0;
}

PyObject *
bitrange_function(PyObject *module, PyObject *args)
{
    Py_ssize_t start = 0, stop, step = 1;
    (void)module;
    if (PyTuple_GET_SIZE(args) <= 1) {
        if (!PyArg_ParseTuple(args, "n:immbitrange", &stop))
            return NULL;
    } else if (!PyArg_ParseTuple(args, "nn|n:immbitrange",
                                 &start, &stop, &step)) {
        return NULL;
    }
    if (step <= 0) {
        PyErr_SetString(PyExc_ValueError,
                        "immbitrange() step must be positive");
        return NULL;
    }
    size_t count = start < stop
        ? ((size_t)stop - (size_t)start - 1) / (size_t)step + 1 : 0;
    if (count > (size_t)PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "immbitrange() has too many bits");
        return NULL;
    }
    Py_ssize_t n = bitrange_nfields(start, (Py_ssize_t)count, (size_t)step);
    NyImmBitSetObject *set = immbitset_alloc(&NyImmBitSet_Type, n);
    if (!set)
        return NULL;
    bitrange_fill(start, (Py_ssize_t)count, (size_t)step, set->fields);
    set->length = (Py_ssize_t)count;
    return (PyObject *)immbitset_settle(set, n);
}
