/*
 * alns.c — the ALNS loop for VRPs. Every (destroy, repair) pair of
 * destroy.h and repair.h is one arm of a bandit (bandit.h); a second
 * bandit of the same kind picks the mode of the iteration: the lower or
 * upper half of the destroy size range [destroy-min, destroy-max] (capped
 * at 40% of the clients), with or without soft constraints. An iteration:
 * pick an arm and a mode, copy the current solution into the candidate,
 * remove a number of clients drawn uniformly from the mode's half of the
 * range, repair, run the granular local search on the candidate when it
 * is within ALNS_LS_GAP of the best (local search dominates the run time,
 * so hopeless candidates skip it), then let the acceptance criterion
 * (accept.h) decide and reward both bandits with the outcome: new best,
 * better than current, accepted, rejected (Ropke & Pisinger 2006, "An
 * adaptive large neighborhood search heuristic for the pickup and delivery
 * problem with time windows", Transp. Sci. 40(4)).
 *
 * Solutions are compared by the penalised objective of vrp_state.h, so a
 * candidate that leaves a required client out is never preferred to a
 * complete one.
 *
 * Soft constraints (option soft-constraints, Vidal et al. 2012, "A hybrid
 * genetic algorithm for multidepot and periodic vehicle routing problems",
 * OR 60(3)): repair and local search price excess load, time and distance
 * at weights instead of refusing them, so the search can pass through
 * infeasible solutions, e.g. to empty a route. A candidate left with an
 * excess gets a second local search at ten times the weights; if it is
 * still infeasible it is rejected, so the current and best solutions stay
 * feasible. Each weight is adapted every ALNS_SOFT_WINDOW local searches
 * to keep about ALNS_SOFT_TARGET of their results free of its excess. Three
 * states (current, best, candidate) are allocated up front; after their route
 * buffers have grown to their working sizes the loop does not allocate.
 *
 * Progress for the acceptance schedule is the fraction of the iteration
 * limit when one is set (so a seed and an iteration count give the same
 * run on any machine), otherwise the fraction of the time limit.
 *
 * Neural arm (option neural-arm, repair_neural.h): the policy of neural/
 * becomes one more repair operator, so every destroy operator gets a
 * (destroy, neural) arm next to its classical pairs and the bandit learns
 * how often to use it.
 *
 * Route pool (option route-pool, route_pool.h): the feasible routes of
 * every candidate within ALNS_POOL_GAP of the best go into a bounded pool, and
 * now and then a set partitioning over the pool (GLPK), started from the best
 * solution, looks for a cheaper combination; one it finds becomes the best and
 * the current solution.
 */
#include "alns.h"
#include "accept.h"
#include "bandit.h"
#include "destroy.h"
#include "repair.h"
#include "repair_neural.h"
#include "route_pool.h"
#include "util.h"
#include "vrp_ls.h"

#include <stdio.h>
#include <string.h>

/* Local search on candidates within this fraction of the best. */
#define ALNS_LS_GAP 0.05

/* Routes of candidates within this fraction of the best go to the route
 * pool: a pool of routes from near-best solutions keeps the set
 * partitioning small and its LP tight. */
#define ALNS_POOL_GAP 0.002

/* Worsening (fraction of the start cost) the acceptance schedules let
 * through at the start. */
#define ALNS_START_WORSE 0.002

/* Repair operators: the classical ones, then the neural one when on. */
#define ALNS_REPAIRS (REPAIR_KIND_COUNT + 1)
/* Arms of the second bandit: bit 0 soft constraints on, bit 1 the upper
 * half of the destroy size range. */
#define ALNS_MODES 4

#define ALNS_SOFT_TARGET 0.2
#define ALNS_SOFT_WINDOW 100
#define ALNS_SOFT_REPAIR 10.0
#define ALNS_SOFT_MIN    0.01
#define ALNS_SOFT_MAX    1e6

typedef struct alns {
    vrp_data d;
    vrp_state st[3]; /* current, best, candidate (rotated by pointer) */
    vrp_ls *ls;
    destroy_ws *dw;
    repair_ws *rw;
    repair_neural *nr; /* NULL unless the option neural-arm is on */
    int n_repairs;     /* repair operators in the arms */
    bandit *band;      /* arms: (destroy, repair) pairs */
    bandit *mode_band; /* arms: destroy size class x soft constraints */
    accept_criterion *acc;
    route_pool *pool; /* NULL when the option is off */
    int soft_runs;    /* local searches since the last weight update */
    int soft_free[3]; /* of those, results without load/time/dist excess */
} alns;

