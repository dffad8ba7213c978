/*
 * vrp_ls.c — local search for VRPs on a vrp_state. Moves: relocation of
 * chains of 1-3 clients (Or-opt, both orientations) within and between
 * routes, swap of two clients, 2-opt* between routes (Potvin & Rousseau
 * 1995, "An exchange heuristic for routeing problems with time windows",
 * JORS 46(12)) and 2-opt within a route; when those are exhausted,
 * SWAP* between route pairs (vrp_swap_star.h) where it applies.
 *
 * Every candidate route is a concatenation of "pieces": a prefix segment
 * (start depot and the first k clients), a suffix segment (clients from k
 * on and the end depot), or a short run of clients in either direction.
 * The state keeps prefix and suffix segments per route and rebuilds them
 * only when the route changes, so most moves cost a few seg_join calls
 * (Vidal et al. 2013). A move is made when it lowers the priced cost
 * (vrp_route_price: the cost, plus weighted excesses when the data's
 * constraints are soft; with hard constraints every route must stay
 * feasible) and every route it produces keeps skills, pairs and fixed
 * edges; the fleet never grows, as no move opens a route.
 *
 * When no vehicle type pays for duration and no profile has visit costs,
 * a route's cost is fixed + per-distance cost - prizes, and prizes cancel
 * (a move keeps the clients of the routes it changes). Such moves are first
 * screened by distance alone, from the pieces' end nodes and the routes'
 * prefix distances: a move whose distance and fixed-cost change cannot beat
 * the penalties it might remove is dropped before any segment is joined.
 *
 * The search is granular (moves relate a client to one of its k nearest
 * neighbours, Toth & Vigo 2003) and takes the first improvement, visiting
 * clients in an order drawn from the solve's RNG. A pair of routes that
 * has not changed since a client was last examined is not examined again
 * (as in HGS-CVRP, Vidal 2022).
 */
#include "construct.h"
#include "util.h"
#include "vrp_ls.h"
#include "vrp_swap_star.h"

#include <string.h>

#define VRP_LS_K 20

enum { PC_PRE, PC_SUF, PC_FWD, PC_REV };

/* A piece of a route: prefix pre[a], suffix suf[a], or the clients at
 * positions a..b of route r, forward or reversed. */
typedef struct piece {
    int kind, r, a, b;
} piece;

struct vrp_ls {
    const vrp_data *d;
    const corto_problem *p;
    vrp_state *st; /* the state being improved (during vrp_ls_run) */
    int *buf[3];
    int *mark, *mpos;
    int gen;
    int *order;
    int64_t *tested;
    int screen;    /* distance screen valid: no vehicle type costs duration */
    swap_star *ss; /* SWAP* work space, NULL when it does not apply */
    int *sym;      /* per profile: distance matrix symmetric */
};

static int piece_len(const vrp_ls *ls, const piece *pc)
{
    switch (pc->kind) {
    case PC_PRE:
        return pc->a;
    case PC_SUF:
        return ls->st->routes[pc->r].len - pc->a;
    default:
        return pc->b >= pc->a ? pc->b - pc->a + 1 : 0;
    }
}

/* The segment of a piece: prefixes, suffixes and single clients are kept
 * already (no copy); longer runs are joined into *scratch. */
static const seg *piece_seg(const vrp_ls *ls, const piece *pc, seg *scratch,
                            int prof)
{
    const vrp_route *R = &ls->st->routes[pc->r];
    const seg *ns = ls->d->node_seg;
    switch (pc->kind) {
    case PC_PRE:
        return &R->pre[pc->a];
    case PC_SUF:
        return &R->suf[pc->a];
    case PC_FWD:
        if (pc->b < pc->a) {
            seg_empty(scratch);
            return scratch;
        }
        if (pc->a == pc->b)
            return &ns[R->nodes[pc->a]];
        seg_join(scratch, &ns[R->nodes[pc->a]], &ns[R->nodes[pc->a + 1]],
                 ls->p, prof);
        for (int k = pc->a + 2; k <= pc->b; k++)
            seg_join(scratch, scratch, &ns[R->nodes[k]], ls->p, prof);
        return scratch;
    default:
        if (pc->b < pc->a) {
            seg_empty(scratch);
            return scratch;
        }
        if (pc->a == pc->b)
            return &ns[R->nodes[pc->a]];
        seg_join(scratch, &ns[R->nodes[pc->b]], &ns[R->nodes[pc->b - 1]],
                 ls->p, prof);
        for (int k = pc->b - 2; k >= pc->a; k--)
            seg_join(scratch, scratch, &ns[R->nodes[k]], ls->p, prof);
        return scratch;
    }
}

