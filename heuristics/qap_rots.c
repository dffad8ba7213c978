/*
 * qap_rots.c — Taillard's robust tabu search for the QAP ("Robust taboo
 * search for the quadratic assignment problem", Parallel Computing 17,
 * 1991), run on the problem's own flow and distance matrices instead of
 * the one-hot QUBO: a permutation's QUBO energy is its QAP cost, and a
 * location swap is priced from the delta matrix, O(n) for the pairs that
 * touch the swapped facilities and O(1) for all others. A restart from the
 * perturbed best permutation after a long stall is added (as in iterated
 * tabu search); RoTS itself is unchanged between restarts.
 */
#include "qap_rots.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Moves without a new best before a restart: QAP_ROTS_STALL n^2, at least
 * QAP_ROTS_STALL_MIN. */
#define QAP_ROTS_STALL     40
#define QAP_ROTS_STALL_MIN 20000

void qap_rots_free(qap_rots *st)
{
    free(st->perm);
    free(st->delta);
    free(st->u);
    free(st->v);
    free(st->w);
    free(st->z);
    memset(st, 0, sizeof *st);
}

/* Recompute every delta from scratch, O(n^3). */
static void qap_rots_all_deltas(qap_rots *st)
{
    int n = st->n;
    for (int r = 0; r < n; r++)
        for (int s = r + 1; s < n; s++)
            st->delta[(size_t)r * n + s] =
                qp_swap_delta(st->p, st->perm, r, s);
}

corto_status qap_rots_init(qap_rots *st, const qp_problem *p, const int *perm)
{
    corto_status rc = CORTO_OK;
    int n = p->n;
    memset(st, 0, sizeof *st);
    st->p = p;
    st->n = n;
    CORTO_ALLOC(st->perm, n);
    CORTO_ALLOC(st->delta, (size_t)n * n);
    CORTO_ALLOC(st->u, n);
    CORTO_ALLOC(st->v, n);
    CORTO_ALLOC(st->w, n);
    CORTO_ALLOC(st->z, n);
    memcpy(st->perm, perm, (size_t)n * sizeof *perm);
    st->cost = qp_perm_cost(p, st->perm);
    qap_rots_all_deltas(st);
cleanup:
    if (rc != CORTO_OK)
        qap_rots_free(st);
    return rc;
}

void qap_rots_swap(qap_rots *st, int r, int s)
{
    int n = st->n, *p = st->perm;
    const int64_t *a = st->p->a, *b = st->p->b;
    if (r > s) {
        int t = r;
        r = s;
        s = t;
    }
    st->cost += st->delta[(size_t)r * n + s];
    int t = p[r];
    p[r] = p[s];
    p[s] = t;
    /* With p after the swap, Taillard's update of a pair (i, j) disjoint
     * from (r, s) is (u_i - u_j)(v_i - v_j) + (w_i - w_j)(z_i - z_j):
     * u_k = a[r][k] - a[s][k], v_k = b[p s][p k] - b[p r][p k],
     * w_k = a[k][r] - a[k][s], z_k = b[p k][p s] - b[p k][p r]. */
    const int64_t *ar = a + (size_t)r * n, *as = a + (size_t)s * n;
    const int64_t *bs = b + (size_t)p[s] * n, *br = b + (size_t)p[r] * n;
    for (int k = 0; k < n; k++) {
        const int64_t *bk = b + (size_t)p[k] * n;
        st->u[k] = ar[k] - as[k];
        st->v[k] = bs[p[k]] - br[p[k]];
        st->w[k] = a[(size_t)k * n + r] - a[(size_t)k * n + s];
        st->z[k] = bk[p[s]] - bk[p[r]];
    }
    for (int i = 0; i < n; i++) {
        int64_t *di = st->delta + (size_t)i * n;
        if (i == r || i == s) {
            for (int j = i + 1; j < n; j++)
                di[j] = qp_swap_delta(st->p, p, i, j);
            continue;
        }
        int64_t ui = st->u[i], vi = st->v[i], wi = st->w[i], zi = st->z[i];
        for (int j = i + 1; j < n; j++) {
            if (j == r || j == s) {
                di[j] = qp_swap_delta(st->p, p, i, j);
                continue;
            }
            di[j] += (ui - st->u[j]) * (vi - st->v[j]) +
                     (wi - st->w[j]) * (zi - st->z[j]);
        }
    }
}

/* The starting permutation: TSP the nearest-neighbour tour from city 0
 * (perm[city] = its position), otherwise uniformly random. */
static void qap_rots_start(int *perm, const qp_problem *p, solve_ctx *ctx)
{
    int n = p->n;
    if (p->kind == CORTO_QUBO_TSP) {
        for (int i = 0; i < n; i++)
            perm[i] = -1;
        int cur = 0;
        perm[0] = 0;
        for (int pos = 1; pos < n; pos++) {
            int next = -1;
            for (int j = 0; j < n; j++)
                if (perm[j] < 0 &&
                    (next < 0 ||
                     p->a[(size_t)cur * n + j] < p->a[(size_t)cur * n + next]))
                    next = j;
            perm[next] = pos;
            cur = next;
        }
        return;
    }
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(&ctx->rng, (uint64_t)i + 1), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
}

