/*
 * vrp_state.c — the shared mutable VRP solution: routes with prefix and
 * suffix segments, positions, unassigned clients and totals; loading from
 * and storing to corto_solution, copying, O(1) insertion queries for units,
 * O(len^2) best insertions of split pickup-delivery pairs, and removals of
 * units with their pair partners. See vrp_state.h.
 */
#include "vrp_state.h"
#include "util.h"

#include <string.h>

corto_status vrp_data_build(vrp_data *d, const corto_problem *p)
{
    corto_status rc = CORTO_OK;
    int n = p->n_nodes;
    unsigned char *is_client = NULL;
    memset(d, 0, sizeof *d);
    d->p = p;
    d->n = n;
    CORTO_ALLOC(is_client, n);
    CORTO_ALLOC(d->clients, n);
    CORTO_ALLOC(d->node_seg, n);
    CORTO_ALLOC(d->fsucc, n);
    CORTO_ALLOC(d->fpred, n);
    for (int x = 0; x < n; x++) {
        d->fsucc[x] = d->fpred[x] = -1;
        seg_node(&d->node_seg[x], p, x);
        is_client[x] = !p->is_depot[x];
        if (is_client[x])
            d->clients[d->n_clients++] = x;
    }
    for (int k = 0; k < p->n_fixed; k++) {
        int a = p->fixed[2 * k], b = p->fixed[2 * k + 1];
        if (!p->is_depot[a] && d->fsucc[a] < 0)
            d->fsucc[a] = b;
        if (!p->is_depot[b] && d->fpred[b] < 0)
            d->fpred[b] = a;
    }
    int any_pair = 0;
    for (int x = 0; x < n; x++)
        any_pair |= p->pair_role[x] != 0;
    d->check = p->has_skills || any_pair || p->n_fixed > 0;
    int vtype = vrp_build_vtype(p);
    CORTO_TRY(vrp_units_build_split(&d->units, p, vtype));
    CORTO_TRY(nb_build(&d->nb, p->profiles[p->vtypes[vtype].profile].dist, n,
                       is_client, VRP_DATA_NB_K, 0));
    /* A penalty above any difference of feasible objectives: twice the
     * largest distance times the clients, capped far from overflow. */
    int64_t dmax = 1;
    for (int k = 0; k < p->n_profiles; k++)
        for (size_t t = 0; t < (size_t)n * (size_t)n; t++)
            if (p->profiles[k].dist[t] > dmax &&
                p->profiles[k].dist[t] < SEG_INF)
                dmax = p->profiles[k].dist[t];
    double pen = 2.0 * (double)dmax * (double)(n + 1) + 1e6;
    d->penalty = pen > 1e13 ? (int64_t)1e13 : (int64_t)pen;
cleanup:
    free(is_client);
    if (rc != CORTO_OK)
        vrp_data_free(d);
    return rc;
}

void vrp_data_free(vrp_data *d)
{
    free(d->clients);
    free(d->node_seg);
    free(d->fsucc);
    free(d->fpred);
    vrp_units_free(&d->units);
    nb_free(&d->nb);
    memset(d, 0, sizeof *d);
}

corto_status vrp_state_init(vrp_state *st, const vrp_data *d)
{
    corto_status rc = CORTO_OK;
    int n = d->n;
    memset(st, 0, sizeof *st);
    st->d = d;
    st->max_routes = d->n_clients + d->p->n_vtypes + 1;
    CORTO_ALLOC(st->routes, st->max_routes);
    CORTO_ALLOC(st->route_of, n);
    CORTO_ALLOC(st->pos_of, n);
    CORTO_ALLOC(st->unassigned, n);
    CORTO_ALLOC(st->upos, n);
    CORTO_ALLOC(st->dirty, st->max_routes);
    CORTO_ALLOC(st->used, d->p->n_vtypes);
    for (int x = 0; x < n; x++)
        st->route_of[x] = st->pos_of[x] = st->upos[x] = -1;
cleanup:
    if (rc != CORTO_OK)
        vrp_state_free(st);
    return rc;
}

