/*
 * nn_policy.c — encoder, pointer decoder, decoding and the imitation loss
 * of the attention policy (see nn_policy.h). The encoder follows Kool et
 * al. (2019, "Attention, learn to solve routing problems!") with layer
 * instead of batch normalisation and RRNCO's distance bias in attention;
 * the decoder is Kool et al.'s glimpse then pointer, with the distances
 * from and to the current node added to the pointer's scores.
 */
#include "nn_policy.h"
#include "nn_state.h"
#include "rng.h"
#include "route_eval.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NN_CLIP ((nn_real)10)

typedef struct nn_enc {
    int h;               /* node embeddings [n,d] */
    int gemb;            /* graph embedding [1,d] */
    int gk, gv, pk;      /* glimpse keys and values, pointer keys [n,d] */
    int dec[NN_D_COUNT]; /* decoder parameters on the tape */
} nn_enc;

/* Encoder: embedding then cfg.layers attention / feed-forward blocks. */
static void nn_encode(nn_tape *tp, const nn_model *m, const nn_features *f,
                      nn_enc *e)
{
    const nn_config *c = &m->cfg;
    int x = nn_leaf(tp, f->n, c->n_feat, f->x, NULL);
    int h = nn_linear(tp, x, nn_model_leaf(tp, m, NN_P_EMBED_W),
                      nn_model_leaf(tp, m, NN_P_EMBED_B));
    for (int l = 0; l < c->layers; l++) {
        int w[NN_L_COUNT];
        for (int k = 0; k < NN_L_COUNT; k++)
            w[k] = nn_model_leaf(tp, m, nn_model_layer(l, k));
        int q = nn_matmul(tp, h, w[NN_L_WQ], 0);
        int k = nn_matmul(tp, h, w[NN_L_WK], 0);
        int v = nn_matmul(tp, h, w[NN_L_WV], 0);
        int a = nn_attention(tp, q, k, v, c->heads, w[NN_L_COEF], f->dn,
                             f->dnt, NULL);
        a = nn_linear(tp, a, w[NN_L_WO], w[NN_L_BO]);
        h = nn_layernorm(tp, nn_add(tp, h, a), w[NN_L_LN1_G], w[NN_L_LN1_B]);
        int t = nn_relu(tp, nn_linear(tp, h, w[NN_L_FF1_W], w[NN_L_FF1_B]));
        t = nn_linear(tp, t, w[NN_L_FF2_W], w[NN_L_FF2_B]);
        h = nn_layernorm(tp, nn_add(tp, h, t), w[NN_L_LN2_G], w[NN_L_LN2_B]);
    }
    e->h = h;
    e->gemb = nn_mean_rows(tp, h);
    for (int k = 0; k < NN_D_COUNT; k++)
        e->dec[k] = nn_model_leaf(tp, m, nn_model_dec(m, k));
    e->gk = nn_matmul(tp, h, e->dec[NN_D_GK], 0);
    nn_keep_transposed(tp, e->gk); /* read by every decoding step */
    e->gv = nn_matmul(tp, h, e->dec[NN_D_GV], 0);
    e->pk = nn_matmul(tp, h, e->dec[NN_D_PK], 0);
}

/* Bytes from the tape's arena (kept until its next reset or rewind). */
static void *nn_arena_bytes(nn_tape *tp, size_t bytes)
{
    return nn_tape_alloc(tp, (bytes + sizeof(nn_real) - 1) / sizeof(nn_real));
}

/* One decoder step: log-probabilities [1,n] of the next action. */
static int nn_step(nn_tape *tp, const nn_model *m, const nn_features *f,
                   const nn_enc *e, const nn_state *st,
                   const unsigned char *mask)
{
    const nn_config *c = &m->cfg;
    int ctx = nn_input(tp, 1, NN_CTX);
    if (ctx < 0)
        return -1;
    nn_state_context(st, f, nn_t(tp, ctx)->v);
    int in = nn_concat2(tp, nn_concat2(tp, nn_row(tp, e->h, st->cur), e->gemb),
                        ctx);
    int q = nn_linear(tp, in, e->dec[NN_D_CTX_W], e->dec[NN_D_CTX_B]);
    const nn_real *bout = f->dn + (size_t)st->cur * (size_t)f->n;
    const nn_real *bin = f->dnt + (size_t)st->cur * (size_t)f->n;
    int g = nn_attention(tp, q, e->gk, e->gv, c->heads, e->dec[NN_D_GCOEF],
                         bout, bin, mask);
    g = nn_linear(tp, g, e->dec[NN_D_GO_W], e->dec[NN_D_GO_B]);
    int u = nn_scale(tp, nn_matmul(tp, g, e->pk, 1),
                     (nn_real)(1.0 / sqrt((double)c->d)));
    u = nn_add_scaled(tp, u, e->dec[NN_D_PCOEF], 0, bout);
    u = nn_add_scaled(tp, u, e->dec[NN_D_PCOEF], 1, bin);
    /* and the candidate's distances from and to the depot (the cost of
     * a route's first leg, and of the way back after it) */
    const nn_real *dfrom = f->dn + (size_t)f->depot * (size_t)f->n;
    const nn_real *dto = f->dnt + (size_t)f->depot * (size_t)f->n;
    u = nn_add_scaled(tp, u, e->dec[NN_D_PCOEF], 2, dfrom);
    u = nn_add_scaled(tp, u, e->dec[NN_D_PCOEF], 3, dto);
    return nn_log_softmax(tp, nn_tanh_clip(tp, u, NN_CLIP, mask), mask);
}

