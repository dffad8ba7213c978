/*
 * solution_io.h — solution files: CVRPLIB .sol, TSPLIB .tour and corto's
 * JSON document. corto_read_solution / corto_write_solution (corto.h) are
 * the public entry points; the tour reader is also exposed on its own for
 * tours of instances too large to build as a corto_problem.
 *
 * The JSON document (written by corto, read back by corto_read_solution):
 *
 *   {
 *     "problem": "X-n101-k25",      name of the problem (ignored on read)
 *     "cost": 27591,                objective, or null when unknown
 *     "feasible": true,             every constraint holds
 *     "status": "feasible",         "feasible" | "optimal" | "infeasible"
 *                                   | "unknown": what the solver knows
 *     "routes": [                   one object per route, in order
 *       {"vehicle_type": 0,         index of the vehicle type (default 0)
 *        "nodes": [31, 46, 35]}     client nodes as corto numbers them
 *     ]                             (0-based; depots left out)
 *   }
 *
 * On read only "routes" is required; "cost" becomes the claimed cost.
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
