/*
 * test_mis_search.c — the MIS local searches (heuristics/mis_search.h):
 *  - on a cycle, a complete bipartite graph (started from its smaller
 *    side), the Petersen graph and random graphs of up to 18 vertices,
 *    ILS and NuMVC return a set that is independent and maximal, checked
 *    from scratch on the edge list, of size alpha (by enumeration);
 *  - loops and repeated adjacency entries are ignored;
 *  - the same seed and iteration limit give the same set;
 *  - `corto qubo`'s MIS path through the API, with each --mis-search
 *    value, answers a feasible set of size alpha on a 9-cycle file.
 */
#include "context.h"
#include "corto.h"
#include "mis_search.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 64

typedef corto_status (*mis_fn)(unsigned char *, int, const int *, const int *,
                               solve_ctx *, int64_t *);

static const mis_fn searches[] = {mis_ils, mis_numvc};

/* A graph as an edge list and its symmetric CSR. */
typedef struct graph {
    int n, m;
    int eu[MAX_N * MAX_N], ev[MAX_N * MAX_N];
    int row[MAX_N + 1], col[2 * MAX_N * MAX_N];
} graph;

static void g_init(graph *g, int n)
{
    memset(g, 0, sizeof *g);
    g->n = n;
}

static void g_edge(graph *g, int u, int v)
{
    g->eu[g->m] = u;
    g->ev[g->m] = v;
    g->m++;
}

static void g_csr(graph *g)
{
    int fill[MAX_N];
    memset(g->row, 0, sizeof g->row);
    for (int e = 0; e < g->m; e++) {
        g->row[g->eu[e] + 1]++;
        g->row[g->ev[e] + 1]++;
    }
    for (int v = 0; v < g->n; v++)
        g->row[v + 1] += g->row[v];
    memcpy(fill, g->row, sizeof fill);
    for (int e = 0; e < g->m; e++) {
        g->col[fill[g->eu[e]]++] = g->ev[e];
        g->col[fill[g->ev[e]]++] = g->eu[e];
    }
}

/* Independence number by enumeration (n <= 20). */
static int alpha_brute(const graph *g)
{
    uint32_t adj[MAX_N] = {0};
    int best = 0;
    for (int e = 0; e < g->m; e++) {
        adj[g->eu[e]] |= 1u << g->ev[e];
        adj[g->ev[e]] |= 1u << g->eu[e];
    }
    for (uint32_t s = 0; s < (1u << g->n); s++) {
        int ok = 1, size = 0;
        for (int v = 0; ok && v < g->n; v++)
            if (s >> v & 1u) {
                ok = !(adj[v] & s);
                size++;
            }
        if (ok && size > best)
            best = size;
    }
    return best;
}

/* Size of x, after asserting it is independent and maximal from the
 * edge list alone. */
static int check_set(const graph *g, const unsigned char *x)
{
    int covered[MAX_N] = {0}, size = 0;
    for (int e = 0; e < g->m; e++) {
        int u = g->eu[e], v = g->ev[e];
        if (u == v)
            continue;
        ck_assert_msg(!(x[u] && x[v]), "edge %d-%d inside the set", u, v);
        covered[u] |= x[v];
        covered[v] |= x[u];
    }
    for (int v = 0; v < g->n; v++) {
        ck_assert_msg(x[v] || covered[v], "vertex %d could be added", v);
        size += x[v];
    }
    return size;
}

static void run(mis_fn f, unsigned char *x, const graph *g, uint64_t seed,
                int64_t iterations)
{
    corto_options o;
    solve_ctx ctx;
    corto_options_init(&o);
    o.time_limit = 0;
    o.iterations = iterations;
    o.seed = seed;
    ctx_init(&ctx, NULL, &o);
    ck_assert_int_eq(f(x, g->n, g->row, g->col, &ctx, NULL), CORTO_OK);
}

static graph g;

START_TEST(known_alpha)
{
    unsigned char x[MAX_N];
    mis_fn f = searches[_i];
    /* Cycle of 11: alpha 5. */
    g_init(&g, 11);
    for (int v = 0; v < 11; v++)
        g_edge(&g, v, (v + 1) % 11);
    g_csr(&g);
    memset(x, 0, sizeof x);
    run(f, x, &g, 1, 500);
    ck_assert_int_eq(check_set(&g, x), 5);
    /* K_{3,6} from the smaller side, a local optimum of (1,2)-swaps. */
    g_init(&g, 9);
    for (int a = 0; a < 3; a++)
        for (int b = 3; b < 9; b++)
            g_edge(&g, a, b);
    g_csr(&g);
    memset(x, 0, sizeof x);
    x[0] = x[1] = x[2] = 1;
    run(f, x, &g, 2, 500);
    ck_assert_int_eq(check_set(&g, x), 6);
    /* Petersen graph: alpha 4. */
    g_init(&g, 10);
    for (int v = 0; v < 5; v++) {
        g_edge(&g, v, (v + 1) % 5);
        g_edge(&g, v, v + 5);
        g_edge(&g, 5 + v, 5 + (v + 2) % 5);
    }
    g_csr(&g);
    memset(x, 1, sizeof x); /* conflicting start: dropped, then searched */
    run(f, x, &g, 3, 500);
    ck_assert_int_eq(check_set(&g, x), 4);
}
END_TEST

