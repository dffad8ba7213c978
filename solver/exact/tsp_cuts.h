/*
 * tsp_cuts.h — what the exact TSP's cutting-plane loop keeps beside GLPK:
 * a global pool of the cuts found so far (GLPK keeps a row added at a
 * search node for that node's descendants only, so a cut found in one
 * subtree is re-added from the pool wherever else it is violated), and
 * blossom separation on the LP support graph.
 */
#ifndef CORTO_TSP_CUTS_H
#define CORTO_TSP_CUTS_H

#include "corto.h"

/* Rows sum_k val[k] x[ind[k]] <= rhs over GLPK column numbers. */
typedef struct tspcut_pool {
    int n_rows, cap_rows;
    int *start; /* 1 + cap_rows: row r holds entries start[r]..start[r+1]-1 */
    double *rhs;
    int n_nz, cap_nz;
    int *ind;
    double *val;
} tspcut_pool;

void tspcut_pool_free(tspcut_pool *pool);

/* Append a row of len entries (ind[1..len], val[1..len], GLPK style). */
corto_status tspcut_pool_add(tspcut_pool *pool, int len, const int *ind,
                             const double *val, double rhs);

/*
 * The rows of the pool that the point x (x[j] for column j >= 1) violates
 * by more than tol, written to out (their indices) up to max_out; returns
 * how many.
 */
int tspcut_pool_violated(const tspcut_pool *pool, const double *x, double tol,
                         int *out, int max_out);

/*
 * Connected components of the graph of the edges with lo < w < hi (w n*n,
 * symmetric) into comp (n labels 0..count-1; stack: n ints of scratch);
 * returns the count. O(n^2).
 */
int tspcut_components(int *comp, int *stack, const double *w, int n, double lo,
                      double hi);

/* Workspace for blossom separation on graphs of up to n nodes. */
typedef struct tspcut_ws {
    int n;
    int *comp, *stack; /* n each */
} tspcut_ws;

corto_status tspcut_ws_init(tspcut_ws *ws, int n);
void tspcut_ws_free(tspcut_ws *ws);

/* One blossom: handle H (side[i] = 1 for i in H) and odd tooth set F of
 * edges leaving H, x(E(H)) + x(F) <= |H| + (|F| - 1) / 2. */
typedef struct tspcut_blossom {
    unsigned char *side; /* n bytes */
    int *teeth;          /* 4n: pairs (inside, outside), n_teeth of them */
    int n_teeth;
} tspcut_blossom;

/*
 * Blossom (2-matching) inequalities violated by the fractional point with
 * symmetric support weights w (n*n: x_e of edge {i, j}, for an ATSP
 * x_ij + x_ji), by more than tol. Handles are the connected components of
 * the edges with eps < x_e < 1 - eps (Padberg & Hong 1980, "On the
 * symmetric travelling salesman problem: a computational study", Math.
 * Prog. Study 12; the fast heuristic of Groetschel & Holland 1991), each
 * with the best odd tooth set for it (Padberg & Rao 1982): the edges of
 * delta(H) above 1/2, parity fixed by the edge nearest 1/2. out holds
 * max_out blossoms with side rows of n bytes and teeth arrays of 4n ints
 * (fewer than 2n edges have x_e > 1/2);
 * returns how many were written.
 */
int tspcut_blossoms(tspcut_ws *ws, const double *w, int n, double tol,
                    tspcut_blossom *out, int max_out);

/*
 * The blossom with handle b->side (its side bytes set by the caller) and
 * the best odd tooth set for it, written to b; returns 1 when it is
 * violated by more than tol.
 */
int tspcut_blossom_of(const double *w, int n, double tol, tspcut_blossom *b);

#endif /* CORTO_TSP_CUTS_H */
