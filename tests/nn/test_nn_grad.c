/*
 * test_nn_grad.c — finite-difference gradient checks of every tensor
 * operation of neural/nn_tape.h, built with NN_DOUBLE (tests/CMakeLists.txt
 * compiles the neural sources again in double precision for this suite).
 * Each check draws random inputs, takes the vector-Jacobian product with a
 * random weighting R of the output by the backward pass, and compares it
 * with central differences of sum(R * output).
 */
#include "model.h"
#include "nn_model.h"
#include "nn_policy.h"
#include "nn_tape.h"
#include "test_problems.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GC_MAX_LEAVES 8

typedef struct gc_leaf {
    int rows, cols;
    nn_real *v, *g;
} gc_leaf;

/* Builds the operation under test on the tape from the leaf ids. */
typedef int (*gc_build)(nn_tape *tp, const int *ids, void *user);

typedef struct gc_case {
    gc_leaf leaf[GC_MAX_LEAVES];
    int n_leaves;
    rng r;
} gc_case;

static void gc_init(gc_case *c, uint64_t seed)
{
    memset(c, 0, sizeof *c);
    rng_seed(&c->r, seed);
}

/* Add a leaf of random values in [-scale, scale]. */
static nn_real *gc_add(gc_case *c, int rows, int cols, double scale)
{
    gc_leaf *l = &c->leaf[c->n_leaves++];
    l->rows = rows;
    l->cols = cols;
    l->v = calloc((size_t)(rows * cols), sizeof *l->v);
    l->g = calloc((size_t)(rows * cols), sizeof *l->g);
    ck_assert_ptr_nonnull(l->v);
    ck_assert_ptr_nonnull(l->g);
    for (int e = 0; e < rows * cols; e++)
        l->v[e] = (nn_real)(scale * (2 * rng_uniform(&c->r) - 1));
    return l->v;
}

static void gc_free(gc_case *c)
{
    for (int k = 0; k < c->n_leaves; k++) {
        free(c->leaf[k].v);
        free(c->leaf[k].g);
    }
}

static int gc_run(nn_tape *tp, gc_case *c, gc_build f, void *user)
{
    int ids[GC_MAX_LEAVES];
    nn_tape_reset(tp);
    for (int k = 0; k < c->n_leaves; k++)
        ids[k] = nn_leaf(tp, c->leaf[k].rows, c->leaf[k].cols, c->leaf[k].v,
                         c->leaf[k].g);
    int out = f(tp, ids, user);
    ck_assert_int_eq(nn_tape_status(tp), CORTO_OK);
    ck_assert_int_ge(out, 0);
    return out;
}

static double gc_weighted(nn_tape *tp, int out, const nn_real *w)
{
    const nn_tensor *o = nn_t(tp, out);
    double s = 0;
    for (int e = 0; e < o->rows * o->cols; e++)
        if (o->v[e] > (nn_real)-1e29) /* masked log-probabilities */
            s += (double)w[e] * (double)o->v[e];
    return s;
}

/* Compare the backward pass with central differences on every input. */
static void gc_check(gc_case *c, gc_build f, void *user)
{
    nn_tape tp, tp0;
    nn_tape_init(&tp, 1);
    nn_tape_init(&tp0, 0);
    int out = gc_run(&tp, c, f, user);
    int size = nn_t(&tp, out)->rows * nn_t(&tp, out)->cols;
    nn_real *w = calloc((size_t)size, sizeof *w);
    ck_assert_ptr_nonnull(w);
    for (int e = 0; e < size; e++) {
        w[e] = (nn_real)(2 * rng_uniform(&c->r) - 1);
        nn_t(&tp, out)->g[e] += w[e];
    }
    nn_backward(&tp);
    const double eps = 1e-6;
    for (int k = 0; k < c->n_leaves; k++) {
        gc_leaf *l = &c->leaf[k];
        for (int e = 0; e < l->rows * l->cols; e++) {
            nn_real keep = l->v[e];
            l->v[e] = keep + (nn_real)eps;
            double up = gc_weighted(&tp0, gc_run(&tp0, c, f, user), w);
            l->v[e] = keep - (nn_real)eps;
            double down = gc_weighted(&tp0, gc_run(&tp0, c, f, user), w);
            l->v[e] = keep;
            double num = (up - down) / (2 * eps), ana = (double)l->g[e];
            double tol = 1e-6 + 1e-5 * fmax(fabs(num), fabs(ana));
            ck_assert_msg(fabs(num - ana) <= tol,
                          "leaf %d entry %d: backward %.9g, differences %.9g",
                          k, e, ana, num);
        }
    }
    free(w);
    nn_tape_free(&tp);
    nn_tape_free(&tp0);
}

