/*
 * glpk_safe.c — GLPK entry guard: error hook with longjmp and
 * glp_free_env, terminal output to the log callback. See glpk_safe.h.
 */
#include "glpk_safe.h"
#include "clock.h"

#include <glpk.h>
#include <limits.h>
#include <setjmp.h>
#include <string.h>

typedef struct glpk_guard_state {
    jmp_buf jump;
    solve_ctx *ctx;
    char line[256]; /* terminal output gathered up to a newline */
    size_t len;
} glpk_guard_state;

/* GLPK calls this on an internal error, before it would abort. */
static void glpk_on_error(void *info)
{
    glpk_guard_state *g = info;
    longjmp(g->jump, 1);
}

/* GLPK's terminal output, one log line per printed line. Returning
 * non-zero keeps GLPK from printing it itself. */
static int glpk_on_output(void *info, const char *s)
{
    glpk_guard_state *g = info;
    for (; *s; s++) {
        if (*s == '\n' || g->len + 1 >= sizeof g->line) {
            g->line[g->len] = '\0';
            if (g->len > 0 && g->ctx)
                ctx_log(g->ctx, 1, "glpk: %s", g->line);
            g->len = 0;
            if (*s == '\n')
                continue;
        }
        g->line[g->len++] = *s;
    }
    return 1;
}

corto_status glpk_guard(solve_ctx *ctx, glpk_body body, void *arg,
                        const char **what)
{
    glpk_guard_state state;
    memset(&state, 0, sizeof state);
    state.ctx = ctx;
    glpk_guard_state *g = &state;
    if (what)
        *what = NULL;
    glp_term_hook(glpk_on_output, g);
    if (setjmp(g->jump)) {
        /* GLPK is in an undefined state: drop all of it. */
        glp_free_env();
        if (what)
            *what = "GLPK stopped with an internal error";
        return CORTO_ERR_EXTERNAL;
    }
    glp_error_hook(glpk_on_error, g);
    corto_status rc = body(arg);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    return rc;
}

int glpk_time_limit_ms(const solve_ctx *ctx)
{
    if (ctx->deadline <= 0)
        return INT_MAX;
    double left = (ctx->deadline - clock_cpu_seconds()) * 1000.0;
    if (left < 1.0)
        return 1;
    if (left > (double)INT_MAX)
        return INT_MAX;
    return (int)left;
}

int glpk_wall_backstop_ms(const solve_ctx *ctx)
{
    int ms = glpk_time_limit_ms(ctx);
    return ms < INT_MAX / 2 - 1000 ? 2 * ms + 1000 : INT_MAX;
}

double glpk_share_begin(solve_ctx *ctx, double seconds)
{
    double saved = ctx->deadline;
    double until = seconds > 0 ? clock_cpu_seconds() + seconds : saved;
    if (saved > 0 && (until <= 0 || saved < until))
        until = saved;
    ctx->deadline = until;
    return saved;
}

void glpk_share_end(solve_ctx *ctx, double saved)
{
    ctx->deadline = saved;
    if (ctx->stop != CORTO_STOP_CALLBACK &&
        !(saved > 0 && clock_cpu_seconds() >= saved))
        ctx->stop = CORTO_STOP_NONE;
}
