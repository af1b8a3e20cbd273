/* referrers.c: filling a referrer graph (object -> referrer edges).

   update_referrers walks the view depth first from its root, keeping the
   path to the current object. When the walk leaves an object that is a
   target or leads to one, it adds the edge from the object to the
   object before it on the path, which then leads to a target too. An
   object already known to lead to a target (or on the path: a cycle) is
   not walked again, but its edge to the current object is added; one
   known not to lead to a target is skipped. Objects with one reference
   can be met only once, so they are not remembered in those sets. The
   fates of objects met often are also kept in a small table, which
   spares most of the set lookups.

   update_referrers_completely adds the edges from every referent of
   every object the garbage collector tracks. */
#include "heapyc.h"
#include "recent.h"

/* What the walk knows of an object met before: its note in the table of
   recent objects. */
enum fate { UNKNOWN, LEADS, DEAD_END };

/* The path entry of an object being walked. */
struct trail {
    PyObject *obj;                /* new reference */
    unsigned char leads;          /* it is or leads to a target */
    unsigned char remembered;     /* it may be met again: it went into
                                     on_path, and goes into leading or
                                     dead_ends when left */
};

struct referrers {
    NyHeapViewObject *hv;
    NyNodeGraphObject *rg;        /* the graph filled */
    NyNodeSetObject *targets;     /* borrowed */
    NyNodeSetObject *dead_ends;   /* new references: lead to no target */
    NyNodeSetObject *leading;     /* lead to a target, walked */
    NyNodeSetObject *on_path;     /* objects of the path */
    struct stack todo;            /* new references; NULL marks leaving */
    struct trail *path;           /* PyMem array */
    size_t depth, path_cap;
    struct recent known;          /* fates of objects in leading or
                                     dead_ends, which hold them */
};

static enum fate
recall(const struct referrers *w, PyObject *obj)
{
    return (enum fate)recent_note(&w->known, obj);
}

/* Note the fate of obj, now in leading or dead_ends. */
static void
note(struct referrers *w, PyObject *obj, enum fate fate)
{
    recent_set(&w->known, obj, fate);
}

/* An object with more references than this (one of them the walk's own)
   may be met again. */
#define MET_ONCE 2

static int
push_trail(struct referrers *w, PyObject *obj, int leads, int remembered)
{
    if (w->depth == w->path_cap) {
        size_t cap = w->path_cap ? 2 * w->path_cap : 256;
        struct trail *path = PyMem_Realloc(w->path, cap * sizeof *path);
        if (!path) {
            PyErr_NoMemory();
            return -1;
        }
        w->path = path;
        w->path_cap = cap;
    }
    struct trail t = {obj, (unsigned char)leads, (unsigned char)remembered};
    w->path[w->depth++] = t;
    return 0;
}

/* Visit: push a referent to walk, except the graph itself and the root. */
static int
push_referent(PyObject *obj, void *arg)
{
    struct referrers *w = arg;
    if (obj == (PyObject *)w->rg || obj == w->hv->root)
        return 0;
    if (stack_push(&w->todo, obj) < 0)
        return -1;
    Py_INCREF(obj);
    return 0;
}

/* obj leads to a target: so does the newest object of the path, which
   refers to it. 0, or -1 with an exception. */
static int
link_to_path(struct referrers *w, PyObject *obj)
{
    if (!w->depth)
        return 0;
    struct trail *parent = &w->path[w->depth - 1];
    parent->leads = 1;
    return ng_add_edge(w->rg, obj, parent->obj);
}

/* Leave the newest object of the path; 0, or -1 with an exception. */
static int
leave(struct referrers *w)
{
    struct trail t = w->path[--w->depth];
    int r = t.remembered ? sets_remove(w->on_path, t.obj) : 0;
    int again = r >= 0 && Py_REFCNT(t.obj) > MET_ONCE;
    if (r >= 0 && t.leads) {
        if (again && (r = sets_add(w->leading, t.obj)) >= 0)
            note(w, t.obj, LEADS);
        if (r >= 0)
            r = link_to_path(w, t.obj);
    } else if (again && (r = sets_add(w->dead_ends, t.obj)) >= 0)
        note(w, t.obj, DEAD_END);
    Py_DECREF(t.obj);
    return r < 0 ? -1 : 0;
}

/* The fate of obj, met before (remembered) or not: UNKNOWN when it is
   to be walked (*on_path tells if it is on the path already), LEADS
   when it was walked and leads to a target, DEAD_END when it is to be
   skipped; -1 on error. *target is whether obj is a target, or -1 when
   that is not known yet. */
