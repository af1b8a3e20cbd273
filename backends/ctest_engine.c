/* ctest_engine.c: what every C conformance test that gslc writes carries
 * before its tables (backends/ctest.c writes those): it embeds CPython,
 * makes the objects under test, makes the planned calls through the C
 * API, checks what each call does with references and exceptions, and
 * prints TAP. Not part of gslc: the build copies this file into gslc as
 * text. Compiled alone, it is a program with no tests. */
#define PY_SSIZE_T_CLEAN
#include <patchlevel.h>
#ifndef Py_LIMITED_API
/* The stable ABI of the interpreter the test is built against. */
#define Py_LIMITED_API (PY_VERSION_HEX & 0xffff0000)
#endif
#include <Python.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- The tables ------------------------------------------------------------ */

/* A range of entries of one of the document's arrays. */
struct ct_span {
	uint32_t first;
	uint32_t n;
};

/* An example of the specification: a Python expression, or, when it has
 * a context, the definition of a function get_ex_N(self) returning it. */
struct ct_example {
	const char *where;              /* "stacks.gsl:18" */
	const char *code;
	const char *function;           /* "get_ex_1"; NULL when code is an expression */
	const char *text;               /* as the Python tests write it: "self.get_ex_1()" */
};

/* A condition: the definition of a function cond_N(self, ...) that is
 * true when the condition holds. */
struct ct_condition {
	const char *id;                 /* ".tgt.stacks.Stack.cond:holds" */
	const char *where;
	const char *code;
	const char *function;           /* "cond_0" */
};

/* An argument. */
struct ct_value {
	uint32_t example;
	const char *keyword;            /* NULL: positional */
};

/* Operands of checks are values (from 0), or one of these. */
enum { CT_SOURCE = -1, CT_RESULT = -2 };

/* A condition applied to operands: the object called, what it gave, or
 * an argument, evaluated anew as the Python tests do. */
struct ct_check {
	uint32_t condition;
	bool negated;
	struct ct_span operands;        /* in document.operands */
	const char *where;              /* the `.postcondition` */
	const char *text;               /* as written: "not Stack.empty(s)" */
};

/* What the precondition check gives before the call equals what each
 * post check gives after it. */
struct ct_equation {
	uint32_t pre;                   /* a check */
	struct ct_span posts;           /* checks */
};

/* How a call is made; S is the object, A the arguments, T the result. */
enum ct_op {
	CT_GETATTR,                     /* T = S.name */
	CT_CALLATTR,                    /* T = S.name(A) */
	CT_CALL,                        /* T = S(A) */
	CT_BINARY,                      /* T = binary(S, A); binary(A, S) reversed */
	CT_POWER,                       /* T = ternary(S, A, None) */
	CT_UNARY,                       /* T = unary(S): iter(S), abs(S) */
	CT_COMPARE,                     /* T = S compare A; A compare S reversed */
	CT_CONTAINS,                    /* T = S in A; A in S reversed */
	CT_IDENTITY,                    /* T = S is A */
	CT_SIZE,                        /* T = size(S): len(S), hash(S) */
	CT_TRUTH,                       /* T = truth(S): bool(S) */
	CT_BUILTIN,                     /* T = builtins.name(S, A) */
	CT_GETITEM,                     /* T = S[A] */
	CT_SETITEM,                     /* S[A but the last] = the last */
	CT_DELITEM,                     /* del S[A] */
	CT_EITHER,                      /* S is of one of several kinds: no call */
	CT_ALTERNATIVE,                 /* ... of this one (name) */
};

struct ct_arrow {
	enum ct_op op;
	const char *name;               /* attribute, operator, builtin, or kind */
	PyObject *(*unary)(PyObject *);
	PyObject *(*binary)(PyObject *, PyObject *);
	PyObject *(*ternary)(PyObject *, PyObject *, PyObject *);
	Py_ssize_t (*size)(PyObject *);
	int (*truth)(PyObject *);
	int compare;                    /* Py_LT ... */
	bool reversed;                  /* the object is the right operand */
	bool negated;                   /* not in, is not */
	struct ct_span args;            /* values */
	const char *member;             /* "Stack.push" */
	const char *where;              /* "stacks.gsl:46" */
	const char *statement;          /* as the Python tests write it; \001 stands
					   for the object, \002 for the result */
	int32_t setup;                  /* an arrow called first to make the
					   preconditions true, or -1 */
	struct ct_span posts;           /* checks */
	struct ct_span equations;
};

/* The steps of the tests: each an arrow taken from what the step above
 * gave. Steps share the steps below them: the table is a DAG, run as
 * the tree it stands for. */
struct ct_step {
	uint32_t arrow;
	int32_t first_child;            /* -1: none */
	int32_t next;                   /* the next sibling, or -1 */
	uint32_t statements;            /* in the tree below it, itself included */
};

/* A tested kind: how its objects are made (an example, then constructor
 * calls), and its steps. Each first step is a test, on a new object. */
struct ct_kind {
	const char *tgt;                /* ".tgt.stacks.Stack" */
	const char *where;
	int32_t example;                /* -1: no way to make one */
	const char *example_of;         /* the kind the example is of */
	struct ct_span constructs;      /* arrows */
	int32_t first_step;             /* -1: nothing to test */
};

struct ct_document {
	const char *name;
	const char *where;              /* its `.document:` */
	const struct ct_example *examples;
	uint32_t nexamples;
	const struct ct_condition *conditions;
	uint32_t nconditions;
	const struct ct_value *values;
	const int32_t *operands;
	const struct ct_check *checks;
	const struct ct_equation *equations;
	const struct ct_arrow *arrows;
	const struct ct_step *steps;
	const struct ct_kind *kinds;
	uint32_t nkinds;
	uint32_t ntests;
};

/* Defined by the tables after this file. */
static const struct ct_document document;

/* ---- Texts ----------------------------------------------------------------- */

