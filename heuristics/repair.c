/*
 * repair.c — repair operators for the VRP ALNS:
 *  - greedy: units in random order, each at its cheapest feasible position
 *    over all routes;
 *  - regret-k (k = 2, 3): repeatedly the unit whose k-1 next-best routes
 *    lose the most against its best, Ropke & Pisinger 2006 (Transp. Sci.
 *    40(4)); the best position per (unit, route) is kept in a table and
 *    only the changed route's column is recomputed after an insertion;
 *  - greedy with blinks: units sorted randomly, by demand, by distance
 *    from the depot (far first) or by nearness (close first), weights
 *    4/4/2/1, each position skipped with probability beta (SISR,
 *    Christiaens & Vanden Berghe 2020, Transp. Sci. 54(2)).
 * Positions are evaluated by vrp_state_insert_delta in O(1) segment joins;
 * a pickup-delivery pair whose two units are both out is inserted as one
 * item, pickup and delivery at their best pair of positions on one route
 * (vrp_state_pair_best, O(len^2) joins per route), so pairs interleave.
 * The empty route each vehicle type keeps as a spare (vrp_state_spares)
 * is a candidate like any other, at its cost: fixed cost plus the trip
 * from and to the depots, so a new vehicle starts when that is cheapest
 * (another depot, an open route, a cheaper type), not only when the unit
 * fits nowhere else.
 */
#include "repair.h"
#include "util.h"

#include <string.h>

#define REPAIR_NONE INT64_MAX

struct repair_ws {
    const vrp_data *d;
    double blink;
    int *units;    /* n: units to insert */
    int64_t *ukey; /* n: sort keys (blinks) */
    int64_t *seen; /* per unit: generation when listed */
    int64_t gen;
    int64_t *tcost; /* regret table: best delta per (unit, route) */
    int *tpos;      /* and its position */
    int *tpos2;     /* and the delivery's position for a pair (else -1) */
    size_t tcap;
};

const char *repair_name(repair_kind kind)
{
    static const char *names[] = {"greedy", "regret2", "regret3", "blinks"};
    return kind >= 0 && kind < REPAIR_KIND_COUNT ? names[kind] : "unknown";
}

corto_status repair_create(repair_ws **out, const vrp_data *d, double blink)
{
    corto_status rc = CORTO_OK;
    repair_ws *w = NULL;
    *out = NULL;
    CORTO_ALLOC(w, 1);
    w->d = d;
    w->blink = blink;
    CORTO_ALLOC(w->units, d->n);
    CORTO_ALLOC(w->ukey, d->n);
    CORTO_ALLOC(w->seen, d->units.n_units > 0 ? d->units.n_units : 1);
    *out = w;
    w = NULL;
cleanup:
    repair_destroy(w);
    return rc;
}

void repair_destroy(repair_ws *w)
{
    if (!w)
        return;
    free(w->units);
    free(w->ukey);
    free(w->seen);
    free(w->tcost);
    free(w->tpos);
    free(w->tpos2);
    free(w);
}

/* 1 when no client of unit u is routed. */
static int repair_out(const vrp_state *st, const vrp_units *U, int u)
{
    for (int k = U->start[u]; k < U->start[u + 1]; k++)
        if (st->route_of[U->nodes[k]] >= 0)
            return 0;
    return 1;
}

/* 1 when unit u goes in as a split pair: it holds a pickup whose delivery
 * unit is out too. */
static int repair_is_pair(const vrp_state *st, int u)
{
    const vrp_units *U = &st->d->units;
    return U->partner[u] >= 0 && U->lead[u] &&
           repair_out(st, U, U->partner[u]);
}

/* The units all of whose clients are unassigned, into w->units; a split
 * pair with both units out is listed once, by its pickup unit. */