static int
judge(struct referrers *w, PyObject *obj, const struct hv_typeinfo *ti,
      int remembered, int *on_path, int *target)
{
    *on_path = 0;
    *target = -1;
    /* An object without referents matters only if it is a target. */
    if (ti->trav == HV_TRAV_NONE && ti->hide == HV_HIDE_DICT &&
        (*target = sets_has(w->targets, obj)) <= 0)
        return *target < 0 ? -1 : DEAD_END;
    if (!remembered)
        return UNKNOWN;
    int r = sets_has(w->dead_ends, obj);
    if (r)
        return r < 0 ? -1 : (note(w, obj, DEAD_END), DEAD_END);
    if ((r = sets_has(w->leading, obj)))
        return r < 0 ? -1 : (note(w, obj, LEADS), LEADS);
    *on_path = sets_add(w->on_path, obj);
    return *on_path < 0 ? -1 : UNKNOWN;
}

/* Enter obj, a reference the walk owns; 0 or -1. */
static int
enter(struct referrers *w, PyObject *obj)
{
    int remembered = Py_REFCNT(obj) > MET_ONCE, on_path = 0, target = -1;
    int fate = remembered ? (int)recall(w, obj) : UNKNOWN;
    struct hv_typeinfo *ti = hv_typeinfo(w->hv, Py_TYPE(obj));
    if (!ti)
        fate = -1;
    else if (fate == UNKNOWN)
        fate = judge(w, obj, ti, remembered, &on_path, &target);
    if (fate == UNKNOWN && !on_path && target < 0 &&
        (target = sets_has(w->targets, obj)) < 0)
        fate = -1;
    if (fate != UNKNOWN) {
        int r = fate == LEADS ? link_to_path(w, obj) : fate < 0 ? -1 : 0;
        Py_DECREF(obj);
        return r;
    }
    if (push_trail(w, obj, on_path || target, remembered) < 0) {
        Py_DECREF(obj);
        return -1;
    }
    if (stack_push(&w->todo, NULL) < 0)
        return -1;
    if (!on_path && hv_traverse_as(w->hv, ti, obj, push_referent, w) < 0)
        return -1;
    return 0;
}

static int
walk(struct referrers *w)
{
    if (stack_push(&w->todo, Py_NewRef(w->hv->root)) < 0) {
        Py_DECREF(w->hv->root);
        return -1;
    }
    while (w->todo.len) {
        PyObject *obj = stack_pop(&w->todo);
        if ((obj ? enter(w, obj) : leave(w)) < 0)
            return -1;
    }
    return 0;
}

PyObject *
hv_update_referrers(NyHeapViewObject *hv, PyObject *args)
{
    struct referrers w = {.hv = hv, .todo = STACK_INIT};
    if (!PyArg_ParseTuple(args, "O!O!:update_referrers", &NyNodeGraph_Type,
                          &w.rg, sets_api->type, &w.targets))
        return NULL;
    int ok = (w.dead_ends = hv_new_set(hv)) && (w.leading = hv_new_set(hv)) &&
             (w.on_path = hv_new_set(hv)) && walk(&w) == 0;
    stack_free_refs(&w.todo);
    while (w.depth)
        Py_DECREF(w.path[--w.depth].obj);
    PyMem_Free(w.path);
    Py_XDECREF(w.dead_ends);
    Py_XDECREF(w.leading);
    Py_XDECREF(w.on_path);
    if (!ok)
        return NULL;
    Py_RETURN_NONE;
}

/* update_referrers_completely --------------------------------------------- */

struct complete {
    NyHeapViewObject *hv;
    NyNodeGraphObject *rg;
    PyObject *referrer;           /* borrowed */
};

static int
complete_visit(PyObject *obj, void *arg)
{
    struct complete *c = arg;
    if (hv_is_hidden(c->hv, obj))
        return 0;
    return ng_add_edge(c->rg, obj, c->referrer);
}

/* The referents of every object the collector tracks. Nodegraphs are
   left out; a nodeset of the view stands for no referrer (None). The
   traversal sees hidden objects' referents: the tag is None meanwhile. */
static int
add_all(struct complete *c, PyObject *objects, PyObject *tag)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(objects); i++) {
        PyObject *obj = PyList_GET_ITEM(objects, i);
        if (ng_check(obj))
            continue;
        c->referrer = obj;
        if (sets_check(obj) && ((NyNodeSetObject *)obj)->_hiding_tag_ == tag)
            c->referrer = Py_None;
        if (hv_traverse(c->hv, obj, complete_visit, c) < 0)
            return -1;
    }
    return 0;
}

PyObject *
hv_update_referrers_completely(NyHeapViewObject *hv, PyObject *args)
{
    struct complete c = {.hv = hv};
    if (!PyArg_ParseTuple(args, "O!:update_referrers_completely",
                          &NyNodeGraph_Type, &c.rg))
        return NULL;
    PyObject *objects = gc_objects();
    if (!objects)
        return NULL;
    ng_clear(c.rg);
    PyObject *tag = hv->_hiding_tag_;
    hv->_hiding_tag_ = Py_NewRef(Py_None);
    int r = add_all(&c, objects, tag);
    Py_SETREF(hv->_hiding_tag_, tag);
    Py_DECREF(objects);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}
