/*
 * tsp_ls.c — local search for TSP/ATSP tours, array representation with
 * node positions, neighbour lists and don't-look bits (Bentley 1992, "Fast
 * algorithms for geometric traveling salesman problems", ORSA J. Computing
 * 4(4)).
 *
 * Symmetric weights: 2-opt, and Or-opt (Or 1976) moving a chain of 1-3
 * nodes next to one of its neighbours in either orientation, applied as
 * two or three 2-opt moves so that every reversal can take the shorter
 * side of the tour.
 *
 * Asymmetric weights: moves that never reverse a path: Or-opt without
 * reversal and the "or3" segment exchange a-b, c-d, e-f -> a-d, e-b, c-f
 * (the only pure 3-opt reconnection that keeps every orientation; Johnson
 * & McGeoch 1997, "The traveling salesman problem: a case study in local
 * optimization"). They are applied by exchanging two of the three
 * segments in the array, leaving the longest in place.
 *
 * After the first local optimum the search iterates (iterated local
 * search; Martin, Otto & Felten 1991, "Large-step Markov chains for the
 * traveling salesman problem", Complex Systems 5): a random double-bridge
 * kick on a stretch of the tour (a "segment" double bridge as in LKH,
 * Helsgaun 2009, "General k-opt submoves for the Lin-Kernighan TSP
 * heuristic", Math. Prog. Comp. 1), local search restarted from the six
 * endpoints only, and the result kept when it is not worse. The double
 * bridge exchanges two adjacent segments without reversing either, so it
 * is valid for asymmetric weights too. Every write to the tour array is
 * logged by position, so a rejected kick is undone in time proportional
 * to the work it did, not to n.
 *
 * No move removes a fixed edge.
 */
#include "construct.h"
#include "neighbours.h"
#include "route_eval.h"
#include "tsp_tour.h"
#include "util.h"

#include <string.h>

/* Neighbour list length (8 and 10 gave longer tours for the same number
 * of kicks on pr2392 and saved little time). */
#define TSP_LS_K 16
/* Kick span: the two exchanged segments hold 1..TSP_KICK_SEG nodes each.
 * Measured on lin318, pr1002 and pr2392 at equal CPU time: 300 gave
 * shorter tours than 10, 50 or 100 (short segments are often undone by
 * Or-opt); kicks between nodes found by random walks on the neighbour
 * graph (Applegate, Cook & Rohe 2003) did worse with this local search. */
#define TSP_KICK_SEG 300
/* Iterations without a shorter tour, per n^2, after which the search ends:
 * a few tenths of a second on berlin52, never within the default limit
 * beyond a few hundred nodes. */
#define TSP_STALL_FACTOR 50

typedef struct tsp_ls {
    const tsp_view *v;
    solve_ctx *ctx;
    int n;
    int *tour, *pos;
    int *scratch;   /* n ints for segment exchanges */
    int *base;      /* the tour as of the last accepted state */
    int *touched;   /* positions written since then (each listed once) */
    unsigned *mark; /* mark[i] == stamp: position i is in touched */
    unsigned stamp;
    int n_touched;
    nb_lists nb;
    int *queue; /* circular FIFO of nodes whose don't-look bit is off */
    unsigned char *queued;
    int qhead, qcount;
    int64_t weight; /* current tour weight */
} tsp_ls;

static inline int ls_succ(const tsp_ls *ls, int x)
{
    int i = ls->pos[x] + 1;
    return ls->tour[i == ls->n ? 0 : i];
}

static inline int ls_pred(const tsp_ls *ls, int x)
{
    int i = ls->pos[x];
    return ls->tour[i == 0 ? ls->n - 1 : i - 1];
}

static inline int64_t ls_w(const tsp_ls *ls, int i, int j)
{
    return tsp_w(ls->v, i, j);
}

