/* heapyc.h: what the files of the heapyc module share: the object
   structures, the view's knowledge of types, and the internal functions
   each file provides. Python-visible names follow Guppy-PE's heapyc; C
   names carry one prefix per file or object (hv_, ng_, cli_, ...). */
#ifndef HEAPYC_H
#define HEAPYC_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>

#include <heapy/heapdef.h>
#include <heapy/setsc.h>

/* sets.c: the nodeset interface of heapy.setsc ---------------------------- */

extern NyNodeSet_Exports *sets_api;     /* set by sets_import() */

/* Returns 0, or -1 with an exception set. */
int sets_import(void);

#define sets_check(op) PyObject_TypeCheck((op), sets_api->type)

/* A new reference to an empty mutable nodeset holding its elements, with
   hiding tag tag (borrowed; may be NULL), or NULL with an exception set. */
static inline NyNodeSetObject *
sets_new(PyObject *tag)
{
    return sets_api->newMutHiding(tag);
}

/* Add / remove / test obj (borrowed): 1 if it was in s, 0 if not, -1 on
   error. */
static inline int
sets_add(NyNodeSetObject *s, PyObject *obj)
{
    return sets_api->setobj(s, obj);
}

static inline int
sets_remove(NyNodeSetObject *s, PyObject *obj)
{
    return sets_api->clrobj(s, obj);
}

static inline int
sets_has(NyNodeSetObject *s, PyObject *obj)
{
    return sets_api->hasobj(s, obj);
}

/* Calls visit(element, arg) for each element (borrowed); returns -1 as
   soon as a visit does, else 0. */
static inline int
sets_iterate(NyNodeSetObject *s, int (*visit)(PyObject *, void *), void *arg)
{
    return sets_api->iterate(s, visit, arg);
}

/* Adding many objects whose membership is not asked for: they are
   gathered and given to the set by its in-place union, which merges a
   sorted run far faster than one setobj() each, and a long unsorted run
   faster than several short ones. The batch grows up to SETS_BATCH_MAX
   objects and holds references to them until they are given. */
#define SETS_BATCH_MAX 65536

struct sets_batch {
    NyNodeSetObject *ns;                  /* borrowed: the mutable set */
    Py_ssize_t n, allocated;              /* objects gathered, room */
    PyObject **items;                     /* new references */
};

/* An empty batch for the mutable nodeset ns (borrowed; it must outlive
   the batch). */
static inline void
sets_batch_init(struct sets_batch *b, NyNodeSetObject *ns)
{
    b->ns = ns;
    b->n = b->allocated = 0;
    b->items = NULL;
}

/* Gives the set what was gathered; 0, or -1 with an exception set.
   Either way the batch is left empty. */
int sets_batch_flush(struct sets_batch *b);

/* Makes room for one more object, by growing or flushing. */
int sets_batch_room(struct sets_batch *b);

/* Flushes (if ok) or forgets what was gathered, and frees the batch;
   0, or -1 with an exception set. */
int sets_batch_end(struct sets_batch *b, int ok);

/* Gathers obj (borrowed; the batch takes a reference of its own);
   0, or -1 with an exception set. */
static inline int
sets_batch_add(struct sets_batch *b, PyObject *obj)
{
    if (b->n == b->allocated && sets_batch_room(b) < 0)
        return -1;
    b->items[b->n++] = Py_NewRef(obj);
    return 0;
}

/* stack.h is included after the object structures below. */

/* The heap view and what it knows per type -------------------------------- */

/* How the objects of a type are traversed. */
enum hv_trav {
    HV_TRAV_NONE,             /* they refer to nothing (visible) */
    HV_TRAV_TP,               /* by the type's tp_traverse */
    HV_TRAV_DEF               /* by the traverse function of a NyHeapDef */
};

/* How the objects of a type may be hidden from a view. */
enum hv_hide {
    HV_HIDE_DICT,             /* by a _hiding_tag_ item in their __dict__ */
    HV_HIDE_SLOT,             /* by their _hiding_tag_ slot (registered) */
    HV_HIDE_ALWAYS            /* always (registered exact type, RootState) */
};

