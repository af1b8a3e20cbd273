/* latex.h: the LaTeX emitter (latex.c) and what its files share: the
 * escaping of text, labels and URLs (latex_escape.c) and the frame of a
 * document, its preamble and macros (latex_frame.c). */
#ifndef GSL_LATEX_H
#define GSL_LATEX_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "emit.h"

/* Writes NAME.tex of document d: a standalone LaTeX document, or with
 * --body-only its body for a larger manual. */
void gsl_emit_latex(struct gsl_emit *e, const struct gsl_document *d);

/* How text is escaped. */
enum latex_text {
	LATEX_TEXT,     /* the body: characters LaTeX cannot take as they are
			   become commands */
	LATEX_PDFSTRING,/* PDF metadata and bookmarks: the same, but
			   characters without a text command are spelled
			   [U+XXXX] in ASCII */
};

/* Appends s[0..n) so that LaTeX typesets exactly these characters:
 * every special character (\ { } $ & # ^ _ % ~ < > | " ' ` [ ]) as a
 * command or group, ligatures (-- ,,) broken, characters that the
 * utf8 input encoding and the T1/TS1 fonts know as UTF-8, a few
 * others as math symbols, and the rest, control characters and bytes
 * that are not UTF-8 as \gslchar{XXXX} (the code point in hex). Blanks
 * and newlines are copied: the caller decides what they mean. */
void latex_escape(struct gsl_buf *out, const char *s, size_t n, enum latex_text how);
/* Appends the character of code point cp the same way. */
void latex_escape_char(struct gsl_buf *out, unsigned long cp, enum latex_text how);

/* Appends a label, which is also the name of a PDF destination: the
 * document's name, '/' and an HTML anchor name, with every character
 * other than letters, digits and . : - _ spelled +XX (hex of its byte). Labels are thus safe in \label, \hyperref, \hypertarget and
 * \href, and distinct for distinct (document, anchor) pairs. */
void latex_label(struct gsl_buf *out, const char *doc, const char *anchor, size_t n);

/* Appends a URL for \href: characters that are special to TeX, blanks
 * and bytes beyond ASCII percent-encoded (URL escapes mean the same),
 * except '#' and '%', which stay as \# and \%. */
void latex_url(struct gsl_buf *out, const char *s, size_t n);

/* ---- The frame of a document (latex_frame.c) --------------------------- */

struct latex_frame {
	const char *name;        /* the document's name */
	const char *title;       /* its title on one line, or NULL */
	size_t title_len;
	const char *lang;        /* its language, or NULL */
	size_t lang_len;
	bool body_only;          /* the body alone, for inclusion in a manual */
	bool date;               /* show the date under the title */
	long long source_date;
};

/* What comes before the content: the preamble and \begin{document}, or
 * for a body alone the macros it needs; then the title if any. */
void latex_begin(struct gsl_buf *out, const struct latex_frame *f);
/* What comes after it. */
void latex_end(struct gsl_buf *out, const struct latex_frame *f);

#endif
