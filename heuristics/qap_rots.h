/*
 * qap_rots.h — robust tabu search (Taillard 1991) for permutation QUBOs
 * (QAP, and TSP as the QAP with the tour's cyclic successor as flow),
 * evaluated implicitly from the problem's own matrices: for a permutation
 * the one-hot QUBO energy (qp_build) equals the QAP cost, so no n^2 x n^2
 * matrix is needed; memory is a few n x n arrays.
 */
#ifndef CORTO_QAP_ROTS_H
#define CORTO_QAP_ROTS_H

#include "context.h"
#include "qubo_problem.h"

/* A permutation with its cost and the cost change of every swap. */
typedef struct qap_rots {
    const qp_problem *p;
    int n;
    int *perm;              /* facility i at location perm[i] */
    int64_t cost;           /* sum_ij a[i][j] b[perm i][perm j] */
    int64_t *delta;         /* n x n, delta[r*n + s] (r < s): cost change of
                               exchanging the locations of r and s */
    int64_t *u, *v, *w, *z; /* n each: scratch of the O(1) update */
} qap_rots;

/* Start st at perm (n entries, copied): cost and all deltas in O(n^3). */
corto_status qap_rots_init(qap_rots *st, const qp_problem *p, const int *perm);
void qap_rots_free(qap_rots *st);
/* Exchange the locations of facilities r != s: the cost, the deltas of
 * pairs touching r or s recomputed in O(n), all others updated in O(1)
 * each (Taillard's formula for the asymmetric QAP). */
void qap_rots_swap(qap_rots *st, int r, int s);

/*
 * Robust tabu search on p (QAP or TSP, n >= 2): the best swap each move
 * among those not tabu (a facility may not return to a location it left
 * within a tenure drawn uniformly in [0.9 n, 1.1 n] per move), a tabu
 * move allowed when it gives a new best (aspiration by objective) and a
 * move preferred when it puts a facility on a location it has not held
 * for 2 n^2 moves (Taillard's aspiration for long-unvisited assignments).
 * After 40 n^2 moves (at least 20000) without a new best the search
 * restarts from the best permutation with n/4 + 2 random swaps. Starts
 * from a random permutation (TSP: the nearest-neighbour tour). Stops when
 * ctx says so (one ctx iteration per move); without a ctx limit after
 * 100 (n^2 + 100) moves. best_perm (n entries) and *best_cost receive
 * the best permutation and its cost.
 */
corto_status qap_rots_search(int *best_perm, int64_t *best_cost,
                             const qp_problem *p, solve_ctx *ctx);

#endif /* CORTO_QAP_ROTS_H */