/* What a view knows about one type; created on first sight of the type. */
struct hv_typeinfo {
    PyTypeObject *type;       /* borrowed: the weak reference below drops
                                 this entry when the type goes */
    PyObject *weakref;        /* new reference: weak reference to type */
    const NyHeapDef *def;     /* the type's own or inherited definition,
                                 or NULL */
    Py_ssize_t tag_offset;    /* HV_HIDE_SLOT: offset of the slot */
    unsigned char own_def;    /* def was given for this very type */
    unsigned char trav;       /* enum hv_trav */
    unsigned char hide;       /* enum hv_hide */
    unsigned char has_dict;   /* its objects may have a __dict__ */
    unsigned char managed_dict; /* and that __dict__ is created lazily */
    PyCFunction sizeof_fn;    /* the type's __sizeof__ when it is a C method
                                 without arguments, or NULL */
    unsigned int sizeof_version; /* the type's version tag when sizeof_fn
                                    was found: a change of the type's
                                    attributes gives it another */
};

/* Type knowledge as an open-addressing table keyed by type address. */
struct hv_typetable {
    struct hv_typeinfo **slots; /* PyMem array of mask + 1 entries */
    size_t mask;                /* size - 1; the size is a power of two */
    size_t used;                /* entries in use */
    struct hv_typeinfo *last;   /* the entry found last, or NULL */
};

typedef struct {
    PyObject_HEAD
    PyObject *root;               /* where the heap begins */
    PyObject *limitframe;         /* NULL, or the newest frame to show */
    PyObject *_hiding_tag_;       /* what hides objects from this view */
    PyObject *_hiding_tag__name;  /* the string "_hiding_tag_" */
    PyObject *static_types;       /* nodeset of the static types seen */
    PyObject *weak_type_callback; /* bound delete_extra_type */
    unsigned char is_hiding_calling_interpreter;
    struct hv_typetable types;    /* per-type knowledge */
} NyHeapViewObject;

extern PyTypeObject NyHeapView_Type;
#define hv_check(op) PyObject_TypeCheck((op), &NyHeapView_Type)

/* typetable.c */

/* Returns the view's entry for type (borrowed, owned by the view),
   creating it and those of its bases when needed; NULL with an
   exception set on failure. */
struct hv_typeinfo *hv_typeinfo_lookup_slow(NyHeapViewObject *hv,
                                            PyTypeObject *type);

static inline struct hv_typeinfo *
hv_typeinfo(NyHeapViewObject *hv, PyTypeObject *type)
{
    struct hv_typeinfo *ti = hv->types.last;
    if (ti && ti->type == type)
        return ti;
    return hv_typeinfo_lookup_slow(hv, type);
}

/* Record the definitions of the NULL-type-terminated array defs, each
   for its exact type; 0, or -1 with an exception set. */
int hv_typetable_add_defs(NyHeapViewObject *hv, const NyHeapDef *defs);
/* Forget everything; the table can be filled again. */
void hv_typetable_clear(NyHeapViewObject *hv);
/* Visit the weak references the table holds (for the GC). */
int hv_typetable_traverse(NyHeapViewObject *hv, visitproc visit, void *arg);
/* Drop the entry whose weak reference is wr; 0, or -1 with
   ValueError when there is none. */
int hv_typetable_forget(NyHeapViewObject *hv, PyObject *wr);
/* Make objects of type and its subtypes hidden when their slot at
   offset holds the hiding tag, or objects of exactly type always hidden;
   0, or -1 with an exception set. */
int hv_typetable_hide_by_slot(NyHeapViewObject *hv, PyTypeObject *type,
                              Py_ssize_t offset);
int hv_typetable_hide_exact(NyHeapViewObject *hv, PyTypeObject *type);

/* traverse.c: per-object services of a view */