void vrp_state_free(vrp_state *st)
{
    if (st->routes)
        for (int r = 0; r < st->max_routes; r++) {
            free(st->routes[r].nodes);
            free(st->routes[r].pre);
            free(st->routes[r].suf);
            free(st->routes[r].cum);
        }
    free(st->routes);
    free(st->route_of);
    free(st->pos_of);
    free(st->unassigned);
    free(st->upos);
    free(st->dirty);
    free(st->used);
    memset(st, 0, sizeof *st);
}

corto_status vrp_state_reserve(vrp_state *st, int r, int want)
{
    vrp_route *R = &st->routes[r];
    if (want <= R->cap && R->pre)
        return CORTO_OK;
    int cap = R->cap > 0 ? R->cap : 8;
    while (cap < want)
        cap *= 2;
    int *nodes = realloc(R->nodes, (size_t)cap * sizeof *nodes);
    if (!nodes)
        return CORTO_ERR_NOMEM;
    R->nodes = nodes;
    seg *pre = realloc(R->pre, (size_t)(cap + 1) * sizeof *pre);
    if (!pre)
        return CORTO_ERR_NOMEM;
    R->pre = pre;
    seg *suf = realloc(R->suf, (size_t)(cap + 1) * sizeof *suf);
    if (!suf)
        return CORTO_ERR_NOMEM;
    R->suf = suf;
    int64_t *cum = realloc(R->cum, (size_t)(cap + 2) * sizeof *cum);
    if (!cum)
        return CORTO_ERR_NOMEM;
    R->cum = cum;
    R->cap = cap;
    return CORTO_OK;
}

/* Take route r's share out of the totals (as last counted). */
static void state_unaccount(vrp_state *st, int r)
{
    vrp_route *R = &st->routes[r];
    st->cost -= R->cost;
    st->pen -= R->pen;
    st->used[R->vtype] -= R->in_use;
    st->n_bad -= R->counted_bad;
    for (int k = 0; k < 3; k++)
        st->n_over[k] -= (R->over >> k) & 1;
    R->cost = R->dist = R->pen = 0;
    R->in_use = R->counted_bad = R->over = 0;
}

/* Add route r's share to the totals. */
static void state_account(vrp_state *st, int r)
{
    vrp_route *R = &st->routes[r];
    R->in_use = R->len > 0;
    R->counted_bad = R->len > 0 && !R->feasible;
    st->cost += R->cost;
    st->pen += R->pen;
    st->used[R->vtype] += R->in_use;
    st->n_bad += R->counted_bad;
    for (int k = 0; k < 3; k++)
        st->n_over[k] += (R->over >> k) & 1;
}

int vrp_route_price(const vrp_data *d, const route_eval *re, int64_t *price)
{
    if (re->feasible) {
        *price = re->cost;
        return 1;
    }
    if (!d->soft)
        return 0;
    double pen =
        d->w_load * (double)re->load_excess +
        d->w_time * ((double)re->time_warp + (double)re->duration_excess) +
        d->w_dist * (double)re->distance_excess;
    /* At least one per violation, so an infeasible route never prices at
     * its bare cost; capped at the flat penalty, far from overflow. */
    int64_t ip = pen >= (double)d->penalty ? d->penalty : (int64_t)pen + 1;
    *price = sat_add(re->cost, ip);
    return 1;
}

/* Set route r's pen and over from its evaluation. */
static void route_set_penalty(const vrp_data *d, vrp_route *R,
                              const route_eval *re)
{
    R->over =
        (re->load_excess > 0 ? VRP_OVER_LOAD : 0) |
        (re->time_warp > 0 || re->duration_excess > 0 ? VRP_OVER_TIME : 0) |
        (re->distance_excess > 0 ? VRP_OVER_DIST : 0);
    int64_t price;
    if (R->len == 0 || re->feasible)
        R->pen = 0;
    else if (vrp_route_price(d, re, &price))
        R->pen = price - re->cost;
    else
        R->pen = d->penalty;
}

