/* heapy/heapdef.h: how an extension module tells heapyc about its types.
   A module publishes a capsule attribute `_NyHeapDefs_` pointing to an
   array of NyHeapDef, one per type, ended by an entry whose type is NULL.
   heapyc then uses the functions below for objects of those types. The
   layouts are binary-compatible with Guppy-PE's heapdef.h. */
#ifndef HEAPY_HEAPDEF_H
#define HEAPY_HEAPDEF_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a traverse function gets: call visit(referent, arg) for each
   object obj refers to, as tp_traverse does. */
typedef struct {
    int flags;                /* 0 */
    PyObject *hv;             /* the heap view traversing (borrowed) */
    PyObject *obj;            /* the object to traverse (borrowed) */
    void *arg;                /* to pass to visit */
    visitproc visit;
    PyObject *_hiding_tag_;   /* the view's hiding tag (borrowed): objects
                                 carrying it hide what they refer to */
} NyHeapTraverse;

/* What a relate function gets: call visit(relatype, relator, r) once for
   each way src refers to tgt; relator is a new reference (visit steals
   it). A visit that returns nonzero asks to stop. */
typedef struct NyHeapRelate {
    int flags;                /* 0 */
    PyObject *hv;             /* the heap view (borrowed) */
    PyObject *src;            /* the referrer (borrowed) */
    PyObject *tgt;            /* the referent (borrowed) */
    int (*visit)(unsigned int relatype, PyObject *relator,
                 struct NyHeapRelate *r);
} NyHeapRelate;

/* Relation kinds passed to NyHeapRelate.visit. */
#define NYHR_ATTRIBUTE 1      /* src.relator is tgt */
#define NYHR_INDEXVAL  2      /* src[relator] is tgt */
#define NYHR_INDEXKEY  3      /* src has the key tgt */
#define NYHR_INTERATTR 4      /* src->relator is tgt, in C only */
#define NYHR_HASATTR   5      /* src has an attribute named tgt */
#define NYHR_LOCAL_VAR 6      /* frame src has a local named relator */
#define NYHR_CELL      7      /* src has a cell named relator holding tgt */
#define NYHR_STACK     8      /* src's stack entry relator is tgt */
#define NYHR_INSET     9      /* set src holds tgt; relator: its index */
#define NYHR_RELSRC    10     /* relator % src is tgt */
#define NYHR_LIMIT     11     /* every kind is below this */

/* The size of obj in bytes, itself and what it alone owns. */
typedef size_t (*NyHeapDef_SizeGetter)(PyObject *obj);
/* Returns 0, or what a visit returned when it stopped the traversal. */
typedef int (*NyHeapDef_Traverser)(NyHeapTraverse *t);
/* Returns 0, or nonzero when a visit asked to stop or on error. */
typedef int (*NyHeapDef_RelationGetter)(NyHeapRelate *r);

typedef struct {
    int flags;                /* 0 */
    PyTypeObject *type;       /* the type described; NULL ends the array */
    NyHeapDef_SizeGetter size;            /* NULL: the generic size */
    NyHeapDef_Traverser traverse;         /* NULL: tp_traverse */
    NyHeapDef_RelationGetter relate;      /* NULL: none beyond generic */
    void *resv3, *resv4, *resv5;          /* reserved, NULL */
} NyHeapDef;

#ifdef __cplusplus
}
#endif

#endif /* HEAPY_HEAPDEF_H */