static int repair_units(repair_ws *w, const vrp_state *st)
{
    const vrp_units *U = &w->d->units;
    int m = 0;
    w->gen++;
    for (int t = 0; t < st->n_unassigned; t++) {
        int u = U->unit_of[st->unassigned[t]];
        if (w->seen[u] == w->gen)
            continue;
        w->seen[u] = w->gen;
        if (!repair_out(st, U, u))
            continue;
        int v = U->partner[u];
        if (v >= 0 && repair_out(st, U, v)) {
            w->seen[v] = w->gen;
            w->units[m++] = U->lead[u] ? u : v;
        } else {
            w->units[m++] = u;
        }
    }
    /* The unassigned list's order depends on history; sort by unit id so
     * that the operators' random orders depend on the rng only. */
    for (int i = 1; i < m; i++) {
        int u = w->units[i], j = i;
        while (j > 0 && w->units[j - 1] > u) {
            w->units[j] = w->units[j - 1];
            j--;
        }
        w->units[j] = u;
    }
    return m;
}

/* 1 when unit u (with its partner unit when it goes in as a pair) holds
 * a required client. */
static int repair_required(const vrp_state *st, int u)
{
    const vrp_data *d = st->d;
    const vrp_units *U = &d->units;
    int v = repair_is_pair(st, u) ? U->partner[u] : u;
    for (int k = U->start[u]; k < U->start[u + 1]; k++)
        if (d->p->required[U->nodes[k]])
            return 1;
    for (int k = U->start[v]; k < U->start[v + 1]; k++)
        if (d->p->required[U->nodes[k]])
            return 1;
    return 0;
}

static void repair_shuffle(int *a, int m, rng *r)
{
    for (int t = m - 1; t > 0; t--) {
        int o = (int)rng_below(r, (uint64_t)t + 1);
        int tmp = a[t];
        a[t] = a[o];
        a[o] = tmp;
    }
}

/* Best position of unit u in route rt (and *pos2, the delivery's, for a
 * split pair; -1 otherwise); REPAIR_NONE when none. With blink > 0 each
 * position is skipped with that probability. */
static int64_t repair_best_in(const vrp_state *st, int u, int rt, int *pos,
                              int *pos2, double blink, rng *r)
{
    int64_t best = REPAIR_NONE, delta;
    *pos2 = -1;
    if (repair_is_pair(st, u))
        return vrp_state_pair_best(st, u, rt, blink, r, pos, pos2, &delta)
                   ? delta
                   : REPAIR_NONE;
    for (int k = 0; k <= st->routes[rt].len; k++) {
        if (blink > 0 && rng_uniform(r) < blink)
            continue;
        if (vrp_state_insert_delta(st, u, rt, k, &delta) && delta < best) {
            best = delta;
            *pos = k;
        }
    }
    return best;
}

/* Cheapest position over all routes; inserts it (optional units only
 * when it pays). */
static corto_status repair_one(vrp_state *st, int u, double blink, rng *r)
{
    int64_t best = REPAIR_NONE;
    int br = -1, bp = -1, bp2 = -1, pos = 0, pos2 = -1;
    for (int rt = 0; rt < st->n_routes; rt++) {
        /* No blinks for empty routes: their one position must stay
         * available to a unit that fits nowhere else. */
        int empty = st->routes[rt].len == 0;
        int64_t c =
            repair_best_in(st, u, rt, &pos, &pos2, empty ? 0.0 : blink, r);
        if (c < best) {
            best = c;
            br = rt;
            bp = pos;
            bp2 = pos2;
        }
    }
    if (br < 0 || (!repair_required(st, u) && best >= 0))
        return CORTO_OK;
    if (bp2 >= 0)
        return vrp_state_insert_pair(st, u, br, bp, bp2);
    return vrp_state_insert(st, u, br, bp);
}

static corto_status repair_greedy(repair_ws *w, vrp_state *st, rng *r)
{
    corto_status rc = CORTO_OK;
    int m = repair_units(w, st);
    repair_shuffle(w->units, m, r);
    for (int t = 0; t < m; t++)
        CORTO_TRY(repair_one(st, w->units[t], 0.0, r));
cleanup:
    return rc;
}

