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
 *  - the same seed gives the same shrunk QUBO;
 *  - all of it with sampled, low-rank and mixed correlations;
 *  - low-rank relaxation: on a tiny QUBO with a pair forced equal and a
 *    pair forced opposite (plus weak random couplings) the correlations
 *    have the right signs, for several seeds, and shrinking with them
 *    merges such a pair first with the right parity; every vector has
 *    unit length, more sweeps never raise the relaxed energy, and the
 *    same seed gives the same vectors.
 */
#include "context.h"
#include "qubo.h"
#include "qubo_problem.h"
#include "qubo_read.h"
#include "rng.h"
#include "shrink.h"
#include "shrink_lowrank.h"
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

/* A context with no limits and the given seed; o must outlive ctx. */
static void untimed(solve_ctx *ctx, corto_options *o, uint64_t seed)
{
    corto_options_init(o);
    o->time_limit = 0;
    o->seed = seed;
    ctx_init(ctx, NULL, o);
}

static void run_shrink(shrink_result *sr, const qubo *q, int target,
                       const qp_problem *p, int recalc, uint64_t seed,
                       corto_qubo_correlations corr)
{
    corto_options o;
    solve_ctx ctx;
    untimed(&ctx, &o, seed);
    shrink_params prm = {target, p != NULL, recalc, 8, 20, p, corr};
    ck_assert_int_eq(shrink_run(sr, q, &prm, &ctx), CORTO_OK);
}

START_TEST(expand_keeps_energies)
{
    for (uint64_t seed = 1; seed <= 6; seed++) {
        qubo q;
        shrink_result sr;
        test_random_qubo(&q, 16, seed, 10, 3, 3);
        run_shrink(&sr, &q, 5, NULL, seed % 2 ? 3 : 0, seed,
                   (corto_qubo_correlations)(seed % 3));
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
    for (int corr = 0; corr < 3; corr++) {
        run_shrink(&a, &q, 6, NULL, 2, 9, (corto_qubo_correlations)corr);
        run_shrink(&b, &q, 6, NULL, 2, 9, (corto_qubo_correlations)corr);
        ck_assert_int_eq(a.n_merges, b.n_merges);
        ck_assert_mem_eq(a.merges, b.merges, a.n_merges * sizeof *a.merges);
        shrink_free(&a);
        shrink_free(&b);
    }
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
    /* Every case with every estimate. */
    for (size_t run = 0; run < 3 * (sizeof cases / sizeof cases[0]); run++) {
        size_t c = run % 3;
        corto_qubo_correlations corr = (corto_qubo_correlations)(run / 3);
        qp_problem p;
        qubo_builder b;
        qubo q;
        shrink_result sr;
        test_read_qubo_fixture(&p, cases[c].file, cases[c].kind, 1);
        ck_assert_int_eq(qp_build(&b, &p, NULL), CORTO_OK);
        ck_assert_int_eq(qb_build(&q, &b), CORTO_OK);
        run_shrink(&sr, &q, cases[c].target, &p, 2, 1, corr);
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
    for (int corr = 0; corr < 3; corr++) {
        run_shrink(&sr, &q, 3, &p, 1, 4, (corto_qubo_correlations)corr);
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
    }
    qubo_free(&q);
    qb_free(&b);
    qp_free(&p);
}
END_TEST

/* The low-rank relaxation (shrink_lowrank.c). */
#define N 6
#define R SHRINK_LOWRANK_RANK

/*
 * x0 = x1 and x2 != x3 are each worth 5 over the alternatives; x4, x5
 * and weak couplings of size <= 1 between the rest make the noise.
 */
static void forced_pairs(qubo *q, uint64_t seed)
{
    qubo_builder b;
    rng r;
    rng_seed(&r, seed);
    ck_assert_int_eq(qb_init(&b, N), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 0, 1, -10.0), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 0, 0, 5.0), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 1, 1, 5.0), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 2, 3, 10.0), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 2, 2, -5.0), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 3, 3, -5.0), CORTO_OK);
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++)
            if (!((i == 0 && j == 1) || (i == 2 && j == 3)))
                ck_assert_int_eq(qb_add(&b, i, j, 2.0 * rng_uniform(&r) - 1.0),
                                 CORTO_OK);
    ck_assert_int_eq(qb_build(q, &b), CORTO_OK);
    qb_free(&b);
}

