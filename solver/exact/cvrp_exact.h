/*
 * cvrp_exact.h — exact solution of small capacitated VRPs by set
 * partitioning over every feasible route (see cvrp_exact.c).
 */
#ifndef CORTO_CVRP_EXACT_H
#define CORTO_CVRP_EXACT_H

#include "context.h"

/* Most clients the enumeration takes (bits of a subset mask). */
#define CVRP_EXACT_MAX_CLIENTS 40
/* Most routes (subsets) per vehicle type before giving up. */
#define CVRP_EXACT_MAX_ROUTES 300000

/*
 * Solve ctx->problem exactly within ctx's limits. Handles VRPs whose
 * routes cost the same whatever the schedule: capacities in any number of
 * dimensions, several vehicle types with counts and fixed costs, open
 * routes, optional clients with prizes, visit costs; no time windows,
 * pickups, pairs, skills, fixed edges, or duration and distance limits
 * (CORTO_ERR_UNSUPPORTED, s untouched, as for more than
 * CVRP_EXACT_MAX_CLIENTS clients or CVRP_EXACT_MAX_ROUTES routes).
 *
 * The routes of s, when it has any and they are all feasible, start the
 * search. On CORTO_OK *bound is a lower bound on the optimal cost
 * (INT64_MIN when none is known, INT64_MAX when no solution exists) and,
 * when a solution was found, s holds it (status OPTIMAL with
 * s->lower_bound = cost when proven, FEASIBLE with the bound otherwise).
 */
corto_status cvrp_exact(corto_solution *s, solve_ctx *ctx, int64_t *bound);

#endif /* CORTO_CVRP_EXACT_H */
