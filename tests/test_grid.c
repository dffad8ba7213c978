/*
 * test_grid.c — Moving AI grids: hand-worked paths on small maps (the
 * corner-cutting rule, diagonal cost sqrt(2), unreachable goals), malformed
 * maps and scenario files reported as FILE:LINE, and the optimal lengths
 * stated in the shared .scen files reproduced to a relative 1e-5 on a
 * deterministic sample of every file (bench/grid_scen.sh runs them all).
 */
#include "corto.h"
#include "grid.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define SQRT2 1.41421356237309504880

static const char *fixture(char *buf, size_t size, const char *name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/graph/%s", name);
    return test_source_path(buf, size, rel);
}

static double solve(const grid_map *m, int sx, int sy, int gx, int gy)
{
    grid_ws *ws = NULL;
    double len = -1.0;
    ck_assert_int_eq(grid_ws_create(&ws, m), CORTO_OK);
    ck_assert_int_eq(grid_astar(&len, NULL, ws, m, sx, sy, gx, gy), CORTO_OK);
    grid_ws_destroy(ws);
    return len;
}

START_TEST(test_small_maps)
{
    char path[1024];
    corto_diag diag = {0};
    grid_map m;
    ck_assert_int_eq(
        grid_map_read(&m, fixture(path, sizeof path, "small.map"), &diag),
        CORTO_OK);
    ck_assert_int_eq(m.width, 5);
    ck_assert_int_eq(m.height, 4);
    /* Around the wall in row 1: 5 straight moves and one diagonal. */
    ck_assert(fabs(solve(&m, 0, 0, 4, 3) - (5 + SQRT2)) < 1e-12);
    ck_assert(fabs(solve(&m, 4, 0, 0, 2) - (4 + SQRT2)) < 1e-12);
    ck_assert(fabs(solve(&m, 0, 0, 0, 2) - 2.0) < 1e-12);
    ck_assert(solve(&m, 2, 2, 2, 2) == 0.0);
    ck_assert(isinf(solve(&m, 0, 0, 1, 1))); /* goal blocked */
    grid_ws *ws = NULL;
    double len;
    ck_assert_int_eq(grid_ws_create(&ws, &m), CORTO_OK);
    ck_assert_int_eq(grid_astar(&len, NULL, ws, &m, 0, 0, 5, 0),
                     CORTO_ERR_ARGUMENT);
    grid_ws_destroy(ws);

    grid_scen *sc = NULL;
    int n = 0;
    ck_assert_int_eq(
        grid_scen_read(&sc, &n, fixture(path, sizeof path, "small.map.scen"),
                       &m, &diag),
        CORTO_OK);
    ck_assert_int_eq(n, 3);
    for (int k = 0; k < n; k++)
        ck_assert(fabs(solve(&m, sc[k].sx, sc[k].sy, sc[k].gx, sc[k].gy) -
                       sc[k].optimal) < 1e-7);
    free(sc);
    grid_map_free(&m);

    /* Two free cells touching only at a corner: no corner cutting. */
    ck_assert_int_eq(
        grid_map_read(&m, fixture(path, sizeof path, "corner.map"), &diag),
        CORTO_OK);
    ck_assert(isinf(solve(&m, 0, 0, 1, 1)));
    grid_map_free(&m);
}
END_TEST

static void expect_bad_map(const char *name, const char *where)
{
    char path[1024];
    corto_diag diag = {0};
    grid_map m;
    corto_status rc =
        grid_map_read(&m, fixture(path, sizeof path, name), &diag);
    ck_assert_msg(rc == CORTO_ERR_PARSE, "%s: status %d", name, rc);
    ck_assert_msg(strstr(diag.message, where) != NULL,
                  "%s: message '%s' lacks '%s'", name, diag.message, where);
}

