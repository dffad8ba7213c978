/*
 * shrink.c — adaptive graph shrinking (see shrink.h). Groups of merged
 * variables are kept as member lists under a root, each member with its
 * parity relative to the root (x_v = par_v xor x_root); a merge relabels
 * the smaller group. The working QUBO is folded once per batch of merges,
 * from the previous shrunk QUBO, so later estimates get cheaper.
 *
 * Correlations: from `samples` short annealing runs on the current QUBO,
 * c_ij = mean of s_i s_j with s = 2x - 1, over the pairs the QUBO couples
 * (all pairs once no coupled pair can be merged). The strongest |c_ij|
 * goes first; c > 0 merges as equal, c < 0 as opposite, ties by |w_ij|.
 */
#include "shrink.h"
#include "qubo_search.h"
#include "shrink_lowrank.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Largest shrunk QUBO for which every pair is a candidate. */
#define SHRINK_ALL_PAIRS_MAX 2000

typedef struct shrink_cand {
    int i, j;               /* variables of the current QUBO */
    unsigned char opposite; /* merge as x_j = 1 - x_i */
    double score, weight;
} shrink_cand;

typedef struct shrink_state {
    int n;
    int *rootof, *next, *first, *size;
    unsigned char *par;
    /* constraint-aware rules */
    int *crow, *ccol; /* conflict pairs (CSR over variables), or NULL */
    int rows, items;  /* MDKP rows and item variables */
    const int64_t *cap;
    double *load; /* n * 2 * rows: load of a group with its root = t */
} shrink_state;

static void shrink_state_free(shrink_state *s)
{
    free(s->rootof);
    free(s->next);
    free(s->first);
    free(s->size);
    free(s->par);
    free(s->crow);
    free(s->ccol);
    free(s->load);
}

static corto_status shrink_state_init(shrink_state *s, int n,
                                      const shrink_params *prm)
{
    corto_status rc = CORTO_OK;
    memset(s, 0, sizeof *s);
    s->n = n;
    CORTO_ALLOC(s->rootof, n);
    CORTO_ALLOC(s->next, n);
    CORTO_ALLOC(s->first, n);
    CORTO_ALLOC(s->size, n);
    CORTO_ALLOC(s->par, n);
    for (int v = 0; v < n; v++) {
        s->rootof[v] = s->first[v] = v;
        s->next[v] = -1;
        s->size[v] = 1;
    }
    const qp_problem *p = prm->problem;
    if (!prm->constraint_aware || !p)
        return CORTO_OK;
    CORTO_TRY(qp_conflicts(&s->crow, &s->ccol, p, n));
    if (p->kind == CORTO_QUBO_MDKP && n >= p->n) {
        s->rows = p->rows;
        s->items = p->n;
        s->cap = p->cap;
        CORTO_ALLOC(s->load, (size_t)n * 2 * p->rows);
        for (int j = 0; j < p->n; j++)
            for (int i = 0; i < p->rows; i++)
                s->load[((size_t)j * 2 + 1) * p->rows + i] =
                    (double)p->weight[(size_t)i * p->n + j];
    }
cleanup:
    return rc;
}

/* 1 when merging root b into root a with x_b = x_a xor rel would force a
 * constraint violation that neither group forced before. */
static int shrink_forbidden(const shrink_state *s, int a, int b, int rel)
{
    if (s->crow)
        for (int v = s->first[b]; v >= 0; v = s->next[v])
            for (int k = s->crow[v]; k < s->crow[v + 1]; k++) {
                int w = s->ccol[k];
                if (s->rootof[w] == a && s->par[w] == (s->par[v] ^ rel))
                    return 1;
            }
    for (int t = 0; s->load && t < 2; t++) {
        const double *la = s->load + ((size_t)a * 2 + t) * s->rows;
        const double *lb = s->load + ((size_t)b * 2 + (t ^ rel)) * s->rows;
        for (int i = 0; i < s->rows; i++)
            if (la[i] + lb[i] > (double)s->cap[i] &&
                la[i] <= (double)s->cap[i] && lb[i] <= (double)s->cap[i])
                return 1;
    }
    return 0;
}

static void shrink_merge_roots(shrink_state *s, int a, int b, int rel)
{
    int last = -1;
    for (int v = s->first[b]; v >= 0; v = s->next[v]) {
        s->rootof[v] = a;
        s->par[v] ^= (unsigned char)rel;
        last = v;
    }
    s->next[last] = s->first[a];
    s->first[a] = s->first[b];
    s->size[a] += s->size[b];
    s->first[b] = -1;
    for (int t = 0; s->load && t < 2; t++) {
        double *la = s->load + ((size_t)a * 2 + t) * s->rows;
        const double *lb = s->load + ((size_t)b * 2 + (t ^ rel)) * s->rows;
        for (int i = 0; i < s->rows; i++)
            la[i] += lb[i];
    }
}

