/* hv_object.c: the HeapView type: construction from a root and heap
   definitions, its attributes, the registration of hidden types, and the
   table of its methods (each implemented in the file of its concern). */
#include "heapyc.h"

#include <string.h>
#include <structmember.h>

/* Heap definitions -------------------------------------------------------- */

/* The standard types and heapyc's own, each table ended by a NULL type. */
static const NyHeapDef heapyc_defs[] = {
    {.type = &NyNodeGraph_Type, .size = ng_heapdef_size,
     .traverse = ng_heapdef_traverse, .relate = ng_heapdef_relate},
    {.type = &NyRootState_Type, .traverse = rootstate_heapdef_traverse,
     .relate = rootstate_heapdef_relate},
    {.type = &NyHorizon_Type},
    {0},
};

static const NyHeapDef *const builtin_defs[] = {
    std_dict_defs, std_sequence_defs, std_function_defs, std_module_defs,
    std_type_defs, std_code_defs, std_frame_defs, heapyc_defs,
};

/* Add the definitions of the capsules in the tuple heapdefs, each named
   "<module>._NyHeapDefs_"; 0, or -1 with an exception set. */
static int
add_capsule_defs(NyHeapViewObject *hv, PyObject *heapdefs)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(heapdefs); i++) {
        PyObject *capsule = PyTuple_GET_ITEM(heapdefs, i);
        if (!PyCapsule_CheckExact(capsule)) {
            PyErr_SetString(PyExc_TypeError,
                            "heapdefs must be a capsule object");
            return -1;
        }
        const char *name = PyCapsule_GetName(capsule);
        const char *dot = name ? strrchr(name, '.') : NULL;
        if (!dot || strcmp(dot, "._NyHeapDefs_") != 0) {
            PyErr_SetString(PyExc_TypeError,
                            "heapdefs must be named "
                            "<package name>._NyHeapDefs_");
            return -1;
        }
        const NyHeapDef *defs = PyCapsule_GetPointer(capsule, name);
        if (!defs || hv_typetable_add_defs(hv, defs) < 0)
            return -1;
    }
    return 0;
}

static int
add_defs(NyHeapViewObject *hv, PyObject *heapdefs)
{
    for (size_t i = 0; i < sizeof builtin_defs / sizeof *builtin_defs; i++)
        if (hv_typetable_add_defs(hv, builtin_defs[i]) < 0)
            return -1;
    if (add_capsule_defs(hv, heapdefs) < 0)
        return -1;
    /* RootState is hidden from every view, but traversed: the way in. */
    struct hv_typeinfo *ti = hv_typeinfo(hv, &NyRootState_Type);
    if (!ti)
        return -1;
    ti->hide = HV_HIDE_ALWAYS;
    return 0;
}

/* Construction and destruction -------------------------------------------- */

static PyObject *
hv_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char kw_root[] = "root", kw_heapdefs[] = "heapdefs";
    static char *kwlist[] = {kw_root, kw_heapdefs, NULL};
    PyObject *root, *heapdefs;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO!:HeapView", kwlist, &root,
                                     &PyTuple_Type, &heapdefs))
        return NULL;
    NyHeapViewObject *hv = (NyHeapViewObject *)type->tp_alloc(type, 0);
    if (!hv)
        return NULL;
    hv->root = Py_NewRef(root);
    hv->_hiding_tag_ = Py_NewRef(Py_None);
    hv->_hiding_tag__name = PyUnicode_InternFromString("_hiding_tag_");
    if (!hv->_hiding_tag__name ||
        !(hv->weak_type_callback =
              PyObject_GetAttrString((PyObject *)hv, "delete_extra_type")) ||
        !(hv->static_types = (PyObject *)sets_api->newMut()) ||
        add_defs(hv, heapdefs) < 0) {
        Py_DECREF(hv);
        return NULL;
    }
    return (PyObject *)hv;
}

static int
hv_gc_traverse(NyHeapViewObject *hv, visitproc visit, void *arg)
{
    Py_VISIT(hv->root);
    Py_VISIT(hv->limitframe);
    Py_VISIT(hv->_hiding_tag_);
    Py_VISIT(hv->_hiding_tag__name);
    Py_VISIT(hv->static_types);
    Py_VISIT(hv->weak_type_callback);
    return hv_typetable_traverse(hv, visit, arg);
}

