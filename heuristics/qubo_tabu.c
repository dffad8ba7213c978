/*
 * qubo_tabu.c — 1-flip tabu search for QUBOs, following the simple
 * one-flip tabu of Glover, Lü & Hao (2010, "Diversification-driven tabu
 * search for unconstrained binary quadratic problems", 4OR 8:239-253)
 * without its elite pool: incremental flip deltas, a randomised tenure,
 * aspiration by the best energy, and perturbed restarts from the best
 * state when the search stalls.
 */
#include "qubo_search.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Improvements smaller than this (relative) count as ties. */
#define TABU_EPS 1e-9

corto_status qubo_tabu(unsigned char *best, double *best_e, const qubo *q,
                       solve_ctx *ctx, const unsigned char *start)
{
    corto_status rc = CORTO_OK;
    int n = q->n;
    unsigned char *x = NULL;
    double *h = NULL;
    int64_t *until = NULL;
    int limited = ctx->deadline > 0 || ctx->opt->iterations > 0;
    int64_t cap = limited ? INT64_MAX : 100 * ((int64_t)n + 100);
    int64_t stall_limit = 20 * (int64_t)n + 1000;
    CORTO_ALLOC(x, n);
    CORTO_ALLOC(h, n);
    CORTO_ALLOC(until, n);
    for (int i = 0; i < n; i++)
        x[i] = start ? start[i] : (unsigned char)rng_below(&ctx->rng, 2);
    qubo_fields(q, x, h);
    double e = qubo_energy(q, x);
    *best_e = e;
    memcpy(best, x, (size_t)n);
    double run_best = e;
    int64_t stall = 0;
    for (int64_t it = 0; it < cap && !ctx_should_stop(ctx); it++) {
        double eps = TABU_EPS * (1.0 + fabs(*best_e));
        int pick = -1, ties = 0;
        double pick_d = INFINITY;
        for (int i = 0; i < n; i++) {
            double d = qubo_delta(x[i], h[i]);
            if (until[i] > it && e + d >= *best_e - eps)
                continue; /* tabu and not aspirated */
            if (d < pick_d - eps) {
                pick = i;
                pick_d = d;
                ties = 1;
            } else if (d <= pick_d + eps &&
                       rng_below(&ctx->rng, (uint64_t)++ties) == 0) {
                pick = i;
            }
        }
        if (pick < 0)
            pick = (int)rng_below(&ctx->rng, (uint64_t)n);
        e += qubo_delta(x[pick], h[pick]);
        qubo_flip(q, x, h, pick);
        int64_t tenure = n / 100 + 1 + (int64_t)rng_below(&ctx->rng, 10);
        if (tenure > n / 2)
            tenure = n / 2;
        until[pick] = it + 1 + tenure;
        ctx->iteration++;
        if (e < *best_e - eps) {
            *best_e = e;
            memcpy(best, x, (size_t)n);
            ctx_new_best(ctx, (int64_t)floor(e));
        }
        if (e < run_best - eps) {
            run_best = e;
            stall = 0;
        } else if (++stall >= stall_limit) {
            /* Restart from the best state, a tenth of it flipped. */
            memcpy(x, best, (size_t)n);
            for (int k = 0; k < n / 10 + 2 && n > 0; k++) {
                int i = (int)rng_below(&ctx->rng, (uint64_t)n);
                x[i] ^= 1;
            }
            qubo_fields(q, x, h);
            e = run_best = qubo_energy(q, x);
            memset(until, 0, (size_t)n * sizeof *until);
            stall = 0;
        }
    }
    /* The running energy drifts with real weights: report it exactly. */
    *best_e = qubo_energy(q, best);
cleanup:
    free(x);
    free(h);
    free(until);
    return rc;
}
