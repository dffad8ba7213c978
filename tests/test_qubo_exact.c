/*
 * test_qubo_exact.c — the limits of the exact (GLPK) QUBO solver:
 *  - an iteration limit alone caps branch-and-bound nodes: a dense random
 *    QUBO that needs branching stops unproven, and twice the same;
 *  - with no limit at all a small QUBO is still solved to a proof, and
 *    the default time bound is taken back from the context afterwards;
 *  - the public pipeline with --iterations and no time limit returns a
 *    feasible, unproven answer under a node limit.
 */
#include "context.h"
#include "corto.h"
#include "qubo.h"
#include "qubo_exact.h"
#include "test_qubo_util.h"
#include "test_util.h"

#include <check.h>
#include <string.h>

#define N_DENSE 40

static void limits(corto_options *o, double time, int64_t iterations)
{
    corto_options_init(o);
    o->time_limit = time;
    o->iterations = iterations;
    o->seed = 1;
}

START_TEST(node_limit_stops_branching)
{
    qubo q;
    test_random_qubo(&q, N_DENSE, 5, 9, 1, 0);
    unsigned char a[N_DENSE], b[N_DENSE];
    double ea = 0, eb = 0;
    int fa = 0, oa = 0, fb = 0, ob = 0;
    corto_options o;
    solve_ctx ctx;
    limits(&o, 0, 1);
    ctx_init(&ctx, NULL, &o);
    ck_assert_int_eq(qubo_exact(a, &ea, &fa, &oa, &q, &ctx), CORTO_OK);
    ck_assert_int_eq(oa, 0);
    ck_assert(ctx.deadline <= 0); /* the default bound was given back */
    ctx_init(&ctx, NULL, &o);
    ck_assert_int_eq(qubo_exact(b, &eb, &fb, &ob, &q, &ctx), CORTO_OK);
    ck_assert_int_eq(fa, fb);
    if (fa) {
        ck_assert_mem_eq(a, b, N_DENSE);
        ck_assert_double_eq(ea, eb);
        ck_assert_double_eq(qubo_energy(&q, a), ea);
    }
    qubo_free(&q);
}
END_TEST

START_TEST(no_limit_still_proves_small_qubos)
{
    qubo q;
    test_random_qubo(&q, 12, 3, 9, 2, 1.5);
    unsigned char x[12], y[12];
    double e = 0;
    int found = 0, optimal = 0;
    corto_options o;
    solve_ctx ctx;
    limits(&o, 0, 0);
    ctx_init(&ctx, NULL, &o);
    ck_assert_int_eq(qubo_exact(x, &e, &found, &optimal, &q, &ctx), CORTO_OK);
    ck_assert(found && optimal);
    ck_assert(ctx.deadline <= 0);
    ck_assert_int_eq(ctx.stop, CORTO_STOP_NONE);
    /* No single flip improves a proven minimum. */
    for (int i = 0; i < 12; i++) {
        memcpy(y, x, sizeof y);
        y[i] ^= 1;
        ck_assert(qubo_energy(&q, y) >= e - 1e-9);
    }
    qubo_free(&q);
}
END_TEST

START_TEST(api_iterations_alone_bound_the_exact_solver)
{
    corto_qubo *q = NULL;
    ck_assert_int_eq(corto_qubo_create(&q, N_DENSE), CORTO_OK);
    qubo r;
    test_random_qubo(&r, N_DENSE, 5, 9, 1, 0);
    for (int i = 0; i < N_DENSE; i++) {
        ck_assert_int_eq(corto_qubo_add(q, i, i, r.lin[i]), CORTO_OK);
        for (int k = r.row[i]; k < r.row[i + 1]; k++)
            if (r.col[k] > i)
                ck_assert_int_eq(corto_qubo_add(q, i, r.col[k], r.w[k]),
                                 CORTO_OK);
    }
    corto_qubo_result *res = NULL;
    corto_qubo_options opt;
    corto_qubo_options_init(&opt);
    opt.iterations = 1; /* one node, no time limit */
    opt.time_limit = 0;
    opt.solver = CORTO_QUBO_EXACT;
    ck_assert_int_eq(corto_qubo_solve(&res, q, &opt), CORTO_OK);
    ck_assert_int_eq(corto_qubo_result_optimal(res), 0);
    ck_assert(corto_qubo_result_feasible(res));
    corto_qubo_result_destroy(res);
    qubo_free(&r);
    corto_qubo_destroy(q);
}
END_TEST

static Suite *qubo_exact_suite(void)
{
    Suite *s = suite_create("qubo_exact");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, node_limit_stops_branching);
    tcase_add_test(tc, no_limit_still_proves_small_qubos);
    tcase_add_test(tc, api_iterations_alone_bound_the_exact_solver);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(qubo_exact_suite());
}
