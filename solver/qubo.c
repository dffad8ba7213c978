/*
 * qubo.c — the sparse QUBO model: builder (term list to symmetric CSR),
 * energy, local fields and incremental flips. See qubo.h.
 */
#include "qubo.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

corto_status qb_init(qubo_builder *b, int n)
{
    memset(b, 0, sizeof *b);
    if (n < 1)
        return CORTO_ERR_ARGUMENT;
    b->n = n;
    b->lin = calloc((size_t)n, sizeof *b->lin);
    return b->lin ? CORTO_OK : CORTO_ERR_NOMEM;
}

void qb_free(qubo_builder *b)
{
    free(b->lin);
    free(b->t);
    memset(b, 0, sizeof *b);
}

corto_status qb_add(qubo_builder *b, int i, int j, double v)
{
    if (i < 0 || j < 0 || i >= b->n || j >= b->n || !isfinite(v))
        return CORTO_ERR_ARGUMENT;
    if (v == 0.0)
        return CORTO_OK;
    if (i == j) {
        b->lin[i] += v;
        return CORTO_OK;
    }
    if (b->nt == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 256;
        qubo_term *t = realloc(b->t, cap * sizeof *t);
        if (!t)
            return CORTO_ERR_NOMEM;
        b->t = t;
        b->cap = cap;
    }
    b->t[b->nt++] = (qubo_term){i < j ? i : j, i < j ? j : i, v};
    return CORTO_OK;
}

static int qb_term_cmp(const void *pa, const void *pb)
{
    const qubo_term *a = pa, *b = pb;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    if (a->j != b->j)
        return a->j < b->j ? -1 : 1;
    return 0;
}

corto_status qb_build(qubo *q, qubo_builder *b)
{
    corto_status rc = CORTO_OK;
    memset(q, 0, sizeof *q);
    if (b->nt > 0)
        qsort(b->t, b->nt, sizeof *b->t, qb_term_cmp);
    /* Merge duplicates in place. */
    size_t m = 0;
    for (size_t k = 0; k < b->nt; k++) {
        if (m > 0 && b->t[m - 1].i == b->t[k].i && b->t[m - 1].j == b->t[k].j)
            b->t[m - 1].v += b->t[k].v;
        else
            b->t[m++] = b->t[k];
    }
    size_t kept = 0;
    for (size_t k = 0; k < m; k++)
        if (b->t[k].v != 0.0)
            b->t[kept++] = b->t[k];
    b->nt = kept;
    if (kept > (size_t)INT32_MAX / 2)
        return CORTO_ERR_UNSUPPORTED;
    q->n = b->n;
    q->offset = b->offset;
    CORTO_ALLOC(q->lin, b->n);
    CORTO_ALLOC(q->row, b->n + 1);
    CORTO_ALLOC(q->col, 2 * kept);
    CORTO_ALLOC(q->w, 2 * kept);
    memcpy(q->lin, b->lin, (size_t)b->n * sizeof *q->lin);
    for (size_t k = 0; k < kept; k++) {
        q->row[b->t[k].i + 1]++;
        q->row[b->t[k].j + 1]++;
    }
    for (int i = 0; i < b->n; i++)
        q->row[i + 1] += q->row[i];
    {
        int *fill = NULL;
        CORTO_ALLOC(fill, b->n);
        memcpy(fill, q->row, (size_t)b->n * sizeof *fill);
        /* Terms are sorted by (i, j), so every row comes out sorted. */
        for (size_t k = 0; k < kept; k++) {
            int i = b->t[k].i, j = b->t[k].j;
            q->col[fill[j]] = i;
            q->w[fill[j]++] = b->t[k].v;
        }
        for (size_t k = 0; k < kept; k++) {
            int i = b->t[k].i, j = b->t[k].j;
            q->col[fill[i]] = j;
            q->w[fill[i]++] = b->t[k].v;
        }
        free(fill);
    }
cleanup:
    if (rc != CORTO_OK)
        qubo_free(q);
    return rc;
}

void qubo_free(qubo *q)
{
    free(q->lin);
    free(q->row);
    free(q->col);
    free(q->w);
    memset(q, 0, sizeof *q);
}

corto_status qubo_copy(qubo *to, const qubo *from)
{
    corto_status rc = CORTO_OK;
    int nnz = from->row[from->n];
    memset(to, 0, sizeof *to);
    to->n = from->n;
    to->offset = from->offset;
    CORTO_ALLOC(to->lin, from->n);
    CORTO_ALLOC(to->row, from->n + 1);
    CORTO_ALLOC(to->col, nnz);
    CORTO_ALLOC(to->w, nnz);
    memcpy(to->lin, from->lin, (size_t)from->n * sizeof *to->lin);
    memcpy(to->row, from->row, (size_t)(from->n + 1) * sizeof *to->row);
    memcpy(to->col, from->col, (size_t)nnz * sizeof *to->col);
    memcpy(to->w, from->w, (size_t)nnz * sizeof *to->w);
cleanup:
    if (rc != CORTO_OK)
        qubo_free(to);
    return rc;
}

double qubo_energy(const qubo *q, const unsigned char *x)
{
    double e = q->offset;
    for (int i = 0; i < q->n; i++) {
        if (!x[i])
            continue;
        e += q->lin[i];
        for (int k = q->row[i]; k < q->row[i + 1]; k++)
            if (q->col[k] > i && x[q->col[k]])
                e += q->w[k];
    }
    return e;
}

void qubo_fields(const qubo *q, const unsigned char *x, double *h)
{
    for (int i = 0; i < q->n; i++) {
        double s = q->lin[i];
        for (int k = q->row[i]; k < q->row[i + 1]; k++)
            if (x[q->col[k]])
                s += q->w[k];
        h[i] = s;
    }
}

void qubo_flip(const qubo *q, unsigned char *x, double *h, int i)
{
    double sign = x[i] ? -1.0 : 1.0;
    x[i] ^= 1;
    for (int k = q->row[i]; k < q->row[i + 1]; k++)
        h[q->col[k]] += sign * q->w[k];
}

void qubo_coef_range(const qubo *q, double *max_delta, double *min_coef)
{
    double mx = 0.0, mn = INFINITY;
    for (int i = 0; i < q->n; i++) {
        double s = fabs(q->lin[i]);
        if (s > 0 && s < mn)
            mn = s;
        for (int k = q->row[i]; k < q->row[i + 1]; k++) {
            double a = fabs(q->w[k]);
            s += a;
            if (a < mn)
                mn = a;
        }
        if (s > mx)
            mx = s;
    }
    *max_delta = mx;
    *min_coef = isfinite(mn) ? mn : 1.0;
}