/* Put node x at position i, logging i for ls_commit / ls_revert. */
static inline void ls_set(tsp_ls *ls, int i, int x)
{
    ls->tour[i] = x;
    ls->pos[x] = i;
    if (ls->mark[i] != ls->stamp) {
        ls->mark[i] = ls->stamp;
        ls->touched[ls->n_touched++] = i;
    }
}

/* Start a new log (the tour and base agree on every position). */
static void ls_new_log(tsp_ls *ls)
{
    ls->n_touched = 0;
    if (++ls->stamp == 0) {
        memset(ls->mark, 0, (size_t)ls->n * sizeof *ls->mark);
        ls->stamp = 1;
    }
}

/* Keep the current tour: copy the logged positions into base. */
static void ls_commit(tsp_ls *ls)
{
    for (int t = 0; t < ls->n_touched; t++) {
        int i = ls->touched[t];
        ls->base[i] = ls->tour[i];
    }
    ls_new_log(ls);
}

/* Go back to base: restore the logged positions. */
static void ls_revert(tsp_ls *ls)
{
    for (int t = 0; t < ls->n_touched; t++) {
        int i = ls->touched[t];
        ls->tour[i] = ls->base[i];
        ls->pos[ls->base[i]] = i;
    }
    ls_new_log(ls);
}

static void ls_push(tsp_ls *ls, int x)
{
    if (ls->queued[x])
        return;
    ls->queued[x] = 1;
    ls->queue[(ls->qhead + ls->qcount) % ls->n] = x;
    ls->qcount++;
}

static int ls_pop(tsp_ls *ls)
{
    int x = ls->queue[ls->qhead];
    ls->qhead = (ls->qhead + 1) % ls->n;
    ls->qcount--;
    ls->queued[x] = 0;
    return x;
}

/* Offset of x after `from` along the tour (0 for from itself). */
static inline int ls_rel(const tsp_ls *ls, int from, int x)
{
    int r = ls->pos[x] - ls->pos[from];
    return r < 0 ? r + ls->n : r;
}

/* Reverse the path x .. y (following successors), or its complement,
 * whichever is shorter: for symmetric weights both give the same tour. */
static void ls_reverse_path(tsp_ls *ls, int x, int y)
{
    int n = ls->n;
    int i = ls->pos[x], j = ls->pos[y];
    int len = (j - i + n) % n + 1;
    if (2 * len > n) {
        int ni = (j + 1) % n, nj = (i - 1 + n) % n;
        i = ni;
        j = nj;
        len = n - len;
    }
    for (int k = 0; k < len / 2; k++) {
        int a = ls->tour[i], b = ls->tour[j];
        ls_set(ls, i, b);
        ls_set(ls, j, a);
        i = i + 1 == n ? 0 : i + 1;
        j = j == 0 ? n - 1 : j - 1;
    }
}

/* Remove edges {a,b} and {c,d}, add {a,c} and {b,d}, where b and d are
 * both successors (or both predecessors) of a and c. */
static void ls_two_opt_move(tsp_ls *ls, int a, int b, int c, int d)
{
    if (ls_succ(ls, a) == b)
        ls_reverse_path(ls, b, c);
    else
        ls_reverse_path(ls, a, d);
}

/* 2-opt from node a, both tour directions: new edge {a, c} for c among the
 * neighbours of a closer than a's current neighbour. */
static int ls_sym_two_opt(tsp_ls *ls, int a)
{
    const tsp_view *v = ls->v;
    int k = ls->nb.k;
    for (int dir = 0; dir < 2; dir++) {
        int b = dir == 0 ? ls_succ(ls, a) : ls_pred(ls, a);
        if (tsp_fixed(v, a, b))
            continue;
        int64_t wab = ls_w(ls, a, b);
        for (int t = 0; t < k; t++) {
            int c = ls->nb.out[(size_t)a * (size_t)k + (size_t)t];
            if (c < 0)
                break;
            int64_t wac = ls_w(ls, a, c);
            if (wac >= wab)
                break;
            int d = dir == 0 ? ls_succ(ls, c) : ls_pred(ls, c);
            if (c == b || d == a || tsp_fixed(v, c, d))
                continue;
            int64_t delta = wac + ls_w(ls, b, d) - wab - ls_w(ls, c, d);
            if (delta < 0) {
                ls_two_opt_move(ls, a, b, c, d);
                ls->weight += delta;
                ls_push(ls, a);
                ls_push(ls, b);
                ls_push(ls, c);
                ls_push(ls, d);
                return 1;
            }
        }
    }
    return 0;
}

