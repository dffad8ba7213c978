/*
 * context.c — limits, progress reporting and logging for one solve.
 */
#include "context.h"
#include "clock.h"

#include <stdarg.h>
#include <stdio.h>

void ctx_init(solve_ctx *ctx, const corto_problem *p, const corto_options *opt)
{
    ctx->problem = p;
    ctx->opt = opt;
    rng_seed(&ctx->rng, opt->seed);
    ctx->start_cpu = clock_cpu_seconds();
    ctx->deadline = opt->time_limit > 0 ? ctx->start_cpu + opt->time_limit : 0;
    ctx->iteration = 0;
    ctx->best_cost = INT64_MAX;
    ctx->best_iteration = 0;
    ctx->next_progress = ctx->start_cpu;
    ctx->stop = CORTO_STOP_NONE;
}

double ctx_elapsed(const solve_ctx *ctx)
{
    return clock_cpu_seconds() - ctx->start_cpu;
}

int ctx_should_stop(solve_ctx *ctx)
{
    if (ctx->stop != CORTO_STOP_NONE)
        return 1;
    if (ctx->opt->iterations > 0 && ctx->iteration >= ctx->opt->iterations) {
        ctx->stop = CORTO_STOP_ITERATION_LIMIT;
        return 1;
    }
    if (ctx->opt->stall > 0 &&
        ctx->iteration - ctx->best_iteration >= ctx->opt->stall) {
        ctx->stop = CORTO_STOP_STALL;
        return 1;
    }
    double now = clock_cpu_seconds();
    if (ctx->deadline > 0 && now >= ctx->deadline) {
        ctx->stop = CORTO_STOP_TIME_LIMIT;
        return 1;
    }
    if (ctx->opt->progress && now >= ctx->next_progress) {
        ctx->next_progress = now + ctx->opt->progress_interval;
        if (ctx->opt->progress(ctx->opt->progress_user, ctx->best_cost,
                               now - ctx->start_cpu, ctx->iteration)) {
            ctx->stop = CORTO_STOP_CALLBACK;
            return 1;
        }
    }
    return 0;
}

void ctx_new_best(solve_ctx *ctx, int64_t cost)
{
    if (cost < ctx->best_cost) {
        ctx->best_cost = cost;
        ctx->best_iteration = ctx->iteration;
    }
}

void ctx_log(const solve_ctx *ctx, int level, const char *fmt, ...)
{
    if (!ctx->opt->log || ctx->opt->verbose < level + 1)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ctx->opt->log(ctx->opt->log_user, level, line);
}
