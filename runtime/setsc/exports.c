/* exports.c: the C interface of setsc for other extension modules: the
   export tables NyBitSet_Exports and NyNodeSet_Exports (heapy/setsc.h)
   and the heap definitions `_NyHeapDefs_` (heapy/heapdef.h) through which
   heapyc sizes, traverses and relates the sets. */
#include "setsc.h"

#include <heapy/heapdef.h>
#include <string.h>

/* Visit the bits of the plain (not complemented) bitset v in ascending
   order; stop when visit returns -1. */
static int
bitset_iterate(PyObject *v, int (*visit)(NyBit, void *), void *arg)
{
    struct bitview bv;
    if (!bitset_check(v)) {
        PyErr_SetString(PyExc_TypeError, "a bitset is required");
        return -1;
    }
    if (bitview_get(v, &bv) < 0)
        return -1;
    int r = 0;
    if (bv.cpl) {
        PyErr_SetString(PyExc_TypeError,
                        "the bits of a complemented bitset are endless");
        r = -1;
    }
    for (Py_ssize_t i = 0; i < bv.n && r == 0; i++)
        for (NyBits w = bv.f[i].bits; w && r == 0; w &= w - 1)
            if (visit(bit_at(bv.f[i].pos, bits_first(w)), arg) == -1)
                r = -1;
    bitview_release(&bv);
    return r;
}

static NyBitSet_Exports bitset_exports = {
    .flags = 0,
    .size = sizeof(NyBitSet_Exports),
    .ident_and_version = "NyBitSet_Exports v1.0",
    .mbs_new = mutbitset_new,
    .mbs_setbit = mutbitset_setbit,
    .mbs_clrbit = mutbitset_clrbit,
    .mbs_set_or_clr = mutbitset_set_or_clr,
    .mbs_as_immutable = mutbitset_as_immutable,
    .iterate = bitset_iterate,
    .mbs_hasbit = mutbitset_hasbit,
    .ibs_hasbit = immbitset_hasbit,
    .cpl_hasbit = cplbitset_hasbit,
    .mbs_clear = mutbitset_clear,
};

static NyNodeSet_Exports nodeset_exports = {
    .flags = 0,
    .size = sizeof(NyNodeSet_Exports),
    .ident_and_version = "NyNodeSet_Exports v1.0",
    .type = &NyNodeSet_Type,
    .newMut = mutnodeset_new,
    .newMutHiding = mutnodeset_new_hiding,
    .newMutFlags = mutnodeset_new_flags,
    .newImmCopy = immnodeset_new_copy,
    .newImmSingleton = immnodeset_new_singleton,
    .be_immutable = nodeset_be_immutable,
    .setobj = nodeset_setobj,
    .clrobj = nodeset_clrobj,
    .hasobj = nodeset_hasobj,
    .iterate = nodeset_iterate,
};

/* Heap definitions ------------------------------------------------------------ */

static size_t
mutbitset_size(PyObject *obj)
{
    return (size_t)Py_TYPE(obj)->tp_basicsize +
           bitstore_memsize(&((NyMutBitSetObject *)obj)->store);
}

/* A complemented bitset refers to the set it complements. */
static int
cplbitset_traverse(NyHeapTraverse *t)
{
    return t->visit((PyObject *)((NyCplBitSetObject *)t->obj)->val, t->arg);
}

/* A nodeset carrying the view's hiding tag hides its elements. */
static int
nodeset_traverse(NyHeapTraverse *t)
{
    if (((NyNodeSetObject *)t->obj)->_hiding_tag_ == t->_hiding_tag_)
        return 0;
    return Py_TYPE(t->obj)->tp_traverse(t->obj, t->visit, t->arg);
}

struct relate_walk {
    NyHeapRelate *r;
    Py_ssize_t index;         /* of the element being visited */
    int result;               /* what r->visit returned */
};

/* For nodeset_iterate: obj is borrowed; the relator passed to r->visit
   is a new reference, which the visit steals. */
static int
relate_visit(PyObject *obj, void *arg)
{
    struct relate_walk *w = arg;
    if (obj == w->r->tgt) {
        w->result = w->r->visit(NYHR_INSET, PyLong_FromSsize_t(w->index),
                                w->r);
        return -1;            /* found: stop the walk */
    }
    w->index++;
    return 0;
}

/* A nodeset relates to each element by its index in iteration order. */
static int
nodeset_relate(NyHeapRelate *r)
{
    struct relate_walk w = {.r = r, .index = 0, .result = 0};
    NyNodeSetObject *ns = (NyNodeSetObject *)r->src;
    if (!(ns->flags & NS_HOLDOBJECTS))
        return 0;
    nodeset_iterate(ns, relate_visit, &w);
    return w.result;
}

static NyHeapDef heapdefs[] = {
    {.type = &NyMutBitSet_Type, .size = mutbitset_size},
    {.type = &NyCplBitSet_Type, .traverse = cplbitset_traverse},
    {.type = &NyNodeSet_Type, .size = nodeset_size,
     .traverse = nodeset_traverse, .relate = nodeset_relate},
    {.type = NULL},
};

/* The name of a capsule is the dotted path to it, which depends on the
   package the module was imported from; it must outlive the capsule. */
static const char *
capsule_name(PyObject *module, const char *attr)
{
    const char *modname = PyModule_GetName(module);
    if (!modname)
        return NULL;
    size_t size = strlen(modname) + 1 + strlen(attr) + 1;
    char *name = PyMem_RawMalloc(size);
    if (!name) {
        PyErr_NoMemory();
        return NULL;
    }
    snprintf(name, size, "%s.%s", modname, attr);
    return name;
}

/* Add to module (borrowed) the attribute attr: a capsule of pointer,
   named after the module. Returns 0, or -1 with an exception set. */
static int
add_capsule(PyObject *module, const char *attr, void *pointer)
{
    const char *name = capsule_name(module, attr);
    if (!name)
        return -1;
    PyObject *capsule = PyCapsule_New(pointer, name, NULL);
    if (!capsule)
        return -1;
    int r = PyModule_AddObjectRef(module, attr, capsule);
    Py_DECREF(capsule);
    return r;
}

int
setsc_add_exports(PyObject *module)
{
    if (add_capsule(module, "NyBitSet_Exports", &bitset_exports) < 0 ||
        add_capsule(module, "NyNodeSet_Exports", &nodeset_exports) < 0 ||
        add_capsule(module, "_NyHeapDefs_", heapdefs) < 0)
        return -1;
    return 0;
}
