/*
 * test_glpk_safe.c — the GLPK guard: a GLPK internal error (a column
 * index out of range) comes back as CORTO_ERR_EXTERNAL instead of ending
 * the process, GLPK works again afterwards (a small LP solves to its known
 * optimum), and GLPK's terminal output reaches the log callback rather
 * than stdout.
 */
#include "corto.h"
#include "glpk_safe.h"
#include "test_util.h"

#include <check.h>
#include <glpk.h>
#include <limits.h>
#include <string.h>

/* A body that makes GLPK fail: column 5 of a problem with none. */
static corto_status body_bad_column(void *arg)
{
    (void)arg;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_coef(lp, 5, 1.0); /* GLPK error: out of range */
    glp_delete_prob(lp);
    return CORTO_OK;
}

/* max x + y s.t. x + 2y <= 4, 3x + y <= 6, x, y >= 0: optimum 2.8 at
 * (1.6, 1.2). msg_lev ON so that GLPK prints. */
static corto_status body_small_lp(void *arg)
{
    double *out = arg;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_rows(lp, 2);
    glp_add_cols(lp, 2);
    glp_set_row_bnds(lp, 1, GLP_UP, 0.0, 4.0);
    glp_set_row_bnds(lp, 2, GLP_UP, 0.0, 6.0);
    for (int j = 1; j <= 2; j++) {
        glp_set_col_bnds(lp, j, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(lp, j, 1.0);
    }
    int ia[5] = {0, 1, 1, 2, 2}, ja[5] = {0, 1, 2, 1, 2};
    double ar[5] = {0, 1, 2, 3, 1};
    glp_load_matrix(lp, 4, ia, ja, ar);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_ALL;
    corto_status rc =
        glp_simplex(lp, &parm) == 0 ? CORTO_OK : CORTO_ERR_EXTERNAL;
    *out = glp_get_obj_val(lp);
    glp_delete_prob(lp);
    return rc;
}

static int log_lines;

static void count_log(void *user, int level, const char *line)
{
    (void)user;
    (void)level;
    if (strncmp(line, "glpk: ", 6) == 0)
        log_lines++;
}

START_TEST(error_returns_a_status)
{
    corto_options o;
    corto_options_init(&o);
    o.verbose = 2;
    o.log = count_log;
    solve_ctx ctx;
    ctx_init(&ctx, NULL, &o);
    const char *what = NULL;
    ck_assert_int_eq(glpk_guard(&ctx, body_bad_column, NULL, &what),
                     CORTO_ERR_EXTERNAL);
    ck_assert_ptr_nonnull(what);
    /* GLPK is usable again, and twice in a row. */
    for (int k = 0; k < 2; k++) {
        double obj = 0.0;
        log_lines = 0;
        ck_assert_int_eq(glpk_guard(&ctx, body_small_lp, &obj, &what),
                         CORTO_OK);
        ck_assert_ptr_null(what);
        ck_assert_double_eq_tol(obj, 2.8, 1e-9);
        ck_assert_int_gt(log_lines, 0);
    }
}
END_TEST

START_TEST(time_limit_from_deadline)
{
    corto_options o;
    corto_options_init(&o);
    o.time_limit = 0;
    solve_ctx ctx;
    ctx_init(&ctx, NULL, &o);
    ck_assert_int_eq(glpk_time_limit_ms(&ctx), INT_MAX);
    o.time_limit = 5;
    ctx_init(&ctx, NULL, &o);
    int ms = glpk_time_limit_ms(&ctx);
    ck_assert_int_gt(ms, 4000);
    ck_assert_int_le(ms, 5000);
}
END_TEST

static Suite *glpk_safe_suite(void)
{
    Suite *s = suite_create("glpk_safe");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, error_returns_a_status);
    tcase_add_test(tc, time_limit_from_deadline);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(glpk_safe_suite());
}
