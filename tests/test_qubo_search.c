/*
 * test_qubo_search.c — the QUBO solvers and the public QUBO pipeline:
 *  - simulated annealing, tabu search and GLPK's exact solve reach the
 *    enumerated minimum of random 14-variable QUBOs (exact: proven);
 *  - the same seed and iteration limit give the same state;
 *  - corto_qubo_solve on a RAW QUBO built term by term, and on the bundled
 *    bqp, max-cut, MIS, MDKP (slack and Lagrangian) and QAP files, returns
 *    a feasible answer whose objective is recomputed from the values, and
 *    the known optimum on these small files;
 *  - shrunk solves of the bundled MIS, MDKP and QAP files are repaired to
 *    feasibility, with and without rules and recalculation;
 *  - the result file has the documented form.
 */
#include "context.h"
#include "corto.h"
#include "qubo.h"
#include "qubo_exact.h"
#include "qubo_problem.h"
#include "qubo_search.h"
#include "rng.h"
#include "test_qubo_util.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_RAND 14

static double brute_min(const qubo *q)
{
    unsigned char x[N_RAND];
    double best = INFINITY;
    for (unsigned m = 0; m < (1u << q->n); m++) {
        for (int i = 0; i < q->n; i++)
            x[i] = (unsigned char)((m >> i) & 1u);
        best = fmin(best, qubo_energy(q, x));
    }
    return best;
}

static void limits(corto_options *o, double time, int64_t iterations,
                   uint64_t seed)
{
    corto_options_init(o);
    o->time_limit = time;
    o->iterations = iterations;
    o->seed = seed;
}

START_TEST(solvers_reach_the_minimum)
{
    for (uint64_t seed = 1; seed <= 5; seed++) {
        qubo q;
        test_random_qubo(&q, N_RAND, seed, 9, 2, 0);
        double want = brute_min(&q), e = 0;
        unsigned char x[N_RAND];
        corto_options o;
        solve_ctx ctx;
        limits(&o, 0, 2000, seed);
        ctx_init(&ctx, NULL, &o);
        ck_assert_int_eq(qubo_sa(x, &e, &q, &ctx, 100), CORTO_OK);
        ck_assert_double_eq(e, want);
        ck_assert_double_eq(qubo_energy(&q, x), e);
        limits(&o, 0, 3000, seed);
        ctx_init(&ctx, NULL, &o);
        ck_assert_int_eq(qubo_tabu(x, &e, &q, &ctx, NULL), CORTO_OK);
        ck_assert_double_eq(e, want);
        ck_assert_double_eq(qubo_energy(&q, x), e);
        int found = 0, optimal = 0;
        limits(&o, 20, 0, seed);
        ctx_init(&ctx, NULL, &o);
        ck_assert_int_eq(qubo_exact(x, &e, &found, &optimal, &q, &ctx),
                         CORTO_OK);
        ck_assert(found && optimal);
        ck_assert_double_eq(e, want);
        qubo_free(&q);
    }
}
END_TEST

START_TEST(same_seed_same_state)
{
    qubo q;
    test_random_qubo(&q, N_RAND, 11, 9, 2, 0);
    unsigned char a[N_RAND], b[N_RAND];
    double ea, eb;
    corto_options o;
    solve_ctx ctx;
    for (int tabu = 0; tabu < 2; tabu++) {
        limits(&o, 0, 37, 3);
        ctx_init(&ctx, NULL, &o);
        if (tabu)
            qubo_tabu(a, &ea, &q, &ctx, NULL);
        else
            qubo_sa(a, &ea, &q, &ctx, 10);
        ck_assert_int_eq(ctx.iteration, 37);
        ctx_init(&ctx, NULL, &o);
        if (tabu)
            qubo_tabu(b, &eb, &q, &ctx, NULL);
        else
            qubo_sa(b, &eb, &q, &ctx, 10);
        ck_assert_mem_eq(a, b, N_RAND);
        ck_assert_double_eq(ea, eb);
    }
    qubo_free(&q);
}
END_TEST