struct text {
	char *s;                        /* NUL-terminated when not NULL */
	size_t len;
	size_t cap;
};

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 16;
	while (n < need)
		n *= 2;
	p = realloc(p, n * size);
	if (!p) {
		fputs("Bail out! out of memory\n", stdout);
		exit(2);
	}
	*cap = n;
	return p;
}

static void text_vadd(struct text *t, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	t->s = grow(t->s, &t->cap, t->len + (size_t)n + 1, 1);
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
	t->len += (size_t)n;
}

static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	text_vadd(t, fmt, ap);
	va_end(ap);
}

static void text_clear(struct text *t)
{
	t->len = 0;
	if (t->s)
		t->s[0] = '\0';
}

static const char *plural(Py_ssize_t n)
{
	return n == 1 ? "" : "s";
}

static const char *text_str(const struct text *t)
{
	return t->s ? t->s : "";
}

/* Appends a statement template with the names of the object and the
 * result put in, on one line. */
static void text_statement(struct text *t, const char *template, const char *src, const char *dst)
{
	for (const char *p = template; *p; p++) {
		size_t n = strcspn(p, "\001\002\n");
		text_add(t, "%.*s", (int)n, p);
		p += n;
		if (!*p)
			break;
		text_add(t, "%s", *p == '\001' ? src : *p == '\002' ? dst : "; ");
	}
}

/* ---- Python ---------------------------------------------------------------- */

/* What the tests share, made once. */
static struct {
	PyObject *module;               /* `self` of examples and conditions */
	PyObject *globals;              /* its dict (borrowed): where they run */
	PyObject *builtins;             /* the builtins module */
	PyObject *referents;            /* gc.get_referents */
	PyObject **examples;            /* by example: its code, or its function */
	PyObject **conditions;          /* by condition: its function */
} py;

static PyObject *new_ref(PyObject *o)
{
	Py_INCREF(o);
	return o;
}

/* Appends str(o), or what if that fails. */
static void text_object(struct text *t, PyObject *o, const char *what)
{
	PyObject *s = o ? PyObject_Str(o) : NULL;
	PyObject *b = s ? PyUnicode_AsUTF8String(s) : NULL;
	const char *c = b ? PyBytes_AsString(b) : NULL;
	text_add(t, "%s", c ? c : what);
	if (!c)
		PyErr_Clear();
	Py_XDECREF(b);
	Py_XDECREF(s);
}

/* Takes the exception raised: a new reference (NULL if none); the error
 * indicator is cleared. */
static PyObject *take_exception(void)
{
#if PY_VERSION_HEX >= 0x030C0000
	return PyErr_GetRaisedException();
#else
	PyObject *type, *value, *tb;
	PyErr_Fetch(&type, &value, &tb);
	PyErr_NormalizeException(&type, &value, &tb);
	Py_XDECREF(type);
	Py_XDECREF(tb);
	return value;
#endif
}

/* Appends "TypeError: message" for the exception raised, and clears
 * it, releasing its traceback and the frames that hold objects of the
 * test. Returns whether it is the interpreter's complaint that a C
 * function broke the protocol of results. */
static bool text_exception(struct text *t)
{
	PyObject *exc = take_exception();
	PyObject *name = exc ? PyObject_GetAttrString((PyObject *)Py_TYPE(exc), "__name__") : NULL;
	text_object(t, name, "an exception");
	Py_XDECREF(name);
	size_t at = t->len;
	text_add(t, ": ");
	text_object(t, exc, "?");
	bool broken = exc && PyErr_GivenExceptionMatches(exc, PyExc_SystemError) &&
		      (strstr(t->s + at, "without setting an exception") ||
		       strstr(t->s + at, "with an exception set"));
	Py_XDECREF(exc);
	PyErr_Clear();
	return broken;
}

/* A new reference to a new value of example i; NULL with an exception
 * set. */
static PyObject *example_value(uint32_t i)
{
	if (document.examples[i].function)
		return PyObject_CallFunctionObjArgs(py.examples[i], py.module, NULL);
	return PyEval_EvalCode(py.examples[i], py.globals, py.globals);
}

/* Compiles code named where and runs it (mode Py_file_input) or keeps
 * it (Py_eval_input): a new reference to the code or to the function it
 * defines; NULL, said in t, when it fails. */
static PyObject *prepare_code(const char *code, const char *where, const char *function,
			      struct text *t)
{
	PyObject *c = Py_CompileString(code, where, function ? Py_file_input : Py_eval_input);
	if (c && function) {
		PyObject *r = PyEval_EvalCode(c, py.globals, py.globals);
		Py_DECREF(c);
		c = r ? PyDict_GetItemString(py.globals, function) : NULL;
		Py_XDECREF(r);
		Py_XINCREF(c);
	}
	if (!c) {
		text_add(t, "%s: compiling ", where);
		text_exception(t);
	}
	return c;
}

/* Makes what the tests share; false, said in t, when something of the
 * specification does not compile. */
static bool prepare(struct text *t)
{
	py.module = PyModule_New(document.name ? document.name : "ctest");
	py.globals = py.module ? PyModule_GetDict(py.module) : NULL;
	py.builtins = PyImport_ImportModule("builtins");
	PyObject *gc = PyImport_ImportModule("gc");
	py.referents = gc ? PyObject_GetAttrString(gc, "get_referents") : NULL;
	Py_XDECREF(gc);
	if (!py.globals || !py.builtins || !py.referents ||
	    PyDict_SetItemString(py.globals, "__builtins__", py.builtins) < 0) {
		text_add(t, "starting: ");
		text_exception(t);
		return false;
	}
	py.examples = calloc(document.nexamples + 1, sizeof *py.examples);
	py.conditions = calloc(document.nconditions + 1, sizeof *py.conditions);
	if (!py.examples || !py.conditions)
		return false;
	for (uint32_t i = 0; i < document.nexamples; i++) {
		const struct ct_example *x = &document.examples[i];
		if (!(py.examples[i] = prepare_code(x->code, x->where, x->function, t)))
			return false;
	}
	for (uint32_t i = 0; i < document.nconditions; i++) {
		const struct ct_condition *c = &document.conditions[i];
		if (!(py.conditions[i] = prepare_code(c->code, c->where, c->function, t)))
			return false;
	}
	return true;
}

