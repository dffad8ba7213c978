/*
 * test_qubo_read.c — the QUBO problem readers: the bundled small files
 * parse to their hand-known sizes; malformed files give PARSE with the
 * file and line; a problem index beyond the file is refused; and, when
 * ../shared/instances is present, every QAPLIB .sln permutation costs its
 * stated value through corto's QAP objective (kra30a and tai60a as the
 * inverse assignment, kra32 at 88700, tai40a skipped: see SOURCES.md),
 * and the bqp, Gset, MIS and mknap files parse with the sizes of their
 * names.
 */
#include "qubo_problem.h"
#include "qubo_read.h"
#include "test_util.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static corto_status read_data(qp_problem *p, const char *name,
                              corto_qubo_kind kind, int index, corto_diag *d)
{
    char path[4096], rel[256];
    snprintf(rel, sizeof rel, "tests/data/qubo/%s", name);
    test_source_path(path, sizeof path, rel);
    memset(d, 0, sizeof *d);
    return qr_read(p, path, kind, index, d);
}

START_TEST(bad_files_name_file_and_line)
{
    static const struct {
        const char *file;
        corto_qubo_kind kind;
        const char *where;
    } cases[] = {{"bad_coef.bqp", CORTO_QUBO_BQP, "bad_coef.bqp:4:"},
                 {"bad_vertex.mis", CORTO_QUBO_MIS, "bad_vertex.mis:3:"},
                 {"short_gset.txt", CORTO_QUBO_MAXCUT, "short_gset.txt:2:"},
                 {"tiny.mis", CORTO_QUBO_QAP, "tiny.mis:1:"}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        qp_problem p;
        corto_diag d;
        ck_assert_int_eq(read_data(&p, cases[c].file, cases[c].kind, 1, &d),
                         CORTO_ERR_PARSE);
        ck_assert_msg(strstr(d.message, cases[c].where) != NULL, "%s",
                      d.message);
        ck_assert_int_eq(p.n, 0);
    }
    qp_problem p;
    corto_diag d;
    ck_assert_int_eq(read_data(&p, "tiny.bqp", CORTO_QUBO_BQP, 3, &d),
                     CORTO_ERR_ARGUMENT);
    ck_assert_ptr_nonnull(strstr(d.message, "holds 2"));
    ck_assert_int_eq(read_data(&p, "missing.bqp", CORTO_QUBO_BQP, 1, &d),
                     CORTO_ERR_IO);
}
END_TEST

/* mknap2: constraints first, capacities before the weights, problems
 * picked by their `problem` line. */
START_TEST(mknap2_reads)
{
    qp_problem p;
    corto_diag d;
    ck_assert_int_eq(read_data(&p, "tiny.mknap2", CORTO_QUBO_MDKP, 2, &d),
                     CORTO_OK);
    ck_assert_str_eq(p.name, "TWO.DAT");
    ck_assert_int_eq(p.n, 2);
    ck_assert_int_eq(p.rows, 2);
    ck_assert_double_eq(p.profit[1], 8);
    ck_assert_int_eq(p.cap[0], 10);
    ck_assert_int_eq(p.cap[1], 20);
    ck_assert_int_eq(p.weight[1], 2); /* row 0, item 1 */
    ck_assert_int_eq(p.weight[2], 3); /* row 1, item 0 */
    qp_free(&p);
    ck_assert_int_eq(read_data(&p, "tiny.mknap2", CORTO_QUBO_MDKP, 1, &d),
                     CORTO_OK);
    ck_assert_int_eq(p.n, 3);
    ck_assert_int_eq(p.rows, 1);
    ck_assert_int_eq(p.cap[0], 6);
    ck_assert_int_eq(p.weight[2], 4);
    qp_free(&p);
    ck_assert_int_eq(read_data(&p, "tiny.mknap2", CORTO_QUBO_MDKP, 3, &d),
                     CORTO_ERR_ARGUMENT);
    ck_assert_ptr_nonnull(strstr(d.message, "holds 2"));
}
END_TEST

START_TEST(sln_reads)
{
    char path[4096];
    int *perm = NULL, n = 0;
    int64_t value = 0;
    corto_diag d;
    test_source_path(path, sizeof path, "tests/data/qubo/tiny_identity.sln");
    ck_assert_int_eq(qr_read_sln(&perm, &n, &value, path, &d), CORTO_OK);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(value, 50);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(perm[i], i);
    free(perm);
}
END_TEST

