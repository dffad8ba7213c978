/*
 * locate.h — locations on a road graph, as a points file gives them: a
 * node id as numbered in the graph file, or coordinates snapped to the
 * nearest node that has an arc (k-d tree, Euclidean distance in the
 * graph's coordinate units).
 */
#ifndef CORTO_LOCATE_H
#define CORTO_LOCATE_H

#include "graph.h"

typedef struct graph_point {
    int has_xy;  /* 1: x, y given; 0: id given */
    int64_t id;  /* node id as numbered in the graph file */
    double x, y; /* coordinates to snap */
    long line;   /* line of the points file, for messages */
} graph_point;

/*
 * node[k] (0-based node of g) for every point; snap[k] (may be NULL) the
 * distance from the given coordinates to that node (0 for ids). A point
 * outside the graph, or coordinates on a graph without them, is a PARSE
 * error "PATH:LINE: problem" naming the points file `path`.
 */
corto_status graph_locate(int *node, double *snap, const graph *g,
                          const graph_point *pts, int n, const char *path,
                          corto_diag *diag);

#endif /* CORTO_LOCATE_H */