static void unprepare(void)
{
	for (uint32_t i = 0; py.examples && i < document.nexamples; i++)
		Py_XDECREF(py.examples[i]);
	for (uint32_t i = 0; py.conditions && i < document.nconditions; i++)
		Py_XDECREF(py.conditions[i]);
	free(py.examples);
	free(py.conditions);
	Py_XDECREF(py.referents);
	Py_XDECREF(py.builtins);
	Py_XDECREF(py.module);
}

/* ---- References -------------------------------------------------------------- */

/* References owned: each entry one. */
struct refs {
	PyObject **v;
	size_t n;
	size_t cap;
};

/* Keeps o (steals it). */
static void refs_push(struct refs *r, PyObject *o)
{
	r->v = grow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = o;
}

/* Releases the references from the n-th on. */
static void refs_release(struct refs *r, size_t n)
{
	while (r->n > n)
		Py_DECREF(r->v[--r->n]);
}

static Py_ssize_t refs_count(const struct refs *r, PyObject *o)
{
	Py_ssize_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->v[i] == o;
	return n;
}

/* How many of the items of a tuple or values of a dict are o. */
static Py_ssize_t items_count(PyObject *container, PyObject *o)
{
	Py_ssize_t n = 0;
	if (!container)
		return 0;
	if (PyTuple_Check(container)) {
		for (Py_ssize_t i = 0; i < PyTuple_Size(container); i++)
			n += PyTuple_GetItem(container, i) == o;
		return n;
	}
	Py_ssize_t pos = 0;
	PyObject *key, *value;
	while (PyDict_Next(container, &pos, &key, &value))
		n += (key == o) + (value == o);
	return n;
}

/* Calls f on each object that gc.get_referents finds in x, that is,
 * each reference that x holds as its type's tp_traverse tells. */
static void each_referent(PyObject *x, void (*f)(PyObject *, void *), void *data)
{
	PyObject *list = PyObject_CallFunctionObjArgs(py.referents, x, NULL);
	if (!list) {
		PyErr_Clear();
		return;
	}
	for (Py_ssize_t i = 0; i < PyList_Size(list); i++)
		f(PyList_GetItem(list, i), data);
	Py_DECREF(list);
}

/* A count by object address (borrowed): the references a test holds to
 * each object, or the objects a walk has seen. */
struct tally {
	PyObject **keys;                /* NULL: an empty slot */
	Py_ssize_t *counts;
	size_t cap;                     /* a power of two, or 0 */
	size_t n;                       /* keys */
};

static size_t tally_slot(const struct tally *t, PyObject *o)
{
	size_t mask = t->cap - 1, i = ((uintptr_t)o >> 4) * 0x9e3779b97f4a7c15u >> 7 & mask;
	while (t->keys[i] && t->keys[i] != o)
		i = (i + 1) & mask;
	return i;
}

/* Adds delta to the count of o; the count before. */
static Py_ssize_t tally_add(struct tally *t, PyObject *o, Py_ssize_t delta)
{
	if (2 * (t->n + 1) > t->cap) {
		struct tally old = *t;
		t->cap = old.cap ? 2 * old.cap : 256;
		t->keys = calloc(t->cap, sizeof *t->keys);
		t->counts = calloc(t->cap, sizeof *t->counts);
		if (!t->keys || !t->counts) {
			fputs("Bail out! out of memory\n", stdout);
			exit(2);
		}
		t->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i])
				tally_add(t, old.keys[i], old.counts[i]);
		free(old.keys);
		free(old.counts);
	}
	size_t i = tally_slot(t, o);
	t->n += !t->keys[i];
	t->keys[i] = o;
	Py_ssize_t before = t->counts[i];
	t->counts[i] += delta;
	return before;
}

static Py_ssize_t tally_get(const struct tally *t, PyObject *o)
{
	if (!t->cap)
		return 0;
	size_t i = tally_slot(t, o);
	return t->keys[i] ? t->counts[i] : 0;
}

static void tally_free(struct tally *t)
{
	free(t->keys);
	free(t->counts);
	*t = (struct tally){ 0 };
}

/* The references to one object that the objects a test holds make,
 * directly or through other objects; modules and types are not followed
 * (they lead to the whole interpreter) unless the test holds them. */
#define CLOSURE_LIMIT 200000

struct closure {
	PyObject *target;
	Py_ssize_t found;               /* references to target seen */
	struct tally seen;
	struct refs queue;              /* borrowed, despite the type */
	size_t head;
};

static void enqueue(struct closure *c, PyObject *y)
{
	if (c->seen.n < CLOSURE_LIMIT && !tally_add(&c->seen, y, 1)) {
		c->queue.v = grow(c->queue.v, &c->queue.cap, c->queue.n + 1, sizeof *c->queue.v);
		c->queue.v[c->queue.n++] = y;
	}
}

static void visit(PyObject *y, void *data)
{
	struct closure *c = data;
	c->found += y == c->target;
	if (!PyModule_Check(y) && !PyType_Check(y) && y != py.module)
		enqueue(c, y);
}

/* The references to o from the objects reachable from those of holders
 * (which hold o themselves); -1 when there were too many to tell. */
