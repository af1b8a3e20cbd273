/* dealloc_hook.c: being told when objects are deallocated. CPython 3.11
   has no hook for that (3.13 adds PyRefTracer), so the tp_dealloc slot
   of the static base type of each object watched is replaced by one that
   calls the hook first. Heap types deallocate through their static base
   type's slot, read at the time of the call, so they are covered too. The
   original slots are put back when no one listens any more. */
#include "heapyc.h"

/* A type whose slot was replaced, and what was there. Entries stay for
   the life of the process: a static type made ready while a slot was
   replaced has copied the replacement, and finds its original through
   its base's entry. */
struct patch {
    PyTypeObject *type;           /* a static type */
    destructor original;          /* its own tp_dealloc */
    int active;                   /* tp_dealloc is replaced */
};

static struct {
    struct patch *slots;          /* open addressing by type address */
    size_t mask;                  /* size - 1, or 0 when empty */
    size_t used;
    void (*hook)(PyObject *);     /* NULL: no one listens */
} patches;

static size_t
slot_of(const PyTypeObject *type)
{
    return ((uintptr_t)type >> 4) & patches.mask;
}

static struct patch *
find(const PyTypeObject *type)
{
    if (!patches.slots)
        return NULL;
    for (size_t i = slot_of(type);; i = (i + 1) & patches.mask) {
        if (patches.slots[i].type == type)
            return &patches.slots[i];
        if (!patches.slots[i].type)
            return NULL;
    }
}

/* The original deallocator for objects of type, a static type. */
static destructor
original_of(PyTypeObject *type)
{
    for (PyTypeObject *t = type; t; t = t->tp_base) {
        struct patch *p = find(t);
        if (p)
            return p->original;
    }
    Py_FatalError("heapyc: deallocator of a watched type not found");
}

static PyTypeObject *
static_base(PyTypeObject *type)
{
    while (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        type = type->tp_base;
    return type;
}

static void
hooked_dealloc(PyObject *obj)
{
    if (patches.hook)
        patches.hook(obj);
    original_of(static_base(Py_TYPE(obj)))(obj);
}

/* Make room for one more entry; 0, or -1 with MemoryError. */
static int
reserve(void)
{
    size_t size = patches.slots ? patches.mask + 1 : 0;
    if ((patches.used + 1) * 2 <= size)
        return 0;
    size_t newsize = size ? 2 * size : 64;
    struct patch *old = patches.slots;
    struct patch *slots = PyMem_Calloc(newsize, sizeof *slots);
    if (!slots) {
        PyErr_NoMemory();
        return -1;
    }
    patches.slots = slots;
    patches.mask = newsize - 1;
    for (size_t i = 0; i < size; i++)
        if (old[i].type) {
            size_t j = slot_of(old[i].type);
            while (slots[j].type)
                j = (j + 1) & patches.mask;
            slots[j] = old[i];
        }
    PyMem_Free(old);
    return 0;
}

int
dealloc_hook_install(PyObject *obj, void (*hook)(PyObject *))
{
    PyTypeObject *type = static_base(Py_TYPE(obj));
    patches.hook = hook;
    /* A slot copied from a watched base is covered by the base's entry. */
    if (type->tp_dealloc == hooked_dealloc)
        return 0;
    struct patch *p = find(type);
    if (!p) {
        if (reserve() < 0)
            return -1;
        size_t i = slot_of(type);
        while (patches.slots[i].type)
            i = (i + 1) & patches.mask;
        p = &patches.slots[i];
        p->type = type;
        patches.used++;
    }
    if (!p->active) {
        p->original = type->tp_dealloc;
        p->active = 1;
        type->tp_dealloc = hooked_dealloc;
    }
    return 0;
}

void
dealloc_hook_remove_all(void)
{
    patches.hook = NULL;
    for (size_t i = 0; patches.slots && i <= patches.mask; i++) {
        struct patch *p = &patches.slots[i];
        if (p->type && p->active) {
            p->type->tp_dealloc = p->original;
            p->active = 0;
        }
    }
}
