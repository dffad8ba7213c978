/*
 * context.h — the state one solve carries through every component: the
 * problem, the options, the RNG, the clock and limits, and the callbacks.
 * Heuristics ask ctx_should_stop() between steps instead of reading clocks.
 */
#ifndef CORTO_CONTEXT_H
#define CORTO_CONTEXT_H

#include "model.h"
#include "rng.h"

typedef struct solve_ctx {
    const corto_problem *problem;
    const corto_options *opt;
    rng rng;
    double start_cpu;       /* CPU seconds at the start of the solve */
    double deadline;        /* absolute CPU seconds; <= 0 = none */
    int64_t iteration;      /* search iterations done */
    int64_t best_cost;      /* best cost reported so far (INT64_MAX none) */
    int64_t best_iteration; /* iteration at which best_cost was reported */
    double next_progress;   /* CPU seconds of the next progress call */
    corto_stop_reason stop; /* set once a limit or the callback stops us */
} solve_ctx;

void ctx_init(solve_ctx *ctx, const corto_problem *p,
              const corto_options *opt);
/* Seconds elapsed since the start of the solve. */
double ctx_elapsed(const solve_ctx *ctx);
/*
 * 1 when the solve must stop (time or iteration limit, stall, or the progress
 * callback said so); calls the progress callback at its interval. Cheap
 * enough to call once per iteration of any loop.
 */
int ctx_should_stop(solve_ctx *ctx);
/* Record a new best cost (reported at the next progress call). */
void ctx_new_best(solve_ctx *ctx, int64_t cost);
/* Send a formatted line to the log callback if verbose >= level+1. */
void ctx_log(const solve_ctx *ctx, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* CORTO_CONTEXT_H */