/* Travel distance of the route made of pieces, in profile prof, without
 * joining segments; *len gets its number of clients. */
static int64_t pieces_dist(const vrp_ls *ls, const piece *pcs, int np,
                           int prof, int *len)
{
    const int64_t *dist = ls->p->profiles[prof].dist;
    size_t n = (size_t)ls->d->n;
    int64_t total = 0;
    int prev = -1, m = 0;
    for (int t = 0; t < np; t++) {
        const piece *pc = &pcs[t];
        const vrp_route *R = &ls->st->routes[pc->r];
        const model_vehicle *vt = &ls->p->vtypes[R->vtype];
        int first, last;
        int64_t inner;
        if (pc->kind == PC_PRE) {
            first = vt->start_depot;
            last = pc->a > 0 ? R->nodes[pc->a - 1] : vt->start_depot;
            inner = R->cum[pc->a];
        } else if (pc->kind == PC_SUF) {
            first = pc->a < R->len ? R->nodes[pc->a] : vt->end_depot;
            last = vt->end_depot >= 0 ? vt->end_depot
                   : R->len > 0       ? R->nodes[R->len - 1]
                                      : -1;
            inner = R->cum[R->len + 1] - R->cum[pc->a + 1];
        } else if (pc->b < pc->a) {
            continue;
        } else if (pc->kind == PC_FWD || ls->sym[prof]) {
            first = R->nodes[pc->kind == PC_FWD ? pc->a : pc->b];
            last = R->nodes[pc->kind == PC_FWD ? pc->b : pc->a];
            inner = R->cum[pc->b + 1] - R->cum[pc->a + 1];
        } else {
            first = R->nodes[pc->b];
            last = R->nodes[pc->a];
            inner = 0;
            for (int k = pc->b; k > pc->a; k--)
                inner +=
                    dist[(size_t)R->nodes[k] * n + (size_t)R->nodes[k - 1]];
        }
        m += piece_len(ls, pc);
        if (first < 0)
            continue; /* empty segment */
        if (prev >= 0)
            total += dist[(size_t)prev * n + (size_t)first];
        total += inner;
        prev = last;
    }
    *len = m;
    return total;
}

/* Lower bound on the priced cost change of replacing route r by pieces:
 * exact for distance and fixed cost, minus r's penalty (which the move may
 * remove). Valid only when ls->screen is set. */
static int64_t pieces_bound(const vrp_ls *ls, int r, const piece *pcs, int np)
{
    const vrp_route *R = &ls->st->routes[r];
    const model_vehicle *vt = &ls->p->vtypes[R->vtype];
    int len;
    int64_t d = pieces_dist(ls, pcs, np, vt->profile, &len);
    int64_t fixed = ((len > 0) - (R->len > 0)) * vt->fixed_cost;
    return vt->cost_per_distance * (d - R->dist) + fixed - R->pen;
}

static int pieces_write(const vrp_ls *ls, const piece *pcs, int np, int *out)
{
    int m = 0;
    for (int t = 0; t < np; t++) {
        const piece *pc = &pcs[t];
        const vrp_route *R = &ls->st->routes[pc->r];
        int a = pc->a, b = pc->b;
        if (pc->kind == PC_PRE) {
            a = 0;
            b = pc->a - 1;
        } else if (pc->kind == PC_SUF) {
            b = R->len - 1;
        }
        if (pc->kind == PC_REV)
            for (int k = b; k >= a; k--)
                out[m++] = R->nodes[k];
        else
            for (int k = a; k <= b; k++)
                out[m++] = R->nodes[k];
    }
    return m;
}

