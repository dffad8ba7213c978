/*
 * mis_numvc.c — maximum independent set as the complement of a minimum
 * vertex cover found by NuMVC (Cai, Su, Luo & Sattar 2013, "NuMVC: an
 * efficient local search algorithm for minimum vertex cover", J. Artif.
 * Intell. Res. 46:687-716).
 *
 * Implementation details:
 *  - C is a candidate cover; every edge has a weight (start 1) and every
 *    vertex a dscore: for v in C minus the weight of the edges only v
 *    covers (the loss of removing v), for v outside C the weight of its
 *    uncovered edges (the gain of adding v);
 *  - whenever C covers every edge it is recorded (its complement is an
 *    independent set) and the vertex of highest dscore leaves C, so the
 *    search then looks for a cover one smaller;
 *  - each step is NuMVC's two-stage exchange: the vertex of C with the
 *    highest dscore leaves (ties: the oldest), then one end of a random
 *    uncovered edge enters, the one of higher dscore among those allowed
 *    by configuration checking (a vertex may re-enter only after one of
 *    its neighbours changed state); the weight of every uncovered edge
 *    then rises by one, and when the mean weight reaches gamma = n / 2
 *    every weight becomes floor(rho w), rho = 0.3 (forgetting).
 */
#include "mis_search.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Forgetting: mean edge weight that triggers it, as a share of n, and the
 * factor applied then (NuMVC's gamma = 0.5 |V|, rho = 0.3). */
#define NUMVC_GAMMA_SHARE 0.5
#define NUMVC_RHO         0.3

typedef struct numvc {
    mis_graph g; /* cleaned adjacency */
    int m;
    int *eid;     /* edge id of each adjacency entry */
    int *eu, *ev; /* edge ends */
    int64_t *w;   /* edge weights */
    int64_t wsum;
    int64_t *dscore;
    unsigned char *in_c, *conf;
    int64_t *age;
    mis_set cov; /* the cover C */
    mis_set unc; /* uncovered edges */
} numvc;

static void numvc_add(numvc *s, int v, int64_t step)
{
    s->in_c[v] = 1;
    s->dscore[v] = -s->dscore[v];
    s->age[v] = step;
    mis_set_add(&s->cov, v);
    for (int k = s->g.row[v]; k < s->g.row[v + 1]; k++) {
        int u = s->g.col[k], e = s->eid[k];
        s->conf[u] = 1;
        if (s->in_c[u]) {
            s->dscore[u] += s->w[e];
        } else {
            s->dscore[u] -= s->w[e];
            mis_set_del(&s->unc, e);
        }
    }
}

static void numvc_remove(numvc *s, int v, int64_t step)
{
    s->in_c[v] = 0;
    s->dscore[v] = -s->dscore[v];
    s->age[v] = step;
    s->conf[v] = 0;
    mis_set_del(&s->cov, v);
    for (int k = s->g.row[v]; k < s->g.row[v + 1]; k++) {
        int u = s->g.col[k], e = s->eid[k];
        s->conf[u] = 1;
        if (s->in_c[u]) {
            s->dscore[u] -= s->w[e];
        } else {
            s->dscore[u] += s->w[e];
            mis_set_add(&s->unc, e);
        }
    }
}

/* The vertex of C with the highest dscore, the oldest among ties. */
static int numvc_best_in_cover(const numvc *s)
{
    int best = s->cov.item[0];
    for (int i = 1; i < s->cov.size; i++) {
        int v = s->cov.item[i];
        if (s->dscore[v] > s->dscore[best] ||
            (s->dscore[v] == s->dscore[best] && s->age[v] < s->age[best]))
            best = v;
    }
    return best;
}

/* Forgetting: scale every weight by rho and recompute the dscores. */
static void numvc_forget(numvc *s)
{
    s->wsum = 0;
    memset(s->dscore, 0, (size_t)s->g.n * sizeof *s->dscore);
    for (int e = 0; e < s->m; e++) {
        s->w[e] = (int64_t)((double)s->w[e] * NUMVC_RHO);
        s->wsum += s->w[e];
        int a = s->eu[e], b = s->ev[e];
        if (s->in_c[a] && !s->in_c[b])
            s->dscore[a] -= s->w[e];
        else if (s->in_c[b] && !s->in_c[a])
            s->dscore[b] -= s->w[e];
        else if (!s->in_c[a] && !s->in_c[b]) {
            s->dscore[a] += s->w[e];
            s->dscore[b] += s->w[e];
        }
    }
}

/* Build the edge list and edge ids of the (cleaned) adjacency. */
static corto_status numvc_edges(numvc *s)
{
    corto_status rc = CORTO_OK;
    int n = s->g.n;
    int *first = NULL;
    s->m = s->g.row[n] / 2;
    CORTO_ALLOC(s->eid, s->g.row[n]);
    CORTO_ALLOC(s->eu, s->m);
    CORTO_ALLOC(s->ev, s->m);
    CORTO_ALLOC(first, n); /* next unmatched entry of each row */
    for (int v = 0; v < n; v++)
        first[v] = s->g.row[v];
    int e = 0;
    /* Rows are sorted: entry (v, u), u > v, meets (u, v) at first[u]. */
    for (int v = 0; v < n; v++)
        for (int k = s->g.row[v]; k < s->g.row[v + 1]; k++) {
            int u = s->g.col[k];
            if (u < v)
                continue;
            s->eu[e] = v;
            s->ev[e] = u;
            s->eid[k] = e;
            s->eid[first[u]++] = e;
            e++;
        }
cleanup:
    free(first);
    return rc;
}

corto_status mis_numvc(unsigned char *x, int n, const int *row, const int *col,
                       solve_ctx *ctx, int64_t *steps)
{
    corto_status rc = CORTO_OK;
    numvc s;
    unsigned char *best = NULL;
    memset(&s, 0, sizeof s);
    CORTO_TRY(mis_search_begin(&s.g, steps, x, n, row, col));
    if (n == 0)
        goto cleanup;
    CORTO_TRY(numvc_edges(&s));
    CORTO_ALLOC(s.w, s.m);
    CORTO_ALLOC(s.dscore, n);
    CORTO_ALLOC(s.in_c, n);
    CORTO_ALLOC(s.conf, n);
    CORTO_ALLOC(s.age, n);
    CORTO_TRY(mis_set_init(&s.cov, n));
    CORTO_TRY(mis_set_init(&s.unc, s.m));
    CORTO_ALLOC(best, n);
    /* Start: every edge uncovered with weight 1, then C = V \ S for the
     * independent part S of x (kept in index order), i.e. a cover. */
    for (int e = 0; e < s.m; e++) {
        s.w[e] = 1;
        mis_set_add(&s.unc, e);
        s.dscore[s.eu[e]]++;
        s.dscore[s.ev[e]]++;
    }
    s.wsum = s.m;
    for (int v = 0; v < n; v++) {
        s.conf[v] = 1;
        best[v] = x[v];
        for (int k = s.g.row[v]; best[v] && k < s.g.row[v + 1]; k++)
            if (s.g.col[k] < v && best[s.g.col[k]])
                best[v] = 0;
    }
    for (int v = 0; v < n; v++)
        if (!best[v])
            numvc_add(&s, v, 0);
    int limited = ctx->deadline > 0 || ctx->opt->iterations > 0;
    int64_t cap = limited ? INT64_MAX : 1000 * ((int64_t)n + 100);
    int64_t step = 1;
    for (; step <= cap && s.cov.size > 0; step++) {
        if ((ctx->opt->iterations > 0 || (step & 15) == 0) &&
            ctx_should_stop(ctx))
            break;
        if (s.unc.size == 0) { /* a cover: record it, then aim one smaller */
            for (int v = 0; v < n; v++)
                best[v] = !s.in_c[v];
            ctx_new_best(ctx, s.cov.size);
            numvc_remove(&s, numvc_best_in_cover(&s), step);
            continue;
        }
        int u = numvc_best_in_cover(&s);
        numvc_remove(&s, u, step);
        int e = s.unc.item[rng_below(&ctx->rng, (uint64_t)s.unc.size)];
        int a = s.eu[e], b = s.ev[e], v;
        if (!s.conf[a])
            v = b;
        else if (!s.conf[b])
            v = a;
        else if (s.dscore[a] != s.dscore[b])
            v = s.dscore[a] > s.dscore[b] ? a : b;
        else
            v = s.age[a] <= s.age[b] ? a : b;
        numvc_add(&s, v, step);
        for (int i = 0; i < s.unc.size; i++) {
            int f = s.unc.item[i];
            s.w[f]++;
            s.dscore[s.eu[f]]++;
            s.dscore[s.ev[f]]++;
        }
        s.wsum += s.unc.size;
        if ((double)s.wsum >= NUMVC_GAMMA_SHARE * n * (double)s.m)
            numvc_forget(&s);
        ctx->iteration++;
    }
    if (steps)
        *steps = step - 1;
    if (s.unc.size == 0) /* a last cover the loop stopped on is the best */
        for (int v = 0; v < n; v++)
            best[v] = !s.in_c[v];
    memcpy(x, best, (size_t)n);
    mis_make_maximal(x, &s.g);
cleanup:
    free(s.eid);
    free(s.eu);
    free(s.ev);
    free(s.w);
    free(s.dscore);
    free(s.in_c);
    free(s.conf);
    free(s.age);
    mis_set_free(&s.cov);
    mis_set_free(&s.unc);
    free(best);
    mis_graph_free(&s.g);
    return rc;
}
