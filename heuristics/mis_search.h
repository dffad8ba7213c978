/*
 * mis_search.h — local search for the maximum independent set on a plain
 * graph (no QUBO), used by `corto qubo --problem mis` to improve the
 * repaired QUBO answer:
 *  - mis_ils: iterated local search with (1,2)-swaps over tightness
 *    counters, forced-insertion perturbations and the acceptance rule of
 *    Andrade, Resende & Werneck ("Fast local search for the maximum
 *    independent set problem", J. Heuristics 18:525-547, 2012);
 *  - mis_numvc: the complement of a vertex cover found by NuMVC (Cai,
 *    Su, Luo & Sattar, J. Artif. Intell. Res. 46:687-716, 2013): edge
 *    weighting, two-stage exchange and configuration checking.
 * Both take the graph as CSR row/col (the adjacency of each vertex; loops
 * and repeated entries are ignored, the lists must be symmetric), start
 * from the vertex set x (n entries, 0/1; conflicting vertices are dropped
 * in index order first), run until ctx stops (one ctx iteration per ILS
 * iteration / NuMVC step, every random choice from ctx->rng) or, without
 * a ctx limit, for 1000 (n + 100) of them, and leave in x the largest set
 * seen: independent and maximal. *iterations (may be NULL) receives the
 * iterations done.
 */
#ifndef CORTO_MIS_SEARCH_H
#define CORTO_MIS_SEARCH_H

#include "context.h"

corto_status mis_ils(unsigned char *x, int n, const int *row, const int *col,
                     solve_ctx *ctx, int64_t *iterations);
corto_status mis_numvc(unsigned char *x, int n, const int *row, const int *col,
                       solve_ctx *ctx, int64_t *iterations);

/* A subset of [0, n) as an array with positions: O(1) insertion,
 * deletion and uniform choice (item[rng_below(size)]). */
typedef struct mis_set {
    int *item; /* size members, in no particular order */
    int *pos;  /* n: index of v in item, -1 when v is not a member */
    int size;
} mis_set;

/* An empty set over [0, n); mis_set_free releases it (also after a
 * failed init). */
corto_status mis_set_init(mis_set *s, int n);
void mis_set_free(mis_set *s);
/* Add v (not a member) / delete v (a member). */
void mis_set_add(mis_set *s, int v);
void mis_set_del(mis_set *s, int v);

/* A graph as CSR: the sorted neighbours of v are col[row[v] ..
 * row[v + 1] - 1], without loops or repeats. */
typedef struct mis_graph {
    int n;
    int *row, *col;
} mis_graph;

void mis_graph_free(mis_graph *g);

/* The common start of a search: check the arguments, zero *iterations
 * (when not NULL) and, for n > 0, make g the cleaned copy of the
 * adjacency row/col (as mis_clean_graph does). */
corto_status mis_search_begin(mis_graph *g, int64_t *iterations,
                              const unsigned char *x, int n, const int *row,
                              const int *col);

/* Copy the adjacency into *r / *c (owned by the caller), each list sorted
 * without loops, repeats or ids outside [0, n). */
corto_status mis_clean_graph(int **r, int **c, int n, const int *row,
                             const int *col);
/* Add to x, in index order, every vertex of g with no neighbour in x. */
void mis_make_maximal(unsigned char *x, const mis_graph *g);

#endif /* CORTO_MIS_SEARCH_H */
