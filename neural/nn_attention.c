/*
 * nn_attention.c — multi-head scaled dot-product attention (Vaswani et al.
 * 2017) with a learned distance bias in the scores, as RRNCO biases
 * attention with real distances: head h adds coef[h] times an outgoing
 * distance matrix (first half of the heads) or an incoming one (second
 * half), so both directions of an asymmetric matrix are seen. One fused
 * operation with a hand-written backward pass; the probabilities are kept
 * for it.
 */
#include "nn_tape.h"

#include <math.h>

/* The bias matrix head h reads (NULL: none): the outgoing matrix for the
 * first half of the heads, the incoming one (when given) for the rest. */
static const nn_real *attn_bias(const nn_tensor *o, int h)
{
    int outgoing = o->iarg < 2 || h < o->iarg / 2 || !o->c1;
    return outgoing ? o->c0 : o->c1;
}

/* aux holds the probabilities (heads * nq * nk) then nk of scratch. */
typedef struct attn_dims {
    int nq, nk, d, heads, dh;
    nn_real scale;
} attn_dims;

static attn_dims attn_dims_of(const nn_tape *tp, const nn_tensor *o)
{
    attn_dims a;
    a.nq = o->rows;
    a.d = o->cols;
    a.nk = tp->t[o->in[1]].rows;
    a.heads = o->iarg;
    a.dh = a.d / a.heads;
    a.scale = (nn_real)(1.0 / sqrt((double)a.dh));
    return a;
}

/* out[0..dh) += sum over j of p[j] * v[j * d + 0..dh), in j order for
 * every entry (restrict lets the compiler vectorise over the entries
 * without changing any sum). */
static inline void attn_mix(nn_real *restrict out, const nn_real *restrict p,
                            const nn_real *restrict v, int nk, int d, int dh)
{
    for (int j = 0; j < nk; j++) {
        nn_real pj = p[j];
        if (pj == 0)
            continue;
        const nn_real *restrict vj = v + (size_t)j * (size_t)d;
        for (int c = 0; c < dh; c++)
            out[c] += pj * vj[c];
    }
}

/*
 * Scores of one query against every key of a head at once: sc[j] =
 * nn_dot(q, key j, dh) for dh a multiple of 8, from the head's keys
 * transposed (kt[c * nk + j]). The eight partial sums of nn_dot are kept
 * per key (part[l * nk + j]) and combined in nn_dot's order, so each
 * score is bit-identical to nn_dot's while the loops run over keys,
 * which vectorises where a 16-entry dot product does not.
 */
static inline void attn_scores(nn_real *restrict sc, nn_real *restrict part,
                               const nn_real *q, const nn_real *restrict kt,
                               int nk, int dh)
{
    for (int c = 0; c < dh; c++) {
        nn_real x = q[c];
        nn_real *restrict pl = part + (size_t)(c % 8) * (size_t)nk;
        const nn_real *restrict row = kt + (size_t)c * (size_t)nk;
        if (c < 8) /* nn_dot starts each partial sum at zero */
            for (int j = 0; j < nk; j++)
                pl[j] = (nn_real)0 + x * row[j];
        else
            for (int j = 0; j < nk; j++)
                pl[j] += x * row[j];
    }
    const nn_real *s0 = part, *s1 = s0 + nk, *s2 = s1 + nk, *s3 = s2 + nk;
    const nn_real *s4 = s3 + nk, *s5 = s4 + nk, *s6 = s5 + nk, *s7 = s6 + nk;
    for (int j = 0; j < nk; j++)
        sc[j] = ((s0[j] + s4[j]) + (s1[j] + s5[j])) +
                ((s2[j] + s6[j]) + (s3[j] + s7[j]));
}

NN_HOT static void bw_attention(nn_tape *tp, const nn_tensor *o)
{
    attn_dims a = attn_dims_of(tp, o);
    nn_tensor *q = &tp->t[o->in[0]], *k = &tp->t[o->in[1]],
              *v = &tp->t[o->in[2]];
    nn_tensor *coef = o->in3 >= 0 ? &tp->t[o->in3] : NULL;
    nn_real *ds = o->aux + (size_t)a.heads * (size_t)a.nq * (size_t)a.nk;
    for (int h = 0; h < a.heads; h++) {
        const nn_real *bias = attn_bias(o, h);
        int c0 = h * a.dh;
        for (int i = 0; i < a.nq; i++) {
            const nn_real *p =
                o->aux + ((size_t)h * (size_t)a.nq + (size_t)i) * (size_t)a.nk;
            const nn_real *dout = o->g + (size_t)i * (size_t)a.d + (size_t)c0;
            nn_real dot = 0;
            for (int j = 0; j < a.nk; j++) {
                const nn_real *vj = v->v + (size_t)j * (size_t)a.d + c0;
                nn_real dp = nn_dot(dout, vj, a.dh);
                ds[j] = dp;
                dot += p[j] * dp;
                if (v->g && p[j] != 0) {
                    nn_real *gv = v->g + (size_t)j * (size_t)a.d + c0;
                    for (int c = 0; c < a.dh; c++)
                        gv[c] += p[j] * dout[c];
                }
            }
            const nn_real *qi = q->v + (size_t)i * (size_t)a.d + c0;
            nn_real *gq = q->g ? q->g + (size_t)i * (size_t)a.d + c0 : NULL;
            for (int j = 0; j < a.nk; j++) {
                if (p[j] == 0)
                    continue;
                nn_real s = p[j] * (ds[j] - dot);
                if (coef && coef->g && bias)
                    coef->g[h] += s * bias[(size_t)i * (size_t)a.nk + j];
                nn_real ss = s * a.scale;
                const nn_real *kj = k->v + (size_t)j * (size_t)a.d + c0;
                if (gq)
                    for (int c = 0; c < a.dh; c++)
                        gq[c] += ss * kj[c];
                if (k->g) {
                    nn_real *gk = k->g + (size_t)j * (size_t)a.d + c0;
                    for (int c = 0; c < a.dh; c++)
                        gk[c] += ss * qi[c];
                }
            }
        }
    }
}

