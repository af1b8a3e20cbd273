/* bitstore.c: segmented storage of sorted bit fields. A segment keeps
   free room at both ends, so a field is inserted or removed by moving the
   shorter side; a side longer than the splitting size is moved out into a
   segment of its own instead, which bounds the cost of every change. */
#include "bitstore.h"

#include <string.h>

#define MIN_CAP 8             /* the smallest segment allocation */

/* A segment grows by reallocation up to this many fields; a full one
   that is larger gets a neighbour instead. */
#define REGROW_MAX 4096

/* The allocation for n fields that a segment is given when its contents
   are replaced as a whole: exact, but the same for every n up to MIN_CAP,
   so a small set that empties and refills stays the same size. */
static Py_ssize_t
settled_cap(Py_ssize_t n)
{
    return n <= MIN_CAP ? MIN_CAP : n;
}

static NyBit
last_pos(const struct bitseg *sg)
{
    return sg->f[sg->n - 1].pos;
}

void
bitstore_init(struct bitstore *s)
{
    s->segs = NULL;
    s->nsegs = 0;
    s->segs_cap = 0;
    s->split = BITSTORE_SPLIT;
    s->last = 0;
    s->version = 0;
}

static void
free_segments(struct bitstore *s)
{
    for (Py_ssize_t g = 0; g < s->nsegs; g++)
        PyMem_Free(s->segs[g].mem);
    s->nsegs = 0;
    s->last = 0;
}

void
bitstore_clear(struct bitstore *s)
{
    free_segments(s);
    PyMem_Free(s->segs);
    s->segs = NULL;
    s->segs_cap = 0;
    s->version++;
}

int
bitstore_is_empty(const struct bitstore *s)
{
    return s->nsegs == 0 || s->segs[0].n == 0;
}

/* Make room for need segments. Returns 0, or -1 with MemoryError set. */
static int
reserve_segs(struct bitstore *s, Py_ssize_t need)
{
    if (need <= s->segs_cap)
        return 0;
    Py_ssize_t cap = s->segs_cap ? s->segs_cap : 1;
    while (cap < need)
        cap *= 2;
    struct bitseg *segs = PyMem_Resize(s->segs, struct bitseg, (size_t)cap);
    if (!segs) {
        PyErr_NoMemory();
        return -1;
    }
    s->segs = segs;
    s->segs_cap = cap;
    return 0;
}

/* Insert a new segment at index at, holding a copy of the n fields at src
   followed by *extra if that is not NULL. Returns 0, or -1 with
   MemoryError set. */
static int
add_segment(struct bitstore *s, Py_ssize_t at, const NyBitField *src,
            Py_ssize_t n, const NyBitField *extra)
{
    Py_ssize_t total = n + (extra != NULL);
    Py_ssize_t cap = total < MIN_CAP ? MIN_CAP : total + total / 2;
    if (reserve_segs(s, s->nsegs + 1) < 0)
        return -1;
    NyBitField *mem = PyMem_New(NyBitField, (size_t)cap);
    if (!mem) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(mem, src, (size_t)n * sizeof *mem);
    if (extra)
        mem[n] = *extra;
    memmove(s->segs + at + 1, s->segs + at,
            (size_t)(s->nsegs - at) * sizeof *s->segs);
    s->segs[at] = (struct bitseg){.mem = mem, .cap = cap, .f = mem,
                                  .n = total};
    s->nsegs++;
    s->last = at;
    return 0;
}

/* Whether pos belongs in segment g: the first segment whose last field is
   at or after pos, or else the last segment. */
static int
owns(const struct bitstore *s, Py_ssize_t g, NyBit pos)
{
    return (g == s->nsegs - 1 || pos <= last_pos(&s->segs[g])) &&
           (g == 0 || last_pos(&s->segs[g - 1]) < pos);
}

/* Find where the field at pos is or would go in a store with segments:
   segment *gp, index *ip. Returns whether it is there. */
