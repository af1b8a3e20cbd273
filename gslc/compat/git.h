/* git.h: the .gsl files of a git revision, for reading a side of a
 * comparison given as REV:path. They are read once, with two git
 * commands, and served to the front end through a gsl_reader. */
#ifndef GSL_COMPAT_GIT_H
#define GSL_COMPAT_GIT_H

#include <stdbool.h>

#include "context.h"

struct compat_git;

/* Reads the .gsl files of rev in the repository around the current
 * directory. NULL after printing why not (to stderr). */
struct compat_git *compat_git_open(const struct gsl_mem *mem, const char *rev);
void compat_git_free(struct compat_git *g);

/* The reader that serves paths "REV:path" (path from the top of the
 * repository; "." and ".." segments allowed). */
const struct gsl_reader *compat_git_reader(struct compat_git *g);

/* A path given relative to the current directory, as a path from the
 * top of the repository (for `REV:./x` and -I directories); NULL when it
 * is outside the repository. The result is malloc'd with mem. */
char *compat_git_from_top(struct compat_git *g, const char *path);

/* Whether path (from the top) is a .gsl file, or a directory holding
 * some, at the revision. */
bool compat_git_is_file(struct compat_git *g, const char *path);
bool compat_git_is_dir(struct compat_git *g, const char *path);

/* The .gsl files directly in dir (from the top; "" for the top), sorted;
 * *n of them, in an array malloc'd with mem (the strings belong to g). */
const char **compat_git_list(struct compat_git *g, const char *dir, size_t *n);

#endif