/* The action to take from log-probabilities: the most likely one, or a
 * draw when r is not NULL. */
static int nn_pick(const nn_real *lp, const unsigned char *mask, int n, rng *r)
{
    int best = -1;
    if (!r) {
        for (int j = 0; j < n; j++)
            if (!mask[j] && (best < 0 || lp[j] > lp[best]))
                best = j;
        return best;
    }
    double u = rng_uniform(r), acc = 0;
    for (int j = 0; j < n; j++) {
        if (mask[j])
            continue;
        best = j;
        acc += exp((double)lp[j]);
        if (u < acc)
            break;
    }
    return best;
}

/* Decode from st as it stands until every client is served (greedy when
 * r is NULL). With nll not NULL every step stays on the tape (its mask
 * copied into the arena) and nll[k] receives the id of -log p of the k-th
 * action taken, *n_nll their number; otherwise each step is rewound once
 * its action is picked. */
static corto_status nn_decode_rest(nn_tape *tp, const nn_model *m,
                                   const nn_features *f, const nn_enc *e,
                                   nn_state *st, rng *r, int *nll, int *n_nll)
{
    while (nn_state_mask(st) > 0) {
        nn_mark mk = nn_tape_mark(tp);
        const unsigned char *mask = st->mask;
        int *idx = NULL;
        if (nll) {
            unsigned char *copy = nn_arena_bytes(tp, (size_t)st->n);
            idx = nn_arena_bytes(tp, sizeof(int));
            if (!copy || !idx)
                return nn_tape_status(tp);
            memcpy(copy, st->mask, (size_t)st->n);
            mask = copy;
        }
        int lp = nn_step(tp, m, f, e, st, mask);
        if (lp < 0)
            return nn_tape_status(tp);
        int a = nn_pick(nn_t(tp, lp)->v, mask, st->n, r);
        if (a < 0)
            return CORTO_ERR_INTERNAL;
        if (nll) {
            *idx = a;
            nll[(*n_nll)++] = nn_nll_set(tp, lp, idx, 1);
        } else {
            nn_tape_rewind(tp, mk);
        }
        nn_state_step(st, a);
    }
    return nn_tape_status(tp);
}

/* Decode one solution into st from the start (see nn_decode_rest). */
static corto_status nn_decode(nn_tape *tp, const nn_model *m,
                              const nn_features *f, const nn_enc *e,
                              nn_state *st, rng *r, int *nll, int *n_nll)
{
    nn_state_reset(st);
    return nn_decode_rest(tp, m, f, e, st, r, nll, n_nll);
}

/* 1 when solution a is better than b: feasible first, then cheaper. */
static int nn_better(const corto_solution *a, const corto_solution *b)
{
    int fa = a->status == CORTO_SOLUTION_FEASIBLE;
    int fb = b->status == CORTO_SOLUTION_FEASIBLE;
    if (fa != fb)
        return fa;
    return a->cost < b->cost;
}

/* The k first clients the policy rates most likely at the empty state
 * (ties to the lower index) into first[]; their number, at most k. */
static int nn_first_choices(nn_tape *tp, const nn_model *m,
                            const nn_features *f, const nn_enc *e,
                            nn_state *st, int k, int *first)
{
    nn_state_reset(st);
    nn_state_mask(st);
    nn_mark mk = nn_tape_mark(tp);
    int lp = nn_step(tp, m, f, e, st, st->mask);
    if (lp < 0)
        return -1;
    const nn_real *v = nn_t(tp, lp)->v;
    int n = 0;
    for (int j = 0; j < st->n; j++) {
        if (st->mask[j])
            continue;
        /* insertion into the list kept sorted by falling probability */
        int at = n < k ? n++ : k;
        while (at > 0 && v[first[at - 1]] < v[j]) {
            if (at < k)
                first[at] = first[at - 1];
            at--;
        }
        if (at < k)
            first[at] = j;
    }
    nn_tape_rewind(tp, mk);
    return n;
}

