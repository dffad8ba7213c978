/*
 * test_nn_tape.c — the tensor tape in the library's float build: forward
 * values of small hand-computed cases, the float build's exp and tanh,
 * masking, the sticky error of a bad shape, and arena reuse across
 * resets. Gradients are checked in double precision by
 * tests/nn/test_nn_grad.c.
 */
#include "nn_tape.h"
#include "test_util.h"

#include <check.h>
#include <math.h>

START_TEST(matmul_hand_computed)
{
    nn_tape tp;
    nn_tape_init(&tp, 0);
    nn_real a[] = {1, 2, 3, 4, 5, 6}; /* 2x3 */
    nn_real b[] = {1, 0, 0, 1, 1, 1}; /* 3x2 */
    int ia = nn_leaf(&tp, 2, 3, a, NULL), ib = nn_leaf(&tp, 3, 2, b, NULL);
    int c = nn_matmul(&tp, ia, ib, 0);
    ck_assert_int_eq(nn_tape_status(&tp), CORTO_OK);
    const nn_real want[] = {4, 5, 10, 11};
    for (int e = 0; e < 4; e++)
        ck_assert_float_eq(nn_t(&tp, c)->v[e], want[e]);
    /* a a^T */
    int d = nn_matmul(&tp, ia, ia, 1);
    const nn_real want2[] = {14, 32, 32, 77};
    for (int e = 0; e < 4; e++)
        ck_assert_float_eq(nn_t(&tp, d)->v[e], want2[e]);
    nn_tape_free(&tp);
}
END_TEST

START_TEST(log_softmax_masked)
{
    nn_tape tp;
    nn_tape_init(&tp, 0);
    nn_real x[] = {1, 2, 3, 4};
    unsigned char mask[] = {0, 1, 0, 0};
    int l = nn_log_softmax(&tp, nn_leaf(&tp, 1, 4, x, NULL), mask);
    const nn_tensor *o = nn_t(&tp, l);
    double s = exp(o->v[0]) + exp(o->v[2]) + exp(o->v[3]);
    ck_assert_double_eq_tol(s, 1.0, 1e-6);
    ck_assert_float_lt(o->v[1], -1e29);
    ck_assert_double_eq_tol(o->v[3] - o->v[2], 1.0, 1e-6);
    int targets[] = {2, 3};
    int nll = nn_nll_set(&tp, l, targets, 2);
    ck_assert_double_eq_tol(
        nn_t(&tp, nll)->v[0],
        -log((exp(3.0) + exp(4.0)) / (exp(1.0) + exp(3.0) + exp(4.0))), 1e-5);
    nn_tape_free(&tp);
}
END_TEST

START_TEST(attention_blocked_row_is_zero)
{
    nn_tape tp;
    nn_tape_init(&tp, 0);
    nn_real q[8] = {1, 2, 3, 4, 5, 6, 7, 8}, kv[12];
    for (int e = 0; e < 12; e++)
        kv[e] = (nn_real)e / 12;
    unsigned char mask[6] = {0, 0, 1, 1, 1, 1};
    int iq = nn_leaf(&tp, 2, 4, q, NULL), ik = nn_leaf(&tp, 3, 4, kv, NULL);
    int o = nn_attention(&tp, iq, ik, ik, 2, -1, NULL, NULL, mask);
    ck_assert_int_eq(nn_tape_status(&tp), CORTO_OK);
    for (int c = 0; c < 4; c++)
        ck_assert_float_eq(nn_t(&tp, o)->v[4 + c], 0);
    /* The first query mixes the first two keys only: a convex mix. */
    for (int c = 0; c < 4; c++) {
        ck_assert_float_ge(nn_t(&tp, o)->v[c], kv[c] - 1e-6f);
        ck_assert_float_le(nn_t(&tp, o)->v[c], kv[4 + c] + 1e-6f);
    }
    nn_tape_free(&tp);
}
END_TEST

/* The float build's own exp and tanh against libm's double ones: within
 * 2e-7 relative (exp, normal results) and 2e-7 absolute (tanh); clamped
 * at the ends, never infinite or NaN. */
START_TEST(exp_and_tanh_are_close_to_libm)
{
    double worst_exp = 0, worst_tanh = 0;
    for (int k = -860000; k <= 860000; k++) {
        float x = (float)k / 10000.0f;
        double e = exp((double)x), got = (double)nn_expf(x);
        double rel = fabs(got - e) / e;
        worst_exp = rel > worst_exp ? rel : worst_exp;
        double t = fabs((double)nn_tanhf(x / 8) - tanh((double)(x / 8)));
        worst_tanh = t > worst_tanh ? t : worst_tanh;
    }
    ck_assert_double_lt(worst_exp, 2e-7);
    ck_assert_double_lt(worst_tanh, 2e-7);
    ck_assert(isfinite(nn_expf(1e30f)) && nn_expf(1e30f) > 1e38f);
    ck_assert(nn_expf(-1e30f) >= 0 && nn_expf(-1e30f) < 1e-37f);
    ck_assert(nn_expf(-HUGE_VALF) < 1e-37f);
    ck_assert_float_eq(nn_tanhf(50), 1);
    ck_assert_float_eq(nn_tanhf(-50), -1);
}
END_TEST