static int
locate(struct bitstore *s, NyBit pos, Py_ssize_t *gp, Py_ssize_t *ip)
{
    Py_ssize_t g = s->last;
    if (g >= s->nsegs || !owns(s, g, pos)) {
        Py_ssize_t lo = 0, hi = s->nsegs - 1;
        while (lo < hi) {
            Py_ssize_t mid = lo + (hi - lo) / 2;
            if (last_pos(&s->segs[mid]) < pos)
                lo = mid + 1;
            else
                hi = mid;
        }
        g = lo;
        s->last = g;
    }
    const struct bitseg *sg = &s->segs[g];
    Py_ssize_t i = sg->n > 0 && pos > last_pos(sg)
                   ? sg->n : fields_search(sg->f, sg->n, pos, NULL);
    *gp = g;
    *ip = i;
    return i < sg->n && sg->f[i].pos == pos;
}

NyBits
bitstore_get(struct bitstore *s, NyBit pos)
{
    Py_ssize_t g, i;
    if (s->nsegs == 0 || !locate(s, pos, &g, &i))
        return 0;
    return s->segs[g].f[i].bits;
}

/* Copy segment g to a new allocation with room on the side of index i,
   inserting fld at i. Returns 0, or -1 with MemoryError set. */
static int
regrow_insert(struct bitseg *sg, Py_ssize_t i, NyBitField fld)
{
    Py_ssize_t n = sg->n;
    Py_ssize_t cap = 2 * (n + 1) < MIN_CAP ? MIN_CAP : 2 * (n + 1);
    Py_ssize_t room = cap - n - 1;
    Py_ssize_t front = i == 0 && n > 0 ? room : i == n ? 0 : room / 2;
    NyBitField *mem = PyMem_New(NyBitField, (size_t)cap);
    if (!mem) {
        PyErr_NoMemory();
        return -1;
    }
    NyBitField *f = mem + front;
    memcpy(f, sg->f, (size_t)i * sizeof *f);
    f[i] = fld;
    memcpy(f + i + 1, sg->f + i, (size_t)(n - i) * sizeof *f);
    PyMem_Free(sg->mem);
    *sg = (struct bitseg){.mem = mem, .cap = cap, .f = f, .n = n + 1};
    return 0;
}

/* Insert fld at index i of segment g. Returns 0, or -1 with MemoryError
   set. */
static int
insert(struct bitstore *s, Py_ssize_t g, Py_ssize_t i, NyBitField fld)
{
    if (s->nsegs == 0)
        return add_segment(s, 0, &fld, 1, NULL);
    struct bitseg *sg = &s->segs[g];
    Py_ssize_t left = i, right = sg->n - i;
    Py_ssize_t front = sg->f - sg->mem, back = sg->cap - front - sg->n;
    int by_front = front > 0 && left <= s->split;
    int by_back = back > 0 && right <= s->split;
    if (by_front && (!by_back || left <= right)) {
        memmove(sg->f - 1, sg->f, (size_t)left * sizeof *sg->f);
        sg->f--;
    } else if (by_back) {
        memmove(sg->f + i + 1, sg->f + i, (size_t)right * sizeof *sg->f);
    } else if (sg->n < REGROW_MAX && (left <= s->split || right <= s->split)) {
        return regrow_insert(sg, i, fld);
    } else if (right == 0) {
        return add_segment(s, g + 1, &fld, 1, NULL);
    } else if (left < right) {
        /* The shorter side moves out, with the new field. */
        if (add_segment(s, g, sg->f, left, &fld) < 0)
            return -1;
        sg = &s->segs[g + 1];
        sg->f += left;
        sg->n -= left;
        return 0;
    } else {
        if (add_segment(s, g + 1, sg->f + i, right, NULL) < 0)
            return -1;
        sg = &s->segs[g];
        sg->n = i;            /* the room the right side left */
    }
    sg->f[i] = fld;
    sg->n++;
    return 0;
}

/* Remove the field at index i of segment g. Cannot fail: if splitting
   finds no memory, the longer move is made instead. */
