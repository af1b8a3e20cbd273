/* test_units.c: unit tests of the front end's small parts: the tag table
 * and its lookup, text cooking, the JSON writer, the string map, the tree
 * walker and the arena. */
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "arena.h"
#include "ast.h"
#include "iter.h"
#include "json.h"
#include "lexer.h"
#include "strmap.h"


static struct gsl_str str(const char *s)
{
	return (struct gsl_str){ s, strlen(s) };
}

/* Every tag is found by its name, its alias and its name written with
 * spaces; other words are markup. */
static void test_tags(struct gsl_ctx *ctx)
{
	for (int t = GSL_TAG_HTMLATTR + 1; t < GSL_TAG_COUNT; t++) {
		char words[GSL_TAG_WORDS_MAX];
		CHECK(gsl_tag_lookup(ctx, str(gsl_tag_name(t))) == (enum gsl_tag)t);
		CHECK(gsl_tag_lookup(ctx, str(gsl_tag_words(t, words))) == (enum gsl_tag)t);
		if (gsl_tag_alias(t))
			CHECK(gsl_tag_lookup(ctx, str(gsl_tag_alias(t))) == (enum gsl_tag)t);
	}
	CHECK(gsl_tag_lookup(ctx, str("p")) == GSL_TAG_MARKUP);
	CHECK(gsl_tag_lookup(ctx, str("kinds")) == GSL_TAG_MARKUP);
	CHECK(gsl_tag_lookup(ctx, str("kin")) == GSL_TAG_MARKUP);
	CHECK(gsl_tag_lookup(ctx, str("")) == GSL_TAG_MARKUP);
	CHECK(gsl_tag_lookup(ctx, str("key  arg")) == GSL_TAG_MARKUP);
	CHECK(gsl_tag_lookup(ctx, str("ka")) == GSL_TAG_KEY_ARG);
	CHECK(gsl_tag_lookup(ctx, str("d")) == GSL_TAG_DESCRIPTION);
}

static void cook(const char *in, bool at_line_start, const char *want)
{
	char out[256];
	size_t n = gsl_cook_text(in, strlen(in), at_line_start, out);
	out[n] = '\0';
	if (strcmp(out, want) != 0) {
		fprintf(stderr, "cook(\"%s\") gave \"%s\", want \"%s\"\n", in, out, want);
		check_failures++;
	}
}

static void test_cook(void)
{
	cook("x\n\\.y", false, "x\n.y");
	cook("x\n\\\\.y", false, "x\n\\.y");
	cook("x\n\\\\\\.y", false, "x\n\\\\.y");
	cook("x\n\\q", false, "x\n\\q");
	cook("\\.y", false, "\\.y");        /* after the tag, not a line start */
	cook("\\.y", true, ".y");
	cook("a\r\nb\r\n", false, "a\nb\n");
	cook("a\rb", false, "a\rb");         /* a lone CR is text */
	cook("a\r\r\nb", false, "a\r\nb");
}

static void test_json(struct gsl_ctx *ctx)
{
	struct gsl_buf b;
	gsl_buf_init(&b, ctx->mem);
	struct gsl_json j;
	gsl_json_init(&j, &b);
	gsl_json_object(&j);
	gsl_json_key(&j, "a");
	gsl_json_array(&j);
	gsl_json_int(&j, -3);
	gsl_json_cstring(&j, "q\"\\\n\x01");
	gsl_json_end(&j);
	gsl_json_key(&j, "e");
	gsl_json_object(&j);
	gsl_json_end(&j);
	gsl_json_end(&j);
	gsl_json_finish(&j);
	CHECK(strcmp(gsl_buf_cstr(&b),
		     "{\n  \"a\": [\n    -3,\n    \"q\\\"\\\\\\n\\u0001\"\n  ],\n  \"e\": {}\n}\n") == 0);
	gsl_buf_free(&b);
}