/* Evaluate the route made of pieces (the first a prefix, the last a
 * suffix) for the vehicle type of the first piece's route. A piece kept
 * from a route of another profile carries that profile's travel inside
 * it, so such a route is evaluated from its node list instead. */
static void pieces_eval(vrp_ls *ls, const piece *pcs, int np, route_eval *re)
{
    int vtype = ls->st->routes[pcs[0].r].vtype;
    int prof = ls->p->vtypes[vtype].profile;
    for (int t = 1; t < np; t++) {
        int other = ls->st->routes[pcs[t].r].vtype;
        if (ls->p->vtypes[other].profile != prof) {
            int m = pieces_write(ls, pcs, np, ls->buf[2]);
            route_eval_nodes(re, ls->p, vtype, ls->buf[2], m);
            return;
        }
    }
    seg acc, tmp;
    const seg *cur = piece_seg(ls, &pcs[0], &acc, prof);
    int n = piece_len(ls, &pcs[0]);
    for (int t = 1; t < np; t++) {
        const seg *next = piece_seg(ls, &pcs[t], &tmp, prof);
        seg_join(&acc, cur, next, ls->p, prof);
        cur = &acc;
        n += piece_len(ls, &pcs[t]);
    }
    route_eval_seg(re, ls->p, vtype, cur, n);
}

/* Skills, pickup-before-delivery on one route, and fixed edges of a
 * candidate route for vehicle type vtype. */
static int ls_structure_ok(vrp_ls *ls, const int *nodes, int len, int vtype)
{
    const corto_problem *p = ls->p;
    const model_vehicle *vt = &p->vtypes[vtype];
    ls->gen++;
    for (int k = 0; k < len; k++) {
        int x = nodes[k];
        if (p->has_skills && !skill_set_covers(&vt->skills, &p->skills[x]))
            return 0;
        ls->mark[x] = ls->gen;
        ls->mpos[x] = k;
    }
    for (int k = 0; k < len; k++) {
        int x = nodes[k];
        if (p->pair_role[x] != 0) {
            int y = p->pair_of[x];
            if (ls->mark[y] != ls->gen)
                return 0;
            if ((p->pair_role[x] == 1) != (ls->mpos[y] > k))
                return 0;
        }
        int s = ls->d->fsucc[x], q = ls->d->fpred[x];
        if (s >= 0) {
            int nxt = k + 1 < len ? nodes[k + 1] : vt->end_depot;
            if (nxt != s)
                return 0;
        }
        if (q >= 0) {
            int prv = k > 0 ? nodes[k - 1] : vt->start_depot;
            if (prv != q)
                return 0;
        }
    }
    return 1;
}

/*
 * Make the move that replaces route ra by pieces A (and route rb by pieces
 * B when nb > 0) if it lowers the cost and leaves every route feasible.
 */
static int ls_try(vrp_ls *ls, int ra, const piece *A, int na, int rb,
                  const piece *B, int nb, corto_status *rc)
{
    vrp_state *st = ls->st;
    if (ls->screen) {
        int64_t lb = pieces_bound(ls, ra, A, na);
        if (nb > 0)
            lb += pieces_bound(ls, rb, B, nb);
        if (lb >= 0)
            return 0;
    }
    route_eval ea, eb;
    int64_t pa, pb;
    pieces_eval(ls, A, na, &ea);
    if (!vrp_route_price(ls->d, &ea, &pa))
        return 0;
    int64_t delta = pa - (st->routes[ra].cost + st->routes[ra].pen);
    if (nb > 0) {
        pieces_eval(ls, B, nb, &eb);
        if (!vrp_route_price(ls->d, &eb, &pb))
            return 0;
        delta += pb - (st->routes[rb].cost + st->routes[rb].pen);
    }
    if (delta >= 0)
        return 0;
    int la = pieces_write(ls, A, na, ls->buf[0]);
    int lb = nb > 0 ? pieces_write(ls, B, nb, ls->buf[1]) : 0;
    if (ls->d->check &&
        (!ls_structure_ok(ls, ls->buf[0], la, st->routes[ra].vtype) ||
         (nb > 0 &&
          !ls_structure_ok(ls, ls->buf[1], lb, st->routes[rb].vtype))))
        return 0;
    *rc = vrp_state_set_route(st, ra, ls->buf[0], la);
    if (*rc == CORTO_OK && nb > 0)
        *rc = vrp_state_set_route(st, rb, ls->buf[1], lb);
    return *rc == CORTO_OK;
}

