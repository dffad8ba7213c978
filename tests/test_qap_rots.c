/*
 * test_qap_rots.c — robust tabu search on permutation QUBOs without the
 * QUBO (heuristics/qap_rots.c):
 *  - after random swaps on random asymmetric QAPs (nonzero diagonals) the
 *    kept cost and every kept delta equal their recomputation;
 *  - the one-hot QUBO energy of a permutation equals the implicit cost,
 *    for QAP and TSP;
 *  - the search reaches the brute-force optimum of random 7-facility QAPs
 *    and repeats itself for a seed and an iteration limit;
 *  - corto_qubo_solve with tabu takes a 120-city TSP and a 110-facility
 *    QAP (above the one-hot QUBO's size limit) and returns a valid tour /
 *    assignment whose cost, recomputed here from the file's data, is the
 *    reported objective; SA on the same QAP is refused.
 */
#include "context.h"
#include "corto.h"
#include "qap_rots.h"
#include "qubo.h"
#include "qubo_problem.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A random asymmetric QAP of size n, entries in [0, range) (diagonals
 * included). */
static void random_qap(qp_problem *p, int n, uint64_t seed, int range)
{
    rng r;
    rng_seed(&r, seed);
    memset(p, 0, sizeof *p);
    p->kind = CORTO_QUBO_QAP;
    p->n = n;
    p->a = malloc((size_t)n * n * sizeof *p->a);
    p->b = malloc((size_t)n * n * sizeof *p->b);
    ck_assert(p->a && p->b);
    for (int k = 0; k < n * n; k++) {
        p->a[k] = (int64_t)rng_below(&r, (uint64_t)range);
        p->b[k] = (int64_t)rng_below(&r, (uint64_t)range);
    }
}

/* A random TSP of n cities as the QAP with the successor matrix. */
static void random_tsp(qp_problem *p, int n, uint64_t seed)
{
    random_qap(p, n, seed, 50);
    p->kind = CORTO_QUBO_TSP;
    memset(p->b, 0, (size_t)n * n * sizeof *p->b);
    for (int k = 0; k < n; k++) {
        p->a[k * n + k] = 0;
        p->b[k * n + (k + 1) % n] = 1;
    }
}

static void random_perm(int *perm, int n, rng *r)
{
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint64_t)i + 1), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
}

START_TEST(deltas_match_recomputation)
{
    rng r;
    rng_seed(&r, 99);
    for (int n = 2; n <= 12; n++) {
        qp_problem p;
        qap_rots st;
        int perm[12];
        random_qap(&p, n, 1000 + (uint64_t)n, 20);
        random_perm(perm, n, &r);
        ck_assert_int_eq(qap_rots_init(&st, &p, perm), CORTO_OK);
        for (int move = 0; move < 40; move++) {
            int a = (int)rng_below(&r, (uint64_t)n);
            int b = (a + 1 + (int)rng_below(&r, (uint64_t)n - 1)) % n;
            int64_t before = st.cost;
            int64_t d =
                st.delta[(size_t)(a < b ? a : b) * n + (a < b ? b : a)];
            qap_rots_swap(&st, a, b);
            ck_assert_int_eq(st.cost, qp_perm_cost(&p, st.perm));
            ck_assert_int_eq(st.cost - before, d);
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) {
                    int t = st.perm[i];
                    st.perm[i] = st.perm[j];
                    st.perm[j] = t;
                    int64_t after = qp_perm_cost(&p, st.perm);
                    st.perm[j] = st.perm[i];
                    st.perm[i] = t;
                    ck_assert_int_eq(st.delta[(size_t)i * n + j],
                                     after - st.cost);
                }
        }
        qap_rots_free(&st);
        qp_free(&p);
    }
}
END_TEST

