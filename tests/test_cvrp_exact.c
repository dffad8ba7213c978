/*
 * test_cvrp_exact.c — the exact small-VRP solver: its optimum equals a
 * brute force (every order of every client subset for every vehicle
 * type, then the cheapest partition by dynamic programming over served
 * sets and vehicles used) on tiny instances, symmetric and asymmetric,
 * with two vehicle types, fixed costs, an open route type and optional
 * clients with prizes; the default ALNS, with and without the route pool,
 * reaches its proven optimum on
 * random CVRPs of 8 to 14 clients; the published optima of two bundled
 * instances are found; a start solution is accepted; problems
 * outside its scope are refused. Every solution passes the independent
 * checker.
 */
#include "cvrp_exact.h"
#include "corto.h"
#include "route_eval.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#define BF_MAX 7 /* clients the brute force takes */

typedef struct bf {
    const corto_problem *p;
    int m, client[BF_MAX];
    int64_t best[2][1 << BF_MAX]; /* per type and client set */
    int seq[BF_MAX];
} bf;

/* Every sequence of distinct clients, priced for every vehicle type. */
static void bf_sequences(bf *b, int len, int mask)
{
    if (len > 0) {
        for (int v = 0; v < b->p->n_vtypes; v++) {
            int nodes[BF_MAX];
            for (int k = 0; k < len; k++)
                nodes[k] = b->client[b->seq[k]];
            route_eval re;
            route_eval_nodes(&re, b->p, v, nodes, len);
            if (re.feasible && re.cost < b->best[v][mask])
                b->best[v][mask] = re.cost;
        }
    }
    for (int j = 0; j < b->m; j++)
        if (!(mask >> j & 1)) {
            b->seq[len] = j;
            bf_sequences(b, len + 1, mask | 1 << j);
        }
}

/* The optimal cost by brute force (INT64_MAX when there is none). At most
 * BF_MAX clients and two vehicle types. */
static int64_t brute_force(const corto_problem *p)
{
    bf *b = calloc(1, sizeof *b);
    ck_assert_ptr_nonnull(b);
    b->p = p;
    for (int x = 0; x < p->n_nodes; x++)
        if (!p->is_depot[x])
            b->client[b->m++] = x;
    ck_assert_int_le(b->m, BF_MAX);
    ck_assert_int_le(p->n_vtypes, 2);
    int full = 1 << b->m, need = 0;
    for (int v = 0; v < 2; v++)
        for (int s = 0; s < full; s++)
            b->best[v][s] = INT64_MAX;
    bf_sequences(b, 0, 0);
    for (int j = 0; j < b->m; j++)
        if (p->required[b->client[j]])
            need |= 1 << j;
    /* g[set][u0][u1]: cheapest routes serving exactly set with u0, u1
     * vehicles of each type. */
    int cnt[2] = {0, 0};
    for (int v = 0; v < p->n_vtypes; v++)
        cnt[v] = p->vtypes[v].count > b->m ? b->m : (int)p->vtypes[v].count;
    int d0 = b->m + 1, d1 = b->m + 1;
    size_t states = (size_t)full * (size_t)d0 * (size_t)d1;
    int64_t *g = malloc(states * sizeof *g);
    ck_assert_ptr_nonnull(g);
    for (size_t t = 0; t < states; t++)
        g[t] = INT64_MAX;
    g[0] = 0;
    int64_t answer = INT64_MAX;
    for (int s = 0; s < full; s++)
        for (int u0 = 0; u0 <= cnt[0]; u0++)
            for (int u1 = 0; u1 <= cnt[1]; u1++) {
                int64_t here = g[((size_t)s * d0 + u0) * d1 + u1];
                if (here == INT64_MAX)
                    continue;
                if ((s & need) == need && here < answer)
                    answer = here;
                int rest = (full - 1) & ~s;
                for (int r = rest; r; r = (r - 1) & rest)
                    for (int v = 0; v < p->n_vtypes; v++) {
                        if (b->best[v][r] == INT64_MAX ||
                            (v == 0 ? u0 : u1) >= cnt[v])
                            continue;
                        size_t to =
                            ((size_t)(s | r) * d0 + u0 + (v == 0)) * d1 + u1 +
                            (v == 1);
                        if (here + b->best[v][r] < g[to])
                            g[to] = here + b->best[v][r];
                    }
            }
    free(g);
    free(b);
    return answer;
}

