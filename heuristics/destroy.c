/*
 * destroy.c — destroy operators for the VRP ALNS:
 *  - random removal;
 *  - worst removal, randomised: clients sorted by the cost their removal
 *    saves, the y^p-th quantile taken (y uniform), Ropke & Pisinger 2006,
 *    "An adaptive large neighborhood search heuristic for the pickup and
 *    delivery problem with time windows", Transp. Sci. 40(4);
 *  - related (Shaw) removal: relatedness of distance (both directions) and,
 *    when present, time-window opening and demand, weights 9/3/2 as in
 *    Ropke & Pisinger; the next client is drawn near a removed one by the
 *    same y^p rule;
 *  - SISR string removal with split strings, Christiaens & Vanden Berghe
 *    2020, "Slack induction by string removals for vehicle routing
 *    problems", Transp. Sci. 54(2): strings of adjacent clients cut from
 *    routes met in order of nearness to a seed client;
 *  - route removal: whole random routes.
 * Every operator removes whole units (vrp_state.h) and never allocates; a
 * client of a pickup-delivery pair takes its partner with it, wherever the
 * partner sits on the route, and worst removal ranks such a client by what
 * removing both saves (the request's cost, as Ropke & Pisinger rank
 * requests).
 */
#include "destroy.h"
#include "util.h"

#include <math.h>
#include <string.h>

struct destroy_ws {
    const vrp_data *d;
    destroy_params dp;
    int *ids;        /* n: candidate clients */
    double *keys;    /* n: their keys */
    int *removed;    /* n: clients removed so far (related removal) */
    int64_t *ruined; /* per route slot: generation when cut (SISR) */
    int64_t gen;
    double dmax, tmax, qmax; /* normalisers of relatedness */
    int has_tw, has_q;
};

void destroy_params_init(destroy_params *dp)
{
    dp->worst_p = 3.0;
    dp->related_p = 6.0;
    dp->string_lmax = 10;
    dp->split_rate = 0.5;
    dp->split_beta = 0.01;
}

const char *destroy_name(destroy_kind kind)
{
    static const char *names[] = {"random", "worst", "related", "string",
                                  "route"};
    return kind >= 0 && kind < DESTROY_KIND_COUNT ? names[kind] : "unknown";
}

static int64_t destroy_demand(const corto_problem *p, int x)
{
    int64_t q = 0;
    for (int d = 0; d < p->n_dims; d++)
        q += p->demand[(size_t)x * (size_t)p->n_dims + (size_t)d];
    return q;
}

corto_status destroy_create(destroy_ws **out, const vrp_data *d,
                            const destroy_params *dp)
{
    corto_status rc = CORTO_OK;
    destroy_ws *w = NULL;
    const corto_problem *p = d->p;
    *out = NULL;
    CORTO_ALLOC(w, 1);
    w->d = d;
    if (dp)
        w->dp = *dp;
    else
        destroy_params_init(&w->dp);
    CORTO_ALLOC(w->ids, d->n);
    CORTO_ALLOC(w->keys, d->n);
    CORTO_ALLOC(w->removed, d->n);
    CORTO_ALLOC(w->ruined, d->n_clients + p->n_vtypes + 1);
    w->dmax = w->tmax = w->qmax = 1.0;
    int prof = p->vtypes[vrp_build_vtype(p)].profile;
    for (int a = 0; a < d->n_clients; a++) {
        int i = d->clients[a];
        for (int b = 0; b < d->n_clients; b++) {
            double v = (double)model_dist(p, prof, i, d->clients[b]);
            if (v > w->dmax && v < (double)SEG_INF)
                w->dmax = v;
        }
        if (p->tw_open[i] > 0 && (double)p->tw_open[i] > w->tmax &&
            p->tw_open[i] < SEG_INF) {
            w->tmax = (double)p->tw_open[i];
            w->has_tw = 1;
        }
        double q = (double)destroy_demand(p, i);
        if (q > w->qmax)
            w->qmax = q;
        if (q > 0)
            w->has_q = 1;
    }
    *out = w;
    w = NULL;
cleanup:
    destroy_destroy(w);
    return rc;
}