#define PC(k, r_, a_, b_) ((piece){(k), (r_), (a_), (b_)})

/* Relocate a chain of 1-3 clients starting at u next to v. */
static int ls_relocate(vrp_ls *ls, int u, int v, corto_status *rc)
{
    int ru = ls->st->route_of[u], i = ls->st->pos_of[u];
    int rv = ls->st->route_of[v], j = ls->st->pos_of[v];
    piece A[5], B[3];
    for (int l = 1; l <= 3 && i + l <= ls->st->routes[ru].len; l++) {
        if (ru == rv && j >= i && j < i + l)
            break;
        for (int side = 0; side < 2; side++) {
            int q = side == 0 ? j : j - 1; /* insert after position q */
            for (int orient = 0; orient < (l > 1 ? 2 : 1); orient++) {
                piece C = PC(orient ? PC_REV : PC_FWD, ru, i, i + l - 1);
                int na;
                if (ru != rv) {
                    A[0] = PC(PC_PRE, ru, i, 0);
                    A[1] = PC(PC_SUF, ru, i + l, 0);
                    B[0] = PC(PC_PRE, rv, q + 1, 0);
                    B[1] = C;
                    B[2] = PC(PC_SUF, rv, q + 1, 0);
                    if (ls_try(ls, ru, A, 2, rv, B, 3, rc))
                        return 1;
                    continue;
                }
                if (q >= i - 1 && q <= i + l - 1)
                    continue;
                if (q < i - 1) {
                    A[0] = PC(PC_PRE, ru, q + 1, 0);
                    A[1] = C;
                    A[2] = PC(PC_FWD, ru, q + 1, i - 1);
                    A[3] = PC(PC_SUF, ru, i + l, 0);
                } else {
                    A[0] = PC(PC_PRE, ru, i, 0);
                    A[1] = PC(PC_FWD, ru, i + l, q);
                    A[2] = C;
                    A[3] = PC(PC_SUF, ru, q + 1, 0);
                }
                na = 4;
                if (ls_try(ls, ru, A, na, -1, NULL, 0, rc))
                    return 1;
            }
        }
    }
    return 0;
}

/* Exchange u and v. */
static int ls_swap(vrp_ls *ls, int u, int v, corto_status *rc)
{
    int ru = ls->st->route_of[u], i = ls->st->pos_of[u];
    int rv = ls->st->route_of[v], j = ls->st->pos_of[v];
    piece A[5], B[3];
    if (ru != rv) {
        A[0] = PC(PC_PRE, ru, i, 0);
        A[1] = PC(PC_FWD, rv, j, j);
        A[2] = PC(PC_SUF, ru, i + 1, 0);
        B[0] = PC(PC_PRE, rv, j, 0);
        B[1] = PC(PC_FWD, ru, i, i);
        B[2] = PC(PC_SUF, rv, j + 1, 0);
        return ls_try(ls, ru, A, 3, rv, B, 3, rc);
    }
    int a = i < j ? i : j, b = i < j ? j : i;
    A[0] = PC(PC_PRE, ru, a, 0);
    A[1] = PC(PC_FWD, ru, b, b);
    A[2] = PC(PC_FWD, ru, a + 1, b - 1);
    A[3] = PC(PC_FWD, ru, a, a);
    A[4] = PC(PC_SUF, ru, b + 1, 0);
    return ls_try(ls, ru, A, 5, -1, NULL, 0, rc);
}