/* QUBO energy of the one-hot encoding == implicit cost. */
START_TEST(qubo_energy_is_the_cost)
{
    rng r;
    rng_seed(&r, 5);
    for (int kind = 0; kind < 2; kind++)
        for (int n = 3; n <= 6; n++) {
            qp_problem p;
            qubo_builder b;
            qubo q;
            qap_rots st;
            int perm[6];
            if (kind)
                random_tsp(&p, n, 70 + (uint64_t)n);
            else
                random_qap(&p, n, 50 + (uint64_t)n, 30);
            ck_assert_int_eq(qp_build(&b, &p, NULL), CORTO_OK);
            ck_assert_int_eq(qb_build(&q, &b), CORTO_OK);
            unsigned char *x = calloc((size_t)n * n, 1);
            ck_assert_ptr_nonnull(x);
            random_perm(perm, n, &r);
            ck_assert_int_eq(qap_rots_init(&st, &p, perm), CORTO_OK);
            for (int move = 0; move < 10; move++) {
                qp_sol s = {NULL, st.perm};
                qp_encode(x, &p, NULL, &s);
                ck_assert_double_eq(qubo_energy(&q, x), (double)st.cost);
                int a = (int)rng_below(&r, (uint64_t)n);
                qap_rots_swap(&st, a, (a + 1) % n);
            }
            qap_rots_free(&st);
            free(x);
            qubo_free(&q);
            qb_free(&b);
            qp_free(&p);
        }
}
END_TEST

/* Smallest cost over all permutations with perm[0..k-1] fixed, by
 * recursive swaps (perm is restored). */
static int64_t brute(const qp_problem *p, int *perm, int k)
{
    if (k == p->n)
        return qp_perm_cost(p, perm);
    int64_t best = INT64_MAX;
    for (int i = k; i < p->n; i++) {
        int t = perm[k];
        perm[k] = perm[i];
        perm[i] = t;
        int64_t c = brute(p, perm, k + 1);
        best = c < best ? c : best;
        perm[i] = perm[k];
        perm[k] = t;
    }
    return best;
}

START_TEST(tiny_qaps_reach_the_optimum)
{
    for (uint64_t seed = 1; seed <= 4; seed++) {
        qp_problem p;
        int perm[7], other[7];
        int64_t cost = 0, again = 0;
        random_qap(&p, 7, seed, 25);
        for (int i = 0; i < 7; i++)
            perm[i] = i;
        int64_t want = brute(&p, perm, 0);
        corto_options o;
        solve_ctx ctx;
        corto_options_init(&o);
        o.time_limit = 0;
        o.iterations = 3000;
        o.seed = seed;
        ctx_init(&ctx, NULL, &o);
        ck_assert_int_eq(qap_rots_search(perm, &cost, &p, &ctx), CORTO_OK);
        ck_assert_int_eq(ctx.iteration, 3000);
        ck_assert_int_eq(cost, want);
        ck_assert_int_eq(qp_perm_cost(&p, perm), cost);
        /* Same seed and limit: the same answer (a short run, so that the
         * path matters). */
        o.iterations = 17;
        ctx_init(&ctx, NULL, &o);
        ck_assert_int_eq(qap_rots_search(perm, &cost, &p, &ctx), CORTO_OK);
        ctx_init(&ctx, NULL, &o);
        ck_assert_int_eq(qap_rots_search(other, &again, &p, &ctx), CORTO_OK);
        ck_assert_int_eq(cost, again);
        ck_assert_mem_eq(perm, other, sizeof perm);
        qp_free(&p);
    }
}
END_TEST

/* Solve FILE (written from text) through the public API. */
static corto_status solve_text(corto_qubo_result **r, corto_qubo **q,
                               const char *suffix, const char *text,
                               corto_qubo_kind kind, corto_qubo_solver sv)
{
    char path[4096];
    test_temp_file(path, sizeof path, suffix, text);
    ck_assert_int_eq(corto_qubo_read(q, path, kind, 1, NULL), CORTO_OK);
    remove(path);
    corto_qubo_options o;
    corto_qubo_options_init(&o);
    o.solver = sv;
    o.time_limit = 0;
    o.iterations = 300;
    return corto_qubo_solve(r, *q, &o);
}

