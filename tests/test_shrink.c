/*
 * test_shrink.c — graph shrinking:
 *  - folding by substitution keeps every energy: E_q(x) = E_small(y) for
 *    x_i = par_i xor y_to[i], on random QUBOs and random maps;
 *  - after shrink_run, every state y of the shrunk QUBO expands (merges
 *    undone in reverse) to an x of the same energy, and n - merges
 *    variables are left, at most the target;
 *  - with the constraint-aware rules no group forces two conflicting
 *    variables to 1 together (MIS edges, QAP rows and columns) and no MDKP
 *    group puts items beyond a capacity;
 *  - the same seed gives the same shrunk QUBO.
 */
#include "context.h"
#include "qubo.h"
#include "qubo_problem.h"
#include "qubo_read.h"
#include "rng.h"
#include "shrink.h"
#include "test_qubo_util.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bits(unsigned char *y, int n, unsigned m)
{
    for (int i = 0; i < n; i++)
        y[i] = (unsigned char)((m >> i) & 1u);
}

START_TEST(fold_keeps_energies)
{
    rng r;
    rng_seed(&r, 5);
    for (uint64_t seed = 1; seed <= 10; seed++) {
        qubo q, small;
        test_random_qubo(&q, 10, seed, 10, 3, 3);
        int to[10], m = 4;
        unsigned char par[10], x[10], y[4];
        for (int i = 0; i < 10; i++) {
            to[i] = i < m ? i : (int)rng_below(&r, (uint64_t)m);
            par[i] = (unsigned char)rng_below(&r, 2);
        }
        ck_assert_int_eq(shrink_fold(&small, &q, to, par, m), CORTO_OK);
        for (unsigned s = 0; s < 16; s++) {
            bits(y, m, s);
            for (int i = 0; i < 10; i++)
                x[i] = par[i] ^ y[to[i]];
            ck_assert_double_eq_tol(qubo_energy(&small, y), qubo_energy(&q, x),
                                    1e-9);
        }
        qubo_free(&small);
        qubo_free(&q);
    }
}
END_TEST

static void run_shrink(shrink_result *sr, const qubo *q, int target,
                       const qp_problem *p, int recalc, uint64_t seed)
{
    corto_options o;
    solve_ctx ctx;
    corto_options_init(&o);
    o.time_limit = 0;
    o.seed = seed;
    ctx_init(&ctx, NULL, &o);
    shrink_params prm = {target, p != NULL, recalc, 8, 20, p};
    ck_assert_int_eq(shrink_run(sr, q, &prm, &ctx), CORTO_OK);
}

START_TEST(expand_keeps_energies)
{
    for (uint64_t seed = 1; seed <= 6; seed++) {
        qubo q;
        shrink_result sr;
        test_random_qubo(&q, 16, seed, 10, 3, 3);
        run_shrink(&sr, &q, 5, NULL, seed % 2 ? 3 : 0, seed);
        ck_assert_int_le(sr.small.n, 5);
        ck_assert_int_eq(sr.small.n + sr.n_merges, 16);
        ck_assert_int_ge(sr.recalcs, 1);
        unsigned char y[16], x[16];
        for (unsigned s = 0; s < (1u << sr.small.n); s++) {
            bits(y, sr.small.n, s);
            memset(x, 7, sizeof x);
            shrink_expand(x, &sr, y);
            for (int i = 0; i < 16; i++)
                ck_assert_int_le(x[i], 1); /* every variable set */
            ck_assert_double_eq_tol(qubo_energy(&sr.small, y),
                                    qubo_energy(&q, x), 1e-9);
        }
        shrink_free(&sr);
        qubo_free(&q);
    }
}
END_TEST

