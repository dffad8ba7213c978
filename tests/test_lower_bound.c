/*
 * test_lower_bound.c — the lower-bound option (solver/exact/cvrp_bound.c,
 * tsp_exact_bound in solver/exact/tsp_exact.c):
 *  - bundled TSP/ATSP and CVRP instances get a bound no higher than their
 *    published optimum and than the heuristic's cost;
 *  - random CVRPs of 8-12 clients (some with fixed route costs): the bound
 *    is no higher than the optimum the exact engine proves;
 *  - the Held-Karp bound (used beyond 400 nodes) on the bundled symmetric
 *    TSPs: no higher than the optimum, within 3 % of it;
 *  - problems the CVRP model does not cover (duration costs) get none, and
 *    without the option no bound is reported.
 */
#include "corto.h"
#include "test_problems.h"
#include "tsp_onetree.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>

/* Heuristic solve with the lower-bound option, 1 s and few iterations. */
static corto_solution *solve_with_bound(const corto_problem *p, int bound)
{
    corto_options o;
    corto_options_init(&o);
    o.time_limit = 1;
    o.iterations = 300;
    o.lower_bound = bound;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    test_assert_checker_agrees(p, s);
    return s;
}

/* Published optima (TSPLIB95, CVRPLIB; instances/MANIFEST.csv). */
static const struct {
    const char *file;
    int64_t optimum;
} bundled[] = {
    {"instances/ulysses16.tsp", 6859}, {"instances/br17.atsp", 39},
    {"instances/bays29.tsp", 2020},    {"instances/ftv33.atsp", 1286},
    {"instances/berlin52.tsp", 7542},  {"instances/A-n32-k5.vrp", 784},
    {"instances/E-n13-k4.vrp", 247},
};

START_TEST(bundled_bound_below_optimum)
{
    corto_problem *p = test_load_problem(bundled[_i].file);
    corto_solution *s = solve_with_bound(p, 1);
    int64_t lb = corto_solution_lower_bound(s);
    ck_assert_msg(lb != INT64_MIN, "%s: no bound", bundled[_i].file);
    ck_assert_int_le(lb, bundled[_i].optimum);
    ck_assert_int_le(lb, corto_solution_cost(s));
    /* An LP relaxation with cuts is not trivially weak: within 15 %. */
    ck_assert_int_ge(lb * 100, bundled[_i].optimum * 85);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(random_cvrp_bound_below_exact_optimum)
{
    for (int seed = 1; seed <= 24; seed++) {
        int n = 8 + seed % 5;
        corto_problem *p = test_random_cvrp(n, (uint64_t)(300 + seed), 15,
                                            CORTO_UNLIMITED, NULL);
        /* Every third instance with a fixed cost per route. */
        if (seed % 3 == 0)
            p->vtypes[0].fixed_cost = 40;
        corto_options o;
        corto_options_init(&o);
        o.time_limit = 20;
        o.exact = 1;
        corto_solution *opt = NULL;
        ck_assert_int_eq(corto_solve(&opt, p, &o), CORTO_OK);
        ck_assert_int_eq(corto_solution_get_status(opt),
                         CORTO_SOLUTION_OPTIMAL);
        corto_solution *s = solve_with_bound(p, 1);
        int64_t lb = corto_solution_lower_bound(s);
        ck_assert_int_ne(lb, INT64_MIN);
        ck_assert_int_le(lb, corto_solution_cost(opt));
        corto_solution_destroy(s);
        corto_solution_destroy(opt);
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(no_bound_without_option_or_model)
{
    corto_problem *p = test_random_cvrp(9, 5, 15, CORTO_UNLIMITED, NULL);
    corto_solution *s = solve_with_bound(p, 0);
    ck_assert_int_eq(corto_solution_lower_bound(s), INT64_MIN);
    corto_solution_destroy(s);
    /* A cost per duration is outside the CVRP model: no bound. */
    p->vtypes[0].cost_per_duration = 1;
    s = solve_with_bound(p, 1);
    ck_assert_int_eq(corto_solution_lower_bound(s), INT64_MIN);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(held_karp_below_optimum)
{
    static const struct {
        const char *file;
        int64_t optimum;
    } sym[] = {{"instances/ulysses16.tsp", 6859},
               {"instances/gr17.tsp", 2085},
               {"instances/bays29.tsp", 2020},
               {"instances/att48.tsp", 10628},
               {"instances/berlin52.tsp", 7542}};
    for (size_t k = 0; k < sizeof sym / sizeof sym[0]; k++) {
        corto_problem *p = test_load_problem(sym[k].file);
        test_direct t;
        test_direct_start(&t, p);
        tsp_view v = {0};
        ck_assert_int_eq(tsp_view_init(&v, p), CORTO_OK);
        ck_assert(v.symmetric);
        int64_t b = INT64_MIN;
        /* The optimum as the step-size target: only a known tour's weight
         * is needed, the bound stays valid for any. */
        ck_assert_int_eq(
            tsp_onetree_bound(&v, sym[k].optimum, 1000, &t.ctx, &b), CORTO_OK);
        ck_assert_int_le(b, sym[k].optimum);
        ck_assert_int_ge(b * 100, sym[k].optimum * 97);
        tsp_view_free(&v);
        corto_solution_destroy(t.s);
        corto_problem_destroy(p);
    }
}
END_TEST

/* Over 400 nodes a symmetric TSP gets the Held-Karp bound through the
 * option, an asymmetric one no bound. */
START_TEST(large_instances_through_the_option)
{
    corto_problem *p = test_random_tsp(450, 17);
    corto_solution *s = solve_with_bound(p, 1);
    int64_t lb = corto_solution_lower_bound(s);
    ck_assert_int_ne(lb, INT64_MIN);
    ck_assert_int_le(lb, corto_solution_cost(s));
    ck_assert_int_ge(lb * 100, corto_solution_cost(s) * 80);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
    p = test_random_atsp(450, 17);
    s = solve_with_bound(p, 1);
    ck_assert_int_eq(corto_solution_lower_bound(s), INT64_MIN);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

static Suite *lower_bound_suite(void)
{
    Suite *s = suite_create("lower_bound");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, bundled_bound_below_optimum, 0,
                        (int)(sizeof bundled / sizeof bundled[0]));
    tcase_add_test(tc, random_cvrp_bound_below_exact_optimum);
    tcase_add_test(tc, held_karp_below_optimum);
    tcase_add_test(tc, large_instances_through_the_option);
    tcase_add_test(tc, no_bound_without_option_or_model);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(lower_bound_suite());
}
