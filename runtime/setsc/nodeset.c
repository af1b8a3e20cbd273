/* nodeset.c: the abstract base type NodeSet: the algebra, comparisons,
   membership and length both nodeset types share, and the C interface
   to nodesets (see heapy/setsc.h). */
#include "setsc.h"

/* The slot and method functions below follow CPython's conventions:
   arguments are borrowed; results are new references, or NULL (-1 for
   ints) with an exception set. */

int
nodeset_hasobj(NyNodeSetObject *v, PyObject *obj)
{
    if (NyImmNodeSet_Check(v))
        return immnodeset_hasobj(v, obj);
    return mutnodeset_hasobj((NyMutNodeSetObject *)v, obj);
}

/* 0 if v is mutable, else -1 with ValueError. */
static int
require_mutable(NyNodeSetObject *v)
{
    if (NyMutNodeSet_Check(v))
        return 0;
    PyErr_SetString(PyExc_ValueError, "a mutable nodeset is required");
    return -1;
}

int
nodeset_setobj(NyNodeSetObject *v, PyObject *obj)
{
    if (require_mutable(v) < 0)
        return -1;
    return mutnodeset_setobj((NyMutNodeSetObject *)v, obj);
}

int
nodeset_clrobj(NyNodeSetObject *v, PyObject *obj)
{
    if (require_mutable(v) < 0)
        return -1;
    return mutnodeset_clrobj((NyMutNodeSetObject *)v, obj);
}

int
nodeset_iterate(NyNodeSetObject *ns, int (*visit)(PyObject *, void *),
                void *arg)
{
    if (!(ns->flags & NS_HOLDOBJECTS)) {
        PyErr_SetString(PyExc_ValueError,
                        "this nodeset records addresses, not objects");
        return -1;
    }
    if (NyImmNodeSet_Check(ns)) {
        for (Py_ssize_t i = 0; i < Py_SIZE(ns); i++)
            if (visit(ns->u.nodes[i], arg) == -1)
                return -1;
        return 0;
    }
    const struct bitstore *s = &((NyMutNodeSetObject *)ns)->store;
    struct bitcursor c;
    NyBit bit;
    bitcursor_init(&c, s);
    while (bitcursor_next(s, &c, &bit))
        if (visit(bit_node(bit), arg) == -1)
            return -1;
    return 0;
}

int
nodeset_be_immutable(NyNodeSetObject **nsp)
{
    NyNodeSetObject *copy = immnodeset_new_copy(*nsp);
    if (!copy)
        return -1;
    Py_DECREF(*nsp);
    *nsp = copy;
    return 0;
}

size_t
nodeset_size(PyObject *v)
{
    size_t size = (size_t)Py_TYPE(v)->tp_basicsize;
    if (NyImmNodeSet_Check(v))
        return size + (size_t)Py_SIZE(v) * sizeof(PyObject *);
    return size + bitstore_memsize(&((NyMutNodeSetObject *)v)->store);
}

/* The algebra -------------------------------------------------------------- */

/* v op w, v a nodeset and w any iterable: a new reference to an
   immutable nodeset with v's hiding tag, or NULL with an exception set.
   A nodeset w must have the same hiding tag unless both are immutable. */
