/*
 * nn_tape.c — the tape and its arena, the backward walk, and the plain
 * tensor operations (matrix product, sums, ReLU, scaling, row selection,
 * concatenation, mean of rows). Normalisation lives in nn_norm.c,
 * attention in nn_attention.c, softmax and losses in nn_softmax.c.
 */
#include "nn_tape.h"

#include <stdlib.h>
#include <string.h>

#define NN_BLOCK_REALS ((size_t)1 << 20)

void nn_tape_init(nn_tape *tp, int grad)
{
    memset(tp, 0, sizeof *tp);
    tp->grad = grad;
}

void nn_tape_free(nn_tape *tp)
{
    if (!tp)
        return;
    for (int b = 0; b < tp->n_blocks; b++)
        free(tp->blocks[b]);
    free(tp->blocks);
    free(tp->block_size);
    free(tp->t);
    memset(tp, 0, sizeof *tp);
}

void nn_tape_reset(nn_tape *tp)
{
    tp->n = 0;
    tp->cur_block = 0;
    tp->used = 0;
    tp->err = CORTO_OK;
}

nn_mark nn_tape_mark(const nn_tape *tp)
{
    nn_mark m = {tp->n, tp->cur_block, tp->used};
    return m;
}

void nn_tape_rewind(nn_tape *tp, nn_mark m)
{
    tp->n = m.n;
    tp->cur_block = m.cur_block;
    tp->used = m.used;
}

corto_status nn_tape_status(const nn_tape *tp)
{
    return tp->err;
}

/* Arena allocation, not initialised: the current block if it has room,
 * else the next block that does (allocated on first use; blocks are kept
 * across resets). */
static nn_real *nn_tape_alloc_raw(nn_tape *tp, size_t n)
{
    if (n == 0)
        n = 1;
    while (tp->cur_block < tp->n_blocks) {
        if (tp->used + n <= tp->block_size[tp->cur_block]) {
            nn_real *p = tp->blocks[tp->cur_block] + tp->used;
            tp->used += n;
            return p;
        }
        tp->cur_block++;
        tp->used = 0;
    }
    size_t size = n > NN_BLOCK_REALS ? n : NN_BLOCK_REALS;
    nn_real **blocks =
        realloc(tp->blocks, (size_t)(tp->n_blocks + 1) * sizeof *blocks);
    if (!blocks)
        goto fail;
    tp->blocks = blocks;
    size_t *sizes =
        realloc(tp->block_size, (size_t)(tp->n_blocks + 1) * sizeof *sizes);
    if (!sizes)
        goto fail;
    tp->block_size = sizes;
    /* not calloc: a short-lived tape never clears (or touches) the part
     * of a 4 MB block it does not use */
    tp->blocks[tp->n_blocks] = malloc(size * sizeof(nn_real));
    if (!tp->blocks[tp->n_blocks])
        goto fail;
    tp->block_size[tp->n_blocks] = size;
    tp->cur_block = tp->n_blocks++;
    tp->used = n;
    return tp->blocks[tp->cur_block];
fail:
    tp->err = CORTO_ERR_NOMEM;
    return NULL;
}

nn_real *nn_tape_alloc(nn_tape *tp, size_t n)
{
    nn_real *p = nn_tape_alloc_raw(tp, n);
    if (p)
        memset(p, 0, (n ? n : 1) * sizeof *p);
    return p;
}

/* A new tensor record (no storage yet). */
static int nn_new(nn_tape *tp)
{
    if (tp->err != CORTO_OK)
        return -1;
    if (tp->n == tp->cap) {
        int cap = tp->cap ? 2 * tp->cap : 256;
        nn_tensor *t = realloc(tp->t, (size_t)cap * sizeof *t);
        if (!t) {
            tp->err = CORTO_ERR_NOMEM;
            return -1;
        }
        tp->t = t;
        tp->cap = cap;
    }
    nn_tensor *t = &tp->t[tp->n];
    memset(t, 0, sizeof *t);
    t->in[0] = t->in[1] = t->in[2] = t->in3 = -1;
    return tp->n++;
}

