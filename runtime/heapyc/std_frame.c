/* std_frame.c: frames, generators, coroutines and async generators, which
   share CPython 3.11's interpreter frame: the function, code, globals and
   builtins, then the fast locals (plain, cell and free variables) and the
   value stack in one array. CPython traverses a running frame's locals
   only when the frame object owns them; a view wants them always. A frame
   with a local _hiding_tag_ holding the view's tag is hidden. */
#include "heapyc.h"

#define Py_BUILD_CORE
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#undef Py_BUILD_CORE

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "std_frame.c knows the frames of CPython 3.11 only"
#endif

/* 1 if the interpreter frame f has a local _hiding_tag_ that is tag. */
static int
has_hiding_local(_PyInterpreterFrame *f, PyObject *tag)
{
    PyCodeObject *code = f->f_code;
    for (int i = 0; i < code->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, i);
        if ((_PyLocals_GetKind(code->co_localspluskinds, i) & CO_FAST_LOCAL) &&
            PyUnicode_CompareWithASCIIString(name, "_hiding_tag_") == 0)
            return f->localsplus[i] == tag;
    }
    return 0;
}

/* The number of valid value stack entries of f: none while f runs. */
static int
stack_depth(const _PyInterpreterFrame *f)
{
    int depth = f->stacktop - f->f_code->co_nlocalsplus;
    return depth > 0 ? depth : 0;
}

static int
frame_traverse(NyHeapTraverse *ta)
{
    PyFrameObject *frame = (PyFrameObject *)ta->obj;
    _PyInterpreterFrame *f = frame->f_frame;
    if (has_hiding_local(f, ta->_hiding_tag_))
        return 0;
    visitproc visit = ta->visit;
    void *arg = ta->arg;
    PyFrameObject *back = PyFrame_GetBack(frame);
    int r = back ? visit((PyObject *)back, arg) : 0;
    Py_XDECREF(back);
    if (r)
        return r;
    Py_VISIT(frame->f_trace);
    Py_VISIT(f->f_func);
    Py_VISIT(f->f_code);
    Py_VISIT(f->f_builtins);
    Py_VISIT(f->f_globals);
    Py_VISIT(f->f_locals);
    for (int i = 0; i < f->f_code->co_nlocalsplus; i++)
        Py_VISIT(f->localsplus[i]);
    return 0;
}

/* Report how f's fast locals (by name), the contents of its cells (by
   name) and its stack entries (by position) are r->tgt. */
static int
relate_locals(NyHeapRelate *r, _PyInterpreterFrame *f)
{
    PyCodeObject *code = f->f_code;
    for (int i = 0; i < code->co_nlocalsplus; i++) {
        PyObject *value = f->localsplus[i];
        PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, i);
        if (value == r->tgt &&
            r->visit(NYHR_LOCAL_VAR, Py_NewRef(name), r))
            return 1;
        if (value && PyCell_Check(value) && PyCell_GET(value) == r->tgt &&
            (_PyLocals_GetKind(code->co_localspluskinds, i) &
             (CO_FAST_CELL | CO_FAST_FREE)) &&
            r->visit(NYHR_CELL, Py_NewRef(name), r))
            return 1;
    }
    PyObject **stack = f->localsplus + code->co_nlocalsplus;
    for (int i = 0; i < stack_depth(f); i++) {
        if (stack[i] != r->tgt)
            continue;
        PyObject *index = PyLong_FromLong(i);
        if (!index)
            return -1;
        if (r->visit(NYHR_STACK, index, r))
            return 1;
    }
    return 0;
}

static int
frame_relate(NyHeapRelate *r)
{
    PyFrameObject *frame = (PyFrameObject *)r->src;
    _PyInterpreterFrame *f = frame->f_frame;
    PyFrameObject *back = PyFrame_GetBack(frame);
    int stop = std_relate_field(r, (PyObject *)back, NYHR_ATTRIBUTE,
                                "f_back");
    Py_XDECREF(back);
    if (!stop)
        stop = std_relate_field(r, frame->f_trace, NYHR_ATTRIBUTE,
                                "f_trace");
    if (!stop)
        stop = std_relate_field(r, (PyObject *)f->f_func, NYHR_INTERATTR,
                                "f_func");
    if (!stop)
        stop = std_relate_field(r, (PyObject *)f->f_code, NYHR_ATTRIBUTE,
                                "f_code");
    if (!stop)
        stop = std_relate_field(r, f->f_builtins, NYHR_ATTRIBUTE,
                                "f_builtins");
    if (!stop)
        stop = std_relate_field(r, f->f_globals, NYHR_ATTRIBUTE,
                                "f_globals");
    if (!stop)
        stop = std_relate_field(r, f->f_locals, NYHR_ATTRIBUTE, "f_locals");
    return stop ? stop : relate_locals(r, f);
}

/* Generators, coroutines and async generators differ only in the
   prefix of their attribute names. */
static const char *
gen_prefix(PyObject *gen)
{
    if (PyCoro_CheckExact(gen))
        return "cr";
    if (PyAsyncGen_CheckExact(gen))
        return "ag";
    return "gi";
}

/* Report r->tgt == field as the attribute prefix + suffix. */
static int
relate_prefixed(NyHeapRelate *r, PyObject *field, int kind,
                const char *prefix, const char *suffix)
{
    if (field != r->tgt)
        return 0;
    PyObject *name = PyUnicode_FromFormat("%s%s", prefix, suffix);
    if (!name)
        return -1;
    return r->visit((unsigned int)kind, name, r) ? 1 : 0;
}

/* What CPython's traversal of a generator visits: its code and names,
   while it is not cleared its frame (the frame object, locals, function,
   code and stack), and the exception it is handling. */
static int
gen_relate(NyHeapRelate *r)
{
    PyGenObject *gen = (PyGenObject *)r->src;
    const char *p = gen_prefix(r->src);
    int stop = relate_prefixed(r, (PyObject *)gen->gi_code,
                               NYHR_ATTRIBUTE, p, "_code");
    if (!stop)
        stop = std_relate_field(r, gen->gi_name, NYHR_ATTRIBUTE, "__name__");
    if (!stop)
        stop = std_relate_field(r, gen->gi_qualname, NYHR_ATTRIBUTE,
                                "__qualname__");
    if (!stop)
        stop = relate_prefixed(r, gen->gi_exc_state.exc_value,
                               NYHR_INTERATTR, p, "_exc_state.exc_value");
    if (stop || gen->gi_frame_state >= FRAME_CLEARED)
        return stop;
    _PyInterpreterFrame *f = (_PyInterpreterFrame *)gen->gi_iframe;
    stop = relate_prefixed(r, (PyObject *)f->frame_obj, NYHR_ATTRIBUTE, p,
                           "_frame");
    if (!stop)
        stop = relate_prefixed(r, f->f_locals, NYHR_INTERATTR, p,
                               "_frame.f_locals");
    if (!stop)
        stop = relate_prefixed(r, (PyObject *)f->f_func, NYHR_INTERATTR, p,
                               "_frame.f_func");
    if (!stop)
        stop = relate_prefixed(r, (PyObject *)f->f_code, NYHR_INTERATTR, p,
                               "_frame.f_code");
    return stop ? stop : relate_locals(r, f);
}

const NyHeapDef std_frame_defs[] = {
    {.type = &PyFrame_Type, .traverse = frame_traverse,
     .relate = frame_relate},
    {.type = &PyGen_Type, .relate = gen_relate},
    {.type = &PyCoro_Type, .relate = gen_relate},
    {.type = &PyAsyncGen_Type, .relate = gen_relate},
    {0},
};
