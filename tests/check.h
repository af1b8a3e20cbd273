/* check.h: the assertions of the C unit tests. A failed check prints its
 * place and condition and is counted; the test goes on, and its exit
 * status says whether any failed. */
#ifndef GSL_TEST_CHECK_H
#define GSL_TEST_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(cond) check_that((cond), #cond, __FILE__, __LINE__)

static inline void check_that(int ok, const char *what, const char *file, int line)
{
	if (!ok) {
		fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
		check_failures++;
	}
}

/* The exit status of a test: 1 if a check failed. */
static inline int check_status(void)
{
	if (check_failures)
		fprintf(stderr, "%d checks failed\n", check_failures);
	return check_failures != 0;
}

#endif
