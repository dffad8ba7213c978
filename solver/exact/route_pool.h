/*
 * route_pool.h — a bounded pool of distinct feasible routes collected
 * during the ALNS, recombined now and then by set partitioning (GLPK):
 * pick routes of the pool that serve every required client exactly once
 * and every optional client at most once, within the fleet of each
 * vehicle type, at least cost. A route is identified by its client set and
 * vehicle type; the pool keeps the cheapest order seen. See route_pool.c.
 */
#ifndef CORTO_ROUTE_POOL_H
#define CORTO_ROUTE_POOL_H

#include "vrp_state.h"

typedef struct route_pool route_pool;

/* Routes kept per client when the capacity is left to the pool. */
#define ROUTE_POOL_PER_CLIENT 15

/*
 * A pool for the problem of d (borrowed; must outlive the pool) holding at
 * most `capacity` routes (<= 0: ROUTE_POOL_PER_CLIENT per client, within
 * [200, 20000]). Owned by the caller.
 */
corto_status route_pool_create(route_pool **out, const vrp_data *d,
                               int capacity);
void route_pool_destroy(route_pool *pool);

/* Routes in the pool. */
int route_pool_size(const route_pool *pool);
/* Borrowed: the nodes of entry e (0..size-1), its length, vehicle type and
 * cost. */
const int *route_pool_route(const route_pool *pool, int e, int *len,
                            int *vtype, int64_t *cost);

/*
 * Offer a feasible non-empty route of `len` clients. A new client set (for
 * this vehicle type) is stored, evicting the oldest route not seen since
 * the eviction hand last passed it when the pool is full; a known one
 * keeps the cheaper of the two orders. *entry (may be NULL) receives the
 * route's entry. Allocates only while its node store grows.
 */
corto_status route_pool_add(route_pool *pool, int vtype, const int *nodes,
                            int len, int64_t cost, int *entry);
/* Offer every feasible non-empty route of st whose stamp is above `since`
 * (all of them when since < 0). */
corto_status route_pool_add_state(route_pool *pool, const vrp_state *st,
                                  int64_t since);

/*
 * 1 when the schedule asks for a recombination now. With an iteration
 * limit it depends on ctx->iteration only (every 1/10 of the limit, at
 * least 50 iterations apart) and each recombination stops at a node
 * limit, not a time limit, so a seed and an iteration count give the same
 * run; only a recombination cut short by the solve's own CPU deadline
 * (when the time limit ends the run first) depends on the clock. Without
 * an iteration limit it spends about a tenth of the CPU time on set
 * partitioning, each run capped at 5% of the time limit.
 */
int route_pool_due(route_pool *pool, const solve_ctx *ctx);

/*
 * Recombine: add the routes of `best` (a complete, feasible state), solve
 * the set partitioning over the pool with best as the start solution and,
 * when that finds a cheaper feasible solution, load it into best and set
 * *improved. A GLPK failure turns the pool off for the rest of the solve
 * (logged) and returns CORTO_OK; only allocation failures are returned.
 */
corto_status route_pool_recombine(route_pool *pool, vrp_state *best,
                                  solve_ctx *ctx, int *improved);

#endif /* CORTO_ROUTE_POOL_H */