static void
erase(struct bitstore *s, Py_ssize_t g, Py_ssize_t i)
{
    struct bitseg *sg = &s->segs[g];
    Py_ssize_t left = i, right = sg->n - 1 - i;
    if (sg->n == 1 && s->nsegs > 1) {
        PyMem_Free(sg->mem);
        memmove(s->segs + g, s->segs + g + 1,
                (size_t)(s->nsegs - g - 1) * sizeof *s->segs);
        s->nsegs--;
        s->last = 0;
        return;
    }
    if (left > s->split && right > s->split) {
        if (left < right && add_segment(s, g, sg->f, left, NULL) == 0) {
            sg = &s->segs[g + 1];
            sg->f += left + 1;
            sg->n -= left + 1;
            return;
        }
        if (left >= right &&
            add_segment(s, g + 1, sg->f + i + 1, right, NULL) == 0) {
            s->segs[g].n = i;
            return;
        }
        PyErr_Clear();
        sg = &s->segs[g];
    }
    if (left <= right) {
        memmove(sg->f + 1, sg->f, (size_t)left * sizeof *sg->f);
        sg->f++;
    } else {
        memmove(sg->f + i, sg->f + i + 1, (size_t)right * sizeof *sg->f);
    }
    sg->n--;
}

int
bitstore_update(struct bitstore *s, enum setop op, NyBit pos, NyBits bits,
                NyBits *was)
{
    Py_ssize_t g = 0, i = 0;
    int found = s->nsegs > 0 && locate(s, pos, &g, &i);
    NyBits old = found ? s->segs[g].f[i].bits : 0;
    NyBits now = setop_apply(op, old, bits);
    *was = old;
    if (now == old)
        return 0;
    if (!found) {
        if (insert(s, g, i, (NyBitField){.pos = pos, .bits = now}) < 0)
            return -1;
    } else if (now) {
        s->segs[g].f[i].bits = now;
    } else {
        erase(s, g, i);
    }
    s->version++;
    return 0;
}

int
bitstore_adopt(struct bitstore *s, NyBitField *mem, Py_ssize_t cap,
               Py_ssize_t n)
{
    if (n > 0 && reserve_segs(s, 1) < 0) {
        PyMem_Free(mem);
        return -1;
    }
    free_segments(s);
    s->version++;
    if (n == 0) {
        PyMem_Free(mem);
        return 0;
    }
    Py_ssize_t want = settled_cap(n);
    if (cap != want) {
        NyBitField *moved = PyMem_Resize(mem, NyBitField, (size_t)want);
        if (moved) {
            mem = moved;
            cap = want;
        }
    }
    s->segs[0] = (struct bitseg){.mem = mem, .cap = cap, .f = mem, .n = n};
    s->nsegs = 1;
    return 0;
}

int
bitstore_assign(struct bitstore *s, const NyBitField *f, Py_ssize_t n)
{
    Py_ssize_t cap = settled_cap(n);
    NyBitField *mem = PyMem_New(NyBitField, (size_t)cap);
    if (!mem) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(mem, f, (size_t)n * sizeof *f);
    return bitstore_adopt(s, mem, cap, n);
}

/* Word by word pays when the operand has few fields, or is this much
   smaller than s. */
#define FEW_FIELDS 8
#define FEW_FIELDS_RATIO 8

