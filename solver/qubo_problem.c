/*
 * qubo_problem.c — objective, feasibility and the QUBO encodings of the
 * original problems (see qubo_problem.h):
 *  - max-cut: E = sum_uv w_uv (2 x_u x_v - x_u - x_v) = -cut;
 *  - MIS: E = -sum_v x_v + 2 sum_uv x_u x_v (any penalty above 1 makes
 *    every 1-flip local minimum independent);
 *  - MDKP with slack: E = -p.x + P sum_i (r_i.x + s_i - b_i)^2 where
 *    s_i = sum_t c_t z_t uses the bounded binary expansion c = 1, 2, 4,
 *    ..., b_i - (2^(k-1) - 1), so s_i ranges over exactly [0, b_i], and
 *    P = max_j p_j + 1;
 *  - MDKP without slack (Cutting Slack): E = -p.x + sum_i lambda_i g_i +
 *    rho sum_i g_i^2, g_i = r_i.x - b_i, lambda from dual ascent;
 *  - QAP / TSP one-hot (Lucas 2014, "Ising formulations of many NP
 *    problems"): E = sum a_ij b_kl x_ik x_jl + P (sum of squared row and
 *    column excesses), P = half the largest objective coefficient sum of
 *    a variable plus 1, so leaving a permutation by one flip never pays.
 */
#include "qubo_problem.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void qp_free(qp_problem *p)
{
    free(p->name);
    qb_free(&p->raw);
    free(p->eu);
    free(p->ev);
    free(p->ew);
    free(p->profit);
    free(p->weight);
    free(p->cap);
    free(p->a);
    free(p->b);
    memset(p, 0, sizeof *p);
}

static int qp_is_perm(const qp_problem *p)
{
    return p->kind == CORTO_QUBO_QAP || p->kind == CORTO_QUBO_TSP;
}

corto_status qp_sol_init(qp_sol *s, const qp_problem *p)
{
    corto_status rc = CORTO_OK;
    memset(s, 0, sizeof *s);
    CORTO_ALLOC(s->x, p->n);
    if (qp_is_perm(p)) {
        CORTO_ALLOC(s->perm, p->n);
        for (int i = 0; i < p->n; i++)
            s->perm[i] = i;
    }
cleanup:
    if (rc != CORTO_OK)
        qp_sol_free(s);
    return rc;
}

void qp_sol_free(qp_sol *s)
{
    free(s->x);
    free(s->perm);
    memset(s, 0, sizeof *s);
}

int qp_maximise(const qp_problem *p)
{
    return p->kind == CORTO_QUBO_BQP || p->kind == CORTO_QUBO_MAXCUT ||
           p->kind == CORTO_QUBO_MIS || p->kind == CORTO_QUBO_MDKP;
}

/* Energy of the stored raw terms (duplicates add up). */
static double qp_raw_energy(const qp_problem *p, const unsigned char *x)
{
    const qubo_builder *b = &p->raw;
    double e = b->offset;
    for (int i = 0; i < b->n; i++)
        if (x[i])
            e += b->lin[i];
    for (size_t k = 0; k < b->nt; k++)
        if (x[b->t[k].i] && x[b->t[k].j])
            e += b->t[k].v;
    return e;
}

int64_t qp_perm_cost(const qp_problem *p, const int *perm)
{
    int n = p->n;
    int64_t c = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            c += p->a[(size_t)i * n + j] * p->b[(size_t)perm[i] * n + perm[j]];
    return c;
}

double qp_objective(const qp_problem *p, const qp_sol *s)
{
    double v = 0.0;
    switch (p->kind) {
    case CORTO_QUBO_RAW:
    case CORTO_QUBO_BQP: /* raw terms hold the value to maximise */
        return qp_raw_energy(p, s->x);
    case CORTO_QUBO_MAXCUT:
        for (int e = 0; e < p->m; e++)
            if (s->x[p->eu[e]] != s->x[p->ev[e]])
                v += p->ew[e];
        return v;
    case CORTO_QUBO_MIS:
        for (int i = 0; i < p->n; i++)
            v += s->x[i];
        return v;
    case CORTO_QUBO_MDKP:
        for (int j = 0; j < p->n; j++)
            if (s->x[j])
                v += p->profit[j];
        return v;
    case CORTO_QUBO_QAP:
    case CORTO_QUBO_TSP:
        return (double)qp_perm_cost(p, s->perm);
    }
    return 0.0;
}

