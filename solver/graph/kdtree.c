/*
 * kdtree.c — a static 2-d tree (Bentley 1975): the points are kept in one
 * array arranged so that the subtree over [lo, hi) has its splitting point
 * at mid = (lo + hi) / 2, splitting on x at even depths and on y at odd
 * ones, everything left of mid no greater on that axis and everything
 * right no smaller. Built by quickselect in O(n log n) expected time; a
 * query descends towards the query point first and visits the far side
 * only when the splitting plane is closer than the best point so far.
 */
#include "kdtree.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

typedef struct kd_point {
    double c[2];
    int id;
} kd_point;

struct kdtree {
    kd_point *p;
    int n;
};

static void kd_swap(kd_point *a, kd_point *b)
{
    kd_point t = *a;
    *a = *b;
    *b = t;
}

/* Quickselect: put the point of rank k (by axis, then id) of p[lo, hi) at
 * k, smaller ones before it and larger ones after. */
static void kd_select(kd_point *p, int lo, int hi, int k, int axis)
{
    while (hi - lo > 1) {
        kd_point pivot = p[lo + (hi - lo) / 2];
        int i = lo, j = hi - 1;
        while (i <= j) {
            while (p[i].c[axis] < pivot.c[axis] ||
                   (p[i].c[axis] == pivot.c[axis] && p[i].id < pivot.id))
                i++;
            while (p[j].c[axis] > pivot.c[axis] ||
                   (p[j].c[axis] == pivot.c[axis] && p[j].id > pivot.id))
                j--;
            if (i <= j)
                kd_swap(&p[i++], &p[j--]);
        }
        if (k <= j)
            hi = j + 1;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

static void kd_arrange(kd_point *p, int lo, int hi, int depth)
{
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        kd_select(p, lo, hi, mid, depth & 1);
        kd_arrange(p, lo, mid, depth + 1);
        lo = mid + 1;
        depth++;
    }
}

corto_status kdtree_build(kdtree **out, const double *x, const double *y,
                          const unsigned char *keep, int n)
{
    corto_status rc = CORTO_OK;
    kdtree *t = NULL;
    *out = NULL;
    if (!x || !y || n <= 0)
        return CORTO_ERR_ARGUMENT;
    CORTO_ALLOC(t, 1);
    CORTO_ALLOC(t->p, n);
    for (int k = 0; k < n; k++)
        if (!keep || keep[k])
            t->p[t->n++] = (kd_point){{x[k], y[k]}, k};
    if (t->n == 0) {
        rc = CORTO_ERR_ARGUMENT;
        goto cleanup;
    }
    kd_arrange(t->p, 0, t->n, 0);
    *out = t;
    t = NULL;
cleanup:
    kdtree_destroy(t);
    return rc;
}

void kdtree_destroy(kdtree *t)
{
    if (!t)
        return;
    free(t->p);
    free(t);
}

/* Best point so far: squared distance and index. */
typedef struct kd_best {
    double d2;
    int id;
} kd_best;

static void kd_search(const kd_point *p, int lo, int hi, int depth,
                      const double q[2], kd_best *best)
{
    while (hi > lo) {
        int mid = lo + (hi - lo) / 2, axis = depth & 1;
        double dx = p[mid].c[0] - q[0], dy = p[mid].c[1] - q[1];
        double d2 = dx * dx + dy * dy;
        if (d2 < best->d2 || (d2 == best->d2 && p[mid].id < best->id)) {
            best->d2 = d2;
            best->id = p[mid].id;
        }
        double diff = q[axis] - p[mid].c[axis];
        int near_lo = diff <= 0.0 ? lo : mid + 1;
        int near_hi = diff <= 0.0 ? mid : hi;
        int far_lo = diff <= 0.0 ? mid + 1 : lo;
        int far_hi = diff <= 0.0 ? hi : mid;
        kd_search(p, near_lo, near_hi, depth + 1, q, best);
        /* Ties across the plane matter for the smallest-index rule. */
        if (diff * diff > best->d2)
            return;
        lo = far_lo;
        hi = far_hi;
        depth++;
    }
}

int kdtree_nearest(const kdtree *t, double qx, double qy, double *dist)
{
    kd_best best = {INFINITY, -1};
    double q[2] = {qx, qy};
    kd_search(t->p, 0, t->n, 0, q, &best);
    if (dist)
        *dist = sqrt(best.d2);
    return best.id;
}
