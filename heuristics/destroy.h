/*
 * destroy.h — destroy operators of the VRP ALNS: each removes about
 * n_remove clients (whole units, with both ends of a pickup-delivery pair,
 * see vrp_state.h) from a vrp_state and leaves them unassigned, with its
 * randomness drawn from the given rng.
 */
#ifndef CORTO_DESTROY_H
#define CORTO_DESTROY_H

#include "vrp_state.h"

typedef enum destroy_kind {
    DESTROY_RANDOM,  /* uniformly random clients */
    DESTROY_WORST,   /* randomised worst removal (Ropke & Pisinger 2006) */
    DESTROY_RELATED, /* Shaw removal of related clients (Shaw 1998) */
    DESTROY_STRING,  /* adjacent string removal, SISR (Christiaens & Vanden
                        Berghe 2020) */
    DESTROY_ROUTE,   /* whole random routes */
    DESTROY_KIND_COUNT
} destroy_kind;

typedef struct destroy_params {
    double worst_p;    /* determinism of worst removal, >= 1 [3] */
    double related_p;  /* determinism of related removal, >= 1 [6] */
    int string_lmax;   /* SISR L^max, the longest string [10] */
    double split_rate; /* SISR: share of split strings [0.5] */
    double split_beta; /* SISR split depth beta [0.01] */
} destroy_params;

void destroy_params_init(destroy_params *dp);

/* Work space sized once for the data; owned by the caller. */
typedef struct destroy_ws destroy_ws;

corto_status destroy_create(destroy_ws **out, const vrp_data *d,
                            const destroy_params *dp);
void destroy_destroy(destroy_ws *w);

/* Short name ("random", "worst", "related", "string", "route"). */
const char *destroy_name(destroy_kind kind);

/*
 * Remove about n_remove clients of st with operator `kind` (at least one
 * when any client is routed; SISR reads n_remove as its average c-bar).
 * Leaves st refreshed. Does not allocate.
 */
void destroy_apply(destroy_ws *w, destroy_kind kind, vrp_state *st,
                   int n_remove, rng *r);

#endif /* CORTO_DESTROY_H */
