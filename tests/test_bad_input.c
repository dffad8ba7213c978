/*
 * test_bad_input.c — every malformed problem file under tests/data/bad/
 * (one file per case, named for it) is refused with PARSE, or UNSUPPORTED
 * for valid input corto does not handle, and a one-line message
 * "FILE:LINE: what" that names the right line and the problem. Each table
 * row runs as its own test; another test makes sure that every file in
 * the folder has a row, since the CLI tests reject them all too.
 */
#include "corto.h"
#include "test_util.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

typedef struct bad_case {
    const char *file;
    corto_status status;
    long line;
    const char *mention;
} bad_case;

static const bad_case cases[] = {
    {"solomon_row_out_of_order.txt", CORTO_ERR_PARSE, 12, "customer number 2"},
    {"solomon_ready_after_due.txt", CORTO_ERR_PARSE, 12, "after due date"},
    {"solomon_non_numeric.txt", CORTO_ERR_PARSE, 12, "demand 'ten'"},
    {"solomon_short_row.txt", CORTO_ERR_PARSE, 12, "expected 7 numbers"},
    {"solomon_no_customers.txt", CORTO_ERR_PARSE, 11, "no customer rows"},
    {"solomon_demand_above_capacity.txt", CORTO_ERR_PARSE, 12,
     "above the vehicle capacity"},
    {"vrptw_missing_time_windows.vrp", CORTO_ERR_PARSE, 22,
     "missing TIME_WINDOW_SECTION"},
    {"vrptw_negative_service.vrp", CORTO_ERR_PARSE, 20, "'-10'"},
    {"vrptw_window_reversed.vrp", CORTO_ERR_PARSE, 24, "opens at 50"},
    {"empty.vrp", CORTO_ERR_PARSE, 1, "empty"},
    {"whitespace_only.vrp", CORTO_ERR_PARSE, 1, "empty"},
    {"binary_garbage.vrp", CORTO_ERR_PARSE, 1, "binary"},
    {"text_garbage.tsp", CORTO_ERR_PARSE, 1, "'hello'"},
    {"truncated.vrp", CORTO_ERR_PARSE, 8, "ends inside NODE_COORD_SECTION"},
    {"truncated_matrix.tsp", CORTO_ERR_PARSE, 7,
     "ends inside EDGE_WEIGHT_SECTION"},
    {"truncated_gzip.vrp.gz", CORTO_ERR_PARSE, 2250, "gzip"},
    {"gzip_garbage.vrp.gz", CORTO_ERR_PARSE, 1, "gzip"},
    {"non_numeric_coordinate.vrp", CORTO_ERR_PARSE, 9, "'abc'"},
    {"coordinate_nan.vrp", CORTO_ERR_PARSE, 9, "'nan'"},
    {"non_numeric_demand.vrp", CORTO_ERR_PARSE, 14, "'four'"},
    {"non_numeric_dimension.vrp", CORTO_ERR_PARSE, 3, "DIMENSION 'four'"},
    {"zero_dimension.tsp", CORTO_ERR_PARSE, 3, "DIMENSION '0'"},
    {"non_numeric_weight.tsp", CORTO_ERR_PARSE, 8, "'x'"},
    {"dimension_below_entries.vrp", CORTO_ERR_PARSE, 10,
     "unexpected data '4 1 1' after NODE_COORD_SECTION (more entries than "
     "DIMENSION 3?)"},
    {"dimension_above_entries.vrp", CORTO_ERR_PARSE, 11,
     "ends after 4 entries but DIMENSION is 5"},
    {"negative_capacity.vrp", CORTO_ERR_PARSE, 5, "CAPACITY -10"},
    {"missing_capacity.vrp", CORTO_ERR_PARSE, 18, "missing CAPACITY"},
    {"demand_above_capacity.vrp", CORTO_ERR_PARSE, 15,
     "demand 11 of node 4 is above the vehicle capacity 10"},
    {"negative_demand.vrp", CORTO_ERR_PARSE, 13, "demand '-3'"},
    {"unknown_edge_weight_type.vrp", CORTO_ERR_PARSE, 4,
     "unknown EDGE_WEIGHT_TYPE 'EUC_4D'"},
    {"unknown_edge_weight_format.tsp", CORTO_ERR_PARSE, 5, "'DIAGONAL'"},
    {"duplicate_node_id.vrp", CORTO_ERR_PARSE, 9, "duplicate node id 2"},
    {"unknown_type.tsp", CORTO_ERR_PARSE, 2, "unknown TYPE 'KTSP'"},
    {"tour_file_as_problem.tsp", CORTO_ERR_PARSE, 2, "tour file"},
    {"unknown_keyword.tsp", CORTO_ERR_PARSE, 3, "'DIMENSIONS'"},
    {"duplicate_keyword.tsp", CORTO_ERR_PARSE, 5, "DIMENSION given twice"},
    {"missing_type.tsp", CORTO_ERR_PARSE, 9, "missing TYPE"},
    {"missing_dimension.tsp", CORTO_ERR_PARSE, 5,
     "EDGE_WEIGHT_SECTION before DIMENSION"},
    {"missing_edge_weight_type.vrp", CORTO_ERR_PARSE, 18,
     "missing EDGE_WEIGHT_TYPE"},
    {"missing_node_coord_section.vrp", CORTO_ERR_PARSE, 14,
     "missing NODE_COORD_SECTION"},
    {"missing_demand_section.vrp", CORTO_ERR_PARSE, 14,
     "missing DEMAND_SECTION"},
    {"missing_depot_section.vrp", CORTO_ERR_PARSE, 16,
     "missing DEPOT_SECTION"},
    {"missing_edge_weight_section.tsp", CORTO_ERR_PARSE, 6,
     "missing EDGE_WEIGHT_SECTION"},
    {"edge_weight_section_without_format.tsp", CORTO_ERR_PARSE, 5,
     "EDGE_WEIGHT_FORMAT"},
    {"missing_coordinate.vrp", CORTO_ERR_PARSE, 8, "expected 2"},
    {"extra_field.vrp", CORTO_ERR_PARSE, 8, "extra field '5'"},
    {"node_id_out_of_range.vrp", CORTO_ERR_PARSE, 10,
     "node id 5 in NODE_COORD_SECTION is out of range"},
    {"demand_node_out_of_range.vrp", CORTO_ERR_PARSE, 15,
     "node id 0 in DEMAND_SECTION is out of range"},
    {"depot_out_of_range.vrp", CORTO_ERR_PARSE, 17,
     "node id 7 in DEPOT_SECTION is out of range"},
    {"depot_unterminated.vrp", CORTO_ERR_PARSE, 18,
     "DEPOT_SECTION does not end with -1"},
    {"depot_section_empty.vrp", CORTO_ERR_PARSE, 17, "no depot"},
    {"matrix_too_short.tsp", CORTO_ERR_PARSE, 9,
     "has 5 values but UPPER_ROW with DIMENSION 4 needs 6"},
    {"wrong_matrix_size_full.atsp", CORTO_ERR_PARSE, 9,
     "has 6 values but FULL_MATRIX with DIMENSION 3 needs 9"},
    {"matrix_too_long.tsp", CORTO_ERR_PARSE, 9, "more than the 6 values"},
    {"matrix_extra_line.tsp", CORTO_ERR_PARSE, 10,
     "unexpected data '7' after EDGE_WEIGHT_SECTION"},
    {"negative_weight.atsp", CORTO_ERR_PARSE, 8, "negative"},
    {"unsupported_edge_weight_type.tsp", CORTO_ERR_UNSUPPORTED, 4, "EUC_3D"},
    {"too_large.tsp", CORTO_ERR_UNSUPPORTED, 3, "DIMENSION 50000"},
    {"multiple_depots.vrp", CORTO_ERR_UNSUPPORTED, 18, "second depot"},
    {"depot_not_first.vrp", CORTO_ERR_UNSUPPORTED, 17, "depot is node 2"},
};

