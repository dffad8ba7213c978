/*
 * qubo_problem.h — the original problems behind a QUBO (Beasley bqp,
 * max-cut, maximum independent set, multidimensional knapsack, QAP, TSP)
 * and what ties them to their QUBO: the builders, the objective in the
 * problem's own sense, feasibility, and repair.
 *
 * Variables of the QUBO built from a problem (qp_build):
 *  - bqp, raw, max-cut, MIS: x_v, one per vertex / variable;
 *  - MDKP: x_j for the n items first, then (slack penalty only) the binary
 *    digits of each row's slack s_i = b_i - sum_j r_ij x_j;
 *  - QAP / TSP: x[i*n + k] = 1 when facility (city) i is at location
 *    (tour position) k, one-hot rows and columns by penalties.
 * A "plain" solution (qp_sol) is what the problem itself needs: x_v for
 * bqp / max-cut / MIS / MDKP, a permutation for QAP / TSP.
 *
 * Sign conventions (energies are minimised): bqp E = -value; max-cut
 * E = -cut; MIS E = -|S| (+ penalties); MDKP E = -profit (+ penalties);
 * QAP / TSP E = cost (+ penalties); raw: the objective is E itself.
 */
#ifndef CORTO_QUBO_PROBLEM_H
#define CORTO_QUBO_PROBLEM_H

#include "corto.h"
#include "qubo.h"

/* Largest QAP / TSP size built as a one-hot QUBO (n^2 variables, about
 * n^4 / 2 pair terms), which SA, the exact solver and shrinking need;
 * tabu without shrinking never builds it (qap_rots.h) and has no limit. */
#define QP_PERM_MAX_N 100

typedef struct qp_problem {
    corto_qubo_kind kind;
    char *name;
    int n; /* vertices, items, facilities / cities, raw variables */
    /* raw, bqp: the QUBO to minimise as given (bqp negated) */
    qubo_builder raw;
    /* max-cut, MIS: undirected edges (u < v not required) */
    int m;
    int *eu, *ev;
    double *ew; /* max-cut weights */
    /* MDKP: rows constraints sum_j weight[i*n+j] x_j <= cap[i] */
    int rows;
    double *profit;
    int64_t *weight, *cap;
    /* QAP: cost sum_ij a[i][j] b[p(i)][p(j)]; TSP: a = distances,
     * b = the cyclic successor matrix of tour positions */
    int64_t *a, *b;
} qp_problem;

/* A solution of the original problem. */
typedef struct qp_sol {
    unsigned char *x; /* n: chosen items / vertices / side */
    int *perm;        /* QAP, TSP: n, facility i at location perm[i] */
} qp_sol;

void qp_free(qp_problem *p);
corto_status qp_sol_init(qp_sol *s, const qp_problem *p);
void qp_sol_free(qp_sol *s);

/* Objective in the problem's own sense (cut, value, |S|, profit, cost). */
double qp_objective(const qp_problem *p, const qp_sol *s);
/* 1 when s satisfies every constraint (independence, capacities,
 * permutation). */
int qp_feasible(const qp_problem *p, const qp_sol *s);
/* 1 when the objective is maximised (bqp, max-cut, MIS, MDKP). */
int qp_maximise(const qp_problem *p);

/* Penalty mode for MDKP. */
typedef struct qp_penalty {
    corto_qubo_penalty mode;
    const double *lambda; /* LAGRANGE: rows multipliers */
    double rho;           /* LAGRANGE: weight of the squared residual */
} qp_penalty;

/* Number of QUBO variables qp_build makes. */
int qp_qubo_size(const qp_problem *p, const qp_penalty *pen);
/*
 * Build the QUBO of p into b (initialised here with qp_qubo_size
 * variables). For a feasible plain solution s encoded by qp_encode the
 * energy is -objective (maximised kinds) or +objective (QAP, TSP, raw);
 * with LAGRANGE penalties it is -profit + sum_i lambda_i g_i +
 * rho sum_i g_i^2, g_i = r_i x - b_i.
 */
corto_status qp_build(qubo_builder *b, const qp_problem *p,
                      const qp_penalty *pen);
/* Encode a plain solution as QUBO variables (slacks set to the exact
 * binary expansion when they fit); x has qp_qubo_size entries. */
void qp_encode(unsigned char *x, const qp_problem *p, const qp_penalty *pen,
               const qp_sol *s);
/* Decode QUBO variables into s without repair: a QAP/TSP row keeps its
 * first 1 (perm[i] = -1 when none or when the column is taken). */
void qp_decode(qp_sol *s, const qp_problem *p, const unsigned char *x);
/* Make s feasible: MIS drops conflicting vertices (most conflicts first)
 * then adds vertices greedily; MDKP drops the worst profit/weight ratio
 * until every capacity holds, then refills by best ratio; QAP/TSP assign
 * the unplaced facilities to free locations greedily by cost. Others are
 * left as they are. */
corto_status qp_repair(qp_sol *s, const qp_problem *p);

/* QAP / TSP: cost sum_ij a[i][j] b[perm i][perm j] of a permutation
 * (equal to its one-hot QUBO energy). */
int64_t qp_perm_cost(const qp_problem *p, const int *perm);
/* QAP / TSP: cost change of exchanging the locations of facilities r
 * and s of perm. */
int64_t qp_swap_delta(const qp_problem *p, const int *perm, int r, int s);
/* QAP / TSP: best-improvement pairwise swaps until a local optimum (no-op
 * for the other kinds). s must be a permutation. */
void qp_polish(qp_sol *s, const qp_problem *p);

/* Row residuals g_i = sum_j r_ij x_j - b_i (MDKP), rows entries. */
void qp_mdkp_residual(double *g, const qp_problem *p, const unsigned char *x);

/*
 * Pairs of original QUBO variables that must not both be 1 (MIS edges;
 * QAP/TSP variables sharing a row or a column), as a symmetric CSR over
 * the QUBO variables (NULL arrays when the problem has none). Used by the
 * constraint-aware shrinking rules.
 */
corto_status qp_conflicts(int **row, int **col, const qp_problem *p,
                          int n_vars);

#endif /* CORTO_QUBO_PROBLEM_H */