START_TEST(raw_qubo_through_the_api)
{
    corto_qubo *q = NULL;
    corto_qubo_result *r = NULL;
    ck_assert_int_eq(corto_qubo_create(&q, 3), CORTO_OK);
    /* E = 5 + x0 - 2 x1 - 3 x2 + 4 x1 x2 + 2 x0 x2: minimum 2 at 001 */
    ck_assert_int_eq(corto_qubo_add_constant(q, 5), CORTO_OK);
    ck_assert_int_eq(corto_qubo_add(q, 0, 0, 1), CORTO_OK);
    ck_assert_int_eq(corto_qubo_add(q, 1, 1, -2), CORTO_OK);
    ck_assert_int_eq(corto_qubo_add(q, 2, 2, -3), CORTO_OK);
    ck_assert_int_eq(corto_qubo_add(q, 2, 1, 4), CORTO_OK);
    ck_assert_int_eq(corto_qubo_add(q, 0, 2, 2), CORTO_OK);
    ck_assert_int_eq(corto_qubo_add(q, 0, 3, 2), CORTO_ERR_ARGUMENT);
    for (int s = 0; s < 3; s++) {
        corto_qubo_options o;
        corto_qubo_options_init(&o);
        o.solver = (corto_qubo_solver)s;
        o.time_limit = 0;
        o.iterations = 500;
        if (s == CORTO_QUBO_EXACT)
            o.time_limit = 10;
        ck_assert_int_eq(corto_qubo_solve(&r, q, &o), CORTO_OK);
        ck_assert_double_eq(corto_qubo_result_objective(r), 2);
        const int *v = corto_qubo_result_values(r);
        ck_assert_int_eq(v[0], 0);
        ck_assert_int_eq(v[1], 0);
        ck_assert_int_eq(v[2], 1);
        ck_assert_int_eq(corto_qubo_result_optimal(r), s == 2);
        corto_qubo_result_destroy(r);
    }
    corto_qubo_destroy(q);
}
END_TEST

/* Solve a bundled file; check feasibility and the objective. */
static void solve_file(const char *name, corto_qubo_kind kind, int index,
                       corto_qubo_solver solver, corto_qubo_penalty pen,
                       double want)
{
    char path[4096], rel[256];
    snprintf(rel, sizeof rel, "tests/data/qubo/%s", name);
    test_source_path(path, sizeof path, rel);
    corto_qubo *q = NULL;
    corto_qubo_result *r = NULL;
    corto_diag d;
    ck_assert_int_eq(corto_qubo_read(&q, path, kind, index, &d), CORTO_OK);
    corto_qubo_options o;
    corto_qubo_options_init(&o);
    o.solver = solver;
    o.penalty = pen;
    o.rounds = 5;
    o.time_limit = 0;
    o.iterations = 20000;
    ck_assert_int_eq(corto_qubo_solve(&r, q, &o), CORTO_OK);
    ck_assert(corto_qubo_result_feasible(r));
    ck_assert_msg(corto_qubo_result_objective(r) == want, "%s: %g vs %g", name,
                  corto_qubo_result_objective(r), want);
    corto_qubo_result_destroy(r);
    corto_qubo_destroy(q);
}

START_TEST(bundled_files_solve_to_optimum)
{
    for (int s = 0; s < 2; s++) {
        corto_qubo_solver sv = s ? CORTO_QUBO_TABU : CORTO_QUBO_SA;
        solve_file("tiny.bqp", CORTO_QUBO_BQP, 1, sv, 0, 5);
        solve_file("tiny.bqp", CORTO_QUBO_BQP, 2, sv, 0, 5);
        solve_file("tiny_gset.txt", CORTO_QUBO_MAXCUT, 1, sv, 0, 4);
        solve_file("tiny.mis", CORTO_QUBO_MIS, 1, sv, 0, 2);
        solve_file("tiny.clq", CORTO_QUBO_MIS, 1, sv, 0, 4);
        solve_file("tiny.mknap", CORTO_QUBO_MDKP, 1, sv,
                   CORTO_QUBO_PENALTY_SLACK, 15);
        solve_file("tiny.mknap", CORTO_QUBO_MDKP, 1, sv,
                   CORTO_QUBO_PENALTY_LAGRANGE, 15);
        solve_file("tiny.mknap", CORTO_QUBO_MDKP, 2, sv,
                   CORTO_QUBO_PENALTY_LAGRANGE, 6);
        solve_file("tiny.dat", CORTO_QUBO_QAP, 1, sv, 0, 42);
    }
}
END_TEST

