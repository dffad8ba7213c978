/*
 * nn_tape.h — the tensor operations of the neural policy, with forward and
 * backward passes, recorded on a tape (reverse-mode differentiation).
 *
 * A tensor is a row-major rows x cols matrix of nn_real (float, or double
 * when compiled with NN_DOUBLE: the gradient-check tests use that build).
 * Every operation appends its output to the tape and returns its id; ids
 * of failed operations are -1 and the tape keeps the first error, so a
 * forward pass is written without checks and tested once at its end
 * (nn_tape_status). Values live in an arena the tape owns; nn_tape_reset
 * rewinds it for the next instance without freeing.
 *
 * Leaves are parameters (values and gradients owned by the model) or
 * constants (no gradient). nn_seed sets d(loss)/d(loss) for one or more
 * losses; nn_backward then walks the tape backwards once, accumulating into
 * every gradient it reaches.
 */
#ifndef CORTO_NN_TAPE_H
#define CORTO_NN_TAPE_H

#include "corto.h"

#include <stddef.h>
#include <stdint.h>

#ifdef NN_DOUBLE
typedef double nn_real;
#else
typedef float nn_real;
#endif

struct nn_tape;
struct nn_tensor;
/* Backward step of one operation: adds into its inputs' gradients. */
typedef void (*nn_backward_fn)(struct nn_tape *tp,
                               const struct nn_tensor *out);

#ifndef NN_DOUBLE
/*
 * exp for float without branches or calls, so loops over it vectorise:
 * Cody and Waite's reduction x = n ln 2 + r (n rounded to nearest by the
 * 1.5 * 2^23 trick, which needs no rounding mode or -ffast-math), Cephes'
 * degree-6 polynomial for exp(r) on |r| <= ln 2 / 2 (relative error about
 * 2e-7), then 2^n put into the exponent bits. Inputs are clamped to
 * [-87, 88], so the result stays a normal float: exp(-87) = 1.6e-38
 * stands for anything smaller, and a NaN gives that too.
 */
static inline float nn_expf(float x)
{
    x = x > -87.0f ? x : -87.0f;
    x = x < 88.0f ? x : 88.0f;
    float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    float r = (x - n * 0.693359375f) - n * -2.12194440e-4f;
    float y = 1.9875691500e-4f;
    y = y * r + 1.3981999507e-3f;
    y = y * r + 8.3334519073e-3f;
    y = y * r + 4.1665795894e-2f;
    y = y * r + 1.6666665459e-1f;
    y = y * r + 5.0000001201e-1f;
    y = y * (r * r) + r + 1.0f;
    union {
        int32_t i;
        float f;
    } scale;
    scale.i = ((int32_t)n + 127) * (1 << 23);
    return y * scale.f;
}

/* tanh from nn_expf: 1 - 2 / (exp(2x) + 1), within about 1e-7 of tanh
 * (an absolute error: near zero the relative one is larger). */
static inline float nn_tanhf(float x)
{
    return 1.0f - 2.0f / (nn_expf(2.0f * x) + 1.0f);
}
#endif

/* exp and tanh in the working precision: the double build (gradient
 * checks) calls libm, the float build the vectorisable versions above. */
#ifdef NN_DOUBLE
#define NN_EXP  exp
#define NN_TANH tanh
#else
#define NN_EXP  nn_expf
#define NN_TANH nn_tanhf
#endif

typedef struct nn_tensor {
    int rows, cols;
    nn_real *v; /* values, rows * cols */
    nn_real *g; /* gradient of the same shape, NULL when none flows */
    nn_backward_fn backward;   /* NULL for leaves */
    int in[3];                 /* input tensor ids (-1: unused) */
    int in3;                   /* a fourth input (attention's coefficients) */
    int iarg;                  /* heads, row index, transpose flag, count */
    nn_real farg;              /* scale, clip */
    const nn_real *c0, *c1;    /* constant operands (bias matrices) */
    const unsigned char *mask; /* 1 = blocked entry (attention, softmax) */
    const int *idx;            /* target indices (nll_set) */
    nn_real *aux;              /* values the backward pass needs */
    nn_real *vt;               /* values transposed (nn_keep_transposed) */
} nn_tensor;

typedef struct nn_tape {
    nn_tensor *t;
    int n, cap;
    nn_real **blocks; /* arena blocks, reused after a reset */
    size_t *block_size;
    int n_blocks, cur_block;
    size_t used; /* reals used in the current block */
    int grad;    /* 1: allocate gradients and keep what backward needs */
    corto_status err;
} nn_tape;

/* A position on the tape to come back to (nn_tape_rewind). */
typedef struct nn_mark {
    int n, cur_block;
    size_t used;
} nn_mark;

void nn_tape_init(nn_tape *tp, int grad);
void nn_tape_free(nn_tape *tp);
/* Forget every tensor; keep the memory. */
void nn_tape_reset(nn_tape *tp);
nn_mark nn_tape_mark(const nn_tape *tp);
void nn_tape_rewind(nn_tape *tp, nn_mark m);
/* CORTO_OK, or the first error an operation met. */
corto_status nn_tape_status(const nn_tape *tp);
/* Zeroed reals from the arena (NULL and a recorded error on failure). */
nn_real *nn_tape_alloc(nn_tape *tp, size_t n);

