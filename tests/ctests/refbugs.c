/* refbugs.c: a CPython extension module with the reference and error
 * bugs that the C tests (the ctest format) must find, beside correct
 * members that they must pass; refbugs.gsl specifies it and
 * test_refcounts.py checks the verdicts. Each bad member has one bug. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A Box holds one object; a View holds a Box without telling the
 * collector (it is not tracked), as some iterators do. */
typedef struct {
	PyObject_HEAD
	PyObject *item;                 /* owned */
} Box;

typedef struct {
	PyObject_HEAD
	PyObject *box;                  /* owned */
} View;

static PyTypeObject Box_Type, View_Type, BadSlots_Type;

static int Box_traverse(Box *self, visitproc visit, void *arg)
{
	Py_VISIT(self->item);
	return 0;
}

static int Box_clear(Box *self)
{
	Py_CLEAR(self->item);
	return 0;
}

static void Box_dealloc(Box *self)
{
	PyObject_GC_UnTrack(self);
	Box_clear(self);
	PyObject_GC_Del(self);
}

/* ---- Correct members ---- */

/* Box(x): a new reference to a box holding x. */
static PyObject *Box_new(PyObject *module, PyObject *x)
{
	Box *b = PyObject_GC_New(Box, &Box_Type);
	if (!b)
		return NULL;
	Py_INCREF(x);
	b->item = x;
	PyObject_GC_Track(b);
	(void)module;
	return (PyObject *)b;
}

/* put(x): holds x instead (borrowed argument, stored with a new reference). */
static PyObject *Box_put(Box *self, PyObject *x)
{
	Py_INCREF(x);
	Py_SETREF(self->item, x);
	Py_RETURN_NONE;
}

/* get(): a new reference to the item. */
static PyObject *Box_get(Box *self, PyObject *unused)
{
	(void)unused;
	Py_INCREF(self->item);
	return self->item;
}

/* same(): a new reference to the box. */
static PyObject *Box_same(Box *self, PyObject *unused)
{
	(void)unused;
	Py_INCREF(self);
	return (PyObject *)self;
}

/* view(): a new View holding a new reference to the box. */
static PyObject *Box_view(Box *self, PyObject *unused)
{
	View *v = PyObject_New(View, &View_Type);
	(void)unused;
	if (!v)
		return NULL;
	Py_INCREF(self);
	v->box = (PyObject *)self;
	return (PyObject *)v;
}

static Py_ssize_t Box_length(Box *self)
{
	(void)self;
	return 1;
}

/* ---- Bad members ---- */

/* The item, borrowed, returned as if new. */
static PyObject *Box_get_borrowed(Box *self, PyObject *unused)
{
	(void)unused;
	return self->item;
}

/* The box, borrowed, returned as if new. */
static PyObject *Box_same_borrowed(Box *self, PyObject *unused)
{
	(void)unused;
	return (PyObject *)self;
}

/* Releases the borrowed argument. */
static PyObject *Box_release_arg(Box *self, PyObject *x)
{
	(void)self;
	Py_DECREF(x);
	Py_RETURN_NONE;
}

/* Takes a reference to the argument and keeps it nowhere. */
static PyObject *Box_leak_arg(Box *self, PyObject *x)
{
	(void)self;
	Py_INCREF(x);
	Py_RETURN_NONE;
}

/* Takes a reference to the box and keeps it nowhere. */
static PyObject *Box_leak_self(Box *self, PyObject *unused)
{
	(void)unused;
	Py_INCREF(self);
	Py_RETURN_NONE;
}

/* Fails without saying why. */
static PyObject *Box_null_without_error(Box *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	return NULL;
}

/* Succeeds with an exception set. */
static PyObject *Box_value_with_error(Box *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	PyErr_SetString(PyExc_RuntimeError, "left set");
	Py_RETURN_NONE;
}

static Py_ssize_t BadSlots_length(PyObject *self)
{
	(void)self;
	return -1;
}

static PyObject *BadSlots_add(PyObject *self, PyObject *other)
{
	(void)self;
	(void)other;
	return NULL;
}

/* ---- Types and module ---- */

static void View_dealloc(View *self)
{
	Py_DECREF(self->box);
	PyObject_Free(self);
}

static PyMethodDef Box_methods[] = {
	{ "put", (PyCFunction)Box_put, METH_O, NULL },
	{ "get", (PyCFunction)Box_get, METH_NOARGS, NULL },
	{ "same", (PyCFunction)Box_same, METH_NOARGS, NULL },
	{ "view", (PyCFunction)Box_view, METH_NOARGS, NULL },
	{ "get_borrowed", (PyCFunction)Box_get_borrowed, METH_NOARGS, NULL },
	{ "same_borrowed", (PyCFunction)Box_same_borrowed, METH_NOARGS, NULL },
	{ "release_arg", (PyCFunction)Box_release_arg, METH_O, NULL },
	{ "leak_arg", (PyCFunction)Box_leak_arg, METH_O, NULL },
	{ "leak_self", (PyCFunction)Box_leak_self, METH_NOARGS, NULL },
	{ "null_without_error", (PyCFunction)Box_null_without_error, METH_NOARGS, NULL },
	{ "value_with_error", (PyCFunction)Box_value_with_error, METH_NOARGS, NULL },
	{ NULL, NULL, 0, NULL },
};

static PySequenceMethods Box_as_sequence = { .sq_length = (lenfunc)Box_length };
static PySequenceMethods BadSlots_as_sequence = { .sq_length = BadSlots_length };
static PyNumberMethods BadSlots_as_number = { .nb_add = BadSlots_add };

static PyTypeObject Box_Type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "refbugs.Box",
	.tp_basicsize = sizeof(Box),
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
	.tp_dealloc = (destructor)Box_dealloc,
	.tp_traverse = (traverseproc)Box_traverse,
	.tp_clear = (inquiry)Box_clear,
	.tp_methods = Box_methods,
	.tp_as_sequence = &Box_as_sequence,
};

static PyTypeObject View_Type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "refbugs.View",
	.tp_basicsize = sizeof(View),
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_dealloc = (destructor)View_dealloc,
};

static PyTypeObject BadSlots_Type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "refbugs.BadSlots",
	.tp_basicsize = sizeof(PyObject),
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_new = PyType_GenericNew,
	.tp_as_sequence = &BadSlots_as_sequence,
	.tp_as_number = &BadSlots_as_number,
};

static PyMethodDef module_methods[] = {
	{ "Box", Box_new, METH_O, NULL },
	{ NULL, NULL, 0, NULL },
};

static struct PyModuleDef module = {
	PyModuleDef_HEAD_INIT,
	.m_name = "refbugs",
	.m_size = -1,
	.m_methods = module_methods,
};

PyMODINIT_FUNC PyInit_refbugs(void);

PyMODINIT_FUNC PyInit_refbugs(void)
{
	if (PyType_Ready(&Box_Type) < 0 || PyType_Ready(&View_Type) < 0 ||
	    PyType_Ready(&BadSlots_Type) < 0)
		return NULL;
	PyObject *m = PyModule_Create(&module);
	if (m && PyModule_AddObjectRef(m, "BadSlots", (PyObject *)&BadSlots_Type) < 0)
		Py_CLEAR(m);
	return m;
}