corto_status shrink_fold(qubo *out, const qubo *q, const int *to,
                         const unsigned char *par, int m)
{
    corto_status rc = CORTO_OK;
    qubo_builder b;
    CORTO_TRY(qb_init(&b, m));
    b.offset = q->offset;
    for (int i = 0; i < q->n; i++) {
        /* x_i = p + s y, s = 1 - 2p */
        double s = par[i] ? -1.0 : 1.0;
        if (par[i])
            b.offset += q->lin[i];
        b.lin[to[i]] += s * q->lin[i];
        for (int k = q->row[i]; k < q->row[i + 1]; k++) {
            int j = q->col[k];
            if (j <= i)
                continue;
            double w = q->w[k], t = par[j] ? -1.0 : 1.0;
            if (par[i] && par[j])
                b.offset += w;
            if (par[i])
                b.lin[to[j]] += t * w;
            if (par[j])
                b.lin[to[i]] += s * w;
            CORTO_TRY(qb_add(&b, to[i], to[j], s * t * w));
        }
    }
    CORTO_TRY(qb_build(out, &b));
cleanup:
    qb_free(&b);
    return rc;
}

static int shrink_cand_cmp(const void *pa, const void *pb)
{
    const shrink_cand *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

/*
 * Candidate pairs of the current QUBO with their estimated correlations
 * (coupled pairs, or every pair when all_pairs). With no estimate (ctx out
 * of time) the coupling decides: w < 0 wants equal values, w > 0 opposite.
 */
static corto_status shrink_candidates(shrink_cand **out, size_t *count,
                                      int *sampled, const qubo *q,
                                      const shrink_params *prm, solve_ctx *ctx,
                                      int all_pairs)
{
    corto_status rc = CORTO_OK;
    int n = q->n;
    size_t nc = all_pairs ? (size_t)n * (n - 1) / 2 : (size_t)q->row[n] / 2;
    shrink_cand *c = NULL;
    unsigned char *x = NULL;
    double *h = NULL, *sum = NULL, *v = NULL, hot = 0, cold = 0;
    int taken = 0, relaxed = 0;
    *out = NULL;
    *count = 0;
    CORTO_ALLOC(c, nc);
    CORTO_ALLOC(x, n);
    CORTO_ALLOC(h, n);
    CORTO_ALLOC(sum, nc);
    if (prm->correlations != CORTO_QUBO_CORR_SAMPLES) {
        CORTO_ALLOC(v, (size_t)(n + 1) * SHRINK_LOWRANK_RANK);
        relaxed = shrink_lowrank_run(v, q, SHRINK_LOWRANK_RANK,
                                     SHRINK_LOWRANK_SWEEPS, ctx) > 0;
    }
    int want = prm->correlations == CORTO_QUBO_CORR_LOWRANK ? 0 : prm->samples;
    qubo_sa_betas(q, &hot, &cold);
    for (int s = 0; s < want && !ctx_should_stop(ctx); s++) {
        for (int i = 0; i < n; i++)
            x[i] = (unsigned char)rng_below(&ctx->rng, 2);
        qubo_fields(q, x, h);
        qubo_sa_run(x, h, q, ctx, prm->sweeps, hot, cold);
        if (ctx->stop != CORTO_STOP_NONE)
            break;
        taken++;
        size_t at = 0;
        for (int i = 0; i < n; i++) {
            if (all_pairs) {
                for (int j = i + 1; j < n; j++)
                    sum[at++] += x[i] == x[j] ? 1.0 : -1.0;
            } else {
                for (int k = q->row[i]; k < q->row[i + 1]; k++)
                    if (q->col[k] > i)
                        sum[at++] += x[i] == x[q->col[k]] ? 1.0 : -1.0;
            }
        }
    }
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        int k = q->row[i];
        for (int j = i + 1; j < n; j++) {
            while (k < q->row[i + 1] && q->col[k] < j)
                k++;
            int coupled = k < q->row[i + 1] && q->col[k] == j;
            if (!all_pairs && !coupled)
                continue;
            double w = coupled ? q->w[k] : 0.0;
            double corr = taken ? sum[at] / taken : 0.0;
            if (relaxed)
                corr += shrink_lowrank_corr(v, SHRINK_LOWRANK_RANK, i, j);
            int kinds = (taken > 0) + relaxed;
            corr = kinds ? corr / kinds : (w < 0 ? 1.0 : -1.0);
            c[at] = (shrink_cand){i, j, corr < 0 || (corr == 0 && w > 0),
                                  kinds ? fabs(corr) : 0.0, fabs(w)};
            at++;
        }
    }
    qsort(c, at, sizeof *c, shrink_cand_cmp);
    *sampled += taken > 0 || relaxed;
    *out = c;
    *count = at;
    c = NULL;
cleanup:
    free(c);
    free(x);
    free(h);
    free(sum);
    free(v);
    return rc;
}

