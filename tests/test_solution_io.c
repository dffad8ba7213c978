/*
 * test_solution_io.c — solution files: the bundled .sol and .opt.tour files
 * reproduce the published optimum through route evaluation and the
 * checker, each format survives a write/read round trip, tours are rotated
 * to start at the depot, bad ids are read (for the checker to report) and
 * syntax errors name the line.
 */
#include "corto.h"
#include "model.h"
#include "route_eval.h"
#include "solution_io.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Size of the path buffers of read_text. */
#define TEMP_PATH_SIZE 256

/* Read a solution from inline text saved to a temporary file (removed
 * again; its name goes to path, TEMP_PATH_SIZE bytes, unless that is
 * NULL); returns the status. */
static corto_status read_text(corto_solution **s, int64_t *claimed, char *path,
                              const corto_problem *p, const char *suffix,
                              const char *text, corto_diag *d)
{
    char own[TEMP_PATH_SIZE];
    if (!path)
        path = own;
    ck_assert_ptr_nonnull(test_temp_file(path, TEMP_PATH_SIZE, suffix, text));
    corto_status rc = corto_read_solution(s, claimed, p, path, d);
    unlink(path);
    return rc;
}

/* Write s in `format` to a temporary stream, expecting status `expect`;
 * what was written lands in buf, NUL-terminated. */
static void write_text(char *buf, size_t size, const corto_solution *s,
                       const corto_problem *p, corto_format format,
                       corto_status expect)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(corto_write_solution(s, p, format, NULL, f), expect);
    rewind(f);
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
}

/* Cost by route_eval (on the solution itself). */
static int64_t eval_cost(corto_solution *s, int *feasible)
{
    route_eval_solution(s);
    *feasible = corto_solution_get_status(s) == CORTO_SOLUTION_FEASIBLE;
    return corto_solution_cost(s);
}

/* Same routes, vehicle types and nodes, in the same order. */
/* The bundled CVRPLIB solutions: their Cost line equals the recomputed
 * cost, which is the optimum listed in instances/MANIFEST.csv. */