int nn_leaf(nn_tape *tp, int rows, int cols, nn_real *v, nn_real *g)
{
    int id = nn_new(tp);
    if (id < 0)
        return -1;
    nn_tensor *t = &tp->t[id];
    t->rows = rows;
    t->cols = cols;
    t->v = v;
    t->g = tp->grad ? g : NULL;
    return id;
}

int nn_input(nn_tape *tp, int rows, int cols)
{
    nn_real *v = nn_tape_alloc(tp, (size_t)rows * (size_t)cols);
    if (!v)
        return -1;
    return nn_leaf(tp, rows, cols, v, NULL);
}

int nn_push(nn_tape *tp, int rows, int cols, nn_backward_fn bw, int a, int b,
            int c)
{
    if (a < -1 || b < -1 || c < -1 || tp->err != CORTO_OK)
        return -1;
    int ins[3] = {a, b, c};
    int id = nn_new(tp);
    if (id < 0)
        return -1;
    size_t size = (size_t)rows * (size_t)cols;
    nn_real *v = nn_tape_alloc_raw(tp, size);
    nn_real *g = tp->grad ? nn_tape_alloc(tp, size) : NULL;
    if (!v || (tp->grad && !g))
        return -1;
    nn_tensor *t = &tp->t[id];
    t->rows = rows;
    t->cols = cols;
    t->v = v;
    t->g = g;
    t->backward = bw;
    memcpy(t->in, ins, sizeof ins);
    return id;
}

void nn_seed(nn_tape *tp, int loss, nn_real weight)
{
    if (loss >= 0 && tp->t[loss].g)
        tp->t[loss].g[0] += weight;
}

void nn_backward(nn_tape *tp)
{
    for (int id = tp->n - 1; id >= 0; id--)
        if (tp->t[id].backward && tp->t[id].g)
            tp->t[id].backward(tp, &tp->t[id]);
}

/* ---- matrix product ------------------------------------------------- */

/* out[m,n] += a[m,k] b[k,n] (bt = 0) or a[m,k] b[n,k]^T (bt = 1). */
/* o[0..B) += sum over p of a[p] * b[p * n + 0..B), B = NN_GEMM_BLOCK,
 * with the B sums held in registers across p: each entry still adds its
 * terms in p order, so the result is the plain loop's. */
#define NN_GEMM_BLOCK 32
static inline void nn_gemm_block(nn_real *restrict o, const nn_real *a,
                                 const nn_real *restrict b, int k, int n)
{
    nn_real acc[NN_GEMM_BLOCK];
    for (int j = 0; j < NN_GEMM_BLOCK; j++)
        acc[j] = o[j];
    for (int p = 0; p < k; p++) {
        nn_real x = a[p];
        const nn_real *restrict bp = b + (size_t)p * (size_t)n;
        for (int j = 0; j < NN_GEMM_BLOCK; j++)
            acc[j] += x * bp[j];
    }
    for (int j = 0; j < NN_GEMM_BLOCK; j++)
        o[j] = acc[j];
}

NN_HOT static void nn_gemm(nn_real *out, const nn_real *a, const nn_real *b,
                           int m, int k, int n, int bt)
{
    for (int i = 0; i < m; i++) {
        nn_real *o = out + (size_t)i * (size_t)n;
        const nn_real *ai = a + (size_t)i * (size_t)k;
        if (bt) {
            for (int j = 0; j < n; j++)
                o[j] += nn_dot(ai, b + (size_t)j * (size_t)k, k);
        } else {
            int j0 = 0;
            for (; j0 + NN_GEMM_BLOCK <= n; j0 += NN_GEMM_BLOCK)
                nn_gemm_block(o + j0, ai, b + j0, k, n);
            for (int p = 0; p < k; p++) {
                nn_real x = ai[p];
                const nn_real *bp = b + (size_t)p * (size_t)n;
                for (int j = j0; j < n; j++)
                    o[j] += x * bp[j];
            }
        }
    }
}