#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

/* One case: status, no problem returned, "PATH:LINE: " prefix, mention,
 * one line. Runs once per table row (a loop test). */
START_TEST(bad_file_is_refused)
{
    const bad_case *c = &cases[_i];
    char rel[256], path[4096], prefix[4200];
    snprintf(rel, sizeof rel, "tests/data/bad/%s", c->file);
    test_source_path(path, sizeof path, rel);
    corto_problem *p = NULL;
    corto_diag d;
    corto_status rc = corto_read_problem(&p, path, &d);
    ck_assert_msg(rc == c->status, "%s: status %s, expected %s (%s)", c->file,
                  corto_status_string(rc), corto_status_string(c->status),
                  d.message);
    ck_assert_ptr_null(p);
    snprintf(prefix, sizeof prefix, "%s:%ld: ", path, c->line);
    ck_assert_msg(strncmp(d.message, prefix, strlen(prefix)) == 0,
                  "%s: message '%s' does not start with '%s'", c->file,
                  d.message, prefix);
    ck_assert_int_eq(d.line, c->line);
    ck_assert_msg(strstr(d.message, c->mention) != NULL,
                  "%s: message '%s' does not mention '%s'", c->file, d.message,
                  c->mention);
    ck_assert_ptr_null(strchr(d.message, '\n'));
    ck_assert_ptr_null(strchr(d.message, '\r'));
}
END_TEST

/* Every file in tests/data/bad/ has a row above (and every row a file). */
START_TEST(every_fixture_has_a_case)
{
    char dir[4096];
    test_source_path(dir, sizeof dir, "tests/data/bad");
    DIR *dp = opendir(dir);
    ck_assert_ptr_nonnull(dp);
    int n_files = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.')
            continue;
        n_files++;
        int found = 0;
        for (int k = 0; k < N_CASES && !found; k++)
            found = strcmp(cases[k].file, e->d_name) == 0;
        ck_assert_msg(found, "tests/data/bad/%s has no test case", e->d_name);
    }
    closedir(dp);
    ck_assert_int_eq(n_files, N_CASES);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bad_input");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, bad_file_is_refused, 0, N_CASES);
    tcase_add_test(tc, every_fixture_has_a_case);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
