/*
 * savings.c — Clarke & Wright (1964) parallel savings ("Scheduling of
 * vehicles from a central depot to a number of delivery points",
 * Operations Research 12(4)).
 *
 * Every unit (see vrp_build.h) starts as its own route. The saving of the
 * arc i -> j is s_ij = d(i, end depot) + d(start depot, j) - d(i, j), on
 * the real, possibly asymmetric matrix: it joins a route ending in i to a
 * route starting in j. A route may be reversed to bring i to its end (or j
 * to its start) only when it holds no pair or fixed edge; each route keeps
 * its segment in both directions, so a join in any orientation is
 * evaluated in O(1) by route_eval and made only when the joined route is
 * feasible and cheaper than the two it replaces. For large instances the
 * candidate arcs are restricted to k nearest neighbours.
 */
#include "construct.h"
#include "neighbours.h"
#include "vrp_build.h"
#include "util.h"

#include <string.h>

/* Candidate arcs when there are more clients than this, per client. */
#define SAVINGS_ALL_PAIRS 300
#define SAVINGS_K         60

typedef struct savings_arc {
    int64_t s;
    int i, j;
} savings_arc;

static int savings_cmp(const void *pa, const void *pb)
{
    const savings_arc *a = pa, *b = pb;
    if (a->s != b->s)
        return a->s > b->s ? -1 : 1;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

/* Per-route state, indexed by the id of the unit the route started as. */
typedef struct savings_state {
    int *first, *last, *size;
    int *next, *prev, *route_of; /* per node */
    seg *fwd, *rev;
    int64_t *cost;
    unsigned char *rigid, *head_depot, *tail_depot, *foreign;
} savings_state;

/* Reverse route r's node list in place. */
static void savings_reverse(savings_state *st, int r)
{
    for (int x = st->first[r]; x >= 0;) {
        int nx = st->next[x];
        st->next[x] = st->prev[x];
        st->prev[x] = nx;
        x = nx;
    }
    int t = st->first[r];
    st->first[r] = st->last[r];
    st->last[r] = t;
    seg s = st->fwd[r];
    st->fwd[r] = st->rev[r];
    st->rev[r] = s;
}

corto_status construct_savings(corto_solution *out, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = ctx->problem;
    int n = p->n_nodes;
    int vtype = vrp_build_vtype(p);
    const model_vehicle *vt = &p->vtypes[vtype];
    int prof = vt->profile;
    vrp_units un = {0};
    savings_state st;
    nb_lists nb = {0};
    savings_arc *arcs = NULL;
    unsigned char *is_client = NULL;
    vrp_route_buf *routes = NULL;
    int n_routes = 0;
    memset(&st, 0, sizeof st);

    CORTO_TRY(vrp_units_build(&un, p, vtype));
    int nu = un.n_units;
    CORTO_ALLOC(st.first, nu);
    CORTO_ALLOC(st.last, nu);
    CORTO_ALLOC(st.size, nu);
    CORTO_ALLOC(st.next, n);
    CORTO_ALLOC(st.prev, n);
    CORTO_ALLOC(st.route_of, n);
    CORTO_ALLOC(st.fwd, nu);
    CORTO_ALLOC(st.rev, nu);
    CORTO_ALLOC(st.cost, nu);
    st.rigid = un.rigid;
    st.head_depot = un.head_depot;
    st.tail_depot = un.tail_depot;
    st.foreign = un.foreign;

    seg start, end, whole;
    seg_start(&start, p, vtype);
    seg_end(&end, p, vtype);
    for (int i = 0; i < n; i++)
        st.next[i] = st.prev[i] = st.route_of[i] = -1;
    for (int u = 0; u < nu; u++) {
        int a = un.start[u], b = un.start[u + 1];
        st.first[u] = un.nodes[a];
        st.last[u] = un.nodes[b - 1];
        st.size[u] = b - a;
        for (int k = a; k < b; k++) {
            int x = un.nodes[k];
            st.route_of[x] = u;
            st.prev[x] = k > a ? un.nodes[k - 1] : -1;
            st.next[x] = k + 1 < b ? un.nodes[k + 1] : -1;
        }
        st.fwd[u] = un.fwd[u];
        st.rev[u] = un.rev[u];
        route_eval re;
        seg_join(&whole, &start, &st.fwd[u], p, prof);
        seg_join(&whole, &whole, &end, p, prof);
        route_eval_seg(&re, p, vtype, &whole, st.size[u]);
        st.cost[u] = re.cost;
    }

    /* Candidate arcs i -> j between clients, both directions. */
    int n_clients = 0;
    CORTO_ALLOC(is_client, n);
    for (int i = 0; i < n; i++)
        if (!p->is_depot[i]) {
            is_client[i] = 1;
            n_clients++;
        }
    int k = n_clients > SAVINGS_ALL_PAIRS ? SAVINGS_K : n_clients - 1;
    size_t n_arcs = 0;
    if (n_clients >= 2) {
        CORTO_TRY(nb_build(&nb, p->profiles[prof].dist, n, is_client, k, 0));
        k = nb.k;
        CORTO_ALLOC(arcs, (size_t)n_clients * (size_t)k * 2);
        int s0 = vt->start_depot, e0 = vt->end_depot;
        for (int i = 0; i < n; i++) {
            if (!is_client[i])
                continue;
            for (int t = 0; t < k; t++) {
                int j = nb.out[(size_t)i * (size_t)k + (size_t)t];
                if (j < 0)
                    break;
                for (int dir = 0; dir < 2; dir++) {
                    int a = dir ? j : i, b = dir ? i : j;
                    int64_t back = e0 >= 0 ? model_dist(p, prof, a, e0) : 0;
                    arcs[n_arcs].s = back + model_dist(p, prof, s0, b) -
                                     model_dist(p, prof, a, b);
                    arcs[n_arcs].i = a;
                    arcs[n_arcs].j = b;
                    n_arcs++;
                }
            }
        }
        qsort(arcs, n_arcs, sizeof *arcs, savings_cmp);
    }

    for (size_t t = 0; t < n_arcs; t++) {
        int i = arcs[t].i, j = arcs[t].j;
        if (t > 0 && arcs[t - 1].i == i && arcs[t - 1].j == j)
            continue;
        int ri = st.route_of[i], rj = st.route_of[j];
        if (ri == rj || st.foreign[ri] || st.foreign[rj])
            continue;
        /* i must end route ri and j start route rj, maybe by reversal. */
        int flip_i = st.last[ri] != i, flip_j = st.first[rj] != j;
        if ((flip_i && (st.first[ri] != i || st.rigid[ri])) ||
            (flip_j && (st.last[rj] != j || st.rigid[rj])))
            continue;
        int tail_i = flip_i ? st.head_depot[ri] : st.tail_depot[ri];
        int head_j = flip_j ? st.tail_depot[rj] : st.head_depot[rj];
        if (tail_i || head_j)
            continue;
        const seg *a = flip_i ? &st.rev[ri] : &st.fwd[ri];
        const seg *b = flip_j ? &st.rev[rj] : &st.fwd[rj];
        seg joined;
        route_eval re;
        seg_join(&joined, a, b, p, prof);
        seg_join(&whole, &start, &joined, p, prof);
        seg_join(&whole, &whole, &end, p, prof);
        route_eval_seg(&re, p, vtype, &whole, st.size[ri] + st.size[rj]);
        if (!re.feasible || re.cost >= st.cost[ri] + st.cost[rj])
            continue;
        int head = st.head_depot[ri], tail = st.tail_depot[rj];
        seg joined_rev;
        seg_join(&joined_rev, flip_j ? &st.fwd[rj] : &st.rev[rj],
                 flip_i ? &st.fwd[ri] : &st.rev[ri], p, prof);
        if (flip_i)
            savings_reverse(&st, ri);
        if (flip_j)
            savings_reverse(&st, rj);
        /* The merged route keeps the id of the larger part. */
        int keep = st.size[ri] >= st.size[rj] ? ri : rj;
        int gone = keep == ri ? rj : ri;
        for (int x = st.first[gone]; x >= 0; x = st.next[x])
            st.route_of[x] = keep;
        st.next[i] = j;
        st.prev[j] = i;
        st.first[keep] = st.first[ri];
        st.last[keep] = st.last[rj];
        /* A route that could be reversed has no depot requirement. */
        st.head_depot[keep] = (unsigned char)head;
        st.tail_depot[keep] = (unsigned char)tail;
        st.size[keep] = st.size[ri] + st.size[rj];
        st.rigid[keep] = st.rigid[ri] || st.rigid[rj];
        st.fwd[keep] = joined;
        st.rev[keep] = joined_rev;
        st.cost[keep] = re.cost;
        st.size[gone] = 0;
    }

    CORTO_ALLOC(routes, nu > 0 ? nu : 1);
    for (int u = 0; u < nu; u++) {
        if (st.size[u] == 0)
            continue;
        for (int x = st.first[u]; x >= 0; x = st.next[x])
            CORTO_TRY(vrp_route_push(&routes[n_routes], x));
        n_routes++;
    }
    rc = vrp_finalize(out, p, vtype, routes, n_routes);
    n_routes = 0;
cleanup:
    vrp_routes_free(routes, n_routes);
    free(arcs);
    free(is_client);
    nb_free(&nb);
    free(st.first);
    free(st.last);
    free(st.size);
    free(st.next);
    free(st.prev);
    free(st.route_of);
    free(st.fwd);
    free(st.rev);
    free(st.cost);
    vrp_units_free(&un);
    return rc;
}
