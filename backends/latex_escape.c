/* latex_escape.c: text, labels and URLs written so that LaTeX (pdflatex
 * with the utf8 input encoding and T1 fonts) reads back exactly the
 * characters of the document. */
#include "latex.h"

#include "charref.h"

#include <stdlib.h>
#include <string.h>

/* ASCII characters that cannot be typed as they are: special to TeX,
 * absent from the fonts, or turned into other glyphs (' into a curly
 * quote, | into a dash in some encodings). Brackets are braced so that
 * text after \item or \\ is not taken for an optional argument. */
static const char *const ascii[128] = {
	['\\'] = "\\textbackslash{}", ['{'] = "\\{", ['}'] = "\\}", ['$'] = "\\$",
	['&'] = "\\&", ['#'] = "\\#", ['%'] = "\\%", ['_'] = "\\_",
	['^'] = "\\textasciicircum{}", ['~'] = "\\textasciitilde{}",
	['<'] = "\\textless{}", ['>'] = "\\textgreater{}", ['|'] = "\\textbar{}",
	['"'] = "\\textquotedbl{}", ['\''] = "\\textquotesingle{}",
	['`'] = "\\textasciigrave{}", ['['] = "{[}", [']'] = "{]}",
};

struct range {
	unsigned long lo, hi;
};

/* The characters beyond ASCII that LaTeX's utf8 input encoding sets up
 * for the T1 and TS1 font encodings (TeX Live 2022: found by compiling
 * every character its .dfu files declare); they are written as UTF-8. */
static const struct range native[] = {
	{ 0x00A0, 0x0125 }, { 0x0128, 0x0137 }, { 0x0139, 0x013E },
	{ 0x0141, 0x0148 }, { 0x014A, 0x0165 }, { 0x0168, 0x017E },
	{ 0x0192, 0x0192 }, { 0x01C4, 0x01D4 }, { 0x01E2, 0x01E3 },
	{ 0x01E6, 0x01EB }, { 0x01F0, 0x01F0 }, { 0x01F4, 0x01F5 },
	{ 0x0218, 0x021B }, { 0x0232, 0x0233 }, { 0x0237, 0x0237 },
	{ 0x02C6, 0x02C7 }, { 0x02D8, 0x02D9 }, { 0x02DB, 0x02DD },
	{ 0x0E3F, 0x0E3F }, { 0x1E02, 0x1E03 }, { 0x1E0D, 0x1E0D },
	{ 0x1E1E, 0x1E21 }, { 0x1E25, 0x1E25 }, { 0x1E30, 0x1E31 },
	{ 0x1E37, 0x1E37 }, { 0x1E43, 0x1E43 }, { 0x1E45, 0x1E45 },
	{ 0x1E47, 0x1E47 }, { 0x1E5B, 0x1E5B }, { 0x1E63, 0x1E63 },
	{ 0x1E6D, 0x1E6D }, { 0x1E8E, 0x1E91 }, { 0x1E9E, 0x1E9E },
	{ 0x1EF2, 0x1EF3 }, { 0x200C, 0x200C }, { 0x2010, 0x2016 },
	{ 0x2018, 0x201A }, { 0x201C, 0x201E }, { 0x2020, 0x2022 },
	{ 0x2026, 0x2026 }, { 0x2030, 0x2031 }, { 0x2039, 0x203B },
	{ 0x203D, 0x203D }, { 0x2044, 0x2044 }, { 0x204E, 0x204E },
	{ 0x2052, 0x2052 }, { 0x20A1, 0x20A1 }, { 0x20A4, 0x20A4 },
	{ 0x20A6, 0x20A6 }, { 0x20A9, 0x20A9 }, { 0x20AB, 0x20AC },
	{ 0x20B1, 0x20B1 }, { 0x2103, 0x2103 }, { 0x2116, 0x2117 },
	{ 0x211E, 0x211E }, { 0x2120, 0x2120 }, { 0x2122, 0x2122 },
	{ 0x2126, 0x2127 }, { 0x212E, 0x212E }, { 0x2190, 0x2193 },
	{ 0x2329, 0x232A }, { 0x2422, 0x2423 }, { 0x25E6, 0x25E6 },
	{ 0x25EF, 0x25EF }, { 0x266A, 0x266A }, { 0x27E8, 0x27E9 },
	{ 0x3008, 0x3009 }, { 0xFB00, 0xFB06 }, { 0xFEFF, 0xFEFF },
};

