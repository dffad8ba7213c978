/*
 * qubo_sa.c — simulated annealing for sparse QUBOs: sequential sweeps of
 * Metropolis single flips with a geometric inverse-temperature schedule
 * set from the coefficient range (the default schedule of D-Wave's neal
 * sampler), restarted from random states while time allows.
 */
#include "qubo_search.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void qubo_sa_betas(const qubo *q, double *beta_hot, double *beta_cold)
{
    double max_delta = 0, min_coef = 0;
    qubo_coef_range(q, &max_delta, &min_coef);
    if (max_delta <= 0)
        max_delta = 1.0;
    *beta_hot = log(2.0) / max_delta;
    *beta_cold = log(100.0) / min_coef;
    if (*beta_cold < *beta_hot)
        *beta_cold = *beta_hot;
}

void qubo_sa_run(unsigned char *x, double *h, const qubo *q, solve_ctx *ctx,
                 int sweeps, double beta_hot, double beta_cold)
{
    double ratio =
        sweeps > 1 ? pow(beta_cold / beta_hot, 1.0 / (sweeps - 1)) : 1.0;
    double beta = beta_hot;
    for (int s = 0; s < sweeps; s++, beta *= ratio) {
        if (ctx_should_stop(ctx))
            return;
        for (int i = 0; i < q->n; i++) {
            double d = qubo_delta(x[i], h[i]);
            if (d <= 0 || rng_uniform(&ctx->rng) < exp(-beta * d))
                qubo_flip(q, x, h, i);
        }
        ctx->iteration++;
    }
}

corto_status qubo_sa(unsigned char *best, double *best_e, const qubo *q,
                     solve_ctx *ctx, int sweeps)
{
    corto_status rc = CORTO_OK;
    unsigned char *x = NULL;
    double *h = NULL;
    double hot = 0, cold = 0;
    int limited = ctx->deadline > 0 || ctx->opt->iterations > 0;
    CORTO_ALLOC(x, q->n);
    CORTO_ALLOC(h, q->n);
    if (sweeps <= 0)
        sweeps = QUBO_SA_SWEEPS;
    /* A run cut short would end hot: fit it in the iteration limit. */
    if (ctx->opt->iterations > 0 && ctx->opt->iterations < sweeps)
        sweeps = (int)ctx->opt->iterations;
    qubo_sa_betas(q, &hot, &cold);
    *best_e = INFINITY;
    for (int run = 0; limited || run < 10; run++) {
        for (int i = 0; i < q->n; i++)
            x[i] = (unsigned char)rng_below(&ctx->rng, 2);
        qubo_fields(q, x, h);
        qubo_sa_run(x, h, q, ctx, sweeps, hot, cold);
        double e = qubo_energy(q, x);
        if (e < *best_e) {
            *best_e = e;
            memcpy(best, x, (size_t)q->n);
        }
        if (ctx->stop != CORTO_STOP_NONE)
            break;
    }
cleanup:
    free(x);
    free(h);
    return rc;
}
