/* bitset_ops.c: the algebra common to all bitset types: set operations
   with complements, comparisons as inclusion, shifting, indexing by
   rank, and pickling. Every operand is first seen as sorted fields plus
   a complement flag (struct bitview). */
#include "setsc.h"

#include <string.h>

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

int
bitset_resolve(enum setop op, int cpl_a, int cpl_b, enum setop *fop)
{
    if (op == SETOP_SUB) {            /* a - b == a & ~b */
        op = SETOP_AND;
        cpl_b = !cpl_b;
    } else if (op == SETOP_SUBR) {    /* ~a & b */
        op = SETOP_AND;
        cpl_a = !cpl_a;
    }
    switch (op) {
    case SETOP_AND:                   /* ~A & ~B == ~(A | B) */
        *fop = cpl_a ? (cpl_b ? SETOP_OR : SETOP_SUBR)
                     : (cpl_b ? SETOP_SUB : SETOP_AND);
        return cpl_a && cpl_b;
    case SETOP_OR:                    /* ~A | B == ~(A & ~B) */
        *fop = cpl_a ? (cpl_b ? SETOP_AND : SETOP_SUB)
                     : (cpl_b ? SETOP_SUBR : SETOP_OR);
        return cpl_a || cpl_b;
    default:                          /* ~A ^ B == ~(A ^ B) */
        *fop = SETOP_XOR;
        return cpl_a != cpl_b;
    }
}

/* A new reference to the immutable bitset op(a, b), or NULL with an
   exception set. */
static PyObject *
combine(enum setop op, const struct bitview *a, const struct bitview *b)
{
    enum setop fop;
    int cpl = bitset_resolve(op, a->cpl, b->cpl, &fop);
    Py_ssize_t room = fields_op_bound(fop, a->n, b->n);
    if ((size_t)room * sizeof(NyBitField) > COUNT_FIRST_BYTES)
        room = fields_op_count(fop, a->f, a->n, b->f, b->n) + 1;
    NyImmBitSetObject *set = immbitset_alloc(&NyImmBitSet_Type, room);
    if (!set)
        return NULL;
    Py_ssize_t n = fields_op(fop, a->f, a->n, b->f, b->n, set->fields);
    set = immbitset_settle(set, n);
    if (!set || !cpl)
        return (PyObject *)set;
    PyObject *c = cplbitset_new(&NyCplBitSet_Type, set);
    Py_DECREF(set);
    return c;
}

/* See both operands. Converting a non-bitset runs Python code, which may
   change a mutable bitset, so that happens before any bitset is seen.
   Returns 1, 0 when an operand is not convertible, or -1 on error; views
   are held only on 1. */
static int
view_pair(PyObject *v, PyObject *w, struct bitview *a, struct bitview *b)
{
    int first_v = !bitset_check(v);
    PyObject *x = first_v ? v : w, *y = first_v ? w : v;
    struct bitview *bx = first_v ? a : b, *by = first_v ? b : a;
    int r = bitview_get(x, bx);
    if (r <= 0)
        return r;
    r = bitview_get(y, by);
    if (r <= 0)
        bitview_release(bx);
    return r;
}

/* v op w for the number slots: a new reference, NotImplemented when an
   operand is not convertible, or NULL with an exception set. */
static PyObject *
binary(PyObject *v, PyObject *w, enum setop op)
{
    struct bitview a, b;
    int r = view_pair(v, w, &a, &b);
    if (r <= 0)
        return r ? NULL : Py_NewRef(Py_NotImplemented);
    PyObject *result = combine(op, &a, &b);
    bitview_release(&a);
    bitview_release(&b);
    return result;
}

BINARY_SLOT(, bitset_and, binary, SETOP_AND)
BINARY_SLOT(, bitset_or, binary, SETOP_OR)
BINARY_SLOT(, bitset_xor, binary, SETOP_XOR)
BINARY_SLOT(, bitset_sub, binary, SETOP_SUB)

/* Shift n fields by shift bits into out (room for 2 n); return the number
   written, or -1 with OverflowError when a bit would leave the range of
   NyBit. */
