/*
 * nn_gen.c — random CVRPs for training and benchmarks (see nn_gen.h).
 * Clustered instances place 3..8 centres uniformly and each client near
 * one of them (Gaussian, sigma 0.06, drawn by Box-Muller and clipped to
 * the square); the depot stays uniform.
 */
#include "nn_gen.h"
#include "util.h"

#include <math.h>
#include <stdio.h>

int64_t nn_gen_capacity(int n)
{
    if (n <= 20)
        return 30;
    if (n <= 50)
        return 30 + (int64_t)(10 * (n - 20) / 30);
    if (n <= 100)
        return 40 + (int64_t)(10 * (n - 50) / 50);
    return 50;
}

corto_status nn_gen_finish(corto_problem *p, int n_clients, const char *kind)
{
    corto_status rc = CORTO_OK;
    int64_t cap = nn_gen_capacity(n_clients);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.capacity = &cap;
    CORTO_TRY(corto_problem_add_vehicle_type(p, &vt, NULL));
    char name[80];
    snprintf(name, sizeof name, "%s-n%d", kind, n_clients);
    CORTO_TRY(corto_problem_set_name(p, name));
    CORTO_TRY(model_prepare(p));
cleanup:
    return rc;
}

static double nn_gauss(rng *r)
{
    double u = rng_uniform(r), v = rng_uniform(r);
    return sqrt(-2.0 * log(1.0 - u)) * cos(2.0 * 3.14159265358979323846 * v);
}

static double nn_clip01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

corto_status nn_gen_cvrp(corto_problem **out, int n, nn_gen_kind kind, rng *r)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    double *x = NULL, *y = NULL;
    double cx[8], cy[8];
    if (!out || n < 1)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    CORTO_TRY(corto_problem_create(&p, n + 1, 1));
    CORTO_ALLOC(x, n + 1);
    CORTO_ALLOC(y, n + 1);
    int n_centres = kind == NN_GEN_CLUSTERED ? 3 + (int)rng_below(r, 6) : 0;
    for (int c = 0; c < n_centres; c++) {
        cx[c] = rng_uniform(r);
        cy[c] = rng_uniform(r);
    }
    for (int i = 0; i <= n; i++) {
        double u = rng_uniform(r), v = rng_uniform(r);
        if (i > 0 && n_centres > 0) {
            int c = (int)rng_below(r, (uint64_t)n_centres);
            u = nn_clip01(cx[c] + 0.06 * nn_gauss(r));
            v = nn_clip01(cy[c] + 0.06 * nn_gauss(r));
        }
        x[i] = u * NN_GEN_SCALE;
        y[i] = v * NN_GEN_SCALE;
        if (i > 0) {
            int64_t q = 1 + (int64_t)rng_below(r, 9);
            CORTO_TRY(corto_problem_set_demand(p, i, &q));
        }
    }
    CORTO_TRY(corto_problem_set_coords(p, x, y));
    CORTO_TRY(nn_gen_finish(
        p, n, kind == NN_GEN_CLUSTERED ? "clustered" : "uniform"));
    *out = p;
    p = NULL;
cleanup:
    free(x);
    free(y);
    corto_problem_destroy(p);
    return rc;
}