/*
 * The chain of `len` nodes that starts (side 0) or ends (side 1) at a:
 * its ends s1..s2, the nodes p before and nx after it, and the length
 * saved by cutting it out (p-s1 and s2-nx replaced by p-nx). 0 when the
 * chain is held by a fixed edge at either end.
 */
static int ls_chain(const tsp_ls *ls, int a, int len, int side, int *s1,
                    int *s2, int *p, int *nx, int64_t *gain)
{
    *s1 = *s2 = a;
    for (int t = 1; t < len; t++) {
        if (side == 0)
            *s2 = ls_succ(ls, *s2);
        else
            *s1 = ls_pred(ls, *s1);
    }
    *p = ls_pred(ls, *s1);
    *nx = ls_succ(ls, *s2);
    if (tsp_fixed(ls->v, *p, *s1) || tsp_fixed(ls->v, *s2, *nx))
        return 0;
    *gain = ls_w(ls, *p, *s1) + ls_w(ls, *s2, *nx) - ls_w(ls, *p, *nx);
    return 1;
}

/*
 * Or-opt from node a: the chains of 1-3 nodes that start or end at a are
 * moved between x and y = succ(x) for x or y a neighbour of a, in the
 * better orientation. Tour p S n .. x y .. becomes p n .. x S y .., done
 * as 2-opt moves {p,s1},{x,y}; then {p,x},{n,s2}; then (same orientation)
 * {x,s2},{s1,y}.
 */
static int ls_sym_or_opt(tsp_ls *ls, int a)
{
    const tsp_view *v = ls->v;
    int k = ls->nb.k;
    for (int len = 1; len <= 3; len++) {
        if (ls->n < len + 3)
            break;
        for (int side = 0; side < (len == 1 ? 1 : 2); side++) {
            int s1, s2, p, nx;
            int64_t gain;
            if (!ls_chain(ls, a, len, side, &s1, &s2, &p, &nx, &gain))
                continue;
            if (gain <= 0)
                continue;
            for (int t = 0; t < k; t++) {
                int c = ls->nb.out[(size_t)a * (size_t)k + (size_t)t];
                if (c < 0 || ls_w(ls, a, c) >= gain)
                    break;
                if (ls_rel(ls, s1, c) < len)
                    continue;
                for (int e = 0; e < 2; e++) {
                    int x = e == 0 ? c : ls_pred(ls, c);
                    int y = e == 0 ? ls_succ(ls, c) : c;
                    if (x == p || y == p || ls_rel(ls, s1, x) < len ||
                        ls_rel(ls, s1, y) < len || tsp_fixed(v, x, y))
                        continue;
                    int64_t wxy = ls_w(ls, x, y);
                    int64_t keep = ls_w(ls, x, s1) + ls_w(ls, s2, y) - wxy;
                    int64_t flip = ls_w(ls, x, s2) + ls_w(ls, s1, y) - wxy;
                    int64_t add = keep < flip ? keep : flip;
                    if (add - gain >= 0)
                        continue;
                    ls_two_opt_move(ls, p, s1, x, y);
                    ls_two_opt_move(ls, p, x, nx, s2);
                    if (keep < flip && len > 1)
                        ls_two_opt_move(ls, x, s2, s1, y);
                    ls->weight += add - gain;
                    ls_push(ls, p);
                    ls_push(ls, nx);
                    ls_push(ls, s1);
                    ls_push(ls, s2);
                    ls_push(ls, x);
                    ls_push(ls, y);
                    return 1;
                }
            }
        }
    }
    return 0;
}

