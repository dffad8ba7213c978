/*
 * vrp_swap_star.c — the SWAP* neighbourhood of Vidal (2022), "Hybrid
 * genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood", C&OR 140: exchange a client u of route A with a client v
 * of route B, each inserted at its best position in the other route
 * rather than in the other's place.
 *
 * For a pair of routes, the three cheapest insertion slots of every
 * client of A in B (and of B in A) are found by distance in one sweep;
 * the best slot for u in B without v is then either one of those three
 * not next to v, or v's own place. The pair (u, v) with the largest
 * distance saving is rebuilt and priced through route_eval and
 * vrp_route_price (capacity, time windows, soft penalties), and made when
 * the priced cost of the two routes falls.
 *
 * Route pairs are taken from the granular neighbour lists (some client of
 * A has one of its nearest clients in B), and only pairs with a route
 * changed since the last pass are examined. The neighbourhood is used
 * when route costs are distance-based (no vehicle type pays for duration,
 * no visit costs) and the problem has no time windows, skills, pairs or fixed
 * edges: the distance estimate ignores waiting and lateness, and on Solomon
 * instances it did not pay (as in HGS, which keeps it to the CVRP).
 */
#include "vrp_swap_star.h"
#include "util.h"

#include <string.h>

/* Nearest neighbours per client that define candidate route pairs. */
#define SWAP_STAR_NB 10

struct swap_star {
    const vrp_data *d;
    int64_t *top_cost; /* 3 per node: cheapest insertion costs */
    int *top_slot;     /* and their slots in the other route */
    int *route_mark;   /* per route (max_routes of vrp_state): stamp of
                          the route A it was last paired with */
    int mark_gen;
    int *buf[2];
    int has_pickups; /* some client collects: loads are not sums then */
};

corto_status swap_star_create(swap_star **out, const vrp_data *d)
{
    corto_status rc = CORTO_OK;
    swap_star *s = NULL;
    *out = NULL;
    CORTO_ALLOC(s, 1);
    s->d = d;
    CORTO_ALLOC(s->top_cost, 3 * (size_t)d->n);
    CORTO_ALLOC(s->top_slot, 3 * (size_t)d->n);
    CORTO_ALLOC(s->route_mark, d->n_clients + d->p->n_vtypes + 1);
    CORTO_ALLOC(s->buf[0], d->n + 1);
    CORTO_ALLOC(s->buf[1], d->n + 1);
    for (size_t t = 0; t < (size_t)d->n * (size_t)d->p->n_dims; t++)
        s->has_pickups |= d->p->pickup[t] != 0;
    *out = s;
    s = NULL;
cleanup:
    swap_star_destroy(s);
    return rc;
}

void swap_star_destroy(swap_star *s)
{
    if (!s)
        return;
    free(s->top_cost);
    free(s->top_slot);
    free(s->route_mark);
    free(s->buf[0]);
    free(s->buf[1]);
    free(s);
}

int swap_star_applies(const vrp_data *d)
{
    if (d->check || d->p->has_time_windows)
        return 0;
    for (int v = 0; v < d->p->n_vtypes; v++)
        if (d->p->vtypes[v].cost_per_duration != 0)
            return 0;
    for (int k = 0; k < d->p->n_profiles; k++)
        if (d->p->profiles[k].visit_cost)
            return 0;
    return 1;
}

/* Distance a -> b in route R's profile; 0 when either end is absent. */
static int64_t ss_edge(const corto_problem *p, const vrp_route *R, int a,
                       int b)
{
    if (a < 0 || b < 0)
        return 0;
    const int64_t *dist = p->profiles[p->vtypes[R->vtype].profile].dist;
    return dist[(size_t)a * (size_t)p->n_nodes + (size_t)b];
}

/* The nodes around slot k of R (k = 0..len): before it and after it
 * (depots included; -1 for the missing end of an open route). */
static void ss_slot(const corto_problem *p, const vrp_route *R, int k,
                    int *prev, int *next)
{
    const model_vehicle *vt = &p->vtypes[R->vtype];
    *prev = k > 0 ? R->nodes[k - 1] : vt->start_depot;
    *next = k < R->len ? R->nodes[k] : vt->end_depot;
}

