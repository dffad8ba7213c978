/*
 * test_alns.c — the VRP ALNS loop: never worse than its start, feasible and
 * confirmed by the checker under every selector and acceptance criterion,
 * identical runs for a seed and an iteration limit, the published optima
 * of two small bundled instances within 2000 iterations, soft constraints
 * that never leak into results, and the stall stop.
 */
#include "alns.h"
#include "construct.h"
#include "corto.h"
#include "route_eval.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* Solve with the given selector, acceptance, seed and iterations. */
static corto_solution *alns_solve(const corto_problem *p, const char *selector,
                                  const char *acceptance, uint64_t seed,
                                  int64_t iterations)
{
    corto_options o;
    corto_options_init(&o);
    ck_assert_int_eq(corto_options_set(&o, "selector", selector, NULL),
                     CORTO_OK);
    ck_assert_int_eq(corto_options_set(&o, "acceptance", acceptance, NULL),
                     CORTO_OK);
    o.seed = seed;
    o.iterations = iterations;
    o.time_limit = 60; /* a backstop; the iteration limit ends the run */
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_int_eq(corto_solution_stop_reason(s),
                     CORTO_STOP_ITERATION_LIMIT);
    return s;
}

START_TEST(never_worse_than_start)
{
    corto_problem *p =
        test_random_cvrp(60, 31 + (uint64_t)_i, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    test_direct t;
    test_direct_start(&t, p);
    t.opt.iterations = 200;
    ck_assert_int_eq(construct_savings(t.s, &t.ctx), CORTO_OK);
    route_eval_solution(t.s);
    int64_t start = t.s->cost;
    ck_assert_int_eq(alns_run(t.s, &t.ctx), CORTO_OK);
    route_eval_solution(t.s);
    ck_assert_int_eq(t.ctx.iteration, 200);
    ck_assert_int_le(t.s->cost, start);
    ck_assert_int_eq(test_assert_clients_once(p, t.s), 60);
    ck_assert_int_eq(t.s->status, CORTO_SOLUTION_FEASIBLE);
    test_assert_checker_agrees(p, t.s);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

/* Every selector with every acceptance criterion gives a feasible
 * solution the checker confirms, no worse than construction alone. */
START_TEST(every_selector_and_acceptance)
{
    static const char *selectors[] = {"roulette",      "segmented", "ucb1",
                                      "alpha-ucb",     "thompson",  "exp3",
                                      "epsilon-greedy"};
    static const char *accepts[] = {"sa", "rrt", "lahc", "great-deluge",
                                    "hill-climb"};
    corto_problem *p = test_random_cvrp(40, 41, 30, CORTO_UNLIMITED, NULL);
    corto_options o;
    corto_options_init(&o);
    o.construct_only = 1;
    corto_solution *c = NULL;
    ck_assert_int_eq(corto_solve(&c, p, &o), CORTO_OK);
    for (int a = 0; a < 5; a++) {
        corto_solution *s = alns_solve(p, selectors[_i], accepts[a], 3, 150);
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
        ck_assert_int_le(corto_solution_cost(s), corto_solution_cost(c));
        ck_assert_int_eq(test_assert_clients_once(p, s), 40);
        test_assert_checker_agrees(p, s);
        corto_solution_destroy(s);
    }
    corto_solution_destroy(c);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(deterministic_for_seed_and_iterations)
{
    corto_problem *p = test_random_cvrp(80, 51, 50, CORTO_UNLIMITED, NULL);
    corto_solution *a = alns_solve(p, "thompson", "sa", 9, 400);
    corto_solution *b = alns_solve(p, "thompson", "sa", 9, 400);
    test_assert_same_routes(a, b);
    ck_assert_int_eq(corto_solution_iterations(a), 400);
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_problem_destroy(p);
}
END_TEST

/* Time windows, an asymmetric matrix and a tight fleet: the search keeps
 * the checker's verdict and never serves a client twice. */
START_TEST(constrained_problems_stay_valid)
{
    corto_problem *p = NULL;
    int tight = 0;
    if (_i == 0) {
        p = test_random_cvrp(40, 61, 30, CORTO_UNLIMITED, NULL);
        test_rand_seed(5);
        for (int i = 1; i <= 40; i++) {
            int64_t open = 1500 + test_rand_below(2000);
            ck_assert_int_eq(
                corto_problem_set_time_window(p, i, open, open + 600),
                CORTO_OK);
            ck_assert_int_eq(corto_problem_set_service(p, i, 10), CORTO_OK);
        }
    } else if (_i == 1) {
        p = test_random_asym_vrp(40, 62, 15);
    } else {
        p = test_random_cvrp(50, 63, 40, 7, NULL);
        tight = 1;
    }
    corto_solution *s = alns_solve(p, "roulette", "sa", 4, 300);
    int served = test_assert_clients_once(p, s);
    test_assert_checker_agrees(p, s);
    if (!tight) {
        ck_assert_int_eq(served, corto_problem_n_clients(p));
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
    } else {
        ck_assert_int_le(corto_solution_n_routes(s), 7);
    }
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Capacity for about seven clients a route: with and without soft
 * constraints every client is served, the checker finds no violation,
 * and the same seed gives the same routes. */
START_TEST(soft_constraints_keep_results_feasible)
{
    corto_problem *p =
        test_random_cvrp(60, 71 + (uint64_t)_i, 40, CORTO_UNLIMITED, NULL);
    corto_options o;
    corto_options_init(&o);
    o.seed = 5;
    o.iterations = 300;
    o.time_limit = 60;
    corto_solution *s[2][2];
    for (int soft = 0; soft < 2; soft++)
        for (int run = 0; run < 2; run++) {
            o.soft_constraints = soft;
            ck_assert_int_eq(corto_solve(&s[soft][run], p, &o), CORTO_OK);
            ck_assert_int_eq(test_assert_clients_once(p, s[soft][run]), 60);
            ck_assert_int_eq(corto_solution_get_status(s[soft][run]),
                             CORTO_SOLUTION_FEASIBLE);
            test_assert_checker_agrees(p, s[soft][run]);
        }
    for (int soft = 0; soft < 2; soft++) {
        test_assert_same_routes(s[soft][0], s[soft][1]);
        corto_solution_destroy(s[soft][0]);
        corto_solution_destroy(s[soft][1]);
    }
    corto_problem_destroy(p);
}
END_TEST

/* Too few vehicles for every client: the search leaves clients unserved
 * rather than returning a route over capacity, soft constraints or not. */
START_TEST(short_fleet_leaves_clients_out_not_overloaded)
{
    corto_problem *p = test_random_cvrp(40, 81, 30, 3, NULL);
    corto_options o;
    corto_options_init(&o);
    o.iterations = 300;
    o.time_limit = 60;
    o.soft_constraints = _i;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, INT64_MAX), CORTO_OK);
    ck_assert_int_gt(rep.violations[CORTO_VIOL_MISSING], 0);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_CAPACITY], 0);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_FLEET], 0);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_INFEASIBLE);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* With `stall` set and no other limit the search ends by itself, reports
 * why, and did at least `stall` iterations. */
