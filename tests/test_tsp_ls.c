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
#include "test_problems.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* One route visiting every non-depot node once; checker agrees. */
static void assert_tour(const corto_problem *p, const corto_solution *s)
{
    ck_assert_int_eq(corto_solution_n_routes(s), 1);
    ck_assert_int_eq(test_assert_clients_once(p, s),
                     corto_problem_n_nodes(p) - 1);
    test_assert_checker_agrees(p, s);
}

/* Iterated-local-search steps after the first local optimum in direct
 * calls (without a limit tsp_improve runs until the time limit). */
#define TSP_TEST_ITERATIONS 300

/* tsp_improve on t's solution, then evaluate it again. */
static void improve(test_direct *t)
{
    t->opt.iterations = TSP_TEST_ITERATIONS;
    ck_assert_int_eq(tsp_improve(t->s, &t->ctx), CORTO_OK);
    route_eval_solution(t->s);
}

/* Build with `nearest` or insertion, evaluate, improve: returns the two
 * costs through before/after. */
static corto_solution *build_and_improve(corto_problem *p, int nearest,
                                         int64_t *before, int64_t *after)
{
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(nearest ? construct_tsp_nearest(t.s, &t.ctx)
                             : construct_tsp_insertion(t.s, &t.ctx),
                     CORTO_OK);
    route_eval_solution(t.s);
    ck_assert_int_eq(t.s->status, CORTO_SOLUTION_FEASIBLE);
    assert_tour(p, t.s);
    *before = t.s->cost;
    improve(&t);
    ck_assert_int_eq(t.s->status, CORTO_SOLUTION_FEASIBLE);
    assert_tour(p, t.s);
    *after = t.s->cost;
    return t.s;
}

START_TEST(random_tsp_and_atsp)
{
    for (uint64_t seed = 1; seed <= 3; seed++)
        for (int kind = 0; kind < 2; kind++) {
            corto_problem *p =
                kind ? test_random_atsp(60 + 20 * (int)seed, seed)
                     : test_random_tsp(150 + 100 * (int)seed, seed);
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
    corto_problem *p = test_tsp_from_coords(6, x, y);
    int64_t opt = enumerate_optimum(p, 5);
    int bad[5] = {3, 1, 4, 2, 5};
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(corto_solution_add_route(t.s, 0, bad, 5), CORTO_OK);
    route_eval_solution(t.s);
    ck_assert_int_gt(t.s->cost, opt);
    improve(&t);
    ck_assert_int_eq(t.s->cost, opt);
    assert_tour(p, t.s);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

/* A small ATSP: the search never worsens a bad tour and keeps it valid;
 * from several starts it must find the enumerated optimum at least once. */
START_TEST(small_atsp_improves)
{
    int hits = 0;
    for (uint64_t seed = 1; seed <= 10; seed++) {
        corto_problem *p = test_random_atsp(8, seed);
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
        corto_problem *p =
            kind ? test_random_atsp(70, 5) : test_random_tsp(120, 5);
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
    corto_problem *p = test_random_tsp(300, 9);
    corto_solution *a = solve_tsp(p, "auto", 2000, 3);
    corto_solution *b = solve_tsp(p, "auto", 2000, 3);
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
    corto_solution *d = solve_tsp(p, "nearest", 2000, 3);
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
    } cases[] = {{"tsp/berlin52.tsp", 7542, 2},
                 {"tsp/kroA100.tsp", 21282, 2},
                 {"atsp/ftv70.atsp", 1950, 5}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char path[1024];
        corto_problem *p = NULL;
        corto_diag d;
        if (!test_shared_path(path, sizeof path, cases[k].file) ||
            corto_read_problem(&p, path, &d) != CORTO_OK)
            continue; /* the reader is tested elsewhere */
        corto_solution *s = solve_tsp(p, "auto", 20000, 1);
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

/*
 * Iterated local search: more iterations never give a longer tour (the
 * search only keeps kicks that do not lengthen it, and equal seeds repeat
 * the same kicks), many give a strictly shorter one than the first local
 * optimum, the cost the search reports as its best is the cost of the
 * tour it returns (so undone kicks restore the tour exactly), and fixed
 * edges survive the kicks.
 */
START_TEST(iterated_search_improves_and_undoes)
{
    for (int kind = 0; kind < 2; kind++) {
        corto_problem *p =
            kind ? test_random_atsp(90, 21) : test_random_tsp(250, 21);
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, 3, 17), CORTO_OK);
        int64_t prev = INT64_MAX, first = 0;
        static const int64_t iters[] = {1, 50, 3000};
        for (int r = 0; r < 3; r++) {
            test_direct t;
            test_direct_start(&t, p);
            ck_assert_int_eq(construct_tsp_insertion(t.s, &t.ctx), CORTO_OK);
            t.opt.iterations = iters[r];
            t.opt.seed = 5;
            rng_seed(&t.ctx.rng, 5);
            ck_assert_int_eq(tsp_improve(t.s, &t.ctx), CORTO_OK);
            route_eval_solution(t.s);
            assert_tour(p, t.s);
            ck_assert(route_eval_has_edge(t.s, 3, 17, kind == 0));
            ck_assert_int_eq(t.ctx.iteration, iters[r]);
            ck_assert_int_eq(t.ctx.best_cost, t.s->cost);
            ck_assert_int_le(t.s->cost, prev);
            if (r == 0)
                first = t.s->cost;
            prev = t.s->cost;
            corto_solution_destroy(t.s);
        }
        ck_assert_int_lt(prev, first);
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
    tcase_add_test(tc, iterated_search_improves_and_undoes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(tsp_ls_suite());
}