/* Evaluate route r as a whole from its prefix and suffix segments. */
static void route_eval_whole(const vrp_state *st, int r, route_eval *re)
{
    const corto_problem *p = st->d->p;
    const vrp_route *R = &st->routes[r];
    seg whole;
    seg_join(&whole, &R->pre[R->len], &R->suf[R->len], p,
             p->vtypes[R->vtype].profile);
    route_eval_seg(re, p, R->vtype, &whole, R->len);
}

void vrp_state_reprice(vrp_state *st)
{
    for (int r = 0; r < st->n_routes; r++) {
        vrp_route *R = &st->routes[r];
        if (R->len == 0 || R->feasible || R->dirty)
            continue;
        route_eval re;
        route_eval_whole(st, r, &re);
        st->pen -= R->pen;
        route_set_penalty(st->d, R, &re);
        st->pen += R->pen;
    }
}

void vrp_state_refresh(vrp_state *st, int r)
{
    const corto_problem *p = st->d->p;
    const seg *ns = st->d->node_seg;
    vrp_route *R = &st->routes[r];
    int prof = p->vtypes[R->vtype].profile;
    state_unaccount(st, r);
    seg_start(&R->pre[0], p, R->vtype);
    for (int k = 0; k < R->len; k++) {
        seg_join(&R->pre[k + 1], &R->pre[k], &ns[R->nodes[k]], p, prof);
        st->route_of[R->nodes[k]] = r;
        st->pos_of[R->nodes[k]] = k;
    }
    seg_end(&R->suf[R->len], p, R->vtype);
    for (int k = R->len - 1; k >= 0; k--)
        seg_join(&R->suf[k], &ns[R->nodes[k]], &R->suf[k + 1], p, prof);
    route_eval re;
    route_eval_whole(st, r, &re);
    R->cost = re.cost;
    R->dist = re.dist;
    for (int k = 0; k <= R->len; k++)
        R->cum[k] = R->pre[k].dist;
    R->cum[R->len + 1] = re.dist;
    R->feasible = re.feasible;
    route_set_penalty(st->d, R, &re);
    R->dirty = 0;
    R->stamp = ++st->counter;
    state_account(st, r);
}

void vrp_state_refresh_dirty(vrp_state *st)
{
    for (int t = 0; t < st->n_dirty; t++)
        if (st->routes[st->dirty[t]].dirty)
            vrp_state_refresh(st, st->dirty[t]);
    st->n_dirty = 0;
}

corto_status vrp_state_set_route(vrp_state *st, int r, const int *nodes,
                                 int len)
{
    corto_status rc = vrp_state_reserve(st, r, len);
    if (rc != CORTO_OK)
        return rc;
    memcpy(st->routes[r].nodes, nodes, (size_t)len * sizeof *nodes);
    st->routes[r].len = len;
    vrp_state_refresh(st, r);
    return CORTO_OK;
}

static void state_unassign_add(vrp_state *st, int x)
{
    if (st->upos[x] >= 0)
        return;
    st->upos[x] = st->n_unassigned;
    st->unassigned[st->n_unassigned++] = x;
    if (st->d->p->required[x])
        st->n_missing++;
}

static void state_unassign_drop(vrp_state *st, int x)
{
    int k = st->upos[x];
    if (k < 0)
        return;
    int last = st->unassigned[--st->n_unassigned];
    st->unassigned[k] = last;
    st->upos[last] = k;
    st->upos[x] = -1;
    if (st->d->p->required[x])
        st->n_missing--;
}

/* Add a route of vehicle type v with no clients; its index, or -1. */
static int state_add_empty(vrp_state *st, int v)
{
    if (st->n_routes >= st->max_routes ||
        vrp_state_reserve(st, st->n_routes, 8) != CORTO_OK)
        return -1;
    int r = st->n_routes++;
    vrp_route *R = &st->routes[r];
    R->vtype = v;
    R->len = 0;
    R->cost = R->dist = R->pen = 0;
    R->feasible = 1;
    R->in_use = R->counted_bad = R->over = 0;
    vrp_state_refresh(st, r);
    return r;
}