/* 2-opt* between two routes of one vehicle type (u then v, or v then u,
 * become consecutive), or 2-opt inside one route. */
static int ls_two_opt(vrp_ls *ls, int u, int v, corto_status *rc)
{
    int ru = ls->st->route_of[u], i = ls->st->pos_of[u];
    int rv = ls->st->route_of[v], j = ls->st->pos_of[v];
    piece A[3], B[2];
    if (ru != rv) {
        if (ls->st->routes[ru].vtype != ls->st->routes[rv].vtype)
            return 0;
        A[0] = PC(PC_PRE, ru, i + 1, 0);
        A[1] = PC(PC_SUF, rv, j, 0);
        B[0] = PC(PC_PRE, rv, j, 0);
        B[1] = PC(PC_SUF, ru, i + 1, 0);
        if (ls_try(ls, ru, A, 2, rv, B, 2, rc))
            return 1;
        A[0] = PC(PC_PRE, ru, i, 0);
        A[1] = PC(PC_SUF, rv, j + 1, 0);
        B[0] = PC(PC_PRE, rv, j + 1, 0);
        B[1] = PC(PC_SUF, ru, i, 0);
        return ls_try(ls, ru, A, 2, rv, B, 2, rc);
    }
    int a = i < j ? i : j, b = i < j ? j : i;
    if (b > a + 1) {
        A[0] = PC(PC_PRE, ru, a + 1, 0);
        A[1] = PC(PC_REV, ru, a + 1, b);
        A[2] = PC(PC_SUF, ru, b + 1, 0);
        if (ls_try(ls, ru, A, 3, -1, NULL, 0, rc))
            return 1;
        A[0] = PC(PC_PRE, ru, a, 0);
        A[1] = PC(PC_REV, ru, a, b - 1);
        A[2] = PC(PC_SUF, ru, b, 0);
        return ls_try(ls, ru, A, 3, -1, NULL, 0, rc);
    }
    return 0;
}

corto_status vrp_ls_create(vrp_ls **out, const vrp_data *d)
{
    corto_status rc = CORTO_OK;
    vrp_ls *ls = NULL;
    int n = d->n;
    *out = NULL;
    CORTO_ALLOC(ls, 1);
    ls->d = d;
    ls->p = d->p;
    CORTO_ALLOC(ls->buf[0], n + 1);
    CORTO_ALLOC(ls->buf[1], n + 1);
    CORTO_ALLOC(ls->buf[2], n + 1);
    CORTO_ALLOC(ls->mark, n);
    CORTO_ALLOC(ls->mpos, n);
    CORTO_ALLOC(ls->order, n);
    CORTO_ALLOC(ls->tested, n);
    CORTO_ALLOC(ls->sym, ls->p->n_profiles);
    ls->screen = 1;
    for (int v = 0; v < ls->p->n_vtypes; v++)
        if (ls->p->vtypes[v].cost_per_duration != 0)
            ls->screen = 0;
    for (int k = 0; k < ls->p->n_profiles; k++)
        if (ls->p->profiles[k].visit_cost)
            ls->screen = 0;
    for (int k = 0; k < ls->p->n_profiles; k++) {
        const int64_t *dist = ls->p->profiles[k].dist;
        ls->sym[k] = 1;
        for (size_t i = 0; i < (size_t)n && ls->sym[k]; i++)
            for (size_t j = i + 1; j < (size_t)n; j++)
                if (dist[i * (size_t)n + j] != dist[j * (size_t)n + i]) {
                    ls->sym[k] = 0;
                    break;
                }
    }
    if (swap_star_applies(d))
        CORTO_TRY(swap_star_create(&ls->ss, d));
    *out = ls;
    ls = NULL;
cleanup:
    vrp_ls_destroy(ls);
    return rc;
}

void vrp_ls_destroy(vrp_ls *ls)
{
    if (!ls)
        return;
    free(ls->buf[0]);
    free(ls->buf[1]);
    free(ls->buf[2]);
    free(ls->mark);
    free(ls->mpos);
    free(ls->order);
    free(ls->tested);
    free(ls->sym);
    swap_star_destroy(ls->ss);
    free(ls);
}

