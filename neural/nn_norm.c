/*
 * nn_norm.c — layer normalisation (Ba, Kiros & Hinton 2016, "Layer
 * Normalization"): each row is centred and scaled to unit variance, then
 * multiplied by a learned gain and shifted by a learned bias.
 */
#include "nn_tape.h"

#include <math.h>

#define NN_LN_EPS ((nn_real)1e-5)

/* aux holds x-hat (rows * cols) then 1/sigma per row. */
static void bw_layernorm(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *x = &tp->t[o->in[0]], *gain = &tp->t[o->in[1]],
              *bias = &tp->t[o->in[2]];
    int m = o->rows, n = o->cols;
    const nn_real *xhat = o->aux, *rstd = o->aux + (size_t)m * (size_t)n;
    for (int i = 0; i < m; i++) {
        const nn_real *dy = o->g + (size_t)i * (size_t)n;
        const nn_real *xh = xhat + (size_t)i * (size_t)n;
        nn_real s1 = 0, s2 = 0;
        for (int j = 0; j < n; j++) {
            nn_real dxh = dy[j] * gain->v[j];
            s1 += dxh;
            s2 += dxh * xh[j];
            if (gain->g)
                gain->g[j] += dy[j] * xh[j];
            if (bias->g)
                bias->g[j] += dy[j];
        }
        if (!x->g)
            continue;
        nn_real *dx = x->g + (size_t)i * (size_t)n;
        nn_real inv_n = (nn_real)1 / (nn_real)n;
        for (int j = 0; j < n; j++) {
            nn_real dxh = dy[j] * gain->v[j];
            dx[j] += rstd[i] * (dxh - inv_n * s1 - xh[j] * inv_n * s2);
        }
    }
}

int nn_layernorm(nn_tape *tp, int x, int gain, int bias)
{
    if (x < 0 || gain < 0 || bias < 0)
        return -1;
    int m = tp->t[x].rows, n = tp->t[x].cols;
    if (tp->t[gain].cols != n || tp->t[bias].cols != n) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, m, n, bw_layernorm, x, gain, bias);
    if (id < 0)
        return -1;
    nn_real *aux = nn_tape_alloc(tp, (size_t)m * (size_t)n + (size_t)m);
    if (!aux)
        return -1;
    nn_tensor *o = &tp->t[id];
    o->aux = aux;
    const nn_real *gv = tp->t[gain].v, *bv = tp->t[bias].v;
    for (int i = 0; i < m; i++) {
        const nn_real *xi = tp->t[x].v + (size_t)i * (size_t)n;
        nn_real mean = 0, var = 0;
        for (int j = 0; j < n; j++)
            mean += xi[j];
        mean /= (nn_real)n;
        for (int j = 0; j < n; j++)
            var += (xi[j] - mean) * (xi[j] - mean);
        var /= (nn_real)n;
        nn_real r = (nn_real)1 / (nn_real)sqrt((double)(var + NN_LN_EPS));
        aux[(size_t)m * (size_t)n + (size_t)i] = r;
        for (int j = 0; j < n; j++) {
            nn_real xh = (xi[j] - mean) * r;
            aux[(size_t)i * (size_t)n + (size_t)j] = xh;
            o->v[(size_t)i * (size_t)n + (size_t)j] = xh * gv[j] + bv[j];
        }
    }
    return id;
}