/* The block of lx positions from i followed by the block of ly positions
 * (cyclically) become the second block followed by the first. */
static void ls_swap_blocks(tsp_ls *ls, int i, int lx, int ly)
{
    int n = ls->n, m = lx + ly;
    int *buf = ls->scratch;
    for (int k = 0, j = i; k < m; k++, j = j + 1 == n ? 0 : j + 1)
        buf[k] = ls->tour[j];
    int j = i;
    for (int k = lx; k < m; k++, j = j + 1 == n ? 0 : j + 1)
        ls_set(ls, j, buf[k]);
    for (int k = 0; k < lx; k++, j = j + 1 == n ? 0 : j + 1)
        ls_set(ls, j, buf[k]);
}

/*
 * Rewrite the tour a-b..c-d..e-f.. as a-d..e-b..c-f.. (orientation kept).
 * With S1 = b..c, S2 = d..e, S3 = f..a the tour S1 S2 S3 becomes S2 S1 S3,
 * the same cycle as S1 S3 S2 and S3 S2 S1: the longest segment stays in
 * place and the other two are swapped.
 */
static void ls_or3_apply(tsp_ls *ls, int a, int b, int c, int d, int e, int f)
{
    int l1 = ls_rel(ls, b, c) + 1, l2 = ls_rel(ls, d, e) + 1;
    int l3 = ls->n - l1 - l2;
    if (l3 >= l1 && l3 >= l2)
        ls_swap_blocks(ls, ls->pos[b], l1, l2);
    else if (l1 >= l2)
        ls_swap_blocks(ls, ls->pos[d], l2, l3);
    else
        ls_swap_blocks(ls, ls->pos[f], l3, l1);
    ls_push(ls, a);
    ls_push(ls, b);
    ls_push(ls, c);
    ls_push(ls, d);
    ls_push(ls, e);
    ls_push(ls, f);
}

/* Or-opt without reversal from node a (chains of 1-3 nodes starting or
 * ending at a), inserted between x and y = succ(x) where x is a near
 * predecessor of s1 or y a near successor of s2. */
static int ls_dir_or_opt(tsp_ls *ls, int a)
{
    const tsp_view *v = ls->v;
    int k = ls->nb.k;
    for (int len = 1; len <= 3; len++) {
        if (ls->n < len + 3)
            break;
        for (int side = 0; side < (len == 1 ? 1 : 2); side++) {
            int s1, s2, p, nx;
            int64_t gain;
            if (!ls_chain(ls, a, len, side, &s1, &s2, &p, &nx, &gain))
                continue;
            for (int t = 0; t < 2 * k; t++) {
                int x, y;
                if (t < k) {
                    x = ls->nb.in[(size_t)s1 * (size_t)k + (size_t)t];
                    if (x < 0)
                        continue;
                    y = ls_succ(ls, x);
                } else {
                    y = ls->nb.out[(size_t)s2 * (size_t)k + (size_t)(t - k)];
                    if (y < 0)
                        continue;
                    x = ls_pred(ls, y);
                }
                if (x == p || ls_rel(ls, s1, x) < len ||
                    ls_rel(ls, s1, y) < len || tsp_fixed(v, x, y))
                    continue;
                int64_t add =
                    ls_w(ls, x, s1) + ls_w(ls, s2, y) - ls_w(ls, x, y);
                if (add - gain < 0) {
                    ls->weight += add - gain;
                    ls_or3_apply(ls, p, s1, s2, nx, x, y);
                    return 1;
                }
            }
        }
    }
    return 0;
}

/* The or3 exchange with a as the first node: new arcs a->d (d a near
 * successor of a) and e->b (e a near predecessor of b = succ(a)). */
