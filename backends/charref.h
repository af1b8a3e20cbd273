/* charref.h: character references of documents (`.char: nbsp`,
 * `.char: 169`, `.char: 0xa9`): their code points, for the emitters
 * that cannot say them by name. */
#ifndef GSL_CHARREF_H
#define GSL_CHARREF_H

#include <stddef.h>

#include "buf.h"

/* The code point of s[0..n): an HTML 4 entity name (case matters), a
 * decimal number or 0x and a hexadecimal one. 0 when it names no
 * character (unknown name, 0, a surrogate, beyond U+10FFFF). */
unsigned long gsl_charref(const char *s, size_t n);

/* Appends the UTF-8 of code point cp (a character gsl_charref gives). */
void gsl_charref_utf8(struct gsl_buf *out, unsigned long cp);

#endif
