/*
 * test_construct.c — VRP constructions (savings, nearest neighbour) and the
 * first VRP local search: random instances built through the public API
 * must give solutions the independent checker accepts, local search never
 * raises the cost, equal seeds give equal routes, and small cases have
 * hand-computed answers.
 */
#include "construct.h"
#include "route_eval.h"
#include "corto.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The solver's solution serves each client at most once and the checker
 * agrees with it. Returns the number of clients served. */
static int assert_consistent(const corto_problem *p, const corto_solution *s)
{
    int served = test_assert_clients_once(p, s);
    test_assert_checker_agrees(p, s);
    return served;
}

/* Sum of demands per route must stay within capacity (CVRP, 1 dim). */
static void assert_capacity(const corto_solution *s, int64_t cap,
                            const int64_t *demand)
{
    for (int r = 0; r < corto_solution_n_routes(s); r++) {
        int len = 0;
        const int *nodes = corto_solution_route(s, r, &len);
        int64_t load = 0;
        for (int k = 0; k < len; k++)
            load += demand[nodes[k]];
        ck_assert_int_le(load, cap);
    }
}

/* corto_solve with the given init, construct_only and seed (50 search
 * iterations, 30 s limit). */
static corto_solution *solve_with(const corto_problem *p, const char *init,
                                  int construct_only, uint64_t seed)
{
    corto_options o;
    corto_options_init(&o);
    ck_assert_int_eq(corto_options_set(&o, "init", init, NULL), CORTO_OK);
    o.construct_only = construct_only;
    o.seed = seed;
    o.iterations = 50;
    o.time_limit = 30;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    return s;
}

/*
 * Solve with init and seed twice, construction only and with the local
 * search: both serve n_clients and pass the checker, the searched one is
 * feasible and costs no more. With demand (not NULL) both are feasible and
 * every route stays within cap.
 */
static void assert_search_improves(const corto_problem *p, const char *init,
                                   uint64_t seed, int n_clients, int64_t cap,
                                   const int64_t *demand)
{
    corto_solution *c = solve_with(p, init, 1, seed);
    corto_solution *l = solve_with(p, init, 0, seed);
    ck_assert_int_eq(assert_consistent(p, c), n_clients);
    ck_assert_int_eq(assert_consistent(p, l), n_clients);
    if (demand) {
        ck_assert_int_eq(corto_solution_get_status(c),
                         CORTO_SOLUTION_FEASIBLE);
        assert_capacity(c, cap, demand);
        assert_capacity(l, cap, demand);
    }
    ck_assert_int_eq(corto_solution_get_status(l), CORTO_SOLUTION_FEASIBLE);
    ck_assert_int_le(corto_solution_cost(l), corto_solution_cost(c));
    corto_solution_destroy(c);
    corto_solution_destroy(l);
}

