/*
 * neighbours.h — k-nearest neighbour lists over a cost function given by a
 * matrix, used to keep construction and local search granular (Toth & Vigo
 * 2003, "The granular tabu search and its application to the vehicle
 * routing problem", INFORMS J. Computing 15(4)).
 */
#ifndef CORTO_NEIGHBOURS_H
#define CORTO_NEIGHBOURS_H

#include "model.h"

typedef struct nb_lists {
    int n;    /* nodes (rows) */
    int k;    /* entries per row; rows of nodes outside the set are empty */
    int *out; /* n*k: out[i*k + t] = t-th nearest j by cost(i, j), or -1 */
    int *in;  /* n*k: in[j*k + t] = t-th nearest i by cost(i, j), or -1;
                 NULL when not asked for */
} nb_lists;

/*
 * Build lists of the k nearest nodes by the n x n row-major matrix `cost`,
 * among the nodes with member[i] != 0 (all nodes when member is NULL).
 * Ties are broken by the smaller index, so lists are deterministic. k is
 * clipped to the number of other members. `want_in` also builds the lists
 * of nearest predecessors (for asymmetric costs).
 */
corto_status nb_build(nb_lists *nb, const int64_t *cost, int n,
                      const unsigned char *member, int k, int want_in);
void nb_free(nb_lists *nb);

#endif /* CORTO_NEIGHBOURS_H */
