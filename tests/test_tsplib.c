/*
 * test_tsplib.c — the TSPLIB / CVRPLIB reader on the bundled instances and
 * on small inline files: sizes, depot, capacity, demands, and distances
 * worked out by hand for every edge weight type and matrix layout; format
 * variations (CRLF, tabs, "KEY: v" and "KEY : v", scientific notation,
 * wrapped matrices, DISPLAY_DATA_SECTION, FIXED_EDGES_SECTION); gzip.
 */
#include "corto.h"
#include "model.h"
#include "test_problems.h"
#include "test_util.h"
#include "tsplib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* Read inline text saved to a temporary file with the given suffix. */
static corto_status load_text(corto_problem **p, const char *suffix,
                              const char *text, corto_diag *d)
{
    char path[256];
    ck_assert_ptr_nonnull(test_temp_file(path, sizeof path, suffix, text));
    corto_status rc = corto_read_problem(p, path, d);
    unlink(path);
    return rc;
}

/* load_text for a .tsp text that must be read without error. */
static corto_problem *load_tsp_text(const char *text)
{
    corto_problem *p = NULL;
    corto_diag d;
    ck_assert_msg(load_text(&p, ".tsp", text, &d) == CORTO_OK, "%s",
                  d.message);
    return p;
}

/* Distance from i to j in profile 0. */
static int64_t dist(const corto_problem *p, int i, int j)
{
    return corto_problem_distance(p, 0, i, j);
}

#define DEFAULT_VRP "instances/default.vrp"
#define E_N13       "instances/E-n13-k4.vrp"
#define BERLIN52    "instances/berlin52.tsp"
#define ULYSSES16   "instances/ulysses16.tsp"
#define ATT48       "instances/att48.tsp"
#define GR17        "instances/gr17.tsp"
#define BAYG29      "instances/bayg29.tsp"
#define BAYS29      "instances/bays29.tsp"
#define BR17        "instances/br17.atsp"
#define FTV33       "instances/ftv33.atsp"

/* Distances worked out by hand from the bundled files, one per edge
 * weight type and matrix layout; each row runs as its own test. */
static const struct {
    const char *file;
    int i, j;
    int64_t d;
} known_dists[] = {
    /* EUC_2D (365,689)-(146,180): sqrt(219^2 + 509^2) = 554.11 -> 554. */
    {DEFAULT_VRP, 0, 1, 554},
    {DEFAULT_VRP, 1, 0, 554},
    {DEFAULT_VRP, 7, 7, 0},
    /* EXPLICIT LOWER_ROW, rows "9", "14 21", "23 22 25"... */
    {E_N13, 1, 0, 9},
    {E_N13, 0, 1, 9},
    {E_N13, 2, 0, 14},
    {E_N13, 2, 1, 21},
    {E_N13, 3, 2, 25},
    /* Last value of the section: row 12, column 11. */
    {E_N13, 12, 11, 10},
    /* EUC_2D (565,575)-(25,185): sqrt(540^2 + 390^2) = 666.108 -> 666. */
    {BERLIN52, 0, 1, 666},
    /* GEO (38.24, 20.42)-(39.57, 26.15): degrees + minutes/60 in radians
     * with PI = 3.141592, then int(6378.388 * acos(...) + 1) = 509. */
    {ULYSSES16, 0, 1, 509},
    {ULYSSES16, 1, 0, 509},
    {ULYSSES16, 3, 3, 0},
    /* ATT (6734,1453)-(2233,10): r = sqrt((4501^2 + 1443^2) / 10) =
     * 1494.70, nint 1495 >= r, so 1495. */
    {ATT48, 0, 1, 1495},
    /* ATT (6734,1453)-(3082,1644): r = 1156.44, nint 1156 < r, so 1157. */
    {ATT48, 0, 4, 1157},
    /* LOWER_DIAG_ROW "0 / 633 0 / 257 390 0 / 91 661 228 0 / ..." */
    {GR17, 1, 0, 633},
    {GR17, 0, 1, 633},
    {GR17, 2, 1, 390},
    {GR17, 3, 2, 228},
    /* UPPER_ROW: first row "97 205 139 ...", second row starts "129". */
    {BAYG29, 0, 1, 97},
    {BAYG29, 2, 0, 205},
    {BAYG29, 1, 2, 129},
    {BAYG29, 28, 28, 0},
    /* FULL_MATRIX with rows of 29 wrapped after 20 numbers. */
    {BAYS29, 0, 1, 107},
    {BAYS29, 1, 2, 148},
    {BAYS29, 3, 0, 190},
    /* Row 1: "9999 3 5 48 48 8 8 5 5 3 3 0 ...": 9999 is the diagonal. */
    {BR17, 0, 0, 0},
    {BR17, 0, 1, 3},
    {BR17, 0, 11, 0},
    /* Row 2 begins after the 34 values of row 1. */
    {FTV33, 0, 0, 0},
    {FTV33, 0, 1, 26},
};