/* Keep cand in out when it is the first or a better solution. */
static corto_status nn_keep_best(corto_solution *out, corto_solution *cand,
                                 const nn_state *st, int first)
{
    solution_clear(cand);
    corto_status rc = nn_state_solution(st, cand);
    if (rc != CORTO_OK)
        return rc;
    route_eval_solution(cand);
    if (first || nn_better(cand, out)) {
        rc = solution_copy_routes(out, cand);
        route_eval_solution(out);
    }
    return rc;
}

/* Decodings of p seen through symmetry sym of its coordinates (see
 * nn_policy_construct), each compared with out's by nn_keep_best; *have
 * says out holds one already. */
static corto_status nn_construct_view(corto_solution *out, int *have,
                                      corto_solution *cand, const nn_model *m,
                                      const corto_problem *p, int sym,
                                      int starts, int samples, rng *r)
{
    corto_status rc = CORTO_OK;
    nn_features f;
    nn_state st;
    nn_tape tp;
    nn_enc e;
    int *first = NULL;
    memset(&st, 0, sizeof st);
    nn_tape_init(&tp, 0);
    CORTO_TRY(nn_features_build(&f, &m->cfg, p, sym));
    CORTO_TRY(nn_state_init(&st, p, &f));
    nn_encode(&tp, m, &f, &e);
    CORTO_TRY(nn_tape_status(&tp));
    CORTO_TRY(nn_decode(&tp, m, &f, &e, &st, NULL, NULL, NULL));
    CORTO_TRY(nn_keep_best(out, cand, &st, !*have));
    *have = 1;
    if (starts > 1) {
        CORTO_ALLOC(first, starts);
        int n_first = nn_first_choices(&tp, m, &f, &e, &st, starts, first);
        if (n_first < 0)
            CORTO_TRY(nn_tape_status(&tp));
        /* the first of them is the greedy decoding's own start */
        for (int k = 1; k < n_first; k++) {
            nn_state_reset(&st);
            nn_state_step(&st, first[k]);
            CORTO_TRY(nn_decode_rest(&tp, m, &f, &e, &st, NULL, NULL, NULL));
            CORTO_TRY(nn_keep_best(out, cand, &st, 0));
        }
    }
    for (int k = 0; k < samples; k++) {
        CORTO_TRY(nn_decode(&tp, m, &f, &e, &st, r, NULL, NULL));
        CORTO_TRY(nn_keep_best(out, cand, &st, 0));
    }
cleanup:
    free(first);
    nn_state_free(&st);
    nn_features_free(&f);
    nn_tape_free(&tp);
    return rc;
}

corto_status nn_policy_construct(corto_solution *out, const nn_model *m,
                                 const corto_problem *p,
                                 const nn_decoding *how)
{
    corto_status rc = CORTO_OK;
    corto_solution *cand = NULL;
    rng r;
    if (!out || !m || !p || !how || how->samples < 0 || how->starts < 0 ||
        how->views < 0 || how->views > 8)
        return CORTO_ERR_ARGUMENT;
    /* without coordinates every symmetry is the same view */
    int views = p->has_coords && how->views > 1 ? how->views : 1, have = 0;
    CORTO_TRY(corto_solution_create(&cand, p));
    rng_seed(&r, how->seed);
    for (int v = 0; v < views; v++)
        CORTO_TRY(nn_construct_view(out, &have, cand, m, p, v, how->starts,
                                    v == 0 ? how->samples : 0, &r));
cleanup:
    corto_solution_destroy(cand);
    return rc;
}

struct nn_session {
    const nn_model *m;
    nn_features f;
    nn_state st;
    nn_tape tp; /* the encoder's output, then each decoding step's */
    nn_enc e;
};

corto_status nn_session_create(nn_session **out, const nn_model *m,
                               const corto_problem *p)
{
    corto_status rc = CORTO_OK;
    nn_session *s = NULL;
    if (!out || !m || !p)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    CORTO_TRY(nn_features_supported(p));
    CORTO_ALLOC(s, 1);
    s->m = m;
    nn_tape_init(&s->tp, 0);
    CORTO_TRY(nn_features_build(&s->f, &m->cfg, p, 0));
    CORTO_TRY(nn_state_init(&s->st, p, &s->f));
    nn_encode(&s->tp, m, &s->f, &s->e);
    CORTO_TRY(nn_tape_status(&s->tp));
    *out = s;
    s = NULL;
cleanup:
    nn_session_destroy(s);
    return rc;
}