NN_HOT static void bw_matmul(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]], *b = &tp->t[o->in[1]];
    int m = a->rows, k = a->cols, n = o->cols, bt = o->iarg;
    if (a->g) /* dA = dO B^T (bt = 0) or dO B (bt = 1) */
        nn_gemm(a->g, o->g, b->v, m, n, k, !bt);
    if (b->g) {
        if (bt) { /* dB[n,k] = dO^T A */
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    nn_real d = o->g[(size_t)i * (size_t)n + (size_t)j];
                    const nn_real *ai = a->v + (size_t)i * (size_t)k;
                    nn_real *bj = b->g + (size_t)j * (size_t)k;
                    for (int p = 0; p < k; p++)
                        bj[p] += d * ai[p];
                }
        } else { /* dB[k,n] = A^T dO */
            for (int i = 0; i < m; i++)
                for (int p = 0; p < k; p++) {
                    nn_real x = a->v[(size_t)i * (size_t)k + (size_t)p];
                    const nn_real *oi = o->g + (size_t)i * (size_t)n;
                    nn_real *bp = b->g + (size_t)p * (size_t)n;
                    for (int j = 0; j < n; j++)
                        bp[j] += x * oi[j];
                }
        }
    }
}

int nn_matmul(nn_tape *tp, int a, int b, int trans_b)
{
    if (a < 0 || b < 0)
        return -1;
    int m = tp->t[a].rows, k = tp->t[a].cols;
    int n = trans_b ? tp->t[b].rows : tp->t[b].cols;
    int kb = trans_b ? tp->t[b].cols : tp->t[b].rows;
    if (k != kb) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, m, n, bw_matmul, a, b, -1);
    if (id < 0)
        return -1;
    tp->t[id].iarg = trans_b;
    memset(tp->t[id].v, 0, (size_t)m * (size_t)n * sizeof(nn_real));
    nn_gemm(tp->t[id].v, tp->t[a].v, tp->t[b].v, m, k, n, trans_b);
    return id;
}

/* ---- sums ------------------------------------------------------------ */

static void bw_add(nn_tape *tp, const nn_tensor *o)
{
    size_t size = (size_t)o->rows * (size_t)o->cols;
    for (int s = 0; s < 2; s++) {
        nn_tensor *x = &tp->t[o->in[s]];
        if (x->g)
            for (size_t e = 0; e < size; e++)
                x->g[e] += o->g[e];
    }
}

int nn_add(nn_tape *tp, int a, int b)
{
    if (a < 0 || b < 0)
        return -1;
    if (tp->t[a].rows != tp->t[b].rows || tp->t[a].cols != tp->t[b].cols) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, tp->t[a].rows, tp->t[a].cols, bw_add, a, b, -1);
    if (id < 0)
        return -1;
    size_t size = (size_t)tp->t[a].rows * (size_t)tp->t[a].cols;
    for (size_t e = 0; e < size; e++)
        tp->t[id].v[e] = tp->t[a].v[e] + tp->t[b].v[e];
    return id;
}

static void bw_add_row(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]], *r = &tp->t[o->in[1]];
    for (int i = 0; i < o->rows; i++)
        for (int j = 0; j < o->cols; j++) {
            nn_real d = o->g[(size_t)i * (size_t)o->cols + (size_t)j];
            if (a->g)
                a->g[(size_t)i * (size_t)o->cols + (size_t)j] += d;
            if (r->g)
                r->g[j] += d;
        }
}