/* ---- one build function per operation ------------------------------- */

static int b_matmul(nn_tape *tp, const int *id, void *u)
{
    return nn_matmul(tp, id[0], id[1], *(int *)u);
}

static int b_add(nn_tape *tp, const int *id, void *u)
{
    (void)u;
    return nn_add(tp, id[0], id[1]);
}

static int b_linear(nn_tape *tp, const int *id, void *u)
{
    (void)u;
    return nn_linear(tp, id[0], id[1], id[2]);
}

static int b_relu_scale(nn_tape *tp, const int *id, void *u)
{
    (void)u;
    return nn_scale(tp, nn_relu(tp, id[0]), (nn_real)-1.5);
}

static int b_layernorm(nn_tape *tp, const int *id, void *u)
{
    (void)u;
    return nn_layernorm(tp, id[0], id[1], id[2]);
}

static int b_rows(nn_tape *tp, const int *id, void *u)
{
    (void)u;
    /* mean of rows next to row 2, side by side */
    return nn_concat2(tp, nn_mean_rows(tp, id[0]), nn_row(tp, id[0], 2));
}

static int b_tanh_clip(nn_tape *tp, const int *id, void *u)
{
    (void)u;
    return nn_tanh_clip(tp, id[0], (nn_real)10, NULL);
}

static int b_add_scaled(nn_tape *tp, const int *id, void *u)
{
    const nn_real *cm = u;
    return nn_add_scaled(tp, nn_add_scaled(tp, id[0], id[1], 0, cm), id[1], 1,
                         cm + 12);
}

typedef struct attn_user {
    const nn_real *bout, *bin;
    const unsigned char *mask;
    int heads;
} attn_user;

static int b_attention(nn_tape *tp, const int *id, void *u)
{
    const attn_user *a = u;
    return nn_attention(tp, id[0], id[1], id[2], a->heads,
                        a->bout ? id[3] : -1, a->bout, a->bin, a->mask);
}

static int b_log_softmax(nn_tape *tp, const int *id, void *u)
{
    return nn_log_softmax(tp, id[0], u);
}

