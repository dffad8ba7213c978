/*
 * dijkstra.c — point-to-point and single-source shortest paths on the
 * road graph's CSR arrays: Dijkstra (1959) with an indexed binary heap,
 * bidirectional Dijkstra (Pohl 1971) with the stopping rule "top of the
 * forward queue + top of the backward queue >= best path found", and
 * igraph's Dijkstra on the igraph copy through the igraph guard. Also the
 * query workspace they share.
 */
#include "graph.h"
#include "igraph_safe.h"
#include "path_ws.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

corto_status path_ws_create(path_ws **out, int n)
{
    corto_status rc = CORTO_OK;
    path_ws *ws = NULL;
    *out = NULL;
    if (n <= 0)
        return CORTO_ERR_ARGUMENT;
    CORTO_ALLOC(ws, 1);
    ws->n = n;
    for (int s = 0; s < 2; s++) {
        pws_side *sd = &ws->side[s];
        CORTO_ALLOC(sd->dist, n);
        CORTO_ALLOC(sd->pred, n);
        CORTO_ALLOC(sd->pos, n);
        CORTO_ALLOC(sd->stamp, n);
        CORTO_ALLOC(sd->heap, n);
        CORTO_ALLOC(sd->hkey, n);
    }
    *out = ws;
    ws = NULL;
cleanup:
    path_ws_destroy(ws);
    return rc;
}

void path_ws_destroy(path_ws *ws)
{
    if (!ws)
        return;
    for (int s = 0; s < 2; s++) {
        pws_side *sd = &ws->side[s];
        free(sd->dist);
        free(sd->pred);
        free(sd->pos);
        free(sd->stamp);
        free(sd->heap);
        free(sd->hkey);
    }
    free(ws);
}

/* Mark out as "no path". */
static void graph_path_none(graph_path *out)
{
    out->reachable = 0;
    out->length = INFINITY;
    out->n_nodes = 0;
}

corto_status pws_unwind(graph_path *out, const path_ws *ws, int s, int t)
{
    const pws_side *sd = &ws->side[0];
    int count = 1;
    for (int v = t; v != s; v = sd->pred[v])
        count++;
    if (graph_path_reserve(out, count) != CORTO_OK)
        return CORTO_ERR_NOMEM;
    int k = count;
    for (int v = t;; v = sd->pred[v]) {
        out->nodes[--k] = v;
        if (v == s)
            break;
    }
    out->n_nodes = count;
    return CORTO_OK;
}

static int graph_query_ok(const graph *g, const path_ws *ws, int s, int t)
{
    return g && ws && ws->n == g->n && s >= 0 && s < g->n && t >= 0 &&
           t < g->n;
}

/*
 * The search both queries share, on side 0 of ws: from s over out-arcs
 * (in-arcs when reverse) until t is settled, or every reachable node when
 * t < 0. A consistent bound (may be NULL) makes it A*. Returns the nodes
 * settled.
 */
static int64_t pws_run(path_ws *ws, const graph *g, int s, int t, int reverse,
                       pws_bound_fn bound, const void *info)
{
    const int64_t *off = reverse ? g->in_off : g->out_off;
    const int *adj = reverse ? g->in_from : g->out_to;
    const double *w = reverse ? g->in_w : g->out_w;
    int64_t settled = 0;
    pws_begin(ws);
    pws_side *sd = &ws->side[0];
    pws_touch(ws, sd, s);
    sd->dist[s] = 0.0;
    pws_push(sd, s, bound ? bound(info, s) : 0.0);
    while (sd->heap_n > 0) {
        int u = pws_pop(sd);
        settled++;
        if (u == t)
            break;
        double du = sd->dist[u];
        for (int64_t a = off[u]; a < off[u + 1]; a++) {
            int v = adj[a];
            double dv = du + w[a];
            pws_touch(ws, sd, v);
            if (sd->pos[v] != PWS_SETTLED && dv < sd->dist[v]) {
                sd->dist[v] = dv;
                sd->pred[v] = u;
                pws_push(sd, v, bound ? dv + bound(info, v) : dv);
            }
        }
    }
    return settled;
}

corto_status pws_search(graph_path *out, path_ws *ws, const graph *g, int s,
                        int t, pws_bound_fn bound, const void *info)
{
    out->settled = pws_run(ws, g, s, t, 0, bound, info);
    const pws_side *sd = &ws->side[0];
    if (!isfinite(pws_dist(ws, sd, t))) {
        graph_path_none(out);
        return CORTO_OK;
    }
    out->reachable = 1;
    out->length = sd->dist[t];
    return pws_unwind(out, ws, s, t);
}

corto_status graph_dijkstra(graph_path *out, path_ws *ws, const graph *g,
                            int s, int t)
{
    if (!out || !graph_query_ok(g, ws, s, t))
        return CORTO_ERR_ARGUMENT;
    return pws_search(out, ws, g, s, t, NULL, NULL);
}

corto_status graph_sssp(double *dist, path_ws *ws, const graph *g, int s,
                        int reverse)
{
    if (!dist || !graph_query_ok(g, ws, s, s))
        return CORTO_ERR_ARGUMENT;
    pws_run(ws, g, s, -1, reverse, NULL, NULL);
    for (int v = 0; v < g->n; v++)
        dist[v] = pws_dist(ws, &ws->side[0], v);
    return CORTO_OK;
}

