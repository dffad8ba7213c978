/*
 * test_tsp_cuts.c — blossom separation and the cut pool of the exact TSP
 * (solver/exact/tsp_cuts.c):
 *  - the fractional "prism" point (two triangles at 1/2 joined by three
 *    edges at 1) satisfies every subtour constraint and gives the blossom
 *    on a triangle with the three joining edges as teeth;
 *  - every blossom found on random fractional points of 7 nodes is valid:
 *    no Hamiltonian cycle violates it (all of them enumerated), and the
 *    point does;
 *  - the pool returns exactly the rows a point violates.
 */
#include "tsp_cuts.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* Blossom left-hand side minus right-hand side at the point w. */
static double blossom_excess(const double *w, int n, const tspcut_blossom *b)
{
    double lhs = 0.0;
    int h = 0;
    for (int i = 0; i < n; i++) {
        h += b->side[i] != 0;
        for (int j = i + 1; j < n; j++)
            if (b->side[i] && b->side[j])
                lhs += w[i * n + j];
    }
    for (int t = 0; t < b->n_teeth; t++)
        lhs += w[b->teeth[2 * t] * n + b->teeth[2 * t + 1]];
    return lhs - (h + (b->n_teeth - 1) / 2);
}

START_TEST(prism_gives_the_triangle_blossom)
{
    enum { N = 6 };
    double w[N * N] = {0};
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (i != j && (i < 3) == (j < 3))
                w[i * N + j] = 0.5;
    for (int i = 0; i < 3; i++)
        w[i * N + i + 3] = w[(i + 3) * N + i] = 1.0;
    tspcut_ws ws;
    ck_assert_int_eq(tspcut_ws_init(&ws, N), CORTO_OK);
    unsigned char side[2 * N];
    int teeth[2 * 4 * N];
    tspcut_blossom out[2] = {{side, teeth, 0}, {side + N, teeth + 4 * N, 0}};
    int k = tspcut_blossoms(&ws, w, N, 1e-4, out, 2);
    /* Both triangles are components; each is a handle (of the same
     * inequality), each with the three joining edges as teeth. */
    ck_assert_int_eq(k, 2);
    for (int c = 0; c < k; c++) {
        ck_assert_int_eq(out[c].n_teeth, 3);
        ck_assert_double_eq_tol(blossom_excess(w, N, &out[c]), 0.5, 1e-12);
    }
    ck_assert_int_eq(side[0] + side[1] + side[2], 3);
    tspcut_ws_free(&ws);
}
END_TEST

/* Heap's-style enumeration of the cycles through node 0: every ordering
 * of 1..n-1; returns the largest excess of the blossom over all of them. */
static double max_excess_over_tours(int n, const tspcut_blossom *b)
{
    int perm[8];
    double w[64], worst = -1e9;
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (;;) {
        memset(w, 0, sizeof w);
        for (int k = 0; k < n; k++) {
            int a = perm[k], c = perm[(k + 1) % n];
            w[a * n + c] = w[c * n + a] = 1.0;
        }
        double e = blossom_excess(w, n, b);
        if (e > worst)
            worst = e;
        /* Next permutation of perm[1..n-1]. */
        int i = n - 2;
        while (i >= 1 && perm[i] > perm[i + 1])
            i--;
        if (i < 1)
            break;
        int j = n - 1;
        while (perm[j] < perm[i])
            j--;
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        for (int l = i + 1, r = n - 1; l < r; l++, r--) {
            t = perm[l];
            perm[l] = perm[r];
            perm[r] = t;
        }
    }
    return worst;
}