static void expect_bad_scen(const grid_map *m, const char *name,
                            const char *where)
{
    char path[1024];
    corto_diag diag = {0};
    grid_scen *sc = NULL;
    int n = -1;
    corto_status rc =
        grid_scen_read(&sc, &n, fixture(path, sizeof path, name), m, &diag);
    ck_assert_msg(rc == CORTO_ERR_PARSE, "%s: status %d", name, rc);
    ck_assert_ptr_null(sc);
    ck_assert_int_eq(n, 0);
    ck_assert_msg(strstr(diag.message, where) != NULL,
                  "%s: message '%s' lacks '%s'", name, diag.message, where);
}

START_TEST(test_malformed)
{
    expect_bad_map("bad_row.map", "bad_row.map:6: row 2 has 3 cells");
    expect_bad_map("bad_char.map", "bad_char.map:6: unknown terrain 'X'");
    expect_bad_map("bad_height.map", "bad_height.map:2: ");
    expect_bad_map("short.map", "short.map:6: map ends after 2 of 3 rows");
    expect_bad_map("small.map.scen", "small.map.scen:1: ");
    char path[1024];
    corto_diag diag = {0};
    grid_map m;
    ck_assert_int_eq(
        grid_map_read(&m, fixture(path, sizeof path, "small.map"), &diag),
        CORTO_OK);
    expect_bad_scen(&m, "bad_blocked.scen", "bad_blocked.scen:3: goal");
    expect_bad_scen(&m, "bad_fields.scen", "bad_fields.scen:2: ");
    expect_bad_scen(&m, "bad_size.scen", "bad_size.scen:2: ");
    expect_bad_scen(&m, "small.map", "small.map:1: ");
    grid_map_free(&m);
}
END_TEST

/* Every `stride`-th scenario of a shared map (and its last) matches the
 * stated optimum to a relative 1e-5. */
static void shared_scen(const char *name, int stride)
{
    char map_rel[256], scen_rel[256], map_path[1024], scen_path[1024];
    snprintf(map_rel, sizeof map_rel, "grid/%s", name);
    snprintf(scen_rel, sizeof scen_rel, "grid/%s.scen", name);
    if (!test_shared_path(map_path, sizeof map_path, map_rel) ||
        !test_shared_path(scen_path, sizeof scen_path, scen_rel))
        return;
    corto_diag diag = {0};
    grid_map m;
    grid_scen *sc = NULL;
    grid_ws *ws = NULL;
    int n = 0;
    ck_assert_msg(grid_map_read(&m, map_path, &diag) == CORTO_OK, "%s",
                  diag.message);
    ck_assert_msg(grid_scen_read(&sc, &n, scen_path, &m, &diag) == CORTO_OK,
                  "%s", diag.message);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(grid_ws_create(&ws, &m), CORTO_OK);
    for (int k = 0; k < n; k++) {
        if (k % stride != 0 && k != n - 1)
            continue;
        double len;
        ck_assert_int_eq(grid_astar(&len, NULL, ws, &m, sc[k].sx, sc[k].sy,
                                    sc[k].gx, sc[k].gy),
                         CORTO_OK);
        ck_assert_msg(fabs(len - sc[k].optimal) <=
                          1e-5 * fmax(1.0, sc[k].optimal),
                      "%s line %ld: %.9g, stated %.9g", name, sc[k].line, len,
                      sc[k].optimal);
    }
    grid_ws_destroy(ws);
    free(sc);
    grid_map_free(&m);
}

START_TEST(test_shared_scenarios)
{
    static const char *maps[] = {"Berlin_0_256.map", "Boston_0_256.map",
                                 "London_0_256.map", "NewYork_0_256.map",
                                 "Paris_0_256.map",  "arena.map",
                                 "brc202d.map",      "den312d.map",
                                 "lak303d.map",      "ost003d.map"};
    for (size_t k = 0; k < sizeof maps / sizeof maps[0]; k++)
        shared_scen(maps[k], 10);
}
END_TEST

static Suite *grid_suite(void)
{
    Suite *s = suite_create("grid");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_small_maps);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_shared_scenarios);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(grid_suite());
}
