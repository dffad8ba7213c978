/*
 * vrp_ls.h — granular local search on a vrp_state (relocate of 1-3 client
 * chains, swap, 2-opt*, 2-opt), used by vrp_improve and on every ALNS
 * candidate. See vrp_ls.c.
 */
#ifndef CORTO_VRP_LS_H
#define CORTO_VRP_LS_H

#include "vrp_state.h"

/* Work space of the local search, sized once for a problem. */
typedef struct vrp_ls vrp_ls;

corto_status vrp_ls_create(vrp_ls **out, const vrp_data *d);
/* Free ls; NULL is a no-op. */
void vrp_ls_destroy(vrp_ls *ls);

/*
 * Improve st to a local optimum (or until ctx says stop). With `since` = 0
 * every client is examined; with since > 0 a pair of routes neither of
 * which changed after the state's counter was `since` is skipped, so a
 * state that was a local optimum at that time only has the changed routes'
 * neighbourhoods searched. With `count` the moves count as solve
 * iterations (ctx->iteration, best-cost reports); otherwise ctx is only
 * asked whether to stop. *moves (may be NULL) receives the moves made.
 * Does not allocate once the routes' buffers are warm.
 */
corto_status vrp_ls_run(vrp_ls *ls, vrp_state *st, solve_ctx *ctx,
                        int64_t since, int count, int64_t *moves);

#endif /* CORTO_VRP_LS_H */