corto_status vrp_state_load(vrp_state *st, const corto_solution *s)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = st->d->p;
    int n = st->d->n;
    for (int x = 0; x < n; x++)
        st->route_of[x] = st->pos_of[x] = st->upos[x] = -1;
    st->n_routes = st->n_unassigned = st->n_dirty = 0;
    st->cost = st->pen = 0;
    memset(st->n_over, 0, sizeof st->n_over);
    st->n_bad = st->n_missing = 0;
    memset(st->used, 0, (size_t)p->n_vtypes * sizeof *st->used);
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_vtype[r] < 0 || s->route_vtype[r] >= p->n_vtypes)
            goto bad;
        for (int k = 0; k < s->route_len[r]; k++) {
            int x = s->routes[r][k];
            if (x < 0 || x >= n || p->is_depot[x] || st->route_of[x] >= 0)
                goto bad;
            st->route_of[x] = r;
        }
    }
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_len[r] == 0)
            continue;
        int t = st->n_routes;
        if (t >= st->max_routes)
            goto bad;
        st->routes[t].vtype = s->route_vtype[r];
        st->routes[t].len = 0;
        st->routes[t].cost = st->routes[t].pen = 0;
        st->routes[t].dist = 0;
        st->routes[t].feasible = 1;
        st->routes[t].in_use = st->routes[t].counted_bad = 0;
        st->routes[t].over = 0;
        st->n_routes++;
        CORTO_TRY(vrp_state_set_route(st, t, s->routes[r], s->route_len[r]));
    }
    for (int t = 0; t < st->d->n_clients; t++) {
        int x = st->d->clients[t];
        if (st->route_of[x] < 0)
            state_unassign_add(st, x);
    }
    vrp_state_spares(st);
    return CORTO_OK;
bad:
    rc = CORTO_ERR_UNSUPPORTED;
cleanup:
    for (int x = 0; x < n; x++)
        st->route_of[x] = st->pos_of[x] = st->upos[x] = -1;
    st->n_routes = st->n_unassigned = 0;
    st->cost = st->pen = 0;
    memset(st->n_over, 0, sizeof st->n_over);
    st->n_bad = st->n_missing = 0;
    return rc;
}

corto_status vrp_state_store(const vrp_state *st, corto_solution *s)
{
    corto_status rc = CORTO_OK;
    solution_clear(s);
    for (int r = 0; r < st->n_routes; r++)
        if (st->routes[r].len > 0)
            CORTO_TRY(corto_solution_add_route(s, st->routes[r].vtype,
                                               st->routes[r].nodes,
                                               st->routes[r].len));
cleanup:
    return rc;
}

corto_status vrp_state_copy(vrp_state *dst, const vrp_state *src)
{
    corto_status rc = CORTO_OK;
    int n = src->d->n;
    for (int r = 0; r < src->n_routes; r++) {
        const vrp_route *S = &src->routes[r];
        CORTO_TRY(vrp_state_reserve(dst, r, S->len));
        vrp_route *D = &dst->routes[r];
        memcpy(D->nodes, S->nodes, (size_t)S->len * sizeof *S->nodes);
        memcpy(D->pre, S->pre, (size_t)(S->len + 1) * sizeof *S->pre);
        memcpy(D->suf, S->suf, (size_t)(S->len + 1) * sizeof *S->suf);
        memcpy(D->cum, S->cum, (size_t)(S->len + 2) * sizeof *S->cum);
        D->len = S->len;
        D->vtype = S->vtype;
        D->cost = S->cost;
        D->dist = S->dist;
        D->pen = S->pen;
        D->feasible = S->feasible;
        D->over = S->over;
        D->dirty = S->dirty;
        D->in_use = S->in_use;
        D->counted_bad = S->counted_bad;
        D->stamp = S->stamp;
    }
    dst->n_routes = src->n_routes;
    memcpy(dst->route_of, src->route_of, (size_t)n * sizeof(int));
    memcpy(dst->pos_of, src->pos_of, (size_t)n * sizeof(int));
    memcpy(dst->upos, src->upos, (size_t)n * sizeof(int));
    memcpy(dst->unassigned, src->unassigned,
           (size_t)src->n_unassigned * sizeof(int));
    dst->n_unassigned = src->n_unassigned;
    memcpy(dst->dirty, src->dirty, (size_t)src->n_dirty * sizeof(int));
    dst->n_dirty = src->n_dirty;
    memcpy(dst->used, src->used,
           (size_t)src->d->p->n_vtypes * sizeof(int64_t));
    dst->cost = src->cost;
    dst->pen = src->pen;
    memcpy(dst->n_over, src->n_over, sizeof dst->n_over);
    dst->n_bad = src->n_bad;
    dst->n_missing = src->n_missing;
    dst->counter = src->counter;
cleanup:
    return rc;
}