static Py_ssize_t references_among(const struct refs *const *holders, size_t nholders, PyObject *o)
{
	struct closure c = { .target = o };
	for (size_t h = 0; h < nholders; h++)
		for (size_t i = 0; i < holders[h]->n; i++)
			enqueue(&c, holders[h]->v[i]);
	while (c.head < c.queue.n)
		each_referent(c.queue.v[c.head++], visit, &c);
	bool complete = c.seen.n < CLOSURE_LIMIT;
	tally_free(&c.seen);
	free(c.queue.v);
	return complete ? c.found : -1;
}

/* ---- Calls ----------------------------------------------------------------- */

/* An object that gained references in a call that no object of the test
 * accounts for: a leak, unless they go when the objects of the test do
 * (an object may hold references that its type does not traverse). */
struct suspect {
	char *call;                     /* the call, as t->head said it */
	char *role;                     /* which of its objects: "argument 1" */
	Py_ssize_t unaccounted;
};

/* A test: the references it owns and how it went. */
struct test {
	struct refs held;               /* the object under test, what calls gave */
	struct tally held_count;        /* ... by object */
	struct refs suspected;          /* the suspects, each held once more */
	struct suspect *suspects;
	size_t nsuspects, suspects_cap;
	uint32_t nvars;                 /* t0, t1 ... given so far */
	bool failed;
	bool contract;                  /* it broke the rules of the C API: no
					   alternative of an either group excuses it */
	struct text failure;
	struct text head;               /* "where: member: statement", of the call made */
};

static void fail(struct test *t, bool contract, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	text_clear(&t->failure);
	text_vadd(&t->failure, fmt, ap);
	va_end(ap);
	t->failed = true;
	t->contract |= contract;
}

/* One call being made. */
#define MAX_ARGS 64

struct call {
	const struct ct_arrow *a;
	PyObject *src;
	struct refs refs;               /* what the call owns: arguments, preconditions'
					   values, the object once more, the result */
	PyObject *values[MAX_ARGS];     /* the arguments (borrowed from refs) */
	uint32_t nvalues;
	PyObject *args;                 /* positional arguments, owned */
	PyObject *kwargs;               /* keyword arguments, owned, or NULL */
	PyObject *key;                  /* the key of an item, owned, or NULL */
	PyObject *result;               /* borrowed from refs */
	const char *broken;             /* how the call broke the C API's rules */
};

/* The references to o that the test and the call own. */
static Py_ssize_t owned(const struct test *t, const struct call *c, PyObject *o)
{
	return tally_get(&t->held_count, o) + refs_count(&c->refs, o) + items_count(c->args, o) +
	       items_count(c->kwargs, o) + items_count(c->key, o);
}

/* Keeps o, a new reference, until the test ends. */
static void hold(struct test *t, PyObject *o)
{
	refs_push(&t->held, o);
	tally_add(&t->held_count, o, 1);
}

/* What a C API function that returns an int gave, -1 meaning an
 * exception, as an object: an int, a bool or None. Breaking that
 * protocol is noted in c. */
enum status_as { AS_INT, AS_BOOL, AS_NOT, AS_NONE };

static PyObject *from_status(struct call *c, Py_ssize_t n, enum status_as as)
{
	bool raised = PyErr_Occurred() != NULL;
	if (n == -1 && !raised)
		c->broken = "it returned -1 without setting an exception";
	else if (n != -1 && raised)
		c->broken = "it returned a value with an exception set";
	if (n == -1 || raised)
		return NULL;
	if (as == AS_BOOL || as == AS_NOT)
		return PyBool_FromLong((long)(n != 0) != (as == AS_NOT));
	if (as == AS_NONE)
		return new_ref(Py_None);
	return PyLong_FromSsize_t(n);
}

/* The arguments as one operand: the only one, or a tuple (new reference). */
static PyObject *pack(PyObject *const *v, uint32_t n)
{
	if (n == 1) {
		Py_INCREF(v[0]);
		return v[0];
	}
	PyObject *tuple = PyTuple_New(n);
	for (uint32_t i = 0; tuple && i < n; i++) {
		Py_INCREF(v[i]);
		PyTuple_SetItem(tuple, i, v[i]);
	}
	return tuple;
}

/* Makes the call through the C API: a new reference, or NULL (with an
 * exception set, unless the function called broke the rules). */
static PyObject *apply(struct test *t, struct call *c)
{
	const struct ct_arrow *a = c->a;
	PyObject *s = c->src, *operand = c->nvalues == 1 ? c->values[0] : NULL;
	PyObject *left = a->reversed ? operand : s, *right = a->reversed ? s : operand;
	switch (a->op) {
	case CT_GETATTR:
		return PyObject_GetAttrString(s, a->name);
	case CT_CALLATTR: {
		PyObject *m = PyObject_GetAttrString(s, a->name);
		PyObject *r = m ? PyObject_Call(m, c->args, c->kwargs) : NULL;
		Py_XDECREF(m);
		return r;
	}
	case CT_CALL:
		return PyObject_Call(s, c->args, c->kwargs);
	case CT_BUILTIN: {
		PyObject *f = PyObject_GetAttrString(py.builtins, a->name);
		PyObject *r = f ? PyObject_Call(f, c->args, c->kwargs) : NULL;
		Py_XDECREF(f);
		return r;
	}
	case CT_UNARY:
		return a->unary(s);
	case CT_SIZE:
		return from_status(c, a->size(s), AS_INT);
	case CT_TRUTH:
		return from_status(c, a->truth(s), AS_BOOL);
	case CT_GETITEM:
	case CT_DELITEM:
		if (!(c->key = pack(c->values, c->nvalues)))
			return NULL;
		if (a->op == CT_GETITEM)
			return PyObject_GetItem(s, c->key);
		return from_status(c, PyObject_DelItem(s, c->key), AS_NONE);
	case CT_SETITEM:
		if (!c->nvalues) {
			fail(t, false, "%s: an item set needs a value", text_str(&t->head));
			return NULL;
		}
		if (!(c->key = pack(c->values, c->nvalues - 1)))
			return NULL;
		return from_status(c, PyObject_SetItem(s, c->key, c->values[c->nvalues - 1]),
				   AS_NONE);
	case CT_BINARY:
	case CT_POWER:
	case CT_COMPARE:
	case CT_CONTAINS:
	case CT_IDENTITY:
		if (!operand) {
			fail(t, false, "%s: the operator takes one operand, not %u", text_str(&t->head),
			     c->nvalues);
			return NULL;
		}
		if (a->op == CT_BINARY)
			return a->binary(left, right);
		if (a->op == CT_POWER)
			return a->ternary(left, right, Py_None);
		if (a->op == CT_COMPARE)
			return PyObject_RichCompare(left, right, a->compare);
		if (a->op == CT_IDENTITY)
			return PyBool_FromLong((left == right) != a->negated);
		/* `left in right`, or `left not in right` */
		return from_status(c, PySequence_Contains(right, left), a->negated ? AS_NOT : AS_BOOL);
	case CT_EITHER:
	case CT_ALTERNATIVE:
		break;
	}
	return new_ref(Py_None);
}