void destroy_destroy(destroy_ws *w)
{
    if (!w)
        return;
    free(w->ids);
    free(w->keys);
    free(w->removed);
    free(w->ruined);
    free(w);
}

/* Clients of st that are routed, into w->ids; their count. */
static int destroy_routed(destroy_ws *w, const vrp_state *st)
{
    int m = 0;
    for (int t = 0; t < w->d->n_clients; t++)
        if (st->route_of[w->d->clients[t]] >= 0)
            w->ids[m++] = w->d->clients[t];
    return m;
}

/* Remove x's unit; the number of clients it took out. */
static int destroy_take(vrp_state *st, int x)
{
    int before = st->n_unassigned;
    vrp_state_remove_unit(st, x);
    return st->n_unassigned - before;
}

static void destroy_random(destroy_ws *w, vrp_state *st, int q, rng *r)
{
    int m = destroy_routed(w, st), done = 0;
    for (int t = 0; t < m && done < q; t++) {
        int o = t + (int)rng_below(r, (uint64_t)(m - t));
        int x = w->ids[o];
        w->ids[o] = w->ids[t];
        w->ids[t] = x;
        if (st->route_of[x] >= 0)
            done += destroy_take(st, x);
    }
}

/* Sort ids[0..m) by keys, descending, ties by node (insertion sort is
 * too slow for large m: a plain heap sort keeps it O(m log m) and
 * deterministic). */
static int destroy_before(const destroy_ws *w, int a, int b)
{
    if (w->keys[a] != w->keys[b])
        return w->keys[a] > w->keys[b];
    return w->ids[a] < w->ids[b];
}

static void destroy_swap(destroy_ws *w, int a, int b)
{
    int ti = w->ids[a];
    w->ids[a] = w->ids[b];
    w->ids[b] = ti;
    double tk = w->keys[a];
    w->keys[a] = w->keys[b];
    w->keys[b] = tk;
}

static void destroy_sift(destroy_ws *w, int root, int m)
{
    for (;;) {
        int c = 2 * root + 1;
        if (c >= m)
            return;
        /* A max-heap on "comes later" gives ascending "before" order. */
        if (c + 1 < m && destroy_before(w, c, c + 1))
            c++;
        if (!destroy_before(w, root, c))
            return;
        destroy_swap(w, root, c);
        root = c;
    }
}

static void destroy_sort(destroy_ws *w, int m)
{
    /* Heap of the "latest" element at the root: before(root, c) false. */
    for (int i = m / 2 - 1; i >= 0; i--)
        destroy_sift(w, i, m);
    for (int end = m - 1; end > 0; end--) {
        destroy_swap(w, 0, end);
        destroy_sift(w, 0, end);
    }
}

/* Index floor(y^p * m) for y uniform in [0, 1). */
static int destroy_pick(rng *r, double pw, int m)
{
    int k = (int)(pow(rng_uniform(r), pw) * (double)m);
    return k < m ? k : m - 1;
}

/* Select, by partial quicksort, the element of rank k (by
 * destroy_before order) into position k of ids[0..m). */
static void destroy_select(destroy_ws *w, int m, int k)
{
    int lo = 0, hi = m - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        destroy_swap(w, mid, hi);
        int s = lo;
        for (int t = lo; t < hi; t++)
            if (destroy_before(w, t, hi))
                destroy_swap(w, t, s++);
        destroy_swap(w, s, hi);
        if (s == k)
            return;
        if (s < k)
            lo = s + 1;
        else
            hi = s - 1;
    }
}

