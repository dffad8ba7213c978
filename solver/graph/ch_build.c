/*
 * ch_build.c — contraction hierarchy preprocessing (Geisberger, Sanders,
 * Schultes & Delling 2008). Nodes are contracted one at a time in the
 * order of a priority queue; contracting v removes it from the remaining
 * graph and, for every pair of remaining neighbours u -> v -> x, adds a
 * shortcut u -> x of weight w(u,v) + w(v,x) unless a witness search from
 * u that avoids v finds a path to x at most that long.
 *
 * Implementation details:
 *  - Priority of v (lower first): the edge difference (shortcuts added
 *    minus edges removed) and the same difference counted in original
 *    arcs, plus the number of contracted neighbours and the node's level
 *    (one more than its highest contracted neighbour's), which spread the
 *    contraction evenly over the graph. Priorities are found by simulating
 *    the contraction with a smaller witness limit.
 *  - Lazy updates: the node taken from the queue is re-evaluated and put
 *    back when it no longer has the least priority; the neighbours of a
 *    contracted node are re-evaluated, lowered keys take effect at once
 *    and raised ones at their node's next turn through the lazy check.
 *  - Witness searches stop once every target is settled, or at a
 *    distance bound, a settle limit or a hop limit. A limit only adds
 *    shortcuts that were not needed, never drops a needed one, so
 *    queries stay exact.
 *  - Edges between two uncontracted nodes are referenced only by their
 *    adjacency lists, so a shorter shortcut overwrites a parallel edge in
 *    place: each pair of remaining nodes keeps one edge per direction.
 *  - When v is contracted its remaining in- and out-edges all lead to
 *    higher nodes: they become v's upward backward and forward edges.
 * Every step is deterministic (the queue breaks ties by its own fixed
 * order of operations), so the same graph gives the same hierarchy.
 */
#include "ch_impl.h"
#include "path_ws.h"
#include "util.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void ch_params_init(ch_params *p)
{
    p->settle_limit = 500;
    p->sim_settle_limit = 60;
    p->hop_limit = 16;
}

/* A growing list of edge ids. */
typedef struct chb_list {
    int *e;
    int n, cap;
} chb_list;

/* A shortcut found while contracting one node. */
typedef struct chb_short {
    int u, x, c1, c2;
    double w;
} chb_short;

typedef struct chb {
    ch *h;
    ch_params p;
    chb_list *out, *in; /* edges among uncontracted nodes (and v's own) */
    int *orig;          /* per edge: original arcs it stands for */
    unsigned char *done;
    int *deleted, *level;
    int *hops;
    unsigned *target; /* target[x] == target_gen: x is a witness target */
    unsigned target_gen;
    path_ws *wws;   /* witness searches */
    path_ws *queue; /* node order (side 0's heap) */
    chb_short *sc;
    int n_sc, sc_cap;
    int orig_cap;
} chb;

static corto_status chb_list_push(chb_list *l, int e)
{
    corto_status rc = ch_grow_int(&l->e, &l->cap, l->n + 1);
    if (rc == CORTO_OK)
        l->e[l->n++] = e;
    return rc;
}

static void chb_list_remove(chb_list *l, int e)
{
    for (int k = 0; k < l->n; k++)
        if (l->e[k] == e) {
            l->e[k] = l->e[--l->n];
            return;
        }
}

/* Append an edge to the hierarchy; its id in *id. */
static corto_status chb_new_edge(chb *b, int *id, int u, int x, double w,
                                 double w2, int c1, int c2, int orig)
{
    ch *h = b->h;
    if (h->n_edges == h->edge_cap) {
        if (h->edge_cap > INT_MAX / 2)
            return CORTO_ERR_NOMEM;
        int cap = 2 * h->edge_cap;
        if (!ch_resize((void **)&h->e_tail, sizeof(int), cap) ||
            !ch_resize((void **)&h->e_head, sizeof(int), cap) ||
            !ch_resize((void **)&h->e_w, sizeof(double), cap) ||
            !ch_resize((void **)&h->e_w2, sizeof(double), cap) ||
            !ch_resize((void **)&h->e_c1, sizeof(int), cap) ||
            !ch_resize((void **)&h->e_c2, sizeof(int), cap) ||
            !ch_resize((void **)&b->orig, sizeof(int), cap))
            return CORTO_ERR_NOMEM;
        h->edge_cap = cap;
    }
    int k = h->n_edges++;
    h->e_tail[k] = u;
    h->e_head[k] = x;
    h->e_w[k] = w;
    h->e_w2[k] = w2;
    h->e_c1[k] = c1;
    h->e_c2[k] = c2;
    b->orig[k] = orig;
    *id = k;
    return CORTO_OK;
}