static PyObject *
binary(PyObject *v, PyObject *w, enum setop op)
{
    if (!NyNodeSet_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    NyNodeSetObject *a = (NyNodeSetObject *)v;
    if (NyNodeSet_Check(w) && !(NyImmNodeSet_Check(v) && NyImmNodeSet_Check(w)) &&
        ((NyNodeSetObject *)w)->_hiding_tag_ != a->_hiding_tag_) {
        PyErr_SetString(PyExc_ValueError,
                        "nodesets with different hiding tags can not be "
                        "combined");
        return NULL;
    }
    return (PyObject *)immnodeset_op(op, a, w);
}

/* v op= w: a mutable v changes and is returned; an immutable one gives a
   new set as v op w does. */
static PyObject *
inplace(PyObject *v, PyObject *w, enum setop op)
{
    if (NyMutNodeSet_Check(v))
        return mutnodeset_iop((NyMutNodeSetObject *)v, op, w);
    return binary(v, w, op);
}

BINARY_SLOT(static, nodeset_and, binary, SETOP_AND)
BINARY_SLOT(static, nodeset_or, binary, SETOP_OR)
BINARY_SLOT(static, nodeset_xor, binary, SETOP_XOR)
BINARY_SLOT(static, nodeset_sub, binary, SETOP_SUB)
BINARY_SLOT(static, nodeset_iand, inplace, SETOP_AND)
BINARY_SLOT(static, nodeset_ior, inplace, SETOP_OR)
BINARY_SLOT(static, nodeset_ixor, inplace, SETOP_XOR)
BINARY_SLOT(static, nodeset_isub, inplace, SETOP_SUB)

static int
nodeset_bool(PyObject *self)
{
    return Py_SIZE(self) != 0;
}

static Py_ssize_t
nodeset_length(PyObject *self)
{
    return Py_SIZE(self);
}

static int
nodeset_contains(PyObject *self, PyObject *obj)
{
    return nodeset_hasobj((NyNodeSetObject *)self, obj);
}

/* Comparisons test inclusion between nodesets; with anything else they
   are left to Python (== and != then compare identity). */
PyObject *
nodeset_richcompare(PyObject *v, PyObject *w, int op)
{
    struct nodeview a, b;
    if (!NyNodeSet_Check(v) || !NyNodeSet_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (op == Py_GE || op == Py_GT) {
        PyObject *t = v;
        v = w;
        w = t;
        op = op == Py_GE ? Py_LE : Py_LT;
    }
    if (nodeview_get(v, &a) < 0)
        return NULL;
    if (nodeview_get(w, &b) < 0) {
        nodeview_release(&a);
        return NULL;
    }
    int r;
    switch (op) {
    case Py_EQ: r = a.n == b.n && nodes_subset(&a, &b); break;
    case Py_NE: r = !(a.n == b.n && nodes_subset(&a, &b)); break;
    case Py_LE: r = nodes_subset(&a, &b); break;
    default: r = a.n < b.n && nodes_subset(&a, &b); break;
    }
    nodeview_release(&a);
    nodeview_release(&b);
    return PyBool_FromLong(r);
}

static PyNumberMethods nodeset_as_number = {
    .nb_subtract = nodeset_sub,
    .nb_bool = nodeset_bool,
    .nb_and = nodeset_and,
    .nb_xor = nodeset_xor,
    .nb_or = nodeset_or,
    .nb_inplace_subtract = nodeset_isub,
    .nb_inplace_and = nodeset_iand,
    .nb_inplace_xor = nodeset_ixor,
    .nb_inplace_or = nodeset_ior,
};

static PySequenceMethods nodeset_as_sequence = {
    .sq_contains = nodeset_contains,
};

static PyMappingMethods nodeset_as_mapping = {
    .mp_length = nodeset_length,
};

PyDoc_STRVAR(nodeset_doc,
"The base of the nodeset types ImmNodeSet and MutNodeSet.\n"
"\n"
"A nodeset is a set of objects compared by identity (address), whatever\n"
"their own equality and hashing. Nodesets combine with & | ^ - with any\n"
"iterable, giving immutable nodesets; comparisons between nodesets test\n"
"inclusion; `x in S`, len(S) and iter(S) work as for sets.");

PyTypeObject NyNodeSet_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.setsc.NodeSet",
    .tp_basicsize = sizeof(NyNodeSetObject),
    .tp_as_number = &nodeset_as_number,
    .tp_as_sequence = &nodeset_as_sequence,
    .tp_as_mapping = &nodeset_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = nodeset_doc,
    .tp_richcompare = nodeset_richcompare,
};