/* Distance added by putting x between a and b in route R. */
static int64_t ss_insert_cost(const corto_problem *p, const vrp_route *R,
                              int a, int x, int b)
{
    return ss_edge(p, R, a, x) + ss_edge(p, R, x, b) - ss_edge(p, R, a, b);
}

/* For every client of `from`, its three cheapest slots in `to`. */
static void ss_top3(swap_star *s, const vrp_route *from, const vrp_route *to)
{
    const corto_problem *p = s->d->p;
    for (int i = 0; i < from->len; i++) {
        int x = from->nodes[i];
        int64_t *tc = &s->top_cost[3 * (size_t)x];
        int *ts = &s->top_slot[3 * (size_t)x];
        tc[0] = tc[1] = tc[2] = INT64_MAX;
        ts[0] = ts[1] = ts[2] = -1;
        for (int k = 0; k <= to->len; k++) {
            int a, b;
            ss_slot(p, to, k, &a, &b);
            int64_t c = ss_insert_cost(p, to, a, x, b);
            if (c >= tc[2])
                continue;
            int at = c < tc[0] ? 0 : c < tc[1] ? 1 : 2;
            for (int t = 2; t > at; t--) {
                tc[t] = tc[t - 1];
                ts[t] = ts[t - 1];
            }
            tc[at] = c;
            ts[at] = k;
        }
    }
}

/* Cheapest slot for x in route R once the client at position j leaves:
 * the best of x's top three not next to j, or j's own place (slot j). */
static int64_t ss_best_without(const swap_star *s, const vrp_route *R, int x,
                               int j, int *slot)
{
    const corto_problem *p = s->d->p;
    const int64_t *tc = &s->top_cost[3 * (size_t)x];
    const int *ts = &s->top_slot[3 * (size_t)x];
    int a, b, c;
    ss_slot(p, R, j, &a, &c);     /* a = before j, c = the client j */
    ss_slot(p, R, j + 1, &c, &b); /* b = after j */
    int64_t best = ss_insert_cost(p, R, a, x, b);
    *slot = j;
    for (int t = 0; t < 3; t++)
        if (ts[t] >= 0 && ts[t] != j && ts[t] != j + 1) {
            if (tc[t] < best) {
                best = tc[t];
                *slot = ts[t];
            }
            break;
        }
    return best;
}

/* Distance saved by taking the client at position j out of R. */
static int64_t ss_removal(const corto_problem *p, const vrp_route *R, int j)
{
    int a, b, c;
    ss_slot(p, R, j, &a, &c);
    ss_slot(p, R, j + 1, &c, &b);
    return ss_edge(p, R, a, c) + ss_edge(p, R, c, b) - ss_edge(p, R, a, b);
}

/* R's nodes with the client at position j replaced by x inserted at slot
 * `slot` (a slot of R as it is, j's own place being slot j). */
static int ss_write(const vrp_route *R, int j, int x, int slot, int *out)
{
    int m = 0;
    for (int k = 0; k <= R->len; k++) {
        if (k == slot)
            out[m++] = x;
        if (k < R->len && k != j)
            out[m++] = R->nodes[k];
    }
    return m;
}

/* Priced cost of route r rebuilt as nodes[0..len). 0 when it cannot be
 * priced (hard constraints broken). */
static int ss_price(const vrp_state *st, int r, const int *nodes, int len,
                    int64_t *price)
{
    route_eval re;
    route_eval_nodes(&re, st->d->p, st->routes[r].vtype, nodes, len);
    return vrp_route_price(st->d, &re, price);
}

/* Load term of exchanging u (leaving R) for v (joining R): returns 0 when
 * R's deliveries would exceed a capacity under hard constraints; else 1,
 * with *change the change of its weighted load excess under soft ones (0
 * when the problem has pickups: the full evaluation decides then). */
