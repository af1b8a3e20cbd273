/* fuzz_gsl.c: the libFuzzer target. Each input is a GSL file that goes
 * through everything gslc does: parsing, resolution, the checks, every
 * backend (into memory), and the unparser's round trip, which must give
 * back the same tree. Crashes, sanitizer reports and a broken round trip
 * are failures. */
#include <stdint.h>
#include <stdlib.h>

#include "emit.h"
#include "model.h"
#include "unparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gsl_ctx ctx;
	gsl_ctx_init(&ctx, &gsl_default_mem);
	ctx.diag.out = NULL;
	uint32_t file = gsl_ctx_add_file(&ctx, "fuzz.gsl", (const char *)data, size);
	struct gsl_model *m = gsl_model_build_files(&ctx, &file, 1);

	if (m->packages) {
		struct gsl_buf text;
		gsl_buf_init(&text, ctx.mem);
		gsl_unparse(m->packages->root, &text);
		uint32_t again = gsl_ctx_add_file(&ctx, "fuzz.gsl", gsl_buf_cstr(&text), text.len);
		if (!gsl_ast_equal(m->packages->root, gsl_parse_file(&ctx, again)))
			abort();
		gsl_buf_free(&text);
	}

	struct gsl_emit_options opt = { 0 };
	struct gsl_emit e = { .model = m, .ctx = &ctx, .opt = &opt };
	for (const struct gsl_document *d = m->documents; d; d = d->next)
		gsl_emit_document(&e, d);
	gsl_emit_finish(&e);
	gsl_emit_free(&e);

	gsl_model_free(m);
	gsl_ctx_free(&ctx);
	return 0;
}