/* The objects of a call whose references are checked after it: the
 * object called, the arguments, the result; and for each, the references
 * to it that the others hold directly, and whether the test alone held it
 * before the call. */
struct checked {
	PyObject *objects[MAX_ARGS + 2];
	Py_ssize_t direct[MAX_ARGS + 2];
	bool private[MAX_ARGS + 2];
	size_t n;
};

static void count_direct(PyObject *y, void *data)
{
	struct checked *k = data;
	for (size_t i = 0; i < k->n; i++)
		k->direct[i] += y == k->objects[i];
}

/* Says which object of the call o is. */
static void text_role(struct text *r, const struct call *c, PyObject *o)
{
	if (o == c->result && o == c->src)
		text_add(r, "the object it was called on, which it returned,");
	else if (o == c->result)
		text_add(r, "what it returned");
	else if (o == c->src)
		text_add(r, "the object it was called on");
	else
		for (uint32_t i = 0; i < c->nvalues; i++)
			if (c->values[i] == o) {
				text_add(r, "argument %u", i + 1);
				break;
			}
}

/* Checks the references of the objects of a call after it. Each has at
 * least the references the test owns and those the other objects of the
 * call hold (fewer: a borrowed reference returned as a new one, or one
 * released that the call did not own). When the call succeeded (leaks),
 * an object that the test alone held before it may have gained references
 * only from objects the test holds (more: a leak). private[0] says that
 * of the object called, private[i] of argument i. False when a check
 * failed: the test failed. */
static bool check_references(struct test *t, struct call *c, const bool *private, bool leaks)
{
	struct checked k = { .n = 0 };
	k.private[k.n] = private[0];
	k.objects[k.n++] = c->src;
	for (uint32_t i = 0; i < c->nvalues; i++) {
		k.private[k.n] = private[i + 1];
		k.objects[k.n++] = c->values[i];
	}
	if (c->result)
		k.objects[k.n++] = c->result;
	for (size_t i = 0; i < k.n; i++) {
		bool again = false;
		for (size_t j = 0; j < i; j++)
			again |= k.objects[j] == k.objects[i];
		if (!again)
			each_referent(k.objects[i], count_direct, &k);
	}
	for (size_t i = 0; i < k.n; i++) {
		PyObject *o = k.objects[i];
		Py_ssize_t rc = Py_REFCNT(o), own = owned(t, c, o), others = rc - own;
		if (rc < own + k.direct[i]) {
			struct text role = { 0 };
			text_role(&role, c, o);
			fail(t, true, "%s: %s has %zd reference%s, but the test holds %zd and the "
			     "objects of the call %zd more: %s", text_str(&t->head), text_str(&role),
			     rc, plural(rc), own, k.direct[i],
			     o == c->result ? "a borrowed reference returned as a new one, or one "
			     "released that the call did not own" : "the call released a reference "
			     "that it did not own");
			free(role.s);
			/* Gives back what the call took, so that the test's own
			 * releases do not free the object under its holders: the run
			 * goes on to its end. */
			for (Py_ssize_t missing = own + k.direct[i] - rc; missing > 0; missing--)
				Py_INCREF(o);
			return false;
		}
		if (!leaks || !k.private[i] || others <= k.direct[i])
			continue;
		const struct refs *holders[] = { &t->held, &c->refs };
		Py_ssize_t found = references_among(holders, 2, o);
		if (found >= 0 && others > found && refs_count(&t->suspected, o) == 0) {
			t->suspects = grow(t->suspects, &t->suspects_cap, t->nsuspects + 1,
					   sizeof *t->suspects);
			struct text call = { 0 }, role = { 0 };
			text_add(&call, "%s", text_str(&t->head));
			text_role(&role, c, o);
			t->suspects[t->nsuspects++] = (struct suspect){
				.call = call.s, .role = role.s, .unaccounted = others - found };
			refs_push(&t->suspected, new_ref(o));
		}
	}
	return true;
}

/* The verdict on the suspects of a test, once the objects of the test
 * are released and collected: a reference that outlives them all, and
 * that no suspect holds, leaked. */
static void judge_suspects(struct test *t)
{
	if (!t->failed && t->nsuspects)
		PyGC_Collect();
	for (size_t i = 0; i < t->nsuspects && !t->failed; i++) {
		PyObject *o = t->suspected.v[i];
		const struct refs *holders[] = { &t->suspected };
		Py_ssize_t found = references_among(holders, 1, o);
		Py_ssize_t left = Py_REFCNT(o) - refs_count(&t->suspected, o) - found;
		const struct suspect *s = &t->suspects[i];
		if (found >= 0 && left > 0)
			fail(t, true, "%s: the test alone held %s before the call, which gave it %zd "
			     "reference%s that no object of the test holds; %zd outlived every "
			     "object of the test: a leaked reference", s->call, s->role,
			     s->unaccounted, plural(s->unaccounted), left);
	}
	for (size_t i = 0; i < t->nsuspects; i++) {
		free(t->suspects[i].call);
		free(t->suspects[i].role);
	}
	free(t->suspects);
	refs_release(&t->suspected, 0);
	free(t->suspected.v);
}