static int ss_load(const swap_star *s, const vrp_route *R, int u, int v,
                   double *change)
{
    const vrp_data *d = s->d;
    const corto_problem *p = d->p;
    *change = 0.0;
    if (s->has_pickups)
        return 1;
    const int64_t *cap = p->vtypes[R->vtype].capacity;
    const seg *all = &R->pre[R->len];
    for (int k = 0; k < p->n_dims; k++) {
        int64_t was = all->deliv[k];
        int64_t now = was - p->demand[(size_t)u * (size_t)p->n_dims + k] +
                      p->demand[(size_t)v * (size_t)p->n_dims + k];
        int64_t ex_was = was > cap[k] ? was - cap[k] : 0;
        int64_t ex_now = now > cap[k] ? now - cap[k] : 0;
        if (ex_now > 0 && !d->soft)
            return 0;
        *change += d->w_load * (double)(ex_now - ex_was);
    }
    return 1;
}

/* The best SWAP* move between routes ra and rb; made when it lowers the
 * priced cost. Returns 1 when a move was made. */
static int ss_pair(swap_star *s, vrp_state *st, int ra, int rb,
                   corto_status *rc)
{
    const corto_problem *p = s->d->p;
    const vrp_route *A = &st->routes[ra], *B = &st->routes[rb];
    ss_top3(s, A, B);
    ss_top3(s, B, A);
    int64_t best = 0;
    int bi = -1, bj = -1, slot_u = -1, slot_v = -1;
    for (int i = 0; i < A->len; i++) {
        int u = A->nodes[i];
        int64_t rem_u = ss_removal(p, A, i);
        for (int j = 0; j < B->len; j++) {
            int v = B->nodes[j];
            int64_t rem_v = ss_removal(p, B, j);
            int su, sv;
            int64_t in_u = ss_best_without(s, B, u, j, &su);
            int64_t in_v = ss_best_without(s, A, v, i, &sv);
            int64_t delta = in_u + in_v - rem_u - rem_v;
            if (delta >= best)
                continue;
            double la, lb;
            if (!ss_load(s, A, u, v, &la) || !ss_load(s, B, v, u, &lb))
                continue;
            delta += (int64_t)(la + lb);
            if (delta < best) {
                best = delta;
                bi = i;
                bj = j;
                slot_u = su;
                slot_v = sv;
            }
        }
    }
    if (bi < 0)
        return 0;
    int u = A->nodes[bi], v = B->nodes[bj];
    int la = ss_write(A, bi, v, slot_v, s->buf[0]);
    int lb = ss_write(B, bj, u, slot_u, s->buf[1]);
    int64_t pa, pb;
    if (!ss_price(st, ra, s->buf[0], la, &pa) ||
        !ss_price(st, rb, s->buf[1], lb, &pb))
        return 0;
    if (pa + pb >= A->cost + A->pen + B->cost + B->pen)
        return 0;
    *rc = vrp_state_set_route(st, ra, s->buf[0], la);
    if (*rc == CORTO_OK)
        *rc = vrp_state_set_route(st, rb, s->buf[1], lb);
    return *rc == CORTO_OK;
}

corto_status swap_star_pass(swap_star *s, vrp_state *st, int64_t since,
                            int *moved)
{
    corto_status rc = CORTO_OK;
    const vrp_data *d = s->d;
    int k = d->nb.k < SWAP_STAR_NB ? d->nb.k : SWAP_STAR_NB;
    *moved = 0;
    for (int ra = 0; ra < st->n_routes; ra++) {
        if (st->routes[ra].len == 0)
            continue;
        s->mark_gen++;
        s->route_mark[ra] = s->mark_gen;
        for (int i = 0; i < st->routes[ra].len; i++) {
            int u = st->routes[ra].nodes[i];
            for (int e = 0; e < k; e++) {
                int v = d->nb.out[(size_t)u * (size_t)d->nb.k + (size_t)e];
                if (v < 0)
                    break;
                int rb = st->route_of[v];
                if (rb < 0 || s->route_mark[rb] == s->mark_gen)
                    continue;
                s->route_mark[rb] = s->mark_gen;
                if (st->routes[ra].stamp <= since &&
                    st->routes[rb].stamp <= since)
                    continue;
                if (ss_pair(s, st, ra, rb, &rc)) {
                    (*moved)++;
                    /* ra changed: its clients and partners are stale. */
                    i = st->routes[ra].len;
                    break;
                }
                CORTO_TRY(rc);
            }
        }
    }
cleanup:
    return rc;
}