static void destroy_worst(destroy_ws *w, vrp_state *st, int q, rng *r)
{
    const corto_problem *p = w->d->p;
    int m = destroy_routed(w, st), done = 0;
    for (int t = 0; t < m; t++) {
        int x = w->ids[t], y = p->pair_of[x];
        const vrp_route *R = &st->routes[st->route_of[x]];
        int prof = p->vtypes[R->vtype].profile;
        int k = st->pos_of[x];
        seg s;
        route_eval re;
        if (y >= 0 && st->route_of[y] == st->route_of[x]) {
            /* Both ends of the pair: pre[a] + (a+1 .. b-1) + suf[b+1]. */
            int a = k < st->pos_of[y] ? k : st->pos_of[y];
            int b = k < st->pos_of[y] ? st->pos_of[y] : k;
            s = R->pre[a];
            for (int c = a + 1; c < b; c++)
                seg_join(&s, &s, &w->d->node_seg[R->nodes[c]], p, prof);
            seg_join(&s, &s, &R->suf[b + 1], p, prof);
            route_eval_seg(&re, p, R->vtype, &s, R->len - 2);
        } else {
            seg_join(&s, &R->pre[k], &R->suf[k + 1], p, prof);
            route_eval_seg(&re, p, R->vtype, &s, R->len - 1);
        }
        w->keys[t] = (double)(R->cost - re.cost);
    }
    destroy_sort(w, m);
    while (done < q && m > 0) {
        int k = destroy_pick(r, w->dp.worst_p, m);
        int x = w->ids[k];
        memmove(w->ids + k, w->ids + k + 1, (size_t)(m - k - 1) * sizeof(int));
        memmove(w->keys + k, w->keys + k + 1,
                (size_t)(m - k - 1) * sizeof(double));
        m--;
        if (st->route_of[x] >= 0)
            done += destroy_take(st, x);
    }
}

/* Relatedness of i and j (smaller = more related). */
static double destroy_related_key(const destroy_ws *w, int i, int j)
{
    const corto_problem *p = w->d->p;
    int prof = p->vtypes[0].profile;
    double v =
        9.0 * (double)(model_dist(p, prof, i, j) + model_dist(p, prof, j, i)) /
        (2.0 * w->dmax);
    if (w->has_tw)
        v += 3.0 * fabs((double)(p->tw_open[i] - p->tw_open[j])) / w->tmax;
    if (w->has_q)
        v += 2.0 *
             fabs((double)(destroy_demand(p, i) - destroy_demand(p, j))) /
             w->qmax;
    return v;
}

static void destroy_related(destroy_ws *w, vrp_state *st, int q, rng *r)
{
    int m = destroy_routed(w, st);
    if (m == 0)
        return;
    int seed = w->ids[rng_below(r, (uint64_t)m)];
    int n_removed = 0, done = 0;
    int before = st->n_unassigned;
    done += destroy_take(st, seed);
    for (int t = before; t < st->n_unassigned; t++)
        w->removed[n_removed++] = st->unassigned[t];
    while (done < q) {
        m = destroy_routed(w, st);
        if (m == 0)
            break;
        int ref = w->removed[rng_below(r, (uint64_t)n_removed)];
        /* Ascending relatedness: negate the key for the descending
         * order destroy_before sorts by. */
        for (int t = 0; t < m; t++)
            w->keys[t] = -destroy_related_key(w, ref, w->ids[t]);
        int k = destroy_pick(r, w->dp.related_p, m);
        destroy_select(w, m, k);
        before = st->n_unassigned;
        done += destroy_take(st, w->ids[k]);
        for (int t = before; t < st->n_unassigned; t++)
            w->removed[n_removed++] = st->unassigned[t];
    }
}

/* Remove the clients at positions a..b of route r, except the block
 * keep_a..keep_b (empty when keep_a > keep_b). */
static int destroy_cut(destroy_ws *w, vrp_state *st, int r, int a, int b,
                       int keep_a, int keep_b)
{
    int m = 0, done = 0;
    for (int k = a; k <= b; k++)
        if (k < keep_a || k > keep_b)
            w->ids[m++] = st->routes[r].nodes[k];
    for (int t = 0; t < m; t++)
        if (st->route_of[w->ids[t]] >= 0)
            done += destroy_take(st, w->ids[t]);
    return done;
}

/*
 * SISR ruin: l_s^max = min(L^max, average route cardinality), up to
 * k_s = floor(U(1, 4 c-bar / (1 + l_s^max))) routes are cut, met in
 * order of nearness to a random seed client; each loses a string of
 * floor(U(1, min(|t|, l_s^max) + 1)) clients containing the client that
 * led to it, or with probability split_rate a split string that keeps
 * m clients in its middle (m grows while U(0, 1) > beta).
 */