int64_t vrp_state_objective(const vrp_state *st)
{
    int64_t missing = (int64_t)st->n_missing * st->d->penalty;
    return sat_add(sat_add(st->cost, st->pen), missing);
}

int64_t vrp_state_hard_objective(const vrp_state *st)
{
    double pen = (double)st->d->penalty;
    double bad = (double)st->n_bad * pen * (double)(st->d->n_clients + 1);
    double total = (double)st->n_missing * pen + bad;
    int64_t extra = total >= 1e18 ? (int64_t)1e18 : (int64_t)total;
    return sat_add(st->cost, extra);
}

int vrp_state_complete(const vrp_state *st)
{
    return st->n_missing == 0 && st->n_bad == 0;
}

/* Take client x alone out of its route into the unassigned list. */
static void state_remove_one(vrp_state *st, int x)
{
    int r = st->route_of[x];
    if (r < 0)
        return;
    vrp_route *R = &st->routes[r];
    int k = st->pos_of[x];
    memmove(R->nodes + k, R->nodes + k + 1,
            (size_t)(R->len - k - 1) * sizeof *R->nodes);
    R->len--;
    for (int t = k; t < R->len; t++)
        st->pos_of[R->nodes[t]] = t;
    st->route_of[x] = st->pos_of[x] = -1;
    if (!R->dirty) {
        R->dirty = 1;
        st->dirty[st->n_dirty++] = r;
    }
    state_unassign_add(st, x);
}

void vrp_state_remove(vrp_state *st, int x)
{
    state_remove_one(st, x);
    int y = st->d->p->pair_of[x];
    if (y >= 0)
        state_remove_one(st, y);
}

void vrp_state_remove_unit(vrp_state *st, int x)
{
    const vrp_units *U = &st->d->units;
    int u = U->unit_of[x], w = U->partner[u];
    for (int t = U->start[u]; t < U->start[u + 1]; t++)
        vrp_state_remove(st, U->nodes[t]);
    if (w >= 0)
        for (int t = U->start[w]; t < U->start[w + 1]; t++)
            vrp_state_remove(st, U->nodes[t]);
}

/*
 * Fixed edges around a unit with end clients head and tail placed between
 * left and right (a client, a depot, or -1 past an open route's end): a
 * client beside it must not have a fixed neighbour (it would be the unit's
 * own), and a unit tied to a depot must sit next to that depot.
 */
static int state_gap_ok(const vrp_data *d, int left, int right, int head,
                        int tail)
{
    const corto_problem *p = d->p;
    int left_client = left >= 0 && !p->is_depot[left];
    int right_client = right >= 0 && !p->is_depot[right];
    if (left_client && d->fsucc[left] >= 0)
        return 0;
    if (right_client && d->fpred[right] >= 0)
        return 0;
    if (d->fpred[head] >= 0 && (left_client || d->fpred[head] != left))
        return 0;
    if (d->fsucc[tail] >= 0 && (right_client || d->fsucc[tail] != right))
        return 0;
    return 1;
}

