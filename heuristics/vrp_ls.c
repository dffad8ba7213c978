/*
 * vrp_ls.c — a first local search for VRPs. Moves: relocation of chains of
 * 1-3 clients (Or-opt, both orientations) within and between routes, swap
 * of two clients, 2-opt* between routes (Potvin & Rousseau 1995, "An
 * exchange heuristic for routeing problems with time windows", JORS
 * 46(12)) and 2-opt within a route.
 *
 * Every candidate route is a concatenation of "pieces": a prefix segment
 * (start depot and the first k clients), a suffix segment (clients from k
 * on and the end depot), or a short run of clients in either direction.
 * Prefix and suffix segments are kept per route and rebuilt only when the
 * route changes, so most moves cost a few seg_join calls (Vidal et al.
 * 2013). A move is made when it lowers the cost and every route it
 * produces is feasible (route_eval) and keeps skills, pairs and fixed
 * edges; the fleet never grows, as no move opens a route.
 *
 * The search is granular (moves relate a client to one of its k nearest
 * neighbours, Toth & Vigo 2003) and takes the first improvement, visiting
 * clients in an order drawn from the solve's RNG. A pair of routes that
 * has not changed since a client was last examined is not examined again
 * (as in HGS-CVRP, Vidal 2022).
 */
#include "construct.h"
#include "neighbours.h"
#include "route_eval.h"
#include "vrp_build.h"
#include "util.h"

#include <string.h>

#define VRP_LS_K 20

enum { PC_PRE, PC_SUF, PC_FWD, PC_REV };

/* A piece of a route: prefix pre[a], suffix suf[a], or the clients at
 * positions a..b of route r, forward or reversed. */
typedef struct piece {
    int kind, r, a, b;
} piece;

typedef struct ls_route {
    int *nodes;
    seg *pre, *suf; /* len+1 each */
    int len, cap;
    int vtype;
    int64_t cost;
    int feasible;
    int64_t stamp; /* move counter when the route last changed */
} ls_route;

typedef struct vrp_ls {
    const corto_problem *p;
    solve_ctx *ctx;
    ls_route *routes;
    int n_routes;
    int *route_of, *pos_of; /* per node; -1 when unserved */
    seg *node_seg;
    nb_lists nb;
    int *buf[2];
    int check; /* skills, pairs or fixed edges need a structural check */
    int *fsucc, *fpred;
    int *mark, *mpos;
    int gen;
    int64_t counter;
} vrp_ls;

static corto_status ls_reserve(ls_route *R, int want)
{
    if (want <= R->cap)
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
    R->cap = cap;
    return CORTO_OK;
}

/* Rebuild route r's prefix and suffix segments, cost and positions. */
static void ls_refresh(vrp_ls *ls, int r)
{
    const corto_problem *p = ls->p;
    ls_route *R = &ls->routes[r];
    int prof = p->vtypes[R->vtype].profile;
    seg_start(&R->pre[0], p, R->vtype);
    for (int k = 0; k < R->len; k++) {
        seg_join(&R->pre[k + 1], &R->pre[k], &ls->node_seg[R->nodes[k]], p,
                 prof);
        ls->route_of[R->nodes[k]] = r;
        ls->pos_of[R->nodes[k]] = k;
    }
    seg_end(&R->suf[R->len], p, R->vtype);
    for (int k = R->len - 1; k >= 0; k--)
        seg_join(&R->suf[k], &ls->node_seg[R->nodes[k]], &R->suf[k + 1], p,
                 prof);
    seg whole;
    route_eval re;
    seg_join(&whole, &R->pre[R->len], &R->suf[R->len], p, prof);
    route_eval_seg(&re, p, R->vtype, &whole, R->len);
    R->cost = re.cost;
    R->feasible = re.feasible;
}

static int piece_len(const vrp_ls *ls, const piece *pc)
{
    switch (pc->kind) {
    case PC_PRE:
        return pc->a;
    case PC_SUF:
        return ls->routes[pc->r].len - pc->a;
    default:
        return pc->b >= pc->a ? pc->b - pc->a + 1 : 0;
    }
}

static void piece_seg(const vrp_ls *ls, const piece *pc, seg *out, int prof)
{
    const ls_route *R = &ls->routes[pc->r];
    switch (pc->kind) {
    case PC_PRE:
        *out = R->pre[pc->a];
        return;
    case PC_SUF:
        *out = R->suf[pc->a];
        return;
    case PC_FWD:
        seg_empty(out);
        for (int k = pc->a; k <= pc->b; k++)
            seg_join(out, out, &ls->node_seg[R->nodes[k]], ls->p, prof);
        return;
    default:
        seg_empty(out);
        for (int k = pc->b; k >= pc->a; k--)
            seg_join(out, out, &ls->node_seg[R->nodes[k]], ls->p, prof);
        return;
    }
}