/* A new reference to what check c gives after a call on src gave dst
 * (NULL before the call: None): the condition's value, or `not` of it
 * when negated, as the Python tests compute it; NULL with an exception
 * set. */
static PyObject *check_value(const struct ct_check *c, PyObject *src, PyObject *dst)
{
	const int32_t *operands = document.operands + c->operands.first;
	PyObject *args = PyTuple_New((Py_ssize_t)c->operands.n + 1);
	if (!args)
		return NULL;
	PyTuple_SetItem(args, 0, new_ref(py.module));
	for (uint32_t i = 0; i < c->operands.n; i++) {
		PyObject *v;
		if (operands[i] == CT_SOURCE)
			v = new_ref(src);
		else if (operands[i] == CT_RESULT)
			v = new_ref(dst ? dst : Py_None);
		else
			v = example_value(document.values[operands[i]].example);
		if (!v) {
			Py_DECREF(args);
			return NULL;
		}
		PyTuple_SetItem(args, (Py_ssize_t)i + 1, v);
	}
	PyObject *r = PyObject_Call(py.conditions[c->condition], args, NULL);
	Py_DECREF(args);
	if (!r || !c->negated)
		return r;
	int truth = PyObject_IsTrue(r);
	Py_DECREF(r);
	return truth < 0 ? NULL : PyBool_FromLong(!truth);
}

/* Checks k after call c: a postcondition holds, or, given what the
 * precondition of its equation gave before the call (pre), gives the
 * same. */
static void check(struct test *t, const struct call *c, const struct ct_check *k, PyObject *pre)
{
	PyObject *v = check_value(k, c->src, c->result);
	int ok = !v ? -1 : pre ? PyObject_RichCompareBool(pre, v, Py_EQ) : PyObject_IsTrue(v);
	Py_XDECREF(v);
	if (ok < 0) {
		fail(t, false, "%s: %s %s: evaluating it after %s raised ", k->where,
		     pre ? "equation" : "postcondition", k->text, text_str(&t->head));
		text_exception(&t->failure);
	} else if (!ok && pre) {
		fail(t, false, "%s: equation: %s after %s does not equal what its precondition "
		     "gave before", k->where, k->text, text_str(&t->head));
	} else if (!ok) {
		fail(t, false, "%s: postcondition %s does not hold after %s", k->where, k->text,
		     text_str(&t->head));
	}
}

/* Checks the postconditions of a call and its equations, whose
 * preconditions gave pres. */
static void check_conditions(struct test *t, const struct call *c, PyObject *const *pres)
{
	const struct ct_arrow *a = c->a;
	for (uint32_t i = 0; i < a->posts.n && !t->failed; i++)
		check(t, c, &document.checks[a->posts.first + i], NULL);
	for (uint32_t i = 0; i < a->equations.n && !t->failed; i++) {
		const struct ct_equation *q = &document.equations[a->equations.first + i];
		for (uint32_t j = 0; j < q->posts.n && !t->failed; j++)
			check(t, c, &document.checks[q->posts.first + j], pres[i]);
	}
}

/* Writes into t->head where a call is specified, what it tests and its
 * statement: "stacks.gsl:46: Stack.push, on what Stack.copy
 * (stacks.gsl:61) gave: t1 = t0.push(1)". */
static void describe(struct test *t, const struct ct_arrow *a, const struct ct_arrow *from,
		     const char *src, const char *dst)
{
	text_clear(&t->head);
	text_add(&t->head, "%s: %s", a->where, a->member);
	if (from)
		text_add(&t->head, ", on what %s (%s) gave", from->member, from->where);
	text_add(&t->head, ": ");
	text_statement(&t->head, a->statement, src, dst);
}

/* Evaluates the arguments of a call into c, with, for each, whether the
 * test alone holds it (private[i + 1]), and makes the tuple and the dict
 * of the arguments of Python calls. False when the test failed. */
static bool arguments(struct test *t, struct call *c, bool *private)
{
	const struct ct_arrow *a = c->a;
	uint32_t npositional = 0;
	for (uint32_t i = 0; i < a->args.n; i++) {
		const struct ct_value *v = &document.values[a->args.first + i];
		PyObject *o = example_value(v->example);
		if (!o) {
			const struct ct_example *x = &document.examples[v->example];
			fail(t, false, "%s: evaluating the argument %s (%s) raised ", text_str(&t->head),
			     x->text, x->where);
			text_exception(&t->failure);
			return false;
		}
		private[i + 1] = Py_REFCNT(o) == 1;
		refs_push(&c->refs, o);
		c->values[c->nvalues++] = o;
		npositional += !v->keyword;
	}
	uint32_t builtin = a->op == CT_BUILTIN; /* builtins.name(S, A) */
	if (!(c->args = PyTuple_New(npositional + builtin)))
		return false;
	if (builtin)
		PyTuple_SetItem(c->args, 0, new_ref(c->src));
	for (uint32_t i = 0, k = builtin; i < a->args.n; i++) {
		const char *keyword = document.values[a->args.first + i].keyword;
		if (!keyword)
			PyTuple_SetItem(c->args, k++, new_ref(c->values[i]));
		else if ((!c->kwargs && !(c->kwargs = PyDict_New())) ||
			 PyDict_SetItemString(c->kwargs, keyword, c->values[i]) < 0)
			return false;
	}
	return true;
}

/* Makes the call of arrow a on src, the object in the variable named
 * src_name, after its set-up, and checks it: a new reference to what it
 * gave, or NULL when the test failed. from is the arrow that gave src,
 * for messages. */
