/* latex_frame.c: what surrounds the content of a LaTeX document: the
 * preamble (packages of Debian's texlive-latex-base, -recommended and
 * -extra only), the macros the content uses, the title. */
#include "latex.h"

#include <string.h>
#include <time.h>

/* The macros of the content, defined with \providecommand, so that a
 * body included in a larger manual may come with others' bodies. */
static const char macros[] =
	"\\makeatletter\n"
	"% A character that no font here has: its code point.\n"
	"\\providecommand*\\gslchar[1]{{\\sffamily\\footnotesize[U+#1]}\\allowbreak}\n"
	"% Description lists: terms hang, descriptions are indented.\n"
	"\\providecommand*\\gslindent{1.5em}\n"
	"\\providecommand*\\gsldt{\\par\\hangindent=\\gslindent\\relax}\n"
	"\\providecommand*\\gslenddt{\\par\\nopagebreak}\n"
	"\\providecommand*\\gsldd{\\par\\advance\\leftskip by \\gslindent\\relax}\n"
	"% An anchor: a label for \\hyperref, a named destination for other PDFs.\n"
	"\\providecommand*\\gsltarget[1]{\\phantomsection\\label{#1}\\hypertarget{#1}{}}\n"
	"% Preformatted text, indented as the text around it.\n"
	"\\@ifundefined{gslpre}{\\newenvironment{gslpre}{\\par\n"
	"  \\advance\\@totalleftmargin by \\leftskip\n"
	"  \\advance\\linewidth by -\\leftskip\\alltt}{\\endalltt}}{}\n"
	"% A heading below \\subsubsection, on a line of its own.\n"
	"\\providecommand\\gslheading[1]{\\par\\addvspace{\\medskipamount}\n"
	"  \\noindent{\\bfseries #1}\\par\\nopagebreak}\n"
	"% A long table starts where the text around it does.\n"
	"\\providecommand*\\gsltableleft{\\LTleft=\\leftskip\n"
	"  \\advance\\LTleft by \\@totalleftmargin\\relax\\LTright=\\fill}\n"
	"\\makeatother\n";

/* The fonts are Latin Modern where the lmodern package is (Debian's
 * texlive-latex-base only recommends it), else Times, Helvetica and
 * Courier (texlive-fonts-recommended). */
static const char packages[] =
	"\\usepackage[utf8]{inputenc}\n"
	"\\usepackage[T1]{fontenc}\n"
	"\\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}\n"
	"  {\\usepackage{mathptmx}\\usepackage[scaled=.92]{helvet}\\usepackage{courier}}\n"
	"\\usepackage{textcomp}\n"
	"\\usepackage[a4paper,margin=25mm]{geometry}\n"
	"\\usepackage{parskip}\n"
	"\\usepackage{alltt}\n"
	"\\usepackage{upquote}\n"
	"\\usepackage{array}\n"
	"\\usepackage{longtable}\n"
	"\\usepackage{xcolor}\n"
	"\\usepackage{hyperref}\n"
	"\\input{glyphtounicode}\\pdfgentounicode=1\n";

static void put_date(struct gsl_buf *out, long long when)
{
	time_t t = (time_t)when;
	struct tm *tm = gmtime(&t);
	if (tm)
		gsl_buf_printf(out, "%04d-%02d-%02d", tm->tm_year + 1900, tm->tm_mon + 1,
			       tm->tm_mday);
}

void latex_begin(struct gsl_buf *out, const struct latex_frame *f)
{
	gsl_buf_printf(out, "%% %s.tex: made by gslc from a GSL specification.\n", f->name);
	if (f->body_only) {
		gsl_buf_puts(out, "% The body of a document, to \\input into a LaTeX document\n"
			     "% that loads the packages inputenc (utf8), fontenc (T1), textcomp,\n"
			     "% alltt, array, longtable and hyperref.\n");
	} else {
		gsl_buf_puts(out, "% Compile it with pdflatex, twice for the cross-references.\n"
			     "\\documentclass[11pt]{article}\n");
		gsl_buf_puts(out, packages);
		gsl_buf_puts(out, "\\emergencystretch=2em\n"
			     "\\hypersetup{colorlinks, linkcolor=blue!50!black,\n"
			     "  urlcolor=blue!50!black, filecolor=blue!50!black,\n"
			     "  bookmarksopen, bookmarksopenlevel=1, pdfcreator=gslc,\n"
			     "  pdftitle={");
		if (f->title)
			latex_escape(out, f->title, f->title_len, LATEX_PDFSTRING);
		else
			latex_escape(out, f->name, strlen(f->name), LATEX_PDFSTRING);
		gsl_buf_puts(out, "}");
		if (f->lang) {
			gsl_buf_puts(out, ", pdflang={");
			latex_escape(out, f->lang, f->lang_len, LATEX_PDFSTRING);
			gsl_buf_puts(out, "}");
		}
		gsl_buf_puts(out, "}\n");
	}
	gsl_buf_puts(out, macros);
	if (!f->body_only)
		gsl_buf_puts(out, "\\begin{document}\n");
	if (f->title) {
		gsl_buf_puts(out, "{\\centering\\LARGE\\bfseries ");
		latex_escape(out, f->title, f->title_len, LATEX_TEXT);
		gsl_buf_puts(out, "\\par}\n");
		if (f->date) {
			gsl_buf_puts(out, "{\\centering ");
			put_date(out, f->source_date);
			gsl_buf_puts(out, "\\par}\n");
		}
		gsl_buf_puts(out, "\\bigskip\n");
	}
}

void latex_end(struct gsl_buf *out, const struct latex_frame *f)
{
	if (!f->body_only)
		gsl_buf_puts(out, "\\end{document}\n");
}