START_TEST(bundled_sol_files_reproduce_their_cost)
{
    static const struct {
        const char *vrp, *sol;
        int64_t optimum;
        int routes;
    } cases[] = {
        {"instances/default.vrp", "instances/default.sol", 27591, 26},
        {"instances/A-n32-k5.vrp", "instances/A-n32-k5.sol", 784, 5},
        {"instances/E-n13-k4.vrp", "instances/E-n13-k4.sol", 247, 4},
        {"instances/P-n16-k8.vrp", "instances/P-n16-k8.sol", 450, 8},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        corto_problem *p = test_load_problem(cases[c].vrp);
        int64_t claimed = 0;
        int feasible = 0;
        corto_solution *s = test_load_solution(p, cases[c].sol, &claimed);
        ck_assert_int_eq(corto_solution_n_routes(s), cases[c].routes);
        ck_assert_int_eq(claimed, cases[c].optimum);
        corto_check_report rep;
        ck_assert_int_eq(corto_solution_check(&rep, p, s, claimed), CORTO_OK);
        ck_assert_int_eq(eval_cost(s, &feasible), cases[c].optimum);
        ck_assert(feasible);
        ck_assert_int_eq(rep.cost, cases[c].optimum);
        ck_assert(rep.feasible);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(bundled_tours_reproduce_the_optimum)
{
    static const struct {
        const char *tsp, *tour;
        int64_t optimum;
    } cases[] = {
        {"instances/berlin52.tsp", "instances/berlin52.opt.tour", 7542},
        {"instances/att48.tsp", "instances/att48.opt.tour", 10628},
        {"instances/ulysses16.tsp", "instances/ulysses16.opt.tour", 6859},
        {"instances/bayg29.tsp", "instances/bayg29.opt.tour", 1610},
        {"instances/bays29.tsp", "instances/bays29.opt.tour", 2020},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        corto_problem *p = test_load_problem(cases[c].tsp);
        int64_t claimed = 0;
        int feasible = 0;
        corto_solution *s = test_load_solution(p, cases[c].tour, &claimed);
        ck_assert_int_eq(claimed, INT64_MAX);
        ck_assert_int_eq(corto_solution_n_routes(s), 1);
        int n = 0;
        corto_solution_route(s, 0, &n);
        ck_assert_int_eq(n, corto_problem_n_nodes(p) - 1);
        ck_assert_int_eq(eval_cost(s, &feasible), cases[c].optimum);
        ck_assert(feasible);
        corto_check_report rep;
        ck_assert_int_eq(corto_solution_check(&rep, p, s, INT64_MAX),
                         CORTO_OK);
        ck_assert_int_eq(rep.cost, cases[c].optimum);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

/* Write in `format` to a temporary file, read back, compare. */
static void round_trip(const corto_problem *p, const corto_solution *s,
                       corto_format format, int64_t expect_claim)
{
    char path[256];
    ck_assert_ptr_nonnull(test_temp_file(path, sizeof path, ".out", ""));
    ck_assert_int_eq(corto_write_solution(s, p, format, path, NULL), CORTO_OK);
    corto_solution *back = NULL;
    int64_t claimed = 0;
    corto_diag d;
    ck_assert_msg(corto_read_solution(&back, &claimed, p, path, &d) ==
                      CORTO_OK,
                  "%s", d.message);
    unlink(path);
    test_assert_same_routes(s, back);
    ck_assert_int_eq(claimed, expect_claim);
    corto_solution_destroy(back);
}

START_TEST(round_trip_sol_and_json)
{
    corto_problem *p = test_load_problem("instances/A-n32-k5.vrp");
    corto_solution *s = test_load_solution(p, "instances/A-n32-k5.sol", NULL);
    /* Not evaluated: the writers compute the cost. */
    ck_assert_int_eq(corto_solution_cost(s), INT64_MAX);
    round_trip(p, s, CORTO_FORMAT_SOL, 784);
    round_trip(p, s, CORTO_FORMAT_AUTO, 784);
    round_trip(p, s, CORTO_FORMAT_JSON, 784);
    /* Several vehicle types survive JSON. */
    corto_vehicle_type vt;
    corto_problem *q = NULL;
    ck_assert_int_eq(corto_problem_copy(&q, p), CORTO_OK);
    corto_vehicle_type_init(&vt);
    ck_assert_int_eq(corto_problem_add_vehicle_type(q, &vt, NULL), CORTO_OK);
    corto_solution *t = NULL;
    ck_assert_int_eq(corto_solution_create(&t, q), CORTO_OK);
    int a[] = {3, 1, 2}, b[] = {5};
    ck_assert_int_eq(corto_solution_add_route(t, 1, a, 3), CORTO_OK);
    ck_assert_int_eq(corto_solution_add_route(t, 0, b, 1), CORTO_OK);
    ck_assert_int_eq(corto_solution_add_route(t, 1, NULL, 0), CORTO_OK);
    route_eval_solution(t);
    round_trip(q, t, CORTO_FORMAT_JSON, corto_solution_cost(t));
    corto_solution_destroy(t);
    corto_problem_destroy(q);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(round_trip_tour)
{
    corto_problem *p = test_load_problem("instances/berlin52.tsp");
    corto_solution *s =
        test_load_solution(p, "instances/berlin52.opt.tour", NULL);
    round_trip(p, s, CORTO_FORMAT_TOUR, INT64_MAX);
    round_trip(p, s, CORTO_FORMAT_AUTO, INT64_MAX);
    round_trip(p, s, CORTO_FORMAT_JSON, 7542);
    round_trip(p, s, CORTO_FORMAT_SOL, 7542);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Writing to a stream, and what the JSON document holds. */
START_TEST(json_document_fields)
{
    corto_problem *p = test_load_problem("instances/P-n16-k8.vrp");
    corto_solution *s = test_load_solution(p, "instances/P-n16-k8.sol", NULL);
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(corto_write_solution(s, p, CORTO_FORMAT_JSON, NULL, f),
                     CORTO_OK);
    rewind(f);
    json_error_t err;
    json_t *root = json_loadf(f, 0, &err);
    fclose(f);
    ck_assert_msg(root != NULL, "%s", err.text);
    ck_assert_str_eq(json_string_value(json_object_get(root, "problem")),
                     "P-n16-k8");
    ck_assert_int_eq(json_integer_value(json_object_get(root, "cost")), 450);
    ck_assert(json_is_true(json_object_get(root, "feasible")));
    ck_assert_str_eq(json_string_value(json_object_get(root, "status")),
                     "unknown");
    json_t *routes = json_object_get(root, "routes");
    ck_assert_int_eq(json_array_size(routes), 8);
    json_t *r0 = json_array_get(routes, 0);
    ck_assert_int_eq(json_integer_value(json_object_get(r0, "vehicle_type")),
                     0);
    int n = 0;
    const int *nodes = corto_solution_route(s, 0, &n);
    /* Steps: start, the clients (ids are the file's 1-based numbers),
     * end. */
    json_t *steps = json_object_get(r0, "steps");
    ck_assert_int_eq(json_array_size(steps), (size_t)n + 2);
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_array_get(steps, 1), "id")),
        nodes[0] + 1);
    json_decref(root);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(sol_and_tour_text)
{
    corto_problem *p = test_load_problem("instances/E-n13-k4.vrp");
    corto_solution *s = test_load_solution(p, "instances/E-n13-k4.sol", NULL);
    char buf[4096] = {0};
    write_text(buf, sizeof buf, s, p, CORTO_FORMAT_AUTO, CORTO_OK);
    ck_assert_str_eq(buf, "Route #1: 1\nRoute #2: 8 5 3\n"
                          "Route #3: 9 12 10 6\nRoute #4: 11 4 7 2\n"
                          "Cost 247\n");
    /* A VRP solution with several routes is not one tour. */
    write_text(buf, sizeof buf, s, p, CORTO_FORMAT_TOUR,
               CORTO_ERR_UNSUPPORTED);
    corto_solution_destroy(s);
    corto_problem_destroy(p);

    /* A TSP tour: depot first, ids 1-based, closed by -1 and EOF. */
    p = test_load_problem("instances/gr17.tsp");
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    int route[16];
    for (int k = 0; k < 16; k++)
        route[k] = 16 - k;
    ck_assert_int_eq(corto_solution_add_route(s, 0, route, 16), CORTO_OK);
    write_text(buf, sizeof buf, s, p, CORTO_FORMAT_AUTO, CORTO_OK);
    ck_assert_ptr_nonnull(strstr(buf, "TYPE : TOUR\nDIMENSION : 17\n"
                                      "TOUR_SECTION\n1\n17\n16\n"));
    ck_assert_ptr_nonnull(strstr(buf, "\n2\n-1\nEOF\n"));
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* A tour may start anywhere; several ids per line; no trailing EOF. */
START_TEST(tour_is_rotated_to_the_depot)
{
    corto_problem *p = test_load_problem("instances/ulysses16.tsp");
    corto_solution *s = NULL;
    corto_diag d;
    int64_t claimed = 0;
    const char *text = "NAME : t\nTYPE : TOUR\nDIMENSION : 16\n"
                       "TOUR_SECTION\n5 6 7 8 9 10 11 12\n13 14 15 16 1 2\n"
                       "3 4\n-1\n";
    ck_assert_int_eq(read_text(&s, &claimed, NULL, p, ".tour", text, &d),
                     CORTO_OK);
    int n = 0;
    const int *r = corto_solution_route(s, 0, &n);
    ck_assert_int_eq(n, 15);
    /* After file id 1 (node 0) come ids 2, 3, 4, 5 ... 16. */
    for (int k = 0; k < 15; k++)
        ck_assert_int_eq(r[k], k + 1);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Ids that make no sense are still read, for the checker to report. */
START_TEST(bad_ids_are_read)
{
    corto_problem *p = test_load_problem("instances/P-n16-k8.vrp");
    corto_solution *s = NULL;
    corto_diag d;
    int64_t claimed = 0;
    int feasible = 1;
    ck_assert_int_eq(read_text(&s, &claimed, NULL, p, ".sol",
                               "Route #1: 1 99 2\nRoute #2: 3 3 -4\n"
                               "Cost 12\n",
                               &d),
                     CORTO_OK);
    ck_assert_int_eq(claimed, 12);
    int n = 0;
    const int *r = corto_solution_route(s, 0, &n);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(r[1], 99);
    r = corto_solution_route(s, 1, &n);
    ck_assert_int_eq(r[2], -4);
    eval_cost(s, &feasible);
    ck_assert(!feasible);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, claimed), CORTO_OK);
    ck_assert(!rep.feasible);
    corto_solution_destroy(s);

    ck_assert_int_eq(read_text(&s, &claimed, NULL, p, ".json",
                               "{\"routes\": [{\"nodes\": [0, 77]}]}\n", &d),
                     CORTO_OK);
    ck_assert_int_eq(claimed, INT64_MAX);
    corto_solution_route(s, 0, &n);
    ck_assert_int_eq(n, 2);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Syntax errors: PARSE with "FILE:LINE: ..." naming the right line. */
START_TEST(syntax_errors_name_the_line)
{
    static const struct {
        const char *suffix, *text;
        long line;
        const char *mention;
    } cases[] = {
        {".sol", "Route #1: 1 2\nRoute #2: 3 x\nCost 5\n", 2, "'x'"},
        {".sol", "Route #1: 1 2\nCost five\n", 2, "cost"},
        {".sol", "Route #1: 1 2\nCost 5\nCost 6\n", 3, "second Cost"},
        {".sol", "Route #1: 1 2\n\nhello\n", 3, "hello"},
        {".sol", "Route 1: 1 2\n", 1, "'#'"},
        {".tour", "NAME : a\nTYPE : TOUR\nTOUR_SECTION\n1 2 3\n", 4, "-1"},
        {".tour", "TYPE : TOUR\nTOUR_SECTION\n1 2 x 3 -1\n", 3, "'x'"},
        {".tour", "TYPE : TOUR\nDIMENSION : 3\nEOF\n", 3, "TOUR_SECTION"},
        {".tour", "TYPE : TSP\nTOUR_SECTION\n1 2 -1\n", 1, "TOUR"},
        {".tour", "TYPE : TOUR\nTOUR_SECTION\n1 2\n3 EOF\n", 4, "-1"},
        {".json", "{\"routes\": [\n  {\"nodes\": [1, 2,]}\n]}\n", 2, "JSON"},
        {".json", "\n\n{\"routes\": [1, 2]\n", 4, "JSON"},
        {".sol", "", 1, "empty"},
    };
    corto_problem *p = test_load_problem("instances/P-n16-k8.vrp");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char path[TEMP_PATH_SIZE], prefix[TEMP_PATH_SIZE + 44];
        corto_solution *s = NULL;
        corto_diag d;
        corto_status rc =
            read_text(&s, NULL, path, p, cases[c].suffix, cases[c].text, &d);
        ck_assert_msg(rc == CORTO_ERR_PARSE, "case %zu: status %d", c,
                      (int)rc);
        ck_assert_ptr_null(s);
        snprintf(prefix, sizeof prefix, "%s:%ld: ", path, cases[c].line);
        ck_assert_msg(strncmp(d.message, prefix, strlen(prefix)) == 0,
                      "case %zu: '%s' does not start with '%s'", c, d.message,
                      prefix);
        ck_assert_msg(strstr(d.message, cases[c].mention) != NULL,
                      "case %zu: '%s' does not mention '%s'", c, d.message,
                      cases[c].mention);
        ck_assert_ptr_null(strchr(d.message, '\n'));
    }
    corto_problem_destroy(p);
}
END_TEST

/* JSON that parses but has the wrong shape: PARSE naming the file. */
START_TEST(json_structure_errors)
{
    static const char *texts[] = {
        "[1, 2]\n",
        "{\"cost\": 3}\n",
        "{\"routes\": [{\"nodes\": [1, \"a\"]}]}\n",
        "{\"routes\": [{\"vehicle_type\": -1, \"nodes\": [1]}]}\n",
        "{\"cost\": 1.5, \"routes\": []}\n",
    };
    corto_problem *p = test_load_problem("instances/P-n16-k8.vrp");
    for (size_t c = 0; c < sizeof texts / sizeof texts[0]; c++) {
        corto_solution *s = NULL;
        corto_diag d;
        char path[TEMP_PATH_SIZE];
        corto_status rc = read_text(&s, NULL, path, p, ".json", texts[c], &d);
        ck_assert_msg(rc == CORTO_ERR_PARSE, "case %zu", c);
        ck_assert_int_eq(strncmp(d.message, path, strlen(path)), 0);
    }
    corto_problem_destroy(p);
}
END_TEST

START_TEST(tour_ids_without_problem)
{
    char path[4096];
    int *ids = NULL, n = 0, dim = 0;
    corto_diag d;
    test_source_path(path, sizeof path, "instances/att48.opt.tour");
    ck_assert_int_eq(solution_read_tour_ids(&ids, &n, &dim, path, &d),
                     CORTO_OK);
    ck_assert_int_eq(n, 48);
    ck_assert_int_eq(dim, 48);
    ck_assert_int_eq(ids[0], 1);
    free(ids);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("solution_io");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, bundled_sol_files_reproduce_their_cost);
    tcase_add_test(tc, bundled_tours_reproduce_the_optimum);
    tcase_add_test(tc, round_trip_sol_and_json);
    tcase_add_test(tc, round_trip_tour);
    tcase_add_test(tc, json_document_fields);
    tcase_add_test(tc, sol_and_tour_text);
    tcase_add_test(tc, tour_is_rotated_to_the_depot);
    tcase_add_test(tc, bad_ids_are_read);
    tcase_add_test(tc, syntax_errors_name_the_line);
    tcase_add_test(tc, json_structure_errors);
    tcase_add_test(tc, tour_ids_without_problem);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
