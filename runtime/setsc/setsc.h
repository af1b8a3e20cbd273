/* setsc.h: what the files of the setsc module share: the object layouts,
   the types, and the functions one kind of set offers the others. */
#ifndef SETSC_SETSC_H
#define SETSC_SETSC_H

#include "bitstore.h"

/* Define the number slot name(v, w) as fn(v, w, op); storage is static
   or nothing. */
#define BINARY_SLOT(storage, name, fn, op) \
    storage PyObject *name(PyObject *v, PyObject *w) { return fn(v, w, op); }

/* Bitsets ------------------------------------------------------------- */

struct NyImmBitSetObject {
    PyObject_VAR_HEAD         /* ob_size: the number of fields */
    Py_ssize_t length;        /* the number of bits, -1 until counted */
    Py_hash_t hash;           /* -1 until computed */
    struct search_hint hint;  /* what a lookup found last */
    NyBitField fields[];      /* in canonical form (fields.h) */
};

struct NyCplBitSetObject {
    PyObject_HEAD
    NyImmBitSetObject *val;   /* owned: the set this is the complement of */
};

struct NyMutBitSetObject {
    PyObject_HEAD
    int cpl;                  /* the set is the complement of store */
    struct bitstore store;
};

extern PyTypeObject NyBitSet_Type;
extern PyTypeObject NyImmBitSet_Type;
extern PyTypeObject NyCplBitSet_Type;
extern PyTypeObject NyMutBitSet_Type;
extern PyTypeObject NyImmBitSetIter_Type;

#define NyImmBitSet_Check(op) PyObject_TypeCheck(op, &NyImmBitSet_Type)
#define NyCplBitSet_Check(op) PyObject_TypeCheck(op, &NyCplBitSet_Type)
#define NyMutBitSet_Check(op) PyObject_TypeCheck(op, &NyMutBitSet_Type)

/* The empty set and its complement, created with the module; borrowed. */
extern NyImmBitSetObject *ny_empty_bitset;
extern NyCplBitSetObject *ny_omega_bitset;

/* An operand of the bitset algebra seen as sorted fields and a flag. */
struct bitview {
    int cpl;                  /* the operand is the complement of f */
    const NyBitField *f;
    Py_ssize_t n;
    NyBitField *tmp;          /* PyMem memory owned by the view, or NULL */
};

/* Whether v is a bitset of any kind. */
int bitset_check(PyObject *v);

/* See v (borrowed) as fields: a bitset, an int (negative ones are
   complemented), or an iterable of ints. Returns 1; 0 if v is none of
   these (no exception set); -1 with an exception set. Converting an
   iterable runs Python code; seeing a bitset runs none, and the view of a
   mutable bitset holds while that set is not changed. */
int bitview_get(PyObject *v, struct bitview *bv);
void bitview_release(struct bitview *bv);

/* Convert bit number object v (borrowed): an int in the range of NyBit.
   Returns 0, or -1 with TypeError or OverflowError set. */
int bit_from_object(PyObject *v, NyBit *bit);

/* A new reference to an immutable bitset of type type (ImmBitSet or a
   subtype) with room for n fields, length unknown; NULL with
   MemoryError. */
NyImmBitSetObject *immbitset_alloc(PyTypeObject *type, Py_ssize_t n);

/* Give set (a new reference, stolen) only its first n fields: returns a
   new reference, possibly set itself, possibly the empty set; NULL with
   MemoryError (set is then released). */
NyImmBitSetObject *immbitset_settle(NyImmBitSetObject *set, Py_ssize_t n);

/* A new reference to an immutable bitset of type type with a copy of n
   fields; NULL with an exception set. */
NyImmBitSetObject *immbitset_from_fields(PyTypeObject *type,
                                         const NyBitField *f, Py_ssize_t n);

/* A new reference to the set cpl ? ~f : f (ImmBitSet or CplBitSet);
   NULL with an exception set. */
PyObject *bitset_from_fields(int cpl, const NyBitField *f, Py_ssize_t n);

/* A new reference to the complement of v (borrowed); NULL with
   MemoryError. */
PyObject *cplbitset_new(PyTypeObject *type, NyImmBitSetObject *v);

/* A new reference to a new mutable bitset of type type with the bits of
   arg (borrowed, NULL for none); NULL with an exception set. */
NyMutBitSetObject *mutbitset_new_from(PyTypeObject *type, PyObject *arg);