/* The move RoTS makes at iteration it, or -1 in *pr when every move is
 * tabu and none aspired. tabu[i*n + k]: the iteration until which
 * facility i may not go back to location k (it holds a past iteration
 * when the assignment was last left). */
static void qap_rots_pick(int *pr, int *ps, const qap_rots *st,
                          const int64_t *tabu, int64_t it, int64_t best,
                          int64_t aspiration)
{
    int n = st->n;
    const int *p = st->perm;
    int64_t min_delta = INT64_MAX;
    int aspired_any = 0;
    *pr = *ps = -1;
    for (int i = 0; i < n; i++) {
        const int64_t *di = st->delta + (size_t)i * n;
        const int64_t *ti = tabu + (size_t)i * n;
        for (int j = i + 1; j < n; j++) {
            int64_t d = di[j];
            int64_t t_i = ti[p[j]], t_j = tabu[(size_t)j * n + p[i]];
            int allowed = t_i < it || t_j < it;
            int aspired = t_i < it - aspiration || t_j < it - aspiration ||
                          st->cost + d < best;
            if ((aspired && (!aspired_any || d < min_delta)) ||
                (!aspired && !aspired_any && allowed && d < min_delta)) {
                *pr = i;
                *ps = j;
                min_delta = d;
                aspired_any |= aspired;
            }
        }
    }
}

/* The tabu tenure of one move: uniform in [0.9 n, 1.1 n]. */
static int64_t qap_rots_tenure(int n, solve_ctx *ctx)
{
    int lo = 9 * n / 10, hi = 11 * n / 10;
    return lo + (int64_t)rng_below(&ctx->rng, (uint64_t)(hi - lo) + 1);
}

/* Forget the tabu history: assignment (i, k) counts as left at iteration
 * it0 - (n i + k) - 1, as in Taillard's initialisation. */
static void qap_rots_reset_tabu(int64_t *tabu, int n, int64_t it0)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++)
            tabu[(size_t)i * n + k] = it0 - ((int64_t)n * i + k) - 1;
}

corto_status qap_rots_search(int *best_perm, int64_t *best_cost,
                             const qp_problem *p, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    qap_rots st;
    int64_t *tabu = NULL;
    int *start = NULL;
    int n = p->n;
    memset(&st, 0, sizeof st);
    if (n < 2 || !p->a || !p->b)
        return CORTO_ERR_ARGUMENT;
    int limited = ctx->deadline > 0 || ctx->opt->iterations > 0;
    int64_t nn = (int64_t)n * n;
    int64_t cap = limited ? INT64_MAX : 100 * (nn + 100);
    int64_t aspiration = 2 * nn;
    int64_t stall_limit = QAP_ROTS_STALL * nn;
    if (stall_limit < QAP_ROTS_STALL_MIN)
        stall_limit = QAP_ROTS_STALL_MIN;
    CORTO_ALLOC(tabu, (size_t)nn);
    CORTO_ALLOC(start, n);
    qap_rots_start(start, p, ctx);
    CORTO_TRY(qap_rots_init(&st, p, start));
    qap_rots_reset_tabu(tabu, n, 0);
    *best_cost = st.cost;
    memcpy(best_perm, st.perm, (size_t)n * sizeof *best_perm);
    int64_t stall = 0;
    for (int64_t it = 0; it < cap && !ctx_should_stop(ctx); it++) {
        int r, s;
        qap_rots_pick(&r, &s, &st, tabu, it, *best_cost, aspiration);
        if (r < 0) { /* every move tabu: a random one */
            r = (int)rng_below(&ctx->rng, (uint64_t)n);
            s = (r + 1 + (int)rng_below(&ctx->rng, (uint64_t)n - 1)) % n;
        }
        int old_r = st.perm[r], old_s = st.perm[s];
        qap_rots_swap(&st, r, s);
        tabu[(size_t)r * n + old_r] = it + qap_rots_tenure(n, ctx);
        tabu[(size_t)s * n + old_s] = it + qap_rots_tenure(n, ctx);
        ctx->iteration++;
        if (st.cost < *best_cost) {
            *best_cost = st.cost;
            memcpy(best_perm, st.perm, (size_t)n * sizeof *best_perm);
            stall = 0;
        } else if (++stall >= stall_limit) {
            /* Restart: the best permutation with n/4 + 2 random swaps. */
            memcpy(start, best_perm, (size_t)n * sizeof *start);
            for (int k = 0; k < n / 4 + 2; k++) {
                int i = (int)rng_below(&ctx->rng, (uint64_t)n);
                int j = (int)rng_below(&ctx->rng, (uint64_t)n), t = start[i];
                start[i] = start[j];
                start[j] = t;
            }
            memcpy(st.perm, start, (size_t)n * sizeof *start);
            st.cost = qp_perm_cost(p, st.perm);
            qap_rots_all_deltas(&st);
            qap_rots_reset_tabu(tabu, n, it + 1);
            stall = 0;
        }
    }
cleanup:
    qap_rots_free(&st);
    free(tabu);
    free(start);
    return rc;
}
