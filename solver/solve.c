/*
 * solve.c — the solve pipeline: validate and prepare the problem, build a
 * first solution, improve it within the limits (local search; for VRPs
 * then the ALNS of heuristics/alns.c), evaluate it with
 * route_eval, and (in debug builds) confirm it with the independent checker.
 */
#include "alns.h"
#include "construct.h"
#include "nn_construct.h"
#include "repair_neural.h"
#include "route_eval.h"
#include "cvrp_bound.h"
#include "cvrp_exact.h"
#include "tsp_exact.h"
#include "util.h"

#include <assert.h>

/* Pick and run the construction the options ask for. */
static corto_status construct(corto_solution *sol, solve_ctx *ctx)
{
    const corto_problem *p = ctx->problem;
    corto_init_method m = ctx->opt->init;
    if (m == CORTO_INIT_NEURAL)
        return nn_construct(sol, ctx);
    if (p->kind != CORTO_KIND_VRP) {
        if (m == CORTO_INIT_SAVINGS)
            return CORTO_ERR_OPTION;
        if (m == CORTO_INIT_NEAREST)
            return construct_tsp_nearest(sol, ctx);
        return construct_tsp_insertion(sol, ctx);
    }
    switch (m) {
    case CORTO_INIT_NEAREST:
        return construct_nearest(sol, ctx);
    case CORTO_INIT_INSERTION:
        return CORTO_ERR_OPTION;
    case CORTO_INIT_AUTO:
    case CORTO_INIT_SAVINGS:
    case CORTO_INIT_NEURAL:
        break;
    }
    return construct_savings(sol, ctx);
}

/*
 * The lower-bound option: an LP relaxation bound (tsp_exact_bound,
 * cvrp_lp_bound) in at most 10% of the time limit, before the search
 * gets the rest. *bound stays INT64_MIN when the problem has none.
 */
static corto_status solve_lower_bound(const corto_solution *sol,
                                      solve_ctx *ctx, int64_t *bound)
{
    double share = ctx->opt->time_limit > 0 ? 0.1 * ctx->opt->time_limit : 0;
    *bound = INT64_MIN;
    if (ctx->problem->kind == CORTO_KIND_VRP)
        return cvrp_lp_bound(ctx, share, bound);
    return tsp_exact_bound(sol, ctx, share, bound);
}

/* Record the lower-bound option's bound on the final solution: a bound at
 * its cost proves it optimal. */
static void solve_keep_bound(corto_solution *sol, int64_t bound)
{
    if (bound == INT64_MIN || sol->status != CORTO_SOLUTION_FEASIBLE ||
        sol->lower_bound != INT64_MIN)
        return;
    sol->lower_bound = bound < sol->cost ? bound : sol->cost;
    if (bound >= sol->cost)
        sol->status = CORTO_SOLUTION_OPTIMAL;
}

