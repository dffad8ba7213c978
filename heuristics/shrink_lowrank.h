/*
 * shrink_lowrank.h — pair correlations of a QUBO from a low-rank
 * relaxation, the optional estimate of "Adaptive Graph Shrinking" next to
 * low-energy samples. In the +-1 form s = 2x - 1 the energy is
 *     const + sum_i h_i s_i + sum_{i<j} J_ij s_i s_j,
 *     J_ij = w_ij / 4,  h_i = lin_i / 2 + sum_j w_ij / 4;
 * the linear terms become couplings h_i s_0 s_i to an extra variable s_0,
 * and every s_i is relaxed to a unit vector v_i in R^r (Burer & Monteiro,
 * "A nonlinear programming algorithm for solving semidefinite programs via
 * low-rank factorization", Math. Prog. 2003). The relaxation is minimised
 * by exact coordinate steps v_i = -g_i / |g_i|, g_i = sum_j J_ij v_j +
 * h_i v_0 (Wang, Chang & Kolter, "The Mixing Method: low-rank coordinate
 * descent for semidefinite programming with diagonal constraints", 2017),
 * from a random start drawn from the context's RNG. The correlation of i
 * and j is v_i . v_j in [-1, 1]: near 1 wants x_i = x_j, near -1 opposite.
 */
#ifndef CORTO_SHRINK_LOWRANK_H
#define CORTO_SHRINK_LOWRANK_H

#include "context.h"
#include "qubo.h"

/* Rank of the vectors shrinking uses, the largest rank accepted, and the
 * most coordinate sweeps per estimate. */
#define SHRINK_LOWRANK_RANK     8
#define SHRINK_LOWRANK_MAX_RANK 32
#define SHRINK_LOWRANK_SWEEPS   300

/*
 * Minimise the relaxation of q in rank 1..SHRINK_LOWRANK_MAX_RANK (larger
 * is taken as the largest); v gets (q->n + 1) * rank doubles, vector
 * i at v + i * rank (i = q->n: v_0). Stops after `sweeps` sweeps, when a
 * sweep lowers the relaxed energy by less than 1e-9 of its size, or when
 * ctx says stop. Returns the sweeps made (0: v is the random start).
 */
int shrink_lowrank_run(double *v, const qubo *q, int rank, int sweeps,
                       solve_ctx *ctx);

/* v_i . v_j for vectors of shrink_lowrank_run. */
double shrink_lowrank_corr(const double *v, int rank, int i, int j);

#endif /* CORTO_SHRINK_LOWRANK_H */