/*
 * Bidirectional Dijkstra: a forward search from s over out-arcs and a
 * backward search from t over in-arcs, advancing the side with the
 * smaller queue top. Every arc scanned updates mu, the best s-t path seen
 * through a node labelled by both sides; once the two queue tops sum to at
 * least mu no shorter path can exist.
 */
corto_status graph_bidijkstra(graph_path *out, path_ws *ws, const graph *g,
                              int s, int t)
{
    if (!out || !graph_query_ok(g, ws, s, t))
        return CORTO_ERR_ARGUMENT;
    pws_begin(ws);
    pws_side *f = &ws->side[0], *b = &ws->side[1];
    pws_touch(ws, f, s);
    pws_touch(ws, b, t);
    f->dist[s] = 0.0;
    b->dist[t] = 0.0;
    pws_push(f, s, 0.0);
    pws_push(b, t, 0.0);
    double mu = s == t ? 0.0 : INFINITY;
    int meet = s == t ? s : -1;
    out->settled = 0;
    while (f->heap_n > 0 && b->heap_n > 0) {
        if (pws_min_key(f) + pws_min_key(b) >= mu)
            break;
        int fwd = pws_min_key(f) <= pws_min_key(b);
        pws_side *me = fwd ? f : b, *other = fwd ? b : f;
        const int64_t *off = fwd ? g->out_off : g->in_off;
        const int *adj = fwd ? g->out_to : g->in_from;
        const double *w = fwd ? g->out_w : g->in_w;
        int u = pws_pop(me);
        out->settled++;
        double du = me->dist[u];
        for (int64_t a = off[u]; a < off[u + 1]; a++) {
            int v = adj[a];
            double dv = du + w[a];
            pws_touch(ws, me, v);
            if (dv < me->dist[v]) {
                me->dist[v] = dv;
                me->pred[v] = u;
                pws_push(me, v, dv);
            }
            double through = me->dist[v] + pws_dist(ws, other, v);
            if (through < mu) {
                mu = through;
                meet = v;
            }
        }
    }
    if (meet < 0) {
        graph_path_none(out);
        return CORTO_OK;
    }
    /* s .. meet from the forward labels, meet .. t from the backward. */
    int count = 1;
    for (int v = meet; v != s; v = f->pred[v])
        count++;
    for (int v = meet; v != t; v = b->pred[v])
        count++;
    if (graph_path_reserve(out, count) != CORTO_OK)
        return CORTO_ERR_NOMEM;
    int k = 0;
    for (int v = meet;; v = f->pred[v]) {
        out->nodes[k++] = v;
        if (v == s)
            break;
    }
    for (int i = 0, j = k - 1; i < j; i++, j--) {
        int tmp = out->nodes[i];
        out->nodes[i] = out->nodes[j];
        out->nodes[j] = tmp;
    }
    for (int v = meet; v != t;) {
        v = b->pred[v];
        out->nodes[k++] = v;
    }
    out->n_nodes = count;
    out->reachable = 1;
    out->length = mu;
    return CORTO_OK;
}

/* Arguments and results of the igraph Dijkstra body. */
typedef struct graph_ig_query {
    const graph *g;
    int s, t;
    graph_path *out;
    int64_t n_vertices; /* path vertices igraph found */
} graph_ig_query;

static igraph_error_t graph_ig_dijkstra_body(void *arg)
{
    graph_ig_query *q = arg;
    const graph *g = q->g;
    igraph_vector_int_t vertices, edges;
    igraph_error_t err = igraph_vector_int_init(&vertices, 0);
    if (err != IGRAPH_SUCCESS)
        return err;
    err = igraph_vector_int_init(&edges, 0);
    if (err != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&vertices);
        return err;
    }
    err = igraph_get_shortest_path_dijkstra(&g->ig, &vertices, &edges, q->s,
                                            q->t, &g->ig_w, IGRAPH_OUT);
    if (err == IGRAPH_SUCCESS) {
        int64_t nv = igraph_vector_int_size(&vertices);
        q->n_vertices = nv;
        if (nv > 0 && graph_path_reserve(q->out, (int)nv) != CORTO_OK) {
            err = IGRAPH_ENOMEM;
        } else {
            double len = 0.0;
            for (int64_t k = 0; k < igraph_vector_int_size(&edges); k++)
                len += VECTOR(g->ig_w)[VECTOR(edges)[k]];
            for (int64_t k = 0; k < nv; k++)
                q->out->nodes[k] = (int)VECTOR(vertices)[k];
            q->out->n_nodes = (int)nv;
            q->out->length = len;
        }
    }
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&vertices);
    return err;
}

corto_status graph_igraph_dijkstra(graph_path *out, const graph *g, int s,
                                   int t, corto_diag *diag)
{
    if (!out || !g || !g->has_ig)
        return CORTO_ERR_ARGUMENT;
    /* igraph 0.10 checks a target id but not a negative source id (it
     * reads outside its arrays), so both are checked here. */
    if (s < 0 || s >= g->n || t < 0 || t >= g->n)
        return CORTO_ERR_ARGUMENT;
    graph_ig_query q = {g, s, t, out, 0};
    out->settled = 0;
    corto_status rc = igraph_guard(graph_ig_dijkstra_body, &q, diag);
    if (rc != CORTO_OK) {
        graph_path_none(out);
        return rc;
    }
    if (q.n_vertices == 0)
        graph_path_none(out);
    else
        out->reachable = 1;
    return CORTO_OK;
}