corto_status shrink_run(shrink_result *out, const qubo *q,
                        const shrink_params *prm, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    shrink_state st;
    shrink_cand *cand = NULL;
    int *to = NULL, *newroot = NULL;
    unsigned char *par = NULL;
    qubo cur, next;
    memset(&cur, 0, sizeof cur);
    memset(&next, 0, sizeof next);
    memset(out, 0, sizeof *out);
    memset(&st, 0, sizeof st);
    int n = q->n, target = prm->target < 1 ? 1 : prm->target;
    out->n = n;
    CORTO_TRY(shrink_state_init(&st, n, prm));
    CORTO_ALLOC(out->merges, n);
    CORTO_ALLOC(out->root, n);
    CORTO_ALLOC(to, n);
    CORTO_ALLOC(newroot, n);
    CORTO_ALLOC(par, n);
    CORTO_TRY(qubo_copy(&cur, q));
    for (int v = 0; v < n; v++)
        out->root[v] = v;
    int roots = n, all_pairs = 0;
    while (roots > target) {
        size_t nc = 0;
        CORTO_TRY(shrink_candidates(&cand, &nc, &out->sampled, &cur, prm, ctx,
                                    all_pairs));
        out->recalcs++;
        int made = 0;
        for (size_t k = 0; k < nc && roots > target; k++) {
            if (prm->recalc_every > 0 && made >= prm->recalc_every)
                break;
            int u = out->root[cand[k].i], v = out->root[cand[k].j];
            int a = st.rootof[u], b = st.rootof[v];
            if (a == b)
                continue;
            int rel = st.par[u] ^ st.par[v] ^ cand[k].opposite;
            if (st.size[a] < st.size[b]) {
                int t = a;
                a = b;
                b = t;
            }
            if (shrink_forbidden(&st, a, b, rel)) {
                out->refused++;
                continue;
            }
            shrink_merge_roots(&st, a, b, rel);
            out->merges[out->n_merges++] =
                (shrink_merge){a, b, (unsigned char)rel};
            roots--;
            made++;
        }
        free(cand);
        cand = NULL;
        if (made == 0) {
            if (all_pairs || cur.n > SHRINK_ALL_PAIRS_MAX)
                break; /* nothing left that the rules allow */
            all_pairs = 1;
            continue;
        }
        /* Fold the batch: current variable i -> its group's new index. */
        int m = 0;
        for (int i = 0; i < cur.n; i++)
            if (st.rootof[out->root[i]] == out->root[i])
                newroot[out->root[i]] = m++;
        for (int i = 0; i < cur.n; i++) {
            int r = out->root[i];
            to[i] = newroot[st.rootof[r]];
            par[i] = st.par[r];
        }
        CORTO_TRY(shrink_fold(&next, &cur, to, par, m));
        for (int i = 0; i < cur.n; i++)
            if (st.rootof[out->root[i]] == out->root[i])
                out->root[to[i]] = out->root[i];
        qubo_free(&cur);
        cur = next;
        memset(&next, 0, sizeof next);
    }
    out->small = cur;
    memset(&cur, 0, sizeof cur);
cleanup:
    shrink_state_free(&st);
    free(cand);
    free(to);
    free(newroot);
    free(par);
    qubo_free(&cur);
    qubo_free(&next);
    if (rc != CORTO_OK)
        shrink_free(out);
    return rc;
}

void shrink_free(shrink_result *s)
{
    qubo_free(&s->small);
    free(s->root);
    free(s->merges);
    memset(s, 0, sizeof *s);
}

void shrink_expand(unsigned char *x, const shrink_result *s,
                   const unsigned char *y)
{
    for (int k = 0; k < s->small.n; k++)
        x[s->root[k]] = y[k];
    for (int m = s->n_merges - 1; m >= 0; m--) {
        const shrink_merge *g = &s->merges[m];
        x[g->drop] = x[g->keep] ^ g->opposite;
    }
}
