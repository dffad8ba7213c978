/*
 * construct.h — first solutions and their improvement by local search,
 * for VRPs (savings, nearest neighbour) and TSP/ATSP (insertion, nearest
 * neighbour, then 2-opt / Or-opt / direction-keeping 3-opt moves).
 * Every function fills `out` (an empty solution of ctx->problem) with
 * routes; costs and status are set by the caller through route_eval.
 */
#ifndef CORTO_CONSTRUCT_H
#define CORTO_CONSTRUCT_H

#include "context.h"

/* Clarke-Wright parallel savings (1964), routes merged while feasible. */
corto_status construct_savings(corto_solution *out, solve_ctx *ctx);
/* Nearest feasible neighbour, opening a new route when none fits. */
corto_status construct_nearest(corto_solution *out, solve_ctx *ctx);
/* TSP/ATSP tour by insertion. */
corto_status construct_tsp_insertion(corto_solution *out, solve_ctx *ctx);
/* TSP/ATSP tour by nearest neighbour. */
corto_status construct_tsp_nearest(corto_solution *out, solve_ctx *ctx);

/* Improve a TSP/ATSP tour in place: local search to a local optimum,
 * then iterated local search (double-bridge kicks) until the limits. */
corto_status tsp_improve(corto_solution *s, solve_ctx *ctx);
/* Improve a VRP solution in place (intra- and inter-route moves that keep
 * every route feasible) until a local optimum or the limits. */
corto_status vrp_improve(corto_solution *s, solve_ctx *ctx);

#endif /* CORTO_CONSTRUCT_H */