int
bitstore_combine(struct bitstore *s, enum setop op, const NyBitField *f,
                 Py_ssize_t n, bitstore_changed changed, void *arg)
{
    /* f may be s's own fields, which change word by word. */
    int own = s->nsegs == 1 &&
              (Py_uintptr_t)f >= (Py_uintptr_t)s->segs[0].mem &&
              (Py_uintptr_t)f < (Py_uintptr_t)(s->segs[0].mem + s->segs[0].cap);
    if ((op == SETOP_OR || op == SETOP_XOR || op == SETOP_SUB) && !own &&
        (n <= FEW_FIELDS || n * FEW_FIELDS_RATIO < bitstore_nfields(s))) {
        for (Py_ssize_t i = 0; i < n; i++) {
            NyBits was;
            if (bitstore_update(s, op, f[i].pos, f[i].bits, &was) < 0)
                return -1;
            NyBits now = setop_apply(op, was, f[i].bits);
            if (changed && now != was)
                changed(f[i].pos, now & ~was, was & ~now, arg);
        }
        return 0;
    }
    const NyBitField *old;
    Py_ssize_t nold;
    NyBitField *tmp;
    if (reserve_segs(s, 1) < 0 || bitstore_flat(s, &old, &nold, &tmp) < 0)
        return -1;
    Py_ssize_t cap = fields_op_bound(op, nold, n);
    if ((size_t)cap * sizeof(NyBitField) > COUNT_FIRST_BYTES)
        cap = fields_op_count(op, old, nold, f, n);
    NyBitField *mem = PyMem_New(NyBitField, (size_t)cap + 1);
    if (!mem) {
        PyMem_Free(tmp);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = fields_op(op, old, nold, f, n, mem);
    if (changed)
        fields_diff(old, nold, mem, k, changed, arg);
    PyMem_Free(tmp);
    /* With a segment reserved, adopting can not fail. */
    return bitstore_adopt(s, mem, cap + 1, k);
}

int
bitstore_flat(const struct bitstore *s, const NyBitField **f,
              Py_ssize_t *n, NyBitField **tmp)
{
    static const NyBitField none[1];
    *tmp = NULL;
    if (s->nsegs <= 1) {
        *f = s->nsegs ? s->segs[0].f : none;
        *n = s->nsegs ? s->segs[0].n : 0;
        return 0;
    }
    Py_ssize_t total = bitstore_nfields(s), k = 0;
    NyBitField *all = PyMem_New(NyBitField, (size_t)total);
    if (!all) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t g = 0; g < s->nsegs; g++) {
        memcpy(all + k, s->segs[g].f, (size_t)s->segs[g].n * sizeof *all);
        k += s->segs[g].n;
    }
    *f = *tmp = all;
    *n = total;
    return 0;
}

Py_ssize_t
bitstore_nfields(const struct bitstore *s)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t g = 0; g < s->nsegs; g++)
        n += s->segs[g].n;
    return n;
}

size_t
bitstore_memsize(const struct bitstore *s)
{
    size_t size = (size_t)s->segs_cap * sizeof *s->segs;
    for (Py_ssize_t g = 0; g < s->nsegs; g++)
        size += (size_t)s->segs[g].cap * sizeof(NyBitField);
    return size;
}

int
bitstore_first(const struct bitstore *s, NyBitField *f)
{
    if (bitstore_is_empty(s))
        return 0;
    *f = s->segs[0].f[0];
    return 1;
}

int
bitstore_last(const struct bitstore *s, NyBitField *f)
{
    if (bitstore_is_empty(s))
        return 0;
    const struct bitseg *sg = &s->segs[s->nsegs - 1];
    *f = sg->f[sg->n - 1];
    return 1;
}

void
bitcursor_init(struct bitcursor *c, const struct bitstore *s)
{
    c->pos = NyPos_MIN;
    c->from = 0;
    c->seg = 0;
    c->idx = 0;
    c->version = s->version;
}

/* After a change of the store, find the first field at or after the
   cursor's position again. */
static void
relocate(const struct bitstore *s, struct bitcursor *c)
{
    Py_ssize_t lo = 0, hi = s->nsegs;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (s->segs[mid].n == 0 || last_pos(&s->segs[mid]) < c->pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    c->seg = lo;
    c->idx = lo < s->nsegs
             ? fields_search(s->segs[lo].f, s->segs[lo].n, c->pos, NULL)
             : 0;
    c->version = s->version;
}

int
bitcursor_next(const struct bitstore *s, struct bitcursor *c, NyBit *bit)
{
    if (c->version != s->version)
        relocate(s, c);
    for (;;) {
        while (c->seg < s->nsegs && c->idx >= s->segs[c->seg].n) {
            c->seg++;
            c->idx = 0;
        }
        if (c->seg >= s->nsegs)
            return 0;
        const NyBitField *f = &s->segs[c->seg].f[c->idx];
        if (f->pos != c->pos) {
            c->pos = f->pos;
            c->from = 0;
        }
        NyBits w = f->bits & bits_from(c->from);
        if (w) {
            int i = bits_first(w);
            *bit = bit_at(c->pos, i);
            c->from = i + 1;
            return 1;
        }
        c->idx++;
    }
}
