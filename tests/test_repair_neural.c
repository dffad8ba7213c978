/*
 * test_repair_neural.c — the neural repair operator of the ALNS
 * (heuristics/repair_neural.c, option neural-arm): applied to a destroyed
 * solution it serves every removed client and the result passes the
 * independent checker, the same rng state gives the same routes; corto_solve
 * with the arm on returns checked solutions, identical for the same seed
 * and iteration limit, on CVRP, asymmetric-matrix VRP and VRPTW; problems
 * the policy does not handle are refused with a status.
 */
#include "destroy.h"
#include "model.h"
#include "nn_model.h"
#include "repair_neural.h"
#include "test_nn_util.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>

/* An untrained small model, read from a file through the public API
 * (the build may have no compiled-in model). */
static corto_neural_model *small_model(void)
{
    nn_model *m = test_nn_small_model();
    corto_neural_model *nm = test_nn_file_model(m);
    nn_model_destroy(m);
    return nm;
}

/* Check s against p from scratch; returns its cost. */
static int64_t checked(const corto_problem *p, const corto_solution *s)
{
    ck_assert_int_eq(test_assert_clients_once(p, s),
                     corto_problem_n_clients(p));
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, s->cost), CORTO_OK);
    ck_assert_msg(rep.feasible, "infeasible: %s", rep.first);
    ck_assert_int_eq(rep.cost, s->cost);
    return s->cost;
}

/* Destroy 12 clients of the start five times, each time repairing with
 * the neural operator; store the result in out. */
static void destroy_and_repair(const corto_problem *p, solve_ctx *ctx,
                               const corto_solution *start, uint64_t seed,
                               corto_solution *out)
{
    vrp_data d;
    vrp_state st;
    destroy_ws *dw = NULL;
    repair_ws *rw = NULL;
    repair_neural *nr = NULL;
    rng r;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, start), CORTO_OK);
    ck_assert_int_eq(destroy_create(&dw, &d, NULL), CORTO_OK);
    ck_assert_int_eq(repair_create(&rw, &d, 0.01), CORTO_OK);
    ck_assert_int_eq(repair_neural_create(&nr, &d, ctx), CORTO_OK);
    rng_seed(&r, seed);
    for (int round = 0; round < 5; round++) {
        destroy_apply(dw, (destroy_kind)(round % DESTROY_KIND_COUNT), &st, 12,
                      &r);
        ck_assert_int_gt(st.n_unassigned, 0);
        ck_assert_int_eq(repair_neural_apply(nr, rw, &st, &r), CORTO_OK);
        ck_assert_int_eq(st.n_unassigned, 0);
    }
    ck_assert_int_eq(vrp_state_store(&st, out), CORTO_OK);
    route_eval_solution(out);
    repair_neural_destroy(nr);
    repair_destroy(rw);
    destroy_destroy(dw);
    vrp_state_free(&st);
    vrp_data_free(&d);
}

START_TEST(operator_serves_removed_clients)
{
    corto_neural_model *nm = small_model();
    corto_problem *p = test_random_cvrp(40, 7, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    corto_options opt;
    corto_options_init(&opt);
    opt.construct_only = 1;
    opt.neural_model = nm;
    corto_solution *start = NULL, *a = NULL, *b = NULL;
    ck_assert_int_eq(corto_solve(&start, p, &opt), CORTO_OK);
    solve_ctx ctx;
    ctx_init(&ctx, p, &opt);
    ck_assert_int_eq(corto_solution_create(&a, p), CORTO_OK);
    ck_assert_int_eq(corto_solution_create(&b, p), CORTO_OK);
    destroy_and_repair(p, &ctx, start, 3, a);
    destroy_and_repair(p, &ctx, start, 3, b);
    checked(p, a);
    test_assert_same_routes(a, b);
    corto_solution_destroy(start);
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_problem_destroy(p);
    corto_neural_model_destroy(nm);
}
END_TEST

/* A VRPTW of n clients (windows wide enough to be feasible). */
static corto_problem *random_vrptw(int n, uint64_t seed)
{
    corto_problem *p = test_random_cvrp(n, seed, 30, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(corto_problem_set_time_window(p, 0, 0, 20000), CORTO_OK);
    test_rand_seed(seed);
    for (int i = 1; i <= n; i++) {
        int64_t open = test_rand_below(4000);
        ck_assert_int_eq(
            corto_problem_set_time_window(p, i, open, open + 1500), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, i, 50), CORTO_OK);
    }
    return p;
}

START_TEST(alns_with_the_arm_is_checked_and_reproducible)
{
    corto_neural_model *nm = small_model();
    corto_problem *probs[] = {
        test_random_cvrp(40, 11, 40, CORTO_UNLIMITED, NULL),
        test_random_asym_vrp(30, 12, 15), random_vrptw(30, 13)};
    for (int k = 0; k < 3; k++) {
        corto_problem *p = probs[k];
        corto_options opt;
        corto_options_init(&opt);
        opt.neural_arm = 1;
        opt.neural_model = nm;
        opt.time_limit = 0;
        opt.iterations = 300;
        opt.seed = 5;
        corto_solution *a = NULL, *b = NULL;
        ck_assert_int_eq(corto_solve(&a, p, &opt), CORTO_OK);
        ck_assert_int_eq(corto_solve(&b, p, &opt), CORTO_OK);
        ck_assert_int_eq(corto_solution_get_status(a),
                         CORTO_SOLUTION_FEASIBLE);
        checked(p, a);
        test_assert_same_routes(a, b);
        corto_solution_destroy(a);
        corto_solution_destroy(b);
        corto_problem_destroy(p);
    }
    corto_neural_model_destroy(nm);
}
END_TEST

START_TEST(unsupported_problem_is_refused)
{
    corto_neural_model *nm = small_model();
    corto_problem *p = test_random_tsp(15, 4);
    corto_options opt;
    corto_options_init(&opt);
    opt.neural_arm = 1;
    opt.neural_model = nm;
    opt.iterations = 50;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_null(s);
    corto_problem_destroy(p);
    corto_neural_model_destroy(nm);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("repair_neural");
    TCase *tc = tcase_create("neural_arm");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, operator_serves_removed_clients);
    tcase_add_test(tc, alns_with_the_arm_is_checked_and_reproducible);
    tcase_add_test(tc, unsupported_problem_is_refused);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