NN_HOT int nn_attention(nn_tape *tp, int q, int k, int v, int heads, int coef,
                        const nn_real *bout, const nn_real *bin,
                        const unsigned char *mask)
{
    if (q < 0 || k < 0 || v < 0 || coef < -1)
        return -1;
    int nq = tp->t[q].rows, d = tp->t[q].cols, nk = tp->t[k].rows;
    int bad = heads < 1 || d % heads != 0 || tp->t[k].cols != d ||
              tp->t[v].rows != nk || tp->t[v].cols != d ||
              (bout && coef < 0) ||
              (coef >= 0 && tp->t[coef].rows * tp->t[coef].cols < heads);
    if (bad) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, nq, d, bw_attention, q, k, v);
    if (id < 0)
        return -1;
    size_t np = (size_t)heads * (size_t)nq * (size_t)nk;
    nn_real *aux = nn_tape_alloc(tp, np + (size_t)nk);
    if (!aux)
        return -1;
    nn_tensor *o = &tp->t[id];
    o->iarg = heads;
    o->aux = aux;
    o->in3 = coef;
    o->c0 = bout;
    o->c1 = bin;
    o->mask = mask;
    attn_dims a = attn_dims_of(tp, o);
    const nn_real *qv = tp->t[q].v, *kv = tp->t[k].v, *vv = tp->t[v].v;
    /* Many queries: score them against transposed keys (attn_scores). */
    nn_real *kt = NULL, *part = NULL, *sc = NULL;
    if (nq >= 8 && a.dh % 8 == 0) {
        kt = nn_tape_alloc(tp, (size_t)(a.dh + 9) * (size_t)nk);
        if (!kt)
            return -1;
        part = kt + (size_t)a.dh * (size_t)nk;
        sc = part + (size_t)8 * (size_t)nk;
    }
    for (int h = 0; h < heads; h++) {
        const nn_real *bias = bout ? attn_bias(o, h) : NULL;
        nn_real w = bias ? tp->t[coef].v[h] : 0;
        int c0 = h * a.dh;
        if (kt)
            for (int j = 0; j < nk; j++)
                for (int c = 0; c < a.dh; c++)
                    kt[(size_t)c * (size_t)nk + (size_t)j] =
                        kv[(size_t)j * (size_t)d + (size_t)(c0 + c)];
        for (int i = 0; i < nq; i++) {
            nn_real *p =
                aux + ((size_t)h * (size_t)nq + (size_t)i) * (size_t)nk;
            const unsigned char *mk =
                mask ? mask + (size_t)i * (size_t)nk : NULL;
            const nn_real *qi = qv + (size_t)i * (size_t)d + c0;
            double mx = -HUGE_VAL;
            if (kt)
                attn_scores(sc, part, qi, kt, nk, a.dh);
            for (int j = 0; j < nk; j++) {
                if (mk && mk[j])
                    continue;
                const nn_real *kj = kv + (size_t)j * (size_t)d + c0;
                nn_real s = (kt ? sc[j] : nn_dot(qi, kj, a.dh)) * a.scale;
                if (bias)
                    s += w * bias[(size_t)i * (size_t)nk + (size_t)j];
                p[j] = s;
                if (s > mx)
                    mx = s;
            }
            if (mx == -HUGE_VAL)
                continue; /* every key blocked: zeros */
            double sum = 0;
            nn_real top = (nn_real)mx;
            for (int j = 0; j < nk; j++) {
                p[j] = (!mk || !mk[j]) ? NN_EXP(p[j] - top) : 0;
                sum += (double)p[j];
            }
            nn_real inv = (nn_real)(1.0 / sum);
            for (int j = 0; j < nk; j++)
                p[j] *= inv;
            attn_mix(o->v + (size_t)i * (size_t)d + c0, p, vv + c0, nk, d,
                     a.dh);
        }
    }
    return id;
}
