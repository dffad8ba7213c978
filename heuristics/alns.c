/*
 * alns.c — the ALNS loop for VRPs. Every (destroy, repair) pair of
 * destroy.h and repair.h is one arm of a bandit (bandit.h). An iteration:
 * pick an arm, copy the current solution into the candidate, remove a
 * number of clients drawn uniformly from [destroy-min, destroy-max] (capped
 * at 40% of the clients), repair, run the granular local search on the
 * candidate when it is within ALNS_LS_GAP of the best (local search
 * dominates the run time, so hopeless candidates skip it), then let the
 * acceptance criterion (accept.h) decide and reward the arm with the
 * outcome: new best, better than current, accepted, rejected (Ropke &
 * Pisinger 2006, "An adaptive large neighborhood search heuristic for the
 * pickup and delivery problem with time windows", Transp. Sci. 40(4)).
 *
 * Solutions are compared by the penalised objective of vrp_state.h, so a
 * candidate that leaves a required client out is never preferred to a
 * complete one. Three states (current, best, candidate) are allocated up
 * front; after their route buffers have grown to their working sizes the
 * loop does not allocate.
 *
 * Progress for the acceptance schedule is the fraction of the iteration
 * limit when one is set (so a seed and an iteration count give the same
 * run on any machine), otherwise the fraction of the time limit.
 */
#include "alns.h"
#include "accept.h"
#include "bandit.h"
#include "destroy.h"
#include "repair.h"
#include "util.h"
#include "vrp_ls.h"

#include <string.h>

/* Local search on candidates within this fraction of the best. */
#define ALNS_LS_GAP 0.05

/* Worsening (fraction of the start cost) the acceptance schedules let
 * through at the start. */
#define ALNS_START_WORSE 0.002

#define ALNS_ARMS (DESTROY_KIND_COUNT * REPAIR_KIND_COUNT)

typedef struct alns {
    vrp_data d;
    vrp_state st[3]; /* current, best, candidate (rotated by pointer) */
    vrp_ls *ls;
    destroy_ws *dw;
    repair_ws *rw;
    bandit *band;
    accept_criterion *acc;
} alns;

/* Uniform destroy size in the configured range, within 1..40% of the
 * clients (at least 1). */
static int alns_destroy_size(const solve_ctx *ctx, int n_clients, rng *r)
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
    return (int)(lo + (int64_t)rng_below(r, (uint64_t)(hi - lo + 1)));
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

static void alns_report(const alns *a, solve_ctx *ctx, int64_t iters)
{
    ctx_log(ctx, 0, "alns: %lld iterations, selector %s", (long long)iters,
            bandit_kind_name(bandit_get_kind(a->band)));
    for (int arm = 0; arm < ALNS_ARMS; arm++) {
        const bandit_arm_stats *s = bandit_stats(a->band, arm);
        if (!s)
            continue;
        double pulls = s->pulls > 0 ? (double)s->pulls : 1.0;
        ctx_log(ctx, 0,
                "  %-7s + %-7s pulls %7lld  reward %9.1f  best %5.2f%%  "
                "better %5.2f%%  accepted %5.2f%%",
                destroy_name((destroy_kind)(arm / REPAIR_KIND_COUNT)),
                repair_name((repair_kind)(arm % REPAIR_KIND_COUNT)),
                (long long)s->pulls, s->reward,
                100.0 * (double)s->count[OUTCOME_NEW_BEST] / pulls,
                100.0 * (double)s->count[OUTCOME_BETTER] / pulls,
                100.0 * (double)s->count[OUTCOME_ACCEPTED] / pulls);
    }
}

static void alns_free(alns *a)
{
    for (int k = 0; k < 3; k++)
        vrp_state_free(&a->st[k]);
    vrp_ls_destroy(a->ls);
    destroy_destroy(a->dw);
    repair_destroy(a->rw);
    bandit_destroy(a->band);
    accept_destroy(a->acc);
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
    if (vrp_state_load(cur, s) != CORTO_OK)
        goto cleanup; /* not a solution this search can represent */
    CORTO_TRY(vrp_state_copy(best, cur));
    CORTO_TRY(vrp_ls_create(&a->ls, &a->d));
    CORTO_TRY(destroy_create(&a->dw, &a->d, NULL));
    CORTO_TRY(repair_create(&a->rw, &a->d, 0.01));
    CORTO_TRY(bandit_create(&a->band, (bandit_kind)ctx->opt->selector,
                            ALNS_ARMS, NULL));
    int64_t start_obj = vrp_state_objective(cur);
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

    int64_t first = ctx->iteration, done = 0;
    int64_t cur_obj = start_obj, best_obj = start_obj;
    while (!ctx_should_stop(ctx)) {
        int arm = bandit_select(a->band, &ctx->rng);
        destroy_kind dk = (destroy_kind)(arm / REPAIR_KIND_COUNT);
        repair_kind rk = (repair_kind)(arm % REPAIR_KIND_COUNT);
        CORTO_TRY(vrp_state_copy(cand, cur));
        int q = alns_destroy_size(ctx, a->d.n_clients, &ctx->rng);
        int64_t since = cand->counter;
        destroy_apply(a->dw, dk, cand, q, &ctx->rng);
        CORTO_TRY(repair_apply(a->rw, rk, cand, &ctx->rng));
        int64_t obj = vrp_state_objective(cand);
        if ((double)obj <= (double)best_obj * (1.0 + ALNS_LS_GAP) ||
            obj < best_obj) {
            CORTO_TRY(vrp_ls_run(a->ls, cand, ctx, since, 0, NULL));
            obj = vrp_state_objective(cand);
        }
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
        ctx->iteration++;
        done++;
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