static PyObject *perform(struct test *t, const struct ct_arrow *a, PyObject *src,
			 const char *src_name, const char *dst_name, const struct ct_arrow *from)
{
	if (a->setup >= 0) {
		PyObject *r = perform(t, &document.arrows[a->setup], src, src_name, "_", from);
		if (!r)
			return NULL;
		Py_DECREF(r);
	}
	describe(t, a, from, src_name, dst_name);
	if (a->args.n > MAX_ARGS || a->equations.n > MAX_ARGS) {
		fail(t, false, "%s: more than %d arguments or equations", text_str(&t->head),
		     MAX_ARGS);
		return NULL;
	}
	struct call c = { .a = a, .src = src };
	PyObject *pres[MAX_ARGS], *result = NULL;
	bool private[MAX_ARGS + 1] = { false };
	for (uint32_t i = 0; i < a->equations.n; i++) {
		const struct ct_equation *q = &document.equations[a->equations.first + i];
		const struct ct_check *k = &document.checks[q->pre];
		if (!(pres[i] = check_value(k, src, NULL))) {
			fail(t, false, "%s: the precondition %s of an equation: evaluating it before "
			     "%s raised ", k->where, k->text, text_str(&t->head));
			text_exception(&t->failure);
			goto out;
		}
		refs_push(&c.refs, pres[i]);
	}
	if (!arguments(t, &c, private)) {
		if (!t->failed)
			goto raised;
		goto out;
	}
	/* The object once more, so that a call that releases it wrongly does
	 * not free it under the test. */
	refs_push(&c.refs, new_ref(src));
	private[0] = Py_REFCNT(src) == owned(t, &c, src);
	for (uint32_t i = 0; i < c.nvalues; i++)
		private[i + 1] = private[i + 1] && Py_REFCNT(c.values[i]) == owned(t, &c, c.values[i]);

	result = apply(t, &c);
	if (t->failed)
		goto out;
	if (!result && !PyErr_Occurred() && !c.broken)
		c.broken = "it returned NULL without setting an exception";
	if (result && PyErr_Occurred() && !c.broken)
		c.broken = "it returned a value with an exception set";
	if (c.broken) {
		fail(t, true, "%s: %s", text_str(&t->head), c.broken);
		Py_CLEAR(result);
		PyErr_Clear();
		goto out;
	}
	if (!result)
		goto raised;
	refs_push(&c.refs, result);
	c.result = result;
	if (check_references(t, &c, private, true))
		check_conditions(t, &c, pres);
	if (t->failed)
		result = NULL;
	else
		Py_INCREF(result);
	goto out;
raised:
	fail(t, false, "%s raised ", text_str(&t->head));
	if (text_exception(&t->failure)) {
		t->contract = true;
		text_add(&t->failure, " (it broke the rules of the C API)");
	} else {
		/* What the exception held is released: the references left are
		 * the test's and those of the objects of the call. */
		struct text raised = t->failure;
		t->failure = (struct text){ 0 };
		if (check_references(t, &c, private, false))
			t->failure = raised;
		else
			free(raised.s);
	}
out:
	Py_XDECREF(c.args);
	Py_XDECREF(c.kwargs);
	Py_XDECREF(c.key);
	refs_release(&c.refs, 0);
	free(c.refs.v);
	return result;
}

/* ---- Tests ----------------------------------------------------------------- */

enum frame_kind {
	FRAME_STEPS,                    /* steps on one object, in turn */
	FRAME_EITHER,                   /* alternatives, tried until one holds */
	FRAME_ALTERNATIVE,              /* the steps of one alternative */
};

struct frame {
	enum frame_kind kind;
	int32_t child;                  /* the next step to take, or -1 */
	bool only;                      /* take child, not the steps after it */
	PyObject *obj;                  /* borrowed: the test holds it */
	char var[16];                   /* its name */
	const struct ct_arrow *from;    /* the arrow that gave it; NULL: the object
					   under test */
	const struct ct_step *step;     /* EITHER, ALTERNATIVE: its step */
	uint32_t vars;                  /* t->nvars when the frame began */
	bool held_one;                  /* EITHER: an alternative held */
	struct text last;               /* EITHER: why the last alternative failed */
};

struct frames {
	struct frame *v;
	size_t n;
	size_t cap;
};

/* Pushes a frame; room for it was made first (frames move when the
 * stack grows, and var may point into one). */
static struct frame *push_frame(struct frames *fs, enum frame_kind kind, int32_t child,
				PyObject *obj, const char *var, const struct ct_arrow *from)
{
	struct frame *f = &fs->v[fs->n++];
	*f = (struct frame){ .kind = kind, .child = child, .obj = obj, .from = from };
	snprintf(f->var, sizeof f->var, "%s", var);
	return f;
}

static void pop_frame(struct frames *fs)
{
	free(fs->v[--fs->n].last.s);
}

/* A failure in the steps of an alternative: the next one is tried.
 * False when no alternative is open or the failure broke the rules of
 * the C API: then the test failed. */
static bool try_next(struct test *t, struct frames *fs)
{
	if (t->contract)
		return false;
	while (fs->n && fs->v[fs->n - 1].kind != FRAME_ALTERNATIVE)
		pop_frame(fs);
	if (!fs->n)
		return false;
	struct frame *alt = &fs->v[fs->n - 1], *either = alt - 1;
	t->nvars = alt->vars + alt->step->statements;
	text_clear(&either->last);
	text_add(&either->last, "%s", text_str(&t->failure));
	t->failed = false;
	pop_frame(fs);
	return true;
}

/* Ends the frame on top whose steps are all taken. False when that
 * makes the test fail: an either group none of whose kinds held. */
