/* driver.c: the gslc command line. It parses options, loads the named
 * files, runs the front end and, when there were no errors, the backends,
 * writing each output atomically. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "context.h"
#include "dump.h"
#include "emit.h"
#include "compat/gslc_compat.h"
#include "ctest.h"
#include "model.h"

enum dump { DUMP_NONE, DUMP_AST, DUMP_MODEL };

struct options {
	const char *output_dir;
	unsigned formats;       /* formats to emit; all that documents name if 0 */
	bool check;
	enum dump dump;
	struct gsl_emit_options emit;
};

static void usage(FILE *out)
{
	fputs("Usage: gslc [OPTION]... FILE...\n"
	      "       gslc compat [OPTION]... OLD NEW   (see gslc compat --help)\n"
	      "Compile the documents that GSL FILEs declare.\n"
	      "\n"
	      "  -o DIR          write outputs into DIR (default: .)\n"
	      "  -I DIR          search DIR for imported files\n"
	      "      --format=LIST  emit only these formats (comma-separated: " GSL_FORMAT_NAMES ")\n"
	      "      --check     parse and resolve only; write nothing\n"
	      "      --date      date generated documents (SOURCE_DATE_EPOCH or now)\n"
	      "      --body-only LaTeX: write the body only, to include in a manual\n"
	      "      --fix-refs  resolve '.ref: .myfile.x' and references to labels,\n"
	      "                  which the original leaves as plain text\n"
	      "      --dump=ast|model\n"
	      "                  print the syntax tree or the resolved model as JSON\n"
	      "  -Werror         treat warnings as errors\n"
	      "      --ctest-flags, --ctest-makefile\n"
	      "                  print the flags, or a Makefile fragment, that build\n"
	      "                  the C tests of the ctest format\n"
	      "  -h, --help      show this help\n"
	      "      --version   show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 errors in the input, 2 usage errors.\n", out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("gslc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'gslc --help' for more information.\n", stderr);
	return 2;
}

/* Parses a comma-separated list of format names into bits. */
static bool parse_formats(const char *list, unsigned *formats)
{
	*formats = 0;
	for (const char *p = list; *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		unsigned f = gsl_format_lookup((struct gsl_str){ p, n });
		if (!f)
			return false;
		*formats |= f;
		p += n + (comma != NULL);
	}
	return *formats != 0;
}

/* The date for generated documents: SOURCE_DATE_EPOCH when set, so
 * builds can be reproduced, else now. */
static long long source_date(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch) {
		char *end;
		long long t = strtoll(epoch, &end, 10);
		if (!*end)
			return t;
	}
	return (long long)time(NULL);
}

static int dump(struct gsl_ctx *ctx, struct gsl_model *model, enum dump what)
{
	gsl_diag_flush(ctx);
	if (gsl_diag_failed(ctx))
		return 1;
	struct gsl_buf out;
	gsl_buf_init(&out, ctx->mem);
	if (what == DUMP_AST)
		for (const struct gsl_package *p = model->packages; p; p = p->next)
			gsl_dump_ast(ctx, p->root, &out);
	else
		gsl_dump_model(ctx, model, &out);
	fwrite(gsl_buf_cstr(&out), 1, out.len, stdout);
	gsl_buf_free(&out);
	return 0;
}

/* Creates the directories on the way to path (not path itself). */
static bool make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
		*p = '/';
		if (!ok)
			return false;
	}
	return true;
}

/* Writes one output: to a temporary file beside it, renamed into place,
 * so a reader never sees half a file. */
static bool write_output(struct gsl_ctx *ctx, const char *dir, const struct gsl_output *o)
{
	char *path = gsl_arena_printf(&ctx->arena, "%s/%s", dir, o->name);
	char *tmp = gsl_arena_printf(&ctx->arena, "%s.XXXXXX", path);
	int fd = -1;
	bool ok = make_parents(tmp) && (fd = mkstemp(tmp)) >= 0;
	if (ok) {
		const char *p = gsl_buf_cstr(&o->buf);
		size_t left = o->buf.len;
		while (ok && left) {
			ssize_t n = write(fd, p, left);
			ok = n > 0;
			if (ok) {
				p += n;
				left -= (size_t)n;
			}
		}
		ok = fchmod(fd, 0644) == 0 && ok;
		ok = close(fd) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
		if (!ok)
			unlink(tmp);
	}
	if (!ok)
		gsl_error(ctx, gsl_loc(0, 0, 0), "cannot write '%s': %s", path, strerror(errno));
	return ok;
}

/* Says on stderr that a run with errors wrote nothing, or only some of
 * its files (when writing one of them failed). */
