/*
 * test_matrix.c — what `corto matrix` is made of besides the hierarchy:
 * the k-d tree against brute force, locating points (ids and snapped
 * coordinates), the points and demands readers on good and malformed
 * files, second weights read from a parallel graph file (the lightest
 * parallel arc's), the text / JSON / TSPLIB writers with unreachable
 * pairs, and on the shared Bremen pair fastest routes whose distances
 * match their unpacked paths.
 */
#include "ch.h"
#include "corto.h"
#include "graph.h"
#include "graph_read.h"
#include "kdtree.h"
#include "locate.h"
#include "points_read.h"
#include "rng.h"
#include "table_write.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fixture(char *buf, size_t size, const char *name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/graph/%s", name);
    return test_source_path(buf, size, rel);
}

START_TEST(test_kdtree_brute_force)
{
    enum { N = 600 };
    double x[N], y[N];
    unsigned char keep[N];
    rng r;
    rng_seed(&r, 5);
    for (int k = 0; k < N; k++) {
        /* A coarse lattice, so equal coordinates and ties happen. */
        x[k] = (double)rng_below(&r, 40);
        y[k] = (double)rng_below(&r, 40);
        keep[k] = rng_below(&r, 5) != 0;
    }
    kdtree *t = NULL;
    ck_assert_int_eq(kdtree_build(&t, x, y, keep, N), CORTO_OK);
    for (int q = 0; q < 400; q++) {
        double qx = rng_uniform(&r) * 44 - 2, qy = rng_uniform(&r) * 44 - 2;
        if (q % 4 == 0) { /* on a lattice point: exact ties */
            qx = floor(qx);
            qy = floor(qy);
        }
        int best = -1;
        double bd = INFINITY;
        for (int k = 0; k < N; k++) {
            double d = (x[k] - qx) * (x[k] - qx) + (y[k] - qy) * (y[k] - qy);
            if (keep[k] && d < bd) {
                bd = d;
                best = k;
            }
        }
        double dist;
        ck_assert_int_eq(kdtree_nearest(t, qx, qy, &dist), best);
        ck_assert(fabs(dist - sqrt(bd)) < 1e-12);
    }
    kdtree_destroy(t);
    unsigned char none[N] = {0};
    ck_assert_int_eq(kdtree_build(&t, x, y, none, N), CORTO_ERR_ARGUMENT);
    kdtree_destroy(NULL);
}
END_TEST

/* Reading a points file fails with PARSE and a message containing
 * `where`. */
static void expect_bad_points(const char *name, const char *where)
{
    char path[1024];
    corto_diag diag = {0};
    graph_point *pts = NULL;
    int n = -1;
    corto_status rc =
        points_read(&pts, &n, fixture(path, sizeof path, name), &diag);
    ck_assert_msg(rc == CORTO_ERR_PARSE, "%s: status %d", name, rc);
    ck_assert_msg(strstr(diag.message, where) != NULL,
                  "%s: message '%s' lacks '%s'", name, diag.message, where);
    ck_assert_ptr_null(pts);
}