START_TEST(same_seed_same_shrink)
{
    qubo q;
    shrink_result a, b;
    test_random_qubo(&q, 20, 3, 10, 3, 3);
    run_shrink(&a, &q, 6, NULL, 2, 9);
    run_shrink(&b, &q, 6, NULL, 2, 9);
    ck_assert_int_eq(a.n_merges, b.n_merges);
    ck_assert_mem_eq(a.merges, b.merges, a.n_merges * sizeof *a.merges);
    shrink_free(&a);
    shrink_free(&b);
    qubo_free(&q);
}
END_TEST

/* Groups of the expansion: vars of small variable k flip with y_k. */
static void groups(int *group, const shrink_result *sr, unsigned char *x0)
{
    unsigned char *y = calloc((size_t)sr->small.n + 1, 1);
    unsigned char *xk = malloc((size_t)sr->n);
    shrink_expand(x0, sr, y);
    for (int k = 0; k < sr->small.n; k++) {
        y[k] = 1;
        shrink_expand(xk, sr, y);
        y[k] = 0;
        for (int v = 0; v < sr->n; v++)
            if (xk[v] != x0[v])
                group[v] = k;
    }
    free(y);
    free(xk);
}

START_TEST(rules_hold_for_mis_and_qap)
{
    static const struct {
        const char *file;
        corto_qubo_kind kind;
        int target;
    } cases[] = {{"tiny.mis", CORTO_QUBO_MIS, 2},
                 {"tiny.clq", CORTO_QUBO_MIS, 1},
                 {"tiny.dat", CORTO_QUBO_QAP, 5}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        qp_problem p;
        qubo_builder b;
        qubo q;
        shrink_result sr;
        test_read_qubo_fixture(&p, cases[c].file, cases[c].kind, 1);
        ck_assert_int_eq(qp_build(&b, &p, NULL), CORTO_OK);
        ck_assert_int_eq(qb_build(&q, &b), CORTO_OK);
        run_shrink(&sr, &q, cases[c].target, &p, 2, 1);
        int *row, *col;
        ck_assert_int_eq(qp_conflicts(&row, &col, &p, q.n), CORTO_OK);
        int group[64];
        unsigned char x0[64];
        groups(group, &sr, x0);
        for (int v = 0; v < q.n; v++)
            for (int k = row[v]; k < row[v + 1]; k++)
                if (group[col[k]] == group[v])
                    ck_assert_msg(x0[v] != x0[col[k]], "%s: %d and %d equal",
                                  cases[c].file, v, col[k]);
        free(row);
        free(col);
        shrink_free(&sr);
        qubo_free(&q);
        qb_free(&b);
        qp_free(&p);
    }
}
END_TEST

START_TEST(rules_hold_for_mdkp)
{
    qp_problem p;
    qubo_builder b;
    qubo q;
    shrink_result sr;
    test_read_qubo_fixture(&p, "tiny.mknap", CORTO_QUBO_MDKP, 1);
    ck_assert_int_eq(qp_build(&b, &p, NULL), CORTO_OK);
    ck_assert_int_eq(qb_build(&q, &b), CORTO_OK);
    run_shrink(&sr, &q, 3, &p, 1, 4);
    int group[64];
    unsigned char x0[64];
    groups(group, &sr, x0);
    for (int k = 0; k < sr.small.n; k++)
        for (int t = 0; t < 2; t++)
            for (int i = 0; i < p.rows; i++) {
                int64_t load = 0;
                for (int j = 0; j < p.n; j++)
                    if (group[j] == k && (x0[j] ^ t))
                        load += p.weight[i * p.n + j];
                ck_assert_int_le(load, p.cap[i]);
            }
    shrink_free(&sr);
    qubo_free(&q);
    qb_free(&b);
    qp_free(&p);
}
END_TEST

static Suite *shrink_suite(void)
{
    Suite *s = suite_create("shrink");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fold_keeps_energies);
    tcase_add_test(tc, expand_keeps_energies);
    tcase_add_test(tc, same_seed_same_shrink);
    tcase_add_test(tc, rules_hold_for_mis_and_qap);
    tcase_add_test(tc, rules_hold_for_mdkp);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(shrink_suite());
}
