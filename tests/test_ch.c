/*
 * test_ch.c — contraction hierarchies: on seeded random directed and
 * undirected graphs (parallel arcs, self-loops, zero weights, several
 * components) every pair's CH length equals Dijkstra's and the unpacked
 * path is a walk of that length; many-to-many matrices equal one-to-one
 * answers (second weights included) and flag unreachable pairs; the same
 * hierarchy comes out twice; tight witness limits stay exact; and on the
 * shared road graphs CH agrees with igraph's Dijkstra on seeded random
 * pairs.
 */
#include "ch.h"
#include "ch_impl.h"
#include "corto.h"
#include "graph.h"
#include "graph_read.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A random graph: n nodes, m arcs with integer weights 0..20, some
 * parallel arcs and loops. */
static void random_graph(graph *g, int n, int m, int directed, uint64_t seed)
{
    rng r;
    rng_seed(&r, seed);
    graph_arc *arcs = calloc((size_t)m, sizeof *arcs);
    ck_assert_ptr_nonnull(arcs);
    for (int k = 0; k < m; k++) {
        int u = (int)rng_below(&r, (uint64_t)n);
        int v = (int)rng_below(&r, (uint64_t)n);
        if (k > 0 && rng_below(&r, 10) == 0) { /* a parallel arc */
            u = arcs[k - 1].u;
            v = arcs[k - 1].v;
        }
        arcs[k] = (graph_arc){u, v, (double)rng_below(&r, 21)};
    }
    corto_diag diag = {0};
    ck_assert_int_eq(
        graph_build(g, n, arcs, m, directed, 0, NULL, NULL, &diag), CORTO_OK);
    free(arcs);
}

/* Exact equality for integer weights, a relative 1e-9 otherwise. */
static int same_length(double a, double b, int exact)
{
    if (isinf(a) || isinf(b))
        return a == b;
    return exact ? a == b : fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b));
}

/* Second weight of a path: the w2 of each arc it uses. */
static double path_second(const graph *g, const double *w2,
                          const graph_path *p)
{
    double sum = 0.0;
    for (int k = 0; k + 1 < p->n_nodes; k++) {
        int u = p->nodes[k], v = p->nodes[k + 1];
        double best = INFINITY, second = INFINITY;
        for (int64_t a = g->out_off[u]; a < g->out_off[u + 1]; a++)
            if (g->out_to[a] == v && g->out_w[a] < best) {
                best = g->out_w[a];
                second = w2[a];
            }
        sum += second;
    }
    return sum;
}

/* Every pair of g: CH against Dijkstra, then the full matrix. Returns
 * the unreachable pairs. */
static int check_all_pairs(const graph *g, const double *w2, int unique)
{
    ch *h = NULL;
    ch_ws *cws = NULL;
    path_ws *ws = NULL;
    graph_path p = {0}, ref = {0};
    int n = g->n;
    ck_assert_int_eq(ch_build(&h, g, w2, NULL), CORTO_OK);
    ck_assert_int_eq(ch_ws_create(&cws, h), CORTO_OK);
    ck_assert_int_eq(path_ws_create(&ws, n), CORTO_OK);
    double *dist = calloc((size_t)n * n, sizeof *dist);
    double *dist2 = calloc((size_t)n * n, sizeof *dist2);
    unsigned char *reach = calloc((size_t)n * n, 1);
    int *all = calloc((size_t)n, sizeof *all);
    for (int v = 0; v < n; v++)
        all[v] = v;
    ck_assert_int_eq(
        ch_many_to_many(dist, dist2, reach, cws, h, all, n, all, n), CORTO_OK);
    int unreachable = 0;
    for (int s = 0; s < n; s++)
        for (int t = 0; t < n; t++) {
            double len2;
            ck_assert_int_eq(graph_dijkstra(&ref, ws, g, s, t), CORTO_OK);
            ck_assert_int_eq(ch_query(&p, &len2, cws, h, s, t), CORTO_OK);
            ck_assert_msg(p.reachable == ref.reachable, "%d->%d reachability",
                          s, t);
            ck_assert_msg(same_length(p.length, ref.length, 1),
                          "%d->%d: ch %.12g, dijkstra %.12g", s, t, p.length,
                          ref.length);
            ck_assert(graph_path_valid(g, &p, s, t, 0.0));
            double m = dist[s * n + t];
            ck_assert_msg(same_length(m, ref.length, 1),
                          "matrix %d->%d: %.12g, dijkstra %.12g", s, t, m,
                          ref.length);
            ck_assert_int_eq(reach[s * n + t], ref.reachable);
            unreachable += !ref.reachable;
            if (w2 && ref.reachable) {
                /* Both must be the second weight of a shortest path; the
                 * one-to-one path's is recomputed arc by arc. */
                ck_assert(same_length(len2, path_second(g, w2, &p), 1));
                ck_assert(isfinite(dist2[s * n + t]));
                if (unique)
                    ck_assert(same_length(dist2[s * n + t], len2, 1));
            }
        }
    free(dist);
    free(dist2);
    free(reach);
    free(all);
    graph_path_free(&p);
    graph_path_free(&ref);
    path_ws_destroy(ws);
    ch_ws_destroy(cws);
    ch_destroy(h);
    return unreachable;
}

