/* nodegraph.c: NodeGraph, a multimap from objects to objects by identity:
   an array of (source, target) edges, sorted on demand so that the
   targets of a source are found by search. Heapy keeps referrers, dict
   owners, partitions and path graphs in nodegraphs. */
#include "heapyc.h"

#include <structmember.h>

/* Edges ------------------------------------------------------------------- */

int
ng_add_edge(NyNodeGraphObject *ng, PyObject *src, PyObject *tgt)
{
    /* An edge repeating the last one is dropped at once: walks often add
       the same edge several times in a row. */
    if (ng->used && ng->edges[ng->used - 1].src == src &&
        ng->edges[ng->used - 1].tgt == tgt)
        return 0;
    if (ng->used == ng->allocated) {
        /* Growth by an eighth, as lists grow: edge arrays get large. */
        Py_ssize_t allocated = ng->allocated + (ng->allocated >> 3) + 8;
        ng_edge *edges = PyMem_Realloc(ng->edges,
                                       (size_t)allocated * sizeof *edges);
        if (!edges) {
            PyErr_NoMemory();
            return -1;
        }
        ng->edges = edges;
        ng->allocated = allocated;
    }
    ng->edges[ng->used].src = Py_NewRef(src);
    ng->edges[ng->used].tgt = Py_NewRef(tgt);
    ng->used++;
    ng->is_sorted = 0;
    return 0;
}

/* The sources moved: the index no longer holds. */
static void
ng_drop_index(NyNodeGraphObject *ng)
{
    PyMem_Free(ng->index);
    ng->index = NULL;
}

void
ng_clear(NyNodeGraphObject *ng)
{
    ng_edge *edges = ng->edges;
    Py_ssize_t used = ng->used;
    ng->edges = NULL;
    ng->used = ng->allocated = ng->finger = 0;
    ng->is_sorted = 0;
    ng_drop_index(ng);
    for (Py_ssize_t i = 0; i < used; i++) {
        Py_DECREF(edges[i].src);
        Py_DECREF(edges[i].tgt);
    }
    PyMem_Free(edges);
}

/* Sort, drop duplicate edges, and give back the memory not used. */
void
ng_sort(NyNodeGraphObject *ng)
{
    if (ng->is_sorted)
        return;
    ng_drop_index(ng);
    edges_sort(ng->edges, ng->used);
    ng->used = edges_dedup(ng->edges, ng->used);
    if (ng->used < ng->allocated) {
        ng_edge *edges = PyMem_Realloc(ng->edges, (size_t)(ng->used ? ng->used
                                                                   : 1) *
                                                      sizeof *edges);
        if (edges) {
            ng->edges = edges;
            ng->allocated = ng->used ? ng->used : 1;
        }
    }
    ng->finger = 0;
    ng->is_sorted = 1;
}

void
ng_region(NyNodeGraphObject *ng, PyObject *src, ng_edge **lo, ng_edge **hi)
{
    Py_ssize_t end;
    ng_sort(ng);
    if (!ng->index && ng->used > EDGES_STRIDE)
        ng->index = edges_index(ng->edges, ng->used);
    Py_ssize_t start = edges_find(ng->edges, ng->used, ng->index, src,
                                  ng->finger, &end);
    ng->finger = start;
    *lo = ng->edges + start;
    *hi = ng->edges + end;
}

static int
update_visit(PyObject *pair, void *arg)
{
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        PyErr_SetString(PyExc_TypeError,
                        "update: right argument must be sequence of 2-tuples");
        return -1;
    }
    return ng_add_edge(arg, PyTuple_GET_ITEM(pair, 0),
                       PyTuple_GET_ITEM(pair, 1));
}

int
ng_update(NyNodeGraphObject *ng, PyObject *pairs)
{
    return iterable_iterate(pairs, update_visit, ng);
}

/* Construction and copies ------------------------------------------------- */