static void test_strmap(struct gsl_ctx *ctx)
{
	struct gsl_strmap m;
	gsl_strmap_init(&m, ctx->mem);
	static char keys[1000][12];
	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		*gsl_strmap_slot(&m, keys[i], strlen(keys[i])) = keys[i];
	}
	CHECK(m.count == 1000);
	for (int i = 0; i < 1000; i++)
		CHECK(gsl_strmap_get(&m, keys[i], strlen(keys[i])) == keys[i]);
	CHECK(gsl_strmap_get(&m, "k1000", 5) == NULL);
	CHECK(gsl_strmap_get(&m, "k1", 1) == NULL);
	gsl_strmap_free(&m);
}

/* The walker enters and exits every node in order; skipping children
 * goes straight to the exit. */
static void test_iter(struct gsl_ctx *ctx)
{
	const char text[] = ".a\n..b\n...c\n..x\n.e\n";
	uint32_t file = gsl_ctx_add_file(ctx, "iter.gsl", text, sizeof text - 1);
	struct gsl_node *root = gsl_parse_file(ctx, file);
	char trace[64] = "";
	struct gsl_iter it;
	gsl_iter_init(&it, root);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		struct gsl_str t = gsl_node_tag(it.node);
		if (it.node == root)
			continue;
		strncat(trace, ev == GSL_EVENT_ENTER ? "+" : "-", sizeof trace - strlen(trace) - 1);
		strncat(trace, t.ptr, t.len);
		if (ev == GSL_EVENT_ENTER && gsl_str_eq(t, "b"))
			gsl_iter_skip_children(&it);
	}
	CHECK(strcmp(trace, "+a+b-b+x-x-a+e-e") == 0);
}

/* Pieces are zeroed unless asked raw; the newest one resizes in place;
 * a reset takes every piece back and hands the same memory out again,
 * each piece from the first chunk large enough for it. */
static void test_arena(void)
{
	struct gsl_arena a;
	gsl_arena_init(&a, &gsl_default_mem);
	char *p = gsl_arena_alloc(&a, 100);
	CHECK(gsl_arena_holds(&a, p) && gsl_arena_holds(&a, p + 99));
	CHECK(!gsl_arena_holds(&a, &a));
	memset(p, 'x', 100);

	char *q = gsl_arena_alloc_raw(&a, 16);
	CHECK(q >= p + 100 && gsl_arena_holds(&a, q));
	CHECK(!gsl_arena_resize(&a, p, 100, 200)); /* not the newest piece */
	CHECK(gsl_arena_resize(&a, q, 16, 4000));
	CHECK(gsl_arena_resize(&a, q, 4000, 0));
	CHECK(gsl_arena_alloc_raw(&a, 8) == q);   /* its memory came back */
	CHECK(!gsl_arena_resize(&a, q, 8, (size_t)64 << 20)); /* no room */

	char *big = gsl_arena_alloc(&a, (size_t)1 << 20); /* a chunk of its own */
	CHECK(gsl_arena_holds(&a, big + ((size_t)1 << 20) - 1));
	char *after = gsl_arena_alloc(&a, 8);
	CHECK(after == q + 8);                      /* the small chunk goes on */

	gsl_arena_reset(&a);
	CHECK(!gsl_arena_holds(&a, p));
	/* The first chunk given back is too small for this; the next is not. */
	CHECK(gsl_arena_alloc(&a, (size_t)1 << 20) == big);
	char *again = gsl_arena_alloc(&a, 100);
	CHECK(again == p);                          /* the memory already touched */
	bool zeroed = true;
	for (int i = 0; i < 100; i++)
		zeroed &= again[i] == 0;
	CHECK(zeroed);
	gsl_arena_free(&a);
}

int main(void)
{
	struct gsl_ctx ctx;
	gsl_ctx_init(&ctx, &gsl_default_mem);
	test_tags(&ctx);
	test_cook();
	test_json(&ctx);
	test_strmap(&ctx);
	test_iter(&ctx);
	test_arena();
	gsl_ctx_free(&ctx);
	return check_status();
}