/*
 * Witness search: Dijkstra from s over the remaining graph, never through
 * `skip`, up to distance `limit`, `settle_limit` settled nodes and the hop
 * limit, or until the n_targets marked targets are settled. Tentative
 * distances stay readable through pws_dist.
 */
static void chb_witness(chb *b, int s, int skip, double limit,
                        int settle_limit, int n_targets)
{
    const ch *h = b->h;
    path_ws *ws = b->wws;
    pws_side *sd = &ws->side[0];
    pws_begin(ws);
    pws_touch(ws, sd, s);
    sd->dist[s] = 0.0;
    b->hops[s] = 0;
    pws_push(sd, s, 0.0);
    int settled = 0;
    while (sd->heap_n > 0 && pws_min_key(sd) <= limit &&
           settled < settle_limit) {
        int u = pws_pop(sd);
        settled++;
        if (b->target[u] == b->target_gen && --n_targets == 0)
            break;
        if (b->hops[u] >= b->p.hop_limit)
            continue;
        double du = sd->dist[u];
        const chb_list *out = &b->out[u];
        for (int k = 0; k < out->n; k++) {
            int e = out->e[k], x = h->e_head[e];
            double dx = du + h->e_w[e];
            if (x == skip || dx > limit)
                continue;
            pws_touch(ws, sd, x);
            if (sd->pos[x] != PWS_SETTLED && dx < sd->dist[x]) {
                sd->dist[x] = dx;
                b->hops[x] = b->hops[u] + 1;
                pws_push(sd, x, dx);
            }
        }
    }
}

/*
 * The shortcuts that contracting v needs now, into b->sc (settle_limit
 * bounds each witness search).
 */
static corto_status chb_find_shortcuts(chb *b, int v, int settle_limit)
{
    const ch *h = b->h;
    const chb_list *in = &b->in[v], *out = &b->out[v];
    b->n_sc = 0;
    for (int i = 0; i < in->n; i++) {
        int ei = in->e[i], u = h->e_tail[ei];
        double a = h->e_w[ei], max_b = -1.0;
        int n_targets = 0;
        if (++b->target_gen == 0) {
            memset(b->target, 0, (size_t)h->n * sizeof *b->target);
            b->target_gen = 1;
        }
        for (int k = 0; k < out->n; k++) {
            int x = h->e_head[out->e[k]];
            if (x == u)
                continue;
            b->target[x] = b->target_gen;
            n_targets++;
            if (h->e_w[out->e[k]] > max_b)
                max_b = h->e_w[out->e[k]];
        }
        if (n_targets == 0)
            continue;
        chb_witness(b, u, v, a + max_b, settle_limit, n_targets);
        for (int k = 0; k < out->n; k++) {
            int eo = out->e[k], x = h->e_head[eo];
            double w = a + h->e_w[eo];
            if (x == u || pws_dist(b->wws, &b->wws->side[0], x) <= w)
                continue;
            if (b->n_sc == b->sc_cap) {
                int cap = b->sc_cap ? 2 * b->sc_cap : 64;
                if (!ch_resize((void **)&b->sc, sizeof *b->sc, cap))
                    return CORTO_ERR_NOMEM;
                b->sc_cap = cap;
            }
            b->sc[b->n_sc++] = (chb_short){u, x, ei, eo, w};
        }
    }
    return CORTO_OK;
}

/* Priority of v from a simulated contraction (see the file comment). */
static corto_status chb_priority(chb *b, int v, double *prio)
{
    corto_status rc = chb_find_shortcuts(b, v, b->p.sim_settle_limit);
    if (rc != CORTO_OK)
        return rc;
    int removed = b->in[v].n + b->out[v].n, orig_removed = 0, orig_added = 0;
    for (int k = 0; k < b->in[v].n; k++)
        orig_removed += b->orig[b->in[v].e[k]];
    for (int k = 0; k < b->out[v].n; k++)
        orig_removed += b->orig[b->out[v].e[k]];
    for (int k = 0; k < b->n_sc; k++)
        orig_added += b->orig[b->sc[k].c1] + b->orig[b->sc[k].c2];
    *prio = (double)(b->n_sc - removed) + (orig_added - orig_removed) +
            b->deleted[v] + b->level[v];
    return CORTO_OK;
}