static Py_ssize_t
shift_fields(const NyBitField *f, Py_ssize_t n, NyBit shift, NyBitField *out)
{
    if (n == 0)
        return 0;
    NyBit lowest = bit_at(f[0].pos, bits_first(f[0].bits));
    NyBit highest = bit_at(f[n - 1].pos, bits_last(f[n - 1].bits));
    NyBit moved;
    if (__builtin_add_overflow(lowest, shift, &moved) ||
        __builtin_add_overflow(highest, shift, &moved)) {
        PyErr_SetString(PyExc_OverflowError,
                        "shifted bits would be out of range");
        return -1;
    }
    NyBit dpos = bit_pos(shift);
    int r = bit_index(shift);
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        NyBits low = f[i].bits << r;
        NyBits high = r ? f[i].bits >> (NyBits_N - r) : 0;
        NyBit pos = f[i].pos + dpos;
        if (low) {
            if (k > 0 && out[k - 1].pos == pos)
                out[k - 1].bits |= low;
            else
                out[k++] = (NyBitField){.pos = pos, .bits = low};
        }
        if (high)
            out[k++] = (NyBitField){.pos = pos + 1, .bits = high};
    }
    return k;
}

/* s << n: every bit of s plus n, n of any sign; a complemented set shifts
   its complement. */