/* 1 when vehicle type vt has every skill unit u's clients need. */
static int state_skills_ok(const vrp_data *d, const model_vehicle *vt, int u)
{
    const corto_problem *p = d->p;
    const vrp_units *U = &d->units;
    if (!p->has_skills)
        return 1;
    for (int t = U->start[u]; t < U->start[u + 1]; t++)
        if (!skill_set_covers(&vt->skills, &p->skills[U->nodes[t]]))
            return 0;
    return 1;
}

/* Skills of the unit's clients and the fixed edges around the slot before
 * position pos of route r (O(1) per client when the problem has any). */
static int state_slot_ok(const vrp_state *st, int u, int r, int pos)
{
    const vrp_data *d = st->d;
    const corto_problem *p = d->p;
    const vrp_units *U = &d->units;
    const vrp_route *R = &st->routes[r];
    const model_vehicle *vt = &p->vtypes[R->vtype];
    if (!state_skills_ok(d, vt, u))
        return 0;
    int head = U->nodes[U->start[u]], tail = U->nodes[U->start[u + 1] - 1];
    int prev = pos > 0 ? R->nodes[pos - 1] : vt->start_depot;
    int next = pos < R->len ? R->nodes[pos] : vt->end_depot;
    if (!state_gap_ok(d, prev, next, head, tail))
        return 0;
    /* A pair split over two units: the partner must be on this route, on
     * the right side (a split pair with both ends unassigned goes in
     * through vrp_state_pair_best instead). */
    for (int t = U->start[u]; t < U->start[u + 1]; t++) {
        int x = U->nodes[t];
        if (p->pair_role[x] == 0)
            continue;
        int y = p->pair_of[x];
        if (U->unit_of[y] == u)
            continue;
        if (st->route_of[y] != r)
            return 0;
        if ((p->pair_role[x] == 1) != (st->pos_of[y] >= pos))
            return 0;
    }
    return 1;
}

int vrp_state_insert_delta(const vrp_state *st, int u, int r, int pos,
                           int64_t *delta)
{
    const vrp_data *d = st->d;
    const corto_problem *p = d->p;
    const vrp_units *U = &d->units;
    const vrp_route *R = &st->routes[r];
    if (R->len == 0 && st->used[R->vtype] >= p->vtypes[R->vtype].count)
        return 0;
    if (d->check && !state_slot_ok(st, u, r, pos))
        return 0;
    int prof = p->vtypes[R->vtype].profile;
    int a = U->start[u], b = U->start[u + 1];
    seg acc;
    seg_join(&acc, &R->pre[pos], &d->node_seg[U->nodes[a]], p, prof);
    for (int t = a + 1; t < b; t++)
        seg_join(&acc, &acc, &d->node_seg[U->nodes[t]], p, prof);
    seg_join(&acc, &acc, &R->suf[pos], p, prof);
    route_eval re;
    route_eval_seg(&re, p, R->vtype, &acc, R->len + (b - a));
    int64_t price;
    if (!vrp_route_price(d, &re, &price))
        return 0;
    *delta = price - (R->cost + R->pen);
    return 1;
}

/* After clients were written into route r: rebuild it and, when it was
 * empty, open the next spare of its type. */
static void state_inserted(vrp_state *st, int r, int was_empty)
{
    vrp_route *R = &st->routes[r];
    for (int k = 0; k < R->len; k++)
        state_unassign_drop(st, R->nodes[k]);
    vrp_state_refresh(st, r);
    if (was_empty && st->used[R->vtype] < st->d->p->vtypes[R->vtype].count)
        state_add_empty(st, R->vtype);
}

corto_status vrp_state_insert(vrp_state *st, int u, int r, int pos)
{
    const vrp_units *U = &st->d->units;
    int a = U->start[u], m = U->start[u + 1] - a;
    corto_status rc = vrp_state_reserve(st, r, st->routes[r].len + m);
    if (rc != CORTO_OK)
        return rc;
    vrp_route *R = &st->routes[r];
    int was_empty = R->len == 0;
    memmove(R->nodes + pos + m, R->nodes + pos,
            (size_t)(R->len - pos) * sizeof *R->nodes);
    memcpy(R->nodes + pos, U->nodes + a, (size_t)m * sizeof *R->nodes);
    R->len += m;
    state_inserted(st, r, was_empty);
    return CORTO_OK;
}

