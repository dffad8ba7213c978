/*
 * tsp_onetree.h — the Held-Karp lower bound for symmetric TSPs: 1-trees
 * under node penalties improved by subgradient steps, O(n^2) time per
 * step on the dense weights and O(n) memory, so it serves instances too
 * large for the LP bound.
 */
#ifndef CORTO_TSP_ONETREE_H
#define CORTO_TSP_ONETREE_H

#include "context.h"
#include "tsp_tour.h"

/*
 * A lower bound on the weight of every tour of the symmetric view v (fixed
 * edges ignored, which keeps it valid), by at most max_steps subgradient
 * steps or until ctx says stop; `upper` is the weight of a known tour
 * (it sets the step sizes). *bound receives the best bound found (the
 * best penalised 1-tree value rounded up: weights are integers), or
 * INT64_MIN when no 1-tree was computed. Returns CORTO_ERR_NOMEM or
 * CORTO_OK.
 */
corto_status tsp_onetree_bound(const tsp_view *v, int64_t upper, int max_steps,
                               solve_ctx *ctx, int64_t *bound);

#endif /* CORTO_TSP_ONETREE_H */
