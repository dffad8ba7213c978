/*
 * tsp_onetree.c — Held-Karp lower bound (see tsp_onetree.h).
 *
 * Held & Karp 1971, "The traveling-salesman problem and minimum spanning
 * trees: part II", Math. Prog. 1: a 1-tree (a spanning tree on nodes
 * 1..n-1 plus the two cheapest edges at node 0) under weights c_ij + pi_i
 * + pi_j, less 2 sum(pi), is a lower bound on every tour for any pi; the
 * subgradient deg_i - 2 moves pi towards 1-trees that are tours. Step
 * t = lambda (U - w) / |g|^2 with U a known tour weight (Polyak's rule),
 * lambda halved after a stretch of steps without a better bound, as in
 * Volgenant & Jonker 1982, "A branch and bound algorithm for the
 * symmetric traveling salesman problem based on the 1-tree relaxation",
 * EJOR 9(1). The spanning tree is Prim's on the dense weights.
 */
#include "tsp_onetree.h"
#include "util.h"

#include <math.h>

/* Steps without a better bound before lambda is halved, and the smallest
 * lambda worth a step. */
#define ONETREE_PATIENCE   20
#define ONETREE_MIN_LAMBDA 1e-5

/* The 1-tree under penalties pi: its penalised weight less 2 sum(pi);
 * the degree of every node into deg. */
static double onetree_once(const tsp_view *v, const double *pi, double *key,
                           int *parent, unsigned char *in, int *deg)
{
    int n = v->n;
    double len = 0.0, sum_pi = 0.0;
    for (int i = 0; i < n; i++) {
        key[i] = HUGE_VAL;
        in[i] = 0;
        deg[i] = 0;
        parent[i] = -1;
        sum_pi += pi[i];
    }
    key[1] = 0.0;
    for (int k = 1; k < n; k++) {
        int u = -1;
        for (int i = 1; i < n; i++)
            if (!in[i] && (u < 0 || key[i] < key[u]))
                u = i;
        in[u] = 1;
        len += key[u];
        if (parent[u] >= 0) {
            deg[u]++;
            deg[parent[u]]++;
        }
        for (int j = 1; j < n; j++) {
            if (in[j])
                continue;
            double c = (double)tsp_w(v, u, j) + pi[u] + pi[j];
            if (c < key[j]) {
                key[j] = c;
                parent[j] = u;
            }
        }
    }
    /* The two cheapest edges at node 0. */
    int a = -1, b = -1;
    double ca = HUGE_VAL, cb = HUGE_VAL;
    for (int j = 1; j < n; j++) {
        double c = (double)tsp_w(v, 0, j) + pi[0] + pi[j];
        if (c < ca) {
            b = a;
            cb = ca;
            a = j;
            ca = c;
        } else if (c < cb) {
            b = j;
            cb = c;
        }
    }
    deg[0] = 2;
    deg[a]++;
    deg[b]++;
    return len + ca + cb - 2.0 * sum_pi;
}

corto_status tsp_onetree_bound(const tsp_view *v, int64_t upper, int max_steps,
                               solve_ctx *ctx, int64_t *bound)
{
    corto_status rc = CORTO_OK;
    int n = v->n;
    double *pi = NULL, *key = NULL;
    int *parent = NULL, *deg = NULL;
    unsigned char *in = NULL;
    *bound = INT64_MIN;
    if (n < 3)
        return CORTO_OK;
    CORTO_ALLOC(pi, n);
    CORTO_ALLOC(key, n);
    CORTO_ALLOC(parent, n);
    CORTO_ALLOC(deg, n);
    CORTO_ALLOC(in, n);
    double best = -HUGE_VAL, lambda = 2.0;
    int since = 0;
    for (int step = 0; step < max_steps; step++) {
        if (step > 0 && ctx_should_stop(ctx))
            break;
        double w = onetree_once(v, pi, key, parent, in, deg);
        if (w > best + 1e-9) {
            best = w;
            since = 0;
        } else if (++since >= ONETREE_PATIENCE) {
            lambda *= 0.5;
            since = 0;
        }
        double norm = 0.0;
        for (int i = 0; i < n; i++)
            norm += (double)(deg[i] - 2) * (double)(deg[i] - 2);
        /* A 1-tree with all degrees 2 is a tour: its weight is optimal. */
        if (norm == 0.0 || lambda < ONETREE_MIN_LAMBDA || w >= (double)upper)
            break;
        double t = lambda * ((double)upper - w) / norm;
        for (int i = 0; i < n; i++)
            pi[i] += t * (double)(deg[i] - 2);
    }
    if (best > -HUGE_VAL)
        *bound = (int64_t)ceil(best - 1e-6 * fmax(1.0, fabs(best)));
cleanup:
    free(pi);
    free(key);
    free(parent);
    free(deg);
    free(in);
    return rc;
}