/* The checker accepts s and its cost (s may be OPTIMAL). */
static void assert_checked(const corto_problem *p, const corto_solution *s)
{
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, corto_solution_cost(s)),
                     CORTO_OK);
    ck_assert_int_eq(rep.feasible, 1);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_COST], 0);
}

/* Solve p (prepared) exactly; asserts optimality and returns the cost. */
static int64_t exact_cost(const corto_problem *p)
{
    test_direct t;
    test_direct_start(&t, p);
    t.opt.time_limit = 0;
    ctx_init(&t.ctx, p, &t.opt);
    int64_t bound = 0;
    ck_assert_int_eq(cvrp_exact(t.s, &t.ctx, &bound), CORTO_OK);
    ck_assert_int_eq(corto_solution_get_status(t.s), CORTO_SOLUTION_OPTIMAL);
    int64_t cost = corto_solution_cost(t.s);
    ck_assert_int_eq(bound, cost);
    ck_assert_int_eq(corto_solution_lower_bound(t.s), cost);
    assert_checked(p, t.s);
    corto_solution_destroy(t.s);
    return cost;
}

START_TEST(equals_brute_force_cvrp)
{
    for (int seed = 1; seed <= 6; seed++) {
        int n = 5 + seed % 3;
        corto_problem *p =
            test_random_cvrp(n, (uint64_t)seed, 14, CORTO_UNLIMITED, NULL);
        ck_assert_int_eq(model_prepare(p), CORTO_OK);
        int64_t want = brute_force(p);
        ck_assert_int_ne(want, INT64_MAX);
        ck_assert_int_eq(exact_cost(p), want);
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(equals_brute_force_asymmetric)
{
    for (int seed = 1; seed <= 4; seed++) {
        corto_problem *p = test_random_asym_vrp(6, (uint64_t)seed, 7);
        ck_assert_int_eq(model_prepare(p), CORTO_OK);
        ck_assert_int_eq(exact_cost(p), brute_force(p));
        corto_problem_destroy(p);
    }
}
END_TEST

/* Two vehicle types (one vehicle with a fixed cost, two open-route ones
 * at twice the distance cost) and two optional clients with prizes. */
START_TEST(equals_brute_force_mixed_fleet)
{
    for (int seed = 1; seed <= 4; seed++) {
        corto_problem *p = test_random_cvrp(7, (uint64_t)seed, 16, 1, NULL);
        corto_vehicle_type vt;
        corto_vehicle_type_init(&vt);
        int64_t cap = 12;
        vt.capacity = &cap;
        vt.count = 2;
        vt.end_depot = -1;
        vt.cost_per_distance = 2;
        ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL),
                         CORTO_OK);
        p->vtypes[0].fixed_cost = 150;
        ck_assert_int_eq(corto_problem_set_prize(p, 2, 400, 0), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_prize(p, 5, 30, 0), CORTO_OK);
        ck_assert_int_eq(model_prepare(p), CORTO_OK);
        int64_t want = brute_force(p);
        ck_assert_int_ne(want, INT64_MAX);
        ck_assert_int_eq(exact_cost(p), want);
        corto_problem_destroy(p);
    }
}
END_TEST

/* The oracle: the default solve (ALNS), and the same with the route pool,
 * reach the proven optimum of random CVRPs with 8 to 14 clients in 500
 * iterations. */
START_TEST(alns_reaches_the_optimum)
{
    for (int seed = 1; seed <= 7; seed++) {
        int n = 7 + seed;
        corto_problem *p =
            test_random_cvrp(n, (uint64_t)seed, 25, CORTO_UNLIMITED, NULL);
        corto_problem *q = NULL;
        ck_assert_int_eq(corto_problem_copy(&q, p), CORTO_OK);
        ck_assert_int_eq(model_prepare(q), CORTO_OK);
        int64_t opt = exact_cost(q);
        for (int pool = 0; pool <= 1; pool++) {
            corto_options o;
            corto_options_init(&o);
            o.iterations = 500;
            o.time_limit = 0;
            o.route_pool = pool || o.route_pool;
            corto_solution *s = NULL;
            ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
            test_assert_checker_agrees(p, s);
            ck_assert_int_eq(test_assert_clients_once(p, s), n);
            ck_assert_int_eq(corto_solution_cost(s), opt);
            corto_solution_destroy(s);
        }
        corto_problem_destroy(q);
        corto_problem_destroy(p);
    }
}
END_TEST