int nn_add_row(nn_tape *tp, int a, int row)
{
    if (a < 0 || row < 0)
        return -1;
    int m = tp->t[a].rows, n = tp->t[a].cols;
    if (tp->t[row].rows != 1 || tp->t[row].cols != n) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, m, n, bw_add_row, a, row, -1);
    if (id < 0)
        return -1;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            tp->t[id].v[(size_t)i * (size_t)n + (size_t)j] =
                tp->t[a].v[(size_t)i * (size_t)n + (size_t)j] +
                tp->t[row].v[j];
    return id;
}

/* x w + b as one operation: the product's backward pass, then the
 * bias's gradient, the sum of the output's over its rows. */
static void bw_linear(nn_tape *tp, const nn_tensor *o)
{
    bw_matmul(tp, o);
    nn_tensor *b = &tp->t[o->in[2]];
    if (b->g)
        for (int i = 0; i < o->rows; i++)
            for (int j = 0; j < o->cols; j++)
                b->g[j] += o->g[(size_t)i * (size_t)o->cols + (size_t)j];
}

int nn_linear(nn_tape *tp, int x, int w, int b)
{
    if (x < 0 || w < 0 || b < 0)
        return -1;
    int m = tp->t[x].rows, k = tp->t[x].cols, n = tp->t[w].cols;
    if (tp->t[w].rows != k || tp->t[b].rows != 1 || tp->t[b].cols != n) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id = nn_push(tp, m, n, bw_linear, x, w, b);
    if (id < 0)
        return -1;
    nn_real *o = tp->t[id].v;
    /* each output starts at its bias; the product adds onto it */
    for (int i = 0; i < m; i++)
        memcpy(o + (size_t)i * (size_t)n, tp->t[b].v,
               (size_t)n * sizeof(nn_real));
    nn_gemm(o, tp->t[x].v, tp->t[w].v, m, k, n, 0);
    return id;
}

static void bw_add_scaled(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]], *w = &tp->t[o->in[1]];
    size_t size = (size_t)o->rows * (size_t)o->cols;
    nn_real dw = 0;
    for (size_t e = 0; e < size; e++) {
        if (a->g)
            a->g[e] += o->g[e];
        dw += o->g[e] * o->c0[e];
    }
    if (w->g)
        w->g[o->iarg] += dw;
}

int nn_add_scaled(nn_tape *tp, int a, int w, int k, const nn_real *cmat)
{
    if (a < 0 || w < 0)
        return -1;
    if (k < 0 || k >= tp->t[w].rows * tp->t[w].cols) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int id =
        nn_push(tp, tp->t[a].rows, tp->t[a].cols, bw_add_scaled, a, w, -1);
    if (id < 0)
        return -1;
    nn_tensor *o = &tp->t[id];
    o->iarg = k;
    o->c0 = cmat;
    nn_real s = tp->t[w].v[k];
    size_t size = (size_t)o->rows * (size_t)o->cols;
    for (size_t e = 0; e < size; e++)
        o->v[e] = tp->t[a].v[e] + s * cmat[e];
    return id;
}

/* ---- elementwise ------------------------------------------------------ */

static void bw_relu(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]];
    if (!a->g)
        return;
    size_t size = (size_t)o->rows * (size_t)o->cols;
    for (size_t e = 0; e < size; e++)
        if (o->v[e] > 0)
            a->g[e] += o->g[e];
}

int nn_relu(nn_tape *tp, int a)
{
    if (a < 0)
        return -1;
    int id = nn_push(tp, tp->t[a].rows, tp->t[a].cols, bw_relu, a, -1, -1);
    if (id < 0)
        return -1;
    size_t size = (size_t)tp->t[a].rows * (size_t)tp->t[a].cols;
    for (size_t e = 0; e < size; e++)
        tp->t[id].v[e] = tp->t[a].v[e] > 0 ? tp->t[a].v[e] : 0;
    return id;
}

static void bw_scale(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]];
    if (!a->g)
        return;
    size_t size = (size_t)o->rows * (size_t)o->cols;
    for (size_t e = 0; e < size; e++)
        a->g[e] += o->farg * o->g[e];
}

