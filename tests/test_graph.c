/*
 * test_graph.c — road graphs: the readers on hand-made files (DIMACS .gr
 * with .co, the 0-based variant, .cnode/.cedge) with shortest paths worked
 * out by hand, malformed files reported as FILE:LINE, igraph errors
 * returned as a status through the guard, and on every shared road graph
 * corto's Dijkstra, bidirectional Dijkstra and A* (Euclidean and ALT)
 * agreeing with igraph's Dijkstra on seeded random pairs.
 */
#include "corto.h"
#include "graph.h"
#include "graph_read.h"
#include "igraph_safe.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *fixture(char *buf, size_t size, const char *name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/graph/%s", name);
    return test_source_path(buf, size, rel);
}

/* Run every algorithm from s to t; all must agree with `expect` (INFINITY
 * for no path) and return valid paths. Returns the Dijkstra path's node
 * count. */
static int all_agree(graph *g, int s, int t, double expect)
{
    path_ws *ws = NULL;
    graph_path p = {0};
    corto_diag diag = {0};
    ck_assert_int_eq(path_ws_create(&ws, g->n), CORTO_OK);
    ck_assert_int_eq(graph_astar_prepare(g, 4, 7), CORTO_OK);
    int nodes = -1;
    for (int alg = 0; alg < 4; alg++) {
        corto_status rc;
        if (alg == 0)
            rc = graph_dijkstra(&p, ws, g, s, t);
        else if (alg == 1)
            rc = graph_bidijkstra(&p, ws, g, s, t);
        else if (alg == 2)
            rc = graph_astar(&p, ws, g, s, t);
        else
            rc = graph_igraph_dijkstra(&p, g, s, t, &diag);
        ck_assert_int_eq(rc, CORTO_OK);
        if (isinf(expect)) {
            ck_assert_msg(!p.reachable, "alg %d found a path %d->%d", alg, s,
                          t);
        } else {
            ck_assert_msg(p.reachable, "alg %d: no path %d->%d", alg, s, t);
            ck_assert_msg(fabs(p.length - expect) <= 1e-9 * fmax(1, expect),
                          "alg %d: %d->%d length %.12g, expected %.12g", alg,
                          s, t, p.length, expect);
            ck_assert(graph_path_valid(g, &p, s, t, 1e-9));
        }
        if (alg == 0)
            nodes = p.n_nodes;
    }
    graph_path_free(&p);
    path_ws_destroy(ws);
    return nodes;
}

START_TEST(test_small_dimacs)
{
    char path[1024];
    corto_diag diag = {0};
    graph g;
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "small.gr"), NULL, &diag),
        CORTO_OK);
    ck_assert_int_eq(g.n, 7);
    ck_assert_int_eq(g.id_base, 1);
    /* 13 arcs: two parallel 1->2 arcs merged, two loops dropped. */
    ck_assert_int_eq(g.m, 9);
    ck_assert_ptr_nonnull(g.x); /* small.co found next to small.gr */
    ck_assert_int_eq(g.has_ig, 1);
    int n1 = graph_node_of(&g, 1), n5 = graph_node_of(&g, 5);
    ck_assert_int_eq(all_agree(&g, n1, n5, 20.0), 4); /* 1 3 6 5 */
    ck_assert_int_eq(all_agree(&g, n1, graph_node_of(&g, 4), 18.0), 3);
    ck_assert_int_eq(all_agree(&g, n1, graph_node_of(&g, 2), 3.0), 2);
    ck_assert_int_eq(all_agree(&g, n1, n1, 0.0), 1);
    all_agree(&g, n5, n1, INFINITY);                   /* directed */
    all_agree(&g, n1, graph_node_of(&g, 7), INFINITY); /* isolated */
    ck_assert_int_eq(g.astar_kind, GRAPH_HEUR_EUCLID);
    /* The same answers with landmarks instead of coordinates. */
    ck_assert_int_eq(graph_alt_prepare(&g, 3, 1), CORTO_OK);
    ck_assert_int_eq(g.astar_kind, GRAPH_HEUR_ALT);
    all_agree(&g, n1, n5, 20.0);
    all_agree(&g, n5, n1, INFINITY);
    ck_assert_int_eq(graph_node_of(&g, 0), -1);
    ck_assert_int_eq(graph_node_of(&g, 8), -1);
    graph_free(&g);
}
END_TEST

