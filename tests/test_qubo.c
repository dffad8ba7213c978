/*
 * test_qubo.c — the sparse QUBO model and the problem encodings:
 *  - a hand-written QUBO gives its hand-computed energy in all 8 states,
 *    duplicate terms add up, and incremental flip deltas equal energy
 *    differences along a walk of flips;
 *  - every builder: the QUBO energy of every feasible solution of a small
 *    instance equals -objective (maximised kinds) or +objective (QAP,
 *    TSP); MDKP slack bits encode exactly; the Lagrangian MDKP energy
 *    equals -profit + sum lambda g + rho sum g^2 for every x;
 *  - the QUBO minimum (by enumeration) is the problem optimum for the
 *    small MIS, max-cut, bqp and QAP instances;
 *  - QAP swap deltas equal recomputed costs, and polishing by swaps
 *    reaches a swap-local optimum;
 *  - repair makes random decoded states feasible (MIS: also maximal).
 */
#include "qubo.h"
#include "qubo_problem.h"
#include "qubo_read.h"
#include "rng.h"
#include "test_qubo_util.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build(qubo *q, const qp_problem *p, const qp_penalty *pen)
{
    qubo_builder b;
    ck_assert_int_eq(qp_build(&b, p, pen), CORTO_OK);
    ck_assert_int_eq(qb_build(q, &b), CORTO_OK);
    qb_free(&b);
}

static void set_bits(unsigned char *x, int n, unsigned mask)
{
    for (int i = 0; i < n; i++)
        x[i] = (unsigned char)((mask >> i) & 1u);
}

/* E = 1 + 2 x0 - 3 x1 + 4 x0 x1 - 2 x1 x2 (x0 x1 given as 2 + 2). */
START_TEST(hand_qubo_energy_and_deltas)
{
    qubo_builder b;
    qubo q;
    ck_assert_int_eq(qb_init(&b, 3), CORTO_OK);
    b.offset = 1;
    ck_assert_int_eq(qb_add(&b, 0, 0, 2), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 1, 1, -3), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 1, 0, 2), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 0, 1, 2), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 2, 1, -2), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 0, 2, 0), CORTO_OK);
    ck_assert_int_eq(qb_add(&b, 0, 3, 1), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(qb_build(&q, &b), CORTO_OK);
    ck_assert_int_eq(q.row[3], 4); /* two pairs, each stored twice */
    static const double want[8] = {1, 3, -2, 4, 1, 3, -4, 2};
    unsigned char x[3];
    for (unsigned m = 0; m < 8; m++) {
        set_bits(x, 3, m);
        ck_assert_double_eq(qubo_energy(&q, x), want[m]);
    }
    double h[3];
    set_bits(x, 3, 0);
    qubo_fields(&q, x, h);
    static const int walk[] = {1, 0, 2, 1, 2, 0, 1};
    for (size_t s = 0; s < sizeof walk / sizeof walk[0]; s++) {
        int i = walk[s];
        double before = qubo_energy(&q, x);
        double d = qubo_delta(x[i], h[i]);
        qubo_flip(&q, x, h, i);
        ck_assert_double_eq(qubo_energy(&q, x) - before, d);
    }
    double mx, mn;
    qubo_coef_range(&q, &mx, &mn);
    ck_assert_double_eq(mx, 9); /* x1: 3 + 4 + 2 */
    ck_assert_double_eq(mn, 2);
    qubo_free(&q);
    qb_free(&b);
}
END_TEST

/* Enumerate every plain x of an n <= 16 problem: E(encode x) = sign obj
 * for the feasible ones; returns how many were feasible. */
