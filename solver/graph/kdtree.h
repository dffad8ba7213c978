/*
 * kdtree.h — a static 2-d tree over points (Bentley 1975, "Multidimensional
 * binary search trees used for associative searching") for snapping
 * coordinates to the nearest road graph node.
 */
#ifndef CORTO_KDTREE_H
#define CORTO_KDTREE_H

#include "corto.h"

typedef struct kdtree kdtree;

/*
 * Build a tree over the points (x[k], y[k]) for the k with keep[k] != 0
 * (every k when keep is NULL). Inputs are copied. ARGUMENT when no point
 * is kept.
 */
corto_status kdtree_build(kdtree **out, const double *x, const double *y,
                          const unsigned char *keep, int n);
void kdtree_destroy(kdtree *t);

/* The index of the point nearest to (qx, qy) in Euclidean distance, the
 * smallest index among equally near ones; its distance in *dist. */
int kdtree_nearest(const kdtree *t, double qx, double qy, double *dist);

#endif /* CORTO_KDTREE_H */
