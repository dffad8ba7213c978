/*
 * solution_io.h — solution files: CVRPLIB .sol, TSPLIB .tour and corto's
 * JSON document. corto_read_solution / corto_write_solution (corto.h) are
 * the public entry points; the tour reader is also exposed on its own for
 * tours of instances too large to build as a corto_problem.
 *
 * The JSON document (vroom_write.c; read back by corto_read_solution)
 * follows VROOM's output layout with corto's fields at the top level:
 *
 *   {"code": 0, "problem": "name", "cost": 310400 (objective, or null),
 *    "cost_scale": 1000 (JSON problems only), "feasible": true,
 *    "status": "feasible" | "optimal" | "infeasible" | "unknown",
 *    "summary": {cost, routes, unassigned, delivery, pickup, service,
 *                duration (travel), waiting_time, distance},
 *    "unassigned": [{id, type, location_index, reason}],
 *    "routes": [{vehicle, vehicle_type, cost, delivery, pickup, service,
 *                duration, waiting_time, distance,
 *                steps: [{type: start|job|pickup|delivery|end, id,
 *                         location_index, arrival, duration, service,
 *                         waiting_time, load, distance}]}]}
 *
 * On read only "routes" is required; "cost" becomes the claimed cost. A
 * route's nodes come from its steps (by id, see vroom_step_node) or, in
 * corto's former layout, from a "nodes" array of 0-based nodes.
 */
#ifndef CORTO_SOLUTION_IO_H
#define CORTO_SOLUTION_IO_H

#include "corto.h"

/*
 * Read the first tour of a TSPLIB .tour file: *ids receives the node ids
 * as written (1-based), *n their number, *dimension the DIMENSION key
 * (-1 when absent). *ids is malloc'ed and owned by the caller.
 */
corto_status solution_read_tour_ids(int **ids, int *n, int *dimension,
                                    const char *path, corto_diag *diag);

#endif /* CORTO_SOLUTION_IO_H */
