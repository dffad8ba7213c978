/*
 * ch_query.c — queries on a contraction hierarchy: the bidirectional
 * upward search for one pair with path unpacking (Geisberger et al. 2008)
 * and bucket-based many-to-many matrices (Knopp et al. 2007).
 *
 * Both searches climb only: the forward search from s follows edges to
 * higher nodes, the backward search from t follows reversed edges to
 * higher nodes, and some shortest path is an up-down path whose top node
 * both searches settle with exact labels. Stall-on-demand: a node u whose
 * label is beaten by a higher, already labelled neighbour w (d(w) + c(w,u)
 * < d(u)) cannot lie on such a path with that label, so its edges are not
 * relaxed and it fills no bucket.
 */
#include "ch_impl.h"
#include "path_ws.h"
#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ch_ws {
    path_ws *pw;
    double *d2[2];      /* second weight along each label's path */
    int *settled;       /* unstalled nodes settled by chq_upward */
    int n_settled;      /* (as many as n) */
    int *chain, *stack; /* path unpacking */
    int chain_cap, stack_cap;
};

corto_status ch_ws_create(ch_ws **out, const ch *h)
{
    corto_status rc = CORTO_OK;
    ch_ws *ws = NULL;
    *out = NULL;
    if (!h)
        return CORTO_ERR_ARGUMENT;
    CORTO_ALLOC(ws, 1);
    CORTO_TRY(path_ws_create(&ws->pw, h->n));
    CORTO_ALLOC(ws->d2[0], h->n);
    CORTO_ALLOC(ws->d2[1], h->n);
    CORTO_ALLOC(ws->settled, h->n);
    *out = ws;
    ws = NULL;
cleanup:
    ch_ws_destroy(ws);
    return rc;
}

void ch_ws_destroy(ch_ws *ws)
{
    if (!ws)
        return;
    path_ws_destroy(ws->pw);
    free(ws->d2[0]);
    free(ws->d2[1]);
    free(ws->settled);
    free(ws->chain);
    free(ws->stack);
    free(ws);
}

/* Start side dir of a search at v. */
static void chq_start(ch_ws *ws, int dir, int v)
{
    pws_side *sd = &ws->pw->side[dir];
    pws_touch(ws->pw, sd, v);
    sd->dist[v] = 0.0;
    ws->d2[dir][v] = 0.0;
    pws_push(sd, v, 0.0);
}

/*
 * Settle the least node of side dir (0: forward, 1: backward) and relax
 * its upward edges unless it is stalled (*stalled = 1 then).
 */
static int chq_settle(ch_ws *ws, const ch *h, int dir, int *stalled)
{
    path_ws *pw = ws->pw;
    pws_side *sd = &pw->side[dir];
    int u = pws_pop(sd);
    double du = sd->dist[u];
    /* Edges between u and higher nodes that point towards u here. */
    const int *soff = dir ? h->fw_off : h->bw_off;
    const int *sto = dir ? h->fw_to : h->bw_to;
    const double *sw = dir ? h->fw_w : h->bw_w;
    for (int k = soff[u]; k < soff[u + 1]; k++)
        if (pws_dist(pw, sd, sto[k]) + sw[k] < du) {
            *stalled = 1;
            return u;
        }
    *stalled = 0;
    const int *off = dir ? h->bw_off : h->fw_off;
    const int *to = dir ? h->bw_to : h->fw_to;
    const int *eid = dir ? h->bw_e : h->fw_e;
    const double *w = dir ? h->bw_w : h->fw_w;
    double *d2 = ws->d2[dir];
    for (int k = off[u]; k < off[u + 1]; k++) {
        int x = to[k];
        double dx = du + w[k];
        pws_touch(pw, sd, x);
        if (sd->pos[x] != PWS_SETTLED && dx < sd->dist[x]) {
            sd->dist[x] = dx;
            sd->pred[x] = eid[k];
            d2[x] = d2[u] + h->e_w2[eid[k]];
            pws_push(sd, x, dx);
        }
    }
    return u;
}

/*
 * The original nodes of the up-down path through `meet`: the hierarchy
 * edges from s to meet (forward predecessors) and from meet to t
 * (backward predecessors), each shortcut replaced by its two halves until
 * only original arcs remain.
 */
