/*
 * vroom.h — internal pieces shared by the JSON problem reader
 * (vroom_read.c), the JSON solution writer (vroom_write.c) and the JSON
 * solution reader (solution_read.c).
 *
 * JSON problems follow VROOM's documented input format (jobs, shipments,
 * vehicles, matrices). Every job, shipment pickup and shipment delivery
 * becomes a client node; every vehicle becomes a vehicle type of count 1
 * with its own start node and, unless its route is open, its own end node.
 * problem->origin says where each node came from, problem->vorigin gives
 * each vehicle type its external id.
 *
 * The objective is VROOM's cost multiplied by problem->cost_scale, the
 * smallest integer that makes every vehicle's per_hour / 3600 and
 * per_km / 1000 whole (1 with the default costs): see vroom_read.c. When a
 * profile has a "costs" matrix, corto's distance matrix of that profile
 * holds those costs; when it has no "distances" either, it holds the
 * durations. model_vorigin.has_distance says which, and the writer leaves
 * distances out when they are not known.
 */
#ifndef CORTO_VROOM_H
#define CORTO_VROOM_H

#include "model.h"

#include <stdio.h>

/*
 * Why no vehicle can serve client `node` (with its pickup-delivery partner,
 * if any) even on a route of its own: a short English reason, or NULL when
 * some vehicle can. Cheap tests only: skills, capacity, time windows,
 * shift, duration and distance limits of a route serving just that client.
 * Borrowed static string.
 */
const char *vroom_unreachable_reason(const corto_problem *p, int node);

/*
 * Write the JSON solution document of `s` to f: VROOM's output layout
 * (code, summary, unassigned, routes with timed steps) plus corto's own
 * fields (problem, cost, feasible, status, and vehicle_type per route).
 * `cost` and `status` are the evaluated objective (INT64_MAX when unknown)
 * and status.
 */
corto_status vroom_write_solution(FILE *f, const corto_solution *s,
                                  const corto_problem *p, int64_t cost,
                                  corto_solution_status status);

/*
 * The node a step of a written route stands for: for a JSON problem the
 * node whose origin has that kind ("job", "pickup", "delivery") and id; for
 * other problems id - 1 (ids are the file's 1-based node numbers).
 * Returns -1 when there is none.
 */
int vroom_step_node(const corto_problem *p, const char *type, int64_t id);

/* The vehicle type a route's "vehicle" names (external id for a JSON
 * problem, vehicle type index otherwise); -1 when there is none. */
int vroom_vehicle_type(const corto_problem *p, int64_t vehicle);

#endif /* CORTO_VROOM_H */