void nn_session_destroy(nn_session *s)
{
    if (!s)
        return;
    nn_state_free(&s->st);
    nn_features_free(&s->f);
    nn_tape_free(&s->tp);
    free(s);
}

int nn_session_vtype(const nn_session *s)
{
    return s->f.vtype;
}

corto_status nn_session_decode(nn_session *s, const int *clients, int n,
                               int routes_used, rng *r, const int **seq,
                               int *len)
{
    nn_state_reset_subset(&s->st, clients, n, routes_used);
    corto_status rc =
        nn_decode_rest(&s->tp, s->m, &s->f, &s->e, &s->st, r, NULL, NULL);
    *seq = s->st.seq;
    *len = rc == CORTO_OK ? s->st.seq_len : 0;
    return rc;
}

/* 1 when routes of p may be driven backwards at the same cost. */
static int nn_reversible(const corto_problem *p, int prof)
{
    if (p->has_time_windows || p->has_pickups)
        return 0;
    for (int i = 0; i < p->n_nodes; i++)
        for (int j = 0; j < i; j++)
            if (model_dist(p, prof, i, j) != model_dist(p, prof, j, i))
                return 0;
    return 1;
}

/* The correct actions at a depot step: the first client of every
 * remaining route, and its last for a reversible one; ref[k] says which
 * route (2 * route + 1 when driven backwards). */
static int nn_route_starts(int *idx, int *ref, const corto_solution *x,
                           const unsigned char *done, int reversible)
{
    int k = 0;
    for (int r = 0; r < x->n_routes; r++) {
        int len = x->route_len[r];
        if (done[r] || len == 0)
            continue;
        ref[k] = 2 * r;
        idx[k++] = x->routes[r][0];
        if (reversible && len > 1) {
            ref[k] = 2 * r + 1;
            idx[k++] = x->routes[r][len - 1];
        }
    }
    return k;
}

corto_status nn_policy_imitate(nn_tape *tp, const nn_model *m,
                               const corto_problem *p,
                               const corto_solution *expert, int sym,
                               nn_real weight, double *loss, int *steps)
{
    corto_status rc = CORTO_OK;
    nn_features f;
    nn_state st;
    nn_enc e;
    unsigned char *done = NULL;
    int *nll = NULL, *ref = NULL, n_nll = 0;
    memset(&st, 0, sizeof st);
    memset(&f, 0, sizeof f);
    *loss = 0;
    *steps = 0;
    nn_tape_reset(tp);
    CORTO_TRY(nn_features_build(&f, &m->cfg, p, sym));
    CORTO_TRY(nn_state_init(&st, p, &f));
    CORTO_ALLOC(done, expert->n_routes);
    CORTO_ALLOC(nll, 2 * p->n_nodes + 2);
    CORTO_ALLOC(ref, 2 * expert->n_routes + 1);
    int reversible = nn_reversible(p, f.prof);
    nn_encode(tp, m, &f, &e);
    /* At a depot step the policy is taught every correct start, and the
     * pass then follows the route it rates most likely, in the direction
     * that start implies: the states greedy decoding meets. */
    int route = -1, rev = 0, pos = 0;
    while (st.n_left > 0) {
        nn_state_mask(&st);
        size_t n_ref = (size_t)(2 * expert->n_routes + 1);
        int *idx = nn_arena_bytes(tp, n_ref * sizeof(int));
        unsigned char *mask = nn_arena_bytes(tp, (size_t)st.n);
        if (!idx || !mask || !ref)
            break;
        int n_idx = 1;
        if (st.route_len == 0) {
            n_idx = nn_route_starts(idx, ref, expert, done, reversible);
            if (n_idx == 0) {
                rc = CORTO_ERR_ARGUMENT; /* the expert misses clients */
                goto cleanup;
            }
        } else if (pos < expert->route_len[route]) {
            int len = expert->route_len[route];
            idx[0] = expert->routes[route][rev ? len - 1 - pos : pos];
            pos++;
        } else {
            idx[0] = st.depot;
        }
        memcpy(mask, st.mask, (size_t)st.n);
        for (int k = 0; k < n_idx; k++) {
            if (st.visited[idx[k]] && idx[k] != st.depot) {
                rc = CORTO_ERR_ARGUMENT; /* a client served twice */
                goto cleanup;
            }
            mask[idx[k]] = 0; /* the expert's choice is always allowed */
        }
        int lp = nn_step(tp, m, &f, &e, &st, mask);
        nll[n_nll++] = nn_nll_set(tp, lp, idx, n_idx);
        int action = idx[0];
        if (st.route_len == 0 && lp >= 0) {
            int best = 0;
            for (int k = 1; k < n_idx; k++)
                if (nn_t(tp, lp)->v[idx[k]] > nn_t(tp, lp)->v[idx[best]])
                    best = k;
            action = idx[best];
            route = ref[best] / 2;
            rev = ref[best] % 2;
            done[route] = 1;
            pos = 1;
        }
        nn_state_step(&st, action);
    }
    CORTO_TRY(nn_tape_status(tp));
    for (int k = 0; k < n_nll; k++) {
        *loss += (double)nn_t(tp, nll[k])->v[0];
        nn_seed(tp, nll[k], weight / (nn_real)n_nll);
    }
    nn_backward(tp);
    *loss /= n_nll > 0 ? n_nll : 1;
    *steps = n_nll;
cleanup:
    free(done);
    free(nll);
    free(ref);
    nn_state_free(&st);
    nn_features_free(&f);
    return rc;
}