/* Visit what obj refers to, as seen by hv (hidden objects hide their
   referents); 0, -1 on error, or what a visit returned to stop. */
int hv_traverse(NyHeapViewObject *hv, PyObject *obj, visitproc visit,
                void *arg);
int hv_traverse_as(NyHeapViewObject *hv, struct hv_typeinfo *ti,
                   PyObject *obj, visitproc visit, void *arg);
/* 1 if obj is hidden from hv, 0 if not. */
int hv_is_hidden(NyHeapViewObject *hv, PyObject *obj);
int hv_is_hidden_as(NyHeapViewObject *hv, struct hv_typeinfo *ti,
                    PyObject *obj);
/* The individual size of obj, or (size_t)-1 with an exception set. */
size_t hv_size(NyHeapViewObject *hv, PyObject *obj);
/* Report each way r->src refers to r->tgt to r->visit; 0 or 1, or -1 on
   error. r->hv must be hv. */
int hv_relate(NyHeapViewObject *hv, NyHeapRelate *r);
/* A new mutable nodeset carrying the view's hiding tag. */
NyNodeSetObject *hv_new_set(NyHeapViewObject *hv);

/* walk.c: the walks over the heap graph behind the HeapView methods */

/* Call visit(obj, arg) once for each object reachable from hv's root
   (borrowed); a visit returning 1 stops the iteration, -1 fails it.
   Returns 0, or -1 with an exception set. */
int hv_iterate(NyHeapViewObject *hv, int (*visit)(PyObject *, void *),
               void *arg);
PyObject *hv_heap(NyHeapViewObject *hv, PyObject *unused);
PyObject *hv_reachable(NyHeapViewObject *hv, PyObject *args, PyObject *kw);
PyObject *hv_reachable_x(NyHeapViewObject *hv, PyObject *args,
                         PyObject *kw);
PyObject *hv_relimg(NyHeapViewObject *hv, PyObject *S);

/* Methods defined in their own files, as METH_ functions. */
PyObject *hv_relate_method(NyHeapViewObject *hv, PyObject *args,
                           PyObject *kw);                    /* relate.c */
PyObject *hv_numedges(NyHeapViewObject *hv, PyObject *args); /* relate.c */
PyObject *hv_indisize_sum(NyHeapViewObject *hv, PyObject *S); /* size.c */
PyObject *hv_shpathstep(NyHeapViewObject *hv, PyObject *args,
                        PyObject *kw);                        /* shpath.c */