static int
hv_gc_clear(NyHeapViewObject *hv)
{
    hv_typetable_clear(hv);
    Py_CLEAR(hv->root);
    Py_CLEAR(hv->limitframe);
    Py_CLEAR(hv->_hiding_tag_);
    Py_CLEAR(hv->_hiding_tag__name);
    Py_CLEAR(hv->static_types);
    Py_CLEAR(hv->weak_type_callback);
    return 0;
}

static void
hv_dealloc(NyHeapViewObject *hv)
{
    PyObject_GC_UnTrack(hv);
    Py_TRASHCAN_BEGIN(hv, hv_dealloc)
    hv_gc_clear(hv);
    Py_TYPE(hv)->tp_free((PyObject *)hv);
    Py_TRASHCAN_END
}

/* Hidden types ------------------------------------------------------------ */

/* The offset of the member named name in type or a base, or -1. */
static Py_ssize_t
member_offset(PyTypeObject *type, const char *name)
{
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 0; mro && i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        for (const PyMemberDef *m = base->tp_members; m && m->name; m++)
            if (strcmp(m->name, name) == 0)
                return m->offset;
    }
    return -1;
}

static PyObject *
hv_register__hiding_tag__type(NyHeapViewObject *hv, PyObject *args,
                              PyObject *kw)
{
    static char kw_type[] = "type";
    static char *kwlist[] = {kw_type, NULL};
    PyTypeObject *type;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!:register__hiding_tag__type",
                                     kwlist, &PyType_Type, &type))
        return NULL;
    Py_ssize_t offset = member_offset(type, "_hiding_tag_");
    if (offset < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "register__hiding_tag__type: type has no "
                        "'_hiding_tag_' slot");
        return NULL;
    }
    if (hv_typetable_hide_by_slot(hv, type, offset) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
hv_register_hidden_exact_type(NyHeapViewObject *hv, PyObject *args,
                              PyObject *kw)
{
    static char kw_type[] = "type";
    static char *kwlist[] = {kw_type, NULL};
    PyTypeObject *type;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!:register_hidden_exact_type",
                                     kwlist, &PyType_Type, &type) ||
        hv_typetable_hide_exact(hv, type) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
hv_delete_extra_type(NyHeapViewObject *hv, PyObject *wr)
{
    if (!PyWeakref_Check(wr)) {
        PyErr_Format(PyExc_TypeError,
                     "delete_extra_type: argument must be a weak ref, got "
                     "'%.50s'", Py_TYPE(wr)->tp_name);
        return NULL;
    }
    if (hv_typetable_forget(hv, wr) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Attributes -------------------------------------------------------------- */

/* root and _hiding_tag_: object fields that can be set but not
   deleted; closure is the field's offset. */
static PyObject **
field_at(NyHeapViewObject *hv, void *closure)
{
    return (PyObject **)((char *)hv + (size_t)closure);
}

static PyObject *
hv_get_field(NyHeapViewObject *hv, void *closure)
{
    return Py_NewRef(*field_at(hv, closure));
}

static int
hv_set_field(NyHeapViewObject *hv, PyObject *value, void *closure)
{
    if (!value) {
        PyErr_SetString(PyExc_TypeError, "can't delete this attribute");
        return -1;
    }
    Py_SETREF(*field_at(hv, closure), Py_NewRef(value));
    return 0;
}

static PyObject *
hv_get_limitframe(NyHeapViewObject *hv, void *unused)
{
    (void)unused;
    return Py_NewRef(hv->limitframe ? hv->limitframe : Py_None);
}

static int
hv_set_limitframe(NyHeapViewObject *hv, PyObject *value, void *unused)
{
    (void)unused;
    if (value == Py_None) {
        Py_CLEAR(hv->limitframe);
        return 0;
    }
    if (!value || !PyFrame_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "set_limitframe: frame or None expected");
        return -1;
    }
    Py_XSETREF(hv->limitframe, Py_NewRef(value));
    return 0;
}

static PyGetSetDef hv_getset[] = {
    {"root", (getter)hv_get_field, (setter)hv_set_field,
     "HV.root\n\nWhere traversals of the heap begin, normally RootState.",
     (void *)offsetof(NyHeapViewObject, root)},
    {"_hiding_tag_", (getter)hv_get_field, (setter)hv_set_field,
     "HV._hiding_tag_\n\n"
     "Objects carrying this object as their hiding tag are hidden from\n"
     "the view: instances of registered types in their _hiding_tag_\n"
     "slot, other objects in __dict__['_hiding_tag_'], frames in a local\n"
     "_hiding_tag_.", (void *)offsetof(NyHeapViewObject, _hiding_tag_)},
    {"limitframe", (getter)hv_get_limitframe, (setter)hv_set_limitframe,
     "HV.limitframe : frame | None\n\n"
     "When a frame, the frames newer than it are hidden: a traversal from\n"
     "RootState starts with it instead of the newest frame.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef hv_members[] = {
    {"is_hiding_calling_interpreter", T_UBYTE,
     offsetof(NyHeapViewObject, is_hiding_calling_interpreter), 0,
     "HV.is_hiding_calling_interpreter : bool\n\n"
     "When true, a traversal from RootState does not enter the\n"
     "interpreter using the view."},
    {"static_types", T_OBJECT, offsetof(NyHeapViewObject, static_types),
     READONLY,
     "HV.static_types : NodeSet\n\n"
     "The types not allocated on the heap (defined in C) that the first\n"
     "heap() found."},
    {"_hiding_tag__name", T_OBJECT,
     offsetof(NyHeapViewObject, _hiding_tag__name), READONLY,
     "The string '_hiding_tag_', for dict lookups."},
    {NULL, 0, 0, 0, NULL},
};

#define KW (METH_VARARGS | METH_KEYWORDS)

static PyMethodDef hv_methods[] = {
    {"cli_and", (PyCFunction)hv_cli_and, METH_VARARGS,
     "HV.cli_and(classifiers:tuple, memo:dict) -> ObjectClassifier\n\n"
     "Classify by the tuple of the kinds the classifiers give."},
    {"cli_dictof", (PyCFunction)hv_cli_dictof, METH_VARARGS,
     "HV.cli_dictof(owners:NodeGraph, ownerclassifier, notdictkind,\n"
     "              notownedkind) -> ObjectClassifier\n\n"
     "Classify dicts by the kind of their owner; other objects are\n"
     "notdictkind, dicts without owner notownedkind."},
    {"cli_findex", (PyCFunction)hv_cli_findex, METH_VARARGS,
     "HV.cli_findex(alternatives:tuple, memo:dict) -> ObjectClassifier\n\n"
     "Classify by the index of the first alternative (classifier, kind,\n"
     "cmp) the object matches."},
    {"cli_id", (PyCFunction)hv_cli_id, METH_NOARGS,
     "HV.cli_id() -> ObjectClassifier\n\nClassify by identity."},
    {"cli_idset", (PyCFunction)hv_cli_idset, METH_NOARGS,
     "HV.cli_idset() -> ObjectClassifier\n\n"
     "Classify by the singleton nodeset of the object."},
    {"cli_indisize", (PyCFunction)hv_cli_indisize, METH_VARARGS,
     "HV.cli_indisize(memo:dict) -> ObjectClassifier\n\n"
     "Classify by individual size."},
    {"cli_inrel", (PyCFunction)hv_cli_inrel, METH_VARARGS,
     "HV.cli_inrel(referrers:NodeGraph, memokind:dict, memorel:dict)\n"
     "    -> ObjectClassifier\n\n"
     "Classify by the set of relations from the referrers."},
    {"cli_none", (PyCFunction)hv_cli_none, METH_NOARGS,
     "HV.cli_none() -> ObjectClassifier\n\nClassify everything as None."},
    {"cli_prod", (PyCFunction)hv_cli_prod, METH_VARARGS,
     "HV.cli_prod(memo:dict) -> ObjectClassifier\n\n"
     "Classify by the place of allocation that tracemalloc recorded."},
    {"cli_rcs", (PyCFunction)hv_cli_rcs, METH_VARARGS,
     "HV.cli_rcs(referrers:NodeGraph, classifier, memo:dict)\n"
     "    -> ObjectClassifier\n\n"
     "Classify by the set of the kinds of the referrers."},
    {"cli_type", (PyCFunction)hv_cli_type, METH_NOARGS,
     "HV.cli_type() -> ObjectClassifier\n\nClassify by type."},
    {"cli_user_defined", (PyCFunction)(void (*)(void))hv_cli_user_defined, KW,
     "HV.cli_user_defined(cond_cli, cond_kind, classify, memoized_kind)\n"
     "    -> ObjectClassifier\n\n"
     "Classify by a Python function the objects of one kind."},
    {"delete_extra_type", (PyCFunction)hv_delete_extra_type, METH_O,
     "HV.delete_extra_type(weakref)\n\n"
     "Forget a type; the callback of the view's weak references to types."},
    {"heap", (PyCFunction)hv_heap, METH_NOARGS,
     "HV.heap() -> NodeSet\n\n"
     "The visible objects reachable from the root."},
    {"indisize_sum", (PyCFunction)hv_indisize_sum, METH_O,
     "HV.indisize_sum(S:iterable) -> int\n\n"
     "The sum of the individual sizes of the objects of S."},
    {"numedges", (PyCFunction)hv_numedges, METH_VARARGS,
     "HV.numedges(src, tgt) -> int\n\n"
     "The number of references from src to tgt."},
    {"obj_at", (PyCFunction)hv_obj_at, METH_O,
     "HV.obj_at(address:int) -> object\n\n"
     "The object at address, among the static types, the objects the\n"
     "garbage collector tracks and the heap; ValueError if none is."},
    {"reachable", (PyCFunction)(void (*)(void))hv_reachable, KW,
     "HV.reachable(X:NodeSet, Y:NodeSet) -> NodeSet\n\n"
     "The objects reachable from X by paths avoiding Y."},
    {"reachable_x", (PyCFunction)(void (*)(void))hv_reachable_x, KW,
     "HV.reachable_x(X:NodeSet, Y:NodeSet) -> NodeSet\n\n"
     "The objects reachable from X by paths that may end, but not pass,\n"
     "in Y."},
    {"register__hiding_tag__type",
     (PyCFunction)(void (*)(void))hv_register__hiding_tag__type, KW,
     "HV.register__hiding_tag__type(type)\n\n"
     "Hide the instances of type and its subtypes whose _hiding_tag_\n"
     "slot holds the view's hiding tag."},
    {"register_hidden_exact_type",
     (PyCFunction)(void (*)(void))hv_register_hidden_exact_type, KW,
     "HV.register_hidden_exact_type(type)\n\n"
     "Hide every object of exactly type."},
    {"relate", (PyCFunction)(void (*)(void))hv_relate_method, KW,
     "HV.relate(src, tgt) -> tuple\n\n"
     "How src refers to tgt: a tuple indexed by relation kind of the\n"
     "tuples of relators of that kind."},
    {"relimg", (PyCFunction)hv_relimg, METH_O,
     "HV.relimg(S:iterable) -> NodeSet\n\n"
     "The visible objects that the objects of S refer to."},
    {"shpathstep", (PyCFunction)(void (*)(void))hv_shpathstep, KW,
     "HV.shpathstep(G:NodeGraph, U:NodeSet, S:NodeSet\n"
     "              [, AvoidEdges:NodeGraph [, find_one:bool]]) -> NodeSet\n\n"
     "One step of a breadth-first search: the objects referred to from U\n"
     "and not in S, with the edges to them (reversed) added to G."},
    {"update_dictowners", (PyCFunction)hv_update_dictowners, METH_VARARGS,
     "HV.update_dictowners(owners:NodeGraph)\n\n"
     "Add an edge from each dict to its owner, or None."},
    {"update_referrers", (PyCFunction)hv_update_referrers, METH_VARARGS,
     "HV.update_referrers(X:NodeGraph, Y:NodeSet)\n\n"
     "Add to X, reversed, the edges of the paths from the root to Y."},
    {"update_referrers_completely",
     (PyCFunction)hv_update_referrers_completely, METH_VARARGS,
     "HV.update_referrers_completely(X:NodeGraph)\n\n"
     "Replace X with the edge from each object to each of its referrers,\n"
     "over all objects the garbage collector tracks."},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(hv_doc,
"HeapView(root, heapdefs:tuple)\n"
"\n"
"A view of the heap: the objects reachable from root, less those hidden\n"
"from the view, with what is known about each type: how to find its\n"
"referents, its individual size and how it refers to other objects.\n"
"heapdefs is a tuple of capsules of heap definitions of extension types.");

PyTypeObject NyHeapView_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.HeapView",
    .tp_basicsize = sizeof(NyHeapViewObject),
    .tp_dealloc = (destructor)hv_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = hv_doc,
    .tp_traverse = (traverseproc)hv_gc_traverse,
    .tp_clear = (inquiry)hv_gc_clear,
    .tp_methods = hv_methods,
    .tp_members = hv_members,
    .tp_getset = hv_getset,
    .tp_new = hv_new,
};
