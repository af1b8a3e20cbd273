/* lexer.h: the two re2c scanners. The line scanner cuts a file into
 * markup lines and the text lines that follow each; the argument scanner
 * feeds the parser with the tokens of a structured argument. */
#ifndef GSL_LEXER_H
#define GSL_LEXER_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "context.h"

/* A markup line (depth >= 1) or the text before the first one (depth 0),
 * with the text lines that follow it up to the next markup line. */
struct gsl_rawline {
	uint32_t depth;        /* number of leading dots */
	uint32_t line;         /* 1-based number of the markup line */
	const char *head;      /* the markup line after its dots */
	const char *head_end;  /* its end, before "\n" or "\r\n" */
	const char *text;      /* the first text line */
	const char *text_end;  /* end of the last text line, before its newline */
	bool has_text;         /* text lines follow (possibly empty ones) */
	bool cook;             /* the text needs gsl_cook_text: quoting or CRs */
};

struct gsl_lexer {
	struct gsl_ctx *ctx;
	uint32_t file;
	const char *start;     /* the file's text */
	const char *cur;       /* next unread byte */
	const char *lim;       /* end of text (a NUL sentinel is there) */
	uint32_t line;         /* number of the line at cur */
};

void gsl_lexer_init(struct gsl_lexer *lx, struct gsl_ctx *ctx, uint32_t file);
/* The next line group; false at the end of the file. */
bool gsl_lex_line(struct gsl_lexer *lx, struct gsl_rawline *out);

/* Text lines as they mean: "\r\n" ends a line like "\n", and a line that
 * starts with backslashes followed by a dot loses one backslash (so "\."
 * writes a text line that starts with a dot). at_line_start says whether
 * text begins a line (or follows a tag on the markup line). Returns the
 * length written to out, which has room for len bytes. */
size_t gsl_cook_text(const char *text, size_t len, bool at_line_start, char *out);

/* The argument scanner, driven by the parser through gsl_arg_lex. */
struct gsl_arglexer {
	const char *cur;
	const char *lim;
	const char *line_start; /* for columns */
	struct gsl_loc loc;     /* location of cur's line start */
	int cond;               /* the scanner condition: what is parsed */
	int start_token;        /* the parser's start token, 0 once returned */
	bool at_start;          /* no token has been read yet */
};

/* Prepares to scan arg, which starts at loc, as the given syntax (not
 * GSL_SYNTAX_TEXT). */
void gsl_arglexer_init(struct gsl_arglexer *lx, enum gsl_syntax syntax,
		       struct gsl_str arg, struct gsl_loc loc);

#endif
