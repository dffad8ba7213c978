/*
 * mis_ils.c — iterated local search for the maximum independent set,
 * after Andrade, Resende & Werneck (2012, "Fast local search for the
 * maximum independent set problem", J. Heuristics 18:525-547; "ARW").
 *
 * Implementation details:
 *  - the state is a solution S with, per vertex, its tightness (number of
 *    neighbours in S) and the sum of the ids of those neighbours, so the
 *    one solution neighbour of a 1-tight vertex is known in O(1); S and
 *    the free vertices (outside S, tightness 0) are kept as index lists;
 *  - local search: (1,2)-swaps. A solution vertex x with two non-adjacent
 *    1-tight neighbours u, w is replaced by u and w, then the set is made
 *    maximal again. Only candidate solution vertices are examined: those
 *    just inserted and the solution neighbour of every vertex that became
 *    1-tight (ARW's incremental rule);
 *  - perturbation: force k vertices into S, removing their solution
 *    neighbours (k = 1, except with probability 1/(2|S|) k = i + 1 with
 *    probability 1/2^i, the further vertices drawn two steps away from the
 *    first, as in ARW). The vertex is the one outside S for longest among
 *    four random non-solution vertices (an age rule in the spirit of
 *    ARW's). Forced vertices may not be swapped out in the same iteration;
 *  - acceptance (ARW): a set at least as large as the current one is
 *    kept; a smaller one with probability 1 / (1 + d d*), d the loss to
 *    the current and d* the loss to the best set; otherwise the iteration
 *    is undone from a journal of its insertions and removals.
 */
#include "mis_search.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Non-solution vertices sampled for the age rule of the perturbation. */
#define MIS_AGE_SAMPLES 4

typedef struct mis_state {
    mis_graph g;       /* cleaned adjacency */
    unsigned char *in; /* in S */
    unsigned char *forced;
    int *tight;
    int64_t *idsum; /* sum of the ids of the solution neighbours */
    mis_set sol;    /* S */
    mis_set fre;    /* free vertices */
    int *cand, nc;  /* candidate solution vertices, stack */
    unsigned char *is_cand;
    int *journal, nj, logging; /* v + 1: inserted, -(v + 1): removed */
    int *mark, stamp;
    int *list; /* 1-tight neighbours of the vertex examined */
    int64_t *age;
    int64_t it;
    rng *rng;
} mis_state;

static void mis_push(mis_state *s, int v)
{
    if (!s->is_cand[v]) {
        s->is_cand[v] = 1;
        s->cand[s->nc++] = v;
    }
}

/* Put v (free: outside S with no solution neighbour) into S. */
static void mis_insert(mis_state *s, int v)
{
    s->in[v] = 1;
    s->age[v] = s->it;
    mis_set_del(&s->fre, v);
    mis_set_add(&s->sol, v);
    for (int k = s->g.row[v]; k < s->g.row[v + 1]; k++) {
        int u = s->g.col[k];
        if (s->tight[u]++ == 0)
            mis_set_del(&s->fre, u);
        s->idsum[u] += v;
    }
    if (s->logging)
        s->journal[s->nj++] = v + 1;
}

/* Take v out of S; the solution neighbour of every vertex left 1-tight
 * becomes a candidate of the local search. */
static void mis_remove(mis_state *s, int v)
{
    s->in[v] = 0;
    s->age[v] = s->it;
    mis_set_del(&s->sol, v);
    mis_set_add(&s->fre,
                v); /* S is independent: v has no solution neighbour */
    for (int k = s->g.row[v]; k < s->g.row[v + 1]; k++) {
        int u = s->g.col[k];
        s->idsum[u] -= v;
        if (--s->tight[u] == 0)
            mis_set_add(&s->fre, u);
        else if (s->tight[u] == 1)
            mis_push(s, (int)s->idsum[u]);
    }
    if (s->logging)
        s->journal[s->nj++] = -(v + 1);
}