/* Uniform destroy size in the lower (large = 0) or upper half of the
 * configured range, within 1..40% of the clients (at least 1). */
static int alns_destroy_size(const solve_ctx *ctx, int n_clients, int large,
                             rng *r)
{
    int64_t cap = (int64_t)(0.4 * (double)n_clients);
    if (cap < 1)
        cap = 1;
    int64_t lo = ctx->opt->destroy_min, hi = ctx->opt->destroy_max;
    if (lo < 1)
        lo = 1;
    if (hi > cap)
        hi = cap;
    if (lo > hi)
        lo = hi;
    int64_t mid = lo + (hi - lo) / 2;
    if (large && mid < hi)
        lo = mid + 1;
    else if (!large)
        hi = mid;
    return (int)(lo + (int64_t)rng_below(r, (uint64_t)(hi - lo + 1)));
}

/* Start weights of the soft constraints: an excess unit of load costs the
 * longest edge over the largest demand (as in HGS-CVRP), a unit of time
 * or distance costs one. */
static void alns_soft_init(vrp_data *d, int on)
{
    const corto_problem *p = d->p;
    d->soft = on;
    int64_t dmax = 1, qmax = 1;
    const int64_t *dist = p->profiles[0].dist;
    for (size_t t = 0; t < (size_t)d->n * (size_t)d->n; t++)
        if (dist[t] > dmax && dist[t] < SEG_INF)
            dmax = dist[t];
    for (int x = 0; x < d->n; x++)
        for (int k = 0; k < p->n_dims; k++) {
            int64_t q = p->demand[(size_t)x * p->n_dims + (size_t)k];
            if (q < 0)
                q = -q;
            if (q > qmax)
                qmax = q;
        }
    double w = (double)dmax / (double)qmax;
    d->w_load = w < 0.1 ? 0.1 : w > 1000.0 ? 1000.0 : w;
    d->w_time = 1.0;
    d->w_dist = 1.0;
}

/* Count one local-search result and, every ALNS_SOFT_WINDOW of them, move
 * each weight towards ALNS_SOFT_TARGET results free of its excess. */
static void alns_soft_adapt(alns *a, const vrp_state *st, vrp_state *cur)
{
    double *w[3] = {&a->d.w_load, &a->d.w_time, &a->d.w_dist};
    for (int k = 0; k < 3; k++)
        a->soft_free[k] += st->n_over[k] == 0;
    if (++a->soft_runs < ALNS_SOFT_WINDOW)
        return;
    for (int k = 0; k < 3; k++) {
        double f = (double)a->soft_free[k] / (double)a->soft_runs;
        if (f < ALNS_SOFT_TARGET - 0.05)
            *w[k] *= 1.2;
        else if (f > ALNS_SOFT_TARGET + 0.05)
            *w[k] *= 0.85;
        if (*w[k] < ALNS_SOFT_MIN)
            *w[k] = ALNS_SOFT_MIN;
        if (*w[k] > ALNS_SOFT_MAX)
            *w[k] = ALNS_SOFT_MAX;
        a->soft_free[k] = 0;
    }
    a->soft_runs = 0;
    vrp_state_reprice(cur); /* only an infeasible start has penalties */
}

/* Second local search on a candidate with excesses, at ALNS_SOFT_REPAIR
 * times the weights. */
static corto_status alns_soft_repair(alns *a, vrp_state *cand, solve_ctx *ctx,
                                     int64_t since)
{
    double w[3] = {a->d.w_load, a->d.w_time, a->d.w_dist};
    a->d.w_load *= ALNS_SOFT_REPAIR;
    a->d.w_time *= ALNS_SOFT_REPAIR;
    a->d.w_dist *= ALNS_SOFT_REPAIR;
    vrp_state_reprice(cand);
    corto_status rc = vrp_ls_run(a->ls, cand, ctx, since, 0, NULL);
    a->d.w_load = w[0];
    a->d.w_time = w[1];
    a->d.w_dist = w[2];
    vrp_state_reprice(cand);
    return rc;
}

