/* diag.h: source locations and the one function that reports problems.
 * Messages read `file:line:col: error: message` (GCC style, so editors
 * jump to them); reporting counts and continues, so one run reports
 * everything it finds. Messages are kept until gsl_diag_flush prints
 * them in the order of the files and lines they are about, each note
 * after the message it belongs to. */
#ifndef GSL_DIAG_H
#define GSL_DIAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct gsl_ctx;

/* A place in a source file: file is an index into the context's file
 * table plus one (0: no place), line and col count from 1, col in bytes. */
struct gsl_loc {
	uint32_t file;
	uint32_t line;
	uint32_t col;
};

static inline struct gsl_loc gsl_loc(uint32_t file, uint32_t line, uint32_t col)
{
	return (struct gsl_loc){ file, line, col };
}

enum gsl_severity { GSL_NOTE, GSL_WARNING, GSL_ERROR };

struct gsl_diag_entry;

struct gsl_diag_state {
	FILE *out;          /* where messages go (stderr); NULL: nowhere */
	bool show_source;   /* print the source line and a caret */
	bool color;         /* colour the severity and the caret (a terminal) */
	bool werror;        /* warnings count as errors */
	unsigned errors;    /* errors reported so far */
	unsigned warnings;  /* warnings reported so far */
	struct gsl_diag_entry *pending; /* not yet printed */
	size_t npending;
	size_t cap;
};

void gsl_diag(struct gsl_ctx *ctx, struct gsl_loc loc, enum gsl_severity sev,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define gsl_error(ctx, loc, ...) gsl_diag((ctx), (loc), GSL_ERROR, __VA_ARGS__)
#define gsl_warning(ctx, loc, ...) gsl_diag((ctx), (loc), GSL_WARNING, __VA_ARGS__)
#define gsl_note(ctx, loc, ...) gsl_diag((ctx), (loc), GSL_NOTE, __VA_ARGS__)

/* Prints the messages kept so far, sorted, and forgets them. */
void gsl_diag_flush(struct gsl_ctx *ctx);

/* Whether errors have been reported (warnings too under -Werror). */
bool gsl_diag_failed(const struct gsl_ctx *ctx);

#endif
