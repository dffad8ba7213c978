/*
 * astar.c — A* search (Hart, Nilsson & Raphael 1968) on the road graph
 * with a consistent lower bound: scaled Euclidean distance when the graph
 * has coordinates, or ALT landmark bounds (Goldberg & Harrelson 2005,
 * "Computing the shortest path: A* search meets graph theory") from the
 * triangle inequality d(v,t) >= d(L,t) - d(L,v) and d(v,t) >= d(v,L) -
 * d(t,L). Both bounds are consistent, so a settled node is final.
 */
#include "graph.h"
#include "path_ws.h"
#include "rng.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ASTAR_MAX_LANDMARKS 32
/* Bounds are shrunk by this factor so rounding never makes them exceed
 * the true distance. */
#define ASTAR_SAFETY (1.0 - 1e-9)

/* Largest s with w(u,v) >= s * |uv| for every arc; 0 when some arc of
 * positive length has weight 0, INFINITY when no arc has length. */
static double astar_euclid_scale(const graph *g)
{
    double scale = INFINITY;
    for (int u = 0; u < g->n; u++)
        for (int64_t a = g->out_off[u]; a < g->out_off[u + 1]; a++) {
            int v = g->out_to[a];
            double d = hypot(g->x[u] - g->x[v], g->y[u] - g->y[v]);
            if (d > 0.0 && g->out_w[a] / d < scale)
                scale = g->out_w[a] / d;
        }
    return scale;
}

corto_status graph_alt_prepare(graph *g, int n_landmarks, uint64_t seed)
{
    corto_status rc = CORTO_OK;
    path_ws *ws = NULL;
    double *mind = NULL;
    if (!g || n_landmarks < 1 || n_landmarks > ASTAR_MAX_LANDMARKS)
        return CORTO_ERR_ARGUMENT;
    if (g->astar_kind == GRAPH_HEUR_ALT)
        return CORTO_OK;
    int n = g->n;
    if (n_landmarks > n)
        n_landmarks = n;
    free(g->lm_from);
    free(g->lm_to);
    g->lm_from = g->lm_to = NULL;
    CORTO_ALLOC(g->lm_from, (int64_t)n_landmarks * n);
    CORTO_ALLOC(g->lm_to, (int64_t)n_landmarks * n);
    CORTO_ALLOC(mind, n);
    CORTO_TRY(path_ws_create(&ws, n));

    /* Farthest selection: the first landmark is the node farthest from a
     * random start, each next one the node farthest (round trip) from the
     * landmarks chosen so far. */
    rng r;
    rng_seed(&r, seed);
    int start = (int)rng_below(&r, (uint64_t)n);
    CORTO_TRY(graph_sssp(mind, ws, g, start, 0));
    int next = start;
    for (int v = 0; v < n; v++)
        if (isfinite(mind[v]) && mind[v] > mind[next])
            next = v;
    for (int v = 0; v < n; v++)
        mind[v] = INFINITY;
    int chosen = 0;
    for (int l = 0; l < n_landmarks; l++) {
        double *from = g->lm_from + (int64_t)l * n;
        double *to = g->lm_to + (int64_t)l * n;
        CORTO_TRY(graph_sssp(from, ws, g, next, 0));
        CORTO_TRY(graph_sssp(to, ws, g, next, 1));
        chosen++;
        mind[next] = -1.0; /* never chosen twice */
        for (int v = 0; v < n; v++) {
            double round = from[v] + to[v];
            if (mind[v] >= 0.0 && round < mind[v])
                mind[v] = round;
        }
        int best = -1;
        for (int v = 0; v < n; v++)
            if (mind[v] >= 0.0 && isfinite(mind[v]) &&
                (best < 0 || mind[v] > mind[best]))
                best = v;
        if (best < 0)
            break; /* every node reachable both ways is a landmark */
        next = best;
    }
    g->n_landmarks = chosen;
    g->astar_kind = GRAPH_HEUR_ALT;

cleanup:
    path_ws_destroy(ws);
    free(mind);
    return rc;
}

corto_status graph_astar_prepare(graph *g, int n_landmarks, uint64_t seed)
{
    if (!g)
        return CORTO_ERR_ARGUMENT;
    if (g->astar_kind != GRAPH_HEUR_NONE)
        return CORTO_OK;
    if (g->x) {
        double scale = astar_euclid_scale(g);
        if (scale > 0.0 && isfinite(scale)) {
            g->euclid_scale = scale * ASTAR_SAFETY;
            g->astar_kind = GRAPH_HEUR_EUCLID;
            return CORTO_OK;
        }
    }
    return graph_alt_prepare(g, n_landmarks, seed);
}

/* What the bound needs about the target, computed once per query. */
typedef struct astar_target {
    const graph *g;
    int t;
    double from_t[ASTAR_MAX_LANDMARKS]; /* d(L, t) */
    double to_t[ASTAR_MAX_LANDMARKS];   /* d(t, L) */
} astar_target;

/* Lower bound on d(v, t) (a pws_bound_fn on an astar_target). */
static double astar_bound(const void *info, int v)
{
    const astar_target *tg = info;
    const graph *g = tg->g;
    if (g->astar_kind == GRAPH_HEUR_EUCLID)
        return g->euclid_scale *
               hypot(g->x[v] - g->x[tg->t], g->y[v] - g->y[tg->t]);
    double h = 0.0;
    int n = g->n;
    for (int l = 0; l < g->n_landmarks; l++) {
        double lv = g->lm_from[(int64_t)l * n + v];
        double vl = g->lm_to[(int64_t)l * n + v];
        /* Skipping a term with an infinite side keeps the bound valid. */
        if (isfinite(lv) && isfinite(tg->from_t[l]) && tg->from_t[l] - lv > h)
            h = tg->from_t[l] - lv;
        if (isfinite(vl) && isfinite(tg->to_t[l]) && vl - tg->to_t[l] > h)
            h = vl - tg->to_t[l];
    }
    return h * ASTAR_SAFETY;
}

corto_status graph_astar(graph_path *out, path_ws *ws, const graph *g, int s,
                         int t)
{
    if (!out || !g || !ws || ws->n != g->n || s < 0 || s >= g->n || t < 0 ||
        t >= g->n || g->astar_kind == GRAPH_HEUR_NONE)
        return CORTO_ERR_ARGUMENT;
    astar_target tg;
    tg.g = g;
    tg.t = t;
    for (int l = 0; l < g->n_landmarks && g->astar_kind == GRAPH_HEUR_ALT;
         l++) {
        tg.from_t[l] = g->lm_from[(int64_t)l * g->n + t];
        tg.to_t[l] = g->lm_to[(int64_t)l * g->n + t];
    }
    return pws_search(out, ws, g, s, t, astar_bound, &tg);
}
