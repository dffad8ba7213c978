/*
 * tsp_tour.h — what TSP/ATSP construction and local search share: the
 * weight matrix of the one vehicle type, fixed edges, tours as cyclic node
 * sequences, and their conversion to and from solutions.
 *
 * A tour is an array of all n nodes (the depot included) read cyclically;
 * the solution is its rotation that starts at the depot, depot left out.
 */
#ifndef CORTO_TSP_TOUR_H
#define CORTO_TSP_TOUR_H

#include "context.h"

typedef struct tsp_view {
    const corto_problem *p;
    int n;
    int depot;
    const int64_t *w; /* n*n arc weights: the route cost of each arc */
    int64_t *w_owned; /* w when it had to be built (else NULL) */
    int symmetric;    /* 1: w is symmetric and reversing a path is free */
    /* Fixed edges: for symmetric views up to two partners per node in
     * fix_a/fix_b; for directed views the forced successor in fix_a and
     * predecessor in fix_b. -1 = none. */
    int *fix_a, *fix_b;
    int has_fixed;
} tsp_view;

corto_status tsp_view_init(tsp_view *v, const corto_problem *p);
void tsp_view_free(tsp_view *v);

static inline int64_t tsp_w(const tsp_view *v, int i, int j)
{
    return v->w[(size_t)i * (size_t)v->n + (size_t)j];
}

/* 1 when the arc i -> j (either direction for symmetric views) is fixed. */
static inline int tsp_fixed(const tsp_view *v, int i, int j)
{
    if (!v->has_fixed)
        return 0;
    if (v->symmetric)
        return v->fix_a[i] == j || v->fix_b[i] == j;
    return v->fix_a[i] == j;
}

/* Sum of the arc weights of a cyclic tour. */
int64_t tsp_tour_weight(const tsp_view *v, const int *tour);

/*
 * Make every fixed edge appear in the tour: walk the tour and emit each
 * chain of fixed edges whole when its first node is met (in its forced
 * direction, or for symmetric views starting from the end nearer to the
 * last node emitted). Other nodes keep their relative order.
 */
corto_status tsp_repair_fixed(int *tour, const tsp_view *v);

/* Store the tour as the one route of vehicle type 0 in `out` (cleared). */
corto_status tsp_tour_to_solution(corto_solution *out, const tsp_view *v,
                                  const int *tour);
/* Read the tour of a one-route solution that visits every client once;
 * CORTO_ERR_ARGUMENT when the solution is not of that form. */
corto_status tsp_tour_from_solution(int *tour, const tsp_view *v,
                                    const corto_solution *s);

#endif /* CORTO_TSP_TOUR_H */
