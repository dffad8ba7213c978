/*
 * shrink_lowrank.c — the low-rank (Burer-Monteiro) relaxation behind
 * shrinking's "lowrank" correlations; see shrink_lowrank.h.
 */
#include "shrink_lowrank.h"

#include <math.h>
#include <string.h>

/* Scale v to unit length; a zero vector becomes the first unit vector. */
static void lowrank_normalise(double *v, int rank)
{
    double s = 0;
    for (int k = 0; k < rank; k++)
        s += v[k] * v[k];
    if (s <= 0) {
        v[0] = 1.0;
        return;
    }
    s = 1.0 / sqrt(s);
    for (int k = 0; k < rank; k++)
        v[k] *= s;
}

/*
 * Set vector i to -g / |g| (the minimiser of g . v_i over the unit
 * sphere) and return the energy change; g = 0 leaves v_i as it is.
 */
static double lowrank_step(double *vi, const double *g, int rank)
{
    double norm = 0, before = 0;
    for (int k = 0; k < rank; k++) {
        norm += g[k] * g[k];
        before += g[k] * vi[k];
    }
    if (norm <= 0)
        return 0.0;
    norm = sqrt(norm);
    for (int k = 0; k < rank; k++)
        vi[k] = -g[k] / norm;
    return -norm - before;
}

int shrink_lowrank_run(double *v, const qubo *q, int rank, int sweeps,
                       solve_ctx *ctx)
{
    int n = q->n;
    double *v0 = v + (size_t)n * rank;
    double g[SHRINK_LOWRANK_MAX_RANK];
    rank = rank < 1 ? 1 : rank;
    rank = rank > SHRINK_LOWRANK_MAX_RANK ? SHRINK_LOWRANK_MAX_RANK : rank;
    for (size_t k = 0; k < (size_t)(n + 1) * rank; k++)
        v[k] = 2.0 * rng_uniform(&ctx->rng) - 1.0;
    for (int i = 0; i <= n; i++)
        lowrank_normalise(v + (size_t)i * rank, rank);
    /* The size of the problem, for the convergence test. */
    double scale = 0;
    for (int i = 0; i < n; i++) {
        scale += fabs(q->lin[i]);
        for (int k = q->row[i]; k < q->row[i + 1]; k++)
            scale += fabs(q->w[k]);
    }
    int made = 0;
    for (; made < sweeps && !ctx_should_stop(ctx); made++) {
        double gain = 0;
        for (int i = 0; i < n; i++) {
            double h = 0.5 * q->lin[i];
            memset(g, 0, sizeof g[0] * (size_t)rank);
            for (int k = q->row[i]; k < q->row[i + 1]; k++) {
                const double *vj = v + (size_t)q->col[k] * rank;
                double jw = 0.25 * q->w[k];
                h += jw;
                for (int r = 0; r < rank; r++)
                    g[r] += jw * vj[r];
            }
            for (int r = 0; r < rank; r++)
                g[r] += h * v0[r];
            gain += lowrank_step(v + (size_t)i * rank, g, rank);
        }
        /* v_0 against every h_i v_i. */
        memset(g, 0, sizeof g[0] * (size_t)rank);
        for (int i = 0; i < n; i++) {
            double h = 0.5 * q->lin[i];
            for (int k = q->row[i]; k < q->row[i + 1]; k++)
                h += 0.25 * q->w[k];
            for (int r = 0; r < rank; r++)
                g[r] += h * v[(size_t)i * rank + r];
        }
        gain += lowrank_step(v0, g, rank);
        if (-gain <= 1e-9 * scale) {
            made++;
            break;
        }
    }
    return made;
}

double shrink_lowrank_corr(const double *v, int rank, int i, int j)
{
    const double *a = v + (size_t)i * rank, *b = v + (size_t)j * rank;
    double s = 0;
    for (int k = 0; k < rank; k++)
        s += a[k] * b[k];
    return s;
}