static void report_unwritten(struct gsl_ctx *ctx, size_t written, size_t outputs)
{
	fprintf(stderr, "gslc: %u error%s; ", ctx->diag.errors, ctx->diag.errors == 1 ? "" : "s");
	if (written)
		fprintf(stderr, "%zu of %zu files written\n", written, outputs);
	else
		fputs("no file written\n", stderr);
}

static int compile(struct gsl_ctx *ctx, struct gsl_model *model, const struct options *opt)
{
	if (opt->check)
		return gsl_diag_failed(ctx) ? 1 : 0;
	struct gsl_emit e = { .model = model, .ctx = ctx, .opt = &opt->emit };
	size_t outputs = 0, written = 0;
	if (!gsl_diag_failed(ctx)) {
		for (struct gsl_document *d = model->documents; d; d = d->next) {
			if (opt->formats)
				d->formats &= opt->formats;
			gsl_emit_document(&e, d);
		}
		gsl_emit_finish(&e);
		for (const struct gsl_output *o = e.outputs; o; o = o->next)
			outputs++;
	}
	/* Each file is replaced whole; a failure to write one (a full disk)
	 * stops the run. */
	if (!gsl_diag_failed(ctx))
		for (const struct gsl_output *o = e.outputs; o && write_output(ctx, opt->output_dir, o);
		     o = o->next)
			written++;
	gsl_diag_flush(ctx);
	if (gsl_diag_failed(ctx))
		report_unwritten(ctx, written, outputs);
	gsl_emit_free(&e);
	return gsl_diag_failed(ctx) ? 1 : 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "date", no_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "body-only", no_argument, NULL, 'B' },
		{ "fix-refs", no_argument, NULL, 'R' },
		{ "dump", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "Werror", no_argument, NULL, 'E' },
		{ "ctest-flags", no_argument, NULL, 'C' },
		{ "ctest-makefile", no_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 },
	};
	if (argc > 1 && strcmp(argv[1], "compat") == 0)
		return gsl_compat_main(argc - 1, argv + 1);
	struct options opt = { .output_dir = "." };
	struct gsl_ctx ctx;
	gsl_ctx_init(&ctx, &gsl_default_mem);
	/* On a terminal, quote the source and colour, as GCC does; NO_COLOR
	 * (no-color.org) turns colours off. */
	ctx.diag.show_source = isatty(2);
	const char *term = getenv("TERM");
	ctx.diag.color = ctx.diag.show_source && !getenv("NO_COLOR") &&
			 !(term && strcmp(term, "dumb") == 0);
	int c;
	while ((c = getopt_long_only(argc, argv, "o:I:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opt.output_dir = optarg;
			break;
		case 'I':
			gsl_ctx_add_include_dir(&ctx, optarg);
			break;
		case 'c':
			opt.check = true;
			break;
		case 'D':
			opt.emit.date = true;
			break;
		case 'f':
			if (!parse_formats(optarg, &opt.formats)) {
				gsl_ctx_free(&ctx);
				return usage_error("bad --format list '%s' (formats: " GSL_FORMAT_NAMES ")",
						   optarg);
			}
			break;
		case 'B':
			opt.emit.latex_body_only = true;
			break;
		case 'R':
			opt.emit.fix_refs = true;
			break;
		case 'd':
			if (strcmp(optarg, "ast") == 0)
				opt.dump = DUMP_AST;
			else if (strcmp(optarg, "model") == 0)
				opt.dump = DUMP_MODEL;
			else {
				gsl_ctx_free(&ctx);
				return usage_error("unknown dump '%s' (expected ast or model)", optarg);
			}
			break;
		case 'E':
			ctx.diag.werror = true;
			break;
		case 'h':
			usage(stdout);
			gsl_ctx_free(&ctx);
			return 0;
		case 'V':
			puts("gslc " PACKAGE_VERSION);
			gsl_ctx_free(&ctx);
			return 0;
		case 'C':
		case 'M':
			gsl_ctx_free(&ctx);
			return gsl_ctest_print_build(stdout, c == 'C' ? "flags" : "makefile");
		default:
			gsl_ctx_free(&ctx);
			fputs("Try 'gslc --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (optind == argc) {
		gsl_ctx_free(&ctx);
		return usage_error("%s", "no input files");
	}
	if (opt.emit.date)
		opt.emit.source_date = source_date();
	struct gsl_model *model = gsl_model_build(&ctx, (const char *const *)argv + optind,
						  argc - optind);
	int status;
	if (opt.dump != DUMP_NONE)
		status = dump(&ctx, model, opt.dump);
	else
		status = compile(&ctx, model, &opt);
	gsl_model_free(model);
	gsl_ctx_free(&ctx);
	return status;
}