/* Sort units[0..m) by ukey ascending (insertion sort on small m, stable:
 * the random shuffle before it breaks ties). */
static void repair_sort_keys(repair_ws *w, int m)
{
    for (int i = 1; i < m; i++) {
        int u = w->units[i];
        int64_t key = w->ukey[i];
        int j = i;
        while (j > 0 && w->ukey[j - 1] > key) {
            w->units[j] = w->units[j - 1];
            w->ukey[j] = w->ukey[j - 1];
            j--;
        }
        w->units[j] = u;
        w->ukey[j] = key;
    }
}

/* Demand of client x over all dimensions plus the amount it loads as a
 * pair's pickup. */
static int64_t repair_weight(const corto_problem *p, int x)
{
    int64_t q = 0;
    for (int k = 0; k < p->n_dims; k++) {
        size_t at = (size_t)x * (size_t)p->n_dims + (size_t)k;
        q += p->demand[at];
        if (p->pair_role[x] == 1)
            q += p->pair_amount[at];
    }
    return q;
}

static corto_status repair_blinks(repair_ws *w, vrp_state *st, rng *r)
{
    corto_status rc = CORTO_OK;
    const vrp_data *d = w->d;
    const corto_problem *p = d->p;
    const vrp_units *U = &d->units;
    int m = repair_units(w, st);
    repair_shuffle(w->units, m, r);
    int pick = (int)rng_below(r, 11); /* 0-3 random, 4-7 demand, 8-9 far,
                                         10 close */
    if (pick >= 4) {
        int depot = p->vtypes[st->routes[0].vtype].start_depot;
        int prof = p->vtypes[st->routes[0].vtype].profile;
        for (int t = 0; t < m; t++) {
            int u = w->units[t], head = U->nodes[U->start[u]];
            int v = repair_is_pair(st, u) ? U->partner[u] : -1;
            int64_t key = 0;
            if (pick < 8) {
                /* A pair weighs its amount and both ends' demands. */
                for (int k = U->start[u]; k < U->start[u + 1]; k++)
                    key -= repair_weight(p, U->nodes[k]);
                if (v >= 0)
                    for (int k = U->start[v]; k < U->start[v + 1]; k++)
                        key -= repair_weight(p, U->nodes[k]);
            } else {
                key = model_dist(p, prof, depot, head);
                if (pick < 10)
                    key = -key;
            }
            w->ukey[t] = key;
        }
        repair_sort_keys(w, m);
    }
    for (int t = 0; t < m; t++)
        CORTO_TRY(repair_one(st, w->units[t], w->blink, r));
cleanup:
    return rc;
}

/* Fill the regret table's column rt for the units still listed. */
static void repair_column(repair_ws *w, const vrp_state *st, int m, int cols,
                          int rt)
{
    for (int t = 0; t < m; t++) {
        size_t at = (size_t)t * (size_t)cols + (size_t)rt;
        int pos = 0, pos2 = -1;
        w->tcost[at] =
            repair_best_in(st, w->units[t], rt, &pos, &pos2, 0.0, NULL);
        w->tpos[at] = pos;
        w->tpos2[at] = pos2;
    }
}

/*
 * Regret-k insertion over all routes, spares included; a unit with fewer
 * than k feasible routes has the largest regret, so the least flexible
 * units go first.
 */
