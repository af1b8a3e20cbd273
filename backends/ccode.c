/* ccode.c: C text for the C test renderer: literals and the C API forms
 * of operators. */
#include "ccode.h"

#include <string.h>

/* ---- Literals ---------------------------------------------------------------- */

void gsl_c_string(struct gsl_buf *b, const char *s, size_t n)
{
	gsl_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			gsl_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			gsl_buf_puts(b, "\\n");
		else if (c == '\t')
			gsl_buf_puts(b, "\\t");
		else if (c == '?' && i && s[i - 1] == '?')
			gsl_buf_puts(b, "\\?");
		else if (c < 0x20 || c >= 0x7f)
			gsl_buf_printf(b, "\\%03o", c);
		else
			gsl_buf_putc(b, (char)c);
	}
	gsl_buf_putc(b, '"');
}

void gsl_c_cstring(struct gsl_buf *b, const char *s)
{
	if (s)
		gsl_c_string(b, s, strlen(s));
	else
		gsl_buf_puts(b, "NULL");
}

/* ---- Operators ----------------------------------------------------------------- */

/* An operator or builtin and how the engine applies it. */
struct entry {
	const char *key;                /* "&", "len" */
	const char *op;
	const char *field;
	const char *function;
	const char *inplace;            /* binary operators: the function of key= */
	bool negated;                   /* "not in", "is not" */
};

/* Operators applied to the object and one operand. */
#define BINARY(k, name) { .key = k, .op = "CT_BINARY", .field = "binary", \
			  .function = "PyNumber_" name, .inplace = "PyNumber_InPlace" name }
#define COMPARE(k, name) { .key = k, .op = "CT_COMPARE", .field = "compare", .function = name }

static const struct entry binary[] = {
	BINARY("+", "Add"), BINARY("-", "Subtract"), BINARY("*", "Multiply"),
	BINARY("/", "TrueDivide"), BINARY("//", "FloorDivide"), BINARY("%", "Remainder"),
	BINARY("<<", "Lshift"), BINARY(">>", "Rshift"), BINARY("&", "And"), BINARY("|", "Or"),
	BINARY("^", "Xor"), BINARY("@", "MatrixMultiply"),
	{ .key = "**", .op = "CT_POWER", .field = "ternary", .function = "PyNumber_Power",
	  .inplace = "PyNumber_InPlacePower" },
	COMPARE("<", "Py_LT"), COMPARE("<=", "Py_LE"), COMPARE("==", "Py_EQ"),
	COMPARE("!=", "Py_NE"), COMPARE(">", "Py_GT"), COMPARE(">=", "Py_GE"),
	{ .key = "in", .op = "CT_CONTAINS" },
	{ .key = "not in", .op = "CT_CONTAINS", .negated = true },
	{ .key = "is", .op = "CT_IDENTITY" },
	{ .key = "is not", .op = "CT_IDENTITY", .negated = true },
};

/* Builtin functions that the C API applies directly; the others are
 * called as builtins. */
#define FUNCTION(k, form, f, name) { .key = k, .op = form, .field = f, .function = name }

static const struct entry functions[] = {
	FUNCTION("len", "CT_SIZE", "size", "PyObject_Size"),
	FUNCTION("hash", "CT_SIZE", "size", "PyObject_Hash"),
	FUNCTION("bool", "CT_TRUTH", "truth", "PyObject_IsTrue"),
	FUNCTION("iter", "CT_UNARY", "unary", "PyObject_GetIter"),
	FUNCTION("int", "CT_UNARY", "unary", "PyNumber_Long"),
	FUNCTION("float", "CT_UNARY", "unary", "PyNumber_Float"),
	FUNCTION("abs", "CT_UNARY", "unary", "PyNumber_Absolute"),
	FUNCTION("repr", "CT_UNARY", "unary", "PyObject_Repr"),
	FUNCTION("str", "CT_UNARY", "unary", "PyObject_Str"),
	FUNCTION("ascii", "CT_UNARY", "unary", "PyObject_ASCII"),
	FUNCTION("dir", "CT_UNARY", "unary", "PyObject_Dir"),
};

#define COUNT(a) (sizeof (a) / sizeof *(a))

/* The entry of key[0..len) in table, or NULL. */
static const struct entry *lookup(const struct entry *table, size_t n, const char *key, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(table[i].key) == len && memcmp(table[i].key, key, len) == 0)
			return &table[i];
	return NULL;
}

bool gsl_c_form(const struct gsl_tp_arrow *a, struct gsl_c_form *f)
{
	static const char *const ops[] = {
		[GSL_TP_GETATTR] = "CT_GETATTR", [GSL_TP_CALLATTR] = "CT_CALLATTR",
		[GSL_TP_CALL] = "CT_CALL", [GSL_TP_GETITEM] = "CT_GETITEM",
		[GSL_TP_SETITEM] = "CT_SETITEM", [GSL_TP_DELITEM] = "CT_DELITEM",
		[GSL_TP_EITHER] = "CT_EITHER", [GSL_TP_ALTERNATIVE] = "CT_ALTERNATIVE",
	};
	size_t len = a->name ? strlen(a->name) : 0;
	bool inplace = a->op == GSL_TP_INPLACE;
	const struct entry *x = NULL;
	switch (a->op) {
	case GSL_TP_OPERATOR:
	case GSL_TP_REVERSE:
		x = lookup(binary, COUNT(binary), a->name, len);
		break;
	case GSL_TP_INPLACE:
		if (len > 1 && a->name[len - 1] == '=')
			x = lookup(binary, COUNT(binary), a->name, len - 1);
		if (x && !x->inplace)
			x = NULL;
		break;
	case GSL_TP_FUNCTION:
		x = lookup(functions, COUNT(functions), a->name, len);
		*f = (struct gsl_c_form){ .op = "CT_BUILTIN" };
		if (!x)
			return true;
		break;
	default:
		*f = (struct gsl_c_form){ .op = ops[a->op] };
		return true;
	}
	if (!x)
		return false;
	*f = (struct gsl_c_form){ .op = x->op, .field = x->field,
				  .function = inplace ? x->inplace : x->function,
				  .reversed = a->op == GSL_TP_REVERSE, .negated = x->negated };
	return true;
}
