/*
 * cvrp_bound.h — a cheap lower bound for CVRPs: the LP relaxation of the
 * two-index model with rounded capacity cuts separated heuristically.
 */
#ifndef CORTO_CVRP_BOUND_H
#define CORTO_CVRP_BOUND_H

#include "context.h"

/*
 * A lower bound on the optimal cost of the VRP ctx->problem within
 * `seconds` of CPU time (<= 0: ctx's deadline only), or INT64_MIN in
 * *bound when the model does not cover the problem: it needs one depot
 * where every route starts and ends, one vehicle type, symmetric
 * distances, cost per distance and fixed costs only (no duration costs,
 * visit costs or prizes), one load dimension, every client required, no
 * pickups, at most 300 nodes. Time windows, duration and distance limits
 * and the fleet size are relaxed, which keeps the bound valid. A stop
 * caused by `seconds` alone is forgotten on return.
 */
corto_status cvrp_lp_bound(solve_ctx *ctx, double seconds, int64_t *bound);

#endif /* CORTO_CVRP_BOUND_H */
