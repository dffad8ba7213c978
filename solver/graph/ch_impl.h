/*
 * ch_impl.h — the contraction hierarchy's layout (private to
 * solver/graph): every edge of the hierarchy, the original arcs first and
 * then the shortcuts, each shortcut naming the two edges it replaces so a
 * path unpacks to original arcs; and the two upward graphs in CSR form.
 */
#ifndef CORTO_CH_IMPL_H
#define CORTO_CH_IMPL_H

#include "ch.h"

#include <stdlib.h>

struct ch {
    int n;
    int has2; /* second weights given */
    /* Edges 0..m0-1 are the graph's CSR arcs, the rest shortcuts. */
    int m0, n_edges, edge_cap;
    int *e_tail, *e_head;
    double *e_w, *e_w2;
    int *e_c1, *e_c2; /* the two halves of a shortcut; -1 for an arc */
    /* Upward forward graph: edges v -> x with rank x > rank v, at v. */
    int *fw_off, *fw_to, *fw_e;
    double *fw_w;
    /* Upward backward graph: edges u -> v with rank u > rank v, at v
     * (fw_to holds x, bw_to holds u). */
    int *bw_off, *bw_to, *bw_e;
    double *bw_w;
    int *rank;
};

/* Resize the array *p to cap elements of `size` bytes; 0 when out of
 * memory (*p is then unchanged). */
static inline int ch_resize(void **p, size_t size, int64_t cap)
{
    void *grown = realloc(*p, (size_t)cap * size);
    if (!grown)
        return 0;
    *p = grown;
    return 1;
}

/* Grow an int array to hold at least `need` entries (doubling). */
static inline corto_status ch_grow_int(int **a, int *cap, int need)
{
    if (need <= *cap)
        return CORTO_OK;
    int c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    if (!ch_resize((void **)a, sizeof **a, c))
        return CORTO_ERR_NOMEM;
    *cap = c;
    return CORTO_OK;
}

#endif /* CORTO_CH_IMPL_H */
