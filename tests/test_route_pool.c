/*
 * test_route_pool.c — the ALNS route pool: one entry per client set and
 * vehicle type keeping the cheapest order, a bounded size with
 * second-chance eviction, and a node store that survives compaction and
 * growth; the set partitioning over the pool recombines the routes of
 * the proven optimum (cvrp_exact) with a worse start into that optimum,
 * and a sub-optimal pool never makes the best worse; the ALNS with the
 * pool is reproducible for a seed and an iteration count, and stays
 * feasible on problems with several vehicle types, optional clients and
 * pickup-delivery pairs (independent checker).
 */
#include "cvrp_exact.h"
#include "corto.h"
#include "route_pool.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* A prepared random CVRP with its vrp_data. */
typedef struct fixture {
    corto_problem *p;
    vrp_data d;
} fixture;

static void fixture_start(fixture *f, int n, uint64_t seed, int64_t cap)
{
    f->p = test_random_cvrp(n, seed, cap, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(f->p), CORTO_OK);
    ck_assert_int_eq(vrp_data_build(&f->d, f->p), CORTO_OK);
}

static void fixture_end(fixture *f)
{
    vrp_data_free(&f->d);
    corto_problem_destroy(f->p);
}

START_TEST(one_entry_per_client_set)
{
    fixture f;
    fixture_start(&f, 10, 1, 100);
    route_pool *pool = NULL;
    ck_assert_int_eq(route_pool_create(&pool, &f.d, 50), CORTO_OK);
    int a[] = {1, 2, 3}, b[] = {3, 1, 2}, c[] = {1, 2, 4};
    int ea = -1, eb = -1, ec = -1;
    ck_assert_int_eq(route_pool_add(pool, 0, a, 3, 500, &ea), CORTO_OK);
    ck_assert_int_eq(route_pool_add(pool, 0, b, 3, 400, &eb), CORTO_OK);
    ck_assert_int_eq(route_pool_add(pool, 0, c, 3, 450, &ec), CORTO_OK);
    ck_assert_int_eq(ea, eb);
    ck_assert_int_ne(ea, ec);
    ck_assert_int_eq(route_pool_size(pool), 2);
    int len = 0, vt = -1;
    int64_t cost = 0;
    const int *nodes = route_pool_route(pool, ea, &len, &vt, &cost);
    ck_assert_int_eq(cost, 400); /* the cheaper order is kept */
    ck_assert_int_eq(len, 3);
    ck_assert_int_eq(nodes[0], 3);
    /* A dearer copy changes nothing. */
    ck_assert_int_eq(route_pool_add(pool, 0, a, 3, 900, &ea), CORTO_OK);
    route_pool_route(pool, ea, NULL, NULL, &cost);
    ck_assert_int_eq(cost, 400);
    route_pool_destroy(pool);
    fixture_end(&f);
}
END_TEST

/* Many more routes than room: the size stays at the capacity, every
 * stored route reads back as offered (store compaction and growth), and
 * a route offered again before each new one survives the evictions. */
START_TEST(bounded_with_second_chance)
{
    fixture f;
    fixture_start(&f, 30, 2, 1000);
    route_pool *pool = NULL;
    ck_assert_int_eq(route_pool_create(&pool, &f.d, 40), CORTO_OK);
    int keep[] = {1, 2};
    int nodes[30];
    test_rand_seed(5);
    for (int k = 0; k < 600; k++) {
        ck_assert_int_eq(route_pool_add(pool, 0, keep, 2, 10, NULL), CORTO_OK);
        int len = 1 + test_rand_below(20);
        for (int t = 0; t < len; t++)
            nodes[t] = 3 + (t + k) % 28; /* distinct within a route */
        int e = -1;
        ck_assert_int_eq(route_pool_add(pool, 0, nodes, len, 100 + k, &e),
                         CORTO_OK);
        ck_assert_int_ge(e, 0);
        ck_assert_int_le(route_pool_size(pool), 40);
        int got = 0;
        int64_t cost = 0;
        const int *back = route_pool_route(pool, e, &got, NULL, &cost);
        ck_assert_int_eq(got, len);
        ck_assert_int_le(cost, 100 + k);
        ck_assert_int_eq(memcmp(back, nodes, (size_t)len * sizeof *back) ==
                                 0 ||
                             cost < 100 + k,
                         1);
    }
    ck_assert_int_eq(route_pool_size(pool), 40);
    /* Still there: a dearer copy finds the stored one. */
    int e = -1;
    int64_t cost = 0;
    ck_assert_int_eq(route_pool_add(pool, 0, keep, 2, 20, &e), CORTO_OK);
    route_pool_route(pool, e, NULL, NULL, &cost);
    ck_assert_int_eq(cost, 10);
    route_pool_destroy(pool);
    fixture_end(&f);
}
END_TEST

/* A solution of singleton routes as the best, the optimal routes in the
 * pool: the recombination reaches the optimum. */