static int ls_dir_or3(tsp_ls *ls, int a)
{
    const tsp_view *v = ls->v;
    int k = ls->nb.k;
    int b = ls_succ(ls, a);
    if (ls->n < 4 || tsp_fixed(v, a, b))
        return 0;
    int64_t wab = ls_w(ls, a, b);
    for (int t = 0; t < k; t++) {
        int d = ls->nb.out[(size_t)a * (size_t)k + (size_t)t];
        if (d < 0)
            break;
        if (d == b || d == a)
            continue;
        int c = ls_pred(ls, d);
        if (tsp_fixed(v, c, d))
            continue;
        int64_t g1 = wab + ls_w(ls, c, d) - ls_w(ls, a, d);
        if (g1 <= 0)
            continue;
        int rd = ls_rel(ls, a, d);
        for (int u = 0; u < k; u++) {
            int e = ls->nb.in[(size_t)b * (size_t)k + (size_t)u];
            if (e < 0)
                break;
            if (e == a || ls_rel(ls, a, e) < rd)
                continue;
            int f = ls_succ(ls, e);
            if (tsp_fixed(v, e, f))
                continue;
            int64_t delta =
                ls_w(ls, e, b) + ls_w(ls, c, f) - ls_w(ls, e, f) - g1;
            if (delta < 0) {
                ls->weight += delta;
                ls_or3_apply(ls, a, b, c, d, e, f);
                return 1;
            }
        }
    }
    return 0;
}

/* One improving move from node a, if any. */
static int ls_improve_node(tsp_ls *ls, int a)
{
    if (ls->v->symmetric)
        return ls_sym_two_opt(ls, a) || ls_sym_or_opt(ls, a);
    return ls_dir_or_opt(ls, a) || ls_dir_or3(ls, a);
}

/* Apply improving moves from the queued nodes until none is left (a local
 * optimum) or the limits stop the solve (then 1 is returned). */
static int ls_descend(tsp_ls *ls)
{
    int64_t tries = 0;
    while (ls->qcount > 0) {
        if (++tries % 128 == 0 && ctx_should_stop(ls->ctx))
            return 1;
        int a = ls_pop(ls);
        if (ls_improve_node(ls, a))
            ls_push(ls, a);
    }
    return 0;
}

/*
 * Segment double bridge: at a random position p the two segments of
 * 1..TSP_KICK_SEG nodes that follow are exchanged, x B C y -> x C B y,
 * which replaces three arcs and reverses nothing. Kicks that would remove
 * a fixed edge are redrawn a few times; 0 when none could be placed.
 */
static int ls_kick(tsp_ls *ls)
{
    const tsp_view *v = ls->v;
    int n = ls->n;
    int seg = TSP_KICK_SEG < (n - 1) / 2 ? TSP_KICK_SEG : (n - 1) / 2;
    for (int attempt = 0; attempt < 8; attempt++) {
        int p = (int)rng_below(&ls->ctx->rng, (uint64_t)n);
        int l1 = 1 + (int)rng_below(&ls->ctx->rng, (uint64_t)seg);
        int l2 = 1 + (int)rng_below(&ls->ctx->rng, (uint64_t)seg);
        int x = ls->tour[p];
        int b0 = ls->tour[(p + 1) % n], b1 = ls->tour[(p + l1) % n];
        int c0 = ls->tour[(p + l1 + 1) % n];
        int c1 = ls->tour[(p + l1 + l2) % n];
        int y = ls->tour[(p + l1 + l2 + 1) % n];
        if (tsp_fixed(v, x, b0) || tsp_fixed(v, b1, c0) || tsp_fixed(v, c1, y))
            continue;
        ls->weight += ls_w(ls, x, c0) + ls_w(ls, c1, b0) + ls_w(ls, b1, y) -
                      ls_w(ls, x, b0) - ls_w(ls, b1, c0) - ls_w(ls, c1, y);
        ls_swap_blocks(ls, (p + 1) % n, l1, l2);
        ls_push(ls, x);
        ls_push(ls, b0);
        ls_push(ls, b1);
        ls_push(ls, c0);
        ls_push(ls, c1);
        ls_push(ls, y);
        return 1;
    }
    return 0;
}