/* A start solution (the ALNS result) is taken, and a 20-client instance
 * still closes; the bound equals the cost. */
START_TEST(start_solution_and_twenty_clients)
{
    corto_problem *p = test_random_cvrp(20, 11, 30, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    corto_options o;
    corto_options_init(&o);
    o.iterations = 200;
    o.time_limit = 0;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    int64_t heuristic = corto_solution_cost(s);
    solve_ctx ctx;
    o.iterations = 0;
    ctx_init(&ctx, p, &o);
    int64_t bound = INT64_MIN;
    ck_assert_int_eq(cvrp_exact(s, &ctx, &bound), CORTO_OK);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_OPTIMAL);
    ck_assert_int_le(corto_solution_cost(s), heuristic);
    ck_assert_int_eq(bound, corto_solution_cost(s));
    assert_checked(p, s);
    ck_assert_int_eq(test_assert_clients_once(p, s), 20);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Published optima of bundled instances (instances/MANIFEST.csv), with
 * the fleet of the k in their names. */
START_TEST(published_optima)
{
    static const struct {
        const char *file;
        int64_t k, opt;
    } cases[] = {{"instances/E-n13-k4.vrp", 4, 247},
                 {"instances/P-n16-k8.vrp", 8, 450}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        corto_problem *p = test_load_problem(cases[c].file);
        ck_assert_int_eq(model_prepare(p), CORTO_OK);
        p->vtypes[0].count = cases[c].k;
        ck_assert_int_eq(exact_cost(p), cases[c].opt);
        corto_problem_destroy(p);
    }
}
END_TEST

/* corto_solve --exact with the fleet capped by the option: the heuristic
 * start leaves clients out (too few vehicles for savings), which must not
 * pass as an incumbent; the proven optimum is the published one. */
START_TEST(solve_exact_with_fleet_cap)
{
    static const struct {
        const char *file;
        int64_t k, opt;
    } cases[] = {{"instances/E-n13-k4.vrp", 4, 247},
                 {"instances/P-n16-k8.vrp", 8, 450}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        corto_problem *p = test_load_problem(cases[c].file);
        corto_options o;
        corto_options_init(&o);
        o.exact = 1;
        o.vehicles = cases[c].k;
        o.time_limit = 60;
        corto_solution *s = NULL;
        ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
        ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_OPTIMAL);
        ck_assert_int_eq(corto_solution_cost(s), cases[c].opt);
        ck_assert_int_eq(corto_solution_lower_bound(s), cases[c].opt);
        test_assert_checker_agrees(p, s);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(refuses_time_windows)
{
    corto_problem *p = test_random_cvrp(6, 3, 20, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 0, 5000), CORTO_OK);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    test_direct t;
    test_direct_start(&t, p);
    int64_t bound = 0;
    ck_assert_int_eq(cvrp_exact(t.s, &t.ctx, &bound), CORTO_ERR_UNSUPPORTED);
    ck_assert_int_eq(corto_solution_n_routes(t.s), 0);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

static Suite *cvrp_exact_suite(void)
{
    Suite *s = suite_create("cvrp_exact");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, equals_brute_force_cvrp);
    tcase_add_test(tc, equals_brute_force_asymmetric);
    tcase_add_test(tc, equals_brute_force_mixed_fleet);
    tcase_add_test(tc, alns_reaches_the_optimum);
    tcase_add_test(tc, start_solution_and_twenty_clients);
    tcase_add_test(tc, published_optima);
    tcase_add_test(tc, refuses_time_windows);
    tcase_add_test(tc, solve_exact_with_fleet_cap);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(cvrp_exact_suite());
}