PyObject *
bitset_lshift(PyObject *v, PyObject *w)
{
    NyBit shift;
    struct bitview a;
    if (!PyLong_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (bit_from_object(w, &shift) < 0)
        return NULL;
    int r = bitview_get(v, &a);
    if (r <= 0)
        return r ? NULL : Py_NewRef(Py_NotImplemented);
    PyObject *result = NULL;
    NyImmBitSetObject *set = immbitset_alloc(&NyImmBitSet_Type, 2 * a.n);
    if (set) {
        Py_ssize_t n = shift_fields(a.f, a.n, shift, set->fields);
        if (n < 0) {
            Py_DECREF(set);
            set = NULL;
        } else {
            set = immbitset_settle(set, n);
        }
    }
    if (set && a.cpl) {
        result = cplbitset_new(&NyCplBitSet_Type, set);
        Py_DECREF(set);
    } else {
        result = (PyObject *)set;
    }
    bitview_release(&a);
    return result;
}

static int
view_eq(const struct bitview *a, const struct bitview *b)
{
    return a->cpl == b->cpl && a->n == b->n &&
           !fields_op_any(SETOP_XOR, a->f, a->n, b->f, b->n);
}

/* Whether a is a subset of b. */
static int
view_le(const struct bitview *a, const struct bitview *b)
{
    switch (a->cpl * 2 + b->cpl) {
    case 0: return !fields_op_any(SETOP_SUB, a->f, a->n, b->f, b->n);
    case 1: return !fields_op_any(SETOP_AND, a->f, a->n, b->f, b->n);
    case 2: return 0;         /* a cofinite set is in no finite one */
    default: return !fields_op_any(SETOP_SUB, b->f, b->n, a->f, a->n);
    }
}

/* Comparisons are inclusion tests; with a non-bitset they are left to
   Python (== and != then compare identity). */
PyObject *
bitset_richcompare(PyObject *v, PyObject *w, int op)
{
    struct bitview a, b;
    if (!bitset_check(v) || !bitset_check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (view_pair(v, w, &a, &b) < 0)
        return NULL;
    int r;
    switch (op) {
    case Py_EQ: r = view_eq(&a, &b); break;
    case Py_NE: r = !view_eq(&a, &b); break;
    case Py_LE: r = view_le(&a, &b); break;
    case Py_LT: r = view_le(&a, &b) && !view_eq(&a, &b); break;
    case Py_GE: r = view_le(&b, &a); break;
    default: r = view_le(&b, &a) && !view_eq(&a, &b); break;
    }
    bitview_release(&a);
    bitview_release(&b);
    return PyBool_FromLong(r);
}

/* A new reference to the set of the lowest (from_top: highest) count
   bits of a, count > 0; NULL with an exception set. */
static PyObject *
extreme_bits(const struct bitview *a, Py_ssize_t count, int from_top)
{
    Py_ssize_t taken = 0, nf = 0;
    while (nf < a->n && taken < count) {
        const NyBitField *f = &a->f[from_top ? a->n - 1 - nf : nf];
        taken += bits_count(f->bits);
        nf++;
    }
    NyImmBitSetObject *set = immbitset_from_fields(
        &NyImmBitSet_Type, a->f + (from_top ? a->n - nf : 0), nf);
    if (!set || taken <= count)
        return (PyObject *)set;
    /* The outermost field is only partly wanted. */
    NyBits *w = &set->fields[from_top ? 0 : nf - 1].bits;
    for (; taken > count; taken--)
        *w &= ~((NyBits)1 << (from_top ? bits_first(*w) : bits_last(*w)));
    return (PyObject *)set;
}

/* s[0] and s[-1]: the lowest and highest bit; s[:] all of s; s[:k] and
   s[-k:]: the lowest and highest k bits. Other indexes raise
   IndexError: ranking bits costs a walk over the set. */
PyObject *
bitset_subscript(PyObject *self, PyObject *key)
{
    struct bitview a;
    PyObject *result = NULL;
    if (bitview_get(self, &a) < 0)
        return NULL;
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0)
            goto done;
        if (step != 1) {
            PyErr_SetString(PyExc_IndexError, "bitset slice step must be 1");
        } else if (start == 0 && stop == PY_SSIZE_T_MAX) {
            result = NyImmBitSet_Check(self) ? Py_NewRef(self)
                                             : bitset_from_fields(a.cpl, a.f, a.n);
        } else if (a.cpl) {
            PyErr_SetString(PyExc_IndexError,
                            "a complemented bitset can only be sliced as [:]");
        } else if (start == 0 && stop > 0) {
            result = extreme_bits(&a, stop, 0);
        } else if (start < 0 && stop == PY_SSIZE_T_MAX) {
            result = extreme_bits(&a, start == PY_SSIZE_T_MIN
                                      ? PY_SSIZE_T_MAX : -start, 1);
        } else {
            PyErr_SetString(PyExc_IndexError,
                            "bitsets support only the slices [:], [:k] "
                            "and [-k:]");
        }
        goto done;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred())
        goto done;
    if (a.cpl)
        PyErr_SetString(PyExc_IndexError,
                        "a complemented bitset can not be indexed");
    else if (i != 0 && i != -1)
        PyErr_SetString(PyExc_IndexError, "bitset index must be 0 or -1");
    else if (a.n == 0)
        PyErr_SetString(PyExc_IndexError, "empty bitset has no bits");
    else if (i == 0)
        result = PyLong_FromSsize_t(bit_at(a.f[0].pos,
                                           bits_first(a.f[0].bits)));
    else
        result = PyLong_FromSsize_t(bit_at(a.f[a.n - 1].pos,
                                           bits_last(a.f[a.n - 1].bits)));
done:
    bitview_release(&a);
    return result;
}

/* Pickled form: _bs(flags, raw fields), flags telling mutable and
   complemented (see bitset_module.c). */
PyObject *
bitset_reduce(PyObject *self, PyObject *unused)
{
    struct bitview a;
    (void)unused;
    if (bitview_get(self, &a) < 0)
        return NULL;
    int flags = (a.cpl ? BITSET_FORM_CPL : 0) |
                (NyMutBitSet_Check(self) ? BITSET_FORM_MUT : 0);
    PyObject *data = PyBytes_FromStringAndSize(
        (const char *)a.f, a.n * (Py_ssize_t)sizeof(NyBitField));
    bitview_release(&a);
    if (!data)
        return NULL;
    return Py_BuildValue("O(iN)", ny_bitset_form, flags, data);
}

PyObject *
bitset_mutcopy(PyObject *self, PyObject *unused)
{
    (void)unused;
    return (PyObject *)mutbitset_new_from(&NyMutBitSet_Type, self);
}