START_TEST(cvrp_random_feasible_and_improved)
{
    static const char *inits[] = {"savings", "nearest", "auto"};
    for (uint64_t seed = 1; seed <= 4; seed++) {
        int n = 40 + 30 * (int)seed;
        int64_t *demand = calloc((size_t)n + 1, sizeof *demand);
        ck_assert_ptr_nonnull(demand);
        corto_problem *p =
            test_random_cvrp(n, seed, 50, CORTO_UNLIMITED, demand);
        for (int m = 0; m < 3; m++)
            assert_search_improves(p, inits[m], seed, n, 50, demand);
        free(demand);
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(asymmetric_vrp_feasible)
{
    for (uint64_t seed = 11; seed <= 13; seed++) {
        corto_problem *p = test_random_asym_vrp(50, seed, 20);
        assert_search_improves(p, "savings", seed, 50, 20, NULL);
        assert_search_improves(p, "nearest", seed, 50, 20, NULL);
        corto_problem_destroy(p);
    }
}
END_TEST

/* Same seed, same routes; the direct calls agree with corto_solve. */
START_TEST(deterministic_given_seed)
{
    corto_problem *p = test_random_cvrp(120, 7, 40, CORTO_UNLIMITED, NULL);
    corto_solution *a = solve_with(p, "savings", 0, 42);
    corto_solution *b = solve_with(p, "savings", 0, 42);
    ck_assert_int_eq(corto_solution_n_routes(a), corto_solution_n_routes(b));
    ck_assert_int_eq(corto_solution_cost(a), corto_solution_cost(b));
    for (int r = 0; r < corto_solution_n_routes(a); r++) {
        int la = 0, lb = 0;
        const int *ra = corto_solution_route(a, r, &la);
        const int *rb = corto_solution_route(b, r, &lb);
        ck_assert_int_eq(la, lb);
        ck_assert_int_eq(memcmp(ra, rb, (size_t)la * sizeof *ra), 0);
    }
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(direct_calls_never_increase_cost)
{
    corto_problem *p = test_random_cvrp(90, 3, 35, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    for (int m = 0; m < 2; m++) {
        test_direct t;
        test_direct_start(&t, p);
        corto_solution *s = t.s;
        ck_assert_int_eq(m ? construct_nearest(s, &t.ctx)
                           : construct_savings(s, &t.ctx),
                         CORTO_OK);
        route_eval_solution(s);
        int64_t before = s->cost;
        ck_assert_int_eq(s->status, CORTO_SOLUTION_FEASIBLE);
        ck_assert_int_eq(vrp_improve(s, &t.ctx), CORTO_OK);
        route_eval_solution(s);
        ck_assert_int_eq(s->status, CORTO_SOLUTION_FEASIBLE);
        ck_assert_int_le(s->cost, before);
        assert_consistent(p, s);
        corto_solution_destroy(s);
    }
    corto_problem_destroy(p);
}
END_TEST

/* A VRP of n nodes at (x[i], 0), depot 0, no vehicle type yet. */
static corto_problem *on_a_line(int n, const double *x)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
    double *y = calloc((size_t)n, sizeof *y);
    ck_assert_ptr_nonnull(y);
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    free(y);
    return p;
}

/*
 * Depot at x=0, clients 1..4 at x=1..4 on a line, demand 1, capacity 2.
 * Savings s_ij = i + j - |i-j|: s_34 = 6 is the largest, so {3,4} is
 * formed first; s_24 = s_23 = 4 fail on capacity, then s_12 = 2 joins
 * {1,2}. Cost 2*2 + 2*4 = 12 (also the optimum).
 */
START_TEST(savings_on_a_line)
{
    const double x[5] = {0, 1, 2, 3, 4};
    corto_problem *p = on_a_line(5, x);
    for (int i = 1; i <= 4; i++) {
        int64_t one = 1;
        ck_assert_int_eq(corto_problem_set_demand(p, i, &one), CORTO_OK);
    }
    int64_t cap = 2;
    test_add_vehicle(p, &cap, CORTO_UNLIMITED);
    corto_solution *s = solve_with(p, "savings", 1, 1);
    ck_assert_int_eq(corto_solution_cost(s), 12);
    ck_assert_int_eq(corto_solution_n_routes(s), 2);
    for (int r = 0; r < 2; r++) {
        int len = 0;
        const int *nodes = corto_solution_route(s, r, &len);
        ck_assert_int_eq(len, 2);
        int lo = nodes[0] < nodes[1] ? nodes[0] : nodes[1];
        int hi = nodes[0] < nodes[1] ? nodes[1] : nodes[0];
        ck_assert(lo + 1 == hi && (lo == 1 || lo == 3));
    }
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Time windows: every construction and the search stay feasible. */
START_TEST(time_windows_respected)
{
    corto_problem *p = test_random_cvrp(40, 5, 30, CORTO_UNLIMITED, NULL);
    test_rand_seed(99);
    for (int i = 1; i <= 40; i++) {
        int64_t open = 1500 + test_rand_below(2000); /* reachable alone */
        ck_assert_int_eq(corto_problem_set_time_window(p, i, open, open + 600),
                         CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, i, 10), CORTO_OK);
    }
    assert_search_improves(p, "savings", 1, 40, 30, NULL);
    assert_search_improves(p, "nearest", 1, 40, 30, NULL);
    corto_problem_destroy(p);
}
END_TEST

/* The four ways the tests below build a solution (seed 1); each is one
 * run of a loop test. */
static const struct {
    const char *init;
    int construct_only;
} builds[] = {{"savings", 0}, {"savings", 1}, {"nearest", 0}, {"nearest", 1}};

#define N_BUILDS ((int)(sizeof builds / sizeof builds[0]))

/* The solution of build number b on p. */
static corto_solution *solve_build(const corto_problem *p, int b)
{
    return solve_with(p, builds[b].init, builds[b].construct_only, 1);
}

/* Pickup-delivery pairs stay on one route, pickup first. */
START_TEST(pairs_kept_together)
{
    corto_problem *p = test_random_cvrp(30, 8, 40, CORTO_UNLIMITED, NULL);
    for (int k = 0; k < 6; k++) {
        int64_t amount = 3;
        ck_assert_int_eq(
            corto_problem_add_pair(p, 1 + 2 * k, 2 + 2 * k, &amount),
            CORTO_OK);
    }
    corto_solution *s = solve_build(p, _i);
    ck_assert_int_eq(assert_consistent(p, s), 30);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Too few vehicles: never more routes than vehicles, and the solution is
 * reported infeasible (some clients cannot be served) — never invented. */
START_TEST(fleet_limit_respected)
{
    corto_problem *p = test_random_cvrp(40, 4, 30, 3, NULL);
    corto_solution *s = solve_build(p, _i);
    ck_assert_int_le(corto_solution_n_routes(s), 3);
    ck_assert_int_lt(assert_consistent(p, s), 40);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_INFEASIBLE);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* A fixed edge between two clients survives construction and search. */
START_TEST(vrp_fixed_edge_kept)
{
    corto_problem *p = test_random_cvrp(30, 6, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 3, 17), CORTO_OK);
    corto_solution *s = solve_build(p, _i);
    assert_consistent(p, s);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    ck_assert(route_eval_has_edge(s, 3, 17, 0));
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Optional clients far away with a small prize are left out. */
START_TEST(optional_clients_may_be_dropped)
{
    const double x[4] = {0, 1, 2, 500};
    corto_problem *p = on_a_line(4, x);
    ck_assert_int_eq(corto_problem_set_prize(p, 3, 10, 0), CORTO_OK);
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);
    for (int m = 0; m < 2; m++) {
        corto_solution *s = solve_with(p, m ? "nearest" : "savings", 0, 1);
        ck_assert_int_eq(assert_consistent(p, s), 2);
        ck_assert_int_eq(corto_solution_cost(s), 4);
        corto_solution_destroy(s);
    }
    corto_problem_destroy(p);
}
END_TEST

/* X-n101-k25 from the shared set: feasible, within 10% of the BKS. */
START_TEST(x_instance_quality)
{
    char path[1024];
    if (!test_shared_path(path, sizeof path, "cvrp/X/X-n101-k25.vrp"))
        return;
    corto_problem *p = NULL;
    corto_diag d;
    if (corto_read_problem(&p, path, &d) != CORTO_OK)
        return; /* the reader is tested elsewhere */
    corto_solution *s = solve_with(p, "savings", 0, 1);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    ck_assert_int_ge(corto_solution_cost(s), 27591);
    ck_assert_int_le(corto_solution_cost(s), 27591 * 110 / 100);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

static Suite *construct_suite(void)
{
    Suite *s = suite_create("construct");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, cvrp_random_feasible_and_improved);
    tcase_add_test(tc, asymmetric_vrp_feasible);
    tcase_add_test(tc, deterministic_given_seed);
    tcase_add_test(tc, direct_calls_never_increase_cost);
    tcase_add_test(tc, savings_on_a_line);
    tcase_add_test(tc, time_windows_respected);
    tcase_add_loop_test(tc, pairs_kept_together, 0, N_BUILDS);
    tcase_add_loop_test(tc, fleet_limit_respected, 0, N_BUILDS);
    tcase_add_loop_test(tc, vrp_fixed_edge_kept, 0, N_BUILDS);
    tcase_add_test(tc, optional_clients_may_be_dropped);
    tcase_add_test(tc, x_instance_quality);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(construct_suite());
}
