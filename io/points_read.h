/*
 * points_read.h — the locations file of `corto matrix`: one point per
 * line, either a node id as numbered in the graph file (one integer) or
 * coordinates `X Y` (two numbers) to snap to the nearest node; blank lines
 * and text after '#' are ignored. Also the demands file that goes with
 * it: one integer >= 0 per line, one line per point. Plain or gzip.
 */
#ifndef CORTO_POINTS_READ_H
#define CORTO_POINTS_READ_H

#include "locate.h"

/* *pts (owned by the caller, free()) and *n. PARSE "FILE:LINE: problem"
 * for a malformed line, "FILE: no points" for an empty file. */
corto_status points_read(graph_point **pts, int *n, const char *path,
                         corto_diag *diag);

/* Exactly n demands into *demands (owned by the caller). */
corto_status points_read_demands(int64_t **demands, int n, const char *path,
                                 corto_diag *diag);

#endif /* CORTO_POINTS_READ_H */