static NyNodeGraphObject *
ng_alloc(PyTypeObject *type)
{
    return (NyNodeGraphObject *)type->tp_alloc(type, 0);
}

NyNodeGraphObject *
ng_new(void)
{
    return ng_alloc(&NyNodeGraph_Type);
}

/* A new reference to an empty nodegraph of ng's type, hiding tag and
   mapping flag, or NULL. */
static NyNodeGraphObject *
ng_sibling(NyNodeGraphObject *ng)
{
    NyNodeGraphObject *cp = ng_alloc(Py_TYPE(ng));
    if (!cp)
        return NULL;
    cp->_hiding_tag_ = Py_XNewRef(ng->_hiding_tag_);
    cp->is_mapping = ng->is_mapping;
    return cp;
}

/* A new reference to a copy of ng (sorted first), or NULL. */
static NyNodeGraphObject *
ng_copy(NyNodeGraphObject *ng)
{
    NyNodeGraphObject *cp = ng_sibling(ng);
    if (!cp)
        return NULL;
    ng_sort(ng);
    for (Py_ssize_t i = 0; i < ng->used; i++)
        if (ng_add_edge(cp, ng->edges[i].src, ng->edges[i].tgt) < 0) {
            Py_DECREF(cp);
            return NULL;
        }
    return cp;
}

static void
ng_invert_edges(NyNodeGraphObject *ng)
{
    for (Py_ssize_t i = 0; i < ng->used; i++) {
        PyObject *src = ng->edges[i].src;
        ng->edges[i].src = ng->edges[i].tgt;
        ng->edges[i].tgt = src;
    }
    ng->is_sorted = 0;
}

static PyObject *
ng_tp_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char kw_iterable[] = "iterable", kw_is_mapping[] = "is_mapping";
    static char *kwlist[] = {kw_iterable, kw_is_mapping, NULL};
    PyObject *iterable = NULL, *is_mapping = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO:NodeGraph.__new__",
                                     kwlist, &iterable, &is_mapping))
        return NULL;
    NyNodeGraphObject *ng = ng_alloc(type);
    if (!ng)
        return NULL;
    int mapping = is_mapping ? PyObject_IsTrue(is_mapping) : 0;
    if (mapping < 0 ||
        (iterable && iterable != Py_None && ng_update(ng, iterable) < 0)) {
        Py_DECREF(ng);
        return NULL;
    }
    ng->is_mapping = (unsigned char)mapping;
    return (PyObject *)ng;
}

static int
ng_gc_traverse(NyNodeGraphObject *ng, visitproc visit, void *arg)
{
    for (Py_ssize_t i = 0; i < ng->used; i++) {
        Py_VISIT(ng->edges[i].src);
        Py_VISIT(ng->edges[i].tgt);
    }
    Py_VISIT(ng->_hiding_tag_);
    return 0;
}

static int
ng_gc_clear(NyNodeGraphObject *ng)
{
    Py_CLEAR(ng->_hiding_tag_);
    ng_clear(ng);
    return 0;
}

static void
ng_dealloc(NyNodeGraphObject *ng)
{
    PyObject_GC_UnTrack(ng);
    Py_TRASHCAN_BEGIN(ng, ng_dealloc)
    ng_gc_clear(ng);
    Py_TYPE(ng)->tp_free((PyObject *)ng);
    Py_TRASHCAN_END
}

/* Methods ----------------------------------------------------------------- */

static PyObject *
ng_add_edge_method(NyNodeGraphObject *ng, PyObject *args)
{
    PyObject *src, *tgt;
    if (!PyArg_ParseTuple(args, "OO:add_edge", &src, &tgt) ||
        ng_add_edge(ng, src, tgt) < 0)
        return NULL;
    Py_RETURN_NONE;
}

struct edges_to {
    NyNodeGraphObject *ng;
    PyObject *tgt;
};