/*
 * Local search to the first local optimum, then iterated local search
 * until the limits: each iteration is one kick and a local search from
 * its endpoints, kept when the tour is not longer, undone otherwise.
 */
corto_status tsp_improve(corto_solution *s, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    tsp_view v = {0};
    tsp_ls ls;
    memset(&ls, 0, sizeof ls);
    CORTO_TRY(tsp_view_init(&v, ctx->problem));
    int n = v.n;
    ls.v = &v;
    ls.ctx = ctx;
    ls.n = n;
    CORTO_ALLOC(ls.tour, n);
    CORTO_ALLOC(ls.pos, n);
    CORTO_ALLOC(ls.scratch, n);
    CORTO_ALLOC(ls.base, n);
    CORTO_ALLOC(ls.touched, n);
    CORTO_ALLOC(ls.mark, n);
    CORTO_ALLOC(ls.queue, n);
    CORTO_ALLOC(ls.queued, n);
    if (n < 4 || tsp_tour_from_solution(ls.tour, &v, s) != CORTO_OK)
        goto cleanup; /* nothing to improve, or not a tour: leave it */
    CORTO_TRY(nb_build(&ls.nb, v.w, n, NULL, TSP_LS_K, !v.symmetric));
    for (int k = 0; k < n; k++) {
        ls.pos[ls.tour[k]] = k;
        ls_push(&ls, ls.tour[k]);
    }
    ls.weight = tsp_tour_weight(&v, ls.tour);
    /* The objective differs from the tour weight by a constant (fixed
     * cost, prizes); report costs on the objective's scale. */
    route_eval re;
    route_eval_nodes(&re, ctx->problem, 0, ls.tour + 1, n - 1);
    int64_t offset = re.cost - ls.weight;
    int64_t start = ls.weight;
    ls_new_log(&ls);
    int stopped = ls_descend(&ls);
    ctx_new_best(ctx, ls.weight + offset);
    ctx_log(ctx, 1, "tsp local optimum: cost %lld, %.3f s",
            (long long)(ls.weight + offset), ctx_elapsed(ctx));
    memcpy(ls.base, ls.tour, (size_t)n * sizeof *ls.base);
    ls_new_log(&ls);
    /* Below 8 nodes a kick has nothing to exchange that the local search
     * would not undo; the local optimum is the answer. The search also
     * ends (completed) after TSP_STALL_FACTOR * n^2 iterations without a
     * shorter tour, so small instances do not spin until the time limit,
     * and when fixed edges leave no room for kicks. */
    int64_t stall = 0, stall_max = (int64_t)TSP_STALL_FACTOR * n * n;
    int misses = 0;
    while (!stopped && n >= 8 && stall < stall_max && misses < 100 &&
           !ctx_should_stop(ctx)) {
        int64_t before = ls.weight;
        if (ls_kick(&ls)) {
            misses = 0;
            stopped = ls_descend(&ls);
        } else {
            misses++;
        }
        stall = ls.weight < before ? 0 : stall + 1;
        if (ls.weight <= before) {
            ls_commit(&ls);
        } else {
            ls_revert(&ls);
            ls.weight = before;
        }
        ctx->iteration++;
        if (ls.weight < before)
            ctx_new_best(ctx, ls.weight + offset);
    }
    ctx_log(ctx, 1, "tsp iterated local search: %lld iterations",
            (long long)ctx->iteration);
    if (ls.weight < start) {
        CORTO_TRY(tsp_tour_to_solution(s, &v, ls.tour));
        ctx_new_best(ctx, ls.weight + offset);
    }
cleanup:
    nb_free(&ls.nb);
    free(ls.tour);
    free(ls.pos);
    free(ls.scratch);
    free(ls.base);
    free(ls.touched);
    free(ls.mark);
    free(ls.queue);
    free(ls.queued);
    tsp_view_free(&v);
    return rc;
}