/* The cost a sampled solution is judged by: its cost, doubled when it is
 * infeasible (the decoder always completes, so this only happens when
 * the fleet or a time window cannot be met). */
static double nn_sample_cost(const corto_solution *s)
{
    double c = (double)s->cost;
    return s->status == CORTO_SOLUTION_FEASIBLE ? c : 2 * c + 1;
}

corto_status nn_policy_reinforce(nn_tape *tp, const nn_model *m,
                                 const corto_problem *p, int samples,
                                 int starts, int sym, rng *r, nn_real weight,
                                 double *mean_cost, double *min_cost)
{
    corto_status rc = CORTO_OK;
    nn_features f;
    nn_state st;
    nn_enc e;
    corto_solution *cand = NULL;
    int *nll = NULL, *first = NULL, *start = NULL, n_start = 0;
    double *cost = NULL;
    memset(&st, 0, sizeof st);
    memset(&f, 0, sizeof f);
    *mean_cost = *min_cost = 0;
    if (samples < 2)
        return CORTO_ERR_ARGUMENT;
    nn_tape_reset(tp);
    CORTO_TRY(nn_features_build(&f, &m->cfg, p, sym));
    CORTO_TRY(nn_state_init(&st, p, &f));
    CORTO_TRY(corto_solution_create(&cand, p));
    /* a decoding takes at most one step per client and one per route */
    int max_steps = 2 * p->n_nodes + 2, n_nll = 0;
    CORTO_ALLOC(nll, (size_t)samples * (size_t)max_steps);
    CORTO_ALLOC(first, samples + 1);
    CORTO_ALLOC(cost, samples);
    nn_encode(tp, m, &f, &e);
    CORTO_TRY(nn_tape_status(tp));
    if (starts) {
        CORTO_ALLOC(start, samples);
        n_start = nn_first_choices(tp, m, &f, &e, &st, samples, start);
        if (n_start < 0)
            CORTO_TRY(nn_tape_status(tp));
    }
    double sum = 0;
    for (int k = 0; k < samples; k++) {
        first[k] = n_nll;
        if (k < n_start) { /* a given first client: no gradient for it */
            nn_state_reset(&st);
            nn_state_step(&st, start[k]);
            CORTO_TRY(nn_decode_rest(tp, m, &f, &e, &st, r, nll, &n_nll));
        } else {
            CORTO_TRY(nn_decode(tp, m, &f, &e, &st, r, nll, &n_nll));
        }
        solution_clear(cand);
        CORTO_TRY(nn_state_solution(&st, cand));
        route_eval_solution(cand);
        cost[k] = nn_sample_cost(cand);
        sum += cost[k];
        if (k == 0 || cost[k] < *min_cost)
            *min_cost = cost[k];
    }
    first[samples] = n_nll;
    double mean = sum / samples;
    *mean_cost = mean;
    /* d/dθ of weight * mean_k adv_k * sum_t log p_t, with the advantage
     * relative to the mean so instances of any scale weigh alike; each
     * nll node is -log p, hence the minus sign. */
    for (int k = 0; k < samples && mean > 0; k++) {
        double adv = (cost[k] - mean) / mean;
        for (int t = first[k]; t < first[k + 1]; t++)
            nn_seed(tp, nll[t], (nn_real)(-(double)weight * adv / samples));
    }
    nn_backward(tp);
cleanup:
    corto_solution_destroy(cand);
    free(nll);
    free(first);
    free(start);
    free(cost);
    nn_state_free(&st);
    nn_features_free(&f);
    return rc;
}