PyObject *hv_update_referrers(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_update_referrers_completely(NyHeapViewObject *hv,
                                         PyObject *args);  /* referrers.c */
PyObject *hv_update_dictowners(NyHeapViewObject *hv,
                               PyObject *args);           /* dictowners.c */
PyObject *hv_obj_at(NyHeapViewObject *hv, PyObject *addr);     /* objat.c */

/* dictowners.c: fill owners with an edge from each dict in the heap to its
   owner, or to None; 0, or -1 with an exception set. */
struct NyNodeGraphObject;
int hv_dictowners_update(NyHeapViewObject *hv,
                         struct NyNodeGraphObject *owners);
/* A new reference to a list of the static types, found by a heap walk the
   first time; NULL with an exception set on failure. */
PyObject *hv_static_types_list(NyHeapViewObject *hv);

/* iterable.c -------------------------------------------------------------- */

/* Call visit(item, arg) with a borrowed reference to each item of it, a
   nodeset, heap view (its reachable objects), list or any iterable; a
   visit returning 1 stops early, -1 fails. Returns 0 or -1. */
int iterable_iterate(PyObject *it, int (*visit)(PyObject *, void *),
                     void *arg);

/* A new reference to the list gc.get_objects() returns, or NULL. */
PyObject *gc_objects(void);

/* NodeGraph (nodegraph.c, edges.c) ---------------------------------------- */

typedef struct {
    PyObject *src, *tgt;          /* new references */
} ng_edge;

typedef struct NyNodeGraphObject {
    PyObject_HEAD
    PyObject *_hiding_tag_;       /* NULL, or what hides it from views */
    ng_edge *edges;               /* PyMem array */
    Py_ssize_t used;              /* edges in use */
    Py_ssize_t allocated;         /* edges allocated */
    Py_ssize_t finger;            /* where the last search ended */
    uintptr_t *index;             /* PyMem: edges_index() of the sorted
                                     edges, or NULL until needed */
    unsigned char is_mapping;     /* one target per source */
    unsigned char is_sorted;      /* sorted by (src, tgt), no duplicates */
} NyNodeGraphObject;

extern PyTypeObject NyNodeGraph_Type;
extern PyTypeObject NyNodeGraphIter_Type;
#define ng_check(op) PyObject_TypeCheck((op), &NyNodeGraph_Type)

/* A new reference to an empty nodegraph of type NodeGraph, or NULL. */
NyNodeGraphObject *ng_new(void);
/* Add the edge src -> tgt (both borrowed); 0, or -1 with an exception. */
int ng_add_edge(NyNodeGraphObject *ng, PyObject *src, PyObject *tgt);
/* Remove every edge. */
void ng_clear(NyNodeGraphObject *ng);
/* Sort the edges and drop duplicates, unless already done. */
void ng_sort(NyNodeGraphObject *ng);
/* The edges with source src, in [*lo, *hi) (pointers into ng->edges,
   valid until ng changes); sorts ng first. Searches from where the last
   search ended, so ascending keys cost little. */
void ng_region(NyNodeGraphObject *ng, PyObject *src, ng_edge **lo,
               ng_edge **hi);
/* Add the edges of the iterable of pairs; 0, or -1 with an exception. */
int ng_update(NyNodeGraphObject *ng, PyObject *pairs);

/* edges.c: edge arrays. Sort by (src, tgt) address; drop adjacent
   duplicates (releasing their references), returning the new length;
   make the index of a sorted array, a PyMem array of the source address
   of every EDGES_STRIDE-th edge (NULL when out of memory: searches do
   without); find the run [first, *end) of edges with source src in a
   sorted array, looking first just after the edge finger, where the last
   search ended. */
#define EDGES_STRIDE 64
void edges_sort(ng_edge *edges, Py_ssize_t n);
Py_ssize_t edges_dedup(ng_edge *edges, Py_ssize_t n);
uintptr_t *edges_index(const ng_edge *edges, Py_ssize_t n);
Py_ssize_t edges_find(const ng_edge *edges, Py_ssize_t n,
                      const uintptr_t *index, PyObject *src,
                      Py_ssize_t finger, Py_ssize_t *end);

/* Heap definitions of heapyc's own types (nodegraph.c, rootstate.c). */
size_t ng_heapdef_size(PyObject *obj);
int ng_heapdef_traverse(NyHeapTraverse *ta);
int ng_heapdef_relate(NyHeapRelate *r);

/* Relation (relation.c) --------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    int kind;                     /* NYHR_* */
    PyObject *relator;            /* new reference */
} NyRelationObject;

extern PyTypeObject NyRelation_Type;
#define rel_check(op) PyObject_TypeCheck((op), &NyRelation_Type)

/* A new reference to a new relation of kind with relator (borrowed). */
NyRelationObject *rel_new(int kind, PyObject *relator);

/* ObjectClassifier (classifier.c) ----------------------------------------- */

/* What one kind of classifier does; self is the classifier's state. */
struct cli_def {
    const char *name;
    /* A new reference to the kind of obj, or NULL with an exception. */
    PyObject *(*classify)(PyObject *self, PyObject *obj);
    /* A new reference to the memoized (canonical) kind equal to kind, or
       NULL; NULL member: kinds are canonical already. */
    PyObject *(*memoized_kind)(PyObject *self, PyObject *kind);
    /* 1 if kind a <= kind b, 0 if not, -1 on error; NULL member: only
       == and != selections are supported. */
    int (*le)(PyObject *self, PyObject *a, PyObject *b);
};

