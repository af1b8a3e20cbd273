/* pytext.h: Python text for counterexample calls and witnesses. Values
 * are the examples (`.eg`) of their kinds; an example that needs its
 * `.in context:` becomes a helper method of the witness. */
#ifndef GSL_COMPAT_PYTEXT_H
#define GSL_COMPAT_PYTEXT_H

#include <stdbool.h>

#include "buf.h"
#include "grammar.h"

/* What a piece of witness code needs besides itself. */
struct compat_code {
	struct gsl_buf *helpers;  /* methods it calls; NULL: text for people only */
	bool placeholder;         /* a value has no example: the code cannot run */
};

/* The arguments of a word, as Python values. */
struct compat_args {
	const char **pos;         /* positional values, in order */
	const char **kwname;      /* keyword names and values, sorted by name */
	const char **kwvalue;
	uint32_t npos, nkw;
};

/* The values of word w, read as OLD (old) or NEW knows its kinds. */
void compat_code_args(struct gsl_arena *arena, const struct compat_alphabet *al,
		      const struct compat_word *w, const struct compat_side *side, bool old,
		      struct compat_code *code, struct compat_args *out);

/* Appends the call of call with args: for people an expression (callee
 * being the called value, or the object of an operator); as a statement,
 * code that leaves the result in `t`. */
void compat_code_call(struct gsl_buf *out, const struct compat_call *call, const char *callee,
		      const struct compat_args *args, bool statement);

/* The kinds of word w ("(int+, k=string+)"), as OLD or NEW names them. */
void compat_code_kinds(struct gsl_buf *out, const struct compat_alphabet *al,
		       const struct compat_word *w, const struct compat_side *side, bool old);


/* Appends a call of the predicate of condition c (a helper method named
 * after it), its arguments by role: the object, `t` for the returned
 * value, the values of args. False (nothing usable) when the condition
 * or one of its arguments is unknown. */
bool compat_code_condition(struct gsl_buf *out, const struct compat_cond *c, const char *object,
			   const struct compat_args *args, struct compat_code *code);


/* Appends text indented by `indent` spaces, line by line. */
void compat_code_indent(struct gsl_buf *out, struct gsl_str text, int indent);

#endif