/* Insert random free vertices until none is left (S maximal). */
static void mis_fill(mis_state *s)
{
    while (s->fre.size > 0) {
        int v = s->fre.item[rng_below(s->rng, (uint64_t)s->fre.size)];
        mis_insert(s, v);
        mis_push(s, v);
    }
}

/* Try a (1,2)-swap around solution vertex x; 1 when one was made. */
static int mis_swap(mis_state *s, int x)
{
    int len = 0;
    for (int k = s->g.row[x]; k < s->g.row[x + 1]; k++)
        if (s->tight[s->g.col[k]] == 1)
            s->list[len++] = s->g.col[k];
    for (int i = 0; i + 1 < len; i++) {
        int u = s->list[i];
        s->stamp++;
        for (int k = s->g.row[u]; k < s->g.row[u + 1]; k++)
            s->mark[s->g.col[k]] = s->stamp;
        for (int j = i + 1; j < len; j++) {
            int w = s->list[j];
            if (s->mark[w] == s->stamp)
                continue;
            mis_remove(s, x);
            mis_insert(s, u);
            mis_insert(s, w);
            mis_push(s, u);
            mis_push(s, w);
            mis_fill(s);
            return 1;
        }
    }
    return 0;
}

/* (1,2)-swaps from the candidates until none applies. */
static void mis_local_search(mis_state *s)
{
    while (s->nc > 0) {
        int x = s->cand[--s->nc];
        s->is_cand[x] = 0;
        if (s->in[x] && !s->forced[x])
            mis_swap(s, x);
    }
}

/* A vertex outside S: the oldest of a few random ones; -1 when S = V. */
static int mis_pick_outside(mis_state *s)
{
    int best = -1;
    if (s->sol.size == s->g.n)
        return -1;
    for (int t = 0, tries = 0;
         t < MIS_AGE_SAMPLES && tries < 64 * MIS_AGE_SAMPLES; tries++) {
        int v = (int)rng_below(s->rng, (uint64_t)s->g.n);
        if (s->in[v])
            continue;
        t++;
        if (best < 0 || s->age[v] < s->age[best])
            best = v;
    }
    for (int v = 0; best < 0 && v < s->g.n; v++)
        if (!s->in[v])
            best = v;
    return best;
}

/* Force v into S, removing its solution neighbours. */
static void mis_force(mis_state *s, int v)
{
    for (int k = s->g.row[v]; k < s->g.row[v + 1]; k++)
        if (s->in[s->g.col[k]])
            mis_remove(s, s->g.col[k]);
    mis_insert(s, v);
    s->forced[v] = 1;
}

/* A random vertex two steps from v, or -1. */
static int mis_two_steps(mis_state *s, int v)
{
    int d = s->g.row[v + 1] - s->g.row[v];
    if (d == 0)
        return -1;
    int a = s->g.col[s->g.row[v] + (int)rng_below(s->rng, (uint64_t)d)];
    int da = s->g.row[a + 1] - s->g.row[a];
    return s->g.col[s->g.row[a] + (int)rng_below(s->rng, (uint64_t)da)];
}

/* One perturbation with its local search; the forced vertices are
 * written to forced_list (returns how many). */
static int mis_perturb(mis_state *s, int *forced_list)
{
    int k = 1;
    if (rng_below(s->rng, 2 * (uint64_t)s->sol.size + 1) == 0) {
        k = 2;
        while (k < s->g.n && rng_below(s->rng, 2) == 0)
            k++;
    }
    int v = mis_pick_outside(s), nfz = 0;
    if (v < 0)
        return 0;
    mis_force(s, v);
    forced_list[nfz++] = v;
    for (int i = 1; i < k; i++) {
        int w = mis_two_steps(s, v);
        if (w < 0 || s->in[w])
            continue;
        mis_force(s, w);
        forced_list[nfz++] = w;
    }
    mis_fill(s);
    mis_local_search(s);
    return nfz;
}

