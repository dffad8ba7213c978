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
#include <string.h>

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
NN_HOT static void attn_mix(nn_real *restrict out, const nn_real *restrict p,
                            const nn_real *restrict v, int nk, int d, int dh)
{
    if (dh == 16) { /* the shipped shape: the sums stay in registers */
        nn_real acc[16];
        for (int c = 0; c < 16; c++)
            acc[c] = out[c];
        for (int j = 0; j < nk; j++) {
            nn_real pj = p[j];
            if (pj == 0)
                continue;
            const nn_real *restrict vj = v + (size_t)j * (size_t)d;
            for (int c = 0; c < 16; c++)
                acc[c] += pj * vj[c];
        }
        for (int c = 0; c < 16; c++)
            out[c] = acc[c];
        return;
    }
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
 * p[0..nk) <- the softmax of the scores in p over the keys mask (may be
 * NULL) leaves open, zero on the blocked ones. Branch-free loops with
 * eight partial sums in a fixed order, so they vectorise and give the
 * same result on every machine. 0 when every key is blocked (p zeroed).
 */
NN_HOT static int attn_softmax(nn_real *restrict p, const unsigned char *mk,
                               int nk)
{
    const nn_real lowest = -(nn_real)HUGE_VAL;
    int open = nk;
    int j;
    if (mk) { /* blocked keys score -inf here, 0 after the exp */
        for (j = 0; j < nk; j++) {
            open -= mk[j] != 0;
            p[j] = mk[j] ? lowest : p[j];
        }
    }
    nn_real m8[8] = {lowest, lowest, lowest, lowest,
                     lowest, lowest, lowest, lowest};
    for (j = 0; j + 8 <= nk; j += 8)
        for (int l = 0; l < 8; l++)
            m8[l] = p[j + l] > m8[l] ? p[j + l] : m8[l];
    nn_real mx = lowest;
    for (int l = 0; l < 8; l++)
        mx = m8[l] > mx ? m8[l] : mx;
    for (; j < nk; j++)
        mx = p[j] > mx ? p[j] : mx;
    if (!open) {
        for (j = 0; j < nk; j++)
            p[j] = 0;
        return 0;
    }
    for (j = 0; j < nk; j++)
        p[j] = NN_EXP(p[j] - mx);
    if (mk)
        for (j = 0; j < nk; j++)
            p[j] = mk[j] ? 0 : p[j];
    nn_real s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (j = 0; j + 8 <= nk; j += 8)
        for (int l = 0; l < 8; l++)
            s[l] += p[j + l];
    nn_real sum =
        ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
    for (; j < nk; j++)
        sum += p[j];
    nn_real inv = 1 / sum;
    for (j = 0; j < nk; j++)
        p[j] *= inv;
    return 1;
}

/*
 * Scores of one query against every key of a head: sc[j] = sum over c of
 * q[c] * kt[c * nk + j], the head's keys transposed, each sum in c order.
 * Blocks of ATTN_BLOCK keys keep their sums in registers across c; the
 * keys after the last block add in the same order, so every score is
 * the same wherever its key falls.
 */
#define ATTN_BLOCK 32
static inline void attn_scores(nn_real *restrict sc, const nn_real *q,
                               const nn_real *restrict kt, int nk, int dh)
{
    int j0 = 0;
    for (; j0 + ATTN_BLOCK <= nk; j0 += ATTN_BLOCK) {
        nn_real acc[ATTN_BLOCK];
        for (int l = 0; l < ATTN_BLOCK; l++)
            acc[l] = 0;
        for (int c = 0; c < dh; c++) {
            nn_real x = q[c];
            const nn_real *restrict row = kt + (size_t)c * (size_t)nk + j0;
            for (int l = 0; l < ATTN_BLOCK; l++)
                acc[l] += x * row[l];
        }
        for (int l = 0; l < ATTN_BLOCK; l++)
            sc[j0 + l] = acc[l];
    }
    for (int j = j0; j < nk; j++)
        sc[j] = 0;
    for (int c = 0; c < dh; c++) {
        nn_real x = q[c];
        const nn_real *restrict row = kt + (size_t)c * (size_t)nk;
        for (int j = j0; j < nk; j++)
            sc[j] += x * row[j];
    }
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
    /* the probabilities are kept for the backward pass only; without
     * gradients one row of scratch serves every query and head */
    int keep = tp->grad;
    size_t np = keep ? (size_t)heads * (size_t)nq * (size_t)nk : (size_t)nk;
    nn_real *aux = nn_tape_alloc(tp, np + (size_t)nk);
    if (!aux)
        return -1;
    nn_tensor *o = &tp->t[id];
    memset(o->v, 0, (size_t)nq * (size_t)d * sizeof(nn_real));
    o->iarg = heads;
    o->aux = aux;
    o->in3 = coef;
    o->c0 = bout;
    o->c1 = bin;
    o->mask = mask;
    attn_dims a = attn_dims_of(tp, o);
    const nn_real *qv = tp->t[q].v, *kv = tp->t[k].v, *vv = tp->t[v].v;
    /* Queries are scored against the keys transposed (attn_scores):
     * the head's rows of the kept copy, or of one made here. */
    const nn_real *kept = tp->t[k].vt, *kt = kept;
    nn_real *own = kept ? NULL : nn_tape_alloc(tp, (size_t)a.dh * (size_t)nk);
    if (!kept && !own)
        return -1;
    for (int h = 0; h < heads; h++) {
        const nn_real *bias = bout ? attn_bias(o, h) : NULL;
        nn_real w = bias ? tp->t[coef].v[h] : 0;
        int c0 = h * a.dh;
        if (kept) {
            kt = kept + (size_t)c0 * (size_t)nk;
        } else {
            for (int j = 0; j < nk; j++)
                for (int c = 0; c < a.dh; c++)
                    own[(size_t)c * (size_t)nk + (size_t)j] =
                        kv[(size_t)j * (size_t)d + (size_t)(c0 + c)];
            kt = own;
        }
        for (int i = 0; i < nq; i++) {
            nn_real *p =
                keep ? aux + ((size_t)h * (size_t)nq + (size_t)i) * (size_t)nk
                     : aux;
            const unsigned char *mk =
                mask ? mask + (size_t)i * (size_t)nk : NULL;
            attn_scores(p, qv + (size_t)i * (size_t)d + c0, kt, nk, a.dh);
            for (int j = 0; j < nk; j++)
                p[j] *= a.scale;
            if (bias) {
                const nn_real *bi = bias + (size_t)i * (size_t)nk;
                for (int j = 0; j < nk; j++)
                    p[j] += w * bi[j];
            }
            if (!attn_softmax(p, mk, nk))
                continue; /* every key blocked: zeros */
            attn_mix(o->v + (size_t)i * (size_t)d + c0, p, vv + c0, nk, d,
                     a.dh);
        }
    }
    return id;
}

void nn_keep_transposed(nn_tape *tp, int a)
{
    if (a < 0)
        return;
    int m = tp->t[a].rows, n = tp->t[a].cols;
    nn_real *vt = nn_tape_alloc(tp, (size_t)m * (size_t)n);
    if (!vt)
        return;
    const nn_real *v = tp->t[a].v;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            vt[(size_t)j * (size_t)m + (size_t)i] =
                v[(size_t)i * (size_t)n + (size_t)j];
    tp->t[a].vt = vt;
}