static int check_energy_all(const qp_problem *p, const qp_penalty *pen,
                            double sign)
{
    qubo q;
    qp_sol s;
    int feasible = 0, size = qp_qubo_size(p, pen);
    build(&q, p, pen);
    ck_assert_int_eq(q.n, size);
    ck_assert_int_eq(qp_sol_init(&s, p), CORTO_OK);
    unsigned char *x = calloc((size_t)size, 1);
    for (unsigned m = 0; m < (1u << p->n); m++) {
        set_bits(s.x, p->n, m);
        if (!qp_feasible(p, &s))
            continue;
        feasible++;
        qp_encode(x, p, pen, &s);
        ck_assert_double_eq_tol(qubo_energy(&q, x), sign * qp_objective(p, &s),
                                1e-9);
    }
    free(x);
    qp_sol_free(&s);
    qubo_free(&q);
    return feasible;
}

/* Minimum QUBO energy by enumeration (at most 20 variables). */
static double brute_min(const qubo *q)
{
    unsigned char x[20];
    double best = INFINITY;
    ck_assert_int_le(q->n, 20);
    for (unsigned m = 0; m < (1u << q->n); m++) {
        set_bits(x, q->n, m);
        best = fmin(best, qubo_energy(q, x));
    }
    return best;
}

START_TEST(bqp_and_maxcut_energies)
{
    qp_problem p;
    qubo q;
    test_read_qubo_fixture(&p, "tiny.bqp", CORTO_QUBO_BQP, 1);
    ck_assert_int_eq(check_energy_all(&p, NULL, -1.0), 8);
    qp_sol s;
    ck_assert_int_eq(qp_sol_init(&s, &p), CORTO_OK);
    set_bits(s.x, 3, 7);
    /* 2 + 1 + 2(-3) + 2(2) */
    ck_assert_double_eq(qp_objective(&p, &s), 1);
    qp_sol_free(&s);
    build(&q, &p, NULL);
    ck_assert_double_eq(brute_min(&q), -5);
    qubo_free(&q);
    qp_free(&p);

    test_read_qubo_fixture(&p, "tiny.bqp", CORTO_QUBO_BQP, 2);
    ck_assert_int_eq(p.n, 4);
    build(&q, &p, NULL);
    ck_assert_double_eq(brute_min(&q), -5);
    qubo_free(&q);
    qp_free(&p);

    test_read_qubo_fixture(&p, "tiny_gset.txt", CORTO_QUBO_MAXCUT, 0);
    ck_assert_int_eq(check_energy_all(&p, NULL, -1.0), 32);
    build(&q, &p, NULL);
    ck_assert_double_eq(brute_min(&q), -4);
    qubo_free(&q);
    qp_free(&p);
}
END_TEST

START_TEST(mis_energies)
{
    qp_problem p;
    qubo q;
    test_read_qubo_fixture(&p, "tiny.mis", CORTO_QUBO_MIS, 0);
    ck_assert_int_eq(p.m, 6);
    /* independent sets of a 5-cycle with chord 1-3: empty, 5 singles,
     * {1,4} {2,4} {2,5} {3,5} */
    ck_assert_int_eq(check_energy_all(&p, NULL, -1.0), 10);
    build(&q, &p, NULL);
    ck_assert_double_eq(brute_min(&q), -2);
    qubo_free(&q);
    qp_free(&p);

    /* Clique benchmark: K4 plus a pendant edge, MIS of the complement. */
    test_read_qubo_fixture(&p, "tiny.clq", CORTO_QUBO_MIS, 0);
    ck_assert_int_eq(p.m, 3);
    build(&q, &p, NULL);
    ck_assert_double_eq(brute_min(&q), -4);
    qubo_free(&q);
    qp_free(&p);
}
END_TEST

