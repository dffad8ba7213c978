/*
 * path_ws.h — the query workspace of the road-graph searches (private to
 * solver/graph): per search direction a tentative distance, predecessor
 * and heap position for each node, and an indexed binary min-heap with
 * decrease-key. Entries are valid only when their stamp equals the
 * workspace's generation, so starting a query costs O(1), not O(n).
 */
#ifndef CORTO_PATH_WS_H
#define CORTO_PATH_WS_H

#include "graph.h"

#include <math.h>

enum { PWS_NOT_QUEUED = -1, PWS_SETTLED = -2 };

typedef struct pws_side {
    double *dist;
    int *pred;
    int *pos;
    unsigned *stamp;
    int *heap;    /* heap of nodes */
    double *hkey; /* hkey[i] = key of heap[i] */
    int heap_n;
} pws_side;

struct path_ws {
    int n;
    unsigned gen;
    pws_side side[2];
};

/* Start a new query: every node becomes untouched on both sides. */
static inline void pws_begin(path_ws *ws)
{
    ws->gen++;
    if (ws->gen == 0) {
        for (int s = 0; s < 2; s++)
            for (int v = 0; v < ws->n; v++)
                ws->side[s].stamp[v] = 0;
        ws->gen = 1;
    }
    ws->side[0].heap_n = ws->side[1].heap_n = 0;
}

static inline void pws_touch(path_ws *ws, pws_side *sd, int v)
{
    if (sd->stamp[v] != ws->gen) {
        sd->stamp[v] = ws->gen;
        sd->dist[v] = INFINITY;
        sd->pred[v] = -1;
        sd->pos[v] = PWS_NOT_QUEUED;
    }
}

static inline double pws_dist(const path_ws *ws, const pws_side *sd, int v)
{
    return sd->stamp[v] == ws->gen ? sd->dist[v] : INFINITY;
}

static inline void pws_sift_up(pws_side *sd, int i)
{
    int v = sd->heap[i];
    double k = sd->hkey[i];
    while (i > 0) {
        int p = (i - 1) / 2;
        if (sd->hkey[p] <= k)
            break;
        sd->heap[i] = sd->heap[p];
        sd->hkey[i] = sd->hkey[p];
        sd->pos[sd->heap[i]] = i;
        i = p;
    }
    sd->heap[i] = v;
    sd->hkey[i] = k;
    sd->pos[v] = i;
}

/* Insert v with key k, or lower its key to k (v already touched). */
static inline void pws_push(pws_side *sd, int v, double k)
{
    int i = sd->pos[v];
    if (i < 0) {
        i = sd->heap_n++;
        sd->heap[i] = v;
    }
    sd->hkey[i] = k;
    pws_sift_up(sd, i);
}

/* Remove and return the node of least key; it becomes settled. */
static inline int pws_pop(pws_side *sd)
{
    int top = sd->heap[0];
    int n = --sd->heap_n;
    sd->pos[top] = PWS_SETTLED;
    if (n > 0) {
        int v = sd->heap[n];
        double k = sd->hkey[n];
        int i = 0;
        for (;;) {
            int c = 2 * i + 1;
            if (c >= n)
                break;
            if (c + 1 < n && sd->hkey[c + 1] < sd->hkey[c])
                c++;
            if (sd->hkey[c] >= k)
                break;
            sd->heap[i] = sd->heap[c];
            sd->hkey[i] = sd->hkey[c];
            sd->pos[sd->heap[i]] = i;
            i = c;
        }
        sd->heap[i] = v;
        sd->hkey[i] = k;
        sd->pos[v] = i;
    }
    return top;
}

static inline double pws_min_key(const pws_side *sd)
{
    return sd->heap_n > 0 ? sd->hkey[0] : INFINITY;
}

/* Put the predecessor chain of side 0 ending at t into out->nodes (s
 * first); shared by the one-directional searches. */
corto_status pws_unwind(graph_path *out, const path_ws *ws, int s, int t);

/* A consistent lower bound on the distance from v to the query's target;
 * `info` is the caller's. */
typedef double (*pws_bound_fn)(const void *info, int v);

/*
 * One-to-one search from s to t on the forward arcs: Dijkstra when bound
 * is NULL, A* with a consistent bound otherwise (a settled node is then
 * final). Fills out (length, nodes, settled; unreachable when t is not
 * reached). s and t must be valid nodes of g and ws sized for g.
 */
corto_status pws_search(graph_path *out, path_ws *ws, const graph *g, int s,
                        int t, pws_bound_fn bound, const void *info);

/* Make room for cap nodes in p. */
corto_status graph_path_reserve(graph_path *p, int cap);

#endif /* CORTO_PATH_WS_H */