static int relax(double *v, const qubo *q, int sweeps, uint64_t seed)
{
    corto_options o;
    solve_ctx ctx;
    untimed(&ctx, &o, seed);
    return shrink_lowrank_run(v, q, R, sweeps, &ctx);
}

/* The relaxed energy: sum J_ij v_i.v_j + sum h_i v_0.v_i. */
static double relaxed_energy(const double *v, const qubo *q)
{
    double e = 0;
    for (int i = 0; i < q->n; i++) {
        double h = 0.5 * q->lin[i];
        for (int k = q->row[i]; k < q->row[i + 1]; k++) {
            h += 0.25 * q->w[k];
            if (q->col[k] > i)
                e += 0.25 * q->w[k] * shrink_lowrank_corr(v, R, i, q->col[k]);
        }
        e += h * shrink_lowrank_corr(v, R, i, q->n);
    }
    return e;
}

START_TEST(forced_pairs_get_the_right_sign)
{
    for (uint64_t seed = 1; seed <= 8; seed++) {
        qubo q;
        double v[(N + 1) * R];
        forced_pairs(&q, seed);
        ck_assert_int_gt(relax(v, &q, SHRINK_LOWRANK_SWEEPS, seed), 0);
        ck_assert_double_gt(shrink_lowrank_corr(v, R, 0, 1), 0.5);
        ck_assert_double_lt(shrink_lowrank_corr(v, R, 2, 3), -0.5);
        qubo_free(&q);
    }
}
END_TEST

START_TEST(shrinking_merges_a_forced_pair_first)
{
    for (uint64_t seed = 1; seed <= 4; seed++) {
        qubo q;
        shrink_result sr;
        forced_pairs(&q, seed);
        run_shrink(&sr, &q, N - 1, NULL, 1, seed, CORTO_QUBO_CORR_LOWRANK);
        ck_assert_int_eq(sr.n_merges, 1);
        const shrink_merge *m = &sr.merges[0];
        int lo = m->keep < m->drop ? m->keep : m->drop;
        int hi = m->keep ^ m->drop ^ lo;
        ck_assert_msg((lo == 0 && hi == 1 && !m->opposite) ||
                          (lo == 2 && hi == 3 && m->opposite),
                      "seed %d: merged %d, %d (opposite %d)", (int)seed, lo,
                      hi, m->opposite);
        shrink_free(&sr);
        qubo_free(&q);
    }
}
END_TEST

START_TEST(descent_on_unit_vectors_repeats)
{
    qubo q;
    double a[(N + 1) * R], b[(N + 1) * R];
    forced_pairs(&q, 3);
    ck_assert_int_eq(relax(a, &q, 1, 7), 1);
    ck_assert_int_gt(relax(b, &q, 50, 7), 1);
    ck_assert_double_le(relaxed_energy(b, &q), relaxed_energy(a, &q) + 1e-12);
    for (int i = 0; i <= N; i++)
        ck_assert_double_eq_tol(shrink_lowrank_corr(b, R, i, i), 1.0, 1e-12);
    /* The same seed, the same vectors; another seed, others. */
    ck_assert_int_gt(relax(a, &q, 50, 7), 1);
    ck_assert_mem_eq(a, b, sizeof a);
    relax(a, &q, 50, 8);
    ck_assert(memcmp(a, b, sizeof a) != 0);
    qubo_free(&q);
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
    tcase_add_test(tc, forced_pairs_get_the_right_sign);
    tcase_add_test(tc, shrinking_merges_a_forced_pair_first);
    tcase_add_test(tc, descent_on_unit_vectors_repeats);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(shrink_suite());
}