/* Cost of the inverse of perm. */
static double inverse_cost(const qp_problem *p, const int *perm)
{
    qp_sol s;
    ck_assert_int_eq(qp_sol_init(&s, p), CORTO_OK);
    for (int i = 0; i < p->n; i++)
        s.perm[perm[i]] = i;
    double c = qp_objective(p, &s);
    qp_sol_free(&s);
    return c;
}

START_TEST(shared_qaplib_solutions)
{
    char dir[4096];
    if (!test_shared_path(dir, sizeof dir, "qap"))
        return;
    DIR *dp = opendir(dir);
    ck_assert_ptr_nonnull(dp);
    struct dirent *e;
    int checked = 0;
    while ((e = readdir(dp))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".sln") != 0 ||
            strcmp(e->d_name, "tai40a.sln") == 0)
            continue;
        char sln[8192], dat[8192];
        snprintf(sln, sizeof sln, "%s/%s", dir, e->d_name);
        snprintf(dat, sizeof dat, "%s/%.*s.dat", dir, (int)(len - 4),
                 e->d_name);
        qp_problem p;
        corto_diag d;
        ck_assert_msg(qr_read(&p, dat, CORTO_QUBO_QAP, 0, &d) == CORTO_OK,
                      "%s", d.message);
        int *perm = NULL, n = 0;
        int64_t value = 0;
        ck_assert_int_eq(qr_read_sln(&perm, &n, &value, sln, &d), CORTO_OK);
        ck_assert_int_eq(n, p.n);
        qp_sol s = {NULL, perm};
        double cost = strcmp(e->d_name, "kra30a.sln") == 0 ||
                              strcmp(e->d_name, "tai60a.sln") == 0
                          ? inverse_cost(&p, perm)
                          : qp_objective(&p, &s);
        if (strcmp(e->d_name, "kra32.sln") == 0)
            value = 88700;
        ck_assert_msg(cost == (double)value, "%s: %.0f vs %lld", e->d_name,
                      cost, (long long)value);
        free(perm);
        qp_free(&p);
        checked++;
    }
    closedir(dp);
    ck_assert_int_ge(checked, 30);
}
END_TEST

START_TEST(shared_files_parse)
{
    static const struct {
        const char *file;
        corto_qubo_kind kind;
        int index, n, extra; /* extra: edges, rows */
    } cases[] = {{"maxcut/bqp50.txt", CORTO_QUBO_BQP, 10, 50, 0},
                 {"maxcut/bqp250.txt", CORTO_QUBO_BQP, 1, 250, 0},
                 {"maxcut/G1.txt", CORTO_QUBO_MAXCUT, 0, 800, 19176},
                 {"mis/frb30-15-1.mis", CORTO_QUBO_MIS, 0, 450, 17827},
                 {"mis/keller4.clq", CORTO_QUBO_MIS, 0, 171, -1},
                 {"mdkp/mknap1.txt", CORTO_QUBO_MDKP, 7, 50, 5},
                 {"mdkp/mknapcb1.txt", CORTO_QUBO_MDKP, 30, 100, 5},
                 {"mdkp/mknapcb4.txt", CORTO_QUBO_MDKP, 1, 100, 10},
                 {"mdkp/mknap2.txt", CORTO_QUBO_MDKP, 1, 60, 30},
                 {"mdkp/mknap2.txt", CORTO_QUBO_MDKP, 48, 35, 4}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char path[4096];
        if (!test_shared_path(path, sizeof path, cases[c].file))
            return;
        qp_problem p;
        corto_diag d;
        ck_assert_msg(qr_read(&p, path, cases[c].kind, cases[c].index, &d) ==
                          CORTO_OK,
                      "%s", d.message);
        ck_assert_int_eq(p.n, cases[c].n);
        if (cases[c].kind == CORTO_QUBO_MDKP)
            ck_assert_int_eq(p.rows, cases[c].extra);
        else if (cases[c].extra > 0)
            ck_assert_int_eq(p.m, cases[c].extra);
        qp_free(&p);
    }
}
END_TEST

static Suite *qubo_read_suite(void)
{
    Suite *s = suite_create("qubo_read");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, bad_files_name_file_and_line);
    tcase_add_test(tc, sln_reads);
    tcase_add_test(tc, mknap2_reads);
    tcase_add_test(tc, shared_qaplib_solutions);
    tcase_add_test(tc, shared_files_parse);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(qubo_read_suite());
}
