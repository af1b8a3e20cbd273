/* std_module.c: modules. A module refers to its __dict__, and through it,
   by name, to its attributes. */
#include "heapyc.h"

static int
module_relate(NyHeapRelate *r)
{
    PyObject *dict = PyModule_GetDict(r->src);
    int stop = std_relate_field(r, dict, NYHR_ATTRIBUTE, "__dict__");
    if (stop)
        return stop;
    return std_relate_dict_items(r, dict, NYHR_HASATTR, NYHR_ATTRIBUTE);
}

const NyHeapDef std_module_defs[] = {
    {.type = &PyModule_Type, .relate = module_relate},
    {0},
};