START_TEST(test_small_zero_based_and_cnode)
{
    char path[1024];
    corto_diag diag = {0};
    graph g;
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "small0.gr"), NULL, &diag),
        CORTO_OK);
    ck_assert_int_eq(g.n, 6); /* the largest id is 5 */
    ck_assert_int_eq(g.id_base, 0);
    ck_assert_ptr_null(g.x);
    all_agree(&g, 0, 4, 20.0);
    ck_assert_int_eq(g.astar_kind, GRAPH_HEUR_ALT);
    graph_free(&g);

    /* Undirected: 0-1-2-3-4 = 4.5 + 3 + 1 + 2.25 beats 0-2-3-4. */
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "small.cnode"), NULL, &diag),
        CORTO_OK);
    ck_assert_int_eq(g.n, 5);
    ck_assert_int_eq(g.directed, 0);
    ck_assert_int_eq(g.m, 10); /* 5 distinct edges, both ways */
    ck_assert_int_eq(all_agree(&g, 0, 4, 10.75), 5);
    all_agree(&g, 4, 0, 10.75);
    graph_free(&g);
}
END_TEST

/* Reading `name` fails with PARSE and a message "NAME:LINE: ...". */
static void expect_bad(const char *name, const char *where)
{
    char path[1024];
    corto_diag diag = {0};
    graph g;
    corto_status rc =
        graph_read(&g, fixture(path, sizeof path, name), NULL, &diag);
    ck_assert_msg(rc == CORTO_ERR_PARSE, "%s: status %d", name, rc);
    ck_assert_msg(strstr(diag.message, where) != NULL,
                  "%s: message '%s' lacks '%s'", name, diag.message, where);
    graph_free(&g); /* harmless after a failure */
}

START_TEST(test_malformed)
{
    expect_bad("bad_fields.gr", "bad_fields.gr:3: ");
    expect_bad("bad_range.gr", "bad_range.gr:3: node id '4'");
    expect_bad("bad_weight.gr", "bad_weight.gr:3: weight '-3'");
    expect_bad("bad_count.gr", "bad_count.gr:2: 'p' line announces 3");
    expect_bad("bad_type.gr", "bad_type.gr:3: unknown line type 'x'");
    expect_bad("bad_p_after.gr", "bad_p_after.gr:3: ");
    expect_bad("bad_node.cedge", "bad_node.cedge:2: node id '9'");
    expect_bad("bad_dup.cnode", "bad_dup.cnode:3: node 1 given twice");
    expect_bad("bad_coord.gr", "bad_coord.co:3: ");
    char path[1024];
    corto_diag diag = {0};
    graph g;
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "none.gr"), NULL, &diag),
        CORTO_ERR_IO);
    ck_assert_ptr_nonnull(strstr(diag.message, "none.gr"));
}
END_TEST

/* A body that asks igraph for a path to a vertex the graph lacks. */
static igraph_error_t body_bad_vertex(void *arg)
{
    const graph *g = arg;
    igraph_vector_int_t vertices;
    igraph_error_t err = igraph_vector_int_init(&vertices, 0);
    if (err != IGRAPH_SUCCESS)
        return err;
    err = igraph_get_shortest_path_dijkstra(&g->ig, &vertices, NULL, 0,
                                            g->n + 5, &g->ig_w, IGRAPH_OUT);
    igraph_vector_int_destroy(&vertices);
    return err;
}