/* Segment of unit u's clients in order, in profile prof. */
static void state_unit_seg(const vrp_data *d, int u, int prof, seg *out)
{
    const vrp_units *U = &d->units;
    seg_empty(out);
    for (int t = U->start[u]; t < U->start[u + 1]; t++)
        seg_join(out, out, &d->node_seg[U->nodes[t]], d->p, prof);
}

/* Travel distance x -> y, 0 when either is absent (an open route's end). */
static int64_t state_arc(const corto_problem *p, int prof, int x, int y)
{
    return x >= 0 && y >= 0 ? model_dist(p, prof, x, y) : 0;
}

/* 1 when every route that starts with `head` (start depot ... the
 * delivery unit's predecessor) and goes on with `tail_d` then `rest` is
 * over capacity: head's peak plus the deliveries still ahead is a lower
 * bound of the route's peak, and it only grows as head grows. */
static int state_load_over(const corto_problem *p, const model_vehicle *vt,
                           const seg *head, const seg *tail_d, const seg *rest)
{
    for (int k = 0; k < p->n_dims; k++)
        if (head->peak[k] + tail_d->deliv[k] + rest->deliv[k] >
            vt->capacity[k])
            return 1;
    return 0;
}

/*
 * Best insertion of a split pair: pickup unit u at position i, its
 * partner's delivery unit at position j >= i (both in the route's current
 * numbering), evaluated as pre[i] + P + (clients i..j-1) + D + suf[j]. For
 * each i the middle segment grows by one join per j, so a route costs
 * O(len^2) joins. With hard constraints the j loop stops once the growing
 * head has time warp or a load that no suffix can bring back under
 * capacity (both only grow). When the route's vehicle type does not pay
 * for duration, the exact distance change (from the matrix, O(1)) bounds
 * the priced change from below, as in vrp_ls's distance screen, and
 * positions that cannot beat the best so far are not joined.
 */
int vrp_state_pair_best(const vrp_state *st, int u, int r, double blink,
                        rng *rg, int *pos_p, int *pos_d, int64_t *delta)
{
    const vrp_data *d = st->d;
    const corto_problem *p = d->p;
    const vrp_units *U = &d->units;
    const vrp_route *R = &st->routes[r];
    const model_vehicle *vt = &p->vtypes[R->vtype];
    const seg *ns = d->node_seg;
    int w = U->partner[u];
    if (w < 0 || !U->lead[u])
        return 0;
    if (R->len == 0 && st->used[R->vtype] >= vt->count)
        return 0;
    if (!state_skills_ok(d, vt, u) || !state_skills_ok(d, vt, w))
        return 0;
    int prof = vt->profile, n = R->len;
    int np = U->start[u + 1] - U->start[u], nd = U->start[w + 1] - U->start[w];
    int ph = U->nodes[U->start[u]], pt = U->nodes[U->start[u + 1] - 1];
    int dh = U->nodes[U->start[w]], dt = U->nodes[U->start[w + 1] - 1];
    seg P, D, mid, whole;
    state_unit_seg(d, u, prof, &P);
    state_unit_seg(d, w, prof, &D);
    int fixed = p->n_fixed > 0, hard = !d->soft;
    int screen = vt->cost_per_duration == 0 && n > 0;
    int64_t base = R->cost + R->pen;
    /* Screen: delta >= cost_per_distance * (distance change) + rest. */
    int64_t rest = -R->pen - P.prize - D.prize;
    const int64_t *vc = p->profiles[prof].visit_cost;
    if (vc) /* every node of both units adds its visit cost */
        rest += P.vcost + vc[ph] + D.vcost + vc[dh];
    int64_t best = INT64_MAX;
    for (int i = 0; i <= n; i++) {
        int a = i > 0 ? R->nodes[i - 1] : vt->start_depot;
        int b = i < n ? R->nodes[i] : vt->end_depot;
        seg_join(&mid, &R->pre[i], &P, p, prof);
        if (hard && mid.tw > 0)
            continue;
        /* Distance change of the pickup alone between a and b (j > i). */
        int64_t dp = 0;
        if (screen && i < n)
            dp = state_arc(p, prof, a, ph) + P.dist +
                 state_arc(p, prof, pt, b) - state_arc(p, prof, a, b);
        for (int j = i; j <= n; j++) {
            if (j > i) {
                seg_join(&mid, &mid, &ns[R->nodes[j - 1]], p, prof);
                if (hard && mid.tw > 0)
                    break;
            }
            if (hard && state_load_over(p, vt, &mid, &D, &R->suf[j]))
                break;
            int c = j > i ? R->nodes[j - 1] : pt;
            int e = j < n ? R->nodes[j] : vt->end_depot;
            if (fixed && (!state_gap_ok(d, a, j > i ? b : dh, ph, pt) ||
                          !state_gap_ok(d, c, e, dh, dt)))
                continue;
            if (blink > 0 && rng_uniform(rg) < blink)
                continue;
            if (screen) {
                int64_t dd = state_arc(p, prof, c, dh) + D.dist +
                             state_arc(p, prof, dt, e) -
                             state_arc(p, prof, c, e);
                dd += j > i ? dp
                            : state_arc(p, prof, a, ph) + P.dist -
                                  state_arc(p, prof, a, e) +
                                  state_arc(p, prof, c, e);
                if (vt->cost_per_distance * dd + rest >= best)
                    continue;
            }
            seg_join(&whole, &mid, &D, p, prof);
            seg_join(&whole, &whole, &R->suf[j], p, prof);
            route_eval re;
            route_eval_seg(&re, p, R->vtype, &whole, n + np + nd);
            int64_t price;
            if (!vrp_route_price(d, &re, &price) || price - base >= best)
                continue;
            best = price - base;
            *pos_p = i;
            *pos_d = j;
        }
    }
    if (best == INT64_MAX)
        return 0;
    *delta = best;
    return 1;
}