static void destroy_string(destroy_ws *w, vrp_state *st, int cbar, rng *r)
{
    const vrp_data *d = w->d;
    int m = destroy_routed(w, st);
    if (m == 0)
        return;
    int n_routes = 0, n_cli = 0;
    for (int t = 0; t < st->n_routes; t++)
        if (st->routes[t].len > 0) {
            n_routes++;
            n_cli += st->routes[t].len;
        }
    double lsmax = (double)w->dp.string_lmax;
    double avg = (double)n_cli / (double)n_routes;
    if (avg < lsmax)
        lsmax = avg;
    double ksmax = 4.0 * (double)cbar / (1.0 + lsmax) - 1.0;
    if (ksmax < 1.0)
        ksmax = 1.0;
    int ks = (int)(1.0 + rng_uniform(r) * ksmax);
    int seed = w->ids[rng_below(r, (uint64_t)m)];
    w->gen++;
    int cut = 0;
    for (int e = -1; e < d->nb.k && cut < ks; e++) {
        int c = e < 0 ? seed : d->nb.out[(size_t)seed * (size_t)d->nb.k + e];
        if (c < 0)
            break;
        int rt = st->route_of[c];
        if (rt < 0 || w->ruined[rt] == w->gen)
            continue;
        w->ruined[rt] = w->gen;
        cut++;
        int len = st->routes[rt].len, pos = st->pos_of[c];
        double ltmax = len < lsmax ? (double)len : lsmax;
        int lt = (int)(1.0 + rng_uniform(r) * ltmax);
        if (lt > len)
            lt = len;
        if (rng_uniform(r) >= w->dp.split_rate || lt == len) {
            int lo = pos - lt + 1 > 0 ? pos - lt + 1 : 0;
            int hi = pos < len - lt ? pos : len - lt;
            int a = lo + (int)rng_below(r, (uint64_t)(hi - lo + 1));
            destroy_cut(w, st, rt, a, a + lt - 1, 1, 0);
            continue;
        }
        int keep = 1;
        while (lt + keep < len && rng_uniform(r) > w->dp.split_beta)
            keep++;
        int span = lt + keep;
        int lo = pos - span + 1 > 0 ? pos - span + 1 : 0;
        int hi = pos < len - span ? pos : len - span;
        int a = lo + (int)rng_below(r, (uint64_t)(hi - lo + 1));
        int ka = a + (int)rng_below(r, (uint64_t)lt + 1);
        destroy_cut(w, st, rt, a, a + span - 1, ka, ka + keep - 1);
    }
}

static void destroy_route(destroy_ws *w, vrp_state *st, int q, rng *r)
{
    int done = 0;
    while (done < q) {
        int m = 0;
        for (int t = 0; t < st->n_routes; t++)
            if (st->routes[t].len > 0)
                w->ids[m++] = t;
        if (m == 0)
            return;
        int rt = w->ids[rng_below(r, (uint64_t)m)];
        done += destroy_cut(w, st, rt, 0, st->routes[rt].len - 1, 1, 0);
    }
}

void destroy_apply(destroy_ws *w, destroy_kind kind, vrp_state *st,
                   int n_remove, rng *r)
{
    if (n_remove < 1)
        n_remove = 1;
    vrp_state_refresh_dirty(st);
    switch (kind) {
    case DESTROY_RANDOM:
        destroy_random(w, st, n_remove, r);
        break;
    case DESTROY_WORST:
        destroy_worst(w, st, n_remove, r);
        break;
    case DESTROY_RELATED:
        destroy_related(w, st, n_remove, r);
        break;
    case DESTROY_STRING:
        destroy_string(w, st, n_remove, r);
        break;
    case DESTROY_ROUTE:
    case DESTROY_KIND_COUNT:
        destroy_route(w, st, n_remove, r);
        break;
    }
    vrp_state_refresh_dirty(st);
}