/* A new reference to the immutable bitset (ImmBitSet or CplBitSet) with
   the bits of v; NULL with an exception set. */
PyObject *mutbitset_as_immutable(NyMutBitSetObject *v);

/* Whether bit is in v. */
int immbitset_hasbit(NyImmBitSetObject *v, NyBit bit);
int cplbitset_hasbit(NyCplBitSetObject *v, NyBit bit);
int mutbitset_hasbit(NyMutBitSetObject *v, NyBit bit);

/* The algebra shared by the bitset types (bitset_ops.c): the number
   slots, comparisons, s[0], s[-1], s[:k], s[-k:], pickling and copying.
   Each returns a new reference, or NULL with an exception set. */
PyObject *bitset_and(PyObject *v, PyObject *w);
PyObject *bitset_or(PyObject *v, PyObject *w);
PyObject *bitset_xor(PyObject *v, PyObject *w);
PyObject *bitset_sub(PyObject *v, PyObject *w);
PyObject *bitset_lshift(PyObject *v, PyObject *w);
PyObject *bitset_richcompare(PyObject *v, PyObject *w, int op);
PyObject *bitset_subscript(PyObject *self, PyObject *key);
PyObject *bitset_reduce(PyObject *self, PyObject *unused);
PyObject *bitset_mutcopy(PyObject *self, PyObject *unused);

/* Rewrite op between cpl_a ? ~A : A and cpl_b ? ~B : B as an operation on
   the plain sets A and B: sets *fop; returns whether the result is the
   complement of fop(A, B). */
int bitset_resolve(enum setop op, int cpl_a, int cpl_b, enum setop *fop);

/* The pickled form of a bitset is _bs(flags, raw fields); the flags: */
#define BITSET_FORM_CPL 1     /* complemented */
#define BITSET_FORM_MUT 2     /* mutable */

/* The module function _bs; borrowed, lives as long as the process. */
extern PyObject *ny_bitset_form;

/* Nodesets ------------------------------------------------------------- */

/* A mutable nodeset: the common head, then the addresses of its elements
   divided by their alignment, as bits. */
typedef struct {
    PyObject_VAR_HEAD         /* ob_size: the number of elements */
    int flags;
    PyObject *_hiding_tag_;
    struct bitstore store;
} NyMutNodeSetObject;

extern PyTypeObject NyNodeSet_Type;
extern PyTypeObject NyImmNodeSet_Type;
extern PyTypeObject NyMutNodeSet_Type;
extern PyTypeObject NyImmNodeSetIter_Type;
extern PyTypeObject NyMutNodeSetIter_Type;

#define NyNodeSet_Check(op) PyObject_TypeCheck(op, &NyNodeSet_Type)
#define NyImmNodeSet_Check(op) PyObject_TypeCheck(op, &NyImmNodeSet_Type)
#define NyMutNodeSet_Check(op) PyObject_TypeCheck(op, &NyMutNodeSet_Type)

/* The bit number recording an element, and back. */
static inline NyBit
node_bit(PyObject *obj)
{
    return (NyBit)((Py_uintptr_t)obj / sizeof(void *));
}

_Static_assert(sizeof(void *) == 8 && NyBits_N == 64,
               "NODE_FIELD_SHIFT assumes 64-bit addresses and words");

static inline PyObject *
bit_node(NyBit bit)
{
    return (PyObject *)((Py_uintptr_t)bit * sizeof(void *));
}

/* The elements of a nodeset operand, in address order, no repeats. */
struct nodeview {
    PyObject *const *items;
    Py_ssize_t n;
    PyObject **tmp;           /* PyMem memory owned by the view, or NULL */
    PyObject *keep;           /* owned: keeps the items alive, or NULL */
};

/* See v (borrowed) as sorted elements: a nodeset or any iterable. Returns
   0, or -1 with an exception set. Iterating runs Python code. */
int nodeview_get(PyObject *v, struct nodeview *nv);
void nodeview_release(struct nodeview *nv);

/* The number of elements op gives from two views. */
Py_ssize_t nodes_op_count(enum setop op, const struct nodeview *a,
                          const struct nodeview *b);

/* Merge two views by op into out and return the number of elements
   written. out needs room for one element more than are written
   (nodes_op_count() + 1), or for fields_op_bound(). No references are
   taken. */
Py_ssize_t nodes_op(enum setop op, const struct nodeview *a,
                    const struct nodeview *b, PyObject **out);