void qp_mdkp_residual(double *g, const qp_problem *p, const unsigned char *x)
{
    for (int i = 0; i < p->rows; i++) {
        int64_t load = 0;
        for (int j = 0; j < p->n; j++)
            if (x[j])
                load += p->weight[(size_t)i * p->n + j];
        g[i] = (double)(load - p->cap[i]);
    }
}

int qp_feasible(const qp_problem *p, const qp_sol *s)
{
    switch (p->kind) {
    case CORTO_QUBO_MIS:
        for (int e = 0; e < p->m; e++)
            if (s->x[p->eu[e]] && s->x[p->ev[e]])
                return 0;
        return 1;
    case CORTO_QUBO_MDKP:
        for (int i = 0; i < p->rows; i++) {
            int64_t load = 0;
            for (int j = 0; j < p->n; j++)
                if (s->x[j])
                    load += p->weight[(size_t)i * p->n + j];
            if (load > p->cap[i])
                return 0;
        }
        return 1;
    case CORTO_QUBO_QAP:
    case CORTO_QUBO_TSP: {
        unsigned char *seen = calloc((size_t)p->n, 1);
        int ok = seen != NULL;
        for (int i = 0; ok && i < p->n; i++) {
            int k = s->perm[i];
            ok = k >= 0 && k < p->n && !seen[k];
            if (ok)
                seen[k] = 1;
        }
        free(seen);
        return ok;
    }
    default:
        return 1;
    }
}

/* Number of slack bits of a capacity b >= 0: floor(log2 b) + 1. */
static int qp_slack_bits(int64_t b)
{
    int k = 0;
    while (b > 0) {
        k++;
        b >>= 1;
    }
    return k;
}

/* Coefficient of slack bit t of k for capacity b (bounded expansion). */
static int64_t qp_slack_coef(int64_t b, int t, int k)
{
    return t < k - 1 ? (int64_t)1 << t : b - (((int64_t)1 << (k - 1)) - 1);
}

int qp_qubo_size(const qp_problem *p, const qp_penalty *pen)
{
    if (qp_is_perm(p))
        return p->n * p->n;
    if (p->kind == CORTO_QUBO_MDKP &&
        (!pen || pen->mode == CORTO_QUBO_PENALTY_SLACK)) {
        int n = p->n;
        for (int i = 0; i < p->rows; i++)
            n += qp_slack_bits(p->cap[i]);
        return n;
    }
    return p->n;
}

/* Add scale * (sum_u coef_u y_u - rhs)^2 over `len` variables. */
static corto_status qp_add_square(qubo_builder *b, const int *var,
                                  const double *coef, int len, double rhs,
                                  double scale)
{
    corto_status rc = CORTO_OK;
    b->offset += scale * rhs * rhs;
    for (int u = 0; u < len; u++) {
        CORTO_TRY(qb_add(b, var[u], var[u],
                         scale * (coef[u] * coef[u] - 2.0 * rhs * coef[u])));
        for (int v = u + 1; v < len; v++)
            CORTO_TRY(
                qb_add(b, var[u], var[v], 2.0 * scale * coef[u] * coef[v]));
    }
cleanup:
    return rc;
}

static corto_status qp_build_mdkp(qubo_builder *b, const qp_problem *p,
                                  const qp_penalty *pen)
{
    corto_status rc = CORTO_OK;
    int n = p->n, slack = n;
    int *var = NULL;
    double *coef = NULL;
    int lagrange = pen && pen->mode == CORTO_QUBO_PENALTY_LAGRANGE;
    double big = 0.0;
    for (int j = 0; j < n; j++) {
        CORTO_TRY(qb_add(b, j, j, -p->profit[j]));
        big = fmax(big, p->profit[j]);
    }
    big += 1.0;
    CORTO_ALLOC(var, n + 64);
    CORTO_ALLOC(coef, n + 64);
    for (int i = 0; i < p->rows; i++) {
        int len = 0;
        for (int j = 0; j < n; j++) {
            int64_t r = p->weight[(size_t)i * n + j];
            if (r != 0) {
                var[len] = j;
                coef[len++] = (double)r;
            }
        }
        if (lagrange) {
            double lam = pen->lambda ? pen->lambda[i] : 0.0;
            b->offset -= lam * (double)p->cap[i];
            for (int u = 0; u < len; u++)
                CORTO_TRY(qb_add(b, var[u], var[u], lam * coef[u]));
            if (pen->rho > 0)
                CORTO_TRY(qp_add_square(b, var, coef, len, (double)p->cap[i],
                                        pen->rho));
            continue;
        }
        int k = qp_slack_bits(p->cap[i]);
        for (int t = 0; t < k; t++) {
            var[len] = slack + t;
            coef[len++] = (double)qp_slack_coef(p->cap[i], t, k);
        }
        slack += k;
        CORTO_TRY(qp_add_square(b, var, coef, len, (double)p->cap[i], big));
    }
cleanup:
    free(var);
    free(coef);
    return rc;
}

