/* driver.c: the gslc command line. It parses options, loads the named
 * files, runs the front end and, when there were no errors, the backends,
 * writing each output atomically. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "context.h"
#include "dump.h"
#include "model.h"

enum dump { DUMP_NONE, DUMP_AST, DUMP_MODEL };

struct options {
	const char *output_dir;
	bool check;
	enum dump dump;
};

static void usage(FILE *out)
{
	fputs("Usage: gslc [OPTION]... FILE...\n"
	      "Compile the documents that GSL FILEs declare.\n"
	      "\n"
	      "  -o DIR          write outputs into DIR (default: .)\n"
	      "  -I DIR          search DIR for imported files\n"
	      "      --check     parse and resolve only; write nothing\n"
	      "      --dump=ast|model\n"
	      "                  print the syntax tree or the resolved model as JSON\n"
	      "  -Werror         treat warnings as errors\n"
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

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "dump", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "Werror", no_argument, NULL, 'E' },
		{ NULL, 0, NULL, 0 },
	};
	struct options opt = { .output_dir = "." };
	struct gsl_ctx ctx;
	gsl_ctx_init(&ctx, &gsl_default_mem);
	ctx.diag.show_source = isatty(2);
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
	struct gsl_buf out;
	gsl_buf_init(&out, ctx.mem);
	struct gsl_model *model = gsl_model_build(&ctx, (const char *const *)argv + optind,
						  argc - optind);
	if (opt.dump == DUMP_AST)
		for (const struct gsl_package *p = model->packages; p; p = p->next)
			gsl_dump_ast(&ctx, p->root, &out);
	else if (opt.dump == DUMP_MODEL)
		gsl_dump_model(&ctx, model, &out);
	int status = gsl_diag_failed(&ctx) ? 1 : 0;
	if (!status)
		fwrite(out.data, 1, out.len, stdout);
	gsl_buf_free(&out);
	gsl_model_free(model);
	gsl_ctx_free(&ctx);
	return status;
}
