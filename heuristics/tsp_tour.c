/*
 * tsp_tour.c — the weight view of a TSP/ATSP, fixed-edge repair of tours,
 * and conversion between tours and one-route solutions.
 */
#include "tsp_tour.h"
#include "util.h"

#include <string.h>

corto_status tsp_view_init(tsp_view *v, const corto_problem *p)
{
    corto_status rc = CORTO_OK;
    memset(v, 0, sizeof *v);
    const model_vehicle *vt = &p->vtypes[0];
    int n = p->n_nodes;
    int open = vt->end_depot < 0;
    v->p = p;
    v->n = n;
    v->depot = vt->start_depot;
    const int64_t *dist = p->profiles[vt->profile].dist;
    const int64_t *dur = p->profiles[vt->profile].dur;
    if (vt->cost_per_distance == 1 && vt->cost_per_duration == 0 && !open) {
        v->w = dist;
    } else {
        /* Arc costs as route_eval counts them; an open route returns to
         * the depot for free, which turns the path into a cycle. */
        CORTO_ALLOC(v->w_owned, (size_t)n * (size_t)n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                size_t k = (size_t)i * (size_t)n + (size_t)j;
                v->w_owned[k] = open && j == v->depot
                                    ? 0
                                    : vt->cost_per_distance * dist[k] +
                                          vt->cost_per_duration * dur[k];
            }
        v->w = v->w_owned;
    }
    v->symmetric = p->kind == CORTO_KIND_TSP || p->n_fixed == 0;
    for (int i = 0; i < n && v->symmetric; i++)
        for (int j = i + 1; j < n; j++)
            if (tsp_w(v, i, j) != tsp_w(v, j, i)) {
                v->symmetric = 0;
                break;
            }
    CORTO_ALLOC(v->fix_a, n);
    CORTO_ALLOC(v->fix_b, n);
    for (int i = 0; i < n; i++)
        v->fix_a[i] = v->fix_b[i] = -1;
    for (int k = 0; k < p->n_fixed; k++) {
        int a = p->fixed[2 * k], b = p->fixed[2 * k + 1];
        v->has_fixed = 1;
        if (v->symmetric) {
            /* A third partner cannot be honoured; the evaluation of the
             * solution reports the missing edge. */
            if (v->fix_a[a] == b || v->fix_b[a] == b)
                continue;
            int *sa = v->fix_a[a] < 0
                          ? &v->fix_a[a]
                          : (v->fix_b[a] < 0 ? &v->fix_b[a] : NULL);
            int *sb = v->fix_a[b] < 0
                          ? &v->fix_a[b]
                          : (v->fix_b[b] < 0 ? &v->fix_b[b] : NULL);
            if (sa && sb) {
                *sa = b;
                *sb = a;
            }
        } else if (v->fix_a[a] < 0 && v->fix_b[b] < 0) {
            v->fix_a[a] = b;
            v->fix_b[b] = a;
        }
    }
cleanup:
    if (rc != CORTO_OK)
        tsp_view_free(v);
    return rc;
}

void tsp_view_free(tsp_view *v)
{
    free(v->w_owned);
    free(v->fix_a);
    free(v->fix_b);
    v->w_owned = NULL;
    v->fix_a = v->fix_b = NULL;
}

int64_t tsp_tour_weight(const tsp_view *v, const int *tour)
{
    int64_t sum = 0;
    for (int k = 0; k < v->n; k++)
        sum += tsp_w(v, tour[k], tour[(k + 1) % v->n]);
    return sum;
}

/* The fixed partner of `cur` other than `prev` (symmetric views). */
static int tsp_other_partner(const tsp_view *v, int cur, int prev)
{
    if (v->fix_a[cur] >= 0 && v->fix_a[cur] != prev)
        return v->fix_a[cur];
    if (v->fix_b[cur] >= 0 && v->fix_b[cur] != prev)
        return v->fix_b[cur];
    return -1;
}

