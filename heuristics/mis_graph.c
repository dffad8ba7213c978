/*
 * mis_graph.c — helpers of the MIS local searches: indexed vertex / edge
 * sets, a cleaned copy of an adjacency (sorted lists, no loops or
 * repeats) and greedy completion of an independent set to a maximal one.
 */
#include "mis_search.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

corto_status mis_set_init(mis_set *s, int n)
{
    corto_status rc = CORTO_OK;
    s->size = 0;
    s->item = NULL;
    s->pos = NULL;
    CORTO_ALLOC(s->item, n);
    CORTO_ALLOC(s->pos, n);
    for (int v = 0; v < n; v++)
        s->pos[v] = -1;
cleanup:
    return rc;
}

void mis_set_free(mis_set *s)
{
    free(s->item);
    free(s->pos);
    s->item = NULL;
    s->pos = NULL;
}

void mis_set_add(mis_set *s, int v)
{
    s->pos[v] = s->size;
    s->item[s->size++] = v;
}

void mis_set_del(mis_set *s, int v)
{
    int at = s->pos[v], last = s->item[--s->size];
    s->item[at] = last;
    s->pos[last] = at;
    s->pos[v] = -1;
}

static int mis_cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

corto_status mis_clean_graph(int **r_out, int **c_out, int n, const int *row,
                             const int *col)
{
    corto_status rc = CORTO_OK;
    int *r = NULL, *c = NULL;
    CORTO_ALLOC(r, n + 1);
    CORTO_ALLOC(c, row[n]);
    for (int v = 0; v < n; v++) {
        int len = row[v + 1] - row[v], at = r[v];
        memcpy(c + at, col + row[v], (size_t)len * sizeof *c);
        qsort(c + at, (size_t)len, sizeof *c, mis_cmp_int);
        int k = at;
        for (int i = at; i < at + len; i++)
            if (c[i] != v && c[i] >= 0 && c[i] < n &&
                (k == at || c[k - 1] != c[i]))
                c[k++] = c[i];
        r[v + 1] = k;
    }
    *r_out = r;
    *c_out = c;
    return CORTO_OK;
cleanup:
    free(r);
    free(c);
    return rc;
}

void mis_make_maximal(unsigned char *x, const mis_graph *g)
{
    for (int v = 0; v < g->n; v++) {
        int free_ = !x[v];
        for (int k = g->row[v]; free_ && k < g->row[v + 1]; k++)
            free_ = !x[g->col[k]];
        if (free_)
            x[v] = 1;
    }
}

void mis_graph_free(mis_graph *g)
{
    free(g->row);
    free(g->col);
    g->row = NULL;
    g->col = NULL;
}

corto_status mis_search_begin(mis_graph *g, int64_t *iterations,
                              const unsigned char *x, int n, const int *row,
                              const int *col)
{
    g->n = n;
    g->row = NULL;
    g->col = NULL;
    if (iterations)
        *iterations = 0;
    if (!x || n < 0 || (n > 0 && (!row || !col)))
        return CORTO_ERR_ARGUMENT;
    if (n == 0)
        return CORTO_OK;
    return mis_clean_graph(&g->row, &g->col, n, row, col);
}