corto_status corto_solve(corto_solution **out, const corto_problem *problem,
                         const corto_options *options)
{
    corto_status rc = CORTO_OK;
    corto_problem *prepared = NULL;
    corto_solution *sol = NULL;
    corto_options defaults;
    if (!out || !problem)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    if (!options) {
        corto_options_init(&defaults);
        options = &defaults;
    }
    CORTO_TRY(corto_problem_validate(problem, NULL));
    /* Problems built from coordinates get their matrices, and a fleet cap
     * from the options its counts, on a private copy: the caller's problem
     * stays untouched (it is const). */
    const corto_problem *p = problem;
    int need_matrix = 0, need_cap = 0;
    for (int k = 0; k < problem->n_profiles; k++)
        if (!problem->profiles[k].dist || !problem->profiles[k].dur)
            need_matrix = 1;
    for (int v = 0; v < problem->n_vtypes; v++)
        if (options->vehicles > 0 &&
            problem->vtypes[v].count > options->vehicles)
            need_cap = 1;
    if (need_matrix || need_cap) {
        CORTO_TRY(corto_problem_copy(&prepared, problem));
        CORTO_TRY(model_prepare(prepared));
        for (int v = 0; v < prepared->n_vtypes && need_cap; v++)
            if (prepared->vtypes[v].count > options->vehicles)
                prepared->vtypes[v].count = options->vehicles;
        p = prepared;
    }
    if (p->n_dims > CORTO_MAX_DIMS) {
        rc = CORTO_ERR_UNSUPPORTED;
        goto cleanup;
    }
    solve_ctx ctx;
    ctx_init(&ctx, p, options);
    /* The neural arm is refused up front, not after the construction. */
    if (options->neural_arm && !options->construct_only)
        CORTO_TRY(repair_neural_supported(&ctx));
    CORTO_TRY(corto_solution_create(&sol, p));
    CORTO_TRY(construct(sol, &ctx));
    route_eval_solution(sol);
    ctx_new_best(&ctx, sol->cost);
    ctx_log(&ctx, 0, "construction: cost %lld, %d routes, %.3f s",
            (long long)sol->cost, sol->n_routes, ctx_elapsed(&ctx));

    int64_t bound_lp = INT64_MIN;
    if (options->lower_bound && !options->exact && !options->construct_only &&
        !ctx_should_stop(&ctx)) {
        CORTO_TRY(solve_lower_bound(sol, &ctx, &bound_lp));
        ctx_log(&ctx, 0, "lower bound: %lld, %.3f s", (long long)bound_lp,
                ctx_elapsed(&ctx));
    }

    if (options->exact && p->kind == CORTO_KIND_VRP) {
        /* Small CVRPs: local search for a first incumbent, then set
         * partitioning over every feasible route (OPTIMAL when proven,
         * else the bound); the ALNS uses whatever time is left. Problems
         * the enumeration does not cover are refused (UNSUPPORTED). */
        if (!options->construct_only && !ctx_should_stop(&ctx))
            CORTO_TRY(vrp_improve(sol, &ctx));
        route_eval_solution(sol);
        int64_t bound = INT64_MIN;
        CORTO_TRY(cvrp_exact(sol, &ctx, &bound));
        ctx_new_best(&ctx, sol->cost);
        ctx_log(&ctx, 0, "exact: cost %lld, bound %lld, %.3f s",
                (long long)sol->cost, (long long)bound, ctx_elapsed(&ctx));
    } else if (options->exact && !options->construct_only &&
               !ctx_should_stop(&ctx)) {
        /* Heuristic warm start, then branch-and-cut; sets the status
         * (OPTIMAL when proven) and the lower bound. */
        CORTO_TRY(tsp_exact_solve(sol, &ctx));
        ctx_log(&ctx, 0, "exact: cost %lld, bound %lld, %.3f s",
                (long long)sol->cost, (long long)sol->lower_bound,
                ctx_elapsed(&ctx));
    } else if (!options->construct_only && options->local_search &&
               !ctx_should_stop(&ctx)) {
        if (p->kind == CORTO_KIND_VRP)
            CORTO_TRY(vrp_improve(sol, &ctx));
        else
            CORTO_TRY(tsp_improve(sol, &ctx));
        route_eval_solution(sol);
        ctx_new_best(&ctx, sol->cost);
        ctx_log(&ctx, 0, "local search: cost %lld, %.3f s",
                (long long)sol->cost, ctx_elapsed(&ctx));
    }
    if (!options->construct_only && p->kind == CORTO_KIND_VRP &&
        sol->status != CORTO_SOLUTION_OPTIMAL && !ctx_should_stop(&ctx)) {
        int64_t bound = sol->lower_bound;
        CORTO_TRY(alns_run(sol, &ctx));
        route_eval_solution(sol);
        sol->lower_bound = bound;
        ctx_new_best(&ctx, sol->cost);
        ctx_log(&ctx, 0, "alns: cost %lld, %.3f s", (long long)sol->cost,
                ctx_elapsed(&ctx));
    }
    solve_keep_bound(sol, bound_lp);
    sol->stop = ctx.stop != CORTO_STOP_NONE ? ctx.stop : CORTO_STOP_COMPLETED;
    sol->seconds = ctx_elapsed(&ctx);
    sol->iterations = ctx.iteration;
    /* Final progress report so the callback always sees the result. */
    if (options->progress)
        options->progress(options->progress_user, sol->cost, sol->seconds,
                          sol->iterations);

#ifndef NDEBUG
    {
        corto_check_report rep;
        if (corto_solution_check(&rep, p, sol, sol->cost) != CORTO_OK ||
            rep.feasible != (sol->status == CORTO_SOLUTION_FEASIBLE ||
                             sol->status == CORTO_SOLUTION_OPTIMAL)) {
            rc = CORTO_ERR_INTERNAL;
            goto cleanup;
        }
    }
#endif
    /* The solution must refer to the caller's problem, not our copy. */
    sol->problem = problem;
    *out = sol;
    sol = NULL;
cleanup:
    corto_solution_destroy(sol);
    corto_problem_destroy(prepared);
    return rc;
}
