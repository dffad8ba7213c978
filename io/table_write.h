/*
 * table_write.h — writers of `corto matrix` output: a road-graph distance
 * or duration matrix between points as plain text, as an OSRM-table-like
 * JSON object, or as a TSPLIB/CVRPLIB EXPLICIT FULL_MATRIX problem that
 * `corto solve` reads.
 */
#ifndef CORTO_TABLE_WRITE_H
#define CORTO_TABLE_WRITE_H

#include "corto.h"

#include <stdint.h>
#include <stdio.h>

/* A square table between n points; INFINITY marks an unreachable pair. */
typedef struct road_table {
    int n;
    const double *dist;  /* n * n row-major, or NULL */
    const double *dur;   /* n * n row-major, or NULL */
    const int64_t *ids;  /* the node (as numbered in the file) of each point */
    const double *x, *y; /* coordinates of those nodes, or NULL */
    const double *snap;  /* distance a point was snapped by, or NULL */
} road_table;

/* n lines of n numbers (%.10g), the word `unreachable` for no path. */
void table_write_text(FILE *f, const double *m, int n);

/* {"code":"Ok","distances":[[...]],"durations":[[...]],"sources":[...],
 * "destinations":[...]}: null for an unreachable pair; a matrix that is
 * NULL is left out; each source/destination gives its node id,
 * "location" [x, y] when known and "snap_distance". */
void table_write_json(FILE *f, const road_table *t);

/*
 * A TSPLIB problem with EDGE_WEIGHT_TYPE EXPLICIT, FULL_MATRIX: each entry
 * is m * scale rounded to the nearest integer. ATSP when demands is NULL,
 * else CVRP with that CAPACITY, DEMAND_SECTION and point 1 as the depot.
 * MODEL error (nothing written) when a pair is unreachable or a value
 * does not fit; *bad (may be NULL) gets i * n + j of the first such pair.
 */
corto_status table_write_tsplib(FILE *f, const double *m, int n,
                                const char *name, const char *comment,
                                double scale, int64_t capacity,
                                const int64_t *demands, int64_t *bad);

#endif /* CORTO_TABLE_WRITE_H */
