/* bitview.c: seeing any operand of the bitset algebra as sorted fields:
   bitsets directly, ints through their two's complement bits, ranges by
   arithmetic, and other iterables by collecting and sorting their ints. */
#include "setsc.h"
#include "bitrange.h"
#include "sortkeys.h"

#include <string.h>

int
bitset_check(PyObject *v)
{
    return NyImmBitSet_Check(v) || NyCplBitSet_Check(v) ||
           NyMutBitSet_Check(v);
}

int
bit_from_object(PyObject *v, NyBit *bit)
{
    if (!PyLong_Check(v)) {
        PyErr_Format(PyExc_TypeError,
                     "bit numbers must be ints, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    *bit = PyLong_AsSsize_t(v);
    return *bit == -1 && PyErr_Occurred() ? -1 : 0;
}

void
bitview_release(struct bitview *bv)
{
    PyMem_Free(bv->tmp);
    bv->tmp = NULL;
}

/* See the bitset v (borrowed): the view points into v, or into a copy of
   a segmented mutable set. Returns 1, or -1 with MemoryError. */
static int
view_of_set(PyObject *v, struct bitview *bv)
{
    bv->tmp = NULL;
    if (NyImmBitSet_Check(v)) {
        NyImmBitSetObject *s = (NyImmBitSetObject *)v;
        bv->cpl = 0;
        bv->f = s->fields;
        bv->n = Py_SIZE(s);
    } else if (NyCplBitSet_Check(v)) {
        NyImmBitSetObject *s = ((NyCplBitSetObject *)v)->val;
        bv->cpl = 1;
        bv->f = s->fields;
        bv->n = Py_SIZE(s);
    } else {
        NyMutBitSetObject *s = (NyMutBitSetObject *)v;
        bv->cpl = s->cpl;
        if (bitstore_flat(&s->store, &bv->f, &bv->n, &bv->tmp) < 0)
            return -1;
    }
    return 1;
}

/* The little-endian bytes of the non-negative int v as words. */
static int
int_words(PyObject *v, NyBits *words, Py_ssize_t nwords)
{
    size_t nbytes = (size_t)nwords * sizeof *words;
#if PY_VERSION_HEX >= 0x030D0000
    if (PyLong_AsNativeBytes(v, words, (Py_ssize_t)nbytes,
                             Py_ASNATIVEBYTES_LITTLE_ENDIAN |
                             Py_ASNATIVEBYTES_UNSIGNED_BUFFER) < 0)
        return -1;
#else
    if (_PyLong_AsByteArray((PyLongObject *)v, (unsigned char *)words,
                            nbytes, 1, 0) < 0)
        return -1;
#endif
#if PY_BIG_ENDIAN
    for (Py_ssize_t i = 0; i < nwords; i++) {
        const unsigned char *b = (const unsigned char *)&words[i];
        NyBits w = 0;
        for (int j = (int)sizeof w - 1; j >= 0; j--)
            w = (w << 8) | b[j];
        words[i] = w;
    }
#endif
    return 0;
}

/* An int's set is its bits; a negative int's is the complement of the
   bits of ~v, as in two's complement with infinitely many ones. */
static int
view_of_int(PyObject *v, struct bitview *bv)
{
    PyObject *inverted = NULL;
    int negative = _PyLong_Sign(v) < 0;
    if (negative) {
        v = inverted = PyNumber_Invert(v);
        if (!v)
            return -1;
    }
    bv->cpl = negative;
    bv->tmp = NULL;
    size_t nbits = _PyLong_NumBits(v);
    if (nbits == (size_t)-1 && PyErr_Occurred())
        goto fail;
    Py_ssize_t nwords = (Py_ssize_t)(nbits / NyBits_N) + 1;
    NyBits *words = PyMem_New(NyBits, (size_t)nwords);
    bv->tmp = PyMem_New(NyBitField, (size_t)nwords);
    if (!words || !bv->tmp) {
        PyMem_Free(words);
        PyErr_NoMemory();
        goto fail;
    }
    if (int_words(v, words, nwords) < 0) {
        PyMem_Free(words);
        goto fail;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < nwords; i++) {
        bv->tmp[n].pos = i;
        bv->tmp[n].bits = words[i];
        n += words[i] != 0;
    }
    PyMem_Free(words);
    bv->f = bv->tmp;
    bv->n = n;
    Py_XDECREF(inverted);
    return 1;
fail:
    bitview_release(bv);
    Py_XDECREF(inverted);
    return -1;
}

/* A range is an arithmetic progression: no need to visit its elements. */
static int
view_of_range(PyObject *v, struct bitview *bv)
{
    static const char *const names[3] = {"start", "stop", "step"};
    NyBit arg[3];
    for (int i = 0; i < 3; i++) {
        PyObject *x = PyObject_GetAttrString(v, names[i]);
        if (!x)
            return -1;
        int r = bit_from_object(x, &arg[i]);
        Py_DECREF(x);
        if (r < 0)
            return -1;
    }
    Py_ssize_t len = PyObject_Size(v);
    if (len < 0)
        return -1;
    NyBit first = arg[0];
    size_t step = (size_t)arg[2];
    if (arg[2] < 0) {
        /* The same elements, ascending from the last one. */
        first = (NyBit)((size_t)arg[0] + (size_t)(len ? len - 1 : 0) * step);
        step = (size_t)0 - step;
    }
    bv->cpl = 0;
    if (bitrange_fields(first, len, step, &bv->tmp, &bv->n) < 0)
        return -1;
    bv->f = bv->tmp;
    return 1;
}

/* Collect the ints of an iterable, sort them, and pack them into fields. */
static int
view_of_iterable(PyObject *v, struct bitview *bv)
{
    if (PyRange_Check(v))
        return view_of_range(v, bv);
    PyObject *seq = PySequence_Fast(v, "bitset operand must be iterable");
    if (!seq)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    Py_uintptr_t *keys = PyMem_New(Py_uintptr_t, 2 * (size_t)n + 1);
    if (!keys) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        NyBit bit;
        if (bit_from_object(items[i], &bit) < 0) {
            Py_DECREF(seq);
            PyMem_Free(keys);
            return -1;
        }
        keys[i] = (Py_uintptr_t)bit ^ SORTKEYS_SIGN;
    }
    Py_DECREF(seq);
    Py_uintptr_t *sorted = sortkeys(keys, keys + n, n, 0);
    for (Py_ssize_t i = 0; i < n; i++)
        sorted[i] ^= SORTKEYS_SIGN;
    bv->cpl = 0;
    bv->tmp = PyMem_New(NyBitField, (size_t)n + 1);
    if (!bv->tmp) {
        PyMem_Free(keys);
        PyErr_NoMemory();
        return -1;
    }
    bv->n = fields_from_bits((const NyBit *)sorted, n, bv->tmp);
    bv->f = bv->tmp;
    PyMem_Free(keys);
    return 1;
}

int
bitview_get(PyObject *v, struct bitview *bv)
{
    bv->tmp = NULL;
    if (bitset_check(v))
        return view_of_set(v, bv);
    if (PyLong_Check(v))
        return view_of_int(v, bv);
    if (Py_TYPE(v)->tp_iter || PySequence_Check(v))
        return view_of_iterable(v, bv);
    return 0;
}