static corto_status qp_build_perm(qubo_builder *b, const qp_problem *p)
{
    corto_status rc = CORTO_OK;
    int n = p->n;
    double *reach = NULL;
    CORTO_ALLOC(reach, (size_t)n * n);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double v =
                (double)(p->a[(size_t)i * n + i] * p->b[(size_t)k * n + k]);
            CORTO_TRY(qb_add(b, i * n + k, i * n + k, v));
            reach[i * n + k] += fabs(v);
        }
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            int64_t aij = p->a[(size_t)i * n + j],
                    aji = p->a[(size_t)j * n + i];
            if (aij == 0 && aji == 0)
                continue;
            for (int k = 0; k < n; k++)
                for (int l = 0; l < n; l++) {
                    if (k == l)
                        continue;
                    double v = (double)(aij * p->b[(size_t)k * n + l] +
                                        aji * p->b[(size_t)l * n + k]);
                    if (v == 0.0)
                        continue;
                    CORTO_TRY(qb_add(b, i * n + k, j * n + l, v));
                    reach[i * n + k] += fabs(v);
                    reach[j * n + l] += fabs(v);
                }
        }
    double big = 0.0;
    for (int v = 0; v < n * n; v++)
        big = fmax(big, reach[v]);
    big = 0.5 * big + 1.0;
    /* P * (sum - 1)^2 per row and per column: -P per variable and per
     * line, +2P per pair on a line, +P per line. */
    b->offset += 2.0 * n * big;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            CORTO_TRY(qb_add(b, i * n + k, i * n + k, -2.0 * big));
            for (int l = k + 1; l < n; l++) {
                CORTO_TRY(qb_add(b, i * n + k, i * n + l, 2.0 * big));
                CORTO_TRY(qb_add(b, k * n + i, l * n + i, 2.0 * big));
            }
        }
cleanup:
    free(reach);
    return rc;
}

corto_status qp_build(qubo_builder *b, const qp_problem *p,
                      const qp_penalty *pen)
{
    corto_status rc = CORTO_OK;
    if (qp_is_perm(p) && p->n > QP_PERM_MAX_N)
        return CORTO_ERR_UNSUPPORTED;
    CORTO_TRY(qb_init(b, qp_qubo_size(p, pen)));
    switch (p->kind) {
    case CORTO_QUBO_RAW:
    case CORTO_QUBO_BQP: {
        double sign = p->kind == CORTO_QUBO_BQP ? -1.0 : 1.0;
        b->offset = sign * p->raw.offset;
        for (int i = 0; i < p->n; i++)
            b->lin[i] = sign * p->raw.lin[i];
        for (size_t k = 0; k < p->raw.nt; k++)
            CORTO_TRY(
                qb_add(b, p->raw.t[k].i, p->raw.t[k].j, sign * p->raw.t[k].v));
        break;
    }
    case CORTO_QUBO_MAXCUT:
        for (int e = 0; e < p->m; e++) {
            double w = p->ew[e];
            CORTO_TRY(qb_add(b, p->eu[e], p->eu[e], -w));
            CORTO_TRY(qb_add(b, p->ev[e], p->ev[e], -w));
            CORTO_TRY(qb_add(b, p->eu[e], p->ev[e], 2.0 * w));
        }
        break;
    case CORTO_QUBO_MIS:
        for (int v = 0; v < p->n; v++)
            CORTO_TRY(qb_add(b, v, v, -1.0));
        for (int e = 0; e < p->m; e++)
            CORTO_TRY(qb_add(b, p->eu[e], p->ev[e], 2.0));
        break;
    case CORTO_QUBO_MDKP:
        CORTO_TRY(qp_build_mdkp(b, p, pen));
        break;
    case CORTO_QUBO_QAP:
    case CORTO_QUBO_TSP:
        CORTO_TRY(qp_build_perm(b, p));
        break;
    }
cleanup:
    if (rc != CORTO_OK)
        qb_free(b);
    return rc;
}