int nn_scale(nn_tape *tp, int a, nn_real s)
{
    if (a < 0)
        return -1;
    int id = nn_push(tp, tp->t[a].rows, tp->t[a].cols, bw_scale, a, -1, -1);
    if (id < 0)
        return -1;
    tp->t[id].farg = s;
    size_t size = (size_t)tp->t[a].rows * (size_t)tp->t[a].cols;
    for (size_t e = 0; e < size; e++)
        tp->t[id].v[e] = s * tp->t[a].v[e];
    return id;
}

/* ---- shape -------------------------------------------------------------- */

static void bw_mean_rows(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]];
    if (!a->g)
        return;
    nn_real inv = (nn_real)1 / (nn_real)a->rows;
    for (int i = 0; i < a->rows; i++)
        for (int j = 0; j < a->cols; j++)
            a->g[(size_t)i * (size_t)a->cols + (size_t)j] += inv * o->g[j];
}

int nn_mean_rows(nn_tape *tp, int a)
{
    if (a < 0)
        return -1;
    int m = tp->t[a].rows, n = tp->t[a].cols;
    int id = nn_push(tp, 1, n, bw_mean_rows, a, -1, -1);
    if (id < 0)
        return -1;
    nn_real inv = (nn_real)1 / (nn_real)m;
    memset(tp->t[id].v, 0, (size_t)n * sizeof(nn_real));
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            tp->t[id].v[j] += tp->t[a].v[(size_t)i * (size_t)n + (size_t)j];
    for (int j = 0; j < n; j++)
        tp->t[id].v[j] *= inv;
    return id;
}

static void bw_row(nn_tape *tp, const nn_tensor *o)
{
    nn_tensor *a = &tp->t[o->in[0]];
    if (!a->g)
        return;
    nn_real *g = a->g + (size_t)o->iarg * (size_t)a->cols;
    for (int j = 0; j < o->cols; j++)
        g[j] += o->g[j];
}

int nn_row(nn_tape *tp, int a, int r)
{
    if (a < 0)
        return -1;
    if (r < 0 || r >= tp->t[a].rows) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int n = tp->t[a].cols;
    int id = nn_push(tp, 1, n, bw_row, a, -1, -1);
    if (id < 0)
        return -1;
    tp->t[id].iarg = r;
    memcpy(tp->t[id].v, tp->t[a].v + (size_t)r * (size_t)n,
           (size_t)n * sizeof(nn_real));
    return id;
}

static void bw_concat2(nn_tape *tp, const nn_tensor *o)
{
    int off = 0;
    for (int s = 0; s < 2; s++) {
        nn_tensor *x = &tp->t[o->in[s]];
        if (x->g)
            for (int i = 0; i < o->rows; i++)
                for (int j = 0; j < x->cols; j++)
                    x->g[(size_t)i * (size_t)x->cols + (size_t)j] +=
                        o->g[(size_t)i * (size_t)o->cols + (size_t)off +
                             (size_t)j];
        off += x->cols;
    }
}

int nn_concat2(nn_tape *tp, int a, int b)
{
    if (a < 0 || b < 0)
        return -1;
    if (tp->t[a].rows != tp->t[b].rows) {
        tp->err = CORTO_ERR_INTERNAL;
        return -1;
    }
    int m = tp->t[a].rows, na = tp->t[a].cols, nb = tp->t[b].cols;
    int id = nn_push(tp, m, na + nb, bw_concat2, a, b, -1);
    if (id < 0)
        return -1;
    for (int i = 0; i < m; i++) {
        nn_real *o = tp->t[id].v + (size_t)i * (size_t)(na + nb);
        memcpy(o, tp->t[a].v + (size_t)i * (size_t)na,
               (size_t)na * sizeof(nn_real));
        memcpy(o + na, tp->t[b].v + (size_t)i * (size_t)nb,
               (size_t)nb * sizeof(nn_real));
    }
    return id;
}
