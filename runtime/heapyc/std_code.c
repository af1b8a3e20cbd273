/* std_code.c: code objects. CPython 3.11 does not track code objects in
   the GC, so they have no tp_traverse; their references are the fields
   below, laid out as in 3.11 (names and kinds of locals share one tuple
   and one bytes object, and co_code is a lazily made cache). */
#include "heapyc.h"

#include <stddef.h>

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "std_code.c knows the code object layout of CPython 3.11 only"
#endif

#define FIELD(member, kind, name) STD_FIELD(PyCodeObject, member, kind, name)

static const struct std_field code_fields[] = {
    FIELD(_co_code, NYHR_ATTRIBUTE, "co_code"),
    FIELD(co_consts, NYHR_ATTRIBUTE, "co_consts"),
    FIELD(co_names, NYHR_ATTRIBUTE, "co_names"),
    FIELD(co_exceptiontable, NYHR_ATTRIBUTE, "co_exceptiontable"),
    FIELD(co_localsplusnames, NYHR_INTERATTR, "co_localsplusnames"),
    FIELD(co_localspluskinds, NYHR_INTERATTR, "co_localspluskinds"),
    FIELD(co_filename, NYHR_ATTRIBUTE, "co_filename"),
    FIELD(co_name, NYHR_ATTRIBUTE, "co_name"),
    FIELD(co_qualname, NYHR_ATTRIBUTE, "co_qualname"),
    FIELD(co_linetable, NYHR_ATTRIBUTE, "co_linetable"),
    FIELD(co_weakreflist, NYHR_ATTRIBUTE, "co_weakreflist"),
    {0},
};

static int
code_traverse(NyHeapTraverse *ta)
{
    return std_visit_fields(ta->obj, code_fields, ta->visit, ta->arg);
}

static int
code_relate(NyHeapRelate *r)
{
    return std_relate_fields(r, code_fields);
}

const NyHeapDef std_code_defs[] = {
    {.type = &PyCode_Type, .traverse = code_traverse, .relate = code_relate},
    {0},
};