static double alns_progress(solve_ctx *ctx, int64_t first, int64_t done)
{
    const corto_options *o = ctx->opt;
    if (o->iterations > 0) {
        int64_t span = o->iterations - first;
        return accept_progress(0.0, 0.0, done, span > 0 ? span : 1);
    }
    if (o->time_limit > 0)
        return accept_progress(ctx_elapsed(ctx), o->time_limit, 0, 0);
    return -1.0;
}

/* One line of per-arm statistics. */
static void alns_report_arm(solve_ctx *ctx, const char *label,
                            const bandit_arm_stats *s)
{
    double pulls = s->pulls > 0 ? (double)s->pulls : 1.0;
    ctx_log(ctx, 0,
            "  %-22s pulls %7lld  reward %9.1f  best %5.2f%%  "
            "better %5.2f%%  accepted %5.2f%%",
            label, (long long)s->pulls, s->reward,
            100.0 * (double)s->count[OUTCOME_NEW_BEST] / pulls,
            100.0 * (double)s->count[OUTCOME_BETTER] / pulls,
            100.0 * (double)s->count[OUTCOME_ACCEPTED] / pulls);
}

static void alns_report(const alns *a, solve_ctx *ctx, int64_t iters)
{
    char label[64];
    ctx_log(ctx, 0, "alns: %lld iterations, selector %s", (long long)iters,
            bandit_kind_name(bandit_get_kind(a->band)));
    for (int arm = 0; arm < DESTROY_KIND_COUNT * a->n_repairs; arm++) {
        const bandit_arm_stats *s = bandit_stats(a->band, arm);
        if (!s)
            continue;
        int rk = arm % a->n_repairs;
        snprintf(label, sizeof label, "%s + %s",
                 destroy_name((destroy_kind)(arm / a->n_repairs)),
                 rk < REPAIR_KIND_COUNT ? repair_name((repair_kind)rk)
                                        : "neural");
        alns_report_arm(ctx, label, s);
    }
    for (int mode = 0; mode < ALNS_MODES; mode++) {
        const bandit_arm_stats *s = bandit_stats(a->mode_band, mode);
        if (!s)
            continue;
        snprintf(label, sizeof label, "%s size, %s",
                 mode >> 1 ? "large" : "small", mode & 1 ? "soft" : "hard");
        alns_report_arm(ctx, label, s);
    }
    if (ctx->opt->soft_constraints)
        ctx_log(ctx, 0, "  soft weights: load %.3g, time %.3g, distance %.3g",
                a->d.w_load, a->d.w_time, a->d.w_dist);
}

static void alns_free(alns *a)
{
    for (int k = 0; k < 3; k++)
        vrp_state_free(&a->st[k]);
    vrp_ls_destroy(a->ls);
    destroy_destroy(a->dw);
    repair_destroy(a->rw);
    repair_neural_destroy(a->nr);
    bandit_destroy(a->band);
    bandit_destroy(a->mode_band);
    accept_destroy(a->acc);
    route_pool_destroy(a->pool);
    vrp_data_free(&a->d);
}

