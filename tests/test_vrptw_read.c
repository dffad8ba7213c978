/*
 * test_vrptw_read.c — the VRPTW readers on hand-made files: a Solomon table
 * (tests/data/vrptw/small_solomon.txt) is stored scaled by 10 with
 * distances truncated to one decimal, times scaled alike and the depot's
 * window as the shift; a TSPLIB-style VRPTW file with an explicit
 * asymmetric matrix (tests/data/vrptw/tiny.vrp) solves to the optimum
 * worked out by hand below.
 */
#include "corto.h"
#include "model.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(solomon_values_scaled_by_ten)
{
    corto_problem *p = test_load_problem("tests/data/vrptw/small_solomon.txt");
    ck_assert_str_eq(corto_problem_name(p), "SMALL5");
    ck_assert_int_eq(corto_problem_n_nodes(p), 6);
    ck_assert_int_eq(corto_problem_cost_decimals(p), 1);
    /* (0,0)-(3,4): 5.0; (0,0)-(1,1): sqrt 2 = 1.41.. -> 1.4;
     * (3,4)-(6,8): 5.0; (1,1)-(-3,4): 5.0; (0,10)-(6,8): sqrt 40 = 6.32..
     * -> 6.3. Travel time equals distance. */
    ck_assert_int_eq(corto_problem_distance(p, 0, 0, 1), 50);
    ck_assert_int_eq(corto_problem_distance(p, 0, 0, 2), 14);
    ck_assert_int_eq(corto_problem_distance(p, 0, 1, 5), 50);
    ck_assert_int_eq(corto_problem_distance(p, 0, 2, 3), 50);
    ck_assert_int_eq(corto_problem_distance(p, 0, 4, 5), 63);
    ck_assert_int_eq(corto_problem_duration(p, 0, 4, 5), 63);
    ck_assert_int_eq(p->tw_open[2], 100);
    ck_assert_int_eq(p->tw_close[2], 200);
    ck_assert_int_eq(p->service[4], 50);
    ck_assert_int_eq(p->demand[3], 8);
    ck_assert_int_eq(p->vtypes[0].shift_close, 1000);
    ck_assert_int_eq(p->vtypes[0].capacity[0], 20);
    ck_assert_int_eq(p->vtypes[0].count, CORTO_UNLIMITED);
    corto_options o;
    corto_options_init(&o);
    o.iterations = 200;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_int_eq(test_assert_clients_once(p, s), 5);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    test_assert_checker_agrees(p, s);
    char text[32];
    corto_cost_format(text, sizeof text, corto_solution_cost(s), 1);
    ck_assert_ptr_nonnull(strchr(text, '.'));
    /* The .sol states the cost in the file's units and reads back. */
    char path[] = "/tmp/corto_vrptw_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(corto_write_solution(s, p, CORTO_FORMAT_SOL, path, NULL),
                     CORTO_OK);
    FILE *f = fopen(path, "r");
    char line[256], last[256] = "";
    while (fgets(line, sizeof line, f))
        strcpy(last, line);
    fclose(f);
    char expect[64];
    snprintf(expect, sizeof expect, "Cost %s\n", text);
    ck_assert_str_eq(last, expect);
    corto_solution *back = NULL;
    int64_t claimed = 0;
    corto_diag d;
    ck_assert_int_eq(corto_read_solution(&back, &claimed, p, path, &d),
                     CORTO_OK);
    ck_assert_int_eq(claimed, corto_solution_cost(s));
    corto_solution_destroy(back);
    /* Two decimals are more than the problem has. */
    f = fopen(path, "w");
    fprintf(f, "Route #1: 1 2 3 4 5\nCost 12.34\n");
    fclose(f);
    ck_assert_int_eq(corto_read_solution(&back, &claimed, p, path, &d),
                     CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(d.message, "at most 1 decimal"));
    remove(path);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/*
 * tiny.vrp: depot 0 and clients 1, 2 (0-based), demands 4 and 5 on one
 * vehicle of capacity 10, service 10 each, windows [0, 20] at 1 and
 * [0, 100] at 2. Distances 0->1 5, 0->2 7, 1->0 6, 1->2 3, 2->0 8, 2->1 2.
 * Route 0-1-2-0 costs 5 + 3 + 8 = 16; route 0-2-1-0 costs 7 + 2 + 6 = 15
 * and reaches 1 at 7 + 10 + 2 = 19 <= 20, so 15 is the optimum (two
 * routes cost 5 + 6 + 7 + 8 = 26).
 */
START_TEST(tsplib_vrptw_optimum)
{
    corto_problem *p = test_load_problem("tests/data/vrptw/tiny.vrp");
    ck_assert_int_eq(p->tw_close[1], 20);
    ck_assert_int_eq(p->service[2], 10);
    corto_options o;
    corto_options_init(&o);
    o.iterations = 50;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_int_eq(corto_solution_cost(s), 15);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    /* Closing client 1's window at 18 makes 0-2-1-0 late: 16 is best. */
    ck_assert_int_eq(corto_problem_set_time_window(p, 1, 0, 18), CORTO_OK);
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_int_eq(corto_solution_cost(s), 16);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(cost_format_decimals)
{
    char b[32];
    corto_cost_format(b, sizeof b, 8273, 1);
    ck_assert_str_eq(b, "827.3");
    corto_cost_format(b, sizeof b, -5, 2);
    ck_assert_str_eq(b, "-0.05");
    corto_cost_format(b, sizeof b, 42, 0);
    ck_assert_str_eq(b, "42");
}
END_TEST

static Suite *vrptw_read_suite(void)
{
    Suite *s = suite_create("vrptw_read");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, solomon_values_scaled_by_ten);
    tcase_add_test(tc, tsplib_vrptw_optimum);
    tcase_add_test(tc, cost_format_decimals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(vrptw_read_suite());
}