START_TEST(mdkp_energies)
{
    qp_problem p;
    test_read_qubo_fixture(&p, "tiny.mknap", CORTO_QUBO_MDKP, 1);
    ck_assert_int_eq(p.rows, 2);
    qp_penalty slack = {CORTO_QUBO_PENALTY_SLACK, NULL, 0};
    /* capacity 6 = 1 + 2 + 3: three bits per row */
    ck_assert_int_eq(qp_qubo_size(&p, &slack), 4 + 3 + 3);
    int feasible = check_energy_all(&p, &slack, -1.0);
    ck_assert_int_eq(feasible, 9);
    /* Lagrangian: every x, not only the feasible ones. */
    double lambda[2] = {0.7, 1.3}, g[2];
    qp_penalty lag = {CORTO_QUBO_PENALTY_LAGRANGE, lambda, 0.25};
    qubo q;
    qp_sol s;
    build(&q, &p, &lag);
    ck_assert_int_eq(q.n, 4);
    ck_assert_int_eq(qp_sol_init(&s, &p), CORTO_OK);
    for (unsigned m = 0; m < 16; m++) {
        set_bits(s.x, 4, m);
        qp_mdkp_residual(g, &p, s.x);
        double want = -qp_objective(&p, &s);
        for (int i = 0; i < 2; i++)
            want += lambda[i] * g[i] + 0.25 * g[i] * g[i];
        ck_assert_double_eq_tol(qubo_energy(&q, s.x), want, 1e-9);
    }
    qp_sol_free(&s);
    qubo_free(&q);
    qp_free(&p);

    test_read_qubo_fixture(&p, "tiny.mknap", CORTO_QUBO_MDKP, 2);
    ck_assert_int_eq(p.n, 3);
    ck_assert_double_eq(p.profit[0], 1.5);
    ck_assert_int_eq(check_energy_all(&p, &slack, -1.0), 7);
    qp_free(&p);
}
END_TEST

/* Heap's algorithm over perm[0..k). */
static void perms(const qp_problem *p, const qubo *q, qp_sol *s, int k,
                  double *best)
{
    if (k == 1) {
        unsigned char x[64];
        qp_encode(x, p, NULL, s);
        double cost = qp_objective(p, s);
        ck_assert_double_eq(qubo_energy(q, x), cost);
        *best = fmin(*best, cost);
        return;
    }
    for (int i = 0; i < k; i++) {
        perms(p, q, s, k - 1, best);
        int j = k % 2 ? 0 : i, t = s->perm[j];
        s->perm[j] = s->perm[k - 1];
        s->perm[k - 1] = t;
    }
}

START_TEST(qap_and_tsp_energies)
{
    qp_problem p;
    qubo q;
    qp_sol s;
    test_read_qubo_fixture(&p, "tiny.dat", CORTO_QUBO_QAP, 0);
    build(&q, &p, NULL);
    ck_assert_int_eq(qp_sol_init(&s, &p), CORTO_OK);
    ck_assert_double_eq(qp_objective(&p, &s), 50); /* identity */
    double best = INFINITY;
    perms(&p, &q, &s, 4, &best);
    ck_assert_double_eq(best, 42);
    ck_assert_double_eq(brute_min(&q), 42);
    qp_sol_free(&s);
    qubo_free(&q);
    qp_free(&p);

    /* TSP on 4 cities as a QAP with the successor matrix. */
    static const int64_t d[16] = {0, 1, 5, 2, 1, 0, 3, 6,
                                  5, 3, 0, 1, 2, 6, 1, 0};
    memset(&p, 0, sizeof p);
    p.kind = CORTO_QUBO_TSP;
    p.n = 4;
    p.a = malloc(sizeof d);
    p.b = calloc(16, sizeof *p.b);
    memcpy(p.a, d, sizeof d);
    for (int k = 0; k < 4; k++)
        p.b[k * 4 + (k + 1) % 4] = 1;
    build(&q, &p, NULL);
    ck_assert_int_eq(qp_sol_init(&s, &p), CORTO_OK);
    ck_assert_double_eq(qp_objective(&p, &s), 1 + 3 + 1 + 2);
    best = INFINITY;
    perms(&p, &q, &s, 4, &best);
    ck_assert_double_eq(best, 7); /* 0-1-2-3-0 is optimal */
    qp_sol_free(&s);
    qubo_free(&q);
    qp_free(&p);
}
END_TEST