static corto_status chq_unpack(graph_path *out, ch_ws *ws, const ch *h, int s,
                               int t, int meet)
{
    corto_status rc = CORTO_OK;
    const pws_side *f = &ws->pw->side[0], *b = &ws->pw->side[1];
    int n_chain = 0;
    for (int v = meet; v != s; v = h->e_tail[f->pred[v]]) {
        CORTO_TRY(ch_grow_int(&ws->chain, &ws->chain_cap, n_chain + 1));
        ws->chain[n_chain++] = f->pred[v];
    }
    for (int i = 0, j = n_chain - 1; i < j; i++, j--) {
        int tmp = ws->chain[i];
        ws->chain[i] = ws->chain[j];
        ws->chain[j] = tmp;
    }
    for (int v = meet; v != t; v = h->e_head[b->pred[v]]) {
        CORTO_TRY(ch_grow_int(&ws->chain, &ws->chain_cap, n_chain + 1));
        ws->chain[n_chain++] = b->pred[v];
    }
    int count = 0;
    CORTO_TRY(graph_path_reserve(out, 16));
    out->nodes[count++] = s;
    for (int k = 0; k < n_chain; k++) {
        int top = 0;
        CORTO_TRY(ch_grow_int(&ws->stack, &ws->stack_cap, 1));
        ws->stack[top++] = ws->chain[k];
        while (top > 0) {
            int e = ws->stack[--top];
            if (h->e_c1[e] < 0) {
                if (count == out->cap)
                    CORTO_TRY(graph_path_reserve(out, 2 * out->cap));
                out->nodes[count++] = h->e_head[e];
                continue;
            }
            CORTO_TRY(ch_grow_int(&ws->stack, &ws->stack_cap, top + 2));
            ws->stack[top++] = h->e_c2[e];
            ws->stack[top++] = h->e_c1[e];
        }
    }
    out->n_nodes = count;
cleanup:
    return rc;
}

corto_status ch_query(graph_path *out, double *len2, ch_ws *ws, const ch *h,
                      int s, int t)
{
    if (len2)
        *len2 = INFINITY;
    if (!out || !ws || !h || s < 0 || s >= h->n || t < 0 || t >= h->n)
        return CORTO_ERR_ARGUMENT;
    path_ws *pw = ws->pw;
    pws_side *f = &pw->side[0], *b = &pw->side[1];
    pws_begin(pw);
    chq_start(ws, 0, s);
    chq_start(ws, 1, t);
    double mu = INFINITY;
    int meet = -1;
    out->settled = 0;
    /* Alternate sides; a side stops once its least key reaches mu. */
    for (int dir = 0;; dir ^= 1) {
        int live0 = f->heap_n > 0 && pws_min_key(f) < mu;
        int live1 = b->heap_n > 0 && pws_min_key(b) < mu;
        if (!live0 && !live1)
            break;
        if (!(dir ? live1 : live0))
            dir ^= 1;
        int stalled;
        int u = chq_settle(ws, h, dir, &stalled);
        out->settled++;
        double through =
            pw->side[dir].dist[u] + pws_dist(pw, &pw->side[dir ^ 1], u);
        if (through < mu) {
            mu = through;
            meet = u;
        }
    }
    if (meet < 0) {
        out->reachable = 0;
        out->length = INFINITY;
        out->n_nodes = 0;
        return CORTO_OK;
    }
    out->reachable = 1;
    out->length = mu;
    if (len2 && h->has2)
        *len2 = ws->d2[0][meet] + ws->d2[1][meet];
    return chq_unpack(out, ws, h, s, t, meet);
}

/* A full upward search from v on side dir; the unstalled settled nodes
 * go to ws->settled, their labels stay in the workspace. */
static void chq_upward(ch_ws *ws, const ch *h, int dir, int v)
{
    pws_begin(ws->pw);
    chq_start(ws, dir, v);
    ws->n_settled = 0;
    pws_side *sd = &ws->pw->side[dir];
    while (sd->heap_n > 0) {
        int stalled;
        int u = chq_settle(ws, h, dir, &stalled);
        if (!stalled)
            ws->settled[ws->n_settled++] = u;
    }
}

/* Bucket entries: target index, distance and second weight from the
 * node to that target, grouped by node in CSR form. */
typedef struct chq_buckets {
    int *off;
    int *tgt;
    double *d, *d2;
    int *node; /* only while filling */
    int64_t n, cap;
} chq_buckets;