START_TEST(recombines_to_the_optimum)
{
    for (int seed = 1; seed <= 3; seed++) {
        fixture f;
        fixture_start(&f, 12, (uint64_t)seed, 25);
        test_direct t;
        test_direct_start(&t, f.p);
        int64_t bound = 0;
        ck_assert_int_eq(cvrp_exact(t.s, &t.ctx, &bound), CORTO_OK);
        int64_t opt = corto_solution_cost(t.s);
        route_pool *pool = NULL;
        ck_assert_int_eq(route_pool_create(&pool, &f.d, 0), CORTO_OK);
        for (int r = 0; r < corto_solution_n_routes(t.s); r++) {
            int len = 0;
            const int *nodes = corto_solution_route(t.s, r, &len);
            route_eval re;
            route_eval_nodes(&re, f.p, 0, nodes, len);
            ck_assert_int_eq(
                route_pool_add(pool, 0, nodes, len, re.cost, NULL), CORTO_OK);
        }
        corto_solution *single = NULL;
        ck_assert_int_eq(corto_solution_create(&single, f.p), CORTO_OK);
        for (int x = 1; x <= 12; x++)
            ck_assert_int_eq(corto_solution_add_route(single, 0, &x, 1),
                             CORTO_OK);
        route_eval_solution(single);
        vrp_state best;
        ck_assert_int_eq(vrp_state_init(&best, &f.d), CORTO_OK);
        ck_assert_int_eq(vrp_state_load(&best, single), CORTO_OK);
        ck_assert_int_gt(best.cost, opt);
        int improved = 0;
        ck_assert_int_eq(route_pool_recombine(pool, &best, &t.ctx, &improved),
                         CORTO_OK);
        ck_assert_int_eq(improved, 1);
        ck_assert_int_eq(best.cost, opt);
        ck_assert_int_eq(vrp_state_store(&best, single), CORTO_OK);
        route_eval_solution(single);
        ck_assert_int_eq(corto_solution_cost(single), opt);
        test_assert_checker_agrees(f.p, single);
        /* Again: nothing cheaper left, the best stays. */
        ck_assert_int_eq(route_pool_recombine(pool, &best, &t.ctx, &improved),
                         CORTO_OK);
        ck_assert_int_eq(improved, 0);
        ck_assert_int_eq(best.cost, opt);
        vrp_state_free(&best);
        corto_solution_destroy(single);
        route_pool_destroy(pool);
        corto_solution_destroy(t.s);
        fixture_end(&f);
    }
}
END_TEST

static int pool_lines;

static void count_pool_lines(void *user, int level, const char *line)
{
    (void)user;
    (void)level;
    if (strncmp(line, "route pool:", 11) == 0)
        pool_lines++;
}

/* Solve twice with the pool and an iteration limit: same routes. */
static corto_solution *solve_pool(const corto_problem *p, int pool,
                                  int64_t iterations)
{
    corto_options o;
    corto_options_init(&o);
    o.iterations = iterations;
    o.time_limit = 0;
    o.route_pool = pool;
    o.verbose = 2;
    o.log = count_pool_lines;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    test_assert_checker_agrees(p, s);
    return s;
}

START_TEST(alns_with_pool_is_reproducible)
{
    corto_problem *p = test_random_cvrp(40, 9, 30, CORTO_UNLIMITED, NULL);
    pool_lines = 0;
    corto_solution *a = solve_pool(p, 1, 400);
    ck_assert_int_gt(pool_lines, 0); /* the recombination ran */
    corto_solution *b = solve_pool(p, 1, 400);
    test_assert_same_routes(a, b);
    pool_lines = 0;
    corto_solution *c = solve_pool(p, 0, 400);
    ck_assert_int_eq(pool_lines, 0);
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_solution_destroy(c);
    corto_problem_destroy(p);
}
END_TEST

/* Two vehicle types with few vehicles, optional clients with prizes and
 * pickup-delivery pairs: every result is feasible for the checker. */
START_TEST(variants_stay_feasible)
{
    for (int seed = 1; seed <= 3; seed++) {
        corto_problem *p = test_random_cvrp(30, (uint64_t)seed, 40, 3, NULL);
        corto_vehicle_type vt;
        corto_vehicle_type_init(&vt);
        int64_t cap = 25;
        vt.capacity = &cap;
        vt.count = 4;
        vt.fixed_cost = 200;
        ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL),
                         CORTO_OK);
        for (int x = 2; x <= 30; x += 7)
            ck_assert_int_eq(corto_problem_set_prize(p, x, 300, 0), CORTO_OK);
        int64_t amount = 3;
        ck_assert_int_eq(corto_problem_add_pair(p, 3, 5, &amount), CORTO_OK);
        ck_assert_int_eq(corto_problem_add_pair(p, 11, 4, &amount), CORTO_OK);
        pool_lines = 0;
        corto_solution *s = solve_pool(p, 1, 300);
        ck_assert_int_gt(pool_lines, 0);
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

static Suite *route_pool_suite(void)
{
    Suite *s = suite_create("route_pool");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, one_entry_per_client_set);
    tcase_add_test(tc, bounded_with_second_chance);
    tcase_add_test(tc, recombines_to_the_optimum);
    tcase_add_test(tc, alns_with_pool_is_reproducible);
    tcase_add_test(tc, variants_stay_feasible);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(route_pool_suite());
}
