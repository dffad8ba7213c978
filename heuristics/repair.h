/*
 * repair.h — repair operators of the VRP ALNS: each inserts the unassigned
 * clients of a vrp_state (as whole units, see vrp_state.h) at feasible
 * positions found through O(1) segment queries; a pickup-delivery pair goes
 * into one route with its pickup anywhere before its delivery, found in
 * O(len^2) segment joins per route. A unit that fits in no
 * non-empty route opens a new route when the fleet allows; one that fits
 * nowhere stays unassigned, and the state's objective penalises it.
 * Optional clients are inserted only where that lowers the cost.
 */
#ifndef CORTO_REPAIR_H
#define CORTO_REPAIR_H

#include "vrp_state.h"

typedef enum repair_kind {
    REPAIR_GREEDY,  /* cheapest insertion, random order */
    REPAIR_REGRET2, /* regret-2 (Ropke & Pisinger 2006) */
    REPAIR_REGRET3, /* regret-3 */
    REPAIR_BLINKS,  /* greedy with blinks, SISR order (Christiaens & Vanden
                       Berghe 2020) */
    REPAIR_KIND_COUNT
} repair_kind;

typedef struct repair_ws repair_ws;

/* blink: probability of skipping a position in REPAIR_BLINKS [0.01]. */
corto_status repair_create(repair_ws **out, const vrp_data *d, double blink);
void repair_destroy(repair_ws *w);

/* Short name ("greedy", "regret2", "regret3", "blinks"). */
const char *repair_name(repair_kind kind);

/* Insert st's unassigned clients. Allocates only while the regret table
 * grows to its largest size (warm-up). */
corto_status repair_apply(repair_ws *w, repair_kind kind, vrp_state *st,
                          rng *r);

#endif /* CORTO_REPAIR_H */
