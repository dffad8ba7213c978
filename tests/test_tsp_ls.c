/*
 * test_tsp_ls.c — TSP/ATSP constructions and tour local search: tours
 * visit every node once and pass the independent checker, the search never
 * raises the cost and reaches the enumerated optimum on a small case,
 * fixed edges survive, limits stop the search, and equal seeds agree.
 */
#include "construct.h"
#include "route_eval.h"
#include "corto.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static uint64_t tr_state;
static void tr_seed(uint64_t s)
{
    tr_state = s * 0x9E3779B97F4A7C15ull + 1;
}
static int tr_below(int n)
{
    tr_state ^= tr_state << 13;
    tr_state ^= tr_state >> 7;
    tr_state ^= tr_state << 17;
    return (int)(tr_state % (uint64_t)n);
}

static corto_problem *tsp_from_coords(int n, const double *x, const double *y)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_TSP), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    return p;
}

static corto_problem *random_tsp(int n, uint64_t seed)
{
    double *x = malloc((size_t)n * sizeof *x),
           *y = malloc((size_t)n * sizeof *y);
    tr_seed(seed);
    for (int i = 0; i < n; i++) {
        x[i] = tr_below(10000);
        y[i] = tr_below(10000);
    }
    corto_problem *p = tsp_from_coords(n, x, y);
    free(x);
    free(y);
    return p;
}

static corto_problem *random_atsp(int n, uint64_t seed)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_ATSP), CORTO_OK);
    int64_t *d = malloc((size_t)n * (size_t)n * sizeof *d);
    tr_seed(seed);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            d[i * n + j] = i == j ? 0 : 1 + tr_below(1000);
    ck_assert_int_eq(corto_problem_set_distances(p, 0, d), CORTO_OK);
    free(d);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    return p;
}

/* One route visiting every non-depot node once; checker agrees. */
static void assert_tour(const corto_problem *p, const corto_solution *s)
{
    int n = corto_problem_n_nodes(p), len = 0;
    ck_assert_int_eq(corto_solution_n_routes(s), 1);
    const int *nodes = corto_solution_route(s, 0, &len);
    ck_assert_int_eq(len, n - 1);
    int *seen = calloc((size_t)n, sizeof *seen);
    for (int k = 0; k < len; k++) {
        ck_assert_int_gt(nodes[k], 0);
        ck_assert_int_lt(nodes[k], n);
        ck_assert_int_eq(seen[nodes[k]]++, 0);
    }
    free(seen);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, corto_solution_cost(s)),
                     CORTO_OK);
    ck_assert_int_eq(rep.feasible,
                     corto_solution_get_status(s) == CORTO_SOLUTION_FEASIBLE);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_COST], 0);
}

/* Build with `nearest` or insertion, evaluate, improve: returns the two
 * costs through before/after. */
static corto_solution *build_and_improve(corto_problem *p, int nearest,
                                         int64_t *before, int64_t *after)
{
    corto_options o;
    corto_options_init(&o);
    solve_ctx ctx;
    ctx_init(&ctx, p, &o);
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    ck_assert_int_eq(nearest ? construct_tsp_nearest(s, &ctx)
                             : construct_tsp_insertion(s, &ctx),
                     CORTO_OK);
    route_eval_solution(s);
    ck_assert_int_eq(s->status, CORTO_SOLUTION_FEASIBLE);
    assert_tour(p, s);
    *before = s->cost;
    ck_assert_int_eq(tsp_improve(s, &ctx), CORTO_OK);
    route_eval_solution(s);
    ck_assert_int_eq(s->status, CORTO_SOLUTION_FEASIBLE);
    assert_tour(p, s);
    *after = s->cost;
    return s;
}

START_TEST(random_tsp_and_atsp)
{
    for (uint64_t seed = 1; seed <= 3; seed++)
        for (int kind = 0; kind < 2; kind++) {
            corto_problem *p = kind ? random_atsp(60 + 20 * (int)seed, seed)
                                    : random_tsp(150 + 100 * (int)seed, seed);
            for (int nearest = 0; nearest < 2; nearest++) {
                int64_t before, after;
                corto_solution *s =
                    build_and_improve(p, nearest, &before, &after);
                ck_assert_int_le(after, before);
                corto_solution_destroy(s);
            }
            corto_problem_destroy(p);
        }
}
END_TEST

/* Cost of the closed tour 0, perm[0..m-1] by the problem's matrix. */
static int64_t tour_cost(const corto_problem *p, const int *perm, int m)
{
    int64_t c = corto_problem_distance(p, 0, 0, perm[0]) +
                corto_problem_distance(p, 0, perm[m - 1], 0);
    for (int k = 0; k + 1 < m; k++)
        c += corto_problem_distance(p, 0, perm[k], perm[k + 1]);
    return c;
}

/* Minimum over all orders of the m clients (Heap's algorithm). */
static int64_t enumerate_optimum(const corto_problem *p, int m)
{
    int perm[8], c[8] = {0};
    for (int k = 0; k < m; k++)
        perm[k] = k + 1;
    int64_t best = tour_cost(p, perm, m);
    for (int i = 0; i < m;) {
        if (c[i] < i) {
            int j = i % 2 == 0 ? 0 : c[i];
            int t = perm[j];
            perm[j] = perm[i];
            perm[i] = t;
            int64_t v = tour_cost(p, perm, m);
            if (v < best)
                best = v;
            c[i]++;
            i = 0;
        } else {
            c[i++] = 0;
        }
    }
    return best;
}

/*
 * Six points on a convex hexagon-like outline; the optimal tour is found
 * by enumerating all orders. From a tour that crosses itself as much as
 * possible, 2-opt must reach it.
 */