static corto_status chq_bucket_push(chq_buckets *bk, int node, int tgt,
                                    double d, double d2)
{
    if (bk->n == bk->cap) {
        int64_t cap = bk->cap ? 2 * bk->cap : 4096;
        if (!ch_resize((void **)&bk->node, sizeof(int), cap) ||
            !ch_resize((void **)&bk->tgt, sizeof(int), cap) ||
            !ch_resize((void **)&bk->d, sizeof(double), cap) ||
            !ch_resize((void **)&bk->d2, sizeof(double), cap))
            return CORTO_ERR_NOMEM;
        bk->cap = cap;
    }
    bk->node[bk->n] = node;
    bk->tgt[bk->n] = tgt;
    bk->d[bk->n] = d;
    bk->d2[bk->n] = d2;
    bk->n++;
    return CORTO_OK;
}

corto_status ch_many_to_many(double *dist, double *dist2, unsigned char *reach,
                             ch_ws *ws, const ch *h, const int *src, int n_src,
                             const int *dst, int n_dst)
{
    corto_status rc = CORTO_OK;
    chq_buckets bk = {0};
    int *s_tgt = NULL;
    double *s_d = NULL, *s_d2 = NULL;
    if (!dist || !ws || !h || n_src < 0 || n_dst < 0 || (n_src > 0 && !src) ||
        (n_dst > 0 && !dst))
        return CORTO_ERR_ARGUMENT;
    for (int i = 0; i < n_src; i++)
        if (src[i] < 0 || src[i] >= h->n)
            return CORTO_ERR_ARGUMENT;
    for (int j = 0; j < n_dst; j++)
        if (dst[j] < 0 || dst[j] >= h->n)
            return CORTO_ERR_ARGUMENT;
    const pws_side *f = &ws->pw->side[0], *b = &ws->pw->side[1];

    /* Backward searches fill the buckets. */
    for (int j = 0; j < n_dst; j++) {
        chq_upward(ws, h, 1, dst[j]);
        for (int k = 0; k < ws->n_settled; k++) {
            int u = ws->settled[k];
            CORTO_TRY(chq_bucket_push(&bk, u, j, b->dist[u], ws->d2[1][u]));
        }
    }
    if (bk.n > INT32_MAX) {
        rc = CORTO_ERR_NOMEM;
        goto cleanup;
    }
    /* Group by node (stable, so each bucket is in target order). */
    CORTO_ALLOC(bk.off, (int64_t)h->n + 1);
    CORTO_ALLOC(s_tgt, bk.n);
    CORTO_ALLOC(s_d, bk.n);
    CORTO_ALLOC(s_d2, bk.n);
    for (int64_t k = 0; k < bk.n; k++)
        bk.off[bk.node[k] + 1]++;
    for (int v = 0; v < h->n; v++)
        bk.off[v + 1] += bk.off[v];
    for (int64_t k = 0; k < bk.n; k++) {
        int at = bk.off[bk.node[k]]++;
        s_tgt[at] = bk.tgt[k];
        s_d[at] = bk.d[k];
        s_d2[at] = bk.d2[k];
    }
    for (int v = h->n; v > 0; v--)
        bk.off[v] = bk.off[v - 1];
    bk.off[0] = 0;

    /* Forward searches scan them. */
    for (int i = 0; i < n_src; i++) {
        double *row = dist + (int64_t)i * n_dst;
        double *row2 = dist2 ? dist2 + (int64_t)i * n_dst : NULL;
        for (int j = 0; j < n_dst; j++) {
            row[j] = INFINITY;
            if (row2)
                row2[j] = INFINITY;
        }
        chq_upward(ws, h, 0, src[i]);
        for (int k = 0; k < ws->n_settled; k++) {
            int u = ws->settled[k];
            double du = f->dist[u], d2u = ws->d2[0][u];
            for (int e = bk.off[u]; e < bk.off[u + 1]; e++) {
                int j = s_tgt[e];
                double c = du + s_d[e];
                if (c < row[j]) {
                    row[j] = c;
                    if (row2)
                        row2[j] = h->has2 ? d2u + s_d2[e] : INFINITY;
                }
            }
        }
        if (reach)
            for (int j = 0; j < n_dst; j++)
                reach[(int64_t)i * n_dst + j] = isfinite(row[j]) ? 1 : 0;
    }

cleanup:
    free(bk.off);
    free(bk.tgt);
    free(bk.d);
    free(bk.d2);
    free(bk.node);
    free(s_tgt);
    free(s_d);
    free(s_d2);
    return rc;
}
