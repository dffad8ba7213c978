/*
 * glpk_safe.h — the only way corto enters GLPK. GLPK reports an internal
 * error by printing and aborting the process unless an error hook is
 * installed; glpk_guard installs one that longjmps back, frees GLPK's
 * environment (every GLPK object of the thread with it) and returns
 * CORTO_ERR_EXTERNAL. GLPK's terminal output goes to the solve's log
 * callback (debug level) instead of stdout.
 *
 * Rules for a body run under glpk_guard:
 *  - call glp_* functions only inside a body;
 *  - allocate your own memory (malloc) before glpk_guard and free it after,
 *    whatever the status: a GLPK error jumps out of the body, so memory
 *    the body allocates itself would leak;
 *  - GLPK objects (glp_prob, ...) made in the body must be deleted in the
 *    body on success; on a GLPK error glp_free_env reclaims them;
 *  - set tm_lim of glp_iocp / glp_smcp from glpk_time_limit_ms.
 * Not reentrant: a body must not call glpk_guard.
 */
#ifndef CORTO_GLPK_SAFE_H
#define CORTO_GLPK_SAFE_H

#include "context.h"

typedef corto_status (*glpk_body)(void *arg);

/*
 * Run body(arg) with GLPK's error and terminal hooks installed. Returns
 * the body's status, or CORTO_ERR_EXTERNAL after a GLPK error (then
 * *what, when not NULL, says so in words).
 */
corto_status glpk_guard(solve_ctx *ctx, glpk_body body, void *arg,
                        const char **what);

/* Milliseconds left before ctx's deadline for a GLPK time limit (tm_lim),
 * at least 1; INT_MAX when the solve has no time limit. */
int glpk_time_limit_ms(const solve_ctx *ctx);

/*
 * A wall-clock backstop for tm_lim where corto checks the CPU deadline
 * itself between GLPK calls or in a callback: GLPK's tm_lim counts
 * wall-clock time, which on a loaded machine runs ahead of the CPU time
 * the deadline counts, so glpk_time_limit_ms would stop it early. Twice
 * the time left plus a second; INT_MAX when that does not fit.
 */
int glpk_wall_backstop_ms(const solve_ctx *ctx);

/*
 * A phase of the exact engine with its own share of the time: bring
 * ctx's deadline forward to `seconds` of CPU time from now (when that is
 * earlier; seconds <= 0 keeps it) and return the deadline to hand back to
 * glpk_share_end, which restores it and forgets a stop that the shorter
 * deadline alone caused (the caller's stop and the overall deadline stay).
 */
double glpk_share_begin(solve_ctx *ctx, double seconds);
void glpk_share_end(solve_ctx *ctx, double saved);

#endif /* CORTO_GLPK_SAFE_H */