static bool end_frame(struct test *t, struct frames *fs)
{
	struct frame *f = &fs->v[fs->n - 1];
	if (f->kind == FRAME_ALTERNATIVE) {
		struct frame *either = f - 1;
		either->held_one = true;
		either->child = -1;
		t->nvars = either->vars + either->step->statements;
	} else if (f->kind == FRAME_EITHER && !f->held_one && f->last.len) {
		const struct ct_arrow *a = &document.arrows[f->step->arrow];
		fail(t, false, "%s: %s: the object is of none of the kinds", a->where, a->member);
		const char *sep = " ";
		for (int32_t k = f->step->first_child; k >= 0; k = document.steps[k].next)
			if (document.steps[k].statements) {
				text_add(&t->failure, "%s%s", sep,
					 document.arrows[document.steps[k].arrow].name);
				sep = ", ";
			}
		text_add(&t->failure, "; the last said: %s", text_str(&f->last));
		pop_frame(fs);
		return false;
	}
	pop_frame(fs);
	return true;
}

/* Takes the steps below the first one, on obj, the object under test. */
static void take_steps(struct test *t, PyObject *obj, int32_t first)
{
	struct frames fs = { 0 };
	fs.v = grow(fs.v, &fs.cap, 1, sizeof *fs.v);
	push_frame(&fs, FRAME_STEPS, first, obj, "arg", NULL)->only = true;
	while (fs.n) {
		fs.v = grow(fs.v, &fs.cap, fs.n + 1, sizeof *fs.v);
		struct frame *f = &fs.v[fs.n - 1];
		if (f->child < 0) {
			if (!end_frame(t, &fs) && !try_next(t, &fs))
				break;
			continue;
		}
		const struct ct_step *s = &document.steps[f->child];
		const struct ct_arrow *a = &document.arrows[s->arrow];
		f->child = f->only ? -1 : s->next;
		if (f->kind == FRAME_EITHER || a->op == CT_EITHER) {
			if (f->kind == FRAME_EITHER && !s->statements)
				continue; /* an alternative with nothing to try */
			struct frame *g = push_frame(&fs, f->kind == FRAME_EITHER ? FRAME_ALTERNATIVE :
						     FRAME_EITHER, s->first_child, f->obj, f->var,
						     f->from);
			g->step = s;
			g->vars = t->nvars;
			continue;
		}
		char dst[16];
		snprintf(dst, sizeof dst, "t%u", (unsigned)t->nvars++);
		PyObject *r = perform(t, a, f->obj, f->var, dst, f->from);
		if (!r) {
			if (!try_next(t, &fs))
				break;
			continue;
		}
		hold(t, r);
		if (s->first_child >= 0)
			push_frame(&fs, FRAME_STEPS, s->first_child, r, dst, a);
	}
	while (fs.n)
		pop_frame(&fs);
	free(fs.v);
}

/* Makes an object of kind k: its example, then the constructor calls.
 * A borrowed reference (the test holds it), or NULL when that failed. */
static PyObject *make_object(struct test *t, const struct ct_kind *k)
{
	const struct ct_example *x = &document.examples[k->example];
	PyObject *obj = example_value((uint32_t)k->example);
	if (!obj) {
		fail(t, false, "%s: %s (an example): obj = %s raised ", x->where, k->example_of,
		     x->text);
		text_exception(&t->failure);
		return NULL;
	}
	hold(t, obj);
	for (uint32_t i = 0; i < k->constructs.n; i++) {
		obj = perform(t, &document.arrows[k->constructs.first + i], obj, "obj", "obj", NULL);
		if (!obj)
			return NULL;
		hold(t, obj);
	}
	return obj;
}

/* Prints s after "# " on each of its lines. */
static void diagnostic(const char *s)
{
	for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1)
		printf("# %.*s\n", (int)(nl - s), s);
	printf("# %s\n", s);
}

/* Prints the TAP line of test n, which takes step first of kind k. */
static void report(uint32_t n, bool ok, const char *skip, const struct ct_step *first)
{
	const struct ct_arrow *a = &document.arrows[first->arrow];
	struct text d = { 0 };
	text_add(&d, "%s (%s): ", a->member, a->where);
	text_statement(&d, a->op == CT_EITHER ? "either" : a->statement, "arg", "t0");
	printf("%sok %u - ", ok ? "" : "not ", (unsigned)n);
	for (const char *p = d.s; *p; p++)
		printf(*p == '#' ? "\\#" : "%c", *p);
	if (skip)
		printf(" # SKIP %s", skip);
	putchar('\n');
	free(d.s);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	Py_Initialize();
	struct text why = { 0 };
	uint32_t n = 0, passed = 0, failed = 0, skipped = 0;
	int status = 2;
	if (!prepare(&why)) {
		printf("Bail out! %s\n", text_str(&why));
		goto done;
	}
	printf("1..%u\n", (unsigned)document.ntests);
	for (uint32_t i = 0; i < document.nkinds; i++) {
		const struct ct_kind *k = &document.kinds[i];
		for (int32_t first = k->first_step; first >= 0; first = document.steps[first].next) {
			const struct ct_step *s = &document.steps[first];
			n++;
			if (k->example < 0) {
				report(n, true, "no way to make an object of the kind", s);
				skipped++;
				continue;
			}
			struct test t = { 0 };
			PyObject *obj = make_object(&t, k);
			if (obj)
				take_steps(&t, obj, first);
			refs_release(&t.held, 0);
			free(t.held.v);
			tally_free(&t.held_count);
			judge_suspects(&t);
			report(n, !t.failed, NULL, s);
			if (t.failed)
				diagnostic(text_str(&t.failure));
			passed += !t.failed;
			failed += t.failed;
			free(t.failure.s);
			free(t.head.s);
		}
	}
	printf("%u passed, %u failed", (unsigned)passed, (unsigned)failed);
	if (skipped)
		printf(", %u skipped", (unsigned)skipped);
	putchar('\n');
	status = failed ? 1 : 0;
done:
	unprepare();
	free(why.s);
	if (Py_FinalizeEx() < 0 && !status)
		status = 1;
	return status;
}
