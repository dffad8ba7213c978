/*
 * nn_road.c — CVRPs on the nodes of a road graph (see nn_road.h). The
 * drawable nodes are the strongly connected part around a hub, found with
 * two many-to-many passes of the contraction hierarchy (hub to all, all
 * to hub); an instance's matrix is one more many-to-many pass among its
 * n + 1 nodes, scaled so the mean distance is NN_ROAD_MEAN (a graph's
 * unit, metres or seconds or tenths, then does not matter).
 */
#include "nn_road.h"
#include "nn_gen.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NN_ROAD_MEAN 1000.0
#define NN_ROAD_HUBS 4

void nn_road_free(nn_road *rd)
{
    ch_ws_destroy(rd->ws);
    ch_destroy(rd->h);
    free(rd->nodes);
    memset(rd, 0, sizeof *rd);
}

/* The nodes that reach `hub` and that it reaches, into set; their count. */
static corto_status nn_road_component(int *set, int *count, nn_road *rd,
                                      const int *all, int n, int hub,
                                      double *dist, unsigned char *to,
                                      unsigned char *from)
{
    corto_status rc = CORTO_OK;
    CORTO_TRY(ch_many_to_many(dist, NULL, to, rd->ws, rd->h, &hub, 1, all, n));
    CORTO_TRY(
        ch_many_to_many(dist, NULL, from, rd->ws, rd->h, all, n, &hub, 1));
    *count = 0;
    for (int v = 0; v < n; v++)
        if (to[v] && from[v])
            set[(*count)++] = v;
cleanup:
    return rc;
}

corto_status nn_road_init(nn_road *rd, const graph *g, const char *name)
{
    corto_status rc = CORTO_OK;
    int *all = NULL, *set = NULL;
    double *dist = NULL;
    unsigned char *to = NULL, *from = NULL;
    memset(rd, 0, sizeof *rd);
    if (!g || g->n < 3)
        return CORTO_ERR_ARGUMENT;
    int n = g->n;
    snprintf(rd->name, sizeof rd->name, "%s", name ? name : "road");
    CORTO_TRY(ch_build(&rd->h, g, NULL, NULL));
    CORTO_TRY(ch_ws_create(&rd->ws, rd->h));
    CORTO_ALLOC(all, n);
    CORTO_ALLOC(set, n);
    CORTO_ALLOC(rd->nodes, n);
    CORTO_ALLOC(dist, n);
    CORTO_ALLOC(to, n);
    CORTO_ALLOC(from, n);
    for (int v = 0; v < n; v++)
        all[v] = v;
    /* hubs spread over the node numbering; the largest part is kept */
    for (int k = 0; k < NN_ROAD_HUBS && 2 * rd->n_nodes <= n; k++) {
        int hub = (int)((int64_t)n * k / NN_ROAD_HUBS), count = 0;
        CORTO_TRY(
            nn_road_component(set, &count, rd, all, n, hub, dist, to, from));
        if (count > rd->n_nodes) {
            memcpy(rd->nodes, set, (size_t)count * sizeof *set);
            rd->n_nodes = count;
        }
    }
    if (rd->n_nodes < 3)
        rc = CORTO_ERR_ARGUMENT;
cleanup:
    free(all);
    free(set);
    free(dist);
    free(to);
    free(from);
    if (rc != CORTO_OK)
        nn_road_free(rd);
    return rc;
}

corto_status nn_road_cvrp(corto_problem **out, const nn_road *rd,
                          int n_clients, rng *r)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    int *pick = NULL, *pool = NULL;
    double *dist = NULL;
    int64_t *mat = NULL;
    if (!out || !rd || n_clients < 1 || n_clients >= rd->n_nodes)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    int n = n_clients + 1;
    CORTO_ALLOC(pick, n);
    CORTO_ALLOC(pool, rd->n_nodes);
    CORTO_ALLOC(dist, (size_t)n * (size_t)n);
    CORTO_ALLOC(mat, (size_t)n * (size_t)n);
    /* n distinct nodes: a partial Fisher-Yates shuffle of the pool */
    memcpy(pool, rd->nodes, (size_t)rd->n_nodes * sizeof *pool);
    for (int k = 0; k < n; k++) {
        int j = k + (int)rng_below(r, (uint64_t)(rd->n_nodes - k));
        int t = pool[k];
        pool[k] = pool[j];
        pool[j] = t;
        pick[k] = pool[k];
    }
    CORTO_TRY(
        ch_many_to_many(dist, NULL, NULL, rd->ws, rd->h, pick, n, pick, n));
    double sum = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j)
                sum += dist[(size_t)i * n + j];
    double f = sum > 0 ? NN_ROAD_MEAN * n * (n - 1) / sum : 1;
    for (size_t k = 0; k < (size_t)n * (size_t)n; k++)
        mat[k] = (int64_t)llround(dist[k] * f);
    CORTO_TRY(corto_problem_create(&p, n, 1));
    CORTO_TRY(corto_problem_set_distances(p, 0, mat));
    for (int i = 1; i < n; i++) {
        int64_t q = 1 + (int64_t)rng_below(r, 9);
        CORTO_TRY(corto_problem_set_demand(p, i, &q));
    }
    CORTO_TRY(nn_gen_finish(p, n_clients, rd->name));
    *out = p;
    p = NULL;
cleanup:
    free(pick);
    free(pool);
    free(dist);
    free(mat);
    corto_problem_destroy(p);
    return rc;
}
