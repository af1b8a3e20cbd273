/* merge_loops.h: the two loops that merge sorted arrays, written once for
   the merges of bit fields (fields.c) and of addresses (nodeview.c). The
   including file defines ELEMENT (the element type), RUN, KEEPS_A(op)
   and KEEPS_B(op), and the functions copy, front_block, front_step,
   back_block and back_step for its elements; this file then defines
   merge() and count(). Each call site passes a constant op, and out NULL
   or not, so the compiler makes one loop for each. */

/* Merge a and b by op, writing at out (NULL: only count); return the
   number of elements kept. */
static ALWAYS_INLINE Py_ssize_t
merge(enum setop op, const ELEMENT *a, Py_ssize_t na, const ELEMENT *b,
      Py_ssize_t nb, ELEMENT *out)
{
    Py_ssize_t i = 0, j = 0, k = 0;
    while (i + RUN <= na && j + RUN <= nb) {
        if (!front_block(op, a, &i, b, &j, out, &k))
            for (int r = 0; r < RUN; r++)
                front_step(op, a, &i, b, &j, out, &k);
    }
    while (i < na && j < nb)
        front_step(op, a, &i, b, &j, out, &k);
    /* What is left of one side meets nothing of the other. */
    if (i < na && KEEPS_A(op)) {
        copy(out, k, a + i, na - i);
        k += na - i;
    }
    if (j < nb && KEEPS_B(op)) {
        copy(out, k, b + j, nb - j);
        k += nb - j;
    }
    return k;
}

/* Count what merge() keeps, from both ends at once: two independent
   chains of work for the processor. */
static ALWAYS_INLINE Py_ssize_t
count(enum setop op, const ELEMENT *a, Py_ssize_t na, const ELEMENT *b,
      Py_ssize_t nb)
{
    Py_ssize_t i = 0, j = 0, ii = na - 1, jj = nb - 1, k = 0, kk = 0;
    while (ii - i + 1 >= 2 * RUN && jj - j + 1 >= 2 * RUN) {
        int front = front_block(op, a, &i, b, &j, NULL, &k);
        int back = back_block(op, a, &ii, b, &jj, &kk);
        if (!front && !back) {
            for (int r = 0; r < RUN; r++) {
                front_step(op, a, &i, b, &j, NULL, &k);
                back_step(op, a, &ii, b, &jj, &kk);
            }
        } else if (!front) {
            for (int r = 0; r < RUN; r++)
                front_step(op, a, &i, b, &j, NULL, &k);
        } else if (!back) {
            for (int r = 0; r < RUN; r++)
                back_step(op, a, &ii, b, &jj, &kk);
        }
    }
    return k + kk + merge(op, a + i, ii - i + 1, b + j, jj - j + 1, NULL);
}