/* Add shortcut s, or lower the existing edge u -> x to it. */
static corto_status chb_add_shortcut(chb *b, const chb_short *s)
{
    ch *h = b->h;
    double w2 = h->e_w2[s->c1] + h->e_w2[s->c2];
    int orig = b->orig[s->c1] + b->orig[s->c2];
    chb_list *out = &b->out[s->u];
    for (int k = 0; k < out->n; k++) {
        int e = out->e[k];
        if (h->e_head[e] != s->x)
            continue;
        if (s->w < h->e_w[e]) {
            h->e_w[e] = s->w;
            h->e_w2[e] = w2;
            h->e_c1[e] = s->c1;
            h->e_c2[e] = s->c2;
            b->orig[e] = orig;
        }
        return CORTO_OK;
    }
    int id;
    corto_status rc =
        chb_new_edge(b, &id, s->u, s->x, s->w, w2, s->c1, s->c2, orig);
    if (rc == CORTO_OK)
        rc = chb_list_push(out, id);
    if (rc == CORTO_OK)
        rc = chb_list_push(&b->in[s->x], id);
    return rc;
}

/* Lower the queue key of an uncontracted neighbour u after a contraction
 * (raised keys wait for the lazy check). */
static corto_status chb_touch_neighbour(chb *b, int u, int v)
{
    if (b->done[u])
        return CORTO_OK;
    b->deleted[u]++;
    if (b->level[u] < b->level[v] + 1)
        b->level[u] = b->level[v] + 1;
    double prio;
    corto_status rc = chb_priority(b, u, &prio);
    if (rc != CORTO_OK)
        return rc;
    pws_side *q = &b->queue->side[0];
    if (q->pos[u] >= 0 && prio < q->hkey[q->pos[u]])
        pws_push(q, u, prio);
    return CORTO_OK;
}

/* Contract v: shortcuts, then v leaves its neighbours' lists. */
static corto_status chb_contract(chb *b, int v)
{
    corto_status rc = chb_find_shortcuts(b, v, b->p.settle_limit);
    for (int k = 0; rc == CORTO_OK && k < b->n_sc; k++)
        rc = chb_add_shortcut(b, &b->sc[k]);
    if (rc != CORTO_OK)
        return rc;
    const ch *h = b->h;
    b->done[v] = 1;
    for (int k = 0; k < b->in[v].n; k++)
        chb_list_remove(&b->out[h->e_tail[b->in[v].e[k]]], b->in[v].e[k]);
    for (int k = 0; k < b->out[v].n; k++)
        chb_list_remove(&b->in[h->e_head[b->out[v].e[k]]], b->out[v].e[k]);
    for (int k = 0; rc == CORTO_OK && k < b->in[v].n; k++)
        rc = chb_touch_neighbour(b, h->e_tail[b->in[v].e[k]], v);
    for (int k = 0; rc == CORTO_OK && k < b->out[v].n; k++) {
        int x = h->e_head[b->out[v].e[k]], twice = 0;
        for (int i = 0; i < b->in[v].n && !twice; i++)
            twice = h->e_tail[b->in[v].e[i]] == x;
        if (!twice)
            rc = chb_touch_neighbour(b, x, v);
    }
    return rc;
}

/* One upward graph in CSR form from each node's list. */
static corto_status chb_upward(int n, const chb_list *lists, const ch *h,
                               int forward, int **off, int **to, int **eid,
                               double **w)
{
    corto_status rc = CORTO_OK;
    int64_t total = 0;
    for (int v = 0; v < n; v++)
        total += lists[v].n;
    CORTO_ALLOC(*off, (int64_t)n + 1);
    CORTO_ALLOC(*to, total);
    CORTO_ALLOC(*eid, total);
    CORTO_ALLOC(*w, total);
    int64_t at = 0;
    for (int v = 0; v < n; v++) {
        (*off)[v] = (int)at;
        for (int k = 0; k < lists[v].n; k++, at++) {
            int e = lists[v].e[k];
            (*to)[at] = forward ? h->e_head[e] : h->e_tail[e];
            (*eid)[at] = e;
            (*w)[at] = h->e_w[e];
        }
    }
    (*off)[n] = (int)at;
cleanup:
    return rc;
}

