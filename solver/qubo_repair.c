/*
 * qubo_repair.c — verification-and-repair of decoded QUBO solutions in
 * their original problem, as in adaptive graph shrinking: whatever the
 * (shrunk, penalised) QUBO returned, the answer is made feasible.
 *  - MIS: drop the vertex with the most conflicts until none is left,
 *    then add vertices greedily by increasing degree;
 *  - MDKP: drop the chosen item of worst profit per relative weight
 *    (sum_i r_ij / b_i) until every capacity holds, then add items by
 *    best ratio while they fit;
 *  - QAP / TSP: place every unplaced facility, largest total flow first,
 *    at the free location that adds the least cost.
 */
#include "qubo_problem.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static corto_status repair_mis(qp_sol *s, const qp_problem *p)
{
    corto_status rc = CORTO_OK;
    int n = p->n;
    int *row = NULL, *col = NULL, *conf = NULL, *order = NULL;
    CORTO_TRY(qp_conflicts(&row, &col, p, p->n));
    if (!row)
        return CORTO_OK;
    CORTO_ALLOC(conf, n);
    CORTO_ALLOC(order, n);
    for (int v = 0; v < n; v++)
        if (s->x[v])
            for (int k = row[v]; k < row[v + 1]; k++)
                conf[v] += s->x[col[k]];
    for (;;) {
        int worst = -1;
        for (int v = 0; v < n; v++)
            if (s->x[v] && conf[v] > 0 && (worst < 0 || conf[v] > conf[worst]))
                worst = v;
        if (worst < 0)
            break;
        s->x[worst] = 0;
        for (int k = row[worst]; k < row[worst + 1]; k++)
            conf[col[k]]--;
    }
    /* Greedy completion: lowest degree first (ties by index). */
    for (int v = 0; v < n; v++)
        order[v] = v;
    for (int a = 1; a < n; a++) {
        int v = order[a], dv = row[v + 1] - row[v], b = a;
        while (b > 0 && row[order[b - 1] + 1] - row[order[b - 1]] > dv) {
            order[b] = order[b - 1];
            b--;
        }
        order[b] = v;
    }
    for (int a = 0; a < n; a++) {
        int v = order[a], free_ = !s->x[v];
        for (int k = row[v]; free_ && k < row[v + 1]; k++)
            free_ = !s->x[col[k]];
        if (free_)
            s->x[v] = 1;
    }
cleanup:
    free(row);
    free(col);
    free(conf);
    free(order);
    return rc;
}

static corto_status repair_mdkp(qp_sol *s, const qp_problem *p)
{
    corto_status rc = CORTO_OK;
    int n = p->n, m = p->rows;
    int64_t *load = NULL;
    double *ratio = NULL;
    CORTO_ALLOC(load, m);
    CORTO_ALLOC(ratio, n);
    for (int j = 0; j < n; j++) {
        double rel = 0.0;
        for (int i = 0; i < m; i++) {
            int64_t r = p->weight[(size_t)i * n + j];
            rel += p->cap[i] > 0 ? (double)r / (double)p->cap[i]
                                 : (r > 0 ? 1e9 : 0.0);
        }
        ratio[j] = rel > 0 ? p->profit[j] / rel : INFINITY;
    }
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            if (s->x[j])
                load[i] += p->weight[(size_t)i * n + j];
    for (;;) {
        int over = 0;
        for (int i = 0; i < m; i++)
            over |= load[i] > p->cap[i];
        if (!over)
            break;
        int worst = -1;
        for (int j = 0; j < n; j++)
            if (s->x[j] && (worst < 0 || ratio[j] < ratio[worst]))
                worst = j;
        if (worst < 0)
            break; /* an empty knapsack over capacity: b_i < 0 */
        s->x[worst] = 0;
        for (int i = 0; i < m; i++)
            load[i] -= p->weight[(size_t)i * n + worst];
    }
    /* Refill by best ratio among the items that fit. */
    for (;;) {
        int best = -1;
        for (int j = 0; j < n; j++) {
            if (s->x[j] || (best >= 0 && ratio[j] <= ratio[best]))
                continue;
            int fits = 1;
            for (int i = 0; fits && i < m; i++)
                fits = load[i] + p->weight[(size_t)i * n + j] <= p->cap[i];
            if (fits)
                best = j;
        }
        if (best < 0 || p->profit[best] <= 0)
            break;
        s->x[best] = 1;
        for (int i = 0; i < m; i++)
            load[i] += p->weight[(size_t)i * n + best];
    }
cleanup:
    free(load);
    free(ratio);
    return rc;
}

static corto_status repair_perm(qp_sol *s, const qp_problem *p)
{
    corto_status rc = CORTO_OK;
    int n = p->n;
    unsigned char *used = NULL;
    double *flow = NULL;
    CORTO_ALLOC(used, n);
    CORTO_ALLOC(flow, n);
    for (int i = 0; i < n; i++) {
        int k = s->perm[i];
        if (k >= 0 && k < n && !used[k])
            used[k] = 1;
        else
            s->perm[i] = -1;
        for (int j = 0; j < n; j++)
            flow[i] += (double)(llabs(p->a[(size_t)i * n + j]) +
                                llabs(p->a[(size_t)j * n + i]));
    }
    for (;;) {
        int fac = -1;
        for (int i = 0; i < n; i++)
            if (s->perm[i] < 0 && (fac < 0 || flow[i] > flow[fac]))
                fac = i;
        if (fac < 0)
            break;
        int best = -1;
        int64_t best_cost = 0;
        for (int k = 0; k < n; k++) {
            if (used[k])
                continue;
            int64_t c = p->a[(size_t)fac * n + fac] * p->b[(size_t)k * n + k];
            for (int j = 0; j < n; j++) {
                int l = s->perm[j];
                if (l < 0 || j == fac)
                    continue;
                c += p->a[(size_t)fac * n + j] * p->b[(size_t)k * n + l] +
                     p->a[(size_t)j * n + fac] * p->b[(size_t)l * n + k];
            }
            if (best < 0 || c < best_cost) {
                best = k;
                best_cost = c;
            }
        }
        s->perm[fac] = best;
        used[best] = 1;
    }
cleanup:
    free(used);
    free(flow);
    return rc;
}

corto_status qp_repair(qp_sol *s, const qp_problem *p)
{
    switch (p->kind) {
    case CORTO_QUBO_MIS:
        return repair_mis(s, p);
    case CORTO_QUBO_MDKP:
        return repair_mdkp(s, p);
    case CORTO_QUBO_QAP:
    case CORTO_QUBO_TSP:
        return repair_perm(s, p);
    default:
        return CORTO_OK;
    }
}