START_TEST(small_tsp_reaches_enumerated_optimum)
{
    double x[6] = {0, 1000, 1900, 2000, 1100, 100};
    double y[6] = {0, -300, 200, 1200, 1500, 900};
    corto_problem *p = tsp_from_coords(6, x, y);
    int64_t opt = enumerate_optimum(p, 5);
    int bad[5] = {3, 1, 4, 2, 5};
    corto_options o;
    corto_options_init(&o);
    solve_ctx ctx;
    ctx_init(&ctx, p, &o);
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    ck_assert_int_eq(corto_solution_add_route(s, 0, bad, 5), CORTO_OK);
    route_eval_solution(s);
    ck_assert_int_gt(s->cost, opt);
    ck_assert_int_eq(tsp_improve(s, &ctx), CORTO_OK);
    route_eval_solution(s);
    ck_assert_int_eq(s->cost, opt);
    assert_tour(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* A small ATSP: the search never worsens a bad tour and keeps it valid;
 * from several starts it must find the enumerated optimum at least once. */
START_TEST(small_atsp_improves)
{
    int hits = 0;
    for (uint64_t seed = 1; seed <= 10; seed++) {
        corto_problem *p = random_atsp(8, seed);
        int64_t opt = enumerate_optimum(p, 7);
        int64_t before, after;
        corto_solution *s = build_and_improve(p, 1, &before, &after);
        ck_assert_int_le(after, before);
        ck_assert_int_ge(after, opt);
        hits += after == opt;
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
    ck_assert_int_gt(hits, 0);
}
END_TEST

/* Fixed edges, one at the depot (as in TSPLIB linhp318) and one between
 * two far-apart nodes, appear in every tour. */
START_TEST(fixed_edges_kept)
{
    for (int kind = 0; kind < 2; kind++) {
        corto_problem *p = kind ? random_atsp(70, 5) : random_tsp(120, 5);
        int far = 1;
        for (int i = 2; i < corto_problem_n_nodes(p); i++)
            if (corto_problem_distance(p, 0, 0, i) >
                corto_problem_distance(p, 0, 0, far))
                far = i;
        int a = far == 7 ? 8 : 7, b = far == 40 ? 41 : 40;
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, 0, far), CORTO_OK);
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, a, b), CORTO_OK);
        for (int nearest = 0; nearest < 2; nearest++) {
            int64_t before, after;
            corto_solution *s = build_and_improve(p, nearest, &before, &after);
            ck_assert(route_eval_has_edge(s, 0, far, kind == 0));
            ck_assert(route_eval_has_edge(s, a, b, kind == 0));
            ck_assert_int_le(after, before);
            corto_solution_destroy(s);
        }
        corto_problem_destroy(p);
    }
}
END_TEST

static corto_solution *solve_tsp(const corto_problem *p, const char *init,
                                 int64_t iterations, uint64_t seed)
{
    corto_options o;
    corto_options_init(&o);
    ck_assert_int_eq(corto_options_set(&o, "init", init, NULL), CORTO_OK);
    o.iterations = iterations;
    o.seed = seed;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    return s;
}

START_TEST(solve_pipeline_limits_and_determinism)
{
    corto_problem *p = random_tsp(300, 9);
    corto_solution *a = solve_tsp(p, "auto", 0, 3);
    corto_solution *b = solve_tsp(p, "auto", 0, 3);
    assert_tour(p, a);
    ck_assert_int_eq(corto_solution_cost(a), corto_solution_cost(b));
    int la = 0, lb = 0;
    const int *ra = corto_solution_route(a, 0, &la);
    const int *rb = corto_solution_route(b, 0, &lb);
    ck_assert_int_eq(memcmp(ra, rb, (size_t)la * sizeof *ra), 0);
    ck_assert_int_gt(corto_solution_iterations(a), 5);
    /* An iteration limit stops the search early. */
    corto_solution *c = solve_tsp(p, "auto", 5, 3);
    assert_tour(p, c);
    ck_assert_int_eq(corto_solution_iterations(c), 5);
    ck_assert_int_eq(corto_solution_stop_reason(c),
                     CORTO_STOP_ITERATION_LIMIT);
    ck_assert_int_ge(corto_solution_cost(c), corto_solution_cost(a));
    corto_solution *d = solve_tsp(p, "nearest", 0, 3);
    assert_tour(p, d);
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_solution_destroy(c);
    corto_solution_destroy(d);
    corto_problem_destroy(p);
}
END_TEST

/* TSPLIB instances from the shared set against their published optima. */
START_TEST(tsplib_quality)
{
    static const struct {
        const char *file;
        int64_t opt;
        int pct;
    } cases[] = {{"tsp/berlin52.tsp", 7542, 10},
                 {"tsp/kroA100.tsp", 21282, 10},
                 {"atsp/ftv70.atsp", 1950, 15}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char path[1024];
        corto_problem *p = NULL;
        corto_diag d;
        if (!test_shared_path(path, sizeof path, cases[k].file) ||
            corto_read_problem(&p, path, &d) != CORTO_OK)
            continue; /* the reader is tested elsewhere */
        corto_solution *s = solve_tsp(p, "auto", 0, 1);
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
        ck_assert_int_ge(corto_solution_cost(s), cases[k].opt);
        ck_assert_int_le(corto_solution_cost(s),
                         cases[k].opt * (100 + cases[k].pct) / 100);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

static Suite *tsp_ls_suite(void)
{
    Suite *s = suite_create("tsp_ls");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, random_tsp_and_atsp);
    tcase_add_test(tc, small_tsp_reaches_enumerated_optimum);
    tcase_add_test(tc, small_atsp_improves);
    tcase_add_test(tc, fixed_edges_kept);
    tcase_add_test(tc, solve_pipeline_limits_and_determinism);
    tcase_add_test(tc, tsplib_quality);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(tsp_ls_suite());
}