START_TEST(test_points_and_locate)
{
    char path[1024], ppath[1024];
    corto_diag diag = {0};
    graph g;
    graph_point *pts = NULL;
    int n = 0;
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "small.gr"), NULL, &diag),
        CORTO_OK);
    ck_assert_int_eq(
        points_read(&pts, &n, fixture(ppath, sizeof ppath, "points_ids.txt"),
                    &diag),
        CORTO_OK);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(pts[1].has_xy, 0);
    ck_assert_int_eq(pts[1].id, 3);
    ck_assert_int_eq(pts[1].line, 4); /* comment and blank lines count */
    int node[4];
    double snap[4];
    ck_assert_int_eq(graph_locate(node, snap, &g, pts, n, ppath, &diag),
                     CORTO_OK);
    ck_assert_int_eq(node[0], 0);
    ck_assert_int_eq(node[3], 6);
    free(pts);

    /* (3, 4) is nearer to node 7 at (5, 5) (2.24) than to node 6 at
     * (1, 2) (2.83), but node 7 has no arc: it snaps to node 6. */
    ck_assert_int_eq(points_read(&pts, &n,
                                 fixture(ppath, sizeof ppath, "points_xy.txt"),
                                 &diag),
                     CORTO_OK);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(graph_locate(node, snap, &g, pts, n, ppath, &diag),
                     CORTO_OK);
    ck_assert_int_eq(node[0], 0);
    ck_assert_int_eq(node[1], 5);
    ck_assert(fabs(snap[1] - sqrt(8.0)) < 1e-12);
    ck_assert_int_eq(node[2], 5); /* (1, 2.2) */
    free(pts);

    /* A point outside the graph, and coordinates without coordinates. */
    graph_point far = {0, 99, 0, 0, 12};
    ck_assert_int_eq(graph_locate(node, NULL, &g, &far, 1, "p.txt", &diag),
                     CORTO_ERR_PARSE);
    ck_assert_str_eq(diag.message,
                     "p.txt:12: node 99 is not in the graph (ids 1..7)");
    graph_free(&g);
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "small0.gr"), NULL, &diag),
        CORTO_OK);
    graph_point xy = {1, 0, 1.0, 2.0, 3};
    ck_assert_int_eq(graph_locate(node, NULL, &g, &xy, 1, "p.txt", &diag),
                     CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(diag.message, "p.txt:3: coordinates"));
    graph_free(&g);

    expect_bad_points("bad_points_fields.txt", "bad_points_fields.txt:3: ");
    expect_bad_points("bad_points_id.txt", "bad_points_id.txt:2: node id");
    expect_bad_points("bad_points_coord.txt", "bad_points_coord.txt:2: ");
    expect_bad_points("bad_points_empty.txt", "bad_points_empty.txt: no");

    int64_t *dem = NULL;
    ck_assert_int_eq(
        points_read_demands(
            &dem, 3, fixture(path, sizeof path, "bad_demands.txt"), &diag),
        CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(diag.message, "bad_demands.txt:3: "));
    ck_assert_int_eq(
        points_read_demands(
            &dem, 2, fixture(path, sizeof path, "points_ids.txt"), &diag),
        CORTO_ERR_PARSE); /* four lines for two points */
    ck_assert_ptr_nonnull(strstr(diag.message, "more demands"));
    ck_assert_int_eq(
        points_read_demands(
            &dem, 4, fixture(path, sizeof path, "points_ids.txt"), &diag),
        CORTO_OK);
    ck_assert_int_eq(dem[3], 7);
    free(dem);
}
END_TEST

START_TEST(test_second_weights_file)
{
    char path[1024], path2[1024];
    corto_diag diag = {0};
    graph g;
    double *w2 = NULL;
    fixture(path, sizeof path, "small.gr");
    ck_assert_int_eq(graph_read(&g, path, NULL, &diag), CORTO_OK);
    ck_assert_int_eq(graph_read_second(
                         &w2, &g, path,
                         fixture(path2, sizeof path2, "small_time.gr"), &diag),
                     CORTO_OK);
    /* 1 -> 2 has arcs of 7, 3 and 8: the kept one (3) takes 30. */
    ck_assert_int_eq(g.out_to[g.out_off[0]], 1);
    ck_assert(g.out_w[g.out_off[0]] == 3.0);
    ck_assert(w2[g.out_off[0]] == 30.0);
    free(w2);
    ck_assert_int_eq(graph_read_second(
                         &w2, &g, path,
                         fixture(path2, sizeof path2, "bad_second.gr"), &diag),
                     CORTO_ERR_PARSE);
    ck_assert_ptr_null(w2);
    ck_assert_ptr_nonnull(strstr(diag.message, "bad_second.gr:7: arc 5"));
    /* The same arcs numbered from 0 are the same arcs; other arcs are
     * not. */
    ck_assert_int_eq(
        graph_read_second(&w2, &g, path,
                          fixture(path2, sizeof path2, "small0.gr"), &diag),
        CORTO_OK);
    free(w2);
    ck_assert_int_eq(
        graph_read_second(&w2, &g, path,
                          fixture(path2, sizeof path2, "small.cedge"), &diag),
        CORTO_ERR_PARSE);
    ck_assert_ptr_null(w2);
    graph_free(&g);
}
END_TEST

