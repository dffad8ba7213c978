/*
 * vrp_swap_star.h — the SWAP* neighbourhood (Vidal 2022) between pairs of
 * routes of a vrp_state, used by the local search of vrp_ls.c. See
 * vrp_swap_star.c.
 */
#ifndef CORTO_VRP_SWAP_STAR_H
#define CORTO_VRP_SWAP_STAR_H

#include "vrp_state.h"

typedef struct swap_star swap_star;

corto_status swap_star_create(swap_star **out, const vrp_data *d);
/* Free s; NULL is a no-op. */
void swap_star_destroy(swap_star *s);

/* 1 when the neighbourhood applies to the problem of d: route costs are
 * distance-based (no duration or visit costs) and there are no time
 * windows, skills, pairs or fixed edges. */
int swap_star_applies(const vrp_data *d);

/*
 * One pass over the route pairs that are granular neighbours and of which
 * at least one route changed after the state's counter was `since`;
 * makes every improving SWAP* move found and counts them in *moved.
 */
corto_status swap_star_pass(swap_star *s, vrp_state *st, int64_t since,
                            int *moved);

#endif /* CORTO_VRP_SWAP_STAR_H */
