/*
 * graph.c — the road graph model: building the forward and backward CSR
 * arrays from a list of arcs (parallel arcs merged to the lightest, loops
 * dropped), the igraph copy of the file's arcs, and small helpers on
 * paths. See graph.h.
 */
#include "graph.h"
#include "igraph_safe.h"
#include "path_ws.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Arguments of the igraph body that builds the igraph copy. */
typedef struct graph_ig_build {
    graph *g;
    const graph_arc *arcs;
    int64_t n_arcs;
} graph_ig_build;

static igraph_error_t graph_ig_body(void *arg)
{
    graph_ig_build *b = arg;
    graph *g = b->g;
    igraph_vector_int_t edges;
    igraph_error_t err = igraph_vector_int_init(&edges, 2 * b->n_arcs);
    if (err != IGRAPH_SUCCESS)
        return err;
    for (int64_t k = 0; k < b->n_arcs; k++) {
        VECTOR(edges)[2 * k] = b->arcs[k].u;
        VECTOR(edges)[2 * k + 1] = b->arcs[k].v;
    }
    err = igraph_create(&g->ig, &edges, g->n,
                        g->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (err != IGRAPH_SUCCESS)
        return err;
    err = igraph_vector_init(&g->ig_w, b->n_arcs);
    if (err != IGRAPH_SUCCESS) {
        igraph_destroy(&g->ig);
        return err;
    }
    for (int64_t k = 0; k < b->n_arcs; k++)
        VECTOR(g->ig_w)[k] = b->arcs[k].w;
    g->has_ig = 1;
    return IGRAPH_SUCCESS;
}

/* Order arcs by tail, head, weight, so merging keeps the lightest. */
static int graph_arc_cmp(const void *a, const void *b)
{
    const graph_arc *x = a, *y = b;
    if (x->u != y->u)
        return x->u < y->u ? -1 : 1;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return (x->w > y->w) - (x->w < y->w);
}

corto_status graph_build(graph *g, int n, const graph_arc *arcs,
                         int64_t n_arcs, int directed, int64_t id_base,
                         const double *x, const double *y, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    graph_arc *all = NULL;
    memset(g, 0, sizeof *g);
    if (n <= 0 || n_arcs < 0 || (n_arcs > 0 && !arcs) || (!x) != (!y))
        return diag_set(diag, CORTO_ERR_ARGUMENT, NULL, 0,
                        "graph: bad node or arc count");
    for (int64_t k = 0; k < n_arcs; k++) {
        const graph_arc *a = &arcs[k];
        if (a->u < 0 || a->u >= n || a->v < 0 || a->v >= n)
            return diag_set(diag, CORTO_ERR_ARGUMENT, NULL, 0,
                            "graph: arc %lld has a node outside 0..%d",
                            (long long)k, n - 1);
        if (!(a->w >= 0.0) || !isfinite(a->w))
            return diag_set(diag, CORTO_ERR_ARGUMENT, NULL, 0,
                            "graph: arc %lld has a negative or non-finite "
                            "weight",
                            (long long)k);
    }
    g->n = n;
    g->directed = directed;
    g->id_base = id_base;

    /* Both directions of an undirected edge become arcs. */
    int64_t n_all = directed ? n_arcs : 2 * n_arcs;
    CORTO_ALLOC(all, n_all);
    int64_t m = 0;
    for (int64_t k = 0; k < n_arcs; k++) {
        if (arcs[k].u == arcs[k].v)
            continue;
        all[m++] = arcs[k];
        if (!directed)
            all[m++] = (graph_arc){arcs[k].v, arcs[k].u, arcs[k].w};
    }
    qsort(all, (size_t)m, sizeof *all, graph_arc_cmp);
    int64_t kept = 0;
    for (int64_t k = 0; k < m; k++)
        if (kept == 0 || all[kept - 1].u != all[k].u ||
            all[kept - 1].v != all[k].v)
            all[kept++] = all[k];
    g->m = kept;

    CORTO_ALLOC(g->out_off, (int64_t)n + 1);
    CORTO_ALLOC(g->out_to, kept);
    CORTO_ALLOC(g->out_w, kept);
    CORTO_ALLOC(g->in_off, (int64_t)n + 1);
    CORTO_ALLOC(g->in_from, kept);
    CORTO_ALLOC(g->in_w, kept);
    for (int64_t k = 0; k < kept; k++) {
        g->out_off[all[k].u + 1]++;
        g->in_off[all[k].v + 1]++;
    }
    for (int v = 0; v < n; v++) {
        g->out_off[v + 1] += g->out_off[v];
        g->in_off[v + 1] += g->in_off[v];
    }
    for (int64_t k = 0; k < kept; k++) { /* sorted by u: out is in order */
        g->out_to[k] = all[k].v;
        g->out_w[k] = all[k].w;
    }
    /* in_off[v] is used as a fill cursor, then shifted back. */
    for (int64_t k = 0; k < kept; k++) {
        int64_t at = g->in_off[all[k].v]++;
        g->in_from[at] = all[k].u;
        g->in_w[at] = all[k].w;
    }
    for (int v = n; v > 0; v--)
        g->in_off[v] = g->in_off[v - 1];
    g->in_off[0] = 0;

    if (x) {
        CORTO_ALLOC(g->x, n);
        CORTO_ALLOC(g->y, n);
        memcpy(g->x, x, (size_t)n * sizeof *x);
        memcpy(g->y, y, (size_t)n * sizeof *y);
    }
    graph_ig_build b = {g, arcs, n_arcs};
    CORTO_TRY(igraph_guard(graph_ig_body, &b, diag));

cleanup:
    free(all);
    if (rc != CORTO_OK)
        graph_free(g);
    return rc;
}

void graph_free(graph *g)
{
    if (!g)
        return;
    free(g->out_off);
    free(g->out_to);
    free(g->out_w);
    free(g->in_off);
    free(g->in_from);
    free(g->in_w);
    free(g->x);
    free(g->y);
    free(g->lm_from);
    free(g->lm_to);
    if (g->has_ig) {
        igraph_vector_destroy(&g->ig_w);
        igraph_destroy(&g->ig);
    }
    memset(g, 0, sizeof *g);
}

int graph_node_of(const graph *g, int64_t id)
{
    int64_t k = id - g->id_base;
    return k >= 0 && k < g->n ? (int)k : -1;
}

void graph_path_free(graph_path *p)
{
    if (!p)
        return;
    free(p->nodes);
    memset(p, 0, sizeof *p);
}

corto_status graph_path_reserve(graph_path *p, int cap)
{
    if (cap <= p->cap)
        return CORTO_OK;
    int *nodes = realloc(p->nodes, (size_t)cap * sizeof *nodes);
    if (!nodes)
        return CORTO_ERR_NOMEM;
    p->nodes = nodes;
    p->cap = cap;
    return CORTO_OK;
}

/* Weight of the arc u -> v in the CSR arrays, INFINITY when absent. */
static double graph_arc_weight(const graph *g, int u, int v)
{
    for (int64_t a = g->out_off[u]; a < g->out_off[u + 1]; a++)
        if (g->out_to[a] == v)
            return g->out_w[a];
    return INFINITY;
}

int graph_path_valid(const graph *g, const graph_path *p, int s, int t,
                     double rel_tol)
{
    if (!p->reachable)
        return p->n_nodes == 0;
    if (p->n_nodes < 1 || p->nodes[0] != s || p->nodes[p->n_nodes - 1] != t)
        return 0;
    double sum = 0.0;
    for (int k = 0; k + 1 < p->n_nodes; k++) {
        double w = graph_arc_weight(g, p->nodes[k], p->nodes[k + 1]);
        if (!isfinite(w))
            return 0;
        sum += w;
    }
    return fabs(sum - p->length) <= rel_tol * fmax(1.0, fabs(p->length));
}
