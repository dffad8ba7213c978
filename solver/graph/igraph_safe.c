/*
 * igraph_safe.c — igraph entry guard: error, warning and fatal handlers
 * that record instead of printing or aborting. See igraph_safe.h.
 */
#include "igraph_safe.h"
#include "util.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

typedef struct igraph_guard_state {
    jmp_buf jump;
    char error[256];
    char warning[256];
    igraph_error_t errno_seen;
} igraph_guard_state;

static _Thread_local igraph_guard_state *guard_active;
static _Thread_local char guard_last_warning[256];

/* Error handler: keep the first reason and free igraph's temporaries, as
 * igraph_error_handler_ignore does; igraph then returns the error code. */
static void igraph_on_error(const char *reason, const char *file, int line,
                            igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    igraph_guard_state *g = guard_active;
    if (g && g->errno_seen == IGRAPH_SUCCESS) {
        snprintf(g->error, sizeof g->error, "%s (%s)",
                 reason ? reason : "error", igraph_strerror(igraph_errno));
        g->errno_seen = igraph_errno;
    }
    IGRAPH_FINALLY_FREE();
}

static void igraph_on_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    igraph_guard_state *g = guard_active;
    if (g)
        snprintf(g->warning, sizeof g->warning, "%s",
                 reason ? reason : "warning");
}

/* igraph calls this for broken invariants; it must not return. */
static void igraph_on_fatal(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    igraph_guard_state *g = guard_active;
    if (g) {
        snprintf(g->error, sizeof g->error, "fatal: %s",
                 reason ? reason : "internal error");
        longjmp(g->jump, 1);
    }
    /* Outside a guard nothing can be recovered: keep igraph's own way. */
    igraph_fatal_handler_abort(reason, file, line);
}

corto_status igraph_guard(igraph_body body, void *arg, corto_diag *diag)
{
    igraph_guard_state state;
    memset(&state, 0, sizeof state);
    igraph_guard_state *volatile g = &state;
    igraph_error_handler_t *old_error =
        igraph_set_error_handler(igraph_on_error);
    igraph_warning_handler_t *old_warning =
        igraph_set_warning_handler(igraph_on_warning);
    igraph_fatal_handler_t *old_fatal =
        igraph_set_fatal_handler(igraph_on_fatal);
    guard_active = g;
    corto_status rc = CORTO_OK;
    igraph_error_t err;
    if (setjmp(state.jump)) {
        rc = diag_set(diag, CORTO_ERR_EXTERNAL, NULL, 0, "igraph: %s",
                      g->error);
        goto restore;
    }
    err = body(arg);
    if (err != IGRAPH_SUCCESS) {
        if (g->errno_seen == IGRAPH_SUCCESS)
            snprintf(g->error, sizeof g->error, "%s", igraph_strerror(err));
        rc = diag_set(
            diag, err == IGRAPH_ENOMEM ? CORTO_ERR_NOMEM : CORTO_ERR_EXTERNAL,
            NULL, 0, "igraph: %s", g->error);
    }
restore:
    snprintf(guard_last_warning, sizeof guard_last_warning, "%s", g->warning);
    guard_active = NULL;
    igraph_set_error_handler(old_error);
    igraph_set_warning_handler(old_warning);
    igraph_set_fatal_handler(old_fatal);
    return rc;
}

const char *igraph_guard_last_warning(void)
{
    return guard_last_warning;
}
