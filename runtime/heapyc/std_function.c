/* std_function.c: functions, builtin functions and methods, cells and
   tracebacks: objects whose references are named C fields. (Bound
   methods and properties declare their fields as members, which the
   default relation reports.) */
#include "heapyc.h"

#include <stddef.h>

#define FUNCTION_ATTR(member, name) \
    STD_FIELD(PyFunctionObject, member, NYHR_ATTRIBUTE, name)

static const struct std_field function_fields[] = {
    FUNCTION_ATTR(func_code, "__code__"),
    FUNCTION_ATTR(func_globals, "__globals__"),
    FUNCTION_ATTR(func_builtins, "__builtins__"),
    FUNCTION_ATTR(func_module, "__module__"),
    FUNCTION_ATTR(func_defaults, "__defaults__"),
    FUNCTION_ATTR(func_kwdefaults, "__kwdefaults__"),
    FUNCTION_ATTR(func_doc, "__doc__"),
    FUNCTION_ATTR(func_name, "__name__"),
    FUNCTION_ATTR(func_dict, "__dict__"),
    FUNCTION_ATTR(func_closure, "__closure__"),
    FUNCTION_ATTR(func_annotations, "__annotations__"),
    FUNCTION_ATTR(func_qualname, "__qualname__"),
    {0},
};

/* A function's attributes live in its __dict__. */
static int
function_relate(NyHeapRelate *r)
{
    int stop = std_relate_fields(r, function_fields);
    if (stop)
        return stop;
    return std_relate_dict_items(r, ((PyFunctionObject *)r->src)->func_dict,
                                 NYHR_HASATTR, NYHR_ATTRIBUTE);
}

static const struct std_field cfunction_fields[] = {
    STD_FIELD(PyCFunctionObject, m_self, NYHR_ATTRIBUTE, "__self__"),
    STD_FIELD(PyCFunctionObject, m_module, NYHR_ATTRIBUTE, "__module__"),
    {0},
};

static int
cfunction_relate(NyHeapRelate *r)
{
    return std_relate_fields(r, cfunction_fields);
}

static int
cell_relate(NyHeapRelate *r)
{
    return std_relate_field(r, PyCell_GET(r->src), NYHR_ATTRIBUTE,
                            "cell_contents");
}

static const struct std_field traceback_fields[] = {
    STD_FIELD(PyTracebackObject, tb_next, NYHR_ATTRIBUTE, "tb_next"),
    STD_FIELD(PyTracebackObject, tb_frame, NYHR_ATTRIBUTE, "tb_frame"),
    {0},
};

static int
traceback_relate(NyHeapRelate *r)
{
    return std_relate_fields(r, traceback_fields);
}

const NyHeapDef std_function_defs[] = {
    {.type = &PyFunction_Type, .relate = function_relate},
    {.type = &PyCFunction_Type, .relate = cfunction_relate},
    {.type = &PyCell_Type, .relate = cell_relate},
    {.type = &PyTraceBack_Type, .relate = traceback_relate},
    {0},
};