static corto_status repair_regret(repair_ws *w, vrp_state *st, int k, rng *r)
{
    corto_status rc = CORTO_OK;
    int m = repair_units(w, st);
    repair_shuffle(w->units, m, r);
    int cols = st->max_routes;
    size_t need = (size_t)(m > 0 ? m : 1) * (size_t)cols;
    if (need > w->tcap) {
        int64_t *tc = realloc(w->tcost, need * sizeof *tc);
        if (!tc)
            return CORTO_ERR_NOMEM;
        w->tcost = tc;
        int *tp = realloc(w->tpos, need * sizeof *tp);
        if (!tp)
            return CORTO_ERR_NOMEM;
        w->tpos = tp;
        tp = realloc(w->tpos2, need * sizeof *tp);
        if (!tp)
            return CORTO_ERR_NOMEM;
        w->tpos2 = tp;
        w->tcap = need;
    }
    int filled = st->n_routes;
    for (int rt = 0; rt < filled; rt++)
        repair_column(w, st, m, cols, rt);
    while (m > 0) {
        int best_t = -1, best_r = -1;
        int64_t best_regret = -1, best_cost = REPAIR_NONE;
        for (int t = 0; t < m; t++) {
            int64_t top[3] = {REPAIR_NONE, REPAIR_NONE, REPAIR_NONE};
            int top_r = -1;
            const int64_t *row = w->tcost + (size_t)t * (size_t)cols;
            for (int rt = 0; rt < filled; rt++) {
                int64_t c = row[rt];
                if (c == REPAIR_NONE)
                    continue;
                if (c < top[0]) {
                    top[2] = top[1];
                    top[1] = top[0];
                    top[0] = c;
                    top_r = rt;
                } else if (c < top[1]) {
                    top[2] = top[1];
                    top[1] = c;
                } else if (c < top[2]) {
                    top[2] = c;
                }
            }
            if (top_r < 0)
                continue;
            int64_t regret = 0;
            for (int j = 1; j < k; j++)
                regret = top[j] == REPAIR_NONE
                             ? INT64_MAX / 4
                             : sat_add(regret, top[j] - top[0]);
            if (regret > best_regret ||
                (regret == best_regret && top[0] < best_cost)) {
                best_regret = regret;
                best_cost = top[0];
                best_t = t;
                best_r = top_r;
            }
        }
        if (best_t < 0)
            break; /* nothing left fits anywhere */
        int u = w->units[best_t];
        int pos = w->tpos[(size_t)best_t * (size_t)cols + (size_t)best_r];
        int pos2 = w->tpos2[(size_t)best_t * (size_t)cols + (size_t)best_r];
        int skip = !repair_required(st, u) && best_cost >= 0;
        /* Drop row best_t by moving the last row into it. */
        m--;
        if (best_t != m) {
            w->units[best_t] = w->units[m];
            memcpy(w->tcost + (size_t)best_t * (size_t)cols,
                   w->tcost + (size_t)m * (size_t)cols,
                   (size_t)filled * sizeof *w->tcost);
            memcpy(w->tpos + (size_t)best_t * (size_t)cols,
                   w->tpos + (size_t)m * (size_t)cols,
                   (size_t)filled * sizeof *w->tpos);
            memcpy(w->tpos2 + (size_t)best_t * (size_t)cols,
                   w->tpos2 + (size_t)m * (size_t)cols,
                   (size_t)filled * sizeof *w->tpos2);
        }
        if (skip)
            continue;
        if (pos2 >= 0)
            CORTO_TRY(vrp_state_insert_pair(st, u, best_r, pos, pos2));
        else
            CORTO_TRY(vrp_state_insert(st, u, best_r, pos));
        repair_column(w, st, m, cols, best_r);
        /* A route opened from a spare appends the next spare. */
        while (filled < st->n_routes)
            repair_column(w, st, m, cols, filled++);
    }
cleanup:
    return rc;
}

corto_status repair_apply(repair_ws *w, repair_kind kind, vrp_state *st,
                          rng *r)
{
    vrp_state_spares(st);
    if (st->n_routes == 0)
        return CORTO_OK; /* no vehicle left: everything stays out */
    switch (kind) {
    case REPAIR_REGRET2:
        return repair_regret(w, st, 2, r);
    case REPAIR_REGRET3:
        return repair_regret(w, st, 3, r);
    case REPAIR_BLINKS:
        return repair_blinks(w, st, r);
    case REPAIR_GREEDY:
    case REPAIR_KIND_COUNT:
        break;
    }
    return repair_greedy(w, st, r);
}
