/*
 * nn_features.c — node features and normalised matrices for the policy
 * (see nn_features.h). Distances are divided by the mean off-diagonal
 * distance so instances of any unit look alike; times by the horizon.
 */
#include "nn_features.h"
#include "route_eval.h"
#include "util.h"

#include <math.h>
#include <string.h>

#define NN_DIST_CAP 10.0

corto_status nn_features_supported(const corto_problem *p)
{
    int depots = 0;
    for (int i = 0; i < p->n_nodes; i++) {
        depots += p->is_depot[i] != 0;
        if (!p->is_depot[i] && (!p->required[i] || p->pair_of[i] >= 0))
            return CORTO_ERR_UNSUPPORTED;
    }
    if (depots != 1 || p->n_vtypes < 1 || p->has_skills || p->n_fixed > 0 ||
        p->n_nodes < 2)
        return CORTO_ERR_UNSUPPORTED;
    return CORTO_OK;
}

/* The vehicle type with the largest total capacity among those present. */
static int nn_pick_vtype(const corto_problem *p)
{
    int best = 0;
    double best_cap = -1;
    for (int v = 0; v < p->n_vtypes; v++) {
        double cap = 0;
        for (int d = 0; d < p->n_dims; d++)
            cap += (double)p->vtypes[v].capacity[d];
        if (p->vtypes[v].count > 0 && cap > best_cap) {
            best_cap = cap;
            best = v;
        }
    }
    return best;
}

/* The k smallest of vals[0..n) (excluding index skip) in ascending order,
 * padded with the largest seen when n - 1 < k. */
static void nn_smallest(double *out, int k, const double *vals, int n,
                        int skip)
{
    for (int a = 0; a < k; a++)
        out[a] = HUGE_VAL;
    for (int j = 0; j < n; j++) {
        if (j == skip)
            continue;
        double v = vals[j];
        for (int a = 0; a < k; a++)
            if (v < out[a]) {
                memmove(out + a + 1, out + a,
                        (size_t)(k - a - 1) * sizeof *out);
                out[a] = v;
                break;
            }
    }
    for (int a = 1; a < k; a++)
        if (out[a] == HUGE_VAL)
            out[a] = out[a - 1];
    if (out[0] == HUGE_VAL)
        for (int a = 0; a < k; a++)
            out[a] = 0;
}

static double nn_time_unit(const corto_problem *p, int depot)
{
    if (p->tw_close[depot] < SEG_INF / 2 && p->tw_close[depot] > 0)
        return (double)p->tw_close[depot];
    double h = 0;
    for (int i = 0; i < p->n_nodes; i++)
        if (p->tw_close[i] < SEG_INF / 2 && (double)p->tw_close[i] > h)
            h = (double)p->tw_close[i];
    return h > 0 ? h : 1;
}

corto_status nn_features_build(nn_features *f, const nn_config *cfg,
                               const corto_problem *p, int sym)
{
    corto_status rc = CORTO_OK;
    double *row = NULL, *near = NULL;
    memset(f, 0, sizeof *f);
    CORTO_TRY(nn_features_supported(p));
    int n = p->n_nodes, k = cfg->knn, nf = cfg->n_feat;
    f->n = n;
    f->vtype = nn_pick_vtype(p);
    const model_vehicle *vt = &p->vtypes[f->vtype];
    f->depot = vt->start_depot;
    f->prof = vt->profile;
    CORTO_ALLOC(f->x, (size_t)n * (size_t)nf);
    CORTO_ALLOC(f->dn, (size_t)n * (size_t)n);
    CORTO_ALLOC(f->dnt, (size_t)n * (size_t)n);
    CORTO_ALLOC(row, n);
    CORTO_ALLOC(near, k);

    double sum = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j)
                sum += (double)model_dist(p, f->prof, i, j);
    f->scale = sum > 0 ? sum / ((double)n * (double)(n - 1)) : 1;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double d = (double)model_dist(p, f->prof, i, j) / f->scale;
            nn_real v = (nn_real)fmin(d, NN_DIST_CAP);
            f->dn[(size_t)i * (size_t)n + (size_t)j] = v;
            f->dnt[(size_t)j * (size_t)n + (size_t)i] = v;
        }
    f->horizon = nn_time_unit(p, f->depot);

    double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
    if (p->has_coords) {
        xmin = xmax = p->x[0];
        ymin = ymax = p->y[0];
        for (int i = 1; i < n; i++) {
            xmin = fmin(xmin, p->x[i]);
            xmax = fmax(xmax, p->x[i]);
            ymin = fmin(ymin, p->y[i]);
            ymax = fmax(ymax, p->y[i]);
        }
    }
    double span = fmax(xmax - xmin, ymax - ymin);
    if (span <= 0)
        span = 1;
    for (int i = 0; i < n; i++) {
        nn_real *x = f->x + (size_t)i * (size_t)nf;
        int c = 0;
        x[c++] = i == f->depot;
        x[c++] = f->dn[(size_t)f->depot * (size_t)n + (size_t)i];
        x[c++] = f->dn[(size_t)i * (size_t)n + (size_t)f->depot];
        for (int j = 0; j < n; j++)
            row[j] = f->dn[(size_t)i * (size_t)n + (size_t)j];
        nn_smallest(near, k, row, n, i);
        for (int a = 0; a < k; a++)
            x[c++] = (nn_real)near[a];
        for (int j = 0; j < n; j++)
            row[j] = f->dnt[(size_t)i * (size_t)n + (size_t)j];
        nn_smallest(near, k, row, n, i);
        for (int a = 0; a < k; a++)
            x[c++] = (nn_real)near[a];
        double dem = 0;
        for (int d = 0; d < p->n_dims; d++) {
            double cap = (double)vt->capacity[d];
            double q =
                (double)p->demand[(size_t)i * (size_t)p->n_dims + (size_t)d];
            if (cap > 0 && cap < (double)SEG_INF)
                dem = fmax(dem, q / cap);
        }
        x[c++] = (nn_real)dem;
        if (p->has_time_windows) {
            double h = f->horizon;
            x[c++] = (nn_real)fmin((double)p->tw_open[i] / h, 2.0);
            x[c++] = (nn_real)fmin((double)p->tw_close[i] / h, 2.0);
            x[c++] = (nn_real)fmin((double)p->service[i] / h, 2.0);
            x[c++] = 1;
        } else {
            c += 4;
        }
        if (p->has_coords) {
            double u = (p->x[i] - xmin) / span, v = (p->y[i] - ymin) / span;
            if (sym & 1)
                u = 1 - u;
            if (sym & 2)
                v = 1 - v;
            x[c++] = (nn_real)((sym & 4) ? v : u);
            x[c++] = (nn_real)((sym & 4) ? u : v);
            x[c++] = 1;
        }
    }
cleanup:
    free(row);
    free(near);
    if (rc != CORTO_OK)
        nn_features_free(f);
    return rc;
}

void nn_features_free(nn_features *f)
{
    if (!f)
        return;
    free(f->x);
    free(f->dn);
    free(f->dnt);
    memset(f, 0, sizeof *f);
}