corto_status vrp_state_insert_pair(vrp_state *st, int u, int r, int pos_p,
                                   int pos_d)
{
    const vrp_units *U = &st->d->units;
    int w = U->partner[u];
    int a = U->start[u], np = U->start[u + 1] - a;
    int b = U->start[w], nd = U->start[w + 1] - b;
    corto_status rc = vrp_state_reserve(st, r, st->routes[r].len + np + nd);
    if (rc != CORTO_OK)
        return rc;
    vrp_route *R = &st->routes[r];
    int n = R->len, was_empty = n == 0;
    memmove(R->nodes + pos_d + np + nd, R->nodes + pos_d,
            (size_t)(n - pos_d) * sizeof *R->nodes);
    memmove(R->nodes + pos_p + np, R->nodes + pos_p,
            (size_t)(pos_d - pos_p) * sizeof *R->nodes);
    memcpy(R->nodes + pos_p, U->nodes + a, (size_t)np * sizeof *R->nodes);
    memcpy(R->nodes + pos_d + np, U->nodes + b, (size_t)nd * sizeof *R->nodes);
    R->len += np + nd;
    state_inserted(st, r, was_empty);
    return CORTO_OK;
}

void vrp_state_spares(vrp_state *st)
{
    const corto_problem *p = st->d->p;
    vrp_state_refresh_dirty(st);
    int m = 0;
    /* Keep non-empty routes in order; drop every empty one (swapping the
     * slots keeps their buffers). */
    for (int r = 0; r < st->n_routes; r++) {
        if (st->routes[r].len == 0)
            continue;
        if (r != m) {
            vrp_route tmp = st->routes[m];
            st->routes[m] = st->routes[r];
            st->routes[r] = tmp;
            for (int k = 0; k < st->routes[m].len; k++)
                st->route_of[st->routes[m].nodes[k]] = m;
        }
        m++;
    }
    st->n_routes = m;
    for (int v = 0; v < p->n_vtypes; v++)
        if (st->used[v] < p->vtypes[v].count)
            state_add_empty(st, v);
}
