/* test_latex.c: unit tests of what the LaTeX emitter writes character by
 * character: escaped text, labels, URLs, and the code points of
 * character references. */
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "charref.h"
#include "latex.h"


/* Compares what a writer made of input with want. */
static void expect(const char *what, const char *in, const struct gsl_buf *b, const char *want)
{
	if (strcmp(gsl_buf_cstr(b), want) != 0) {
		fprintf(stderr, "%s(\"%s\") gave \"%s\", want \"%s\"\n", what, in, gsl_buf_cstr(b),
			want);
		check_failures++;
	}
}

static void escape(const char *in, enum latex_text how, const char *want)
{
	struct gsl_buf b;
	gsl_buf_init(&b, &gsl_default_mem);
	latex_escape(&b, in, strlen(in), how);
	expect(how == LATEX_TEXT ? "escape" : "escape pdfstring", in, &b, want);
	gsl_buf_free(&b);
}

/* Every special character, ligatures, and characters beyond ASCII. */
static void test_escape(void)
{
	escape("plain text, 1.", LATEX_TEXT, "plain text, 1.");
	escape("\\{}$&#^_%~", LATEX_TEXT,
	       "\\textbackslash{}\\{\\}\\$\\&\\#\\textasciicircum{}\\_\\%\\textasciitilde{}");
	escape("<>|\"'`[]", LATEX_TEXT,
	       "\\textless{}\\textgreater{}\\textbar{}\\textquotedbl{}\\textquotesingle{}"
	       "\\textasciigrave{}{[}{]}");
	escape("a--b---c,,d-e,f", LATEX_TEXT, "a-{}-b-{}-{}-c,{},d-e,f");
	escape("\\end{document}", LATEX_TEXT, "\\textbackslash{}end\\{document\\}");
	escape("tab\tline\nend", LATEX_TEXT, "tab line\nend");
	escape("\x01\x1b\x7f", LATEX_TEXT, "\\gslchar{0001}\\gslchar{001B}\\gslchar{007F}");
	escape("\xc3\xa9\xc3\x9f\xe2\x82\xac", LATEX_TEXT, "\xc3\xa9\xc3\x9f\xe2\x82\xac");
	escape("\xce\xb1\xe2\x89\xa4", LATEX_TEXT, "\\ensuremath{\\alpha}\\ensuremath{\\leq}");
	escape("\xe6\xbc\xa2\xf0\x9f\x98\x80", LATEX_TEXT, "\\gslchar{6F22}\\gslchar{1F600}");
	escape("e\xcc\x81", LATEX_TEXT, "e\\gslchar{0301}");
	/* Bytes that are not UTF-8, each the replacement character. */
	escape("\xff", LATEX_TEXT, "\\gslchar{FFFD}");
	escape("a\xc3", LATEX_TEXT, "a\\gslchar{FFFD}");
	escape("\xc0\xaf", LATEX_TEXT, "\\gslchar{FFFD}\\gslchar{FFFD}");
	escape("\xed\xa0\x80", LATEX_TEXT, "\\gslchar{FFFD}\\gslchar{FFFD}\\gslchar{FFFD}");
	escape("\xf4\x90\x80\x80", LATEX_TEXT,
	       "\\gslchar{FFFD}\\gslchar{FFFD}\\gslchar{FFFD}\\gslchar{FFFD}");
	/* PDF strings spell what has no text command. */
	escape("_\xc3\xa9\xce\xb1\xe6\xbc\xa2", LATEX_PDFSTRING, "\\_\xc3\xa9[U+03B1][U+6F22]");
}

static void label(const char *doc, const char *anchor, const char *want)
{
	struct gsl_buf b;
	gsl_buf_init(&b, &gsl_default_mem);
	latex_label(&b, doc, anchor, strlen(anchor));
	expect("label", anchor, &b, want);
	gsl_buf_free(&b);
}

static bool label_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr(".:-_+/", c);
}

/* Labels keep what LaTeX takes, spell the rest, and stay distinct: all
 * pairs of short strings over an alphabet of hard characters give
 * distinct labels of safe characters only. */
static void test_label(void)
{
	label("sets", "sets.NodeSet.op:-38-", "sets/sets.NodeSet.op:-38-");
	label("my doc", "a_b c", "my+20doc/a_b+20c");
	label("a/b", "x+y{}", "a+2Fb/x+2By+7B+7D");
	label("d", "\xc3\xa9", "d/+C3+A9");
	static const char alphabet[] = "a/+ _";
	enum { N = 1 + 5 + 25 };
	char words[N][3];
	int n = 0;
	words[n++][0] = '\0';
	for (int i = 0; i < 5; i++)
		snprintf(words[n++], 3, "%c", alphabet[i]);
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 5; j++)
			snprintf(words[n++], 3, "%c%c", alphabet[i], alphabet[j]);
	static char labels[N * N][32];
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			struct gsl_buf b;
			gsl_buf_init(&b, &gsl_default_mem);
			latex_label(&b, words[i], words[j], strlen(words[j]));
			snprintf(labels[i * N + j], sizeof labels[0], "%s", gsl_buf_cstr(&b));
			for (const char *c = gsl_buf_cstr(&b); *c; c++)
				CHECK(label_char(*c));
			gsl_buf_free(&b);
		}
	for (int i = 0; i < N * N; i++)
		for (int j = 0; j < i; j++)
			CHECK(strcmp(labels[i], labels[j]) != 0);
}

static void url(const char *in, const char *want)
{
	struct gsl_buf b;
	gsl_buf_init(&b, &gsl_default_mem);
	latex_url(&b, in, strlen(in));
	expect("url", in, &b, want);
	gsl_buf_free(&b);
}

static void test_url(void)
{
	url("http://example.org/a/b.html", "http://example.org/a/b.html");
	url("http://x/?a=1&b=%20#top", "http://x/?a=1\\&b=\\%20\\#top");
	url("a_b~c{d}\\e f^", "a\\%5Fb\\%7Ec\\%7Bd\\%7D\\%5Ce\\%20f\\%5E");
	url("\xc3\xa9", "\\%C3\\%A9");
}

static unsigned long charref(const char *s)
{
	return gsl_charref(s, strlen(s));
}

/* HTML 4 entity names (and apos), decimal and hexadecimal codes. */
static void test_charref(void)
{
	CHECK(charref("nbsp") == 160);
	CHECK(charref("copy") == 169);
	CHECK(charref("AElig") == 198);
	CHECK(charref("apos") == 39);
	CHECK(charref("alpha") == 945);
	CHECK(charref("Alpha") == 913);
	CHECK(charref("thetasym") == 977);
	CHECK(charref("euro") == 8364);
	CHECK(charref("zwnj") == 8204);
	CHECK(charref("nosuch") == 0);
	CHECK(charref("NBSP") == 0);
	CHECK(charref("averyveryverylongname") == 0);
	CHECK(charref("") == 0);
	CHECK(charref("169") == 169);
	CHECK(charref("0xa9") == 169);
	CHECK(charref("0XA9") == 169);
	CHECK(charref("0x1F600") == 0x1f600);
	CHECK(charref("1114111") == 0x10ffff);
	CHECK(charref("1114112") == 0);
	CHECK(charref("0x") == 0);
	CHECK(charref("0") == 0);
	CHECK(charref("12a") == 0);
	CHECK(charref("0xd800") == 0);
	CHECK(charref("99999999999999999999") == 0);
}

int main(void)
{
	test_escape();
	test_label();
	test_url();
	test_charref();
	return check_status();
}