/* Shrunk to 3 variables, with and without the rules, adaptive or not:
 * the answer is repaired to feasibility and the inner solver saw at most
 * 3 variables (fewer than all when the rules stop the merges early). */
START_TEST(shrunk_solves_are_feasible)
{
    static const struct {
        const char *file;
        corto_qubo_kind kind;
    } cases[] = {{"tiny.mis", CORTO_QUBO_MIS},
                 {"tiny.mknap", CORTO_QUBO_MDKP},
                 {"tiny.dat", CORTO_QUBO_QAP}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (int variant = 0; variant < 4; variant++) {
            char path[4096], rel[256];
            snprintf(rel, sizeof rel, "tests/data/qubo/%s", cases[c].file);
            test_source_path(path, sizeof path, rel);
            corto_qubo *q = NULL;
            corto_qubo_result *r = NULL;
            ck_assert_int_eq(corto_qubo_read(&q, path, cases[c].kind, 1, NULL),
                             CORTO_OK);
            corto_qubo_options o;
            corto_qubo_options_init(&o);
            o.time_limit = 0;
            o.iterations = 300;
            o.samples = 4;
            o.shrink_to = 3;
            o.constraint_aware = variant & 1;
            o.recalc_every = variant & 2 ? 2 : 0;
            ck_assert_int_eq(corto_qubo_solve(&r, q, &o), CORTO_OK);
            ck_assert(corto_qubo_result_feasible(r));
            /* The rules may stop the merging above the target. */
            if (o.constraint_aware)
                ck_assert_int_lt(corto_qubo_result_solved_vars(r),
                                 corto_qubo_n_vars(q, &o));
            else
                ck_assert_int_le(corto_qubo_result_solved_vars(r), 3);
            corto_qubo_result_destroy(r);
            corto_qubo_destroy(q);
        }
}
END_TEST

START_TEST(result_file_forms)
{
    char path[4096], out[4096];
    test_source_path(path, sizeof path, "tests/data/qubo/tiny.dat");
    corto_qubo *q = NULL;
    corto_qubo_result *r = NULL;
    ck_assert_int_eq(corto_qubo_read(&q, path, CORTO_QUBO_QAP, 0, NULL),
                     CORTO_OK);
    corto_qubo_options o;
    corto_qubo_options_init(&o);
    o.solver = CORTO_QUBO_TABU;
    o.time_limit = 0;
    o.iterations = 2000;
    ck_assert_int_eq(corto_qubo_solve(&r, q, &o), CORTO_OK);
    test_temp_file(out, sizeof out, ".sln", "");
    ck_assert_int_eq(corto_qubo_write_result(r, q, out, NULL), CORTO_OK);
    FILE *f = fopen(out, "r");
    int n = 0, p[4];
    long cost = 0;
    ck_assert_int_eq(fscanf(f, "%d %ld", &n, &cost), 2);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(cost, 42);
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(fscanf(f, "%d", &p[i]), 1);
        ck_assert_int_eq(p[i], corto_qubo_result_values(r)[i] + 1);
    }
    fclose(f);
    remove(out);
    corto_qubo_result_destroy(r);
    corto_qubo_destroy(q);
}
END_TEST

static Suite *qubo_search_suite(void)
{
    Suite *s = suite_create("qubo_search");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, solvers_reach_the_minimum);
    tcase_add_test(tc, same_seed_same_state);
    tcase_add_test(tc, raw_qubo_through_the_api);
    tcase_add_test(tc, bundled_files_solve_to_optimum);
    tcase_add_test(tc, shrunk_solves_are_feasible);
    tcase_add_test(tc, result_file_forms);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(qubo_search_suite());
}