START_TEST(random_graphs_reach_alpha)
{
    unsigned char x[MAX_N];
    rng r;
    rng_seed(&r, 7);
    for (int t = 0; t < 12; t++) {
        int n = 8 + (int)rng_below(&r, 11);
        double p = 0.15 + 0.1 * (double)(t % 4);
        g_init(&g, n);
        for (int u = 0; u < n; u++)
            for (int v = u + 1; v < n; v++)
                if (rng_uniform(&r) < p)
                    g_edge(&g, u, v);
        g_csr(&g);
        int alpha = alpha_brute(&g);
        for (int k = 0; k < 2; k++) {
            memset(x, 0, sizeof x);
            run(searches[k], x, &g, (uint64_t)t, 2000);
            ck_assert_int_eq(check_set(&g, x), alpha);
        }
    }
}
END_TEST

START_TEST(loops_and_repeats_ignored)
{
    unsigned char x[MAX_N];
    /* Path 0-1-2-3-4 (alpha 3) with every edge twice and loops. */
    g_init(&g, 5);
    for (int v = 0; v < 4; v++) {
        g_edge(&g, v, v + 1);
        g_edge(&g, v + 1, v);
    }
    g_edge(&g, 2, 2);
    g_edge(&g, 4, 4);
    g_csr(&g);
    memset(x, 0, sizeof x);
    run(searches[_i], x, &g, 1, 300);
    ck_assert_int_eq(check_set(&g, x), 3);
}
END_TEST

START_TEST(same_seed_same_set)
{
    unsigned char a[MAX_N], b[MAX_N];
    rng r;
    rng_seed(&r, 11);
    g_init(&g, MAX_N);
    for (int u = 0; u < MAX_N; u++)
        for (int v = u + 1; v < MAX_N; v++)
            if (rng_uniform(&r) < 0.2)
                g_edge(&g, u, v);
    g_csr(&g);
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    run(searches[_i], a, &g, 5, 3000);
    run(searches[_i], b, &g, 5, 3000);
    ck_assert_mem_eq(a, b, MAX_N);
    check_set(&g, a);
}
END_TEST

START_TEST(qubo_mis_path)
{
    char path[512], text[256];
    int at = snprintf(text, sizeof text, "c 9-cycle\np edge 9 9\n");
    for (int v = 1; v <= 9; v++)
        at += snprintf(text + at, sizeof text - (size_t)at, "e %d %d\n", v,
                       v % 9 + 1);
    test_temp_file(path, sizeof path, ".mis", text);
    corto_qubo *q = NULL;
    ck_assert_int_eq(corto_qubo_read(&q, path, CORTO_QUBO_MIS, 1, NULL),
                     CORTO_OK);
    remove(path);
    const corto_qubo_mis_search kinds[] = {
        CORTO_QUBO_MIS_NONE, CORTO_QUBO_MIS_ILS, CORTO_QUBO_MIS_NUMVC};
    for (int k = 0; k < 3; k++) {
        corto_qubo_options o;
        corto_qubo_result *res = NULL;
        corto_qubo_options_init(&o);
        o.solver = CORTO_QUBO_TABU;
        o.time_limit = 0;
        o.iterations = 2000;
        o.mis_search = kinds[k];
        ck_assert_int_eq(corto_qubo_solve(&res, q, &o), CORTO_OK);
        ck_assert(corto_qubo_result_feasible(res));
        const int *val = corto_qubo_result_values(res);
        int size = 0;
        for (int v = 0; v < 9; v++) {
            ck_assert(!(val[v] && val[(v + 1) % 9]));
            size += val[v];
        }
        ck_assert_int_eq(size, 4);
        ck_assert_int_eq((int)corto_qubo_result_objective(res), 4);
        corto_qubo_result_destroy(res);
    }
    corto_qubo_destroy(q);
}
END_TEST

static Suite *mis_search_suite(void)
{
    Suite *s = suite_create("mis_search");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, known_alpha, 0, 2);
    tcase_add_test(tc, random_graphs_reach_alpha);
    tcase_add_loop_test(tc, loops_and_repeats_ignored, 0, 2);
    tcase_add_loop_test(tc, same_seed_same_set, 0, 2);
    tcase_add_test(tc, qubo_mis_path);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(mis_search_suite());
}
