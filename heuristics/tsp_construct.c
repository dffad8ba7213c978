/*
 * tsp_construct.c — TSP/ATSP tours by farthest insertion and by nearest
 * neighbour (Rosenkrantz, Stearns & Lewis 1977, "An analysis of several
 * heuristics for the traveling salesman problem", SIAM J. Computing 6(3)).
 * Both use the directed arc weights, so they serve ATSPs too; fixed edges
 * are placed afterwards by tsp_repair_fixed.
 */
#include "construct.h"
#include "tsp_tour.h"
#include "util.h"

/*
 * Farthest insertion: the node farthest from the partial tour (distance
 * to its nearest tour node, either direction) is inserted where it adds
 * the least weight. The tour is a linked list, so each step is O(n).
 */
static corto_status tsp_farthest_insertion(int *tour, const tsp_view *v)
{
    corto_status rc = CORTO_OK;
    int n = v->n;
    int *next = NULL;
    int64_t *dmin = NULL;
    unsigned char *in = NULL;
    CORTO_ALLOC(next, n);
    CORTO_ALLOC(dmin, n);
    CORTO_ALLOC(in, n);
    int d = v->depot;
    next[d] = d;
    in[d] = 1;
    for (int u = 0; u < n; u++)
        dmin[u] = min64(tsp_w(v, d, u), tsp_w(v, u, d));
    for (int size = 1; size < n; size++) {
        int pick = -1;
        for (int u = 0; u < n; u++)
            if (!in[u] && (pick < 0 || dmin[u] > dmin[pick]))
                pick = u;
        int best_a = d;
        int64_t best = INT64_MAX;
        int a = d;
        for (int k = 0; k < size; k++, a = next[a]) {
            int b = next[a];
            int64_t add =
                tsp_w(v, a, pick) + tsp_w(v, pick, b) - tsp_w(v, a, b);
            if (add < best) {
                best = add;
                best_a = a;
            }
        }
        next[pick] = next[best_a];
        next[best_a] = pick;
        in[pick] = 1;
        for (int u = 0; u < n; u++)
            if (!in[u])
                dmin[u] = min64(dmin[u],
                                min64(tsp_w(v, pick, u), tsp_w(v, u, pick)));
    }
    for (int k = 0, a = d; k < n; k++, a = next[a])
        tour[k] = a;
cleanup:
    free(next);
    free(dmin);
    free(in);
    return rc;
}

/* Nearest neighbour from the depot; O(n^2). */
static corto_status tsp_nearest_neighbour(int *tour, const tsp_view *v)
{
    corto_status rc = CORTO_OK;
    int n = v->n;
    unsigned char *in = NULL;
    CORTO_ALLOC(in, n);
    int cur = v->depot;
    tour[0] = cur;
    in[cur] = 1;
    for (int k = 1; k < n; k++) {
        int pick = -1;
        for (int u = 0; u < n; u++)
            if (!in[u] && (pick < 0 || tsp_w(v, cur, u) < tsp_w(v, cur, pick)))
                pick = u;
        tour[k] = pick;
        in[pick] = 1;
        cur = pick;
    }
cleanup:
    free(in);
    return rc;
}

/* Shared driver: build with `method`, place fixed edges, store. */
static corto_status tsp_construct(corto_solution *out, solve_ctx *ctx,
                                  int nearest)
{
    corto_status rc = CORTO_OK;
    tsp_view v = {0};
    int *tour = NULL;
    CORTO_TRY(tsp_view_init(&v, ctx->problem));
    CORTO_ALLOC(tour, v.n);
    if (nearest)
        CORTO_TRY(tsp_nearest_neighbour(tour, &v));
    else
        CORTO_TRY(tsp_farthest_insertion(tour, &v));
    CORTO_TRY(tsp_repair_fixed(tour, &v));
    CORTO_TRY(tsp_tour_to_solution(out, &v, tour));
cleanup:
    free(tour);
    tsp_view_free(&v);
    return rc;
}

corto_status construct_tsp_insertion(corto_solution *out, solve_ctx *ctx)
{
    return tsp_construct(out, ctx, 0);
}

corto_status construct_tsp_nearest(corto_solution *out, solve_ctx *ctx)
{
    return tsp_construct(out, ctx, 1);
}
