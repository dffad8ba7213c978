/*
 * tsp_cuts.c — the exact TSP's global cut pool and blossom separation
 * (see tsp_cuts.h).
 */
#include "tsp_cuts.h"
#include "util.h"

#include <math.h>
#include <string.h>

void tspcut_pool_free(tspcut_pool *pool)
{
    free(pool->start);
    free(pool->rhs);
    free(pool->ind);
    free(pool->val);
    memset(pool, 0, sizeof *pool);
}

/* Reallocate *arr to hold `count` elements of `size` bytes. */
static corto_status tspcut_resize(void **arr, size_t count, size_t size)
{
    void *p = realloc(*arr, count * size);
    if (!p)
        return CORTO_ERR_NOMEM;
    *arr = p;
    return CORTO_OK;
}

corto_status tspcut_pool_add(tspcut_pool *pool, int len, const int *ind,
                             const double *val, double rhs)
{
    corto_status rc = CORTO_OK;
    if (pool->n_rows + 1 > pool->cap_rows) {
        size_t c = pool->cap_rows > 0 ? 2 * (size_t)pool->cap_rows : 64;
        CORTO_TRY(tspcut_resize((void **)&pool->rhs, c, sizeof *pool->rhs));
        CORTO_TRY(
            tspcut_resize((void **)&pool->start, c + 1, sizeof *pool->start));
        pool->cap_rows = (int)c;
        pool->start[0] = 0;
    }
    if (pool->n_nz + len > pool->cap_nz) {
        size_t c = pool->cap_nz > 0 ? 2 * (size_t)pool->cap_nz : 1024;
        while (c < (size_t)pool->n_nz + (size_t)len)
            c *= 2;
        CORTO_TRY(tspcut_resize((void **)&pool->ind, c, sizeof *pool->ind));
        CORTO_TRY(tspcut_resize((void **)&pool->val, c, sizeof *pool->val));
        pool->cap_nz = (int)c;
    }
    memcpy(pool->ind + pool->n_nz, ind + 1, (size_t)len * sizeof *ind);
    memcpy(pool->val + pool->n_nz, val + 1, (size_t)len * sizeof *val);
    pool->n_nz += len;
    pool->rhs[pool->n_rows] = rhs;
    pool->n_rows++;
    pool->start[pool->n_rows] = pool->n_nz;
cleanup:
    return rc;
}

int tspcut_pool_violated(const tspcut_pool *pool, const double *x, double tol,
                         int *out, int max_out)
{
    int k = 0;
    for (int r = 0; r < pool->n_rows && k < max_out; r++) {
        double lhs = 0.0;
        for (int e = pool->start[r]; e < pool->start[r + 1]; e++)
            lhs += pool->val[e] * x[pool->ind[e]];
        if (lhs > pool->rhs[r] + tol)
            out[k++] = r;
    }
    return k;
}

corto_status tspcut_ws_init(tspcut_ws *ws, int n)
{
    corto_status rc = CORTO_OK;
    memset(ws, 0, sizeof *ws);
    ws->n = n;
    CORTO_ALLOC(ws->comp, n);
    CORTO_ALLOC(ws->stack, n);
cleanup:
    if (rc != CORTO_OK)
        tspcut_ws_free(ws);
    return rc;
}

void tspcut_ws_free(tspcut_ws *ws)
{
    free(ws->comp);
    free(ws->stack);
    memset(ws, 0, sizeof *ws);
}

int tspcut_components(int *comp, int *stack, const double *w, int n, double lo,
                      double hi)
{
    int nc = 0;
    for (int i = 0; i < n; i++)
        comp[i] = -1;
    for (int r = 0; r < n; r++) {
        if (comp[r] >= 0)
            continue;
        int top = 0;
        stack[top++] = r;
        comp[r] = nc;
        while (top > 0) {
            int u = stack[--top];
            const double *row = w + (size_t)u * (size_t)n;
            for (int x = 0; x < n; x++)
                if (comp[x] < 0 && x != u && row[x] > lo && row[x] < hi) {
                    comp[x] = nc;
                    stack[top++] = x;
                }
        }
        nc++;
    }
    return nc;
}

/*
 * The best odd tooth set for handle `side` and its violation
 * 1 - [x(delta(H) \ F) + sum_F (1 - x_e)] (positive when violated; twice
 * the excess of the blossom's left-hand side). Teeth go to b.
 */
static double tspcut_best_teeth(const double *w, int n, tspcut_blossom *b)
{
    double lhs = 0.0, flip = HUGE_VAL;
    int flip_i = -1, flip_j = -1, t = 0;
    for (int i = 0; i < n; i++) {
        if (!b->side[i])
            continue;
        const double *row = w + (size_t)i * (size_t)n;
        for (int j = 0; j < n; j++) {
            double x = row[j];
            if (b->side[j] || x <= 0.0)
                continue;
            if (x > 0.5) {
                lhs += 1.0 - x;
                b->teeth[2 * t] = i;
                b->teeth[2 * t + 1] = j;
                t++;
            } else {
                lhs += x;
            }
            if (fabs(1.0 - 2.0 * x) < flip) {
                flip = fabs(1.0 - 2.0 * x);
                flip_i = i;
                flip_j = j;
            }
        }
    }
    if (t % 2 == 0) {
        if (flip_i < 0)
            return -1.0;
        lhs += flip;
        int k = 0;
        while (k < t &&
               !(b->teeth[2 * k] == flip_i && b->teeth[2 * k + 1] == flip_j))
            k++;
        if (k < t) {
            b->teeth[2 * k] = b->teeth[2 * (t - 1)];
            b->teeth[2 * k + 1] = b->teeth[2 * (t - 1) + 1];
            t--;
        } else {
            b->teeth[2 * t] = flip_i;
            b->teeth[2 * t + 1] = flip_j;
            t++;
        }
    }
    b->n_teeth = t;
    return 1.0 - lhs;
}

int tspcut_blossom_of(const double *w, int n, double tol, tspcut_blossom *b)
{
    int size = 0;
    for (int i = 0; i < n; i++)
        size += b->side[i] != 0;
    if (size < 3 || size > n - 3)
        return 0;
    return tspcut_best_teeth(w, n, b) > 2.0 * tol;
}

int tspcut_blossoms(tspcut_ws *ws, const double *w, int n, double tol,
                    tspcut_blossom *out, int max_out)
{
    int nc = tspcut_components(ws->comp, ws->stack, w, n, 1e-6, 1.0 - 1e-6);
    int k = 0;
    for (int c = 0; c < nc && k < max_out; c++) {
        tspcut_blossom *b = &out[k];
        for (int i = 0; i < n; i++)
            b->side[i] = ws->comp[i] == c;
        k += tspcut_blossom_of(w, n, tol, b);
    }
    return k;
}