struct symbol {
	unsigned long code;
	const char *math;
};

/* Greek letters and mathematical symbols, which the text fonts lack but
 * math mode has. Sorted by code point. */
static const struct symbol symbols[] = {
	{ 0x0393, "\\Gamma" }, { 0x0394, "\\Delta" }, { 0x0398, "\\Theta" },
	{ 0x039B, "\\Lambda" }, { 0x039E, "\\Xi" }, { 0x03A0, "\\Pi" },
	{ 0x03A3, "\\Sigma" }, { 0x03A5, "\\Upsilon" }, { 0x03A6, "\\Phi" },
	{ 0x03A8, "\\Psi" }, { 0x03A9, "\\Omega" }, { 0x03B1, "\\alpha" },
	{ 0x03B2, "\\beta" }, { 0x03B3, "\\gamma" }, { 0x03B4, "\\delta" },
	{ 0x03B5, "\\epsilon" }, { 0x03B6, "\\zeta" }, { 0x03B7, "\\eta" },
	{ 0x03B8, "\\theta" }, { 0x03B9, "\\iota" }, { 0x03BA, "\\kappa" },
	{ 0x03BB, "\\lambda" }, { 0x03BC, "\\mu" }, { 0x03BD, "\\nu" },
	{ 0x03BE, "\\xi" }, { 0x03C0, "\\pi" }, { 0x03C1, "\\rho" },
	{ 0x03C2, "\\varsigma" }, { 0x03C3, "\\sigma" }, { 0x03C4, "\\tau" },
	{ 0x03C5, "\\upsilon" }, { 0x03C6, "\\phi" }, { 0x03C7, "\\chi" },
	{ 0x03C8, "\\psi" }, { 0x03C9, "\\omega" }, { 0x2194, "\\leftrightarrow" },
	{ 0x21A6, "\\mapsto" }, { 0x21D0, "\\Leftarrow" }, { 0x21D2, "\\Rightarrow" },
	{ 0x21D4, "\\Leftrightarrow" }, { 0x2200, "\\forall" }, { 0x2202, "\\partial" },
	{ 0x2203, "\\exists" }, { 0x2205, "\\emptyset" }, { 0x2207, "\\nabla" },
	{ 0x2208, "\\in" }, { 0x2209, "\\notin" }, { 0x2211, "\\sum" },
	{ 0x2212, "-" }, { 0x2217, "\\ast" }, { 0x221A, "\\surd" },
	{ 0x221E, "\\infty" }, { 0x2227, "\\wedge" }, { 0x2228, "\\vee" },
	{ 0x2229, "\\cap" }, { 0x222A, "\\cup" }, { 0x2248, "\\approx" },
	{ 0x2260, "\\neq" }, { 0x2261, "\\equiv" }, { 0x2264, "\\leq" },
	{ 0x2265, "\\geq" }, { 0x2282, "\\subset" }, { 0x2283, "\\supset" },
	{ 0x2286, "\\subseteq" }, { 0x2287, "\\supseteq" }, { 0x2295, "\\oplus" },
	{ 0x2297, "\\otimes" }, { 0x22C5, "\\cdot" },
};

static int compare_range(const void *key, const void *elem)
{
	unsigned long cp = *(const unsigned long *)key;
	const struct range *r = elem;
	return cp < r->lo ? -1 : cp > r->hi;
}

static int compare_symbol(const void *key, const void *elem)
{
	unsigned long cp = *(const unsigned long *)key, code = ((const struct symbol *)elem)->code;
	return (cp > code) - (cp < code);
}

/* The code point of the UTF-8 sequence at s (n bytes available), *len
 * its length; *len is 0 when s starts no valid sequence. */