START_TEST(test_random_small_graphs)
{
    int unreachable = 0;
    for (int round = 0; round < 10; round++) {
        graph g;
        int n = 5 + 6 * round, m = n * (1 + round % 3);
        random_graph(&g, n, m, round % 4 != 3, 100 + (uint64_t)round);
        unreachable += check_all_pairs(&g, NULL, 0);
        graph_free(&g);
    }
    ck_assert_msg(unreachable > 0, "no unreachable pair was tested");
}
END_TEST

START_TEST(test_second_weights)
{
    graph g;
    random_graph(&g, 40, 90, 1, 7);
    double *w2 = calloc((size_t)g.m, sizeof *w2);
    rng r;
    rng_seed(&r, 3);
    for (int64_t a = 0; a < g.m; a++)
        w2[a] = (double)rng_below(&r, 50);
    /* Distinct weights make shortest paths unique, so the matrix's
     * second weights must equal the one-to-one paths'. */
    for (int64_t a = 0; a < g.m; a++)
        g.out_w[a] = 1.0 + (double)rng_below(&r, 1000000);
    check_all_pairs(&g, w2, 1);
    free(w2);
    graph_free(&g);
}
END_TEST

START_TEST(test_deterministic_and_arguments)
{
    graph g;
    random_graph(&g, 60, 150, 1, 21);
    ch *a = NULL, *b = NULL;
    ck_assert_int_eq(ch_build(&a, &g, NULL, NULL), CORTO_OK);
    ck_assert_int_eq(ch_build(&b, &g, NULL, NULL), CORTO_OK);
    ck_assert_int_eq(ch_shortcuts(a), ch_shortcuts(b));
    ck_assert_int_eq(ch_up_arcs(a), ch_up_arcs(b));
    for (int v = 0; v < g.n; v++)
        ck_assert_int_eq(a->rank[v], b->rank[v]);
    for (int e = 0; e < a->n_edges; e++) {
        ck_assert_int_eq(a->e_tail[e], b->e_tail[e]);
        ck_assert_int_eq(a->e_head[e], b->e_head[e]);
        ck_assert_int_eq(a->e_c1[e], b->e_c1[e]);
        ck_assert(a->e_w[e] == b->e_w[e]);
    }
    ck_assert_int_eq(ch_up_arcs(a), g.m + ch_shortcuts(a));
    /* Tight witness limits add shortcuts but keep answers exact. */
    ch_params tight;
    ch_params_init(&tight);
    tight.settle_limit = tight.sim_settle_limit = tight.hop_limit = 1;
    ch *c = NULL;
    ck_assert_int_eq(ch_build(&c, &g, NULL, &tight), CORTO_OK);
    ck_assert_int_ge(ch_shortcuts(c), ch_shortcuts(a));
    ch_ws *ws = NULL;
    path_ws *pws = NULL;
    graph_path p = {0}, ref = {0};
    ck_assert_int_eq(ch_ws_create(&ws, c), CORTO_OK);
    ck_assert_int_eq(path_ws_create(&pws, g.n), CORTO_OK);
    for (int s = 0; s < g.n; s += 3)
        for (int t = 0; t < g.n; t += 2) {
            ck_assert_int_eq(ch_query(&p, NULL, ws, c, s, t), CORTO_OK);
            ck_assert_int_eq(graph_dijkstra(&ref, pws, &g, s, t), CORTO_OK);
            ck_assert(same_length(p.length, ref.length, 1));
            ck_assert(graph_path_valid(&g, &p, s, t, 0.0));
        }
    ck_assert_int_eq(ch_query(&p, NULL, ws, c, -1, 0), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(ch_query(&p, NULL, ws, c, 0, g.n), CORTO_ERR_ARGUMENT);
    int bad = g.n;
    double d;
    ck_assert_int_eq(ch_many_to_many(&d, NULL, NULL, ws, c, &bad, 1, &bad, 1),
                     CORTO_ERR_ARGUMENT);
    tight.hop_limit = 0;
    ch *none = NULL;
    ck_assert_int_eq(ch_build(&none, &g, NULL, &tight), CORTO_ERR_ARGUMENT);
    ck_assert_ptr_null(none);
    graph_path_free(&p);
    graph_path_free(&ref);
    path_ws_destroy(pws);
    ch_ws_destroy(ws);
    ch_destroy(a);
    ch_destroy(b);
    ch_destroy(c);
    ch_destroy(NULL);
    graph_free(&g);
}
END_TEST

/* 1 when every arc weight of g is a whole number. */
static int integral_weights(const graph *g)
{
    for (int64_t a = 0; a < g->m; a++)
        if (g->out_w[a] != floor(g->out_w[a]))
            return 0;
    return 1;
}

/* Random pairs of one shared graph: CH matches igraph's Dijkstra. */
static void shared_pairs(const char *rel, int pairs, uint64_t seed)
{
    char path[1024];
    if (!test_shared_path(path, sizeof path, rel))
        return;
    corto_diag diag = {0};
    graph g;
    ch *h = NULL;
    ch_ws *ws = NULL;
    graph_path p = {0}, ref = {0};
    ck_assert_msg(graph_read(&g, path, NULL, &diag) == CORTO_OK, "%s",
                  diag.message);
    ck_assert_int_eq(ch_build(&h, &g, NULL, NULL), CORTO_OK);
    ck_assert_int_eq(ch_ws_create(&ws, h), CORTO_OK);
    int exact = integral_weights(&g), reached = 0;
    rng r;
    rng_seed(&r, seed);
    int src[8], dst[8];
    for (int k = 0; k < pairs; k++) {
        int s = (int)rng_below(&r, (uint64_t)g.n);
        int t = (int)rng_below(&r, (uint64_t)g.n);
        if (k < 8) {
            src[k] = s;
            dst[k] = t;
        }
        ck_assert_int_eq(graph_igraph_dijkstra(&ref, &g, s, t, &diag),
                         CORTO_OK);
        ck_assert_int_eq(ch_query(&p, NULL, ws, h, s, t), CORTO_OK);
        ck_assert_msg(p.reachable == ref.reachable, "%s %d->%d reachability",
                      rel, s, t);
        reached += ref.reachable;
        ck_assert_msg(same_length(p.length, ref.length, exact),
                      "%s %d->%d: ch %.12g, igraph %.12g", rel, s, t, p.length,
                      ref.length);
        ck_assert(graph_path_valid(&g, &p, s, t, exact ? 0.0 : 1e-9));
    }
    ck_assert_msg(reached > 0, "%s: no random pair connected", rel);
    /* A small matrix against one-to-one answers. */
    int k8 = pairs < 8 ? pairs : 8;
    double dist[64];
    ck_assert_int_eq(
        ch_many_to_many(dist, NULL, NULL, ws, h, src, k8, dst, k8), CORTO_OK);
    for (int i = 0; i < k8; i++)
        for (int j = 0; j < k8; j++) {
            ck_assert_int_eq(ch_query(&p, NULL, ws, h, src[i], dst[j]),
                             CORTO_OK);
            ck_assert(same_length(dist[i * k8 + j], p.length, exact));
        }
    graph_path_free(&p);
    graph_path_free(&ref);
    ch_ws_destroy(ws);
    ch_destroy(h);
    graph_free(&g);
}

/* The graphs whose preprocessing takes longest (seconds; several times
 * that under the sanitizers) run when CORTO_TEST_ALL_ROADS is set;
 * bench/ch_bremen.sh checks every graph on 1,000 pairs as well. */
START_TEST(test_shared_road_graphs)
{
    shared_pairs("road/rome99.gr", 40, 31);
    shared_pairs("road/OL.cedge", 40, 32);
    shared_pairs("road/TG.cnode", 30, 33);
    shared_pairs("road/bremen_dist.gr.gz", 30, 35);
    if (getenv("CORTO_TEST_ALL_ROADS")) {
        shared_pairs("road/south_seattle_car.gr", 30, 34);
        shared_pairs("road/bremen_time.gr.gz", 30, 36);
    }
}
END_TEST

static Suite *ch_suite(void)
{
    Suite *s = suite_create("ch");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_random_small_graphs);
    tcase_add_test(tc, test_second_weights);
    tcase_add_test(tc, test_deterministic_and_arguments);
    tcase_add_test(tc, test_shared_road_graphs);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(ch_suite());
}
