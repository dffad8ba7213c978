/*
 * test_problems.c — implementation of the shared problem builders and
 * solution assertions (see test_problems.h).
 */
#include "test_problems.h"

#include "model.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>

const int64_t test_base_dist[16] = {
    0,  10, 20, 30, /* from 0 */
    11, 0,  5,  15, /* from 1 */
    21, 6,  0,  7,  /* from 2 */
    31, 16, 8,  0,  /* from 3 */
};

corto_problem *test_base_problem(int n_dims)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, 4, n_dims), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_distances(p, 0, test_base_dist),
                     CORTO_OK);
    return p;
}

void test_base_dist_times(int64_t out[16], int64_t factor)
{
    for (int k = 0; k < 16; k++)
        out[k] = factor * test_base_dist[k];
}

void test_set_two_dim_loads(corto_problem *p)
{
    static const int64_t dem[3][2] = {{3, 0}, {2, 1}, {0, 4}};
    static const int64_t pick1[] = {1, 2};
    for (int i = 1; i <= 3; i++)
        ck_assert_int_eq(corto_problem_set_demand(p, i, dem[i - 1]), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_pickup(p, 1, pick1), CORTO_OK);
}

void test_add_vehicle(corto_problem *p, const int64_t *capacity, int64_t count)
{
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.capacity = capacity;
    vt.count = count;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
}

static uint64_t test_rand_state;

void test_rand_seed(uint64_t seed)
{
    test_rand_state = seed * 0x9E3779B97F4A7C15ull + 1;
}

int test_rand_below(int n)
{
    test_rand_state ^= test_rand_state << 13;
    test_rand_state ^= test_rand_state >> 7;
    test_rand_state ^= test_rand_state << 17;
    return (int)(test_rand_state % (uint64_t)n);
}

void test_set_random_distances(corto_problem *p, int n, int64_t lo, int span)
{
    int64_t *d = malloc((size_t)n * (size_t)n * sizeof *d);
    ck_assert_ptr_nonnull(d);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            d[i * n + j] = i == j ? 0 : lo + test_rand_below(span);
    ck_assert_int_eq(corto_problem_set_distances(p, 0, d), CORTO_OK);
    free(d);
}

corto_problem *test_random_cvrp(int n, uint64_t seed, int64_t cap,
                                int64_t count, int64_t *demand)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n + 1, 1), CORTO_OK);
    test_rand_seed(seed);
    double *x = malloc((size_t)(n + 1) * sizeof *x);
    double *y = malloc((size_t)(n + 1) * sizeof *y);
    ck_assert(x && y);
    for (int i = 0; i <= n; i++) {
        x[i] = test_rand_below(1000);
        y[i] = test_rand_below(1000);
        int64_t q = i > 0 ? 1 + test_rand_below(10) : 0;
        if (i > 0)
            ck_assert_int_eq(corto_problem_set_demand(p, i, &q), CORTO_OK);
        if (demand)
            demand[i] = q;
    }
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    free(x);
    free(y);
    test_add_vehicle(p, &cap, count);
    return p;
}

corto_problem *test_random_asym_vrp(int n, uint64_t seed, int64_t cap)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n + 1, 1), CORTO_OK);
    test_rand_seed(seed);
    test_set_random_distances(p, n + 1, 10, 200);
    for (int i = 1; i <= n; i++) {
        int64_t q = 1 + test_rand_below(5);
        ck_assert_int_eq(corto_problem_set_demand(p, i, &q), CORTO_OK);
    }
    test_add_vehicle(p, &cap, CORTO_UNLIMITED);
    return p;
}

corto_problem *test_tsp_from_coords(int n, const double *x, const double *y)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_TSP), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    return p;
}

corto_problem *test_random_tsp(int n, uint64_t seed)
{
    double *x = malloc((size_t)n * sizeof *x);
    double *y = malloc((size_t)n * sizeof *y);
    ck_assert(x && y);
    test_rand_seed(seed);
    for (int i = 0; i < n; i++) {
        x[i] = test_rand_below(10000);
        y[i] = test_rand_below(10000);
    }
    corto_problem *p = test_tsp_from_coords(n, x, y);
    free(x);
    free(y);
    return p;
}

corto_problem *test_random_atsp(int n, uint64_t seed)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_ATSP), CORTO_OK);
    test_rand_seed(seed);
    test_set_random_distances(p, n, 1, 1000);
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    return p;
}

int test_assert_clients_once(const corto_problem *p, const corto_solution *s)
{
    int n = corto_problem_n_nodes(p), served = 0;
    int *seen = calloc((size_t)n, sizeof *seen);
    ck_assert_ptr_nonnull(seen);
    for (int r = 0; r < corto_solution_n_routes(s); r++) {
        int len = 0;
        const int *nodes = corto_solution_route(s, r, &len);
        ck_assert_int_gt(len, 0);
        for (int k = 0; k < len; k++) {
            ck_assert_int_ge(nodes[k], 1);
            ck_assert_int_lt(nodes[k], n);
            ck_assert_int_eq(seen[nodes[k]]++, 0);
            served++;
        }
    }
    free(seen);
    return served;
}

void test_assert_checker_agrees(const corto_problem *p,
                                const corto_solution *s)
{
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, corto_solution_cost(s)),
                     CORTO_OK);
    corto_solution_status st = corto_solution_get_status(s);
    ck_assert_int_eq(rep.feasible, st == CORTO_SOLUTION_FEASIBLE ||
                                       st == CORTO_SOLUTION_OPTIMAL);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_COST], 0);
}

void test_direct_start(test_direct *t, const corto_problem *p)
{
    corto_options_init(&t->opt);
    ctx_init(&t->ctx, p, &t->opt);
    t->s = NULL;
    ck_assert_int_eq(corto_solution_create(&t->s, p), CORTO_OK);
}

corto_problem *test_load_problem(const char *relative)
{
    char path[4096];
    corto_diag d;
    corto_problem *p = NULL;
    test_source_path(path, sizeof path, relative);
    corto_status rc = corto_read_problem(&p, path, &d);
    ck_assert_msg(rc == CORTO_OK, "%s: %s", relative, d.message);
    return p;
}

corto_solution *test_load_solution(const corto_problem *p,
                                   const char *relative, int64_t *claimed)
{
    char path[4096];
    corto_diag d;
    corto_solution *s = NULL;
    test_source_path(path, sizeof path, relative);
    corto_status rc = corto_read_solution(&s, claimed, p, path, &d);
    ck_assert_msg(rc == CORTO_OK, "%s: %s", relative, d.message);
    return s;
}

void test_assert_same_routes(const corto_solution *a, const corto_solution *b)
{
    if (corto_solution_cost(a) != INT64_MAX &&
        corto_solution_cost(b) != INT64_MAX)
        ck_assert_int_eq(corto_solution_cost(a), corto_solution_cost(b));
    ck_assert_int_eq(corto_solution_n_routes(a), corto_solution_n_routes(b));
    for (int r = 0; r < corto_solution_n_routes(a); r++) {
        int la = 0, lb = 0;
        const int *ra = corto_solution_route(a, r, &la);
        const int *rb = corto_solution_route(b, r, &lb);
        ck_assert_int_eq(corto_solution_route_vehicle_type(a, r),
                         corto_solution_route_vehicle_type(b, r));
        ck_assert_int_eq(la, lb);
        for (int k = 0; k < la; k++)
            ck_assert_int_eq(ra[k], rb[k]);
    }
}