static int
add_edge_to(PyObject *src, void *arg)
{
    struct edges_to *e = arg;
    return ng_add_edge(e->ng, src, e->tgt);
}

static PyObject *
ng_add_edges_n1(NyNodeGraphObject *ng, PyObject *args)
{
    PyObject *srcs;
    struct edges_to e = {ng, NULL};
    if (!PyArg_ParseTuple(args, "OO:add_edges_n1", &srcs, &e.tgt) ||
        iterable_iterate(srcs, add_edge_to, &e) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
ng_as_flat_list(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    PyObject *list = PyList_New(2 * ng->used);
    if (!list)
        return NULL;
    for (Py_ssize_t i = 0; i < ng->used; i++) {
        PyList_SET_ITEM(list, 2 * i, Py_NewRef(ng->edges[i].src));
        PyList_SET_ITEM(list, 2 * i + 1, Py_NewRef(ng->edges[i].tgt));
    }
    return list;
}

static PyObject *
ng_clear_method(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    ng_clear(ng);
    Py_RETURN_NONE;
}

static PyObject *
ng_copy_method(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    return (PyObject *)ng_copy(ng);
}

struct covers {
    NyNodeGraphObject *ng;
    int covered;
};

static int
covers_visit(PyObject *obj, void *arg)
{
    struct covers *c = arg;
    ng_edge *lo, *hi;
    ng_region(c->ng, obj, &lo, &hi);
    if (lo == hi) {
        c->covered = 0;
        return 1;
    }
    return 0;
}

static PyObject *
ng_domain_covers(NyNodeGraphObject *ng, PyObject *X)
{
    struct covers c = {ng, 1};
    if (iterable_iterate(X, covers_visit, &c) < 0)
        return NULL;
    return PyBool_FromLong(c.covered);
}

struct restriction {
    NyNodeGraphObject *ng, *result;
};

static int
restrict_visit(PyObject *obj, void *arg)
{
    struct restriction *r = arg;
    ng_edge *lo, *hi;
    ng_region(r->ng, obj, &lo, &hi);
    /* Adding to result cannot move ng's edges. */
    for (; lo < hi; lo++)
        if (ng_add_edge(r->result, obj, lo->tgt) < 0)
            return -1;
    return 0;
}

static PyObject *
ng_domain_restricted(NyNodeGraphObject *ng, PyObject *X)
{
    struct restriction r = {ng, ng_sibling(ng)};
    if (!r.result)
        return NULL;
    if (iterable_iterate(X, restrict_visit, &r) < 0)
        Py_CLEAR(r.result);
    return (PyObject *)r.result;
}

/* A new nodeset of the sources (targets == 0) or targets of the edges. */
static PyObject *
ng_endpoints(NyNodeGraphObject *ng, int targets)
{
    NyNodeSetObject *ns = sets_new(ng->_hiding_tag_);
    if (!ns)
        return NULL;
    struct sets_batch b;
    sets_batch_init(&b, ns);
    PyObject *previous = NULL;
    int r = 0;
    for (Py_ssize_t i = 0; r == 0 && i < ng->used; i++) {
        PyObject *obj = targets ? ng->edges[i].tgt : ng->edges[i].src;
        if (obj != previous)
            r = sets_batch_add(&b, obj);
        previous = obj;
    }
    if (sets_batch_end(&b, r == 0) < 0)
        Py_CLEAR(ns);
    return (PyObject *)ns;
}

static PyObject *
ng_get_domain(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    return ng_endpoints(ng, 0);
}

static PyObject *
ng_get_range(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    return ng_endpoints(ng, 1);
}

static PyObject *
ng_invert(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    ng_invert_edges(ng);
    Py_RETURN_NONE;
}

static PyObject *
ng_inverted(NyNodeGraphObject *ng, PyObject *unused)
{
    (void)unused;
    NyNodeGraphObject *cp = ng_copy(ng);
    if (cp)
        ng_invert_edges(cp);
    return (PyObject *)cp;
}

struct image {
    NyNodeGraphObject *ng;
    struct sets_batch b;
};

static int
image_visit(PyObject *obj, void *arg)
{
    struct image *im = arg;
    ng_edge *lo, *hi;
    ng_region(im->ng, obj, &lo, &hi);
    for (; lo < hi; lo++)
        if (sets_batch_add(&im->b, lo->tgt) < 0)
            return -1;
    return 0;
}

static PyObject *
ng_relimg(NyNodeGraphObject *ng, PyObject *X)
{
    NyNodeSetObject *ns = sets_new(ng->_hiding_tag_);
    if (!ns)
        return NULL;
    struct image im;
    im.ng = ng;
    sets_batch_init(&im.b, ns);
    if (sets_batch_end(&im.b,
                       iterable_iterate(X, image_visit, &im) == 0) < 0)
        Py_CLEAR(ns);
    return (PyObject *)ns;
}

static PyObject *
ng_update_method(NyNodeGraphObject *ng, PyObject *X)
{
    if (ng_update(ng, X) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
ng_updated(NyNodeGraphObject *ng, PyObject *X)
{
    NyNodeGraphObject *cp = ng_copy(ng);
    if (cp && ng_update(cp, X) < 0)
        Py_CLEAR(cp);
    return (PyObject *)cp;
}

static PyMethodDef ng_methods[] = {
    {"add_edge", (PyCFunction)ng_add_edge_method, METH_VARARGS,
     "NG.add_edge(source, target)\n\nAdd an edge from source to target."},
    {"add_edges_n1", (PyCFunction)ng_add_edges_n1, METH_VARARGS,
     "NG.add_edges_n1(srcs:iterable, tgt)\n\n"
     "Add an edge from each object of srcs to tgt."},
    {"as_flat_list", (PyCFunction)ng_as_flat_list, METH_NOARGS,
     "NG.as_flat_list() -> list\n\n"
     "The edges as one list [src0, tgt0, src1, tgt1, ...]."},
    {"clear", (PyCFunction)ng_clear_method, METH_NOARGS,
     "NG.clear()\n\nRemove every edge."},
    {"copy", (PyCFunction)ng_copy_method, METH_NOARGS,
     "NG.copy() -> NodeGraph\n\nA copy of NG."},
    {"domain_covers", (PyCFunction)ng_domain_covers, METH_O,
     "NG.domain_covers(X:iterable) -> bool\n\n"
     "True if every object of X is the source of some edge."},
    {"domain_restricted", (PyCFunction)ng_domain_restricted, METH_O,
     "NG.domain_restricted(X:iterable) -> NodeGraph\n\n"
     "A new nodegraph of the edges whose source is in X."},
    {"get_domain", (PyCFunction)ng_get_domain, METH_NOARGS,
     "NG.get_domain() -> NodeSet\n\nThe sources of the edges."},
    {"get_range", (PyCFunction)ng_get_range, METH_NOARGS,
     "NG.get_range() -> NodeSet\n\nThe targets of the edges."},
    {"invert", (PyCFunction)ng_invert, METH_NOARGS,
     "NG.invert()\n\nReverse every edge."},
    {"inverted", (PyCFunction)ng_inverted, METH_NOARGS,
     "NG.inverted() -> NodeGraph\n\nA copy of NG with every edge reversed."},
    {"relimg", (PyCFunction)ng_relimg, METH_O,
     "NG.relimg(X:iterable) -> NodeSet\n\n"
     "The targets of the edges whose source is in X."},
    {"update", (PyCFunction)ng_update_method, METH_O,
     "NG.update(X:iterable)\n\n"
     "Add the edges of X, given as pairs (source, target)."},
    {"updated", (PyCFunction)ng_updated, METH_O,
     "NG.updated(X:iterable) -> NodeGraph\n\n"
     "A copy of NG with the edges of X, pairs (source, target), added."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ng_members[] = {
    {"_hiding_tag_", T_OBJECT, offsetof(NyNodeGraphObject, _hiding_tag_),
     0, "Views whose hiding tag is this object do not see the edges;\n"
        "None until assigned."},
    {"is_mapping", T_UBYTE, offsetof(NyNodeGraphObject, is_mapping),
     READONLY, "True if indexing gives the one target of a source."},
    {"is_sorted", T_UBYTE, offsetof(NyNodeGraphObject, is_sorted), READONLY,
     "True if the edges are sorted; any change unsorts them, any search\n"
     "sorts them."},
    {NULL, 0, 0, 0, NULL},
};

/* Mapping protocol -------------------------------------------------------- */

static Py_ssize_t
ng_length(NyNodeGraphObject *ng)
{
    ng_sort(ng);
    return ng->used;
}

static PyObject *
ng_subscript(NyNodeGraphObject *ng, PyObject *src)
{
    ng_edge *lo, *hi;
    ng_region(ng, src, &lo, &hi);
    if (!ng->is_mapping) {
        PyObject *targets = PyTuple_New(hi - lo);
        for (Py_ssize_t i = 0; targets && lo + i < hi; i++)
            PyTuple_SET_ITEM(targets, i, Py_NewRef(lo[i].tgt));
        return targets;
    }
    if (hi - lo == 1)
        return Py_NewRef(lo->tgt);
    if (lo == hi)
        PyErr_SetObject(PyExc_KeyError, src);
    else
        PyErr_SetString(PyExc_ValueError, "Ambiguos mapping");
    return NULL;
}

/* Give the edges in [lo, hi) the targets of tuple (or the one target);
   the edges stay sorted unless the new targets break the order. */
static void
assign_targets(NyNodeGraphObject *ng, ng_edge *lo, ng_edge *hi,
               PyObject *const *targets)
{
    for (ng_edge *e = lo; e < hi; e++) {
        PyObject *old = e->tgt;
        e->tgt = Py_NewRef(targets[e - lo]);
        Py_DECREF(old);
        if (e > lo && (uintptr_t)e[-1].tgt >= (uintptr_t)e->tgt)
            ng->is_sorted = 0;
    }
}

static int
ng_ass_subscript(NyNodeGraphObject *ng, PyObject *src, PyObject *value)
{
    static const char fixed[] =
        "ng_ass_sub: can not change number of edges (wants to always be "
        "fast);\nconsider using .add_edge() etc. instead.";
    ng_edge *lo, *hi;
    if (!value) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "Item deletion is not implemented for nodegraphs.");
        return -1;
    }
    ng_region(ng, src, &lo, &hi);
    if (ng->is_mapping) {
        if (hi - lo != 1) {
            PyErr_SetString(PyExc_ValueError, fixed);
            return -1;
        }
        assign_targets(ng, lo, hi, &value);
        return 0;
    }
    if (!PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "ng_ass_sub: value to assign must be a tuple");
        return -1;
    }
    if (PyTuple_GET_SIZE(value) != hi - lo) {
        PyErr_SetString(PyExc_ValueError, fixed);
        return -1;
    }
    assign_targets(ng, lo, hi, ((PyTupleObject *)value)->ob_item);
    return 0;
}

static PyMappingMethods ng_as_mapping = {
    .mp_length = (lenfunc)ng_length,
    .mp_subscript = (binaryfunc)ng_subscript,
    .mp_ass_subscript = (objobjargproc)ng_ass_subscript,
};

/* Iteration --------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    NyNodeGraphObject *ng;        /* new reference */
    Py_ssize_t next;              /* index of the next edge */
    Py_ssize_t size;              /* ng->used when the iteration began */
} NyNodeGraphIterObject;

static PyObject *
ng_iter(NyNodeGraphObject *ng)
{
    NyNodeGraphIterObject *it = PyObject_GC_New(NyNodeGraphIterObject,
                                                &NyNodeGraphIter_Type);
    if (!it)
        return NULL;
    ng_sort(ng);
    it->ng = (NyNodeGraphObject *)Py_NewRef(ng);
    it->next = 0;
    it->size = ng->used;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
ngiter_next(NyNodeGraphIterObject *it)
{
    NyNodeGraphObject *ng = it->ng;
    if (it->next >= ng->used)
        return NULL;
    if (ng->used != it->size || !ng->is_sorted) {
        PyErr_SetString(PyExc_RuntimeError,
                        "nodegraph changed size during iteration");
        return NULL;
    }
    ng_edge *e = &ng->edges[it->next++];
    return PyTuple_Pack(2, e->src, e->tgt);
}

static int
ngiter_traverse(NyNodeGraphIterObject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->ng);
    return 0;
}

static void
ngiter_dealloc(NyNodeGraphIterObject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->ng);
    PyObject_GC_Del(it);
}

PyTypeObject NyNodeGraphIter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.NodeGraphIter",
    .tp_basicsize = sizeof(NyNodeGraphIterObject),
    .tp_dealloc = (destructor)ngiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)ngiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)ngiter_next,
};