corto_status vrp_ls_run(vrp_ls *ls, vrp_state *st, solve_ctx *ctx,
                        int64_t since, int count, int64_t *moves_out)
{
    corto_status rc = CORTO_OK;
    const vrp_data *d = ls->d;
    ls->st = st;
    vrp_state_refresh_dirty(st);
    int m = 0;
    for (int t = 0; t < d->n_clients; t++) {
        int x = d->clients[t];
        ls->tested[x] = since;
        if (st->route_of[x] >= 0)
            ls->order[m++] = x;
    }
    int *order = ls->order;
    for (int t = m - 1; t > 0; t--) {
        int o = (int)rng_below(&ctx->rng, (uint64_t)t + 1);
        int tmp = order[t];
        order[t] = order[o];
        order[o] = tmp;
    }
    int k = d->nb.k < VRP_LS_K ? d->nb.k : VRP_LS_K;
    int64_t moves = 0, ss_since = since;
    int improved = 1, stop = 0;
    while (improved && !stop) {
        improved = 0;
        for (int t = 0; t < m && !stop; t++) {
            int u = order[t];
            if (t % 64 == 0 && ctx_should_stop(ctx)) {
                stop = 1;
                break;
            }
            if (st->route_of[u] < 0)
                continue;
            int64_t last = ls->tested[u];
            ls->tested[u] = st->counter;
            for (int e = 0; e < k && !stop; e++) {
                int v = d->nb.out[(size_t)u * (size_t)d->nb.k + (size_t)e];
                if (v < 0)
                    break;
                if (st->route_of[v] < 0)
                    continue;
                if (last > 0 && st->routes[st->route_of[u]].stamp <= last &&
                    st->routes[st->route_of[v]].stamp <= last)
                    continue;
                int done = ls_relocate(ls, u, v, &rc) ||
                           ls_swap(ls, u, v, &rc) || ls_two_opt(ls, u, v, &rc);
                CORTO_TRY(rc);
                if (!done)
                    continue;
                improved = 1;
                moves++;
                if (!count)
                    continue;
                ctx->iteration++;
                if (moves % 128 == 0)
                    ctx_new_best(ctx, st->cost);
                stop = ctx_should_stop(ctx);
            }
        }
        if (!improved && !stop && ls->ss) {
            /* Granular moves are exhausted: try SWAP* on the route pairs
             * changed since the last pass. */
            int moved = 0;
            int64_t mark = st->counter;
            CORTO_TRY(swap_star_pass(ls->ss, st, ss_since, &moved));
            ss_since = mark;
            improved = moved > 0;
            moves += moved;
        }
    }
cleanup:
    if (moves_out)
        *moves_out = moves;
    ls->st = NULL;
    return rc;
}

corto_status vrp_improve(corto_solution *s, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    vrp_data d;
    vrp_state st;
    vrp_ls *ls = NULL;
    memset(&st, 0, sizeof st);
    CORTO_TRY(vrp_data_build(&d, ctx->problem));
    CORTO_TRY(vrp_state_init(&st, &d));
    /* Routes with a vehicle type out of range or foreign nodes are left
     * alone: this search only improves solutions it can evaluate. */
    if (vrp_state_load(&st, s) != CORTO_OK)
        goto cleanup;
    CORTO_TRY(vrp_ls_create(&ls, &d));
    int64_t moves = 0;
    CORTO_TRY(vrp_ls_run(ls, &st, ctx, 0, 1, &moves));
    /* Write the routes back, dropping the empty ones. */
    int empty = 0;
    for (int r = 0; r < s->n_routes; r++)
        empty += s->route_len[r] == 0;
    if (moves > 0 || empty > 0)
        CORTO_TRY(vrp_state_store(&st, s));
cleanup:
    vrp_ls_destroy(ls);
    vrp_state_free(&st);
    vrp_data_free(&d);
    return rc;
}