static inline nn_tensor *nn_t(nn_tape *tp, int id)
{
    return &tp->t[id];
}

/* The hot loops get an AVX2 clone next to the baseline one, chosen when
 * the program loads (GCC/Clang function multiversioning on x86-64). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(NN_NO_CLONES)
#define NN_HOT __attribute__((target_clones("avx2", "default")))
#else
#define NN_HOT
#endif

/* Dot product of k entries with eight partial sums, a fixed order the
 * compiler can vectorise without reassociating (no -ffast-math). */
static inline nn_real nn_dot(const nn_real *a, const nn_real *b, int k)
{
    nn_real s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int p = 0;
    for (; p + 8 <= k; p += 8)
        for (int l = 0; l < 8; l++)
            s[l] += a[p + l] * b[p + l];
    nn_real t =
        ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
    for (; p < k; p++)
        t += a[p] * b[p];
    return t;
}

/* A leaf over caller-owned storage; g may be NULL (a constant). */
int nn_leaf(nn_tape *tp, int rows, int cols, nn_real *v, nn_real *g);
/* A constant leaf with zeroed values in the arena, to be filled. */
int nn_input(nn_tape *tp, int rows, int cols);

/* a[m,k] b[k,n], or a[m,k] b[n,k]^T when trans_b. */
int nn_matmul(nn_tape *tp, int a, int b, int trans_b);
/* Elementwise a + b (same shape). */
int nn_add(nn_tape *tp, int a, int b);
/* a[m,n] + row[1,n] on every row. */
int nn_add_row(nn_tape *tp, int a, int row);
/* x w + b: a linear layer (w [in,out], b [1,out]). */
int nn_linear(nn_tape *tp, int x, int w, int b);
int nn_relu(nn_tape *tp, int a);
int nn_scale(nn_tape *tp, int a, nn_real s);
/* Layer normalisation of each row, then gain and bias (both [1,n]). */
int nn_layernorm(nn_tape *tp, int x, int gain, int bias);
/* Mean of the rows: [m,n] -> [1,n]. */
int nn_mean_rows(nn_tape *tp, int a);
/* Row r of a: [1,n]. */
int nn_row(nn_tape *tp, int a, int r);
/* [a | b] side by side (same rows). */
int nn_concat2(nn_tape *tp, int a, int b);
/* c * tanh(a): the logit clipping of Bello et al. and Kool et al. Entries
 * where mask (may be NULL) is nonzero are left at zero: the masked
 * log-softmax that follows never reads them and passes them no gradient. */
int nn_tanh_clip(nn_tape *tp, int a, nn_real c, const unsigned char *mask);
/* a + w[0, k] * cmat, cmat a constant of a's shape, w a [1,K] tensor. */
int nn_add_scaled(nn_tape *tp, int a, int w, int k, const nn_real *cmat);

/*
 * Multi-head attention with a learned distance bias. q [nq,d], k and v
 * [nk,d], `heads` dividing d. Head h scores query i against key j as
 *   q_i^h . k_j^h / sqrt(d/h) + coef[h] * B_h[i*nk + j]
 * where B_h is `bout` for the first half of the heads and `bin` for the
 * second (so outgoing and incoming distances of an asymmetric matrix each
 * have their heads); bout/bin may be NULL (no bias) and coef -1. mask
 * (nq*nk, may be NULL) blocks keys; a row with every key blocked yields
 * zeros. Output [nq,d]: the heads' value mixtures side by side.
 */
int nn_attention(nn_tape *tp, int q, int k, int v, int heads, int coef,
                 const nn_real *bout, const nn_real *bin,
                 const unsigned char *mask);

/* Keep a transposed copy of tensor a's values (they never change) in
 * the arena: attention then scores every query against a's rows as keys
 * with loops over the keys, which vectorise; worth it for keys that many
 * single-query attentions read, as the decoder's. */
void nn_keep_transposed(nn_tape *tp, int a);

/* Log-softmax of each row over its unmasked entries; masked entries get
 * -1e30 and no gradient. */
int nn_log_softmax(nn_tape *tp, int a, const unsigned char *mask);
/*
 * -log sum_{t in idx} exp(logp[0, t]): the cross-entropy of a step whose
 * expert action is any of n_idx equivalent ones. logp is [1,n]. idx is
 * borrowed until the backward pass.
 */
int nn_nll_set(nn_tape *tp, int logp, const int *idx, int n_idx);

/* Add `weight` to the gradient of the [1,1] tensor `loss` (several losses
 * may be seeded before one backward pass). */
void nn_seed(nn_tape *tp, int loss, nn_real weight);
/* Walk the tape backwards once: add d(seeded losses)/d(x) into the
 * gradient of every x they depend on. */
void nn_backward(nn_tape *tp);

/* For the operation files: append an output tensor of the given shape
 * whose inputs are a, b, c (-1: none); -1 if an input failed. Its values
 * are not initialised (the operation writes every one); its gradient,
 * when there is one, is zeroed. */
int nn_push(nn_tape *tp, int rows, int cols, nn_backward_fn bw, int a, int b,
            int c);

#endif /* CORTO_NN_TAPE_H */