START_TEST(large_tsp_gives_a_tour)
{
    enum { N = 120 };
    int x[N], y[N];
    rng r;
    rng_seed(&r, 3);
    char *text = malloc(64 * N + 256);
    ck_assert_ptr_nonnull(text);
    int at = sprintf(text,
                     "NAME : rand120\nTYPE : TSP\nDIMENSION : %d\n"
                     "EDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n",
                     N);
    for (int i = 0; i < N; i++) {
        x[i] = (int)rng_below(&r, 1000);
        y[i] = (int)rng_below(&r, 1000);
        at += sprintf(text + at, "%d %d %d\n", i + 1, x[i], y[i]);
    }
    sprintf(text + at, "EOF\n");
    corto_qubo *q = NULL;
    corto_qubo_result *res = NULL;
    ck_assert_int_eq(
        solve_text(&res, &q, ".tsp", text, CORTO_QUBO_TSP, CORTO_QUBO_TABU),
        CORTO_OK);
    const int *tour = corto_qubo_result_values(res);
    int seen[N] = {0};
    double len = 0;
    for (int k = 0; k < N; k++) {
        ck_assert(tour[k] >= 0 && tour[k] < N && !seen[tour[k]]);
        seen[tour[k]] = 1;
        int u = tour[k], v = tour[(k + 1) % N];
        double dx = x[u] - x[v], dy = y[u] - y[v];
        len += floor(sqrt(dx * dx + dy * dy) + 0.5);
    }
    ck_assert(corto_qubo_result_feasible(res));
    ck_assert_double_eq(corto_qubo_result_objective(res), len);
    corto_qubo_result_destroy(res);
    corto_qubo_destroy(q);
    free(text);
}
END_TEST

START_TEST(large_qap_beyond_the_qubo_cap)
{
    enum { N = QP_PERM_MAX_N + 10 };
    qp_problem p;
    random_qap(&p, N, 11, 10);
    char *text = malloc((size_t)N * N * 2 * 3 + 64);
    ck_assert_ptr_nonnull(text);
    int at = sprintf(text, "%d\n", N);
    for (int m = 0; m < 2; m++)
        for (int k = 0; k < N * N; k++)
            at +=
                sprintf(text + at, "%lld%c", (long long)(m ? p.b[k] : p.a[k]),
                        k % N == N - 1 ? '\n' : ' ');
    corto_qubo *q = NULL;
    corto_qubo_result *res = NULL;
    ck_assert_int_eq(
        solve_text(&res, &q, ".dat", text, CORTO_QUBO_QAP, CORTO_QUBO_TABU),
        CORTO_OK);
    ck_assert(corto_qubo_result_feasible(res));
    ck_assert_double_eq(
        corto_qubo_result_objective(res),
        (double)qp_perm_cost(&p, corto_qubo_result_values(res)));
    corto_qubo_result_destroy(res);
    corto_qubo_destroy(q);
    res = NULL;
    q = NULL;
    /* SA needs the one-hot QUBO itself, which stays capped. */
    ck_assert_int_eq(
        solve_text(&res, &q, ".dat", text, CORTO_QUBO_QAP, CORTO_QUBO_SA),
        CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_null(res);
    corto_qubo_destroy(q);
    free(text);
    qp_free(&p);
}
END_TEST

static Suite *qap_rots_suite(void)
{
    Suite *s = suite_create("qap_rots");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, deltas_match_recomputation);
    tcase_add_test(tc, qubo_energy_is_the_cost);
    tcase_add_test(tc, tiny_qaps_reach_the_optimum);
    tcase_add_test(tc, large_tsp_gives_a_tour);
    tcase_add_test(tc, large_qap_beyond_the_qubo_cap);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(qap_rots_suite());
}