/* The text a writer call put in a temporary file. */
static char *written(FILE *f)
{
    long size = ftell(f);
    char *s = calloc((size_t)size + 1, 1);
    rewind(f);
    ck_assert_int_eq(fread(s, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    return s;
}

START_TEST(test_writers)
{
    double m[4] = {0, 12.5, INFINITY, 0};
    int64_t ids[2] = {4, 9}, dem[2] = {0, 3}, bad = -1;
    FILE *f = tmpfile();
    table_write_text(f, m, 2);
    char *s = written(f);
    ck_assert_str_eq(s, "0 12.5\nunreachable 0\n");
    free(s);

    road_table t = {2, m, NULL, ids, NULL, NULL, NULL};
    f = tmpfile();
    table_write_json(f, &t);
    s = written(f);
    ck_assert_ptr_nonnull(strstr(s, "\"distances\":[\n[0,12.5],\n[null,0]]"));
    ck_assert_ptr_null(strstr(s, "durations"));
    ck_assert_ptr_nonnull(strstr(s, "{\"node\":9,\"snap_distance\":0}"));
    free(s);

    f = tmpfile();
    ck_assert_int_eq(table_write_tsplib(f, m, 2, "x", NULL, 1.0, 5, dem, &bad),
                     CORTO_ERR_MODEL);
    ck_assert_int_eq(bad, 2);
    ck_assert_int_eq(ftell(f), 0); /* nothing written */
    fclose(f);
    m[2] = 7.4;
    f = tmpfile();
    ck_assert_int_eq(table_write_tsplib(f, m, 2, "x", "c", 2.0, 5, dem, &bad),
                     CORTO_OK);
    s = written(f);
    ck_assert_ptr_nonnull(strstr(s, "TYPE : CVRP\n"));
    ck_assert_ptr_nonnull(strstr(s, "EDGE_WEIGHT_SECTION\n0 25\n15 0\n"));
    ck_assert_ptr_nonnull(strstr(s, "DEMAND_SECTION\n1 0\n2 3\n"));
    free(s);
}
END_TEST

/* Bremen: routes minimising time carry their distance exactly. */
START_TEST(test_bremen_time_and_distance)
{
    char path[1024], path2[1024];
    if (!test_shared_path(path, sizeof path, "road/bremen_time.gr.gz") ||
        !test_shared_path(path2, sizeof path2, "road/bremen_dist.gr.gz"))
        return;
    corto_diag diag = {0};
    graph g;
    double *w2 = NULL;
    ck_assert_int_eq(graph_read(&g, path, NULL, &diag), CORTO_OK);
    ck_assert_msg(graph_read_second(&w2, &g, path, path2, &diag) == CORTO_OK,
                  "%s", diag.message);
    ch *h = NULL;
    ch_ws *ws = NULL;
    graph_path p = {0};
    ck_assert_int_eq(ch_build(&h, &g, w2, NULL), CORTO_OK);
    ck_assert_int_eq(ch_ws_create(&ws, h), CORTO_OK);
    rng r;
    rng_seed(&r, 9);
    int pts[12];
    for (int k = 0; k < 12; k++)
        pts[k] = (int)rng_below(&r, (uint64_t)g.n);
    double dur[144], dist[144];
    unsigned char reach[144];
    ck_assert_int_eq(
        ch_many_to_many(dur, dist, reach, ws, h, pts, 12, pts, 12), CORTO_OK);
    int reached = 0;
    for (int k = 0; k < 144; k++) {
        int s = pts[k / 12], t = pts[k % 12];
        double len2;
        ck_assert_int_eq(ch_query(&p, &len2, ws, h, s, t), CORTO_OK);
        ck_assert_int_eq(reach[k], p.reachable);
        if (!p.reachable) {
            ck_assert(isinf(dur[k]) && isinf(dist[k]));
            continue;
        }
        reached++;
        ck_assert(dur[k] == p.length);
        /* The distance along the unpacked path, arc by arc. */
        double sum = 0.0;
        for (int i = 0; i + 1 < p.n_nodes; i++)
            for (int64_t a = g.out_off[p.nodes[i]];
                 a < g.out_off[p.nodes[i] + 1]; a++)
                if (g.out_to[a] == p.nodes[i + 1])
                    sum += w2[a];
        ck_assert(sum == len2);
        ck_assert(dist[k] >= 0.0 && isfinite(dist[k]));
    }
    ck_assert_int_gt(reached, 12);
    graph_path_free(&p);
    ch_ws_destroy(ws);
    ch_destroy(h);
    free(w2);
    graph_free(&g);
}
END_TEST

static Suite *matrix_suite(void)
{
    Suite *s = suite_create("matrix");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_kdtree_brute_force);
    tcase_add_test(tc, test_points_and_locate);
    tcase_add_test(tc, test_second_weights_file);
    tcase_add_test(tc, test_writers);
    tcase_add_test(tc, test_bremen_time_and_distance);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(matrix_suite());
}