/* The elements of an iterable sorted by address, repeats included. */
struct collected {
    PyObject *keep;           /* owned: keeps the elements alive */
    Py_uintptr_t *mem;        /* PyMem memory sorted points into */
    const Py_uintptr_t *sorted;
    Py_ssize_t n;
};

/* Collect the elements of iterable (borrowed), sorted by their addresses
   shifted right by shift (0: in address order; NODE_FIELD_SHIFT: grouped
   by the word of their bits): returns 0, or -1 with an exception set.
   Runs Python code. */
int nodes_collect(PyObject *iterable, struct collected *c, int shift);

/* Addresses that agree but for these low bits have their bits in the
   same word of a bitstore. */
#define NODE_FIELD_SHIFT (3 + 6)
void nodes_collected_release(struct collected *c);

/* Write the n sorted addresses without repeats to out as objects (no
   references taken); return how many were written. out may be the
   memory sorted is in. */
Py_ssize_t nodes_fill_unique(PyObject **out, const Py_uintptr_t *sorted,
                             Py_ssize_t n);

/* Take a new reference to each of n objects; release (and clear) each. */
void nodes_take(PyObject *const *items, Py_ssize_t n);
void nodes_release(PyObject **items, Py_ssize_t n);

/* A new reference to the immutable nodeset op(v, w), v a nodeset and w
   any iterable (borrowed), with v's hiding tag; NULL with an exception
   set. */
NyNodeSetObject *immnodeset_op(enum setop op, NyNodeSetObject *v,
                               PyObject *w);

/* Elementwise access to immutable and mutable nodesets. */
int immnodeset_hasobj(NyNodeSetObject *v, PyObject *obj);
int mutnodeset_hasobj(NyMutNodeSetObject *v, PyObject *obj);
int mutnodeset_setobj(NyMutNodeSetObject *v, PyObject *obj);
int mutnodeset_clrobj(NyMutNodeSetObject *v, PyObject *obj);

/* Write the Py_SIZE(v) elements of v (borrowed) in address order to out.
   Returns 0, or -1 with ValueError if v does not hold its elements. */
int mutnodeset_fill(NyMutNodeSetObject *v, PyObject **out);

/* The same into a new PyMem array *items. */
int mutnodeset_items(NyMutNodeSetObject *v, PyObject ***items);

/* In-place algebra of a mutable nodeset with any iterable w: returns a
   new reference to v, or NULL with an exception set. */
PyObject *mutnodeset_iop(NyMutNodeSetObject *v, enum setop op, PyObject *w);

/* Whether every element of a is in b. */
int nodes_subset(const struct nodeview *a, const struct nodeview *b);

/* Comparisons between nodesets (nodeset.c). */
PyObject *nodeset_richcompare(PyObject *v, PyObject *w, int op);

/* The size in bytes of a nodeset, itself and its storage. */
size_t nodeset_size(PyObject *v);

/* The C interface: the functions of the export tables (heapy/setsc.h
   gives each contract). */
NyMutBitSetObject *mutbitset_new(void);
int mutbitset_setbit(NyMutBitSetObject *v, NyBit bit);
int mutbitset_clrbit(NyMutBitSetObject *v, NyBit bit);
int mutbitset_set_or_clr(NyMutBitSetObject *v, NyBit bit, int set_or_clr);
int mutbitset_clear(NyMutBitSetObject *v);
NyNodeSetObject *mutnodeset_new_flags(int flags);
NyNodeSetObject *mutnodeset_new(void);
NyNodeSetObject *mutnodeset_new_hiding(PyObject *hiding_tag);
NyNodeSetObject *immnodeset_new_copy(NyNodeSetObject *v);
NyNodeSetObject *immnodeset_new_singleton(PyObject *element,
                                          PyObject *hiding_tag);
int nodeset_be_immutable(NyNodeSetObject **nsp);
int nodeset_setobj(NyNodeSetObject *v, PyObject *obj);
int nodeset_clrobj(NyNodeSetObject *v, PyObject *obj);
int nodeset_hasobj(NyNodeSetObject *v, PyObject *obj);
int nodeset_iterate(NyNodeSetObject *ns, int (*visit)(PyObject *, void *),
                    void *arg);

/* Module ---------------------------------------------------------------- */

/* Add the export tables and heap definitions (exports.c), and the empty
   and full bitsets and the bitset functions (bitset_module.c). Return 0,
   or -1 with an exception set. */
int setsc_add_exports(PyObject *module);
int bitset_add_to_module(PyObject *module);

#endif /* SETSC_SETSC_H */