START_TEST(stall_ends_the_search)
{
    corto_problem *p = test_random_cvrp(40, 91, 40, CORTO_UNLIMITED, NULL);
    corto_options o;
    corto_options_init(&o);
    o.time_limit = 0;
    o.stall = 100;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_int_eq(corto_solution_stop_reason(s), CORTO_STOP_STALL);
    ck_assert_int_ge(corto_solution_iterations(s), 100);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Published optima: E-n13-k4 247 and A-n32-k5 784 (CVRPLIB). */
START_TEST(reaches_known_optima)
{
    static const struct {
        const char *file;
        int64_t opt;
    } cases[] = {{"instances/E-n13-k4.vrp", 247},
                 {"instances/A-n32-k5.vrp", 784}};
    corto_problem *p = test_load_problem(cases[_i].file);
    corto_solution *s = alns_solve(p, "roulette", "sa", 1, 2000);
    ck_assert_int_eq(corto_solution_cost(s), cases[_i].opt);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

static Suite *alns_suite(void)
{
    Suite *s = suite_create("alns");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, never_worse_than_start, 0, 3);
    tcase_add_loop_test(tc, every_selector_and_acceptance, 0, 7);
    tcase_add_test(tc, deterministic_for_seed_and_iterations);
    tcase_add_loop_test(tc, constrained_problems_stay_valid, 0, 3);
    tcase_add_loop_test(tc, reaches_known_optima, 0, 2);
    tcase_add_loop_test(tc, soft_constraints_keep_results_feasible, 0, 2);
    tcase_add_loop_test(tc, short_fleet_leaves_clients_out_not_overloaded, 0,
                        2);
    tcase_add_test(tc, stall_ends_the_search);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(alns_suite());
}
