/*
 * test_tsp_exact.c — the exact TSP/ATSP engine (solver/exact/tsp_exact.c)
 * and its minimum-cut separation (solver/exact/mincut.c):
 *  - Stoer-Wagner against enumeration of every cut of small graphs;
 *  - random symmetric and asymmetric instances of 8-12 nodes (also with
 *    zero-cost arcs and ties, and with fixed edges) solved to the optimum
 *    that enumeration of all tours finds, marked OPTIMAL, bound = cost;
 *  - bundled TSPLIB instances solved to their published optima;
 *  - a time limit too short for a proof gives a feasible tour and a bound
 *    no higher than its cost (and, on p43 when the shared instances are
 *    there, no higher than the published optimum);
 *  - --exact on a VRP with time windows is refused as unsupported.
 * Every solution goes through the independent checker.
 */
#include "corto.h"
#include "mincut.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* ---- minimum cut ---------------------------------------------------- */

/* Smallest cut of the n-node graph w over all 2^(n-1) - 1 proper sets. */
static double brute_min_cut(const double *w, int n)
{
    double best = -1.0;
    for (unsigned mask = 1; mask < (1u << (n - 1)); mask++) {
        /* Node n-1 stays outside; the set is the mask over 0..n-2. */
        double cut = 0.0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                int si = i < n - 1 && (mask >> i) & 1u;
                int sj = j < n - 1 && (mask >> j) & 1u;
                if (si && !sj)
                    cut += w[i * n + j];
            }
        if (best < 0.0 || cut < best)
            best = cut;
    }
    return best;
}

/* Weight of the cut given by side (n bytes). */
static double cut_weight(const double *w, int n, const unsigned char *side)
{
    double cut = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (side[i] && !side[j])
                cut += w[i * n + j];
    return cut;
}

START_TEST(mincut_two_cliques)
{
    /* Triangles {0,1,2} and {3,4,5} (weight 3 each edge) joined by 2-3
     * of weight 1: the minimum cut is 1, between the triangles. */
    enum { N = 6 };
    double w[N * N] = {0};
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (i != j && (i < 3) == (j < 3))
                w[i * N + j] = 3.0;
    w[2 * N + 3] = w[3 * N + 2] = 1.0;
    mincut_ws ws;
    ck_assert_int_eq(mincut_ws_init(&ws, N), CORTO_OK);
    unsigned char sides[4 * N];
    int k = -1;
    double best = mincut_stoer_wagner(&ws, w, N, 1.5, sides, 4, &k);
    ck_assert_double_eq_tol(best, 1.0, 1e-12);
    ck_assert_int_eq(k, 1);
    const unsigned char want[N] = {0, 0, 0, 1, 1, 1};
    ck_assert_mem_eq(sides, want, N);
    mincut_ws_free(&ws);
}
END_TEST

START_TEST(mincut_matches_enumeration)
{
    enum { N = 9 };
    double w[N * N];
    unsigned char sides[16 * N];
    mincut_ws ws;
    ck_assert_int_eq(mincut_ws_init(&ws, N), CORTO_OK);
    test_rand_seed(77);
    for (int trial = 0; trial < 40; trial++) {
        int n = 2 + trial % (N - 1);
        memset(w, 0, sizeof w);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (test_rand_below(3) > 0)
                    w[i * n + j] = w[j * n + i] = test_rand_below(5) * 0.5;
        int k = 0;
        double best = mincut_stoer_wagner(&ws, w, n, 1e9, sides, 16, &k);
        ck_assert_double_eq_tol(best, brute_min_cut(w, n), 1e-9);
        /* Every reported side is a proper set without node 0, and some
         * reported side is a minimum cut. */
        ck_assert_int_gt(k, 0);
        int hit = 0;
        for (int c = 0; c < k; c++) {
            const unsigned char *s = sides + (size_t)c * (size_t)n;
            int size = 0;
            for (int i = 0; i < n; i++)
                size += s[i];
            ck_assert_int_eq(s[0], 0);
            ck_assert_int_gt(size, 0);
            hit |= cut_weight(w, n, s) <= best + 1e-9;
        }
        ck_assert(hit);
    }
    mincut_ws_free(&ws);
}
END_TEST

/* ---- exact TSP against enumeration ---------------------------------- */

typedef struct brute {
    const corto_problem *p;
    int n;
    int sym;   /* fixed edges count in either direction */
    int *perm; /* perm[0] = depot 0 */
    unsigned char *used;
    int64_t best;
} brute;

