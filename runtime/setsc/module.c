/* module.c: the setsc extension module: its documentation and the
   initialisation that publishes the set types, the constructors and the
   C-level export tables. */
#include "setsc.h"

PyDoc_STRVAR(module_doc,
"Sets of ints (bitsets) and sets of objects by identity (nodesets).\n"
"\n"
"Types\n"
"    BitSet        the base of the bitset types\n"
"    ImmBitSet     immutable bitset\n"
"    CplBitSet     complemented immutable bitset: all ints but some\n"
"    MutBitSet     mutable bitset, complemented or not\n"
"    NodeSet       the base of the nodeset types\n"
"    ImmNodeSet    immutable nodeset\n"
"    MutNodeSet    mutable nodeset\n"
"\n"
"Functions\n"
"    immbit        the immutable bitset of one bit\n"
"    immbitrange   the immutable bitset of a range\n"
"    immbitset     an immutable bitset, complemented or not\n"
"\n"
"C interface\n"
"    NyBitSet_Exports, NyNodeSet_Exports   capsules of function tables\n"
"    _NyHeapDefs_                          what heapyc needs to know");

static const struct {
    PyTypeObject *type;
    const char *name;         /* NULL: not a module attribute */
} types[] = {
    {&NyBitSet_Type, "BitSet"},
    {&NyImmBitSet_Type, "ImmBitSet"},
    {&NyCplBitSet_Type, "CplBitSet"},
    {&NyMutBitSet_Type, "MutBitSet"},
    {&NyImmBitSetIter_Type, NULL},
    {&NyNodeSet_Type, "NodeSet"},
    {&NyImmNodeSet_Type, "ImmNodeSet"},
    {&NyMutNodeSet_Type, "MutNodeSet"},
    {&NyImmNodeSetIter_Type, NULL},
    {&NyMutNodeSetIter_Type, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "setsc",
    .m_doc = module_doc,
    .m_size = -1,
};

PyMODINIT_FUNC PyInit_setsc(void);

/* Returns a new reference to the module, or NULL with an exception set.
   The interpreter names it after the package it is imported from
   ("heapy.setsc", or "guppy.sets.setsc" when it stands in for the
   original), and the capsules are named after it. */
PyMODINIT_FUNC
PyInit_setsc(void)
{
    PyObject *module = PyModule_Create(&module_def);
    if (!module)
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        if (PyType_Ready(types[i].type) < 0 ||
            (types[i].name &&
             PyModule_AddObjectRef(module, types[i].name,
                                   (PyObject *)types[i].type) < 0))
            goto fail;
    }
    if (bitset_add_to_module(module) < 0 || setsc_add_exports(module) < 0)
        goto fail;
    return module;
fail:
    Py_DECREF(module);
    return NULL;
}