typedef struct {
    PyObject_HEAD
    const struct cli_def *def;    /* static */
    PyObject *self;               /* new reference: the state */
} NyObjectClassifierObject;

extern PyTypeObject NyObjectClassifier_Type;
#define cli_check(op) PyObject_TypeCheck((op), &NyObjectClassifier_Type)

/* A new reference to a classifier of kind def with state self (borrowed),
   or NULL; or with as state a tuple of the n objects that follow
   (borrowed). */
PyObject *cli_new(const struct cli_def *def, PyObject *self);
PyObject *cli_new_packed(const struct cli_def *def, Py_ssize_t n, ...);

/* Classify obj with cli: a new reference, or NULL with an exception. */
static inline PyObject *
cli_classify(NyObjectClassifierObject *cli, PyObject *obj)
{
    return cli->def->classify(cli->self, obj);
}

/* The canonical kind for kind (borrowed), as a new reference. */
PyObject *cli_memoized_kind(NyObjectClassifierObject *cli, PyObject *kind);

/* Comparisons for select and findex, in the order of their strings
   "<", "<=", "==", "!=", ">", ">=". */
enum cli_cmp { CLI_LT, CLI_LE, CLI_EQ, CLI_NE, CLI_GT, CLI_GE };

/* The cli_cmp that the string cmp names, or -1 with an exception. */
int cli_cmp_from_string(PyObject *cmp);
/* 0 if cli can compare kinds by cmp, else -1 with ValueError. */
int cli_check_cmp(const NyObjectClassifierObject *cli, int cmp);
/* The le of classifiers whose kinds order themselves (a <= b). */
int cli_le_by_value(PyObject *self, PyObject *a, PyObject *b);
/* Compare the kinds a and b (borrowed) under cli; 1, 0, or -1. */
int cli_compare(NyObjectClassifierObject *cli, PyObject *a, PyObject *b,
                int cmp);

/* memo.c: the canonical object equal to kind in the memo dict (adding
   kind when there is none), as a new reference; NULL on error. The
   second form memoizes an immutable copy of the mutable set (stolen;
   NULL passes an error on). */
PyObject *memo_lookup(PyObject *memo, PyObject *kind);
PyObject *memo_lookup_frozen(PyObject *memo, NyNodeSetObject *set);

/* kindcache.c: KindCache, memoized set kinds found by their elements.
   A new reference to an empty cache for the memo dict memo (borrowed);
   the memoized kind (borrowed) whose elements are the n kinds, sorted
   by address and distinct, or NULL; add a kind just memoized (an
   immutable nodeset, borrowed): 0, or -1 with MemoryError. */
extern PyTypeObject NyKindCache_Type;
PyObject *kindcache_new(PyObject *memo);
PyObject *kindcache_find(PyObject *cache, PyObject *const *kinds,
                         Py_ssize_t n);
int kindcache_add(PyObject *cache, PyObject *kind);

