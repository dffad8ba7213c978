/*
 * qubo_search.h — QUBO metaheuristics on the sparse model (qubo.h):
 * simulated annealing and 1-flip tabu search. Both keep local fields and
 * flip deltas incrementally, stop when the solve context says so (CPU time
 * or iteration limit; ctx->iteration counts SA sweeps / tabu moves), and
 * take every random choice from ctx->rng, so a run with an iteration limit
 * is repeatable.
 */
#ifndef CORTO_QUBO_SEARCH_H
#define CORTO_QUBO_SEARCH_H

#include "context.h"
#include "qubo.h"

/* Default sweeps of one annealing run (as D-Wave's neal). */
#define QUBO_SA_SWEEPS 1000

/* Inverse temperatures of the geometric schedule, from the coefficient
 * range: hot accepts the largest uphill flip with probability 1/2, cold
 * accepts the smallest with probability 1/100. */
void qubo_sa_betas(const qubo *q, double *beta_hot, double *beta_cold);

/*
 * One annealing run of `sweeps` sweeps from the state in x (fields h must
 * match x), the inverse temperature rising geometrically from beta_hot to
 * beta_cold. Leaves the final state in x, h. Counts one ctx iteration per
 * sweep and stops early when ctx says so.
 */
void qubo_sa_run(unsigned char *x, double *h, const qubo *q, solve_ctx *ctx,
                 int sweeps, double beta_hot, double beta_cold);

/*
 * Simulated annealing: repeated runs of `sweeps` sweeps (0 = the default)
 * from random states until ctx stops (at most 10 runs when ctx has no
 * limit). best (q->n entries) and *best_e receive the best state seen.
 */
corto_status qubo_sa(unsigned char *best, double *best_e, const qubo *q,
                     solve_ctx *ctx, int sweeps);

/*
 * Tabu search with 1-flip moves (Glover, Lü & Hao 2010 style): the best
 * non-tabu flip each move, tenure n/100 + U[1, 10], aspiration when a tabu
 * flip beats the best energy, and a restart from the best state with a
 * random perturbation after 20 n + 1000 moves without improvement. Starts
 * from `start` when not NULL, else from a random state. Without a ctx
 * limit it stops after 100 (n + 100) moves.
 */
corto_status qubo_tabu(unsigned char *best, double *best_e, const qubo *q,
                       solve_ctx *ctx, const unsigned char *start);

#endif /* CORTO_QUBO_SEARCH_H */