#define N_KNOWN_DISTS ((int)(sizeof known_dists / sizeof known_dists[0]))

/* One row of known_dists (a loop test). */
START_TEST(bundled_distance)
{
    corto_problem *p = test_load_problem(known_dists[_i].file);
    ck_assert_msg(dist(p, known_dists[_i].i, known_dists[_i].j) ==
                      known_dists[_i].d,
                  "%s: d(%d, %d) = %lld, expected %lld", known_dists[_i].file,
                  known_dists[_i].i, known_dists[_i].j,
                  (long long)dist(p, known_dists[_i].i, known_dists[_i].j),
                  (long long)known_dists[_i].d);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(cvrp_default_instance)
{
    corto_problem *p = test_load_problem(DEFAULT_VRP);
    ck_assert_str_eq(corto_problem_name(p), "X-n101-k25");
    ck_assert_int_eq(corto_problem_get_kind(p), CORTO_KIND_VRP);
    ck_assert_int_eq(corto_problem_n_nodes(p), 101);
    ck_assert_int_eq(corto_problem_n_clients(p), 100);
    ck_assert_int_eq(corto_problem_is_depot(p, 0), 1);
    ck_assert_int_eq(corto_problem_is_depot(p, 1), 0);
    ck_assert_int_eq(corto_problem_n_vehicle_types(p), 1);
    ck_assert_int_eq(p->vtypes[0].capacity[0], 206);
    ck_assert_int_eq(p->vtypes[0].count, CORTO_UNLIMITED);
    /* DEMAND_SECTION: "2 38", "3 51" (file ids, tab separated, CRLF). */
    ck_assert_int_eq(p->demand[1], 38);
    ck_assert_int_eq(p->demand[2], 51);
    ck_assert_int_eq(p->demand[0], 0);
    ck_assert_int_eq(p->has_coords, 1);
    ck_assert_double_eq(p->x[0], 365);
    ck_assert_double_eq(p->y[1], 180);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(cvrp_lower_row_matrix)
{
    corto_problem *p = test_load_problem(E_N13);
    ck_assert_int_eq(corto_problem_n_nodes(p), 13);
    ck_assert_int_eq(p->has_coords, 0);
    ck_assert_int_eq(p->vtypes[0].capacity[0], 6000);
    ck_assert_int_eq(p->demand[1], 1200);
    ck_assert_int_eq(p->demand[12], 1100);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(tsp_euc_2d)
{
    corto_problem *p = test_load_problem(BERLIN52);
    ck_assert_int_eq(corto_problem_get_kind(p), CORTO_KIND_TSP);
    ck_assert_int_eq(corto_problem_n_nodes(p), 52);
    ck_assert_int_eq(corto_problem_n_clients(p), 51);
    ck_assert_int_eq(p->vtypes[0].count, 1);
    ck_assert_int_eq(p->vtypes[0].capacity[0], CORTO_UNLIMITED);
    corto_problem_destroy(p);
}
END_TEST

/* Explicit matrices carry no coordinates. */
START_TEST(tsp_lower_diag_row)
{
    corto_problem *p = test_load_problem(GR17);
    ck_assert_int_eq(p->has_coords, 0);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(atsp_diagonal_placeholders)
{
    corto_problem *p = test_load_problem(BR17);
    ck_assert_int_eq(corto_problem_get_kind(p), CORTO_KIND_ATSP);
    ck_assert_int_eq(corto_problem_n_nodes(p), 17);
    corto_problem_destroy(p);
    p = test_load_problem(FTV33);
    ck_assert_int_eq(corto_problem_n_nodes(p), 34);
    int asym = 0;
    for (int i = 0; i < 34; i++)
        for (int j = 0; j < 34; j++)
            asym += dist(p, i, j) != dist(p, j, i);
    ck_assert_int_gt(asym, 0);
    corto_problem_destroy(p);
}
END_TEST

/* Several format variations in one small file: CRLF, tabs, both key
 * styles, scientific notation, CEIL_2D, DISPLAY_DATA_SECTION, FIXED_EDGES. */
START_TEST(format_variations)
{
    const char *text = "NAME:\tvariants\r\n"
                       "TYPE : TSP\r\n"
                       "COMMENT : made up\r\n"
                       "DIMENSION:4\r\n"
                       "EDGE_WEIGHT_TYPE :\tCEIL_2D \r\n"
                       "\r\n"
                       "NODE_COORD_SECTION\r\n"
                       "1\t0.0e+00\t0\r\n"
                       " 2 3.0E0 4.1e0\r\n"
                       "3 1.00000e+01 0\r\n"
                       "4 -2.5 0.5\r\n"
                       "FIXED_EDGES_SECTION\r\n"
                       "1 3\r\n"
                       "2 4 -1\r\n"
                       "DISPLAY_DATA_SECTION\r\n"
                       "1 5 5\r\n2 6 6\r\n3 7 7\r\n4 8 8\r\n"
                       "EOF\r\n";
    corto_problem *p = load_tsp_text(text);
    ck_assert_str_eq(corto_problem_name(p), "variants");
    ck_assert_int_eq(corto_problem_n_nodes(p), 4);
    /* (0,0)-(3,4.1): sqrt(9 + 16.81) = 5.08 -> ceil 6. */
    ck_assert_int_eq(dist(p, 0, 1), 6);
    /* (0,0)-(10,0): exactly 10. */
    ck_assert_int_eq(dist(p, 0, 2), 10);
    /* (0,0)-(-2.5,0.5): 2.55 -> 3. */
    ck_assert_int_eq(dist(p, 3, 0), 3);
    ck_assert_double_eq(p->x[3], -2.5);
    /* Fixed edges 1-3 and 2-4 in file ids. */
    ck_assert_int_eq(p->n_fixed, 2);
    ck_assert_int_eq(p->fixed[0], 0);
    ck_assert_int_eq(p->fixed[1], 2);
    ck_assert_int_eq(p->fixed[2], 1);
    ck_assert_int_eq(p->fixed[3], 3);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(upper_diag_row_wrapped)
{
    /* 4 nodes, UPPER_DIAG_ROW with numbers wrapping across lines:
     * row 1: 0 1 2 3; row 2: 0 4 5; row 3: 0 6; row 4: 0. */
    const char *text = "NAME : ud\nTYPE : TSP\nDIMENSION : 4\n"
                       "EDGE_WEIGHT_TYPE : EXPLICIT\n"
                       "EDGE_WEIGHT_FORMAT : UPPER_DIAG_ROW\n"
                       "EDGE_WEIGHT_SECTION\n"
                       "0 1 2\n3 0 4 5 0\n6\n  0\nEOF\n";
    static const int64_t want[4][4] = {
        {0, 1, 2, 3}, {1, 0, 4, 5}, {2, 4, 0, 6}, {3, 5, 6, 0}};
    corto_problem *p = load_tsp_text(text);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            ck_assert_int_eq(dist(p, i, j), want[i][j]);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(cvrp_vehicles_and_name_from_file)
{
    /* No NAME: the name comes from the file. VEHICLES, DISTANCE (route
     * length limit), SERVICE_TIME (every client) and MAN_2D distances. */
    const char *text = "TYPE : CVRP\nDIMENSION : 3\nVEHICLES : 2\n"
                       "DISTANCE : 50\nSERVICE_TIME : 2\n"
                       "EDGE_WEIGHT_TYPE : MAN_2D\nCAPACITY : 10\n"
                       "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 -1 1\n"
                       "DEMAND_SECTION\n1 0\n2 10\n3 4\n"
                       "DEPOT_SECTION\n 1\n -1\nEOF\n";
    corto_problem *p = NULL;
    corto_diag d;
    char path[256];
    ck_assert_ptr_nonnull(test_temp_file(path, sizeof path, ".vrp", text));
    ck_assert_msg(corto_read_problem(&p, path, &d) == CORTO_OK, "%s",
                  d.message);
    const char *base = strrchr(path, '/') + 1;
    char expect[256];
    snprintf(expect, sizeof expect, "%.*s", (int)(strchr(base, '.') - base),
             base);
    ck_assert_str_eq(corto_problem_name(p), expect);
    ck_assert_int_eq(p->vtypes[0].count, 2);
    ck_assert_int_eq(p->vtypes[0].max_distance, 50);
    ck_assert_int_eq(p->service[0], 0);
    ck_assert_int_eq(p->service[2], 2);
    ck_assert_int_eq(dist(p, 0, 1), 7);
    ck_assert_int_eq(dist(p, 1, 2), 7);
    ck_assert_int_eq(p->demand[1], 10);
    corto_problem_destroy(p);
    unlink(path);
}
END_TEST

/* Write a gzip-compressed copy of a bundled file and read both. */
START_TEST(gzip_transparent)
{
    char src[4096], gzpath[256];
    test_source_path(src, sizeof src, ATT48);
    snprintf(gzpath, sizeof gzpath, "/tmp/corto_test_%ld_att48.tsp.gz",
             (long)getpid());
    FILE *in = fopen(src, "rb");
    ck_assert_ptr_nonnull(in);
    gzFile out = gzopen(gzpath, "wb");
    ck_assert_ptr_nonnull(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_int_eq(gzwrite(out, buf, (unsigned)n), (int)n);
    fclose(in);
    ck_assert_int_eq(gzclose(out), Z_OK);
    /* The copy really is compressed (gzip magic bytes). */
    FILE *g = fopen(gzpath, "rb");
    unsigned char magic[2] = {0, 0};
    ck_assert_int_eq(fread(magic, 1, 2, g), 2);
    fclose(g);
    ck_assert_int_eq(magic[0], 0x1f);
    ck_assert_int_eq(magic[1], 0x8b);

    corto_problem *plain = test_load_problem(ATT48), *zp = NULL;
    corto_diag d;
    ck_assert_msg(corto_read_problem(&zp, gzpath, &d) == CORTO_OK, "%s",
                  d.message);
    unlink(gzpath);
    ck_assert_int_eq(corto_problem_n_nodes(zp), 48);
    for (int i = 0; i < 48; i++)
        for (int j = 0; j < 48; j++)
            ck_assert_int_eq(dist(zp, i, j), dist(plain, i, j));
    corto_problem_destroy(plain);
    corto_problem_destroy(zp);
}
END_TEST

START_TEST(size_limit_is_unsupported)
{
    const char *text = "NAME : big\nTYPE : TSP\nDIMENSION : 33810\n"
                       "EDGE_WEIGHT_TYPE : CEIL_2D\nNODE_COORD_SECTION\n"
                       "1 0 0\n";
    corto_problem *p = NULL;
    corto_diag d;
    ck_assert_int_eq(load_text(&p, ".tsp", text, &d), CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(d.line, 3);
    ck_assert_ptr_nonnull(strstr(d.message, "33810"));
    ck_assert_ptr_nonnull(strstr(d.message, "GiB"));
}
END_TEST

/* tsplib_weight agrees with the built matrix (it serves instances too
 * large for one). */
START_TEST(weight_function_matches_matrix)
{
    static const char *files[] = {ATT48, ULYSSES16, GR17, BR17};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[4096];
        tsplib_data td;
        corto_diag d;
        test_source_path(path, sizeof path, files[f]);
        ck_assert_int_eq(tsplib_parse(&td, path, TSPLIB_NO_SIZE_LIMIT, &d),
                         CORTO_OK);
        corto_problem *p = test_load_problem(files[f]);
        for (int i = 0; i < td.n; i++)
            for (int j = 0; j < td.n; j++)
                ck_assert_int_eq(tsplib_weight(&td, i, j), dist(p, i, j));
        corto_problem_destroy(p);
        tsplib_data_free(&td);
    }
}
END_TEST

START_TEST(missing_file_is_io_error)
{
    corto_problem *p = NULL;
    corto_diag d;
    ck_assert_int_eq(corto_read_problem(&p, "/nonexistent/x.vrp", &d),
                     CORTO_ERR_IO);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(strstr(d.message, "/nonexistent/x.vrp"));
    ck_assert_int_eq(corto_read_problem(&p, NULL, &d), CORTO_ERR_ARGUMENT);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tsplib");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, bundled_distance, 0, N_KNOWN_DISTS);
    tcase_add_test(tc, cvrp_default_instance);
    tcase_add_test(tc, cvrp_lower_row_matrix);
    tcase_add_test(tc, tsp_euc_2d);
    tcase_add_test(tc, tsp_lower_diag_row);
    tcase_add_test(tc, atsp_diagonal_placeholders);
    tcase_add_test(tc, format_variations);
    tcase_add_test(tc, upper_diag_row_wrapped);
    tcase_add_test(tc, cvrp_vehicles_and_name_from_file);
    tcase_add_test(tc, gzip_transparent);
    tcase_add_test(tc, size_limit_is_unsupported);
    tcase_add_test(tc, weight_function_matches_matrix);
    tcase_add_test(tc, missing_file_is_io_error);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