/* Revert the journal (newest first). */
static void mis_undo(mis_state *s)
{
    s->logging = 0;
    for (int j = s->nj - 1; j >= 0; j--) {
        int e = s->journal[j];
        if (e > 0)
            mis_remove(s, e - 1);
        else
            mis_insert(s, -e - 1);
    }
    s->nj = 0;
    while (s->nc > 0) /* candidates pushed by the undo are stale */
        s->is_cand[s->cand[--s->nc]] = 0;
}

corto_status mis_ils(unsigned char *x, int n, const int *row, const int *col,
                     solve_ctx *ctx, int64_t *iterations)
{
    corto_status rc = CORTO_OK;
    mis_state s;
    int *best = NULL, *forced_list = NULL;
    memset(&s, 0, sizeof s);
    CORTO_TRY(mis_search_begin(&s.g, iterations, x, n, row, col));
    if (n == 0)
        goto cleanup;
    CORTO_TRY(mis_set_init(&s.sol, n));
    CORTO_TRY(mis_set_init(&s.fre, n));
    s.rng = &ctx->rng;
    CORTO_ALLOC(s.in, n);
    CORTO_ALLOC(s.forced, n);
    CORTO_ALLOC(s.tight, n);
    CORTO_ALLOC(s.idsum, n);
    CORTO_ALLOC(s.cand, n);
    CORTO_ALLOC(s.is_cand, n);
    /* Journal of one iteration: at most |S| + (swaps <= n) removals and,
     * as |S| <= n, at most n + removals insertions. */
    CORTO_ALLOC(s.journal, 5 * (size_t)n + 8);
    CORTO_ALLOC(s.mark, n);
    CORTO_ALLOC(s.list, n);
    CORTO_ALLOC(s.age, n);
    CORTO_ALLOC(best, n);
    CORTO_ALLOC(forced_list, n);
    for (int v = 0; v < n; v++)
        mis_set_add(&s.fre, v);
    /* The start: x's vertices in index order while they stay
     * independent, then maximal, then a local optimum. */
    for (int v = 0; v < n; v++)
        if (x[v] && s.fre.pos[v] >= 0) {
            mis_insert(&s, v);
            mis_push(&s, v);
        }
    mis_fill(&s);
    mis_local_search(&s);
    int nbest = s.sol.size;
    memcpy(best, s.sol.item, (size_t)s.sol.size * sizeof *best);
    int limited = ctx->deadline > 0 || ctx->opt->iterations > 0;
    int64_t cap = limited ? INT64_MAX : 1000 * ((int64_t)n + 100);
    s.logging = 1;
    for (s.it = 1; s.it <= cap; s.it++) {
        if ((ctx->opt->iterations > 0 || (s.it & 15) == 0) &&
            ctx_should_stop(ctx))
            break;
        int before = s.sol.size;
        s.nj = 0;
        int nfz = mis_perturb(&s, forced_list);
        for (int i = 0; i < nfz; i++)
            s.forced[forced_list[i]] = 0;
        ctx->iteration++;
        if (iterations)
            *iterations = s.it;
        if (nfz == 0)
            break; /* S = V */
        if (s.sol.size > nbest) {
            nbest = s.sol.size;
            memcpy(best, s.sol.item, (size_t)s.sol.size * sizeof *best);
            ctx_new_best(ctx, -(int64_t)nbest);
        }
        if (s.sol.size < before) {
            uint64_t d = (uint64_t)(before - s.sol.size);
            uint64_t dstar = (uint64_t)(nbest - s.sol.size);
            if (rng_below(&ctx->rng, 1 + d * dstar) != 0)
                mis_undo(&s);
        }
    }
    memset(x, 0, (size_t)n);
    for (int i = 0; i < nbest; i++)
        x[best[i]] = 1;
cleanup:
    mis_set_free(&s.sol);
    mis_set_free(&s.fre);
    mis_graph_free(&s.g);
    free(s.in);
    free(s.forced);
    free(s.tight);
    free(s.idsum);
    free(s.cand);
    free(s.is_cand);
    free(s.journal);
    free(s.mark);
    free(s.list);
    free(s.age);
    free(best);
    free(forced_list);
    return rc;
}
