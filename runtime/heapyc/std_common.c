/* std_common.c: the pieces the relate functions of the standard types
   are built from: a named field, the members a type declares, the items
   of a dict, and the __dict__ of an instance. Each returns 0 to go on,
   1 when a visit asked to stop, -1 on error. */
#include "heapyc.h"

#include <structmember.h>

/* Hand relator (a new reference, or NULL after an error) to r->visit. */
static int
report(NyHeapRelate *r, int kind, PyObject *relator)
{
    if (!relator)
        return -1;
    return r->visit((unsigned int)kind, relator, r) ? 1 : 0;
}

int
std_relate_field(NyHeapRelate *r, PyObject *field, int kind,
                 const char *name)
{
    if (field != r->tgt)
        return 0;
    return report(r, kind, PyUnicode_FromString(name));
}

int
std_relate_members(NyHeapRelate *r, PyTypeObject *type)
{
    const PyMemberDef *m = type->tp_members;
    for (; m && m->name; m++) {
        if (m->type != T_OBJECT && m->type != T_OBJECT_EX)
            continue;
        PyObject *field = *(PyObject **)((char *)r->src + m->offset);
        int stop = std_relate_field(r, field, NYHR_ATTRIBUTE, m->name);
        if (stop)
            return stop;
    }
    return 0;
}

int
std_relate_dict_items(NyHeapRelate *r, PyObject *dict, int keykind,
                      int valkind)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0, index = 0;
    if (!dict || !PyDict_Check(dict))
        return 0;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        int stop = 0;
        if (key == r->tgt && keykind)
            stop = report(r, keykind, PyLong_FromSsize_t(index));
        if (!stop && value == r->tgt)
            stop = report(r, valkind, Py_NewRef(key));
        if (stop)
            return stop;
        index++;
    }
    return 0;
}

int
std_relate_instance_dict(NyHeapRelate *r)
{
    PyObject **dictp = _PyObject_GetDictPtr(r->src);
    if (!dictp || !*dictp)
        return 0;
    int stop = std_relate_field(r, *dictp, NYHR_ATTRIBUTE, "__dict__");
    if (stop)
        return stop;
    return std_relate_dict_items(r, *dictp, NYHR_HASATTR, NYHR_ATTRIBUTE);
}

int
std_relate_fields(NyHeapRelate *r, const struct std_field *fields)
{
    for (; fields->name; fields++) {
        PyObject *field = *(PyObject **)((char *)r->src + fields->offset);
        int stop = std_relate_field(r, field, fields->kind, fields->name);
        if (stop)
            return stop;
    }
    return 0;
}

int
std_visit_fields(PyObject *obj, const struct std_field *fields,
                 visitproc visit, void *arg)
{
    for (; fields->name; fields++)
        Py_VISIT(*(PyObject **)((char *)obj + fields->offset));
    return 0;
}