static int b_nll_set(nn_tape *tp, const int *id, void *u)
{
    static const int targets[] = {1, 4, 5};
    return nn_nll_set(tp, nn_log_softmax(tp, id[0], u), targets, 3);
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(grad_matmul)
{
    for (int bt = 0; bt < 2; bt++) {
        gc_case c;
        gc_init(&c, 1 + (uint64_t)bt);
        gc_add(&c, 3, 4, 1);
        if (bt)
            gc_add(&c, 5, 4, 1);
        else
            gc_add(&c, 4, 5, 1);
        gc_check(&c, b_matmul, &bt);
        gc_free(&c);
    }
}
END_TEST

START_TEST(grad_add_linear)
{
    gc_case c;
    gc_init(&c, 3);
    gc_add(&c, 3, 4, 1);
    gc_add(&c, 3, 4, 1);
    gc_check(&c, b_add, NULL);
    gc_free(&c);
    gc_init(&c, 4);
    gc_add(&c, 3, 4, 1);
    gc_add(&c, 4, 6, 1);
    gc_add(&c, 1, 6, 1);
    gc_check(&c, b_linear, NULL);
    gc_free(&c);
}
END_TEST

START_TEST(grad_relu_scale)
{
    gc_case c;
    gc_init(&c, 5);
    gc_add(&c, 4, 5, 1);
    gc_check(&c, b_relu_scale, NULL);
    gc_free(&c);
}
END_TEST

START_TEST(grad_layernorm)
{
    gc_case c;
    gc_init(&c, 6);
    gc_add(&c, 3, 8, 2);
    gc_add(&c, 1, 8, 1);
    gc_add(&c, 1, 8, 1);
    gc_check(&c, b_layernorm, NULL);
    gc_free(&c);
}
END_TEST

START_TEST(grad_rows_concat)
{
    gc_case c;
    gc_init(&c, 7);
    gc_add(&c, 4, 3, 1);
    gc_check(&c, b_rows, NULL);
    gc_free(&c);
}
END_TEST

START_TEST(grad_tanh_clip_add_scaled)
{
    gc_case c;
    gc_init(&c, 8);
    gc_add(&c, 2, 5, 0.3);
    gc_check(&c, b_tanh_clip, NULL);
    gc_free(&c);
    nn_real cm[24];
    gc_init(&c, 9);
    for (int e = 0; e < 24; e++)
        cm[e] = (nn_real)rng_uniform(&c.r);
    gc_add(&c, 3, 4, 1);
    gc_add(&c, 1, 2, 1);
    gc_check(&c, b_add_scaled, cm);
    gc_free(&c);
}
END_TEST

/* Self-attention with outgoing and incoming bias, masked keys, and a
 * query whose keys are all blocked; also a single query without bias. */
START_TEST(grad_attention)
{
    enum { NQ = 4, NK = 5, D = 8 };
    nn_real bout[NQ * NK], bin[NQ * NK];
    unsigned char mask[NQ * NK] = {0};
    gc_case c;
    gc_init(&c, 10);
    for (int e = 0; e < NQ * NK; e++) {
        bout[e] = (nn_real)rng_uniform(&c.r);
        bin[e] = (nn_real)rng_uniform(&c.r);
    }
    mask[0 * NK + 1] = mask[1 * NK + 3] = mask[1 * NK + 4] = 1;
    for (int j = 0; j < NK; j++)
        mask[3 * NK + j] = 1;
    gc_add(&c, NQ, D, 1);
    gc_add(&c, NK, D, 1);
    gc_add(&c, NK, D, 1);
    gc_add(&c, 1, 4, 1);
    attn_user a = {bout, bin, mask, 4};
    gc_check(&c, b_attention, &a);
    gc_free(&c);

    gc_init(&c, 11);
    gc_add(&c, 1, D, 1);
    gc_add(&c, NK, D, 1);
    gc_add(&c, NK, D, 1);
    attn_user plain = {NULL, NULL, NULL, 2};
    gc_check(&c, b_attention, &plain);
    gc_free(&c);
}
END_TEST

START_TEST(grad_log_softmax_nll)
{
    unsigned char mask[2 * 7] = {0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0};
    gc_case c;
    gc_init(&c, 12);
    gc_add(&c, 2, 7, 2);
    gc_check(&c, b_log_softmax, mask);
    gc_free(&c);
    gc_init(&c, 13);
    gc_add(&c, 1, 7, 2);
    gc_check(&c, b_nll_set, mask);
    gc_free(&c);
}
END_TEST

/* Loss of the imitation pass (its gradient goes into m->g). */
static double model_loss(nn_tape *tp, nn_model *m, const corto_problem *p,
                         const corto_solution *x)
{
    double loss = 0;
    int steps = 0;
    ck_assert_int_eq(nn_policy_imitate(tp, m, p, x, 3, 1, &loss, &steps),
                     CORTO_OK);
    ck_assert_int_gt(steps, 0);
    return loss;
}

/* The whole policy: encoder, decoder steps and the set cross-entropy of a
 * teacher-forced pass, on a tiny model and a 7-node CVRP with coordinates
 * and on an asymmetric matrix VRP. */
START_TEST(grad_whole_model)
{
    nn_config cfg = {0};
    cfg.knn = 2;
    cfg.n_feat = 3 + 2 * cfg.knn + 8;
    cfg.d = 8;
    cfg.heads = 2;
    cfg.layers = 2;
    cfg.ff = 6;
    for (int variant = 0; variant < 2; variant++) {
        corto_problem *p =
            variant == 0 ? test_random_cvrp(6, 21, 15, CORTO_UNLIMITED, NULL)
                         : test_random_asym_vrp(6, 22, 8);
        ck_assert_int_eq(model_prepare(p), CORTO_OK);
        corto_solution *x = NULL;
        ck_assert_int_eq(corto_solution_create(&x, p), CORTO_OK);
        const int r1[] = {2, 5, 1}, r2[] = {3}, r3[] = {6, 4};
        ck_assert_int_eq(corto_solution_add_route(x, 0, r1, 3), CORTO_OK);
        ck_assert_int_eq(corto_solution_add_route(x, 0, r2, 1), CORTO_OK);
        ck_assert_int_eq(corto_solution_add_route(x, 0, r3, 2), CORTO_OK);
        nn_model *m = NULL;
        ck_assert_int_eq(nn_model_create(&m, &cfg, 5 + (uint64_t)variant),
                         CORTO_OK);
        /* Random coefficients and biases, so every path carries signal. */
        rng r;
        rng_seed(&r, 77);
        for (size_t e = 0; e < m->total; e++)
            m->v[e] += (nn_real)(0.3 * (2 * rng_uniform(&r) - 1));
        nn_tape tp;
        nn_tape_init(&tp, 1);
        nn_model_zero_grad(m);
        model_loss(&tp, m, p, x);
        nn_real *ana = malloc(m->total * sizeof *ana);
        ck_assert_ptr_nonnull(ana);
        memcpy(ana, m->g, m->total * sizeof *ana);
        /* The check means something only if gradient reaches the model. */
        size_t nonzero = 0;
        for (size_t e = 0; e < m->total; e++)
            nonzero += fabs((double)ana[e]) > 1e-9;
        ck_assert_msg(nonzero * 10 >= m->total * 8, "%zu of %zu non-zero",
                      nonzero, m->total);
        const double eps = 1e-6;
        for (size_t e = 0; e < m->total; e++) {
            nn_real keep = m->v[e];
            m->v[e] = keep + (nn_real)eps;
            double up = model_loss(&tp, m, p, x);
            m->v[e] = keep - (nn_real)eps;
            double down = model_loss(&tp, m, p, x);
            m->v[e] = keep;
            double num = (up - down) / (2 * eps);
            double tol = 1e-6 + 1e-5 * fmax(fabs(num), fabs((double)ana[e]));
            ck_assert_msg(fabs(num - (double)ana[e]) <= tol,
                          "variant %d parameter %zu: backward %.9g, "
                          "differences %.9g",
                          variant, e, (double)ana[e], num);
        }
        free(ana);
        nn_tape_free(&tp);
        nn_model_destroy(m);
        corto_solution_destroy(x);
        corto_problem_destroy(p);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nn_grad");
    TCase *tc = tcase_create("ops");
    tcase_add_test(tc, grad_matmul);
    tcase_add_test(tc, grad_add_linear);
    tcase_add_test(tc, grad_relu_scale);
    tcase_add_test(tc, grad_layernorm);
    tcase_add_test(tc, grad_rows_concat);
    tcase_add_test(tc, grad_tanh_clip_add_scaled);
    tcase_add_test(tc, grad_attention);
    tcase_add_test(tc, grad_log_softmax_nll);
    suite_add_tcase(s, tc);
    TCase *tm = tcase_create("model");
    tcase_add_test(tm, grad_whole_model);
    suite_add_tcase(s, tm);
    return test_run_suite(s);
}