/* One end of the fixed chain through x, walking away from `away`. */
static int tsp_chain_end(const tsp_view *v, int x, int first)
{
    int prev = x, cur = first;
    if (cur < 0)
        return x;
    for (int steps = 0; steps < v->n; steps++) {
        int nxt = tsp_other_partner(v, cur, prev);
        if (nxt < 0 || nxt == x)
            break;
        prev = cur;
        cur = nxt;
    }
    return cur;
}

corto_status tsp_repair_fixed(int *tour, const tsp_view *v)
{
    corto_status rc = CORTO_OK;
    unsigned char *done = NULL;
    int *out = NULL;
    if (!v->has_fixed)
        return CORTO_OK;
    int n = v->n, m = 0;
    CORTO_ALLOC(done, n);
    CORTO_ALLOC(out, n);
    for (int k = 0; k < n; k++) {
        int x = tour[k];
        if (done[x])
            continue;
        int start = x;
        if (v->symmetric) {
            if (v->fix_a[x] >= 0 || v->fix_b[x] >= 0) {
                int e1 = tsp_chain_end(v, x, v->fix_a[x]);
                int e2 = tsp_chain_end(v, x, v->fix_b[x]);
                start = e1;
                if (m > 0 &&
                    tsp_w(v, out[m - 1], e2) < tsp_w(v, out[m - 1], e1))
                    start = e2;
            }
            int prev = -1, cur = start;
            while (cur >= 0 && !done[cur]) {
                done[cur] = 1;
                out[m++] = cur;
                int nxt = tsp_other_partner(v, cur, prev);
                prev = cur;
                cur = nxt;
            }
        } else {
            for (int steps = 0; steps < n && v->fix_b[start] >= 0 &&
                                v->fix_b[start] != x && !done[v->fix_b[start]];
                 steps++)
                start = v->fix_b[start];
            for (int cur = start; cur >= 0 && !done[cur];
                 cur = v->fix_a[cur]) {
                done[cur] = 1;
                out[m++] = cur;
            }
        }
    }
    memcpy(tour, out, (size_t)n * sizeof *tour);
cleanup:
    free(done);
    free(out);
    return rc;
}

corto_status tsp_tour_to_solution(corto_solution *out, const tsp_view *v,
                                  const int *tour)
{
    corto_status rc = CORTO_OK;
    int *nodes = NULL;
    int n = v->n, r = 0;
    CORTO_ALLOC(nodes, n);
    while (r < n && tour[r] != v->depot)
        r++;
    if (r == n) {
        rc = CORTO_ERR_INTERNAL;
        goto cleanup;
    }
    for (int k = 1; k < n; k++)
        nodes[k - 1] = tour[(r + k) % n];
    solution_clear(out);
    CORTO_TRY(corto_solution_add_route(out, 0, nodes, n - 1));
cleanup:
    free(nodes);
    return rc;
}

corto_status tsp_tour_from_solution(int *tour, const tsp_view *v,
                                    const corto_solution *s)
{
    corto_status rc = CORTO_OK;
    unsigned char *seen = NULL;
    int n = v->n, m = 1, used = 0;
    CORTO_ALLOC(seen, n);
    tour[0] = v->depot;
    seen[v->depot] = 1;
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_len[r] == 0)
            continue;
        if (used++ > 0 || s->route_vtype[r] != 0) {
            rc = CORTO_ERR_ARGUMENT;
            goto cleanup;
        }
        for (int k = 0; k < s->route_len[r]; k++) {
            int x = s->routes[r][k];
            if (x < 0 || x >= n || seen[x] || m >= n) {
                rc = CORTO_ERR_ARGUMENT;
                goto cleanup;
            }
            seen[x] = 1;
            tour[m++] = x;
        }
    }
    if (m != n)
        rc = CORTO_ERR_ARGUMENT;
cleanup:
    free(seen);
    return rc;
}