corto_status ch_build(ch **out, const graph *g, const double *w2,
                      const ch_params *params)
{
    corto_status rc = CORTO_OK;
    chb b;
    ch *h = NULL;
    memset(&b, 0, sizeof b);
    *out = NULL;
    if (!g || g->n <= 0 || g->m >= INT_MAX / 4)
        return CORTO_ERR_ARGUMENT;
    int n = g->n;
    if (params)
        b.p = *params;
    else
        ch_params_init(&b.p);
    if (b.p.settle_limit < 1 || b.p.sim_settle_limit < 1 || b.p.hop_limit < 1)
        return CORTO_ERR_ARGUMENT;
    CORTO_ALLOC(h, 1);
    b.h = h;
    h->n = n;
    h->has2 = w2 != NULL;
    h->m0 = (int)g->m;
    h->edge_cap = (int)g->m + 16;
    CORTO_ALLOC(h->e_tail, h->edge_cap);
    CORTO_ALLOC(h->e_head, h->edge_cap);
    CORTO_ALLOC(h->e_w, h->edge_cap);
    CORTO_ALLOC(h->e_w2, h->edge_cap);
    CORTO_ALLOC(h->e_c1, h->edge_cap);
    CORTO_ALLOC(h->e_c2, h->edge_cap);
    CORTO_ALLOC(b.orig, h->edge_cap);
    CORTO_ALLOC(h->rank, n);
    CORTO_ALLOC(b.out, n);
    CORTO_ALLOC(b.in, n);
    CORTO_ALLOC(b.done, n);
    CORTO_ALLOC(b.deleted, n);
    CORTO_ALLOC(b.level, n);
    CORTO_ALLOC(b.hops, n);
    CORTO_ALLOC(b.target, n);
    CORTO_TRY(path_ws_create(&b.wws, n));
    CORTO_TRY(path_ws_create(&b.queue, n));
    for (int u = 0; u < n; u++)
        for (int64_t a = g->out_off[u]; a < g->out_off[u + 1]; a++) {
            int id, v = g->out_to[a];
            CORTO_TRY(chb_new_edge(&b, &id, u, v, g->out_w[a],
                                   w2 ? w2[a] : 0.0, -1, -1, 1));
            CORTO_TRY(chb_list_push(&b.out[u], id));
            CORTO_TRY(chb_list_push(&b.in[v], id));
        }

    pws_side *q = &b.queue->side[0];
    pws_begin(b.queue);
    for (int v = 0; v < n; v++) {
        double prio;
        CORTO_TRY(chb_priority(&b, v, &prio));
        pws_touch(b.queue, q, v);
        pws_push(q, v, prio);
    }
    int order = 0;
    while (q->heap_n > 0) {
        int v = pws_pop(q);
        double prio;
        CORTO_TRY(chb_priority(&b, v, &prio));
        if (q->heap_n > 0 && prio > pws_min_key(q)) {
            pws_push(q, v, prio); /* lazy update */
            continue;
        }
        CORTO_TRY(chb_contract(&b, v));
        h->rank[v] = order++;
    }
    CORTO_TRY(
        chb_upward(n, b.out, h, 1, &h->fw_off, &h->fw_to, &h->fw_e, &h->fw_w));
    CORTO_TRY(
        chb_upward(n, b.in, h, 0, &h->bw_off, &h->bw_to, &h->bw_e, &h->bw_w));
    *out = h;
    h = NULL;

cleanup:
    for (int v = 0; b.out && v < b.h->n; v++)
        free(b.out[v].e);
    for (int v = 0; b.in && v < b.h->n; v++)
        free(b.in[v].e);
    free(b.out);
    free(b.in);
    free(b.orig);
    free(b.done);
    free(b.deleted);
    free(b.level);
    free(b.hops);
    free(b.target);
    free(b.sc);
    path_ws_destroy(b.wws);
    path_ws_destroy(b.queue);
    ch_destroy(h);
    return rc;
}

void ch_destroy(ch *h)
{
    if (!h)
        return;
    free(h->e_tail);
    free(h->e_head);
    free(h->e_w);
    free(h->e_w2);
    free(h->e_c1);
    free(h->e_c2);
    free(h->fw_off);
    free(h->fw_to);
    free(h->fw_e);
    free(h->fw_w);
    free(h->bw_off);
    free(h->bw_to);
    free(h->bw_e);
    free(h->bw_w);
    free(h->rank);
    free(h);
}

int64_t ch_shortcuts(const ch *h)
{
    return h ? h->n_edges - h->m0 : 0;
}

int64_t ch_up_arcs(const ch *h)
{
    return h ? (int64_t)h->fw_off[h->n] + h->bw_off[h->n] : 0;
}

int ch_has_second(const ch *h)
{
    return h && h->has2;
}