/* The classifier factories, HeapView methods (one file each). */
PyObject *hv_cli_none(NyHeapViewObject *hv, PyObject *unused);
PyObject *hv_cli_type(NyHeapViewObject *hv, PyObject *unused);
PyObject *hv_cli_id(NyHeapViewObject *hv, PyObject *unused);
PyObject *hv_cli_idset(NyHeapViewObject *hv, PyObject *unused);
PyObject *hv_cli_indisize(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_dictof(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_rcs(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_inrel(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_findex(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_and(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_prod(NyHeapViewObject *hv, PyObject *args);
PyObject *hv_cli_user_defined(NyHeapViewObject *hv, PyObject *args,
                              PyObject *kw);

/* nodetuple.c: NodeTuple, a tuple compared and hashed by element address. */
extern PyTypeObject NyNodeTuple_Type;
/* A new reference to a NodeTuple of n NULL items, or NULL. */
PyObject *nodetuple_new(Py_ssize_t n);

/* Horizon (horizon.c) ----------------------------------------------------- */

extern PyTypeObject NyHorizon_Type;

/* dealloc_hook.c: call on_dealloc(obj) before any object of the static
   base type of type(obj) is deallocated, for obj, from now on; 0, or -1
   with an exception set. */
int dealloc_hook_install(PyObject *obj, void (*on_dealloc)(PyObject *));
/* Stop calling on_dealloc; types patched stay patched but harmless. */
void dealloc_hook_remove_all(void);

/* RootState (rootstate.c, roots.c) ---------------------------------------- */

extern PyTypeObject NyRootState_Type;
extern PyObject hc_RootState;         /* the only instance */
int rootstate_heapdef_traverse(NyHeapTraverse *ta);
int rootstate_heapdef_relate(NyHeapRelate *r);

/* A field of the interpreter or a thread state holding an object. */
struct roots_field {
    const char *name;             /* as in the attribute names */
    Py_ssize_t offset;            /* in the state structure */
    unsigned char traversed;      /* a walk from RootState follows it */
};

/* The fields, each array ended by a NULL name. */
extern const struct roots_field roots_interp_fields[];
extern const struct roots_field roots_thread_fields[];

struct roots_thread {
    unsigned long id;             /* the thread's identifier */
    unsigned char is_calling;     /* it is the thread taking the snapshot */
    PyObject *frame;              /* new reference: its newest frame */
    PyObject **fields;            /* new references, as thread fields */
};

/* The roots of the calling interpreter at one moment. */
struct roots {
    int isno;                     /* the interpreter's number */
    PyObject **interp;            /* new references, as interp fields */
    struct roots_thread *threads; /* PyMem array */
    size_t nthreads;
};

/* Take a snapshot: 0, or -1 with an exception set. */
int roots_snapshot(struct roots *r);
/* Release what a snapshot holds. */
void roots_release(struct roots *r);

/* Standard types (std_*.c) ------------------------------------------------ */

/* The heap definitions of the standard types, one table per file, each
   ended by a NULL type. */
extern const NyHeapDef std_dict_defs[], std_sequence_defs[],
    std_function_defs[], std_module_defs[], std_type_defs[],
    std_code_defs[], std_frame_defs[];

/* The pieces relate functions are made of (std_common.c). Each returns
   0 to go on, 1 when a visit asked to stop, -1 on error. */

/* A named object field of a C structure. */
#define STD_FIELD(type, member, kind, name) \
    {offsetof(type, member), kind, name}

struct std_field {
    Py_ssize_t offset;            /* of the PyObject * in the structure */
    int kind;                     /* NYHR_* */
    const char *name;             /* the relator; NULL ends a table */
};

/* Report r->tgt == field under name with kind. */
int std_relate_field(NyHeapRelate *r, PyObject *field, int kind,
                     const char *name);
/* Report the fields of r->src listed in the table that are r->tgt. */
int std_relate_fields(NyHeapRelate *r, const struct std_field *fields);
/* Visit the fields of obj listed in the table. */
int std_visit_fields(PyObject *obj, const struct std_field *fields,
                     visitproc visit, void *arg);
/* Report the keys of dict (may be NULL) that are r->tgt (kind keykind,
   relator: the key's position; keykind 0: keys are not reported) and
   the values (kind valkind, relator: the key). */
int std_relate_dict_items(NyHeapRelate *r, PyObject *dict, int keykind,
                          int valkind);
/* Report the object members that type itself declares. */
int std_relate_members(NyHeapRelate *r, PyTypeObject *type);
/* Report r->src's __dict__, and its items as attributes. */
int std_relate_instance_dict(NyHeapRelate *r);

/* cpy_object.c: what precedes an object in memory. */
size_t cpy_gc_header_size(void);
size_t cpy_preheader_size(PyTypeObject *type);

/* Module functions (xmemstats.c) */
PyObject *hc_xmemstats(PyObject *module, PyObject *unused);

#include "stack.h"

#endif