START_TEST(random_blossoms_are_valid)
{
    enum { N = 7, MAXB = 8 };
    tspcut_ws ws;
    ck_assert_int_eq(tspcut_ws_init(&ws, N), CORTO_OK);
    unsigned char side[MAXB * N];
    int teeth[MAXB * 4 * N];
    tspcut_blossom out[MAXB];
    for (int b = 0; b < MAXB; b++) {
        out[b].side = side + b * N;
        out[b].teeth = teeth + b * 4 * N;
    }
    test_rand_seed(11);
    int found = 0;
    for (int trial = 0; trial < 300; trial++) {
        /* A point: the average of two random tours, so every node has
         * degree 2 and values are 0, 1/2 or 1. */
        double w[N * N] = {0};
        for (int r = 0; r < 2; r++) {
            int perm[N];
            for (int i = 0; i < N; i++)
                perm[i] = i;
            for (int i = N - 1; i > 0; i--) {
                int j = test_rand_below(i + 1), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int k = 0; k < N; k++) {
                int a = perm[k], c = perm[(k + 1) % N];
                w[a * N + c] += 0.5;
                w[c * N + a] += 0.5;
            }
        }
        int k = tspcut_blossoms(&ws, w, N, 1e-4, out, MAXB);
        for (int c = 0; c < k; c++) {
            ck_assert_double_gt(blossom_excess(w, N, &out[c]), 1e-4);
            ck_assert_double_le(max_excess_over_tours(N, &out[c]), 1e-9);
        }
        found += k;
    }
    /* Averages of two tours are in the tour polytope: no violation. */
    ck_assert_int_eq(found, 0);
    tspcut_ws_free(&ws);
}
END_TEST

START_TEST(blossom_of_a_given_handle_is_valid)
{
    /* Random handles on random half-integral points that need not be
     * averages of tours: whatever is reported violated must hold for all
     * tours. */
    enum { N = 7 };
    tspcut_ws ws;
    ck_assert_int_eq(tspcut_ws_init(&ws, N), CORTO_OK);
    unsigned char side[N];
    int teeth[4 * N];
    tspcut_blossom b = {side, teeth, 0};
    test_rand_seed(5);
    int violated = 0;
    for (int trial = 0; trial < 400; trial++) {
        double w[N * N] = {0};
        for (int i = 0; i < N; i++)
            for (int j = i + 1; j < N; j++)
                w[i * N + j] = w[j * N + i] = 0.5 * test_rand_below(3);
        for (int i = 0; i < N; i++)
            side[i] = (unsigned char)test_rand_below(2);
        if (tspcut_blossom_of(w, N, 1e-4, &b)) {
            violated++;
            ck_assert_int_eq(b.n_teeth % 2, 1);
            ck_assert_double_le(max_excess_over_tours(N, &b), 1e-9);
        }
    }
    ck_assert_int_gt(violated, 0);
    tspcut_ws_free(&ws);
}
END_TEST

START_TEST(pool_finds_violated_rows)
{
    tspcut_pool pool;
    memset(&pool, 0, sizeof pool);
    /* 200 rows x_r + x_(r+1) <= 1 over columns 1..201. */
    for (int r = 0; r < 200; r++) {
        int ind[3] = {0, r + 1, r + 2};
        double val[3] = {0.0, 1.0, 1.0};
        ck_assert_int_eq(tspcut_pool_add(&pool, 2, ind, val, 1.0), CORTO_OK);
    }
    double x[202] = {0};
    /* Rows 48 (x49 + x50 = 1.05) and 49 (x50 + x51 = 1.5) are violated. */
    x[50] = x[51] = 0.75;
    x[49] = 0.3;
    int out[8];
    int k = tspcut_pool_violated(&pool, x, 1e-6, out, 8);
    ck_assert_int_eq(k, 2);
    ck_assert_int_eq(out[0], 48);
    ck_assert_int_eq(out[1], 49);
    tspcut_pool_free(&pool);
    tspcut_pool_free(&pool);
}
END_TEST

static Suite *tsp_cuts_suite(void)
{
    Suite *s = suite_create("tsp_cuts");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, prism_gives_the_triangle_blossom);
    tcase_add_test(tc, random_blossoms_are_valid);
    tcase_add_test(tc, blossom_of_a_given_handle_is_valid);
    tcase_add_test(tc, pool_finds_violated_rows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(tsp_cuts_suite());
}