static unsigned long decode(const unsigned char *s, size_t n, size_t *len)
{
	static const unsigned long least[] = { 0, 0x80, 0x800, 0x10000 };
	size_t k = s[0] >= 0xf0 && s[0] < 0xf5 ? 3 : s[0] >= 0xe0 ? 2 : s[0] >= 0xc2 ? 1 : 0;
	*len = 0;
	if (s[0] >= 0xf5 || !k || k >= n)
		return 0;
	unsigned long cp = s[0] & (0x3fu >> k);
	for (size_t i = 1; i <= k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if (cp < least[k] || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
		return 0;
	*len = k + 1;
	return cp;
}

/* A character LaTeX has no way to typeset: its code point, visibly. */
static void unknown(struct gsl_buf *out, unsigned long cp, enum latex_text how)
{
	gsl_buf_printf(out, how == LATEX_PDFSTRING ? "[U+%04lX]" : "\\gslchar{%04lX}", cp);
}

void latex_escape_char(struct gsl_buf *out, unsigned long cp, enum latex_text how)
{
	if (cp < 0x80) {
		if (ascii[cp])
			gsl_buf_puts(out, ascii[cp]);
		else if (cp >= 0x20 && cp < 0x7f)
			gsl_buf_putc(out, (char)cp);
		else if (cp == '\t' || cp == '\n' || cp == '\r')
			gsl_buf_putc(out, cp == '\n' ? '\n' : ' ');
		else
			unknown(out, cp, how);
		return;
	}
	if (bsearch(&cp, native, sizeof native / sizeof *native, sizeof *native, compare_range)) {
		gsl_charref_utf8(out, cp);
		return;
	}
	const struct symbol *sym = bsearch(&cp, symbols, sizeof symbols / sizeof *symbols,
					   sizeof *symbols, compare_symbol);
	if (sym && how == LATEX_TEXT)
		gsl_buf_printf(out, "\\ensuremath{%s}", sym->math);
	else
		unknown(out, cp, how);
}

void latex_escape(struct gsl_buf *out, const char *s, size_t n, enum latex_text how)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		/* Runs of plain characters are copied at once. */
		const unsigned char *run = p;
		while (p < end && *p >= 0x20 && *p < 0x7f && !ascii[*p] && *p != '-' && *p != ',')
			p++;
		gsl_buf_put(out, (const char *)run, (size_t)(p - run));
		if (p == end)
			break;
		if (*p == '-' || *p == ',') {
			/* -- and ,, are ligatures (a dash, low quotes). */
			gsl_buf_putc(out, (char)*p);
			if (p + 1 < end && p[1] == *p)
				gsl_buf_puts(out, "{}");
			p++;
			continue;
		}
		size_t len = 1;
		unsigned long cp = *p;
		if (cp >= 0x80) {
			cp = decode(p, (size_t)(end - p), &len);
			if (!len) {
				/* Not UTF-8: the byte, as the replacement character. */
				cp = 0xfffd;
				len = 1;
			}
		}
		latex_escape_char(out, cp, how);
		p += len;
	}
}

static bool label_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == ':' || c == '-' || c == '_';
}

static void label_part(struct gsl_buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t run = 0; /* start of the characters to copy */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (label_char(c))
			continue;
		gsl_buf_put(out, s + run, i - run);
		char code[3] = { '+', hex[c >> 4], hex[c & 15] };
		gsl_buf_put(out, code, 3);
		run = i + 1;
	}
	gsl_buf_put(out, s + run, n - run);
}

void latex_label(struct gsl_buf *out, const char *doc, const char *anchor, size_t n)
{
	label_part(out, doc, strlen(doc));
	gsl_buf_putc(out, '/');
	label_part(out, anchor, n);
}

void latex_url(struct gsl_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '#' || c == '%' || c == '&')
			gsl_buf_printf(out, "\\%c", c);
		else if (c <= ' ' || c >= 0x7f || ascii[c])
			gsl_buf_printf(out, "\\%%%02X", c);
		else
			gsl_buf_putc(out, (char)c);
	}
}