corto_status alns_run(corto_solution *s, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = ctx->problem;
    alns *a = NULL;
    CORTO_ALLOC(a, 1);
    CORTO_TRY(vrp_data_build(&a->d, p));
    if (a->d.n_clients == 0)
        goto cleanup;
    for (int k = 0; k < 3; k++)
        CORTO_TRY(vrp_state_init(&a->st[k], &a->d));
    vrp_state *cur = &a->st[0], *best = &a->st[1], *cand = &a->st[2];
    alns_soft_init(&a->d, ctx->opt->soft_constraints);
    if (vrp_state_load(cur, s) != CORTO_OK)
        goto cleanup; /* not a solution this search can represent */
    CORTO_TRY(vrp_state_copy(best, cur));
    CORTO_TRY(vrp_ls_create(&a->ls, &a->d));
    CORTO_TRY(destroy_create(&a->dw, &a->d, NULL));
    CORTO_TRY(repair_create(&a->rw, &a->d, 0.01));
    a->n_repairs = REPAIR_KIND_COUNT;
    if (ctx->opt->neural_arm) {
        CORTO_TRY(repair_neural_create(&a->nr, &a->d, ctx));
        a->n_repairs = ALNS_REPAIRS;
    }
    CORTO_TRY(bandit_create(&a->band, (bandit_kind)ctx->opt->selector,
                            DESTROY_KIND_COUNT * a->n_repairs, NULL));
    CORTO_TRY(bandit_create(&a->mode_band, (bandit_kind)ctx->opt->selector,
                            ALNS_MODES, NULL));
    int64_t start_obj = vrp_state_hard_objective(cur);
    /* Narrower thresholds than accept.h's defaults: with local search on
     * the candidates an iteration is costly and runs are short, and a
     * current solution 5% above the best rarely finds its way back. */
    accept_params ap;
    accept_params_init(&ap);
    ap.sa_start_worse = ALNS_START_WORSE;
    ap.rrt_start = ALNS_START_WORSE;
    ap.deluge_start = ALNS_START_WORSE;
    CORTO_TRY(accept_create(&a->acc, (accept_kind)ctx->opt->acceptance, &ap,
                            start_obj));

    if (ctx->opt->route_pool) {
        CORTO_TRY(route_pool_create(&a->pool, &a->d, 0));
        CORTO_TRY(route_pool_add_state(a->pool, cur, -1));
    }

    int64_t first = ctx->iteration, done = 0;
    int64_t cur_obj = start_obj, best_obj = start_obj;
    while (!ctx_should_stop(ctx)) {
        int arm = bandit_select(a->band, &ctx->rng);
        int mode = bandit_select(a->mode_band, &ctx->rng);
        destroy_kind dk = (destroy_kind)(arm / a->n_repairs);
        int rk = arm % a->n_repairs;
        a->d.soft = ctx->opt->soft_constraints && (mode & 1);
        CORTO_TRY(vrp_state_copy(cand, cur));
        int q = alns_destroy_size(ctx, a->d.n_clients, mode >> 1, &ctx->rng);
        int64_t since = cand->counter;
        destroy_apply(a->dw, dk, cand, q, &ctx->rng);
        if (rk < REPAIR_KIND_COUNT)
            CORTO_TRY(repair_apply(a->rw, (repair_kind)rk, cand, &ctx->rng));
        else
            CORTO_TRY(repair_neural_apply(a->nr, a->rw, cand, &ctx->rng));
        int64_t obj = vrp_state_objective(cand);
        if ((double)obj <= (double)best_obj * (1.0 + ALNS_LS_GAP) ||
            obj < best_obj) {
            CORTO_TRY(vrp_ls_run(a->ls, cand, ctx, since, 0, NULL));
            if (a->d.soft) {
                alns_soft_adapt(a, cand, cur);
                if (cand->n_bad > 0)
                    CORTO_TRY(alns_soft_repair(a, cand, ctx, since));
            }
        }
        /* Excesses left over count at the flat penalty: such a candidate
         * never replaces a feasible current or best solution. */
        obj = vrp_state_hard_objective(cand);
        if (a->pool && (double)obj <= (double)best_obj * (1.0 + ALNS_POOL_GAP))
            CORTO_TRY(route_pool_add_state(a->pool, cand, since));
        bandit_outcome out = OUTCOME_REJECTED;
        double progress = alns_progress(ctx, first, done);
        int accepted =
            accept_decide(a->acc, obj, cur_obj, best_obj, progress, &ctx->rng);
        if (obj < best_obj) {
            out = OUTCOME_NEW_BEST;
            best_obj = obj;
            CORTO_TRY(vrp_state_copy(best, cand));
            if (vrp_state_complete(best))
                ctx_new_best(ctx, best->cost);
        } else if (obj < cur_obj) {
            out = OUTCOME_BETTER;
        } else if (accepted) {
            out = OUTCOME_ACCEPTED;
        }
        if (accepted || out != OUTCOME_REJECTED) {
            vrp_state *t = cur;
            cur = cand;
            cand = t;
            cur_obj = obj;
        }
        bandit_reward(a->band, arm, out);
        bandit_reward(a->mode_band, mode, out);
        ctx->iteration++;
        done++;
        if (a->pool && route_pool_due(a->pool, ctx)) {
            int better = 0;
            CORTO_TRY(route_pool_recombine(a->pool, best, ctx, &better));
            if (better) {
                best_obj = cur_obj = vrp_state_hard_objective(best);
                CORTO_TRY(vrp_state_copy(cur, best));
                ctx_new_best(ctx, best->cost);
            }
        }
    }
    if (best_obj < start_obj)
        CORTO_TRY(vrp_state_store(best, s));
    if (ctx->opt->verbose >= 1)
        alns_report(a, ctx, done);
cleanup:
    if (a)
        alns_free(a);
    free(a);
    return rc;
}
