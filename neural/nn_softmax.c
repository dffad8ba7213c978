/*
 * nn_softmax.c — the pointer's output side: tanh clipping of logits (Bello
 * et al. 2016, used by Kool et al. 2019 with C = 10), masked log-softmax
 * over the feasible actions, and the cross-entropy of an expert step whose
 * action may be any of a set of equivalent ones.
 */
#include "nn_tape.h"

#include <math.h>

#define NN_MASKED ((nn_real)-1e30)

static void bw_tanh_clip(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]];
    if (!a->g)
        return;
    size_t size = (size_t)o->rows * (size_t)o->cols;
    for (size_t e = 0; e < size; e++) {
        nn_real th = o->v[e] / o->farg;
        a->g[e] += o->g[e] * o->farg * (1 - th * th);
    }
}

int nn_tanh_clip(nn_tape *tp, int a, nn_real c, const unsigned char *mask)
{
    if (a < 0)
        return -1;
    int id =
        nn_push(tp, tp->t[a].rows, tp->t[a].cols, bw_tanh_clip, a, -1, -1);
    if (id < 0)
        return -1;
    tp->t[id].farg = c;
    size_t size = (size_t)tp->t[a].rows * (size_t)tp->t[a].cols;
    for (size_t e = 0; e < size; e++)
        tp->t[id].v[e] = c * NN_TANH(tp->t[a].v[e]);
    if (mask)
        for (size_t e = 0; e < size; e++)
            tp->t[id].v[e] = mask[e] ? 0 : tp->t[id].v[e];
    return id;
}

/* d logp_j / d a_k = [j = k] - p_k over the unmasked entries. */
static void bw_log_softmax(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]];
    if (!a->g)
        return;
    int n = o->cols;
    for (int i = 0; i < o->rows; i++) {
        const nn_real *lp = o->v + (size_t)i * (size_t)n;
        const nn_real *g = o->g + (size_t)i * (size_t)n;
        const unsigned char *mk =
            o->mask ? o->mask + (size_t)i * (size_t)n : NULL;
        nn_real sg = 0;
        for (int j = 0; j < n; j++)
            if (!mk || !mk[j])
                sg += g[j];
        nn_real *da = a->g + (size_t)i * (size_t)n;
        for (int j = 0; j < n; j++)
            if (!mk || !mk[j])
                da[j] += g[j] - NN_EXP(lp[j]) * sg;
    }
}

int nn_log_softmax(nn_tape *tp, int a, const unsigned char *mask)
{
    if (a < 0)
        return -1;
    int m = tp->t[a].rows, n = tp->t[a].cols;
    int id = nn_push(tp, m, n, bw_log_softmax, a, -1, -1);
    if (id < 0)
        return -1;
    nn_tensor *o = &tp->t[id];
    o->mask = mask;
    for (int i = 0; i < m; i++) {
        const nn_real *x = tp->t[a].v + (size_t)i * (size_t)n;
        const unsigned char *mk = mask ? mask + (size_t)i * (size_t)n : NULL;
        nn_real *y = o->v + (size_t)i * (size_t)n;
        double mx = -HUGE_VAL;
        for (int j = 0; j < n; j++)
            if ((!mk || !mk[j]) && x[j] > mx)
                mx = x[j];
        double s = 0;
        for (int j = 0; j < n; j++)
            if (!mk || !mk[j])
                s += (double)NN_EXP(x[j] - (nn_real)mx);
        double lse = mx + log(s);
        for (int j = 0; j < n; j++)
            y[j] = (!mk || !mk[j]) ? (nn_real)((double)x[j] - lse) : NN_MASKED;
    }
    return id;
}

/* d(-log sum_t p_t)/d logp_t = -p_t / sum_s p_s for t in the set. */
static void bw_nll_set(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *lp = &tp->t[o->in[0]];
    if (!lp->g)
        return;
    double mx = -HUGE_VAL, s = 0;
    for (int k = 0; k < o->iarg; k++)
        if (lp->v[o->idx[k]] > mx)
            mx = lp->v[o->idx[k]];
    for (int k = 0; k < o->iarg; k++)
        s += exp((double)lp->v[o->idx[k]] - mx);
    for (int k = 0; k < o->iarg; k++) {
        int t = o->idx[k];
        lp->g[t] -= o->g[0] * (nn_real)(exp((double)lp->v[t] - mx) / s);
    }
}

int nn_nll_set(nn_tape *tp, int logp, const int *idx, int n_idx)
{
    if (logp < 0)
        return -1;
    int n = tp->t[logp].cols;
    int bad = tp->t[logp].rows != 1 || n_idx < 1;
    for (int k = 0; k < n_idx && !bad; k++)
        bad = idx[k] < 0 || idx[k] >= n;
    /* Indices must be distinct for the sum to be a probability. */
    for (int k = 0; k < n_idx && !bad; k++)
        for (int l = 0; l < k && !bad; l++)
            bad = idx[k] == idx[l];
    if (bad) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, 1, 1, bw_nll_set, logp, -1, -1);
    if (id < 0)
        return -1;
    nn_tensor *o = &tp->t[id];
    o->idx = idx;
    o->iarg = n_idx;
    const nn_real *v = tp->t[logp].v;
    double mx = -HUGE_VAL, s = 0;
    for (int k = 0; k < n_idx; k++)
        if (v[idx[k]] > mx)
            mx = v[idx[k]];
    for (int k = 0; k < n_idx; k++)
        s += exp((double)v[idx[k]] - mx);
    o->v[0] = (nn_real)(-(mx + log(s)));
    return id;
}
