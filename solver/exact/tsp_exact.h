/*
 * tsp_exact.h — exact TSP and ATSP by branch-and-cut in GLPK, warm-started
 * by the heuristic tour.
 */
#ifndef CORTO_TSP_EXACT_H
#define CORTO_TSP_EXACT_H

#include "context.h"

/*
 * Solve the TSP/ATSP ctx->problem to optimality within ctx's limits. `sol`
 * holds a tour of the problem (the construction) on entry; the heuristic
 * improves it for a short share of the time limit (min(1 s, 10 %)) and
 * that tour becomes the first incumbent of the branch-and-cut. On return
 * `sol` holds the best tour found, evaluated; its status is OPTIMAL and
 * its lower_bound its cost when optimality was proven, else lower_bound is
 * the best bound proven (INT64_MIN when none). Iteration and stall limits
 * bound the heuristic phase only; the time limit and the progress callback
 * bound the whole. ctx->stop says why the search ended early (NONE when it
 * completed).
 */
corto_status tsp_exact_solve(corto_solution *sol, solve_ctx *ctx);

/*
 * A lower bound on the optimal cost of the TSP/ATSP ctx->problem: the
 * root LP of the branch-and-cut (degree or assignment constraints,
 * subtour cuts, blossoms for symmetric weights), within `seconds` of CPU
 * time (<= 0: ctx's deadline only). `sol` holds a tour of the problem
 * (it fixes the cost terms outside the tour weights). *bound is INT64_MIN
 * when none was found (time out before the first LP, an ATSP over 400
 * nodes). Symmetric instances over 400 nodes get the Held-Karp 1-tree
 * bound (tsp_onetree.h) instead of the LP.
 * A stop caused by `seconds` alone is forgotten on return.
 */
corto_status tsp_exact_bound(const corto_solution *sol, solve_ctx *ctx,
                             double seconds, int64_t *bound);

#endif /* CORTO_TSP_EXACT_H */