/* Evaluate the route made of pieces (the first a prefix, the last a
 * suffix) for the vehicle type of the first piece's route. */
static void pieces_eval(const vrp_ls *ls, const piece *pcs, int np,
                        route_eval *re)
{
    int vtype = ls->routes[pcs[0].r].vtype;
    int prof = ls->p->vtypes[vtype].profile;
    seg acc, tmp;
    int n = piece_len(ls, &pcs[0]);
    piece_seg(ls, &pcs[0], &acc, prof);
    for (int t = 1; t < np; t++) {
        piece_seg(ls, &pcs[t], &tmp, prof);
        seg_join(&acc, &acc, &tmp, ls->p, prof);
        n += piece_len(ls, &pcs[t]);
    }
    route_eval_seg(re, ls->p, vtype, &acc, n);
}

static int pieces_write(const vrp_ls *ls, const piece *pcs, int np, int *out)
{
    int m = 0;
    for (int t = 0; t < np; t++) {
        const piece *pc = &pcs[t];
        const ls_route *R = &ls->routes[pc->r];
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
        int s = ls->fsucc[x], q = ls->fpred[x];
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
    route_eval ea, eb;
    pieces_eval(ls, A, na, &ea);
    if (!ea.feasible)
        return 0;
    int64_t delta = ea.cost - ls->routes[ra].cost;
    if (nb > 0) {
        pieces_eval(ls, B, nb, &eb);
        if (!eb.feasible)
            return 0;
        delta += eb.cost - ls->routes[rb].cost;
    }
    if (delta >= 0)
        return 0;
    int la = pieces_write(ls, A, na, ls->buf[0]);
    int lb = nb > 0 ? pieces_write(ls, B, nb, ls->buf[1]) : 0;
    if (ls->check &&
        (!ls_structure_ok(ls, ls->buf[0], la, ls->routes[ra].vtype) ||
         (nb > 0 &&
          !ls_structure_ok(ls, ls->buf[1], lb, ls->routes[rb].vtype))))
        return 0;
    *rc = ls_reserve(&ls->routes[ra], la);
    if (*rc == CORTO_OK && nb > 0)
        *rc = ls_reserve(&ls->routes[rb], lb);
    if (*rc != CORTO_OK)
        return 0;
    ls->counter++;
    memcpy(ls->routes[ra].nodes, ls->buf[0], (size_t)la * sizeof(int));
    ls->routes[ra].len = la;
    ls->routes[ra].stamp = ls->counter;
    ls_refresh(ls, ra);
    if (nb > 0) {
        memcpy(ls->routes[rb].nodes, ls->buf[1], (size_t)lb * sizeof(int));
        ls->routes[rb].len = lb;
        ls->routes[rb].stamp = ls->counter;
        ls_refresh(ls, rb);
    }
    return 1;
}

#define PC(k, r_, a_, b_) ((piece){(k), (r_), (a_), (b_)})

/* Relocate a chain of 1-3 clients starting at u next to v. */
static int ls_relocate(vrp_ls *ls, int u, int v, corto_status *rc)
{
    int ru = ls->route_of[u], i = ls->pos_of[u];
    int rv = ls->route_of[v], j = ls->pos_of[v];
    piece A[5], B[3];
    for (int l = 1; l <= 3 && i + l <= ls->routes[ru].len; l++) {
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
    int ru = ls->route_of[u], i = ls->pos_of[u];
    int rv = ls->route_of[v], j = ls->pos_of[v];
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
    int ru = ls->route_of[u], i = ls->pos_of[u];
    int rv = ls->route_of[v], j = ls->pos_of[v];
    piece A[3], B[2];
    if (ru != rv) {
        if (ls->routes[ru].vtype != ls->routes[rv].vtype)
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

corto_status vrp_improve(corto_solution *s, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = ctx->problem;
    int n = p->n_nodes;
    vrp_ls ls;
    unsigned char *is_client = NULL;
    int *order = NULL;
    int64_t *tested = NULL;
    memset(&ls, 0, sizeof ls);
    ls.p = p;
    ls.ctx = ctx;
    ls.counter = 1;
    CORTO_ALLOC(ls.route_of, n);
    CORTO_ALLOC(ls.pos_of, n);
    CORTO_ALLOC(ls.node_seg, n);
    CORTO_ALLOC(ls.buf[0], n + 1);
    CORTO_ALLOC(ls.buf[1], n + 1);
    CORTO_ALLOC(ls.fsucc, n);
    CORTO_ALLOC(ls.fpred, n);
    CORTO_ALLOC(ls.mark, n);
    CORTO_ALLOC(ls.mpos, n);
    CORTO_ALLOC(is_client, n);
    CORTO_ALLOC(order, n);
    CORTO_ALLOC(tested, n);
    for (int x = 0; x < n; x++) {
        ls.route_of[x] = ls.pos_of[x] = ls.fsucc[x] = ls.fpred[x] = -1;
        seg_node(&ls.node_seg[x], p, x);
        is_client[x] = !p->is_depot[x];
    }
    for (int k = 0; k < p->n_fixed; k++) {
        int a = p->fixed[2 * k], b = p->fixed[2 * k + 1];
        if (!p->is_depot[a] && ls.fsucc[a] < 0)
            ls.fsucc[a] = b;
        if (!p->is_depot[b] && ls.fpred[b] < 0)
            ls.fpred[b] = a;
    }
    int any_pair = 0;
    for (int x = 0; x < n; x++)
        any_pair |= p->pair_role[x] != 0;
    ls.check = p->has_skills || any_pair || p->n_fixed > 0;

    /* Routes with a vehicle type out of range or foreign nodes are left
     * alone: this search only improves solutions it can evaluate. */
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_vtype[r] < 0 || s->route_vtype[r] >= p->n_vtypes)
            goto cleanup;
        for (int k = 0; k < s->route_len[r]; k++) {
            int x = s->routes[r][k];
            if (x < 0 || x >= n || !is_client[x] || ls.route_of[x] >= 0)
                goto cleanup;
            ls.route_of[x] = r;
        }
    }
    CORTO_ALLOC(ls.routes, s->n_routes > 0 ? s->n_routes : 1);
    ls.n_routes = s->n_routes;
    for (int r = 0; r < s->n_routes; r++) {
        ls_route *R = &ls.routes[r];
        R->vtype = s->route_vtype[r];
        CORTO_TRY(ls_reserve(R, s->route_len[r] + 8));
        memcpy(R->nodes, s->routes[r], (size_t)s->route_len[r] * sizeof(int));
        R->len = s->route_len[r];
        ls_refresh(&ls, r);
    }
    int nb_prof = p->vtypes[vrp_build_vtype(p)].profile;
    CORTO_TRY(nb_build(&ls.nb, p->profiles[nb_prof].dist, n, is_client,
                       VRP_LS_K, 0));

    int m = 0;
    for (int x = 0; x < n; x++)
        if (ls.route_of[x] >= 0)
            order[m++] = x;
    for (int t = m - 1; t > 0; t--) {
        int o = (int)rng_below(&ctx->rng, (uint64_t)t + 1);
        int tmp = order[t];
        order[t] = order[o];
        order[o] = tmp;
    }
    int64_t moves = 0;
    int improved = 1, stop = 0;
    while (improved && !stop) {
        improved = 0;
        for (int t = 0; t < m && !stop; t++) {
            int u = order[t];
            if (t % 64 == 0 && ctx_should_stop(ctx)) {
                stop = 1;
                break;
            }
            int64_t last = tested[u];
            tested[u] = ls.counter;
            for (int e = 0; e < ls.nb.k && !stop; e++) {
                int v = ls.nb.out[(size_t)u * (size_t)ls.nb.k + (size_t)e];
                if (v < 0)
                    break;
                if (ls.route_of[v] < 0)
                    continue;
                if (last > 0 && ls.routes[ls.route_of[u]].stamp <= last &&
                    ls.routes[ls.route_of[v]].stamp <= last)
                    continue;
                int done = ls_relocate(&ls, u, v, &rc) ||
                           ls_swap(&ls, u, v, &rc) ||
                           ls_two_opt(&ls, u, v, &rc);
                CORTO_TRY(rc);
                if (!done)
                    continue;
                improved = 1;
                moves++;
                ctx->iteration++;
                if (moves % 128 == 0) {
                    int64_t total = 0;
                    for (int r = 0; r < ls.n_routes; r++)
                        total += ls.routes[r].cost;
                    ctx_new_best(ctx, total);
                }
                stop = ctx_should_stop(ctx);
            }
        }
    }

    /* Write the routes back, dropping the empty ones. */
    int empty = 0;
    for (int r = 0; r < ls.n_routes; r++)
        empty += ls.routes[r].len == 0;
    if (moves > 0 || empty > 0) {
        solution_clear(s);
        for (int r = 0; r < ls.n_routes; r++)
            if (ls.routes[r].len > 0)
                CORTO_TRY(corto_solution_add_route(s, ls.routes[r].vtype,
                                                   ls.routes[r].nodes,
                                                   ls.routes[r].len));
    }
cleanup:
    if (ls.routes)
        for (int r = 0; r < ls.n_routes; r++) {
            free(ls.routes[r].nodes);
            free(ls.routes[r].pre);
            free(ls.routes[r].suf);
        }
    free(ls.routes);
    nb_free(&ls.nb);
    free(ls.route_of);
    free(ls.pos_of);
    free(ls.node_seg);
    free(ls.buf[0]);
    free(ls.buf[1]);
    free(ls.fsucc);
    free(ls.fpred);
    free(ls.mark);
    free(ls.mpos);
    free(is_client);
    free(order);
    free(tested);
    return rc;
}