/* A permutation problem above QP_PERM_MAX_N is refused, not built. */
START_TEST(perm_size_cap)
{
    qp_problem p;
    qubo_builder b;
    memset(&p, 0, sizeof p);
    memset(&b, 0, sizeof b);
    p.kind = CORTO_QUBO_QAP;
    p.n = QP_PERM_MAX_N + 1;
    ck_assert_int_eq(qp_build(&b, &p, NULL), CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_null(b.lin);
}
END_TEST

/* Swap deltas equal recomputed costs; polishing the identity of tiny.dat
 * (cost 50) ends at a swap-local optimum, here the optimum 42. */
START_TEST(swap_delta_and_polish)
{
    qp_problem p;
    qp_sol s;
    test_read_qubo_fixture(&p, "tiny.dat", CORTO_QUBO_QAP, 0);
    ck_assert_int_eq(qp_sol_init(&s, &p), CORTO_OK);
    s.perm[0] = 2;
    s.perm[2] = 0;
    for (int r = 0; r < 4; r++)
        for (int t = 0; t < 4; t++) {
            if (r == t)
                continue;
            double before = qp_objective(&p, &s);
            int64_t d = qp_swap_delta(&p, s.perm, r, t);
            int tmp = s.perm[r];
            s.perm[r] = s.perm[t];
            s.perm[t] = tmp;
            ck_assert_double_eq(qp_objective(&p, &s) - before, (double)d);
        }
    for (int i = 0; i < 4; i++)
        s.perm[i] = i;
    qp_polish(&s, &p);
    ck_assert(qp_feasible(&p, &s));
    ck_assert_double_eq(qp_objective(&p, &s), 42);
    qp_sol_free(&s);
    qp_free(&p);
}
END_TEST

START_TEST(repair_makes_feasible)
{
    static const struct {
        const char *file;
        corto_qubo_kind kind;
    } cases[] = {{"tiny.mis", CORTO_QUBO_MIS},
                 {"tiny.clq", CORTO_QUBO_MIS},
                 {"tiny.mknap", CORTO_QUBO_MDKP},
                 {"tiny.dat", CORTO_QUBO_QAP}};
    rng r;
    rng_seed(&r, 7);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        qp_problem p;
        qp_sol s;
        test_read_qubo_fixture(&p, cases[c].file, cases[c].kind, 1);
        int size = qp_qubo_size(&p, NULL);
        unsigned char *x = malloc((size_t)size);
        ck_assert_int_eq(qp_sol_init(&s, &p), CORTO_OK);
        int infeasible = 0;
        for (int t = 0; t < 50; t++) {
            for (int i = 0; i < size; i++)
                x[i] = rng_below(&r, 2) ? 1 : 0;
            qp_decode(&s, &p, x);
            infeasible += !qp_feasible(&p, &s);
            ck_assert_int_eq(qp_repair(&s, &p), CORTO_OK);
            ck_assert_msg(qp_feasible(&p, &s), "%s", cases[c].file);
            if (p.kind == CORTO_QUBO_MIS) /* maximal */
                for (int v = 0; v < p.n; v++) {
                    if (s.x[v])
                        continue;
                    int blocked = 0;
                    for (int e = 0; e < p.m; e++)
                        blocked |= (p.eu[e] == v && s.x[p.ev[e]]) ||
                                   (p.ev[e] == v && s.x[p.eu[e]]);
                    ck_assert(blocked);
                }
        }
        ck_assert_int_gt(infeasible, 0); /* repair had work to do */
        free(x);
        qp_sol_free(&s);
        qp_free(&p);
    }
}
END_TEST

static Suite *qubo_suite(void)
{
    Suite *s = suite_create("qubo");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, hand_qubo_energy_and_deltas);
    tcase_add_test(tc, bqp_and_maxcut_energies);
    tcase_add_test(tc, mis_energies);
    tcase_add_test(tc, mdkp_energies);
    tcase_add_test(tc, qap_and_tsp_energies);
    tcase_add_test(tc, perm_size_cap);
    tcase_add_test(tc, swap_delta_and_polish);
    tcase_add_test(tc, repair_makes_feasible);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(qubo_suite());
}