void qp_encode(unsigned char *x, const qp_problem *p, const qp_penalty *pen,
               const qp_sol *s)
{
    int size = qp_qubo_size(p, pen);
    memset(x, 0, (size_t)size);
    if (qp_is_perm(p)) {
        for (int i = 0; i < p->n; i++)
            if (s->perm[i] >= 0)
                x[i * p->n + s->perm[i]] = 1;
        return;
    }
    memcpy(x, s->x, (size_t)p->n);
    if (size == p->n)
        return;
    /* MDKP slack bits: the exact slack when it lies in [0, b_i]. */
    int at = p->n;
    for (int i = 0; i < p->rows; i++) {
        int k = qp_slack_bits(p->cap[i]);
        int64_t load = 0;
        for (int j = 0; j < p->n; j++)
            if (s->x[j])
                load += p->weight[(size_t)i * p->n + j];
        int64_t rest = p->cap[i] - load;
        if (rest >= 0 && k > 0) {
            int64_t top = qp_slack_coef(p->cap[i], k - 1, k);
            if (rest > (((int64_t)1 << (k - 1)) - 1)) {
                x[at + k - 1] = 1;
                rest -= top;
            }
            for (int t = 0; t < k - 1; t++)
                x[at + t] = (unsigned char)((rest >> t) & 1);
        }
        at += k;
    }
}

void qp_decode(qp_sol *s, const qp_problem *p, const unsigned char *x)
{
    if (!qp_is_perm(p)) {
        memcpy(s->x, x, (size_t)p->n);
        return;
    }
    int n = p->n;
    unsigned char *used = calloc((size_t)n, 1);
    for (int i = 0; i < n; i++) {
        s->perm[i] = -1;
        for (int k = 0; k < n && used; k++)
            if (x[i * n + k] && !used[k]) {
                s->perm[i] = k;
                used[k] = 1;
                break;
            }
    }
    free(used);
}

corto_status qp_conflicts(int **row, int **col, const qp_problem *p,
                          int n_vars)
{
    corto_status rc = CORTO_OK;
    *row = NULL;
    *col = NULL;
    int *r = NULL, *c = NULL;
    if (p->kind == CORTO_QUBO_MIS) {
        CORTO_ALLOC(r, n_vars + 1);
        CORTO_ALLOC(c, 2 * (size_t)p->m);
        for (int e = 0; e < p->m; e++) {
            r[p->eu[e] + 1]++;
            r[p->ev[e] + 1]++;
        }
        for (int v = 0; v < n_vars; v++)
            r[v + 1] += r[v];
        int *fill = NULL;
        CORTO_ALLOC(fill, n_vars);
        memcpy(fill, r, (size_t)n_vars * sizeof *fill);
        for (int e = 0; e < p->m; e++) {
            c[fill[p->eu[e]]++] = p->ev[e];
            c[fill[p->ev[e]]++] = p->eu[e];
        }
        free(fill);
    } else if (qp_is_perm(p)) {
        int n = p->n;
        CORTO_ALLOC(r, n_vars + 1);
        CORTO_ALLOC(c, (size_t)n_vars * 2 * (n - 1) + 1);
        int at = 0;
        for (int v = 0; v < n_vars; v++) {
            int i = v / n, k = v % n;
            for (int l = 0; l < n; l++)
                if (l != k)
                    c[at++] = i * n + l;
            for (int j = 0; j < n; j++)
                if (j != i)
                    c[at++] = j * n + k;
            r[v + 1] = at;
        }
    } else {
        return CORTO_OK;
    }
    *row = r;
    *col = c;
    r = c = NULL;
cleanup:
    free(r);
    free(c);
    return rc;
}
