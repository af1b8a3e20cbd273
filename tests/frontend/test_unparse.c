/* test_unparse.c: the unparser's property, parse(unparse(tree)) == tree,
 * over random documents (trees are made by parsing random text, so they
 * cover every header form, quoting, CRs and errors), and over the files
 * named on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "dump.h"
#include "unparse.h"

static uint64_t seed = 0x9e3779b97f4a7c15u;

static unsigned rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

static const char *pick(const char *const *list, size_t n)
{
	return list[rnd((unsigned)n)];
}

#define PICK(list) pick(list, sizeof list / sizeof *list)

static const char *const tags[] = {
	"kind", "superkind", "and", "import", "from", "attr", "method", "d", "t", "c",
	"arg", "key arg", "ka", "repeat", "optionals", "alt", "seq", "draw", "returns",
	"precondition", "postcondition", "condition", "python code", "in context", "eg",
	"document", "output", "man page of", "test of", "coverage", "macro", "use", "p",
	"em", "pre", "a", "href", "ref", "self", "op", "fop", "no arg", "", "x y",
};

static const char *const pieces[] = {
	"a", "K", "int+", ", ", ",", ":", "::", "=", ".", "..", "*", "1", "3", "(", ")",
	"<returned value>", "not ", " ", "\t", "\\", "\xc3\xa9", "\r", "my kind", "x.y",
};

static void words(struct gsl_buf *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		gsl_buf_puts(b, PICK(pieces));
}

/* A random document of up to n lines. */
static void document(struct gsl_buf *b, unsigned n)
{
	static const char *const line_starts[] = { "", " ", "\\.", "\\\\.", "\\", "x", "\t" };
	unsigned depth = 0;
	if (rnd(4) == 0) {
		words(b, rnd(4));
		gsl_buf_putc(b, '\n');
	}
	for (unsigned i = 0; i < n; i++) {
		if (rnd(5) == 0) {
			/* A text line. */
			gsl_buf_puts(b, PICK(line_starts));
			words(b, rnd(5));
		} else {
			depth = rnd(depth + 2);
			if (depth == 0)
				depth = 1;
			for (unsigned k = 0; k < depth; k++)
				gsl_buf_putc(b, '.');
			gsl_buf_puts(b, PICK(tags));
			switch (rnd(5)) {
			case 0:
				break;
			case 1:
				gsl_buf_puts(b, "::");
				break;
			case 2:
				gsl_buf_putc(b, '=');
				break;
			default:
				gsl_buf_putc(b, ':');
				break;
			}
			words(b, rnd(6));
		}
		gsl_buf_puts(b, rnd(8) ? "\n" : "\r\n");
	}
	if (rnd(4) == 0 && b->len)
		b->len--, b->data[b->len] = '\0'; /* no final newline */
}

/* Parses text, unparses the tree, parses that: the trees must be equal,
 * and unparsing again must give the same text. */
static int round_trip(struct gsl_ctx *ctx, const char *name, const char *text, size_t len)
{
	struct gsl_node *t1 = gsl_parse_file(ctx, gsl_ctx_add_file(ctx, name, text, len));
	struct gsl_buf u1, u2;
	gsl_buf_init(&u1, ctx->mem);
	gsl_buf_init(&u2, ctx->mem);
	gsl_unparse(t1, &u1);
	struct gsl_node *t2 = gsl_parse_file(ctx, gsl_ctx_add_file(ctx, name, gsl_buf_cstr(&u1),
								    u1.len));
	gsl_unparse(t2, &u2);
	int ok = gsl_ast_equal(t1, t2) && u1.len == u2.len &&
		 memcmp(gsl_buf_cstr(&u1), gsl_buf_cstr(&u2), u1.len) == 0;
	if (!ok) {
		struct gsl_buf d1, d2;
		gsl_buf_init(&d1, ctx->mem);
		gsl_buf_init(&d2, ctx->mem);
		gsl_dump_ast(ctx, t1, &d1);
		gsl_dump_ast(ctx, t2, &d2);
		fprintf(stderr, "%s: round trip failed\n--- text\n%.*s\n--- unparsed\n%s\n"
			"--- first tree\n%s--- second tree\n%s", name, (int)len, text,
			gsl_buf_cstr(&u1), gsl_buf_cstr(&d1), gsl_buf_cstr(&d2));
		gsl_buf_free(&d1);
		gsl_buf_free(&d2);
	}
	gsl_buf_free(&u1);
	gsl_buf_free(&u2);
	return ok;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *data = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len == cap) {
			cap = cap ? 2 * cap : 65536;
			data = realloc(data, cap);
			if (!data)
				return NULL;
		}
		size_t n = fread(data + *len, 1, cap - *len, f);
		if (!n)
			break;
		*len += n;
	}
	fclose(f);
	return data;
}

int main(int argc, char **argv)
{
	unsigned count = getenv("UNPARSE_COUNT") ? (unsigned)atoi(getenv("UNPARSE_COUNT")) : 3000;
	int failed = 0;
	for (unsigned i = 0; i < count && failed < 3; i++) {
		struct gsl_ctx ctx;
		gsl_ctx_init(&ctx, &gsl_default_mem);
		ctx.diag.out = NULL; /* random text has errors; only the trees matter */
		struct gsl_buf text;
		gsl_buf_init(&text, ctx.mem);
		document(&text, 1 + rnd(30));
		failed += !round_trip(&ctx, "random.gsl", gsl_buf_cstr(&text), text.len);
		gsl_buf_free(&text);
		gsl_ctx_free(&ctx);
	}
	for (int i = 1; i < argc; i++) {
		size_t len;
		char *data = read_file(argv[i], &len);
		if (!data) {
			fprintf(stderr, "cannot read %s\n", argv[i]);
			return 1;
		}
		struct gsl_ctx ctx;
		gsl_ctx_init(&ctx, &gsl_default_mem);
		failed += !round_trip(&ctx, argv[i], data, len);
		gsl_ctx_free(&ctx);
		free(data);
	}
	printf("%u random documents and %d files round-trip%s\n", count, argc - 1,
	       failed ? ": FAILED" : "");
	return failed != 0;
}
