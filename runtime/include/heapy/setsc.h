/* heapy/setsc.h: the C interface of the setsc module for other extension
   modules: bit numbering of bitsets, the common head of nodeset objects,
   and the two export tables setsc publishes as capsules. Layouts and
   tables are binary-compatible with those of Guppy-PE's setsc, so either
   implementation's heapyc can use either implementation's setsc. */
#ifndef HEAPY_SETSC_H
#define HEAPY_SETSC_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bitsets --------------------------------------------------------------- */

typedef Py_intptr_t NyBit;    /* a bit number: an element of a bitset */
typedef Py_uintptr_t NyBits;  /* one word of bits */

#if SIZEOF_VOID_P == 8
#define NyBits_N 64           /* bits in an NyBits word */
#elif SIZEOF_VOID_P == 4
#define NyBits_N 32
#else
#error "setsc supports 32- and 64-bit pointers only"
#endif

/* Bit number b lives in the word at position floor(b / NyBits_N), as bit
   b - pos * NyBits_N of that word. */
typedef struct {
    NyBit pos;                /* word position */
    NyBits bits;              /* the bits of the set in that word */
} NyBitField;

/* The bitset objects are opaque outside setsc. */
typedef struct NyImmBitSetObject NyImmBitSetObject;
typedef struct NyCplBitSetObject NyCplBitSetObject;
typedef struct NyMutBitSetObject NyMutBitSetObject;

/* Nodesets -------------------------------------------------------------- */

/* Set in NyNodeSetObject.flags when the set owns a reference to each of
   its elements. A mutable nodeset without it records addresses only, and
   iterates over them as ints. */
#define NS_HOLDOBJECTS 1

/* The head every nodeset starts with. Immutable nodesets continue with
   their elements in address order; the rest of a mutable nodeset is
   private to setsc. */
typedef struct {
    PyObject_VAR_HEAD         /* ob_size: the number of elements */
    int flags;                /* NS_HOLDOBJECTS or 0 */
    PyObject *_hiding_tag_;   /* NULL or a new reference: heap views whose
                                 hiding tag is this object do not see the
                                 set's elements through it */
    union {
        PyObject *nodes[1];   /* immutable: ob_size elements by address */
        void *private_part;   /* mutable: not to be touched */
    } u;
} NyNodeSetObject;

/* Export tables ----------------------------------------------------------- */

/* Each function below sets an exception and returns -1 (or NULL) on
   failure. "Returns 1/0" functions report the previous membership. */

typedef struct {
    int flags;                /* 0 */
    int size;                 /* sizeof(NyBitSet_Exports) */
    const char *ident_and_version;
    /* A new reference to an empty mutable bitset. */
    NyMutBitSetObject *(*mbs_new)(void);
    /* Add, remove, or add if set_or_clr else remove, bit bitno; return
       1 if it was in v before, else 0. */
    int (*mbs_setbit)(NyMutBitSetObject *v, NyBit bitno);
    int (*mbs_clrbit)(NyMutBitSetObject *v, NyBit bitno);
    int (*mbs_set_or_clr)(NyMutBitSetObject *v, NyBit bitno, int set_or_clr);
    /* A new reference to an immutable bitset (complemented if v is)
       with v's bits. */
    PyObject *(*mbs_as_immutable)(NyMutBitSetObject *v);
    /* Call visit(bit, arg) for each bit of the mutable or immutable
       bitset v in increasing order; stop at the first visit that returns
       -1 and return -1, else return 0. */
    int (*iterate)(PyObject *v, int (*visit)(NyBit, void *), void *arg);
    /* 1 if bitno is in v, else 0. */
    int (*mbs_hasbit)(NyMutBitSetObject *v, NyBit bitno);
    int (*ibs_hasbit)(NyImmBitSetObject *v, NyBit bitno);
    int (*cpl_hasbit)(NyCplBitSetObject *v, NyBit bitno);
    /* Remove every bit of v; return 0. */
    int (*mbs_clear)(NyMutBitSetObject *v);
} NyBitSet_Exports;

typedef struct {
    int flags;                /* 0 */
    int size;                 /* sizeof(NyNodeSet_Exports) */
    const char *ident_and_version;
    PyTypeObject *type;       /* NodeSet, the base of both nodeset types */
    /* New references to new empty mutable nodesets: holding their
       elements; holding them with a hiding tag (borrowed, the set takes
       its own reference; may be NULL); or with the given flags. */
    NyNodeSetObject *(*newMut)(void);
    NyNodeSetObject *(*newMutHiding)(PyObject *tag);
    NyNodeSetObject *(*newMutFlags)(int flags);
    /* A new reference to an immutable nodeset with the elements and the
       hiding tag of v (borrowed). */
    NyNodeSetObject *(*newImmCopy)(NyNodeSetObject *v);
    /* A new reference to an immutable nodeset holding only v (borrowed),
       with hiding tag hiding_tag (borrowed; may be NULL). */
    NyNodeSetObject *(*newImmSingleton)(PyObject *v, PyObject *hiding_tag);
    /* Replace *nsp (whose reference is stolen) by a new reference to an
       immutable copy; return 0. On failure *nsp is left as it was. */
    int (*be_immutable)(NyNodeSetObject **nsp);
    /* Add, remove obj (borrowed) to/from the mutable nodeset v; return 1
       if obj was in v before, else 0. */
    int (*setobj)(NyNodeSetObject *v, PyObject *obj);
    int (*clrobj)(NyNodeSetObject *v, PyObject *obj);
    /* 1 if obj (borrowed) is in v, else 0. */
    int (*hasobj)(NyNodeSetObject *v, PyObject *obj);
    /* Call visit(element, arg) with a borrowed reference to each element
       of ns; stop at the first visit that returns -1 and return -1, else
       return 0. visit may change ns; elements added behind the current
       one may be missed. */
    int (*iterate)(NyNodeSetObject *ns,
                   int (*visit)(PyObject *, void *), void *arg);
} NyNodeSet_Exports;

/* The capsules are module attributes named after the tables; a capsule's
   name is the dotted path it was published under. */
#define NyBitSet_EXPORTS_NAME "heapy.setsc.NyBitSet_Exports"
#define NyNodeSet_EXPORTS_NAME "heapy.setsc.NyNodeSet_Exports"

/* Import the nodeset export table: returns a borrowed pointer to the
   table, which lives as long as the setsc module, or NULL with an
   exception set. */
static inline NyNodeSet_Exports *
NyNodeSet_ImportExports(void)
{
    NyNodeSet_Exports *e = (NyNodeSet_Exports *)
        PyCapsule_Import(NyNodeSet_EXPORTS_NAME, 0);
    if (e && e->size < (int)sizeof(NyNodeSet_Exports)) {
        PyErr_SetString(PyExc_ImportError,
                        "heapy.setsc: NyNodeSet_Exports is too old");
        return NULL;
    }
    return e;
}

/* Import the bitset export table, as NyNodeSet_ImportExports. */
static inline NyBitSet_Exports *
NyBitSet_ImportExports(void)
{
    NyBitSet_Exports *e = (NyBitSet_Exports *)
        PyCapsule_Import(NyBitSet_EXPORTS_NAME, 0);
    if (e && e->size < (int)sizeof(NyBitSet_Exports)) {
        PyErr_SetString(PyExc_ImportError,
                        "heapy.setsc: NyBitSet_Exports is too old");
        return NULL;
    }
    return e;
}

#ifdef __cplusplus
}
#endif

#endif /* HEAPY_SETSC_H */
