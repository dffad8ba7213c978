/*
 * qubo_swap.c — tabu search over permutation-preserving moves on a
 * one-hot QUBO (QAP / TSP, x[i*n + k] = 1 when facility i is at location
 * k): a move exchanges the locations of two facilities, i.e. flips four
 * variables at once, so the search never leaves the feasible permutations
 * (the "XY mixer" idea of constraint-preserving moves). The energy change
 * of the four flips comes from the QUBO's local fields plus the six pair
 * weights between them:
 *     dE = sum_f s_f h_f + sum_{f<g} s_f s_g w_fg,  s = +1 (0->1), -1.
 * Tabu rule and aspiration as in Taillard's robust tabu search (1991):
 * a facility may not return to a location it left within the tenure,
 * unless the move gives a new best; after 100 n moves without a new best
 * the search restarts from the best permutation with n/4 + 2 random
 * swaps (a simple diversification in place of RoTS's long-term rule).
 * The pair weights are copied into a
 * dense n^2 x n^2 matrix (20 MB for n = 40, 800 MB for n = 100) so that a move
 * is priced with ten loads.
 */
#include "qubo_search.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* dE of moving r: a -> b and s: b -> a; w is the dense pair matrix. */
static double swap_delta(const double *w, const double *h, int n, int r, int s,
                         int a, int b)
{
    size_t nn = (size_t)n * n;
    size_t off0 = (size_t)r * n + a, off1 = (size_t)s * n + b;
    size_t on0 = (size_t)r * n + b, on1 = (size_t)s * n + a;
    return h[on0] + h[on1] - h[off0] - h[off1] + w[off0 * nn + off1] +
           w[on0 * nn + on1] - w[off0 * nn + on0] - w[off0 * nn + on1] -
           w[off1 * nn + on0] - w[off1 * nn + on1];
}

corto_status qubo_swap_tabu(int *best_perm, double *best_e, const qubo *q,
                            int n, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    unsigned char *x = NULL;
    double *h = NULL;
    int *perm = NULL;
    int64_t *until = NULL; /* n*n: facility i may not go back to k */
    double *w = NULL;      /* n^2 x n^2 pair weights, dense for speed */
    int limited = ctx->deadline > 0 || ctx->opt->iterations > 0;
    int64_t cap = limited ? INT64_MAX : 100 * ((int64_t)n * n + 100);
    if (n < 2 || q->n != n * n)
        return CORTO_ERR_ARGUMENT;
    CORTO_ALLOC(x, q->n);
    CORTO_ALLOC(h, q->n);
    CORTO_ALLOC(perm, n);
    CORTO_ALLOC(until, (size_t)n * n);
    CORTO_ALLOC(w, (size_t)q->n * q->n);
    for (int i = 0; i < q->n; i++)
        for (int k = q->row[i]; k < q->row[i + 1]; k++)
            w[(size_t)i * q->n + q->col[k]] = q->w[k];
    /* A random permutation to start from. */
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(&ctx->rng, (uint64_t)i + 1), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (int i = 0; i < n; i++)
        x[i * n + perm[i]] = 1;
    qubo_fields(q, x, h);
    double e = qubo_energy(q, x);
    *best_e = e;
    memcpy(best_perm, perm, (size_t)n * sizeof *perm);
    int64_t stall = 0;
    for (int64_t it = 0; it < cap && !ctx_should_stop(ctx); it++) {
        double eps = 1e-9 * (1.0 + fabs(*best_e)), pick_d = INFINITY;
        int pr = -1, ps = -1, ties = 0;
        for (int r = 0; r < n; r++)
            for (int s = r + 1; s < n; s++) {
                int a = perm[r], b = perm[s];
                double d = swap_delta(w, h, n, r, s, a, b);
                int tabu = until[r * n + b] > it && until[s * n + a] > it;
                if (tabu && e + d >= *best_e - eps)
                    continue;
                if (d < pick_d - eps) {
                    pick_d = d;
                    pr = r;
                    ps = s;
                    ties = 1;
                } else if (d <= pick_d + eps &&
                           rng_below(&ctx->rng, (uint64_t)++ties) == 0) {
                    pr = r;
                    ps = s;
                }
            }
        if (pr < 0) { /* every move tabu: a random one */
            pr = (int)rng_below(&ctx->rng, (uint64_t)n);
            ps = (pr + 1 + (int)rng_below(&ctx->rng, (uint64_t)n - 1)) % n;
        }
        int a = perm[pr], b = perm[ps];
        e += swap_delta(w, h, n, pr, ps, a, b);
        qubo_flip(q, x, h, pr * n + a);
        qubo_flip(q, x, h, ps * n + b);
        qubo_flip(q, x, h, pr * n + b);
        qubo_flip(q, x, h, ps * n + a);
        perm[pr] = b;
        perm[ps] = a;
        int64_t tenure =
            9 * n / 10 + (int64_t)rng_below(&ctx->rng, (uint64_t)n / 5 + 1);
        until[pr * n + a] = it + 1 + tenure;
        until[ps * n + b] = it + 1 + tenure;
        ctx->iteration++;
        if (e < *best_e - eps) {
            *best_e = e;
            memcpy(best_perm, perm, (size_t)n * sizeof *perm);
            stall = 0;
        } else if (++stall >= 100 * (int64_t)n) {
            /* Diversify: the best permutation with n/4 + 2 random swaps. */
            memcpy(perm, best_perm, (size_t)n * sizeof *perm);
            for (int k = 0; k < n / 4 + 2; k++) {
                int i = (int)rng_below(&ctx->rng, (uint64_t)n);
                int j = (int)rng_below(&ctx->rng, (uint64_t)n), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            memset(x, 0, (size_t)q->n);
            for (int i = 0; i < n; i++)
                x[i * n + perm[i]] = 1;
            qubo_fields(q, x, h);
            e = qubo_energy(q, x);
            memset(until, 0, (size_t)n * n * sizeof *until);
            stall = 0;
        }
    }
    memset(x, 0, (size_t)q->n);
    for (int i = 0; i < n; i++)
        x[i * n + best_perm[i]] = 1;
    *best_e = qubo_energy(q, x);
cleanup:
    free(x);
    free(h);
    free(perm);
    free(until);
    free(w);
    return rc;
}
