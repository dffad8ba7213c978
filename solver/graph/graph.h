/*
 * graph.h — the road graph model shared by every path algorithm: the
 * arcs in forward and backward compressed sparse row (CSR) form, optional
 * node coordinates, the igraph copy for igraph's queries, and the
 * point-to-point queries (Dijkstra, bidirectional Dijkstra, A*) that run
 * on the CSR arrays.
 *
 * Nodes are numbered 0..n-1 inside corto; node k is node k + id_base of
 * the file it came from (id_base 1 for DIMACS .gr, 0 for the 0-based .gr
 * variant and .cnode/.cedge), so graph_file_id gives the file's number.
 * The CSR arrays hold each (u, v) pair once with the least weight of its
 * parallel arcs; self-loops are dropped (with non-negative weights they
 * are never part of a shortest path). The igraph copy keeps every arc of
 * the file, parallel arcs and loops included, as an independent reference.
 *
 * Not thread-safe for one graph: a graph and a path_ws are used by one
 * thread at a time (separate workspaces may share a graph once the A*
 * heuristic is prepared).
 */
#ifndef CORTO_GRAPH_H
#define CORTO_GRAPH_H

#include "corto.h"

#include <igraph.h>
#include <stdint.h>

/* One arc as read from a file (file node ids already made 0-based). */
typedef struct graph_arc {
    int u, v;
    double w;
} graph_arc;

typedef struct graph {
    int n;           /* nodes */
    int64_t m;       /* arcs in the CSR arrays (after merging) */
    int directed;    /* 0: the file's edges are undirected (both arcs) */
    int64_t id_base; /* file id of node k is k + id_base */
    /* forward CSR: arcs out of u are [out_off[u], out_off[u+1]) */
    int64_t *out_off;
    int *out_to;
    double *out_w;
    /* backward CSR: arcs into v are [in_off[v], in_off[v+1]) */
    int64_t *in_off;
    int *in_from;
    double *in_w;
    double *x, *y; /* coordinates (n each), NULL when the file has none */
    /* igraph copy with every file arc; weights in ig_w */
    igraph_t ig;
    igraph_vector_t ig_w;
    int has_ig;
    /* A* lower bounds, filled by graph_astar_prepare */
    int astar_kind;      /* GRAPH_HEUR_NONE / _EUCLID / _ALT */
    double euclid_scale; /* w(u,v) >= scale * euclid(u,v) for every arc */
    int n_landmarks;
    double *lm_from; /* lm_from[l*n + v] = d(landmark l, v), INFINITY */
    double *lm_to;   /* lm_to[l*n + v] = d(v, landmark l) */
} graph;

enum { GRAPH_HEUR_NONE = 0, GRAPH_HEUR_EUCLID, GRAPH_HEUR_ALT };

/*
 * Build g from n nodes and a list of arcs (u, v in 0..n-1, w >= 0 and
 * finite; checked, ARGUMENT error otherwise). x, y: n coordinates or NULL.
 * directed = 0 treats every arc as an undirected edge. Inputs are copied.
 * The igraph copy is built through the igraph guard. On failure g holds
 * nothing (graph_free is harmless).
 */
corto_status graph_build(graph *g, int n, const graph_arc *arcs,
                         int64_t n_arcs, int directed, int64_t id_base,
                         const double *x, const double *y, corto_diag *diag);
void graph_free(graph *g);

static inline int64_t graph_file_id(const graph *g, int node)
{
    return (int64_t)node + g->id_base;
}

/* The node whose file id is `id`, or -1 when there is none. */
int graph_node_of(const graph *g, int64_t id);

/*
 * Prepare the A* lower bound: Euclidean distance times the largest scale
 * that keeps it admissible (scale = min over arcs of w / euclid) when the
 * graph has coordinates and that scale is positive; otherwise ALT with
 * n_landmarks landmarks (Goldberg & Harrelson 2005, "Computing the
 * shortest path: A* search meets graph theory", farthest selection) from
 * a start node drawn with `seed`. Idempotent.
 */
corto_status graph_astar_prepare(graph *g, int n_landmarks, uint64_t seed);
/* Force ALT even when coordinates exist (for tests and comparisons). */
corto_status graph_alt_prepare(graph *g, int n_landmarks, uint64_t seed);

/* A path: its length and the nodes from source to target (0-based). */
typedef struct graph_path {
    int reachable; /* 0: no path; length is then INFINITY, n_nodes 0 */
    double length;
    int *nodes; /* owned; grown as needed */
    int n_nodes, cap;
    int64_t settled; /* nodes taken from the queue (work measure) */
} graph_path;

void graph_path_free(graph_path *p);

/* Reusable query memory for one graph size; no allocation per query. */
typedef struct path_ws path_ws;
corto_status path_ws_create(path_ws **out, int n);
void path_ws_destroy(path_ws *ws);

/* Point-to-point queries on the CSR arrays; s, t are 0-based nodes. */
corto_status graph_dijkstra(graph_path *out, path_ws *ws, const graph *g,
                            int s, int t);
corto_status graph_bidijkstra(graph_path *out, path_ws *ws, const graph *g,
                              int s, int t);
/* Needs graph_astar_prepare (or graph_alt_prepare) first. */
corto_status graph_astar(graph_path *out, path_ws *ws, const graph *g, int s,
                         int t);
/* igraph's Dijkstra on the igraph copy, through the guard; EXTERNAL with
 * diag filled when igraph reports an error. */
corto_status graph_igraph_dijkstra(graph_path *out, const graph *g, int s,
                                   int t, corto_diag *diag);

/*
 * Single-source Dijkstra: dist[v] (n entries, INFINITY when unreachable)
 * from s over the forward arcs, or to s over the backward arcs when
 * reverse = 1. Used by the ALT preprocessing and later matrix code.
 */
corto_status graph_sssp(double *dist, path_ws *ws, const graph *g, int s,
                        int reverse);

/* Check that p is a walk of g from s to t whose arc weights sum to
 * p->length within rel_tol; 1 when it is (used by tests). */
int graph_path_valid(const graph *g, const graph_path *p, int s, int t,
                     double rel_tol);

#endif /* CORTO_GRAPH_H */