/* Each query of a batch gets exactly what it gets alone, and keys kept
 * transposed (nn_keep_transposed) change nothing; 40 keys: one block of
 * 32 whose sums stay in registers, and 8 after it. */
START_TEST(attention_many_queries_match_one_at_a_time)
{
    enum { NQ = 12, NK = 40, D = 32, H = 2 };
    nn_tape tp;
    nn_tape_init(&tp, 0);
    nn_real q[NQ * D], k[NK * D], v[NK * D], bout[NQ * NK], bin[NQ * NK];
    nn_real coef[H] = {-0.7f, 0.4f};
    unsigned char mask[NQ * NK] = {0};
    for (int e = 0; e < NQ * D; e++)
        q[e] = (nn_real)((e * 37 % 29) - 14) / 9;
    for (int e = 0; e < NK * D; e++) {
        k[e] = (nn_real)((e * 17 % 23) - 11) / 7;
        v[e] = (nn_real)((e * 13 % 19) - 9) / 5;
    }
    for (int e = 0; e < NQ * NK; e++) {
        bout[e] = (nn_real)(e % 7) / 3;
        bin[e] = (nn_real)(e % 5) / 4;
        mask[e] = e % 11 == 3;
    }
    int iq = nn_leaf(&tp, NQ, D, q, NULL), ik = nn_leaf(&tp, NK, D, k, NULL);
    int iv = nn_leaf(&tp, NK, D, v, NULL), ic = nn_leaf(&tp, 1, H, coef, NULL);
    int all = nn_attention(&tp, iq, ik, iv, H, ic, bout, bin, mask);
    ck_assert_int_ge(all, 0);
    int ikt = nn_leaf(&tp, NK, D, k, NULL);
    nn_keep_transposed(&tp, ikt);
    ck_assert_ptr_nonnull(nn_t(&tp, ikt)->vt);
    for (int i = 0; i < NQ; i++) {
        int qi = nn_leaf(&tp, 1, D, q + i * D, NULL);
        int one = nn_attention(&tp, qi, ik, iv, H, ic, bout + i * NK,
                               bin + i * NK, mask + i * NK);
        int kept = nn_attention(&tp, qi, ikt, iv, H, ic, bout + i * NK,
                                bin + i * NK, mask + i * NK);
        ck_assert_int_ge(one, 0);
        ck_assert_int_ge(kept, 0);
        for (int c = 0; c < D; c++) {
            ck_assert_float_eq(nn_t(&tp, all)->v[i * D + c],
                               nn_t(&tp, one)->v[c]);
            ck_assert_float_eq(nn_t(&tp, kept)->v[c], nn_t(&tp, one)->v[c]);
        }
    }
    nn_tape_free(&tp);
}
END_TEST

/* A product wide enough for the blocked rows equals the plain loop. */
START_TEST(matmul_blocks_match_the_plain_loop)
{
    enum { M = 3, K = 5, N = 40 };
    nn_tape tp;
    nn_tape_init(&tp, 0);
    nn_real a[M * K], b[K * N];
    for (int e = 0; e < M * K; e++)
        a[e] = (nn_real)((e * 7 % 11) - 5) / 3;
    for (int e = 0; e < K * N; e++)
        b[e] = (nn_real)((e * 31 % 17) - 8) / 6;
    int o = nn_matmul(&tp, nn_leaf(&tp, M, K, a, NULL),
                      nn_leaf(&tp, K, N, b, NULL), 0);
    ck_assert_int_ge(o, 0);
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            nn_real s = 0;
            for (int p = 0; p < K; p++)
                s += a[i * K + p] * b[p * N + j];
            ck_assert_float_eq(nn_t(&tp, o)->v[i * N + j], s);
        }
    nn_tape_free(&tp);
}
END_TEST

START_TEST(bad_shape_is_sticky_and_reset_clears)
{
    nn_tape tp;
    nn_tape_init(&tp, 1);
    nn_real a[6] = {0}, g[6] = {0};
    int ia = nn_leaf(&tp, 2, 3, a, g);
    int bad = nn_matmul(&tp, ia, ia, 0);
    ck_assert_int_eq(bad, -1);
    ck_assert_int_eq(nn_relu(&tp, bad), -1);
    ck_assert_int_eq(nn_tape_status(&tp), CORTO_ERR_INTERNAL);
    nn_tape_reset(&tp);
    ck_assert_int_eq(nn_tape_status(&tp), CORTO_OK);
    ia = nn_leaf(&tp, 2, 3, a, g);
    nn_mark m = nn_tape_mark(&tp);
    ck_assert_int_ge(nn_relu(&tp, ia), 0);
    nn_tape_rewind(&tp, m);
    ck_assert_int_eq(tp.n, m.n);
    nn_tape_free(&tp);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nn_tape");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, matmul_hand_computed);
    tcase_add_test(tc, log_softmax_masked);
    tcase_add_test(tc, exp_and_tanh_are_close_to_libm);
    tcase_add_test(tc, attention_blocked_row_is_zero);
    tcase_add_test(tc, attention_many_queries_match_one_at_a_time);
    tcase_add_test(tc, matmul_blocks_match_the_plain_loop);
    tcase_add_test(tc, bad_shape_is_sticky_and_reset_clears);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
