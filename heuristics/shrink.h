/*
 * shrink.h — adaptive graph shrinking of a QUBO ("Adaptive Graph Shrinking
 * for Quantum Optimization of Constrained Combinatorial Problems"):
 * estimate pair correlations from low-energy samples (or from a low-rank
 * relaxation, shrink_lowrank.h, or the mean of both), merge the most
 * strongly correlated pair (x_j = x_i or x_j = 1 - x_i), fold the weights
 * into the smaller QUBO, record the merge, and repeat until the QUBO has
 * at most `target` variables; correlations are re-estimated on the shrunk
 * QUBO every `recalc_every` merges (adaptive) or only when the first list
 * of candidates runs out. Constraint-aware rules refuse merges that would
 * force a violation: two conflicting variables (adjacent MIS vertices,
 * two QAP assignments in one row or column) made equal, or MDKP items made
 * to go in together beyond a capacity. A solution of the shrunk QUBO is
 * expanded by undoing the merges in reverse order.
 */
#ifndef CORTO_SHRINK_H
#define CORTO_SHRINK_H

#include "context.h"
#include "qubo.h"
#include "qubo_problem.h"

typedef struct shrink_merge {
    int keep, drop;         /* original variables, both roots when merged */
    unsigned char opposite; /* x_drop = x_keep xor opposite */
} shrink_merge;

typedef struct shrink_result {
    qubo small; /* the shrunk QUBO */
    int n;      /* variables of the original QUBO */
    int *root;  /* n: original variable of each small variable */
    shrink_merge *merges;
    int n_merges;
    int recalcs; /* candidate lists made */
    int sampled; /* of them, estimated from samples or the relaxation
                    (the rest, after the
                    time share ran out, from coupling strength) */
    int refused; /* merges refused by the constraint-aware rules */
} shrink_result;

typedef struct shrink_params {
    int target;                /* at most this many variables (>= 1) */
    int constraint_aware;      /* apply the rules (needs `problem`) */
    int recalc_every;          /* merges between estimates; 0 = once */
    int samples;               /* annealing samples per estimate */
    int sweeps;                /* sweeps per sample */
    const qp_problem *problem; /* the original problem, or NULL */
    corto_qubo_correlations correlations; /* samples (0), lowrank, both */
} shrink_params;

/* Shrink q into out. ctx bounds the sampling time; when it runs out,
 * merges follow coupling strength instead of sampled correlations. */
corto_status shrink_run(shrink_result *out, const qubo *q,
                        const shrink_params *prm, solve_ctx *ctx);
void shrink_free(shrink_result *s);

/* Expand a solution y of s->small into x (s->n entries): each small
 * variable sets its root, then the merges are undone in reverse order. */
void shrink_expand(unsigned char *x, const shrink_result *s,
                   const unsigned char *y);

/*
 * Fold q by substitution x_i = par[i] xor y_{to[i]} into out, a QUBO over
 * m variables: for every x, E_q(x) = E_out(y). Exposed for tests.
 */
corto_status shrink_fold(qubo *out, const qubo *q, const int *to,
                         const unsigned char *par, int m);

#endif /* CORTO_SHRINK_H */