START_TEST(test_igraph_error_is_status)
{
    char path[1024];
    corto_diag diag = {0};
    graph g;
    graph_path p = {0};
    ck_assert_int_eq(
        graph_read(&g, fixture(path, sizeof path, "small.gr"), NULL, &diag),
        CORTO_OK);
    /* igraph's complaint about the vertex id comes back as a status with
     * igraph's reason, instead of an abort. */
    ck_assert_int_eq(igraph_guard(body_bad_vertex, &g, &diag),
                     CORTO_ERR_EXTERNAL);
    ck_assert_msg(strncmp(diag.message, "igraph: ", 8) == 0 &&
                      strlen(diag.message) > 10,
                  "'%s'", diag.message);
    /* Ids out of range never reach igraph through the path call. */
    ck_assert_int_eq(graph_igraph_dijkstra(&p, &g, -3, 0, &diag),
                     CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(graph_igraph_dijkstra(&p, &g, 0, g.n, &diag),
                     CORTO_ERR_ARGUMENT);
    /* igraph still works afterwards, and the previous handlers are back. */
    ck_assert_int_eq(graph_igraph_dijkstra(&p, &g, 0, 4, &diag), CORTO_OK);
    ck_assert_int_eq(p.reachable, 1);
    ck_assert(fabs(p.length - 20.0) < 1e-12);
    igraph_error_handler_t *h = igraph_set_error_handler(NULL);
    ck_assert(h == NULL || h == igraph_error_handler_abort);
    igraph_set_error_handler(h);
    graph_path_free(&p);
    graph_free(&g);
}
END_TEST

/* Random pairs of one shared graph: every algorithm matches igraph. */
static void shared_pairs(const char *rel, int pairs, uint64_t seed)
{
    char path[1024];
    if (!test_shared_path(path, sizeof path, rel))
        return;
    corto_diag diag = {0};
    graph g;
    path_ws *ws = NULL;
    graph_path p = {0}, ref = {0};
    ck_assert_msg(graph_read(&g, path, NULL, &diag) == CORTO_OK, "%s",
                  diag.message);
    ck_assert_int_eq(path_ws_create(&ws, g.n), CORTO_OK);
    rng r;
    rng_seed(&r, seed);
    int reached = 0;
    for (int round = 0; round < 2; round++) {
        /* Round 0: the default A* bound; round 1: ALT landmarks. */
        if (round == 0)
            ck_assert_int_eq(graph_astar_prepare(&g, 8, seed), CORTO_OK);
        else if (g.astar_kind == GRAPH_HEUR_EUCLID)
            ck_assert_int_eq(graph_alt_prepare(&g, 8, seed), CORTO_OK);
        else
            break;
        for (int k = 0; k < pairs; k++) {
            int s = (int)rng_below(&r, (uint64_t)g.n);
            int t = (int)rng_below(&r, (uint64_t)g.n);
            ck_assert_int_eq(graph_igraph_dijkstra(&ref, &g, s, t, &diag),
                             CORTO_OK);
            reached += ref.reachable;
            for (int alg = 0; alg < 3; alg++) {
                corto_status rc = alg == 0 ? graph_dijkstra(&p, ws, &g, s, t)
                                  : alg == 1
                                      ? graph_bidijkstra(&p, ws, &g, s, t)
                                      : graph_astar(&p, ws, &g, s, t);
                ck_assert_int_eq(rc, CORTO_OK);
                ck_assert_msg(p.reachable == ref.reachable,
                              "%s alg %d %d->%d reachability", rel, alg, s, t);
                if (!ref.reachable)
                    continue;
                ck_assert_msg(fabs(p.length - ref.length) <=
                                  1e-9 * fmax(1.0, ref.length),
                              "%s alg %d %d->%d: %.12g vs igraph %.12g", rel,
                              alg, s, t, p.length, ref.length);
                ck_assert(graph_path_valid(&g, &p, s, t, 1e-9));
            }
        }
    }
    ck_assert_msg(reached > 0, "%s: no random pair connected", rel);
    graph_path_free(&p);
    graph_path_free(&ref);
    path_ws_destroy(ws);
    graph_free(&g);
}

START_TEST(test_shared_road_graphs)
{
    shared_pairs("road/rome99.gr", 6, 11);
    shared_pairs("road/bremen_dist.gr.gz", 6, 12);
    shared_pairs("road/bremen_time.gr.gz", 6, 13);
    shared_pairs("road/south_seattle_car.gr", 6, 14);
    shared_pairs("road/OL.cedge", 6, 15);
    shared_pairs("road/TG.cnode", 6, 16);
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_small_dimacs);
    tcase_add_test(tc, test_small_zero_based_and_cnode);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_igraph_error_is_status);
    tcase_add_test(tc, test_shared_road_graphs);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(graph_suite());
}