/* Heap definition --------------------------------------------------------- */

size_t
ng_heapdef_size(PyObject *obj)
{
    const NyNodeGraphObject *ng = (const NyNodeGraphObject *)obj;
    return (size_t)Py_TYPE(obj)->tp_basicsize +
           (size_t)ng->allocated * sizeof(ng_edge) + cpy_gc_header_size();
}

/* A nodegraph with the view's hiding tag hides its edges. */
int
ng_heapdef_traverse(NyHeapTraverse *ta)
{
    const NyNodeGraphObject *ng = (const NyNodeGraphObject *)ta->obj;
    if (ng->_hiding_tag_ == ta->_hiding_tag_)
        return 0;
    return Py_TYPE(ta->obj)->tp_traverse(ta->obj, ta->visit, ta->arg);
}

static int
relate_end(NyHeapRelate *r, PyObject *end, Py_ssize_t i, const char *which)
{
    if (end != r->tgt)
        return 0;
    PyObject *name = PyUnicode_FromFormat("edges[%zd].%s", i, which);
    if (!name)
        return -1;
    return r->visit(NYHR_INTERATTR, name, r) ? 1 : 0;
}

int
ng_heapdef_relate(NyHeapRelate *r)
{
    const NyNodeGraphObject *ng = (const NyNodeGraphObject *)r->src;
    int stop = std_relate_members(r, &NyNodeGraph_Type);
    for (Py_ssize_t i = 0; !stop && i < ng->used; i++) {
        stop = relate_end(r, ng->edges[i].src, i, "src");
        if (!stop)
            stop = relate_end(r, ng->edges[i].tgt, i, "tgt");
    }
    return stop;
}

PyDoc_STRVAR(ng_doc,
"NodeGraph([iterable [, is_mapping]])\n"
"\n"
"A graph of edges between objects (nodes), compared by identity only:\n"
"no hashing or equality of the objects is used, so any object can be a\n"
"node. A source can have any number of targets. Indexing with a source\n"
"gives the tuple of its targets, or, when is_mapping is true, its one\n"
"target. iterable gives the initial edges as pairs (source, target).");

PyTypeObject NyNodeGraph_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.NodeGraph",
    .tp_basicsize = sizeof(NyNodeGraphObject),
    .tp_dealloc = (destructor)ng_dealloc,
    .tp_as_mapping = &ng_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = ng_doc,
    .tp_traverse = (traverseproc)ng_gc_traverse,
    .tp_clear = (inquiry)ng_gc_clear,
    .tp_iter = (getiterfunc)ng_iter,
    .tp_methods = ng_methods,
    .tp_members = ng_members,
    .tp_new = ng_tp_new,
};