/* 1 when the closed tour perm uses every fixed edge of the problem. */
static int brute_has_fixed(const brute *b)
{
    const corto_problem *p = b->p;
    for (int k = 0; k < p->n_fixed; k++) {
        int a = p->fixed[2 * k], c = p->fixed[2 * k + 1], found = 0;
        for (int i = 0; i < b->n && !found; i++) {
            int x = b->perm[i], y = b->perm[(i + 1) % b->n];
            found = (x == a && y == c) || (b->sym && x == c && y == a);
        }
        if (!found)
            return 0;
    }
    return 1;
}

/* Every order of the clients after depot 0; a prefix already as long as
 * the best tour is not extended (the weights are non-negative). */
static void brute_rec(brute *b, int k, int64_t len)
{
    if (len >= b->best)
        return;
    if (k == b->n) {
        int64_t total =
            len + corto_problem_distance(b->p, 0, b->perm[b->n - 1], 0);
        if (total < b->best && brute_has_fixed(b))
            b->best = total;
        return;
    }
    for (int x = 1; x < b->n; x++) {
        if (b->used[x])
            continue;
        b->used[x] = 1;
        b->perm[k] = x;
        brute_rec(b, k + 1,
                  len + corto_problem_distance(b->p, 0, b->perm[k - 1], x));
        b->used[x] = 0;
    }
}

/* The optimal tour length of p by enumeration (INT64_MAX when no tour
 * holds the fixed edges). */
static int64_t brute_optimum(const corto_problem *p)
{
    brute b = {0};
    b.p = p;
    b.n = corto_problem_n_nodes(p);
    b.sym = corto_problem_get_kind(p) == CORTO_KIND_TSP;
    b.perm = calloc((size_t)b.n, sizeof *b.perm);
    b.used = calloc((size_t)b.n, 1);
    ck_assert(b.perm && b.used);
    b.best = INT64_MAX;
    b.perm[0] = 0;
    brute_rec(&b, 1, 0);
    free(b.perm);
    free(b.used);
    return b.best;
}

/* Solve p exactly with `limit` CPU seconds; the solution passes the
 * checker and visits every client once. Owned by the caller. */
static corto_solution *solve_exact(const corto_problem *p, double limit)
{
    corto_options o;
    corto_options_init(&o);
    o.exact = 1;
    o.time_limit = limit;
    /* Bounds the heuristic warm start only: keeps the suite fast. */
    o.iterations = 2000;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_int_eq(test_assert_clients_once(p, s),
                     corto_problem_n_nodes(p) - 1);
    test_assert_checker_agrees(p, s);
    return s;
}

/* Solved to the enumerated optimum, proven. */
static void assert_optimal(const corto_problem *p, int64_t optimum)
{
    corto_solution *s = solve_exact(p, 30);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_OPTIMAL);
    ck_assert_int_eq(corto_solution_cost(s), optimum);
    ck_assert_int_eq(corto_solution_lower_bound(s), optimum);
    ck_assert_int_eq(corto_solution_stop_reason(s), CORTO_STOP_COMPLETED);
    corto_solution_destroy(s);
}

START_TEST(random_symmetric_match_enumeration)
{
    for (int n = 8; n <= 12; n++) {
        corto_problem *p = test_random_tsp(n, 1000 + (uint64_t)n);
        assert_optimal(p, brute_optimum(p));
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(random_asymmetric_match_enumeration)
{
    for (int n = 8; n <= 12; n++) {
        corto_problem *p = test_random_atsp(n, 2000 + (uint64_t)n);
        assert_optimal(p, brute_optimum(p));
        corto_problem_destroy(p);
    }
}
END_TEST

/* Arc weights 0..3: many zero-cost arcs and many optimal tours. */
START_TEST(zero_cost_arcs_and_ties)
{
    for (int n = 8; n <= 11; n++) {
        corto_problem *p = NULL;
        ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_ATSP), CORTO_OK);
        test_rand_seed(3000 + (uint64_t)n);
        test_set_random_distances(p, n, 0, 4);
        test_add_vehicle(p, NULL, CORTO_UNLIMITED);
        assert_optimal(p, brute_optimum(p));
        corto_problem_destroy(p);
    }
}
END_TEST

/* Fixed edges (TSPLIB FIXED_EDGES) are kept, at the optimum among the
 * tours that hold them. */
START_TEST(fixed_edges_respected)
{
    for (int n = 9; n <= 11; n++) {
        corto_problem *p = test_random_tsp(n, 4000 + (uint64_t)n);
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, 1, n - 1), CORTO_OK);
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, n - 1, 3), CORTO_OK);
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, 5, 2), CORTO_OK);
        int64_t with = brute_optimum(p);
        assert_optimal(p, with);
        corto_problem_destroy(p);

        corto_problem *q = test_random_atsp(n, 5000 + (uint64_t)n);
        ck_assert_int_eq(corto_problem_add_fixed_edge(q, 2, 1), CORTO_OK);
        ck_assert_int_eq(corto_problem_add_fixed_edge(q, 4, 0), CORTO_OK);
        assert_optimal(q, brute_optimum(q));
        corto_problem_destroy(q);
    }
}
END_TEST

