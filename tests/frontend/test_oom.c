/* test_oom.c: running out of memory is a clean error. A counting
 * allocator first measures how many allocations a whole compilation of
 * a sample file makes; then, for each of them, a child process runs the
 * same compilation with that allocation failing, and must exit with
 * status 1 and the message "out of memory" (not crash). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dump.h"
#include "model.h"

/* The child exits without freeing: that is the point, not a leak. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

static long allocations; /* made so far */
static long fail_at = -1; /* the allocation that fails, or -1 */

static void *counting_realloc(void *p, size_t n)
{
	if (allocations++ == fail_at)
		return NULL;
	return realloc(p, n);
}

static const struct gsl_mem counting_mem = { counting_realloc, free };

static const char sample[] =
	".superkind:: int+\n..eg: 1\n"
	".import:: int+\n..from: t\n"
	".kind:: K\n..d: A kind\n...em: with markup\n"
	"..method:: m\n...optionals\n....arg: x: int+\n...returns: K\n"
	"..condition:: c\n...self: s\n...python code: s\n"
	"..attr:: a, b\n...kind of: Q\n"
	".document: d\n..output: html\n..man page of: K\n";

/* Parses, resolves and dumps the sample; returns the number of errors. */
static unsigned compile(void)
{
	struct gsl_ctx ctx;
	gsl_ctx_init(&ctx, &counting_mem);
	ctx.diag.out = NULL;
	uint32_t file = gsl_ctx_add_file(&ctx, "t.gsl", sample, sizeof sample - 1);
	struct gsl_model *m = gsl_model_build_files(&ctx, &file, 1);
	struct gsl_buf out;
	gsl_buf_init(&out, ctx.mem);
	gsl_dump_model(&ctx, m, &out);
	gsl_buf_free(&out);
	unsigned errors = ctx.diag.errors;
	gsl_model_free(m);
	gsl_ctx_free(&ctx);
	return errors;
}

int main(void)
{
	compile();
	long total = allocations;
	int bad = 0;
	for (long i = 0; i < total; i++) {
		int pipefd[2];
		if (pipe(pipefd) != 0)
			return 1;
		pid_t pid = fork();
		if (pid == 0) {
			dup2(pipefd[1], 2);
			allocations = 0;
			fail_at = i;
			compile();
			_exit(0); /* the failure was not reached */
		}
		close(pipefd[1]);
		char msg[256] = "";
		ssize_t n = read(pipefd[0], msg, sizeof msg - 1);
		msg[n > 0 ? n : 0] = '\0';
		close(pipefd[0]);
		int status;
		waitpid(pid, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 1 || !strstr(msg, "out of memory")) {
			fprintf(stderr, "allocation %ld of %ld: status %d, message '%s'\n", i, total,
				status, msg);
			bad++;
		}
	}
	printf("%ld allocations failed in turn: %s\n", total, bad ? "FAILED" : "each a clean error");
	return bad != 0;
}
