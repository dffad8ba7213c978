/*
 * ch_bench.c — timings of contraction hierarchies on one road graph, for
 * bench/ch_bremen.sh: the preprocessing, Q random point-to-point queries
 * answered by igraph's Dijkstra and by the CH query (with path
 * unpacking; the lengths are compared), and a K x K many-to-many matrix
 * on K random nodes (a sample of entries checked against one-to-one CH
 * queries). Pairs and nodes come from a seeded RNG. Prints `key value`
 * lines; times are CPU seconds of this process, with wall seconds beside.
 *
 * usage: ch_bench GRAPH [QUERIES [MATRIX [SEED]]]
 */
#include "ch.h"
#include "graph.h"
#include "graph_read.h"
#include "rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double bench_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double bench_wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr,
                "usage: ch_bench GRAPH [QUERIES [MATRIX [SEED [SECOND]]]]\n");
        return 2;
    }
    int queries = argc > 2 ? atoi(argv[2]) : 1000;
    int k = argc > 3 ? atoi(argv[3]) : 1000;
    uint64_t seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
    corto_diag diag = {0};
    graph g;
    if (queries < 1 || k < 1 ||
        graph_read(&g, argv[1], NULL, &diag) != CORTO_OK) {
        fprintf(stderr, "ch_bench: %s\n",
                diag.message[0] ? diag.message : "bad arguments");
        return 2;
    }
    printf("nodes %d\narcs %lld\nseed %llu\n", g.n, (long long)g.m,
           (unsigned long long)seed);
    double *w2 = NULL;
    if (argc > 5 &&
        graph_read_second(&w2, &g, argv[1], argv[5], &diag) != CORTO_OK) {
        fprintf(stderr, "ch_bench: %s\n", diag.message);
        return 2;
    }

    ch *h = NULL;
    ch_ws *ws = NULL;
    double c0 = bench_cpu(), w0 = bench_wall();
    if (ch_build(&h, &g, w2, NULL) != CORTO_OK ||
        ch_ws_create(&ws, h) != CORTO_OK) {
        fprintf(stderr, "ch_bench: preprocessing failed\n");
        return 3;
    }
    printf("prep_cpu_s %.3f\nprep_wall_s %.3f\nshortcuts %lld\n",
           bench_cpu() - c0, bench_wall() - w0, (long long)ch_shortcuts(h));

    rng r;
    rng_seed(&r, seed);
    int *qs = malloc((size_t)queries * 2 * sizeof *qs);
    double *ref = malloc((size_t)queries * sizeof *ref);
    double *got = malloc((size_t)queries * sizeof *got);
    int *pts = malloc((size_t)k * sizeof *pts);
    double *mat = malloc((size_t)k * (size_t)k * sizeof *mat);
    double *mat2 = w2 ? malloc((size_t)k * (size_t)k * sizeof *mat2) : NULL;
    if (!qs || !ref || !got || !pts || !mat || (w2 && !mat2))
        return 3;
    for (int q = 0; q < 2 * queries; q++)
        qs[q] = (int)rng_below(&r, (uint64_t)g.n);
    graph_path p = {0};
    c0 = bench_cpu();
    w0 = bench_wall();
    for (int q = 0; q < queries; q++) {
        if (graph_igraph_dijkstra(&p, &g, qs[2 * q], qs[2 * q + 1], &diag) !=
            CORTO_OK)
            return 3;
        ref[q] = p.reachable ? p.length : INFINITY;
    }
    double ig_cpu = bench_cpu() - c0, ig_wall = bench_wall() - w0;
    int64_t settled = 0;
    c0 = bench_cpu();
    w0 = bench_wall();
    for (int q = 0; q < queries; q++) {
        if (ch_query(&p, NULL, ws, h, qs[2 * q], qs[2 * q + 1]) != CORTO_OK)
            return 3;
        settled += p.settled;
        got[q] = p.reachable ? p.length : INFINITY;
    }
    double ch_cpu = bench_cpu() - c0, ch_wall = bench_wall() - w0;
    int wrong = 0, unreachable = 0;
    /* Equal up to summation order (a relative 1e-9; exact for integer
     * weights). */
    for (int q = 0; q < queries; q++) {
        if (isinf(ref[q]) && isinf(got[q]))
            unreachable++;
        else if (!(fabs(got[q] - ref[q]) <= 1e-9 * fmax(1.0, ref[q])))
            wrong++;
    }
    printf("queries %d\nunreachable_pairs %d\nwrong_lengths %d\n", queries,
           unreachable, wrong);
    printf("igraph_mean_us %.1f\nigraph_mean_wall_us %.1f\n",
           1e6 * ig_cpu / queries, 1e6 * ig_wall / queries);
    printf("ch_mean_us %.2f\nch_mean_wall_us %.2f\nch_mean_settled %.1f\n",
           1e6 * ch_cpu / queries, 1e6 * ch_wall / queries,
           (double)settled / queries);
    printf("speedup %.0f\n", ig_cpu / ch_cpu);

    /* The same over the connected pairs only (an unreachable pair costs
     * igraph a search of all it can reach). */
    int n_conn = 0;
    for (int q = 0; q < queries; q++) {
        if (!isfinite(ref[q]))
            continue;
        qs[2 * n_conn] = qs[2 * q];
        qs[2 * n_conn + 1] = qs[2 * q + 1];
        n_conn++;
    }
    if (n_conn > 0) {
        c0 = bench_cpu();
        for (int q = 0; q < n_conn; q++)
            if (graph_igraph_dijkstra(&p, &g, qs[2 * q], qs[2 * q + 1],
                                      &diag) != CORTO_OK)
                return 3;
        ig_cpu = bench_cpu() - c0;
        c0 = bench_cpu();
        for (int q = 0; q < n_conn; q++)
            if (ch_query(&p, NULL, ws, h, qs[2 * q], qs[2 * q + 1]) !=
                CORTO_OK)
                return 3;
        ch_cpu = bench_cpu() - c0;
        printf("connected_pairs %d\nconn_igraph_mean_us %.1f\n"
               "conn_ch_mean_us %.2f\nconn_speedup %.0f\n",
               n_conn, 1e6 * ig_cpu / n_conn, 1e6 * ch_cpu / n_conn,
               ig_cpu / ch_cpu);
    }

    for (int i = 0; i < k; i++)
        pts[i] = (int)rng_below(&r, (uint64_t)g.n);
    c0 = bench_cpu();
    w0 = bench_wall();
    if (ch_many_to_many(mat, mat2, NULL, ws, h, pts, k, pts, k) != CORTO_OK)
        return 3;
    printf("matrix %d\nmatrix_weights %d\nmatrix_cpu_s %.3f\n"
           "matrix_wall_s %.3f\n",
           k, w2 ? 2 : 1, bench_cpu() - c0, bench_wall() - w0);
    int m_wrong = 0;
    for (int q = 0; q < 200; q++) {
        int i = (int)rng_below(&r, (uint64_t)k),
            j = (int)rng_below(&r, (uint64_t)k);
        if (ch_query(&p, NULL, ws, h, pts[i], pts[j]) != CORTO_OK)
            return 3;
        double want = p.reachable ? p.length : INFINITY;
        double have = mat[(int64_t)i * k + j];
        m_wrong +=
            !(have == want || fabs(have - want) <= 1e-9 * fmax(1.0, want));
    }
    printf("matrix_checked 200\nmatrix_wrong %d\n", m_wrong);
    graph_path_free(&p);
    free(qs);
    free(ref);
    free(got);
    free(pts);
    free(mat);
    free(mat2);
    free(w2);
    ch_ws_destroy(ws);
    ch_destroy(h);
    graph_free(&g);
    return wrong || m_wrong ? 1 : 0;
}