/* Two and three nodes: no model needed, still proven. */
START_TEST(tiny_instances)
{
    for (int n = 2; n <= 3; n++) {
        corto_problem *p = test_random_atsp(n, 6000 + (uint64_t)n);
        assert_optimal(p, brute_optimum(p));
        corto_problem_destroy(p);
    }
}
END_TEST

/* ---- bundled instances ------------------------------------------------ */

/* Published optima (TSPLIB95; instances/MANIFEST.csv). */
static const struct {
    const char *file;
    int64_t optimum;
} bundled[] = {
    {"instances/ulysses16.tsp", 6859}, {"instances/gr17.tsp", 2085},
    {"instances/br17.atsp", 39},       {"instances/bays29.tsp", 2020},
    {"instances/bayg29.tsp", 1610},    {"instances/ftv33.atsp", 1286},
    {"instances/berlin52.tsp", 7542},
};

START_TEST(bundled_published_optimum)
{
    corto_problem *p = test_load_problem(bundled[_i].file);
    corto_solution *s = solve_exact(p, 60);
    ck_assert_msg(corto_solution_get_status(s) == CORTO_SOLUTION_OPTIMAL,
                  "%s: not proven", bundled[_i].file);
    ck_assert_int_eq(corto_solution_cost(s), bundled[_i].optimum);
    ck_assert_int_eq(corto_solution_lower_bound(s), bundled[_i].optimum);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* ---- time limits ---------------------------------------------------- */

/* A 250-node random TSP cannot be proven in 0.3 s: the answer is a
 * feasible tour, stopped by the time limit, with a bound (when the root
 * LP finished) no higher than its cost. */
START_TEST(short_limit_gives_bound)
{
    corto_problem *p = test_random_tsp(250, 7001);
    corto_solution *s = solve_exact(p, 0.3);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    ck_assert_int_eq(corto_solution_stop_reason(s), CORTO_STOP_TIME_LIMIT);
    ck_assert_int_le(corto_solution_lower_bound(s), corto_solution_cost(s));
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* p43 (optimum 5620) has a weak subtour relaxation and needs branching
 * for about 1.5 s: after 1 s either the optimum is proven or the search
 * stopped at the time limit with a bound no higher than the optimum; the
 * tour is never better than the optimum. */
START_TEST(p43_bound_below_optimum)
{
    char path[4096];
    if (!test_shared_path(path, sizeof path, "atsp/p43.atsp"))
        return;
    corto_problem *p = NULL;
    corto_diag d;
    ck_assert_int_eq(corto_read_problem(&p, path, &d), CORTO_OK);
    corto_solution *s = solve_exact(p, 1.0);
    int64_t lb = corto_solution_lower_bound(s);
    ck_assert_int_ne(lb, INT64_MIN);
    ck_assert_int_le(lb, 5620);
    ck_assert_int_ge(corto_solution_cost(s), 5620);
    if (corto_solution_get_status(s) != CORTO_SOLUTION_OPTIMAL)
        ck_assert_int_eq(corto_solution_stop_reason(s), CORTO_STOP_TIME_LIMIT);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* --exact covers small CVRPs (test_cvrp_exact.c) but not time windows. */
START_TEST(vrptw_is_unsupported)
{
    corto_problem *p = test_load_problem("tests/data/vrptw/tiny.vrp");
    corto_options o;
    corto_options_init(&o);
    o.exact = 1;
    o.time_limit = 1;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_null(s);
    corto_problem_destroy(p);
}
END_TEST

static Suite *tsp_exact_suite(void)
{
    Suite *s = suite_create("tsp_exact");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, mincut_two_cliques);
    tcase_add_test(tc, mincut_matches_enumeration);
    tcase_add_test(tc, random_symmetric_match_enumeration);
    tcase_add_test(tc, random_asymmetric_match_enumeration);
    tcase_add_test(tc, zero_cost_arcs_and_ties);
    tcase_add_test(tc, fixed_edges_respected);
    tcase_add_test(tc, tiny_instances);
    tcase_add_loop_test(tc, bundled_published_optimum, 0,
                        (int)(sizeof bundled / sizeof bundled[0]));
    tcase_add_test(tc, short_limit_gives_bound);
    tcase_add_test(tc, p43_bound_below_optimum);
    tcase_add_test(tc, vrptw_is_unsupported);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(tsp_exact_suite());
}
