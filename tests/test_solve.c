/*
 * test_solve.c — the solve entry point as a library user sees it: argument
 * and model errors as status codes, the progress callback (observing and
 * stopping), the log callback, stop reasons, the caller's problem left
 * untouched, and the version and status-string functions.
 */
#include "corto.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <string.h>

/* What the progress callback saw. */
typedef struct progress_log {
    int calls;
    int stop_after; /* return non-zero on this call (0 = never) */
    int64_t last_best;
    int best_increased;
} progress_log;

static int record_progress(void *user, int64_t best, double elapsed,
                           int64_t iteration)
{
    progress_log *pl = user;
    (void)elapsed;
    (void)iteration;
    if (pl->calls > 0 && best > pl->last_best)
        pl->best_increased = 1;
    pl->last_best = best;
    pl->calls++;
    return pl->stop_after > 0 && pl->calls >= pl->stop_after;
}

static void count_lines(void *user, int level, const char *line)
{
    (void)level;
    ck_assert_ptr_null(strchr(line, '\n'));
    (*(int *)user)++;
}

START_TEST(bad_arguments_and_models_give_status)
{
    corto_solution *s = NULL;
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_solve(NULL, p, NULL), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(corto_solve(&s, NULL, NULL), CORTO_ERR_ARGUMENT);
    /* No vehicle type yet: an inconsistent model, and no solution. */
    ck_assert_int_eq(corto_solve(&s, p, NULL), CORTO_ERR_MODEL);
    ck_assert_ptr_null(s);
    /* A client whose demand is above every capacity. */
    int64_t cap = 5, big = 6;
    test_add_vehicle(p, &cap, CORTO_UNLIMITED);
    ck_assert_int_eq(corto_problem_set_demand(p, 2, &big), CORTO_OK);
    corto_diag d;
    ck_assert_int_eq(corto_problem_validate(p, &d), CORTO_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(d.message, "client 2"));
    ck_assert_int_eq(corto_solve(&s, p, NULL), CORTO_ERR_MODEL);
    corto_problem_destroy(p);
    corto_problem_destroy(NULL);
    corto_solution_destroy(NULL);
}
END_TEST

START_TEST(progress_sees_best_cost_and_final_result)
{
    corto_problem *p = test_random_tsp(120, 7);
    corto_options opt;
    corto_options_init(&opt);
    opt.iterations = 20000;
    opt.progress_interval = 0;
    progress_log pl = {0};
    opt.progress = record_progress;
    opt.progress_user = &pl;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_gt(pl.calls, 1);
    ck_assert_int_eq(pl.best_increased, 0);
    ck_assert_int_eq(pl.last_best, corto_solution_cost(s));
    ck_assert_int_eq(corto_solution_stop_reason(s),
                     CORTO_STOP_ITERATION_LIMIT);
    ck_assert_int_eq(corto_solution_iterations(s), 20000);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(progress_can_stop_the_solve)
{
    corto_problem *p = test_random_tsp(300, 11);
    corto_options opt;
    corto_options_init(&opt);
    opt.time_limit = 0; /* only the callback can end the search early */
    opt.progress_interval = 0;
    progress_log pl = {.stop_after = 3};
    opt.progress = record_progress;
    opt.progress_user = &pl;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_eq(corto_solution_stop_reason(s), CORTO_STOP_CALLBACK);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    ck_assert_int_eq(corto_solution_n_routes(s), 1);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(log_lines_only_when_verbose)
{
    corto_problem *p = test_random_cvrp(30, 3, 50, CORTO_UNLIMITED, NULL);
    corto_options opt;
    corto_options_init(&opt);
    opt.iterations = 200;
    int lines = 0;
    opt.log = count_lines;
    opt.log_user = &lines;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_eq(lines, 0);
    corto_solution_destroy(s);
    opt.verbose = 1;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_gt(lines, 0);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* A problem given only coordinates gets its matrix on a private copy; the
 * solution still refers to, and checks against, the caller's problem. */
START_TEST(coordinates_only_problem_left_untouched)
{
    double x[6] = {0, 10, 10, 0, 5, 20}, y[6] = {0, 0, 10, 10, 5, 5};
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, 6, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    int64_t cap = 3, one = 1;
    for (int i = 1; i < 6; i++)
        ck_assert_int_eq(corto_problem_set_demand(p, i, &one), CORTO_OK);
    test_add_vehicle(p, &cap, CORTO_UNLIMITED);
    ck_assert_int_eq(corto_problem_distance(p, 0, 0, 1), INT64_MAX);
    corto_solution *s = NULL;
    corto_options opt;
    corto_options_init(&opt);
    opt.iterations = 200;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_eq(corto_problem_distance(p, 0, 0, 1), INT64_MAX);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, corto_solution_cost(s)),
                     CORTO_OK);
    ck_assert_int_eq(rep.feasible, 1);
    ck_assert_int_ge(rep.routes_used, 2);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* --vehicles caps the fleet on a private copy: E-n13-k4 (optimum 247
 * with 4 vehicles) is solved with at most 4 routes, the caller's unlimited
 * fleet is untouched, and 3 vehicles cannot carry the demand at all. */
START_TEST(vehicles_option_caps_the_fleet)
{
    corto_problem *p = test_load_problem("instances/E-n13-k4.vrp");
    corto_options opt;
    corto_options_init(&opt);
    opt.iterations = 500;
    ck_assert_int_eq(corto_options_set(&opt, "vehicles", "4", NULL), CORTO_OK);
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_le(corto_solution_n_routes(s), 4);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_FEASIBLE);
    ck_assert_int_ge(corto_solution_cost(s), 247);
    test_assert_checker_agrees(p, s);
    corto_solution_destroy(s);
    /* Total demand 18200 > 3 * 6000: no feasible answer, and none claimed. */
    opt.vehicles = 3;
    opt.iterations = 100;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_eq(corto_solution_get_status(s), CORTO_SOLUTION_INFEASIBLE);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(version_and_status_strings)
{
    ck_assert_int_eq(corto_version_number(), CORTO_VERSION_NUMBER);
    ck_assert_str_eq(corto_version(), CORTO_VERSION_STRING);
    ck_assert_int_eq(CORTO_VERSION_NUMBER, CORTO_VERSION_MAJOR * 10000 +
                                               CORTO_VERSION_MINOR * 100 +
                                               CORTO_VERSION_PATCH);
    for (int k = CORTO_OK; k <= CORTO_ERR_INTERNAL; k++) {
        const char *m = corto_status_string((corto_status)k);
        ck_assert_ptr_nonnull(m);
        ck_assert_str_ne(m, "unknown status");
    }
    ck_assert_str_eq(corto_status_string((corto_status)999), "unknown status");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("solve");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, bad_arguments_and_models_give_status);
    tcase_add_test(tc, progress_sees_best_cost_and_final_result);
    tcase_add_test(tc, progress_can_stop_the_solve);
    tcase_add_test(tc, log_lines_only_when_verbose);
    tcase_add_test(tc, coordinates_only_problem_left_untouched);
    tcase_add_test(tc, vehicles_option_caps_the_fleet);
    tcase_add_test(tc, version_and_status_strings);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
